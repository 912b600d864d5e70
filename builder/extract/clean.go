package extract

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Cleaned is the text of a pasted or saved article once site furniture is
// removed and glued headings are split off, with what was done to it, so
// that "brief check" can show the editor.
type Cleaned struct {
	Blocks   []model.Block // paragraphs and headings kept, in order
	Removed  []Cut         // boilerplate dropped
	Headings []Cut         // headings split off the start of a paragraph
}

// Cut is one piece of text the cleaner acted on, with its line.
type Cut struct {
	Line int
	Text string
}

// Diagnostics reports what the cleaner did as warnings on file.
func (c *Cleaned) Diagnostics(file string) []diag.Diagnostic {
	var ds []diag.Diagnostic
	for _, r := range c.Removed {
		ds = append(ds, diag.Diagnostic{File: file, Line: r.Line, Severity: diag.Warning,
			Msg: fmt.Sprintf("removed boilerplate: %q", shorten(r.Text, 100))})
	}
	for _, h := range c.Headings {
		ds = append(ds, diag.Diagnostic{File: file, Line: h.Line, Severity: diag.Warning,
			Msg:  fmt.Sprintf("read a heading glued to the paragraph: %q", h.Text),
			Hint: "shown as a heading; if that is wrong, put a full stop after these words"})
	}
	return ds
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// CleanText splits the body of a .txt article (starting at line bodyLine
// of its file) into paragraphs, drops boilerplate lines, paragraphs and
// trailing banners, and splits glued headings off paragraphs. m, which may
// be nil, recognises actor names as the subject that follows a heading.
func CleanText(body string, bodyLine int, bp *Boilerplate, m *Matcher) Cleaned {
	var c Cleaned
	type line struct {
		text string
		n    int
	}
	var cur []line
	flush := func() {
		if len(cur) == 0 {
			return
		}
		// Drop whole lines of furniture: a lone line, or one that stands
		// between sentences (the previous line ends one and the next
		// starts one), so that a wrapped word such as "Accept" stays.
		var kept []line
		for i, ln := range cur {
			if bp != nil && bp.Match(ln.text) && !articleBeforeBanner(ln.text, bp) {
				prevEnds := i == 0 || endsSentence(cur[i-1].text)
				nextStarts := i == len(cur)-1 || startsUpper(cur[i+1].text)
				if len(cur) == 1 || (prevEnds && nextStarts && startsUpper(ln.text)) {
					c.Removed = append(c.Removed, Cut{ln.n, ln.text})
					continue
				}
			}
			kept = append(kept, ln)
		}
		cur = cur[:0]
		if len(kept) == 0 {
			return
		}
		parts := make([]string, len(kept))
		for i, ln := range kept {
			parts[i] = ln.text
		}
		p := strings.Join(parts, " ")
		first := kept[0].n
		if len(kept) > 1 && bp != nil && bp.Match(p) && !articleBeforeBanner(p, bp) {
			c.Removed = append(c.Removed, Cut{first, p})
			return
		}
		p, tail := cutTail(p, bp)
		if tail != "" {
			// The line the banner starts on.
			at := kept[len(kept)-1].n
			for _, ln := range kept {
				if strings.Contains(ln.text, firstWords(tail)) {
					at = ln.n
					break
				}
			}
			c.Removed = append(c.Removed, Cut{at, tail})
		}
		if p == "" {
			return
		}
		if head, rest, ok := gluedHeading(p, m); ok {
			c.Headings = append(c.Headings, Cut{first, head})
			c.Blocks = append(c.Blocks, model.Block{Text: head, Heading: true, Line: first}, model.Block{Text: rest, Line: first})
			return
		}
		c.Blocks = append(c.Blocks, model.Block{Text: p, Line: first})
	}
	for i, raw := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(raw)
		if t == "" {
			flush()
			continue
		}
		cur = append(cur, line{t, bodyLine + i})
	}
	flush()
	return c
}

// CleanBlocks drops boilerplate blocks and trailing banners from the
// blocks of a saved web page.
func CleanBlocks(blocks []model.Block, bp *Boilerplate) Cleaned {
	var c Cleaned
	for _, b := range blocks {
		if b.Image != "" {
			c.Blocks = append(c.Blocks, b) // alt text is no boilerplate
			continue
		}
		if bp != nil && bp.Match(b.Text) {
			c.Removed = append(c.Removed, Cut{b.Line, b.Text})
			continue
		}
		if !b.Heading {
			var tail string
			b.Text, tail = cutTail(b.Text, bp)
			if tail != "" {
				c.Removed = append(c.Removed, Cut{b.Line, tail})
			}
			if b.Text == "" {
				continue
			}
		}
		c.Blocks = append(c.Blocks, b)
	}
	return c
}

// articleBeforeBanner reports whether a line that a boilerplate pattern
// matches as a whole is in fact article text with a banner run on to its
// end: then only the banner is cut.
func articleBeforeBanner(s string, bp *Boilerplate) bool {
	kept, tail := cutTail(s, bp)
	return tail != "" && kept != "" && !bp.Match(kept)
}

func firstWords(s string) string {
	f := strings.Fields(s)
	if len(f) > 2 {
		f = f[:2]
	}
	return strings.Join(f, " ")
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"“‘'(", r)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"”’')] ")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:", r)
}

// buttonLabels are what consent banners and teasers end with once pasted:
// the text of their buttons and links.
var buttonLabels = regexp.MustCompile(`(?i)^((accept( all| cookies)?|reject( all)?|decline|agree|i agree|ok|got it|close|read more|learn more|more info|continue reading|cookie settings|settings|manage (preferences|settings|cookies)|privacy policy)\s*[|·•/]?\s*)+$`)

// looseLabels end a paragraph harmlessly without a banner before them: the
// text of a teaser link after an article's last sentence.
var looseLabels = regexp.MustCompile(`(?i)^(read more|continue reading|learn more)$`)

// bannerSentence matches the sentences of cookie and consent banners and
// of sign-up prompts. They are cut only at the end of a paragraph.
var bannerSentence = regexp.MustCompile(`(?i)(\b(we|this (web)?site|our (web)?site|this page)\b.{0,80}\b(uses?|using|set)\b.{0,40}\bcookies?\b` +
	`|\bopt[- ]?out if you wish\b` +
	`|\b(you're|you are) ok with this\b` +
	`|\bby (continuing|clicking|using|browsing)\b.{0,80}\b(agree|consent|accept)` +
	`|\b(cookie|privacy) (policy|settings|preferences)\b` +
	`|\bmanage (your )?(cookie|consent|privacy) (settings|preferences|choices)\b` +
	`|\b(sign up|subscribe)\b.{0,40}\bnewsletters?\b` +
	`|\bshare this (article|story|page)\b)`)

// bannerWords are words one of which every bannerSentence match holds.
var bannerWords = []string{"cookie", "privacy", "consent", "newsletter", "share this", "ok with this", "agree", "accept", "opt"}

// isBannerSentence is bannerSentence.MatchString with a cheap check first:
// the pattern scans the whole sentence, and almost no article sentence
// holds any of its words.
func isBannerSentence(s string) bool {
	return containsAny(strings.ToLower(s), bannerWords) && bannerSentence.MatchString(s)
}

// cutTail removes a consent banner and its button labels from the end of
// a paragraph, sentence by sentence, and a teaser link's "Read More". It
// returns what is kept and what was cut. A sentence that is not banner
// text ends the cut, so no sentence of the article is lost.
func cutTail(p string, bp *Boilerplate) (string, string) {
	s := strings.TrimSpace(p)
	end := lastSentenceEnd(s)
	labels := ""
	if rest := strings.TrimSpace(s[end:]); rest != "" && end > 0 && buttonLabels.MatchString(rest) {
		labels = rest
		s = strings.TrimSpace(s[:end])
	}
	// The sentence starts, found once: looking for the last one again
	// after each cut made a paragraph of 500,000 banner sentences take
	// minutes. A cut keeps a prefix of s, whose sentence starts are the
	// ones before the cut.
	var buf [16]int
	starts := sentenceStarts(s, buf[:0])
	cut := false
	for s != "" {
		start := 0
		if n := len(starts); n > 0 {
			start, starts = starts[n-1], starts[:n-1]
		}
		sent := s[start:]
		if !isBannerSentence(sent) && (bp == nil || !bp.Match(sent)) {
			break
		}
		s = strings.TrimSpace(s[:start])
		cut = true
	}
	if labels != "" && !cut && !looseLabels.MatchString(labels) {
		// "... would not accept. Accept" without a banner: leave it.
		return strings.TrimSpace(p), ""
	}
	if !cut && labels == "" {
		return strings.TrimSpace(p), ""
	}
	tail := strings.TrimSpace(strings.TrimSpace(p)[len(s):])
	return s, tail
}

// sentenceEnds calls fn with the index just past each sentence end of s:
// a full stop, question or exclamation mark or ellipsis, then closing
// quotes or brackets, then white space (which the index skips). A hand
// scan: the regular expression it replaces was a tenth of the build.
func sentenceEnds(s string, fn func(end int)) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		j := i + 1
		switch {
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && strings.HasPrefix(s[i:], "…"):
			j = i + len("…")
		default:
			continue
		}
		for j < len(s) {
			if k := closer(s[j:]); k > 0 {
				j += k
				continue
			}
			break
		}
		k := j
		for k < len(s) && isSpaceASCII(s[k]) {
			k++
		}
		if k > j {
			fn(k)
			i = k - 1
		}
	}
}

// closer returns the length of a closing quote or bracket at the start of
// s, or 0.
func closer(s string) int {
	switch s[0] {
	case '"', '\'', ')', ']':
		return 1
	}
	for _, q := range []string{"”", "’"} {
		if strings.HasPrefix(s, q) {
			return len(q)
		}
	}
	return 0
}

func isSpaceASCII(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// lastSentenceEnd returns the index just past the last sentence end of s
// that is followed by more text, or 0.
func lastSentenceEnd(s string) int {
	last := 0
	sentenceEnds(s, func(end int) { last = end })
	return last
}

// sentenceStarts appends to starts where each sentence of s but the
// first starts: after a sentence end followed by an upper-case letter.
func sentenceStarts(s string, starts []int) []int {
	sentenceEnds(s, func(end int) {
		if end < len(s) && startsUpper(s[end:]) {
			starts = append(starts, end)
		}
	})
	return starts
}

var (
	// Words that start a clause rather than a heading.
	badHeadingStart = cleanWordSet("On In At After Before But And Or When While As Since During For From Last Earlier Later Meanwhile Then However Yet So If Although Though Because Unlike Like With Without According Despite By Until Of To Also Even Still Now Today Yesterday Tomorrow")
	// Roles, titles and demonyms: "French President Emmanuel Macron" is a
	// description of the subject, not a heading.
	roleWords = cleanWordSet("president chancellor minister secretary spokesman spokeswoman spokesperson leader counterpart adviser advisor envoy ambassador official officials chief head general premier king queen prince pope senator governor mayor commander colonel admiral director chairman chairwoman representative deputy foreign prime vice mr mrs ms dr sir lord lady host guest colleague ally allies rival opponent critic aide")
	timeWords = func() map[string]bool {
		m := cleanWordSet("later earlier ago weekend")
		for _, name := range []string{"weekdays", "months", "relative-days", "time-units", "parts-of-day"} {
			for _, w := range lexiconWords("en", name) {
				m[w] = true
			}
		}
		return m
	}()
	// Function words allowed in lower case inside a title-case heading.
	smallWords = cleanWordSet("a an and as at by for from in of on or the to vs with over into after that which who whom whose than but")
	// Words that cannot follow the subject of a new sentence.
	notVerb = cleanWordSet("for of to in on at and or but with from by as the a an that which who into over about after before than nor")
	// Capitalised words that start a sentence as its subject.
	subjectWords = cleanWordSet("The A An This That These Those He She They It We His Her Its Their Both Neither Many Most Some Several Officials Troops")
)

func cleanWordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var headingWord = regexp.MustCompile(`^[\p{L}\p{N}][\p{L}\p{N}'’&-]*$`)

// gluedHeading recognises a section heading flattened into the start of
// the next paragraph: 2–8 words without punctuation, then a sentence that
// starts again with a capitalised subject — a known actor's name, or a
// determiner or pronoun followed by a lower-case word. Title-case runs
// ("Diplomatic Push Continues Emmanuel Macron has ...") and sentence-case
// ones ("Troops on the move The three allies ...", "British and German
// forces for troop deployment The new German government ...") are both
// read; sentence case keeps capitals for names, acronyms and demonyms. A
// sentence-case run that names an actor is a heading only when the
// sentence after it repeats that actor as its subject ("Biden threatens
// gas pipeline Biden has pledged ..."). Runs that describe the subject
// ("French President", "German foreign minister") or set the time ("On
// Monday") are not headings.
func gluedHeading(p string, m *Matcher) (string, string, bool) {
	// A heading is a few words at the start: no need to split the whole
	// paragraph (the rest is joined from the text when one is found).
	words := firstFields(p, 16)
	if len(words) < 8 || !strings.ContainsAny(p, ".!?") {
		return "", "", false
	}
	first := words[0]
	if !startsUpperLetter(first) || badHeadingStart[first] || strings.HasSuffix(first, "ing") || strings.HasSuffix(first, "ed") {
		return "", "", false
	}
	var ms []Match
	if m != nil {
		ms = m.Find(p)
	}
	// Byte offset of each word.
	offs := make([]int, len(words))
	pos := 0
	for i, w := range words {
		j := strings.Index(p[pos:], w)
		offs[i] = pos + j
		pos = offs[i] + len(w)
	}
	for k := 2; k <= 8 && k+5 <= len(words); k++ {
		w := words[k-1]
		if !headingWord.MatchString(w) || timeWords[strings.ToLower(w)] {
			return "", "", false // punctuation or a date ends the search
		}
		head := strings.Join(words[:k], " ")
		if len(head) > 70 {
			return "", "", false
		}
		last := strings.ToLower(words[k-1])
		if roleWords[last] || smallWords[last] || strings.HasSuffix(last, "ian") || strings.HasSuffix(last, "ese") || strings.HasSuffix(last, "ish") {
			continue
		}
		titleCase, sentenceCase := true, true
		caps := 0
		for i, hw := range words[:k] {
			up := startsUpperLetter(hw)
			if up {
				caps++
			}
			if !up && !smallWords[hw] {
				titleCase = false
			}
			// Sentence case capitalises names, acronyms and demonyms
			// only: "British and German forces for troop deployment".
			if i > 0 && up && !isAcronym(hw) && !isDemonym(hw) && !inMatch(ms, offs[i]) {
				sentenceCase = false
			}
		}
		titleCase = titleCase && caps >= 2
		if !titleCase && !sentenceCase {
			continue
		}
		next := words[k]
		// A determiner or pronoun as the subject, then a lower-case word.
		if subjectWords[next] && k+2 < len(words) && (startsLowerOrDigit(words[k+1]) || (headingWord.MatchString(words[k+1]) && startsLowerOrDigit(words[k+2]))) {
			return head, strings.Join(strings.Fields(p[offs[k]:]), " "), true
		}
		// A known actor as the subject, then a lower-case word.
		inside := false
		var subj *Match
		for i := range ms {
			x := &ms[i]
			if x.Start < offs[k] && x.End > offs[k] {
				inside = true
			}
			if x.Start == offs[k] {
				subj = x
			}
		}
		if inside || subj == nil {
			continue
		}
		if !titleCase {
			// In sentence case, a run that names an actor is most likely
			// the start of the sentence itself ("Putin again blamed
			// NATO for ..."), unless the sentence names the same actor
			// again as its subject, which no sentence does: "Biden
			// threatens gas pipeline Biden has pledged ...".
			named, again := false, false
			for _, x := range ms {
				if x.Start < offs[k] {
					named = true
					again = again || x.Name.Actor == subj.Name.Actor
				}
			}
			if named && !again {
				continue
			}
		}
		after := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(p[subj.End:], "'s"), "’s"))
		verb, _, _ := strings.Cut(after, " ")
		if (titleCase || (k >= 3 && first != "The" && first != "A" && first != "An")) && startsLowerOrDigit(after) && !notVerb[strings.ToLower(strings.Trim(verb, ",;:"))] {
			return head, strings.TrimSpace(p[offs[k]:]), true
		}
	}
	return "", "", false
}

// isDemonym reports whether a capitalised word has the shape of a
// demonym or a nationality adjective: "German", "British", "Chinese",
// "Israeli", "French".
func isDemonym(w string) bool {
	for _, suf := range []string{"an", "ish", "ese", "i", "ch"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// inMatch reports whether byte off starts or lies inside a mention of ms.
func inMatch(ms []Match, off int) bool {
	for _, x := range ms {
		if x.Start <= off && off < x.End {
			return true
		}
	}
	return false
}

func startsUpperLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func startsLowerOrDigit(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r) || unicode.IsDigit(r)
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		n++
	}
	return n >= 2
}
