package builder

import (
	"context"
	"fmt"
	"testing"
)

type discard struct{}

func (discard) WriteFile(string, []byte) error { return nil }

// BenchmarkRerenderUnchanged is the render step of an incremental
// rebuild in which nothing changed: every page is skipped and only the
// site-wide files are made again — the data export, feed.xml,
// sitemap.xml, calendar.ics and the search index (from its cache). It
// is the floor of every preview rebuild.
func BenchmarkRerenderUnchanged(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			ctx := context.Background()
			s, err := NewSession(Options{Source: corpusDir(b, n), BaseURL: "https://example.org/briefings/"})
			if err != nil {
				b.Fatal(err)
			}
			m, err := s.Model(ctx)
			if err != nil {
				b.Fatal(err)
			}
			res, err := s.Render(ctx, m, discard{}, false)
			if err != nil {
				b.Fatal(err)
			}
			s.Commit(m, res)
			b.ReportAllocs()
			for b.Loop() {
				res, err := s.Render(ctx, m, discard{}, true)
				if err != nil {
					b.Fatal(err)
				}
				if res.Stats.SearchIndex == 0 {
					b.Fatal("no search index written")
				}
			}
		})
	}
}
