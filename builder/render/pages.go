package render

import (
	"sort"

	"github.com/briefhq/brief/builder/model"
)

// Page is what a page template receives as its dot.
type Page struct {
	Kind        string // one of PageTemplates
	Path        string // site path without base, "" for home, "events/x/" otherwise
	Title       string
	Description string
	Site        *model.Site
	Article     *model.Article // article pages
	Event       *model.Event   // event pages
	Actor       *model.Actor   // actor pages
	Lists       *Lists         // site-wide lists, shared by all pages
}

// Lists are the site-wide lists pages show, computed once per build.
type Lists struct {
	LatestEvents   []*model.Event   // newest first
	LatestArticles []*model.Article // newest first
	TopActors      []*model.Actor   // most mentioned first
	Years          []Year           // chronology, oldest first
	Reports        bool             // the chronology holds reports from articles
	ActorGroups    []ActorGroup     // actors by kind, then name
}

// Year is one year of the chronology.
type Year struct {
	Year   int
	Months []Month
}

// Month is one month of the chronology; Name is empty for entries known
// only to the year.
type Month struct {
	Name    string
	Entries []model.ChronoEntry
	Hidden  int // reports left out of the page (see MaxReportsPerDay)
}

// MaxReportsPerDay is how many reports from articles the chronology page
// shows for one date; the data export has them all. A busy day of a big
// archive has hundreds, which would bury the editor's events.
const MaxReportsPerDay = 3

// ActorGroup is the actors of one kind.
type ActorGroup struct {
	Kind   string
	Actors []*model.Actor
}

// How many items the home page lists.
const (
	homeEvents   = 8
	homeArticles = 10
	homeActors   = 12
)

// lists computes the shared lists in one pass over each collection.
func lists(s *model.Site) *Lists {
	l := &Lists{}
	for i := len(s.Events) - 1; i >= 0 && len(l.LatestEvents) < homeEvents; i-- {
		l.LatestEvents = append(l.LatestEvents, s.Events[i])
	}
	for i := len(s.Articles) - 1; i >= 0 && len(l.LatestArticles) < homeArticles; i-- {
		l.LatestArticles = append(l.LatestArticles, s.Articles[i])
	}
	top := make([]*model.Actor, 0, len(s.Actors))
	for _, a := range s.Actors {
		if a.Mentions > 0 || len(a.Events) > 0 {
			top = append(top, a)
		}
	}
	sort.SliceStable(top, func(i, j int) bool {
		wi, wj := top[i].Mentions+len(top[i].Events), top[j].Mentions+len(top[j].Events)
		if wi != wj {
			return wi > wj
		}
		return top[i].Slug < top[j].Slug
	})
	l.TopActors = top[:min(homeActors, len(top))]

	perDay := 0
	var lastDay model.Date
	for _, e := range s.Chronology {
		if e.Kind == "report" {
			l.Reports = true
			if !e.Date.Start.Equal(lastDay.Start) || e.Date.Precision != lastDay.Precision {
				lastDay, perDay = e.Date, 0
			}
			perDay++
		}
		y := e.Date.Start.Year()
		if len(l.Years) == 0 || l.Years[len(l.Years)-1].Year != y {
			l.Years = append(l.Years, Year{Year: y})
		}
		yr := &l.Years[len(l.Years)-1]
		name := ""
		if e.Date.Precision != model.Year {
			name = e.Date.Start.Month().String() // not Format: no allocation per entry
		}
		if len(yr.Months) == 0 || yr.Months[len(yr.Months)-1].Name != name {
			yr.Months = append(yr.Months, Month{Name: name})
		}
		m := &yr.Months[len(yr.Months)-1]
		if e.Kind == "report" && perDay > MaxReportsPerDay {
			m.Hidden++
			continue
		}
		m.Entries = append(m.Entries, e)
	}

	groups := map[string][]*model.Actor{}
	for _, a := range s.Actors {
		groups[a.Kind] = append(groups[a.Kind], a)
	}
	for _, k := range []string{model.Person, model.Organization, model.Country, model.Place} {
		as := groups[k]
		if len(as) == 0 {
			continue
		}
		sort.SliceStable(as, func(i, j int) bool { return as[i].Name < as[j].Name })
		l.ActorGroups = append(l.ActorGroups, ActorGroup{Kind: k, Actors: as})
	}
	return l
}

// plan lists every output file of the site, in a fixed order, with what
// each depends on. global keys the caches of encoded parts of site-wide
// files; 0 turns them off.
func plan(s *model.Site, t *Templates, global uint64) []Job {
	l := lists(s)
	cfg := s.Config
	jobs := make([]Job, 0, len(s.Articles)+2*(len(s.Events)+len(s.Actors))+24)
	// One allocation for all pages: a plan is made on every rebuild.
	pages := make([]Page, 0, len(s.Articles)+len(s.Events)+len(s.Actors)+8)
	// Templates that show site-wide lists on item pages make every page
	// depend on every item.
	var whole func(*Sig)
	if t != nil && t.usesSiteLists {
		h := siteSig(s)
		whole = func(sig *Sig) { sig.Uint(h) }
	}
	page := func(p Page, deps func(*Sig)) {
		p.Site, p.Lists = s, l
		if deps != nil && whole != nil {
			d := deps
			deps = func(sig *Sig) { whole(sig); d(sig) }
		}
		pages = append(pages, p)
		jobs = append(jobs, Job{File: p.File(), Kind: p.Kind, Page: &pages[len(pages)-1], Deps: deps})
	}
	page(Page{Kind: "home", Path: "", Title: cfg.Title, Description: cfg.Description}, func(sig *Sig) { homeDeps(sig, s, l) })
	page(Page{Kind: "events", Path: "events/", Title: "Events"}, func(sig *Sig) { eventsDeps(sig, s) })
	page(Page{Kind: "actors", Path: "actors/", Title: "Actors"}, func(sig *Sig) { actorsDeps(sig, s) })
	page(Page{Kind: "chronology", Path: "chronology/", Title: "Chronology"}, func(sig *Sig) { chronologyDeps(sig, l) })
	page(Page{Kind: "404", Path: "404.html", Title: "Page not found"}, func(*Sig) {})
	for _, a := range s.Articles {
		page(Page{Kind: "article", Path: "articles/" + a.Slug + "/", Title: a.Title, Description: a.Summary, Article: a}, func(sig *Sig) { articleDeps(sig, a) })
	}
	for _, e := range s.Events {
		page(Page{Kind: "event", Path: "events/" + e.Slug + "/", Title: e.Title, Description: e.Summary, Event: e}, func(sig *Sig) { eventDeps(sig, e) })
	}
	for _, a := range s.Actors {
		desc := a.Summary
		if desc == "" {
			desc = a.Role
		}
		page(Page{Kind: "actor", Path: "actors/" + a.Slug + "/", Title: a.Name, Description: desc, Actor: a}, func(sig *Sig) { actorDeps(sig, a) })
	}
	for _, name := range dataNames {
		var deps func(*Sig)
		switch name {
		case "data/articles.json":
			deps = func(sig *Sig) { articlesDataDeps(sig, s) }
		case "data/events.json":
			deps = func(sig *Sig) { eventsDataDeps(sig, s) }
		case "data/actors.json":
			deps = func(sig *Sig) { actorsDataDeps(sig, s) }
		case "data/chronology.json":
			deps = func(sig *Sig) { chronologyDataDeps(sig, s) }
		}
		jobs = append(jobs, Job{File: name, Kind: "data", Make: func(w Writer) error { dataFile(w, s, name, global); return nil }, Deps: deps})
	}

	// Files for feed readers, search engines, calendars and the search
	// page. Per-item feeds have signatures like their pages; the
	// site-wide files are always rebuilt and are cheap (see search.go).
	page(Page{Kind: "search", Path: "search/", Title: "Search"}, func(*Sig) {})
	jobs = append(jobs,
		Job{File: SearchIndexFile, Kind: "search-index", Make: func(w Writer) error { searchIndex(w, s, global); return nil }},
		Job{File: "feed.xml", Kind: "feed", Make: bytesOf(func() []byte { return siteFeed(s) })},
		Job{File: "sitemap.xml", Kind: "sitemap", Make: bytesOf(func() []byte { return sitemap(s) }), Deps: func(sig *Sig) { sitemapDeps(sig, s) }},
		Job{File: "calendar.ics", Kind: "calendar", Make: bytesOf(func() []byte { return calendar(s) }), Deps: func(sig *Sig) { calendarDeps(sig, s) }},
		// These depend on the configuration only, which is part of the
		// site-wide signature.
		Job{File: "robots.txt", Kind: "robots", Make: bytesOf(func() []byte { return robots(cfg) }), Deps: func(*Sig) {}},
		Job{File: ".nojekyll", Kind: "pages", Make: bytesOf(func() []byte { return []byte{} }), Deps: func(*Sig) {}},
	)
	if cfg.CNAME != "" {
		jobs = append(jobs, Job{File: "CNAME", Kind: "pages", Make: bytesOf(func() []byte { return []byte(cfg.CNAME + "\n") }), Deps: func(*Sig) {}})
	}
	for _, e := range s.Events {
		jobs = append(jobs, Job{File: eventFeed(e), Kind: "feed", Make: bytesOf(func() []byte { return eventFeedFile(cfg, e) }), Deps: func(sig *Sig) { eventFeedDeps(sig, e) }})
	}
	for _, x := range s.Actors {
		jobs = append(jobs, Job{File: actorFeed(x), Kind: "feed", Make: bytesOf(func() []byte { return actorFeedFile(cfg, x) }), Deps: func(sig *Sig) { actorFeedDeps(sig, x) }})
	}
	return jobs
}

// bytesOf makes a Job.Make of a function that builds a small file whole.
func bytesOf(f func() []byte) func(Writer) error {
	return func(w Writer) error {
		_, err := w.Write(f())
		return err
	}
}

// The signatures of item pages: the item's own file, and the files of the
// items it links to (one hop), which is everything the default templates
// show. Names of actors two hops away change only with the set of actor
// names, which is part of the site-wide signature.

func articleDeps(sig *Sig, a *model.Article) {
	sig.Uint(a.Hash)
	for _, e := range a.Events {
		sig.Uint(e.Hash)
	}
	for _, x := range a.Actors {
		sig.Uint(x.Hash)
	}
}

func eventDeps(sig *Sig, e *model.Event) {
	sig.Uint(e.Hash)
	if e.PlaceActor != nil {
		sig.Uint(e.PlaceActor.Hash)
	}
	for _, x := range e.Actors {
		sig.Uint(x.Hash)
	}
	sig.Str("articles")
	for _, a := range e.Articles {
		sig.Uint(a.Hash)
	}
	sig.Str("related")
	for _, r := range e.Related {
		sig.Uint(r.Hash)
	}
	for _, n := range []*model.Event{e.Prev, e.Next} {
		if n != nil {
			sig.Uint(n.Hash)
		} else {
			sig.Uint(0)
		}
	}
}

func actorDeps(sig *Sig, x *model.Actor) {
	sig.Uint(x.Hash)
	if x.Country != nil {
		sig.Uint(x.Country.Hash)
	}
	sig.Str("events")
	for _, e := range x.Events {
		sig.Uint(e.Hash)
	}
	// A profile lists the articles naming the actor by their metadata and
	// quotes their words: editing an article's text elsewhere need not
	// render the profiles of the actors it names again.
	sig.Str("articles")
	for _, m := range x.Articles {
		articleMeta(sig, m.Article)
		sig.Uint(uint64(m.Count))
	}
	sig.Str("companions")
	for _, c := range x.Companions {
		sig.Uint(c.Actor.Hash)
		sig.Uint(uint64(c.Count))
	}
	sig.Str("quotes")
	for _, q := range x.Quotes {
		sig.Uint(q.Article.FactsHash) // the words, without hashing them again
		articleMeta(sig, q.Article)
	}
}

// articleMeta adds what lists show of an article: its front matter (or
// header) and summary, not its text. Lists in custom templates that show
// an article's text, or what was read from it, belong on item pages.
func articleMeta(sig *Sig, a *model.Article) { sig.Uint(a.MetaHash) }

// The signatures of list pages: what their lists show of each item.

func homeDeps(sig *Sig, s *model.Site, l *Lists) {
	sig.Uint(uint64(len(s.Articles)))
	sig.Uint(uint64(len(s.Events)))
	sig.Uint(uint64(len(s.Actors)))
	for _, e := range l.LatestEvents {
		sig.Uint(e.Hash)
	}
	sig.Str("articles")
	for _, a := range l.LatestArticles {
		sig.Uint(a.Hash)
	}
	sig.Str("actors")
	for _, a := range l.TopActors {
		sig.Uint(a.Hash)
		sig.Uint(uint64(a.Mentions))
		sig.Uint(uint64(len(a.Events)))
	}
}

func eventsDeps(sig *Sig, s *model.Site) {
	for _, e := range s.Events {
		sig.Uint(e.Hash)
	}
}

func actorsDeps(sig *Sig, s *model.Site) {
	for _, a := range s.Actors {
		sig.Uint(a.Hash)
		sig.Uint(uint64(a.Mentions))
		sig.Uint(uint64(len(a.Events)))
	}
}

// chronologyDeps hashes what the chronology page shows, which is far less
// than the whole chronology: a few reports per day.
func chronologyDeps(sig *Sig, l *Lists) {
	for _, y := range l.Years {
		sig.Uint(uint64(y.Year))
		for _, m := range y.Months {
			sig.Str(m.Name)
			sig.Uint(uint64(m.Hidden))
			for _, c := range m.Entries {
				if c.Event != nil {
					sig.Uint(c.Event.Hash)
					for _, a := range c.Event.Actors {
						sig.Uint(a.Hash)
					}
				}
				if c.Article != nil {
					articleMeta(sig, c.Article)
					sig.Uint(c.Article.DatesHash) // the report's date and sentence
					sig.Uint(uint64(c.N))
				}
			}
		}
	}
}

// The signatures of site-wide files that list every item: cheap to
// compute (a few integers per item), so that a change to an article's
// text does not rewrite megabytes that did not change.

// articlesDataDeps hashes what articles.json holds of each article: its
// metadata, what was read from its text and its links; not the text
// itself, so rewording a paragraph does not rewrite the file.
func articlesDataDeps(sig *Sig, s *model.Site) {
	for _, a := range s.Articles {
		sig.Uint(a.MetaHash)
		sig.Uint(a.FactsHash)
		sig.Uint(uint64(len(a.Events)))
		for _, e := range a.Events {
			sig.Uint(e.Hash)
		}
		sig.Uint(uint64(len(a.AutoEvents)))
		sig.Uint(uint64(len(a.Actors)))
		for _, x := range a.Actors {
			sig.Uint(x.Hash)
		}
	}
}

func eventsDataDeps(sig *Sig, s *model.Site) {
	for _, e := range s.Events {
		eventShown(sig, e)
		for _, r := range e.Related {
			sig.Uint(r.Hash)
		}
	}
}

// eventShown adds an event and the slugs of what it links to.
func eventShown(sig *Sig, e *model.Event) {
	sig.Uint(e.Hash)
	if e.PlaceActor != nil {
		sig.Uint(e.PlaceActor.Hash)
	}
	for _, a := range e.Actors {
		sig.Uint(a.Hash)
	}
	sig.Str("|")
	for _, a := range e.Articles {
		sig.Uint(a.MetaHash)
	}
	sig.Str("|")
}

func actorsDataDeps(sig *Sig, s *model.Site) {
	for _, x := range s.Actors {
		sig.Uint(x.Hash)
		if x.Country != nil {
			sig.Uint(x.Country.Hash)
		}
		sig.Uint(uint64(len(x.Quotes)))
		for _, m := range x.Articles {
			sig.Uint(m.Article.MetaHash)
		}
		sig.Str("|")
		for _, e := range x.Events {
			sig.Uint(e.Hash)
		}
		sig.Str("|")
	}
}

func chronologyDataDeps(sig *Sig, s *model.Site) {
	for _, e := range s.Events {
		sig.Uint(e.Hash)
	}
	// An article's reports are its dated statements, named by its slug.
	for _, a := range s.Articles {
		sig.Uint(a.MetaHash)
		sig.Uint(a.DatesHash)
	}
}

func sitemapDeps(sig *Sig, s *model.Site) {
	for _, a := range s.Articles {
		sig.Uint(a.MetaHash)
	}
	for _, e := range s.Events {
		eventShown(sig, e)
	}
	actorsDataDeps(sig, s)
}

func calendarDeps(sig *Sig, s *model.Site) {
	for _, e := range s.Events {
		eventShown(sig, e)
	}
}

// siteSig hashes every item of the site.
func siteSig(s *model.Site) uint64 {
	sig := Sig{h: fnvOffset}
	for _, a := range s.Articles {
		sig.Uint(a.Hash)
	}
	for _, e := range s.Events {
		sig.Uint(e.Hash)
	}
	for _, a := range s.Actors {
		sig.Uint(a.Hash)
	}
	return sig.h
}

// File is the output file of a page: "PATH/index.html", or the path
// itself for a page that names a file (404.html).
func (p Page) File() string {
	if p.Path == "" {
		return "index.html"
	}
	if p.Path[len(p.Path)-1] == '/' {
		return p.Path + "index.html"
	}
	return p.Path
}
