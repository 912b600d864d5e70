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
}

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
		y := e.Date.Start.Year()
		if len(l.Years) == 0 || l.Years[len(l.Years)-1].Year != y {
			l.Years = append(l.Years, Year{Year: y})
		}
		yr := &l.Years[len(l.Years)-1]
		name := ""
		if e.Date.Precision != model.Year {
			name = e.Date.Start.Format("January")
		}
		if len(yr.Months) == 0 || yr.Months[len(yr.Months)-1].Name != name {
			yr.Months = append(yr.Months, Month{Name: name})
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
	return l
}

// Plan lists every page of the site, in a fixed order.
func Plan(s *model.Site) []Page {
	l := lists(s)
	cfg := s.Config
	pages := make([]Page, 0, len(s.Articles)+len(s.Events)+len(s.Actors)+6)
	add := func(p Page) {
		p.Site, p.Lists = s, l
		pages = append(pages, p)
	}
	add(Page{Kind: "home", Path: "", Title: cfg.Title, Description: cfg.Description})
	add(Page{Kind: "events", Path: "events/", Title: "Events"})
	add(Page{Kind: "actors", Path: "actors/", Title: "Actors"})
	add(Page{Kind: "chronology", Path: "chronology/", Title: "Chronology"})
	add(Page{Kind: "404", Path: "404.html", Title: "Page not found"})
	for _, a := range s.Articles {
		add(Page{Kind: "article", Path: "articles/" + a.Slug + "/", Title: a.Title, Description: a.Summary, Article: a})
	}
	for _, e := range s.Events {
		add(Page{Kind: "event", Path: "events/" + e.Slug + "/", Title: e.Title, Description: e.Summary, Event: e})
	}
	for _, a := range s.Actors {
		desc := a.Summary
		if desc == "" {
			desc = a.Role
		}
		add(Page{Kind: "actor", Path: "actors/" + a.Slug + "/", Title: a.Name, Description: desc, Actor: a})
	}
	return pages
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
