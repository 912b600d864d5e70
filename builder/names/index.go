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
// A single word is close to a name when their phonetic keys are equal
// (looked up in byKey) or when their Jaro–Winkler similarity reaches
// Threshold. The similarity is at most 0.6·jaro + 0.4, and jaro at most
// (m/a + m/b + 1)/3 for a and b letters of which m are shared, so the
// threshold needs m ≥ minShared(a, b). Two words sharing that many
// letters share one of the first few of each in a fixed order of the
// letters (prefix filtering): each name is listed under those of its
// letters, rarest first, and a word looks only there.
//
// Runs of several words are compared word by word with names of as many
// words and about the same length: they are listed by both (multi).
type index struct {
	order   map[letter]int     // how many single-word names hold each letter
	prefix  map[letter][]int32 // single-word names by the first letters of each
	byKey   map[string][]int32 // single-word names by phonetic key
	always  []int32            // single-word names no letter can rule out
	multi   map[[2]int][]int32 // names of several words by words and letters
	scratch []int32
	// seen[i] == gen when target i is in scratch already: sorting the
	// candidates to drop repeats cost as much as comparing them.
	seen []uint32
	gen  uint32
}

// letter is the k-th occurrence of a lower-case rune in a word, so that
// shared letters are counted with their repeats.
type letter struct {
	r rune
	k int
}

// minShared is the fewest letters two words of a and b letters must share
// for their Jaro–Winkler similarity to reach Threshold, or 0 when no
// number of shared letters rules it out.
func minShared(a, b int) int {
	jaro := (Threshold - 0.4) / 0.6
	need := 3*jaro - 1 // m/a + m/b
	if need <= 0 {
		return 0
	}
	// Rounded down a hair: a bound too low only lists a name under one
	// more letter.
	return int(math.Ceil(need*float64(a*b)/float64(a+b) - 1e-9))
}

// letters returns the letters of s as Jaro–Winkler compares them (lower
// case), and whether lower case kept the number of runes, on which the
// bounds and closest's length test both count.
func letters(s string) ([]letter, bool) {
	low := strings.ToLower(s)
	seen := map[rune]int{}
	out := make([]letter, 0, len(low))
	for _, r := range low {
		out = append(out, letter{r, seen[r]})
		seen[r]++
	}
	return out, len(out) == utf8.RuneCountInString(s)
}

// sortLetters orders ls rarest first among the names (letters no name
// holds first of all), then by rune and repeat.
func (x *index) sortLetters(ls []letter) {
	slices.SortFunc(ls, func(p, q letter) int {
		if a, b := x.order[p], x.order[q]; a != b {
			return a - b
		}
		if p.r != q.r {
			return int(p.r - q.r)
		}
		return p.k - q.k
	})
}

func newIndex(targets []target) *index {
	x := &index{order: map[letter]int{}, prefix: map[letter][]int32{}, byKey: map[string][]int32{}, multi: map[[2]int][]int32{}}
	type single struct {
		i  int32
		ls []letter
	}
	var singles []single
	for i, t := range targets {
		if t.words != 1 {
			k := [2]int{len(strings.Fields(t.text)), utf8.RuneCountInString(t.text)}
			x.multi[k] = append(x.multi[k], int32(i))
			continue
		}
		x.byKey[t.key] = append(x.byKey[t.key], int32(i))
		ls, ok := letters(t.text)
		n := len(ls)
		// closest compares words of 4 letters or more, at most 3 apart.
		m := minShared(max(4, n-3), n)
		if !ok || m < 1 {
			x.always = append(x.always, int32(i))
			continue
		}
		for _, l := range ls {
			x.order[l]++
		}
		singles = append(singles, single{int32(i), ls})
	}
	for _, s := range singles {
		n := len(s.ls)
		x.sortLetters(s.ls)
		for _, l := range s.ls[:n-minShared(max(4, n-3), n)+1] {
			x.prefix[l] = append(x.prefix[l], s.i)
		}
	}
	return x
}

// candidates returns, each once and in no particular order, the indexes
// of the targets that closest may accept for s (of one word, or of
// several when words > 1). The slice is reused by the next call.
func (x *index) candidates(s string, words int, all int) []int32 {
	out := x.scratch[:0]
	if len(x.seen) < all {
		x.seen = make([]uint32, all)
	}
	x.gen++
	add := func(is []int32) {
		for _, i := range is {
			if x.seen[i] != x.gen {
				x.seen[i] = x.gen
				out = append(out, i)
			}
		}
	}
	n := utf8.RuneCountInString(s)
	if words > 1 {
		k := len(strings.Fields(s))
		for d := -3; d <= 3; d++ {
			add(x.multi[[2]int{k, n + d}])
		}
	} else {
		ls, ok := letters(s)
		m := minShared(n, max(4, n-3))
		if !ok || m < 1 {
			// No bound holds: every target is a candidate.
			for i := range all {
				out = append(out, int32(i))
			}
			x.scratch = out
			return out
		}
		add(x.byKey[Key(s)])
		add(x.always)
		x.sortLetters(ls)
		for _, l := range ls[:n-m+1] {
			add(x.prefix[l])
		}
	}
	x.scratch = out
	return out
}

// bag counts the letters of a word as Jaro–Winkler compares them (lower
// case): a to z one by one, the other runes together.
type bag struct {
	n     int // runes
	az    [26]uint8
	other uint8
}

func newBag(w string) bag {
	var b bag
	for _, r := range strings.ToLower(w) {
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
// bags a and b and phonetic keys ka and kb, from their letters alone: a
// run of several words is compared word by word with every name of as
// many words and about its length, and most of those comparisons fail on
// the first word. Their similarity needs minShared letters in common,
// which counting the letters bounds at the cost of 27 comparisons.
func mayBeSimilar(a, b *bag, ka, kb string) bool {
	if len(ka) >= 3 && ka == kb {
		return true // the same sound; similar also wants the same first letter
	}
	need := minShared(a.n, b.n)
	if need == 0 {
		return true
	}
	common := int(min(a.other, b.other))
	for i := range a.az {
		common += int(min(a.az[i], b.az[i]))
	}
	return common >= need
}
