package extract

import (
	"regexp"
	"slices"
	"testing"
)

// sentenceEndRE is the regular expression sentenceEnds replaces; the
// tests check that the hand scan finds exactly what it found.
var sentenceEndRE = regexp.MustCompile(`[.!?…]["”’')\]]*\s+`)

func regexEnds(s string) []int {
	var out []int
	for _, loc := range sentenceEndRE.FindAllStringIndex(s, -1) {
		out = append(out, loc[1])
	}
	return out
}

func scanEnds(s string) []int {
	var out []int
	sentenceEnds(s, func(end int) { out = append(out, end) })
	return out
}

func TestSentenceEndsMatchesRegexp(t *testing.T) {
	for _, s := range []string{
		"", "One. Two! Three? Four", "He said: “Go.” Then left.", "Wait... what?  Yes.\tNo",
		"(See above.) Next", "Ellipsis… then more", "U.S. troops. More", "end.", "a.’” b",
		"x.]\n\ny", "no end here", "?!? a", "…\u00a0b",
	} {
		if got, want := scanEnds(s), regexEnds(s); !slices.Equal(got, want) {
			t.Errorf("%q: scan %v, regexp %v", s, got, want)
		}
	}
}

func FuzzSentenceEnds(f *testing.F) {
	f.Add("One. Two! “Three?” Four… five")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := scanEnds(s), regexEnds(s); !slices.Equal(got, want) {
			t.Errorf("%q: scan %v, regexp %v", s, got, want)
		}
	})
}
