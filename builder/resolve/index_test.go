package resolve_test

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/resolve"
)

// dump writes every link of s that Site computes, in order.
func dump(s *model.Site) string {
	var b strings.Builder
	for _, a := range s.Articles {
		fmt.Fprintf(&b, "article %s events", a.Slug)
		for _, e := range a.Events {
			fmt.Fprintf(&b, " %s", e.Slug)
		}
		b.WriteString(" auto")
		for _, e := range a.AutoEvents {
			fmt.Fprintf(&b, " %s", e.Slug)
		}
		b.WriteString(" actors")
		for _, x := range a.Actors {
			fmt.Fprintf(&b, " %s", x.Slug)
		}
		b.WriteString(" speakers")
		for _, q := range a.Quotes {
			if q.By != nil {
				fmt.Fprintf(&b, " %s", q.By.Slug)
			} else {
				b.WriteString(" -")
			}
		}
		b.WriteByte('\n')
	}
	for _, e := range s.Events {
		fmt.Fprintf(&b, "event %s articles", e.Slug)
		for _, a := range e.Articles {
			fmt.Fprintf(&b, " %s", a.Slug)
		}
		b.WriteByte('\n')
	}
	for _, x := range s.Actors {
		fmt.Fprintf(&b, "actor %s mentions %d articles", x.Slug, x.Mentions)
		for _, m := range x.Articles {
			fmt.Fprintf(&b, " %s:%d", m.Article.Slug, m.Count)
		}
		b.WriteString(" companions")
		for _, c := range x.Companions {
			fmt.Fprintf(&b, " %s:%d", c.Actor.Slug, c.Count)
		}
		b.WriteString(" quotes")
		for _, q := range x.Quotes {
			fmt.Fprintf(&b, " %s:%q", q.Article.Slug, q.Text)
		}
		b.WriteByte('\n')
	}
	for _, c := range s.Chronology {
		fmt.Fprintf(&b, "chrono %s %s", c.Date, c.Kind)
		if c.Event != nil {
			fmt.Fprintf(&b, " %s", c.Event.Slug)
		} else {
			fmt.Fprintf(&b, " %s:%d expected %v", c.Article.Slug, c.N, c.Expected)
		}
		for _, src := range c.Sources {
			fmt.Fprintf(&b, " source %s:%d", src.Article.Slug, src.N)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// edit returns a new version of a whose text named other actors, quoted
// other speakers and dated other statements.
func edit(r *rand.Rand, a *model.Article, actors []*model.Actor) *model.Article {
	nw := *a
	nw.Mentions = slices.Clone(a.Mentions)
	nw.Quotes = slices.Clone(a.Quotes)
	nw.Dates = slices.Clone(a.Dates)
	switch r.IntN(4) {
	case 0: // drop a mention
		if len(nw.Mentions) > 0 {
			nw.Mentions = slices.Delete(nw.Mentions, 0, 1)
		}
	case 1: // name someone (more often)
		x := actors[r.IntN(len(actors))]
		if i := slices.IndexFunc(nw.Mentions, func(m model.Mention) bool { return m.Actor == x.Slug }); i >= 0 {
			nw.Mentions[i].Count += 1 + r.IntN(5)
		} else {
			nw.Mentions = append(nw.Mentions, model.Mention{Actor: x.Slug, Count: 1 + r.IntN(5)})
		}
	case 2: // a new quote, or one fewer
		if len(nw.Quotes) > 0 && r.IntN(2) == 0 {
			nw.Quotes = nw.Quotes[1:]
		} else {
			x := actors[r.IntN(len(actors))]
			nw.Quotes = append(nw.Quotes, model.Quote{Text: fmt.Sprintf("words %d", r.IntN(100)), Speaker: x.Slug, SpeakerName: x.Name})
		}
	case 3: // another dated statement, or one fewer
		if len(nw.Dates) > 0 && r.IntN(2) == 0 {
			nw.Dates = nw.Dates[:len(nw.Dates)-1]
		} else {
			d := model.NewDay(2022, time.Month(1+r.IntN(12)), 1+r.IntN(28))
			nw.Dates = append(nw.Dates, model.DateMention{Text: "then", Date: d, Sentence: "It happened then."})
		}
	}
	return &nw
}

// TestIndexEditsMatchFresh edits, adds and removes articles of an Index
// one after another, as the preview server does after each save, and
// compares every link with a fresh Index of the same articles.
func TestIndexEditsMatchFresh(t *testing.T) {
	c, err := stagebench.Get(300)
	if err != nil {
		t.Fatal(err)
	}
	l, err := c.Extracted()
	if err != nil {
		t.Fatal(err)
	}
	cfg := l.Config
	cfg.AutoEvents = true
	x := resolve.NewIndex(cfg, l.Events, l.Actors)
	current := map[string]*model.Article{}
	for _, a := range l.Articles {
		x.Add(a)
		current[a.File] = a
	}
	site, ds := x.Site()
	if len(ds) > 0 {
		t.Fatal(ds[0])
	}
	r := rand.New(rand.NewPCG(3, 5))
	kinds := map[string]int{}
	for step := 0; step < 300; step++ {
		// Up to three edits between two rebuilds: one save can touch
		// several files.
		var what string
		var old *model.Article
		for range 1 + r.IntN(3) {
			files := slices.Sorted(maps.Keys(current))
			old = current[files[r.IntN(len(files))]]
			switch k := r.IntN(10); {
			case k < 5:
				what = "text"
				nw := edit(r, old, site.Actors)
				x.Add(nw)
				current[nw.File] = nw
			case k == 5:
				what = "date"
				nw := *old
				nw.Date = model.NewDay(2022, time.Month(1+r.IntN(12)), 1+r.IntN(28))
				x.Add(&nw)
				current[nw.File] = &nw
			case k == 6:
				what = "events"
				nw := *old
				nw.EventRefs = nil
				if len(l.Events) > 0 && r.IntN(2) == 0 {
					nw.EventRefs = []model.Ref{{Slug: l.Events[r.IntN(len(l.Events))].Slug, Line: 3}}
				}
				x.Add(&nw)
				current[nw.File] = &nw
			case k == 7:
				what = "remove"
				x.Remove(old.File)
				delete(current, old.File)
			case k == 8:
				what = "new"
				nw := edit(r, old, site.Actors)
				nw.File = fmt.Sprintf("content/articles/new-%d-%d.md", step, len(current))
				nw.Slug = fmt.Sprintf("new-%d-%d", step, len(current))
				x.Add(nw)
				current[nw.File] = nw
			default:
				// A second file with a slug already taken: both are
				// reported, the first file by name stays in the site.
				what = "duplicate"
				nw := *old
				nw.File = "content/articles/aaa-" + old.Slug + ".md"
				x.Add(&nw)
				current[nw.File] = &nw
			}
			kinds[what]++
		}
		site, ds = x.Site()
		got := dump(site) + fmt.Sprint(ds)
		var all []*model.Article
		for _, f := range slices.Sorted(maps.Keys(current)) {
			all = append(all, current[f])
		}
		fresh, fds := resolve.Site(cfg, all, l.Events, l.Actors)
		if want := dump(fresh) + fmt.Sprint(fds); got != want {
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("step %d (%s of %s): links differ from a fresh index:\nedited: %s\nfresh:  %s", step, what, old.Slug, gl[i], wl[i])
				}
			}
			t.Fatalf("step %d (%s): %d lines, want %d", step, what, len(gl), len(wl))
		}
	}
	for _, k := range []string{"text", "date", "events", "remove", "new", "duplicate"} {
		if kinds[k] == 0 {
			t.Errorf("no edit of kind %s was tried", k)
		}
	}
}

// TestIndexLeavesItsInputs checks that linking never writes into the
// items it is given: a build's cache holds them, and the next build
// links them again.
func TestIndexLeavesItsInputs(t *testing.T) {
	c, err := stagebench.Get(100)
	if err != nil {
		t.Fatal(err)
	}
	l, err := c.Extracted()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range l.Articles {
		a.Events, a.AutoEvents, a.Actors = nil, nil, nil
		for i := range a.Quotes {
			a.Quotes[i].By = nil
		}
	}
	for _, e := range l.Events {
		e.Articles, e.Actors, e.Related, e.PlaceActor, e.Prev, e.Next = nil, nil, nil, nil, nil, nil
	}
	for _, x := range l.Actors {
		x.Articles, x.Events, x.Quotes, x.Companions, x.Country, x.Mentions = nil, nil, nil, nil, nil, 0
	}
	site, _ := resolve.Site(l.Config, l.Articles, l.Events, l.Actors)
	linked := 0
	for _, a := range site.Articles {
		linked += len(a.Actors)
	}
	if linked == 0 {
		t.Fatal("the site has no links at all: the test proves nothing")
	}
	for _, a := range l.Articles {
		if a.Events != nil || a.AutoEvents != nil || a.Actors != nil {
			t.Fatalf("article %s was linked in place", a.Slug)
		}
		for _, q := range a.Quotes {
			if q.By != nil {
				t.Fatalf("a quote of %s got its speaker in place", a.Slug)
			}
		}
	}
	for _, e := range l.Events {
		if e.Articles != nil || e.Actors != nil || e.Prev != nil || e.Next != nil {
			t.Fatalf("event %s was linked in place", e.Slug)
		}
	}
	for _, x := range l.Actors {
		if x.Articles != nil || x.Events != nil || x.Mentions != 0 || x.Companions != nil {
			t.Fatalf("actor %s was linked in place", x.Slug)
		}
	}
}
