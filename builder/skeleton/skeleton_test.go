package skeleton

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPin(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.3":                             "v1.2.3",
		"v0.4.0":                             "v0.4.0",
		"v2.0.0-rc.1":                        "v2.0.0-rc.1",
		"(devel)":                            "latest",
		"":                                   "latest",
		"v1.2.3+dirty":                       "latest",
		"1.2.3":                              "latest",
		"v1.2":                               "latest",
		"v0.0.0-20261202023443-b53d07ab7532": "latest",
		"v0.0.0-20261202023443-b53d07ab7532+dirty":  "latest",
		"v1.2.4-0.20261202023443-b53d07ab7532":      "latest",
		"v1.2.4-rc.1.0.20261202023443-b53d07ab7532": "latest",
	} {
		if got := Pin(v); got != want {
			t.Errorf("Pin(%q) = %q, want %q", v, got, want)
		}
	}
}

// TestFilesSiteAndWorkflow checks that the embedded tree holds the
// hidden files (go:embed drops them without all:) and that the
// workflow's markers are all replaced.
func TestFilesSiteAndWorkflow(t *testing.T) {
	files, err := Files("v1.2.3")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range files {
		got[f.Path] = string(f.Data)
	}
	for _, want := range []string{".gitignore", WorkflowPath, "site.yaml"} {
		if _, ok := got[want]; !ok {
			t.Errorf("the skeleton has no %s (has %d files)", want, len(files))
		}
	}
	wf := got[WorkflowPath]
	if strings.Contains(wf, "brief:pin") || !strings.Contains(wf, "go install "+Module+"@v1.2.3\n") {
		t.Errorf("the workflow is not pinned to v1.2.3:\n%s", wf)
	}
}

// TestWriteNeverOverwrites writes into a folder with one file of the
// skeleton already there: without force it refuses and leaves it; with
// force it keeps it and writes the rest.
func TestWriteNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "site.yaml")
	if err := os.WriteFile(mine, []byte("title: Mine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Write(dir, "(devel)", false); !errors.Is(err, ErrNotEmpty) {
		t.Fatalf("Write into a folder with files: %v, want ErrNotEmpty", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a refused Write left %d entries", len(entries))
	}
	written, skipped, err := Write(dir, "(devel)", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 1 || skipped[0] != "site.yaml" {
		t.Errorf("skipped %v, want [site.yaml]", skipped)
	}
	files, _ := Files("(devel)")
	if len(written) != len(files)-1 {
		t.Errorf("wrote %v, want the %d other files", written, len(files)-1)
	}
	if b, _ := os.ReadFile(mine); string(b) != "title: Mine\n" {
		t.Errorf("site.yaml overwritten: %q", b)
	}
}
