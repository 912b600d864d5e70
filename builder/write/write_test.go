package write

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func put(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// names lists a folder's entries, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

// build writes one page into dest through a whole staging round.
func build(t *testing.T, dest string, opts Options) error {
	t.Helper()
	st, err := Begin(dest, opts)
	if err != nil {
		return err
	}
	if err := st.WriteFile("index.html", []byte("<p>new</p>")); err != nil {
		t.Fatal(err)
	}
	return st.Commit()
}

// TestForeignFolderRefused is issue 11, case 3: a hand-made web folder
// with an index.html passed as DEST lost every other file in it, as
// any folder with an index.html was taken for a previous build. Now
// only brief's stamp makes a folder replaceable; --force overrides.
func TestForeignFolderRefused(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "www")
	put(t, filepath.Join(dest, "index.html"), "<p>mine</p>")
	put(t, filepath.Join(dest, "photos", "cat.jpg"), "jpeg")
	err := build(t, dest, Options{})
	var refused *RefusedError
	if !errors.As(err, &refused) {
		t.Fatalf("foreign folder not refused: %v", err)
	}
	for _, want := range []string{dest, StampFile, "--force", "-d", "empty it"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message lacks %q: %s", want, err)
		}
	}
	if got := names(t, dest); strings.Join(got, " ") != "index.html photos" {
		t.Errorf("refused folder changed: %v", got)
	}
	if got := names(t, filepath.Dir(dest)); len(got) != 1 {
		t.Errorf("a refused build left %v beside DEST", got)
	}

	if err := build(t, dest, Options{Force: true}); err != nil {
		t.Fatalf("--force: %v", err)
	}
	if got := names(t, dest); strings.Join(got, " ") != StampFile+" index.html" {
		t.Errorf("forced build: %v", got)
	}
	// Now stamped: the next build needs no force.
	if err := build(t, dest, Options{}); err != nil {
		t.Fatalf("stamped output refused: %v", err)
	}
	if got := names(t, filepath.Dir(dest)); len(got) != 1 {
		t.Errorf("builds left %v beside DEST", got)
	}
}

// TestGhPagesWorktreeAccepted keeps the empty and gh-pages cases working:
// a folder holding only .git, CNAME and .nojekyll needs no stamp, and
// .git and CNAME survive.
func TestGhPagesWorktreeAccepted(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	put(t, filepath.Join(dest, ".git"), "gitdir: ../.git/worktrees/public\n")
	put(t, filepath.Join(dest, "CNAME"), "example.org\n")
	put(t, filepath.Join(dest, ".nojekyll"), "")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dest); strings.Join(got, " ") != StampFile+" .git CNAME index.html" {
		t.Errorf("got %v", got)
	}
	empty := filepath.Join(t.TempDir(), "empty")
	if err := os.Mkdir(empty, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := build(t, empty, Options{}); err != nil {
		t.Fatalf("empty folder: %v", err)
	}
}

// TestStampInOutput checks the stamp's place and bytes: in every output,
// the same on every build.
func TestStampInOutput(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	for range 2 {
		if err := build(t, dest, Options{}); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(dest, StampFile))
		if err != nil || string(b) != Stamp {
			t.Fatalf("stamp %q, %v", b, err)
		}
	}
}

// TestStaleLeftoversRemoved is issue 11, case 4: builds killed at random
// moments left .public.brief-new-* folders that no later build removed.
// The next build removes those that are brief's (right name, stamp
// inside) and that no running build holds, and nothing else.
func TestStaleLeftoversRemoved(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	stale := []string{".public.brief-new-3kq9z", ".public.brief-old-3kq9z", ".brief-spill-123456"}
	kept := []string{
		".public.brief-new-nostamp", // brief's name, no stamp: not known to be brief's
		".other.brief-new-4ab",      // another output's
		".public.brief-new-x_y",     // not a name brief makes
		"notes",
	}
	// Killed builds: stamp written, no process holds it.
	put(t, filepath.Join(parent, stale[0], StampFile), Stamp)
	put(t, filepath.Join(parent, stale[0], "articles", "a", "index.html"), "x")
	put(t, filepath.Join(parent, stale[1], StampFile), Stamp)
	put(t, filepath.Join(parent, stale[2]), "scratch")
	put(t, filepath.Join(parent, kept[0], "index.html"), "x")
	for _, k := range kept[1:] {
		put(t, filepath.Join(parent, k, StampFile), Stamp)
	}

	// A build that is running: its staging folder is held.
	running, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer running.Abort()

	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, n := range names(t, parent) {
		got[n] = true
	}
	for _, n := range stale {
		if got[n] {
			t.Errorf("stale %s not removed", n)
		}
	}
	for _, n := range append(kept, "public", filepath.Base(running.Dir())) {
		if !got[n] {
			t.Errorf("%s removed", n)
		}
	}
	if len(got) != len(kept)+2 {
		t.Errorf("beside DEST: %v", got)
	}
	if err := running.WriteFile("index.html", []byte("running")); err != nil {
		t.Fatalf("the running build's staging folder was damaged: %v", err)
	}
	if err := running.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "running" {
		t.Errorf("running build's output: %q", b)
	}
}

// TestCommitLeavesNothingBeside checks a swap over an existing output:
// the new output is in place, kept entries carried over, and neither
// the staging folder nor the old output is left.
func TestCommitLeavesNothingBeside(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(dest, "CNAME"), "example.org\n")
	put(t, filepath.Join(dest, "old.html"), "old")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, parent); strings.Join(got, " ") != "public" {
		t.Errorf("beside DEST: %v", got)
	}
	if got := names(t, dest); strings.Join(got, " ") != StampFile+" CNAME index.html" {
		t.Errorf("DEST: %v", got)
	}
}

// TestAbortLeavesOutput keeps holding: a failed build leaves the
// previous output as it was, and nothing beside it.
func TestAbortLeavesOutput(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if err := build(t, dest, Options{}); err != nil {
		t.Fatal(err)
	}
	st, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.WriteFile("index.html", []byte("half")); err != nil {
		t.Fatal(err)
	}
	if err := st.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "<p>new</p>" {
		t.Errorf("previous output changed: %q", b)
	}
	if got := names(t, parent); strings.Join(got, " ") != "public" {
		t.Errorf("beside DEST: %v", got)
	}
}
