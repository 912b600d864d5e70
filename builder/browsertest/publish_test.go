package browsertest

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/builder"
)

// sampleSite is the repository's own sample site.
const sampleSite = "../.."

func build(t *testing.T, opts builder.Options) string {
	t.Helper()
	opts.Source = sampleSite
	opts.Dest = filepath.Join(t.TempDir(), "site")
	if _, err := builder.Build(context.Background(), opts); err != nil {
		t.Fatalf("build: %v", err)
	}
	return opts.Dest
}

// TestArchiveFromFiles opens an archive build from file://, runs
// searches (one given in the address, one with a typo in a name, one
// typed into the form), follows results and the site's navigation, and
// checks that the browser requested nothing but local files.
func TestArchiveFromFiles(t *testing.T) {
	dest := build(t, builder.Options{Archive: true})
	b := New(t)
	requests := b.Requests()
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dest) + "/"}).String()

	// ?q= runs the search on load.
	b.Navigate(root + "search/index.html?q=pipeline")
	b.Wait("results for pipeline", `document.querySelectorAll("#search-results li").length > 0`)
	var marks []string
	b.Eval(`[...document.querySelectorAll("#search-results mark")].map(m => m.textContent.toLowerCase())`, &marks)
	if len(marks) == 0 || !strings.HasPrefix(marks[0], "pipeline") {
		t.Errorf("no highlighted term in the results: %v", marks)
	}
	var status string
	b.Eval(`document.getElementById("search-status").textContent`, &status)
	if !strings.Contains(status, "for “pipeline”") {
		t.Errorf("status %q", status)
	}

	// A misspelt name finds the actor first, as its aliases do.
	b.Navigate(root + "search/index.html?q=Zelenski")
	b.Wait("results for Zelenski", `document.querySelectorAll("#search-results li").length > 0`)
	var firstTitle, firstHref string
	b.Eval(`document.querySelector("#search-results li a").textContent`, &firstTitle)
	b.Eval(`document.querySelector("#search-results li a").getAttribute("href")`, &firstHref)
	if firstTitle != "Volodymyr Zelenskyy" {
		t.Errorf("first result for Zelenski is %q, want the actor Volodymyr Zelenskyy", firstTitle)
	}
	if !strings.HasPrefix(firstHref, "file://") || !strings.HasSuffix(firstHref, "actors/volodymyr-zelenskyy/index.html") {
		t.Errorf("result link %q does not name the file", firstHref)
	}
	b.Do("click the first result", chromedp.Click("#search-results li a"))
	b.Wait("the actor page", `location.href.endsWith("actors/volodymyr-zelenskyy/index.html") && document.querySelector("h1") && document.querySelector("h1").textContent.includes("Zelenskyy")`)
	styled(t, b)

	// The form, and a title match ranked first.
	b.Do("open the search page", chromedp.Click(`.site-header nav a[href$="search/index.html"]`))
	b.Wait("the search page", `document.getElementById("search-q") && document.documentElement.dataset.searchReady`)
	b.Do("type a query", chromedp.SendKeys("#search-q", "Munich\n"))
	b.Wait("results for Munich", `document.querySelectorAll("#search-results li").length > 0`)
	b.Eval(`document.querySelector("#search-results li a").textContent`, &firstTitle)
	if !strings.Contains(firstTitle, "Munich") {
		t.Errorf("first result for Munich is %q", firstTitle)
	}

	// Navigation from page to page, all from the file system.
	b.Navigate(root + "index.html")
	for _, step := range []struct{ click, want string }{
		{`.site-header nav a[href$="events/index.html"]`, "events/index.html"},
		{`main .list .item-title`, "/index.html"},
		{`.site-header nav a[href$="chronology/index.html"]`, "chronology/index.html"},
		{`.site-header nav a[href$="actors/index.html"]`, "actors/index.html"},
		{`.site-title`, "/index.html"},
	} {
		// Wait for a new page, not the one clicked on: several steps
		// end in "/index.html", which the current address already does.
		before := b.Location()
		b.Do("click "+step.click, chromedp.Click(step.click))
		b.Wait("a page after clicking "+step.click, `document.readyState === "complete" && location.href !== `+quoteJS(before)+` && location.href.endsWith(`+quoteJS(step.want)+`) && document.querySelector(".site-header")`)
		styled(t, b)
	}

	for _, u := range requests() {
		if !strings.HasPrefix(u, "file://") && !strings.HasPrefix(u, "data:") {
			t.Errorf("the archive requested %s", u)
		}
	}
}

// styled checks that the page's stylesheet loaded.
func styled(t *testing.T, b *Browser) {
	t.Helper()
	var bg string
	b.Eval(`getComputedStyle(document.querySelector(".site-header")).backgroundColor`, &bg)
	if bg == "" || bg == "rgba(0, 0, 0, 0)" || bg == "transparent" {
		t.Errorf("%s: the stylesheet did not load (header background %q)", b.Location(), bg)
	}
}

func quoteJS(s string) string { return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"` }

// TestSubPathServed builds the site for http://HOST/briefings/, serves it
// there as GitHub Pages does (404.html for any missing address), and
// follows every internal link of every page in the browser; no request
// may fail or leave the base path. Then it opens a missing address deep
// below the base and uses the 404 page's links.
func TestSubPathServed(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String() + "/briefings/"
	dest := build(t, builder.Options{BaseURL: base})

	var mu sync.Mutex
	var failed []string
	files := http.FileServer(http.Dir(dest))
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r)
			return
		}
		rel, ok := strings.CutPrefix(p, "/briefings/")
		if ok {
			f := filepath.Join(dest, filepath.FromSlash(rel))
			if strings.HasSuffix(rel, "/") || rel == "" {
				f = filepath.Join(f, "index.html")
			}
			if _, err := os.Stat(f); err == nil {
				r.URL.Path = "/" + rel
				files.ServeHTTP(w, r)
				return
			}
		}
		mu.Lock()
		failed = append(failed, p)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		page, _ := os.ReadFile(filepath.Join(dest, "404.html"))
		w.Write(page)
	}))
	srv.Listener.Close()
	srv.Listener = ln
	srv.Start()
	defer srv.Close()

	b := New(t)
	seen := map[string]bool{}
	queue := []string{base}
	for len(queue) > 0 && len(seen) < 200 {
		u := queue[0]
		queue = queue[1:]
		if seen[u] {
			continue
		}
		seen[u] = true
		if !strings.HasSuffix(u, "/") {
			// Feeds, the calendar, data, scripts: fetched, not opened
			// (a browser downloads some of them).
			resp, err := http.Get(u)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: %s", u, resp.Status)
			}
			continue
		}
		b.Navigate(u)
		styled(t, b)
		var links []string
		b.Eval(`[...document.querySelectorAll("a[href], link[href], script[src]")].map(e => String(e.href || e.src || "").split("#")[0])`, &links)
		for _, l := range links {
			if strings.HasPrefix(l, "http://"+ln.Addr().String()+"/") && !seen[l] {
				if !strings.HasPrefix(l, base) {
					t.Errorf("%s links outside the base path: %s", u, l)
					continue
				}
				queue = append(queue, l)
			}
		}
	}
	if len(seen) < 60 {
		t.Errorf("followed only %d addresses", len(seen))
	}
	mu.Lock()
	if len(failed) > 0 {
		t.Errorf("requests for missing files: %v", failed)
	}
	failed = nil
	mu.Unlock()

	// GitHub Pages serves 404.html at any missing address: its links and
	// stylesheet must work at any depth.
	b.Navigate(base + "no/such/page/")
	b.Wait("the 404 page", `document.querySelector("h1") && document.querySelector("h1").textContent.includes("not found")`)
	styled(t, b)
	b.Do("click Events on the 404 page", chromedp.Click(`main a[href$="/events/"]`))
	b.Wait("the events page", `location.href === `+quoteJS(base+"events/")+` && document.querySelector("h1").textContent === "Events"`)

	// Search on the server: results link under the base path.
	b.Navigate(base + "search/?q=Scholz")
	b.Wait("results for Scholz", `document.querySelectorAll("#search-results li").length > 0`)
	var hrefs []string
	b.Eval(`[...document.querySelectorAll("#search-results li a")].map(a => a.href)`, &hrefs)
	for _, h := range hrefs {
		if !strings.HasPrefix(h, base) || strings.HasSuffix(h, "index.html") {
			t.Errorf("search result link %s", h)
		}
	}
	b.Do("click the first result", chromedp.Click("#search-results li a"))
	b.Wait("the result page", `location.pathname !== "/briefings/search/" && document.querySelector("h1")`)
	mu.Lock()
	defer mu.Unlock()
	if len(failed) > 1 || len(failed) == 1 && failed[0] != "/briefings/no/such/page/" {
		t.Errorf("requests for missing files: %v", failed)
	}
}
