package extract

import (
	"sort"
	"strings"

	"github.com/briefhq/brief/builder/model"
)

// figureVerbs give a figure without reporting speech: "US officials
// estimate", "the ministry put the toll at" (lexicon/en/figure-verbs.txt).
var figureVerbs = verbForms("figure-verbs")

// AttributeFigures fills in who gives each figure and the time it refers
// to, from the figure's sentence:
//
//   - Holder and HolderName: the source the sentence attributes the
//     figure to, found as quotes.go finds a speaker — "according to US
//     officials", "Macron said … 125,000", "US officials estimate", "…,
//     the ministry said", a figure inside a quotation; Holder is the
//     actor's slug when m knows the source, HolderName the source as
//     written;
//   - RefersTo: the TIMEX3 value of the date nearest to the figure in its
//     clause ("by mid-February" gives 2022-02), durations and sets aside.
//
// dates are the article's temporal expressions (Dates, in order). A figure the
// article states on its own authority keeps no holder.
func AttributeFigures(figs []model.Figure, paras []string, m *Matcher, dates []model.DateMention) {
	q := quoteScanner{m: m}
	for i := 0; i < len(figs); {
		pi := figs[i].Para
		j := i
		for j < len(figs) && figs[j].Para == pi {
			j++
		}
		if pi < 0 || pi >= len(paras) {
			i = j
			continue
		}
		p := paras[pi]
		q.p = p
		q.ms = m.Find(p)
		q.sents = sentences(p, q.sents)
		q.spans = findQuoteSpans(p, q.spans[:0])
		var verbs sentenceVerbs
		for k := i; k < j; k++ {
			f := &figs[k]
			s := sentenceAt(q.sents, f.Start, len(p))
			who := q.figureSource(s, f.Start, f.End, &verbs)
			f.Holder, f.HolderName = who.slug, who.name
			f.RefersTo = refersTo(dates, pi, p, s, f.Start, f.End)
		}
		i = j
	}
}

// figVerb is a verb of a sentence outside quotation marks.
type figVerb struct {
	start, end int
	according  bool
}

// sentenceVerbs are the verbs of sentence s, kept for the next figure of
// the same sentence: finding them for each figure cost the sentence's
// length per figure, 25 s for a file of 20 MB of figures.
type sentenceVerbs struct {
	s     span
	found bool
	vs    []figVerb
}

// figureSource finds who gives the figure at [start, end) of sentence s.
func (q *quoteScanner) figureSource(s span, start, end int, verbs *sentenceVerbs) speaker {
	// A figure inside quotation marks is the speaker's.
	for _, sp := range q.spans {
		if start >= sp.start && end <= sp.end {
			// A quote of several sentences closes after the figure's
			// sentence: its attribution runs to the end of the sentence
			// it closes in.
			to := s.end
			if to < sp.close {
				to = len(q.p)
			}
			if who := q.fromAfter(sp.close, attributionEnd(q.p, sp.close, to)); who.ok() {
				return who
			}
			// A quote that opened in an earlier sentence (German »…«
			// read as «…» runs on) has its words before it in that one.
			from := s.start
			if sp.open < from {
				from = sentenceAt(q.sents, sp.open, len(q.p)).start
			}
			return q.fromBefore(from, sp.open)
		}
	}
	if !verbs.found || verbs.s != s {
		verbs.s, verbs.found, verbs.vs = s, true, q.figureVerbs(s, verbs.vs[:0])
	}
	vs := verbs.vs
	// "according to X" anywhere in the sentence.
	for _, v := range vs {
		if v.according {
			stop := trimStop(q.p, s.start, s.end)
			if c := strings.IndexAny(q.p[v.end:stop], ",;"); c >= 0 {
				stop = v.end + c
			}
			if who := q.resolve(v.end, stop, true); who.ok() {
				return who
			}
		}
	}
	// The last verb before the figure: its subject ("US officials
	// estimate that 150,000 …"), or what follows it when nothing stands
	// before ("said Macron, … 125,000" is rare; "Said" opens no sentence).
	for v := len(vs) - 1; v >= 0; v-- {
		if vs[v].end > start || vs[v].according {
			continue
		}
		lo := s.start
		if v > 0 {
			lo = vs[v-1].end
		}
		if who := q.resolve(lo, vs[v].start, false); who.ok() {
			return who
		}
	}
	// A verb after it: "…, US officials said", "…, said the ministry".
	for _, v := range vs {
		if v.start < end || v.according {
			continue
		}
		between := q.p[end:v.start]
		c := strings.LastIndexByte(between, ',')
		if c < 0 {
			return speaker{}
		}
		if strings.TrimSpace(between[c+1:]) == "" {
			stop := s.end
			if k := strings.IndexAny(q.p[v.end:s.end], ",;."); k >= 0 {
				stop = v.end + k
			}
			return q.resolve(v.end, stop, true) // "…, said the ministry"
		}
		return q.resolve(end+c+1, v.start, false)
	}
	return speaker{}
}

// figureVerbs appends to vs the first eight verbs of sentence s outside
// quotation marks, in order.
func (q *quoteScanner) figureVerbs(s span, vs []figVerb) []figVerb {
	toks := q.words(s.start, s.end)
	for k := range toks {
		if len(vs) == 8 || q.inQuote(toks[k].start) {
			continue
		}
		vEnd, ok := q.verbAt(toks, k)
		if !ok {
			vEnd, ok = figureVerbAt(q, toks, k)
		}
		if ok {
			w := q.tokText(toks[k])
			vs = append(vs, figVerb{toks[k].start, vEnd, strings.EqualFold(w, "according")})
		}
	}
	return vs
}

// trimStop returns the end of the sentence [start, end) without its
// closing punctuation.
func trimStop(p string, start, end int) int {
	for end > start && strings.ContainsRune(" .!?", rune(p[end-1])) {
		end--
	}
	return end
}

// figureVerbAt reports whether toks[k] is a verb of figures ("estimate",
// "put") and where it ends.
func figureVerbAt(q *quoteScanner, toks []token, k int) (int, bool) {
	t := toks[k]
	w := q.tokText(t)
	if t.kind != tWord || !isLowerWord(w) {
		return 0, false
	}
	if _, ok := lookup(figureVerbs, w); !ok {
		return 0, false
	}
	if k > 0 && inSet(passiveAux, q.tokText(toks[k-1])) {
		return 0, false // "were reported": no source
	}
	return t.end, true
}

// refersTo returns the TIMEX3 value of the date expression of paragraph
// pi nearest to the figure at [start, end) within its sentence s and
// clause (no semicolon between), or "".
func refersTo(dates []model.DateMention, pi int, p string, s span, start, end int) string {
	best, bestDist := "", 1<<30
	first := sort.Search(len(dates), func(i int) bool {
		return dates[i].Para > pi || dates[i].Para == pi && dates[i].End > s.start
	})
	for _, d := range dates[first:] {
		if d.Para != pi || d.Start >= s.end {
			break
		}
		if d.Start < s.start || d.End > s.end {
			continue
		}
		if d.Type == model.TypeDuration || d.Type == model.TypeSet {
			continue
		}
		dist := d.Start - end
		lo, hi := end, d.Start
		if d.End <= start {
			dist, lo, hi = start-d.End, d.End, start
		}
		if dist < 0 || strings.IndexByte(p[lo:hi], ';') >= 0 {
			continue
		}
		if dist < bestDist {
			best, bestDist = d.Value, dist
		}
	}
	return best
}
