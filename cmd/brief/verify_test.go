package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildArchiveVerify builds the sample site as an archive with the
// command line, checks it with "brief verify", damages it (a changed, a
// missing and an extra file) and expects verify to name each and exit 1.
func TestBuildArchiveVerify(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "arc")
	var out, errb bytes.Buffer
	if code := run([]string{"build", "-s", "../..", "-d", dest, "--archive"}, &out, &errb); code != 0 {
		t.Fatalf("build --archive: exit %d\n%s%s", code, out.String(), errb.String())
	}
	for _, want := range []string{"Search index: ", "% of ", "Archive: ", "files"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("build summary lacks %q:\n%s", want, out.String())
		}
	}
	out.Reset()
	if code := run([]string{"verify", dest}, &out, &errb); code != 0 || !strings.HasPrefix(out.String(), "OK:") {
		t.Fatalf("verify of a fresh archive: exit %d\n%s%s", code, out.String(), errb.String())
	}
	os.WriteFile(filepath.Join(dest, "index.html"), []byte("changed"), 0o644)
	os.Remove(filepath.Join(dest, "feed.xml"))
	os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("extra"), 0o644)
	out.Reset()
	code := run([]string{"verify", dest}, &out, &errb)
	if code != 1 {
		t.Errorf("verify of a damaged archive: exit %d, want 1", code)
	}
	for _, want := range []string{"changed: index.html", "missing: feed.xml", "extra:   notes.txt", "FAILED"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("verify output lacks %q:\n%s", want, out.String())
		}
	}
	if code := run([]string{"verify"}, &out, &errb); code != 2 {
		t.Errorf("verify without a folder: exit %d, want 2", code)
	}
}
