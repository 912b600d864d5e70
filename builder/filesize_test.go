package builder

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
)

// TestOversizedFileIsNotRead: a content file over load.MaxFileSize is
// refused from its size alone. It was read whole first, so a file of
// 2 GB cost 2 GB of memory before the limit was checked.
func TestOversizedFileIsNotRead(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"site.yaml":                             "title: T\n",
		"content/actors/karl-adler.md":          "---\nname: Karl Adler\n---\n\nA person.\n",
		"content/articles/2022-02-07-small.txt": "Small\n\nKarl Adler spoke.\n",
	}
	for p, data := range files {
		if err := os.MkdirAll(filepath.Join(src, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, p), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// Sparse: four times the limit on disk costs nothing.
	big := filepath.Join(src, "content/articles/2022-02-07-big.txt")
	if err := os.WriteFile(big, []byte("Big\n\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 4*load.MaxFileSize); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Build(context.Background(), Options{Source: src, CheckOnly: true})
	runtime.ReadMemStats(&after)
	var errs diag.Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("Build: %v, want one error", err)
	}
	if d := errs[0]; d.File != "content/articles/2022-02-07-big.txt" || d.Line != 0 || !strings.Contains(d.Msg, "file is 80 MB, over the limit of 20 MB") {
		t.Errorf("error %q, want the file's size and the limit at line 0", d.String())
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > load.MaxFileSize {
		t.Errorf("the build allocated %d MB: it read the file", n>>20)
	}
}
