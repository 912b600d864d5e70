package render_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/render"
)

// BenchmarkRender renders every output file of a resolved corpus (pages,
// feeds, sitemap, calendar, search index, data export) to an Output that
// discards the bytes. Each iteration has a new site-wide signature, so
// caches keyed by it (search index and export parts) start cold, as in a
// full build.
func BenchmarkRender(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			site, t, err := c.Resolved()
			if err != nil {
				b.Fatal(err)
			}
			out := &stagebench.Output{}
			b.ReportAllocs()
			i := uint64(0)
			for b.Loop() {
				i++
				if _, ds := render.Render(context.Background(), site, t, out, render.Options{Global: i}); len(ds) > 0 {
					b.Fatal(ds[0])
				}
			}
			b.SetBytes(out.Bytes / int64(max(b.N, 1)))
			b.ReportMetric(float64(out.N)/float64(max(b.N, 1)), "files/op")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
