package resolve

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// The chronology a reader sees is derived, on every Site call, from the
// raw list the Index keeps sorted (every event, and each article's dated
// statements once per date and clause): statements that refer to an
// event the site has are filed under it, and the same development
// reported by several articles becomes one entry listing them all. Both
// need only what link computed per statement (clauseInfo), so the pass
// is linear in the statements and costs a few milliseconds at tens of
// thousands.

// clauseInfo is what the chronology compares of a statement: the
// stemmed content words of its clause (the expression itself left out:
// every statement of one date says it), the actors the clause names, and
// whether it speaks of the future.
type clauseInfo struct {
	words  []string // sorted, unique; an actor named counts as "@slug"
	actors []*model.Actor
	future bool
	event  *model.Event // the event the statement refers to, if any
}

// Similar reports of one date are one development when their words
// overlap by at least sameJaccard (shared over all, Jaccard's index), or
// by sameWithActor when they also name the same person.
const (
	sameJaccard   = 0.4
	sameWithActor = 0.2
	// maxPosting bounds how many entries of a date a word is looked up
	// in: a word most reports of a busy day share tells them apart no
	// better than the date does, and would make the pass quadratic.
	maxPosting = 64
)

// stopWords are left out of the words compared: they say nothing about
// what happened.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but of in on at to for from by with as into onto over
		after before since until than then that this these those there here it its it's he she they them his her
		their we our you your i is are was were be been being has have had do does did not no
		will would shall should can could may might must said says say told according also
		who whom whose which what when where while very more most some any all about up out new`) {
		m[w] = true
	}
	return m
}()

// futureWords mark a clause as speaking of a plan or an expectation.
var futureWords = map[string]bool{"will": true, "shall": true, "expected": true, "expects": true, "due": true,
	"plans": true, "planned": true, "scheduled": true, "intends": true, "upcoming": true}

// stem cuts a lower-case word to a prefix that inflections share:
// "annexes", "annexed" and "annexation" compare alike.
func stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

// wordSpans calls f with each word of s (letters and digits, with inner
// apostrophes and hyphens) and where it is.
func wordSpans(s string, f func(w string, start, end int)) {
	start := -1
	for i, r := range s {
		in := unicode.IsLetter(r) || unicode.IsDigit(r) ||
			start >= 0 && (r == '\'' || r == '’' || r == '-') && i+utf8.RuneLen(r) < len(s)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			f(s[start:i], start, i)
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:], start, len(s))
	}
}

// info computes the clauseInfo of statement d of article a.
func info(a *model.Article, d model.DateMention) clauseInfo {
	clause := d.Clause
	if clause == "" {
		clause = d.Sentence
	}
	// The expression as written, to leave out.
	expr := map[string]bool{}
	wordSpans(strings.ToLower(d.Text), func(w string, _, _ int) { expr[w] = true })

	var ci clauseInfo
	named := make([]bool, len(clause))
	for _, x := range a.Actors {
		for _, name := range actorNames(x) {
			if at := wordIndex(clause, name); at >= 0 {
				for i := at; i < at+len(name); i++ {
					named[i] = true
				}
				if !slices.Contains(ci.actors, x) {
					ci.actors = append(ci.actors, x)
					ci.words = append(ci.words, "@"+x.Slug)
				}
			}
		}
	}
	wordSpans(clause, func(w string, start, _ int) {
		lw := strings.ToLower(w)
		if futureWords[lw] {
			ci.future = true
		}
		if named[start] || stopWords[lw] || expr[lw] || utf8.RuneCountInString(lw) < 3 {
			return
		}
		ci.words = append(ci.words, stem(lw))
	})
	slices.Sort(ci.words)
	ci.words = slices.Compact(ci.words)
	return ci
}

// actorNames are the names an actor is written as.
func actorNames(x *model.Actor) []string {
	out := make([]string, 0, 1+len(x.Aliases)+len(x.Misspellings))
	out = append(out, x.Name)
	out = append(out, x.Aliases...)
	return append(out, x.Misspellings...)
}

// wordIndex is where name stands in s as whole words, -1 if it does not.
func wordIndex(s, name string) int {
	if name == "" {
		return -1
	}
	for from := 0; ; {
		i := strings.Index(s[from:], name)
		if i < 0 {
			return -1
		}
		i += from
		j := i + len(name)
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		after, _ := utf8.DecodeRuneInString(s[j:])
		if (i == 0 || !isWordRune(before)) && (j == len(s) || !isWordRune(after)) {
			return i
		}
		from = i + 1
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sameDevelopment reports whether two statements of one date, sharing
// n words, report the same thing.
func sameDevelopment(p, q *clauseInfo, n int) bool {
	j := float64(n) / float64(len(p.words)+len(q.words)-n)
	if j >= sameJaccard {
		return true
	}
	if j < sameWithActor {
		return false
	}
	for _, x := range p.actors {
		if x.Kind == model.Person && slices.Contains(q.actors, x) {
			return true
		}
	}
	return false
}

// dayKey is a date at a precision: where an event and a statement meet.
type dayKey struct {
	start int64
	p     model.Precision
}

// truncate is the start of the period of precision p holding t.
func truncate(t time.Time, p model.Precision) time.Time {
	y, m, d := t.Date()
	switch p {
	case model.Week:
		wd := (int(t.Weekday()) + 6) % 7 // Monday 0
		return time.Date(y, m, d-wd, 0, 0, 0, 0, time.UTC)
	case model.Month:
		return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	case model.Year:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// maxEventDays bounds how many days of a long event statements are
// matched on day by day; beyond it, by week and coarser.
const maxEventDays = 62

// eventFrame is what the chronology matches statements against: the
// events by each period they fall on at their own precision, by the
// coarser periods they fall in and each word of their titles (a
// statement vaguer than an event must name a word of its title), and
// their titles' words. It depends on the events only, so an Index makes
// it once.
type eventFrame struct {
	at    map[dayKey][]*model.Event
	in    map[dayKey]map[string][]titled
	title map[*model.Event][]string // stems of the title's content words
	// What event tallies, per event by its position in events, the title
	// words a vaguer statement shares with each event it meets: the
	// tally of this call where stamp is gen, and the events met.
	events []*model.Event
	tally  []int32
	stamp  []uint32
	gen    uint32
	met    []int32
}

// titled is an event under a word of its title in eventFrame.in: its
// position in the frame's events, and how many of its title's stems are
// the word.
type titled struct {
	i, n int32
}

func newEventFrame(events []*model.Event) *eventFrame {
	f := &eventFrame{at: map[dayKey][]*model.Event{}, in: map[dayKey]map[string][]titled{}, title: map[*model.Event][]string{},
		events: slices.Clone(events), tally: make([]int32, len(events)), stamp: make([]uint32, len(events))}
	for i, e := range events {
		if e.Date.IsZero() {
			continue
		}
		var ws []string
		wordSpans(e.Title, func(w string, _, _ int) {
			lw := strings.ToLower(w)
			if !stopWords[lw] && utf8.RuneCountInString(lw) >= 4 {
				ws = append(ws, stem(lw))
			}
		})
		f.title[e] = ws
		// Each stem once, with how often the title has it.
		var uniq []titledWord
		for _, w := range ws {
			if j := slices.IndexFunc(uniq, func(u titledWord) bool { return u.w == w }); j >= 0 {
				uniq[j].n++
			} else {
				uniq = append(uniq, titledWord{w, 1})
			}
		}
		last := e.Date.Last()
		if !e.End.IsZero() {
			last = e.End.Last()
		}
		for p := e.Date.Precision; p <= model.Year; p++ {
			// A span touches every period between its ends.
			for t, n := e.Date.Start, 0; !t.After(last) && n < maxEventDays; t, n = t.AddDate(0, 0, 1), n+1 {
				k := dayKey{truncate(t, p).Unix(), p}
				if p == e.Date.Precision {
					if !slices.Contains(f.at[k], e) {
						f.at[k] = append(f.at[k], e)
					}
					continue
				}
				m := f.in[k]
				if m == nil {
					m = map[string][]titled{}
					f.in[k] = m
				}
				for _, u := range uniq {
					// Events are added one after another: one already
					// under the word is the last.
					if l := m[u.w]; len(l) == 0 || l[len(l)-1].i != int32(i) {
						m[u.w] = append(l, titled{int32(i), u.n})
					}
				}
			}
		}
	}
	return f
}

// event returns the event statement d (with ci) refers to, nil when
// none: one on its date, at the coarser of the two precisions, whose
// title shares a word with the clause or whose people, organisations or
// place the clause names (or two of its participants of any kind); of
// several, the one it names most, the first in the chronology on ties.
func (f *eventFrame) event(d model.DateMention, ci *clauseInfo) *model.Event {
	var best *model.Event
	bestScore := 0
	consider := func(e *model.Event, vaguer bool) {
		s := f.score(e, ci, vaguer)
		if s > bestScore || s == bestScore && s > 0 && compareEvents(e, best) < 0 {
			best, bestScore = e, s
		}
	}
	for p := d.Date.Precision; p <= model.Year; p++ {
		for _, e := range f.at[dayKey{truncate(d.Date.Start, p).Unix(), p}] {
			consider(e, false)
		}
	}
	if m := f.in[dayKey{d.Date.Start.Unix(), d.Date.Precision}]; m != nil {
		// The events under the clause's words are tallied as they are
		// met, each word once (ci.words is unique), and scored once each
		// with the tally: a big site has hundreds of events in a year
		// under a common word, and recounting each event's title for
		// every word it shares made the links grow with the square of
		// the site.
		f.gen++
		if f.gen == 0 {
			clear(f.stamp)
			f.gen = 1
		}
		met := f.met[:0]
		for _, w := range ci.words {
			for _, t := range m[w] {
				if f.stamp[t.i] != f.gen {
					f.stamp[t.i], f.tally[t.i] = f.gen, 0
					met = append(met, t.i)
				}
				f.tally[t.i] += t.n
			}
		}
		for _, i := range met {
			e := f.events[i]
			s := f.scoreWith(e, ci, true, int(f.tally[i]))
			if s > bestScore || s == bestScore && s > 0 && compareEvents(e, best) < 0 {
				best, bestScore = e, s
			}
		}
		f.met = met
	}
	return best
}

// titledWord is a stem of an event's title and how often the title has
// it.
type titledWord struct {
	w string
	n int32
}

// score is how strongly a clause points at e; 0 is not at all. A
// statement vaguer than the event ("next week", "in 2022") must name it
// by a word of its title: its participants alone do many things in a
// week or a year.
func (f *eventFrame) score(e *model.Event, ci *clauseInfo, vaguer bool) int {
	title := 0
	for _, w := range f.title[e] {
		if _, ok := slices.BinarySearch(ci.words, w); ok {
			title++
		}
	}
	return f.scoreWith(e, ci, vaguer, title)
}

// scoreWith is score with the number of the title's stems the clause
// names already counted.
func (f *eventFrame) scoreWith(e *model.Event, ci *clauseInfo, vaguer bool, title int) int {
	strong, all := 0, 0
	for _, x := range ci.actors {
		if slices.Contains(e.Actors, x) || e.PlaceActor == x {
			all++
			if x.Kind != model.Country || e.PlaceActor == x {
				strong++
			}
		}
	}
	if title == 0 && (vaguer || strong == 0 && all < 2) {
		return 0
	}
	return 2*title + 2*strong + all
}

// dateGroup is what the reports of one date become: entries, one per
// development, and the statements filed under events.
type dateGroup struct {
	entries []model.ChronoEntry
	linked  []linkedSource
	pass    int // the last chronology pass that met the date
}

type linkedSource struct {
	e   *model.Event
	src model.ChronoSource
}

// chronology derives the chronology from raw, the events and raw
// reports in chronology order, with x.infos. A date's reports are
// derived again only when link or unlink marked the date dirty: an edit
// touches a few dates of thousands. The result reuses the last one's
// room: a Site is valid until the next Add or Remove.
func (x *Index) chronology(raw []model.ChronoEntry) []model.ChronoEntry {
	out := x.chrono[:0]
	also := map[*model.Event][]model.ChronoSource{}
	x.pass++
	for i := 0; i < len(raw); {
		c := raw[i]
		if c.Kind == "event" {
			out = append(out, c)
			i++
			continue
		}
		j := i + 1
		for j < len(raw) && raw[j].Kind == "report" && raw[j].Date == c.Date {
			j++
		}
		g := x.groups[c.Date]
		if g == nil || x.dirty[c.Date] {
			g = x.derive(raw[i:j])
			x.groups[c.Date] = g
		}
		g.pass = x.pass
		out = append(out, g.entries...)
		for _, l := range g.linked {
			also[l.e] = append(also[l.e], l.src)
		}
		i = j
	}
	clear(x.dirty)
	for d, g := range x.groups {
		if g.pass != x.pass {
			delete(x.groups, d)
		}
	}
	for i := range out {
		if e := out[i].Event; e != nil {
			out[i].Sources = also[e]
		}
	}
	x.chrono = out
	return out
}

// derive files the reports of one date: under the event they refer to,
// or merged with a report of the same development, or as a new entry.
func (x *Index) derive(reports []model.ChronoEntry) *dateGroup {
	g := &dateGroup{}
	var infos []*clauseInfo       // of g.entries
	posting := map[string][]int{} // word → indexes in g.entries
	var shared []int              // by index in g.entries: words shared with the report at hand
	var touched []int             // the indexes of shared that are not 0
	for _, c := range reports {
		m := c.Article.Dates[c.N]
		ci := x.infos[c.Article][c.N]
		src := model.ChronoSource{Article: c.Article, N: c.N}
		if e := ci.event; e != nil {
			g.linked = append(g.linked, linkedSource{e, src})
			continue
		}
		// Count the words each earlier entry shares with this one, and
		// visit only those that share one, in order.
		for _, w := range ci.words {
			ps := posting[w]
			for _, k := range ps[:min(len(ps), maxPosting)] {
				if shared[k] == 0 {
					touched = append(touched, k)
				}
				shared[k]++
			}
		}
		slices.Sort(touched)
		merged := false
		for _, k := range touched {
			if !merged && sameDevelopment(infos[k], ci, shared[k]) {
				o := &g.entries[k]
				o.Sources = append(o.Sources, src)
				o.Expected = o.Expected && expected(c.Article, m, ci)
				merged = true
			}
			shared[k] = 0
		}
		touched = touched[:0]
		if merged {
			continue
		}
		c.Sources = []model.ChronoSource{src}
		c.Expected = expected(c.Article, m, ci)
		for _, w := range ci.words {
			posting[w] = append(posting[w], len(g.entries))
		}
		g.entries = append(g.entries, c)
		infos = append(infos, ci)
		shared = append(shared, 0)
	}
	return g
}

// expected reports whether statement d of article a, with ci, speaks of
// something still to come when the article was published: its date is
// after the publication day, or holds it and the clause says "will",
// "expected", "due" or the like.
func expected(a *model.Article, d model.DateMention, ci *clauseInfo) bool {
	if a.Date.IsZero() {
		return false
	}
	pub := a.Date.Start
	if d.Date.Start.After(pub) {
		return true
	}
	return ci.future && !d.Date.Last().Before(pub)
}

// keepStatements returns the indexes of a's dates that enter the
// chronology: those with a calendar date, once per date, and once per
// clause — a clause dated twice ("the talks of Monday and Tuesday") is
// filed under its finest date, the first of those.
func keepStatements(a *model.Article) []int {
	var keep []int
	for i, d := range a.Dates {
		if d.Date.IsZero() {
			continue // durations, sets and PRESENT_REF are no point in time
		}
		dup := false
		for k, j := range keep {
			o := a.Dates[j]
			if o.Date == d.Date {
				dup = true
				break
			}
			if o.Clause != "" && o.Clause == d.Clause {
				if d.Date.Precision < o.Date.Precision {
					keep[k] = i
				}
				dup = true
				break
			}
		}
		if !dup {
			keep = append(keep, i)
		}
	}
	slices.Sort(keep)
	return keep
}
