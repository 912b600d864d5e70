package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// annotateDates fills the Clause and Mod of each date mention, reading
// where its sentence stands in its paragraph from paras.
func annotateDates(ds []model.DateMention, paras []string) {
	for i := range ds {
		d := &ds[i]
		d.Mod = dateMod(d.Text)
		d.Clause = d.Sentence
		if d.Para >= len(paras) {
			continue
		}
		if off := sentenceOffset(paras[d.Para], d.Sentence, d.Start, d.End); off >= 0 {
			s, start, end := clauseWindow(d.Sentence, d.Start-off, d.End-off)
			d.Clause = Clause(s, start, end)
		}
	}
}

// clauseSpan is how far on either side of a date Clause looks in a
// sentence longer than maxClauseSentence. Clause reads the whole
// sentence, which in a run-on paragraph of dates is long for each of
// them; no sentence written by hand comes near the bound, so for those
// the clause is the same.
const (
	clauseSpan        = 250
	maxClauseSentence = 1000
)

// clauseWindow returns the part of sentence Clause reads for the bytes
// start:end of it, and where they are in that part: the whole sentence,
// or in a long one clauseSpan bytes on either side, cut at spaces.
func clauseWindow(sentence string, start, end int) (string, int, int) {
	if len(sentence) <= maxClauseSentence {
		return sentence, start, end
	}
	from, to := max(0, start-clauseSpan), min(len(sentence), end+clauseSpan)
	if i := strings.IndexByte(sentence[from:start], ' '); from > 0 && i >= 0 {
		from += i + 1
	}
	if i := strings.LastIndexByte(sentence[end:to], ' '); to < len(sentence) && i >= 0 {
		to = end + i
	}
	return sentence[from:to], start - from, end - from
}

// sentenceOffset is where sentence starts in paragraph p, given that it
// holds the bytes start:end of p; -1 when it does not.
func sentenceOffset(p, sentence string, start, end int) int {
	lo := max(0, end-len(sentence))
	if lo > len(p) {
		return -1
	}
	i := strings.Index(p[lo:], sentence)
	if i < 0 || lo+i > start || lo+i+len(sentence) < end {
		return -1
	}
	return lo + i
}

// dateMod reads the TIMEX3 mod an expression states: "early December",
// "the beginning of March" (START), "mid-February" (MID), "late on
// Monday", "the end of the year" (END).
func dateMod(text string) string {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		switch w {
		case "early", "beginning", "start":
			return model.ModStart
		case "mid", "middle":
			return model.ModMid
		case "late", "end":
			return model.ModEnd
		}
	}
	return ""
}

// Words after ", " that end one clause and start another, and whether
// the word itself is left out of the next clause: coordinators and
// "while" join two statements and mean nothing alone; "although" keeps
// its sense.
var clauseOpeners = map[string]bool{
	"and": true, "but": true, "yet": true, "or": true, "so": true,
	"while": true, "whereas": true, "after": true,
	"although": false, "though": false,
}

// Relative pronouns after ", " that open a clause about what precedes.
var relativePronouns = wordSet("which", "who", "whom", "whose", "where", "when")

// minCoordinated is how many words must follow ", and" (or ", but", ...)
// before the next comma for it to start a clause of its own rather than
// end a list ("Poland, Germany, and the Baltic states").
const minCoordinated = 4

// Words that open a subject, and clauseAuxiliaries that follow one.
var (
	clauseSubjects = wordSet("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there",
		"the", "a", "an", "his", "her", "its", "their", "our", "some", "many", "most", "several", "other", "others")
	clauseAuxiliaries = wordSet("is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
		"may", "might", "must", "should", "did", "do", "does")
)

// endsListItem reports whether the text before ", and" ends in an item of a
// list: a word or two after a comma ("Poland, Germany, and ...").
func endsListItem(before string) bool {
	c := strings.LastIndexByte(before, ',')
	return c >= 0 && len(strings.Fields(before[c+1:])) <= 2
}

// newClause reports whether what follows ", and" up to the next comma
// is a clause with a subject of its own ("and the Baltic states have
// said ...", "and units have begun ..."), not a verb sharing the first
// clause's subject ("and drew ridicule") or the end of a list.
func newClause(rest string) bool {
	ws := strings.Fields(rest)
	if len(ws) < minCoordinated {
		return false
	}
	first := strings.ToLower(ws[0])
	r, _ := utf8.DecodeRuneInString(ws[0])
	if _, ok := clauseSubjects[first]; ok || unicode.IsUpper(r) || unicode.IsDigit(r) {
		return true
	}
	for _, w := range ws[1:min(len(ws), 4)] {
		if _, ok := clauseAuxiliaries[strings.ToLower(w)]; ok {
			return true
		}
	}
	return false
}

// Clause returns the clause of sentence that the expression at bytes
// start:end of it stands in. The sentence is cut at semicolons, before
// ", and", ", but" (and the like) followed by a clause of its own, and
// before ", while" and ", after"; a relative clause (", which ...",
// ", who ...") that holds the expression is kept with what it is about
// and ends the clause. A relative clause that follows the expression
// itself (", when ...", ", after which ...") is about the date and stays.
// Nothing is cut inside quotation marks or parentheses. The clause comes
// back trimmed, with a capital first letter.
func Clause(sentence string, start, end int) string {
	if start < 0 || end > len(sentence) || start > end {
		return sentence
	}
	from, to := 0, len(sentence)
	depth, quoted := 0, false
	for i := 0; i < len(sentence); i++ {
		c := sentence[i]
		switch {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == '"':
			quoted = !quoted
		case strings.HasPrefix(sentence[i:], "“"):
			quoted = true
		case strings.HasPrefix(sentence[i:], "”"):
			quoted = false
		}
		if depth > 0 || quoted || i >= start && i < end {
			continue
		}
		if c == ';' {
			from, to = cut(i, i+1, start, end, from, to)
			continue
		}
		if c != ',' {
			continue
		}
		w, next := wordAfter(sentence, i+1)
		if _, rel := relativePronouns[w]; rel || w == "after" && strings.EqualFold(firstWord(sentence[next:]), "which") {
			if i >= end && strings.TrimSpace(sentence[end:i]) == "" {
				continue // ", when ..." right after the date: about the date
			}
			if i < start {
				if c := nextComma(sentence, i+1); c >= end {
					// The expression is in the relative clause: keep what it
					// is about, end at the clause's end.
					to = min(to, c)
				}
			}
			continue
		}
		drop, ok := clauseOpeners[w]
		if !ok {
			continue
		}
		if (w == "and" || w == "but" || w == "or" || w == "yet" || w == "so") && (endsListItem(sentence[:i]) || !newClause(sentence[next:nextComma(sentence, next)])) {
			continue
		}
		rest := i + 1
		if drop {
			rest = next
		}
		from, to = cut(i, rest, start, end, from, to)
	}
	return tidy(sentence[from:to])
}

// cut narrows the clause from:to around the expression start:end at a
// boundary where one clause ends (at) and the next begins (next).
func cut(at, next, start, end, from, to int) (int, int) {
	switch {
	case next <= start:
		return max(from, next), to
	case at >= end:
		return from, min(to, at)
	}
	return from, to
}

// wordAfter returns the lower-case word starting after the spaces at i
// and the index after it.
func wordAfter(s string, i int) (string, int) {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += n
	}
	return strings.ToLower(s[i:j]), j
}

func firstWord(s string) string {
	w, _ := wordAfter(s, 0)
	return w
}

// nextComma is the index of the first comma or semicolon at or after i,
// or len(s).
func nextComma(s string, i int) int {
	if j := strings.IndexAny(s[i:], ",;"); j >= 0 {
		return i + j
	}
	return len(s)
}

// tidy trims a clause of spaces and of the punctuation its cut left at
// either end, and capitalises it.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, " ,;:—–-")
	s = strings.TrimLeft(s, " ,;:—–-")
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}
