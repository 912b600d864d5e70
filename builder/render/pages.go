package render

import (
	"sort"

	"github.com/briefhq/brief/builder/model"
)

// Page is what a page template receives as its dot. Its items come as
// views (see views.go), which record what the page reads.
type Page struct {
	kind    *pageKind
	path    string // site path without base, "" for home, "events/x/" otherwise
	site    *model.Site
	lists   *Lists
	article *model.Article
	event   *model.Event
	actor   *model.Actor
	term    *model.Term // of a tag's or publisher's page
	group   *Group      // of a page of the chronology or the articles archive
	pg      pager       // of a page of a paginated list; total 0 otherwise
	r       *rec        // the recorder of the render in progress
	made    pageViews   // what the page's accessors made while it renders
	cat     *catalog    // the labels of the site's language, while rendering
}

// Kind is the page kind, one of PageTemplates.
func (p *Page) Kind() string { return p.kind.name }

// Path is the page's site path without the base: "" for home,
// "events/x/" otherwise.
func (p *Page) Path() string { return p.path }

// Title is the page's title: its item's, or the kind's.
func (p *Page) Title() string {
	switch {
	case p.article != nil:
		return p.Article().Title
	case p.event != nil:
		return p.Event().Title
	case p.actor != nil:
		return p.Actor().Name
	case p.term != nil:
		return p.term.Name
	case p.group != nil:
		return p.kind.title + ": " + p.group.Title
	case p.kind.name == "home":
		return p.site.Config.Title
	}
	return p.kind.title
}

// Description is the page's meta description, which every page has (see
// describe).
func (p *Page) Description() string {
	m := p.views()
	if m.desc == nil {
		d := describe(p)
		m.desc = &d
	}
	return *m.desc
}

// Site is the whole site.
func (p *Page) Site() SiteView { return SiteView{Config: p.site.Config, s: p.site, r: p.r} }

// Lists are the site-wide lists, shared by all pages.
func (p *Page) Lists() ListsView { return ListsView{l: p.lists, r: p.r} }

// Article is the article of an article page, nil on other pages.
func (p *Page) Article() *ArticleView {
	m := p.views()
	if m.article == nil {
		m.article = p.r.articlePtr(p.article)
	}
	return m.article
}

// Event is the event of an event page, nil on other pages.
func (p *Page) Event() *EventView {
	m := p.views()
	if m.event == nil {
		m.event = p.r.eventPtr(p.event)
	}
	return m.event
}

// Actor is the actor of an actor page, nil on other pages.
func (p *Page) Actor() *ActorView {
	m := p.views()
	if m.actor == nil {
		m.actor = p.r.actorPtr(p.actor)
	}
	return m.actor
}

// pageViews are the views of a page's item and its description, made at
// the first read while the page renders: a page template reads
// .Article, .Event or .Actor dozens of times, and the description three.
// They hold for one file of one recorder (see views): what making them
// recorded is in that file's dependencies.
type pageViews struct {
	r       *rec
	serial  uint32
	article *ArticleView
	event   *EventView
	actor   *ActorView
	desc    *string
}

// views returns what the page made while rendering with its recorder,
// after dropping what it made for another file or render.
func (p *Page) views() *pageViews {
	var serial uint32
	if p.r != nil {
		serial = p.r.serial
	}
	if p.made.r != p.r || p.made.serial != serial {
		p.made = pageViews{r: p.r, serial: serial}
	}
	return &p.made
}

// pageKind is one kind of page: a template of the same name and the
// pages it renders. Adding a kind takes an entry in pageKinds and its
// template; the plan, the sitemap and the feeds follow from the entry.
type pageKind struct {
	name  string
	path  string // the page's site path; for item pages, the prefix of "PATH/slug/"
	title string // the title of a page without an item
	// items is the kind of item with a page each: 'a' articles, 'e'
	// events, 'x' actors, 't' tags, 'p' publishers, 'm' months of the
	// articles archive, 'y' years and months of the chronology; 0 for a
	// single page.
	items  byte
	public bool // listed in the sitemap
	feed   bool // each item's page has a feed at its path + "feed.xml"
	// template renders the kind when it is not the kind's name: kinds
	// that share a template tell its pages apart by what they hold.
	template string
	// paged, for a kind whose page lists something that grows with the
	// site, gives the length of the list and the page size: the page is
	// then cut into pages PATH/, PATH/page/2/, … (see paging.go).
	paged func(p *Page) (n, size int)
}

// pageKinds are every kind of page, in the order of the plan and the
// sitemap.
var pageKinds = []pageKind{
	{name: "home", path: "", public: true},
	{name: "events", path: "events/", title: "Events", public: true,
		paged: func(p *Page) (int, int) { return len(p.site.Events), p.site.Config.Paginate.OrDefault().Events }},
	{name: "actors", path: "actors/", title: "Actors", public: true},
	{name: "chronology", path: "chronology/", title: "Chronology", public: true},
	{name: "articles", path: "articles/", title: "Articles", public: true},
	{name: "tags", path: "tags/", title: "Tags", public: true},
	{name: "publishers", path: "publishers/", title: "Publishers", public: true},
	{name: "search", path: "search/", title: "Search", public: true},
	{name: "404", path: "404.html", title: "Page not found"},
	{name: "article", path: "articles/", items: 'a', public: true},
	{name: "event", path: "events/", items: 'e', public: true, feed: true},
	{name: "actor", path: "actors/", items: 'x', public: true, feed: true,
		paged: func(p *Page) (int, int) { return len(p.actor.Articles), p.site.Config.Paginate.OrDefault().Coverage }},
	{name: "tag", path: "tags/", items: 't', public: true, feed: true,
		paged: func(p *Page) (int, int) { return len(p.term.Articles), p.site.Config.Paginate.OrDefault().Tags }},
	{name: "publisher", path: "publishers/", items: 'p', public: true, feed: true,
		paged: func(p *Page) (int, int) { return len(p.term.Articles), p.site.Config.Paginate.OrDefault().Publishers }},
	{name: "articles-month", path: "articles/", title: "Articles", items: 'm', public: true, template: "articles",
		paged: func(p *Page) (int, int) { return len(p.group.Articles), p.site.Config.Paginate.OrDefault().Articles }},
	{name: "chronology-part", path: "chronology/", title: "Chronology", items: 'y', public: true, template: "chronology",
		paged: func(p *Page) (int, int) { return p.group.n, p.site.Config.Paginate.OrDefault().Chronology }},
}

// PageTemplates are the templates of the page kinds, each rendered
// inside the layout base.html: the kind's name, or its template.
var PageTemplates = func() []string {
	var names []string
	for _, k := range pageKinds {
		if k.template == "" {
			names = append(names, k.name)
		}
	}
	return names
}()

// kindOf returns the page kind of an item kind.
func kindOf(items byte) *pageKind {
	for i := range pageKinds {
		if pageKinds[i].items == items {
			return &pageKinds[i]
		}
	}
	panic("render: no page kind for items " + string(items))
}

// itemPath is the site path of an item's page.
func itemPath(items byte, slug string) string { return kindOf(items).path + slug + "/" }

// publicPaths are the site paths of the single pages listed in the
// sitemap, in order.
func publicPaths() []string {
	var ps []string
	for _, k := range pageKinds {
		if k.public && k.items == 0 {
			ps = append(ps, k.path)
		}
	}
	return ps
}

// templateOf is the template of a kind of page.
func templateOf(kind string) string {
	for _, k := range pageKinds {
		if k.name == kind && k.template != "" {
			return k.template
		}
	}
	return kind
}

// Lists are the site-wide lists pages show, computed once per build.
type Lists struct {
	LatestEvents   []*model.Event   // newest first
	LatestArticles []*model.Article // newest first
	TopActors      []*model.Actor   // most mentioned first
	Years          []Year           // chronology, oldest first
	Reports        bool             // the chronology holds reports from articles
	ActorGroups    []ActorGroup     // actors by kind, then name
	Archive        []ArchiveYear    // the articles by year and month, oldest first
	Chronology     []*Group         // the chronology's pages by year, and month of a big year
	// ChronologyWhole reports that the chronology page holds every
	// entry: there are no more than a page's worth.
	ChronologyWhole bool
}

// Year is one year of the chronology.
type Year struct {
	Year   int
	Months []Month
}

// Month is one month of the chronology; Name is empty and Number 0 for
// entries known only to the year.
type Month struct {
	Name    string
	Number  int // 1–12
	Entries []model.ChronoEntry
	Hidden  int // reports left out of the page (see MaxReportsPerDay)
}

// MaxReportsPerDay is how many reports from articles the chronology
// shows for one date before the rest fold away (MonthView.Days): a busy
// day of a big archive has hundreds, which would bury the editor's
// events.
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

	for _, e := range s.Chronology {
		if e.Kind == "report" {
			l.Reports = true
		}
		y := e.Date.Start.Year()
		if len(l.Years) == 0 || l.Years[len(l.Years)-1].Year != y {
			l.Years = append(l.Years, Year{Year: y})
		}
		yr := &l.Years[len(l.Years)-1]
		name, num := "", 0
		if e.Date.Precision != model.Year {
			name, num = e.Date.Start.Month().String(), int(e.Date.Start.Month()) // not Format: no allocation per entry
		}
		if len(yr.Months) == 0 || yr.Months[len(yr.Months)-1].Number != num {
			yr.Months = append(yr.Months, Month{Name: name, Number: num})
		}
		m := &yr.Months[len(yr.Months)-1]
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
	l.Archive = archive(s.Articles)
	size := s.Config.Paginate.OrDefault()
	l.Chronology = chronoGroups(l.Years, size.ChronologyYear)
	n := 0
	for _, g := range l.Chronology {
		n += g.n
	}
	l.ChronologyWhole = n <= size.Chronology
	return l
}

// plan lists every output file of the site, in a fixed order. global
// keys the caches of encoded parts of site-wide files; 0 turns them off.
// search, when not nil, is the search index of the last render, brought
// up to date. cat gives the feeds' words in the site's language.
// noExport leaves the data export out (Options.DeferExport).
func plan(s *model.Site, l *Lists, global uint64, search *searchCache, cat *catalog, noExport bool) []Job {
	cfg := s.Config
	jobs := make([]Job, 0, len(s.Articles)+2*(len(s.Events)+len(s.Actors))+24)
	pages := pagesOf(s, l)
	for i := range pages {
		jobs = append(jobs, Job{File: pages[i].File(), Kind: pages[i].kind.name, Page: &pages[i]})
	}
	for _, name := range dataNames {
		if noExport {
			break
		}
		jobs = append(jobs, Job{File: name, Kind: "data", big: true, feed: func(w Writer, r *rec) error { dataFile(w, r, s, name, global); return nil }})
	}

	// Files for feed readers, search engines and calendars. Per-item
	// feeds record what they read, like pages; the site-wide files are
	// made on every render from cached parts (see memo.go) and written
	// only when their bytes changed.
	jobs = append(jobs,
		Job{File: "feed.xml", Kind: "feed", Make: bytesOf(func() []byte { return siteFeed(s, cat) })},
		Job{File: "calendar.ics", Kind: "calendar", Make: bytesOf(func() []byte { return calendar(s) })},
		Job{File: "robots.txt", Kind: "robots", Make: bytesOf(func() []byte { return robots(cfg) })},
		Job{File: ".nojekyll", Kind: "pages", Make: bytesOf(func() []byte { return []byte{} })},
	)
	jobs = append(append(jobs, searchJobs(s, search, global)...), sitemapJobs(s)...)
	if cfg.CNAME != "" {
		jobs = append(jobs, Job{File: "CNAME", Kind: "pages", Make: bytesOf(func() []byte { return []byte(cfg.CNAME + "\n") })})
	}
	for _, p := range pages {
		if !p.kind.feed || p.pg.n > 1 {
			continue
		}
		switch {
		case p.term != nil:
			t, kind := p.term, p.kind.items
			jobs = append(jobs, Job{File: p.path + "feed.xml", Kind: "feed", feed: func(w Writer, r *rec) error {
				_, err := w.Write(termFeedFile(cfg, cat, kind, r.term(kind, t)))
				return err
			}})

		case p.event != nil:
			e := p.event
			jobs = append(jobs, Job{File: p.path + "feed.xml", Kind: "feed", feed: func(w Writer, r *rec) error { _, err := w.Write(eventFeedFile(cfg, cat, r.event(e))); return err }})
		case p.actor != nil && actorHasFeed(p.actor):
			x := p.actor
			jobs = append(jobs, Job{File: p.path + "feed.xml", Kind: "feed", feed: func(w Writer, r *rec) error { _, err := w.Write(actorFeedFile(cfg, cat, r.actor(x))); return err }})
		}
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

// sitemapDeps is the signature of the sitemap: what it shows of each
// item (its address and last update).
func sitemapDeps(sig *Sig, s *model.Site) {
	for _, p := range sitemapMore(s) {
		sig.Str(p.path)
		sig.Uint(uint64(p.mod.Unix()))
	}
	for _, a := range s.Articles {
		sig.Uint(a.MetaHash)
	}
	for _, e := range s.Events {
		sig.Uint(e.Hash)
		for _, a := range e.Articles {
			sig.Uint(a.MetaHash)
		}
		sig.Str("|")
	}
	for _, x := range s.Actors {
		sig.Uint(x.Hash)
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

// File is the output file of a page: "PATH/index.html", or the path
// itself for a page that names a file (404.html).
func (p *Page) File() string {
	if p.path == "" {
		return "index.html"
	}
	if p.path[len(p.path)-1] == '/' {
		return p.path + "index.html"
	}
	return p.path
}
