package resolve

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Index is a resolved site that articles are added to and removed from.
// A full build adds every article to a new Index; the preview server,
// after an edit, removes the article's old version and adds the new one.
// Both run the same code, so an edited site is linked exactly as a fresh
// build links it (TestIndexEditsMatchFresh).
//
// The index never changes what it is given: it links copies of the
// events, actors and articles (the items a build's cache holds stay as
// they were loaded and extracted), and the Site it returns is its own.
// Events and actors are the frame every article is linked into: a change
// to any of them, or to the configuration, makes a new Index.
//
// An Index is not safe for concurrent use, and the Site it returns is
// valid until the next Add or Remove.
type Index struct {
	site   *model.Site
	frame  []diag.Diagnostic           // diagnostics of events and actors
	linked map[string]*model.Article   // by file: every added article's copy
	slots  map[string][]*model.Article // by slug, by file; [0] is the one in the site
	ds     map[*model.Article][]diag.Diagnostic
	counts map[*model.Article][]counted // what linkActors counted, to undo it

	// pairs[x][y] counts the articles naming both x and y.
	pairs map[*model.Actor]map[*model.Actor]int

	// raw is the chronology before Site derives what readers see (see
	// chrono.go): every event and every statement appendReports keeps,
	// in chronology order but for the last newReports.
	raw     []model.ChronoEntry
	infos   map[*model.Article][]*clauseInfo // by article, indexed like its Dates
	groups  map[model.Date]*dateGroup        // what each date's reports became
	dirty   map[model.Date]bool              // dates whose reports changed since the last Site call
	chrono  []model.ChronoEntry              // the last Site's chronology, whose room the next reuses
	pass    int                              // chronology passes made, to tell which dates are gone
	evFrame *eventFrame

	// What changed since the last Site call.
	newArticles, newReports int // appended to Articles and raw, unsorted
	events                  map[*model.Event]bool
	actors                  map[*model.Actor]bool // coverage or quotes to sort
	companions              map[*model.Actor]bool // companions to recount

	r    *resolver
	seen map[*model.Event]bool
	cs   []counted
}

// NewIndex links the events and actors of a site, with no articles yet.
// The copies it links get the site's base path for the links in their
// bodies (model.Source.SetBase).
func NewIndex(cfg model.Config, events []*model.Event, actors []*model.Actor) *Index {
	evs := make([]*model.Event, len(events))
	for i, e := range events {
		c := *e
		c.SetBase(cfg.BasePath)
		c.PlaceActor, c.Prev, c.Next = nil, nil, nil
		c.Actors, c.Articles, c.Related = nil, nil, nil
		evs[i] = &c
	}
	acts := make([]*model.Actor, len(actors))
	for i, a := range actors {
		c := *a
		c.SetBase(cfg.BasePath)
		c.Country, c.Companions, c.Mentions = nil, nil, 0
		c.Events, c.Articles, c.Quotes = nil, nil, nil
		acts[i] = &c
	}
	var ds []diag.Diagnostic
	s := &model.Site{Config: cfg, ArticleBySlug: map[string]*model.Article{}}
	s.EventBySlug, s.Events, ds = index(evs, ds, "event")
	s.ActorBySlug, s.Actors, ds = index(acts, ds, "actor")
	slices.SortFunc(s.Events, compareEvents)
	slices.SortFunc(s.Actors, func(a, b *model.Actor) int { return strings.Compare(a.Slug, b.Slug) })

	r := &resolver{site: s, ds: ds}
	r.actors()
	r.events()
	r.related()
	x := &Index{
		site: s, frame: r.ds, r: r,
		linked: map[string]*model.Article{}, slots: map[string][]*model.Article{},
		ds: map[*model.Article][]diag.Diagnostic{}, counts: map[*model.Article][]counted{},
		pairs:  map[*model.Actor]map[*model.Actor]int{},
		events: map[*model.Event]bool{}, actors: map[*model.Actor]bool{}, companions: map[*model.Actor]bool{},
		seen: map[*model.Event]bool{}, infos: map[*model.Article][]*clauseInfo{},
		groups: map[model.Date]*dateGroup{}, dirty: map[model.Date]bool{},
		evFrame: newEventFrame(s.Events),
	}
	x.raw = make([]model.ChronoEntry, 0, len(s.Events))
	for _, e := range s.Events {
		x.raw = append(x.raw, model.ChronoEntry{Date: e.Date, Kind: "event", Event: e})
	}
	slices.SortStableFunc(x.raw, compareChrono)
	s.Chronology = x.chronology(x.raw)
	return x
}

// Site links articles, events and actors: NewIndex, every article
// added, Site. Diagnostics name the file and line of each bad reference
// and suggest the closest slug.
func Site(cfg model.Config, articles []*model.Article, events []*model.Event, actors []*model.Actor) (*model.Site, []diag.Diagnostic) {
	x := NewIndex(cfg, events, actors)
	for _, a := range articles {
		x.Add(a)
	}
	return x.Site()
}

// Add links a copy of article a, replacing an article of the same file
// added before.
func (x *Index) Add(a *model.Article) {
	x.Remove(a.File)
	c := *a
	c.SetBase(x.site.Config.BasePath)
	c.Quotes = slices.Clone(a.Quotes)
	c.Events, c.AutoEvents, c.Actors = nil, nil, nil
	la := &c
	x.linked[la.File] = la
	if la.Slug == "" {
		return // load reported why
	}
	slot := x.slots[la.Slug]
	i, _ := slices.BinarySearchFunc(slot, la, func(p, q *model.Article) int { return strings.Compare(p.File, q.File) })
	if i == 0 && len(slot) > 0 {
		x.unlink(slot[0])
	}
	x.slots[la.Slug] = slices.Insert(slot, i, la)
	if i == 0 {
		x.link(la)
	}
}

// Remove takes the article of file out of the site, if it is in it.
func (x *Index) Remove(file string) {
	la := x.linked[file]
	if la == nil {
		return
	}
	delete(x.linked, file)
	slot := x.slots[la.Slug]
	i := slices.Index(slot, la)
	if i < 0 {
		return
	}
	if i == 0 {
		x.unlink(la)
	}
	slot = slices.Delete(slot, i, i+1)
	if len(slot) == 0 {
		delete(x.slots, la.Slug)
		return
	}
	x.slots[la.Slug] = slot
	if i == 0 {
		x.link(slot[0])
	}
}

// link puts la into the site: its events and actors, the coverage,
// mentions, companions and quotes of those, and its reports in the
// chronology.
func (x *Index) link(la *model.Article) {
	s, r := x.site, x.r
	r.ds = nil
	for _, ref := range la.EventRefs {
		if e := r.event(la.File, ref); e != nil && !contains(la.Events, e) {
			la.Events = append(la.Events, e)
			e.Articles = append(e.Articles, la)
			x.events[e] = true
		}
	}
	if len(la.Events) > 1 {
		slices.SortStableFunc(la.Events, func(p, q *model.Event) int { return compareDates(p.Date, q.Date) })
	}
	x.cs = r.linkActors(la, x.cs)
	x.counts[la] = slices.Clone(x.cs)
	for _, c := range x.cs {
		c.actor.Articles = append(c.actor.Articles, model.ArticleMention{Article: la, Count: c.n})
		c.actor.Mentions += c.n
		x.actors[c.actor] = true
	}
	for _, p := range la.Actors {
		row := x.pairs[p]
		if row == nil {
			row = map[*model.Actor]int{}
			x.pairs[p] = row
		}
		for _, q := range la.Actors {
			if p != q {
				row[q]++
			}
		}
		x.companions[p] = true
	}
	if s.Config.AutoEvents {
		for _, e := range autoLink(la, x.seen) {
			e.Articles = append(e.Articles, la)
			x.events[e] = true
		}
	}
	for _, q := range linkQuotes(s, la) {
		q.Actor.Quotes = append(q.Actor.Quotes, q)
		x.actors[q.Actor] = true
	}
	n := len(x.raw)
	x.raw = appendReports(x.raw, la)
	x.newReports += len(x.raw) - n
	if len(x.raw) > n {
		infos := make([]*clauseInfo, len(la.Dates))
		for _, c := range x.raw[n:] {
			ci := info(la, la.Dates[c.N])
			ci.event = x.evFrame.event(la.Dates[c.N], &ci)
			infos[c.N] = &ci
			x.dirty[c.Date] = true
		}
		x.infos[la] = infos
	}
	s.Articles = append(s.Articles, la)
	x.newArticles++
	s.ArticleBySlug[la.Slug] = la
	if len(r.ds) > 0 {
		x.ds[la] = r.ds
	}
	r.ds = nil
}

// unlink undoes link.
func (x *Index) unlink(la *model.Article) {
	s := x.site
	drop := func(as []*model.Article) []*model.Article {
		return slices.DeleteFunc(as, func(b *model.Article) bool { return b == la })
	}
	for _, e := range la.Events {
		e.Articles = drop(e.Articles)
	}
	for _, c := range x.counts[la] {
		c.actor.Articles = slices.DeleteFunc(c.actor.Articles, func(m model.ArticleMention) bool { return m.Article == la })
		c.actor.Mentions -= c.n
		c.actor.Quotes = slices.DeleteFunc(c.actor.Quotes, func(q model.ActorQuote) bool { return q.Article == la })
	}
	for _, q := range la.Quotes {
		if q.By != nil {
			q.By.Quotes = slices.DeleteFunc(q.By.Quotes, func(aq model.ActorQuote) bool { return aq.Article == la })
		}
	}
	for _, p := range la.Actors {
		row := x.pairs[p]
		for _, q := range la.Actors {
			if p == q {
				continue
			}
			if row[q]--; row[q] == 0 {
				delete(row, q)
			}
		}
		x.companions[p] = true
	}
	if len(la.Dates) > 0 {
		x.newReports -= countTail(x.raw, x.newReports, func(c model.ChronoEntry) bool { return c.Article == la })
		x.raw = slices.DeleteFunc(x.raw, func(c model.ChronoEntry) bool { return c.Article == la })
		for n, ci := range x.infos[la] {
			if ci != nil {
				x.dirty[la.Dates[n].Date] = true
			}
		}
		delete(x.infos, la)
	}
	x.newArticles -= countTail(s.Articles, x.newArticles, func(b *model.Article) bool { return b == la })
	s.Articles = drop(s.Articles)
	delete(s.ArticleBySlug, la.Slug)
	delete(x.counts, la)
	delete(x.ds, la)
	la.Events, la.AutoEvents, la.Actors = nil, nil, nil
	for i := range la.Quotes {
		la.Quotes[i].By = nil
	}
}

// Site returns the linked site, with every list in its order, and the
// diagnostics of all items.
func (x *Index) Site() (*model.Site, []diag.Diagnostic) {
	s := x.site
	s.Articles = mergeTail(s.Articles, x.newArticles, compareArticles)
	x.raw = mergeTail(x.raw, x.newReports, compareChrono)
	s.Chronology = x.chronology(x.raw)
	x.newArticles, x.newReports = 0, 0
	for e := range x.events {
		slices.SortStableFunc(e.Articles, compareArticles)
	}
	for a := range x.actors {
		slices.SortStableFunc(a.Articles, func(p, q model.ArticleMention) int { return compareArticles(p.Article, q.Article) })
		// Stable: an article's quotes keep their order in its text.
		slices.SortStableFunc(a.Quotes, func(p, q model.ActorQuote) int { return compareArticles(p.Article, q.Article) })
	}
	for a := range x.companions {
		row := x.pairs[a]
		cs := make([]model.Companion, 0, len(row))
		for b, n := range row {
			cs = append(cs, model.Companion{Actor: b, Count: n})
		}
		a.Companions = topCompanions(cs)
	}
	clear(x.events)
	clear(x.actors)
	clear(x.companions)

	ds := slices.Clone(x.frame)
	for _, slot := range x.slots {
		for _, la := range slot[1:] {
			prev := slot[0]
			msg := fmt.Sprintf("two articles have the slug %q: %s and %s", la.Slug, prev.File, la.File)
			hint := "rename one file or give it another slug:"
			ds = append(ds, diag.Diagnostic{File: la.File, Line: la.SlugLine, Msg: msg, Hint: hint},
				diag.Diagnostic{File: prev.File, Line: prev.SlugLine, Msg: msg, Hint: hint})
		}
	}
	for _, d := range x.ds {
		ds = append(ds, d...)
	}
	ds = append(ds, checkLinks(s)...)
	diag.Sort(ds)
	return s, ds
}

// mergeTail sorts the last n elements of s and merges them into the
// sorted rest: an edit adds a few items to lists of tens of thousands,
// and a full sort of those on every rebuild would cost more than the rest
// of the rebuild.
func mergeTail[T any](s []T, n int, cmp func(a, b T) int) []T {
	if n == 0 {
		return s
	}
	if n*8 >= len(s) {
		slices.SortStableFunc(s, cmp)
		return s
	}
	head, tail := s[:len(s)-n], slices.Clone(s[len(s)-n:])
	slices.SortStableFunc(tail, cmp)
	if n <= maxInserted {
		// A few items go in where they belong, in place: a binary search
		// each for its place, then one pass from the end that moves each
		// part of the sorted list once, as far as the items that go
		// before it. Where a merge would compare every item and copy the
		// list (the chronology's is megabytes), and inserting one item
		// at a time would move the list's end once per item.
		at := make([]int, len(tail))
		for k, t := range tail {
			// After every item equal to it, as a stable sort of the whole
			// list (where the tail comes last) would put it.
			at[k] = sort.Search(len(head), func(i int) bool { return cmp(t, head[i]) < 0 })
		}
		end, hi := len(s), len(head)
		for k := len(tail) - 1; k >= 0; k-- {
			// at is ascending, since tail is sorted: the items of head
			// from at[k] on go after tail[k], and move only once.
			lo := at[k]
			copy(s[end-(hi-lo):end], s[lo:hi])
			end -= hi - lo
			hi = lo
			end--
			s[end] = tail[k]
		}
		return s
	}
	out := make([]T, 0, len(s))
	i, j := 0, 0
	for i < len(head) && j < len(tail) {
		// Ties keep the sorted part first, as a stable sort of the whole
		// list (where the tail comes last) would.
		if cmp(tail[j], head[i]) < 0 {
			out = append(out, tail[j])
			j++
		} else {
			out = append(out, head[i])
			i++
		}
	}
	out = append(out, head[i:]...)
	return append(out, tail[j:]...)
}

// maxInserted is the most items mergeTail inserts one by one.
const maxInserted = 16

// countTail counts the elements of the last n of s that match.
func countTail[T any](s []T, n int, match func(T) bool) int {
	k := 0
	for _, v := range s[len(s)-n:] {
		if match(v) {
			k++
		}
	}
	return k
}

// compareChrono orders the chronology: by date (coarser precision first
// on the same start), events before reports, events in their order,
// reports by article, then by their place in the article.
func compareChrono(p, q model.ChronoEntry) int {
	if c := cmpInt(chronoKey(p.Date), chronoKey(q.Date)); c != 0 {
		return c
	}
	switch {
	case p.Kind != q.Kind && p.Kind == "event":
		return -1
	case p.Kind != q.Kind:
		return 1
	case p.Event != nil:
		return compareEvents(p.Event, q.Event)
	}
	if c := compareArticles(p.Article, q.Article); c != 0 {
		return c
	}
	return p.N - q.N
}
