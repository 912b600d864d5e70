package builder

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
)

// corpora caches generated sites across benchmarks of one run.
var corpora sync.Map

func corpusDir(b *testing.B, n int) string {
	if d, ok := corpora.Load(n); ok {
		return d.(string)
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("brief-corpus-%d-", n))
	if err != nil {
		b.Fatal(err)
	}
	if err := corpus.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	corpora.Store(n, dir)
	return dir
}

// BenchmarkBuild is a full build (load, extract, resolve, render, write)
// of a generated site of 1,000 and 10,000 articles.
func BenchmarkBuild(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			src := corpusDir(b, n)
			dest := filepath.Join(b.TempDir(), "public")
			b.ReportAllocs()
			for b.Loop() {
				res, err := Build(context.Background(), Options{Source: src, Dest: dest})
				if err != nil {
					b.Fatal(err)
				}
				if got := res.Stats.Pages["article"]; got != n {
					b.Fatalf("built %d article pages, want %d", got, n)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	corpora.Range(func(_, v any) bool { os.RemoveAll(v.(string)); return true })
	os.Exit(code)
}
