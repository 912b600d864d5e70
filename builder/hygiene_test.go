package builder

import (
	"bytes"
	"context"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/briefhq/brief/builder/archive"
	"github.com/briefhq/brief/builder/diag"
)

// Tests of site hygiene (issue 15, part 5) and of the build options of
// part 6: the base_url warning, feeds without made-up dates, full-text
// feeds, minified output and progress reports.

// hygieneSite writes a small site: one article that names one actor and
// belongs to one event, and an actor nobody names.
func hygieneSite(t *testing.T, siteYAML string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"site.yaml":                      siteYAML,
		"content/events/geneva-talks.md": "---\ntitle: Geneva talks\ndate: 2022-01-10\nactors: [blinken]\n---\nTalks in Geneva.\n",
		"content/actors/blinken.md":      "---\nname: Antony Blinken\nkind: person\n---\nUS Secretary of State.\n",
		"content/actors/nobody.md":       "---\nname: Quentin Obscure\nkind: person\n---\nNot yet in the news.\n",
		"content/articles/2022-01-10-talks.md": "---\ntitle: Talks <open> & \"frank\"\ndate: 2022-01-10\nsource: Example News\nevents: [geneva-talks]\nsummary: Blinken meets Lavrov.\n---\n" +
			"Antony Blinken met his counterpart in [Geneva](/events/geneva-talks/) for talks\u00a0& more [^1].\n\n" +
			"![A map](https://example.org/map.png)\n\n[^1]: A footnote.\n",
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func hygieneBuild(t *testing.T, opts Options) (map[string][]byte, *Result) {
	t.Helper()
	opts.Dest = filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return readTree(t, opts.Dest), res
}

// TestBaseURLWarning: a build without a base URL that names a host is
// warned, once, at site.yaml; an archive, which opens from the file
// system, is not.
func TestBaseURLWarning(t *testing.T) {
	tests := []struct {
		name, yaml, flag string
		archive          bool
		want             string // substring of the warning; "" for none
	}{
		{"none", "title: T\n", "", false, "no base_url"},
		{"a path only", "title: T\nbase_url: /repo/\n", "", false, "base_url /repo/ has no host"},
		{"in site.yaml", "title: T\nbase_url: https://example.org/repo/\n", "", false, ""},
		{"from the flag", "title: T\n", "https://example.org/repo/", false, ""},
		{"archive", "title: T\n", "", true, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, res := hygieneBuild(t, Options{Source: hygieneSite(t, tc.yaml), BaseURL: tc.flag, Archive: tc.archive})
			var got []diag.Diagnostic
			for _, d := range res.Warnings {
				if strings.Contains(d.Msg, "base_url") {
					got = append(got, d)
				}
			}
			if tc.want == "" {
				if len(got) != 0 {
					t.Errorf("warnings %v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].File != "site.yaml" || !strings.Contains(got[0].Msg, tc.want) || !strings.Contains(got[0].Hint, "--base-url") {
				t.Errorf("warnings %v, want one at site.yaml with %q", got, tc.want)
			}
		})
	}
}

// atomFeed is what the tests read of a feed.
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Updated string   `xml:"updated"`
	Entries []struct {
		Title     string `xml:"title"`
		Updated   string `xml:"updated"`
		Published string `xml:"published"`
		Summary   string `xml:"summary"`
		Content   struct {
			Type string `xml:"type,attr"`
			Text string `xml:",chardata"`
		} `xml:"content"`
	} `xml:"entry"`
}

func parseFeed(t *testing.T, name string, data []byte) atomFeed {
	t.Helper()
	var f atomFeed
	if err := xml.Unmarshal(data, &f); err != nil {
		t.Fatalf("%s: %v\n%s", name, err, data)
	}
	return f
}

// TestFeedsHaveRealDates: no feed carries a date it made up. An actor
// that nothing names has no feed, and its page links none; every other
// feed and entry is dated from what it holds.
func TestFeedsHaveRealDates(t *testing.T) {
	out, _ := hygieneBuild(t, Options{Source: hygieneSite(t, "title: T\nbase_url: https://example.org/\n")})
	if _, ok := out["actors/nobody/feed.xml"]; ok {
		t.Errorf("actors/nobody/feed.xml written for an actor nothing names:\n%s", out["actors/nobody/feed.xml"])
	}
	if bytes.Contains(out["actors/nobody/index.html"], []byte("nobody/feed.xml")) {
		t.Errorf("actors/nobody/index.html links a feed it does not have")
	}
	if !bytes.Contains(out["actors/blinken/index.html"], []byte("blinken/feed.xml")) {
		t.Errorf("actors/blinken/index.html does not link its feed")
	}
	feeds := 0
	for name, data := range out {
		if !strings.HasSuffix(name, "feed.xml") {
			continue
		}
		feeds++
		if bytes.Contains(data, []byte("1970-")) || bytes.Contains(data, []byte("0001-")) {
			t.Errorf("%s has a made-up date:\n%s", name, data)
		}
		f := parseFeed(t, name, data)
		dates := []string{f.Updated}
		for _, e := range f.Entries {
			dates = append(dates, e.Updated, e.Published)
		}
		for _, d := range dates {
			if tm, err := time.Parse(time.RFC3339, d); err != nil || tm.Year() != 2022 {
				t.Errorf("%s: date %q (%v), want one of 2022", name, d, err)
			}
		}
	}
	for _, name := range []string{"feed.xml", "events/geneva-talks/feed.xml", "actors/blinken/feed.xml"} {
		if out[name] == nil {
			t.Errorf("%s missing (%d feeds written)", name, feeds)
		}
	}
}

// TestFullTextFeeds: with feeds: full, an article's entry carries its
// text as escaped HTML whose links are full addresses; without it, only
// the summary.
func TestFullTextFeeds(t *testing.T) {
	const base = "https://example.org/repo/"
	for _, full := range []bool{false, true} {
		yaml := "title: T\nbase_url: " + base + "\n"
		if full {
			yaml += "feeds: full\n"
		}
		out, _ := hygieneBuild(t, Options{Source: hygieneSite(t, yaml)})
		for _, name := range []string{"feed.xml", "events/geneva-talks/feed.xml", "actors/blinken/feed.xml"} {
			f := parseFeed(t, name, out[name])
			art := -1
			for i, e := range f.Entries {
				if strings.HasPrefix(e.Title, "Talks") {
					art = i
				}
			}
			if art < 0 {
				t.Fatalf("%s: no entry for the article:\n%s", name, out[name])
			}
			e := f.Entries[art]
			if e.Title != `Talks <open> & "frank"` {
				t.Errorf("%s: title %q", name, e.Title)
			}
			if !full {
				if e.Content.Text != "" {
					t.Errorf("%s: content without feeds: full: %q", name, e.Content.Text)
				}
				continue
			}
			if e.Content.Type != "html" {
				t.Errorf("%s: content type %q, want html", name, e.Content.Type)
			}
			// The content, unescaped once by the XML parser, is HTML
			// that parses to the article's text and links.
			doc, err := html.Parse(strings.NewReader(e.Content.Text))
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			var links []string
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				if n.Type == html.TextNode {
					text.WriteString(n.Data)
				}
				for _, a := range n.Attr {
					if a.Key == "href" || a.Key == "src" {
						links = append(links, a.Val)
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
			if !strings.Contains(text.String(), "for talks\u00a0& more") || !strings.Contains(text.String(), "A footnote.") {
				t.Errorf("%s: text %q", name, text.String())
			}
			if len(links) < 3 {
				t.Errorf("%s: links %q, want the event, the image and the footnotes", name, links)
			}
			for _, l := range links {
				if !strings.HasPrefix(l, "https://") {
					t.Errorf("%s: link %q is not a full address", name, l)
				}
			}
			if !slicesContains(links, base+"events/geneva-talks/") || !slicesContains(links, "https://example.org/map.png") {
				t.Errorf("%s: links %q", name, links)
			}
		}
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestMinifyBuild: a minified build is smaller, its pages still parse
// to the same links, it is the same from build to build, and as an
// archive it verifies.
func TestMinifyBuild(t *testing.T) {
	src := hygieneSite(t, "title: T\nbase_url: https://example.org/repo/\n")
	plain, _ := hygieneBuild(t, Options{Source: src})
	small, _ := hygieneBuild(t, Options{Source: src, Minify: true})
	again, _ := hygieneBuild(t, Options{Source: src, Minify: true})
	size := func(m map[string][]byte, ext string) (n int) {
		for name, b := range m {
			if strings.HasSuffix(name, ext) {
				n += len(b)
			}
		}
		return n
	}
	for _, ext := range []string{".html", ".css", ".js", ".xml", ".svg"} {
		if a, b := size(plain, ext), size(small, ext); b >= a {
			t.Errorf("%s: %d bytes minified, %d not", ext, b, a)
		}
	}
	for name, b := range small {
		if !bytes.Equal(b, again[name]) {
			t.Errorf("%s differs between two minified builds", name)
		}
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if _, err := html.Parse(bytes.NewReader(b)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		want, got := pageLinks(t, name, plain[name]), pageLinks(t, name, b)
		if len(want) != len(got) {
			t.Errorf("%s: %d links minified, %d not", name, len(got), len(want))
		}
	}

	dest := filepath.Join(t.TempDir(), "arc")
	if _, err := Build(context.Background(), Options{Source: src, Dest: dest, Archive: true, Minify: true}); err != nil {
		t.Fatal(err)
	}
	r, err := archive.Verify(dest)
	if err != nil || r.Failed() {
		t.Errorf("verify of a minified archive: %+v, %v", r, err)
	}
	arcPlain := filepath.Join(t.TempDir(), "arcplain")
	if _, err := Build(context.Background(), Options{Source: src, Dest: arcPlain, Archive: true}); err != nil {
		t.Fatal(err)
	}
	a, b := readTree(t, arcPlain), readTree(t, dest)
	if size(b, ".html") >= size(a, ".html") {
		t.Errorf("minified archive pages %d bytes, plain %d", size(b, ".html"), size(a, ".html"))
	}
}

// TestProgress: a build with Progress set reports counts that only grow,
// reach every content file read and files written, and is never called
// after Build returns.
func TestProgress(t *testing.T) {
	defer func(d time.Duration) { progressEvery = d }(progressEvery)
	progressEvery = time.Millisecond // a small site builds in milliseconds
	var mu sync.Mutex
	var got []Progress
	returned := false
	opts := Options{Source: hygieneSite(t, "title: T\n"), Dest: filepath.Join(t.TempDir(), "out"), Progress: func(p Progress) {
		mu.Lock()
		defer mu.Unlock()
		if returned {
			t.Error("Progress called after Build returned")
		}
		got = append(got, p)
		time.Sleep(time.Millisecond)
	}}
	res, err := Build(context.Background(), opts)
	mu.Lock()
	returned = true
	mu.Unlock()
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond) // for a call that would come late
	if len(got) == 0 {
		t.Fatal("no progress reported")
	}
	var read, written bool
	for i, p := range got {
		if i > 0 {
			if a := got[i-1]; p.Read < a.Read || p.Written < a.Written || p.Elapsed < a.Elapsed {
				t.Errorf("progress went back: %+v then %+v", a, p)
			}
		}
		if p.Read > p.ToRead || p.Written > res.Stats.Files+res.StaticFiles {
			t.Errorf("progress %+v beyond the %d files written", p, res.Stats.Files+res.StaticFiles)
		}
		read = read || p.Read == 4 && p.ToRead == 4
		written = written || p.Written > 0 && p.ToWrite > 0
	}
	if !read || !written {
		t.Errorf("progress %+v: want 4 files read of 4, and files written", got)
	}
}

// TestSitemapNeedsHost: without a base URL with a host there is no
// sitemap (the protocol takes only full addresses) and robots.txt names
// none; with one, robots.txt names the sitemap by its full address.
func TestSitemapNeedsHost(t *testing.T) {
	for _, tc := range []struct{ yaml, robots string }{
		{"title: T\n", "User-agent: *\nAllow: /\n"},
		{"title: T\nbase_url: /repo/\n", "User-agent: *\nAllow: /\n"},
		{"title: T\nbase_url: https://example.org/repo/\n", "User-agent: *\nAllow: /\n\nSitemap: https://example.org/repo/sitemap.xml\n"},
	} {
		out, _ := hygieneBuild(t, Options{Source: hygieneSite(t, tc.yaml)})
		if got := string(out["robots.txt"]); got != tc.robots {
			t.Errorf("%q: robots.txt = %q, want %q", tc.yaml, got, tc.robots)
		}
		_, ok := out["sitemap.xml"]
		if want := strings.Contains(tc.robots, "Sitemap:"); ok != want {
			t.Errorf("%q: sitemap.xml written: %v, want %v", tc.yaml, ok, want)
		}
		for name, data := range out {
			if strings.HasPrefix(name, "sitemap") && !bytes.Contains(data, []byte("<loc>https://")) {
				t.Errorf("%s without full addresses:\n%s", name, data)
			}
		}
	}
}
