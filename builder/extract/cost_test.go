package extract

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// allocGrowth returns how many times more bytes f allocates for 4n than
// for n: the least of three runs each, on one processor, so that what
// other goroutines of the test binary allocate meanwhile (TotalAlloc
// counts them too) does not make a linear f look quadratic.
func allocGrowth(f func(n int), n int) float64 {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	alloc := func(n int) uint64 {
		least := ^uint64(0)
		for range 3 {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			f(n)
			runtime.ReadMemStats(&after)
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	return float64(alloc(4*n)) / float64(max(1, alloc(n)))
}

// TestSentencesAreBounded: a paragraph with no sentence end was one
// sentence, which every date, figure and quote in it then read whole.
func TestSentencesAreBounded(t *testing.T) {
	for name, p := range map[string]string{
		"no end":     strings.Repeat("on 7 February 2022, ", 50000),
		"unclosed “": "“" + strings.Repeat("Stop. Go on. ", 50000),
		"no space":   strings.Repeat("abcdéfghij", 100000),
	} {
		ss := sentences(p, nil)
		at := 0
		for _, s := range ss {
			if s.end-s.start > 2*2*maxSentence+len("é") || s.start < at {
				t.Fatalf("%s: sentence %d:%d of %d bytes", name, s.start, s.end, len(p))
			}
			at = s.end
		}
		if len(ss) < len(p)/(2*maxSentence+10) || ss[len(ss)-1].end != len(strings.TrimRight(p, " ")) {
			t.Errorf("%s: %d sentences for %d bytes, the last ending at %d", name, len(ss), len(p), ss[len(ss)-1].end)
		}
	}
	// Sentences as written are not cut.
	long := "Officials said " + strings.Repeat("the talks went on, ", 90) + "and ended."
	if ss := sentences(long+" Then they left.", nil); len(ss) != 2 || ss[0].end != len(long) {
		t.Errorf("a sentence of %d bytes split into %v", len(long), ss)
	}
}

// TestRunOnDatesAreLinear: in a paragraph of n dates and no sentence end,
// each date's clause was read from, and copied out of, the whole
// paragraph: 100,000 dates took hours and gigabytes.
func TestRunOnDatesAreLinear(t *testing.T) {
	pub, _ := model.ParseDate("2022-02-07", false)
	dates := func(n int) {
		text := []string{strings.Repeat("on 7 February 2022, ", n)}
		ds := Dates(text, pub)
		annotateDates(ds, text)
		if len(ds) != n || ds[n-1].Clause == "" || len(ds[n-1].Clause) > 2*clauseSpan+len(ds[n-1].Text) {
			t.Fatalf("%d dates: %d found, the last in the clause %.60q", n, len(ds), ds[n-1].Clause)
		}
	}
	if g := allocGrowth(dates, 2000); g > 8 {
		t.Errorf("4× the dates allocate %.1f× the bytes: quadratic", g)
	}
}

// runOn are paragraphs of n quotes, and of n bare numbers, with what
// reading them must find: each word looked through every quotation
// before it for whether it was in one, and each number was weighed
// against the whole paragraph as its sentence.
func runOn(t testing.TB) map[string]func(n int) {
	m, _ := NewMatcher([]*model.Actor{{Source: model.Source{Slug: "karl-adler"}, Name: "Karl Adler", Kind: model.Person}})
	return map[string]func(n int){
		"quotes": func(n int) {
			if qs := Quotes([]string{strings.Repeat("“Stop,” Adler said. ", n)}, m); len(qs) != n {
				t.Fatalf("%d quotes found of %d", len(qs), n)
			}
		},
		"figures": func(n int) {
			var b strings.Builder
			for i := range n {
				fmt.Fprintf(&b, "%d ", 1000+i)
			}
			// Numbers without a unit are not figures.
			if fs := Figures([]string{b.String()}); len(fs) != 0 {
				t.Fatalf("%d figures found in %d bare numbers", len(fs), n)
			}
		},
	}
}

// TestRunOnParagraphsAreLinear: quotes and figures in one paragraph of n
// of them allocate n times what one does; BenchmarkRunOnParagraphs shows
// how their time grows.
func TestRunOnParagraphsAreLinear(t *testing.T) {
	for name, f := range runOn(t) {
		if g := allocGrowth(f, 2000); g > 8 {
			t.Errorf("%s: 4× the paragraph allocates %.1f× the bytes: quadratic", name, g)
		}
	}
}

// BenchmarkRunOnParagraphs reads run-on paragraphs of n and 4n quotes or
// numbers: linear, the time per op grows about 4× from one size to the
// next.
func BenchmarkRunOnParagraphs(b *testing.B) {
	for _, name := range []string{"quotes", "figures"} {
		f := runOn(b)[name]
		for _, n := range []int{2000, 8000, 32000} {
			b.Run(fmt.Sprintf("%s=%d", name, n), func(b *testing.B) {
				for b.Loop() {
					f(n)
				}
			})
		}
	}
}
