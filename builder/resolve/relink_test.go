package resolve_test

import (
	"fmt"
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
			fmt.Fprintf(&b, " %s:%d", c.Article.Slug, c.N)
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

// TestRelinkMatchesSite relinks edited articles one after another and
// compares every link with resolving the edited site from scratch.
func TestRelinkMatchesSite(t *testing.T) {
	c, err := stagebench.Get(300)
	if err != nil {
		t.Fatal(err)
	}
	l, err := c.Extracted()
	if err != nil {
		t.Fatal(err)
	}
	site, ds := resolve.Site(l.Config, l.Articles, l.Events, l.Actors)
	if len(ds) > 0 {
		t.Fatal(ds[0])
	}
	r := rand.New(rand.NewPCG(3, 5))
	for step := 0; step < 200; step++ {
		old := site.Articles[r.IntN(len(site.Articles))]
		nw := edit(r, old, site.Actors)
		if !resolve.CanRelink(old, nw) {
			t.Fatalf("step %d: an edit of the text only cannot be relinked", step)
		}
		resolve.Relink(site, old, nw)
		got := dump(site)
		// Resolving the same objects again recomputes every link.
		site, ds = resolve.Site(l.Config, site.Articles, site.Events, site.Actors)
		if len(ds) > 0 {
			t.Fatal(ds[0])
		}
		if want := dump(site); got != want {
			gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("step %d (%s): links differ from a fresh resolve:\nrelinked: %s\nresolved: %s", step, old.Slug, gl[i], wl[i])
				}
			}
			t.Fatalf("step %d: %d lines, want %d", step, len(gl), len(wl))
		}
	}
}

func TestCanRelink(t *testing.T) {
	a := &model.Article{Date: model.NewDay(2022, 2, 24), EventRefs: []model.Ref{{Slug: "invasion", Line: 3}}}
	a.Slug = "x"
	same := *a
	same.EventRefs = []model.Ref{{Slug: "invasion", Line: 5}} // moved, same link
	if !resolve.CanRelink(a, &same) {
		t.Error("moving a reference to another line stops relinking")
	}
	for name, change := range map[string]func(b *model.Article){
		"slug":   func(b *model.Article) { b.Slug = "y" },
		"date":   func(b *model.Article) { b.Date = model.NewDay(2022, 2, 25) },
		"draft":  func(b *model.Article) { b.Draft = true },
		"events": func(b *model.Article) { b.EventRefs = nil },
		"actors": func(b *model.Article) { b.ActorRefs = []model.Ref{{Slug: "nato"}} },
	} {
		b := *a
		change(&b)
		if resolve.CanRelink(a, &b) {
			t.Errorf("a changed %s still relinks", name)
		}
	}
}
