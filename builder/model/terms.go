package model

import (
	"slices"
	"strconv"
	"strings"
)

// Term is a name articles share, a tag or a publisher, with the page it
// gets.
type Term struct {
	Name     string     // as most of its articles write it
	Slug     string     // unique among the terms of its kind
	Articles []*Article // by date, as Site.Articles
}

// TermKey is what makes two names one term: case and spacing do not
// count, so "Sanctions" and "sanctions " are one tag.
func TermKey(name string) string { return strings.ToLower(strings.Join(strings.Fields(name), " ")) }

// Terms groups articles (in site order) by the names names gives each,
// one Term per TermKey, by slug. slug makes a slug of a name; a name it
// makes nothing of gets fallback. Names whose slugs collide are told
// apart by -2, -3, … in the order of their keys, the first keeping the
// plain slug, so the same names always get the same slugs.
func Terms(as []*Article, names func(*Article) []string, slug func(string) string, fallback string) []*Term {
	byKey := map[string]*Term{}
	spellings := map[string]map[string]int{}
	for _, a := range as {
		for _, n := range names(a) {
			k := TermKey(n)
			if k == "" {
				continue
			}
			t := byKey[k]
			if t == nil {
				t = &Term{}
				byKey[k] = t
				spellings[k] = map[string]int{}
			}
			if l := len(t.Articles); l == 0 || t.Articles[l-1] != a {
				t.Articles = append(t.Articles, a)
			}
			spellings[k][strings.Join(strings.Fields(n), " ")]++
		}
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := make(map[string]string, len(keys)) // key → its plain slug
	owner := map[string]string{}               // plain slug → the first key that wants it
	for _, k := range keys {
		s := slug(k)
		if s == "" {
			s = fallback
		}
		want[k] = s
		if _, ok := owner[s]; !ok {
			owner[s] = k
		}
	}
	taken := make(map[string]bool, len(keys))
	for s := range owner {
		taken[s] = true
	}
	out := make([]*Term, 0, len(keys))
	for _, k := range keys {
		t := byKey[k]
		t.Slug = want[k]
		if owner[t.Slug] != k {
			n := 2
			for taken[t.Slug+"-"+strconv.Itoa(n)] {
				n++
			}
			t.Slug += "-" + strconv.Itoa(n)
			taken[t.Slug] = true
		}
		best, bestN := "", 0
		for sp, c := range spellings[k] {
			if c > bestN || c == bestN && sp < best {
				best, bestN = sp, c
			}
		}
		t.Name = best
		out = append(out, t)
	}
	slices.SortFunc(out, func(a, b *Term) int { return strings.Compare(a.Slug, b.Slug) })
	return out
}

// ArticleTags are an article's tags, for Terms.
func ArticleTags(a *Article) []string { return a.Tags }

// ArticlePublisher is an article's publisher, for Terms.
func ArticlePublisher(a *Article) []string {
	if a.Publisher == "" {
		return nil
	}
	return []string{a.Publisher}
}
