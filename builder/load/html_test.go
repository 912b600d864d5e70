package load

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

func readPage(t *testing.T, name string) (*model.Article, []string) {
	t.Helper()
	data, err := os.ReadFile("testdata/pages/" + name)
	if err != nil {
		t.Fatal(err)
	}
	a, ds := Article("content/articles/"+name, data)
	var msgs []string
	for _, d := range ds {
		msgs = append(msgs, d.String())
	}
	return a, msgs
}

func texts(a *model.Article) []string {
	var out []string
	for _, b := range a.Blocks {
		s := b.Text
		if b.Heading {
			s = "## " + s
		}
		out = append(out, s)
	}
	return out
}

// noPageMarkup fails when anything of the page's markup, scripts,
// trackers or resources is in the article.
func noPageMarkup(t *testing.T, a *model.Article) {
	t.Helper()
	all := a.Title + a.Body + strings.Join(texts(a), "\n") + a.Publisher + strings.Join(a.Authors, ",")
	for _, bad := range []string{"<", "script", "dataLayer", "track", "adnetwork", "cookie", ".js", ".css", "iframe", "pixel", "Accept", "Most read", "Sign up", "Privacy", "Twitter", "Facebook", "Log in"} {
		if strings.Contains(all, bad) {
			t.Errorf("%s: article text contains %q", a.File, bad)
		}
	}
}

func TestSavedPageWithOpenGraphAndJSONLD(t *testing.T) {
	a, ds := readPage(t, "og-jsonld.html")
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if a.Format != "html" || a.Slug != "og-jsonld" || a.Title != "NATO sees no sign of Russian pullback, Stoltenberg says" ||
		a.Date.String() != "2022-02-16" || !a.Updated.IsZero() || // updated the same day
		a.Publisher != "Northern Wire" ||
		a.SourceURL != "https://northernwire.example/world/europe/2022/02/16/nato-sees-no-sign-of-russian-pullback" ||
		!reflect.DeepEqual(a.Authors, []string{"Marta Kowalczyk", "Tom Reyes"}) {
		t.Errorf("metadata: %q %s %s %q %q %q", a.Title, a.Date, a.Updated, a.Publisher, a.SourceURL, a.Authors)
	}
	got := texts(a)
	want := []string{
		"NATO has seen no evidence that Russia is withdrawing forces from Ukraine's borders, Secretary General Jens Stoltenberg said on Wednesday, a day after Moscow announced that some units were returning to their bases.",
		`Speaking as defence ministers of the alliance met in Brussels, Stoltenberg said the build-up appeared instead to be continuing, with more troops and equipment still arriving. "What we see is not de-escalation," he told reporters. "We will judge Russia by its actions on the ground, not by its announcements."`,
		"## Plans for the southeast",
		"The ministers asked military commanders to work out the details of new battlegroups in southeastern Europe, building on an offer from Romania to host one. Similar multinational units have been stationed in Poland and the three Baltic states since 2017.",
		"Russia's defence ministry released video of tanks being loaded onto trains in Crimea, which it said showed drills coming to an end. Western governments said the pictures proved little, since forces could be moved back just as quickly.",
		"Stoltenberg said the alliance remained ready to talk and had put written proposals to Moscow on arms control and military transparency. He repeated that NATO would not reopen the principle that each country chooses its own security arrangements.",
		// Dropped by the boilerplate patterns at extraction, not here.
		"Read more: Russia says some troops are pulling back",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if a.Blocks[0].Line == 0 || a.Blocks[2].Line <= a.Blocks[0].Line {
		t.Errorf("lines: %+v", a.Blocks)
	}
	noPageMarkup(t, a)
}

func TestSavedPageWithTimeOnly(t *testing.T) {
	a, ds := readPage(t, "time-only.html")
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if a.Date.String() != "2022-02-14" || a.Publisher != "" || a.SourceURL != "" || len(a.Authors) != 0 ||
		a.Title != `Scholz in Kyiv: no talk of NATO membership "on the agenda" – Eastern Desk` {
		t.Errorf("metadata: %q %s %q %q %q", a.Title, a.Date, a.Publisher, a.SourceURL, a.Authors)
	}
	got := texts(a)
	if len(got) < 3 || !strings.HasPrefix(got[0], "German Chancellor Olaf Scholz met") || !strings.Contains(strings.Join(got, "\n"), "Russia’s troop build-up") {
		t.Errorf("blocks (windows-1252 decoded):\n%s", strings.Join(got, "\n"))
	}
	noPageMarkup(t, a)
}

func TestSavedPageWithoutDate(t *testing.T) {
	_, ds := readPage(t, "none.html")
	want := `content/articles/none.html: no publication date found in the page (looked for article:published_time, JSON-LD datePublished, <time datetime>) (add <meta property="article:published_time" content="2022-02-07"> inside the page's <head>, or rename the file to 2022-02-07-none.html)`
	if len(ds) != 1 || ds[0] != want {
		t.Errorf("diagnostics %q\nwant %q", ds, want)
	}
	a, ds := readPage(t, "2022-02-17-none-dated-by-name.html")
	if len(ds) != 0 || a.Date.String() != "2022-02-17" || a.Title != `Biden: invasion could come "any day"` {
		t.Fatalf("%v %q %s", ds, a.Title, a.Date)
	}
	got := texts(a)
	if len(got) != 3 || !strings.HasPrefix(got[0], "President Joe Biden said") {
		t.Errorf("blocks (headline heading dropped):\n%s", strings.Join(got, "\n"))
	}
	noPageMarkup(t, a)
}

func TestClassifySavedPages(t *testing.T) {
	for p, want := range map[string]string{
		"content/articles/2022/page.html":             KindArticle,
		"content/articles/page.htm":                   KindArticle,
		"content/articles/page_files/app.js":          "",
		"content/articles/page_files/frame.html":      "",
		"content/articles/2022/x_files/sub/style.css": "",
		"content/events/page.html":                    "ignored",
		"content/articles/notes.pdf":                  "ignored",
	} {
		if got := Classify(p); got != want {
			t.Errorf("Classify(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestPageMetaSources(t *testing.T) {
	tests := []struct {
		page string
		want PageMeta
	}{
		{`<html><head><meta property="article:published_time" content="2022-02-07T23:30:00-05:00"><meta property="og:title" content="A"></head></html>`,
			PageMeta{Title: "A", Date: "2022-02-07T23:30:00-05:00", DateFrom: "article:published_time"}},
		{`<script type="application/ld+json">{"@graph":[{"@type":"WebSite"},{"@type":["NewsArticle"],"headline":"B","datePublished":"2022-02-08","author":"Jane Roe","publisher":{"name":"Wire"},"url":"https://x.example/b"}]}</script>`,
			PageMeta{Title: "B", Date: "2022-02-08", DateFrom: "JSON-LD datePublished", Publisher: "Wire", Authors: []string{"Jane Roe"}, URL: "https://x.example/b"}},
		{`<title>C</title><meta name="author" content="By Sam Poe"><link rel="canonical" href="javascript:alert(1)"><time datetime="2022-02-09">x</time>`,
			PageMeta{Title: "C", Date: "2022-02-09", DateFrom: "<time datetime>", Authors: []string{"Sam Poe"}}},
		{`<script type="application/ld+json">{not json</script><title>D</title>`, PageMeta{Title: "D"}},
	}
	for _, tt := range tests {
		doc, err := parsePage([]byte(tt.page))
		if err != nil {
			t.Fatal(err)
		}
		if got := ReadPageMeta(doc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.page, got, tt.want)
		}
	}
}

func FuzzHTMLArticle(f *testing.F) {
	for _, name := range []string{"og-jsonld.html", "time-only.html", "none.html"} {
		data, err := os.ReadFile("testdata/pages/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<script type="application/ld+json">[[[[[[{"@type":"NewsArticle","author":[[{"name":1}]]}]]]]]]</script>`))
	f.Add([]byte("<p>\xff\xfe</p><time datetime='2022-13-45'>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		// No panic, and an article has a title or an error.
		a, ds := Article("content/articles/2022-02-07-x.html", data)
		if a != nil && a.Title == "" && len(ds) == 0 {
			t.Fatal("no title and no error")
		}
	})
}
