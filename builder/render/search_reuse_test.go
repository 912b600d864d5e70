package render

import (
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// The search index of a preview fills the document arrays of the build
// before last instead of allocating two new ones on every edit, and
// clears them first, so that no document of two builds ago stays
// reachable through them.
func TestSearchIndexReusesArraysOfBuildBeforeLast(t *testing.T) {
	site := &model.Site{}
	for _, slug := range []string{"a", "b", "c"} {
		a := &model.Article{Title: "Article " + slug}
		a.Slug, a.Hash = slug, uint64(slug[0])
		site.Articles = append(site.Articles, a)
	}
	c := &searchCache{}
	var docs [3][]searchDoc
	for i := range docs {
		docs[i] = c.index(site, 7).docs
	}
	if &docs[2][0] != &docs[0][0] {
		t.Error("the third build allocated its id array again instead of filling the first build's")
	}
	if &docs[1][0] == &docs[0][0] {
		t.Error("the second build filled the first build's array, which the first build's cache still compares against")
	}
	fresh := (&searchCache{}).index(site, 7).docs
	for id, d := range docs[2] {
		if d.slug != fresh[id].slug || string(d.words) != string(fresh[id].words) {
			t.Errorf("document %d of the third build: %q, a fresh index has %q", id, d.slug, fresh[id].slug)
		}
	}

	// A smaller site: the array is cut to it and the rest cleared.
	site.Articles = site.Articles[:1]
	for range 2 {
		c.index(site, 7)
	}
	for i, d := range docs[0][:cap(docs[0])] {
		if i > 0 && d.slug != "" {
			t.Errorf("document %d of a build two builds ago still reachable: %q", i, d.slug)
		}
	}
}
