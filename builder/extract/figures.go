package extract

import (
	"strconv"
	"strings"

	"github.com/briefhq/brief/builder/model"
)

// Figures finds numbers with what they count: "110,000 troops", "about
// 150,000 troops", "3,000 US troops", "another 350 of its soldiers",
// "$11 billion", "€2.5 million", "more than five hours", "12 percent".
//
// Value is the number (scale words applied, "minus" negates); Unit is the
// counted noun in lower case as written ("troops"; the head of a compound:
// "rescue workers" gives "workers"), "USD", "EUR" or "GBP" for money and
// "percent" for percentages. Text is the phrase with its qualifier ("more
// than", "about", "an additional"). A number whose noun the sentence has
// just given ("100,000 troops … about 130,000") takes that noun; one after
// "death toll" counts deaths. Years, dates, times, ordinals, numbers in
// names ("Nord Stream 2", "G7", "magnitude 7.8"), hyphenated adjectives ("a
// 40-mile convoy"), "one" alone and number words after a definite article
// ("the two leaders") are left out.
func Figures(paras []string) []model.Figure {
	var f figureScanner
	sc := scratchPool.Get().(*scratch)
	f.toks, f.sents = sc.toks, sc.sents
	var out []model.Figure
	for pi, p := range paras {
		if len(out) > MaxFigures {
			break // Article keeps no more; reading on would only cost
		}
		out = f.para(pi, p, out)
	}
	sc.toks, sc.sents = f.toks[:0], f.sents[:0]
	scratchPool.Put(sc)
	return out
}

type figureScanner struct {
	toks  []token
	sents []span
	p     string
}

// numberWords are numbers written as words; scale words multiply.
var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}

var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"bn": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12,
}

var scaleNames = wordSet("hundred", "thousand", "million", "billion", "trillion")

var currencySymbols = map[string]string{"$": "USD", "€": "EUR", "£": "GBP"}

var currencyWords = map[string]string{
	"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
}

// Qualifiers before a number, longest first within each first word.
var qualifiers = [][]string{
	{"more", "than"}, {"less", "than"}, {"fewer", "than"}, {"at", "least"}, {"at", "most"}, {"up", "to"},
	{"as", "many", "as"}, {"as", "much", "as"}, {"an", "estimated"}, {"an", "additional"}, {"a", "further"},
	{"just", "over"}, {"just", "under"}, {"well", "over"}, {"about"}, {"around"}, {"some"}, {"nearly"},
	{"almost"}, {"roughly"}, {"approximately"}, {"over"}, {"under"}, {"another"}, {"minus"}, {"only"},
	{"estimated"}, {"additional"},
}

// unitStop are words after a number that are no counted noun: function
// words, auxiliaries and a few adverbs.
var unitStop = wordSet("of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "but", "than",
	"as", "that", "which", "who", "whom", "whose", "the", "a", "an", "this", "these", "those", "its", "their",
	"his", "her", "our", "your", "my", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had",
	"will", "would", "could", "can", "may", "might", "must", "should", "shall", "do", "does", "did", "not",
	"per", "percent", "cent", "more", "less", "fewer", "each", "a.m", "p.m", "am", "pm", "gmt", "utc", "local",
	"into", "onto", "over", "under", "about", "after", "before", "since", "during", "while", "when", "where",
	"if", "so", "then", "also", "only", "just", "still", "already", "all", "both", "out", "up",
	"down", "off", "against", "between", "among", "it", "they", "he", "she", "we", "you", "i", "there",
	"ago", "later", "earlier", "apiece", "each", "year", "more")

// Modifiers between a number and its noun that are skipped.
var unitModifiers = wordSet("more", "additional", "extra", "new", "other", "further", "fresh", "armed", "combat",
	"military", "foreign", "armoured", "armored", "heavy", "wealthy", "nautical", "cubic", "square", "metric",
	"young", "old", "small", "large", "big", "senior", "junior", "active", "reserve", "trained")

// Plural nouns that do not end in s.
var irregularPlurals = wordSet("people", "children", "men", "women", "police", "personnel", "staff", "aircraft",
	"cattle", "livestock", "sheep", "feet", "teeth", "data", "media", "fish", "deer", "infantry",
	"artillery", "equipment", "ammunition", "cargo", "troops")

// Words before a number that make it a label, not a quantity.
var labelWords = wordSet("magnitude", "article", "flight", "resolution", "number", "no", "page", "chapter",
	"section", "level", "category", "phase", "round", "grade", "room", "gate", "terminal", "route", "highway",
	"paragraph", "item", "line", "platform", "unit", "block", "apartment", "building", "reactor", "stage",
	"version", "covid", "minsk", "week", "day", "year", "size", "aged", "age", "ages", "channel", "cop", "g")

// Determiners after which a number written in words is a definite group.
var definite = wordSet("the", "these", "those", "both", "its", "their", "his", "her", "our", "all", "first", "last")

func (f *figureScanner) para(pi int, p string, out []model.Figure) []model.Figure {
	f.p = p
	f.toks = tokenize(p, f.toks)
	f.sents = f.sents[:0]
	sentsDone := false
	first := len(out)
	toks := f.toks
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		var isNum bool
		switch t.kind {
		case tNum:
			isNum = true
		case tWord:
			_, isNum = lookup(numberWords, p[t.start:t.end])
		case tPunct:
			_, isNum = currencySymbols[p[t.start:t.end]]
			isNum = isNum && i+1 < len(toks) && toks[i+1].kind == tNum && t.end == toks[i+1].start
		}
		if !isNum {
			continue
		}
		if !sentsDone {
			f.sents = sentences(p, f.sents)
			sentsDone = true
		}
		fig, next, ok := f.figure(i, out[first:])
		if !ok {
			continue
		}
		fig.Para = pi
		s := sentenceAt(f.sents, fig.Start, len(p))
		if e := sentenceAt(f.sents, fig.End-1, len(p)); e.end > s.end {
			s.end = e.end
		}
		fig.Sentence = p[s.start:s.end]
		out = append(out, fig)
		i = next - 1
	}
	return out
}

func (f *figureScanner) word(i int) string {
	if i < 0 || i >= len(f.toks) {
		return ""
	}
	return f.p[f.toks[i].start:f.toks[i].end]
}

func (f *figureScanner) isWord(i int, w string) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].kind != tWord {
		return false
	}
	return strings.EqualFold(f.word(i), w)
}

func (f *figureScanner) adjacent(i int) bool {
	return i >= 0 && i+1 < len(f.toks) && f.toks[i].end == f.toks[i+1].start
}

// figure reads the figure starting at token i (a number, a number word or
// a currency symbol). prev are the figures found earlier in the paragraph.
func (f *figureScanner) figure(i int, prev []model.Figure) (model.Figure, int, bool) {
	toks := f.toks
	currency := ""
	numAt := i
	if toks[i].kind == tPunct {
		currency = currencySymbols[f.word(i)]
		numAt = i + 1
		// "US$": the letters before belong to the symbol.
	}
	value, end, isWords, ok := f.number(numAt)
	if !ok {
		return model.Figure{}, 0, false
	}
	if !f.quantityContext(i, numAt, end, isWords, currency != "") {
		return model.Figure{}, 0, false
	}
	// Scale: "11 billion", "$11bn", "2.5 million".
	for end < len(toks) {
		w := f.word(end)
		sc, isScale := lookup(scaleWords, w)
		if !isScale || toks[end].kind != tWord {
			break
		}
		if len(w) <= 2 && !(currency != "" && f.adjacent(end-1)) {
			break // "m" and "bn" only glued after money: "$5m"
		}
		if (w == "m" || w == "k") && currency == "" {
			break
		}
		value *= sc
		end++
	}
	if isWords && value == 1 && end == numAt+1 {
		return model.Figure{}, 0, false // "one" alone
	}
	// Qualifier before.
	start := i
	negative := false
	for _, q := range qualifiers {
		k := i - len(q)
		if k < 0 {
			continue
		}
		match := true
		for n, w := range q {
			if !f.isWord(k+n, w) {
				match = false
				break
			}
		}
		if match {
			start = k
			if q[0] == "minus" {
				negative = true
			}
			break
		}
	}
	if negative {
		value = -value
	}
	unit, unitEnd := "", end
	switch {
	case currency != "":
		unit = currency
	case f.word(end) == "%" && f.adjacent(end-1):
		unit, unitEnd = "percent", end+1
	case f.isWord(end, "percent") || f.isWord(end, "pc"):
		unit, unitEnd = "percent", end+1
	case f.isWord(end, "per") && f.isWord(end+1, "cent"):
		unit, unitEnd = "percent", end+2
	default:
		if c, ok := lookup(currencyWords, f.word(end)); ok {
			unit, unitEnd = c, end+1
			break
		}
		unit, unitEnd = f.noun(end, value)
	}
	if unit != "" && f.isWord(unitEnd, "ago") {
		return model.Figure{}, 0, false // a date: "three days ago"
	}
	if unit == "" {
		unitEnd = end
		unit = f.implicitUnit(start, prev, value >= 1000 || value <= -1000)
		if unit == "" {
			return model.Figure{}, 0, false
		}
	}
	s, e := toks[start].start, toks[unitEnd-1].end
	fig := model.Figure{Value: value, Unit: unit, Text: f.p[s:e], Start: s, End: e}
	switch {
	case unitEnd == end:
		fig.Counts = unit // "about 130,000": the noun of the sentence
	case currency == "" && unit != "percent":
		fig.Counts = f.counts(end, unitEnd)
	}
	return fig, unitEnd, true
}

// Words that open a phrase saying where what a figure counts is: "troops
// near the border".
var placePrepositions = wordSet("near", "along", "on", "at", "in", "inside", "outside", "across", "around", "within", "from")

// counts returns what a figure counts: its noun with the modifiers after
// the number ("Russian troops", "crew members", "its soldiers"), a
// participle after it ("people killed") and a phrase of place ("troops
// near Ukraine's borders"), up to six words, never a time ("on Monday").
func (f *figureScanner) counts(from, unitEnd int) string {
	toks := f.toks
	if f.isWord(from, "of") {
		from++ // "350 of its soldiers"
	}
	end := unitEnd
	if w := f.word(end); end < len(toks) && toks[end].kind == tWord && isLowerWord(w) && inSet(participles, w) {
		end++ // "people killed"
	}
	if end < len(toks) && inSet(placePrepositions, f.word(end)) && isLowerWord(f.word(end)) {
		k := end + 1
		for n := 0; k < len(toks) && n < 5; n++ {
			t := toks[k]
			w := f.word(k)
			if t.kind == tNum || t.kind == tPunct && !isApostrophe(w) || t.kind == tWord && (inSet(unitStop, w) && !inSet(determiners, w)) {
				break
			}
			if _, month := lookup(monthNames, w); month && isCapitalized(w) {
				break
			}
			if _, wd := lookup(weekdayNames, w); wd {
				break
			}
			k++
		}
		if k > end+1 && toks[k-1].kind == tWord && !inSet(determiners, f.word(k-1)) {
			end = k // "near the border"
		}
	}
	return f.p[toks[from].start:toks[end-1].end]
}

// Participles after a counted noun that belong to what it counts.
var participles = wordSet("killed", "wounded", "injured", "hurt", "missing", "dead", "displaced", "detained", "arrested",
	"stationed", "deployed", "left", "stranded", "trapped", "queued", "waiting")

// Determiners inside a phrase of place: "near the border".
var determiners = wordSet("the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those")

// number reads the number at token i: digits or number words ("twenty-five",
// "three and a half"). It returns the value, the token after it, and whether
// it was written in words.
func (f *figureScanner) number(i int) (float64, int, bool, bool) {
	if i >= len(f.toks) {
		return 0, 0, false, false
	}
	t := f.toks[i]
	if t.kind == tNum {
		s := f.word(i)
		if strings.IndexByte(s, ',') >= 0 {
			// Thousands separators must group by three.
			parts := strings.Split(strings.SplitN(s, ".", 2)[0], ",")
			for _, part := range parts[1:] {
				if len(part) != 3 {
					return 0, 0, false, false
				}
			}
			s = strings.ReplaceAll(s, ",", "")
		}
		if strings.Count(s, ".") > 1 {
			return 0, 0, false, false
		}
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return 0, 0, false, false
		}
		end := i + 1
		if f.isWord(end, "and") && f.isWord(end+1, "a") && f.isWord(end+2, "half") {
			v += 0.5
			end += 3
		}
		return v, end, false, true
	}
	v, ok := lookup(numberWords, f.word(i))
	if !ok || t.kind != tWord {
		return 0, 0, false, false
	}
	end := i + 1
	// "twenty-five"
	if v >= 20 && end+1 < len(f.toks) && isHyphen(f.word(end)) && f.adjacent(i) && f.adjacent(end) {
		if u, ok := lookup(numberWords, f.word(end+1)); ok && u < 10 {
			v += u
			end += 2
		}
	}
	if f.isWord(end, "and") && f.isWord(end+1, "a") && f.isWord(end+2, "half") {
		v += 0.5
		end += 3
	}
	return v, end, true, true
}

// quantityContext rejects numbers that are no quantities: years, dates,
// times, ordinals, labels, hyphenated adjectives, definite groups.
func (f *figureScanner) quantityContext(i, numAt, end int, isWords, money bool) bool {
	toks := f.toks
	prev := f.word(i - 1)
	// Glued to letters or digits on the left ("G7", "COVID-19", "Tochka-U").
	if i > 0 && f.adjacent(i-1) {
		pk := toks[i-1].kind
		if pk == tWord || pk == tNum || isHyphen(prev) || prev == ":" || prev == "/" || prev == "." || prev == "#" {
			return false
		}
	}
	last := end - 1
	// Glued on the right: "6am", "24th", "10:30", "40-mile", "17-year-old".
	if f.adjacent(last) {
		nk := toks[last+1].kind
		next := f.word(last + 1)
		if nk == tWord {
			if _, isScale := lookup(scaleWords, next); !money || !isScale {
				if next != "s" || !isApostrophe(f.word(last)) {
					return false
				}
			}
		}
		if next == ":" || next == "/" || isHyphen(next) {
			return false
		}
		if nk == tNum {
			return false
		}
	}
	if money {
		return true
	}
	if toks[numAt].kind == tNum {
		// Years and dates.
		if isYearToken(f.p, toks, numAt) {
			return false
		}
		if m, ok := lookup(monthNames, prev); ok && m > 0 && isCapitalized(prev) {
			return false
		}
		if prev == "." && i >= 2 {
			if _, ok := lookup(monthNames, f.word(i-2)); ok {
				return false // "Feb. 20"
			}
		}
		nw := f.word(end)
		if f.isWord(end, "of") {
			nw = f.word(end + 1)
		}
		if m, ok := lookup(monthNames, nw); ok && m > 0 && isCapitalized(nw) {
			if _, day := dayNumber(f.word(numAt)); day {
				return false
			}
		}
		// Times: "at 10 pm", "4.17am" (glued, above), "15:05".
		if f.isWord(end, "am") || f.isWord(end, "pm") || f.isWord(end, "a") && f.word(end+1) == "." {
			return false
		}
	}
	// Labels: "magnitude 7.8", "Article 5", "Nord Stream 2".
	if i > 0 && toks[i-1].kind == tWord {
		if inSet(labelWords, prev) {
			return false
		}
		if isCapitalized(prev) && !f.sentenceStart(i-1) && !inSet(qualifierStarts, prev) {
			return false
		}
	}
	if isWords && inSet(definite, prev) {
		return false
	}
	return true
}

var qualifierStarts = wordSet("about", "around", "some", "nearly", "almost", "roughly", "approximately", "over",
	"under", "another", "more", "less", "fewer", "at", "up", "only", "just", "an", "and", "or", "to", "by", "in",
	"of", "with", "from", "for", "than", "as", "estimated", "additional", "minus", "between", "while", "but")

// sentenceStart reports whether token k begins a sentence.
func (f *figureScanner) sentenceStart(k int) bool {
	s := sentenceAt(f.sents, f.toks[k].start, len(f.p))
	return s.start == f.toks[k].start
}

// noun finds the counted noun after a number: skips capitalised
// qualifiers ("US", "Russian") and modifiers ("additional", "armoured"),
// reads "of its soldiers", and takes the head of a two-word compound when
// the first word is no plural ("rescue workers").
func (f *figureScanner) noun(k int, value float64) (string, int) {
	toks := f.toks
	skipped := 0
	for k < len(toks) && toks[k].kind == tWord && skipped < 3 {
		w := f.word(k)
		if isCapitalized(w) || inSet(unitModifiers, w) {
			k++
			skipped++
			continue
		}
		break
	}
	if skipped > 0 && k < len(toks) && isApostrophe(f.word(k)) {
		return "", 0 // "5 Russia's …"
	}
	// "350 of its soldiers"; "1,700 of the 3,000 troops" counts troops too.
	if f.isWord(k, "of") {
		switch strings.ToLower(f.word(k + 1)) {
		case "its", "their", "the", "his", "her", "our", "them":
			if f.isWord(k+1, "them") {
				return "", 0
			}
			of := k
			k += 2
			if k < len(toks) && toks[k].kind == tNum {
				j := k + 1
				for j < len(toks) && toks[j].kind == tWord && inSet(scaleNames, f.word(j)) {
					j++
				}
				if unit, _ := f.noun(j, 2); unit != "" {
					return unit, of
				}
				return "", 0
			}
			for k < len(toks) && toks[k].kind == tWord && (isCapitalized(f.word(k)) || inSet(unitModifiers, f.word(k))) {
				k++
			}
		default:
			return "", 0
		}
	}
	if k >= len(toks) || toks[k].kind != tWord {
		return "", 0
	}
	// A hyphenated modifier before the noun: "anti-aircraft systems".
	for k+2 < len(toks) && isHyphen(f.word(k+1)) && f.adjacent(k) && f.adjacent(k+1) && toks[k+2].kind == tWord {
		h := k + 2
		for h+2 < len(toks) && isHyphen(f.word(h+1)) && f.adjacent(h) && f.adjacent(h+1) && toks[h+2].kind == tWord {
			h += 2
		}
		if n := f.word(h + 1); h+1 < len(toks) && toks[h+1].kind == tWord && isLowerWord(n) && !inSet(unitStop, n) && looksPlural(n) {
			k = h + 1
			break
		}
		return "", 0 // "five-year-old", a compound noun of its own
	}
	w := f.word(k)
	if !isLowerWord(w) || inSet(unitStop, w) || len(w) < 2 {
		return "", 0
	}
	if strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
		return "", 0
	}
	if strings.HasSuffix(w, "ed") && !inSet(irregularPlurals, w) {
		// "armoured vehicles": an -ed adjective before a noun.
		if n := f.word(k + 1); k+1 < len(toks) && toks[k+1].kind == tWord && isLowerWord(n) && !inSet(unitStop, n) && looksPlural(n) {
			return strings.ToLower(n), k + 2
		}
		return "", 0 // "1,597 wounded", "294 injured"
	}
	if value != 1 && !looksPlural(w) && k+1 < len(toks) && toks[k+1].kind == tWord {
		if n := f.word(k + 1); isLowerWord(n) && !inSet(unitStop, n) && !strings.HasSuffix(n, "ing") && !strings.HasSuffix(n, "ed") {
			return strings.ToLower(n), k + 2
		}
	}
	return strings.ToLower(w), k + 1
}

func looksPlural(w string) bool {
	if inSet(irregularPlurals, w) {
		return true
	}
	return len(w) > 2 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && w[len(w)-2] != 'u'
}

// implicitUnit returns the unit a bare number takes from its sentence:
// "deaths" after "death toll", else the unit of the figure just before it
// in the same sentence.
func (f *figureScanner) implicitUnit(start int, prev []model.Figure, large bool) string {
	s := sentenceAt(f.sents, f.toks[start].start, len(f.p))
	before := f.p[s.start:f.toks[start].start]
	if strings.Contains(before, "death toll") || strings.Contains(before, "Death toll") {
		return "deaths"
	}
	if len(prev) > 0 {
		last := prev[len(prev)-1]
		if last.Start >= s.start && last.End <= f.toks[start].start && last.Unit != "percent" {
			return last.Unit
		}
	}
	// "the number of people left homeless at 1.5 million"
	if k := strings.LastIndex(before, "number of "); k >= 0 {
		rest := before[k+len("number of "):]
		if e := strings.IndexAny(rest, " ,"); e > 0 {
			rest = rest[:e]
		}
		if isLowerWord(rest) && looksPlural(rest) {
			return strings.ToLower(rest)
		}
	}
	// A large number continuing the previous sentence: "… three million
	// people had fled. Poland alone has taken in about 1.8 million."
	if len(prev) > 0 && large {
		last := prev[len(prev)-1]
		if ps := sentenceAt(f.sents, last.Start, len(f.p)); ps.end <= s.start && last.Unit != "percent" && !strings.Contains(f.p[ps.end:s.start], ".") {
			for _, other := range f.sents {
				if other.start > ps.start && other.start < s.start {
					return "" // not the sentence just before
				}
			}
			return last.Unit
		}
	}
	return ""
}
