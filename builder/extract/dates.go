package extract

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/briefhq/brief/builder/model"
)

// Dates finds temporal expressions in the paragraphs of an article and
// normalises them against its publication date as TimeML TIMEX3 types
// and values (guidelines v2, testdata/corpus), calendar points each at
// its own precision:
//
//	on Monday, Tuesday's, last Friday    day; tense decides which Monday
//	yesterday, today, tomorrow           day
//	last/this/next week, month, year     week (ISO), month, year
//	this/last/next weekend, the weekend  2022-W06-WE (Date: that week)
//	in December, since December          month; tense decides the year
//	early/mid-/late December, the end of March, the end of the year
//	7 February 2022, February 7, 2022, Feb. 7, 7 Feb, 2022-02-07   day
//	December 2021                        month
//	in 2014, the 2014 annexation, a 2010 raid, 1957-58   year (not "2014 troops")
//	three days ago, a year ago, six days later   at the unit's precision
//	the next day, the day before (February 24), the same day   day
//	Thursday 28 April, Monday, June 5    day; the weekday picks a missing year
//	the September 11 attacks, 9/11       2001-09-11: a day naming an event (lexicon event-days)
//	the 18th day (of talks), the second day of the conclave   day of its sentence
//	last summer, the first quarter, this fiscal year   2021-SU, 2022-Q1, 2022 (Date: the year)
//	the 1990s, the 20th century          199, 19 (no Date)
//	now, at present, at the time, the future   PRESENT_REF, PAST_REF, FUTURE_REF (no Date)
//	15:00 GMT Saturday, at 5 a.m., Sunday night, this morning   time: 2022-02-26T15:00, …TNI, …TMO
//	for three days, five hours, the past year, for months   duration: P3D, PT5H, P1Y, PXM (no Date)
//	every Monday, daily, each year, twice a week   set: XXXX-WXX-1, P1D, P1Y, P1W (no Date)
//
// Weekdays, months and days written without a year are resolved by the
// tense nearest to them in their sentence: past ("said", "was", -ed verbs,
// "since") picks the latest one not after publication, future ("will",
// "is due to", "expected", "would"; "until" and "through" in a future
// clause) the first one not before it, and with neither the nearest.
// "next"/"last" Monday are the nearest strictly after or before
// publication. The publication's own weekday is the publication day. A
// time of day takes the day written with it, else the day its sentence
// names, else the day last mentioned; "in the afternoon" and "by evening"
// are of the day last mentioned. A paragraph that is a day heading
// ("Tuesday 12 March", "Friday 29 April. At 8.20am …") puts the entries
// under it, their times and "today", on its day. "Today" and the like
// inside a quotation count from the day it was spoken when the paragraph
// names that day outside it (spokenDays). The time stamp opening a
// live-blog entry ("5:30 p.m. — …") is on the entry's day; a time or a
// part of the day in a paragraph that has named no day is on the story's
// day (the first day named outside quotations). Midnight is written as
// the next day's T00:00. "that December" and "the previous November"
// are of the year last mentioned; "the day after the debate" counts from
// "his June 27 debate". An opening dateline a few days before
// publication ("CAPE CANAVERAL, Fla., April 24 — …") is the day "this
// morning" and "tomorrow" count from, and so is the day an interview's
// introduction names ("We spoke to her … on Tuesday") for its
// transcript's "Q:" and "A:" paragraphs; a night with no day told in the
// past ("through the night"), also after "this morning" or "today", is
// the night before the day read on; "after a weekend of talks" is the
// weekend just gone; a curfew's hours ("from 10 p.m. to 5 a.m.") are of
// no one day (XXXX-XX-XXT22:00); "over the
// next year", "over the previous day" and "its first weeks" are
// durations; "60 euros a day" is a set. Only expressions with a
// calendar point or span get a Date, so durations, sets and references
// never enter a chronology. With a zero publication date only absolute
// expressions are found. The words are in lexicon/en.
func Dates(paras []string, published model.Date) []model.DateMention {
	var d dateScanner
	sc := scratchPool.Get().(*scratch)
	d.toks, d.sents = sc.toks, sc.sents
	d.quoted, d.counts, d.quotes, d.pending, d.events = sc.quoted, sc.counts, sc.quotes, sc.pending, sc.events
	d.pub = published.Start
	d.hasPub = !published.IsZero()
	d.anchor = d.pub
	var out []model.DateMention
	for pi, p := range paras {
		if len(out) > MaxDates {
			break // Article keeps no more; reading on would only cost
		}
		out = d.para(pi, p, out)
	}
	sc.toks, sc.sents = d.toks[:0], d.sents[:0]
	sc.quoted, sc.counts, sc.quotes, sc.pending, sc.events = d.quoted[:0], d.counts[:0], d.quotes[:0], d.pending[:0], d.events[:0]
	scratchPool.Put(sc)
	return out
}

type dateScanner struct {
	pub    time.Time
	hasPub bool
	anchor time.Time // the day last mentioned, for "the next day"
	// entry is the day of the entry being read: the day a heading
	// paragraph of a live blog or chronology names ("Tuesday 12 March",
	// "Friday 29 April. At 8.20am …"), zero before any.
	entry time.Time
	// dateline is the day an article's opening dateline names when it is
	// before publication ("CAPE CANAVERAL, Fla., April 24 — …" in the
	// next day's paper): the day the story is told on, zero if none.
	dateline time.Time
	// interview is the day an interview's introduction names when it is
	// before publication ("We spoke to her … on Tuesday" in Wednesday's
	// paper); talk marks a paragraph of its transcript ("Q: …", "A: …"),
	// whose "last night" and "today" count from that day.
	interview time.Time
	talk      bool
	// p0 and n0 are the first paragraph and how many expressions it
	// gave, read for an interview's day only once a transcript's
	// paragraph comes (interviewRead), so other articles pay nothing.
	p0            string
	n0            int
	interviewRead bool
	toks          []token
	sents         []span
	p             string
	sent          span // sentence of the current expression
	// A rule whose TIMEX3 type or value is not the date's own sets them
	// ("" is a date valued Date.String()); clock is the time of a time
	// of day whose day its sentence gives ("T05:00").
	typ, val, clock string
	// clockHalf marks a clock that says its half of the day ("5 p.m.",
	// "17:00"); "3:25" and "ten o'clock" do not.
	clockHalf bool
	// ordinalDay marks "the second day of the talks": a day its sentence
	// or the day last mentioned gives, placed like a time of day.
	ordinalDay bool
	// fromToday marks an expression counted from the day it is read on
	// ("today", "tonight", "yesterday", "last night"); quoted collects
	// them per paragraph so that a quote's are moved to the day it was
	// spoken (spokenDays).
	fromToday bool
	quoted    []int
	// counted marks an expression whose day is counted from another
	// ("a day earlier", "the next day", "two days later", "that
	// afternoon", "by evening"); counts collects them, and the times of
	// day placed on the day of their sentence, per paragraph: such a day
	// tells nothing of the day a quote was spoken on.
	counted bool
	counts  []int
	// scene is the day the article's story is on: the first day it names
	// outside quotations that is not counted from another (the lead's
	// "on Tuesday"), or the day of the last heading. A quote in a later
	// paragraph that names no day of its own was spoken on it.
	scene time.Time
	// cueAt is the token of the tense cue tense last chose, -1 for none.
	cueAt   int
	quotes  []quoteSpan
	pending []pendingTime
	// events are the days of events a day named as a modifier ("his June
	// 27 debate", "Sunday's vote"), by the words after it, for "the day
	// after the debate": the last maxEvents noted, nEvents in all (a
	// slice kept in the scratch pool, so that noting one allocates
	// nothing and the scanner stays small to copy).
	events  []eventNote
	nEvents int
	// fromDay is the day of the last expression opened by "from" ("from
	// 5 p.m. on Saturday"), in the sentence starting at byte fromSent;
	// after is that day while an expression opened by "until", "till"
	// or "through" in the same sentence is read: the weekday it names is
	// the first on or after it ("until 8 a.m. on Monday").
	fromDay  time.Time
	fromSent int
	after    time.Time
	// lastDate is the calendar point or span last mentioned, at its own
	// precision: "that December", "the previous November" are of its
	// year.
	lastDate model.Date
	// paraNamed marks a paragraph that has named a day so far: one that
	// has not puts its times and parts of the day on the story's day
	// (scene), not on a day an earlier paragraph named last.
	paraNamed bool
	// paraOther marks a paragraph that has named a day other than by
	// counting from the day it is read on: "this morning" leaves a night
	// told in the past the night just gone, "on Monday" does not.
	paraOther bool
}

// eventNote is a word noted after a day named as a modifier, and the day.
type eventNote struct {
	word string
	day  time.Time
}

// maxEvents is how many noted event words the scanner keeps.
const maxEvents = 8

// event returns the day noted for word w (lower case).
func (d *dateScanner) event(w string) (time.Time, bool) {
	n := min(d.nEvents, len(d.events))
	for k := 0; k < n; k++ {
		// Newest first: a later "Sunday's vote" replaces an earlier one.
		e := d.events[(d.nEvents-1-k)%maxEvents]
		if e.word == w {
			return e.day, true
		}
	}
	return time.Time{}, false
}

// pendingTime is a time of day found before the day it is on: its index
// in the output and its sentence.
type pendingTime struct {
	k      int
	sent   span
	clock  string
	anchor time.Time // the day last mentioned before it
	// stamp marks the time stamp of a live-blog entry ("5:30 p.m. —
	// Con Edison says …"): it is on the day the entry is read on, not
	// on a day its sentence names.
	stamp bool
	// undated marks a clock time of hours kept every day ("a curfew
	// from 10 p.m. to 5 a.m."): it is on no one day.
	undated bool
}

// day is the day "today", "tonight" and "this evening" mean: the day of
// the entry under a heading, else the publication day. It marks the
// expression being read as counted from that day.
func (d *dateScanner) day() time.Time {
	d.fromToday = true
	return d.readDay()
}

// readDay is the day the current paragraph is read on: the day of its
// entry under a heading, else the publication day.
func (d *dateScanner) readDay() time.Time {
	if !d.entry.IsZero() {
		return d.entry
	}
	if d.talk && !d.interview.IsZero() {
		return d.interview
	}
	if !d.dateline.IsZero() {
		return d.dateline
	}
	return d.pub
}

// direction is what the context says about an expression's time.
type direction int8

const (
	dirNone         direction = iota
	dirPast                   // not after publication
	dirFuture                 // not before publication
	dirStrictPast             // before publication ("last Monday")
	dirStrictFuture           // after publication ("next Monday")
	dirSince                  // not after publication, said by "since": no mere hint
	// dirPresent is a present-tense cue (lexicon tense-present): it ends
	// tense's search and reads as dirNone.
	dirPresent
)

// Time words, read from the lexicon (lexicon/en/*.txt).
var (
	weekdayNames = func() map[string]time.Weekday {
		m := map[string]time.Weekday{}
		for w, v := range lexiconInts("weekdays") {
			m[w] = time.Weekday(v % 7)
		}
		return m
	}()
	monthNames = func() map[string]time.Month {
		m := map[string]time.Month{}
		for w, v := range lexiconInts("months") {
			m[w] = time.Month(v)
		}
		return m
	}()
	// relDays are single words naming a day relative to publication.
	relDays = lexiconInts("relative-days")
)

// Periods of "last/this/next PERIOD" and "N PERIODs ago".
var periodUnits = func() map[string]model.Precision {
	m := map[string]model.Precision{}
	for w, u := range timeUnits {
		switch u {
		case "D":
			m[w] = model.Day
		case "W":
			m[w] = model.Week
		case "M":
			m[w] = model.Month
		case "Y":
			m[w] = model.Year
		}
	}
	return m
}()

// Words before a month name that make it one ("in May", not "may").
var monthContext = wordSet("in", "since", "by", "until", "till", "from", "of", "early", "mid", "late", "last", "next",
	"this", "during", "before", "after", "through", "throughout", "between", "and", "to", "on", "around")

// Words before a four-digit number that make it a year.
var yearContext = wordSet("in", "since", "by", "until", "till", "from", "of", "between", "and", "to", "during",
	"before", "after", "early", "late", "mid", "around", "through", "throughout", "the", "spring", "summer",
	"autumn", "fall", "winter", "circa", "year", "s")

// Words after "for" and a number that make it a year (lexicon
// year-after-for).
var yearAfterFor = lexiconWordSet("year-after-for")

// Determiners and possessives before a year used as a modifier: "a 2010
// raid", "his 2007 campaign", "that 2020 agreement" (not "their 2000
// soldiers", a count).
var yearDeterminers = wordSet("a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that")

// Edges of the day ("by daybreak", lexicon day-edges) and the words
// before them that make them a time (day-edge-before).
var (
	dayEdges      = lexiconMap("en", "day-edges")
	dayEdgeBefore = lexiconWordSet("day-edge-before")
	// matchCore reads every word that may start an expression: the
	// filter spares most of them the lookup.
	dayEdgeFilter = newWordFilter(dayEdges)
)

// Words before "a weekend" that make it the weekend just gone (lexicon
// weekend-after).
var weekendAfter = lexiconWordSet("weekend-after")

// Nouns of hours kept every day ("a curfew from 10 p.m."; lexicon
// undated-time-nouns).
var undatedTimeNouns = lexiconWordSet("undated-time-nouns")

// undatedClock reports whether a clock time at token i with no day of
// its own tells hours kept every day: a noun of such hours ("curfew")
// at most eight tokens before it in its sentence ("a curfew from 10
// p.m."), or the end of a range whose start is such a time ("a curfew
// imposed from 10 p.m. to 5 a.m.").
func (d *dateScanner) undatedClock(i int) bool {
	if n := len(d.pending); n > 0 && d.pending[n-1].undated && d.pending[n-1].sent == d.sent && (d.isWord(i-1, "to") || d.isWord(i, "until") || d.isWord(i, "till")) {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-8 && d.toks[k].start >= d.sent.start; k-- {
		if d.toks[k].kind == tWord && inSet(undatedTimeNouns, d.word(k)) {
			return true
		}
	}
	return false
}

// Determiners before "first" and a unit that make it a span (lexicon
// first-span-before).
var firstSpanBefore = lexiconWordSet("first-span-before")

// firstSpan reads "its first day", "the first weeks", "the first minute"
// at token i ("first"): the span of one such unit from a beginning (P1D),
// or of some for a plural (PXW). "the first day of the trial" (a day of
// an event) and "the end of the first week" (a point) are left to other
// rules, and so is a unit in capitals.
func (d *dateScanner) firstSpan(i int) (int, model.Date, bool) {
	u := d.word(i + 1)
	code, ok := lookup(timeUnits, u)
	if !ok || !isLowerWord(u) || i+1 >= len(d.toks) || d.toks[i+1].kind != tWord || !inSet(firstSpanBefore, d.word(i-1)) || d.isWord(i+2, "of") || d.isWord(i-2, "of") {
		return 0, model.Date{}, false
	}
	q, n := "1", 1.0
	if strings.HasSuffix(u, "s") {
		q = "X"
	}
	d.typ, d.val = model.TypeDuration, durationValue(q, n, code)
	return i + 2, model.Date{}, true
}

// Words between a determiner and a number that make it a count ("the
// estimated 2000 dead"; lexicon count-adjectives).
var countAdjectives = lexiconWordSet("count-adjectives")

// Nouns after a year that make it one: "below 2005 levels" (lexicon
// year-nouns).
var yearNouns = lexiconWordSet("year-nouns")

// Words after which a weekday or month refers to the past or future.
var (
	futureCues  = lexiconWordSet("tense-future")
	pastCues    = lexiconWordSet("tense-past")
	presentCues = lexiconWordSet("tense-present")
	// tense reads many words: the filter spares most of them the lookup.
	presentCueFilter = newWordFilter(presentCues)
	// -ed words that are no past tense.
	edNotPast = lexiconWordSet("tense-not-past")
	// Words before an -ed form that make it passive or adjectival, not past.
	// participleNext are the words after a capitalised participle that
	// opens a sentence ("Asked on Monday", "Questioned about …").
	// intentVerbs take an infinitive that looks ahead ("vowed to").
	intentVerbs      = lexiconWordSet("tense-intent")
	participleNext   = wordSet("on", "about", "by", "in", "at", "whether", "if", "why", "what", "how", "after")
	beforeParticiple = wordSet("is", "are", "be", "been", "being", "am", "will", "to", "the", "a", "an", "would")
)

func (d *dateScanner) para(pi int, p string, out []model.DateMention) []model.DateMention {
	d.p = p
	d.toks = tokenize(p, d.toks)
	d.sents = d.sents[:0]
	d.pending = d.pending[:0]
	d.quoted = d.quoted[:0]
	d.counts = d.counts[:0]
	d.quotes = d.quotes[:0]
	d.paraNamed, d.paraOther = false, false
	d.talk = isTranscript(p)
	if d.talk && !d.interviewRead && d.hasPub {
		d.interviewRead = true
		d.interview = interviewDay(d.p0, out[:d.n0], d.pub)
	}
	first := len(out)
	if !d.entry.IsZero() {
		d.anchor = d.entry // an entry's times are on its own day
	}
	sentsDone := false
	toks := d.toks
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.kind == tPunct {
			i++
			continue
		}
		// Cheap filter: only words that can start an expression, and numbers.
		if t.kind == tWord && !d.maybeStart(p[t.start:t.end]) {
			i++
			continue
		}
		if !sentsDone {
			d.sents = sentences(p, d.sents)
			sentsDone = true
		}
		d.sent = sentenceAt(d.sents, t.start, len(p))
		d.typ, d.val, d.clock, d.ordinalDay, d.fromToday, d.counted = "", "", "", false, false, false
		j, date, ok := d.match(i)
		if !ok {
			i++
			continue
		}
		start, end := toks[i].start, toks[j-1].end
		s := d.sent
		if e := sentenceAt(d.sents, end-1, len(p)); e.end > s.end {
			s.end = e.end // an expression never splits its sentence
		}
		if d.clock != "" && strings.HasSuffix(p[start:end], "m.") && end >= s.end-1 {
			// "at 1:14 p.m. (1814 GMT) on Tuesday": the full stop of
			// "p.m." ends no sentence before a bracket or a lower-case
			// word.
			if k := end + len(p[end:]) - len(strings.TrimLeft(p[end:], " ")); k < len(p) && (p[k] == '(' || p[k] >= 'a' && p[k] <= 'z') {
				if e := sentenceAt(d.sents, k, len(p)); e.end > s.end {
					s.end = e.end
				}
			}
		}
		typ, val := d.typ, d.val
		if typ == "" {
			typ = model.TypeDate
		}
		if val == "" {
			val = date.String()
		}
		if d.clock != "" || d.ordinalDay {
			pt := pendingTime{len(out), s, d.clock, d.anchor, false, d.clock != "" && date.IsZero() && d.undatedClock(i)}
			if d.clock != "" && date.IsZero() && d.hasPub && isStamp(p, start, end) {
				pt.anchor, pt.stamp = d.readDay(), true
				d.anchor = pt.anchor // the entry's own day, for "in the afternoon" after it
			}
			d.pending = append(d.pending, pt)
		}
		if d.fromToday && !date.IsZero() {
			d.quoted = append(d.quoted, len(out))
		}
		if d.counted || d.clock != "" || d.ordinalDay {
			d.counts = append(d.counts, len(out)) // its day is another's
		}
		out = append(out, model.DateMention{Text: p[start:end], Type: typ, Value: val, Date: date, Sentence: p[s.start:s.end], Para: pi, Start: start, End: end})
		if !date.IsZero() {
			d.lastDate = date
		}
		if date.Precision == model.Day && !date.IsZero() {
			d.paraNamed = true
			if !d.fromToday || !date.Start.Equal(d.readDay()) {
				d.paraOther = true // "On Saturday", not "this morning"
			}
			if !(d.counted && typ == model.TypeTime) {
				// A part of a day counted from another ("the night
				// before") leaves the day it counts from the one
				// "that morning" and "the next day" count from.
				d.anchor = date.Start
			}
			d.noteEvent(i, j, date.Start)
			if d.isWord(i, "from") {
				d.fromDay, d.fromSent = date.Start, d.sent.start
			}
		}
		if len(out) == first+1 {
			if h, ok := heading(p, out[first:]); ok {
				d.entry = h // "Wednesday 4 May. … recorded today": the entry's own day
			}
			if first == 0 && d.hasPub {
				d.dateline = datelineDay(p, out[0], d.pub)
			}
		}
		i = j
	}
	for _, pt := range d.pending {
		d.placeTime(out, first, pt)
	}
	if pi == 0 {
		d.p0, d.n0 = p, len(out)
	}
	if len(d.quoted) > 0 {
		d.spokenDays(out, first)
		// The day last mentioned is the one a moved expression is on
		// now: "‘From tonight …’" said last night leaves last night's
		// day for "a day earlier" in the next paragraph.
		for k := len(out) - 1; k >= first; k-- {
			if o := out[k].Date; o.Precision == model.Day && !o.IsZero() {
				d.anchor = o.Start
				break
			}
		}
	}
	if h, ok := heading(p, out[first:]); ok {
		d.entry, d.scene = h, h
	} else if d.scene.IsZero() {
		d.scene = d.sceneDay(out, first)
	}
	return out
}

// sceneDay is the first day out[first:] names outside quotations that is
// not counted from another day, or zero.
func (d *dateScanner) sceneDay(out []model.DateMention, first int) time.Time {
	for k := first; k < len(out); k++ {
		o := out[k]
		if o.Date.Precision != model.Day || o.Date.IsZero() || d.isCount(k) {
			continue
		}
		if len(d.quotes) == 0 {
			d.quotes = findQuoteSpans(d.p, d.quotes)
		}
		if !d.inQuote(o.Start) {
			return o.Date.Start
		}
	}
	return time.Time{}
}

// isCount reports whether output k was counted from another day.
func (d *dateScanner) isCount(k int) bool {
	for _, c := range d.counts {
		if c == k {
			return true
		}
	}
	return false
}

// spokenDays moves "today", "tonight", "yesterday" and the like inside a
// quotation to the day it was spoken, when the paragraph names that day
// outside the quotation: in a Monday paper, "“Today democracy has won,”
// he said late on Sunday" is Sunday's. The day must fall in the week
// before the day the words were read from (a quote is spoken before it is
// reported), and is the one named in the quote's sentence, else the
// nearest named before it in the paragraph, else the first named after
// it ("… said: “Today the armed forces have disgraced themselves.” …
// not including Saturday's dead"); a paragraph that names no
// day outside its quotations takes the story's day (d.scene: "Holmes was
// sentenced on Friday" in a Saturday paper, then a paragraph of her
// words, “Today I can only say I am sorry”). A day counted from another
// ("a day earlier") is never the day of speaking. out[first:] are the
// paragraph's expressions.
func (d *dateScanner) spokenDays(out []model.DateMention, first int) {
	if len(d.quotes) == 0 {
		d.quotes = findQuoteSpans(d.p, d.quotes)
	}
	if len(d.quotes) == 0 {
		return
	}
	read := d.readDay()
	for _, r := range d.quoted {
		m := &out[r]
		if !d.inQuote(m.Start) {
			continue
		}
		spoken, ok := d.spokenDay(out, first, r, read)
		old := m.Date.String()
		if !ok || !strings.HasPrefix(m.Value, old) {
			continue
		}
		if m.Date.Precision == model.Week {
			// The same number of weeks from the week it was spoken in.
			m.Date = shift(spoken, model.Week, daysBetween(shift(d.pub, model.Week, 0).Start, m.Date.Start)/7)
		} else {
			m.Date.Start = spoken.AddDate(0, 0, daysBetween(read, m.Date.Start))
		}
		m.Value = m.Date.String() + strings.TrimPrefix(m.Value, old)
	}
}

// spokenDay is the day named outside quotations that the quoted
// expression out[r] is spoken on, as spokenDays describes.
func (d *dateScanner) spokenDay(out []model.DateMention, first, r int, read time.Time) (time.Time, bool) {
	m := out[r]
	var best, after time.Time
	found, same, named := false, false, false
	for k := first; k < len(out); k++ {
		o := out[k]
		if k == r || o.Date.Precision != model.Day || o.Date.IsZero() || d.inQuote(o.Start) || d.isCount(k) {
			continue
		}
		named = true
		day := o.Date.Start
		if !spokenBefore(day, read) {
			continue
		}
		inSentence := o.Sentence == m.Sentence
		switch {
		case inSentence && (!same || o.Start < m.Start):
			best, found, same = day, true, true // the first in the sentence
		case !found && o.Start < m.Start:
			best, found = day, true // the first of the paragraph, which sets its scene
		case !found && after.IsZero():
			after = day // "… not including Saturday's dead" after the quote
		}
	}
	if !found && !after.IsZero() {
		return after, true
	}
	if !named && spokenBefore(d.scene, read) {
		// A paragraph that names no day of its own is on the story's
		// day, named in an earlier one.
		return d.scene, true
	}
	return best, found
}

// spokenBefore reports whether words read on day read can have been
// spoken on day: in the week before it.
func spokenBefore(day, read time.Time) bool {
	return !day.IsZero() && day.Before(read) && daysBetween(day, read) <= 7
}

// inQuote reports whether byte offset i of the paragraph is inside one of
// the quotations d.quotes holds.
func (d *dateScanner) inQuote(i int) bool {
	for _, q := range d.quotes {
		if i >= q.start && i < q.end {
			return true
		}
	}
	return false
}

// daysBetween counts the calendar days from a to b.
func daysBetween(a, b time.Time) int {
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// heading returns the day a paragraph opens with when it is a heading of
// a live blog or chronology: a day written with digits ("Tuesday 12
// March", "1 May") standing alone or closed by a full stop, colon or
// dash ("Friday 29 April. At 8.20am …"). Later paragraphs read "today"
// and their times against it.
func heading(p string, ms []model.DateMention) (time.Time, bool) {
	if len(ms) == 0 {
		return time.Time{}, false
	}
	m := ms[0]
	if m.Type != model.TypeDate || m.Date.Precision != model.Day || m.Date.IsZero() ||
		strings.TrimSpace(p[:m.Start]) != "" || !strings.ContainsAny(m.Text, "0123456789") {
		return time.Time{}, false
	}
	rest := strings.TrimSpace(p[m.End:])
	if rest == "" || strings.HasPrefix(rest, ".") || strings.HasPrefix(rest, ":") ||
		strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") {
		return m.Date.Start, true
	}
	return time.Time{}, false
}

// datelineDay returns the day of an article's opening dateline, m, when
// it is one to three days before publication, pub: "CAPE CANAVERAL,
// Fla., April 24 — … at 8:33 this morning" in an April 25 paper was told
// on April 24, so its "this morning" and "tomorrow" count from then. A
// dateline is a place in capitals (and a region after a comma) before
// the date, and a dash after it, with a wire's name in brackets between.
func datelineDay(p string, m model.DateMention, pub time.Time) time.Time {
	if m.Type != model.TypeDate || m.Date.Precision != model.Day || m.Date.IsZero() {
		return time.Time{}
	}
	if ago := pub.Sub(m.Date.Start).Hours() / 24; ago < 1 || ago > 3 {
		return time.Time{}
	}
	place := strings.TrimSpace(p[:m.Start])
	if !strings.HasSuffix(place, ",") || len(place) < 3 || len(place) > 60 {
		return time.Time{}
	}
	if c := place[0]; c < 'A' || c > 'Z' {
		return time.Time{}
	}
	city, _, _ := strings.Cut(place, ",")
	for _, c := range city {
		if unicode.IsLower(c) {
			return time.Time{}
		}
	}
	rest := strings.TrimSpace(p[m.End:])
	if strings.HasPrefix(rest, "(") {
		if k := strings.IndexByte(rest, ')'); k > 0 && k < 20 {
			rest = strings.TrimSpace(rest[k+1:])
		}
	}
	if strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "- ") || strings.HasPrefix(rest, "-- ") {
		return m.Date.Start
	}
	return time.Time{}
}

// isTranscript reports whether paragraph p is a question or an answer of
// an interview's transcript: it opens with "Q:" or "A:".
func isTranscript(p string) bool {
	p = strings.TrimLeft(p, " \u00a0")
	return strings.HasPrefix(p, "Q:") || strings.HasPrefix(p, "A:")
}

// interviewDay returns the day an interview was held on when the
// article's first paragraph, p, introduces one (lexicon interview-verbs:
// "We spoke to her by telephone … a few hours later", "spoke to us on
// Tuesday evening") and the last day it names, of ms, is one to three
// days before publication, pub; else zero. The transcript's "last night"
// was the night before that day, not before publication.
func interviewDay(p string, ms []model.DateMention, pub time.Time) time.Time {
	found := false
	for _, v := range interviewVerbs {
		if strings.Contains(p, " "+v+" ") {
			found = true
			break
		}
	}
	if !found {
		return time.Time{}
	}
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k].Date
		if m.Precision != model.Day || m.IsZero() {
			continue
		}
		if ago := pub.Sub(m.Start).Hours() / 24; ago >= 1 && ago <= 3 {
			return m.Start
		}
		return time.Time{}
	}
	return time.Time{}
}

// isStamp reports whether the time at p[start:end] is the stamp of a
// live-blog entry: it opens the paragraph and a dash or colon follows
// ("6:55 p.m. — The mayor said …", "9.05pm: Black smoke …").
func isStamp(p string, start, end int) bool {
	if strings.TrimSpace(p[:start]) != "" {
		return false
	}
	rest := strings.TrimLeft(p[end:], " \u00a0")
	return strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "- ")
}

// placeTime gives a time of day the day its sentence names, the nearest
// before it first ("on Thursday … at 5 a.m."), then after it, else the
// day last mentioned (the publication day when none was); with none of them it stays on an unknown day
// (XXXX-XX-XXT05:00). out[first:] are the paragraph's expressions.
func (d *dateScanner) placeTime(out []model.DateMention, first int, pt pendingTime) {
	m := &out[pt.k]
	var day model.Date
	if pt.stamp {
		m.Date = model.Date{Start: pt.anchor, Precision: model.Day}
		m.Value = clockValue(m.Date, pt.clock)
		return
	}
	if pt.undated {
		m.Value = "XXXX-XX-XX" + pt.clock
		return
	}
	for k := pt.k - 1; k >= first && out[k].Start >= pt.sent.start; k-- {
		if o := out[k]; o.Date.Precision == model.Day && !o.Date.IsZero() {
			day = o.Date
			break
		}
	}
	for k := pt.k + 1; day.IsZero() && k < len(out) && out[k].Start < pt.sent.end; k++ {
		if o := out[k]; o.Date.Precision == model.Day && !o.Date.IsZero() {
			day = o.Date
		}
	}
	if day.IsZero() && d.hasPub {
		day = model.Date{Start: pt.anchor, Precision: model.Day}
		named := false
		for k := first; k < pt.k; k++ {
			if o := out[k]; o.Date.Precision == model.Day && !o.Date.IsZero() {
				named = true
			}
		}
		if !named && !d.scene.IsZero() && d.entry.IsZero() {
			day.Start = d.scene
		}
	}
	if day.IsZero() {
		m.Value = "XXXX-XX-XX" + pt.clock
		return
	}
	m.Date = day
	m.Value = clockValue(day, pt.clock)
}

var startWords = func() map[string]struct{} {
	m := wordSet("on", "since", "by", "until", "till", "in", "from", "early", "mid", "late", "last", "this", "next",
		"the", "a", "an", "another", "over", "later", "earlier", "end", "start", "beginning", "during", "at", "for", "within",
		"through", "throughout", "every", "each", "once", "twice", "per", "several", "few", "many", "that",
		"fiscal", "fy", "q1", "q2", "q3", "q4", "noon", "midday", "midnight")
	for _, words := range []map[string]time.Weekday{weekdayNames} {
		for k := range words {
			m[k] = struct{}{}
		}
	}
	for k := range monthNames {
		m[k] = struct{}{}
	}
	for _, words := range []map[string]int{relDays, lexiconInts("ordinals")} {
		for k := range words {
			m[k] = struct{}{}
		}
	}
	for _, words := range []map[string]string{timeUnits, seasonCodes, setWords} {
		for k := range words {
			m[k] = struct{}{}
		}
	}
	for k := range timeRefs {
		m[k] = struct{}{} // first words of the phrases
	}
	for k := range dayEdges {
		m[k] = struct{}{}
	}
	for k := range numberWords {
		m[k] = struct{}{}
	}
	return m
}()

func (d *dateScanner) maybeStart(w string) bool { return inSet(startWords, w) }

func (d *dateScanner) word(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.p[d.toks[i].start:d.toks[i].end]
}

func (d *dateScanner) isWord(i int, w string) bool {
	if i < 0 || i >= len(d.toks) || d.toks[i].kind != tWord {
		return false
	}
	s := d.word(i)
	if len(s) != len(w) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// possessive reports whether word i is followed by "'s": in "by
// evening's end" the part of the day qualifies a noun and is no time.
func (d *dateScanner) possessive(i int) bool {
	return d.adjacent(i) && isApostrophe(d.word(i+1)) && d.isWord(i+2, "s")
}

// adjacent reports whether tokens i and i+1 touch.
func (d *dateScanner) adjacent(i int) bool {
	return i >= 0 && i+1 < len(d.toks) && d.toks[i].end == d.toks[i+1].start
}

// match tries every rule at token i and returns the end of the expression.
// Prepositions that open an expression ("on", "since", "for") are part of
// it; a phrase that holds one ("at present", "in the past") is tried
// first.
func (d *dateScanner) match(i int) (int, model.Date, bool) {
	if j, ok := d.reference(i); ok {
		return j, model.Date{}, true
	}
	dir := dirNone
	core := i
	d.after = time.Time{}
	switch {
	case d.isWord(i, "since"):
		dir, core = dirSince, i+1
	case d.isWord(i, "until"), d.isWord(i, "till"), d.isWord(i, "through"), d.isWord(i, "throughout"):
		// "will stay until June": a future clause keeps the coming one.
		if d.sentenceFuture(i) {
			dir = dirFuture
		}
		if !d.fromDay.IsZero() && d.fromSent == d.sent.start && !d.isWord(i, "throughout") {
			d.after = d.fromDay // "from noon on Thursday until 5 a.m. on Friday"
		}
		core = i + 1
	case d.isWord(i, "on"), d.isWord(i, "by"), d.isWord(i, "in"), d.isWord(i, "from"), d.isWord(i, "during"),
		d.isWord(i, "at"), d.isWord(i, "for"), d.isWord(i, "within"), d.isWord(i, "over"):
		core = i + 1
	}
	j, date, ok := d.matchCore(core, dir)
	d.after = time.Time{}
	if !ok {
		return 0, model.Date{}, false
	}
	if d.typ == "" && d.val == "" && date.Precision == model.Day && !date.IsZero() {
		j = d.clockAfter(j, date) // "Saturday at 15:00 GMT"
	}
	return j, date, true
}

func (d *dateScanner) matchCore(i int, dir direction) (int, model.Date, bool) {
	if i >= len(d.toks) {
		return 0, model.Date{}, false
	}
	t := d.toks[i]
	if t.kind == tNum {
		if j, date, ok := d.slashEventDay(i); ok {
			return j, date, true
		}
		if j, date, ok := d.numericDate(i, dir); ok {
			return j, date, true
		}
		if d.hasPub {
			if j, date, ok := d.ago(i); ok {
				return j, date, true
			}
		}
		if j, ok := d.clockTime(i); ok {
			return d.timeDay(j)
		}
		if j, date, ok := d.amount(i); ok {
			return j, date, true
		}
		return d.yearOrDecade(i, dir)
	}
	if t.kind != tWord {
		return 0, model.Date{}, false
	}
	w := d.word(i)
	if m, ok := lookup(monthNames, w); ok {
		return d.monthFirst(i, m, dir)
	}
	if d.isWord(i, "the") && i+1 < len(d.toks) && d.toks[i+1].kind == tNum {
		if j, date, ok := d.numericDate(i+1, dir); ok {
			return j, date, true
		}
		if j, date, ok := d.century(i + 1); ok {
			return j, date, true
		}
		if j, date, ok := d.yearOrDecade(i+1, dir); ok {
			return j, date, true
		}
		return d.eventDay(i) // "the 18th day of the talks"
	}
	if d.isWord(i, "early") || d.isWord(i, "mid") || d.isWord(i, "late") {
		k := i + 1
		if k < len(d.toks) && isHyphen(d.word(k)) {
			k++
		}
		if m, ok := lookup(monthNames, d.word(k)); ok && d.toks[k].kind == tWord {
			if j, date, ok := d.monthFirst(k, m, dir); ok && date.Precision == model.Month {
				return j, date, true
			}
		}
		if k < len(d.toks) && d.toks[k].kind == tNum {
			if j, date, ok := d.yearOrDecade(k, dir); ok {
				return j, date, true
			}
		}
		if _, ok := lookup(seasonCodes, d.word(k)); ok && !d.isWord(k, "fall") {
			return d.season(i, k, dir)
		}
		if pod, ok := lookup(partsOfDay, d.word(k)); ok && isLowerWord(d.word(k)) && !d.isWord(k, "tonight") && !d.isWord(k+1, "of") &&
			(d.isWord(i-1, "the") && (d.isWord(i-2, "in") || d.isWord(i-2, "by") || d.isWord(i-2, "during")) && !d.isWord(i, "mid") ||
				inSet(dayEdgeBefore, d.word(i-1))) {
			// "in the late afternoon": that part of the day, as "in the
			// afternoon" is.
			d.counted = true
			return d.partOfDay(k+1, model.Date{Start: d.podDay(), Precision: model.Day}, pod)
		}
		if d.isWord(i, "late") || d.isWord(i, "early") {
			// "late on Monday"
			if d.isWord(k, "on") {
				return d.matchCore(k+1, dir)
			}
		}
		return 0, model.Date{}, false
	}
	if (d.isWord(i, "end") || d.isWord(i, "start") || d.isWord(i, "beginning") || d.isWord(i, "middle")) && d.isWord(i+1, "of") {
		return d.partOf(i+2, dir)
	}
	if j, date, ok := d.timexWord(i, dir); ok {
		return j, date, true
	}
	if !d.hasPub {
		return 0, model.Date{}, false
	}
	if wd, ok := lookup(weekdayNames, w); ok && isCapitalized(w) {
		if j, date, ok := d.weekdayDate(i+1, wd, dir); ok {
			return j, date, true // "Thursday 28 April", "Monday, June 5"
		}
		return d.weekday(i, i+1, wd, dir)
	}
	if pod, ok := lookup(partsOfDay, w); ok && d.isWord(i-1, "by") && !d.isWord(i, "tonight") && !d.isWord(i+1, "of") && !d.possessive(i) {
		// "By evening": that part of the day last named.
		d.counted = true
		return d.partOfDay(i+1, model.Date{Start: d.podDay(), Precision: model.Day}, pod)
	}
	if dayEdgeFilter.may(w) {
		if pod, ok := lookup(dayEdges, w); ok && isLowerWord(w) && inSet(dayEdgeBefore, d.word(i-1)) {
			return d.dayEdge(i, pod)
		}
	}
	if off, ok := lookup(relDays, w); ok {
		date := model.Date{Start: d.day().AddDate(0, 0, off), Precision: model.Day}
		if d.isWord(i, "today") && (d.isWord(i-1, "of") || inSet(presentToday, d.word(i-1)) && isLowerWord(d.word(i-1))) {
			d.val = "PRESENT_REF" // "the Russia of today"
			return i + 1, model.Date{}, true
		}
		if d.isWord(i, "tonight") {
			return d.partOfDay(i+1, date, "NI")
		}
		if pod, ok := lookup(partsOfDay, d.word(i+1)); ok {
			return d.partOfDay(i+2, date, pod) // "yesterday morning"
		}
		return i + 1, date, true
	}
	if d.isWord(i, "last") || d.isWord(i, "this") || d.isWord(i, "next") || d.isWord(i, "later") || d.isWord(i, "earlier") {
		return d.relative(i, dir)
	}
	if d.isWord(i, "the") || d.isWord(i, "a") || d.isWord(i, "an") || d.isWord(i, "that") {
		return d.anaphoric(i, dir)
	}
	if d.isWord(i, "another") {
		return d.amount(i) // "another year"
	}
	if d.isWord(i, "first") {
		if j, date, ok := d.firstSpan(i); ok {
			return j, date, true // "its first day", "the first weeks"
		}
	}
	if _, ok := lookup(numberWords, w); ok {
		if j, date, ok := d.ago(i); ok {
			return j, date, true
		}
		return d.amount(i)
	}
	return 0, model.Date{}, false
}

// sentenceLooksBack reports whether the current sentence puts what it
// reports in a time gone by ("last week", "two days ago"): "would" in it
// is a future seen from then, not from publication.
func (d *dateScanner) sentenceLooksBack() bool {
	return d.anySentenceWord(func(k int) bool {
		return d.isWord(k, "ago") || d.isWord(k, "last") && d.timeWordAt(k+1)
	})
}

// anySentenceWord reports whether f holds for a word token of the
// current sentence. It starts at the sentence's first token (tokens are
// in text order), so a call costs the sentence, not the article.
func (d *dateScanner) anySentenceWord(f func(k int) bool) bool {
	k, _ := slices.BinarySearchFunc(d.toks, d.sent.start, func(t token, start int) int { return cmp.Compare(t.start, start) })
	for ; k < len(d.toks) && d.toks[k].start < d.sent.end; k++ {
		if d.toks[k].kind == tWord && f(k) {
			return true
		}
	}
	return false
}

// laterIn reads "earlier in the day", "later in the week" at token k
// ("later" or "earlier"): the day, week, month or year of the day last
// mentioned, counted from it.
func (d *dateScanner) laterIn(k int) (int, model.Date, bool) {
	u := d.word(k + 3)
	prec, ok := lookup(periodUnits, u)
	if !ok || !d.isWord(k+1, "in") || !d.isWord(k+2, "the") || strings.HasSuffix(u, "s") || d.anchor.IsZero() || d.isWord(k+4, "of") {
		return 0, model.Date{}, false
	}
	d.counted = true
	if l := d.lastDate; !l.IsZero() && prec != model.Day && (l.Precision == model.Day || l.Precision == prec) {
		// "who is due back this week, said he would speak later in the
		// week": the period last mentioned, if it is a day or the same
		// period, not only the day last mentioned.
		return k + 4, shift(l.Start, prec, 0), true
	}
	return k + 4, shift(d.anchor, prec, 0), true
}

// relative handles last/this/next + weekday, week, month, year, weekend,
// season, quarter, fiscal year, century, night, morning, and
// "later/earlier this week".
func (d *dateScanner) relative(i int, dir direction) (int, model.Date, bool) {
	k := i
	if d.isWord(k, "later") || d.isWord(k, "earlier") {
		if j, date, ok := d.laterIn(k); ok {
			return j, date, true
		}
		k++
		if !d.isWord(k, "this") {
			return 0, model.Date{}, false
		}
	}
	which := 0
	switch {
	case d.isWord(k, "last"):
		which = -1
	case d.isWord(k, "next"):
		which = 1
	}
	n := d.word(k + 1)
	if k+1 >= len(d.toks) || d.toks[k+1].kind != tWord {
		return 0, model.Date{}, false
	}
	if wd, ok := lookup(weekdayNames, n); ok {
		dir := dirNone
		switch which {
		case -1:
			dir = dirStrictPast
		case 1:
			dir = dirStrictFuture
		}
		if j, date, ok := d.weekdayDate(k+2, wd, dir); ok {
			return j, date, true // "next Tuesday, 19 March": the date written decides
		}
		if which == 0 { // "this Monday": the one of this week
			delta := int(wd+6)%7 - int(d.pub.Weekday()+6)%7
			return k + 2, model.Date{Start: d.pub.AddDate(0, 0, delta), Precision: model.Day}, true
		}
		return d.weekday(i, k+2, wd, dir)
	}
	if m, ok := lookup(monthNames, n); ok && isCapitalized(n) {
		dir := dirNone
		switch which {
		case -1:
			dir = dirStrictPast
		case 1:
			dir = dirStrictFuture
		}
		return k + 2, d.monthOnly(m, dir), true
	}
	switch {
	case d.isWord(k+1, "weekend"):
		dir := d.tense(i, k+2)
		switch which {
		case -1:
			dir = dirStrictPast
		case 1:
			dir = dirStrictFuture
		case 0:
			// "this weekend" from Wednesday on is this week's, whatever
			// the tense ("had been getting ready for a festival this
			// weekend" in a Thursday paper): the weekend just gone is
			// "last weekend" by then.
			if (dir == dirPast || dir == dirSince) && int(d.pub.Weekday()+6)%7 >= 2 {
				dir = dirNone
			}
		}
		return k + 2, d.weekend(dir), true
	case d.isWord(k+1, "night"):
		switch which {
		case -1:
			return d.partOfDay(k+2, model.Date{Start: d.day().AddDate(0, 0, -1), Precision: model.Day}, "NI")
		case 0:
			return d.partOfDay(k+2, model.Date{Start: d.day(), Precision: model.Day}, "NI")
		}
		return 0, model.Date{}, false
	case which == 0 && (d.isWord(k+1, "morning") || d.isWord(k+1, "afternoon") || d.isWord(k+1, "evening")):
		pod, _ := lookup(partsOfDay, n)
		return d.partOfDay(k+2, model.Date{Start: d.day(), Precision: model.Day}, pod)
	}
	if _, ok := lookup(seasonCodes, n); ok {
		return d.season(i, k+1, dir)
	}
	if j, date, ok := d.relativeNamed(k+1, which); ok {
		return j, date, true
	}
	prec, ok := lookup(periodUnits, n)
	if !ok || prec == model.Day || (n[len(n)-1] == 's') {
		return 0, model.Date{}, false
	}
	if prec == model.Week && d.hasPub {
		// "next week" counts from publication, and in a quote from the
		// day it was spoken (spokenDays): said on a Sunday, it is the
		// week that starts the next day.
		d.fromToday = true
	}
	return k + 2, shift(d.pub, prec, which), true
}

// shift returns the period of the given precision n periods from t.
func shift(t time.Time, prec model.Precision, n int) model.Date {
	switch prec {
	case model.Week:
		wd := int(t.Weekday()+6) % 7 // Monday 0
		return model.Date{Start: t.AddDate(0, 0, -wd+7*n), Precision: model.Week}
	case model.Month:
		return model.Date{Start: time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
	case model.Year:
		return model.Date{Start: time.Date(t.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
	}
	return model.Date{Start: t.AddDate(0, 0, n), Precision: model.Day}
}

// weekend returns the ISO week of the weekend meant: the coming one for
// the future, the one just past for the past, the nearest otherwise. Its
// TIMEX3 value is the week's weekend, 2022-W06-WE.
func (d *dateScanner) weekend(dir direction) model.Date {
	wd := int(d.pub.Weekday()+6) % 7 // Monday 0 … Sunday 6
	sat := d.pub.AddDate(0, 0, 5-wd) // Saturday of this week
	switch dir {
	case dirPast, dirSince:
		if wd < 5 {
			sat = sat.AddDate(0, 0, -7)
		}
	case dirStrictPast:
		sat = sat.AddDate(0, 0, -7)
	case dirStrictFuture:
		if wd >= 5 {
			sat = sat.AddDate(0, 0, 7)
		}
	case dirNone:
		if wd < 2 { // Monday, Tuesday: the weekend just gone
			sat = sat.AddDate(0, 0, -7)
		}
	}
	w := shift(sat, model.Week, 0)
	d.val = w.String() + "-WE"
	return w
}

// anaphoric handles "the weekend", "over the weekend", "the next day",
// "the following week", "the day before", "the previous day", "a day
// later", "the day after", "the same day", "that day", and hands the
// rest of "the …" and "a …" to the TIMEX3 rules: "the past year", "the
// 1990s", "the first quarter", "the end of the year", "a week".
func (d *dateScanner) anaphoric(i int, dir direction) (int, model.Date, bool) {
	k := i
	day := func(n int) model.Date {
		d.counted = true
		return model.Date{Start: d.anchor.AddDate(0, 0, n), Precision: model.Day}
	}
	podDay := func() model.Date {
		d.counted = true
		return model.Date{Start: d.podDay(), Precision: model.Day}
	}
	switch {
	case d.isWord(k, "the") && d.isWord(k+1, "weekend"):
		return k + 2, d.weekend(d.tense(i, k+2)), true
	case d.isWord(k, "a") && d.isWord(k+1, "weekend") && inSet(weekendAfter, d.word(k-1)) && d.hasPub:
		// "after a weekend of talks": the weekend just gone.
		return k + 2, d.weekend(dirPast), true
	case d.isWord(k, "the") && (d.isWord(k+1, "long") || d.isWord(k+1, "holiday")) && d.isWord(k+2, "weekend"):
		return k + 3, d.weekend(d.tense(i, k+3)), true // "over the long weekend"
	case d.isWord(k, "the") && (d.isWord(k+1, "next") || d.isWord(k+1, "following") || d.isWord(k+1, "previous")):
		n := 1
		if d.isWord(k+1, "previous") {
			n = -1
		}
		prec, isPeriod := lookup(periodUnits, d.word(k+2))
		code, _ := lookup(timeUnits, d.word(k+2))
		in := d.isWord(k-1, "in")
		if isPeriod && !strings.HasSuffix(d.word(k+2), "s") && inSet(spanBefore, d.word(k-1)) && !d.isWord(k+3, "of") &&
			(d.isWord(k+1, "next") && !(in && prec == model.Day) || d.isWord(k+1, "previous") && !in) {
			// "in the next month", "over the next year", "over the
			// previous day": a span of one such unit, as "over the
			// past year" is ("in the previous year" is that year).
			d.typ, d.val = model.TypeDuration, durationValue("1", 1, code)
			return k + 3, model.Date{}, true
		}
		if d.isWord(k+2, "day") || d.isWord(k+2, "morning") && n == 1 {
			return k + 3, day(n), true
		}
		if m, ok := lookup(monthNames, d.word(k+2)); ok && isCapitalized(d.word(k+2)) && d.toks[k+2].kind == tWord && !d.lastDate.IsZero() {
			// "the previous November": the one before the date last
			// mentioned ("in January 2011 … the previous November").
			last := d.lastDate.Start
			y := last.Year()
			if n < 0 && m >= last.Month() {
				y--
			} else if n > 0 && m <= last.Month() {
				y++
			}
			return k + 3, model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, true
		}
		if prec, ok := lookup(periodUnits, d.word(k+2)); ok && !strings.HasSuffix(d.word(k+2), "s") {
			return k + 3, shift(d.anchor, prec, n), true // "the following week"
		}
	case d.isWord(k, "the") && (d.isWord(k+2, "before") || d.isWord(k+2, "after")) && !d.isWord(k+1, "day"):
		// "the night before, ministers resigned": that part of the day
		// before (or after) the day last named. Before an event ("the
		// night before the vote") the day is the event's, unknown here.
		pod, ok := lookup(partsOfDay, d.word(k+1))
		if !ok || d.isWord(k+1, "tonight") {
			return 0, model.Date{}, false
		}
		n := 1
		if d.isWord(k+2, "before") {
			n = -1
		}
		if e, on, ok := d.eventAt(k + 3); ok {
			// "the night before the vote", its day named before.
			d.counted = true
			return d.partOfDay(e, model.Date{Start: on.AddDate(0, 0, n), Precision: model.Day}, pod)
		}
		if k+3 < len(d.toks) && d.toks[k+3].kind != tPunct && d.toks[k+3].start < d.sent.end {
			return 0, model.Date{}, false
		}
		d.counted = true
		return d.partOfDay(k+3, model.Date{Start: d.podDay().AddDate(0, 0, n), Precision: model.Day}, pod)
	case d.isWord(k, "the") && d.isWord(k+1, "day") && (d.isWord(k+2, "before") || d.isWord(k+2, "after")):
		n := 1
		if d.isWord(k+2, "before") {
			n = -1
		}
		if d.isWord(k+3, "yesterday") || d.isWord(k+3, "tomorrow") {
			d.counted = true
			return k + 4, model.Date{Start: d.pub.AddDate(0, 0, 2*n), Precision: model.Day}, true
		}
		// "the day before February 24", "the day after Monday's vote":
		// relative to the day the sentence names next.
		if k+3 < len(d.toks) && d.toks[k+3].start < d.sent.end {
			if on, ok := d.dayAt(k + 3); ok {
				d.counted = true
				return k + 3, model.Date{Start: on.AddDate(0, 0, n), Precision: model.Day}, true
			}
		}
		if e, on, ok := d.eventAt(k + 3); ok {
			// "the day after the debate": its day was named before.
			d.counted = true
			return e, model.Date{Start: on.AddDate(0, 0, n), Precision: model.Day}, true
		}
		if k+3 < len(d.toks) && d.toks[k+3].kind == tWord && isLowerWord(d.word(k+3)) && !d.isWord(k+3, "and") {
			return 0, model.Date{}, false // "the day before the vote": relative to an event
		}
		return k + 3, day(n), true
	case d.isWord(k, "the") && d.isWord(k+1, "same") || d.isWord(k, "that"):
		n := k + 1
		if d.isWord(k, "the") {
			n++
		}
		if d.isWord(n+1, "as") {
			return 0, model.Date{}, false // "the same day as the Olympics"
		}
		if d.isWord(n, "day") {
			return n + 1, day(0), true
		}
		if pod, ok := lookup(partsOfDay, d.word(n)); ok && !d.isWord(n, "tonight") {
			return d.partOfDay(n+1, podDay(), pod) // "the same evening", "that night"
		}
		if d.isWord(k, "that") {
			return d.thatPeriod(k)
		}
		return 0, model.Date{}, false
	case d.isWord(k, "the") && (d.isWord(k-1, "into") || d.isWord(k-1, "through") || d.isWord(k-1, "during") || d.isWord(k-1, "throughout")):
		// "talks went on late into the night": the night of the day just named.
		if pod, ok := lookup(partsOfDay, d.word(k+1)); ok && !d.isWord(k+1, "tonight") && !d.isWord(k+2, "of") {
			return d.partOfDay(k+2, d.nightGone(i, k+2, pod, podDay()), pod)
		}
	case d.isWord(k, "a") && d.isWord(k+1, "day") && d.isWord(k+2, "later"):
		return k + 3, day(1), true
	case d.isWord(k, "the") && (d.isWord(k-1, "in") || d.isWord(k-1, "by")):
		// "In the afternoon", "by the evening": that part of the day
		// last named.
		if pod, ok := lookup(partsOfDay, d.word(k+1)); ok && !d.isWord(k+1, "tonight") && !d.isWord(k+2, "of") && !d.possessive(k+1) {
			return d.partOfDay(k+2, podDay(), pod)
		}
	}
	if j, date, ok := d.eventDay(k); ok {
		return j, date, true
	}
	if d.isWord(k, "that") {
		return 0, model.Date{}, false
	}
	if j, date, ok := d.theTimex(k, dir); ok {
		return j, date, true
	}
	if (d.isWord(k, "a") || d.isWord(k, "an")) && k+1 < len(d.toks) {
		if j, date, ok := d.ago(k); ok {
			return j, date, true
		}
		return d.amount(k)
	}
	return 0, model.Date{}, false
}

// noteEvent remembers the event a day names as a modifier, the day at
// tokens [i, j) possessive ("Sunday's vote") or after a determiner ("his
// June 27 debate", "the March 3 election"): the first two lower-case
// words after it, so that "the day after the debate" counts from it.
func (d *dateScanner) noteEvent(i, j int, day time.Time) {
	possessive := j >= 2 && d.isWord(j-1, "s") && isApostrophe(d.word(j-2))
	if !possessive && !(i > 0 && isLowerWord(d.word(i-1)) && (d.isWord(i-1, "the") || inSet(yearDeterminers, d.word(i-1)))) {
		return
	}
	for k := j; k < j+2 && k < len(d.toks) && d.toks[k].kind == tWord && d.toks[k].end <= d.sent.end; k++ {
		w := d.word(k)
		if !isLowerWord(w) {
			return
		}
		if _, ok := lookup(timeUnits, w); ok {
			return
		}
		if _, ok := lookup(partsOfDay, w); ok {
			return
		}
		if len(d.events) < maxEvents {
			d.events = append(d.events, eventNote{w, day})
		} else {
			d.events[d.nEvents%maxEvents] = eventNote{w, day}
		}
		d.nEvents++
	}
}

// eventAt reads an event named before with its day at token k: a
// determiner and the word noted for it, or an adjective and it ("the
// debate", "that televised debate"). It returns the end and the day.
func (d *dateScanner) eventAt(k int) (int, time.Time, bool) {
	if d.nEvents == 0 || k+1 >= len(d.toks) || !isLowerWord(d.word(k)) || !(d.isWord(k, "the") || inSet(yearDeterminers, d.word(k))) {
		return 0, time.Time{}, false
	}
	for n := k + 1; n <= k+2 && n < len(d.toks) && d.toks[n].kind == tWord && d.toks[n].end <= d.sent.end; n++ {
		w := d.word(n)
		if !isLowerWord(w) {
			break
		}
		if day, ok := d.event(w); ok {
			if next, ok := d.event(d.word(n + 1)); ok && next.Equal(day) && n+1 < len(d.toks) && d.toks[n+1].kind == tWord && d.toks[n+1].end <= d.sent.end {
				n++ // "the presidential election"
			}
			return n + 1, day, true
		}
	}
	return 0, time.Time{}, false
}

// dayAt returns the day an expression at token k names, if it names one,
// leaving the scanner as it was: "the day before February 24". It is a
// function of its own so that anaphoric's frame holds no copy of the
// scanner.
func (d *dateScanner) dayAt(k int) (time.Time, bool) {
	save := *d
	_, on, ok := d.matchCore(k, dirNone)
	*d = save
	return on.Start, ok && on.Precision == model.Day && !on.IsZero()
}

// dayEdge reads an edge of the day at token i after a preposition ("by
// daybreak", "after nightfall"): that part of the day with no day of its
// own, or of the day after "on" ("at daybreak on Monday"). It is a
// function of its own so that matchCore's frame holds no copy of the
// scanner.
func (d *dateScanner) dayEdge(i int, pod string) (int, model.Date, bool) {
	if d.isWord(i+1, "on") {
		save := *d
		if e, on, ok := d.matchCore(i+2, dirNone); ok && on.Precision == model.Day && !on.IsZero() && d.typ == "" {
			*d = save
			return d.partOfDay(e, on, pod)
		}
		*d = save
	}
	d.counted = true
	return d.partOfDay(i+1, model.Date{Start: d.podDay(), Precision: model.Day}, pod)
}

// nightGone returns the day of a night with no day of its own read at
// tokens i..end ("through the night", "during the night"): in a
// paragraph that has named no day but the one it is read on ("early
// this morning … found during the night"), a night told in the past that podDay
// puts on the day the paragraph is read on is the night just gone, the
// one before that day ("Crowds gathered through the night" in the
// morning's paper). Other parts of the day, and nights to come, keep day.
func (d *dateScanner) nightGone(i, end int, pod string, day model.Date) model.Date {
	if pod != "NI" || d.paraOther || !day.Start.Equal(d.readDay()) {
		return day
	}
	if dir := d.tense(i, end); dir == dirPast || dir == dirStrictPast {
		day.Start = day.Start.AddDate(0, 0, -1)
	}
	return day
}

// podDay is the day a part of the day with no day of its own is on ("in
// the afternoon", "By evening", "that night"): the day last mentioned,
// but in a paragraph that has named no day yet and stands under no
// heading, the story's day (scene).
func (d *dateScanner) podDay() time.Time {
	if !d.paraNamed && !d.scene.IsZero() && d.entry.IsZero() {
		return d.scene
	}
	return d.anchor
}

// Filters that spare thatPeriod the lookups for most words after "that".
var (
	monthFilter  = newWordFilter(monthNames)
	seasonFilter = newWordFilter(seasonCodes)
)

// thatPeriod reads "that December", "that spring" at token k ("that"):
// the month or season of the year of the date last mentioned ("on Oct.
// 7, 2001 … By that December" is 2001-12). A month must follow a
// preposition or open the sentence, and a season no verb of speech or
// belief, where "that" opens a clause ("said that December was the
// worst month").
func (d *dateScanner) thatPeriod(k int) (int, model.Date, bool) {
	w := d.word(k + 1)
	if d.lastDate.IsZero() || k+1 >= len(d.toks) || d.toks[k+1].kind != tWord {
		return 0, model.Date{}, false
	}
	y := d.lastDate.Start.Year()
	prev := d.word(k - 1)
	opens := k == 0 || d.toks[k].start == d.sent.start
	if !isCapitalized(w) && !isLowerWord(w) {
		return 0, model.Date{}, false
	}
	if isCapitalized(w) {
		if !monthFilter.may(w) {
			return 0, model.Date{}, false
		}
		if m, ok := lookup(monthNames, w); ok && !monthAbbrev(w) && (opens || inSet(monthContext, prev) && !d.isWord(k-1, "and") && !d.isWord(k-1, "to")) {
			return k + 2, model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, true
		}
		return 0, model.Date{}, false
	}
	if !seasonFilter.may(w) {
		return 0, model.Date{}, false
	}
	if code, ok := lookup(seasonCodes, w); ok && !d.isWord(k+1, "fall") && !d.isWord(k+2, "of") {
		if _, ok := lookup(speechVerbs, prev); ok {
			return 0, model.Date{}, false
		}
		if _, ok := lookup(stanceVerbs, prev); ok {
			return 0, model.Date{}, false
		}
		d.val = fmt.Sprintf("%04d-%s", y, code)
		return k + 2, model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true
	}
	return 0, model.Date{}, false
}

// eventDay reads "the second day" of an event at token k as the day its
// sentence or the day last mentioned gives; para places it like a time of
// day once the whole paragraph is read.
func (d *dateScanner) eventDay(k int) (int, model.Date, bool) {
	j, ok := d.ordinalDayAt(k)
	if !ok {
		return 0, model.Date{}, false
	}
	d.ordinalDay = true
	return j, model.Date{Start: d.anchor, Precision: model.Day}, true
}

// ordinalDayAt reads "the second day", "the 18th day" of an event at
// token k ("the" at k) and returns its end. The day of a month or year
// ("the first day of March") is no event's day and is left alone.
func (d *dateScanner) ordinalDayAt(k int) (int, bool) {
	if !d.isWord(k, "the") || k+2 >= len(d.toks) {
		return 0, false
	}
	n := k + 1
	switch {
	case d.toks[n].kind == tNum && d.ordinalAt(n):
		n += 2
	case d.toks[n].kind == tWord && isLowerWord(d.word(n)):
		if _, ok := lookup(ordinals, d.word(n)); !ok {
			return 0, false
		}
		n++
	default:
		return 0, false
	}
	if !d.isWord(n, "day") {
		return 0, false
	}
	if d.isWord(n+1, "of") {
		if _, ok := lookup(periodUnits, d.word(n+3)); ok || d.isWord(n+2, "the") && n+3 < len(d.toks) && d.toks[n+3].kind == tNum {
			return 0, false // "the first day of the month"
		}
		if _, ok := lookup(monthNames, d.word(n+2)); ok {
			return 0, false
		}
		if _, ok := lookup(seasonCodes, d.word(n+2)); ok {
			return 0, false
		}
		if _, ok := lookup(periodUnits, d.word(n+2)); ok {
			return 0, false
		}
	}
	return n + 1, true
}

// ago handles "three days ago", "a week ago", "two years ago".
func (d *dateScanner) ago(i int) (int, model.Date, bool) {
	n, ok := 0, false
	if d.toks[i].kind == tNum {
		v, err := strconv.Atoi(d.word(i))
		n, ok = v, err == nil
	} else if d.isWord(i, "a") || d.isWord(i, "an") {
		n, ok = 1, true
	} else if v, isNum := lookup(numberWords, d.word(i)); isNum && v >= 1 && v < 100 {
		n, ok = int(v), true
	}
	if !ok || !d.isWord(i+2, "ago") {
		return 0, model.Date{}, false
	}
	prec, isUnit := lookup(periodUnits, d.word(i+1))
	if !isUnit || !d.hasPub {
		return 0, model.Date{}, false
	}
	switch prec {
	case model.Day:
		return i + 3, model.Date{Start: d.pub.AddDate(0, 0, -n), Precision: model.Day}, true
	case model.Week:
		// "a week ago" counts back from the day written: a day, not the
		// calendar week before (2021-07-02, not 2021-W26).
		return i + 3, model.Date{Start: d.pub.AddDate(0, 0, -7*n), Precision: model.Day}, true
	case model.Year:
		if n != 1 {
			break // "eight years ago" is rounded: its month is unknown
		}
		// "a year ago" is the same month of that year: the reader counts
		// from the month written, not from January.
		return i + 3, model.Date{Start: time.Date(d.pub.Year()-n, d.pub.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, true
	}
	return i + 3, shift(d.pub, prec, -n), true
}

// weekday resolves weekday wd for the expression ending at token end.
func (d *dateScanner) weekday(i, end int, wd time.Weekday, dir direction) (int, model.Date, bool) {
	// "Monday and Tuesday": the second follows the first.
	if dir == dirNone && i >= 2 && (d.isWord(i-1, "and") || d.isWord(i-1, "or") || d.isWord(i-1, "to") || d.isWord(i-1, "through") || isHyphen(d.word(i-1))) {
		if prev, ok := lookup(weekdayNames, d.word(i-2)); ok && !d.anchor.IsZero() && d.anchor.Weekday() == prev {
			delta := (int(wd) - int(prev) + 7) % 7
			if delta == 0 {
				delta = 7
			}
			return end, model.Date{Start: d.anchor.AddDate(0, 0, delta), Precision: model.Day}, true
		}
	}
	// "Monday's talks": a possessive weekday names an event as a noun,
	// and the clause's tense tells when it is talked of, not when it
	// is ("what it meant for Sunday's vote", "On the evidence of
	// Friday's statement, she has chosen … would"): the nearest such
	// day, unless "since", "until" or the like gave a direction.
	poss := false
	if end+1 < len(d.toks) && isApostrophe(d.word(end)) && d.isWord(end+1, "s") && d.adjacent(end-1) {
		end += 2
		poss = true
	}
	pod, isPod := lookup(partsOfDay, d.word(end))
	isPod = isPod && isLowerWord(d.word(end)) && !d.isWord(end, "tonight")
	if isPod {
		end++ // "Sunday night": the tense is read around it all
	}
	if dir == dirNone && !poss {
		dir = d.tense(i, end)
		if dir == dirFuture && d.isWord(d.cueAt, "would") && d.sentenceLooksBack() {
			// "said last week the cabinet would meet on Friday": to come
			// from a day of speaking gone by, so the nearest Friday.
			dir = dirNone
		}
	}
	if !d.after.IsZero() {
		// The end of a range opened by "from" that day: the first such
		// weekday on or after it.
		date := model.Date{Start: d.after.AddDate(0, 0, (int(wd)-int(d.after.Weekday())+7)%7), Precision: model.Day}
		if isPod {
			return d.partOfDay(end, date, pod)
		}
		return end, date, true
	}
	delta := int(wd) - int(d.pub.Weekday()) // -6 … 6
	switch dir {
	case dirPast, dirSince:
		if delta > 0 {
			delta -= 7
		}
	case dirFuture:
		if delta < 0 {
			delta += 7
		}
	case dirStrictPast:
		if delta >= 0 {
			delta -= 7
		}
	case dirStrictFuture:
		if delta <= 0 {
			delta += 7
		}
	default:
		if delta > 3 {
			delta -= 7
		} else if delta < -3 {
			delta += 7
		}
	}
	date := model.Date{Start: d.pub.AddDate(0, 0, delta), Precision: model.Day}
	if isPod {
		return d.partOfDay(end, date, pod)
	}
	return end, date, true
}

// weekdayDate reads the day written after a weekday ("Thursday 28
// April", "Monday, June 5"): the weekday and its day are one expression,
// and when the day has no year the weekday picks it, since only one of
// the years around publication has that day on that weekday.
func (d *dateScanner) weekdayDate(k int, wd time.Weekday, dir direction) (int, model.Date, bool) {
	if d.word(k) == "," {
		k++
	}
	if k >= len(d.toks) {
		return 0, model.Date{}, false
	}
	save := *d
	var j int
	var date model.Date
	var ok bool
	if d.toks[k].kind == tNum {
		j, date, ok = d.numericDate(k, dir)
	} else if m, isMonth := lookup(monthNames, d.word(k)); isMonth && d.toks[k].kind == tWord {
		j, date, ok = d.monthFirst(k, m, dir)
	}
	if !ok || date.Precision != model.Day || date.IsZero() || d.typ != "" || d.val != "" {
		*d = save
		return 0, model.Date{}, false
	}
	if date.Start.Weekday() != wd && !d.yearWritten(k, j) {
		for _, dy := range []int{-1, 1} {
			if c := date.Start.AddDate(dy, 0, 0); c.Weekday() == wd && c.Day() == date.Start.Day() {
				date.Start = c
				break
			}
		}
	}
	return j, date, true
}

// yearWritten reports whether a four-digit year stands among tokens
// [i, j).
func (d *dateScanner) yearWritten(i, j int) bool {
	for k := i; k < j; k++ {
		if d.toks[k].kind == tNum {
			if _, ok := yearNumber(d.word(k)); ok {
				return true
			}
		}
	}
	return false
}

// monthFirst handles an expression starting with a month name at token i:
// "February 7, 2022", "Feb. 7", "December 2021", "December".
func (d *dateScanner) monthFirst(i int, m time.Month, dir direction) (int, model.Date, bool) {
	w := d.word(i)
	if !isCapitalized(w) {
		return 0, model.Date{}, false
	}
	abbrev := monthAbbrev(w)
	k := i + 1
	if k < len(d.toks) && d.word(k) == "." && d.adjacent(i) {
		k++
	} else if abbrev && w != "Sept" && len(w) == 3 {
		// An abbreviation needs its period or a day after it.
		if k >= len(d.toks) || d.toks[k].kind != tNum {
			return 0, model.Date{}, false
		}
	}
	if k < len(d.toks) && d.toks[k].kind == tNum {
		num := d.word(k)
		if day, ok := dayNumber(num); ok && !d.adjacentLetterNum(k) {
			end := k + 1
			end = d.skipOrdinal(k, end)
			// optional ", 2022" or " 2022"
			y, yEnd := 0, end
			c := end
			if d.word(c) == "," {
				c++
			}
			if c < len(d.toks) && d.toks[c].kind == tNum {
				if yy, ok := yearNumber(d.word(c)); ok {
					y, yEnd = yy, c+1
				}
			}
			if y != 0 {
				if date, ok := dayDate(y, m, day); ok {
					return yEnd, date, true
				}
				return 0, model.Date{}, false
			}
			if !d.hasPub {
				return 0, model.Date{}, false
			}
			if yy, e, ok := d.yearNamedAfter(end); ok {
				date, ok := dayDate(yy, m, day) // "February 14 last year"
				return e, date, ok
			}
			if dir == dirNone {
				dir = d.monthTense(i, end)
			}
			if date, ok := d.dayNoYear(m, day, dir, end); ok {
				return end, date, true
			}
			return 0, model.Date{}, false
		}
		if y, ok := yearNumber(num); ok && !abbrev {
			return k + 1, model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, true
		}
	}
	if abbrev {
		return 0, model.Date{}, false
	}
	// A month alone. "May" and "March" are words too: they need a context.
	if m == time.May || m == time.March {
		prev := d.word(i - 1)
		if isHyphen(prev) {
			prev = d.word(i - 2)
		}
		if !inSet(monthContext, prev) {
			return 0, model.Date{}, false
		}
	}
	if !d.hasPub {
		return 0, model.Date{}, false
	}
	if y, e, ok := d.yearNamedAfter(i + 1); ok {
		return e, model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, true // "in February last year"
	}
	if dir == dirNone {
		dir = d.monthTense(i, i+1)
		if dir == dirPast && d.pastVerbGoverns(i) {
			return i + 1, d.monthDir(m, dir), true // "convicted her in January"
		}
	}
	return i + 1, d.monthOnly(m, dir), true
}

// pastVerbGoverns reports whether the past cue tense last chose is a verb
// of the clause's own event standing at most three tokens before token i
// ("convicted her in January", "was elected in May"): a strong hint, no
// weak one that a nearer reading of the month overrides. A speech verb
// ("said in January that …") tells only when the words were spoken.
func (d *dateScanner) pastVerbGoverns(i int) bool {
	k := d.cueAt
	if k < 0 || k >= i || i-k > 3 || !isLowerWord(d.word(k)) {
		return false
	}
	w := d.word(k)
	if _, ok := speechVerbs[w]; ok {
		return false
	}
	return d.participle(k) || inSet(pastCues, w) && w != "since" && w != "last" && w != "ago" && w != "yesterday"
}

// yearNamedAfter reads "last year", "this year", "next year" at token k,
// after a month or a day written without its year ("in February last
// year", "on 14 February next year"): the year they name, and the end.
func (d *dateScanner) yearNamedAfter(k int) (int, int, bool) {
	if !d.isWord(k+1, "year") || d.toks[k].start >= d.sent.end {
		return 0, 0, false
	}
	switch {
	case d.isWord(k, "last"):
		return d.pub.Year() - 1, k + 2, true
	case d.isWord(k, "this"):
		return d.pub.Year(), k + 2, true
	case d.isWord(k, "next"):
		return d.pub.Year() + 1, k + 2, true
	}
	return 0, 0, false
}

// monthOnly resolves a month without a year. The tense of a verb is a
// weak hint: when it would put the month most of a year away while the
// other reading is within two months, the nearer reading wins. "since",
// "last" and "next" are strong.
func (d *dateScanner) monthOnly(m time.Month, dir direction) model.Date {
	date := d.monthDir(m, dir)
	if dir == dirPast || dir == dirFuture {
		near := d.monthDir(m, dirNone)
		if monthsApart(date.Start, d.pub) > 6 && monthsApart(near.Start, d.pub) <= 2 {
			return near
		}
	}
	return date
}

// monthAbbrev reports whether a month word is an abbreviation ("Feb",
// "Sept"), which a period may follow; "May", "June" and "July" are whole.
func monthAbbrev(w string) bool {
	return len(w) <= 4 && w != "June" && w != "July" && w != "May"
}

func monthsApart(a, b time.Time) int {
	n := (a.Year()-b.Year())*12 + int(a.Month()) - int(b.Month())
	if n < 0 {
		n = -n
	}
	return n
}

func (d *dateScanner) monthDir(m time.Month, dir direction) model.Date {
	y := d.pub.Year()
	pm := d.pub.Month()
	switch dir {
	case dirPast, dirSince:
		if m > pm {
			y--
		}
	case dirFuture:
		if m < pm {
			y++
		}
	case dirStrictPast:
		if m >= pm {
			y--
		}
	case dirStrictFuture:
		if m <= pm {
			y++
		}
	default:
		if diff := int(m) - int(pm); diff > 6 {
			y--
		} else if diff < -5 {
			y++
		}
	}
	return model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
}

// dayNoYear resolves a day of a month written without a year: the
// reading nearest to publication in the direction of the tense, or the
// nearest of all when the tense would put it half a year or more away
// and the nearest is within two months.
func (d *dateScanner) dayNoYear(m time.Month, day int, dir direction, end int) (model.Date, bool) {
	if e, ok := eventDays[eventKey(m, day)]; ok && (inSet(e.nouns, d.word(end)) || d.sentenceHas(e.cues)) {
		return dayDate(e.year, m, day) // "the September 11 attacks"
	}
	date, ok := d.dayDir(m, day, dir)
	if dir == dirPast || dir == dirFuture {
		near, nok := d.dayDir(m, day, dirNone)
		const dayDur = 24 * time.Hour
		if nok && (!ok || absDur(date.Start.Sub(d.pub)) > 180*dayDur && absDur(near.Start.Sub(d.pub)) <= 60*dayDur) {
			return near, true
		}
	}
	return date, ok
}

// eventDay is a day of the month that names an event of a known year
// when one of the event's nouns follows it ("the September 11 attacks")
// or its sentence holds a word of the event ("the fight against terror")
// (lexicon event-days).
type eventDay struct {
	year        int
	nouns, cues map[string]struct{}
}

// eventDays are the event days by eventKey ("09-11").
var eventDays = func() map[string]eventDay {
	m := map[string]eventDay{}
	for _, e := range readLexicon("en", "event-days") {
		f := strings.Split(e.Value, "|")
		y, err := strconv.Atoi(strings.TrimSpace(f[0]))
		if err != nil || len(f) != 3 {
			panic("lexicon en/event-days: " + e.Word + ": want YEAR | nouns | words")
		}
		m[e.Word] = eventDay{y, wordSet(strings.Fields(f[1])...), wordSet(strings.Fields(f[2])...)}
	}
	return m
}()

// eventKey is the key of month m, day day in eventDays.
func eventKey(m time.Month, day int) string {
	return fmt.Sprintf("%02d-%02d", int(m), day)
}

// sentenceHas reports whether the current sentence holds a word of ws.
func (d *dateScanner) sentenceHas(ws map[string]struct{}) bool {
	return d.anySentenceWord(func(k int) bool { return inSet(ws, d.word(k)) })
}

// slashEventDay reads an event day written with a slash at number token
// i ("9/11", "post-9/11"): the event's name, its day whatever the
// sentence says. A third number ("9/11/2015") makes it a date of its own.
func (d *dateScanner) slashEventDay(i int) (int, model.Date, bool) {
	if i+2 >= len(d.toks) || d.word(i+1) != "/" || !d.adjacent(i) || !d.adjacent(i+1) || d.toks[i+2].kind != tNum {
		return 0, model.Date{}, false
	}
	if d.adjacent(i+2) && d.word(i+3) == "/" || i > 0 && d.adjacent(i-1) && d.word(i-1) == "/" {
		return 0, model.Date{}, false
	}
	mo, err1 := strconv.Atoi(d.word(i))
	day, err2 := strconv.Atoi(d.word(i + 2))
	if err1 != nil || err2 != nil || mo < 1 || mo > 12 {
		return 0, model.Date{}, false
	}
	e, ok := eventDays[eventKey(time.Month(mo), day)]
	if !ok {
		return 0, model.Date{}, false
	}
	date, ok := dayDate(e.year, time.Month(mo), day)
	return i + 3, date, ok
}

func absDur(x time.Duration) time.Duration {
	if x < 0 {
		return -x
	}
	return x
}

func (d *dateScanner) dayDir(m time.Month, day int, dir direction) (model.Date, bool) {
	var best model.Date
	bestDist := time.Duration(1 << 62)
	for y := d.pub.Year() - 1; y <= d.pub.Year()+1; y++ {
		c, ok := dayDate(y, m, day)
		if !ok {
			continue
		}
		diff := c.Start.Sub(d.pub)
		switch dir {
		case dirPast, dirStrictPast, dirSince:
			if diff > 0 {
				continue
			}
		case dirFuture, dirStrictFuture:
			if diff < 0 {
				continue
			}
		}
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDist {
			best, bestDist = c, diff
		}
	}
	return best, !best.IsZero()
}

// numericDate handles expressions starting with a number: 2022-02-07,
// "7 February 2022", "7 Feb", "24th of February".
func (d *dateScanner) numericDate(i int, dir direction) (int, model.Date, bool) {
	num := d.word(i)
	// ISO 8601: 2022-02-07
	if len(num) == 4 && i+4 < len(d.toks) && d.word(i+1) == "-" && d.word(i+3) == "-" &&
		d.adjacent(i) && d.adjacent(i+1) && d.adjacent(i+2) && d.adjacent(i+3) &&
		len(d.word(i+2)) == 2 && len(d.word(i+4)) == 2 && d.toks[i+2].kind == tNum && d.toks[i+4].kind == tNum {
		t, err := time.Parse("2006-01-02", d.p[d.toks[i].start:d.toks[i+4].end])
		if err == nil && !d.adjacentLetterNum(i+4) {
			return i + 5, model.Date{Start: t, Precision: model.Day}, true
		}
		return 0, model.Date{}, false
	}
	day, ok := dayNumber(num)
	if !ok || d.adjacentLetterNum(i) && !d.ordinalAt(i) {
		return 0, model.Date{}, false
	}
	if i > 0 && (d.word(i-1) == "$" || d.word(i-1) == "€" || d.word(i-1) == "£") {
		return 0, model.Date{}, false
	}
	k := d.skipOrdinal(i, i+1)
	if d.isWord(k, "of") {
		k++
	}
	m, isMonth := lookup(monthNames, d.word(k))
	if !isMonth || k >= len(d.toks) || d.toks[k].kind != tWord || !isCapitalized(d.word(k)) {
		return 0, model.Date{}, false
	}
	end := k + 1
	if d.word(end) == "." && monthAbbrev(d.word(k)) && d.adjacent(k) {
		end++ // "7 Feb.", not the full stop after "1 May."
	}
	c := end
	if d.word(c) == "," {
		c++
	}
	if c < len(d.toks) && d.toks[c].kind == tNum {
		if y, ok := yearNumber(d.word(c)); ok {
			date, ok := dayDate(y, m, day)
			return c + 1, date, ok
		}
	}
	if d.word(end-1) == "." && end == len(d.toks) {
		// "on 7 Feb." at the end: keep the period out of the text.
		end--
	}
	if !d.hasPub {
		return 0, model.Date{}, false
	}
	if y, e, ok := d.yearNamedAfter(end); ok {
		date, ok := dayDate(y, m, day) // "on 14 February last year"
		return e, date, ok
	}
	if dir == dirNone {
		dir = d.monthTense(i, end)
	}
	date, ok := d.dayNoYear(m, day, dir, end)
	return end, date, ok
}

// ordinalAt reports whether number token i carries an ordinal suffix.
func (d *dateScanner) ordinalAt(i int) bool {
	if !d.adjacent(i) || d.toks[i+1].kind != tWord {
		return false
	}
	s := d.word(i + 1)
	return s == "st" || s == "nd" || s == "rd" || s == "th"
}

func (d *dateScanner) skipOrdinal(i, end int) int {
	if d.ordinalAt(i) {
		return end + 1
	}
	return end
}

// adjacentLetterNum reports whether number token i is glued to a letter
// or another number on either side ("G7", "6am", "10:30").
func (d *dateScanner) adjacentLetterNum(i int) bool {
	if i > 0 && d.adjacent(i-1) {
		prev := d.toks[i-1]
		if prev.kind == tWord || d.word(i-1) == ":" || d.word(i-1) == "." {
			return true
		}
	}
	if d.adjacent(i) {
		next := d.toks[i+1]
		if next.kind == tWord || d.word(i+1) == ":" {
			return true
		}
	}
	return false
}

// year handles a four-digit year used as a year: "in 2014", "the 2014
// annexation", "2014's", "between 1967 and 1975", "1975-1990".
func (d *dateScanner) year(i int) (int, model.Date, bool) {
	if !d.yearAt(i) {
		return 0, model.Date{}, false
	}
	y, _ := yearNumber(d.word(i))
	end := i + 1
	if isHyphen(d.word(end)) && d.adjacent(i) && d.adjacent(end) && end+1 < len(d.toks) && d.toks[end+1].kind == tNum && !d.adjacentLetterNum(end+1) {
		// "1957-58", "2014-2015": one expression, valued by its first year.
		if n := d.word(end + 1); len(n) == 2 || len(n) == 4 {
			end += 2
		}
	}
	return end, model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true
}

// yearAt reports whether number token i is a year in its context.
func (d *dateScanner) yearAt(i int) bool {
	return isYearToken(d.p, d.toks, i)
}

// isYearToken reports whether number token i of p is a year: four digits
// from 1800 to 2100, not money, not a percentage, not glued to letters,
// and either after a word that introduces years ("in", "since", "the"),
// in a range with another year, before "'s", or at the end of a clause.
// "2014 troops" and "$2014" are no years.
func isYearToken(p string, toks []token, i int) bool {
	if i < 0 || i >= len(toks) || toks[i].kind != tNum {
		return false
	}
	y, ok := yearNumber(p[toks[i].start:toks[i].end])
	if !ok {
		return false
	}
	word := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return p[toks[k].start:toks[k].end]
	}
	adj := func(k int) bool { return k >= 0 && k+1 < len(toks) && toks[k].end == toks[k+1].start }
	prev, next := word(i-1), word(i+1)
	if prev == "$" || prev == "€" || prev == "£" || prev == "#" || next == "%" {
		return false
	}
	if adj(i-1) && (toks[i-1].kind == tWord || toks[i-1].kind == tNum) {
		return false
	}
	if adj(i) && toks[i+1].kind == tWord {
		// "2010s" is a decade; "1990s" likewise.
		return false
	}
	if next == "percent" || next == "per" {
		return false
	}
	// A range: "1967 and 1975", "1975-1990", "2014 to 2017".
	if (isHyphen(prev) || prev == "and" || prev == "to") && i >= 2 && toks[i-2].kind == tNum {
		if _, ok := yearNumber(word(i - 2)); ok {
			return true
		}
	}
	if isHyphen(next) && adj(i) && i+2 < len(toks) && toks[i+2].kind == tNum {
		if _, ok := yearNumber(word(i + 2)); ok {
			return true
		}
		if n := word(i + 2); len(n) == 2 { // "2021-22"
			return true
		}
	}
	if isApostrophe(next) && word(i+2) == "s" {
		return true
	}
	if inSet(yearDeterminers, prev) && isLowerWord(prev) {
		// A modifier of a singular noun: "a 2010 raid"; "a 2000-strong
		// force" and "their 2000 soldiers" are counts.
		if adj(i) || i+1 >= len(toks) || toks[i+1].kind != tWord || !isLowerWord(next) || looksPlural(next) {
			return false
		}
		return true
	}
	if i >= 2 && toks[i-1].kind == tWord && isLowerWord(prev) && len(prev) > 3 && !adj(i-1) && !inSet(countAdjectives, prev) &&
		isLowerWord(word(i-2)) && (word(i-2) == "the" || inSet(yearDeterminers, word(i-2))) &&
		!adj(i) && i+1 < len(toks) && toks[i+1].kind == tWord && isLowerWord(next) && !looksPlural(next) {
		return true // "the devastating 1985 quake": a modifier after an adjective
	}
	if inSet(yearNouns, next) && !adj(i) {
		return true // "below 2005 levels"
	}
	if inSet(yearContext, prev) && prev != "and" && prev != "to" {
		if prev == "s" && !(i >= 2 && isApostrophe(word(i-2))) {
			return false
		}
		// "the 2014 troops" stays a year only for the usual span.
		return y >= 1800
	}
	if _, isMonth := lookup(monthNames, prev); isMonth && isCapitalized(prev) {
		return true
	}
	if strings.EqualFold(prev, "for") && y >= 1900 && (i+1 >= len(toks) ||
		toks[i+1].kind == tPunct && next != "%" && !isHyphen(next) && next != "," && next != "." ||
		next == "," && !(i+2 < len(toks) && toks[i+2].kind == tNum) ||
		next == "." && (i+2 >= len(toks) || isCapitalized(word(i+2))) ||
		toks[i+1].kind == tWord && isLowerWord(next) && inSet(yearAfterFor, next)) {
		return true // "prices for 2018 at present", "planned for 2007, it …"
	}
	// End of a clause: "… which opened in 1869." is covered above; here a
	// year standing alone before punctuation, "and", or nothing.
	if i+1 >= len(toks) {
		return true
	}
	if toks[i+1].kind == tPunct && next != "%" && !isHyphen(next) {
		return next != "," || !(i > 0 && toks[i-1].kind == tWord && isLowerWord(prev) && !inSet(yearContext, prev))
	}
	return false
}

// yearNumber reads a four-digit year from 1800 to 2100.
func yearNumber(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y := 0
	for i := 0; i < 4; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		y = y*10 + int(c-'0')
	}
	return y, y >= 1800 && y <= 2100
}

// dayNumber reads a day of the month, 1 to 31.
func dayNumber(s string) (int, bool) {
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n >= 1 && n <= 31
}

// dayDate returns y-m-day if that day exists.
func dayDate(y int, m time.Month, day int) (model.Date, bool) {
	t := time.Date(y, m, day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || t.Month() != m {
		return model.Date{}, false
	}
	return model.Date{Start: t, Precision: model.Day}, true
}

// tense returns the direction of the tense cue nearest to tokens [i, end)
// in their sentence. A comma between counts as three words; a cue after
// "that" or "whether" or beyond a semicolon belongs to another clause
// ("told … on Sunday that Germany would", "would not say on Friday
// whether he would run").
func (d *dateScanner) tense(i, end int) direction {
	best, bestDist := dirNone, 1<<30
	d.cueAt = -1
	s := d.sent
	dist := 0
	for k := i - 1; k >= 0 && d.toks[k].start >= s.start && d.word(k) != ";"; k-- {
		dist++
		if d.word(k) == "," {
			dist += 3
		}
		if dist >= bestDist {
			break
		}
		if dir := d.cue(k); dir != dirNone {
			best, bestDist, d.cueAt = dir, dist, k
			break
		}
	}
	dist = 0
	for k := end; k < len(d.toks) && d.toks[k].end <= s.end; k++ {
		dist++
		w := d.word(k)
		if w == "," {
			dist += 3
		}
		if dist >= bestDist || d.isWord(k, "that") || d.isWord(k, "whether") || w == openCurly || w == "\"" || w == ";" || (w == "," && d.attributionAfter(k)) {
			break
		}
		if (d.isWord(k-1, "and") || d.isWord(k-1, "or")) && d.participle(k) {
			// "will be prorogued on Friday and dissolved next Thursday":
			// a participle after "and" shares the auxiliary before it.
			continue
		}
		if dir := d.cue(k); dir != dirNone {
			best, d.cueAt = dir, k
			break
		}
	}
	if best == dirPresent {
		return dirNone
	}
	return best
}

// attributionAfter reports whether the comma at token k opens an
// attribution that ends its clause ("…, the speaker said on Friday.",
// "…, officials told reporters;"): a speech verb within the four words
// after the comma and at most three words after the verb. Its tense is
// the time of telling, not of the clause it reports ("keeps the
// government open through Dec. 11, the speaker said" is this December);
// a speech verb with a clause of its own after it ("In a statement on
// Thursday, the senator said he had flown") is the sentence's main verb.
func (d *dateScanner) attributionAfter(k int) bool {
	for j := k + 1; j <= k+4 && j < len(d.toks) && d.toks[j].end <= d.sent.end; j++ {
		if d.toks[j].kind != tWord {
			return false
		}
		if w := d.word(j); isLowerWord(w) {
			if _, ok := speechVerbs[w]; ok {
				return d.clauseEndsWithin(j+1, 3)
			}
		}
	}
	return false
}

// clauseEndsWithin reports whether the clause containing token from ends
// (sentence end, ";", ",") within the n tokens after from.
func (d *dateScanner) clauseEndsWithin(from, n int) bool {
	for j := from; j <= from+n; j++ {
		if j >= len(d.toks) || d.toks[j].start >= d.sent.end {
			return true
		}
		if w := d.word(j); w == "." || w == ";" || w == "," || w == "!" || w == "?" {
			return true
		}
	}
	return false
}

// monthTense is the tense of a month or a day of a month without a year
// (tokens [i, end)): the sentence's tense, but a date after an infinitive
// of intent or command is to come ("promised to leave the EU by 31
// October", "ordered her to report to prison on 27 April" in a November
// paper). Weekdays do not take it: "had promised to resign on Friday" is
// as often last Friday as the next, and a weekday is never far either
// way.
func (d *dateScanner) monthTense(i, end int) direction {
	dir := d.tense(i, end)
	if dir != dirFuture && d.intentBefore(i) {
		return dirFuture
	}
	return dir
}

// intentBefore reports whether an infinitive of intent ("promised to",
// "ordered her to", lexicon tense-intent) stands before token i in its
// clause, with no other tense cue between.
func (d *dateScanner) intentBefore(i int) bool {
	for k := i - 1; k >= 1 && k >= i-16 && d.toks[k].start >= d.sent.start; k-- {
		w := d.word(k)
		if w == ";" || w == "," || d.isWord(k, "that") {
			return false
		}
		if d.isWord(k, "to") && d.toks[k+1].kind == tWord && isLowerWord(d.word(k+1)) {
			for j := k - 1; j >= k-3 && j >= 0 && d.toks[j].start >= d.sent.start; j-- {
				if inSet(intentVerbs, d.word(j)) && isLowerWord(d.word(j)) {
					return true
				}
			}
		}
		if d.cue(k) != dirNone && !inSet(intentVerbs, w) {
			return false
		}
	}
	return false
}

// participle reports whether token k is a lower-case word in -ed that
// is no past cue of its own (not "need", not "armed").
func (d *dateScanner) participle(k int) bool {
	w := d.word(k)
	return d.toks[k].kind == tWord && isLowerWord(w) && len(w) > 3 && w[len(w)-2:] == "ed" && !inSet(edNotPast, w)
}

// cue returns the tense token k signals, if any.
func (d *dateScanner) cue(k int) direction {
	t := d.toks[k]
	if t.kind != tWord {
		return dirNone
	}
	w := d.p[t.start:t.end]
	if !isLowerWord(w) {
		// "Asked on Monday whether …": a participle opening the sentence
		// is capitalised but still past; a name would be followed by a
		// capital or a verb, not by a preposition.
		// Checked without lowering the word, which would allocate for
		// every capitalised word the tense scan passes.
		if t.start != d.sent.start || len(w) <= 3 || w[len(w)-2:] != "ed" || !isLowerWord(w[1:]) || inSet(edNotPast, w) || !inSet(participleNext, d.word(k+1)) {
			return dirNone
		}
		return dirPast
	}

	if inSet(futureCues, w) {
		if w == "ll" && !(k > 0 && isApostrophe(d.word(k-1))) {
			return dirNone
		}
		if w == "would" && d.isWord(k+1, "not") && isLowerWord(d.word(k+2)) {
			if _, ok := speechVerbs[d.word(k+2)]; ok {
				return dirPast // "would not say on Friday whether": a refusal gone by
			}
		}
		if w == "should" && d.isWord(k+1, "have") {
			return dirNone // "should have been told on Friday" looks back
		}
		return dirFuture
	}
	if w == "going" && d.isWord(k+1, "to") {
		return dirFuture
	}
	if presentCueFilter.may(w) && inSet(presentCues, w) && !d.participle(k+1) && !d.isWord(k+1, "to") && !(isLowerWord(d.word(k+1)) && inSet(futureCues, d.word(k+1))) {
		return dirPresent // "Monday is a bank holiday"; not "is held", "is to", "is expected"
	}
	if inSet(pastCues, w) {
		if w == "last" && !d.timeWordAt(k+1) {
			return dirNone // the verb: "will last through June"
		}
		return dirPast
	}
	if len(w) > 3 && w[len(w)-2:] == "ed" && !inSet(edNotPast, w) && !inSet(beforeParticiple, d.word(k-1)) {
		return dirPast
	}
	return dirNone
}
