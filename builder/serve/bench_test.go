package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
)

// BenchmarkRebuildOneArticle is the preview server's work after one
// article is saved: load and extract that file, resolve the site, render
// the pages whose inputs changed, and publish the snapshot.
func BenchmarkRebuildOneArticle(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			if err := corpus.Generate(dir, n, 1); err != nil {
				b.Fatal(err)
			}
			srv, err := New(Options{Build: builder.Options{Source: dir}})
			if err != nil {
				b.Fatal(err)
			}
			var article string
			filepath.WalkDir(filepath.Join(dir, "content/articles"), func(p string, d fs.DirEntry, err error) error {
				if article == "" && strings.HasSuffix(p, ".md") {
					article = p
				}
				return nil
			})
			orig, _ := os.ReadFile(article)
			rel, _ := filepath.Rel(dir, article)
			i := 0
			for b.Loop() {
				i++
				os.WriteFile(article, append(append([]byte{}, orig...), fmt.Sprintf("\nEdit %d.\n", i)...), 0o644)
				if info := srv.Rebuild(context.Background(), []string{filepath.ToSlash(rel)}); info.Errors > 0 {
					b.Fatal(srv.Snapshot().Errors)
				}
			}
		})
	}
}
