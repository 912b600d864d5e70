package extract

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// BenchmarkExtractReaders measures the three readers over a realistic wire
// article (the corpus's Kremlin talks report, about 500 words, with
// quotes, dates and figures), alone and within a whole extract.Article
// (rendering and mentions included), and over the whole annotated corpus.
func BenchmarkExtractReaders(b *testing.B) {
	m, arts := loadCorpus(b)
	var one corpusArticle
	for _, a := range arts {
		if a.file == "2022-02-08-kremlin-talks.yaml" {
			one = a
		}
	}
	paras := make([]string, len(one.Paragraphs))
	for i, p := range one.Paragraphs {
		paras[i] = p.Text
	}
	pub, _ := model.ParseDate(one.Published, false)
	b.Run("readers", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Quotes(paras, m)
			Dates(paras, pub)
			Figures(paras)
		}
	})
	b.Run("quotes", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Quotes(paras, m)
		}
	})
	b.Run("dates", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Dates(paras, pub)
		}
	})
	b.Run("figures", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			Figures(paras)
		}
	})
	body := strings.Join(paras, "\n\n")
	b.Run("article", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			a := &model.Article{Format: "txt", Title: "Macron and Putin talk for hours", Date: pub, Source: model.Source{Body: body}}
			Article(a, m, nil, Options{})
		}
	})
	b.Run("corpus", func(b *testing.B) {
		all := make([][]string, len(arts))
		for i, a := range arts {
			for _, p := range a.Paragraphs {
				all[i] = append(all[i], p.Text)
			}
		}
		b.ReportAllocs()
		for b.Loop() {
			for _, ps := range all {
				Quotes(ps, m)
				Dates(ps, pub)
				Figures(ps)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(all)), "ns/article")
	})
}
