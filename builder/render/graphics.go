package render

import "github.com/briefhq/brief/builder/model"

// graphicItem returns the model value behind a view for the graphics'
// template functions (timeline, locator, worldmap), after reading through
// the view every part the graphics show, so that the page depends on
// them: dates and titles of the events drawn, the dates of the coverage,
// the place and its country.
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
		x.Articles() // the views record each article's date (its meta)
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
		x.Articles() // the views record each article's date (its meta)
		return x.x
	case SiteView:
		for _, e := range x.Events() {
			seeEvent(e)
		}
		x.Articles() // the views record each article's date (its meta)
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
	e.Articles() // their number ranks the events
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
