package model

import (
	"strings"
	"testing"
)

// Names that differ in case and spacing are one term, shown as most
// articles write it; names whose slugs collide get -2, -3 in the order of
// their keys; a name that makes no slug gets the fallback.
func TestTerms(t *testing.T) {
	slug := func(s string) string {
		return strings.Trim(strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' {
				return r
			}
			return '-'
		}, s), "-")
	}
	a := &Article{Tags: []string{"Sanctions", "C++", "Україна"}}
	b := &Article{Tags: []string{"sanctions ", "C", "sanctions"}}
	c := &Article{Tags: []string{"sanctions", "c-"}}
	got := map[string]string{}
	for _, term := range Terms([]*Article{a, b, c}, ArticleTags, slug, "tag") {
		got[term.Slug] = term.Name + "/" + strings.Repeat("x", len(term.Articles))
	}
	want := map[string]string{"sanctions": "sanctions/xxx", "c": "C/x", "c-2": "C++/x", "c-3": "c-/x", "tag": "Україна/x"}
	if len(got) != len(want) {
		t.Errorf("terms %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("term %s = %q, want %q", k, got[k], v)
		}
	}
}
