package builder

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"weak"

	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/resolve"
)

// TestReleaseFreesCache checks that a one-shot build's session, once it
// has its model, lets the collector free the cache's items and the index
// (Build renders after release): the linked site holds copies of the
// articles, and only a later build would read the originals again, or
// extract with the actors' matcher.
func TestReleaseFreesCache(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{}
	for i := range 4 {
		files[fmt.Sprintf("content/articles/a%d.md", i)] = fmt.Sprintf("---\ntitle: Report %d\ndate: 2022-02-%02d\n---\n\n“We will not move from this position, whatever they say,” the minister said on 3 February. About 100 troops left.\n", i, 1+i)
	}
	writeSiteFiles(t, dir, files)
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	s.dropSource = true
	m, err := s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var arts []weak.Pointer[model.Article]
	for _, e := range s.files {
		if e.x.art != nil {
			arts = append(arts, weak.Make(e.x.art))
		}
	}
	if len(arts) != 4 {
		t.Fatalf("%d extracted articles in the cache, want 4", len(arts))
	}
	index := weak.Make(s.index)
	if s.matcher == nil {
		t.Fatal("no matcher in the session after Model")
	}
	matcher := weak.Make(s.matcher)
	s.release()
	runtime.GC()
	runtime.GC()
	for i, p := range arts {
		if p.Value() != nil {
			t.Errorf("cached article %d still reachable after release", i)
		}
	}
	if index.Value() != (*resolve.Index)(nil) {
		t.Error("index still reachable after release")
	}
	if matcher.Value() != nil {
		t.Error("actor matcher still reachable after release")
	}
	if len(m.Site.Articles) != 4 || len(m.Site.Articles[0].Dates) == 0 || len(m.Site.Articles[0].Quotes) == 0 {
		t.Errorf("the model lost its articles or their facts: %d articles, %d dates, %d quotes", len(m.Site.Articles), len(m.Site.Articles[0].Dates), len(m.Site.Articles[0].Quotes))
	}
	runtime.KeepAlive(s)
}
