package render

import (
	"hash/maphash"
	"math"

	"github.com/briefhq/brief/builder/model"
)

// State is what an incremental render keeps of the renders before it:
// for every output file, the parts of items it read (see views.go) with
// the hash each part had, and a hash of the bytes written. A render that
// is given a State renders a page again only when one of those parts
// changed, an item it read is gone, or the site-wide signature changed;
// Commit makes a successful render the base of the next one.
//
// A State is not safe for concurrent use: one render at a time.
type State struct {
	ids    map[itemKey]uint32 // dense ids, stable across renders
	next   uint32
	global uint64
	pages  map[string]fileRec // by output file; nil until a commit

	// The articles of the last render, by linked object, with their ids
	// and the parts only their own file decides. The linked site keeps an
	// unchanged article's object from one build to the next and makes a
	// new one for an article that changed, and nothing changes those
	// parts of an object once linked: a render hashes only the articles
	// that are new to it, instead of every part of ten thousand.
	artID  map[*model.Article]uint32
	arts   map[*model.Article]*artParts
	serial uint32 // renders so far, to find the articles that left

	search searchCache // the last render's search index

	// wins holds each paginated page's window hash with the hash of its
	// whole list it was made from: a window is hashed again only when
	// its list changed (a few lists per edit, of thousands of pages).
	wins map[string]winMemo
}

// winMemo is a window's hash and what it was made from.
type winMemo struct {
	list   uint64 // the hash of the whole list
	lo, hi int
	h      uint64
}

// artParts are an article's id and the hashes of its own parts, as set
// in tables.hash.
type artParts struct {
	id                                uint32
	seen                              uint32 // the last render that had the article
	meta, text, facts, mentions, date uint64
}

// itemKey names an item across renders: its kind and slug.
type itemKey struct {
	kind byte
	slug string
}

// fileRec is what a render recorded of one output file.
type fileRec struct {
	deps     []dep
	recorded bool   // deps say what the file depends on; false: always made
	sum      uint64 // hash of the bytes written, 0 when not known (a file streamed without Verify)
}

// dep is one part of an item a file read, with its hash at the time.
type dep struct {
	key  uint32 // item id << partBits | part
	hash uint64
}

// partBits leaves room for eight parts per item.
const partBits = 3

// The site-wide lists templates can read, with fixed ids below the
// items'. A list's hash is the identities of its members, in order.
const (
	listArticles = iota + 1
	listEvents
	listActors
	listChronology
	listLatestEvents
	listLatestArticles
	listTopActors
	listYears
	listActorGroups
	listTags
	listPublishers
	listArchive
	listReports // whether the chronology has reports: every chronology page says so
	firstItemID
)

// NewState returns a State for a first render.
func NewState() *State {
	return &State{ids: map[itemKey]uint32{}, next: firstItemID,
		artID: map[*model.Article]uint32{}, arts: map[*model.Article]*artParts{}}
}

// Commit makes res the base of the next render. Call it once the render's
// output is in place.
func (st *State) Commit(res *Result) {
	if res.next == nil {
		return
	}
	st.global, st.pages = res.global, res.next
}

// Forget drops what the renders recorded, so that the next one makes
// every file (after a failed render, or when the output was lost).
func (st *State) Forget() { st.pages = nil }

func (st *State) intern(kind byte, slug string) uint32 {
	k := itemKey{kind, slug}
	if id, ok := st.ids[k]; ok {
		return id
	}
	id := st.next
	st.next++
	st.ids[k] = id
	return id
}

// tables are one render's ids of items and hashes of parts.
type tables struct {
	artID map[*model.Article]uint32 // the State's, current for this render
	evID  map[*model.Event]uint32
	acID  map[*model.Actor]uint32
	grpID map[string]uint32 // lists pages derive from the site, by path (see paging_views.go)
	winID map[string]uint32 // the share of its list each page of a paginated list shows, by path
	// hash holds each part's hash by key (id << partBits | part); 0 for
	// items this render does not have.
	hash []uint64
}

// partHash is a part's hash as tables keep it: mixed before the low bit
// is set, which marks a present part (counts stored as they are would
// lose it: 16 and 17 alike).
func partHash(h uint64) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(h)
	return sig.h | 1
}

// newTables gives every item of s its id and the hash of each part, and
// every page of a paginated list among jobs the hash of its window. An
// article's own parts come from the State's cache unless the article is
// new to it; what resolve linked (every item's links, the lists) is
// hashed again.
func (st *State) newTables(s *model.Site, l *Lists, jobs []Job) *tables {
	st.serial++
	t := &tables{
		artID: st.artID,
		evID:  make(map[*model.Event]uint32, len(s.Events)),
		acID:  make(map[*model.Actor]uint32, len(s.Actors)),
	}
	parts := make([]*artParts, len(s.Articles))
	for i, a := range s.Articles {
		p := st.arts[a]
		if p == nil {
			p = &artParts{id: st.intern('a', a.Slug), meta: partHash(articleMetaHash(a)), text: partHash(a.Hash),
				facts: partHash(articleFactsHash(a)), mentions: partHash(articleMentionsHash(a)), date: partHash(dateHash(a.Date))}
			st.arts[a] = p
			st.artID[a] = p.id
		}
		p.seen = st.serial
		parts[i] = p
	}
	if len(st.arts) > len(s.Articles) {
		for a, p := range st.arts {
			if p.seen != st.serial {
				delete(st.arts, a)
				delete(st.artID, a)
			}
		}
	}
	for _, e := range s.Events {
		t.evID[e] = st.intern('e', e.Slug)
	}
	for _, x := range s.Actors {
		t.acID[x] = st.intern('x', x.Slug)
	}
	t.grpID = st.internGroups(s, l)
	var paged []*Page
	t.winID = map[string]uint32{}
	for i := range jobs {
		if p := jobs[i].Page; p != nil && p.kind.paged != nil {
			paged = append(paged, p)
			t.winID[p.path] = st.intern('w', p.path)
		}
	}
	t.hash = make([]uint64, int(st.next)<<partBits)
	set := func(id uint32, part int, h uint64) { t.hash[id<<partBits|uint32(part)] = partHash(h) }
	// What resolve linked is hashed on every render, on all cores: the
	// links of the articles, those of the events and actors, the lists.
	parallel(3, func(task int) {
		switch task {
		case 0:
			for i, a := range s.Articles {
				p := parts[i]
				k := p.id << partBits
				t.hash[k|artMeta], t.hash[k|artText], t.hash[k|artFacts], t.hash[k|artNames], t.hash[k|artDate] = p.meta, p.text, p.facts, p.mentions, p.date
				set(p.id, artLinks, articleLinksHash(a))
			}
		case 1:
			for _, e := range s.Events {
				id := t.evID[e]
				set(id, evOwn, e.Hash)
				set(id, evPlace, actorIDs(e.PlaceActor))
				set(id, evActors, actorIDs(e.Actors...))
				set(id, evArticles, articleIDs(e.Articles))
				set(id, evRelated, eventIDs(e.Related...))
				set(id, evPrevNext, eventIDs(e.Prev, e.Next))
				set(id, evCount, uint64(len(e.Articles)))
			}
			for _, x := range s.Actors {
				id := t.acID[x]
				set(id, acOwn, x.Hash)
				set(id, acCountry, actorIDs(x.Country))
				set(id, acEvents, eventIDs(x.Events...))
				set(id, acArticles, mentionIDs(x.Articles))
				set(id, acMentions, uint64(x.Mentions))
				set(id, acCompanions, companionIDs(x.Companions))
				set(id, acQuotes, actorQuoteIDs(x.Quotes))
				set(id, acCount, uint64(len(x.Articles))<<32|uint64(len(x.Events)))
			}
		case 2:
			set(listArticles, 0, articleIDs(s.Articles))
			set(listEvents, 0, eventIDs(s.Events...))
			set(listActors, 0, actorIDs(s.Actors...))
			mh := monthHashes(l)
			set(listChronology, 0, chronoIDs(l, mh))
			set(listLatestEvents, 0, eventIDs(l.LatestEvents...))
			set(listLatestArticles, 0, articleIDs(l.LatestArticles))
			set(listTopActors, 0, actorIDs(l.TopActors...))
			set(listYears, 0, yearsIDs(l, mh))
			set(listActorGroups, 0, groupIDs(l.ActorGroups))
			reports := uint64(0)
			if l.Reports {
				reports = 1
			}
			set(listReports, 0, reports)
			setGroups(set, t.grpID, s, l, mh)
		}
	})
	wins := make(map[string]winMemo, len(paged))
	for _, p := range paged {
		list := t.hash[listKey(t, p)]
		m, ok := st.wins[p.path]
		if !ok || m.list != list || m.lo != p.pg.lo || m.hi != p.pg.hi || list == 0 {
			m = winMemo{list: list, lo: p.pg.lo, hi: p.pg.hi, h: windowHash(p)}
		}
		wins[p.path] = m
		set(t.winID[p.path], 0, m.h)
	}
	st.wins = wins
	return t
}

// listKey is the key in t.hash of the whole list a paginated page cuts.
func listKey(t *tables, p *Page) uint32 {
	switch {
	case p.actor != nil:
		return t.acID[p.actor]<<partBits | acArticles
	case p.term != nil:
		return t.grpID[itemPath(p.kind.items, p.term.Slug)]<<partBits | grpMembers
	case p.group != nil:
		return t.grpID[p.group.Path]<<partBits | grpMembers
	}
	return listEvents << partBits
}

// windowHash hashes what a page of a paginated list shows of it: the
// members on the page, in order, and the length of the list, which the
// page links to the others by. An article moved in a long list renders
// again the pages between its old place and its new one, not every page
// of the list.
func windowHash(p *Page) uint64 {
	pg := p.pg
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(pg.items))
	sig.Uint(uint64(pg.lo))
	sig.Uint(uint64(pg.hi))
	arts := func(as []*model.Article) {
		for _, a := range as[pg.lo:pg.hi] {
			sig.Str(a.Slug)
		}
	}
	switch {
	case p.actor != nil:
		for _, m := range p.actor.Articles[pg.lo:pg.hi] {
			sig.Str(m.Article.Slug)
			sig.Uint(uint64(m.Count))
		}
	case p.term != nil:
		arts(p.term.Articles)
	case p.group != nil && p.kind.items == 'm':
		arts(p.group.Articles)
	case p.group != nil:
		for _, m := range window(p.group.Months, pg.lo, pg.hi) {
			sig.Str(m.Name)
			sig.Uint(uint64(m.Number))
			sig.Uint(uint64(len(m.Entries)))
			for _, c := range m.Entries {
				chronoEntryID(&sig, c)
			}
		}
	default:
		for _, e := range p.site.Events[pg.lo:pg.hi] {
			sig.Str(e.Slug)
		}
	}
	return sig.h
}

// The part hashes. Identities are slugs: an item keeps its id, and so
// its pages, while its slug stays.

// articleMetaHash adds to MetaHash the fields of the front matter it
// leaves out.
func articleMetaHash(a *model.Article) uint64 {
	sig := Sig{h: a.MetaHash}
	sig.Str(a.File)
	sig.Str(a.Format)
	if a.Draft {
		sig.Uint(1)
	}
	for _, rs := range [][]model.Ref{a.EventRefs, a.ActorRefs} {
		sig.Uint(uint64(len(rs)))
		for _, r := range rs {
			sig.Str(r.Slug)
			sig.Uint(uint64(r.Line))
		}
	}
	return sig.h
}

// dateHash hashes a date with its precision.
func dateHash(d model.Date) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(d.Start.Unix()))
	sig.Uint(uint64(d.Precision))
	return sig.h
}

// articleMentionsHash hashes the actors the article names, with how
// often: a part of its own, as naming an actor once more changes the
// counts on the actor's pages but none of the facts pages show.
func articleMentionsHash(a *model.Article) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(a.Mentions)))
	for _, m := range a.Mentions {
		sig.Str(m.Actor)
		sig.Uint(uint64(m.Count))
	}
	return sig.h
}

// articleFactsHash adds to FactsHash where each fact stands in the text.
func articleFactsHash(a *model.Article) uint64 {
	sig := Sig{h: a.FactsHash}
	at := func(para, start, end int) { sig.Uint(uint64(para)<<42 ^ uint64(start)<<21 ^ uint64(end)) }
	sig.Uint(uint64(len(a.Quotes)))
	for _, q := range a.Quotes {
		at(q.Para, q.Start, q.End)
	}
	sig.Uint(uint64(len(a.Dates)))
	for _, d := range a.Dates {
		at(d.Para, d.Start, d.End)
	}
	sig.Uint(uint64(len(a.Figures)))
	for _, f := range a.Figures {
		at(f.Para, f.Start, f.End)
		sig.Uint(math.Float64bits(f.Value))
	}
	return sig.h
}

// articleLinksHash hashes what resolve linked the article to, the
// speakers of its quotes included.
func articleLinksHash(a *model.Article) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(eventIDs(a.Events...))
	sig.Uint(eventIDs(a.AutoEvents...))
	sig.Uint(actorIDs(a.Actors...))
	for _, q := range a.Quotes {
		sig.Uint(actorIDs(q.By))
	}
	return sig.h
}

func articleIDs(as []*model.Article) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(as)))
	for _, a := range as {
		sig.Str(a.Slug)
	}
	return sig.h
}

func eventIDs(es ...*model.Event) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(es)))
	for _, e := range es {
		if e == nil {
			sig.Uint(0)
		} else {
			sig.Str(e.Slug)
		}
	}
	return sig.h
}

func actorIDs(xs ...*model.Actor) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(xs)))
	for _, x := range xs {
		if x == nil {
			sig.Uint(0)
		} else {
			sig.Str(x.Slug)
		}
	}
	return sig.h
}

func mentionIDs(ms []model.ArticleMention) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(ms)))
	for _, m := range ms {
		sig.Str(m.Article.Slug)
		sig.Uint(uint64(m.Count))
	}
	return sig.h
}

func companionIDs(cs []model.Companion) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(cs)))
	for _, c := range cs {
		sig.Str(c.Actor.Slug)
		sig.Uint(uint64(c.Count))
	}
	return sig.h
}

// actorQuoteIDs names each quote by its article and place; its words
// belong to the article's facts.
func actorQuoteIDs(qs []model.ActorQuote) uint64 {
	sig := Sig{h: fnvOffset}
	sig.Uint(uint64(len(qs)))
	for _, q := range qs {
		sig.Str(q.Article.Slug)
		sig.Uint(actorIDs(q.Actor))
		sig.Uint(uint64(q.Para)<<32 ^ uint64(q.Start))
	}
	return sig.h
}

// monthHashes hashes the entries of each month of the chronology once,
// by the month's first entry: the chronology, its years and its pages
// are hashed from them, as they share the months' entries.
func monthHashes(l *Lists) map[*model.ChronoEntry]uint64 {
	out := map[*model.ChronoEntry]uint64{}
	for _, y := range l.Years {
		for _, m := range y.Months {
			if len(m.Entries) > 0 {
				sig := Sig{h: fnvOffset}
				for _, c := range m.Entries {
					chronoEntryID(&sig, c)
				}
				out[&m.Entries[0]] = sig.h
			}
		}
	}
	return out
}

// monthID adds the entries of m to sig.
func monthID(sig *Sig, m Month, mh map[*model.ChronoEntry]uint64) {
	sig.Uint(uint64(len(m.Entries)))
	if h, ok := mh[firstEntry(m)]; ok {
		sig.Uint(h)
		return
	}
	for _, c := range m.Entries {
		chronoEntryID(sig, c)
	}
}

func firstEntry(m Month) *model.ChronoEntry {
	if len(m.Entries) == 0 {
		return nil
	}
	return &m.Entries[0]
}

// chronoIDs hashes the chronology, every entry of which is in one month
// of one year.
func chronoIDs(l *Lists, mh map[*model.ChronoEntry]uint64) uint64 {
	sig := Sig{h: fnvOffset}
	for _, y := range l.Years {
		sig.Uint(uint64(y.Year))
		for _, m := range y.Months {
			monthID(&sig, m, mh)
		}
	}
	return sig.h
}

func chronoEntryID(sig *Sig, c model.ChronoEntry) {
	sig.Str(c.Kind)
	switch {
	case c.Event != nil:
		sig.Str(c.Event.Slug)
	case c.Article != nil:
		sig.Str(c.Article.Slug)
		sig.Uint(uint64(c.N))
	}
	// Which articles report it, and whether it is still to come, are
	// the chronology's, not its first article's.
	if c.Expected {
		sig.Uint(1)
	}
	sig.Uint(uint64(len(c.Sources)))
	for _, s := range c.Sources {
		sig.Str(s.Article.Slug)
		sig.Uint(uint64(s.N))
	}
}

// yearsIDs hashes the chronology page's structure: years, months, which
// entries each shows and how many it hides.
func yearsIDs(l *Lists, mh map[*model.ChronoEntry]uint64) uint64 {
	sig := Sig{h: fnvOffset}
	if l.Reports {
		sig.Uint(1)
	}
	for _, y := range l.Years {
		sig.Uint(uint64(y.Year))
		for _, m := range y.Months {
			sig.Str(m.Name)
			sig.Uint(uint64(m.Hidden))
			monthID(&sig, m, mh)
		}
	}
	return sig.h
}

func groupIDs(gs []ActorGroup) uint64 {
	sig := Sig{h: fnvOffset}
	for _, g := range gs {
		sig.Str(g.Kind)
		sig.Uint(actorIDs(g.Actors...))
	}
	return sig.h
}

// rec records what one file reads. A nil rec records nothing: one-shot
// builds, and files that depend on the whole site.
type rec struct {
	t      *tables
	seen   []uint32 // seen[key] == serial: key recorded for this file
	serial uint32
	keys   []uint32
}

func newRec(t *tables) *rec {
	return &rec{t: t, seen: make([]uint32, len(t.hash))}
}

// reset starts recording a new file.
func (r *rec) reset() {
	r.serial++
	r.keys = r.keys[:0]
}

func (r *rec) mark(id uint32, part int) {
	if r == nil {
		return
	}
	k := id<<partBits | uint32(part)
	if int(k) >= len(r.seen) || r.seen[k] == r.serial {
		return
	}
	r.seen[k] = r.serial
	r.keys = append(r.keys, k)
}

func (r *rec) list(id uint32) { r.mark(id, 0) }

// deps returns what the file read, with the hashes seen.
func (r *rec) deps() []dep {
	out := make([]dep, len(r.keys))
	for i, k := range r.keys {
		out[i] = dep{k, r.t.hash[k]}
	}
	return out
}

// unchanged reports whether every part f read has the hash it had.
func (t *tables) unchanged(f fileRec) bool {
	for _, d := range f.deps {
		// 0 marks an item this render lacks (or never had an id).
		if int(d.key) >= len(t.hash) || t.hash[d.key] != d.hash || d.hash == 0 {
			return false
		}
	}
	return true
}

// sumOf hashes a file's bytes.
func sumOf(b []byte) uint64 { return maphash.Bytes(strSeed, b) | 1 }
