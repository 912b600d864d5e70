package extract

import (
	"strings"

	"github.com/briefhq/brief/builder/model"
)

// Quotes finds direct quotations in the paragraphs of an article and
// attributes each to a speaker:
//
//   - after the quote: “…,” Putin said. / “…,” said Putin. / “…,” the
//     president said (a description: no actor, the words kept as the name);
//   - before it: Putin said: “…” / Putin told reporters: “…” / According to
//     Peskov, “…”;
//   - a quote with no attribution of its own continues the previous quote
//     of its paragraph: “…,” Macron said, adding: “…” gives both to Macron;
//   - he, she and they are the person most recently named as a speaker or
//     as the subject of a sentence, mentions inside quotes left aside;
//   - a name that is no known actor is kept as SpeakerName with Speaker "".
//
// Marked words inside a sentence are a partial quote only when they are at
// least four words long and a speech verb of the sentence attributes them
// (said he and Putin were “in agreement on a number of points”); shorter
// ones and those with no speech verb are scare quotes (warned of “serious
// consequences”) and left out. Curly and straight double quotation marks
// are read; a quote left open at the end of a paragraph runs to its end.
// A quote for which no speaker is found is left out.
func Quotes(paras []string, m *Matcher) []model.Quote {
	q := quoteScanner{m: m}
	sc := scratchPool.Get().(*scratch)
	q.toks = sc.toks
	var out []model.Quote
	for pi, p := range paras {
		out = q.para(pi, p, out)
	}
	sc.toks = q.toks[:0]
	scratchPool.Put(sc)
	return out
}

// speaker is who said something: an actor slug, or only a name.
type speaker struct {
	slug, name string
}

func (s speaker) ok() bool { return s.slug != "" || s.name != "" }

type quoteSpan struct {
	open       int // byte of the opening mark
	start, end int // the words inside
	close      int // byte after the closing mark (len(p) when left open)
}

type event struct {
	pos int
	who speaker
}

type quoteScanner struct {
	m      *Matcher
	last   speaker // the person last named as speaker or subject
	p      string
	ms     []Match
	sents  []span
	spans  []quoteSpan
	events []event
	toks   []token
	// partial: only core speech verbs attribute, and quoted words are
	// skipped when looking for them.
	partial bool
}

// partialVerbs attribute a partial quote: said he and Putin were “…”.
var partialVerbs = wordSet("said", "says", "told", "tells", "added", "adding", "warned", "warns", "insisted",
	"insists", "stated", "declared", "urged", "wrote", "saying", "stressed", "claimed", "argued", "according",
	"insisting", "warning", "called")

// speechVerbs attribute quotes.
var speechVerbs = wordSet("said", "says", "say", "told", "tells", "added", "adds", "adding", "warned", "warns",
	"warning", "insisted", "insists", "insisting", "stated", "states", "declared", "declares", "asked", "asks",
	"urged", "urges", "stressed", "stresses", "wrote", "writes", "tweeted", "explained", "explains", "noted",
	"notes", "replied", "replies", "continued", "claimed", "claims", "announced", "announces", "acknowledged",
	"admitted", "admits", "conceded", "argued", "argues", "recalled", "promised", "vowed", "cautioned",
	"suggested", "predicted", "commented", "remarked", "observed", "answered", "confirmed", "complained",
	"saying", "telling", "responded", "posted", "emphasised", "emphasized", "reiterated", "concluded",
	"according", "tells", "added")

// Words dropped from the end of a subject before its verb: "Biden had said".
var auxiliaries = wordSet("had", "has", "have", "also", "then", "later", "again", "previously", "earlier", "once",
	"would", "will", "reportedly", "repeatedly", "has", "was", "is", "had", "afterwards", "later", "himself",
	"herself", "subsequently", "further", "simply", "only", "flatly", "publicly", "privately", "bluntly")

var pronouns = wordSet("he", "she", "they")

// Function words that can open a description of a speaker.
var descriptionStarts = wordSet("the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those")

// Capitalised words that open sentences but name nobody.
var notNames = wordSet("the", "a", "an", "it", "this", "that", "there", "these", "those", "we", "i", "you", "he",
	"she", "they", "officials", "police", "analysts", "critics", "witnesses", "residents", "sources", "but",
	"and", "in", "on", "at", "after", "before", "when", "while", "if", "as", "some", "many", "one", "others",
	"experts", "diplomats", "observers", "western", "his", "her", "their", "its", "our", "according", "speaking",
	"asked", "later", "earlier", "meanwhile", "however", "still", "yet", "so", "then", "now", "today", "mr", "ms",
	"mrs", "dr")

// Lower-case particles inside personal names.
var nameParticles = wordSet("al", "el", "bin", "ibn", "de", "da", "del", "der", "den", "van", "von", "di", "du",
	"la", "le")

func (q *quoteScanner) para(pi int, p string, out []model.Quote) []model.Quote {
	q.p = p
	q.spans = findQuoteSpans(p, q.spans[:0])
	q.ms = q.m.Find(p)
	q.sents = sentences(p, q.sents)
	q.events = q.subjects(q.events[:0])
	ev := 0
	var prev speaker
	prevClose := -1
	for si, s := range q.spans {
		for ev < len(q.events) && q.events[ev].pos < s.open {
			q.last = q.events[ev].who
			ev++
		}
		start, end := trimQuote(p, s.start, s.end)
		if start >= end {
			prevClose = s.close
			continue
		}
		text := p[start:end]
		sent := sentenceAt(q.sents, s.open, len(p))
		ctx := sent.start
		if prevClose > ctx && prevClose <= s.open {
			ctx = prevClose
		}
		if ctx > s.open {
			ctx = s.open
		}
		before := strings.TrimSpace(p[ctx:s.open])
		bVerb := q.hasSpeechVerb(ctx, s.open)
		standalone := before == "" || strings.HasSuffix(before, ":") ||
			(strings.HasSuffix(before, ",") && bVerb) || strings.HasSuffix(before, "—")
		nextOpen := len(p)
		if si+1 < len(q.spans) {
			nextOpen = q.spans[si+1].open
		}
		rEnd := attributionEnd(p, s.close, nextOpen)
		speechy := endsLikeSpeech(p, s.start, s.end)
		var who speaker
		if standalone {
			if before != "" && bVerb {
				who = q.fromBefore(ctx, s.open)
			}
			if !who.ok() && s.close < len(p) && !startsNewSentence(p, s.start, s.end, s.close) {
				who = q.fromAfter(s.close, rEnd)
			}
			if !who.ok() && prev.ok() && (speechy || (before != "" && bVerb)) {
				who = prev
			}
		} else {
			if wordCount(text) < 4 {
				prevClose = s.close
				continue
			}
			// The verb may stand before an earlier scare quote of the
			// sentence: said there were “x y” but “a b c d”.
			q.partial = true
			who = q.fromBefore(sent.start, s.open)
			q.partial = false
			// “…”, Putin said: a partial quote takes an attribution after
			// it only across a comma.
			if !who.ok() && s.close < len(p) && strings.HasPrefix(strings.TrimLeft(p[s.close:rEnd], " "), ",") {
				who = q.fromAfter(s.close, rEnd)
			}
		}
		prevClose = s.close
		if !who.ok() {
			continue
		}
		out = append(out, model.Quote{Text: text, Speaker: who.slug, SpeakerName: who.name, Para: pi, Start: start, End: end})
		prev = who
		if q.isPerson(who) {
			q.last = who
		}
	}
	for ; ev < len(q.events); ev++ {
		q.last = q.events[ev].who
	}
	return out
}

// findQuoteSpans pairs the quotation marks of p.
func findQuoteSpans(p string, out []quoteSpan) []quoteSpan {
	open := -1
	straight := false
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '"':
			if open < 0 {
				open, straight = i, true
			} else if straight {
				out = append(out, quoteSpan{open: open, start: open + 1, end: i, close: i + 1})
				open = -1
			}
		case c == 0xE2 && i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0x9C: // “
			if open < 0 {
				open, straight = i, false
			}
			i += 2
		case c == 0xE2 && i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0x9D: // ”
			if open >= 0 && !straight {
				out = append(out, quoteSpan{open: open, start: open + 3, end: i, close: i + 3})
				open = -1
			}
			i += 2
		}
	}
	if open >= 0 {
		start := open + 1
		if !straight {
			start = open + 3
		}
		out = append(out, quoteSpan{open: open, start: start, end: len(p), close: len(p)})
	}
	return out
}

// trimQuote trims spaces and a trailing comma from the words of a quote.
func trimQuote(p string, start, end int) (int, int) {
	for start < end && (p[start] == ' ' || p[start] == '\t') {
		start++
	}
	for end > start && (p[end-1] == ' ' || p[end-1] == ',' || p[end-1] == '\t') {
		end--
	}
	return start, end
}

// endsLikeSpeech reports whether quoted words end as a statement does:
// with a comma, a stop, a question or exclamation mark, or an ellipsis.
func endsLikeSpeech(p string, start, end int) bool {
	s := strings.TrimRight(p[start:end], " ")
	return strings.HasSuffix(s, ",") || strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") ||
		strings.HasSuffix(s, "!") || strings.HasSuffix(s, "…")
}

// startsNewSentence reports whether what follows a quote that ended with a
// full stop is a new sentence (“… .” Moscow denied it.), so not its
// attribution.
func startsNewSentence(p string, start, end, close int) bool {
	s := strings.TrimRight(p[start:end], " ")
	if !strings.HasSuffix(s, ".") {
		return false
	}
	k := close
	for k < len(p) && p[k] == ' ' {
		k++
	}
	return k < len(p) && k > close && startsSentence(p, k)
}

// attributionEnd returns where the attribution after a quote can end: the
// next quote or the end of the sentence.
func attributionEnd(p string, from, nextOpen int) int {
	for i := from; i < nextOpen; i++ {
		c := p[i]
		if (c == '.' || c == '!' || c == '?' || c == ';') && (i+1 >= len(p) || p[i+1] == ' ') {
			if c == '.' && isAbbrevBefore(p, i) {
				continue
			}
			return i
		}
	}
	return nextOpen
}

func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		sp := s[i] == ' '
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// words tokenizes p[from:to] into q.toks, offsets relative to p.
func (q *quoteScanner) words(from, to int) []token {
	q.toks = tokenize(q.p[from:to], q.toks)
	for i := range q.toks {
		q.toks[i].start += from
		q.toks[i].end += from
	}
	return q.toks
}

func (q *quoteScanner) tokText(t token) string { return q.p[t.start:t.end] }

// isVerbAt reports whether toks[k] is a speech verb; "according" needs "to".
func (q *quoteScanner) isVerbAt(toks []token, k int) bool {
	t := toks[k]
	if t.kind != tWord {
		return false
	}
	w := q.tokText(t)
	if w == "According" {
		w = "according"
	}
	if !isLowerWord(w) {
		return false
	}
	if q.partial {
		if !inSet(partialVerbs, w) || q.inQuote(t.start) || w == "called" {
			return false
		}
	} else if !inSet(speechVerbs, w) {
		return false
	}
	if w == "according" {
		return k+1 < len(toks) && q.tokText(toks[k+1]) == "to"
	}
	return true
}

func (q *quoteScanner) hasSpeechVerb(from, to int) bool {
	toks := q.words(from, to)
	for k := range toks {
		if q.isVerbAt(toks, k) {
			return true
		}
	}
	return false
}

// fromBefore finds the speaker in the words before a quote: the subject of
// the last speech verb that has one ("Putin told reporters:"), or the name
// after "according to".
func (q *quoteScanner) fromBefore(from, to int) speaker {
	toks := q.words(from, to)
	type verb struct{ k, start, end int }
	var verbs [8]verb
	n := 0
	for k := range toks {
		if q.isVerbAt(toks, k) && n < len(verbs) {
			end := toks[k].end
			if w := q.tokText(toks[k]); w == "according" || w == "According" {
				end = toks[k+1].end
			}
			verbs[n] = verb{k, toks[k].start, end}
			n++
		}
	}
	for v := n - 1; v >= 0; v-- {
		vb := verbs[v]
		if strings.HasPrefix(q.p[vb.start:], "according") || strings.HasPrefix(q.p[vb.start:], "According") {
			// "According to Peskov, “…”"
			stop := to
			if c := strings.IndexAny(q.p[vb.end:to], ",:"); c >= 0 {
				stop = vb.end + c
			}
			if who := q.resolve(vb.end, stop, true); who.ok() {
				return who
			}
			continue
		}
		lo := from
		if v > 0 {
			lo = verbs[v-1].end
		}
		if who := q.resolve(lo, vb.start, false); who.ok() {
			return who
		}
	}
	return speaker{}
}

// fromAfter finds the speaker in the words after a quote: “…,” Putin said /
// said Putin / he said / according to Peskov.
func (q *quoteScanner) fromAfter(from, to int) speaker {
	toks := q.words(from, to)
	wordsSeen := 0
	for k := 0; k < len(toks) && wordsSeen <= 12; k++ {
		if toks[k].kind != tWord {
			continue
		}
		if !q.isVerbAt(toks, k) {
			wordsSeen++
			continue
		}
		vEnd := toks[k].end
		if q.tokText(toks[k]) == "according" {
			vEnd = toks[k+1].end
		}
		if wordsSeen == 0 {
			w := q.tokText(toks[k])
			if w == "told" || w == "tells" || w == "telling" {
				return speaker{}
			}
			stop := to
			if c := strings.IndexAny(q.p[vEnd:to], ",:;"); c >= 0 {
				stop = vEnd + c
			}
			return q.resolve(vEnd, stop, true)
		}
		return q.resolve(from, toks[k].start, false)
	}
	return speaker{}
}

// resolve names the speaker written in p[from:to]. afterVerb says the
// phrase follows its verb ("said Putin, the …"), so its first segment
// counts; before a verb the segment next to it counts first.
func (q *quoteScanner) resolve(from, to int, afterVerb bool) speaker {
	p := q.p
	// Trim spaces, punctuation and trailing auxiliaries.
	for from < to && strings.ContainsRune(" ,—–-:;", rune(p[from])) {
		from++
	}
	for {
		for to > from && strings.ContainsRune(" ,—–-:;", rune(p[to-1])) {
			to--
		}
		i := strings.LastIndexByte(p[from:to], ' ')
		last := p[from+i+1 : to]
		if i >= 0 && inSet(auxiliaries, last) && isLowerWord(last) {
			to = from + i
			continue
		}
		if i < 0 && inSet(auxiliaries, last) && isLowerWord(last) {
			return speaker{}
		}
		break
	}
	if from >= to {
		return speaker{}
	}
	phrase := p[from:to]
	// A pronoun right before the verb: "that he said", "he told".
	lastSp := strings.LastIndexAny(phrase, " ,")
	lastWord := phrase[lastSp+1:]
	if !afterVerb && inSet(pronouns, lastWord) {
		return q.last
	}
	if afterVerb {
		if sp := strings.IndexByte(phrase, ' '); sp < 0 && inSet(pronouns, phrase) {
			return q.last
		}
	}
	// Segments between commas; the one next to the verb first.
	var segs [6]span
	ns := 0
	s0 := from
	for i := from; i <= to && ns < len(segs); i++ {
		if i == to || p[i] == ',' {
			a, b := s0, i
			for a < b && p[a] == ' ' {
				a++
			}
			for b > a && p[b-1] == ' ' {
				b--
			}
			if a < b {
				segs[ns] = span{a, b}
				ns++
			}
			s0 = i + 1
		}
	}
	if ns == 0 {
		return speaker{}
	}
	order := [6]int{}
	no := 0
	if afterVerb {
		for i := 0; i < ns; i++ {
			order[no] = i
			no++
		}
	} else {
		order[no] = ns - 1
		no++
		for i := 0; i < ns-1; i++ {
			order[no] = i
			no++
		}
	}
	for _, si := range order[:no] {
		if who, ok := q.bareName(segs[si]); ok {
			return who
		}
	}
	// No actor: an unknown name, then a description.
	cands := [2]int{ns - 1, 0}
	if afterVerb {
		cands = [2]int{0, ns - 1}
	}
	for _, si := range cands {
		if name, ok := q.unknownName(segs[si]); ok {
			return speaker{name: name}
		}
	}
	seg := segs[ns-1]
	if afterVerb {
		seg = segs[0]
	}
	d := p[seg.start:seg.end]
	firstWord := d
	if sp := strings.IndexByte(d, ' '); sp > 0 {
		firstWord = d[:sp]
	}
	if inSet(unitStop, firstWord) && !inSet(descriptionStarts, firstWord) {
		return speaker{} // "and said …": no description
	}
	if wc := wordCount(d); wc >= 1 && wc <= 8 && (isLowerWord(d) || strings.HasPrefix(d, "The ") || strings.HasPrefix(d, "A ")) {
		if inSet(pronouns, d) {
			return q.last
		}
		if strings.Contains(d, "who ") || strings.Contains(d, "which ") {
			return speaker{}
		}
		return speaker{name: d}
	}
	return speaker{}
}

// bareName returns the actor a segment names: a mention with nothing after
// it and only titles before it ("US Secretary of State Antony Blinken",
// "Chancellor Scholz"), not a description that contains one ("a Kremlin
// spokesman", "Britain's prime minister").
func (q *quoteScanner) bareName(seg span) (speaker, bool) {
	var found *Match
	for k := range q.ms {
		mm := &q.ms[k]
		if mm.Start >= seg.start && mm.End <= seg.end {
			found = mm
		}
	}
	if found == nil {
		return speaker{}, false
	}
	after := q.p[found.End:seg.end]
	if after != "" && after != "’s" && after != "'s" {
		return speaker{}, false
	}
	if after != "" {
		return speaker{}, false // "Putin's spokesman" is not Putin
	}
	for i, t := range q.words(seg.start, found.Start) {
		w := q.tokText(t)
		if i == 0 && w == "the" {
			continue // "according to the WHO"
		}
		if t.kind == tWord && !isCapitalized(w) && w != "of" && w != "s" && !inSet(nameParticles, w) {
			return speaker{}, false
		}
		if t.kind == tNum {
			return speaker{}, false
		}
	}
	return speaker{slug: found.Name.Actor, name: q.p[found.Start:found.End]}, true
}

// unknownName returns a segment that looks like a personal name: one to
// four capitalised words (with particles such as "al" or "von").
func (q *quoteScanner) unknownName(seg span) (string, bool) {
	s := q.p[seg.start:seg.end]
	for k := range q.ms {
		if q.ms[k].Start < seg.end && q.ms[k].End > seg.start {
			return "", false
		}
	}
	toks := q.words(seg.start, seg.end)
	n := 0
	for i, t := range toks {
		w := q.tokText(t)
		switch {
		case t.kind == tWord && isCapitalized(w):
			if i == 0 && inSet(notNames, w) {
				return "", false
			}
			n++
		case t.kind == tWord && inSet(nameParticles, w) && i > 0:
		case t.kind == tPunct && (isHyphen(w) || w == "." || isApostrophe(w)) && i > 0:
		default:
			return "", false
		}
	}
	if n == 0 || n > 4 {
		return "", false
	}
	return s, true
}

// subjects lists, for each sentence of the paragraph, its subject when it
// is a person: the first person mention outside quotes before the
// sentence's first speech verb (or near its start when it has none), or an
// unknown name opening the sentence.
func (q *quoteScanner) subjects(out []event) []event {
	p := q.p
	mi := 0
	for _, s := range q.sents {
		for mi < len(q.ms) && q.ms[mi].Start < s.start {
			mi++
		}
		limit := s.end
		toks := q.words(s.start, s.end)
		for k := range toks {
			if q.isVerbAt(toks, k) && !q.inQuote(toks[k].start) {
				limit = toks[k].start
				break
			}
		}
		if limit == s.end && limit-s.start > 80 {
			limit = s.start + 80
		}
		found := false
		for k := mi; k < len(q.ms) && q.ms[k].Start < limit; k++ {
			mm := q.ms[k]
			if q.inQuote(mm.Start) {
				continue
			}
			if mm.Name.Kind == "" || mm.Name.Kind == model.Person {
				out = append(out, event{mm.Start, speaker{slug: mm.Name.Actor, name: p[mm.Start:mm.End]}})
				found = true
				break
			}
		}
		if found {
			continue
		}
		// An unknown name opening the sentence: "Peter Berdowski, the …".
		end := s.start
		for end < s.end && p[end] != ',' {
			end++
		}
		if end < s.end && end-s.start < 40 {
			// One word is a name only before an appositive or a relative
			// clause: "Duda, whose country …", "Kirby, the spokesman".
			rest := strings.TrimLeft(p[end+1:s.end], " ")
			appositive := strings.HasPrefix(rest, "who ") || strings.HasPrefix(rest, "whose ") || strings.HasPrefix(rest, "the ") || strings.HasPrefix(rest, "a ")
			if name, ok := q.unknownName(span{s.start, end}); ok && (strings.IndexByte(name, ' ') > 0 || appositive) {
				out = append(out, event{s.start, speaker{name: name}})
			}
		}
	}
	return out
}

func (q *quoteScanner) inQuote(pos int) bool {
	for _, s := range q.spans {
		if pos >= s.open && pos < s.close {
			return true
		}
		if s.open > pos {
			break
		}
	}
	return false
}

// isPerson reports whether a speaker can be "he" or "she" later.
func (q *quoteScanner) isPerson(s speaker) bool {
	if s.slug == "" {
		return s.name != "" && isCapitalized(s.name) && !strings.HasPrefix(s.name, "The ")
	}
	for k := range q.ms {
		if q.ms[k].Name.Actor == s.slug {
			return q.ms[k].Name.Kind == "" || q.ms[k].Name.Kind == model.Person
		}
	}
	return true
}
