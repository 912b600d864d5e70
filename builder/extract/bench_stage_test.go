package extract_test

import (
	"fmt"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/extract"
)

// BenchmarkExtract runs extract.Article over every article of a
// generated corpus: Markdown or pasted text to HTML, mention matching
// and linking, plain text, quotes, dates and figures. One goroutine.
func BenchmarkExtract(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			l, err := c.Load()
			if err != nil {
				b.Fatal(err)
			}
			x, err := l.Extractor()
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(l.ArticleBytes)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range l.Articles {
					extract.Article(a, x.Matcher, x.Boilerplate, x.Options)
				}
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}

// BenchmarkMatcherFind is the mention matcher alone over every article
// body.
func BenchmarkMatcherFind(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			l, err := c.Load()
			if err != nil {
				b.Fatal(err)
			}
			m, _ := extract.NewMatcher(l.Actors)
			var size int64
			for _, a := range l.Articles {
				size += int64(len(a.Body))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range l.Articles {
					m.Find(a.Body)
				}
			}
		})
	}
}
