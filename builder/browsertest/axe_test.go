package browsertest

import (
	"context"
	"flag"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/builder"
)

// axeScript is axe-core as .ci/run installs it (npm install --prefix
// .ci/node axe-core@4).
const axeScript = "../../.ci/node/node_modules/axe-core/axe.min.js"

var screenshots = flag.Bool("screenshots", false, "write screenshots of the sample site to docs/screenshots/")

// axePages are one page of every kind of the sample site.
var axePages = []struct{ kind, path string }{
	{"home", ""},
	{"events", "events/"},
	{"actors", "actors/"},
	{"chronology", "chronology/"},
	{"search", "search/?q=pipeline"},
	{"404", "404.html"},
	{"article", "articles/macron-putin-kremlin-talks/"},
	{"event", "events/macron-putin-kremlin/"},
	{"actor", "actors/vladimir-putin/"},
}

// readAxe returns axe-core's script; without it the test fails in CI and
// is skipped, loudly, elsewhere.
func readAxe(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(axeScript)
	if err != nil {
		if inCI() {
			t.Fatalf("axe-core is required in CI: npm install --prefix .ci/node axe-core@4 (%v)", err)
		}
		notice("SKIP accessibility test: no axe-core (npm install --prefix .ci/node axe-core@4)")
		t.Skip("no axe-core at " + axeScript)
	}
	return string(b)
}

// serveSample builds the sample site and serves it over HTTP.
func serveSample(t *testing.T) string {
	t.Helper()
	dest := build(t, builder.Options{})
	srv := httptest.NewServer(http.FileServer(http.Dir(dest)))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// scheme emulates prefers-color-scheme.
func scheme(value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: value}},
		})
		return err
	})
}

type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Nodes  []string `json:"nodes"`
}

// TestAxe runs axe-core on a page of every kind, in light and in dark
// mode: no violations.
func TestAxe(t *testing.T) {
	axe := readAxe(t)
	root := serveSample(t)
	b := New(t)
	for _, mode := range []string{"light", "dark"} {
		b.Do("emulate "+mode+" mode", scheme(mode))
		for _, p := range axePages {
			b.Navigate(root + p.path)
			if p.kind == "search" {
				b.Wait("search results", `document.querySelectorAll("#search-results li").length > 0`)
			}
			b.Eval(axe+`;0`, nil)
			ctx, cancel := context.WithTimeout(b.Ctx, 30*time.Second)
			vs, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " — " + n.failureSummary)})))`, chromedp.EvalAwaitPromise))
			cancel()
			if err != nil {
				t.Fatalf("axe on %s (%s): %v", p.kind, mode, err)
			}
			for _, v := range vs {
				t.Errorf("%s page (%s, %s): axe %s (%s):\n  %s", p.kind, p.path, mode, v.ID, v.Impact, strings.Join(v.Nodes, "\n  "))
			}
		}
	}
}

// TestScreenshots writes screenshots of home, an event, an actor and the
// chronology at 1280 and 390 pixels wide to docs/screenshots/ when run
// with -screenshots:
//
//	go test ./builder/browsertest -run Screenshots -screenshots
func TestScreenshots(t *testing.T) {
	if !*screenshots {
		t.Skip("run with -screenshots to write docs/screenshots/")
	}
	root := serveSample(t)
	b := New(t)
	out := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	b.Do("light mode", scheme("light"))
	for _, w := range []int64{1280, 390} {
		b.Do("viewport", chromedp.EmulateViewport(w, 900, chromedp.EmulateScale(1)))
		for _, p := range []struct{ name, path string }{
			{"home", ""}, {"event", "events/macron-putin-kremlin/"}, {"actor", "actors/vladimir-putin/"}, {"chronology", "chronology/"},
		} {
			b.Navigate(root + p.path)
			ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
			// The first screen and a little more: what a reader sees
			// before scrolling.
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			cancel()
			if err != nil {
				t.Fatalf("screenshot of %s: %v", p.name, err)
			}
			name := filepath.Join(out, p.name+"-"+strconv.FormatInt(w, 10)+".png")
			if err := os.WriteFile(name, png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
