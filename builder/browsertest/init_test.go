package browsertest

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/skeleton"
)

// TestInitArchiveFromFiles writes the site brief init writes, builds it
// as an archive and opens it from file://: every page reachable from
// the home page loads with its stylesheet and without an error, every
// link names a file of the archive, the search finds the example actor,
// and nothing is requested from anywhere but the archive.
func TestInitArchiveFromFiles(t *testing.T) {
	src := filepath.Join(t.TempDir(), "mysite")
	if _, _, err := skeleton.Write(src, "(devel)", false); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "archive")
	if _, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest, Archive: true}); err != nil {
		t.Fatalf("build: %v", err)
	}
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()

	b := New(t)
	requests := b.Requests()
	problems := b.Problems()
	seen := map[string]bool{}
	queue := []string{root + "index.html"}
	pages := 0
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		rel, ok := strings.CutPrefix(u, root)
		if !ok {
			t.Errorf("a link leaves the archive: %s", u)
			continue
		}
		p, err := url.PathUnescape(rel)
		if err != nil {
			t.Errorf("%s: %v", u, err)
			continue
		}
		if _, err := os.Stat(filepath.Join(dest, filepath.FromSlash(p))); err != nil {
			t.Errorf("a link names a file the archive lacks: %s", u)
			continue
		}
		if !strings.HasSuffix(u, ".html") {
			continue // feeds, calendar, data: files to download, not pages
		}
		pages++
		b.Navigate(u)
		styled(t, b)
		var links []string
		b.Eval(`[...document.querySelectorAll("a[href], link[href], script[src], img[src]")].map(e => String(e.href || e.src || "").split("#")[0].split("?")[0])`, &links)
		for _, l := range links {
			if strings.HasPrefix(l, "file://") && !seen[l] {
				queue = append(queue, l)
			}
		}
	}
	// Every page but the not-found page, which only a server shows.
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		if rel != "404.html" && !seen[root+filepath.ToSlash(rel)] {
			t.Errorf("no link reaches %s", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages < 8 {
		t.Errorf("opened only %d pages", pages)
	}

	b.Navigate(root + "search/index.html?q=Fabius")
	b.Wait("results for Fabius", `document.querySelectorAll("#search-results li").length > 0`)
	var first string
	b.Eval(`document.querySelector("#search-results li a").getAttribute("href")`, &first)
	if !strings.HasSuffix(first, "actors/laurent-fabius/index.html") {
		t.Errorf("first result for Fabius links to %q, want the actor's page", first)
	}

	for _, p := range problems() {
		t.Errorf("the archive reported: %s", p)
	}
	for _, u := range requests() {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the archive requested %s", u)
		}
	}
}
