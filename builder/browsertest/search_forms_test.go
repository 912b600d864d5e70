package browsertest

import (
	"context"
	"encoding/json"
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
