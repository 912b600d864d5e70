package timeline

import (
	"fmt"
	"html/template"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// For draws the timeline of a page: the whole site's events and
// coverage for the chronology (v is *model.Site), an event with its
// neighbours, related events and coverage (*model.Event), or an actor's
// events and the articles naming it (*model.Actor). url gives an event
// page's address. w says its texts in the page's language.
func For(v any, url func(any) string, w Words) (template.HTML, error) {
	name := w.or().Name
	switch x := v.(type) {
	case *model.Site:
		o := Options{Label: name("site", ""), Words: w}
		for _, e := range x.Events {
			o.Events = append(o.Events, event(e, url, false))
		}
		o.Coverage = count(x.Articles)
		return SVG(o), nil
	case *model.Event:
		o := Options{Label: name("event", x.Title), Words: w}
		seen := map[*model.Event]bool{x: true}
		o.Events = append(o.Events, event(x, url, true))
		for _, n := range append([]*model.Event{x.Prev, x.Next}, x.Related...) {
			if n != nil && !seen[n] {
				seen[n] = true
				o.Events = append(o.Events, event(n, url, false))
			}
		}
		o.Coverage = count(x.Articles)
		return SVG(o), nil
	case *model.Actor:
		o := Options{Label: name("actor", x.Name), Words: w}
		for _, e := range x.Events {
			o.Events = append(o.Events, event(e, url, false))
		}
		as := make([]*model.Article, len(x.Articles))
		for i, m := range x.Articles {
			as[i] = m.Article
		}
		o.Coverage = count(as)
		return SVG(o), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("timeline: cannot draw %T; use .Site, .Event or .Actor", v)
}

func event(e *model.Event, url func(any) string, current bool) Event {
	return Event{Date: e.Date, End: e.End, Title: e.Title, URL: url(e), Weight: len(e.Articles), Current: current}
}

// count gives the articles per day. Articles dated only to a month or
// a year count on their first day.
func count(as []*model.Article) []Count {
	per := map[time.Time]int{}
	for _, a := range as {
		if !a.Date.IsZero() {
			per[a.Date.Start]++
		}
	}
	out := make([]Count, 0, len(per))
	for d, n := range per {
		out = append(out, Count{Day: d, N: n})
	}
	return out
}
