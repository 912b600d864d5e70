package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildThroughLinkedParentRefused is issue 11, case 2, from the
// command line: "-s proj/site -d alias/proj" with alias a link to "."
// replaced proj/ and deleted the site. It is refused as a usage error
// (exit 2) naming both paths, and nothing changes.
func TestBuildThroughLinkedParentRefused(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	writeSite(t, filepath.Join(proj, "site"), goodSite)
	writeSite(t, proj, map[string]string{"index.html": "<p>project</p>"})
	if err := os.Symlink(".", filepath.Join(root, "alias")); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, proj)
	src, dest := filepath.Join(proj, "site"), filepath.Join(root, "alias", "proj")
	code, _, errOut := brief(t, "build", "-s", src, "-d", dest, "--force")
	if code != exitUsage {
		t.Fatalf("exit %d, want %d\n%s", code, exitUsage, errOut)
	}
	for _, want := range []string{dest, src, "-d"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("message lacks %q: %s", want, errOut)
		}
	}
	if after := snapshot(t, proj); len(after) != len(before) || after["site/content/articles/a.md"] != before["site/content/articles/a.md"] {
		t.Fatalf("the project changed: %d files before, %d after", len(before), len(after))
	}
}

// TestBuildForeignFolderNeedsForce is issue 11, case 3, from the command
// line: a hand-made web folder as DEST is refused (exit 2, saying how to
// go on) and left alone; --force replaces it; the next build needs no
// --force.
func TestBuildForeignFolderNeedsForce(t *testing.T) {
	root := t.TempDir()
	src, dest := filepath.Join(root, "site"), filepath.Join(root, "www")
	writeSite(t, src, goodSite)
	writeSite(t, dest, map[string]string{"index.html": "<p>mine</p>", "cv.pdf": "%PDF"})
	code, _, errOut := brief(t, "build", "-s", src, "-d", dest)
	if code != exitUsage {
		t.Fatalf("exit %d, want %d\n%s", code, exitUsage, errOut)
	}
	for _, want := range []string{dest, "--force", "-d"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("message lacks %q: %s", want, errOut)
		}
	}
	if got := snapshot(t, dest); got["cv.pdf"] != "%PDF" || got["index.html"] != "<p>mine</p>" {
		t.Fatalf("the refused folder changed: %v", got)
	}
	for _, args := range [][]string{{"--force"}, {}} {
		if code, _, errOut := brief(t, append([]string{"build", "-s", src, "-d", dest}, args...)...); code != exitOK {
			t.Fatalf("build %v: exit %d\n%s", args, code, errOut)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "cv.pdf")); err == nil {
		t.Error("--force kept a file of the old folder")
	}
}

// TestCheckAndImportSkipLinksOutside is issue 11, case 1, for brief
// check and brief import: an actor file linked from outside the site is
// not read (import does not list the actor its text names) and check
// reports the link at its path.
func TestCheckAndImportSkipLinksOutside(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	writeSite(t, src, goodSite)
	writeSite(t, root, map[string]string{
		"outside/secret-agent.md":  "---\nname: Secret Agent\n---\n",
		"in/2022-02-09-pasted.txt": "Secret Agent speaks\n\nSecret Agent said nothing.\n",
	})
	link := filepath.Join(src, "content", "actors", "secret-agent.md")
	if err := os.Symlink(filepath.Join(root, "outside", "secret-agent.md"), link); err != nil {
		t.Fatal(err)
	}
	code, out, _ := brief(t, "check", "-s", src)
	if code != exitOK || !strings.Contains(out, "content/actors/secret-agent.md: warning: not read: a symbolic link") {
		t.Errorf("check: exit %d, want a warning at the link\n%s", code, out)
	}
	outDir := filepath.Join(root, "imported")
	if code, _, errOut := brief(t, "import", "-s", src, "-o", outDir, filepath.Join(root, "in", "2022-02-09-pasted.txt")); code != exitOK {
		t.Fatalf("import: exit %d\n%s", code, errOut)
	}
	b, err := os.ReadFile(filepath.Join(outDir, "2022-02-09-pasted.md"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(b), "secret-agent") {
		t.Errorf("import used the actor linked from outside the site:\n%s", b)
	}
}
