package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// This file holds the TimeML TIMEX3 rules of the date scanner beyond
// calendar dates: times of day, durations, sets, seasons, quarters,
// fiscal years, decades, centuries and the PRESENT_REF, PAST_REF and
// FUTURE_REF references. A rule returns the end of its expression and the
// calendar Date it names (zero when it names none) and sets d.typ and
// d.val when its type or value is not the date's own.

// Time words, read from the lexicon (lexicon/en/*.txt).
var (
	timeUnits   = lexiconMap("en", "time-units")   // "hours" → "TH"
	partsOfDay  = lexiconMap("en", "parts-of-day") // "night" → "NI"
	seasonCodes = lexiconMap("en", "seasons")      // "summer" → "SU"
	setWords    = lexiconMap("en", "time-sets")    // "daily" → "P1D"
	ordinals    = lexiconInts("ordinals")
	timeRefs    = phrasesByFirst(readLexicon("en", "time-refs"))
	timeZones   = phrasesByFirst(readLexicon("en", "time-zones"))
	// timeUnitWords are the words of timeUnits, for inSet.
	timeUnitWords = lexiconWordSet("time-units")
)

// Words before a bare plural unit that make it a duration: "for years",
// "within days", "after months of talks".
// Words before a bare plural time unit that make it a duration ("for
// years", "took months"; lexicon duration-before), before "years of war"
// that leave it one (duration-of-before), and between two units that
// make the second one as the first is (duration-pair-words).
var (
	nightUnits        = lexiconMap("en", "night-units")
	nightFilter       = newWordFilter(nightUnits)
	durationContext   = lexiconWordSet("duration-before")
	durationOfContext = lexiconWordSet("duration-of-before")
	durationPairWords = lexiconWordSet("duration-pair-words")
)

// Words before "today" that make it the present of a description, not a
// day: "Ukraine as it exists today".
var presentToday = wordSet("exists", "exist", "stands", "stand", "is", "are", "looks", "look")

// Words before a season alone that make it one: "in summer".
var seasonContext = wordSet("in", "during", "since", "by", "until", "till", "through", "throughout", "over", "from")

// Words before "noon" or "midnight" that make them a time: "by midnight".
var clockContext = wordSet("at", "by", "until", "till", "before", "after", "around", "from", "since")

// lexiconInts returns the "word = number" entries of lexicon/en/name.txt.
func lexiconInts(name string) map[string]int {
	out := map[string]int{}
	for w, v := range lexiconMap("en", name) {
		n, err := strconv.Atoi(v)
		if err != nil {
			panic(fmt.Sprintf("lexicon/en/%s.txt: %q: value %q is no number", name, w, v))
		}
		out[w] = n
	}
	return out
}

// lexiconWordSet returns the words of lexicon/en/name.txt as a set for
// inSet and lookup.
func lexiconWordSet(name string) map[string]struct{} {
	return wordSet(lexiconWords("en", name)...)
}

// phrase is a lexicon entry of one or more words.
type phrase struct {
	words []string
	value string
}

// phrasesByFirst indexes lexicon phrases by their first word, longest
// first, so that a scan looks only at phrases that can start at a word.
func phrasesByFirst(es []lexiconEntry) map[string][]phrase {
	m := map[string][]phrase{}
	for _, e := range es {
		ws := strings.Fields(strings.ToLower(e.Word))
		m[ws[0]] = append(m[ws[0]], phrase{ws, e.Value})
	}
	for _, ps := range m {
		for a := 1; a < len(ps); a++ {
			for b := a; b > 0 && len(ps[b].words) > len(ps[b-1].words); b-- {
				ps[b], ps[b-1] = ps[b-1], ps[b]
			}
		}
	}
	return m
}

// phraseAt returns the end and value of the longest phrase of ps that
// starts at token i.
func (d *dateScanner) phraseAt(ps map[string][]phrase, i int) (int, string, bool) {
	if i >= len(d.toks) || d.toks[i].kind != tWord {
		return 0, "", false
	}
	cands, _ := lookup(ps, d.word(i))
	for _, ph := range cands {
		ok := true
		for n, w := range ph.words {
			if !d.isWord(i+n, w) {
				ok = false
				break
			}
		}
		if ok {
			return i + len(ph.words), ph.value, true
		}
	}
	return 0, "", false
}

// reference reads "now", "currently", "at present", "at the time" and the
// like (time-refs.txt): a reference with no calendar value.
func (d *dateScanner) reference(i int) (int, bool) {
	j, v, ok := d.phraseAt(timeRefs, i)
	if !ok {
		return 0, false
	}
	switch {
	case d.isWord(i, "now") && (d.isWord(i-1, "from") || isHyphen(d.word(j)) && d.adjacent(j-1)):
		return 0, false // "a year from now", "the now-defunct"
	case d.isWord(j, "of") && len(d.word(i)) == 2:
		return 0, false // "at the time of the attack": anchored to an event
	}
	d.val = v
	return j, true
}

// sentenceFuture reports whether the clause around token i has a future
// cue: within its sentence and 30 words either side, so that a long
// paragraph of "until"s stays linear.
func (d *dateScanner) sentenceFuture(i int) bool {
	for k := max(0, i-30); k < len(d.toks) && k <= i+30; k++ {
		if t := d.toks[k]; t.start >= d.sent.start && t.end <= d.sent.end && d.cue(k) == dirFuture {
			return true
		}
	}
	return false
}

// timeWordAt reports whether token k is a word of time ("week", "Monday",
// "June", "night"), after which "last" means the one before.
func (d *dateScanner) timeWordAt(k int) bool {
	w := d.word(k)
	if _, ok := lookup(weekdayNames, w); ok {
		return true
	}
	if _, ok := lookup(monthNames, w); ok {
		return true
	}
	if _, ok := lookup(timeUnits, w); ok {
		return true
	}
	if _, ok := lookup(seasonCodes, w); ok {
		return true
	}
	_, ok := lookup(partsOfDay, w)
	return ok || d.isWord(k, "weekend") || d.isWord(k, "quarter") || d.isWord(k, "fiscal")
}

// clockTime reads a time of day at number token i: "15:00", "5 a.m.",
// "5am", "5.30pm", "10:30 p.m.", with a time zone after it ("GMT", "local
// time", "Moscow time"). It sets d.clock ("T05:00") and returns the end.
func (d *dateScanner) clockTime(i int) (int, bool) {
	if i > 0 && d.adjacent(i-1) && (d.toks[i-1].kind != tPunct || d.word(i-1) == ":" || d.word(i-1) == ".") {
		return 0, false
	}
	num := d.word(i)
	h, min, end := 0, 0, i+1
	hasMin := false
	if a, b, ok := strings.Cut(num, "."); ok {
		hh, e1 := strconv.Atoi(a)
		mm, e2 := strconv.Atoi(b)
		if e1 != nil || e2 != nil || len(b) != 2 {
			return 0, false
		}
		h, min, hasMin = hh, mm, true
	} else if len(num) == 4 && d.zoneAt(i+1) {
		// "(1814 GMT)", "0941 GMT": wire copy's hours and minutes.
		hh, e1 := strconv.Atoi(num[:2])
		mm, e2 := strconv.Atoi(num[2:])
		if e1 != nil || e2 != nil || hh > 23 {
			return 0, false
		}
		h, min, hasMin = hh, mm, true
	} else {
		hh, err := strconv.Atoi(num)
		if err != nil || len(num) > 2 {
			return 0, false
		}
		h = hh
		if d.word(end) == ":" && d.adjacent(i) && d.adjacent(end) && end+1 < len(d.toks) && d.toks[end+1].kind == tNum && len(d.word(end+1)) == 2 {
			mm, err := strconv.Atoi(d.word(end + 1))
			if err != nil {
				return 0, false
			}
			min, hasMin, end = mm, true, end+2
		}
	}
	// "ten o'clock" (the words "o", "'", "clock"), on a clock of twelve
	// hours unless a part of the day follows (timeDay).
	if !hasMin && h >= 1 && h <= 12 && d.oclock(end) {
		hasMin, end = true, end+3
	}
	// am/pm: "5am", "5 pm", "5 a.m."
	half := ""
	switch w := d.word(end); {
	case d.isWord(end, "am") || d.isWord(end, "pm"):
		if !isLowerWord(w) && w != "AM" && w != "PM" || isHyphen(d.word(end+1)) && d.adjacent(end) {
			break
		}
		half = strings.ToLower(w)
		end++
	case (d.isWord(end, "a") || d.isWord(end, "p")) && d.word(end+1) == "." && d.isWord(end+2, "m") && d.adjacent(end) && d.adjacent(end+1):
		half = strings.ToLower(w) + "m"
		end += 3
		if d.word(end) == "." && d.adjacent(end-1) {
			end++
		}
	}
	switch {
	case half != "":
		if h < 1 || h > 12 {
			return 0, false
		}
		if half == "pm" && h < 12 {
			h += 12
		} else if half == "am" && h == 12 {
			h = 0
		}
	case !hasMin || strings.Contains(num, "."):
		return 0, false // "5" alone is no time; "5.30" needs its am or pm
	}
	if h > 24 || min > 59 {
		return 0, false
	}
	if j, _, ok := d.phraseAt(timeZones, end); ok && (j-end > 1 || isCapitalized(d.word(end))) {
		end = j
	} else if isCapitalized(d.word(end)) && d.isWord(end+1, "time") {
		end += 2 // "Moscow time"
	}
	d.clock = fmt.Sprintf("T%02d:%02d", h, min)
	d.clockHalf = half != "" || h > 12 || h == 0 || len(num) == 4 || strings.Contains(num, ":")
	return end, true
}

// zoneAt reports whether a time zone (lexicon time-zones) is written at
// token k, capitalised: "GMT", "UTC".
func (d *dateScanner) zoneAt(k int) bool {
	j, _, ok := d.phraseAt(timeZones, k)
	return ok && j == k+1 && isCapitalized(d.word(k)) && d.word(k) == strings.ToUpper(d.word(k))
}

// oclock reports whether "o'clock" is written at token k.
func (d *dateScanner) oclock(k int) bool {
	return d.isWord(k, "o") && isApostrophe(d.word(k+1)) && d.isWord(k+2, "clock") && d.adjacent(k) && d.adjacent(k+1)
}

// timeDay finishes a time of day ending at j: with the day written after
// it ("15:00 GMT Saturday", "5 a.m. on Thursday") it is a time on that
// day; otherwise its sentence gives the day later (placeTime).
func (d *dateScanner) timeDay(j int) (int, model.Date, bool) {
	k := j
	if d.isWord(k, "on") {
		k++
	}
	if k < len(d.toks) && d.toks[k].start >= d.sent.end && k == j && j >= 2 && d.word(j-1) == "." && d.isWord(j-2, "m") && isCapitalized(d.word(k)) {
		// "at 11 a.m. Thursday": the full stop of "a.m." ends no
		// sentence before the day the time is on.
		if _, ok := lookup(weekdayNames, d.word(k)); ok {
			d.sent.end = sentenceAt(d.sents, d.toks[k].start, len(d.p)).end
		}
	}
	if k < len(d.toks) && d.toks[k].start < d.sent.end && (d.toks[k].kind == tWord || d.toks[k].kind == tNum) {
		save := *d
		d.typ, d.val = "", ""
		if e, date, ok := d.matchCore(k, dirNone); ok && date.Precision == model.Day && !date.IsZero() && d.typ == "" {
			clock := save.clock
			*d = save
			d.typ, d.val, d.clock = model.TypeTime, clockValue(date, clock), ""
			return e, date, true
		} else if ok && date.Precision == model.Day && !date.IsZero() && d.typ == model.TypeTime && len(d.val) > 3 && d.val[len(d.val)-3] == 'T' {
			// "3:25 yesterday afternoon", "9 o'clock this morning": the
			// day of the part of the day, and its half of the clock.
			part := d.val[len(d.val)-2:]
			clock, half := save.clock, save.clockHalf
			*d = save
			if !half && (part == "AF" || part == "EV" || part == "NI" && clock >= "T06") && clock < "T12" {
				clock = fmt.Sprintf("T%02d%s", int(clock[1]-'0')*10+int(clock[2]-'0')+12, clock[3:])
			}
			d.typ, d.val, d.clock = model.TypeTime, clockValue(date, clock), ""
			return e, date, true
		}
		*d = save
	}
	d.typ = model.TypeTime
	return j, model.Date{}, true
}

// clockValue writes the TIMEX3 value of the time of day clock ("T05:00")
// on day. Midnight (T24:00), the end of the day, is written as the start
// of the next one, the same instant: "shortly before midnight" on 25
// March is 2020-03-26T00:00, as the corpus annotates it.
func clockValue(day model.Date, clock string) string {
	if clock == "T24:00" {
		return model.Date{Start: day.Start.AddDate(0, 0, 1), Precision: model.Day}.String() + "T00:00"
	}
	return day.String() + clock
}

// clockAfter extends a day ending at j with a time of day after it
// ("Saturday at 15:00 GMT", "24 February, 05:00").
func (d *dateScanner) clockAfter(j int, date model.Date) int {
	k := j
	if d.isWord(k, "at") || d.word(k) == "," {
		k++
	}
	if k >= len(d.toks) || d.toks[k].kind != tNum {
		return j
	}
	e, ok := d.clockTime(k)
	if !ok {
		d.clock = ""
		return j
	}
	d.typ, d.val, d.clock = model.TypeTime, date.String()+d.clock, ""
	return e
}

// partOfDay makes the day date, ending at token end, a time: "Sunday
// night" is 2022-02-27TNI.
func (d *dateScanner) partOfDay(end int, date model.Date, code string) (int, model.Date, bool) {
	if end+1 < len(d.toks) && isApostrophe(d.word(end)) && d.isWord(end+1, "s") && d.adjacent(end-1) {
		end += 2
	}
	d.typ, d.val = model.TypeTime, date.String()+"T"+code
	return end, date, true
}

// quantity reads how many units an amount has at token i: digits, number
// words ("twenty-five", "three and a half"), "a"/"an" (one), or
// "several", "a few", "many" (unknown, X).
func (d *dateScanner) quantity(i int) (q string, n float64, end int, ok bool) {
	t := d.toks[i]
	switch {
	case t.kind == tNum:
		if i > 0 && d.adjacent(i-1) && (d.toks[i-1].kind != tPunct || d.word(i-1) == ":" || d.word(i-1) == ".") {
			return "", 0, 0, false
		}
		if p := d.word(i - 1); p == "$" || p == "€" || p == "£" {
			return "", 0, 0, false
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(d.word(i), ",", ""), 64)
		if err != nil || v > 10000 {
			return "", 0, 0, false
		}
		n, end = v, i+1
	case d.isWord(i, "a") || d.isWord(i, "an"):
		switch {
		case d.isWord(i+1, "few"):
			return "X", 0, i + 2, true
		case d.isWord(i+1, "couple") && d.isWord(i+2, "of"):
			return "X", 0, i + 3, true
		}
		n, end = 1, i+1
	case d.isWord(i, "several") || d.isWord(i, "few") || d.isWord(i, "many"):
		return "X", 0, i + 1, true
	case d.isWord(i, "another") && isLowerWord(d.word(i+1)):
		n, end = 1, i+1 // "leaving takes another year"
	default:
		v, isNum := lookup(numberWords, d.word(i))
		if !isNum || t.kind != tWord {
			return "", 0, 0, false
		}
		n, end = v, i+1
		if v >= 20 && isHyphen(d.word(end)) && d.adjacent(i) && d.adjacent(end) {
			if u, ok := lookup(numberWords, d.word(end+1)); ok && u < 10 {
				n, end = v+u, end+2
			}
		}
	}
	if d.isWord(end, "and") && d.isWord(end+1, "a") && d.isWord(end+2, "half") {
		n += 0.5
		end += 3
	}
	return strconv.FormatFloat(n, 'f', -1, 64), n, end, true
}

// durationValue writes a TIMEX3 duration: q units of code ("TH" hours,
// "D" days, "2W" fortnights).
func durationValue(q string, n float64, code string) string {
	t := ""
	if code[0] == 'T' {
		t, code = "T", code[1:]
	}
	if code == "2W" {
		code = "W"
		if q != "X" {
			q = strconv.FormatFloat(2*n, 'f', -1, 64)
		}
	}
	return "P" + t + q + code
}

// countNounBefore reports whether the article at token i follows a
// counted noun, a number and a lower-case plural that is no unit of time
// ("capped at 60 euros a day", "three meals a day"): a rate, so "a day"
// after it is a set.
func (d *dateScanner) countNounBefore(i int) bool {
	if i < 2 || d.toks[i-1].kind != tWord || !isLowerWord(d.word(i-1)) || !looksPlural(d.word(i-1)) || d.adjacent(i-2) {
		return false
	}
	if _, ok := lookup(timeUnits, d.word(i-1)); ok {
		return false // "two weeks a year" is left as it was
	}
	if d.toks[i-2].kind == tNum {
		return true
	}
	_, ok := lookup(numberWords, d.word(i-2))
	return ok
}

// amount reads an expression that starts with a quantity: a duration
// ("three days", "24 hours", "a five-day visit", "more than five hours"),
// a date counted from the day last mentioned ("two days later"), a set
// ("three times a week"; "$5bn a year") or "several years ago".
func (d *dateScanner) amount(i int) (int, model.Date, bool) {
	q, n, end, ok := d.quantity(i)
	if !ok {
		return 0, model.Date{}, false
	}
	// "three times a week", "twice a day" is read by timexWord.
	if d.isWord(end, "times") && (d.isWord(end+1, "a") || d.isWord(end+1, "per") || d.isWord(end+1, "every")) {
		if code, ok := lookup(timeUnits, d.word(end+2)); ok && !strings.HasSuffix(d.word(end+2), "s") {
			d.typ, d.val = model.TypeSet, durationValue("1", 1, code)
			return end + 3, model.Date{}, true
		}
		return 0, model.Date{}, false
	}
	hyphen := isHyphen(d.word(end)) && d.adjacent(end-1) && d.adjacent(end)
	u := end
	if hyphen {
		u++
	}
	w := d.word(u)
	code, isUnit := lookup(timeUnits, w)
	if !isUnit && len(w) > 0 && nightFilter.may(w) && (d.toks[i].kind == tNum || d.quantityWord(i)) {
		code, isUnit = lookup(nightUnits, w) // "for three nights"
	}
	// A unit in capitals after digits is a tabloid's ("TRAPPED FOR 18
	// DAYS"), not a name.
	if !isUnit || !isLowerWord(w) && !(d.toks[i].kind == tNum && isUpperWord(w)) || u >= len(d.toks) || d.toks[u].kind != tWord {
		return 0, model.Date{}, false
	}
	if hyphen && isHyphen(d.word(u+1)) && d.isWord(u+2, "old") {
		return 0, model.Date{}, false // "a 17-year-old": an age
	}
	plural := (strings.HasSuffix(w, "s") || strings.HasSuffix(w, "S")) && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "SS")
	byArticle := d.isWord(i, "a") || d.isWord(i, "an")
	switch {
	case hyphen && plural, !hyphen && q != "X" && (n == 1) == plural, q == "X" && !plural:
		return 0, model.Date{}, false
	case byArticle && code == "TS" && !d.isWord(u+1, "later"):
		return 0, model.Date{}, false // "a second round"
	}
	end = u + 1
	if byArticle && i > 0 && !hyphen && !plural && !d.isWord(end, "earlier") && !d.isWord(end, "later") && (d.toks[i-1].kind == tNum || inSet(scaleNames, d.word(i-1)) || d.isWord(i-1, "bn") || d.word(i-1) == "%" || d.isWord(i-1, "percent") || d.countNounBefore(i)) {
		// "$5bn a year", "60 euros a day"; "up from 281 a day earlier"
		// counts back a day.
		d.typ, d.val = model.TypeSet, durationValue("1", 1, code)
		return end, model.Date{}, true
	}
	if byArticle && !hyphen && d.isWord(i-1, "half") {
		// "half an hour" is PT30M, "half a year" P6M: half of the unit
		// in the next smaller one (a unit with no whole half is left);
		// "half a year later" is no year later.
		if h, ok := halfUnits[code]; ok {
			d.typ, d.val = model.TypeDuration, h
			return end, model.Date{}, true
		}
	}
	if !hyphen && (d.isWord(end, "later") || d.isWord(end, "earlier")) && q != "X" && n == float64(int(n)) {
		sign := 1
		if d.isWord(end, "earlier") {
			sign = -1
		}
		if prec, ok := lookup(periodUnits, w); ok && !d.anchor.IsZero() {
			d.counted = true
			if prec == model.Day {
				return end + 1, model.Date{Start: d.anchor.AddDate(0, 0, sign*int(n)), Precision: model.Day}, true
			}
			return end + 1, shift(d.anchor, prec, sign*int(n)), true
		}
	}
	if !hyphen && d.isWord(end, "from") && d.isWord(end+1, "now") && q != "X" && n == float64(int(n)) && d.hasPub {
		// "a year from now"
		if prec, ok := lookup(periodUnits, w); ok {
			if prec == model.Day {
				return end + 2, model.Date{Start: d.pub.AddDate(0, 0, int(n)), Precision: model.Day}, true
			}
			return end + 2, shift(d.pub, prec, int(n)), true
		}
	}
	if d.isWord(end, "ago") {
		if q == "X" && d.hasPub {
			d.val = "PAST_REF" // "a few days ago"
			return end + 1, model.Date{}, true
		}
		return 0, model.Date{}, false // "two hours ago": unknown hour
	}
	if !hyphen && q != "X" && n == float64(int(n)) && d.isWord(end, "and") {
		// "9 minutes and 29 seconds": one duration, PT9M29S.
		if q2, n2, e2, ok := d.quantity(end + 1); ok && q2 != "X" && n2 == float64(int(n2)) && !d.isWord(end+1, "a") && !d.isWord(end+1, "an") {
			if c2, ok := lookup(timeUnits, d.word(e2)); ok && isLowerWord(d.word(e2)) && code[0] == 'T' && c2[0] == 'T' && unitRank(c2) < unitRank(code) {
				d.typ, d.val = model.TypeDuration, durationValue(q, n, code)+q2+c2[1:]
				return e2 + 1, model.Date{}, true
			}
		}
	}
	d.typ, d.val = model.TypeDuration, durationValue(q, n, code)
	return end, model.Date{}, true
}

// isUpperWord reports whether w has two letters or more, all capitals.
func isUpperWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// quantityWord reports whether token i is a number written as a word
// ("three", "twenty"), not "a" or "several".
func (d *dateScanner) quantityWord(i int) bool {
	if d.toks[i].kind != tWord || d.isWord(i, "a") || d.isWord(i, "an") {
		return false
	}
	_, ok := lookup(numberWords, d.word(i))
	return ok
}

// halfUnits are the durations of half a unit, by the unit's code.
var halfUnits = map[string]string{"TM": "PT30S", "TH": "PT30M", "D": "PT12H", "M": "P15D", "Y": "P6M", "DE": "P5Y", "CE": "P50Y"}

// unitRank orders the clock units: seconds 0, minutes 1, hours 2.
func unitRank(code string) int {
	return strings.Index("TSTMTH", code) / 2
}

// yearOrDecade reads a year ("2014", "1957-58") or a decade ("1990s" is
// 199) at number token i.
func (d *dateScanner) yearOrDecade(i int, dir direction) (int, model.Date, bool) {
	w := d.word(i)
	if _, ok := yearNumber(w); ok && d.adjacent(i) && d.isWord(i+1, "s") && w[3] == '0' {
		if d.adjacent(i+1) && isHyphen(d.word(i+2)) && d.adjacent(i+2) && isLowerWord(d.word(i+3)) {
			return 0, model.Date{}, false // "a 1990s-era system": a style, no time
		}
		if p := d.word(i - 1); p != "$" && p != "€" && p != "£" && !(i > 0 && d.adjacent(i-1) && d.toks[i-1].kind != tPunct) {
			d.val = w[:3]
			return i + 2, model.Date{}, true
		}
	}
	return d.year(i)
}

// century reads "20th century" (19) at number token i, and "21st-century".
func (d *dateScanner) century(i int) (int, model.Date, bool) {
	n, err := strconv.Atoi(d.word(i))
	if err != nil || !d.ordinalAt(i) || n < 1 || n > 30 {
		return 0, model.Date{}, false
	}
	k := i + 2
	if isHyphen(d.word(k)) && d.adjacent(k-1) {
		k++
	}
	if !d.isWord(k, "century") {
		return 0, model.Date{}, false
	}
	d.val = fmt.Sprintf("%02d", n-1)
	return k + 1, model.Date{}, true
}

// ordinalWord reads an ordinal written in words at token i: "first",
// "twentieth", "twenty-first".
func (d *dateScanner) ordinalWord(i int) (int, int, bool) {
	if d.isWord(i, "twenty") && isHyphen(d.word(i+1)) {
		if n, ok := lookup(ordinals, d.word(i+2)); ok && n < 10 {
			return 20 + n, i + 3, true
		}
		return 0, 0, false
	}
	n, ok := lookup(ordinals, d.word(i))
	return n, i + 1, ok
}

// seasonStart is when the season of code in year y starts: winter y
// runs from December y-1 to February y.
func seasonStart(code string, y int) time.Time {
	m := map[string]time.Month{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
	if code == "WI" {
		y--
	}
	return time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
}

// season reads a season at token k, qualified by tokens i..k-1 ("last",
// "this", "next", "the", "early", "mid-"): "last summer" (2021-SU when
// published in 2022), "the summer of 2021", "winter 2022", "in the
// spring". Its Date is its year.
func (d *dateScanner) season(i, k int, dir direction) (int, model.Date, bool) {
	w := d.word(k)
	code, ok := lookup(seasonCodes, w)
	if !ok || d.toks[k].kind != tWord {
		return 0, model.Date{}, false
	}
	end := k + 1
	y := 0
	c := end
	if d.isWord(c, "of") {
		c++
	}
	if yy, ok := yearNumber(d.word(c)); ok && c < len(d.toks) && d.toks[c].kind == tNum && !d.adjacentLetterNum(c) {
		y, end = yy, c+1
		if code == "WI" && isHyphen(d.word(end)) && end+1 < len(d.toks) && d.toks[end+1].kind == tNum {
			end += 2 // "winter 2021-22" is the winter ending in 2022
			y++
		}
	} else if d.isWord(end, "of") || d.isWord(end, "in") && d.isWord(k, "fall") {
		return 0, model.Date{}, false // "the fall of Kabul", "a fall in prices"
	}
	which := ""
	if k > i {
		which = strings.ToLower(d.word(i))
	}
	if y == 0 {
		if !d.hasPub {
			return 0, model.Date{}, false
		}
		prev := strings.ToLower(d.word(k - 1))
		switch {
		case !isLowerWord(w):
			return 0, model.Date{}, false // "the Winter Olympics", "Arab Spring"
		case k == i && (d.isWord(k, "fall") || !inSet(seasonContext, prev)):
			return 0, model.Date{}, false
		case which == "the" && d.isWord(k, "fall") && !inSet(seasonContext, strings.ToLower(d.word(i-1))):
			return 0, model.Date{}, false
		}
		if dir == dirNone && which != "last" && which != "next" && which != "this" {
			dir = d.tense(i, end)
		}
		y = d.seasonYear(code, which, dir)
	}
	d.val = fmt.Sprintf("%04d-%s", y, code)
	return end, model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true
}

// seasonYear is the year of the season meant: "last" the latest that
// has ended by publication, "next" the first that has not begun, "this"
// the one of the publication's year, and otherwise the tense decides.
func (d *dateScanner) seasonYear(code, which string, dir direction) int {
	pub := d.pub
	ends := func(y int) time.Time { return seasonStart(code, y).AddDate(0, 3, 0) }
	this := pub.Year()
	if code == "WI" && pub.Month() == time.December {
		this++
	}
	switch {
	case which == "last":
		y := this
		for ends(y).After(pub) {
			y--
		}
		return y
	case which == "next":
		y := this
		for !seasonStart(code, y).After(pub) {
			y++
		}
		return y
	case which == "this":
		return this
	case dir == dirPast || dir == dirSince || dir == dirStrictPast:
		y := this
		for seasonStart(code, y).After(pub) {
			y--
		}
		return y
	case dir == dirFuture || dir == dirStrictFuture:
		y := this
		for !ends(y).After(pub) {
			y++
		}
		return y
	}
	return this
}

// quarterValue writes part n of year y, "Q" or "H", and its Date (the
// year): the first quarter of 2022 is 2022-Q1.
func (d *dateScanner) quarterValue(kind string, n, y int) model.Date {
	d.val = fmt.Sprintf("%04d-%s%d", y, kind, n)
	return model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
}

// quarter reads the rest of "the first quarter", "the second half" from
// the ordinal n at token k: an "of YEAR" after it, else the publication's
// year (the year before when the part has not begun and the tense is
// past).
func (d *dateScanner) quarter(i, k, n int, dir direction) (int, model.Date, bool) {
	kind := "Q"
	if d.isWord(k, "half") {
		kind = "H"
	}
	if kind == "Q" && n > 4 || kind == "H" && n > 2 || !d.isWord(k, "quarter") && kind == "Q" {
		return 0, model.Date{}, false
	}
	end := k + 1
	if d.isWord(end, "of") {
		if y, ok := yearNumber(d.word(end + 1)); ok && d.toks[end+1].kind == tNum {
			return end + 2, d.quarterValue(kind, n, y), true
		}
		save := *d
		if e, date, ok := d.matchCore(end+1, dirNone); ok && date.Precision == model.Year && d.val == "" {
			*d = save
			return e, d.quarterValue(kind, n, date.Start.Year()), true // "of last year"
		}
		*d = save
		if !(d.isWord(end+1, "the") && d.isWord(end+2, "year")) {
			return 0, model.Date{}, false // "the second half of the match"
		}
		end += 3
	}
	if !d.hasPub {
		return 0, model.Date{}, false
	}
	y := d.pub.Year()
	months := 3
	if kind == "H" {
		months = 6
	}
	if dir == dirNone {
		dir = d.tense(i, end)
	}
	if time.Date(y, time.Month(1+(n-1)*months), 1, 0, 0, 0, 0, time.UTC).After(d.pub) && (dir == dirPast || dir == dirSince) {
		y--
	}
	return end, d.quarterValue(kind, n, y), true
}

// fiscalYear returns the fiscal year of publication, named by the year it
// ends in (a year running to September, as governments' commonly do).
func (d *dateScanner) fiscalYear(n int) (model.Date, bool) {
	if !d.hasPub {
		return model.Date{}, false
	}
	y := d.pub.Year() + n
	if d.pub.Month() >= time.October {
		y++
	}
	return model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true
}

// relativeNamed reads what follows last/this/next (which is -1, 0, 1) at
// token k beyond the calendar units: "fiscal year", "quarter", "decade",
// "century".
func (d *dateScanner) relativeNamed(k, which int) (int, model.Date, bool) {
	if !d.hasPub {
		return 0, model.Date{}, false
	}
	switch {
	case d.isWord(k, "fiscal"):
		end := k + 1
		if d.isWord(end, "year") {
			end++
		}
		date, ok := d.fiscalYear(which)
		return end, date, ok
	case d.isWord(k, "quarter"):
		q := int(d.pub.Month()-1)/3 + which
		y := d.pub.Year()
		for q < 0 {
			q, y = q+4, y-1
		}
		for q > 3 {
			q, y = q-4, y+1
		}
		return k + 1, d.quarterValue("Q", q+1, y), true
	case d.isWord(k, "decade"):
		d.val = strconv.Itoa(d.pub.Year()/10 + which)
		return k + 1, model.Date{}, true
	case d.isWord(k, "century"):
		d.val = fmt.Sprintf("%02d", d.pub.Year()/100+which)
		return k + 1, model.Date{}, true
	}
	return 0, model.Date{}, false
}

// partOf reads what "the end of", "the start of", "the beginning of" and
// "the middle of" refer to, at token k: "the year" (publication's year),
// "the month", "the week", or a date: "March", "2022", "next year".
func (d *dateScanner) partOf(k int, dir direction) (int, model.Date, bool) {
	if d.isWord(k, "the") && d.hasPub {
		if prec, ok := lookup(periodUnits, d.word(k+1)); ok && prec != model.Day && !strings.HasSuffix(d.word(k+1), "s") {
			return k + 2, shift(d.pub, prec, 0), true
		}
	}
	save := *d
	j, date, ok := d.matchCore(k, dir)
	if !ok || date.IsZero() || d.typ != "" {
		*d = save
		return 0, model.Date{}, false
	}
	return j, date, true
}

// Prepositions before "the next month" that make it a span (lexicon
// span-before; read by anaphoric).
var spanBefore = lexiconWordSet("span-before")

// theTimex reads the TIMEX3 expressions that start with "the" at token
// k: "the past year" (a duration), "the past" (PAST_REF), "the future",
// "the first quarter", "the second half", "the summer", "the end of the
// year", "the fiscal year", "the twentieth century", "the early 1990s".
func (d *dateScanner) theTimex(k int, dir direction) (int, model.Date, bool) {
	if !d.isWord(k, "the") {
		return 0, model.Date{}, false
	}
	n := k + 1
	if d.isWord(k-1, "within") && !d.isWord(n+1, "of") {
		// "within the hour": a duration of one such unit.
		if code, ok := lookup(timeUnits, d.word(n)); ok && isLowerWord(d.word(n)) && (code == "TH" || code == "TM" || code == "D" || code == "W") && !strings.HasSuffix(d.word(n), "s") {
			d.typ, d.val = model.TypeDuration, durationValue("1", 1, code)
			return n + 1, model.Date{}, true
		}
	}
	switch {
	case d.isWord(n, "past") || d.isWord(n, "last"):
		if n+1 < len(d.toks) && (d.toks[n+1].kind == tNum || d.toks[n+1].kind == tWord) {
			save := *d
			if j, date, ok := d.amount(n + 1); ok && d.typ == model.TypeDuration && !d.isWord(j, "of") {
				return j, date, true // "the past two weeks"
			}
			*d = save
			if code, ok := lookup(timeUnits, d.word(n+1)); ok && isLowerWord(d.word(n+1)) && !d.isWord(n+2, "of") {
				if strings.HasSuffix(d.word(n+1), "s") {
					return 0, model.Date{}, false
				}
				d.typ, d.val = model.TypeDuration, durationValue("1", 1, code)
				return n + 2, model.Date{}, true // "the past year"
			}
		}
		if d.isWord(n, "past") && !d.isWord(n+1, "of") && (d.isWord(k-1, "in") || n+1 >= len(d.toks) || d.toks[n+1].kind == tPunct || !isLowerWord(d.word(n+1)) || inSet(unitStop, d.word(n+1))) {
			d.val = "PAST_REF"
			return n + 1, model.Date{}, true
		}
	case d.isWord(n, "future") || d.isWord(n, "near") && d.isWord(n+1, "future"):
		if d.isWord(n, "near") {
			n++
		}
		if d.isWord(n+1, "of") {
			return 0, model.Date{}, false // "the future of Europe"
		}
		d.val = "FUTURE_REF"
		return n + 1, model.Date{}, true
	case d.isWord(n, "early") || d.isWord(n, "mid") || d.isWord(n, "late"):
		return d.matchCore(n, dir)
	case (d.isWord(n, "end") || d.isWord(n, "start") || d.isWord(n, "beginning") || d.isWord(n, "middle")) && d.isWord(n+1, "of"):
		return d.partOf(n+2, dir)
	case d.isWord(n, "fiscal") && d.isWord(n+1, "year"):
		date, ok := d.fiscalYear(0)
		return n + 2, date, ok
	}
	if _, ok := lookup(seasonCodes, d.word(n)); ok {
		return d.season(k, n, dir)
	}
	if ord, e, ok := d.ordinalWord(n); ok {
		if d.isWord(e, "century") || isHyphen(d.word(e)) && d.isWord(e+1, "century") {
			if !d.isWord(e, "century") {
				e++
			}
			d.val = fmt.Sprintf("%02d", ord-1)
			return e + 1, model.Date{}, true
		}
		if d.isWord(e, "quarter") || d.isWord(e, "half") {
			return d.quarter(k, e, ord, dir)
		}
	}
	return 0, model.Date{}, false
}

// timexWord reads the TIMEX3 expressions that start with a word at token
// i besides those of calendar dates: sets ("every Monday", "each year",
// "daily", "once a week", "per day"), durations ("for years", "several
// days"), seasons ("in summer"), fiscal years ("fiscal 2023", "FY2023"),
// quarters ("Q1 2022") and "noon", "midday" and "midnight".
func (d *dateScanner) timexWord(i int, dir direction) (int, model.Date, bool) {
	w := d.word(i)
	switch {
	case d.isWord(i, "every") || d.isWord(i, "each"):
		return d.every(i)
	case d.isWord(i, "once") || d.isWord(i, "twice"):
		if d.isWord(i+1, "a") || d.isWord(i+1, "per") || d.isWord(i+1, "every") {
			if code, ok := lookup(timeUnits, d.word(i+2)); ok && !strings.HasSuffix(d.word(i+2), "s") {
				d.typ, d.val = model.TypeSet, durationValue("1", 1, code)
				return i + 3, model.Date{}, true
			}
		}
		return 0, model.Date{}, false
	case d.isWord(i, "per"):
		if code, ok := lookup(timeUnits, d.word(i+1)); ok && code != "TH" && code != "TM" && code != "TS" && !strings.HasSuffix(d.word(i+1), "s") {
			d.typ, d.val = model.TypeSet, durationValue("1", 1, code)
			return i + 2, model.Date{}, true
		}
		return 0, model.Date{}, false
	case d.isWord(i, "several") || d.isWord(i, "few") || d.isWord(i, "many"):
		return d.amount(i)
	case d.isWord(i, "fiscal") || d.isWord(i, "fy"):
		k := i + 1
		if d.isWord(k, "year") {
			k++
		}
		if y, ok := yearNumber(d.word(k)); ok && k < len(d.toks) && d.toks[k].kind == tNum {
			return k + 1, model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true
		}
		return 0, model.Date{}, false
	case len(w) == 6 && (w[0] == 'F' || w[0] == 'f') && (w[1] == 'Y' || w[1] == 'y'):
		if y, ok := yearNumber(w[2:]); ok {
			return i + 1, model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, true // "FY2023"
		}
		return 0, model.Date{}, false
	case len(w) == 2 && w[0] == 'Q' && w[1] >= '1' && w[1] <= '4':
		if y, ok := yearNumber(d.word(i + 1)); ok && d.toks[i+1].kind == tNum {
			return i + 2, d.quarterValue("Q", int(w[1]-'0'), y), true
		}
		if !d.hasPub {
			return 0, model.Date{}, false
		}
		return d.quarter(i, i, int(w[1]-'0'), dir)
	case d.isWord(i, "noon") || d.isWord(i, "midday") || d.isWord(i, "midnight"):
		if !inSet(clockContext, strings.ToLower(d.word(i-1))) {
			return 0, model.Date{}, false
		}
		d.clock = "T12:00"
		if d.isWord(i, "midnight") {
			d.clock = "T24:00"
		}
		return d.timeDay(i + 1)
	}
	if v, ok := lookup(setWords, w); ok && isLowerWord(w) {
		d.typ, d.val = model.TypeSet, v
		return i + 1, model.Date{}, true
	}
	if _, ok := lookup(seasonCodes, w); ok {
		return d.season(i, i, dir)
	}
	if code, ok := lookup(timeUnits, w); ok && strings.HasSuffix(w, "s") && d.relativeOrder(i+1) && (isLowerWord(w) || d.toks[i].start == d.sent.start) {
		// "hours later", "Minutes after the vote", "days before": a
		// span of unknown length between two events of the text.
		d.typ, d.val = model.TypeDuration, durationValue("X", 0, code)
		return i + 2, model.Date{}, true
	}
	if code, ok := lookup(timeUnits, w); ok && isLowerWord(w) && strings.HasSuffix(w, "s") {
		// A bare plural: "for years", "months of talks", "decades ago".
		if d.isWord(i+1, "ago") {
			if !d.hasPub {
				return 0, model.Date{}, false
			}
			d.val = "PAST_REF"
			return i + 2, model.Date{}, true
		}
		prev := strings.ToLower(d.word(i - 1))
		sentStart := i == 0 || d.toks[i].start == d.sent.start || d.toks[i-1].kind == tPunct
		if d.isWord(i+1, "of") && d.ingVerb(i-1) {
			sentStart = true // "ending months of speculation"
		}
		if inSet(durationContext, prev) && d.toks[i-1].kind == tWord || d.unitPair(i) || d.isWord(i+1, "of") && (sentStart || inSet(durationOfContext, prev)) {
			d.typ, d.val = model.TypeDuration, durationValue("X", 0, code)
			return i + 1, model.Date{}, true
		}
	}
	return 0, model.Date{}, false
}

// unitPair reports whether the bare plural unit at token i is the second
// of two ("days or weeks", "weeks, possibly months", "not weeks but
// months"): a plural unit at most three tokens before it, with only
// punctuation and pair words (lexicon duration-pair-words) between, and
// at least one of them.
func (d *dateScanner) unitPair(i int) bool {
	for k := i - 1; k >= i-3 && k >= 0 && d.toks[k].start >= d.sent.start; k-- {
		w := d.word(k)
		if k < i-1 && d.toks[k].kind == tWord && strings.HasSuffix(w, "s") && isLowerWord(w) && inSet(timeUnitWords, w) {
			return true
		}
		if d.toks[k].kind == tWord && !inSet(durationPairWords, w) || d.toks[k].kind == tNum {
			return false
		}
	}
	return false
}

// ingVerb reports whether token k is a lower-case -ing form with no
// determiner or possessive before it: "ending months of speculation",
// not "the closing weeks of the campaign".
func (d *dateScanner) ingVerb(k int) bool {
	w := d.word(k)
	if k < 0 || d.toks[k].kind != tWord || !isLowerWord(w) || len(w) < 5 || !strings.HasSuffix(w, "ing") {
		return false
	}
	p := d.word(k - 1)
	return !(d.isWord(k-1, "the") || inSet(yearDeterminers, p))
}

// relativeOrder reports whether token k orders two events ("later",
// "earlier", "after", "before") and is followed by what it orders or
// ends its clause: "hours later," and "hours after the vote", not "after"
// opening a noun ("the hours after-sales staff work" has a hyphen).
func (d *dateScanner) relativeOrder(k int) bool {
	if !d.isWord(k, "later") && !d.isWord(k, "earlier") && !d.isWord(k, "after") && !d.isWord(k, "before") {
		return false
	}
	return k+1 >= len(d.toks) || !isHyphen(d.word(k+1)) || !d.adjacent(k)
}

// every reads "every Monday" (XXXX-WXX-1), "every day", "each year",
// "every two weeks", "every other day", "every morning", "every summer".
func (d *dateScanner) every(i int) (int, model.Date, bool) {
	k := i + 1
	q, n := "1", 1.0
	if d.isWord(k, "other") {
		q, n, k = "2", 2, k+1
	} else if k < len(d.toks) && !d.isWord(k, "a") {
		if qq, nn, e, ok := d.quantity(k); ok {
			q, n, k = qq, nn, e // "every two weeks", "every few minutes"
		}
	}
	w := d.word(k)
	if wd, ok := lookup(weekdayNames, w); ok && isCapitalized(w) && q == "1" {
		d.typ, d.val = model.TypeSet, fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1)
		return k + 1, model.Date{}, true
	}
	if m, ok := lookup(monthNames, w); ok && isCapitalized(w) && q == "1" && !monthAbbrev(w) {
		d.typ, d.val = model.TypeSet, fmt.Sprintf("XXXX-%02d", int(m)) // "every April"
		return k + 1, model.Date{}, true
	}
	if code, ok := lookup(partsOfDay, w); ok && q == "1" && !d.isWord(k, "tonight") {
		d.typ, d.val = model.TypeSet, "XXXX-XX-XXT"+code
		return k + 1, model.Date{}, true
	}
	if code, ok := lookup(seasonCodes, w); ok && q == "1" && isLowerWord(w) {
		d.typ, d.val = model.TypeSet, "XXXX-"+code
		return k + 1, model.Date{}, true
	}
	code, ok := lookup(timeUnits, w)
	if !ok || !isLowerWord(w) || (n == 1) == strings.HasSuffix(w, "s") || d.isWord(k+1, "that") || d.isWord(k+1, "which") {
		return 0, model.Date{}, false // "with every hour that goes by": no schedule
	}
	d.typ, d.val = model.TypeSet, durationValue(q, n, code)
	return k + 1, model.Date{}, true
}
