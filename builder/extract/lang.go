package extract

import (
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// langLexicon holds the word lists of one language other than English
// (lexicon/LANG/*.txt) that the shared readers of quotes_lang.go,
// dates_lang.go and numbers.go take: the grammar is the same for every
// language, the words are not.
type langLexicon struct {
	lang string
	// Dates.
	months, weekdays   map[string]int
	relDays            phraseTable // value: day offset, "before" or "same"
	relWeeks, relYears phraseTable // value: offset
	relMonths          phraseTable // value: offset in months
	// quarterOrdinals and quarterNouns: the quarters and halves of a
	// year (im vierten Quartal, in der ersten Jahreshälfte); a noun's
	// value is Q or H, or Q-1 for the quarter before (das Vorquartal).
	quarterOrdinals map[string]int
	quarterNouns    map[string]string
	// articles open a noun that a year may date (den Haushalt 2024);
	// yearNames are nouns whose number is part of a name (Agenda 2030).
	articles, yearNames map[string]bool
	// holidays: value MM-DD, or E±N days from Easter Sunday.
	holidays phraseTable
	// yearSuffixes: endings after a hyphen that make a year an ordinal
	// (2023-й рік).
	yearSuffixes map[string]bool
	sets         phraseTable // value: the TIMEX3 set (P1D)
	present      phraseTable
	partsOfDay   phraseTable // value: MO, AF, EV, NI
	// partsAfterDay are parts of the day read only after a day word
	// (heute Morgen, сегодня днем): alone they are other words.
	partsAfterDay phraseTable
	// weekends: value the offset in weeks (на цих вихідних, am
	// Wochenende).
	weekends phraseTable
	// seasons: value the TIMEX3 code (SP, SU, FA, WI).
	seasons phraseTable
	// clockParts: hours to add for the part of the day after an hour
	// (в 8 вечера is 20:00).
	clockParts map[string]int
	// nightTo: the word after a night that names the day it leads to
	// (в ночь на субботу is Friday night).
	nightTo map[string]bool
	// weekdayMods say which weekday: -1 the last, 1 the next (jeudi
	// dernier, am kommenden Montag), before it or, in French, after it.
	weekdayMods map[string]int
	// dayRanges: the word between the days of a range in a month (с 23
	// по 27 сентября, du 23 au 27 septembre).
	dayRanges            map[string]bool
	prepositions, future map[string]bool
	// past and notPast: with a past list (German), a sentence in the
	// present speaks of what is to come; see langDates.weekday.
	past, notPast map[string]bool
	// agoBefore and agoAfter turn a duration into the date that long
	// before publication: vor zwei Tagen, il y a deux jours; два дні
	// тому, два дня назад.
	agoBefore, agoAfter    map[string]bool
	conjunctions           map[string]bool // "les 12 et 19 juin"
	futurePreps            map[string]bool // "bis Sonntag": the next Sunday
	yearWords              map[string]bool // "року", "года", "г"
	timeUnits              map[string]string
	clockWords             map[string]bool // "Uhr", "h", "год"
	numberWords, scales    map[string]float64
	currencies             map[string]string
	percent, countedNouns  map[string]bool
	notUnits, qualifiers   map[string]bool
	speechVerbs, notQuotes map[string]bool
	pronouns               map[string]string // pronoun → gender
	// dotThousands: German writes 110.000; the others 110 000.
	dotThousands bool
}

// langLexicons caches the lexicon of each language once read.
var langLexicons sync.Map // string → *langLexicon (nil for a language without one)

// lexiconFor returns the lexicon of lang, or nil when lang is English,
// empty or has no lexicon folder: those articles keep the English readers.
func lexiconFor(lang string) *langLexicon {
	lang = strings.ToLower(lang)
	if i := strings.IndexAny(lang, "-_"); i > 0 {
		lang = lang[:i]
	}
	if lang == "" || lang == "en" {
		return nil
	}
	if v, ok := langLexicons.Load(lang); ok {
		return v.(*langLexicon)
	}
	var lx *langLexicon
	if _, err := lexiconFS.ReadDir("lexicon/" + lang); err == nil {
		lx = loadLangLexicon(lang)
	}
	v, _ := langLexicons.LoadOrStore(lang, lx)
	return v.(*langLexicon)
}

func loadLangLexicon(lang string) *langLexicon {
	ints := func(name string) map[string]int {
		out := map[string]int{}
		for w, v := range lexiconMap(lang, name) {
			n, _ := strconv.Atoi(v)
			out[normWord(w)] = n
		}
		return out
	}
	floats := func(name string) map[string]float64 {
		out := map[string]float64{}
		for w, v := range lexiconMap(lang, name) {
			n, _ := strconv.ParseFloat(v, 64)
			out[normWord(w)] = n
		}
		return out
	}
	strs := func(name string) map[string]string {
		out := map[string]string{}
		for w, v := range lexiconMap(lang, name) {
			out[normWord(w)] = v
		}
		return out
	}
	set := func(name string) map[string]bool {
		out := map[string]bool{}
		for w := range lexiconSet(lang, name) {
			out[normWord(w)] = true
		}
		return out
	}
	return &langLexicon{
		lang:            lang,
		months:          ints("months"),
		weekdays:        ints("weekdays"),
		relDays:         newPhraseTable(lang, "relative-days"),
		relWeeks:        newPhraseTable(lang, "relative-weeks"),
		relYears:        newPhraseTable(lang, "relative-years"),
		relMonths:       newPhraseTable(lang, "relative-months"),
		quarterOrdinals: ints("quarter-ordinals"),
		quarterNouns:    strs("quarter-nouns"),
		articles:        set("articles"),
		yearNames:       set("year-names"),
		holidays:        newPhraseTable(lang, "holidays"),
		yearSuffixes:    set("year-suffixes"),
		sets:            newPhraseTable(lang, "sets"),
		present:         newPhraseTable(lang, "present"),
		partsOfDay:      newPhraseTable(lang, "parts-of-day"),
		partsAfterDay:   newPhraseTable(lang, "parts-after-day"),
		weekends:        newPhraseTable(lang, "weekends"),
		seasons:         newPhraseTable(lang, "seasons"),
		clockParts:      ints("clock-parts"),
		nightTo:         set("night-to"),
		dayRanges:       set("day-ranges"),
		weekdayMods:     ints("weekday-modifiers"),
		prepositions:    set("date-prepositions"),
		future:          set("tense-future"),
		past:            set("tense-past"),
		notPast:         set("not-past"),
		agoBefore:       set("ago-before"),
		agoAfter:        set("ago-after"),
		conjunctions:    set("conjunctions"),
		futurePreps:     set("future-prepositions"),
		yearWords:       set("year-words"),
		timeUnits:       strs("time-units"),
		clockWords:      set("clock-words"),
		numberWords:     floats("number-words"),
		scales:          floats("scales"),
		currencies:      strs("currencies"),
		percent:         set("percent"),
		countedNouns:    set("counted-nouns"),
		notUnits:        set("not-units"),
		qualifiers:      set("qualifiers"),
		speechVerbs:     set("speech-verbs"),
		notQuotes:       set("not-quote-labels"),
		pronouns:        strs("pronouns"),
		dotThousands:    lang == "de",
	}
}

// isPrep reports whether w is a preposition of a date's extent, also
// after an elided word (qu'en 2017).
func (lx *langLexicon) isPrep(w string) bool {
	if lx.prepositions[w] {
		return true
	}
	i := strings.LastIndexByte(w, '\'')
	return i >= 0 && lx.prepositions[w[i+1:]]
}

// phraseTable finds phrases (lphrase) of one or more words in a token sequence,
// the longest first.
type phraseTable map[string][]lphrase // first word → phrases

type lphrase struct {
	words []string
	value string
}

func newPhraseTable(lang, name string) phraseTable {
	t := phraseTable{}
	for _, e := range readLexicon(lang, name) {
		var ws []string
		for _, w := range strings.Fields(strings.ToLower(e.Word)) {
			ws = append(ws, normWord(w))
		}
		t[ws[0]] = append(t[ws[0]], lphrase{ws, e.Value})
	}
	for _, ps := range t {
		sort.SliceStable(ps, func(i, j int) bool { return len(ps[i].words) > len(ps[j].words) })
	}
	return t
}

// match returns the phrase starting at toks[i] and the number of tokens
// it spans.
func (t phraseTable) match(toks []ltok, i int) (lphrase, int, bool) {
	for _, ph := range t[toks[i].low] {
		if i+len(ph.words) > len(toks) {
			continue
		}
		ok := true
		for k, w := range ph.words {
			if toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return ph, len(ph.words), true
		}
	}
	return lphrase{}, 0, false
}

// normWord folds the apostrophes of Ukrainian and French (’ ʼ ') into
// one, so that a lexicon's п'ять is the text's п’ять.
func normWord(w string) string {
	if !strings.ContainsAny(w, "’ʼ‘") {
		return w
	}
	return strings.NewReplacer("’", "'", "ʼ", "'", "‘", "'").Replace(w)
}

// ltok is a word or number of a paragraph in another language: bytes
// [start, end), lower-cased and apostrophe-folded in low.
type ltok struct {
	start, end int
	low        string
	// num is the value of a number written in digits (with its local
	// thousands and decimal marks), isNum whether it is one.
	num   float64
	isNum bool
}

func isApos(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// langTokens splits p into words (letters with inner apostrophes and
// hyphens) and numbers; the thousands mark is a space (plain, no-break
// or narrow no-break) or, with dot set, a dot, and the decimal mark a
// comma. "%" and "$" and "€" are words of their own.
func langTokens(p string, dot bool, buf []ltok) []ltok {
	out := buf[:0]
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case r >= '0' && r <= '9':
			start := i
			v, end := readNumber(p, i, dot)
			// Ordinals and suffixes written on the digits: 1er, 24-го.
			for end < len(p) {
				r2, n2 := utf8.DecodeRuneInString(p[end:])
				if !unicode.IsLetter(r2) {
					break
				}
				end += n2
			}
			out = append(out, ltok{start: start, end: end, low: strings.ToLower(p[start:end]), num: v, isNum: true})
			i = end
		case unicode.IsLetter(r):
			start := i
			i += n
			for i < len(p) {
				r2, n2 := utf8.DecodeRuneInString(p[i:])
				if unicode.IsLetter(r2) || unicode.IsMark(r2) || unicode.IsDigit(r2) {
					i += n2
					continue
				}
				if isApos(r2) || r2 == '-' {
					if r3, _ := utf8.DecodeRuneInString(p[i+n2:]); unicode.IsLetter(r3) {
						i += n2
						continue
					}
				}
				break
			}
			out = append(out, ltok{start: start, end: i, low: normWord(strings.ToLower(p[start:i]))})
		case r == '%' || r == '$' || r == '€' || r == '₴' || r == '₽':
			out = append(out, ltok{start: i, end: i + n, low: string(r)})
			i += n
		default:
			i += n
		}
	}
	return out
}

// readNumber reads the number of digits at p[i:]: groups of three after
// a thousands mark, a decimal part after a comma.
func readNumber(p string, i int, dot bool) (float64, int) {
	j := i
	for j < len(p) && p[j] >= '0' && p[j] <= '9' {
		j++
	}
	digits := p[i:j]
	for {
		sep := 0
		switch {
		case dot && j < len(p) && p[j] == '.':
			sep = 1
		case !dot && j < len(p) && p[j] == ' ':
			sep = 1
		case !dot && strings.HasPrefix(p[j:], "\u00a0"):
			sep = len("\u00a0")
		case !dot && strings.HasPrefix(p[j:], "\u202f"):
			sep = len("\u202f")
		}
		k := j + sep
		if sep == 0 || len(p)-k < 3 || !allDigits(p[k:k+3]) || (len(p) > k+3 && p[k+3] >= '0' && p[k+3] <= '9') {
			break
		}
		// A year after a day number is no thousands group ("20 2022").
		if len(digits) > 3 {
			break
		}
		digits += p[k : k+3]
		j = k + 3
	}
	if j+1 < len(p) && p[j] == ',' && p[j+1] >= '0' && p[j+1] <= '9' {
		k := j + 1
		for k < len(p) && p[k] >= '0' && p[k] <= '9' {
			k++
		}
		digits += "." + p[j+1:k]
		j = k
	}
	v, _ := strconv.ParseFloat(digits, 64)
	return v, j
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// QuotesIn reads the quotes of paragraphs written in lang: the English
// reader (Quotes) for English or a language without a lexicon, the
// shared reader of quotes_lang.go with the language's lexicon otherwise.
func QuotesIn(paras []string, m *Matcher, lang string) []model.Quote {
	if lx := lexiconFor(lang); lx != nil {
		return lx.quotes(paras, m)
	}
	return Quotes(paras, m)
}

// DatesIn reads the temporal expressions of paragraphs written in lang
// against the publication date, as Dates does for English.
func DatesIn(paras []string, published model.Date, lang string) []model.DateMention {
	if lx := lexiconFor(lang); lx != nil && len(lx.months) > 0 {
		return lx.dates(paras, published)
	}
	return Dates(paras, published)
}

// FiguresIn reads the figures of paragraphs written in lang, as Figures
// does for English; dates are the paragraphs' temporal expressions,
// whose day numbers and years are no figures.
func FiguresIn(paras []string, dates []model.DateMention, lang string) []model.Figure {
	if lx := lexiconFor(lang); lx != nil && len(lx.months) > 0 {
		return lx.figures(paras, dates)
	}
	return Figures(paras)
}
