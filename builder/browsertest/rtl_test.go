package browsertest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/builder"
)

// arabicSite is a small site in Arabic, with an article in English.
var arabicSite = map[string]string{
	"site.yaml":                        "title: موجز الأزمة\ndescription: الأزمة الروسية الأوكرانية في أوائل 2022\nlanguage: ar\n",
	"content/actors/vladimir-putin.md": "---\nname: فلاديمير بوتين\nkind: person\naliases: [بوتين, Putin]\nrole: رئيس روسيا\n---\nرئيس روسيا منذ عام 2000.\n",
	"content/events/invasion.md":       "---\ntitle: روسيا تغزو أوكرانيا\ndate: 2022-02-24\nactors: [vladimir-putin]\n---\nبدأ الغزو فجر الرابع والعشرين من فبراير.\n",
	"content/articles/invasion-ar.md": "---\ntitle: بوتين يعلن عملية عسكرية في أوكرانيا\ndate: 2022-02-24\nevents: [invasion]\nsource: Brief Wire\n---\n" +
		"أعلن الرئيس الروسي فلاديمير بوتين فجر يوم 24 فبراير 2022 بدء عملية عسكرية في أوكرانيا.\n\nوسُمعت انفجارات في كييف بعد دقائق من خطابه.\n",
	"content/articles/invasion-en.md": "---\ntitle: Putin announces a military operation in Ukraine\ndate: 2022-02-24\nlanguage: en\nevents: [invasion]\nsource: Brief Wire\n---\n" +
		"Vladimir Putin announced a military operation in Ukraine early on 24 February 2022.\n\nExplosions were heard in Kyiv minutes after his speech.\n",
}

// TestRightToLeftSite builds a site in Arabic and checks that its pages
// are right to left and mirrored: the site's title at the right of the
// header and the navigation at its left, the article's facts column at
// the left of its text; that an English article on it is marked lang=en
// and dir=ltr; and that the pages are axe-clean. With -screenshots it
// writes docs/screenshots/rtl-1280.png and rtl-390.png.
func TestRightToLeftSite(t *testing.T) {
	src := t.TempDir()
	for name, data := range arabicSite {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "site")
	if _, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest}); err != nil {
		t.Fatalf("build: %v", err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	t.Cleanup(srv.Close)
	root := srv.URL + "/"

	b := New(t)
	b.Do("viewport", chromedp.EmulateViewport(1280, 900, chromedp.EmulateScale(1)))
	b.Navigate(root)
	var page struct {
		Lang, Dir               string
		TitleLeft, NavRight     float64
		TitleRight, ViewWidth   float64
		Heading, EventsLabel    string
		ArticleLang, ArticleDir string
	}
	b.Eval(`(() => {
		const title = document.querySelector(".site-title").getBoundingClientRect();
		const nav = document.querySelector(".site-header nav").getBoundingClientRect();
		return {Lang: document.documentElement.lang, Dir: document.documentElement.dir,
			TitleLeft: title.left, TitleRight: title.right, NavRight: nav.right, ViewWidth: document.documentElement.clientWidth,
			EventsLabel: document.querySelector(".site-header nav a").textContent};
	})()`, &page)
	if page.Lang != "ar" || page.Dir != "rtl" {
		t.Errorf(`<html lang=%q dir=%q>, want lang="ar" dir="rtl"`, page.Lang, page.Dir)
	}
	if page.EventsLabel != "الأحداث" {
		t.Errorf("first link of the navigation is %q, want the Arabic label", page.EventsLabel)
	}
	// Mirrored: the title, first in the header, stands at its right; the
	// navigation after it to its left.
	if !(page.TitleRight > page.ViewWidth/2 && page.NavRight <= page.TitleLeft) {
		t.Errorf("header not mirrored: title %.0f–%.0f, navigation ends at %.0f, page %.0f wide", page.TitleLeft, page.TitleRight, page.NavRight, page.ViewWidth)
	}

	b.Navigate(root + "articles/invasion-en/")
	var art struct {
		Lang, Dir, Align     string
		BodyLeft, FactsRight float64
		HeadingDir, BodyLang string
	}
	b.Eval(`(() => {
		const h = document.querySelector("h1"), body = document.querySelector(".body"), facts = document.querySelector(".facts");
		return {Lang: h.lang, Dir: h.dir, HeadingDir: getComputedStyle(h).direction, BodyLang: body.lang,
			Align: getComputedStyle(document.querySelector(".facts dt")).textAlign,
			BodyLeft: body.getBoundingClientRect().left, FactsRight: facts.getBoundingClientRect().right};
	})()`, &art)
	if art.Lang != "en" || art.Dir != "ltr" || art.HeadingDir != "ltr" || art.BodyLang != "en" {
		t.Errorf("English article on an Arabic site: h1 lang=%q dir=%q (computed %s), body lang=%q; want en, ltr", art.Lang, art.Dir, art.HeadingDir, art.BodyLang)
	}
	if !(art.FactsRight <= art.BodyLeft) {
		t.Errorf("article not mirrored: the facts column ends at %.0f, right of the text starting at %.0f", art.FactsRight, art.BodyLeft)
	}

	if _, err := os.Stat(axeScript); err == nil || inCI() {
		axe := readAxe(t)
		for _, p := range []string{"", "articles/invasion-en/", "articles/invasion-ar/", "events/invasion/", "actors/vladimir-putin/"} {
			b.Navigate(root + p)
			b.Eval(axe+`;0`, nil)
			ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " — " + n.failureSummary)})))`, chromedp.EvalAwaitPromise))
			cancel()
			if err != nil {
				t.Fatalf("axe on %q: %v", p, err)
			}
			for _, v := range vs {
				t.Errorf("page %q: axe %s (%s):\n  %s", p, v.ID, v.Impact, strings.Join(v.Nodes, "\n  "))
			}
		}
	}

	if !*screenshots {
		return
	}
	out := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	b.Do("light mode", scheme("light"))
	for _, w := range []int64{1280, 390} {
		b.Do("viewport", chromedp.EmulateViewport(w, 900, chromedp.EmulateScale(1)))
		b.Navigate(root + "articles/invasion-ar/")
		ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		cancel()
		if err != nil {
			t.Fatalf("screenshot: %v", err)
		}
		if err := os.WriteFile(filepath.Join(out, "rtl-"+strconv.FormatInt(w, 10)+".png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
