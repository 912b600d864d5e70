package builder

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/briefhq/brief/builder/spill"
)

// memFiles is a render.Output that keeps what it is given, the later
// version of a file over the earlier, as the preview's snapshot does.
type memFiles struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *memFiles) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	m.files[name] = bytes.Clone(data)
	return nil
}

// stashArticle is a small article whose body says which version it is.
func stashArticle(i int, text string) string {
	return fmt.Sprintf("---\ntitle: Report %d on the grain corridor\ndate: 2022-03-%02d\nsource: Wire\n---\n\n%s\n\nThe ministry said the ships would sail on Tuesday.\n", i, 1+i, text)
}

func stashSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 6 {
		files[fmt.Sprintf("content/articles/a%d.md", i)] = stashArticle(i, fmt.Sprintf("First version of report %d: the port reopened after talks.", i))
	}
	writeSiteFiles(t, dir, files)
	return dir
}

// renderAll builds s's site and renders it, incrementally or in full,
// into out.
func renderAll(t *testing.T, s *Session, out *memFiles, incremental bool) {
	t.Helper()
	ctx := context.Background()
	m, err := s.Model(ctx)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Render(ctx, m, out, incremental)
	if err != nil {
		t.Fatal(err)
	}
	s.Commit(m, res)
}

// freshRender is the site in dir rendered by a new session that keeps
// its text in memory.
func freshRender(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	var out memFiles
	renderAll(t, s, &out, false)
	return out.files
}

func sameFiles(t *testing.T, step string, got, want map[string][]byte) {
	t.Helper()
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("%s: %d files, want the %d of a fresh build", step, len(got), len(want))
	}
	for name, w := range want {
		if !bytes.Equal(got[name], w) {
			t.Errorf("%s: %s differs from a fresh build's", step, name)
		}
	}
}

// TestPreviewStashKeepsEditedText edits one article forty times in a
// session that stashes article text (as the preview does), and checks
// after each edit that the article's page shows the new text and none
// of the old; that an edit adds only the edited article's text to the
// scratch file; that after all the edits a full render of the session
// is byte-identical to a fresh build; and that Close leaves nothing in
// the scratch file's folder.
func TestPreviewStashKeepsEditedText(t *testing.T) {
	dir, scratch := stashSite(t), t.TempDir()
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.StashText(scratch); err != nil {
		t.Fatal(err)
	}
	var out memFiles
	renderAll(t, s, &out, false)
	page := ""
	for name, data := range out.files {
		if strings.HasSuffix(name, "index.html") && bytes.Contains(data, []byte("First version of report 2:")) {
			page = name
		}
	}
	if page == "" {
		t.Fatal("no page shows the text of report 2")
	}
	first := s.spill.Size()
	if first == 0 {
		t.Fatal("nothing was stashed")
	}
	most := int64(0)
	for i := range 40 {
		text := fmt.Sprintf("Edit number %d of report 2: the corridor closed again.", i)
		writeSiteFiles(t, dir, map[string]string{"content/articles/a2.md": stashArticle(2, text)})
		s.Changed("content/articles/a2.md")
		before := s.spill.Size()
		renderAll(t, s, &out, true)
		most = max(most, s.spill.Size()-before)
		got := out.files[page]
		if !bytes.Contains(got, []byte(text)) {
			t.Fatalf("edit %d: %s does not show the edited text", i, page)
		}
		if i > 0 && bytes.Contains(got, []byte(fmt.Sprintf("Edit number %d of", i-1))) {
			t.Fatalf("edit %d: %s still shows the text before it", i, page)
		}
	}
	// Six articles were stashed at first; an edit stashes one again.
	if most == 0 || most > first/3 {
		t.Errorf("an edit stashed %d bytes, the first build %d for six articles: want one article's worth", most, first)
	}
	var full memFiles
	renderAll(t, s, &full, false)
	sameFiles(t, "after 40 edits", full.files, freshRender(t, dir))
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(scratch); len(left) != 0 {
		t.Errorf("Close left %d files in the scratch folder", len(left))
	}
	m, err := s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Render(context.Background(), m, &memFiles{}, false); err == nil {
		t.Error("a closed session rendered its pages without their text")
	}
}

// failingStore refuses every write, as a full disk would.
type failingStore struct{}

func (failingStore) Put([]byte) (int64, error) { return 0, errors.New("no space left on device") }
func (failingStore) Get(int64, int) []byte     { return nil }

// TestPreviewStashWriteErrorKeepsText checks that when the scratch file
// cannot be written the text stays in memory: the pages, first and after
// an edit, are those of a session that never stashed.
func TestPreviewStashWriteErrorKeepsText(t *testing.T) {
	dir := stashSite(t)
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	s.stash = failingStore{}
	var out memFiles
	renderAll(t, s, &out, false)
	sameFiles(t, "first build", out.files, freshRender(t, dir))
	writeSiteFiles(t, dir, map[string]string{"content/articles/a4.md": stashArticle(4, "Edited while the disk was full.")})
	s.Changed("content/articles/a4.md")
	renderAll(t, s, &out, true)
	sameFiles(t, "after an edit", out.files, freshRender(t, dir))
}

// TestPreviewStashBounded renames an actor again and again, so that
// every article is extracted and stashed again each time, and checks
// that the session moves to a new scratch file once the current one
// holds more than twice the site's text, that the files left behind
// are freed once no article reads them, and that the pages stay those
// of a fresh build throughout.
func TestPreviewStashBounded(t *testing.T) {
	dir, scratch := stashSite(t), t.TempDir()
	actor := func(alias string) string {
		return fmt.Sprintf("---\nname: \"Port Authority\"\nkind: organisation\naliases: [%q]\n---\n\nThe port's operator.\n", alias)
	}
	writeSiteFiles(t, dir, map[string]string{"content/actors/port-authority.md": actor("the authority")})
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.StashText(scratch); err != nil {
		t.Fatal(err)
	}
	s.spillSlack = 0 // rotate at twice the site's text
	var out memFiles
	renderAll(t, s, &out, false)
	files := map[*spill.File]bool{s.spill: true}
	for i := range 8 {
		writeSiteFiles(t, dir, map[string]string{"content/actors/port-authority.md": actor(fmt.Sprintf("the authority %d", i))})
		s.Changed("content/actors/port-authority.md")
		renderAll(t, s, &out, true)
		files[s.spill] = true
		if size, most := s.spill.Size(), 3*s.spillBase; size > most {
			t.Fatalf("rename %d: the scratch file holds %d bytes, the site's text is %d: want at most %d", i, size, s.spillBase, most)
		}
	}
	sameFiles(t, "after 8 renames", out.files, freshRender(t, dir))
	if len(files) < 3 {
		t.Fatalf("8 full extractions used %d scratch files, want a new one every two or three", len(files))
	}
	t.Logf("%d scratch files for 8 full extractions, the site's text %d bytes", len(files), s.spillBase)
	clear(files)
	// What reads the retired files is gone: the collector frees them.
	for range 5 {
		runtime.GC()
	}
	alive := 0
	for _, w := range s.retired {
		if w.Value() != nil {
			alive++
		}
	}
	t.Logf("%d of %d retired files alive after the collector ran", alive, len(s.retired))
	if alive > 1 {
		t.Errorf("%d retired scratch files still held after the collector ran, want at most the one the site's articles read", alive)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestPreviewStashKeepsSourceOnDisk checks that a session that stashes
// text keeps no loaded article once it is extracted, only its file in
// the scratch file; that what it reads back is the article a fresh load
// makes (Markdown, plain text, a saved page with its images, a page
// bundle with its photo); and that extracting every article again from
// those files (an actor's new alias) renders what a fresh build renders.
func TestPreviewStashKeepsSourceOnDisk(t *testing.T) {
	page := `<html><head><title>Talks</title><meta property="article:published_time" content="2022-02-07"></head><body><article><h1>Talks</h1>` +
		`<p>Leaders of the port authority met in Geneva on Monday for talks that lasted most of the day, officials said.</p>` +
		`<figure><img src="saved_files/hall.png" alt="The hall"><figcaption>The hall</figcaption></figure>` +
		`<p>They agreed to meet again, according to officials who spoke after the meeting ended late in the evening.</p></article></body></html>`
	actor := func(alias string) string {
		return fmt.Sprintf("---\nname: \"Port Authority\"\nkind: organisation\naliases: [%q]\n---\n\nThe port's operator.\n", alias)
	}
	dir, scratch := stashSite(t), t.TempDir()
	writeSiteFiles(t, dir, map[string]string{
		"content/actors/port-authority.md":      actor("the authority"),
		"content/articles/notes.txt":            "Title: Notes from the harbour\nDate: 2022-03-09\n\nThe authority said the harbour would reopen by 12 March.\n",
		"content/articles/saved.html":           page,
		"content/articles/saved_files/hall.png": pngOf(t, 40, 30),
		"content/articles/bundle/index.md":      "---\ntitle: Pictures of the port\ndate: 2022-03-10\n---\n\nThe authority showed the cranes.\n\n![The cranes](photo.png)\n",
		"content/articles/bundle/photo.png":     pngOf(t, 20, 10),
	})
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.StashText(scratch); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out memFiles
	renderAll(t, s, &out, false)
	sameFiles(t, "first build", out.files, freshRender(t, dir))

	fresh, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	l, err := fresh.Loaded(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Articles) != 9 {
		t.Fatalf("a fresh load has %d articles, want 9", len(l.Articles))
	}
	for _, want := range l.Articles {
		e := s.files[want.File]
		if e == nil || e.x.art == nil {
			t.Fatalf("%s: not extracted", want.File)
		}
		if e.loaded.art != nil || e.src == nil {
			t.Errorf("%s: the loaded article is kept in memory (source stashed: %v)", want.File, e.src != nil)
			continue
		}
		if got := e.loadedItem().art; !reflect.DeepEqual(got, want) {
			t.Errorf("%s: read back from the scratch file:\n%+v\nwant the fresh load's:\n%+v", want.File, got, want)
		}
	}
	for i := range 3 {
		writeSiteFiles(t, dir, map[string]string{"content/actors/port-authority.md": actor(fmt.Sprintf("the operator %d", i))})
		s.Changed("content/actors/port-authority.md")
		renderAll(t, s, &out, true)
		var full memFiles // out keeps the files an earlier build made
		renderAll(t, s, &full, false)
		sameFiles(t, fmt.Sprintf("alias change %d", i), full.files, freshRender(t, dir))
		for name, data := range full.files {
			if !bytes.Equal(out.files[name], data) {
				t.Errorf("alias change %d: %s rendered incrementally differs from a full render", i, name)
			}
		}
	}
}
