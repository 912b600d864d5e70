package names

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// exhaustive is closest as it was before the index: every target is
// compared with s. It is the reference the index must agree with.
func exhaustive(c *checker, s string, words int) (target, float64, bool) {
	var best target
	bestScore := 0.0
	found := false
	n := utf8.RuneCountInString(s)
	if n < 4 {
		return best, 0, false
	}
	key := Key(s)
	for _, t := range c.targets {
		if (words == 1) != (t.words == 1) || t.text == s {
			continue
		}
		tn := utf8.RuneCountInString(t.text)
		if tn < 4 || abs(tn-n) > 3 {
			continue
		}
		if !t.person && inflected(s, t.text) {
			continue
		}
		var score float64
		var ok bool
		if words == 1 {
			score, ok = c.similar(s, key, t.text, t.key)
		} else {
			ws, ts := strings.Fields(s), strings.Fields(t.text)
			if len(ws) != len(ts) {
				continue
			}
			score, ok = 1, true
			for i := range ws {
				if ws[i] == ts[i] {
					continue
				}
				sc, wok := c.similar(ws[i], Key(ws[i]), ts[i], Key(ts[i]))
				score = min(score, sc)
				ok = ok && wok && !describer(ws[i])
			}
		}
		if ok && (!found || score > bestScore) {
			best, bestScore, found = t, score, true
		}
	}
	return best, bestScore, found
}

var syllables = strings.Fields("an bo ka de li mar ov sch ul tz en ko ra vi zel sky y ber lin ha ns ol af pu tin ma cr on ie ck ph th ai ei ou é ö ø ç İ ş")

func randomName(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	first, n := utf8.DecodeRuneInString(s)
	return strings.ToUpper(string(first)) + s[n:]
}

// misspell changes a name as sources do: a letter dropped, doubled or
// swapped, or a spelling of the same sound.
func misspell(r *rand.Rand, s string) string {
	rs := []rune(s)
	i := r.IntN(len(rs))
	switch r.IntN(5) {
	case 0:
		rs = append(rs[:i], rs[i+1:]...)
	case 1:
		rs = append(rs[:i+1], rs[i:]...)
	case 2:
		if i+1 < len(rs) {
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	case 3:
		rs[i] = []rune("aeioukstzv")[r.IntN(10)]
	default:
		return strings.NewReplacer("sch", "sh", "tz", "z", "v", "w", "y", "i", "k", "ch").Replace(s)
	}
	return string(rs)
}

// randomSite has actors with aliases (people, places, organisations)
// and articles that name them, misspell them, inflect them and name
// people who are not actors.
func randomSite(seed uint64, actors, articles int) *model.Site {
	r := rand.New(rand.NewPCG(seed, 1))
	site := &model.Site{}
	var people []string
	kinds := []string{model.Person, model.Person, model.Person, model.Place, model.Country, model.Organization}
	for i := range actors {
		first, last := randomName(r), randomName(r)
		kind := kinds[r.IntN(len(kinds))]
		name := first + " " + last
		aliases := []string{last, "Minister " + last, first[:1] + ". " + last, last + " " + randomName(r)}
		if kind != model.Person {
			name, aliases = last, []string{last + "n Republic", randomName(r)}
		}
		a := &model.Actor{Source: model.Source{File: fmt.Sprintf("content/actors/a%d.md", i), Slug: fmt.Sprintf("a%d", i)}, Name: name, Kind: kind, Aliases: aliases, AliasLines: map[string]int{}}
		if r.IntN(4) == 0 {
			a.Misspellings = []string{misspell(r, last)}
		}
		site.Actors = append(site.Actors, a)
		people = append(people, name, last, first+" "+misspell(r, last), misspell(r, last), last+"ian", misspell(r, first)+" "+misspell(r, last))
	}
	for i := range articles {
		var paras []string
		for range 3 {
			var b strings.Builder
			for range 12 {
				switch r.IntN(4) {
				case 0:
					b.WriteString(people[r.IntN(len(people))] + " said the talks went on. ")
				case 1:
					b.WriteString("The " + randomName(r) + " " + randomName(r) + " met " + people[r.IntN(len(people))] + " on Monday. ")
				default:
					b.WriteString("officials said " + strings.ToLower(randomName(r)) + " later. ")
				}
			}
			paras = append(paras, b.String())
		}
		a := &model.Article{Source: model.Source{File: fmt.Sprintf("content/articles/x%d.md", i)}, Title: people[r.IntN(len(people))] + " in talks"}
		a.SetText(paras)
		a.TextLines = []int{5, 7, 9}
		site.Articles = append(site.Articles, a)
	}
	return site
}

// TestIndexFindsWhatTheFullComparisonFinds compares closest with the
// exhaustive comparison for every word and run of words of a random
// site's text, misspellings and derived forms included.
func TestIndexFindsWhatTheFullComparisonFinds(t *testing.T) {
	for seed := range uint64(2) {
		site := randomSite(seed, 80, 6)
		c := newChecker(site)
		r := rand.New(rand.NewPCG(seed, 2))
		var queries []string
		for _, a := range site.Articles {
			for _, p := range append(a.Text(), a.Title) {
				ws := strings.Fields(p)
				for i := range ws {
					for n := 1; n <= 4 && i+n <= len(ws); n++ {
						queries = append(queries, strings.Join(ws[i:i+n], " "))
					}
				}
			}
		}
		for _, t := range c.targets {
			queries = append(queries, t.text, misspell(r, t.text), strings.ToUpper(t.text), misspell(r, misspell(r, t.text)))
		}
		slices.Sort(queries)
		queries = slices.Compact(queries)
		found := 0
		for _, q := range queries {
			for _, words := range []int{1, 2} {
				want, wantScore, wantOK := exhaustive(c, q, words)
				got, gotScore, gotOK := c.closest(q, words)
				if gotOK != wantOK || gotScore != wantScore || got.text != want.text || got.actor != want.actor {
					t.Fatalf("closest(%q, %d) = %q %.3f %v; the full comparison gives %q %.3f %v", q, words, got.text, gotScore, gotOK, want.text, wantScore, wantOK)
				}
				if gotOK {
					found++
				}
			}
		}
		// The site must exercise both answers.
		if found < len(queries)/20 || found > len(queries)*9/10 {
			t.Errorf("seed %d: %d of %d queries close to a name", seed, found, 2*len(queries))
		}
	}
}

// TestTokensKnowTheirMentions: each token of a paragraph is marked known
// exactly when a mention covers it, with many mentions in one paragraph.
func TestTokensKnowTheirMentions(t *testing.T) {
	site := randomSite(1, 20, 0)
	c := newChecker(site)
	p := strings.Repeat(site.Actors[0].Name+" met officials and "+site.Actors[1].Name+". ", 200)
	ms := c.m.Find(p)
	if len(ms) < 400 {
		t.Fatalf("%d mentions", len(ms))
	}
	for _, tok := range tokenize(p, ms) {
		known := false
		for _, m := range ms {
			if m.Start < tok.end && m.End > tok.start {
				known = true
			}
		}
		if tok.known != known {
			t.Fatalf("token %q at %d: known %v, want %v", tok.text, tok.start, tok.known, known)
		}
	}
}

// BenchmarkCheck checks a site of 1,000 actors (5,000 spellings) and 100
// articles of random names, each capitalised word new to the site, the
// worst case for the index (38 s a run before it was indexed).
func BenchmarkCheck(b *testing.B) {
	site := randomSite(7, 1000, 100)
	b.ReportAllocs()
	for b.Loop() {
		Check(site)
	}
}

// TestWordIndexFindsEverySimilarWord compares each index of words with
// the comparison of a word with all of them: every word similar to the
// one looked up (or equal to it), with or without a first letter in
// common, must be found, whatever the lengths the index compares.
func TestWordIndexFindsEverySimilarWord(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	c := newChecker(&model.Site{})
	var words []string
	for range 1000 {
		w := randomName(r)
		if r.IntN(3) == 0 {
			w = misspell(r, w)
		}
		words = append(words, w)
	}
	slices.Sort(words)
	words = slices.Compact(words)
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = Key(w)
	}
	var queries []string
	for range 300 {
		w := words[r.IntN(len(words))]
		queries = append(queries, w, misspell(r, w), misspell(r, misspell(r, w)), strings.ToUpper(w[:1])+w[1:], randomName(r)[1:])
	}
	for _, near := range []struct {
		name string
		f    func(a, b int) bool
	}{{"singles", func(a, b int) bool { return abs(a-b) <= 3 }}, {"firsts", func(a, b int) bool { return true }}} {
		x := newWordIndex(words, near.f)
		similar, differentFirst := 0, 0
		for _, q := range queries {
			found := map[int32]bool{}
			for _, i := range x.lookup(q) {
				found[i] = true
			}
			kq := Key(q)
			for i, w := range words {
				if !near.f(utf8.RuneCountInString(q), utf8.RuneCountInString(w)) {
					continue
				}
				_, ok := c.similar(q, kq, w, keys[i])
				if !ok && q != w {
					continue
				}
				similar++
				if !strings.EqualFold(q[:1], w[:1]) {
					differentFirst++
				}
				if !found[int32(i)] {
					t.Fatalf("%s: %q is similar to %q (%.3f), the index does not find it", near.name, q, w, c.jw.Compare(q, w))
				}
			}
		}
		// Both bounds must be exercised.
		if similar < len(queries) || differentFirst < 20 {
			t.Errorf("%s: %d similar pairs, %d of them without a first letter in common", near.name, similar, differentFirst)
		}
	}
}
