package builder

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
)

// writeSite writes the files, by slash path, below dir.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// pngOf returns a w×h PNG.
func pngOf(t *testing.T, w, h int) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	img.Set(0, 0, color.Black)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// linkSite is a site whose bodies link every way brief knows.
func linkSite(t *testing.T) map[string]string {
	return map[string]string{
		"site.yaml":                      "title: Links\n",
		"content/events/geneva-talks.md": "---\ntitle: Geneva talks\ndate: 2022-02-07\n---\nSee [the talks](../articles/2022-02-07-talks/index.md) and [Putin](@/actors/putin).\n",
		"content/actors/putin.md":        "---\nname: Vladimir Putin\nkind: person\n---\n",
		"content/articles/2022-02-07-talks/index.md": "---\ntitle: Talks\ndate: 2022-02-07\n---\n" +
			"Talks began.\n\n![The hall in Geneva](photo.png)\n\nSee [the event](../../events/geneva-talks.md#coverage), [the other](@/articles/2022-02-08-other) and [the PDF](/doc.pdf).\n",
		"content/articles/2022-02-07-talks/photo.png": pngOf(t, 64, 48),
		"content/articles/2022-02-07-talks/notes.md":  "not an article: a file of the bundle\n",
		"content/articles/2022-02-08-other.md":        "---\ntitle: Other\ndate: 2022-02-08\nimage: https://example.com/p.jpg\n---\nBack to [the talks](@/articles/2022-02-07-talks).\n",
		"static/doc.pdf":                              "%PDF-1.4\n",
	}
}

func TestBodyLinksBuild(t *testing.T) {
	for _, tc := range []struct {
		name    string
		base    string
		archive bool
	}{{"root", "", false}, {"base path", "https://user.github.io/repo/", false}, {"archive", "https://user.github.io/repo/", true}} {
		t.Run(tc.name, func(t *testing.T) {
			src := t.TempDir()
			writeSite(t, src, linkSite(t))
			dest := filepath.Join(t.TempDir(), "out")
			res, err := Build(context.Background(), Options{Source: src, Dest: dest, BaseURL: tc.base, Archive: tc.archive})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range res.Warnings {
				if strings.Contains(w.Msg, "alt") {
					t.Errorf("unexpected warning %v", w)
				}
			}
			out := readTree(t, dest)
			if _, ok := out["articles/2022-02-07-talks/photo.png"]; !ok {
				t.Fatalf("bundle image not copied; files: %d", len(out))
			}
			for name := range out {
				if strings.HasPrefix(name, "articles/notes/") || strings.HasPrefix(name, "articles/index/") {
					t.Errorf("a bundle's file became a page: %s", name)
				}
			}
			page := string(out["articles/2022-02-07-talks/index.html"])
			base := "/"
			if tc.base != "" {
				base = "/repo/"
			}
			want := []string{
				`src="` + base + `articles/2022-02-07-talks/photo.png" alt="The hall in Geneva" width="64" height="48"`,
				`href="` + base + `events/geneva-talks/#coverage"`,
				`href="` + base + `articles/2022-02-08-other/"`,
				`href="` + base + `doc.pdf"`,
			}
			if tc.archive {
				want = []string{
					`src="../../articles/2022-02-07-talks/photo.png" alt="The hall in Geneva" width="64" height="48"`,
					`href="../../events/geneva-talks/index.html#coverage"`,
					`href="../../articles/2022-02-08-other/index.html"`,
					`href="../../doc.pdf"`,
				}
			}
			for _, w := range want {
				if !strings.Contains(page, w) {
					t.Errorf("article page lacks %s", w)
				}
			}
			if tc.base != "" && !tc.archive {
				for _, w := range []string{`<meta property="og:image" content="https://user.github.io/repo/articles/2022-02-07-talks/photo.png">`, `"image":"https://user.github.io/repo/articles/2022-02-07-talks/photo.png"`} {
					if !strings.Contains(page, w) {
						t.Errorf("article page lacks %s", w)
					}
				}
				other := string(out["articles/2022-02-08-other/index.html"])
				if !strings.Contains(other, `<meta property="og:image" content="https://example.com/p.jpg">`) {
					t.Error("image: front matter gives no og:image")
				}
				if !strings.Contains(string(out["index.html"]), `<img class="item-image" src="/repo/articles/2022-02-07-talks/photo.png"`) {
					t.Error("the home page list shows no card image")
				}
			}
			ev := string(out["events/geneva-talks/index.html"])
			for _, w := range []string{`href="` + base + `articles/2022-02-07-talks/"`, `href="` + base + `actors/putin/"`} {
				if !tc.archive && !strings.Contains(ev, w) {
					t.Errorf("event page lacks %s", w)
				}
			}
		})
	}
}

// errorsIn returns the diagnostics of a failed build.
func errorsIn(t *testing.T, err error) diag.Errors {
	t.Helper()
	var de diag.Errors
	if !errors.As(err, &de) {
		t.Fatalf("build error %v is no diag.Errors", err)
	}
	return de
}

func TestBodyLinkErrors(t *testing.T) {
	for _, tc := range []struct {
		name, file, body string
		line             int
		msg, hint        string
	}{
		{"unknown slug", "content/articles/2022-02-08-other.md", "Back to [the talks](@/articles/2022-02-07-tallks).\n", 5, `link to unknown article "2022-02-07-tallks"`, `did you mean "2022-02-07-talks"?`},
		{"unknown file", "content/articles/2022-02-08-other.md", "Back to\n[the talks](../events/geneva-talk.md).\n", 6, "link to content/events/geneva-talk.md: no such event", `did you mean "content/events/geneva-talks.md"?`},
		{"broken file link", "content/articles/2022-02-08-other.md", "A [map](/maps/geneva.pdf).\n", 5, "link /maps/geneva.pdf leads to no file of the site", "static/"},
		{"broken image", "content/articles/2022-02-08-other.md", "![A map](/maps/geneva.png)\n", 5, "image /maps/geneva.png leads to no file of the site", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := linkSite(t)
			files[tc.file] = "---\ntitle: Other\ndate: 2022-02-08\n---\n" + tc.body
			src := t.TempDir()
			writeSite(t, src, files)
			_, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(t.TempDir(), "out")})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			de := errorsIn(t, err)
			if len(de) != 1 || de[0].File != tc.file || de[0].Line != tc.line || !strings.Contains(de[0].Msg, tc.msg) || !strings.Contains(de[0].Hint, tc.hint) {
				t.Fatalf("errors %v, want one at %s:%d: %s (%s)", de, tc.file, tc.line, tc.msg, tc.hint)
			}
		})
	}
}

func TestBodyLinkToRenamedSlug(t *testing.T) {
	files := linkSite(t)
	files["content/events/geneva-talks.md"] = "---\ntitle: Geneva talks\ndate: 2022-02-07\nslug: geneva\n---\n"
	src := t.TempDir()
	writeSite(t, src, files)
	_, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(t.TempDir(), "out")})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	de := errorsIn(t, err)
	if len(de) != 1 || de[0].File != "content/articles/2022-02-07-talks/index.md" || de[0].Line != 9 || de[0].Hint != "write the link as @/events/geneva" {
		t.Fatalf("errors %v", de)
	}
}

func TestTemplateLinkBroken(t *testing.T) {
	files := linkSite(t)
	src := t.TempDir()
	writeSite(t, src, files)
	tmpl, err := os.ReadFile(filepath.Join("..", "templates", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(tmpl), "{{define \"main\"}}", "{{define \"main\"}}<a href=\"{{url \"nowhere/\"}}\">x</a>", 1)
	if broken == string(tmpl) {
		t.Fatal("article.html has no main block to break")
	}
	writeSite(t, src, map[string]string{"templates/article.html": broken})
	_, err = Build(context.Background(), Options{Source: src, Dest: filepath.Join(t.TempDir(), "out")})
	if err == nil {
		t.Fatal("the build succeeded")
	}
	de := errorsIn(t, err)
	if len(de) != 1 || de[0].File != "templates/article.html" || !strings.Contains(de[0].Msg, "links to /nowhere/") {
		t.Fatalf("errors %v", de)
	}
}

func TestImageWithoutAltWarns(t *testing.T) {
	files := linkSite(t)
	files["content/articles/2022-02-07-talks/index.md"] = "---\ntitle: Talks\ndate: 2022-02-07\n---\nTalks.\n\n![](photo.png)\n"
	src := t.TempDir()
	writeSite(t, src, files)
	res, err := Build(context.Background(), Options{Source: src, Dest: filepath.Join(t.TempDir(), "out")})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if w.File == "content/articles/2022-02-07-talks/index.md" && w.Line == 7 && strings.Contains(w.Msg, "no alt text") {
			return
		}
	}
	t.Fatalf("no alt warning at line 7 among %v", res.Warnings)
}

func TestSavedPageImages(t *testing.T) {
	page := `<html><head><title>Talks</title><meta property="og:url" content="https://news.example/world/talks">` +
		`<meta property="article:published_time" content="2022-02-07"></head><body><article><h1>Talks</h1>` +
		`<p>Leaders met in Geneva on Monday for talks that lasted most of the day, officials said, and more talks are planned.</p>` +
		`<figure><img src="2022-02-07-talks_files/hall.png" alt="The hall"><figcaption>The hall</figcaption></figure>` +
		`<p>They agreed to meet again, according to officials who spoke after the meeting ended late in the evening.</p>` +
		`<img src="2022-02-07-talks_files/lost.png" alt="Not saved"><img src="https://cdn.example/ad.png" alt="An advert">` +
		`<script src="2022-02-07-talks_files/x.js"></script></article></body></html>`
	for _, archive := range []bool{false, true} {
		src := t.TempDir()
		writeSite(t, src, map[string]string{
			"site.yaml":                                        "title: Saved\n",
			"content/articles/2022-02-07-talks.html":           page,
			"content/articles/2022-02-07-talks_files/hall.png": pngOf(t, 40, 30),
			"content/articles/2022-02-07-talks_files/x.js":     "alert(1)",
		})
		dest := filepath.Join(t.TempDir(), "out")
		if _, err := Build(context.Background(), Options{Source: src, Dest: dest, BaseURL: "https://user.github.io/repo/", Archive: archive}); err != nil {
			t.Fatal(err)
		}
		out := readTree(t, dest)
		if _, ok := out["articles/2022-02-07-talks/2022-02-07-talks_files/hall.png"]; !ok {
			t.Fatal("the saved image was not copied beside the page")
		}
		for name := range out {
			if strings.HasSuffix(name, ".js") && strings.Contains(name, "talks_files") {
				t.Errorf("a script of the saved page was published: %s", name)
			}
		}
		html := string(out["articles/2022-02-07-talks/index.html"])
		want := `<img src="/repo/articles/2022-02-07-talks/2022-02-07-talks_files/hall.png" alt="The hall" width="40" height="30">`
		if archive {
			want = `<img src="../../articles/2022-02-07-talks/2022-02-07-talks_files/hall.png" alt="The hall" width="40" height="30">`
		}
		if !strings.Contains(html, want) {
			t.Errorf("archive %v: page lacks %s", archive, want)
		}
		if strings.Contains(html, "lost.png") || strings.Contains(html, "cdn.example") || strings.Contains(html, "<figcaption") {
			t.Errorf("archive %v: an image not saved with the page, or markup of the page, is shown", archive)
		}
	}
}

// A session sees a bundle's files change: a new photo size is read again
// without a change to index.md, and an index.md that comes makes the
// folder's other files resources instead of articles.
func TestBundleIncremental(t *testing.T) {
	src := t.TempDir()
	files := linkSite(t)
	writeSite(t, src, files)
	s, err := NewSession(Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	talks := func() string {
		t.Helper()
		m, err := s.Model(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		s.Commit(m, nil) // forgets the changes reported, as a preview's render does
		a := m.Site.ArticleBySlug["2022-02-07-talks"]
		if a == nil {
			t.Fatal("no bundle article")
		}
		if _, ok := m.Site.ArticleBySlug["notes"]; ok {
			t.Fatal("a bundle's Markdown file became an article")
		}
		return string(a.HTML())
	}
	if h := talks(); !strings.Contains(h, `width="64" height="48"`) {
		t.Fatalf("first build: %s", h)
	}
	writeSite(t, src, map[string]string{"content/articles/2022-02-07-talks/photo.png": pngOf(t, 32, 24)})
	s.Changed("content/articles/2022-02-07-talks/photo.png")
	if h := talks(); !strings.Contains(h, `width="32" height="24"`) {
		t.Fatalf("after the photo changed: %s", h)
	}

	// A folder of articles that becomes a bundle.
	writeSite(t, src, map[string]string{"content/articles/2022-03/2022-03-01-x.md": "---\ntitle: X\ndate: 2022-03-01\n---\nX.\n"})
	s.Changed("content/articles/2022-03") // the watcher reports a new folder
	m, err := s.Model(context.Background())
	if err != nil || m.Site.ArticleBySlug["2022-03-01-x"] == nil {
		t.Fatalf("article in a folder: %v", err)
	}
	s.Commit(m, nil)
	writeSite(t, src, map[string]string{"content/articles/2022-03/index.md": "---\ntitle: March\ndate: 2022-03-01\n---\nMarch.\n"})
	s.Changed("content/articles/2022-03/index.md")
	m, err = s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if m.Site.ArticleBySlug["2022-03-01-x"] != nil || m.Site.ArticleBySlug["2022-03"] == nil {
		t.Fatalf("after index.md came: articles %v", len(m.Site.Articles))
	}
	if a := m.Site.ArticleBySlug["2022-03"]; len(a.Resources) != 1 || a.Resources[0].Name != "2022-03-01-x.md" {
		t.Fatalf("resources %v", a.Resources)
	}
}
