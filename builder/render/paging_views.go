package render

import (
	"strconv"

	"github.com/briefhq/brief/builder/model"
)

// What pages of paginated lists, tags, publishers and the archive read,
// and how it is recorded. A tag's or publisher's members, an archive
// month's articles and a chronology page's entries are each a list of
// its own (a "group", by the path of its page), so that an article added
// renders again the pages whose lists it joins, not every list page.

// internGroups gives an id to each group of the site.
func (st *State) internGroups(s *model.Site, l *Lists) map[string]uint32 {
	ids := map[string]uint32{}
	add := func(path string) { ids[path] = st.intern('g', path) }
	for _, t := range s.Tags {
		add(itemPath('t', t.Slug))
	}
	for _, t := range s.Publishers {
		add(itemPath('p', t.Slug))
	}
	for _, y := range l.Archive {
		for _, g := range y.Months {
			add(g.Path)
		}
	}
	for _, g := range l.Chronology {
		add(g.Path)
	}
	return ids
}

// setGroups hashes each group's members and head, and the lists of
// groups the index pages show.
func setGroups(set func(id uint32, part int, h uint64), ids map[string]uint32, s *model.Site, l *Lists, mh map[*model.ChronoEntry]uint64) {
	terms := func(items byte, ts []*model.Term) uint64 {
		all := Sig{h: fnvOffset}
		for _, t := range ts {
			head := Sig{h: fnvOffset}
			head.Str(t.Name)
			head.Uint(uint64(len(t.Articles)))
			id := ids[itemPath(items, t.Slug)]
			set(id, grpMembers, articleIDs(t.Articles))
			set(id, grpHead, head.h)
			all.Str(t.Slug)
			all.Str(t.Name)
			all.Uint(uint64(len(t.Articles)))
		}
		return all.h
	}
	set(listTags, 0, terms('t', s.Tags))
	set(listPublishers, 0, terms('p', s.Publishers))
	all := Sig{h: fnvOffset}
	for _, y := range l.Archive {
		for _, g := range y.Months {
			set(ids[g.Path], grpMembers, articleIDs(g.Articles))
			set(ids[g.Path], grpHead, uint64(len(g.Articles)))
			all.Str(g.Path)
			all.Uint(uint64(len(g.Articles)))
		}
	}
	set(listArchive, 0, all.h)
	for _, g := range l.Chronology {
		sig := Sig{h: fnvOffset}
		for _, m := range g.Months {
			sig.Uint(uint64(m.Number))
			monthID(&sig, m, mh)
		}
		head := Sig{h: fnvOffset}
		head.Uint(uint64(g.Count()))
		for _, p := range g.Parts {
			head.Str(p.Path)
			head.Uint(uint64(p.Count()))
		}
		set(ids[g.Path], grpMembers, sig.h)
		set(ids[g.Path], grpHead, head.h)
	}
}

// Parts of a group.
const (
	grpMembers = iota // its members, in order
	grpHead           // what its page's header says: name, count, parts
)

// group records that the page read the members of the group at path.
func (r *rec) group(path string) { r.groupPart(path, grpMembers) }

func (r *rec) groupPart(path string, part int) {
	if r != nil {
		r.mark(r.t.grpID[path], part)
	}
}

// window records that the page read its share of its paginated list,
// if it is a page of one.
func (r *rec) window(p *Page) {
	if r == nil {
		return
	}
	if id, ok := r.t.winID[p.path]; ok {
		r.list(id)
	}
}

// TermView is a tag or a publisher as templates see it.
type TermView struct {
	t     *model.Term
	items byte // 't' or 'p'
	r     *rec
}

func (r *rec) term(items byte, t *model.Term) TermView { return TermView{t: t, items: items, r: r} }

func (r *rec) terms(items byte, ts []*model.Term) []TermView {
	out := make([]TermView, len(ts))
	for i, t := range ts {
		out[i] = r.term(items, t)
	}
	return out
}

// Path is the site path of the term's page.
func (v TermView) Path() string { return itemPath(v.items, v.t.Slug) }

// FeedPath is the site path of the term's feed.
func (v TermView) FeedPath() string { return v.Path() + "feed.xml" }

// Name is the term as most of its articles write it.
func (v TermView) Name() string {
	v.r.groupPart(v.Path(), grpHead)
	return v.t.Name
}

// Slug is the term's slug.
func (v TermView) Slug() string { return v.t.Slug }

// Articles are the term's articles, by date.
func (v TermView) Articles() []ArticleView {
	v.r.group(v.Path())
	return v.r.articles(v.t.Articles)
}

// Count is how many articles the term has.
func (v TermView) Count() int {
	v.r.groupPart(v.Path(), grpHead)
	return len(v.t.Articles)
}

// Tags are the tags of the articles, by slug.
func (v SiteView) Tags() []TermView {
	v.r.list(listTags)
	return v.r.terms('t', v.s.Tags)
}

// Publishers are the publishers of the articles, by slug.
func (v SiteView) Publishers() []TermView {
	v.r.list(listPublishers)
	return v.r.terms('p', v.s.Publishers)
}

// TagPath is the site path of the page of the tag name, "" when no
// article has it.
func (v SiteView) TagPath(name string) string { return termPath(v, 't', v.s.Tags, name) }

// PublisherPath is the site path of the page of the publisher name, ""
// when no article has it.
func (v SiteView) PublisherPath(name string) string {
	return termPath(v, 'p', v.s.Publishers, name)
}

// termPath finds a term by name. Linear, and read by article pages only
// for their few tags: a map per render would cost more than it saves.
func termPath(v SiteView, items byte, ts []*model.Term, name string) string {
	v.r.list(map[byte]uint32{'t': listTags, 'p': listPublishers}[items])
	k := model.TermKey(name)
	for _, t := range ts {
		if model.TermKey(t.Name) == k {
			return itemPath(items, t.Slug)
		}
	}
	return ""
}

// GroupView is a year or month of the chronology, or a month of the
// articles archive, as index pages list it.
type GroupView struct {
	g *Group
	r *rec
}

// Path is the site path of the group's first page.
func (v GroupView) Path() string { return v.g.Path }

// Title is "2022" or "February 2022".
func (v GroupView) Title() string { return v.g.Title }

// Year is the group's year.
func (v GroupView) Year() int { return v.g.Year }

// Month is the group's month, 1–12; 0 for a year.
func (v GroupView) Month() int { return v.g.Month }

// Count is how many articles or entries the group lists.
func (v GroupView) Count() int {
	v.r.groupPart(v.g.Path, grpHead)
	return v.g.Count()
}

// Parts are the month pages of a year of the chronology split into
// months.
func (v GroupView) Parts() []GroupView {
	v.r.groupPart(v.g.Path, grpHead)
	return v.r.groups(v.g.Parts)
}

func (r *rec) groups(gs []*Group) []GroupView {
	out := make([]GroupView, len(gs))
	for i, g := range gs {
		out[i] = GroupView{g: g, r: r}
	}
	return out
}

// ArchiveYearView is a year of the articles archive.
type ArchiveYearView struct {
	y *ArchiveYear
	r *rec
}

// Year is the year.
func (v ArchiveYearView) Year() int { return v.y.Year }

// Months are the year's months that have articles.
func (v ArchiveYearView) Months() []GroupView { return v.r.groups(v.y.Months) }

// Count is how many articles the year has.
func (v ArchiveYearView) Count() int {
	n := 0
	for _, g := range v.y.Months {
		n += len(g.Articles)
	}
	return n
}

// Archive is the articles archive by year and month.
func (v ListsView) Archive() []ArchiveYearView {
	v.r.list(listArchive)
	out := make([]ArchiveYearView, len(v.l.Archive))
	for i := range v.l.Archive {
		out[i] = ArchiveYearView{y: &v.l.Archive[i], r: v.r}
	}
	return out
}

// Chronology is the pages of the chronology: each year, and each month
// of a year split into months.
func (v ListsView) Chronology() []GroupView {
	v.r.list(listYears)
	return v.r.groups(v.l.Chronology)
}

// ChronologyYears are the years of the chronology, each with its page.
func (v ListsView) ChronologyYears() []GroupView {
	v.r.list(listYears)
	var out []GroupView
	for _, g := range v.l.Chronology {
		if g.Month == 0 {
			out = append(out, GroupView{g: g, r: v.r})
		}
	}
	return out
}

// ChronologyWhole reports that the chronology page holds every entry.
func (v ListsView) ChronologyWhole() bool {
	v.r.list(listYears)
	return v.l.ChronologyWhole
}

// Number is the month, 1–12; 0 for entries known only to the year.
func (v MonthView) Number() int { return v.m.Number }

// Pager is the page's place in its paginated list, nil when the list
// fits one page.
func (p *Page) Pager() *Pager {
	p.r.window(p)
	if p.pg.total <= 1 {
		return nil
	}
	return p.pg.view()
}

// Listed is the length of the list a page of a paginated kind cuts (an
// actor's coverage, a tag's articles), on each of its pages, the first
// included; 0 on other pages. It records the page's window, not the
// list: a page that counts the list renders again when the count
// changes, not when the list's order does.
func (p *Page) Listed() int {
	p.r.window(p)
	return p.pg.items
}

// PageOf is "page N of M" on a page of a list cut into pages, "" on
// others.
func (p *Page) PageOf() string {
	p.r.window(p)
	if p.pg.total <= 1 {
		return ""
	}
	return "page " + strconv.Itoa(p.pg.n) + " of " + strconv.Itoa(p.pg.total)
}

// Term is the tag or publisher of its page, nil on other pages.
func (p *Page) Term() *TermView {
	if p.term == nil {
		return nil
	}
	v := p.r.term(p.kind.items, p.term)
	return &v
}

// Group is the year or month of a chronology or archive page, nil on
// other pages.
func (p *Page) Group() *GroupView {
	if p.group == nil {
		return nil
	}
	return &GroupView{g: p.group, r: p.r}
}

// PageEvents are the events of the events index this page shows.
func (p *Page) PageEvents() []EventView {
	p.r.window(p)
	return p.r.events(p.site.Events[p.pg.lo:p.pg.hi])
}

// PageMentions are the articles naming the actor this page shows.
func (p *Page) PageMentions() []ArticleMentionView {
	if p.actor == nil {
		return nil
	}
	p.r.window(p)
	ms := p.actor.Articles[p.pg.lo:p.pg.hi]
	out := make([]ArticleMentionView, len(ms))
	for i, m := range ms {
		out[i] = p.r.mention(m)
	}
	return out
}

// PageArticles are the articles of the tag, publisher or archive month
// this page shows.
func (p *Page) PageArticles() []ArticleView {
	switch {
	case p.term != nil:
		p.r.window(p)
		return p.r.articles(p.term.Articles[p.pg.lo:p.pg.hi])
	case p.group != nil:
		p.r.window(p)
		return p.r.articles(p.group.Articles[p.pg.lo:p.pg.hi])
	}
	return nil
}

// PageMonths are the chronology entries this page shows, by month.
func (p *Page) PageMonths() []MonthView {
	if p.group == nil {
		return nil
	}
	p.r.window(p)
	ms := window(p.group.Months, p.pg.lo, p.pg.hi)
	out := make([]MonthView, len(ms))
	for i := range ms {
		out[i] = MonthView{m: &ms[i], r: p.r}
	}
	return out
}
