package builder

import (
	"bytes"
	"context"
	"flag"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/write"
	"github.com/briefhq/brief/static"
)

var update = flag.Bool("update", false, "rewrite the expected output under testdata/golden/want")

const (
	goldenSite = "testdata/golden/site"
	goldenWant = "testdata/golden/want"
)

// readTree returns every regular file under root by slash-separated
// relative path.
func readTree(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func build(t *testing.T, src string) string {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "out")
	if _, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("Build(%s): %v", src, err)
	}
	// The scratch file for article text and the staging folder are
	// gone: only the output is left beside it.
	if left, _ := os.ReadDir(filepath.Dir(dest)); len(left) != 1 || left[0].Name() != "out" {
		t.Fatalf("Build(%s) left %v beside the output", src, left)
	}
	return dest
}

// firstDiff describes where a and b first differ, by line.
func firstDiff(a, b []byte) string {
	al, bl := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y []byte
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if !bytes.Equal(x, y) {
			return "line " + itoa(i+1) + ":\n  got:  " + string(x) + "\n  want: " + string(y)
		}
	}
	return "(same lines, different bytes)"
}

func itoa(i int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + i%10)}, b...)
		i /= 10
		if i == 0 {
			return string(b)
		}
	}
}

// TestGolden builds a small site holding every input format and compares
// every output file byte for byte with testdata/golden/want. Run
// "go test ./builder -update" to accept new output, then read the diff.
func TestGolden(t *testing.T) {
	got := readTree(t, build(t, goldenSite))
	// The theme's own assets are copied as they are: compare them with the
	// embedded files rather than keep second copies under want/.
	for name, b := range got {
		if _, err := os.Stat(filepath.Join(goldenSite, "static", filepath.FromSlash(name))); err == nil {
			continue // the site's own file overrides the built-in one
		}
		builtin, err := fs.ReadFile(static.FS, name)
		if err != nil {
			continue
		}
		if !bytes.Equal(b, builtin) {
			t.Errorf("%s differs from the built-in asset", name)
		}
		delete(got, name)
	}
	if *update {
		if err := os.RemoveAll(goldenWant); err != nil {
			t.Fatal(err)
		}
		for name, b := range got {
			p := filepath.Join(goldenWant, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		t.Logf("wrote %d files to %s", len(got), goldenWant)
		return
	}
	want := readTree(t, goldenWant)
	for _, name := range slices.Sorted(maps.Keys(want)) {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: not generated", name)
			continue
		}
		if !bytes.Equal(g, want[name]) {
			t.Errorf("%s differs from the golden file at %s", name, firstDiff(g, want[name]))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(got)) {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: generated but not in %s", name, goldenWant)
		}
	}
}

// TestGoldenContent checks, independently of the golden files, what the
// golden site's output must contain, so that an -update that accepts wrong
// output is caught.
func TestGoldenContent(t *testing.T) {
	out := readTree(t, build(t, goldenSite))
	for _, name := range []string{
		"index.html", "404.html", "events/index.html", "actors/index.html", "chronology/index.html",
		"articles/conference-opens/index.html", "articles/deal-adopted/index.html",
		"articles/2015-12-13-reactions/index.html", "articles/signing/index.html",
		"events/cop21/index.html", "events/kyoto-protocol/index.html", "events/signing-ceremony/index.html",
		"actors/laurent-fabius/index.html", "actors/unfccc/index.html", "actors/paris/index.html",
		"data/articles.json", "data/events.json", "data/actors.json", "data/chronology.json",
		"img/logo.svg",
	} {
		if _, ok := out[name]; !ok {
			t.Errorf("%s not generated", name)
		}
	}
	for name := range out {
		if strings.Contains(name, "unpublished") {
			t.Errorf("draft article published as %s", name)
		}
		if strings.HasSuffix(name, ".go") || strings.HasPrefix(path.Base(name), ".") && name != ".nojekyll" && name != write.StampFile {
			t.Errorf("%s should not be in the output", name)
		}
	}
	contains := func(name string, subs ...string) {
		t.Helper()
		for _, s := range subs {
			if !bytes.Contains(out[name], []byte(s)) {
				t.Errorf("%s lacks %q", name, s)
			}
		}
	}
	lacks := func(name string, subs ...string) {
		t.Helper()
		for _, s := range subs {
			if bytes.Contains(out[name], []byte(s)) {
				t.Errorf("%s contains %q", name, s)
			}
		}
	}
	// Base path from site.yaml in every link; first mentions linked.
	contains("articles/conference-opens/index.html",
		`<a href="/climate/actors/laurent-fabius/" class="mention">Laurent Fabius</a>`,
		`<a href="/climate/actors/christiana-figueres/" title="Christiana Figueres" class="mention">Figueres</a>`)
	lacks("articles/conference-opens/index.html", "<script>alert", `href="/actors/`)
	// Misspelling in a .txt article; boilerplate (built-in and site's) dropped.
	contains("articles/2015-12-13-reactions/index.html",
		`title="Laurent Fabius" class="mention misspelling">Fabious</a>`, "Reactions pour in after the Paris deal")
	lacks("articles/2015-12-13-reactions/index.html", "Listen to this story", "Share this article", "Read More")
	contains("data/articles.json", `"slug":"deal-adopted"`, `"date":"2015-12-12"`, `"url":"/climate/articles/signing/"`)
	contains("data/events.json", `"date":"1997"`, `"precision":"year"`, `"date":"2016-04"`, `"precision":"month"`, `"end":"2015-12-12"`, `"place":"paris"`)
	contains("data/actors.json", `"kind":"organization"`, `"kind":"place"`, `"kind":"country"`)
}

// TestDeterministic builds one site twice into two folders: every file
// must be identical, whatever order the parallel workers ran in.
func TestDeterministic(t *testing.T) {
	for _, src := range []string{goldenSite, ".."} {
		a := readTree(t, build(t, src))
		b := readTree(t, build(t, src))
		if len(a) != len(b) {
			t.Errorf("%s: %d files, then %d", src, len(a), len(b))
		}
		for name, x := range a {
			if y, ok := b[name]; !ok || !bytes.Equal(x, y) {
				t.Errorf("%s: %s differs between two builds: %s", src, name, firstDiff(x, y))
			}
		}
	}
}

var linkAttr = regexp.MustCompile(`(?i)\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')`)

// TestSampleSiteLinks builds the repository's own sample site and checks
// that every internal href and src in every page resolves to a file of
// the output.
func TestSampleSiteLinks(t *testing.T) {
	dest := build(t, "..")
	out := readTree(t, dest)
	pages := 0
	for _, name := range slices.Sorted(maps.Keys(out)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		for _, m := range linkAttr.FindAllSubmatch(out[name], -1) {
			ref := string(m[1]) + string(m[2])
			ref = strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'").Replace(ref)
			if target, ok := resolveLink(name, ref); ok {
				if _, exists := out[target]; !exists {
					t.Errorf("%s: link %q points to missing %s", name, ref, target)
				}
			}
		}
	}
	if pages < 40 {
		t.Errorf("only %d pages built from the sample site", pages)
	}
}

// resolveLink maps a link found in page to the output file it names, or
// returns false for links that leave the site or only name a fragment.
func resolveLink(page, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	lower := strings.ToLower(ref)
	for _, p := range []string{"http://", "https://", "mailto:", "tel:", "data:", "javascript:", "//"} {
		if strings.HasPrefix(lower, p) {
			return "", false
		}
	}
	if i := strings.IndexAny(ref, "#?"); i >= 0 {
		ref = ref[:i]
	}
	if ref == "" {
		return "", false // a fragment of the page itself
	}
	var p string
	if strings.HasPrefix(ref, "/") {
		p = path.Clean(ref)
	} else {
		p = path.Join("/", path.Dir(page), ref)
	}
	if strings.HasSuffix(ref, "/") || p == "/" {
		p = path.Join(p, "index.html")
	}
	return strings.TrimPrefix(p, "/"), true
}

func TestResolveLink(t *testing.T) {
	tests := []struct {
		page, ref, want string
		ok              bool
	}{
		{"index.html", "/events/x/", "events/x/index.html", true},
		{"index.html", "/", "index.html", true},
		{"a/b/index.html", "../c/", "a/c/index.html", true},
		{"a/index.html", "style.css", "a/style.css", true},
		{"index.html", "/events/x/#top", "events/x/index.html", true},
		{"index.html", "#main", "", false},
		{"index.html", "https://example.com/", "", false},
		{"index.html", "mailto:x@example.com", "", false},
	}
	for _, tt := range tests {
		got, ok := resolveLink(tt.page, tt.ref)
		if got != tt.want || ok != tt.ok {
			t.Errorf("resolveLink(%q, %q) = %q, %v; want %q, %v", tt.page, tt.ref, got, ok, tt.want, tt.ok)
		}
	}
}
