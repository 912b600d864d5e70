package serve

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/render"
)

// verifiedRender renders the session's site under Verify, fails the test
// when a file skipped as unchanged would have changed, and commits the
// render; it returns the files written.
func verifiedRender(t *testing.T, s *builder.Session, st *render.State, what string) []string {
	t.Helper()
	return verifiedRenderTo(t, s, st, creatorOutput{}, what)
}

// verifiedRenderTo is verifiedRender writing to out.
func verifiedRenderTo(t *testing.T, s *builder.Session, st *render.State, out render.Output, what string) []string {
	t.Helper()
	ctx := context.Background()
	m, err := s.Model(ctx)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	res, ds := render.Render(ctx, m.Site, m.Tmpl, out, render.Options{Global: m.Global, State: st, Verify: true, Cache: true})
	if len(ds) > 0 {
		t.Fatalf("%s: %v", what, ds[0])
	}
	if len(res.Mismatched) > 0 {
		t.Fatalf("%s: %d files changed while their dependencies did not: %v", what, len(res.Mismatched), res.Mismatched)
	}
	st.Commit(res)
	s.Commit(m, res)
	return res.Written
}

// An article moved by a day in long paginated lists renders again the
// pages of each list between its old place and its new one, not every
// page of every list it is in (a tag of 120 of the 200 articles, cut
// into 24 pages, the archive month, the actors' coverage).
func TestDateMoveRendersOnlyShiftedPages(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "\npaginate: 5\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := render.NewState()
	all := verifiedRender(t, s, st, "first render")
	tagPages := 0
	for _, f := range all {
		if strings.HasPrefix(f, "tags/generated/") && strings.HasSuffix(f, ".html") {
			tagPages++
		}
	}
	if tagPages < 20 {
		t.Fatalf("the tag has %d pages; the test needs a long paginated list", tagPages)
	}
	rel := listFiles(t, dir, "content/articles", ".md")[0]
	orig := read(t, dir, rel)
	if !articleDate.MatchString(orig) {
		t.Fatalf("%s has no date to move", rel)
	}
	for day := 1; day <= 6; day++ {
		text := articleDate.ReplaceAllString(orig, "${1}"+fmt.Sprintf("2022-01-%02d", 10+day))
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.Changed(rel)
		written := verifiedRender(t, s, st, fmt.Sprintf("move to day %d", 10+day))
		var tag []string
		for _, f := range written {
			if strings.HasPrefix(f, "tags/generated/") && strings.HasSuffix(f, ".html") {
				tag = append(tag, f)
			}
		}
		// A day holds a few of the 200 articles: the article crosses at
		// most a page boundary or two, and page one shows the count.
		if len(tag) > 4 {
			t.Errorf("moving the article to day %d rendered %d of the tag's %d pages: %v", 10+day, len(tag), tagPages, tag)
		}
	}
}

// A retitled article renders again the pages that show its title, and
// an article moved by a few days the pages that show its date or its
// place: no page of the lists of the actors it names, of the list of
// events or of the chronology's months comes out as it was. They did:
// the profile's pages asked whether the actor has a feed through a view
// of each of its articles (so depended on every title, and on their
// order), the events' map counted each event's coverage the same way,
// and every month said whether the chronology has reports, read from the
// whole chronology.
func TestEditRendersOnlyPagesShowingIt(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 400, 1); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "\npaginate:\n  events: 3\n  coverage: 5\n  chronology: 10\n  chronology_year: 10\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := render.NewState()
	out := &keptOutput{files: map[string][]byte{}}
	render1 := func(what string) (written []string, same map[string]bool) {
		before := maps.Clone(out.files)
		res := verifiedRenderTo(t, s, st, out, what)
		same = map[string]bool{}
		for _, f := range res {
			if old, ok := before[f]; ok && bytes.Equal(old, out.files[f]) {
				same[f] = true
			}
		}
		return res, same
	}
	all, _ := render1("first render")
	coverage := regexp.MustCompile(`^actors/[^/]+/page/\d+/index\.html$`)
	eventList := regexp.MustCompile(`^events/(page/\d+/)?index\.html$`)
	month := regexp.MustCompile(`^chronology/\d{4}/\d{2}/index\.html$`)
	count := func(files []string, match func(string) bool) int {
		n := 0
		for _, f := range files {
			if match(f) {
				n++
			}
		}
		return n
	}
	if count(all, coverage.MatchString) < 20 || count(all, eventList.MatchString) < 5 || count(all, month.MatchString) < 5 {
		t.Fatalf("the site has %d coverage pages, %d pages of events and %d months; the test needs more",
			count(all, coverage.MatchString), count(all, eventList.MatchString), count(all, month.MatchString))
	}
	rel := listFiles(t, dir, "content/articles", ".md")[0]
	orig := read(t, dir, rel)
	title := regexp.MustCompile(`(?m)^title: "?`)
	if !title.MatchString(orig) || !articleDate.MatchString(orig) {
		t.Fatalf("%s has no title or date to change", rel)
	}
	day, err := time.Parse("2006-01-02", articleDate.FindString(orig)[len("date: "):])
	if err != nil {
		t.Fatal(err)
	}
	// Each edit changes one thing: the title, then the date three days
	// later, the title again, the date back.
	for i := 1; i <= 4; i++ {
		edit, text := "title", title.ReplaceAllString(orig, fmt.Sprintf("${0}Edit %d: ", i-(1-i%2)))
		if i%2 == 0 {
			edit = "date"
		}
		if i == 2 || i == 3 {
			text = articleDate.ReplaceAllString(text, "${1}"+day.AddDate(0, 0, 3).Format("2006-01-02"))
		}
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.Changed(rel)
		written, same := render1(fmt.Sprintf("%s edit %d", edit, i))
		var wasted []string
		for _, f := range written {
			if same[f] && (coverage.MatchString(f) || eventList.MatchString(f) || month.MatchString(f)) {
				wasted = append(wasted, f)
			}
		}
		if len(wasted) > 0 {
			t.Errorf("%s edit %d rendered %d of %d files as they were: %v", edit, i, len(wasted), len(written), wasted)
		}
		if i == 2 && count(written, coverage.MatchString) == 0 {
			t.Errorf("moving the article by three days rendered no page of any actor's coverage: the test moves it too little")
		}
	}
}

// keptOutput keeps the files of renders, the last version of each.
type keptOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (o *keptOutput) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	o.files[name] = bytes.Clone(data)
	o.mu.Unlock()
	return nil
}

// With short pages every list of the sample site is paginated; random
// edits, moves in lists included, never leave a page stale.
func TestRecordedDependenciesHoldPaged(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "site.yaml", read(t, dir, "site.yaml")+"\npaginate: 2\n")
	s, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := render.NewState()
	verifiedRender(t, s, st, "first render")
	r := rand.New(rand.NewPCG(29, 31))
	for step := 1; step <= steps(40); step++ {
		var names []string
		for k := 1 + r.IntN(3); k > 0; k-- {
			e := edits[r.IntN(len(edits))]
			if e.name == "config" {
				continue // would drop the page size
			}
			names = append(names, e.name)
			for _, p := range e.do(t, r, dir) {
				s.Changed(p)
			}
		}
		verifiedRender(t, s, st, fmt.Sprintf("step %d (%v)", step, names))
	}
}
