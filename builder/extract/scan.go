package extract

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// This file holds the small text scanner shared by the quote, date and
// figure extractors: a tokenizer that keeps byte offsets, a sentence
// splitter that does not cut inside quotation marks, and case-insensitive
// word lookups that do not allocate.

type tokKind uint8

const (
	tWord  tokKind = iota // letters (and digits glued to them: "G7")
	tNum                  // digits, with inner "," or "." between digits
	tPunct                // any other single rune
)

// token is bytes [start, end) of a paragraph.
type token struct {
	start, end int
	kind       tokKind
}

// span is bytes [start, end) of a paragraph.
type span struct{ start, end int }

// tokenize appends the tokens of p to buf[:0]. Words are runs of letters
// (a leading run of letters may take trailing digits, "MH17"); numbers are
// runs of digits with single "," or "." between digits; everything else
// that is not space is one token per rune. Hyphens and apostrophes are
// tokens of their own, so "mid-February" is mid, -, February.
func tokenize(p string, buf []token) []token {
	toks := buf[:0]
	for i := 0; i < len(p); {
		c := p[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ' || c == '\t' || c == '\n' || c == '\r':
				i++
			case c >= '0' && c <= '9':
				j := i + 1
				for j < len(p) {
					if p[j] >= '0' && p[j] <= '9' {
						j++
					} else if (p[j] == ',' || p[j] == '.') && j+1 < len(p) && p[j+1] >= '0' && p[j+1] <= '9' {
						j += 2
					} else {
						break
					}
				}
				toks = append(toks, token{i, j, tNum})
				i = j
			case isASCIILetter(c):
				j := wordEnd(p, i+1)
				toks = append(toks, token{i, j, tWord})
				i = j
			default:
				toks = append(toks, token{i, i + 1, tPunct})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(p[i:])
		switch {
		case unicode.IsLetter(r):
			j := wordEnd(p, i+n)
			toks = append(toks, token{i, j, tWord})
			i = j
		case unicode.IsSpace(r):
			i += n
		default:
			toks = append(toks, token{i, i + n, tPunct})
			i += n
		}
	}
	return toks
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// wordEnd returns the end of the word continuing at i: letters, then
// digits glued to them.
func wordEnd(p string, i int) int {
	for i < len(p) {
		c := p[i]
		if c < utf8.RuneSelf {
			if isASCIILetter(c) || (c >= '0' && c <= '9') {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			return i
		}
		i += n
	}
	return i
}

// Quotation marks.
const (
	openCurly  = "“"
	closeCurly = "”"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = wordSet("mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "gov", "sen", "rep",
	"prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "nos", "vs",
	"etc", "inc", "ltd", "co", "corp", "jr", "sr", "mt", "ft", "adm", "maj", "brig", "rev", "approx", "est")

// maxSentence is the longest sentence the splitter returns, in bytes.
// Past it a sentence is cut at the next space, or anywhere after twice
// as much: the extractors look at the sentence around each date, figure
// and quote, so a paragraph with no sentence end (100,000 dates, or an
// unclosed quotation mark) cost its length for each of them, hours for
// one 2 MB paragraph. The longest sentence of the corpora, in all their
// languages, is 492 bytes.
const maxSentence = 2000

// sentences appends to buf[:0] the sentences of p. A sentence ends at
// ".", "!", "?" or "…" (and any closing marks after it) followed by a space
// and a capital, a digit or an opening quotation mark, except after an
// abbreviation or an initial, and never inside quotation marks; and past
// maxSentence bytes.
func sentences(p string, buf []span) []span {
	out := buf[:0]
	start := 0
	inCurly, inStraight := false, false
	for i := 0; i < len(p); {
		c := p[i]
		if n := i - start; n >= maxSentence && (c == ' ' || n >= 2*maxSentence && utf8.RuneStart(c)) {
			out = append(out, span{start, i})
			for i < len(p) && p[i] == ' ' {
				i++
			}
			start = i
			continue
		}
		if c == '"' {
			inStraight = !inStraight
			i++
			continue
		}
		if c == 0xE2 && i+2 < len(p) && p[i+1] == 0x80 {
			switch p[i+2] {
			case 0x9C: // “
				inCurly = true
				i += 3
				continue
			case 0x9D: // ”
				inCurly = false
				i += 3
				continue
			}
		}
		term := 0
		if c == '.' || c == '!' || c == '?' {
			term = 1
		} else if c == 0xE2 && i+2 < len(p) && p[i+1] == 0x80 && p[i+2] == 0xA6 { // …
			term = 3
		}
		if term == 0 {
			i++
			continue
		}
		j := i + term
		// Closing marks after the punctuation belong to this sentence.
		for j < len(p) {
			if p[j] == '"' {
				inStraight = !inStraight
				j++
			} else if p[j] == ')' || p[j] == '\'' {
				j++
			} else if hasAt(p, j, closeCurly) {
				inCurly = false
				j += 3
			} else if hasAt(p, j, "’") {
				j += 3
			} else {
				break
			}
		}
		if inCurly || inStraight || j >= len(p) || p[j] != ' ' {
			i = j
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) || !startsSentence(p, k) || (c == '.' && isAbbrevBefore(p, i)) {
			i = j
			continue
		}
		out = append(out, span{start, j})
		start = k
		i = k
	}
	if start < len(p) {
		end := len(p)
		for end > start && p[end-1] == ' ' {
			end--
		}
		if end > start {
			out = append(out, span{start, end})
		}
	}
	return out
}

func hasAt(p string, i int, s string) bool { return len(p)-i >= len(s) && p[i:i+len(s)] == s }

func startsSentence(p string, k int) bool {
	c := p[k]
	if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '"' || c == '(' {
		return true
	}
	if hasAt(p, k, openCurly) || hasAt(p, k, "‘") {
		return true
	}
	// A straight single quote opens a sentence when a capital follows
	// it, as in UK copy typed without curly marks: "… he said. 'Today
	// …'". An elision ("'90s", "'em") does not.
	if c == '\'' && k+1 < len(p) && p[k+1] != '\'' && startsSentence(p, k+1) && !isDigit(p[k+1]) && p[k+1] != '"' && p[k+1] != '(' {
		return true
	}
	if c >= utf8.RuneSelf {
		r, _ := utf8.DecodeRuneInString(p[k:])
		return unicode.IsUpper(r)
	}
	return false
}

// isAbbrevBefore reports whether the period at i ends an abbreviation or
// an initial ("Mr.", "Feb.", "U.S.").
func isAbbrevBefore(p string, i int) bool {
	j := i
	for j > 0 && isASCIILetter(p[j-1]) {
		j--
	}
	w := p[j:i]
	if w == "" {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	_, ok := lookup(abbreviations, w)
	return ok
}

// sentenceAt returns the sentence of ss that holds byte i, or the whole
// paragraph when none does.
func sentenceAt(ss []span, i, n int) span {
	lo, hi := 0, len(ss)
	for lo < hi {
		m := (lo + hi) / 2
		if ss[m].end <= i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(ss) && ss[lo].start <= i {
		return ss[lo]
	}
	if lo < len(ss) {
		return ss[lo]
	}
	if len(ss) > 0 {
		return ss[len(ss)-1]
	}
	return span{0, n}
}

func wordSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

// lookup finds w in m case-insensitively (keys are lower case) without
// allocating for words of up to 32 bytes.
func lookup[T any](m map[string]T, w string) (T, bool) {
	var zero T
	if len(w) > 32 {
		return zero, false
	}
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			lower = false
			break
		}
	}
	if lower {
		v, ok := m[w]
		return v, ok
	}
	var buf [32]byte
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}

func inSet(m map[string]struct{}, w string) bool {
	_, ok := lookup(m, w)
	return ok
}

// wordFilter tells cheaply, by length and first letter, that a word is
// in none of a list's words, so that hot loops skip the map lookup for
// most words.
type wordFilter struct {
	minLen, maxLen int
	first          [256]bool
}

// newWordFilter builds the filter of the keys of m (lower case).
func newWordFilter[T any](m map[string]T) wordFilter {
	f := wordFilter{minLen: 1 << 30}
	for w := range m {
		if w == "" {
			continue
		}
		f.minLen, f.maxLen = min(f.minLen, len(w)), max(f.maxLen, len(w))
		c := w[0]
		f.first[c] = true
		if c >= 'a' && c <= 'z' {
			f.first[c-'a'+'A'] = true
		}
	}
	return f
}

// may reports whether w can be one of the words.
func (f *wordFilter) may(w string) bool {
	return len(w) >= f.minLen && len(w) <= f.maxLen && f.first[w[0]]
}

// isCapitalized reports whether w starts with an upper-case letter.
func isCapitalized(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isLowerWord reports whether w starts with a lower-case letter.
func isLowerWord(w string) bool {
	if w == "" {
		return false
	}
	if c := w[0]; c < utf8.RuneSelf {
		return c >= 'a' && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func isApostrophe(s string) bool { return s == "'" || s == "’" }

func isHyphen(s string) bool { return s == "-" || s == "–" || s == "‑" }

// countFields returns len(strings.Fields(s)) without making the slice:
// word counts run over every paragraph of a site.
func countFields(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// firstFields returns up to max of the fields of s (as strings.Fields
// splits them), without splitting the rest.
func firstFields(s string, max int) []string {
	out := make([]string, 0, max)
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
				if len(out) == max {
					return out
				}
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// scratch holds the token and sentence buffers of the readers, reused
// from article to article: a site's extraction would otherwise allocate
// them anew for each one.
type scratch struct {
	toks  []token
	sents []span
	// The date reader's per-paragraph lists, kept for the next article.
	quoted, counts []int
	quotes         []quoteSpan
	pending        []pendingTime
	events         []eventNote
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}
