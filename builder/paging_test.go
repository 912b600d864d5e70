package builder

import (
	"bytes"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
)

// pagedSite generates a site of n articles whose lists are cut into small
// pages, so that every kind of paginated page comes in many pages.
func pagedSite(t *testing.T, n int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	if err := corpus.Generate(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, "site.yaml"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString("paginate: {events: 4, coverage: 10, tags: 10, publishers: 10, articles: 10, chronology: 3, chronology_year: 10}\n"); err != nil {
		t.Fatal(err)
	}
	return dir
}

var (
	titleRE     = regexp.MustCompile(`<title>([^<]*)</title>`)
	canonicalRE = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
	pageNumRE   = regexp.MustCompile(`/page/(\d+)/index\.html$`)
)

// Every link of a paginated site resolves at the root, under a sub-path
// and in an archive opened from the file system; page N says so in its
// title and is its own canonical address; page one keeps the list's
// address and leads to page two; two builds are byte-identical.
//
// In -short mode (the race pass of .ci/run) the site has 200 articles,
// still enough for a page 2 of every kind of list: that pass looks for
// data races, which the four builds show at any size.
func TestPaginatedSiteLinks(t *testing.T) {
	n := 600
	if testing.Short() {
		n = 200
	}
	src := pagedSite(t, n)
	var first map[string][]byte
	for _, tc := range []struct {
		name string
		opts Options
		base string
	}{
		{"root", Options{}, "/"},
		{"sub-path", Options{BaseURL: subBase}, "/briefings/"},
		{"archive", Options{Archive: true}, ""},
		{"root again", Options{}, "/"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Source = src
			dest, _ := buildOpts(t, tc.opts)
			out := readTree(t, dest)
			if tc.name == "root" {
				first = out
			}
			if tc.name == "root again" {
				for name, b := range first {
					if !bytes.Equal(out[name], b) {
						t.Errorf("%s differs between two builds", name)
					}
				}
				if len(out) != len(first) {
					t.Errorf("%d files, then %d", len(first), len(out))
				}
				return
			}
			paged := map[string]int{} // pages beyond the first, by list
			for _, name := range slices.Sorted(maps.Keys(out)) {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				if m := pageNumRE.FindStringSubmatch(name); m != nil {
					list := strings.TrimSuffix(name, "page/"+m[1]+"/index.html")
					paged[list]++
					if ti := titleRE.FindSubmatch(out[name]); ti == nil || !strings.Contains(string(ti[1]), "page "+m[1]+" of ") {
						t.Errorf("%s: title %q does not say page %s of M", name, ti, m[1])
					}
					if _, ok := out[list+"index.html"]; !ok {
						t.Errorf("%s has no page one at %sindex.html", name, list)
					}
					if tc.base == "/" {
						c := canonicalRE.FindSubmatch(out[name])
						if c == nil || !strings.HasSuffix(string(c[1]), "/"+strings.TrimSuffix(name, "index.html")) {
							t.Errorf("%s: canonical %q is not the page itself", name, c)
						}
					}
				}
				for _, l := range pageLinks(t, name, out[name]) {
					v := l.val
					if isExternal(v) || strings.HasPrefix(v, "#") || v == "" {
						continue
					}
					if i := strings.IndexAny(v, "?#"); i >= 0 {
						v = v[:i]
					}
					var target string
					if tc.base == "" {
						if strings.HasPrefix(v, "/") || strings.HasSuffix(v, "/") {
							t.Errorf("%s: archive link %q does not work from the file system", name, l.val)
							continue
						}
						target = path.Join(path.Dir(name), v)
					} else {
						if !strings.HasPrefix(v, tc.base) {
							t.Errorf("%s: link %q is outside the base path %s", name, l.val, tc.base)
							continue
						}
						target = strings.TrimPrefix(v, tc.base)
						if target == "" || strings.HasSuffix(target, "/") {
							target += "index.html"
						}
					}
					if _, ok := out[target]; !ok {
						t.Errorf("%s: link %q points to missing %s", name, l.val, target)
					}
				}
			}
			// Every kind of paged list is cut into pages here.
			for _, list := range []string{"events/", "articles/2022/01/"} {
				if paged[list] == 0 {
					t.Errorf("%s has no page 2 (pages beyond the first: %v)", list, paged)
				}
			}
			for _, prefix := range []string{"actors/", "tags/", "publishers/", "chronology/2022/"} {
				n := 0
				for list := range paged {
					if strings.HasPrefix(list, prefix) {
						n++
					}
				}
				if n == 0 {
					t.Errorf("no list under %s has a page 2", prefix)
				}
			}
			if tc.base == "/" {
				one := string(out["events/index.html"])
				if !strings.Contains(one, `<link rel="next" href="/events/page/2/">`) || strings.Contains(one, `rel="prev"`) {
					t.Error("events/ is not page one of the events index, leading to /events/page/2/")
				}
			}
		})
	}
}
