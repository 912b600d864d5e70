package main

import (
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/bench/corpus"
)

func secsOf(v ...float64) []time.Duration {
	var ds []time.Duration
	for _, x := range v {
		ds = append(ds, time.Duration(x*float64(time.Second)))
	}
	return ds
}

// Hugo's cells above -hugo-max continue the line through its two largest
// sizes, and are marked as a trend, not a measurement.
func TestHugoTrend(t *testing.T) {
	rows := []*row{
		{Shape: corpus.Briefing, N: 1000, HugoRuns: secsOf(9), HugoCPU: secsOf(9), HugoRSS: 9e6},
		{Shape: corpus.Briefing, N: 10000, HugoRuns: secsOf(20, 30, 25), HugoCPU: secsOf(40, 40, 40), HugoRSS: 2e9},
		{Shape: corpus.Briefing, N: 50000, HugoRuns: secsOf(125), HugoCPU: secsOf(200), HugoRSS: 10e9},
		{Shape: corpus.Briefing, N: 100000, BriefRuns: secsOf(100), BriefCPU: secsOf(150), BriefRSS: 1.2e9},
		{Shape: corpus.Wire, N: 100000, BriefRuns: secsOf(100)},
	}
	tr := hugoTrend(rows, corpus.Briefing)
	if tr == nil || len(tr.from) != 2 || tr.from[0] != 10000 || tr.from[1] != 50000 {
		t.Fatalf("trend drawn through %v, want 10,000 and 50,000", tr)
	}
	wall, cpu, rss := tr.at(100000)
	if wall != 250*time.Second || cpu != 400*time.Second || rss != 20e9 {
		t.Errorf("at 100,000 articles: %v, %v, %d; want 250 s, 400 s, 20 GB", wall, cpu, rss)
	}
	if hugoTrend(rows, corpus.Wire) != nil {
		t.Error("a trend for the wire shape, where Hugo was not run")
	}
	out := table(rows)
	for _, want := range []string{
		"| default | 100,000 | 0 / — | 100.00 s | 150.00 s | ≈ 250.00 s (trend) | ≈ 400.00 s (trend) | ≈ 0.40× (trend) | 1,200 MB | ≈ 20,000 MB (trend) |",
		"| default | 10,000 | — / 0 | — | — | 25.00 s | 40.00 s | — | — | 2,000 MB |",
		"| wire | 100,000 | 0 / — | 100.00 s |",
		"Hugo was not run at 100,000 articles (default shape): its cells are a straight line through its results at 10,000 and 50,000 articles",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

// A report merges runs made separately: Hugo's of one, brief's of another.
func TestMergeRow(t *testing.T) {
	r := &row{Shape: corpus.Wire, N: 10000, BriefRuns: secsOf(10), BriefRSS: 5}
	mergeRow(r, &row{HugoRuns: secsOf(20), HugoRSS: 7, BriefRuns: secsOf(99), BriefRSS: 99, Search: &searchResult{ReadyMedian: 3}})
	if median(r.BriefRuns) != 10*time.Second || r.BriefRSS != 5 {
		t.Errorf("brief's results were replaced: %v, %d", r.BriefRuns, r.BriefRSS)
	}
	if median(r.HugoRuns) != 20*time.Second || r.HugoRSS != 7 || r.Search == nil || r.Search.ReadyMedian != 3 {
		t.Errorf("Hugo's results or the search were not merged: %v, %d, %v", r.HugoRuns, r.HugoRSS, r.Search)
	}
}

func TestSearchOutputParsed(t *testing.T) {
	out := []byte("corpus: 20 articles in 1s\nindex: 1.05 MB in 12 files; manifest 3.0 KB\nready: median 349 ms, max 673 ms (5 loads)\n\nfirst results: median 143.0 ms, max 728.2 ms; index loaded: median 10 KB\n")
	m, f, i := readyRe.FindSubmatch(out), firstRe.FindSubmatch(out), indexRe.FindSubmatch(out)
	if m == nil || string(m[1]) != "349" || string(m[2]) != "673" || f == nil || string(f[1]) != "143.0" || i == nil || string(i[1]) != "1.05 MB" {
		t.Errorf("parsed %q, %q, %q", m, f, i)
	}
}
