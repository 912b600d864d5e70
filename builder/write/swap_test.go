package write

import (
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
)

// commits rebuilds dest n times while another goroutine looks at it
// without pause, and returns how often it found dest missing.
func commits(t *testing.T, dest string, n int) int64 {
	t.Helper()
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	var missing atomic.Int64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Lstat(filepath.Join(dest, "index.html")); err != nil {
				missing.Add(1)
			}
		}
	}()
	for range n {
		if err := build(t, dest, Options{}); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	return missing.Load()
}

// TestSwapNeverMissing is issue 11, case 4's swap: on Linux the new
// output is exchanged with the old one in one step, so a web server
// reading DEST during a build never finds it missing, as it could
// between the two renames of before.
func TestSwapNeverMissing(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("renameat2 is Linux's")
	}
	if n := commits(t, filepath.Join(t.TempDir(), "public"), 60); n != 0 {
		t.Errorf("DEST was missing %d times", n)
	}
}

// TestSwapFallback runs the two renames used where folders cannot be
// exchanged (other systems, file systems without RENAME_EXCHANGE): the
// output is replaced, kept entries carried over, nothing left beside.
func TestSwapFallback(t *testing.T) {
	old := exchange
	exchange = func(a, b string) error { return errNoExchange }
	defer func() { exchange = old }()
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(dest, "CNAME"), "example.org\n")
	put(t, filepath.Join(dest, "gone.html"), "old")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dest); len(got) != 3 || got[1] != "CNAME" {
		t.Errorf("DEST: %v", got)
	}
	if got := names(t, parent); len(got) != 1 {
		t.Errorf("beside DEST: %v", got)
	}
}
