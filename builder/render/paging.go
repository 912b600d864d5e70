package render

import (
	"slices"
	"strconv"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// Lists that grow with the site are cut into pages, as Hugo does: page
// one at the list's own address (PATH/), the others at PATH/page/2/,
// PATH/page/3/, …, so that every page stays small at 100,000 articles
// and page one keeps the address the list always had. A kind of page
// whose list grows says so in pageKinds (paged); the plan gives each of
// its pages a pager, and templates read the page's share of the list
// through PageEvents, PageArticles, PageMentions or PageMonths.

// pager is where a page stands in its list.
type pager struct {
	base     string // site path of page one
	n, total int    // this page's number, from 1, and how many there are
	lo, hi   int    // the items of the list this page shows: [lo, hi)
	items    int    // the length of the list
}

// pagePath is the site path of page n of the list at base.
func pagePath(base string, n int) string {
	if n <= 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(n) + "/"
}

// paginate cuts a list of n items into pages of size: one page (empty)
// for an empty list.
func paginate(base string, n, size int) []pager {
	size = max(size, 1)
	total := max(1, (n+size-1)/size)
	out := make([]pager, total)
	for i := range out {
		out[i] = pager{base: base, n: i + 1, total: total, lo: i * size, hi: min(n, (i+1)*size), items: n}
	}
	return out
}

// pagesOf lists every page of the site, in the order of pageKinds: the
// plan's pages, and the sitemap's.
func pagesOf(s *model.Site, l *Lists) []Page {
	// One allocation for most sites' pages: a plan is made on every
	// rebuild.
	pages := make([]Page, 0, len(s.Articles)+len(s.Events)+len(s.Actors)+len(s.Tags)+len(s.Publishers)+len(pageKinds))
	page := func(p Page) {
		p.site, p.lists = s, l
		if p.kind.paged == nil {
			pages = append(pages, p)
			return
		}
		pages = pagesOfList(pages, p)
	}
	for i := range pageKinds {
		k := &pageKinds[i]
		switch k.items {
		case 0:
			page(Page{kind: k, path: k.path})
		case 'a':
			for _, a := range s.Articles {
				page(Page{kind: k, path: k.path + a.Slug + "/", article: a})
			}
		case 'e':
			for _, e := range s.Events {
				page(Page{kind: k, path: k.path + e.Slug + "/", event: e})
			}
		case 'x':
			for _, x := range s.Actors {
				page(Page{kind: k, path: k.path + x.Slug + "/", actor: x})
			}
		case 't', 'p':
			ts := s.Tags
			if k.items == 'p' {
				ts = s.Publishers
			}
			for _, t := range ts {
				page(Page{kind: k, path: k.path + t.Slug + "/", term: t})
			}
		case 'm':
			for _, y := range l.Archive {
				for _, g := range y.Months {
					page(Page{kind: k, path: g.Path, group: g})
				}
			}
		case 'y':
			for _, g := range l.Chronology {
				page(Page{kind: k, path: g.Path, group: g})
			}
		}
	}
	return pages
}

// pagesOfList appends to pages the pages of the paginated list p heads.
// It is apart from pagesOf's loop because the kind's paged function
// takes the page's address, which would move every page the loop makes
// to the heap, paginated or not: 5 MB per rebuild at 10,000 articles.
func pagesOfList(pages []Page, p Page) []Page {
	n, size := p.kind.paged(&p)
	for _, pg := range paginate(p.path, n, size) {
		q := p
		q.pg, q.path = pg, pagePath(pg.base, pg.n)
		pages = append(pages, q)
	}
	return pages
}

// sitemapPage is a page the sitemap lists, with the date it last
// changed: zero when the site did.
type sitemapPage struct {
	path string
	mod  time.Time
}

// sitemapMore are the public pages the sitemap lists after the single
// pages and those of articles, events and actors: the further pages of
// paginated lists, the tags, publishers, months of the archive and years
// and months of the chronology.
func sitemapMore(s *model.Site) []sitemapPage {
	var out []sitemapPage
	for _, p := range pagesOf(s, lists(s)) {
		if !p.kind.public || p.pg.n <= 1 && (p.kind.items == 0 || p.kind.items == 'a' || p.kind.items == 'e' || p.kind.items == 'x') {
			continue
		}
		var mod time.Time
		switch {
		case p.actor != nil:
			mod = actorUpdated(p.actor)
		case p.term != nil:
			mod = latestUpdate(p.term.Articles)
		case p.group != nil:
			mod = latestUpdate(p.group.Articles)
		}
		out = append(out, sitemapPage{p.path, mod})
	}
	return out
}

func latestUpdate(as []*model.Article) time.Time {
	var t time.Time
	for _, a := range as {
		if u := articleUpdated(a); u.After(t) {
			t = u
		}
	}
	return t
}

// Pager is a page's place in its list, as templates see it.
type Pager struct {
	Number, Total int
	// First, Prev, Next and Last are site paths; Prev and Next are ""
	// at the ends.
	First, Prev, Next, Last string
	// Links are the pages to offer: the first, the last, and two on
	// each side of this one, with a gap (Number 0) for those left out,
	// so that the list stays short at a thousand pages.
	Links []PageLink
}

// PageLink is one page of a list, or a gap when Number is 0.
type PageLink struct {
	Number  int
	Path    string
	Current bool
}

// pagerNear is how many pages on each side of the current one the page
// list offers.
const pagerNear = 2

func (pg pager) view() *Pager {
	v := &Pager{Number: pg.n, Total: pg.total, First: pg.base, Last: pagePath(pg.base, pg.total)}
	if pg.n > 1 {
		v.Prev = pagePath(pg.base, pg.n-1)
	}
	if pg.n < pg.total {
		v.Next = pagePath(pg.base, pg.n+1)
	}
	last := 0
	for i := 1; i <= pg.total; i++ {
		if i != 1 && i != pg.total && (i < pg.n-pagerNear || i > pg.n+pagerNear) {
			continue
		}
		switch {
		case i == last+2:
			// One page left out: offering it is shorter than a gap.
			v.Links = append(v.Links, PageLink{Number: last + 1, Path: pagePath(pg.base, last+1)})
		case i > last+2:
			v.Links = append(v.Links, PageLink{})
		}
		v.Links = append(v.Links, PageLink{Number: i, Path: pagePath(pg.base, i), Current: i == pg.n})
		last = i
	}
	return v
}

// Group is a year or month of the chronology, or a month of the articles
// archive: a list with pages of its own.
type Group struct {
	Path  string // site path of its first page: "chronology/2022/", "articles/2022/02/"
	Title string // "2022", "February 2022"
	Year  int
	Month int // 1–12; 0 for a year
	// Articles are an archive month's articles, by date.
	Articles []*model.Article
	// Months are a chronology page's entries by month: every month of a
	// year, one for a month's page, and for a year split into months
	// only the entries known to the year alone.
	Months []Month
	// Parts are the month pages of a year split into months.
	Parts []*Group
	n     int // entries in Months
}

// Count is how many articles or chronology entries the group lists,
// those of its parts included.
func (g *Group) Count() int {
	n := g.n + len(g.Articles)
	for _, p := range g.Parts {
		n += p.Count()
	}
	return n
}

// ArchiveYear is a year of the articles archive.
type ArchiveYear struct {
	Year   int
	Months []*Group
}

// archive groups the articles by month, in the order of the months; each
// month's articles keep their order (by date, in a resolved site).
func archive(as []*model.Article) []ArchiveYear {
	byMonth := map[int]*Group{}
	var keys []int
	for _, a := range as {
		t := a.Date.Start
		k := t.Year()*12 + int(t.Month()) - 1
		g := byMonth[k]
		if g == nil {
			g = &Group{Path: "articles/" + strconv.Itoa(t.Year()) + "/" + twoDigits(int(t.Month())) + "/",
				Title: t.Month().String() + " " + strconv.Itoa(t.Year()), Year: t.Year(), Month: int(t.Month())}
			byMonth[k] = g
			keys = append(keys, k)
		}
		g.Articles = append(g.Articles, a)
	}
	slices.Sort(keys)
	var out []ArchiveYear
	for _, k := range keys {
		g := byMonth[k]
		if len(out) == 0 || out[len(out)-1].Year != g.Year {
			out = append(out, ArchiveYear{Year: g.Year})
		}
		y := &out[len(out)-1]
		y.Months = append(y.Months, g)
	}
	return out
}

// chronoGroups gives each year of the chronology its pages: the year's
// own, and for a year of more than split entries one per month, the
// year's page then listing the months and the entries known only to
// the year.
func chronoGroups(years []Year, split int) []*Group {
	var out []*Group
	for _, y := range years {
		g := &Group{Path: "chronology/" + strconv.Itoa(y.Year) + "/", Title: strconv.Itoa(y.Year), Year: y.Year}
		n := 0
		for _, m := range y.Months {
			n += len(m.Entries)
		}
		out = append(out, g)
		if n <= split {
			g.Months, g.n = y.Months, n
			continue
		}
		for _, m := range y.Months {
			if m.Number == 0 {
				g.Months, g.n = append(g.Months, m), g.n+len(m.Entries)
				continue
			}
			p := &Group{Path: g.Path + twoDigits(m.Number) + "/", Title: m.Name + " " + g.Title, Year: y.Year, Month: m.Number,
				Months: []Month{m}, n: len(m.Entries)}
			g.Parts = append(g.Parts, p)
			out = append(out, p)
		}
	}
	return out
}

// window returns the months of ms holding entries [lo, hi) of their
// concatenation, each cut to them.
func window(ms []Month, lo, hi int) []Month {
	var out []Month
	at := 0
	for _, m := range ms {
		from, to := max(lo-at, 0), min(hi-at, len(m.Entries))
		at += len(m.Entries)
		if from >= to {
			continue
		}
		c := m
		c.Entries = m.Entries[from:to]
		out = append(out, c)
	}
	return out
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
