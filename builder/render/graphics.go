package render

import "github.com/briefhq/brief/builder/model"

// graphicItem returns the model value behind a view for the graphics'
// template functions (timeline, locator, worldmap), after reading through
// the view every part the graphics show, so that the page depends on
// them: dates and titles of the events drawn, the dates of the coverage
// (their date part only: a retitled article draws no other timeline), the
// place and its country.
func graphicItem(v any) any {
	switch x := v.(type) {
	case *EventView:
		if x == nil {
			return nil
		}
		return graphicItem(*x)
	case *ActorView:
		if x == nil {
			return nil
		}
		return graphicItem(*x)
	case *SiteView:
		if x == nil {
			return nil
		}
		return graphicItem(*x)
	case EventView:
		seeEvent(x)
		x.r.mark(x.id, evArticles)
		x.r.dates(x.e.Articles)
		for _, n := range append(x.Related(), deref(x.Prev(), x.Next())...) {
			seeEvent(n)
		}
		return x.e
	case ActorView:
		x.Coordinates()
		x.Aliases()
		if c := x.Country(); c != nil {
			c.Aliases()
		}
		for _, e := range x.Events() {
			seeEvent(e)
		}
		x.r.mark(x.id, acArticles)
		if x.r != nil {
			for _, m := range x.x.Articles {
				x.r.mark(x.r.t.artID[m.Article], artDate)
			}
		}
		return x.x
	case SiteView:
		for _, e := range x.Events() {
			seeEvent(e)
		}
		x.r.list(listArticles)
		x.r.dates(x.s.Articles)
		return x.s
	}
	return v
}

// seeEvent reads what the graphics show of an event: its own file
// (title, dates, coordinates), its place and the place's country.
func seeEvent(e EventView) {
	e.Coordinates()
	if p := e.PlaceActor(); p != nil {
		p.Coordinates()
		if c := p.Country(); c != nil {
			c.Aliases()
		}
	}
	e.r.mark(e.id, evCount) // their number ranks the events
}

// dates records the date of each article: what the timeline draws of
// coverage.
func (r *rec) dates(as []*model.Article) {
	if r == nil {
		return
	}
	for _, a := range as {
		r.mark(r.t.artID[a], artDate)
	}
}

func deref(es ...*EventView) []EventView {
	var out []EventView
	for _, e := range es {
		if e != nil {
			out = append(out, *e)
		}
	}
	return out
}

// graphicEvents unwraps a list of events for worldmap.
func graphicEvents(v any) []*model.Event {
	switch x := v.(type) {
	case []EventView:
		out := make([]*model.Event, len(x))
		for i, e := range x {
			seeEvent(e)
			out[i] = e.e
		}
		return out
	case []*model.Event:
		return x
	}
	return nil
}
