package resolve_test

import (
	"fmt"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/resolve"
)

// BenchmarkResolve links a loaded and extracted corpus: slugs,
// references, coverage, related events, companions, chronology.
func BenchmarkResolve(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			l, err := c.Extracted()
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				// resolve.Site resets what it fills, so the same items
				// can be resolved again, as the preview server does.
				if _, ds := resolve.Site(l.Config, l.Articles, l.Events, l.Actors); len(ds) > 0 {
					for _, d := range ds {
						if d.Severity == diag.Error {
							b.Fatal(d)
						}
					}
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
