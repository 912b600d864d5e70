//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestVerifyNamedPipe: brief verify of an archive where a listed file was
// replaced by a named pipe reports it as changed and exits 1, at once,
// instead of waiting forever for someone to write to the pipe.
func TestVerifyNamedPipe(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "arc")
	writeSite(t, src, goodSite)
	if code, out, errOut := runCLI("build", "-s", src, "-d", dest, "--archive"); code != 0 {
		t.Fatalf("build --archive: exit %d\n%s%s", code, out, errOut)
	}
	page := filepath.Join(dest, "index.html")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(page, 0o644); err != nil {
		t.Fatal(err)
	}
	type result struct {
		code     int
		out, err string
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		code, out, errOut := runCLI("verify", dest)
		done <- result{code, out, errOut}
	}()
	select {
	case r := <-done:
		t.Logf("brief verify took %s", time.Since(start))
		if r.code != exitContent {
			t.Errorf("exit %d, want 1", r.code)
		}
		if !strings.Contains(r.out, "changed: index.html (a named pipe, not read)") || !strings.Contains(r.out, "FAILED") {
			t.Errorf("output:\n%s%s", r.out, r.err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("brief verify did not finish within 10 s: it is blocked on the named pipe")
	}
}
