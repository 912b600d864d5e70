package serve

import (
	"fmt"
	"net"
	"testing"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/browsertest"
)

// TestBrowserLiveReload opens a page in Chromium, saves a change to its
// article, and sees the new text without touching the browser; then breaks
// the front matter, sees the overlay, fixes it and sees it gone.
func TestBrowserLiveReload(t *testing.T) {
	b := browsertest.New(t)
	dir := copySite(t)
	_, host := startServer(t, dir, Options{})
	b.Navigate(host + "/articles/macron-putin-kremlin-talks/")
	// Mark the page: a reload replaces the document and loses the mark.
	b.Eval(`window.__before = true`, nil)
	b.Wait("the page", `document.body.innerText.includes("Macron")`)
	// Let the page open its event stream before the first save.
	b.Wait("the event stream", `document.documentElement.dataset.briefLive`)

	f := "content/articles/2022-02/macron-putin-kremlin-talks.md"
	good := read(t, dir, f)
	atomicWrite(t, dir, f, good+"\nThe browser should show this sentence by itself.\n")
	b.Wait("the new sentence", `document.body.innerText.includes("The browser should show this sentence by itself.")`)
	var before bool
	b.Eval(`window.__before === true`, &before)
	if before {
		t.Fatal("the text changed without a reload?")
	}

	write(t, dir, f, "---\ntitle: \"unclosed\n---\nbody\n")
	b.Wait("the error overlay", `document.body.innerText.includes("Build failed") && document.body.innerText.includes("macron-putin-kremlin-talks.md")`)
	write(t, dir, f, good)
	b.Wait("the overlay to go", `!document.body.innerText.includes("Build failed") && document.body.innerText.includes("Macron")`)
}

// TestBrowserReconnectsAfterRestart: the page's script reconnects when
// the server comes back and reloads to the new server's site.
func TestBrowserReconnectsAfterRestart(t *testing.T) {
	b := browsertest.New(t)
	dir := copySite(t)
	srv1, err := New(Options{Build: builder.Options{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv1.Start(); err != nil {
		t.Fatal(err)
	}
	addr := srv1.ln.Addr().String()
	b.Navigate("http://" + addr + "/events/")
	b.Wait("the events page", `document.body.innerText.includes("Events")`)
	srv1.Close()

	write(t, dir, "site.yaml", "title: Restarted briefing\n")
	_, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	var port int
	if _, err := fmt.Sscan(p, &port); err != nil {
		t.Fatal(err)
	}
	srv2, err := New(Options{Build: builder.Options{Source: dir}, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv2.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv2.Close()
	b.Wait("the restarted site", `document.body.innerText.includes("Restarted briefing")`)
}
