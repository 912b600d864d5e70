package extract

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// langDates is the date reader of a language with a lexicon: the same
// precision model and TIMEX3 values as the English reader, with the
// language's month names (in their case forms), weekdays, relative day,
// week and year words and parts of the day.
type langDates struct {
	lx   *langLexicon
	pub  time.Time
	toks []ltok
	// lastDay is the last day read in the article (a date or a time of
	// a day), the date that "того ж дня" counts from.
	lastDay time.Time
	// newsDay is the day the article's first paragraph names, else the
	// publication date: the day that "напередодні" counts from when its
	// sentence names none (sentDay).
	newsDay time.Time
	// sentDay and sentYear are the last day and year named in the
	// sentence being read (a month in "в прошлом году … в конце
	// октября" is of that year).
	sentDay  time.Time
	sentYear int
	// paraYear is the last year the paragraph wrote in digits (sank
	// 2023 um 0,3 Prozent), the year that "im Vorjahr" counts from
	// when it is a past one; lastQuarter is the last quarter the
	// paragraph named (2023-Q4), which "das Vorquartal" counts from.
	paraYear    int
	lastQuarter string
	// yearTok is the token of the last year the paragraph read alone
	// (2020 und 2021), -1 before any.
	yearTok int
	// nightDay is the day of the night the sentence named (in der
	// Nacht zum Freitag), whose hours are of that evening or the
	// morning after.
	nightDay time.Time
	// sentWeek is the Monday of the week the sentence named (vergangene
	// Woche … von Donnerstag bis Freitag), whose weekdays are of it.
	sentWeek time.Time
	// ledeDay is the first day the first paragraph names, a time of a
	// day too (am Freitagabend): the day a quote's "heute" is of when
	// the article appears the day after.
	ledeDay time.Time
	// quoted tells, per token of the paragraph, whether it stands in
	// quotation marks (nil until inQuote first reads the paragraph).
	quoted []bool
	out    []model.DateMention
}

func (lx *langLexicon) dates(paras []string, published model.Date) []model.DateMention {
	d := langDates{lx: lx, pub: published.Start}
	if d.pub.IsZero() {
		d.pub = time.Now().UTC().Truncate(24 * time.Hour)
	}
	d.lastDay, d.newsDay = d.pub, d.pub
	newsSet := false
	var sents []span
	for pi, p := range paras {
		d.toks = langTokens(p, lx.dotThousands, d.toks)
		sents = sentences(p, sents)
		paraDay := d.pub
		d.paraYear, d.lastQuarter, d.quoted, d.yearTok = 0, "", nil, -1
		sent := span{start: -1, end: -1}
		// undated are the clock times of the sentence read before any
		// day: a relative day after them names theirs (Kurz vor 19 Uhr
		// verlas er gestern).
		var undated []int
		for i := 0; i < len(d.toks); {
			// A sentence's end as the shared splitter sees it, or a
			// full stop it misses inside German marks („…“, sagte er.
			// Der …), ends what the sentence named.
			if d.toks[i].start >= sent.end || i > 0 && !d.inNumber(p, i-1) && strings.ContainsAny(p[d.toks[i-1].end:d.toks[i].start], ".!?") {
				if d.toks[i].start >= sent.end {
					sent = sentenceAt(sents, d.toks[i].start, len(p))
				}
				d.sentDay, d.sentYear, d.nightDay, d.sentWeek = time.Time{}, 0, time.Time{}, time.Time{}
				undated = undated[:0]
			}
			m, n := d.at(p, i, paraDay)
			if n == 0 {
				i++
				continue
			}
			start := i
			if start > 1 && lx.prepositions[d.toks[start-2].low+" "+d.toks[start-1].low] &&
				onlySpaceBetween(p, d.toks[start-2].end, d.toks[start-1].start) && onlySpaceBetween(p, d.toks[start-1].end, d.toks[start].start) {
				start -= 2 // в конце октября
			} else if start > 0 && lx.isPrep(d.toks[start-1].low) && onlySpaceBetween(p, d.toks[start-1].end, d.toks[start].start) {
				start--
			}
			m.Start, m.End = d.toks[start].start, d.toks[i+n-1].end
			m.Text = p[m.Start:m.End]
			m.Para = pi
			s := sentenceAt(sents, m.Start, len(p))
			m.Sentence = p[s.start:s.end]
			if !m.Date.IsZero() && m.Date.Precision == model.Day {
				d.lastDay, d.sentDay = m.Date.Start, m.Date.Start
				if m.Type == model.TypeDate && pi == 0 && !newsSet {
					d.newsDay, newsSet = m.Date.Start, true
				}
				if pi == 0 && d.ledeDay.IsZero() {
					d.ledeDay = m.Date.Start
				}
				// The hour of a day named is of the paragraph's day too
				// (am Montag um 2.03 Uhr und um 19.04 Uhr); a night is
				// often the one before the day named (в ночь на
				// субботу), so it names none.
				if m.Type == model.TypeDate || !strings.HasSuffix(m.Value, "TNI") {
					paraDay = m.Date.Start
				}
			}
			if m.Type == model.TypeDate && m.Date.Precision == model.Year {
				d.sentYear = m.Date.Start.Year()
			}
			// A year written out with a day or a month is the
			// sentence's year too: am 1. Mai 2023 gestartet, der
			// Verkauf hatte am 3. April begonnen.
			if y := d.writtenYear(i, n); y != 0 {
				d.sentYear, d.paraYear = y, y
			}
			if strings.Contains(m.Value, "-Q") {
				d.lastQuarter = m.Value
			}
			if m.Type == model.TypeDate && m.Date.Precision == model.Year {
				d.yearTok = i + n - 1
			}
			if m.Date.Precision == model.Week && !strings.HasSuffix(m.Value, "-WE") {
				d.sentWeek = m.Date.Start
			}
			switch {
			case m.Type == model.TypeTime && m.Date.IsZero() && len(m.Value) > 10 && m.Value[0] != 'X':
				undated = append(undated, len(d.out))
			case m.Type == model.TypeTime && strings.HasSuffix(m.Value, "TNI") && !m.Date.IsZero():
				d.nightDay = m.Date.Start
			case m.Type == model.TypeDate && m.Date.Precision == model.Day && lx.relDays[d.toks[i].low] != nil:
				for _, k := range undated {
					d.out[k].Value = m.Value + d.out[k].Value[10:]
				}
				undated = undated[:0]
			}
			d.out = append(d.out, m)
			i += n
			// The shared splitter ends a sentence at the dot of a day
			// (am 1. Mai 2023 gestartet): the sentence goes on from
			// the expression's last word.
			if end := d.toks[i-1].start; end >= sent.end {
				sent = sentenceAt(sents, end, len(p))
			}
		}
	}
	return d.out
}

func onlySpaceBetween(p string, a, b int) bool {
	return a <= b && strings.TrimSpace(strings.NewReplacer("\u00a0", "", "\u202f", "").Replace(p[a:b])) == ""
}

// maxLangWindow is how many words each side of an expression or a
// quote the readers of other languages look at: a sentence's worth.
const maxLangWindow = 64

// future reports whether the clause around toks[i] speaks of the
// future: one of its words is a marker of the future tense. The clause
// ends at a comma too, so that a relative clause's verb (угоду, яка має
// розблокувати) does not set the tense of the main one.
func (d *langDates) future(p string, i int) bool {
	lo, hi := d.clause(p, i)
	if d.futureIn(lo, hi) {
		return true
	}
	// A clause whose verb a dash leaves out has the tense of the clause
	// before: Госдума рассмотрит договор в четверг, Совет Федерации — в
	// пятницу.
	if lo > 0 && strings.TrimSpace(p[d.toks[lo-1].end:d.toks[lo].start]) == "," && d.dashIn(p, lo, hi) {
		plo, phi := d.clause(p, lo-1)
		return d.futureIn(plo, phi)
	}
	return false
}

// dashIn reports whether a dash stands between the tokens lo to hi.
func (d *langDates) dashIn(p string, lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if strings.Contains(p[d.toks[k].end:d.toks[k+1].start], "—") {
			return true
		}
	}
	return false
}

// futureIn reports whether one of the tokens lo to hi is a marker of
// the future tense.
func (d *langDates) futureIn(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		w := d.toks[k].low
		if d.lx.future[w] {
			return true
		}
		if d.lx.lang == "fr" && len(w) > 4 && (strings.HasSuffix(w, "ra") || strings.HasSuffix(w, "ront")) {
			return true
		}
	}
	return false
}

// clause returns the first and last token of the clause around toks[i].
func (d *langDates) clause(p string, i int) (int, int) {
	// At most a window of words each side, so that a run-on paragraph
	// stays linear.
	lo, hi := i, i
	for lo > 0 && i-lo < maxLangWindow && !d.breaksClause(p, lo-1) {
		lo--
	}
	for hi+1 < len(d.toks) && hi-i < maxLangWindow {
		gap := p[d.toks[hi].end:d.toks[hi+1].start]
		if d.inNumber(p, hi) {
			hi++
			continue
		}
		// A fronted expression takes the tense of the clause after its
		// comma: "Jeudi, le Conseil se réunira".
		if strings.ContainsAny(gap, ".!?,;") && (hi != i || lo != i || strings.TrimSpace(gap) != ",") {
			break
		}
		hi++
	}
	return lo, hi
}

// breaksClause reports whether the marks after token k end a clause.
func (d *langDates) breaksClause(p string, k int) bool {
	return !d.inNumber(p, k) && strings.ContainsAny(p[d.toks[k].end:d.toks[k+1].start], ".!?,;")
}

// inNumber reports whether tokens k and k+1 are parts of one number, a
// clock time or a date written with marks (2.03 Uhr, 24.02.2022, 19:04,
// am 15. Januar), not two words of a sentence.
func (d *langDates) inNumber(p string, k int) bool {
	a, b := d.toks[k], d.toks[k+1]
	if !a.isNum {
		return false
	}
	return b.isNum && b.start == a.end+1 || d.lx.months[b.low] > 0 && strings.TrimSpace(p[a.end:b.start]) == "."
}

// weekday returns the day the weekday wd names: in a sentence about the
// future the next one from the publication date, otherwise the last one
// (the publication day itself when it is that weekday); after a
// preposition of the future (bis Sonntag) the next one.
func (d *langDates) weekday(p string, i, wd int) time.Time {
	cur := int(d.pub.Weekday()+6)%7 + 1
	if i > 0 && d.lx.futurePreps[d.toks[i-1].low] || d.future(p, i) || len(d.lx.past) > 0 && !d.past(p, i) {
		return d.pub.AddDate(0, 0, (wd-cur+7)%7)
	}
	return d.pub.AddDate(0, 0, -((cur - wd + 7) % 7))
}

// past reports whether the clause around toks[i] is in the past: one of
// its words is a marker of the past, or a lower-case word in -te or -ten
// (a weak Präteritum: sagte, telefonierten) that is not listed as none.
func (d *langDates) past(p string, i int) bool {
	lo, hi := d.clause(p, i)
	for k := lo; k <= hi; k++ {
		if d.lx.past[d.toks[k].low] || d.weakPast(p, k) {
			return true
		}
	}
	return false
}

func dayMention(t time.Time) model.DateMention {
	dt := model.NewDay(t.Year(), t.Month(), t.Day())
	return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}
}

// at reads the temporal expression starting at token i: the mention and
// the number of tokens it spans, 0 when none starts there. paraDay is the
// day the paragraph last named, which a part of the day alone refers to.
func (d *langDates) at(p string, i int, paraDay time.Time) (model.DateMention, int) {
	lx, toks := d.lx, d.toks
	t := toks[i]
	next := func(k int) (ltok, bool) {
		if i+k < len(toks) {
			return toks[i+k], true
		}
		return ltok{}, false
	}
	if m, n := d.numeric(p, i, paraDay); n > 0 {
		return m, n
	}
	// A day and a month, a year perhaps: 24 лютого 2022 року, 24. Februar.
	if t.isNum && t.num >= 1 && t.num <= 31 && t.num == float64(int(t.num)) {
		if mt, ok := next(1); ok {
			if mo, isMonth := lx.months[mt.low]; isMonth && !strings.Contains(p[t.end:mt.start], ",") {
				y, n := d.year(p, i+2, time.Month(mo))
				day := time.Date(y, time.Month(mo), int(t.num), 0, 0, 0, 0, time.UTC)
				// A range to a day of another month is one date, its
				// first day: с 30 марта по 5 апреля.
				if e := i + 1 + n; e+2 < len(toks) && lx.dayRanges[toks[e].low] && toks[e+1].isNum && toks[e+1].num >= 1 && toks[e+1].num <= 31 {
					if mo2, ok := lx.months[toks[e+2].low]; ok {
						_, n2 := d.year(p, e+3, time.Month(mo2))
						return dayMention(day), e + 2 + n2 - i
					}
				}
				return d.withPartOfDay(p, i+1+n, dayMention(day), 1+n)
			}
		}
	}
	// Days of one month: les 12 et 19 juin, 23. und 24. Juni (the first).
	if t.isNum && t.num >= 1 && t.num <= 31 && i+3 < len(toks) && lx.conjunctions[toks[i+1].low] && toks[i+2].isNum {
		if mo, isMonth := lx.months[toks[i+3].low]; isMonth {
			y, n := d.year(p, i+4, time.Month(mo))
			return dayMention(time.Date(y, time.Month(mo), int(t.num), 0, 0, 0, 0, time.UTC)), 3 + n
		}
	}
	// A clock time: 4:17, 10 Uhr, 20 h.
	if t.isNum && t.num < 24 && t.end < len(p) && p[t.end] == ':' {
		if mt, ok := next(1); ok && mt.isNum && mt.start == t.end+1 && mt.end-mt.start == 2 && mt.num < 60 {
			v := fmt.Sprintf("%sT%02d:%02d", d.clockDay(p, i, paraDay, int(t.num)).Format("2006-01-02"), int(t.num), int(mt.num))
			return model.DateMention{Type: model.TypeTime, Value: v}, 2
		}
	}
	if t.isNum && t.num < 24 {
		if ct, ok := next(1); ok && lx.clockWords[ct.low] {
			min, n := 0, 2
			if mt, ok := next(2); ok && mt.isNum && mt.num < 60 && onlySpaceBetween(p, ct.end, mt.start) {
				min, n = int(mt.num), 3
			}
			h, pn := d.hourPart(p, i+n, int(t.num))
			v := fmt.Sprintf("%sT%02d:%02d", d.clockDay(p, i, paraDay, h).Format("2006-01-02"), h, min)
			return model.DateMention{Type: model.TypeTime, Value: v}, n + pn
		}
	}
	if m, n := d.quarter(p, i); n > 0 {
		return m, n
	}
	if m, n := d.holiday(p, i); n > 0 {
		return m, n
	}
	// The middle of a month in one word: mi-février.
	if rest, ok := strings.CutPrefix(t.low, "mi-"); ok && lx.months[rest] > 0 {
		y, n := d.year(p, i+1, time.Month(lx.months[rest]))
		dt := model.Date{Start: time.Date(y, time.Month(lx.months[rest]), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String(), Mod: model.ModMid}, n
	}
	// A month, a year perhaps: у лютому, im Februar 2022, en mars. A
	// month's short form that is also a number (sept) is the number
	// unless a year follows.
	if mo, ok := lx.months[t.low]; ok && (lx.numberWords[t.low] == 0 || i+1 < len(toks) && toks[i+1].isNum && toks[i+1].num >= 1900) {
		y, n := d.year(p, i+1, time.Month(mo))
		dt := model.Date{Start: time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	// A year after its noun: im Jahr 2050, l'année 2015.
	if lx.yearWords[t.low] && i+1 < len(toks) && toks[i+1].isNum && toks[i+1].num >= 1900 && toks[i+1].num <= 2100 && toks[i+1].end-toks[i+1].start == 4 {
		dt := model.Date{Start: time.Date(int(toks[i+1].num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, 2
	}
	// A decade: die 1990er Jahre.
	if t.isNum && t.end-t.start == 6 && strings.HasSuffix(t.low, "er") && t.num >= 1000 && int(t.num)%10 == 0 {
		n := 1
		if u, ok := lx.timeUnits[d.lowAt(i+1)]; ok && u == "Y" {
			n = 2
		}
		return model.DateMention{Type: model.TypeDate, Value: strconv.Itoa(int(t.num) / 10)}, n
	}
	// German opens a sentence with a bare year: 2014 annektierte
	// Russland die Krim.
	if lx.lang == "de" && t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 && i+1 < len(toks) && d.opensSentence(p, i) {
		if r, _ := utf8.DecodeRuneInString(p[toks[i+1].start:]); unicode.IsLower(r) {
			dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
			return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, 1
		}
	}
	// German names a bare year beside its verb inside a sentence too:
	// war 1961 in Kahl, 2021 waren es 21.000.
	if lx.lang == "de" && t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 && d.yearBesideVerb(p, i) {
		dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, 1
	}
	// German names a year after the noun it dates, behind an article:
	// den Haushalt 2024, bei der Wahl 2021.
	if lx.lang == "de" && t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 && d.yearAfterNoun(p, i) {
		dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, 1
	}
	// A year compared at the end of a clause: viermal so viele wie
	// 2014.
	if lx.lang == "de" && t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 && i > 0 && d.comparedYear(i) &&
		(i+1 == len(toks) || d.breaksClause(p, i)) {
		dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, 1
	}
	// A year as an ordinal, its word perhaps after it: 2023-й рік, у
	// 2023-му.
	if t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 && i+1 < len(toks) && t.end < len(p) && p[t.end] == '-' &&
		toks[i+1].start == t.end+1 && lx.yearSuffixes[toks[i+1].low] {
		n := 2
		if lx.yearWords[d.lowAt(i+2)] {
			n = 3
		}
		dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	// A year: 2022 року, im Jahr 2015, en 2015.
	if t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 {
		_, hasWord := next(1)
		if hasWord && lx.yearWords[toks[i+1].low] || i > 0 && lx.isPrep(toks[i-1].low) || d.yearAfterYear(p, i) {
			n := 1
			if hasWord && lx.yearWords[toks[i+1].low] {
				n = 2
			}
			dt := model.Date{Start: time.Date(int(t.num), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
			return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
		}
	}
	// A unit alone said to lie before publication: год назад, рік тому.
	if u, ok := lx.timeUnits[t.low]; ok && (i == 0 || !toks[i-1].isNum && lx.numberWords[toks[i-1].low] == 0) {
		if i+1 < len(toks) && lx.agoAfter[toks[i+1].low] {
			if m, n := d.agoAt(1, u, 2); n > 0 {
				return m, n
			}
		}
	}
	// A duration: п'ять годин, 30 діб, drei Tage; "one" only before
	// publication (vor einem Jahr, il y a un an).
	if v, ok := d.count(t); ok && (t.isNum || v != 1 || d.agoBeforeAt(i)) {
		if ut, ok := next(1); ok {
			if u, isUnit := lx.timeUnits[ut.low]; isUnit {
				if ago, n := d.ago(i, v, u); n > 0 {
					return ago, n
				}
				return model.DateMention{Type: model.TypeDuration, Value: durationValue(strconv.FormatFloat(v, 'f', -1, 64), v, u)}, 2
			}
		}
	}
	if wd, ok := lx.weekdays[t.low]; ok {
		// The weekday of a week said in words: am Mittwoch vergangener
		// Woche, в среду прошлой недели.
		if i+1 < len(toks) {
			if ph, n, ok := lx.relWeeks.match(toks, i+1); ok {
				var off int
				fmt.Sscan(ph.value, &off)
				w := d.pub.AddDate(0, 0, 7*off)
				w = w.AddDate(0, 0, wd-1-(int(w.Weekday()+6)%7))
				return dayMention(w), 1 + n
			}
		}
		// A word that says which one: am vergangenen Donnerstag, jeudi
		// dernier.
		mod, n := 0, 1
		if lx.lang == "fr" {
			mod = lx.weekdayMods[d.lowAt(i+1)]
			n += min(mod*mod, 1)
		} else if i > 0 {
			mod = lx.weekdayMods[toks[i-1].low]
		}
		if mod != 0 {
			// The one before or after the publication day, never the
			// day itself.
			cur := int(d.pub.Weekday()+6)%7 + 1
			off := (wd-cur+6)%7 + 1
			if mod < 0 {
				off = -((cur-wd+6)%7 + 1)
			}
			return d.withPartOfDay(p, i+n, dayMention(d.pub.AddDate(0, 0, off)), n)
		}
		// A weekday of the week the sentence named: vergangene Woche
		// … von Donnerstag bis Freitag.
		if !d.sentWeek.IsZero() {
			return d.withPartOfDay(p, i+1, dayMention(d.sentWeek.AddDate(0, 0, wd-1)), 1)
		}
		return d.withPartOfDay(p, i+1, dayMention(d.weekday(p, i, wd)), 1)
	}
	// A weekday and its part in one word, as German writes them:
	// Samstagabend.
	for w, wd := range lx.weekdays {
		if lx.lang != "de" {
			break
		}
		rest, ok := strings.CutPrefix(t.low, w)
		if !ok || rest == "" {
			continue
		}
		// The part is the adverb (abends) or the phrase (am Abend) of
		// the rest of the word.
		for _, ph := range append(append(lx.partsOfDay[rest+"s"], lx.partsOfDay[rest]...), lx.partsOfDay["am"]...) {
			if len(ph.words) == 1 && (ph.words[0] == rest+"s" || ph.words[0] == rest) || len(ph.words) == 2 && ph.words[1] == rest {
				m := dayMention(d.weekday(p, i, wd))
				if !d.sentWeek.IsZero() {
					m = dayMention(d.sentWeek.AddDate(0, 0, wd-1))
				}
				// Its hour is the time: am Montagabend um 18 Uhr.
				if h, hn := d.hourAfter(p, i+1, m); hn > 0 {
					return h, 1 + hn
				}
				return model.DateMention{Type: model.TypeTime, Value: m.Value + "T" + ph.value, Date: m.Date}, 1
			}
		}
	}
	if ph, n, ok := lx.relDays.match(toks, i); ok && !d.germanNoun(p, i, ph) {
		var day time.Time
		// A value may name a part of the day after the day: am
		// Vorabend is "before EV".
		rel, part, _ := strings.Cut(ph.value, " ")
		switch rel {
		case "before":
			from := d.newsDay
			if !d.sentDay.IsZero() {
				from = d.sentDay
			}
			day = from.AddDate(0, 0, -1)
		case "same":
			day = d.lastDay
		case "after":
			day = d.lastDay.AddDate(0, 0, 1)
		case "sentence":
			// The day the sentence or the paragraph is about: im
			// Laufe des Tages.
			day = paraDay
			if !d.sentDay.IsZero() {
				day = d.sentDay
			}
		default:
			var off int
			fmt.Sscan(rel, &off)
			from := d.pub
			// In a quote, of the day the lede names when that is
			// before publication: the words were said then („…
			// tut es heute besonders weh“ after a Friday-evening
			// match, in Saturday's paper).
			if lx.lang == "de" && d.ledeDay.Before(d.pub) && !d.ledeDay.IsZero() && d.inQuote(p, i) {
				from = d.ledeDay
			}
			day = from.AddDate(0, 0, off)
		}
		if part != "" {
			m := dayMention(day)
			return model.DateMention{Type: model.TypeTime, Value: m.Value + "T" + part, Date: m.Date}, n
		}
		return d.withPartOfDay(p, i+n, dayMention(day), n)
	}
	if ph, n, ok := lx.relWeeks.match(toks, i); ok {
		var off int
		fmt.Sscan(ph.value, &off)
		w := d.pub.AddDate(0, 0, 7*off)
		w = w.AddDate(0, 0, -(int(w.Weekday()+6) % 7))
		dt := model.Date{Start: w, Precision: model.Week}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	if ph, n, ok := lx.sets.match(toks, i); ok {
		return model.DateMention{Type: model.TypeSet, Value: ph.value}, n
	}
	if ph, n, ok := lx.relMonths.match(toks, i); ok {
		var off int
		fmt.Sscan(ph.value, &off)
		dt := model.Date{Start: time.Date(d.pub.Year(), d.pub.Month()+time.Month(off), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	if ph, n, ok := lx.weekends.match(toks, i); ok {
		var off int
		fmt.Sscan(ph.value, &off)
		// This weekend in a clause of the past, published on a
		// weekday, is the last one: Am Wochenende hatten Tausende
		// demonstriert, seit dem Wochenende.
		if wd := d.pub.Weekday(); off == 0 && wd != time.Saturday && wd != time.Sunday && (d.past(p, i) || d.since(i)) && !d.future(p, i) {
			off = -1
		}
		w := d.pub.AddDate(0, 0, 7*off)
		w = w.AddDate(0, 0, -(int(w.Weekday()+6) % 7))
		dt := model.Date{Start: w, Precision: model.Week}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String() + "-WE"}, n
	}
	if ph, n, ok := lx.seasons.match(toks, i); ok {
		// A season of a year said: im Frühjahr 2022, весной 2022 года,
		// летом прошлого года.
		if k := i + n; k < len(toks) {
			if yt := toks[k]; yt.isNum && yt.num >= 1900 && yt.num <= 2100 && yt.end-yt.start == 4 {
				yn := 1
				if d.lx.yearWords[d.lowAt(k+1)] {
					yn = 2
				}
				return model.DateMention{Type: model.TypeDate, Value: fmt.Sprintf("%04d-%s", int(yt.num), ph.value)}, n + yn
			}
			if yp, yn, ok := lx.relYears.match(toks, k); ok {
				return model.DateMention{Type: model.TypeDate, Value: fmt.Sprintf("%04d-%s", d.relYear(yp), ph.value)}, n + yn
			}
		}
		return model.DateMention{Type: model.TypeDate, Value: fmt.Sprintf("%04d-%s", d.seasonYear(p, i, ph.value), ph.value)}, n
	}
	if ph, n, ok := lx.relYears.match(toks, i); ok {
		dt := model.Date{Start: time.Date(d.relYear(ph), 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	if _, n, ok := lx.present.match(toks, i); ok {
		return model.DateMention{Type: model.TypeDate, Value: "PRESENT_REF"}, n
	}
	if ph, n, ok := lx.partsOfDay.match(toks, i); ok {
		// A part of the day before its day: увечері в четвер. A night
		// "to" a day (в ночь на субботу, in der Nacht zum Freitag) is the
		// night of the day before.
		k := i + n
		before := ph.value == "NI" && k+1 < len(toks) && lx.nightTo[toks[k].low]
		if before || k < len(toks) && lx.prepositions[toks[k].low] {
			k++
		}
		if k < len(toks) {
			if m, dn := d.at(p, k, paraDay); dn > 0 && m.Type == model.TypeDate && m.Date.Precision == model.Day {
				day := m.Date
				if before {
					day = model.NewDay(day.Start.Year(), day.Start.Month(), day.Start.Day()-1)
				}
				// The night from one day to the next: dans la nuit de
				// dimanche à lundi.
				if e := k + dn; e+1 < len(toks) && lx.dayRanges[toks[e].low] {
					if m2, dn2 := d.at(p, e+1, paraDay); dn2 > 0 && m2.Type == model.TypeDate && m2.Date.Precision == model.Day {
						dn += 1 + dn2
					}
				}
				return model.DateMention{Type: model.TypeTime, Value: day.String() + "T" + ph.value, Date: day}, k - i + dn
			}
		}
		day := d.dayOf(p, i, paraDay)
		// A night in the past with no day named is the last one, that
		// of the day before publication: Ночью Путин подписал указы.
		if ph.value == "NI" && paraDay.Equal(d.pub) && !d.future(p, i) && (len(lx.past) == 0 || d.past(p, i)) {
			day = d.pub.AddDate(0, 0, -1)
		}
		return model.DateMention{Type: model.TypeTime, Value: day.Format("2006-01-02") + "T" + ph.value}, n
	}
	return model.DateMention{}, 0
}

// yearBesideVerb reports whether the number at token i stands as a year
// next to a verb of the past: after one, with a lower-case word or the
// clause's end next (war 1961 in Kahl, not waren 2000 Soldaten), or
// before one (2021 waren es).
func (d *langDates) yearBesideVerb(p string, i int) bool {
	toks := d.toks
	if i+1 < len(toks) && d.lx.past[toks[i+1].low] && onlySpaceBetween(p, toks[i].end, toks[i+1].start) {
		return true
	}
	if i == 0 || !d.lx.past[toks[i-1].low] && !d.weakPast(p, i-1) || !onlySpaceBetween(p, toks[i-1].end, toks[i].start) {
		return false
	}
	if i+1 == len(toks) || !onlySpaceBetween(p, toks[i].end, toks[i+1].start) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(p[toks[i+1].start:])
	return unicode.IsLower(r)
}

// weakPast reports whether token k is a lower-case word in -te or -ten
// (a weak Präteritum: schrumpfte, startete) that is not listed as none.
func (d *langDates) weakPast(p string, k int) bool {
	t := d.toks[k]
	r, _ := utf8.DecodeRuneInString(p[t.start:])
	return unicode.IsLower(r) && len(t.low) > 4 && (strings.HasSuffix(t.low, "te") || strings.HasSuffix(t.low, "ten")) && !d.lx.notPast[t.low]
}

// yearAfterYear reports whether the number at token i is a second year
// after a conjunction (2020 und 2021, 2014 et 2022): the paragraph read
// a year two tokens before, and no noun the number counts follows.
func (d *langDates) yearAfterYear(p string, i int) bool {
	if i < 2 || d.yearTok != i-2 || !d.lx.conjunctions[d.toks[i-1].low] {
		return false
	}
	if i+1 < len(d.toks) && onlySpaceBetween(p, d.toks[i].end, d.toks[i+1].start) {
		r, _ := utf8.DecodeRuneInString(p[d.toks[i+1].start:])
		return !unicode.IsUpper(r) && !d.toks[i+1].isNum
	}
	return true
}

// comparedYear reports whether the number at token i follows wie or als
// as the thing compared (so viele wie 2014, mehr Stimmen als 2017), not
// as a count after a qualifier (mehr als 2000).
func (d *langDates) comparedYear(i int) bool {
	switch d.toks[i-1].low {
	case "wie":
		return true
	case "als":
		return i < 2 || !d.lx.qualifiers[d.toks[i-2].low] && !d.lx.qualifiers[d.toks[i-2].low+" als"]
	}
	return false
}

// yearAfterNoun reports whether the number at token i follows a noun
// that an article or a contracted preposition opens (den Haushalt 2024,
// der Wahl 2021, im Etat 2025), the noun not one that names (die Agenda
// 2030), and no noun it counts comes after (die Zahl 2000 Menschen).
func (d *langDates) yearAfterNoun(p string, i int) bool {
	toks := d.toks
	if i < 2 || toks[i-1].isNum || d.lx.yearNames[toks[i-1].low] ||
		!onlySpaceBetween(p, toks[i-2].end, toks[i-1].start) || !onlySpaceBetween(p, toks[i-1].end, toks[i].start) {
		return false
	}
	// An adjective may stand between: bei der letzten Wahl 2017.
	if !d.lx.articles[toks[i-2].low] {
		r, _ := utf8.DecodeRuneInString(p[toks[i-2].start:])
		if i < 3 || !d.lx.articles[toks[i-3].low] || !unicode.IsLower(r) || toks[i-2].isNum || !onlySpaceBetween(p, toks[i-3].end, toks[i-2].start) {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(p[toks[i-1].start:]); !unicode.IsUpper(r) {
		return false
	}
	if i+1 < len(toks) && onlySpaceBetween(p, toks[i].end, toks[i+1].start) {
		r, _ := utf8.DecodeRuneInString(p[toks[i+1].start:])
		return !unicode.IsUpper(r) && !toks[i+1].isNum
	}
	return true
}

// germanNoun reports whether the one-word relative day ph at token i is
// a German noun: capitalized inside a sentence, Morgen is the morning
// (Guten Morgen, bis in den Morgen), not morgen, tomorrow.
func (d *langDates) germanNoun(p string, i int, ph lphrase) bool {
	if d.lx.lang != "de" || len(ph.words) != 1 || d.opensSentence(p, i) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(p[d.toks[i].start:])
	return unicode.IsUpper(r)
}

// opensSentence reports whether token i is the first of its sentence.
func (d *langDates) opensSentence(p string, i int) bool {
	if i == 0 {
		return true
	}
	return strings.ContainsAny(p[d.toks[i-1].end:d.toks[i].start], ".!?")
}

// inQuote reports whether token i of paragraph p stands inside
// quotation marks: a pair of the language's marks as the quote reader
// finds them (markedSpans). The paragraph is read once, when first asked.
func (d *langDates) inQuote(p string, i int) bool {
	if d.quoted == nil {
		marks := quoteMarks
		if d.lx.lang == "de" {
			marks = quoteMarksDe
		}
		d.quoted = make([]bool, len(d.toks))
		k := 0
		for _, sp := range markedSpans(p, marks) {
			for k < len(d.toks) && d.toks[k].start < sp.start {
				k++
			}
			for ; k < len(d.toks) && d.toks[k].start < sp.end; k++ {
				d.quoted[k] = true
			}
		}
	}
	return d.quoted[i]
}

// writtenYear is the year in digits among the n tokens from i, 0 when
// they write none.
func (d *langDates) writtenYear(i, n int) int {
	for k := i; k < i+n && k < len(d.toks); k++ {
		if t := d.toks[k]; t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 {
			return int(t.num)
		}
	}
	return 0
}

// relYear is the year a relative year phrase names: its offset from the
// publication year, or for "before" (im Vorjahr, des Vorjahres) the year
// before the past year the paragraph wrote in digits (2023 sank … Im
// Vorjahr), else the year before publication.
func (d *langDates) relYear(ph lphrase) int {
	if ph.value == "before" {
		if d.paraYear != 0 && d.paraYear < d.pub.Year() {
			return d.paraYear - 1
		}
		return d.pub.Year() - 1
	}
	var off int
	fmt.Sscan(ph.value, &off)
	return d.pub.Year() + off
}

// holiday reads a holiday at token i (an Weihnachten, in der Nacht zum
// Ostermontag): its day, the year as a month's, and the tokens read, 0
// when none starts at i.
func (d *langDates) holiday(p string, i int) (model.DateMention, int) {
	ph, n, ok := d.lx.holidays.match(d.toks, i)
	if !ok {
		return model.DateMention{}, 0
	}
	var mo, day, off int
	if _, err := fmt.Sscanf(ph.value, "E%d", &off); err == nil {
		e := easter(d.pub.Year())
		y, yn := d.year(p, i+n, e.Month())
		e = easter(y).AddDate(0, 0, off)
		return dayMention(e), n + yn - 1
	}
	if _, err := fmt.Sscanf(ph.value, "%d-%d", &mo, &day); err != nil {
		return model.DateMention{}, 0
	}
	y, yn := d.year(p, i+n, time.Month(mo))
	return dayMention(time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)), n + yn - 1
}

// easter is Easter Sunday of year y in the Gregorian calendar (the
// anonymous Gregorian algorithm).
func easter(y int) time.Time {
	a, b, c := y%19, y/100, y%100
	dd, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - dd - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// quarter reads a quarter or a half of a year at token i (im vierten
// Quartal, im ersten Halbjahr 2024, in der zweiten Jahreshälfte), its
// year as a month's (written after it, named by the sentence, else by
// tense from the quarter's first month), or the quarter before the last
// one the paragraph named (das Vorquartal): the TIMEX3 value (2023-Q4,
// 2024-H1) and the tokens read, 0 when none starts at i.
func (d *langDates) quarter(p string, i int) (model.DateMention, int) {
	lx, toks := d.lx, d.toks
	if lx.quarterNouns[toks[i].low] == "Q-1" {
		y, q := d.pub.Year(), (int(d.pub.Month())+2)/3
		if d.lastQuarter != "" {
			fmt.Sscanf(d.lastQuarter, "%d-Q%d", &y, &q)
		}
		if q--; q == 0 {
			y, q = y-1, 4
		}
		return model.DateMention{Type: model.TypeDate, Value: fmt.Sprintf("%04d-Q%d", y, q)}, 1
	}
	ord, ok := lx.quarterOrdinals[toks[i].low]
	if !ok || i+1 >= len(toks) {
		return model.DateMention{}, 0
	}
	kind, months := lx.quarterNouns[toks[i+1].low], 0
	switch kind {
	case "Q":
		months = 3
	case "H":
		months = 6
	}
	if months == 0 || ord < 1 || ord*months > 12 {
		return model.DateMention{}, 0
	}
	y, n := d.year(p, i+2, time.Month(1+(ord-1)*months))
	return model.DateMention{Type: model.TypeDate, Value: fmt.Sprintf("%04d-%s%d", y, kind, ord)}, 1 + n
}

// seasonYear is the year of the season code said at token i, as the
// English reader takes it: in a sentence about the future the first
// that has not ended by publication, otherwise the last that has begun
// (winter y runs from December y-1).
func (d *langDates) seasonYear(p string, i int, code string) int {
	start := func(y int) time.Time { return seasonStart(code, y) }
	y := d.pub.Year()
	if code == "WI" && d.pub.Month() == time.December {
		y++
	}
	// A word that says which one: vergangenen Herbst is the last that
	// has ended, kommenden Sommer the next that has not begun.
	if i > 0 && d.lx.lang == "de" {
		switch d.lx.weekdayMods[d.toks[i-1].low] {
		case -1:
			for start(y).AddDate(0, 3, 0).After(d.pub) {
				y--
			}
			return y
		case 1:
			for !start(y).After(d.pub) {
				y++
			}
			return y
		}
	}
	if (d.future(p, i) || d.aheadOf(i)) && !d.since(i) {
		for !start(y).AddDate(0, 3, 0).After(d.pub) {
			y++
		}
		return y
	}
	for start(y).After(d.pub) {
		y--
	}
	return y
}

// since reports whether a preposition of the past (seit) stands before
// token i, perhaps with an article between (seit dem Sommer).
func (d *langDates) since(i int) bool {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if d.lx.past[d.toks[j].low] {
			return true
		}
		if !d.lx.isPrep(d.toks[j].low) {
			break
		}
	}
	return false
}

// dayOf is the day a time of day at token i with no day of its own
// refers to: the day the paragraph named, unless that is a day to come
// and the sentence speaks of the past (Für morgen … Scholz sicherte am
// Nachmittag zu), or a day gone and the sentence speaks of the future
// (Еще во вторник … Следующий выпуск — в 21:00): then the publication
// day.
func (d *langDates) dayOf(p string, i int, paraDay time.Time) time.Time {
	if fut := d.future(p, i); paraDay.After(d.pub) && !fut || paraDay.Before(d.pub) && fut {
		return d.pub
	}
	return paraDay
}

// clockDay is the day of a clock time at hour h at token i with no day of
// its own: after a night the sentence named, that evening or the morning
// after (In der Nacht zum Freitag … gegen 23.30 Uhr); else dayOf's.
func (d *langDates) clockDay(p string, i int, paraDay time.Time, h int) time.Time {
	if !d.nightDay.IsZero() {
		if h < 12 {
			return d.nightDay.AddDate(0, 0, 1)
		}
		return d.nightDay
	}
	return d.dayOf(p, i, paraDay)
}

// withPartOfDay extends the day m read by tokens before k with a part of
// the day after it (у вівторок вранці) or an explicit date in apposition
// (у вівторок, 15 лютого).
func (d *langDates) withPartOfDay(p string, k int, m model.DateMention, n int) (model.DateMention, int) {
	toks := d.toks
	if k < len(toks) {
		ph, pn, ok := d.lx.partsOfDay.match(toks, k)
		// After a day in digits, a word that is a part of the day only
		// after a day word is that word: объявил 24 марта днем траура.
		if !ok && !toks[k-n].isNum {
			ph, pn, ok = d.lx.partsAfterDay.match(toks, k)
		}
		if ok && onlySpaceBetween(p, toks[k-1].end, toks[k].start) {
			// The hour said after the part is the time: gestern Abend
			// gegen 20 Uhr.
			if h, hn := d.hourAfter(p, k+pn, m); hn > 0 {
				return h, n + pn + hn
			}
			return model.DateMention{Type: model.TypeTime, Value: m.Value + "T" + ph.value, Date: m.Date}, n + pn
		}
		// A word between (am Samstag, dem 12. Dezember) is read with
		// the date.
		a := k
		if a+2 < len(toks) && d.lx.prepositions[toks[a].low] && toks[a+1].isNum {
			a++
		}
		if gap := strings.TrimSpace(p[toks[k-1].end:toks[k].start]); a+1 < len(toks) && toks[a].isNum && d.lx.months[toks[a+1].low] > 0 && (gap == "," || gap == "") {
			if _, isWeekday := d.lx.weekdays[toks[k-n].low]; isWeekday {
				if e, en := d.at(p, a, d.pub); en > 0 {
					return e, n + a - k + en
				}
			}
		}
	}
	// A weekday and its hour: lundi à 4 h 17, am Montag um 10 Uhr, в
	// пятницу около 20:00.
	if h, hn := d.hourAfter(p, k, m); hn > 0 {
		return h, n + hn
	}
	return m, n
}

// hourAfter reads the hour of the day m after a preposition or a
// qualifier at token k (am Montag um 10 Uhr, в пятницу около 20:00): the
// time, of the day m whatever day the paragraph is about, and the tokens
// read from k, 0 when no hour follows.
func (d *langDates) hourAfter(p string, k int, m model.DateMention) (model.DateMention, int) {
	toks := d.toks
	if k+1 >= len(toks) || !(d.lx.isPrep(toks[k].low) || d.lx.qualifiers[toks[k].low]) || !toks[k+1].isNum || !onlySpaceBetween(p, toks[k-1].end, toks[k].start) {
		return model.DateMention{}, 0
	}
	e, en := d.at(p, k+1, m.Date.Start)
	if en == 0 || e.Type != model.TypeTime || len(e.Value) <= 10 || len(m.Value) != 10 {
		return model.DateMention{}, 0
	}
	e.Value = m.Value + e.Value[10:]
	e.Date = m.Date
	return e, 1 + en
}

// ago reads a duration at token i said to lie before the publication
// date (vor zwei Tagen, два дні тому) as that date: a day for days and
// weeks, a month for months, a year for years; n is 0 when the words
// around the duration do not say "ago".
func (d *langDates) ago(i int, v float64, unit string) (model.DateMention, int) {
	toks := d.toks
	switch {
	case d.agoBeforeAt(i):
		return d.agoAt(v, unit, 2)
	case i+2 < len(toks) && d.lx.agoAfter[toks[i+2].low]:
		return d.agoAt(v, unit, 3)
	}
	return model.DateMention{}, 0
}

// agoBeforeAt reports whether the words before token i say "ago" (vor,
// il y a).
func (d *langDates) agoBeforeAt(i int) bool {
	// A qualifier between: vor knapp vier Monaten, il y a près de deux
	// semaines.
	for i > 0 && (d.lx.qualifiers[d.toks[i-1].low] || d.lx.qualifiers[d.lowAt(i-2)+" "+d.toks[i-1].low]) {
		i--
	}
	for w := 1; w <= 3 && w <= i; w++ {
		ws := make([]string, w)
		for k := range ws {
			ws[k] = d.toks[i-w+k].low
		}
		if d.lx.agoBefore[strings.Join(ws, " ")] {
			return true
		}
	}
	return false
}

// lowAt is the lower-cased word at token k, "" outside the tokens.
func (d *langDates) lowAt(k int) string {
	if k >= 0 && k < len(d.toks) {
		return d.toks[k].low
	}
	return ""
}

// agoAt is the date v units before the publication date, read as n
// tokens: a day for days and weeks, a month for months, a year for years.
func (d *langDates) agoAt(v float64, unit string, n int) (model.DateMention, int) {
	k := int(v)
	switch unit {
	case "D":
		return dayMention(d.pub.AddDate(0, 0, -k)), n
	case "W":
		return dayMention(d.pub.AddDate(0, 0, -7*k)), n
	case "M":
		t := d.pub.AddDate(0, -k, 0)
		dt := model.Date{Start: time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	case "Y":
		dt := model.Date{Start: time.Date(d.pub.Year()-k, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
		return model.DateMention{Type: model.TypeDate, Date: dt, Value: dt.String()}, n
	}
	return model.DateMention{}, 0
}

// year reads the year at token k (2022 року), or takes the year of the
// publication date, or the one before for a month well after it; it
// returns the year and the tokens read from the month (token k-1) on.
func (d *langDates) year(p string, k int, mo time.Month) (int, int) {
	base := k - 1
	if k < len(d.toks) {
		t := d.toks[k]
		if t.isNum && t.num >= 1900 && t.num <= 2100 && t.end-t.start == 4 {
			n := k - base + 1
			if k+1 < len(d.toks) && d.lx.yearWords[d.toks[k+1].low] {
				n++
			}
			return int(t.num), n
		}
	}
	// A month of a year said in words: в июле прошлого года.
	if k < len(d.toks) {
		if ph, n, ok := d.lx.relYears.match(d.toks, k); ok {
			return d.relYear(ph), k - base + n
		}
	}
	if d.sentYear != 0 {
		return d.sentYear, k - base
	}
	// A month well after the publication month is last year's, unless
	// the sentence speaks of the future (auront lieu du 23 au 27
	// septembre); where the lexicon tells the past, any later month of
	// a clause in the past is (im Oktober liefen sie, in April), unless
	// a preposition looks ahead (das Ziel für Anfang Oktober war
	// erreicht).
	y := d.pub.Year()
	if after := int(mo) - int(d.pub.Month()); after > 0 && !d.future(p, k-1) && (after > 6 || len(d.lx.past) > 0 && d.past(p, k-1) && !d.aheadOf(k-1)) {
		y--
	} else if after <= -3 && len(d.lx.past) > 0 && d.future(p, k-1) && !d.past(p, k-1) {
		// A month well before the publication month in a sentence
		// about what comes, where the lexicon tells the past and the
		// sentence is not in it, is next year's: will am 15. Januar
		// die Vertrauensfrage stellen, in November.
		y++
	}
	return y, k - base
}

// aheadOf reports whether a preposition of the future stands before the
// month at token m, with one preposition of a date between (für Anfang
// Oktober, bis Ende Juni).
func (d *langDates) aheadOf(m int) bool {
	for j := m - 1; j >= 0 && j >= m-2; j-- {
		if d.lx.futurePreps[d.toks[j].low] {
			return true
		}
		if !d.lx.isPrep(d.toks[j].low) {
			break
		}
	}
	return false
}

// numeric reads the expressions at token i whose shape is in digits and
// marks: a date 24.02.2022 or 24/06/2023, a range of days in a month
// (с 23 по 27 сентября, 23–27 September) as its first day, a German
// clock time 6.20 Uhr, an hour with its part of the day (в 5 утра, о
// 5-й ранку).
func (d *langDates) numeric(p string, i int, paraDay time.Time) (model.DateMention, int) {
	lx, toks := d.lx, d.toks
	t := toks[i]
	if !t.isNum || t.num != float64(int(t.num)) || t.end-t.start > 2 {
		return model.DateMention{}, 0
	}
	v := int(t.num)
	if i+2 < len(toks) && t.end < len(p) && (p[t.end] == '.' || p[t.end] == '/') {
		mt, yt := toks[i+1], toks[i+2]
		if v >= 1 && v <= 31 && mt.isNum && mt.start == t.end+1 && mt.end-mt.start <= 2 && mt.num >= 1 && mt.num <= 12 &&
			mt.end < len(p) && p[mt.end] == p[t.end] && yt.isNum && yt.start == mt.end+1 && yt.end-yt.start == 4 {
			day := time.Date(int(yt.num), time.Month(int(mt.num)), v, 0, 0, 0, 0, time.UTC)
			if day.Day() == v {
				return d.withPartOfDay(p, i+3, dayMention(day), 3)
			}
		}
	}
	// A German day and month in digits with no year: am 24.2.
	if lx.dotThousands && v >= 1 && v <= 31 && i > 0 && lx.prepositions[toks[i-1].low] && i+1 < len(toks) && t.end < len(p) && p[t.end] == '.' {
		mt := toks[i+1]
		if mt.isNum && mt.start == t.end+1 && mt.end-mt.start <= 2 && mt.num >= 1 && mt.num <= 12 && mt.end < len(p) && p[mt.end] == '.' &&
			(mt.end+1 == len(p) || p[mt.end+1] < '0' || p[mt.end+1] > '9') {
			y, _ := d.year(p, i+2, time.Month(int(mt.num)))
			day := time.Date(y, time.Month(int(mt.num)), v, 0, 0, 0, 0, time.UTC)
			if day.Day() == v {
				return d.withPartOfDay(p, i+2, dayMention(day), 2)
			}
		}
	}
	if v >= 1 && v <= 31 && i+2 < len(toks) {
		k := i + 1
		gap := strings.Trim(p[t.end:toks[k].start], " .\u00a0")
		if lx.dayRanges[toks[k].low] {
			k++
		} else if gap != "–" && gap != "-" && gap != "—" {
			k = 0
		}
		if k > 0 && k+1 < len(toks) && toks[k].isNum && toks[k].num > t.num && toks[k].num <= 31 {
			if mo, ok := lx.months[toks[k+1].low]; ok {
				y, n := d.year(p, k+2, time.Month(mo))
				return dayMention(time.Date(y, time.Month(mo), v, 0, 0, 0, 0, time.UTC)), k + 1 - i + n
			}
		}
	}
	if v < 24 && i+2 < len(toks) && t.end < len(p) && p[t.end] == '.' {
		if mt := toks[i+1]; mt.isNum && mt.start == t.end+1 && mt.end-mt.start == 2 && mt.num < 60 && lx.clockWords[toks[i+2].low] {
			h, pn := d.hourPart(p, i+3, v)
			return model.DateMention{Type: model.TypeTime, Value: fmt.Sprintf("%sT%02d:%02d", d.clockDay(p, i, paraDay, h).Format("2006-01-02"), h, int(mt.num))}, 3 + pn
		}
	}
	if v >= 1 && v <= 12 {
		k := i + 1
		// An ordinal ending: о 5-й ранку.
		if k < len(toks) && !toks[k].isNum && toks[k].start == t.end+1 && p[t.end] == '-' && toks[k].end-toks[k].start <= 4 {
			k++
		}
		if k < len(toks) {
			if add, ok := lx.clockParts[toks[k].low]; ok {
				h := v + add
				if add == 0 && v == 12 {
					h = 0
				}
				return model.DateMention{Type: model.TypeTime, Value: fmt.Sprintf("%sT%02d:00", d.clockDay(p, i, paraDay, h).Format("2006-01-02"), h)}, k - i + 1
			}
		}
	}
	return model.DateMention{}, 0
}

// hourPart reads the part of the day in one word after a clock time at
// token k (6 Uhr früh, 8 Uhr abends): the hour on a 24-hour clock and
// the tokens read, 0 when no part follows.
func (d *langDates) hourPart(p string, k, h int) (int, int) {
	if k >= len(d.toks) || !onlySpaceBetween(p, d.toks[k-1].end, d.toks[k].start) {
		return h, 0
	}
	ph, n, ok := d.lx.partsOfDay.match(d.toks, k)
	if !ok || n != 1 {
		return h, 0
	}
	switch ph.value {
	case "MO":
	case "AF", "EV":
		if h < 12 {
			h += 12
		}
	case "NI":
		if h >= 6 && h < 12 {
			h += 12
		}
	default:
		return h, 0
	}
	return h, 1
}

// count reads a count written in digits or words: 30, п'ять, drei.
func (d *langDates) count(t ltok) (float64, bool) {
	if t.isNum {
		return t.num, t.num == float64(int(t.num))
	}
	v, ok := d.lx.numberWords[t.low]
	return v, ok
}
