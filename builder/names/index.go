package names

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// index finds the known spellings a word may be close to without
// comparing it with all of them: "brief check" compared every
// capitalised word with every name, an hour for 1,000 actors and 10,000
// articles. It returns a superset of the targets closest would accept,
// so that the findings are those of the full comparison.
//
// A single word is compared with the names of one word (singles), a run
// of several words with the names of as many words whose first word is
// equal or close to the run's (firsts): closest rejects a run as soon as
// one of its words is not close.
type index struct {
	singles *wordIndex
	single  [][]int32 // targets by word of singles
	firsts  *wordIndex
	multi   map[multiKey][]int32 // targets of several words by first word and number of words
	scratch []int32
}

type multiKey struct{ first, words int32 }

// wordIndex lists distinct words so that those a word may be similar to
// (checker.similar) are found among few. Two words are similar when their
// phonetic keys are equal (looked up in byKey) or when their
// Jaro–Winkler similarity reaches Threshold. The similarity is
// jaro + 0.1·l·(1 − jaro) for a common prefix of l ≤ 4 letters, and jaro
// at most (m/a + m/b + 1)/3 for a and b letters of which m are shared, so
// the threshold needs m ≥ minShared(a, b, same first letter): without a
// common first letter jaro itself must reach Threshold, which rules out
// most pairs. Two words sharing that many letters share one of the first
// few of each in a fixed order of the letters (prefix filtering): each
// word is listed under those of its letters, rarest first, for each
// length of word it may be compared with, and a word looks only there.
type wordIndex struct {
	order  map[letter]int // how many words hold each letter
	post   map[posting][]int32
	byKey  map[string][]int32
	always []int32 // words no letter can rule out
	lens   []int   // the lengths of the words listed, ascending, once each
	bags   []bag   // of each word
	keys   []string
	near   func(a, b int) bool // whether words of a and b letters are compared at all
	found  []int32
	// seen[i] == gen when word i was looked at already: sorting the
	// words found to drop repeats cost as much as comparing them.
	seen []uint32
	gen  uint32
}

// posting is a list of words of b letters to compare with words of a
// letters: those with letter l among their first, and first as their
// first letter, or any first letter when first is -1.
type posting struct {
	first rune
	l     letter
	a, b  int32
}

// letter is the k-th occurrence of a lower-case rune in a word, so that
// shared letters are counted with their repeats.
type letter struct {
	r rune
	k int32
}

// maxIndexed is the longest word the prefixes are listed for; a longer
// one is compared with every word (no name is that long).
const maxIndexed = 64

// minShared is the fewest letters two words of a and b letters (a, b ≥ 1)
// must share for their Jaro–Winkler similarity to reach Threshold, with
// the same first letter or not. It is at least 1: jaro is 0 without a
// shared letter.
func minShared(a, b int, sameFirst bool) int {
	jaro := Threshold
	if sameFirst {
		jaro = (Threshold - 0.4) / 0.6 // the most a common prefix adds
	}
	need := 3*jaro - 1 // m/a + m/b
	// Rounded down a hair: a bound too low only lists a word under one
	// more letter.
	return max(1, int(math.Ceil(need*float64(a*b)/float64(a+b)-1e-9)))
}

// letters returns the letters of s as Jaro–Winkler compares them (lower
// case), and whether lower case kept the number of runes, on which the
// bounds and closest's length test both count.
func letters(s string) ([]letter, bool) {
	low := strings.ToLower(s)
	seen := map[rune]int32{}
	out := make([]letter, 0, len(low))
	for _, r := range low {
		out = append(out, letter{r, seen[r]})
		seen[r]++
	}
	return out, len(out) == utf8.RuneCountInString(s)
}

// sortLetters orders ls rarest first among the words (letters no word
// holds first of all), then by rune and repeat.
func (x *wordIndex) sortLetters(ls []letter) {
	slices.SortFunc(ls, func(p, q letter) int {
		if a, b := x.order[p], x.order[q]; a != b {
			return a - b
		}
		if p.r != q.r {
			return int(p.r - q.r)
		}
		return int(p.k - q.k)
	})
}

// prefixes calls f with the two postings words of a and b letters meet
// in and, for each, how many of the sorted letters of a word of n (a or
// b) letters it is listed under: none when the lengths cannot be similar.
func prefixes(a, b, n int, first rune, f func(p posting, k int)) {
	for _, fl := range [2]rune{-1, first} {
		m := minShared(a, b, fl != -1)
		if m > min(a, b) {
			continue
		}
		f(posting{first: fl, a: int32(a), b: int32(b)}, n-m+1)
	}
}

func newWordIndex(words []string, near func(a, b int) bool) *wordIndex {
	x := &wordIndex{order: map[letter]int{}, post: map[posting][]int32{}, byKey: map[string][]int32{}, near: near, seen: make([]uint32, len(words))}
	type listed struct {
		i     int32
		first rune
		ls    []letter
	}
	var ws []listed
	lens := map[int]bool{}
	for i, w := range words {
		x.bags = append(x.bags, newBag(w))
		x.keys = append(x.keys, Key(w))
		x.byKey[x.keys[i]] = append(x.byKey[x.keys[i]], int32(i))
		ls, ok := letters(w)
		if !ok || len(ls) == 0 || len(ls) > maxIndexed {
			x.always = append(x.always, int32(i))
			continue
		}
		for _, l := range ls {
			x.order[l]++
		}
		lens[len(ls)] = true
		ws = append(ws, listed{int32(i), ls[0].r, ls})
	}
	for n := range lens {
		x.lens = append(x.lens, n)
	}
	slices.Sort(x.lens)
	for _, w := range ws {
		b := len(w.ls)
		x.sortLetters(w.ls)
		// The word is listed for every length of word it may meet: only
		// up to four times its own has a bound that lets it through.
		for a := 1; a <= 4*b+4; a++ {
			if !near(a, b) {
				continue
			}
			prefixes(a, b, b, w.first, func(p posting, k int) {
				for _, l := range w.ls[:k] {
					p.l = l
					x.post[p] = append(x.post[p], w.i)
				}
			})
		}
	}
	return x
}

// lookup returns, each once, the words that may be similar to s: those
// the postings list whose letters do not rule it out (mayBeSimilar). The
// slice is reused by the next call.
func (x *wordIndex) lookup(s string) []int32 {
	x.found = x.found[:0]
	x.gen++
	b, key := newBag(s), Key(s)
	add := func(is []int32) {
		for _, i := range is {
			if x.seen[i] != x.gen {
				x.seen[i] = x.gen
				if mayBeSimilar(&b, &x.bags[i], key, x.keys[i]) {
					x.found = append(x.found, i)
				}
			}
		}
	}
	ls, ok := letters(s)
	a := len(ls)
	if !ok || a == 0 || a > maxIndexed {
		for i := range x.bags {
			add([]int32{int32(i)})
		}
		return x.found
	}
	first := ls[0].r
	add(x.byKey[key])
	add(x.always)
	x.sortLetters(ls)
	for _, b := range x.lens {
		if !x.near(a, b) {
			continue
		}
		prefixes(a, b, a, first, func(p posting, k int) {
			for _, l := range ls[:k] {
				p.l = l
				add(x.post[p])
			}
		})
	}
	return x.found
}

func newIndex(targets []target) *index {
	x := &index{multi: map[multiKey][]int32{}}
	var singles, firsts []string
	singleAt, firstAt := map[string]int32{}, map[string]int32{}
	for i, t := range targets {
		if t.words == 1 {
			w, ok := singleAt[t.text]
			if !ok {
				w = int32(len(singles))
				singleAt[t.text] = w
				singles = append(singles, t.text)
				x.single = append(x.single, nil)
			}
			x.single[w] = append(x.single[w], int32(i))
			continue
		}
		ws := strings.Fields(t.text)
		w, ok := firstAt[ws[0]]
		if !ok {
			w = int32(len(firsts))
			firstAt[ws[0]] = w
			firsts = append(firsts, ws[0])
		}
		k := multiKey{w, int32(len(ws))}
		x.multi[k] = append(x.multi[k], int32(i))
	}
	// closest compares single words at most 3 letters apart; the words
	// of a run whatever their lengths.
	x.singles = newWordIndex(singles, func(a, b int) bool { return abs(a-b) <= 3 })
	x.firsts = newWordIndex(firsts, func(a, b int) bool { return true })
	return x
}

// candidates returns, each once and in no particular order, the indexes
// of the targets that closest may accept for s (of one word, or of
// several when words > 1). The slice is reused by the next call.
func (x *index) candidates(s string, words int) []int32 {
	out := x.scratch[:0]
	if words > 1 {
		ws := strings.Fields(s)
		if len(ws) > 1 {
			k := int32(len(ws))
			for _, w := range x.firsts.lookup(ws[0]) {
				out = append(out, x.multi[multiKey{w, k}]...)
			}
		}
	} else {
		for _, w := range x.singles.lookup(s) {
			out = append(out, x.single[w]...)
		}
	}
	x.scratch = out
	return out
}

// bag counts the letters of a word as Jaro–Winkler compares them (lower
// case): a to z one by one, the other runes together.
type bag struct {
	n     int // runes
	first rune
	az    [26]uint8
	other uint8
}

func newBag(w string) bag {
	var b bag
	for _, r := range strings.ToLower(w) {
		if b.n == 0 {
			b.first = r
		}
		b.n++
		switch {
		case r >= 'a' && r <= 'z':
			b.az[r-'a'] = min(b.az[r-'a']+1, math.MaxUint8)
		default:
			b.other = min(b.other+1, math.MaxUint8)
		}
	}
	return b
}

// mayBeSimilar reports whether checker.similar may accept two words of
// bags a and b and phonetic keys ka and kb, from their letters alone:
// the index lets through words that share one letter, most of which
// share too few. Their similarity needs minShared letters in common,
// which counting the letters bounds at the cost of 27 comparisons.
func mayBeSimilar(a, b *bag, ka, kb string) bool {
	if len(ka) >= 3 && ka == kb {
		return true // the same sound; similar also wants the same first letter
	}
	if a.n == 0 || b.n == 0 {
		return true
	}
	need := minShared(a.n, b.n, a.first == b.first)
	common := int(min(a.other, b.other))
	for i := range a.az {
		common += int(min(a.az[i], b.az[i]))
	}
	return common >= need
}
