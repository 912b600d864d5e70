package write

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// Folders are made with one mkdir when their parent is known to exist;
// pages written at once by several workers into new folders at several
// depths, sharing parents, must all land.
func TestWriteFileMakesFolders(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	st, err := Begin(dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for i := range 40 {
		names = append(names, fmt.Sprintf("actors/x%d/page/%d/index.html", i%3, i), fmt.Sprintf("actors/x%d/index.html", i%3), fmt.Sprintf("a/b/c%d/d/index.html", i%5))
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(names))
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(names); i += 4 {
				if err := st.WriteFile(names[i], []byte(names[i])); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := st.Commit(); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if b, err := os.ReadFile(filepath.Join(dest, n)); err != nil || string(b) != n {
			t.Errorf("%s: %q, %v", n, b, err)
		}
	}
}
