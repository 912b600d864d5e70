package geo

import (
	"fmt"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// For draws the locator map of an event's place (*model.Event) or of an
// actor of kind place or country (*model.Actor); "" when the page has no
// place the map can find.
func For(v any) (template.HTML, error) {
	switch x := v.(type) {
	case *model.Event:
		return Locator(eventPlace(x)), nil
	case *model.Actor:
		if x.Kind != model.Place && x.Kind != model.Country {
			return "", nil
		}
		return Locator(actorPlace(x)), nil
	case nil:
		return "", nil
	}
	return "", fmt.Errorf("locator: cannot map %T; use .Event or .Actor", v)
}

// Events draws the world map of the events that have a place the map
// can find. label and marked are as for WorldMap.
func Events(events []*model.Event, label string, marked func(n int) string) template.HTML {
	var pts []WorldPoint
	for _, e := range events {
		p := eventPlace(e)
		switch {
		case p.Coordinates != nil:
			pts = append(pts, WorldPoint{Lat: p.Coordinates[0], Lon: p.Coordinates[1], Title: e.Title})
		case p.Country != nil && len(p.Country.rings) > 0:
			// An event placed only in a country: the middle of its
			// main boundary.
			r := mainRing(p.Country, nil)
			pts = append(pts, WorldPoint{Lat: deg(r.minY+r.maxY) / 2, Lon: deg(r.minX+r.maxX) / 2, Title: e.Title})
		}
	}
	return WorldMap(pts, label, marked)
}

// eventPlace is where an event happened: its own coordinates, else its
// place actor's; the place actor's country, else a country the place
// text names ("Across Ukraine").
func eventPlace(e *model.Event) Place {
	if a := e.PlaceActor; a != nil {
		p := actorPlace(a)
		if e.Coordinates != nil {
			p.Coordinates = e.Coordinates
		}
		return p
	}
	p := Place{Name: e.Place, Coordinates: e.Coordinates}
	p.Country = named(e.Place)
	return p
}

// actorPlace is a place's coordinates and country, or a country itself.
func actorPlace(a *model.Actor) Place {
	p := Place{Name: a.Name, Coordinates: a.Coordinates}
	if a.Kind == model.Country {
		p.Country = actorCountry(a)
	} else if a.Country != nil {
		p.Country = actorCountry(a.Country)
	}
	return p
}

// actorCountry finds an actor's country by its name or aliases.
func actorCountry(a *model.Actor) *Country {
	for _, n := range append([]string{a.Name}, a.Aliases...) {
		if c, ok := Lookup(n); ok {
			return c
		}
	}
	return nil
}

// named finds the first country that free text names: the whole text,
// else the first run of up to four words that is a country's name, with
// possessives read as the name ("Ukraine's borders").
func named(s string) *Country {
	if s == "" {
		return nil
	}
	if c, ok := Lookup(s); ok {
		return c
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' || r == ';' || r == '(' || r == ')' })
	for i := range words {
		words[i] = strings.TrimSuffix(strings.TrimSuffix(words[i], "'s"), "’s")
	}
	for i := range words {
		// Names start with a capital: "talks with us" names no country.
		if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) {
			continue
		}
		for n := min(4, len(words)-i); n >= 1; n-- {
			if c, ok := byName(strings.Join(words[i:i+n], " ")); ok {
				return c
			}
		}
	}
	return nil
}
