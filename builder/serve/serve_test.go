package serve

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder"
	bwrite "github.com/briefhq/brief/builder/write"
)

// copySite copies the repository's sample site (site.yaml and content/)
// into a temporary folder.
func copySite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	root := filepath.Join("..", "..")
	for _, p := range []string{"site.yaml", "content"} {
		err := filepath.WalkDir(filepath.Join(root, p), func(src string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, src)
			dst := filepath.Join(dir, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(src)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// fresh builds dir from scratch with brief build and returns every file.
func fresh(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "out")
	if _, err := builder.Build(context.Background(), builder.Options{Source: dir, Dest: dest}); err != nil {
		t.Fatalf("fresh build: %v", err)
	}
	files := map[string][]byte{}
	err := filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel == bwrite.StampFile {
			return nil // brief's mark on an output folder on disk; the preview has no folder to mark
		}
		b, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// sameSite reports the differences between two sites, or "".
func sameSite(got, want map[string][]byte) string {
	var diffs []string
	for name, w := range want {
		g, ok := got[name]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+name)
		case !bytes.Equal(g, w):
			diffs = append(diffs, "differs "+name)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			diffs = append(diffs, "extra "+name)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 8 {
		diffs = append(diffs[:8], fmt.Sprintf("... %d more", len(diffs)-8))
	}
	return strings.Join(diffs, "\n")
}

// edit is one change an editor makes; it returns the paths it touched.
type edit struct {
	name string
	do   func(t testing.TB, r *rand.Rand, dir string) []string
}

func write(t testing.TB, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// atomicWrite saves like editors do: a temporary file renamed over the
// original.
func atomicWrite(t testing.TB, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, rel)
	tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".tmp123")
	if err := os.WriteFile(tmp, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func listFiles(t testing.TB, dir, sub, ext string) []string {
	t.Helper()
	var out []string
	_ = filepath.WalkDir(filepath.Join(dir, sub), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ext) && !strings.HasPrefix(d.Name(), ".") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func pick(r *rand.Rand, s []string) string { return s[r.IntN(len(s))] }

func read(t testing.TB, dir, rel string) string {
	b, err := os.ReadFile(filepath.Join(dir, rel))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

var actorSlugs = []string{"vladimir-putin", "emmanuel-macron", "olaf-scholz", "joe-biden", "nato", "kyiv"}
var eventSlugs = []string{"macron-putin-kremlin", "biden-scholz-white-house", "invasion", "troop-buildup"}

// articleDate is the date of an article's front matter, YAML or TOML.
var articleDate = regexp.MustCompile(`(?m)^(date: |date = )\d{4}-\d{2}-\d{2}`)

var edits = []edit{
	{"append paragraph", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		atomicWrite(t, dir, f, read(t, dir, f)+fmt.Sprintf("\nLater, Emmanuel Macron and NATO spoke again (%d).\n", r.IntN(1000)))
		return []string{f}
	}},
	{"reword text", func(t testing.TB, r *rand.Rand, dir string) []string {
		// No names, quotes or dates: the edit moves no link, so the server
		// takes its shortcut and keeps the last resolved model.
		f := pick(r, listFiles(t, dir, "content/articles", ""))
		s := read(t, dir, f)
		if strings.HasSuffix(f, ".html") {
			s = strings.Replace(s, "</article>", fmt.Sprintf("<p>The talks went on for a long time (%d).</p></article>", r.IntN(1000)), 1)
		} else {
			s += fmt.Sprintf("\nThe talks went on for a long time (%d).\n", r.IntN(1000))
		}
		atomicWrite(t, dir, f, s)
		return []string{f}
	}},
	{"reword text", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		atomicWrite(t, dir, f, strings.Replace(read(t, dir, f), " the ", fmt.Sprintf(" the (%d) ", r.IntN(100)), 1))
		return []string{f}
	}},
	{"add quote", func(t testing.TB, r *rand.Rand, dir string) []string {
		// Links move inside one article only: only that article is put
		// back into the linked site.
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		who := pick(r, []string{"Vladimir Putin", "Emmanuel Macron", "Olaf Scholz", "Jens Stoltenberg"})
		atomicWrite(t, dir, f, read(t, dir, f)+fmt.Sprintf("\n\"We will keep talking about point %d,\" %s said on Tuesday.\n", r.IntN(1000), who))
		return []string{f}
	}},
	{"add dated statement", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ""))
		s := read(t, dir, f)
		line := fmt.Sprintf("Officials expected a decision by %d March 2022.", 1+r.IntN(28))
		if strings.HasSuffix(f, ".html") {
			s = strings.Replace(s, "</article>", "<p>"+line+"</p></article>", 1)
		} else {
			s += "\n" + line + "\n"
		}
		atomicWrite(t, dir, f, s)
		return []string{f}
	}},
	{"drop mentions", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		s := read(t, dir, f)
		for _, name := range []string{"Macron", "Putin", "Scholz", "Biden", "NATO"} {
			if r.IntN(2) == 0 {
				s = strings.ReplaceAll(s, name, "the official")
			}
		}
		atomicWrite(t, dir, f, s)
		return []string{f}
	}},
	{"name a meeting's participants", func(t testing.TB, r *rand.Rand, dir string) []string {
		// Untagged articles naming every participant of an event near
		// its date are linked to it automatically.
		f := pick(r, listFiles(t, dir, "content/articles", ".txt"))
		atomicWrite(t, dir, f, read(t, dir, f)+"\nVladimir Putin met Emmanuel Macron, and Joe Biden called Olaf Scholz.\n")
		return []string{f}
	}},
	{"retitle article", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		s := read(t, dir, f)
		if strings.HasPrefix(s, "+++") {
			s = strings.Replace(s, "title = \"", fmt.Sprintf("title = \"(%d) ", r.IntN(100)), 1)
		} else if strings.Contains(s, "title: \"") {
			s = strings.Replace(s, "title: \"", fmt.Sprintf("title: \"X%d ", r.IntN(100)), 1)
		} else {
			s = strings.Replace(s, "title: ", fmt.Sprintf("title: X%d ", r.IntN(100)), 1)
		}
		write(t, dir, f, s)
		return []string{f}
	}},
	{"redate article", func(t testing.TB, r *rand.Rand, dir string) []string {
		// Moves the article in every list it is in, across pages of the
		// paginated ones.
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		s := read(t, dir, f)
		day := fmt.Sprintf("2022-%02d-%02d", 1+r.IntN(3), 1+r.IntN(28))
		s = articleDate.ReplaceAllString(s, "${1}"+day)
		atomicWrite(t, dir, f, s)
		return []string{f}
	}},
	{"new article in new folder", func(t testing.TB, r *rand.Rand, dir string) []string {
		n := r.IntN(1000)
		f := fmt.Sprintf("content/articles/new-%d/report-%d.md", n, n)
		write(t, dir, f, fmt.Sprintf("---\ntitle: New report %d\ndate: 2022-02-%02d\nevents: [%s]\n---\n\nOlaf Scholz met Joe Biden again, report %d says.\n", n, 1+r.IntN(27), pick(r, eventSlugs), n))
		return []string{filepath.ToSlash(filepath.Dir(f)), f}
	}},
	{"new txt article", func(t testing.TB, r *rand.Rand, dir string) []string {
		n := r.IntN(1000)
		f := fmt.Sprintf("content/articles/2022-02-%02d-pasted-%d.txt", 1+r.IntN(27), n)
		write(t, dir, f, fmt.Sprintf("Pasted report %d\n\nPutin spoke with Macron by phone.\n\nAccept Read More\n", n))
		return []string{f}
	}},
	{"delete article", func(t testing.TB, r *rand.Rand, dir string) []string {
		fs := listFiles(t, dir, "content/articles", "")
		if len(fs) < 4 {
			return nil
		}
		f := pick(r, fs)
		os.Remove(filepath.Join(dir, f))
		return []string{f}
	}},
	{"rename article", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/articles", ".md"))
		to := strings.TrimSuffix(f, ".md") + fmt.Sprintf("-moved%d.md", r.IntN(100))
		if err := os.Rename(filepath.Join(dir, f), filepath.Join(dir, to)); err != nil {
			t.Fatal(err)
		}
		return []string{f, to}
	}},
	{"delete folder", func(t testing.TB, r *rand.Rand, dir string) []string {
		ds, _ := filepath.Glob(filepath.Join(dir, "content/articles/new-*"))
		if len(ds) == 0 {
			return nil
		}
		d := ds[r.IntN(len(ds))]
		os.RemoveAll(d)
		rel, _ := filepath.Rel(dir, d)
		return []string{filepath.ToSlash(rel)}
	}},
	{"event participants", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := "content/events/" + pick(r, eventSlugs) + ".md"
		s := read(t, dir, f)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "actors:") {
				lines[i] = fmt.Sprintf("actors: [%s, %s]", pick(r, actorSlugs), pick(r, actorSlugs[:3]))
			}
		}
		atomicWrite(t, dir, f, strings.Join(lines, "\n"))
		return []string{f}
	}},
	{"event date", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := "content/events/" + pick(r, eventSlugs) + ".md"
		s := read(t, dir, f)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			if strings.HasPrefix(l, "date:") {
				lines[i] = fmt.Sprintf("date: 2022-02-%02d", 1+r.IntN(27))
			}
			if strings.HasPrefix(l, "end:") {
				lines[i] = ""
			}
		}
		write(t, dir, f, strings.Join(lines, "\n"))
		return []string{f}
	}},
	{"actor alias", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := "content/actors/" + pick(r, actorSlugs) + ".md"
		s := read(t, dir, f)
		s = strings.Replace(s, "\nrole:", fmt.Sprintf("\nrole: Changed role %d\nold_role:", r.IntN(100)), 1)
		write(t, dir, f, s)
		return []string{f}
	}},
	{"new actor", func(t testing.TB, r *rand.Rand, dir string) []string {
		n := r.IntN(1000)
		f := fmt.Sprintf("content/actors/new-actor-%d.md", n)
		write(t, dir, f, fmt.Sprintf("---\nname: Zed Newman%d\naliases: [Newman%d]\n---\n\nA new actor.\n", n, n))
		return []string{f}
	}},
	{"break and fix", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := pick(r, listFiles(t, dir, "content/events", ".md"))
		good := read(t, dir, f)
		write(t, dir, f, "---\ntitle: [unclosed\n---\n")
		write(t, dir, f, good)
		return []string{f}
	}},
	{"template", func(t testing.TB, r *rand.Rand, dir string) []string {
		write(t, dir, "templates/404.html", fmt.Sprintf(`{{define "main"}}<h1>Lost %d</h1><a href="{{url ""}}">Home</a>{{end}}`, r.IntN(100)))
		return []string{"templates/404.html"}
	}},
	{"static", func(t testing.TB, r *rand.Rand, dir string) []string {
		f := fmt.Sprintf("static/img/x%d.txt", r.IntN(3))
		if r.IntN(3) == 0 {
			os.Remove(filepath.Join(dir, f))
		} else {
			write(t, dir, f, fmt.Sprint(r.IntN(1000)))
		}
		return []string{f}
	}},
	{"config", func(t testing.TB, r *rand.Rand, dir string) []string {
		write(t, dir, "site.yaml", fmt.Sprintf("title: Briefing %d\nlanguage: en\n", r.IntN(100)))
		return []string{"site.yaml"}
	}},
}

// steps is how many random edit bursts a randomized test makes: n, or a
// quarter of it (at least 12) in -short mode, which the race pass of
// .ci/run uses. That pass is there for data races, which a few bursts
// show as well as many; the pass before it runs every burst.
func steps(n int) int {
	if testing.Short() {
		return max(n/4, 12)
	}
	return n
}

// TestRandomEditsMatchFreshBuild applies random sequences of edits,
// rebuilding incrementally after each burst, and checks that the served
// snapshot is byte-for-byte what a clean build of the same files gives.
func TestRandomEditsMatchFreshBuild(t *testing.T) {
	dir := copySite(t)
	srv, err := New(Options{Build: builder.Options{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
		t.Fatalf("initial build differs from brief build:\n%s", d)
	}
	r := rand.New(rand.NewPCG(7, 11))
	few, all := 0, 0
	n := steps(80)
	for step := 0; step < n; step++ {
		var changed, names []string
		for k := 1 + r.IntN(3); k > 0; k-- {
			e := edits[r.IntN(len(edits))]
			names = append(names, e.name)
			changed = append(changed, e.do(t, r, dir)...)
		}
		info := srv.Rebuild(context.Background(), changed)
		if info.Errors > 0 {
			t.Fatalf("step %d (%v): rebuild failed: %v", step, names, srv.Snapshot().Errors)
		}
		// A burst edits at most three files.
		switch {
		case info.Relinked > 3:
			all++
		case info.Relinked > 0:
			few++
		}
		if want := fresh(t, dir); sameSite(srv.Snapshot().Decoded(), want) != "" {
			t.Fatalf("step %d (%v): served site differs from a fresh build:\n%s%s", step, names, sameSite(srv.Snapshot().Decoded(), want), firstDiff(srv.Snapshot().Decoded(), want))
		}
	}
	// The sequence must have exercised both ways of linking, or the
	// comparison above says nothing about one of them: the edited
	// articles alone put back into the linked site, and every article
	// linked into a new one after a change to an event or actor.
	if few == 0 {
		t.Fatal("no rebuild linked only the edited articles")
	}
	if all == 0 {
		t.Fatal("no rebuild linked every article again")
	}
	t.Logf("%d of %d rebuilds linked only the edited articles, %d linked all again", few, n, all)
}

// startServer runs a watching server on a free loopback port.
func startServer(t *testing.T, dir string, opts Options) (*Server, string) {
	t.Helper()
	opts.Build.Source = dir
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	srv, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
			t.Error("server did not stop within 2s")
		}
	})
	return srv, strings.TrimSuffix(srv.URL(), srv.Snapshot().Base)
}

func get(t *testing.T, url string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// waitFor polls cond until it holds or 5s pass.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func TestServeRebuildsOnSave(t *testing.T) {
	dir := copySite(t)
	_, host := startServer(t, dir, Options{})
	code, body, h := get(t, host+"/articles/macron-putin-kremlin-talks/")
	if code != 200 || !strings.Contains(body, "/__brief/live.js") {
		t.Fatalf("got %d, live script injected: %v", code, strings.Contains(body, "/__brief/live.js"))
	}
	if h.Get("Cache-Control") != "no-store" || !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		t.Errorf("headers: %v", h)
	}
	f := "content/articles/2022-02/macron-putin-kremlin-talks.md"
	atomicWrite(t, dir, f, read(t, dir, f)+"\nA sentence added while the server ran.\n")
	waitFor(t, "new text", func() bool {
		_, body, _ := get(t, host+"/articles/macron-putin-kremlin-talks/")
		return strings.Contains(body, "A sentence added while the server ran.")
	})
}

func TestServeErrorOverlayAndRecovery(t *testing.T) {
	dir := copySite(t)
	_, host := startServer(t, dir, Options{})
	f := "content/events/invasion.md"
	good := read(t, dir, f)
	write(t, dir, f, "---\ntitle: [broken\n---\n")
	waitFor(t, "overlay", func() bool {
		_, body, _ := get(t, host+"/events/")
		return strings.Contains(body, "brief-overlay") && strings.Contains(body, "content/events/invasion.md")
	})
	// The last good site is still served under the overlay.
	if code, body, _ := get(t, host+"/events/invasion/"); code != 200 || !strings.Contains(body, "brief-overlay") {
		t.Fatalf("broken event page: %d", code)
	}
	write(t, dir, f, good)
	waitFor(t, "overlay gone", func() bool {
		_, body, _ := get(t, host+"/events/")
		return !strings.Contains(body, "brief-overlay")
	})
}

func TestServeTemplateErrorOverlay(t *testing.T) {
	dir := copySite(t)
	_, host := startServer(t, dir, Options{})
	write(t, dir, "templates/article.html", "{{define \"main\"}}{{.Nope\n{{end}}")
	waitFor(t, "template overlay", func() bool {
		_, body, _ := get(t, host+"/")
		return strings.Contains(body, "templates/article.html")
	})
	os.Remove(filepath.Join(dir, "templates/article.html"))
	waitFor(t, "overlay gone", func() bool {
		_, body, _ := get(t, host+"/")
		return !strings.Contains(body, "brief-overlay")
	})
}

func TestServeReloadEventAfterSwap(t *testing.T) {
	dir := copySite(t)
	srv, host := startServer(t, dir, Options{})
	resp, err := http.Get(host + "/__brief/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("content type %q", ct)
	}
	lines := make(chan string, 16)
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := resp.Body.Read(buf)
			if n > 0 {
				lines <- string(buf[:n])
			}
			if err != nil {
				close(lines)
				return
			}
		}
	}()
	first := <-lines
	if !strings.Contains(first, `"version":1`) {
		t.Fatalf("first state: %q", first)
	}
	f := "content/articles/2022-02/scholz-putin-moscow.md"
	atomicWrite(t, dir, f, read(t, dir, f)+"\nReload marker.\n")
	select {
	case msg := <-lines:
		if !strings.Contains(msg, `"version":2`) {
			t.Fatalf("after save: %q", msg)
		}
		// When the event arrives, the new page is already served.
		if !strings.Contains(string(srv.Snapshot().Decoded()["articles/scholz-putin-moscow/index.html"]), "Reload marker.") {
			t.Fatal("reload sent before the new page was served")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload event")
	}
}

func TestServePaths(t *testing.T) {
	dir := copySite(t)
	_, host := startServer(t, dir, Options{Build: builder.Options{BaseURL: "https://example.org/repo/"}})
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, c := range []struct {
		path string
		code int
		loc  string
	}{
		{"/", 302, "/repo/"},
		{"/repo/", 200, ""},
		{"/repo/events", 301, "/repo/events/"},
		{"/repo/events/", 200, ""},
		{"/repo/style.css", 200, ""},
		{"/repo/nope/", 404, ""},
		{"/elsewhere", 404, ""},
		{"/repo/../site.yaml", 400, ""},
		{"/repo/%2e%2e/site.yaml", 400, ""},
		{"/repo/..%2fsite.yaml", 400, ""},
		{"/repo/%2e%2e%2f%2e%2e%2fetc/passwd", 400, ""},
	} {
		req, _ := http.NewRequest("GET", host+c.path, nil)
		req.URL.Opaque = c.path // send the path as written, unnormalised
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != c.code {
			t.Errorf("%s: status %d, want %d", c.path, resp.StatusCode, c.code)
		}
		if c.loc != "" && resp.Header.Get("Location") != c.loc {
			t.Errorf("%s: Location %q, want %q", c.path, resp.Header.Get("Location"), c.loc)
		}
		if c.code == 404 && !strings.Contains(string(body), "Page not found") {
			t.Errorf("%s: 404 without the site's 404 page", c.path)
		}
		if strings.Contains(string(body), "title: Ukraine") {
			t.Errorf("%s: served a source file", c.path)
		}
	}
	if _, _, h := get(t, host+"/repo/style.css"); !strings.HasPrefix(h.Get("Content-Type"), "text/css") {
		t.Errorf("style.css content type %q", h.Get("Content-Type"))
	}
}

func TestServeSymlinkOutsideSiteNotServed(t *testing.T) {
	dir := copySite(t)
	secret := filepath.Join(t.TempDir(), "secret.txt")
	write(t, filepath.Dir(secret), "secret.txt", "top secret")
	os.MkdirAll(filepath.Join(dir, "static"), 0o755)
	if err := os.Symlink(secret, filepath.Join(dir, "static", "leak.txt")); err != nil {
		t.Fatal(err)
	}
	_, host := startServer(t, dir, Options{})
	code, body, _ := get(t, host+"/leak.txt")
	if code != 404 || strings.Contains(body, "top secret") {
		t.Fatalf("symlink served: %d %q", code, body)
	}
}

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := ln.Addr().(*net.TCPAddr).Port
	srv, err := New(Options{Build: builder.Options{Source: copySite(t)}, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	err = srv.Start()
	if err == nil || !strings.Contains(err.Error(), fmt.Sprint(port)) || !strings.Contains(err.Error(), "--port") {
		t.Fatalf("got %v, want an error naming port %d and --port", err, port)
	}
}

func TestServeBindsLoopbackByDefault(t *testing.T) {
	srv, _ := startServer(t, copySite(t), Options{})
	host, _, _ := net.SplitHostPort(srv.ln.Addr().String())
	if !net.ParseIP(host).IsLoopback() {
		t.Fatalf("listening on %s", host)
	}
}

func TestServeRenameStormEndsRight(t *testing.T) {
	dir := copySite(t)
	srv, _ := startServer(t, dir, Options{})
	// 100 saves within about a second, renames among them.
	f := "content/articles/2022-02/scholz-putin-moscow.md"
	base := read(t, dir, f)
	for i := 0; i < 100; i++ {
		atomicWrite(t, dir, f, base+fmt.Sprintf("\nSave number %d.\n", i))
		if i%10 == 0 {
			n := fmt.Sprintf("content/articles/storm-%d.md", i)
			write(t, dir, n, fmt.Sprintf("---\ntitle: Storm %d\ndate: 2022-02-10\n---\n\nText.\n", i))
			os.Rename(filepath.Join(dir, n), filepath.Join(dir, strings.Replace(n, "storm", "calm", 1)))
		}
		time.Sleep(8 * time.Millisecond)
	}
	want := fresh(t, dir)
	waitFor(t, "the served site to match a fresh build", func() bool {
		return sameSite(srv.Snapshot().Decoded(), want) == ""
	})
}

func TestServeDeletedFolder(t *testing.T) {
	dir := copySite(t)
	srv, host := startServer(t, dir, Options{})
	if code, _, _ := get(t, host+"/articles/scholz-putin-moscow/"); code != 200 {
		t.Fatal("page missing before delete")
	}
	os.RemoveAll(filepath.Join(dir, "content/articles/2022-02"))
	waitFor(t, "pages of the deleted folder to go", func() bool {
		code, _, _ := get(t, host+"/articles/scholz-putin-moscow/")
		return code == 404
	})
	if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
		t.Fatalf("differs from fresh build:\n%s", d)
	}
	// A folder created after the start is watched too.
	write(t, dir, "content/articles/later/new.md", "---\ntitle: Written later\ndate: 2022-03-01\n---\n\nText.\n")
	waitFor(t, "page in new folder", func() bool {
		code, _, _ := get(t, host+"/articles/new/")
		return code == 200
	})
	write(t, dir, "content/articles/later/deeper/newer.md", "---\ntitle: Deeper\ndate: 2022-03-02\n---\n\nText.\n")
	waitFor(t, "page in new nested folder", func() bool {
		code, _, _ := get(t, host+"/articles/newer/")
		return code == 200
	})
}

func TestServePolling(t *testing.T) {
	dir := copySite(t)
	_, host := startServer(t, dir, Options{Poll: 50 * time.Millisecond})
	f := "content/articles/2022-02/scholz-putin-moscow.md"
	write(t, dir, f, read(t, dir, f)+"\nPolled change.\n")
	waitFor(t, "polled change", func() bool {
		_, body, _ := get(t, host+"/articles/scholz-putin-moscow/")
		return strings.Contains(body, "Polled change.")
	})
}

func TestServeStopsQuickly(t *testing.T) {
	srv, err := New(Options{Build: builder.Options{Source: copySite(t)}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	// An open event stream must not hold the shutdown.
	resp, err := http.Get(strings.TrimSuffix(srv.URL(), "/") + "/__brief/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("server took more than a second to stop")
	}
}

// firstDiff shows the first differing line of the first differing file.
func firstDiff(got, want map[string][]byte) string {
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		g, ok := got[n]
		if !ok || bytes.Equal(g, want[n]) {
			continue
		}
		gl, wl := strings.Split(string(g), "\n"), strings.Split(string(want[n]), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				return fmt.Sprintf("\n%s line %d:\n  served: %s\n  fresh:  %s", n, i+1, gl[i], wl[i])
			}
		}
		return fmt.Sprintf("\n%s: %d lines served, %d fresh", n, len(gl), len(wl))
	}
	return ""
}
