// Package names checks the names in a site's articles against its actors:
// likely misspellings of known actors, capitalised names that match no
// actor, and articles that mention no actor at all. It reports; it never
// changes the site.
package names

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/adrg/strutil/metrics"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/words"
)

// Threshold is the Jaro–Winkler similarity from which a word is taken for
// a misspelling of an actor's name. Measured on the crisis names, it keeps
// Schultz/Scholz (0.89) and Barbuk/Baerbock (0.86) and drops
// Scholz/Shoigu (0.70).
const Threshold = 0.85

// Unknown is a capitalised name that matches no actor.
type Unknown struct {
	Name     string
	Count    int    // occurrences across the site
	Articles int    // articles it occurs in
	File     string // first occurrence
	Line     int
}

// Command is the command that adds the name as an actor.
func (u Unknown) Command() string { return fmt.Sprintf("brief new actor %q", u.Name) }

// Report is what the check found.
type Report struct {
	Misspellings []diag.Diagnostic // by file and line
	Unknown      []Unknown         // most frequent first
	Unmentioned  []diag.Diagnostic // articles naming no actor, by file
}

// Diagnostics returns the whole report as warnings: misspellings, then
// unknown names by count, then articles without actors.
func (r *Report) Diagnostics() []diag.Diagnostic {
	out := append([]diag.Diagnostic(nil), r.Misspellings...)
	for _, u := range r.Unknown {
		out = append(out, diag.Diagnostic{File: u.File, Line: u.Line, Severity: diag.Warning,
			Msg:  fmt.Sprintf("unknown name %q, %d× in %d article%s", u.Name, u.Count, u.Articles, plural(u.Articles)),
			Hint: "add it with: " + u.Command()})
	}
	return append(out, r.Unmentioned...)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// target is a known spelling that words are compared with.
type target struct {
	text   string
	actor  *model.Actor
	person bool
	key    string // phonetic key
	words  int
	runes  int // of text
	// Several words: each word, its key and its letters, compared one
	// by one.
	ws, keys []string
	bags     []bag
	// spelled is the spelling as declared and script its writing system,
	// for the targets of latin, where text is that spelling in Latin
	// letters.
	spelled string
	script  string
}

// Check checks the names in the site's articles. Declared names, aliases
// and misspellings are never reported.
func Check(site *model.Site) Report {
	c := newChecker(site)
	var r Report
	for _, a := range site.Articles {
		c.article(a, &r)
	}
	diag.Sort(r.Misspellings)
	for _, u := range c.unknown {
		r.Unknown = append(r.Unknown, Unknown{Name: u.name, Count: u.count, Articles: len(u.articles), File: u.file, Line: u.line})
	}
	sort.Slice(r.Unknown, func(i, j int) bool {
		a, b := r.Unknown[i], r.Unknown[j]
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Name < b.Name
	})
	return r
}

// newChecker gathers the site's known spellings, the targets words are
// compared with, and the words written in lower case somewhere.
func newChecker(site *model.Site) *checker {
	m, _ := extract.NewMatcher(site.Actors)
	c := &checker{m: m, jw: metrics.NewJaroWinkler(), known: map[string]bool{}, common: map[string]bool{}, unknown: map[string]*unknownAcc{}, memo: map[closestKey]closestResult{}}
	c.jw.CaseSensitive = false
	seen := map[string]bool{}
	for _, a := range site.Actors {
		spellings := append(append([]string{a.Name}, a.Aliases...), a.Misspellings...)
		for _, s := range spellings {
			for _, w := range strings.Fields(s) {
				c.known[trimWord(w)] = true
			}
		}
		// Misspellings are known, and are not compared with: a word close
		// to one is as likely close to the right name.
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			c.addTarget(s, a, seen)
			if a.Kind == model.Person {
				for _, w := range strings.Fields(s) {
					if utf8.RuneCountInString(w) >= 4 {
						c.addTarget(w, a, seen)
					}
				}
			}
		}
	}
	// Words written in lower case somewhere are ordinary words.
	for _, a := range site.Articles {
		for _, p := range a.Text() {
			for _, w := range strings.Fields(p) {
				w = trimWord(w)
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
					c.common[w] = true
				}
			}
		}
	}
	c.idx = newIndex(c.targets)
	// Every target again in Latin letters, as slugs spell it, to compare
	// the names written in another script with: Шольц is sholts, close
	// to Scholz.
	c.scripts = map[string]map[string]bool{}
	for _, t := range c.targets {
		sc := script(t.text)
		if c.scripts[t.actor.Slug] == nil {
			c.scripts[t.actor.Slug] = map[string]bool{}
		}
		c.scripts[t.actor.Slug][sc] = true
		lt := latinTarget(t.text, t.actor, sc)
		if lt.text == "" {
			continue
		}
		c.latin = append(c.latin, lt)
		if sc != "latin" {
			c.foreign = append(c.foreign, lt)
		}
	}
	c.latIdx, c.foreignIdx = newIndex(c.latin), newIndex(c.foreign)
	return c
}

// latinTarget is the target of spelling s of actor a (written in script
// sc) in Latin letters.
func latinTarget(s string, a *model.Actor, sc string) target {
	lat := latin(s)
	t := target{text: lat, actor: a, person: a.Kind == model.Person, key: Key(lat), words: len(strings.Fields(lat)), spelled: s, script: sc}
	if t.words > 1 {
		t.ws = strings.Fields(lat)
		for _, w := range t.ws {
			t.keys = append(t.keys, Key(w))
		}
	}
	return t
}

// latin spells s in lower-case Latin letters, words apart, with the
// transliteration of slugs (load.Slugify).
func latin(s string) string { return strings.ReplaceAll(load.Slugify(s), "-", " ") }

// script names the writing system of the letters of s: latin, cyrillic,
// greek, arabic, or other (also for a mixture).
func script(s string) string {
	found := ""
	for _, r := range s {
		if !unicode.IsLetter(r) {
			continue
		}
		sc := "other"
		switch {
		case unicode.Is(unicode.Latin, r):
			sc = "latin"
		case unicode.Is(unicode.Cyrillic, r):
			sc = "cyrillic"
		case unicode.Is(unicode.Greek, r):
			sc = "greek"
		case unicode.Is(unicode.Arabic, r):
			sc = "arabic"
		}
		if found != "" && found != sc {
			return "other"
		}
		found = sc
	}
	if found == "" {
		return "other"
	}
	return found
}

type unknownAcc struct {
	name     string
	count    int
	articles map[string]bool
	file     string
	line     int
}

type checker struct {
	m       *extract.Matcher
	jw      *metrics.JaroWinkler
	targets []target
	idx     *index
	latin   []target // the targets in Latin letters
	latIdx  *index
	// foreign are those of latin not written in Latin letters, the only
	// ones a word in Latin letters is compared with: on a site in one
	// script there are none.
	foreign    []target
	foreignIdx *index
	scripts    map[string]map[string]bool   // per actor, the scripts of its names
	memo       map[closestKey]closestResult // the same words recur across articles
	known      map[string]bool              // every word of every spelling
	common     map[string]bool              // words seen in lower case
	unknown    map[string]*unknownAcc
}

func (c *checker) addTarget(s string, a *model.Actor, seen map[string]bool) {
	k := a.Slug + "\x00" + s
	if seen[k] {
		return
	}
	seen[k] = true
	t := target{text: s, actor: a, person: a.Kind == model.Person, key: Key(s), words: len(strings.Fields(s))}
	if t.words > 1 {
		t.ws = strings.Fields(s)
		for _, w := range t.ws {
			t.keys = append(t.keys, Key(w))
			t.bags = append(t.bags, newBag(w))
		}
	}
	t.runes = utf8.RuneCountInString(s)
	c.targets = append(c.targets, t)
}

// token is a word of a paragraph.
type token struct {
	text       string // without surrounding punctuation and possessive
	start, end int    // bytes of text in the paragraph
	cap        bool   // starts with an upper-case letter
	initial    bool   // first word of a sentence
	breakAfter bool   // punctuation after it ends a run of names
	known      bool   // part of an actor mention
}

func tokenize(p string, ms []extract.Match) []token {
	var out []token
	sentenceStart := true
	i := 0
	for i < len(p) {
		for i < len(p) && p[i] == ' ' {
			i++
		}
		if i >= len(p) {
			break
		}
		j := strings.IndexByte(p[i:], ' ')
		if j < 0 {
			j = len(p)
		} else {
			j += i
		}
		raw := p[i:j]
		lead := len(raw) - len(strings.TrimLeftFunc(raw, notWord))
		core := strings.TrimRightFunc(raw[lead:], notWord)
		trail := raw[lead+len(core):]
		t := token{start: i + lead, end: i + lead + len(core)}
		t.text = strings.TrimSuffix(strings.TrimSuffix(core, "'s"), "’s")
		r, _ := utf8.DecodeRuneInString(t.text)
		t.cap = unicode.IsUpper(r)
		t.initial = sentenceStart || (lead > 0 && strings.ContainsAny(raw[:lead], "\"“‘'(—–-"))
		t.breakAfter = trail != "" || t.text != core
		sentenceStart = strings.ContainsAny(trail, ".!?:;") || (core == "" && strings.ContainsAny(raw, ".!?:"))
		// Mentions come left to right without overlaps: one pass over
		// them for all tokens, not one per token (a paragraph of 100,000
		// mentions took minutes).
		for len(ms) > 0 && ms[0].End <= t.start {
			ms = ms[1:]
		}
		t.known = len(ms) > 0 && ms[0].Start < t.end
		if t.text != "" {
			out = append(out, t)
		}
		i = j
	}
	return out
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

func trimWord(w string) string {
	w = strings.TrimFunc(w, notWord)
	return strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
}

func (c *checker) article(a *model.Article, r *Report) {
	if len(a.Mentions) == 0 {
		r.Unmentioned = append(r.Unmentioned, diag.Diagnostic{File: a.File, Severity: diag.Warning,
			Msg:  "the article mentions no actor",
			Hint: `add actors: [slug] to it, or add the people it names with brief new actor "Name"`})
	}
	c.paragraph(a, a.Title, 0, true, r)
	for i, p := range a.Text() {
		line := 0
		if i < len(a.TextLines) {
			line = a.TextLines[i]
		}
		c.paragraph(a, p, line, false, r)
	}
}

// paragraph checks one paragraph (or the title) for misspellings and,
// outside titles, collects unknown names.
func (c *checker) paragraph(a *model.Article, p string, line int, title bool, r *Report) {
	toks := tokenize(p, c.m.Find(p))
	reported := map[int]bool{}
	where := ""
	if title {
		where = " in the title"
	}
	// Runs of capitalised words, which may be a misspelled full name or
	// an unknown one.
	for i := 0; i < len(toks); {
		if !toks[i].cap || toks[i].known {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !toks[j-1].breakAfter && !toks[j].known && (toks[j].cap || (connector[toks[j].text] && j+1 < len(toks) && toks[j+1].cap && !toks[j].breakAfter)) {
			j++
		}
		run := toks[i:j]
		// Drop a sentence's ordinary first word ("The", "But"), and the
		// titles, roles and nationalities around a name.
		if run[0].initial && (c.common[strings.ToLower(run[0].text)] || stopWords[run[0].text]) {
			run = run[1:]
		}
		run = trimRun(run)
		if len(run) >= 2 {
			name := joinRun(p, run)
			if t, score, ok := c.closest(name, 2); ok {
				c.reportMisspelling(a, name, t, score, line, where, r)
				for k := range run {
					reported[run[k].start] = true
				}
			} else if !title {
				c.collectUnknown(a, p, run, line)
			}
		}
		i = j
	}
	// Single words close to a name or a word of a person's name.
	for _, t := range toks {
		if !t.cap || t.known || reported[t.start] || c.known[t.text] || isAcronym(t.text) {
			continue
		}
		if c.common[strings.ToLower(t.text)] || stopWords[t.text] || calendar[strings.ToLower(t.text)] {
			continue
		}
		if tg, score, ok := c.closest(t.text, 1); ok {
			reported[t.start] = true
			c.reportMisspelling(a, t.text, tg, score, line, where, r)
		}
	}
}

func joinRun(p string, run []token) string {
	return strings.TrimSuffix(strings.TrimSuffix(p[run[0].start:run[len(run)-1].end], "'s"), "’s")
}

func (c *checker) reportMisspelling(a *model.Article, word string, t target, score float64, line int, where string, r *Report) {
	how := fmt.Sprintf("similarity %.2f", score)
	if score < Threshold {
		how = "sounds the same"
	}
	if t.spelled != "" {
		form := ""
		if t.text != word {
			form = fmt.Sprintf(", a form of %q,", t.text)
		}
		r.Misspellings = append(r.Misspellings, diag.Diagnostic{File: a.File, Line: line, Severity: diag.Warning,
			Msg: fmt.Sprintf("%q%s%s may be %s written in %s (%q reads %q, %s)",
				word, where, form, t.actor.Name, scriptNames[script(word)], t.text, latin(t.text), how),
			Hint: fmt.Sprintf("if so, add it to the aliases of %s in %s: %s", t.actor.Name, t.actor.File, aliasLine(t.actor, t.text))})
		return
	}
	r.Misspellings = append(r.Misspellings, diag.Diagnostic{File: a.File, Line: line, Severity: diag.Warning,
		Msg: fmt.Sprintf("%q%s may be a misspelling of %s (%q, %s)", word, where, t.actor.Name, t.text, how),
		Hint: fmt.Sprintf("correct the text, or add %q to misspellings: in %s so that it links to %s",
			word, t.actor.File, t.actor.Name)})
}

// scriptNames are the scripts as the messages name them.
var scriptNames = map[string]string{"latin": "Latin letters", "cyrillic": "Cyrillic", "greek": "Greek", "arabic": "Arabic"}

// aliasLine is the aliases: line of actor a with alias added, as YAML.
func aliasLine(a *model.Actor, alias string) string {
	var b strings.Builder
	b.WriteString("aliases: [")
	for _, s := range append(append([]string(nil), a.Aliases...), alias) {
		if b.Len() > len("aliases: [") {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q", s)
	}
	b.WriteString("]")
	return b.String()
}

type closestKey struct {
	s     string
	multi bool
}

type closestResult struct {
	t     target
	score float64
	ok    bool
}

// closest returns the known spelling of the same number of words (1, or
// 2 and more) closest to s, when it is close enough: Jaro–Winkler ≥
// Threshold, or the same phonetic key. Of equally close spellings, the
// first in c.targets wins.
func (c *checker) closest(s string, words int) (target, float64, bool) {
	k := closestKey{s, words > 1}
	if r, ok := c.memo[k]; ok {
		return r.t, r.score, r.ok
	}
	t, score, ok := c.compare(s, words)
	if !ok {
		t, score, ok = c.crossScript(s, words)
	}
	c.memo[k] = closestResult{t, score, ok}
	return t, score, ok
}

// crossScript returns the name that s, written in another script than
// the name and than all of its actor's names, may be: the closest target
// in Latin letters to s in Latin letters, or to a word s is a case form
// of (Шольца is a form of Шольц, sholts). The target it returns has in
// text the spelling of s to add as an alias (Шольц), and in spelled the
// name it is close to (Scholz).
func (c *checker) crossScript(s string, words int) (target, float64, bool) {
	sc := script(s)
	if sc == "other" {
		return target{}, 0, false
	}
	// Each word with the words it may be a case form of, in Latin letters.
	ws := strings.Fields(s)
	if (words > 1) != (len(ws) > 1) {
		return target{}, 0, false
	}
	cands := make([][]string, len(ws))
	for i, w := range ws {
		cands[i] = nominatives(w)
	}
	targets, x := c.latin, c.latIdx
	if sc == "latin" {
		targets, x = c.foreign, c.foreignIdx
	}
	if len(targets) == 0 {
		return target{}, 0, false
	}
	// The index lets through the targets close to a spelling; a reading
	// of each word in turn asks for those of its length.
	var idx []int32
	for k := 0; ; k++ {
		var rs []string
		more := false
		for _, cs := range cands {
			rs = append(rs, cs[min(k, len(cs)-1)])
			more = more || k < len(cs)-1
		}
		idx = append(idx, x.candidates(latin(strings.Join(rs, " ")), words)...)
		if !more {
			break
		}
	}
	slices.Sort(idx)
	idx = slices.Compact(idx)
	var best target
	bestScore, found := 0.0, false
	for _, i := range idx {
		t := targets[i]
		if t.script == sc || c.scripts[t.actor.Slug][sc] || len(t.ws) != len(ws) && words > 1 {
			continue
		}
		score, alias, ok := c.crossSimilar(cands, t)
		if ok && (!found || score > bestScore) {
			best, bestScore, found = t, score, true
			best.text = alias
		}
	}
	return best, bestScore, found
}

// crossSimilar compares the readings of each word of a name (cands) with
// the words of target t in Latin letters, word by word: the score is the
// lowest of the best score of each word; alias joins the best reading of
// each word.
func (c *checker) crossSimilar(cands [][]string, t target) (float64, string, bool) {
	tws, tkeys := t.ws, t.keys
	if len(cands) == 1 {
		tws, tkeys = []string{t.text}, []string{t.key}
	}
	if len(tws) != len(cands) {
		return 0, "", false
	}
	score := 1.0
	var alias []string
	for i, readings := range cands {
		bestW, bestR, okW := 0.0, "", false
		for _, r := range readings {
			lat := latin(r)
			if n, tn := len(lat), len(tws[i]); n < 4 || tn < 4 || abs(n-tn) > 3 {
				continue
			}
			sc, ok := c.similar(lat, Key(lat), tws[i], tkeys[i])
			// Of equal readings the shorter: Шольцем is a form of Шольц
			// as of Шольць, which no one writes.
			if ok && (!okW || sc > bestW || sc == bestW && len(r) < len(bestR)) {
				bestW, bestR, okW = sc, r, true
			}
		}
		if !okW {
			return 0, "", false
		}
		score = min(score, bestW)
		alias = append(alias, bestR)
	}
	return score, strings.Join(alias, " "), true
}

// nominatives returns w and, for a Cyrillic word, the words it may be a
// case form of.
func nominatives(w string) []string { return words.Nominatives(w) }

// compare is closest without the memo: it compares s with the targets the
// index cannot rule out, in the order of c.targets.
func (c *checker) compare(s string, words int) (target, float64, bool) {
	var best target
	bestScore := 0.0
	found := false
	n := utf8.RuneCountInString(s)
	if n < 4 {
		return best, 0, false
	}
	key := Key(s)
	var ws, keys []string
	var bags []bag
	if words > 1 {
		ws = strings.Fields(s)
		for _, w := range ws {
			keys = append(keys, Key(w))
			bags = append(bags, newBag(w))
		}
	}
	bestAt := int32(-1)
	for _, i := range c.idx.candidates(s, words) {
		t := &c.targets[i]
		if (words == 1) != (t.words == 1) || t.runes < 4 || abs(t.runes-n) > 3 {
			continue
		}
		if t.text == s {
			continue
		}
		if !t.person && inflected(s, t.text) {
			continue // "Russian" is not a misspelling of "Russia"
		}
		var score float64
		var ok bool
		if words == 1 {
			score, ok = c.similar(s, key, t.text, t.key)
		} else {
			// Word by word: "Annalina Barbuk" is close to "Annalena
			// Baerbock", "Secretary General" is not to "Secretary Blinken".
			if len(ws) != len(t.ws) {
				continue
			}
			score, ok = 1, true
			for i := range ws {
				if ws[i] == t.ws[i] {
					continue
				}
				if !mayBeSimilar(&bags[i], &t.bags[i], keys[i], t.keys[i]) {
					ok = false
					break
				}
				sc, wok := c.similar(ws[i], keys[i], t.ws[i], t.keys[i])
				score = min(score, sc)
				ok = ok && wok && !describer(ws[i])
				if !ok {
					break // rejected, whatever the other words
				}
			}
		}
		// Of equally close spellings the first in c.targets, whatever
		// the order of the candidates.
		if ok && (!found || score > bestScore || score == bestScore && i < bestAt) {
			best, bestScore, found, bestAt = *t, score, true, i
		}
	}
	return best, bestScore, found
}

// similar reports whether word a (phonetic key ka) is close to b (key kb):
// Jaro–Winkler ≥ Threshold, or the same key of 3 letters or more and the
// same first letter.
func (c *checker) similar(a, ka, b, kb string) (float64, bool) {
	score := c.jw.Compare(a, b)
	if score >= Threshold {
		return score, true
	}
	return score, len(ka) >= 3 && ka == kb && strings.EqualFold(a[:1], b[:1])
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// inflected reports whether s is a derived form of name: the name's stem
// followed by an adjective or demonym ending ("Russian", "Ukrainian",
// "British").
func inflected(s, name string) bool {
	ls, ln := strings.ToLower(s), strings.ToLower(name)
	common := 0
	for common < len(ls) && common < len(ln) && ls[common] == ln[common] {
		common++
	}
	if common < 4 {
		return false
	}
	for _, suf := range []string{"n", "an", "ian", "ish", "ese", "i", "ic", "er", "ers", "s"} {
		if strings.HasSuffix(ls, suf) && len(ls) > len(ln)-2 {
			return true
		}
	}
	return false
}

// trimRun drops titles, roles, nationalities, months and weekdays from
// both ends of a run of capitalised words: they are not part of a name.
func trimRun(run []token) []token {
	drop := func(t token) bool {
		return describer(t.text) || calendar[strings.ToLower(t.text)] || connector[t.text] || stopWords[t.text]
	}
	for len(run) > 0 && drop(run[0]) {
		run = run[1:]
	}
	for len(run) > 0 && drop(run[len(run)-1]) {
		run = run[:len(run)-1]
	}
	return run
}

func (c *checker) collectUnknown(a *model.Article, p string, run []token, line int) {
	caps := 0
	for _, t := range run {
		if calendar[strings.ToLower(t.text)] {
			return
		}
		if t.cap {
			caps++
		}
	}
	if caps < 2 || len(run) > 5 {
		return
	}
	name := joinRun(p, run)
	u := c.unknown[name]
	if u == nil {
		u = &unknownAcc{name: name, articles: map[string]bool{}, file: a.File, line: line}
		c.unknown[name] = u
	}
	u.count++
	u.articles[a.File] = true
}

func isAcronym(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// describer reports words that describe a person rather than name them:
// titles, roles and nationalities.
func describer(w string) bool {
	lw := strings.ToLower(w)
	if roles[lw] || demonyms[lw] {
		return true
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish"} {
		if strings.HasSuffix(lw, suf) && len(lw) > len(suf)+2 {
			return true
		}
	}
	return false
}

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

var (
	connector = set("de du da di del della van von der den al bin ibn of la le")
	calendar  = set("monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december")
	roles     = set("president chancellor minister ministers secretary prime foreign defence defense interior deputy vice general spokesman spokeswoman spokesperson leader adviser advisor envoy ambassador chief head senator governor mayor commander colonel admiral director chairman chairwoman king queen prince pope mr mrs ms dr sir lord lady state national security former acting press")
	demonyms  = set("german french american russian ukrainian british european western eastern northern southern us uk eu dutch swiss greek polish czech danish finnish swedish irish chinese japanese belarusian lithuanian latvian estonian baltic soviet")
	stopWords = set("The A An And But Or If In On At As Of To For By From With After Before When While Since Until Although Though Because However Meanwhile Still Yet So Then Now Also Even This That These Those There Here It He She They We You I His Her Its Their Our My Your What Who Which Where Why How Some Many Most Much More Several Both Each Every All Any No Not Only Just Asked Speaking According Earlier Later Last Next Today Yesterday Tomorrow")
)
