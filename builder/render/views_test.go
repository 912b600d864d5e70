package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// viewOf pairs each model type templates can reach with its view.
var viewOf = map[reflect.Type]reflect.Type{
	reflect.TypeFor[model.Article]():        reflect.TypeFor[ArticleView](),
	reflect.TypeFor[model.Event]():          reflect.TypeFor[EventView](),
	reflect.TypeFor[model.Actor]():          reflect.TypeFor[ActorView](),
	reflect.TypeFor[model.Quote]():          reflect.TypeFor[QuoteView](),
	reflect.TypeFor[model.ActorQuote]():     reflect.TypeFor[ActorQuoteView](),
	reflect.TypeFor[model.ArticleMention](): reflect.TypeFor[ArticleMentionView](),
	reflect.TypeFor[model.Companion]():      reflect.TypeFor[CompanionView](),
	reflect.TypeFor[model.Statement]():      reflect.TypeFor[StatementView](),
	reflect.TypeFor[model.ArticleFigure]():  reflect.TypeFor[ArticleFigureView](),
	reflect.TypeFor[model.ChronoEntry]():    reflect.TypeFor[ChronoEntryView](),
	reflect.TypeFor[model.Term]():           reflect.TypeFor[TermView](),
	reflect.TypeFor[model.ChronoSource]():   reflect.TypeFor[ChronoSourceView](),
	reflect.TypeFor[model.ChronoDay]():      reflect.TypeFor[ChronoDayView](),
	reflect.TypeFor[model.FigureGroup]():    reflect.TypeFor[FigureGroupView](),
	reflect.TypeFor[model.FigureSource]():   reflect.TypeFor[FigureSourceView](),
	reflect.TypeFor[model.RankedQuote]():    reflect.TypeFor[RankedQuoteView](),
	reflect.TypeFor[model.CoverageDay]():    reflect.TypeFor[CoverageDayView](),
	reflect.TypeFor[model.Site]():           reflect.TypeFor[SiteView](),
	reflect.TypeFor[Lists]():                reflect.TypeFor[ListsView](),
	reflect.TypeFor[Year]():                 reflect.TypeFor[YearView](),
	reflect.TypeFor[Month]():                reflect.TypeFor[MonthView](),
	reflect.TypeFor[ActorGroup]():           reflect.TypeFor[ActorGroupView](),
}

// mutators change an item; templates have no business calling them.
var mutators = map[string]bool{"SetHTML": true, "SetText": true, "SetBase": true, "Stash": true}

// Every field and method of a viewed model type has an accessor of the
// same name on its view, a method or an exported field: a field added
// to the model without one fails here, instead of leaving a page that
// reads it unrecorded.
func TestViewsComplete(t *testing.T) {
	for mt, vt := range viewOf {
		var names []string
		for _, f := range reflect.VisibleFields(mt) {
			if f.IsExported() {
				names = append(names, f.Name)
			}
		}
		pt := reflect.PointerTo(mt)
		for i := 0; i < pt.NumMethod(); i++ {
			if m := pt.Method(i); !mutators[m.Name] {
				names = append(names, m.Name)
			}
		}
		for _, n := range names {
			if !hasAccessor(vt, n) {
				t.Errorf("%s has no accessor %s for %s.%s", vt.Name(), n, mt.Name(), n)
			}
		}
	}
	// Page: the documented fields.
	for _, n := range []string{"Kind", "Path", "Title", "Description", "Site", "Article", "Event", "Actor", "Lists"} {
		if _, ok := reflect.TypeFor[*Page]().MethodByName(n); !ok {
			t.Errorf("Page has no %s", n)
		}
	}
}

// hasAccessor reports whether templates can read n on a value of vt.
func hasAccessor(vt reflect.Type, n string) bool {
	if _, ok := vt.MethodByName(n); ok {
		return true
	}
	f, ok := vt.FieldByName(n)
	return ok && f.IsExported()
}

// Nothing a view hands out leads to an item except through another view:
// a model value with an item inside (a new pointer field on Figure, say)
// would let a template read the item unrecorded.
func TestViewsLeakNoItems(t *testing.T) {
	views := map[reflect.Type]bool{reflect.TypeFor[*Page](): true}
	for _, vt := range viewOf {
		views[vt] = true
	}
	items := map[reflect.Type]bool{}
	for mt := range viewOf {
		items[mt] = true
	}
	for vt := range views {
		if vt.Kind() == reflect.Struct {
			for _, f := range reflect.VisibleFields(vt) {
				if !f.IsExported() {
					continue
				}
				if path := leak(f.Type, views, items, map[reflect.Type]bool{}); path != "" {
					t.Errorf("%s.%s holds %s", vt, f.Name, path)
				}
			}
		}
		for i := 0; i < vt.NumMethod(); i++ {
			m := vt.Method(i)
			for o := 0; o < m.Type.NumOut(); o++ {
				if path := leak(m.Type.Out(o), views, items, map[reflect.Type]bool{}); path != "" {
					t.Errorf("%s.%s hands out %s", vt, m.Name, path)
				}
			}
		}
	}
}

// leak returns how t reaches a viewed model type other than through a
// view, or "".
func leak(t reflect.Type, views, items, seen map[reflect.Type]bool) string {
	if views[t] || seen[t] {
		return ""
	}
	seen[t] = true
	if items[t] {
		return t.String()
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array:
		if p := leak(t.Elem(), views, items, seen); p != "" {
			return t.String() + " → " + p
		}
	case reflect.Map:
		if p := leak(t.Elem(), views, items, seen); p != "" {
			return t.String() + " → " + p
		}
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			if p := leak(f.Type, views, items, seen); p != "" {
				return t.String() + "." + f.Name + " → " + p
			}
		}
	}
	return ""
}

// An accessor records its item's part; reaching an item through a value
// (a quote's article, a companion) records that item.
func TestViewsRecord(t *testing.T) {
	x := &model.Actor{Source: model.Source{Slug: "x"}, Name: "X"}
	y := &model.Actor{Source: model.Source{Slug: "y"}, Name: "Y"}
	a := &model.Article{Source: model.Source{Slug: "a"}, Title: "A", WordCount: 3, Quotes: []model.Quote{{Text: "q", By: x}}}
	x.Quotes = []model.ActorQuote{{Quote: a.Quotes[0], Article: a, Actor: x}}
	x.Companions = []model.Companion{{Actor: y, Count: 1}}
	x.Articles = []model.ArticleMention{{Article: a, Count: 1}}
	e := &model.Event{Source: model.Source{Slug: "e"}, Title: "E", Articles: []*model.Article{a}}
	s := &model.Site{Articles: []*model.Article{a}, Events: []*model.Event{e}, Actors: []*model.Actor{x, y}}
	st := NewState()
	tabs := st.newTables(s, lists(s), nil)
	r := newRec(tabs)
	key := func(id uint32, part int) uint32 { return id<<partBits | uint32(part) }
	for _, c := range []struct {
		name string
		read func()
		want []uint32
	}{
		// A view records its item's fields when it is made.
		{"title", func() { _ = r.article(a).Title }, []uint32{key(tabs.artID[a], artMeta)}},
		{"listed", func() { r.articles(s.Articles) }, []uint32{key(tabs.artID[a], artMeta)}},
		{"word count", func() { r.article(a).WordCount() }, []uint32{key(tabs.artID[a], artMeta), key(tabs.artID[a], artText)}},
		{"quote by", func() { _ = r.article(a).Quotes()[0].By().Name }, []uint32{key(tabs.artID[a], artMeta), key(tabs.artID[a], artFacts), key(tabs.artID[a], artLinks), key(tabs.acID[x], acOwn)}},
		{"actor quote article", func() { r.actor(x).Quotes()[0].Article().WordCount() }, []uint32{key(tabs.acID[x], acOwn), key(tabs.acID[x], acQuotes), key(tabs.artID[a], artMeta), key(tabs.artID[a], artText)}},
		{"companion", func() { _ = r.actor(x).Companions()[0].Actor().Name }, []uint32{key(tabs.acID[x], acOwn), key(tabs.acID[x], acCompanions), key(tabs.acID[y], acOwn)}},
		{"twice once", func() { _ = r.article(a).Title; _ = r.article(a).Slug }, []uint32{key(tabs.artID[a], artMeta)}},
		// What a digest reads of its articles is their facts and links:
		// an edit of an article's title leaves the event's quotes alone.
		{"digest", func() { r.event(e).KeyQuotes() }, []uint32{key(tabs.evID[e], evOwn), key(tabs.evID[e], evArticles), key(tabs.evID[e], evActors), key(tabs.artID[a], artFacts), key(tabs.artID[a], artLinks)}},
		// A ranked quote cites its article wherever it is shown.
		{"own words", func() { _ = r.actor(x).OwnWords()[0].Text }, []uint32{key(tabs.acID[x], acOwn), key(tabs.acID[x], acQuotes), key(tabs.artID[a], artFacts), key(tabs.artID[a], artMeta)}},
		// Whether an actor has a feed depends on the lengths of its
		// lists, not on what their articles say: every page of a
		// profile asks.
		{"has feed", func() { r.actor(x).HasFeed() }, []uint32{key(tabs.acID[x], acOwn), key(tabs.acID[x], acCount)}},
		{"has no feed", func() { r.actor(y).HasFeed() }, []uint32{key(tabs.acID[y], acOwn), key(tabs.acID[y], acCount)}},
	} {
		r.reset()
		c.read()
		if !reflect.DeepEqual(r.keys, c.want) {
			t.Errorf("%s: recorded %v, want %v", c.name, r.keys, c.want)
		}
		for _, d := range r.deps() {
			if d.hash == 0 {
				t.Errorf("%s: part %d has no hash", c.name, d.key)
			}
		}
	}
}

// first takes the first elements of any slice, views included.
func TestFirstAnySlice(t *testing.T) {
	vs := []ActorView{{}, {}, {}}
	if got := first(2, vs).([]ActorView); len(got) != 2 {
		t.Errorf("first 2 of 3 views: %d", len(got))
	}
	if got := first(5, []string{"a"}).([]string); len(got) != 1 {
		t.Errorf("first 5 of 1: %d", len(got))
	}
	if got := first(1, "x"); got != "x" {
		t.Errorf("first of a string: %v", got)
	}
	if !strings.Contains(reflect.TypeOf(first(0, vs)).String(), "ActorView") {
		t.Error("first changes the element type")
	}
}
