package serve

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/render"
)

// The preview makes the data export when it is asked for, not on every
// rebuild, and what it serves is what brief build writes for the same
// files: after the first build, after an edit, and after a build that
// failed (the last good build's export, when it was made in time).
func TestDataExportMadeOnRequest(t *testing.T) {
	dir := copySite(t)
	srv, err := New(Options{Build: builder.Options{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	ctx := context.Background()
	fetch := func(name string) (int, []byte) {
		t.Helper()
		req := httptest.NewRequest(http.MethodGet, "/"+name, nil)
		req.Host = "127.0.0.1"
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes()
	}
	names := render.ExportNames()
	if len(names) != 4 {
		t.Fatalf("ExportNames = %v, want the four files of the export", names)
	}
	for _, name := range names {
		f, ok := srv.Snapshot().files.get(name)
		if !ok || f.lazy == nil || f.lazy.made {
			t.Errorf("%s after the first build: listed %v, made %v; want listed and not made", name, ok, ok && f.lazy != nil && f.lazy.made)
		}
	}
	same := func(when string) {
		t.Helper()
		want := fresh(t, dir)
		for _, name := range names {
			code, got := fetch(name)
			if code != http.StatusOK || !bytes.Equal(got, want[name]) {
				t.Errorf("%s %s: status %d, %d bytes; brief build writes %d bytes (equal: %v)", when, name, code, len(got), len(want[name]), bytes.Equal(got, want[name]))
			}
		}
	}
	same("after the first build")

	f := "content/articles/2022-02/macron-putin-kremlin-talks.md"
	write(t, dir, f, read(t, dir, f)+"\nOn 3 March 2022 the two leaders spoke again by telephone.\n")
	if info := srv.Rebuild(ctx, []string{f}); info.Errors != 0 {
		t.Fatalf("edit: %d errors", info.Errors)
	}
	if code, got := fetch("data/chronology.json"); code != http.StatusOK || !strings.Contains(string(got), "2022-03-03") {
		t.Errorf("chronology.json after dating a new sentence: status %d, has 2022-03-03: %v", code, strings.Contains(string(got), "2022-03-03"))
	}
	same("after an edit")

	// A snapshot whose site a later build changed keeps the files it
	// made, and cannot make the others: they would show the later site.
	write(t, dir, f, read(t, dir, f)+"\nThe talks lasted five hours.\n")
	srv.Rebuild(ctx, []string{f})
	old := srv.Snapshot()
	if _, ok := old.File("data/events.json"); !ok {
		t.Fatal("events.json of the current snapshot could not be made")
	}
	write(t, dir, f, read(t, dir, f)+"\nBoth sides said they would talk again.\n")
	srv.Rebuild(ctx, []string{f})
	if _, ok := old.File("data/events.json"); !ok {
		t.Error("events.json, made before the next build, was lost")
	}
	if _, ok := old.File("data/actors.json"); ok || !old.stale("data/actors.json") {
		t.Error("actors.json of a snapshot before the last build was made from the changed site")
	}
	if code, _ := fetch("data/actors.json"); code != http.StatusOK {
		t.Errorf("actors.json of the current build: status %d", code)
	}

	// A failed build serves the last good site: its export as far as it
	// was made, and for the rest a clear 503, never a later site's.
	if _, ok := srv.Snapshot().File("data/events.json"); !ok {
		t.Fatal("events.json could not be made")
	}
	write(t, dir, "content/events/invasion.md", "---\ntitle: [broken\n---\n")
	if info := srv.Rebuild(ctx, []string{"content/events/invasion.md"}); info.Errors == 0 {
		t.Fatal("a broken front matter built without errors")
	}
	if code, got := fetch("data/events.json"); code != http.StatusOK || !strings.Contains(string(got), `"slug":"invasion"`) {
		t.Errorf("events.json made before the failed build: status %d", code)
	}
	if code, got := fetch("data/articles.json"); code != http.StatusServiceUnavailable || !strings.Contains(string(got), "without errors") {
		t.Errorf("articles.json never made before the failed build: status %d %q, want 503 with the reason", code, got)
	}
}
