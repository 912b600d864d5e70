// Package resolve turns the separately loaded files of a site into one
// linked model: it indexes slugs, reports duplicates and dangling
// references, and computes every cross-link the pages show (coverage,
// participants, related events, companions, the chronology).
//
// Input is the loaded and extracted items; output is a model.Site whose
// slices are sorted deterministically. Every pass is linear in the number
// of items and references, so it stays fast at tens of thousands of
// articles.
package resolve

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// MaxRelated is how many related events beyond the declared ones an event
// shows, and MaxCompanions how many companions an actor shows.
const (
	MaxRelated    = 5
	MaxCompanions = 8
)

type item interface {
	*model.Article | *model.Event | *model.Actor
}

func source[T item](v T) *model.Source {
	switch x := any(v).(type) {
	case *model.Article:
		return &x.Source
	case *model.Event:
		return &x.Source
	case *model.Actor:
		return &x.Source
	}
	return nil
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// compareDates orders by start, then coarser precision first.
func compareDates(a, b model.Date) int {
	if c := a.Start.Compare(b.Start); c != 0 {
		return c
	}
	return int(b.Precision) - int(a.Precision)
}

// index maps slugs to items and lists them once each; two files with one
// slug are both named.
func index[T item](items []T, ds []diag.Diagnostic, kind string) (map[string]T, []T, []diag.Diagnostic) {
	m := make(map[string]T, len(items))
	list := make([]T, 0, len(items))
	first := map[string]*model.Source{}
	for _, it := range items {
		src := source(it)
		if src.Slug == "" {
			continue
		}
		if prev, ok := first[src.Slug]; ok {
			ds = append(ds, diag.Diagnostic{File: src.File, Line: src.SlugLine,
				Msg:  fmt.Sprintf("two %ss have the slug %q: %s and %s", kind, src.Slug, prev.File, src.File),
				Hint: "rename one file or give it another slug:"})
			ds = append(ds, diag.Diagnostic{File: prev.File, Line: prev.SlugLine,
				Msg:  fmt.Sprintf("two %ss have the slug %q: %s and %s", kind, src.Slug, prev.File, src.File),
				Hint: "rename one file or give it another slug:"})
			continue
		}
		first[src.Slug] = src
		m[src.Slug] = it
		list = append(list, it)
	}
	return m, list, ds
}

type resolver struct {
	site *model.Site
	ds   []diag.Diagnostic
	// slug lists for suggestions, built on first use
	eventSlugs, actorSlugs []string
}

func (r *resolver) unknown(file string, ref model.Ref, kind string, slugs *[]string, keys func() []string) {
	if *slugs == nil {
		*slugs = keys()
		sort.Strings(*slugs)
	}
	hint := fmt.Sprintf("no file content/%ss/%s.md", kind, ref.Slug)
	if s := diag.Suggest(ref.Slug, *slugs); s != "" {
		hint = fmt.Sprintf("did you mean %q?", s)
	}
	r.ds = append(r.ds, diag.Diagnostic{File: file, Line: ref.Line, Msg: fmt.Sprintf("unknown %s %q", kind, ref.Slug), Hint: hint})
}

func (r *resolver) actor(file string, ref model.Ref) *model.Actor {
	if a, ok := r.site.ActorBySlug[ref.Slug]; ok {
		return a
	}
	r.unknown(file, ref, "actor", &r.actorSlugs, func() []string { return keys(r.site.ActorBySlug) })
	return nil
}

func (r *resolver) event(file string, ref model.Ref) *model.Event {
	if e, ok := r.site.EventBySlug[ref.Slug]; ok {
		return e
	}
	r.unknown(file, ref, "event", &r.eventSlugs, func() []string { return keys(r.site.EventBySlug) })
	return nil
}

func keys[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func (r *resolver) actors() {
	for _, a := range r.site.Actors {
		// Items are reused from build to build by the preview server: keep
		// the slices' room instead of growing them again each rebuild.
		a.Country, a.Companions, a.Mentions = nil, nil, 0
		a.Events, a.Articles, a.Quotes = a.Events[:0], a.Articles[:0], a.Quotes[:0]
		if a.CountryRef.Slug != "" {
			c := r.actor(a.File, a.CountryRef)
			if c != nil && c.Kind != model.Country {
				r.ds = append(r.ds, diag.Diagnostic{File: a.File, Line: a.CountryRef.Line,
					Msg: fmt.Sprintf("country %q is a %s, not a country", c.Slug, c.Kind), Hint: "name an actor with kind: country"})
			}
			a.Country = c
		}
	}
}

func (r *resolver) events() {
	for _, e := range r.site.Events {
		e.PlaceActor, e.Prev, e.Next = nil, nil, nil
		e.Actors, e.Articles, e.Related = e.Actors[:0], e.Articles[:0], e.Related[:0]
		if e.PlaceRef.Slug != "" {
			if a, ok := r.site.ActorBySlug[e.PlaceRef.Slug]; ok {
				e.PlaceActor = a
			} else {
				r.unknown(e.File, e.PlaceRef, "actor", &r.actorSlugs, func() []string { return keys(r.site.ActorBySlug) })
				r.ds[len(r.ds)-1].Hint += "; for a place without a profile, write it as text with capitals, e.g. place: Geneva"
			}
		}
		seen := map[string]bool{}
		for _, ref := range e.ActorRefs {
			if a := r.actor(e.File, ref); a != nil && !seen[a.Slug] {
				seen[a.Slug] = true
				e.Actors = append(e.Actors, a)
				a.Events = append(a.Events, e) // events are visited by date
			}
		}
		for _, ref := range e.RelatedRef {
			if ref.Slug == e.Slug {
				r.ds = append(r.ds, diag.Diagnostic{File: e.File, Line: ref.Line, Msg: "an event cannot be related to itself"})
				continue
			}
			if o := r.event(e.File, ref); o != nil && !contains(e.Related, o) {
				e.Related = append(e.Related, o)
			}
		}
	}
	for i, e := range r.site.Events {
		if i > 0 {
			e.Prev = r.site.Events[i-1]
		}
		if i+1 < len(r.site.Events) {
			e.Next = r.site.Events[i+1]
		}
	}
}

func contains[T comparable](s []T, v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// counted is an actor an article names, with how often.
type counted struct {
	actor *model.Actor
	n     int
}

// linkActors sets a.Actors, the actors the article declares or
// mentions, most mentioned first, and returns them with their counts
// (in cs, reused).
func (r *resolver) linkActors(a *model.Article, cs []counted) []counted {
	cs = cs[:0]
	add := func(act *model.Actor, n int) {
		for i := range cs {
			if cs[i].actor == act {
				cs[i].n += n
				return
			}
		}
		cs = append(cs, counted{act, n})
	}
	for _, m := range a.Mentions {
		if act := r.site.ActorBySlug[m.Actor]; act != nil {
			add(act, m.Count)
		}
	}
	for _, ref := range a.ActorRefs {
		if act := r.actor(a.File, ref); act != nil {
			add(act, 0)
		}
	}
	slices.SortFunc(cs, func(x, y counted) int {
		if x.n != y.n {
			return y.n - x.n
		}
		return strings.Compare(x.actor.Slug, y.actor.Slug)
	})
	a.Actors = make([]*model.Actor, len(cs))
	for i, c := range cs {
		a.Actors[i] = c.actor
	}
	return cs
}

// related adds, after the declared related events, those sharing the most
// participants, nearest in time first on ties.
// cand is a candidate related event.
type cand struct {
	e       *model.Event
	overlap int   // participants in common
	dist    int64 // time between the starts
	slug    string
}

// better orders candidates: more shared participants, then nearer in
// time, then by slug.
func better(a, b cand) bool {
	if a.overlap != b.overlap {
		return a.overlap > b.overlap
	}
	if a.dist != b.dist {
		return a.dist < b.dist
	}
	return a.slug < b.slug
}

func (r *resolver) related() {
	overlap := map[*model.Event]int{}
	var cands []cand
	for _, e := range r.site.Events {
		clear(overlap)
		for _, a := range e.Actors {
			for _, o := range a.Events {
				if o != e {
					overlap[o]++
				}
			}
		}
		// Keep the best MaxRelated in order while scanning: cheaper than
		// sorting every candidate when events share popular actors.
		cands = cands[:0]
		for o, n := range overlap {
			if contains(e.Related, o) {
				continue
			}
			c := cand{o, n, distance(e, o), o.Slug}
			i := len(cands)
			for i > 0 && better(c, cands[i-1]) {
				i--
			}
			if i >= MaxRelated {
				continue
			}
			if len(cands) < MaxRelated {
				cands = append(cands, cand{})
			}
			copy(cands[i+1:], cands[i:len(cands)-1])
			cands[i] = c
		}
		for _, c := range cands {
			e.Related = append(e.Related, c.e)
		}
	}
}

func distance(a, b *model.Event) int64 {
	d := a.Date.Start.Sub(b.Date.Start)
	if d < 0 {
		d = -d
	}
	return int64(d)
}

// topCompanions sorts companions, most articles in common first, and
// keeps MaxCompanions.
func topCompanions(cs []model.Companion) []model.Companion {
	slices.SortFunc(cs, func(p, q model.Companion) int {
		if p.Count != q.Count {
			return q.Count - p.Count
		}
		return strings.Compare(p.Actor.Slug, q.Actor.Slug)
	})
	return cs[:min(len(cs), MaxCompanions):min(len(cs), MaxCompanions)]
}

// How long before its start and after its end an untagged article may be
// published to be linked to an event automatically.
const (
	autoBefore = 3 * 24 * time.Hour
	autoAfter  = 7 * 24 * time.Hour
)

// autoLink finds the events article a covers without listing them, adds
// them to a.Events and a.AutoEvents, and returns them. seen is scratch
// space.
func autoLink(a *model.Article, seen map[*model.Event]bool) []*model.Event {
	a.AutoEvents = a.AutoEvents[:0]
	if len(a.EventRefs) > 0 {
		return nil
	}
	clear(seen)
	for _, p := range a.Actors {
		if p.Kind != model.Person {
			continue
		}
		for _, e := range p.Events {
			if seen[e] {
				continue
			}
			seen[e] = true
			if covers(a, e) {
				a.Events = append(a.Events, e)
				a.AutoEvents = append(a.AutoEvents, e)
			}
		}
	}
	// Both lists in event order: the order the events were found in
	// depends on other files, and must not show.
	slices.SortStableFunc(a.Events, compareEvents)
	slices.SortStableFunc(a.AutoEvents, compareEvents)
	return a.AutoEvents
}

// compareArticles and compareEvents give the order of Site.Articles and
// Site.Events: by date, then slug.
func compareArticles(x, y *model.Article) int {
	if c := compareDates(x.Date, y.Date); c != 0 {
		return c
	}
	return strings.Compare(x.Slug, y.Slug)
}

func compareEvents(x, y *model.Event) int {
	if c := compareDates(x.Date, y.Date); c != 0 {
		return c
	}
	return strings.Compare(x.Slug, y.Slug)
}

// covers reports whether article a names every person taking part in e
// (at least two) and was published near it.
func covers(a *model.Article, e *model.Event) bool {
	persons := 0
	for _, p := range e.Actors {
		if p.Kind != model.Person {
			continue
		}
		persons++
		if !contains(a.Actors, p) {
			return false
		}
	}
	if persons < 2 {
		return false
	}
	last := e.Date.Last()
	if !e.End.IsZero() {
		last = e.End.Last()
	}
	pub := a.Date.Start
	return !pub.Before(e.Date.Start.Add(-autoBefore)) && !pub.After(last.Add(autoAfter))
}

// linkQuotes sets the speaker of each of a's quotes and returns the
// quotes whose speaker is an actor of the site.
func linkQuotes(s *model.Site, a *model.Article) []model.ActorQuote {
	var out []model.ActorQuote
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.By = nil
		if x := s.ActorBySlug[q.Speaker]; x != nil && q.Speaker != "" {
			q.By = x
			out = append(out, model.ActorQuote{Quote: *q, Article: a, Actor: x})
		}
	}
	return out
}

// appendReports adds an article's dated statements to the chronology,
// those keepStatements keeps.
func appendReports(c []model.ChronoEntry, a *model.Article) []model.ChronoEntry {
	for _, i := range keepStatements(a) {
		c = append(c, model.ChronoEntry{Date: a.Dates[i].Date, Kind: "report", Article: a, N: i})
	}
	return c
}

// chronoKey orders chronology entries: by start, coarser precision
// first.
func chronoKey(d model.Date) int64 {
	return d.Start.Unix()<<2 | int64(model.Year-d.Precision)
}
