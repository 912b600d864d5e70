package extract

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

func TestBodyLinkForms(t *testing.T) {
	m, _ := NewMatcher(nil)
	for _, tc := range []struct {
		name, file, body string
		res              []model.Resource
		html             string     // what the HTML holds
		link             model.Link // the one link recorded; zero for none
		err              string     // an error, if any
	}{
		{"relative path", "content/articles/2022-02-07-a.md", "x\n[t](../events/geneva-talks.md)", nil,
			`<a href="/events/geneva-talks/">t</a>`, model.Link{Kind: "events", Slug: "geneva-talks", File: "content/events/geneva-talks.md", Href: "/events/geneva-talks/", Line: 11}, ""},
		{"same folder with fragment", "content/articles/2022-02-07-a.md", "[x](2022-02-08-other.md#part)", nil,
			`<a href="/articles/2022-02-08-other/#part">x</a>`, model.Link{Kind: "articles", Slug: "2022-02-08-other", File: "content/articles/2022-02-08-other.md", Href: "/articles/2022-02-08-other/", Line: 10}, ""},
		{"to a bundle", "content/events/geneva.md", "[x](../articles/2022-02-07-talks/index.md)", nil,
			`<a href="/articles/2022-02-07-talks/">x</a>`, model.Link{Kind: "articles", Slug: "2022-02-07-talks", File: "content/articles/2022-02-07-talks/index.md", Href: "/articles/2022-02-07-talks/", Line: 10}, ""},
		{"@/kind/slug", "content/actors/putin.md", "[x](@/actors/lavrov)", nil,
			`<a href="/actors/lavrov/">x</a>`, model.Link{Kind: "actors", Slug: "lavrov", Href: "/actors/lavrov/", Line: 10}, ""},
		{"@/kind/file.md", "content/events/geneva.md", "[x](@/articles/2022-02-08-other.md#a)", nil,
			`<a href="/articles/2022-02-08-other/#a">x</a>`, model.Link{Kind: "articles", Slug: "2022-02-08-other", File: "content/articles/2022-02-08-other.md", Href: "/articles/2022-02-08-other/", Line: 10}, ""},
		{"root-relative", "content/articles/a.md", "[pdf](/doc.pdf)", nil,
			`<a href="/doc.pdf">pdf</a>`, model.Link{Href: "/doc.pdf", Line: 10}, ""},
		{"into static/", "content/articles/a.md", "[pdf](../../static/doc.pdf)", nil,
			`<a href="/doc.pdf">pdf</a>`, model.Link{Href: "/doc.pdf", Line: 10}, ""},
		{"bundle image", "content/articles/2022-02-07-talks/index.md", "![A hall](img/hall.png)", []model.Resource{{Name: "img/hall.png", Width: 640, Height: 480}},
			`<img src="/articles/2022-02-07-talks/img/hall.png" alt="A hall" width="640" height="480">`, model.Link{Href: "/articles/2022-02-07-talks/img/hall.png", Line: 10, Image: true}, ""},
		{"external", "content/articles/a.md", "[x](https://example.com/a.md)", nil, `<a href="https://example.com/a.md">x</a>`, model.Link{}, ""},
		{"fragment only", "content/articles/a.md", "[x](#top)", nil, `<a href="#top">x</a>`, model.Link{}, ""},
		{"mail", "content/articles/a.md", "[x](mailto:a@example.com)", nil, `<a href="mailto:a@example.com">x</a>`, model.Link{}, ""},
		{"unknown kind", "content/articles/a.md", "[x](@/things/x)", nil, `<a href="@/things/x">x</a>`, model.Link{}, "link @/things/x names no article, event or actor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var html string
			var links []model.Link
			var ds []diag.Diagnostic
			src := model.Source{File: tc.file, Slug: model.FileSlug(tc.file), Body: tc.body, BodyLine: 10}
			if strings.HasPrefix(tc.file, "content/articles/") {
				a, d := Article(&model.Article{Source: src, Format: "md", Resources: tc.res}, m, nil, Options{})
				html, links, ds = string(a.HTML()), a.Links, d
			} else {
				e, d := Event(&model.Event{Source: src}, m, Options{})
				html, links, ds = string(e.HTML()), e.Links, d
			}
			if !strings.Contains(html, tc.html) {
				t.Errorf("HTML %s lacks %s", html, tc.html)
			}
			switch {
			case tc.link == model.Link{} && len(links) > 0:
				t.Errorf("links %+v, want none", links)
			case tc.link != model.Link{} && (len(links) != 1 || links[0] != tc.link):
				t.Errorf("links %+v, want %+v", links, tc.link)
			}
			var errs []string
			for _, d := range ds {
				if d.Severity == diag.Error {
					errs = append(errs, d.Msg)
				}
			}
			if tc.err == "" && len(errs) > 0 || tc.err != "" && (len(errs) != 1 || errs[0] != tc.err) {
				t.Errorf("errors %q, want %q", errs, tc.err)
			}
		})
	}
}

func TestImageAltWarning(t *testing.T) {
	m, _ := NewMatcher(nil)
	a, ds := Article(&model.Article{Source: model.Source{File: "content/articles/a.md", Slug: "a", Body: "Text.\n\n![](/map.png) and ![A map](/map.png)\n", BodyLine: 4}, Format: "md"}, m, nil, Options{})
	if len(ds) != 1 || ds[0].Severity != diag.Warning || ds[0].Line != 6 || !strings.Contains(ds[0].Msg, "no alt text") {
		t.Fatalf("diagnostics %v, want one alt warning at line 6", ds)
	}
	if len(a.Links) != 2 {
		t.Fatalf("links %v", a.Links)
	}
}
