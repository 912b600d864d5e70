// Package browsertest starts headless Chromium for tests, through the
// DevTools protocol (github.com/chromedp/chromedp) and Debian's chromium
// package: no browser download, no Node.js. It holds the helper shared by
// the browser tests of the published site (this package's tests) and of
// the preview server.
//
// In CI (CI set to a true value) a missing browser fails the test;
// elsewhere the test is skipped, and the package prints once, where the
// person running go test sees it, that its browser tests did not run.
package browsertest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Browser is a headless Chromium tab.
type Browser struct {
	Ctx context.Context
	t   testing.TB
}

// New starts a browser with a fresh profile for t and stops it when t
// ends.
func New(t testing.TB) *Browser {
	t.Helper()
	path := ""
	for _, p := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if full, err := exec.LookPath(p); err == nil {
			path = full
			break
		}
	}
	if path == "" {
		if inCI() {
			t.Fatal("headless Chromium is required in CI: apt-get install chromium")
		}
		skipNotice.Do(func() {
			notice("SKIP browser tests of this package: no Chromium on this machine (Debian: apt-get install chromium)")
		})
		t.Skip("no Chromium on this machine (apt-get install chromium)")
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
	return &Browser{Ctx: ctx, t: t}
}

// inCI reports whether the tests run in CI: CI set to a true value, as
// CI services set it.
func inCI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "0" && v != "false"
}

var skipNotice sync.Once

// notice prints a line where the person running go test sees it. go
// test shows a passing package's output only with -v, which would hide
// that a whole package of browser tests was skipped; so the line goes
// to the terminal itself when there is one, and to stderr otherwise
// (where -v and -json runs show it).
func notice(line string) {
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		fmt.Fprintln(tty, line)
		tty.Close()
		return
	}
	fmt.Fprintln(os.Stderr, line)
}

// Requests records the address of every request the browser makes from
// now on; call the returned function to read them.
func (b *Browser) Requests() func() []string {
	ch := make(chan string, 4096)
	err := chromedp.Listen(b.Ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			select {
			case ch <- e.Request.URL:
			default:
			}
		}
	})
	if err != nil {
		b.t.Fatalf("browser: listening for requests: %v", err)
	}
	var seen []string
	return func() []string {
		for {
			select {
			case u := <-ch:
				seen = append(seen, u)
			default:
				return seen
			}
		}
	}
}

// Problems records, from now on, what a page reports going wrong:
// uncaught exceptions, console.error calls, error entries of the
// browser's log (such as a file that failed to load) and failed
// requests. Call the returned function to read them.
func (b *Browser) Problems() func() []string {
	ch := make(chan string, 4096)
	report := func(s string) {
		select {
		case ch <- s:
		default:
		}
	}
	err := chromedp.Listen(b.Ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			report(fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber+1, msg))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				var args []string
				for _, a := range e.Args {
					args = append(args, string(a.Value)+a.Description)
				}
				report("console.error: " + strings.Join(args, " "))
			}
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				report(fmt.Sprintf("log: %s (%s)", e.Entry.Text, e.Entry.URL))
			}
		case *network.EventLoadingFailed:
			if !e.Canceled {
				report(fmt.Sprintf("request %s failed: %s", e.RequestID, e.ErrorText))
			}
		}
	})
	if err != nil {
		b.t.Fatalf("browser: listening for problems: %v", err)
	}
	var seen []string
	return func() []string {
		for {
			select {
			case p := <-ch:
				seen = append(seen, p)
			default:
				return seen
			}
		}
	}
}

// Do runs actions with a timeout, failing the test on error.
func (b *Browser) Do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("browser: %s: %v", what, err)
	}
}

// Navigate opens url and waits for the page to load.
func (b *Browser) Navigate(url string) {
	b.t.Helper()
	b.Do("open "+url, chromedp.Navigate(url))
}

// Eval evaluates a JavaScript expression and decodes its value into out.
func (b *Browser) Eval(expr string, out any) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.Ctx, 10*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](expr))
	if err != nil {
		b.t.Fatalf("browser: evaluate %s: %v", short(expr), err)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			b.t.Fatalf("browser: evaluate %s: %v (got %s)", short(expr), err, raw)
		}
	}
}

// Wait polls a JavaScript condition until it is true.
func (b *Browser) Wait(what, cond string) {
	b.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(b.Ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(b.Ctx, 5*time.Second)
	defer cancel()
	text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + "\n" + (document.body ? document.body.innerText.slice(0, 400) : "")`))
	b.t.Fatalf("browser: timed out waiting for %s; page:\n%s", what, text)
}

// Location returns the current address.
func (b *Browser) Location() string {
	b.t.Helper()
	var s string
	b.Eval("location.href", &s)
	return s
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
