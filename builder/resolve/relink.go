package resolve

import (
	"slices"
	"sort"

	"github.com/briefhq/brief/builder/model"
)

// CanRelink reports whether Relink may replace old by nw: they are the
// same article (slug), at the same place in the site's order (date),
// equally published (draft), and declare the same events and actors, so
// that only what was read from the text — mentions, quotes, dated
// statements — can move links.
func CanRelink(old, nw *model.Article) bool {
	same := func(x, y []model.Ref) bool {
		return slices.EqualFunc(x, y, func(a, b model.Ref) bool { return a.Slug == b.Slug })
	}
	return old.Slug == nw.Slug && compareDates(old.Date, nw.Date) == 0 && old.Draft == nw.Draft &&
		same(old.EventRefs, nw.EventRefs) && same(old.ActorRefs, nw.ActorRefs)
}

// Relink puts the content of nw into old, an article of s (the result of
// Site), and updates every link that depends on what changed, exactly as
// Site would compute them from scratch: the article's actors and
// automatic events, the actors' article lists, mention counts,
// companions and quotes, the events' coverage and the chronology. The
// preview server calls it after an edit that moved links inside one
// article: the cost is that of the actors and events the article names,
// not of the site. CanRelink(old, nw) must hold.
//
// Declared events and actors are unchanged (CanRelink), so are the
// diagnostics Site reported.
func Relink(s *model.Site, old, nw *model.Article) {
	// Actors whose companions may change: those the article named before
	// and after the edit.
	touched := map[*model.Actor]bool{}
	for _, x := range old.Actors {
		touched[x] = true
	}
	unlink(s, old)

	explicit := make([]*model.Event, 0, len(old.Events))
	for _, e := range old.Events {
		if !contains(old.AutoEvents, e) {
			explicit = append(explicit, e)
		}
	}
	*old = *nw
	a := old
	a.Events, a.AutoEvents, a.Actors = explicit, nil, nil

	r := &resolver{site: s}
	for _, c := range r.linkActors(a, nil) {
		x := c.actor
		i := sort.Search(len(x.Articles), func(i int) bool { return compareArticles(x.Articles[i].Article, a) > 0 })
		x.Articles = slices.Insert(x.Articles, i, model.ArticleMention{Article: a, Count: c.n})
		x.Mentions += c.n
		touched[x] = true
	}
	if s.Config.AutoEvents {
		for _, e := range autoLink(a, map[*model.Event]bool{}) {
			i := sort.Search(len(e.Articles), func(i int) bool { return compareArticles(e.Articles[i], a) > 0 })
			e.Articles = slices.Insert(e.Articles, i, a)
		}
	}
	// An actor's quotes are by article, then in the article's order.
	byActor := map[*model.Actor][]model.ActorQuote{}
	for _, q := range linkQuotes(s, a) {
		byActor[q.Actor] = append(byActor[q.Actor], q)
	}
	for x, qs := range byActor {
		i := sort.Search(len(x.Quotes), func(i int) bool { return compareArticles(x.Quotes[i].Article, a) > 0 })
		x.Quotes = slices.Insert(x.Quotes, i, qs...)
	}
	for x := range touched {
		x.Companions = companionsOf(x)
	}
	reports, _ := appendReports(nil, a, nil)
	for _, c := range reports {
		i := sort.Search(len(s.Chronology), func(i int) bool { return chronoAfter(s.Chronology[i], c) })
		s.Chronology = slices.Insert(s.Chronology, i, c)
	}
}

// unlink removes every link to a from the rest of the site.
func unlink(s *model.Site, a *model.Article) {
	for _, x := range a.Actors {
		x.Articles = slices.DeleteFunc(x.Articles, func(m model.ArticleMention) bool {
			if m.Article == a {
				x.Mentions -= m.Count
				return true
			}
			return false
		})
		x.Quotes = slices.DeleteFunc(x.Quotes, func(q model.ActorQuote) bool { return q.Article == a })
	}
	for _, e := range a.AutoEvents {
		e.Articles = slices.DeleteFunc(e.Articles, func(o *model.Article) bool { return o == a })
	}
	// A quote's speaker need not be among the actors the article names
	// (a declared speaker with no mention): look at the quotes too.
	for _, q := range a.Quotes {
		if x := q.By; x != nil {
			x.Quotes = slices.DeleteFunc(x.Quotes, func(q model.ActorQuote) bool { return q.Article == a })
		}
	}
	s.Chronology = slices.DeleteFunc(s.Chronology, func(c model.ChronoEntry) bool { return c.Article == a })
}

// companionsOf counts, over the articles naming x, the other actors they
// name, as companions computes for all actors at once.
func companionsOf(x *model.Actor) []model.Companion {
	n := map[*model.Actor]int{}
	for _, m := range x.Articles {
		for _, y := range m.Article.Actors {
			if y != x {
				n[y]++
			}
		}
	}
	cs := make([]model.Companion, 0, len(n))
	for y, k := range n {
		cs = append(cs, model.Companion{Actor: y, Count: k})
	}
	return topCompanions(cs)
}

// chronoAfter reports whether entry c comes after report r in the
// chronology Site builds: by date, events before reports, then reports
// in article order and in their order within the article.
func chronoAfter(c, r model.ChronoEntry) bool {
	if kc, kr := chronoKey(c.Date), chronoKey(r.Date); kc != kr {
		return kc > kr
	}
	if c.Article == nil {
		return false // an event of the same date comes first
	}
	if k := compareArticles(c.Article, r.Article); k != 0 {
		return k > 0
	}
	return c.N > r.N
}
