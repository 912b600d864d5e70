package serve

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder"
)

// hostGet answers one request for path addressed to host, and returns
// the status and body. The event stream is cut after its first state.
func hostGet(t *testing.T, srv *Server, method, host, path string) (int, string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	req := httptest.NewRequest(method, path, nil).WithContext(ctx)
	req.Host = host
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

// TestServeHostHeader: a request addressed to another host name, as a
// page that rebinds its own name to 127.0.0.1 sends, is refused with 403
// on every path (pages, the event stream, the 404 page, other methods),
// and the refusal names the flag that allows it; the bound address,
// localhost and loopback addresses, and allowed names are answered.
func TestServeHostHeader(t *testing.T) {
	dir := copySite(t)
	newServer := func(opts Options) *Server {
		opts.Build = builder.Options{Source: dir}
		srv, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		return srv
	}
	paths := []struct {
		path, want string // want: a piece of the body when answered
		code       int
	}{
		{"/", "</html>", 200},
		{"/events/", "</html>", 200},
		{"/__brief/live.js", "EventSource", 200},
		{"/__brief/events", "event: state", 200},
		{"/no-such-page/", "Page not found", 404},
	}
	check := func(t *testing.T, srv *Server, host string, allowed bool) {
		t.Helper()
		for _, p := range paths {
			code, body := hostGet(t, srv, "GET", host, p.path)
			switch {
			case allowed && (code != p.code || !strings.Contains(body, p.want)):
				t.Errorf("Host %q, %s: status %d, want %d with %q", host, p.path, code, p.code, p.want)
			case !allowed && code != http.StatusForbidden:
				t.Errorf("Host %q, %s: status %d, want 403", host, p.path, code)
			case !allowed && (strings.Contains(body, "<html") || strings.Contains(body, "event: state")):
				t.Errorf("Host %q, %s: refused but the body has the site: %q", host, p.path, body)
			}
		}
		if code, _ := hostGet(t, srv, "POST", host, "/"); !allowed && code != http.StatusForbidden {
			t.Errorf("Host %q, POST: status %d, want 403", host, code)
		}
	}

	local := newServer(Options{})
	for _, host := range []string{
		"127.0.0.1:1313", "127.0.0.1", "localhost:1313", "localhost", "LOCALHOST.:1313",
		"preview.localhost:1313", "[::1]:1313", "[::1]", "127.0.0.2:1313",
	} {
		check(t, local, host, true)
	}
	for _, host := range []string{
		"evil.example", "evil.example:1313", "example.com", "localhost.evil.example",
		"127.0.0.1.evil.example:1313", "192.168.1.10:1313", "[fe80::1]:1313", "",
	} {
		check(t, local, host, false)
	}
	code, body := hostGet(t, local, "GET", "Evil.Example:1313", "/")
	if code != http.StatusForbidden || !strings.Contains(body, "brief serve --allow-host evil.example") {
		t.Errorf("refusal: %d %q, want 403 naming brief serve --allow-host evil.example", code, body)
	}

	allow := newServer(Options{AllowHosts: []string{"Preview.Example.org", "tunnel.test:443"}})
	for _, host := range []string{"preview.example.org:1313", "preview.example.org", "tunnel.test", "localhost:1313"} {
		check(t, allow, host, true)
	}
	for _, host := range []string{"other.example.org", "example.org", "evil.example"} {
		check(t, allow, host, false)
	}

	all := newServer(Options{Bind: "0.0.0.0"})
	for _, host := range []string{"192.168.1.10:1313", "[fe80::1]:1313", "10.0.0.7", "localhost:1313", "0.0.0.0:1313"} {
		check(t, all, host, true)
	}
	for _, host := range []string{"evil.example:1313", "my-laptop.lan:1313"} {
		check(t, all, host, false)
	}
}

// TestServeHostHeaderOverTCP: the check holds on the listening server,
// where a rebinding page's requests arrive.
func TestServeHostHeaderOverTCP(t *testing.T) {
	_, host := startServer(t, copySite(t), Options{})
	// An event stream that is answered never ends: the timeout makes
	// that a failure instead of a hang.
	client := &http.Client{Timeout: 2 * time.Second}
	for _, path := range []string{"/", "/__brief/events"} {
		req, err := http.NewRequest("GET", host+path, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = "evil.example"
		resp, err := client.Do(req)
		if err != nil {
			t.Errorf("Host evil.example, %s: %v", path, err)
			continue
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "--allow-host evil.example") {
			t.Errorf("Host evil.example, %s: %d %.200q", path, resp.StatusCode, body)
		}
	}
	if code, body, _ := get(t, host+"/"); code != 200 || !strings.Contains(body, "</html>") {
		t.Errorf("%s/: %d", host, code)
	}
}
