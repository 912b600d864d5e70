package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/builder"
)

// TestSearchFindsInflectedAndUnaccentedForms: a query in an inflected
// form of a Ukrainian name, or without a name's diacritics, found
// nothing, since search.js and the index compared words as typed.
func TestSearchFindsInflectedAndUnaccentedForms(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml":                   "title: Forms\n",
		"content/actors/zelenskyi.md": "---\nname: Володимир Зеленський\n---\nПрезидент України.\n",
		"content/actors/erdogan.md":   "---\nname: Recep Tayyip Erdoğan\n---\nPresident of Turkey.\n",
		"content/actors/scholz.md":    "---\nname: Olaf Scholz\naliases: [\"Шольц\"]\n---\nChancellor of Germany.\n",
		"content/articles/visit.md": "---\ntitle: \"Erdoğan receives a delegation\"\ndate: 2022-03-10\n---\n" +
			"Делегація Зеленського прибула до Анкари. Шольцу надіслали лист з Bahnhofstraße.\n",
	}
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "site")
	if _, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest, Archive: true}); err != nil {
		t.Fatalf("build: %v", err)
	}

	b := New(t)
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()
	b.Navigate(root + "search/index.html")
	b.Wait("the search page", `document.documentElement.dataset.searchReady`)
	const run = `(async (q) => {
		const input = document.getElementById("search-q"), form = document.getElementById("search-form");
		const shown = new Promise(res => document.addEventListener("brief-search", res, {once: true}));
		input.value = q;
		form.requestSubmit();
		await shown;
		return [...document.querySelectorAll("#search-results li")].map(li =>
			li.querySelector("a").getAttribute("href") + " " + [...li.querySelectorAll("mark")].map(m => m.textContent).join("|"));
	})`
	tests := []struct{ q, want, mark string }{
		{"Зеленського", "actors/zelenskyi/index.html", "Зеленський"},
		{"Зеленському", "actors/zelenskyi/index.html", "Зеленський"},
		{"Зеленского", "actors/zelenskyi/index.html", "Зеленський"},
		{"Зеленського", "articles/visit/index.html", "Зеленського"},
		{"erdogan", "actors/erdogan/index.html", "Erdoğan"},
		{"erdogan", "articles/visit/index.html", "Erdoğan"},
		{"bahnhofstrasse", "articles/visit/index.html", "Bahnhofstraße"},
		{"Шольца", "actors/scholz/index.html", ""},
	}
	for _, tt := range tests {
		q, _ := json.Marshal(tt.q)
		ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](run+"("+string(q)+")", chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		hit := ""
		for _, g := range got {
			if strings.HasSuffix(strings.Fields(g)[0], tt.want) {
				hit = g
			}
		}
		switch {
		case hit == "":
			t.Errorf("%q: %s not among the results %q", tt.q, tt.want, got)
		case tt.mark != "" && !strings.Contains(hit, tt.mark):
			t.Errorf("%q: %s shown with marks %q, want %q marked", tt.q, tt.want, hit, tt.mark)
		}
	}
}

// TestSearchSpeaksTheSiteLanguage: the search page of a Ukrainian site
// said "2 results for …", "No results for …" and "Article" in English,
// since search.js wrote its messages itself. They come from the site's
// language now, with its plural forms, and so do the dates of results.
// The first ten results are shown, and the button under them, labelled
// in the site's language, shows the others.
func TestSearchSpeaksTheSiteLanguage(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml":                "title: Огляд\nlanguage: uk\n",
		"content/actors/scholz.md": "---\nname: Олаф Шольц\n---\nКанцлер Німеччини.\n",
	}
	for i := range 12 {
		files[fmt.Sprintf("content/articles/visit-%d.md", i)] = fmt.Sprintf("---\ntitle: \"Шольц у Києві (%d)\"\ndate: 2022-02-14\n---\nКанцлер прибув до Києва.\n", i)
	}
	for name, text := range files {
		p := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dest := filepath.Join(t.TempDir(), "site")
	if _, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest, Archive: true}); err != nil {
		t.Fatalf("build: %v", err)
	}

	b := New(t)
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()
	b.Navigate(root + "search/index.html")
	b.Wait("the search page", `document.documentElement.dataset.searchReady`)
	const run = `(async (q) => {
		const input = document.getElementById("search-q"), form = document.getElementById("search-form");
		const shown = new Promise(res => document.addEventListener("brief-search", res, {once: true}));
		input.value = q;
		form.requestSubmit();
		await shown;
		const meta = document.querySelector("#search-results .meta");
		const more = document.getElementById("search-more");
		return [document.getElementById("search-status").textContent, meta ? meta.textContent : "",
			String(document.querySelectorAll("#search-results li").length), more.hidden ? "" : more.textContent];
	})`
	tests := []struct {
		q, status, meta string
		shown           int
		more            string
	}{
		// The articles by their title ("many" in Ukrainian), one by its
		// number ("one"); the actor and the articles by a word of their
		// text, and by the actor's name (its postings).
		{"Києві", "За запитом «Києві» знайдено 12 результатів.", "Стаття · 14 лютого 2022", 10, "Показати ще"},
		{"(3)", "За запитом «(3)» знайдено 1 результат.", "Стаття · 14 лютого 2022", 1, ""},
		{"канцлер", "За запитом «канцлер» знайдено 13 результатів.", "", 10, "Показати ще"},
		{"газопровід", "За запитом «газопровід» нічого не знайдено.", "", 0, ""},
		{"Шольц", "За запитом «Шольц» знайдено 13 результатів.", "Особа", 10, "Показати ще"},
	}
	for _, tt := range tests {
		q, _ := json.Marshal(tt.q)
		ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](run+"("+string(q)+")", chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		if got[0] != tt.status {
			t.Errorf("%q: status %q, want %q", tt.q, got[0], tt.status)
		}
		if tt.meta != "" && got[1] != tt.meta {
			t.Errorf("%q: first result's line %q, want %q", tt.q, got[1], tt.meta)
		}
		if got[2] != fmt.Sprint(tt.shown) || got[3] != tt.more {
			t.Errorf("%q: %s results shown, button %q; want %d, %q", tt.q, got[2], got[3], tt.shown, tt.more)
		}
	}

	// The button shows the rest of the last query's results, then goes.
	ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
	defer cancel()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(async () => {
		const more = document.getElementById("search-more");
		more.querySelector("button").click();
		while (document.querySelectorAll("#search-results li").length === 10) await new Promise(r => setTimeout(r, 10));
		return [String(document.querySelectorAll("#search-results li").length), String(more.hidden)];
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("more: %v", err)
	}
	if got[0] != "13" || got[1] != "true" {
		t.Errorf("after the button: %s results shown, button hidden %s; want 13, true", got[0], got[1])
	}
}
