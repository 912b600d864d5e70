package load_test

import (
	"fmt"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/load"
)

// BenchmarkLoad reads every content file of a generated corpus from
// memory (load.Article, load.Event, load.Actor): front matter, .txt
// headers, slugs. One goroutine; no disk I/O.
func BenchmarkLoad(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(c.Bytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range c.Files {
					switch f.Kind {
					case load.KindArticle:
						load.Article(f.Path, f.Data)
					case load.KindEvent:
						load.Event(f.Path, f.Data)
					case load.KindActor:
						load.Actor(f.Path, f.Data)
					}
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
