package model

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// The briefing digests below order an event's coverage for a reader: the
// numbers it gives, who said what, and the coverage by day. Like the
// digests in digest.go they are computed when a page asks for them.

// FigureGroup is the figures of the coverage that count the same thing:
// several estimates of one force, say, by different sources.
type FigureGroup struct {
	// Label is what they count, as the fullest of them writes it
	// ("Russian troops near the border").
	Label string
	Unit  string // the unit they share ("troops", "EUR", "percent")
	// Min and Max are the range of the figures for the present (not
	// projections); both 0 when there are only projections.
	Min, Max  float64
	Now       []FigureSource // figures for the time of writing, by date
	Projected []FigureSource // figures for a later time, by date
}

// FigureSource is one figure of a group with who gives it and when.
type FigureSource struct {
	Figure  Figure
	Article *Article
	By      *Actor // the actor who gives the figure, nil when none is known
	// Who is who gives the figure: the actor's name, the source as
	// written ("US officials"), else the article's publisher; "" when the
	// article states it without a publisher.
	Who       string
	When      Date // the time the figure refers to, else the publication date
	Projected bool // the figure is for a time after the article was written
	Also      int  // other articles giving the same figure from the same source
}

// Numbers returns the figures of the coverage grouped by what they count,
// the groups most reported first. Two figures count the same thing when
// their units are of one family (troops, soldiers and forces are one),
// the words around one are a subset of the other's ("troops" and "Russian
// troops near the border"), and their values are within a factor of
// sameMagnitude: 3,000 US troops sent to Poland are not an estimate of the
// 100,000 Russian troops at the border. Durations ("five hours of talks")
// are left out: they are not numbers a briefing weighs.
func (e *Event) Numbers() []FigureGroup {
	type group struct {
		FigureGroup
		family   string
		mods     []string // union of the members' modifiers
		labelMod int      // modifiers of the member the label comes from
		lo, hi   float64  // range of every member, projections included
		articles map[*Article]bool
		seen     map[string]int // source key → index in Now, or −1−index in Projected
		first    int
	}
	var groups []*group
	order := 0
	for _, a := range e.Articles {
		for _, f := range a.Figures {
			fam := unitFamily(f.Unit)
			if fam == "" || durationUnits[fam] || f.Value <= 0 || looksLikeYear(f) || fam == "percent" && f.Counts == "" {
				continue // a share of nothing named says nothing
			}
			mods := figureModifiers(f.Counts, fam)
			var g *group
			best := -1
			for _, c := range groups {
				if c.family != fam || !sameMagnitudeAs(c.lo, c.hi, f.Value) {
					continue
				}
				if !subset(mods, c.mods) && !subset(c.mods, mods) {
					continue
				}
				if n := shared(mods, c.mods); n > best {
					g, best = c, n
				}
			}
			if g == nil {
				g = &group{family: fam, lo: f.Value, hi: f.Value, articles: map[*Article]bool{}, seen: map[string]int{}, first: order, labelMod: -1}
				g.Unit = f.Unit
				groups = append(groups, g)
			}
			order++
			g.lo, g.hi = min(g.lo, f.Value), max(g.hi, f.Value)
			for _, m := range mods {
				if !slices.Contains(g.mods, m) {
					g.mods = append(g.mods, m)
				}
			}
			if len(mods) > g.labelMod {
				g.labelMod = len(mods)
				g.Label = f.Counts
				if g.Label == "" {
					g.Label = f.Unit
				}
			}
			g.articles[a] = true
			src := figureSource(e, a, f)
			key := strings.ToLower(src.Who) + "\x00" + strconv.FormatFloat(f.Value, 'g', -1, 64)
			if src.Projected {
				key += "\x00p"
			}
			if i, ok := g.seen[key]; ok {
				if i >= 0 {
					g.Now[i].Also++
				} else {
					g.Projected[-i-1].Also++
				}
				continue
			}
			if src.Projected {
				g.Projected = append(g.Projected, src)
				g.seen[key] = -len(g.Projected)
			} else {
				g.Now = append(g.Now, src)
				g.seen[key] = len(g.Now) - 1
			}
		}
	}
	slices.SortStableFunc(groups, func(x, y *group) int {
		if len(x.articles) != len(y.articles) {
			return len(y.articles) - len(x.articles)
		}
		return x.first - y.first
	})
	out := make([]FigureGroup, 0, len(groups))
	for _, g := range groups {
		byWhen := func(x, y FigureSource) int { return x.When.Start.Compare(y.When.Start) }
		slices.SortStableFunc(g.Now, byWhen)
		slices.SortStableFunc(g.Projected, byWhen)
		for i, s := range g.Now {
			if i == 0 || s.Figure.Value < g.Min {
				g.Min = s.Figure.Value
			}
			g.Max = max(g.Max, s.Figure.Value)
		}
		g.Label = upperFirst(g.Label)
		out = append(out, g.FigureGroup)
	}
	return out
}

// figureSource says who gives f and for when.
func figureSource(e *Event, a *Article, f Figure) FigureSource {
	s := FigureSource{Figure: f, Article: a, When: a.Date}
	if f.Holder != "" {
		for _, x := range append(slices.Clip(e.Actors), a.Actors...) {
			if x.Slug == f.Holder {
				s.By, s.Who = x, x.Name
				break
			}
		}
	}
	if s.Who == "" {
		s.Who = f.HolderName
	}
	if s.Who == "" {
		s.Who = a.Publisher
	}
	ref, err := ParseDate(f.RefersTo, true)
	if err == nil && !a.Date.IsZero() && ref.Start.After(a.Date.Last()) {
		s.Projected = true
	}
	if !s.Projected {
		low := strings.ToLower(clause(f.Sentence, f.Text))
		for _, cue := range projectionCues {
			if strings.Contains(low, cue) {
				s.Projected = true
				break
			}
		}
	}
	switch {
	case err != nil:
	case s.Projected, ref.Precision == Day:
		s.When = ref
	}
	return s
}

// clause returns the part of sentence between the punctuation marks
// around text, so that a cue of another clause ("…, which could be
// complete by mid-February") does not mark the figure.
func clause(sentence, text string) string {
	i := strings.Index(sentence, text)
	if i < 0 {
		return ""
	}
	lo := strings.LastIndexAny(sentence[:i], ",;:—") + 1
	hi := len(sentence)
	if j := strings.IndexAny(sentence[i+len(text):], ",;:—"); j >= 0 {
		hi = i + len(text) + j
	}
	return sentence[lo:hi]
}

// projectionCues mark a sentence that gives a figure for a time to come
// even when the time it names is the month of writing ("by mid-February",
// written on 7 February).
var projectionCues = []string{"by mid-", "by the end of", "expected to", "projected", "forecast", "could reach", "could rise", "will reach", "will rise"}

// looksLikeYear reports a figure that is a year misread as a count:
// four digits without a separator, within the years news writes about
// ("its 1997 positions").
func looksLikeYear(f Figure) bool {
	if f.Value < 1800 || f.Value > 2100 || f.Value != float64(int(f.Value)) {
		return false
	}
	return strings.Contains(f.Text, strconv.Itoa(int(f.Value)))
}

// unitFamily puts the units that count the same kind of thing under one
// name.
func unitFamily(unit string) string {
	u := strings.ToLower(strings.TrimSpace(unit))
	switch u {
	case "troop", "troops", "soldier", "soldiers", "force", "forces", "servicemen", "service members", "personnel":
		return "troops"
	case "hour", "day", "week", "month", "year", "minute":
		return u + "s"
	}
	return u
}

// durationUnits are units of time: a figure in them is a duration.
var durationUnits = map[string]bool{"minutes": true, "hours": true, "days": true, "weeks": true, "months": true, "years": true, "decades": true}

// sameMagnitude is how far apart two estimates of one count may be: the
// figures the issue gives for one force (110,000 and 125,000 now, 150,000
// projected) are well within it, and a deployment of 3,000 is far outside.
const sameMagnitude = 2.5

func sameMagnitudeAs(lo, hi, v float64) bool {
	return max(hi, v) <= sameMagnitude*min(lo, v)
}

// figureStopWords are the words of a figure's counted phrase that say
// nothing about what is counted.
var figureStopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "its": true, "their": true, "his": true, "her": true,
	"in": true, "on": true, "at": true, "to": true, "near": true, "by": true, "and": true, "from": true,
	"with": true, "around": true, "along": true, "for": true, "some": true, "more": true, "than": true,
	"about": true, "up": true, "as": true, "many": true, "additional": true, "another": true, "other": true,
}

// figureModifiers returns the words of counts that qualify what is
// counted, lower-cased, without the unit's own words.
func figureModifiers(counts, family string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(counts), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if figureStopWords[w] || unitFamily(w) == family || unitFamily(w+"s") == family {
			continue
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

func subset(a, b []string) bool {
	for _, w := range a {
		if !slices.Contains(b, w) {
			return false
		}
	}
	return true
}

func shared(a, b []string) int {
	n := 0
	for _, w := range a {
		if slices.Contains(b, w) {
			n++
		}
	}
	return n
}

func upperFirst(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+len(string(r)):]
	}
	return s
}

// RankedQuote is a quote of the coverage as a briefing shows it: once,
// with the other articles that carry the same words.
type RankedQuote struct {
	Quote   Quote
	Article *Article   // the first article that carries it
	Also    []*Article // the other articles that carry it, by date
	// Participant reports that the speaker takes part in the event.
	Participant bool
}

// WhoSaid returns the quotes of the event's coverage ranked for a
// briefing: participants first, then other actors, then speakers who are
// no actor, each rank sentences before fragments of a few words and the
// quotes most outlets carry first; at most two
// per speaker before every other speaker's, and the same words (compared
// without case and punctuation, one quote a shortening of another) once.
// Unattributed quotes are left out.
func (e *Event) WhoSaid() []RankedQuote {
	qs := dedupeQuotes(e.Articles, func(q Quote) bool { return q.By != nil || q.SpeakerName != "" })
	rank := func(r RankedQuote) int {
		switch {
		case r.Quote.By != nil && slices.Contains(e.Actors, r.Quote.By):
			return 0
		case r.Quote.By != nil:
			return 1
		}
		return 2
	}
	for i := range qs {
		qs[i].Participant = rank(qs[i]) == 0
	}
	slices.SortStableFunc(qs, func(x, y RankedQuote) int {
		if rx, ry := rank(x), rank(y); rx != ry {
			return rx - ry
		}
		if fx, fy := quoteFragment(x), quoteFragment(y); fx != fy {
			return fx - fy
		}
		return len(y.Also) - len(x.Also)
	})
	return perSpeaker(qs, 2)
}

// quoteFragment is 1 for a fragment of a few words ("panic"), which says
// less than a sentence, 0 otherwise.
func quoteFragment(r RankedQuote) int {
	if len(strings.Fields(r.Quote.Text)) < 4 {
		return 1
	}
	return 0
}

// OwnWords returns the actor's quotes, newest first and sentences before
// fragments, the same words once (with the other articles that carry
// them).
func (x *Actor) OwnWords() []RankedQuote {
	arts := make([]*Article, 0, len(x.Quotes))
	for _, q := range x.Quotes {
		if len(arts) == 0 || arts[len(arts)-1] != q.Article {
			arts = append(arts, q.Article)
		}
	}
	qs := dedupeQuotes(arts, func(q Quote) bool { return q.By == x })
	slices.Reverse(qs)
	// Fragments of a few words ("demilitarise") after the sentences.
	slices.SortStableFunc(qs, func(p, q RankedQuote) int {
		return quoteFragment(p) - quoteFragment(q)
	})
	return qs
}

// dedupeQuotes returns the quotes of arts that keep accepts, in order,
// each set of the same words once.
func dedupeQuotes(arts []*Article, keep func(Quote) bool) []RankedQuote {
	var out []RankedQuote
	// Index by the whole normalised text and by its first and last words,
	// so that an outlet's shortened version of a quote joins the full one
	// without comparing every pair.
	at := map[string]int{}
	for _, a := range arts {
		for _, q := range a.Quotes {
			if !keep(q) {
				continue
			}
			keys := quoteKeys(q.Text)
			if len(keys) == 0 {
				continue
			}
			i, dup := -1, false
			for _, k := range keys {
				if j, ok := at[k]; ok {
					i, dup = j, true
					break
				}
			}
			if !dup {
				out = append(out, RankedQuote{Quote: q, Article: a})
				i = len(out) - 1
			} else {
				r := &out[i]
				other := a
				if len(keys[0]) > len(quoteKeys(r.Quote.Text)[0]) {
					// Show the fullest version, from the article that has it.
					by, speaker, name := r.Quote.By, r.Quote.Speaker, r.Quote.SpeakerName
					other, r.Quote, r.Article = r.Article, q, a
					if q.By == nil {
						r.Quote.By, r.Quote.Speaker, r.Quote.SpeakerName = by, speaker, name
					}
				} else if r.Quote.By == nil && q.By != nil {
					r.Quote.By, r.Quote.Speaker, r.Quote.SpeakerName = q.By, q.Speaker, q.SpeakerName
				}
				if other != r.Article && !slices.Contains(r.Also, other) {
					r.Also = append(r.Also, other)
				}
			}
			for _, k := range keys {
				if _, ok := at[k]; !ok {
					at[k] = i
				}
			}
		}
	}
	for i := range out {
		slices.SortStableFunc(out[i].Also, func(x, y *Article) int { return x.Date.Start.Compare(y.Date.Start) })
	}
	return out
}

// quoteKeys returns the keys a quote is known by: its words without case
// and punctuation, and for a quote of eight words or more its first and
// its last six.
func quoteKeys(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return nil
	}
	keys := []string{"=" + strings.Join(words, " ")}
	if len(words) >= 8 {
		keys = append(keys, "<"+strings.Join(words[:6], " "), ">"+strings.Join(words[len(words)-6:], " "))
	}
	return keys
}

// perSpeaker reorders qs so that each speaker's first n quotes come
// before the others' further ones, keeping the order otherwise.
func perSpeaker(qs []RankedQuote, n int) []RankedQuote {
	count := map[string]int{}
	var head, tail []RankedQuote
	for _, q := range qs {
		who := q.Quote.Speaker
		if who == "" {
			who = "\x00" + strings.ToLower(q.Quote.SpeakerName)
		}
		count[who]++
		if count[who] <= n {
			head = append(head, q)
		} else {
			tail = append(tail, q)
		}
	}
	return append(head, tail...)
}

// CoverageDay is the articles of one day of an event's coverage.
type CoverageDay struct {
	Date       Date
	Articles   []*Article
	Publishers []string // the publishers of the day, in order, each once
}

// CoverageDays returns the event's coverage grouped by publication day,
// oldest first.
func (e *Event) CoverageDays() []CoverageDay {
	var out []CoverageDay
	for _, a := range e.Articles {
		if n := len(out); n == 0 || !out[n-1].Date.Start.Equal(a.Date.Start) {
			out = append(out, CoverageDay{Date: a.Date})
		}
		d := &out[len(out)-1]
		d.Articles = append(d.Articles, a)
		if a.Publisher != "" && !slices.Contains(d.Publishers, a.Publisher) {
			d.Publishers = append(d.Publishers, a.Publisher)
		}
	}
	return out
}

// MaxNewest is how many of an event's newest articles Newest returns.
const MaxNewest = 3

// Newest returns the event's newest articles, newest first, at most
// MaxNewest.
func (e *Event) Newest() []*Article {
	n := min(len(e.Articles), MaxNewest)
	out := make([]*Article, 0, n)
	for i := len(e.Articles) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, e.Articles[i])
	}
	return out
}

// FirstSeen is the date of the first article naming the actor; zero when
// none does.
func (x *Actor) FirstSeen() Date {
	if len(x.Articles) == 0 {
		return Date{}
	}
	return x.Articles[0].Article.Date
}

// LastSeen is the date of the last article naming the actor; zero when
// none does.
func (x *Actor) LastSeen() Date {
	if len(x.Articles) == 0 {
		return Date{}
	}
	return x.Articles[len(x.Articles)-1].Article.Date
}

// LastUpdate is the newest publication or update date of the site's
// articles: when its content last changed, read from the content so that
// a build of the same files is the same whenever it runs.
func (s *Site) LastUpdate() Date {
	var d Date
	for _, a := range s.Articles {
		for _, x := range [2]Date{a.Date, a.Updated} {
			if !x.IsZero() && (d.IsZero() || x.Last().After(d.Last())) {
				d = x
			}
		}
	}
	return d
}
