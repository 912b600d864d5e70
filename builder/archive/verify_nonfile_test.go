//go:build unix

package archive

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"
)

// smallArchive writes files into a new folder with a SHA256SUMS that
// lists them, and returns the folder.
func smallArchive(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	var sums bytes.Buffer
	for _, name := range []string{"index.html", "a/page.html", "b/page.html", "style.css"} {
		data, ok := files[name]
		if !ok {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256([]byte(data))
		writeSumLine(&sums, sum[:], name)
	}
	if err := os.WriteFile(filepath.Join(dir, SumsFile), sums.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

var archiveFiles = map[string]string{"index.html": "home", "a/page.html": "a", "b/page.html": "b", "style.css": "css"}

// verifyWithin runs Verify and fails the test, instead of hanging it,
// when Verify does not return within 10 seconds (a hang, not a slow
// machine).
func verifyWithin(t *testing.T, dir string) (*Report, error) {
	t.Helper()
	type result struct {
		r   *Report
		err error
	}
	done := make(chan result, 1)
	start := time.Now()
	go func() {
		r, err := Verify(dir)
		done <- result{r, err}
	}()
	select {
	case res := <-done:
		t.Logf("Verify took %s", time.Since(start))
		return res.r, res.err
	case <-time.After(10 * time.Second):
		t.Fatal("Verify did not return within 10 seconds (it is blocked opening or reading something)")
		return nil, nil
	}
}

// TestVerifyNonRegularFiles: a listed file replaced by a named pipe, a
// symbolic link (inside or out of the archive), a socket or a folder is
// reported as changed, with what it is, without being opened; a named
// pipe no longer blocks verify forever.
func TestVerifyNonRegularFiles(t *testing.T) {
	dir := smallArchive(t, archiveFiles)
	outside := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(outside, []byte("home"), 0o644); err != nil {
		t.Fatal(err)
	}
	replace := func(name string, mk func(p string) error) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.RemoveAll(p); err != nil {
			t.Fatal(err)
		}
		if err := mk(p); err != nil {
			t.Fatal(err)
		}
	}
	// The link's target has the listed content: following it would pass.
	replace("index.html", func(p string) error { return os.Symlink(outside, p) })
	replace("a/page.html", func(p string) error { return syscall.Mkfifo(p, 0o644) })
	replace("b/page.html", func(p string) error { return os.Mkdir(p, 0o755) })
	replace("style.css", func(p string) error { return os.Symlink("a/page.html", p) })

	r, err := verifyWithin(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html":  "a symbolic link",
		"a/page.html": "a named pipe",
		"b/page.html": "a folder",
		"style.css":   "a symbolic link",
	}
	if !reflect.DeepEqual(r.NotFiles, want) {
		t.Errorf("NotFiles = %v, want %v", r.NotFiles, want)
	}
	if got := strings.Join(r.Changed, " "); got != "a/page.html b/page.html index.html style.css" {
		t.Errorf("Changed = %v", r.Changed)
	}
	if !r.Failed() || r.OK != 0 || len(r.Missing) != 0 {
		t.Errorf("report: %+v", r)
	}
}

// TestVerifySocket: a socket where a file is listed is reported, not
// opened (opening one fails on Linux).
func TestVerifySocket(t *testing.T) {
	dir := smallArchive(t, map[string]string{"index.html": "home"})
	p := filepath.Join(dir, "index.html")
	os.Remove(p)
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: p}); err != nil {
		t.Fatal(err)
	}
	r, err := verifyWithin(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.NotFiles["index.html"] != "a socket" || len(r.Changed) != 1 {
		t.Errorf("report: %+v", r)
	}
}

// TestVerifySumsFileIsAPipe: a SHA256SUMS that is a named pipe is an
// error, not a hang.
func TestVerifySumsFileIsAPipe(t *testing.T) {
	dir := smallArchive(t, archiveFiles)
	sums := filepath.Join(dir, SumsFile)
	os.Remove(sums)
	if err := syscall.Mkfifo(sums, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := verifyWithin(t, dir)
	if err == nil || !strings.Contains(err.Error(), "named pipe") {
		t.Fatalf("got %v, want an error saying SHA256SUMS is a named pipe", err)
	}
}

// TestVerifyFileSwappedForPipe: a file that passed the look before the
// open and was then replaced by a named pipe is opened without blocking
// and reported as what it became.
func TestVerifyFileSwappedForPipe(t *testing.T) {
	dir := smallArchive(t, archiveFiles)
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	before, err := root.Lstat("index.html")
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "index.html"))
	if err := syscall.Mkfifo(filepath.Join(dir, "index.html"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan string, 1)
	go func() {
		f, kind, err := openSame(root, "index.html", before)
		if f != nil {
			f.Close()
		}
		if err != nil {
			kind = err.Error()
		}
		done <- kind
	}()
	select {
	case kind := <-done:
		if kind != "a named pipe" {
			t.Errorf("swapped for a pipe: %q", kind)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("opening a named pipe blocked")
	}
	// Replaced by another regular file with the same content; it is
	// written before the old one goes, so that it cannot reuse its inode.
	before, _ = root.Lstat("style.css")
	if err := os.WriteFile(filepath.Join(dir, "style.new"), []byte("css"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(dir, "style.new"), filepath.Join(dir, "style.css")); err != nil {
		t.Fatal(err)
	}
	if f, kind, err := openSame(root, "style.css", before); f != nil || err != nil || !strings.Contains(kind, "replaced") {
		t.Errorf("swapped for another file: %v %q %v", f, kind, err)
	}
}

// TestVerifyIntact: an untouched archive still verifies, and a changed
// file is still changed without a NotFiles entry.
func TestVerifyIntact(t *testing.T) {
	dir := smallArchive(t, archiveFiles)
	r, err := verifyWithin(t, dir)
	if err != nil || r.Failed() || r.OK != 4 {
		t.Fatalf("intact archive: %+v %v", r, err)
	}
	os.WriteFile(filepath.Join(dir, "style.css"), []byte("changed"), 0o644)
	r, err = verifyWithin(t, dir)
	if err != nil || len(r.Changed) != 1 || r.Changed[0] != "style.css" || len(r.NotFiles) != 0 {
		t.Fatalf("changed file: %+v %v", r, err)
	}
}
