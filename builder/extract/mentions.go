package extract

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
	"golang.org/x/text/unicode/norm"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/words"
)

// Name is one spelling that refers to an actor.
type Name struct {
	Text        string // as written, matched case-sensitively
	Actor       string // actor slug
	Canonical   string // the actor's canonical name
	Kind        string // the actor's kind: person, organization, country, place
	Gender      string // the actor's gender: male, female, other or "" (unknown)
	Misspelling bool   // a wrong spelling seen in sources
}

// Matcher finds every actor name in a text in one pass, whatever the
// number of names, with an Aho–Corasick automaton over all spellings.
// Diacritics are ignored on both sides ("The Élysée" is the alias "the
// Elysée"), case is not. The case forms of Ukrainian and Russian names
// are spellings too (Зеленського is Зеленський, see words.Forms and
// words.NameParts), and
// an Arabic name may follow a clitic prefix in its word (وزيلينسكي is
// زيلينسكي). It is safe for concurrent use.
type Matcher struct {
	trie  *ahocorasick.Trie
	names []Name
	// spellings lists, per pattern of the trie (a spelling with its
	// diacritics folded), the ways of writing a name so: "Élysée" and
	// "Elysée" are one pattern, as are a name and its case forms.
	spellings [][]spelling
	// parts lists, per pattern, the words of names of several words it
	// spells (Олафа is the first of Олаф Шольц in the genitive and
	// accusative): a run of them that share a case, word after word, is
	// a mention. Listing the case forms of each word rather than of each
	// name keeps the automaton small (its states cost 2 KB each).
	parts [][]part
	// family maps the lower-cased last word of each person's canonical
	// name to those names: "Mrs. Biden" is then the woman among them.
	family map[string][]*Name
}

// spelling is one way of writing names[name]: the name itself or one of
// its forms.
type spelling struct {
	name int
	text string
	// afterLL marks the form of an Arabic name in ال without its article,
	// as it is written after the preposition ل (لل + كرملين: "to the
	// Kremlin"); only there is it a mention.
	afterLL bool
	// capital marks the form of a name written in lower case ("the
	// Kremlin", "the alliance") with its first letter capitalised, as a
	// sentence opens with it ("The Kremlin said …"); only there is it a
	// mention, so that "The Alliance" mid-sentence (a title) is not.
	capital bool
}

// part is one word of a name: word of words, in the cases of words.Part.
type part struct {
	name, word, words int
	cases             uint8
}

// partHit is a part found at bytes [start, stop) of a text.
type partHit struct {
	start, stop int
	part
}

// Match is one mention found in a text: bytes [Start, End) of it.
type Match struct {
	Start, End int
	Name       *Name
}

// NewMatcher builds a matcher over the names, aliases and misspellings of
// actors. A spelling claimed by two actors is reported naming both files,
// and is left out of the matcher so that neither gets wrong mentions.
func NewMatcher(actors []*model.Actor) (*Matcher, []diag.Diagnostic) {
	type claim struct {
		name Name
		file string
		line int
	}
	claims := map[string][]claim{}
	for _, a := range actors {
		add := func(s string, miss bool) {
			if s == "" {
				return
			}
			for _, c := range claims[s] {
				if c.name.Actor == a.Slug {
					return // the same actor listing a spelling twice is harmless
				}
			}
			claims[s] = append(claims[s], claim{Name{Text: s, Actor: a.Slug, Canonical: a.Name, Kind: a.Kind, Gender: a.Gender, Misspelling: miss}, a.File, a.AliasLines[s]})
		}
		add(a.Name, false)
		for _, s := range a.Aliases {
			add(s, false)
		}
		for _, s := range a.Misspellings {
			add(s, true)
		}
	}
	keys := make([]string, 0, len(claims))
	for k := range claims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	m := &Matcher{}
	var ds []diag.Diagnostic
	b := ahocorasick.NewTrieBuilder()
	pattern := map[string]int{}
	patternOf := func(text string) int {
		fk, _ := foldDiacritics(text)
		p, ok := pattern[fk]
		if !ok {
			p = len(m.spellings)
			pattern[fk] = p
			m.spellings = append(m.spellings, nil)
			m.parts = append(m.parts, nil)
			b.AddString(fk)
		}
		return p
	}
	add := func(sp spelling) {
		p := patternOf(sp.text)
		m.spellings[p] = append(m.spellings[p], sp)
	}
	for _, k := range keys {
		cs := claims[k]
		if len(cs) > 1 {
			sort.Slice(cs, func(i, j int) bool { return cs[i].file < cs[j].file })
			for i, c := range cs {
				o := cs[(i+1)%len(cs)]
				ds = append(ds, diag.Diagnostic{File: c.file, Line: c.line,
					Msg:  fmt.Sprintf("the name %q is claimed by two actors: %s and %s", k, c.file, o.file),
					Hint: "keep it in one actor's name, aliases or misspellings"})
			}
			continue
		}
		m.names = append(m.names, cs[0].name)
		add(spelling{name: len(m.names) - 1, text: k})
	}
	for _, f := range derivedForms(m.names, claims) {
		add(f)
	}
	for _, f := range capitalForms(m.names, claims) {
		add(f)
	}
	for i, n := range m.names {
		ps := words.NameParts(n.Text)
		for w, alts := range ps {
			for _, a := range alts {
				p := patternOf(a.Text)
				m.parts[p] = append(m.parts[p], part{name: i, word: w, words: len(ps), cases: a.Cases})
			}
		}
	}
	m.trie = b.Build()
	m.family = map[string][]*Name{}
	for i := range m.names {
		n := &m.names[i]
		if n.Text != n.Canonical || n.Kind != "" && n.Kind != model.Person {
			continue
		}
		if sp := strings.LastIndexByte(n.Text, ' '); sp >= 0 {
			last := strings.ToLower(n.Text[sp+1:])
			m.family[last] = append(m.family[last], n)
		}
	}
	return m, ds
}

// derivedForms returns the spellings of names that no actor declares:
// the case forms of Cyrillic names of one word (those of several are
// parts) and the Arabic names in ال without their article. A form that is also a declared spelling is that
// spelling's (the actor Путіна, if there is one, keeps Путіна); one that
// the names of two actors both give is neither's.
func derivedForms[C any](names []Name, declared map[string]C) []spelling {
	var out []spelling
	owner := map[string]int{} // form → index in out, -1 once two actors give it
	for i, n := range names {
		var forms []string
		afterLL := false
		if rest, ok := strings.CutPrefix(n.Text, "ال"); ok && utf8.RuneCountInString(rest) >= 2 && isArabic(rest) {
			forms, afterLL = []string{rest}, true
		} else {
			forms = words.Forms(n.Text)
		}
		for _, f := range forms {
			if _, ok := declared[f]; ok {
				continue
			}
			j, seen := owner[f]
			switch {
			case !seen:
				owner[f] = len(out)
				out = append(out, spelling{name: i, text: f, afterLL: afterLL})
			case j >= 0 && names[out[j].name].Actor != n.Actor:
				owner[f] = -1
			}
		}
	}
	kept := out[:0]
	for i, sp := range out {
		if owner[sp.text] == i {
			kept = append(kept, sp)
		}
	}
	return kept
}

// capitalForms returns, for each name that opens with a lower-case
// letter, its form with that letter capitalised, unless some actor
// declares that form itself.
func capitalForms[C any](names []Name, declared map[string]C) []spelling {
	var out []spelling
	for i, n := range names {
		r, size := utf8.DecodeRuneInString(n.Text)
		if !unicode.IsLower(r) {
			continue
		}
		f := string(unicode.ToUpper(r)) + n.Text[size:]
		if _, ok := declared[f]; ok {
			continue
		}
		out = append(out, spelling{name: i, text: f, capital: true})
	}
	return out
}

// opensSentence reports whether s[:start] ends where a sentence starts:
// at the start of the text or after a full stop, question or exclamation
// mark, colon or line break, with any spaces and opening quotes or
// brackets between.
func opensSentence(s string, start int) bool {
	i := start
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		switch r {
		case ' ', '\u00a0', '\t', '"', '\'', '“', '‘', '«', '„', '(', '[':
			i -= size
			continue
		case '.', '!', '?', ':', '…', '\n':
			return true
		}
		return false
	}
	return true
}

// person returns the one person known by the family name last (any case)
// whose gender is gender, or nil when there is none or more than one.
func (m *Matcher) person(last, gender string) *Name {
	var found *Name
	for _, n := range m.family[strings.ToLower(last)] {
		if n.Gender == gender {
			if found != nil {
				return nil
			}
			found = n
		}
	}
	return found
}

// titledPerson returns the one person whose canonical name ends in the
// family name last and who has a spelling that opens with title:
// "President Clinton" is Bill Clinton when his actor is also spelt
// "President Bill Clinton", though Hillary Clinton shares the name.
func (m *Matcher) titledPerson(last, title string) *Name {
	var found *Name
	for _, n := range m.family[strings.ToLower(last)] {
		if n.Kind != "" && n.Kind != model.Person {
			continue
		}
		titled := false
		for i := range m.names {
			if t := m.names[i].Text; m.names[i].Actor == n.Actor && len(t) > len(title) && t[len(title)] == ' ' && strings.EqualFold(t[:len(title)], title) {
				titled = true
				break
			}
		}
		if !titled {
			continue
		}
		if found != nil && found.Actor != n.Actor {
			return nil
		}
		found = n
	}
	return found
}

// Names returns every spelling the matcher knows, sorted.
func (m *Matcher) Names() []Name { return m.names }

// Find returns the mentions in s, left to right, without overlaps: a
// mention is a whole word (possessives such as "Putin's" included), and
// where spellings overlap the longest wins ("Olaf Scholz" over "Scholz").
func (m *Matcher) Find(s string) []Match {
	if m == nil || len(m.names) == 0 || s == "" {
		return nil
	}
	var found []Match
	var parts []partHit
	fs, orig := foldDiacritics(s)
	m.trie.Walk([]byte(fs), func(end, n, pattern int64) bool {
		start, stop := int(end-n+1), int(end+1)
		if orig != nil {
			start, stop = orig[start], orig[stop]
		}
		if !endsName(s, stop) {
			return true
		}
		clitic := !startsName(s, start)
		if ps := m.parts[pattern]; ps != nil && !clitic {
			for _, p := range ps {
				parts = append(parts, partHit{start, stop, p})
			}
		}
		if len(m.spellings[pattern]) == 0 || clitic && arabicPrefix(s, start) == "" {
			return true
		}
		if name := m.spelling(int(pattern), s, start, stop, clitic); name != nil {
			found = append(found, Match{Start: start, End: stop, Name: name})
		}
		return true
	})
	if parts != nil {
		found = m.chain(s, parts, found)
	}
	if len(found) < 2 {
		return found
	}
	// Stable, so that of a declared spelling and a run of parts over the
	// same bytes the declared one wins.
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].Start != found[j].Start {
			return found[i].Start < found[j].Start
		}
		return found[i].End > found[j].End
	})
	out := found[:0]
	last := -1
	for _, f := range found {
		if f.Start >= last {
			out = append(out, f)
			last = f.End
		}
	}
	return out
}

// chain appends to found the runs of parts of hits that spell a name of
// several words: its words in order, one space apart, in a case they
// share. A run that spells names of two actors is neither's.
func (m *Matcher) chain(s string, hits []partHit, found []Match) []Match {
	at := map[int][]int{}
	for i, h := range hits {
		at[h.start] = append(at[h.start], i)
	}
	type span struct{ start, end int }
	runs := map[span]*Name{}
	var order []span
	var extend func(first, prev partHit, cases uint8)
	extend = func(first, prev partHit, cases uint8) {
		if prev.word == prev.words-1 {
			sp, n := span{first.start, prev.stop}, &m.names[prev.name]
			if o, ok := runs[sp]; !ok {
				runs[sp] = n
				order = append(order, sp)
			} else if o != nil && o.Actor != n.Actor {
				runs[sp] = nil
			}
			return
		}
		if prev.stop >= len(s) || s[prev.stop] != ' ' {
			return
		}
		for _, i := range at[prev.stop+1] {
			h := hits[i]
			if h.name == prev.name && h.word == prev.word+1 && h.cases&cases != 0 {
				extend(first, h, h.cases&cases)
			}
		}
	}
	for _, h := range hits {
		if h.word == 0 {
			extend(h, h, h.cases)
		}
	}
	for _, sp := range order {
		if n := runs[sp]; n != nil {
			found = append(found, Match{Start: sp.start, End: sp.end, Name: n})
		}
	}
	return found
}

// spelling returns the name of pattern p written as s[start:stop]: the
// one name, or among names that differ only in diacritics the one
// written exactly so; nil when they are of different actors and none is
// written so. clitic says that a prefix precedes it in its word, which
// the form of an Arabic name without its article needs (لل), and the
// other spellings allow.
func (m *Matcher) spelling(p int, s string, start, stop int, clitic bool) *Name {
	sps := m.spellings[p]
	ll := false
	if sps[0].afterLL || len(sps) > 1 {
		ll = clitic && strings.HasSuffix(arabicPrefix(s, start), "لل")
	}
	opens := false
	for _, sp := range sps {
		if sp.capital {
			opens = opensSentence(s, start)
			break
		}
	}
	if len(sps) == 1 {
		if sps[0].afterLL && !ll || sps[0].capital && !opens {
			return nil
		}
		return &m.names[sps[0].name]
	}
	text := s[start:stop]
	var first *Name
	same := true
	for _, sp := range sps {
		if sp.afterLL && !ll || sp.capital && !opens {
			continue
		}
		n := &m.names[sp.name]
		if sp.text == text {
			return n
		}
		if first == nil {
			first = n
		} else if n.Actor != first.Actor {
			same = false
		}
	}
	if !same {
		return nil
	}
	return first
}

// foldDiacritics returns s with the marks on its letters dropped ("é" is
// "e", "ğ" is "g") and, when that changed any byte, orig: for each byte
// of the result and its end, the byte of s it comes from. A text with no
// such letter (ASCII, curly quotes, dashes) comes back as is, with no
// allocation.
func foldDiacritics(s string) (string, []int) {
	i := 0
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		props := norm.NFD.PropertiesString(s[i:])
		if d := props.Decomposition(); d != nil {
			if _, size := utf8.DecodeRune(d); onlyMarks(d[size:]) {
				break
			}
		}
		i += max(props.Size(), 1)
	}
	if i == len(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	orig := make([]int, 0, len(s)+1)
	for j := 0; j < i; j++ {
		orig = append(orig, j)
	}
	b.WriteString(s[:i])
	for i < len(s) {
		if s[i] < utf8.RuneSelf {
			b.WriteByte(s[i])
			orig = append(orig, i)
			i++
			continue
		}
		props := norm.NFD.PropertiesString(s[i:])
		n := props.Size()
		if n == 0 {
			n = 1
		}
		out := s[i : i+n]
		if d := props.Decomposition(); d != nil {
			if r, size := utf8.DecodeRune(d); onlyMarks(d[size:]) {
				out = string(r)
			}
		}
		b.WriteString(out)
		for range len(out) {
			orig = append(orig, i)
		}
		i += n
	}
	orig = append(orig, len(s))
	return b.String(), orig
}

// onlyMarks reports whether b holds only combining marks.
func onlyMarks(b []byte) bool {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if !unicode.Is(unicode.Mn, r) {
			return false
		}
		b = b[size:]
	}
	return true
}

// startsName reports whether no letter or digit comes before byte start
// of s; endsName, whether none comes after byte stop. A name that starts
// or ends with a character that is not a letter ("U.S.") is fine as is.
func startsName(s string, start int) bool {
	if start == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s[:start])
	return !isWord(r)
}

func endsName(s string, stop int) bool {
	if stop == len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[stop:])
	return !isWord(r)
}

// arabicClitics are the prefixes Arabic writes in one word with the
// name after them: the conjunctions و and ف, the prepositions ب and ل,
// the article ال, and their combinations (ل and ال make لل).
var arabicClitics = map[string]bool{}

func init() {
	for _, c := range []string{"", "و", "ف"} {
		for _, p := range []string{"", "ب", "ل"} {
			for _, a := range []string{"", "ال"} {
				w := c + p + a
				if p == "ل" && a == "ال" {
					w = c + "لل"
				}
				arabicClitics[w] = w != ""
			}
		}
	}
}

// arabicPrefix returns the clitic prefix that starts the word of s in
// which an Arabic letter at byte start follows it, or "" when there is
// none: وزيلينسكي has و before زيلينسكي.
func arabicPrefix(s string, start int) string {
	if r, _ := utf8.DecodeRuneInString(s[start:]); !unicode.Is(unicode.Arabic, r) {
		return ""
	}
	i := start
	for n := 0; i > 0 && n < 4; n++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isWord(r) {
			break
		}
		i -= size
	}
	if !startsName(s, i) || !arabicClitics[s[i:start]] {
		return ""
	}
	return s[i:start]
}

// isArabic reports whether s is written in Arabic letters only.
func isArabic(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Arabic, r) {
			return false
		}
	}
	return s != ""
}

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
