package extract

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// quoteMarks pairs each opening mark of the languages with a lexicon
// with its closing marks: «…» (uk, ru, fr, ar), „…“ and „…” (de, and the
// inner quotes of uk and ru), ‚…‘ (de inner), “…” (ar, and English-style
// copy).
var quoteMarks = map[rune]string{'«': "»", '„': "“”", '“': "”"}

// quoteMarksDe adds the »…« of German news magazines and books, whose
// marks point inwards, to the marks of quoteMarks.
var quoteMarksDe = map[rune]string{'«': "»", '„': "“”", '“': "”", '»': "«"}

// markedSpan is the inside of a pair of quote marks: the text between
// [start, end) without the spaces French puts inside, and the marks'
// bytes [open, close).
type markedSpan struct{ open, start, end, close int }

// markedSpans finds the outermost pairs of the marks (quoteMarks or
// quoteMarksDe) in p.
func markedSpans(p string, marks map[rune]string) []markedSpan {
	var out []markedSpan
	// unclosed marks an opening mark with no closing one after it, so
	// that a paragraph of unclosed marks is read once, not once a mark.
	var unclosed [4]bool
	kinds := map[rune]int{'«': 0, '„': 1, '“': 2, '»': 3}
	for i := 0; i < len(p); {
		r, n := utf8.DecodeRuneInString(p[i:])
		closers, ok := marks[r]
		if !ok || unclosed[kinds[r]] {
			i += n
			continue
		}
		depth, j := 0, i+n
		end := -1
		for j < len(p) {
			r2, n2 := utf8.DecodeRuneInString(p[j:])
			if r2 == r && r != '“' {
				depth++
			} else if strings.ContainsRune(closers, r2) {
				if depth == 0 {
					end = j
					break
				}
				depth--
			}
			j += n2
		}
		if end < 0 {
			unclosed[kinds[r]] = true
			i += n
			continue
		}
		_, cn := utf8.DecodeRuneInString(p[end:])
		s, e := i+n, end
		for s < e {
			r3, n3 := utf8.DecodeRuneInString(p[s:])
			if !unicode.IsSpace(r3) {
				break
			}
			s += n3
		}
		for e > s {
			r3, n3 := utf8.DecodeLastRuneInString(p[:e])
			if !unicode.IsSpace(r3) {
				break
			}
			e -= n3
		}
		if e > s {
			out = append(out, markedSpan{open: i, start: s, end: e, close: end + cn})
		}
		i = end + cn
	}
	return out
}

// isMarkedName reports whether the marks hold a name rather than words
// said: every word capitalized («Калібр», „Nord Stream 2“, « Russia
// Today »), or a label noun before them (ракети «Калібр», l'opération
// « Barkhane »).
func (lx *langLexicon) isMarkedName(p string, sp markedSpan, toks []ltok) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].end <= sp.open {
			if lx.notQuotes[toks[k].low] && onlySpaceBetween(p, toks[k].end, sp.open) {
				return true
			}
			break
		}
	}
	inner := p[sp.start:sp.end]
	if strings.ContainsAny(inner, ".,!?:;") {
		return false
	}
	ws := strings.Fields(inner)
	// German capitalizes every noun: one word in marks is a word said
	// („Zeitenwende“) unless a label noun stands before it.
	if len(ws) > 4 || lx.lang == "de" && len(ws) < 2 {
		return false
	}
	// A capitalized name with a number at its end is a name in any
	// case form (газопровод «Северного потока — 2»).
	if r, _ := utf8.DecodeRuneInString(ws[0]); unicode.IsUpper(r) && len(ws) > 1 && allDigits(ws[len(ws)-1]) {
		return true
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// verbAt reports whether toks[k] is a speech verb, also with a pronoun
// joined by hyphens (dit-il, a-t-elle déclaré is "a-t-elle" then the verb).
func (lx *langLexicon) verbAt(t ltok) bool {
	if lx.speechVerbs[t.low] {
		return true
	}
	if i := strings.IndexByte(t.low, '-'); i > 0 {
		return lx.speechVerbs[t.low[:i]]
	}
	return false
}

// pronoun returns the gender of the pronoun t, also as the last part of
// a hyphenated inversion (a-t-il, dit-elle).
func (lx *langLexicon) pronoun(t ltok) (string, bool) {
	if g, ok := lx.pronouns[t.low]; ok {
		return g, true
	}
	if i := strings.LastIndexByte(t.low, '-'); i > 0 {
		g, ok := lx.pronouns[t.low[i+1:]]
		return g, ok
	}
	return "", false
}

// langSpeaker is who a quote is attributed to.
type langSpeaker struct {
	slug, name, gender string
	person             bool
}

func speakerOf(n *Name) langSpeaker {
	return langSpeaker{slug: n.Actor, name: n.Canonical, gender: n.Gender, person: n.Kind == "person"}
}

// quotes reads the words in quote marks of paragraphs in the lexicon's
// language and their speakers: the name after a speech verb after the
// quote («…», — сказав Зеленський; „…“, sagte Scholz; « … », a déclaré
// Macron), the subject of a speech verb before it (Шольц заявив: «…»),
// and for a pronoun or a description (він, der Kanzler) the person last
// named.
func (lx *langLexicon) quotes(paras []string, m *Matcher) []model.Quote {
	var out []model.Quote
	var toks []ltok
	var last langSpeaker
	var persons []langSpeaker
	marks := quoteMarks
	if lx.lang == "de" {
		marks = quoteMarksDe
	}
	for pi, p := range paras {
		toks = langTokens(p, lx.dotThousands, toks)
		ms := m.Find(p)
		mi := 0
		// prev is the last quote of the paragraph that a verb
		// attributes, and prevWho its speaker.
		prev, prevWho := markedSpan{open: -1}, langSpeaker{}
		for _, sp := range markedSpans(p, marks) {
			for ; mi < len(ms) && ms[mi].End <= sp.open; mi++ {
				if ms[mi].Name.Kind == "person" {
					persons = append(persons, speakerOf(ms[mi].Name))
				}
			}
			if lx.isMarkedName(p, sp, toks) {
				continue
			}
			who, ok := lx.speakerAfter(p, sp, toks, ms)
			if !ok {
				who, ok = lx.speakerBefore(p, sp, toks, ms)
			}
			// Quotes joined in one sentence share the verb of the first
			// (a dénoncé une « trahison » et un « coup de poignard »).
			if !ok && prev.open >= 0 && !strings.ContainsAny(p[prev.close:sp.open], ".!?") {
				who, ok = prevWho, true
			}
			if ok {
				prev, prevWho = sp, who
			}
			// Words in marks inside a sentence that no verb attributes
			// are a title, a label or irony (contenir la hausse « bien
			// en deçà de 2 °C »), not a quote; a sentence in marks of
			// its own may take its speaker from the context.
			if !ok && inSentence(p, sp) {
				continue
			}
			if !ok || who.slug == "" && who.name == "" {
				who = pickPerson(persons, last, who.gender)
			}
			if who.person || who.slug != "" {
				last = who
			}
			out = append(out, model.Quote{Text: p[sp.start:sp.end], Speaker: who.slug, SpeakerName: who.name, Para: pi, Start: sp.start, End: sp.end})
		}
		for ; mi < len(ms); mi++ {
			if ms[mi].Name.Kind == "person" {
				persons = append(persons, speakerOf(ms[mi].Name))
			}
		}
	}
	return out
}

// inSentence reports whether the marks stand inside a sentence: words
// of it before the opening mark (not a colon introducing the quote) and
// no sentence end inside the marks.
func inSentence(p string, sp markedSpan) bool {
	if strings.ContainsAny(p[sp.end-1:sp.end], ".!?…") {
		return false
	}
	before := strings.TrimRightFunc(p[:sp.open], func(r rune) bool { return unicode.IsSpace(r) || r == '—' || r == '–' || r == '-' })
	if before == "" || strings.HasSuffix(before, ":") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return !strings.ContainsRune(".!?»“”", r)
}

// pickPerson is the antecedent of a pronoun or description: the person
// last named, of the gender when the pronoun gives one, else the last
// speaker.
func pickPerson(persons []langSpeaker, last langSpeaker, gender string) langSpeaker {
	if gender != "male" && gender != "female" {
		gender = ""
	}
	for k := len(persons) - 1; k >= 0; k-- {
		if gender == "" || persons[k].gender == "" || persons[k].gender == gender {
			return persons[k]
		}
	}
	return last
}

// clauseToks returns the tokens of p in [from, to).
func clauseToks(toks []ltok, from, to int) []ltok {
	lo := sort.Search(len(toks), func(i int) bool { return toks[i].start >= from })
	hi := lo + sort.Search(len(toks)-lo, func(i int) bool { return toks[lo+i].end > to })
	return toks[lo:hi]
}

// speakerAfter reads an attribution after the closing mark, up to the
// end of the sentence: a speech verb within its first words, and the name
// (or pronoun) after it or, inverted, before it.
func (lx *langLexicon) speakerAfter(p string, sp markedSpan, toks []ltok, ms []Match) (langSpeaker, bool) {
	end := min(len(p), sp.close+maxLangWindow*8)
	if k := strings.IndexAny(p[sp.close:end], ".!?«„“"); k >= 0 {
		end = sp.close + k
	}
	ct := clauseToks(toks, sp.close, end)
	for k := 0; k < len(ct) && k < 6; k++ {
		if !lx.verbAt(ct[k]) {
			continue
		}
		if g, ok := lx.pronoun(ct[k]); ok {
			return langSpeaker{gender: g}, true
		}
		// The name after the verb (сказав Зеленський, a déclaré Emmanuel
		// Macron, a tranché le porte-parole du Kremlin, Dmitri Peskov),
		// else before it (Scholz sagte).
		for _, mt := range ms {
			if mt.Start >= ct[k].end && mt.Start < end && countToks(ct, ct[k].end, mt.Start) <= 3 {
				return speakerOf(mt.Name), true
			}
		}
		for _, mt := range ms {
			if mt.Start >= sp.close && mt.End <= ct[k].start {
				return speakerOf(mt.Name), true
			}
		}
		for j := k + 1; j < len(ct) && j <= k+3; j++ {
			if g, ok := lx.pronoun(ct[j]); ok {
				return langSpeaker{gender: g}, true
			}
		}
		for j := k + 1; j < len(ct) && j <= k+8; j++ {
			if name := capitalRun(p, ct[j:]); name != "" {
				return langSpeaker{name: name}, true
			}
		}
		for _, mt := range ms {
			if mt.Start >= ct[k].end && mt.Start < end {
				return speakerOf(mt.Name), true
			}
		}
		return langSpeaker{}, true
	}
	return langSpeaker{}, false
}

func countToks(ct []ltok, from, to int) int {
	n := 0
	for _, t := range ct {
		if t.start >= from && t.end <= to {
			n++
		}
	}
	return n
}

// capitalRun returns the words at the start of ct that are capitalized
// (a name the matcher does not know: Дмитро Пєсков), at most three.
func capitalRun(p string, ct []ltok) string {
	n := 0
	for n < len(ct) && n < 3 {
		r, _ := utf8.DecodeRuneInString(p[ct[n].start:])
		if !unicode.IsUpper(r) || n > 0 && !onlySpaceBetween(p, ct[n-1].end, ct[n].start) {
			break
		}
		n++
	}
	if n == 0 {
		return ""
	}
	return p[ct[0].start:ct[n-1].end]
}

// speakerBefore reads an attribution in the sentence before the opening
// mark: the subject of the last speech verb there (Шольц заявив: «…»,
// Пєсков заявив, що … «…»).
func (lx *langLexicon) speakerBefore(p string, sp markedSpan, toks []ltok, ms []Match) (langSpeaker, bool) {
	from := max(0, sp.open-maxLangWindow*8)
	if k := strings.LastIndexAny(p[from:sp.open], ".!?»“”"); k >= 0 {
		from += k + 1
	}
	ct := clauseToks(toks, from, sp.open)
	for k := len(ct) - 1; k >= 0; k-- {
		if !lx.verbAt(ct[k]) {
			continue
		}
		verb := ct[k]
		var best *Match
		for i := range ms {
			if ms[i].Start >= from && ms[i].End <= verb.start {
				best = &ms[i]
			}
		}
		if best != nil && k > 0 && best.End >= ct[k-1].start {
			return speakerOf(best.Name), true
		}
		// По словам Лаврова: the name right after the attribution noun.
		for _, mt := range ms {
			if mt.Start >= verb.end && mt.End <= sp.open && countToks(ct, verb.end, mt.Start) == 0 {
				return speakerOf(mt.Name), true
			}
		}
		// A name the matcher does not know right before the verb.
		j := k
		for j > 0 && k-j < 2 {
			r, _ := utf8.DecodeRuneInString(p[ct[j-1].start:])
			if !unicode.IsUpper(r) || lx.isPrep(ct[j-1].low) {
				break
			}
			j--
		}
		if j < k {
			if g, ok := lx.pronoun(ct[k-1]); ok {
				return langSpeaker{gender: g}, true
			}
			return langSpeaker{name: p[ct[j].start:ct[k-1].end]}, true
		}
		if best != nil {
			return speakerOf(best.Name), true
		}
		for i := k - 1; i >= 0 && i >= k-2; i-- {
			if g, ok := lx.pronoun(ct[i]); ok {
				return langSpeaker{gender: g}, true
			}
		}
		return langSpeaker{}, true
	}
	// За його словами, «…»: the phrase names no one but a pronoun.
	for _, t := range ct {
		if g, ok := lx.pronoun(t); ok {
			return langSpeaker{gender: g}, true
		}
	}
	return langSpeaker{}, false
}
