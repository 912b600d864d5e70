package serve

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/briefhq/brief/builder"
)

// browser starts headless Chromium for a test. In CI (CI=true) a missing
// browser fails the test; elsewhere the test is skipped.
func browser(t *testing.T) context.Context {
	t.Helper()
	path := ""
	for _, p := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if full, err := exec.LookPath(p); err == nil {
			path = full
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("headless Chromium is required in CI: apt-get install chromium")
		}
		t.Skip("no Chromium on this machine")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelC(); cancelA() })
	// The first run starts the browser and must not carry a timeout: the
	// timeout would stop the browser with it.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// waitText polls the page's text until it satisfies cond.
func waitText(t *testing.T, ctx context.Context, what string, cond func(string) bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var text string
	for time.Now().Before(deadline) {
		var err error
		text, err = evaluate[string](ctx, `document.body ? document.body.innerText : ""`)
		if err == nil && cond(text) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("browser: timed out waiting for %s; page text starts %q", what, first(text, 300))
}

func first(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// TestBrowserLiveReload opens a page in Chromium, saves a change to its
// article, and sees the new text without touching the browser; then breaks
// the front matter, sees the overlay, fixes it and sees it gone.
func TestBrowserLiveReload(t *testing.T) {
	ctx := browser(t)
	dir := copySite(t)
	_, host := startServer(t, dir, Options{})
	url := host + "/articles/macron-putin-kremlin-talks/"
	if err := navigate(ctx, url); err != nil {
		t.Fatal(err)
	}
	// Mark the page: a reload replaces the document and loses the mark.
	if _, err := evaluate[bool](ctx, `window.__before = true`); err != nil {
		t.Fatal(err)
	}
	// Give the page a moment to open its event stream.
	waitText(t, ctx, "the page", func(s string) bool { return strings.Contains(s, "Macron") })
	time.Sleep(300 * time.Millisecond)

	f := "content/articles/2022-02/macron-putin-kremlin-talks.md"
	good := read(t, dir, f)
	atomicWrite(t, dir, f, good+"\nThe browser should show this sentence by itself.\n")
	waitText(t, ctx, "the new sentence", func(s string) bool {
		return strings.Contains(s, "The browser should show this sentence by itself.")
	})
	before, err := evaluate[bool](ctx, `window.__before === true`)
	if err != nil {
		t.Fatal(err)
	}
	if before {
		t.Fatal("the text changed without a reload?")
	}

	write(t, dir, f, "---\ntitle: \"unclosed\n---\nbody\n")
	waitText(t, ctx, "the error overlay", func(s string) bool {
		return strings.Contains(s, "Build failed") && strings.Contains(s, "macron-putin-kremlin-talks.md")
	})
	write(t, dir, f, good)
	waitText(t, ctx, "the overlay to go", func(s string) bool {
		return !strings.Contains(s, "Build failed") && strings.Contains(s, "Macron")
	})
}

// TestBrowserReconnectsAfterRestart: the page's script reconnects when
// the server comes back and reloads to the new server's site.
func TestBrowserReconnectsAfterRestart(t *testing.T) {
	ctx := browser(t)
	dir := copySite(t)
	srv1, err := New(Options{Build: srcOpts(dir)})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv1.Start(); err != nil {
		t.Fatal(err)
	}
	addr := srv1.ln.Addr().String()
	if err := navigate(ctx, "http://"+addr+"/events/"); err != nil {
		t.Fatal(err)
	}
	waitText(t, ctx, "the events page", func(s string) bool { return strings.Contains(s, "Events") })
	srv1.Close()

	write(t, dir, "site.yaml", "title: Restarted briefing\n")
	var port int
	if _, err := fmtSscan(addr, &port); err != nil {
		t.Fatal(err)
	}
	srv2, err := New(Options{Build: srcOpts(dir), Port: port})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv2.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	waitText(t, ctx, "the restarted site", func(s string) bool { return strings.Contains(s, "Restarted briefing") })
}

func srcOpts(dir string) builder.Options { return builder.Options{Source: dir} }

// fmtSscan reads the port of a host:port address.
func fmtSscan(addr string, port *int) (int, error) {
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		return 0, err
	}
	return fmt.Sscan(p, port)
}

// evaluate runs JavaScript in the page with a time limit.
func evaluate[T any](ctx context.Context, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr))
}

// navigate opens url and waits for it to load.
func navigate(ctx context.Context, url string) error {
	ctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	return chromedp.Do(ctx, chromedp.Navigate(url))
}
