package browsertest

import (
	"context"
	"encoding/json"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
)

// TestSearchFindsEveryArticle builds a generated site of 2,000 articles
// as an archive and, from file://, searches for every article by words
// of its title: the rarest ones, as many as it takes to narrow the
// titles that hold them all to ten, so that the article must be among
// the results shown (title matches rank above text matches). The index
// is sharded; this checks that the shards a query loads hold what the
// query needs.
func TestSearchFindsEveryArticle(t *testing.T) {
	src := t.TempDir()
	if err := corpus.Generate(src, 2000, 1); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "site")
	res, err := builder.Build(context.Background(), builder.Options{Source: src, Dest: dest, Archive: true})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	arts := res.Site.Articles
	if len(arts) != 2000 {
		t.Fatalf("%d articles", len(arts))
	}

	// How many titles hold each word.
	titleWords := make([]map[string]bool, len(arts))
	df := map[string]int{}
	for i, a := range arts {
		titleWords[i] = map[string]bool{}
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
			if !titleWords[i][w] {
				titleWords[i][w] = true
				df[w]++
			}
		}
	}
	type query struct {
		Q, Want string
	}
	queries := make([]query, len(arts))
	for i, a := range arts {
		ws := make([]string, 0, len(titleWords[i]))
		for w := range titleWords[i] {
			ws = append(ws, w)
		}
		// Words before numbers, rarest first.
		sort.Slice(ws, func(x, y int) bool {
			dx, dy := isNumber(ws[x]), isNumber(ws[y])
			if dx != dy {
				return !dx
			}
			if df[ws[x]] != df[ws[y]] {
				return df[ws[x]] < df[ws[y]]
			}
			return ws[x] < ws[y]
		})
		var picked []string
		for _, w := range ws {
			picked = append(picked, w)
			n := 0
			for j := range arts {
				all := true
				for _, p := range picked {
					all = all && titleWords[j][p]
				}
				if all {
					n++
				}
			}
			if n <= 10 {
				break
			}
		}
		queries[i] = query{Q: strings.Join(picked, " "), Want: "articles/" + a.Slug + "/index.html"}
	}

	b := New(t)
	requests := b.Requests()
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()
	b.Navigate(root + "search/index.html")
	b.Wait("the search page", `document.documentElement.dataset.searchReady`)

	// Each query is typed into the form and submitted; the page says
	// when its results are shown.
	const run = `(async (qs) => {
		const input = document.getElementById("search-q"), form = document.getElementById("search-form");
		const missed = [];
		for (const q of qs) {
			const shown = new Promise(res => document.addEventListener("brief-search", res, {once: true}));
			input.value = q.Q;
			form.requestSubmit();
			await shown;
			const hrefs = [...document.querySelectorAll("#search-results li a")].map(a => a.href);
			if (!hrefs.some(h => h.endsWith("/" + q.Want))) missed.push(q.Q + " → " + q.Want + " (" + hrefs.length + " shown, first " + (hrefs[0] || "none") + ")");
		}
		return missed;
	})`
	start := time.Now()
	var missed []string
	for lo := 0; lo < len(queries); lo += 250 {
		batch, _ := json.Marshal(queries[lo:min(lo+250, len(queries))])
		ctx, cancel := context.WithTimeout(b.Ctx, 60*time.Second)
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](run+"("+string(batch)+")", chromedp.EvalAwaitPromise))
		cancel()
		if err != nil {
			t.Fatalf("queries %d-: %v", lo, err)
		}
		missed = append(missed, got...)
	}
	t.Logf("%d queries in %v", len(queries), time.Since(start))
	for i, m := range missed {
		if i == 20 {
			t.Errorf("… and %d more", len(missed)-20)
			break
		}
		t.Errorf("not found: %s", m)
	}
	for _, u := range requests() {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the search requested %s", u)
		}
	}
}

func isNumber(w string) bool {
	for _, r := range w {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return w != ""
}
