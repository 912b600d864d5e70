package render

import (
	"bytes"
	"encoding/json"
	"html/template"

	"github.com/briefhq/brief/builder/model"
)

// schema.org metadata as JSON-LD, for search engines and link previews:
// NewsArticle for articles, Event for events, Person, Organization,
// Country or Place for actors, WebSite for the home page. It reads the
// items through the page's views, so the page records what it shows.
// Addresses are written only when the site has a base URL with a host.

// JSONLD returns the page's JSON-LD object, or "" for pages without one.
// The result is safe inside <script type="application/ld+json">: the
// encoder escapes <, > and &.
func JSONLD(p *Page) template.JS {
	if p == nil || p.site == nil {
		return ""
	}
	cfg := p.site.Config
	var v map[string]any
	switch {
	case p.article != nil:
		v = articleLD(cfg, *p.Article())
	case p.event != nil:
		v = eventLD(cfg, *p.Event(), true)
	case p.actor != nil:
		v = actorLD(cfg, *p.Actor(), true)
	case p.kind.name == "home":
		v = map[string]any{"@type": "WebSite", "name": cfg.Title}
		if cfg.Description != "" {
			v["description"] = cfg.Description
		}
		if hasHost(cfg) {
			v["url"] = abs(cfg, "")
			v["potentialAction"] = map[string]any{
				"@type":       "SearchAction",
				"target":      abs(cfg, "search/") + "?q={search_term_string}",
				"query-input": "required name=search_term_string",
			}
		}
	default:
		return ""
	}
	v["@context"] = "https://schema.org"
	if cfg.Language != "" && p.actor == nil {
		v["inLanguage"] = cfg.Language
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(v); err != nil {
		return ""
	}
	return template.JS(bytes.TrimSpace(b.Bytes()))
}

func articleLD(cfg model.Config, a ArticleView) map[string]any {
	v := map[string]any{
		"@type":         "NewsArticle",
		"headline":      a.Title,
		"datePublished": a.Date.String(),
		"dateModified":  articleUpdated(a.meta()).Format("2006-01-02"),
	}
	if a.Summary != "" {
		v["description"] = a.Summary
	}
	if hasHost(cfg) {
		v["url"] = abs(cfg, a.a)
		v["mainEntityOfPage"] = abs(cfg, a.a)
	}
	if a.Image != "" {
		v["image"] = abs(cfg, a.Image)
	}
	if a.SourceURL != "" {
		v["sameAs"] = a.SourceURL
		v["isBasedOn"] = a.SourceURL
	}
	if a.Publisher != "" {
		v["publisher"] = map[string]any{"@type": "Organization", "name": a.Publisher}
	}
	if len(a.Authors()) > 0 {
		var authors []any
		for _, n := range a.Authors() {
			authors = append(authors, map[string]any{"@type": "Person", "name": n})
		}
		v["author"] = authors
	} else if a.Publisher != "" {
		v["author"] = map[string]any{"@type": "Organization", "name": a.Publisher}
	}
	if len(a.Tags()) > 0 {
		v["keywords"] = a.Tags()
	}
	if len(a.Events()) > 0 {
		var about []any
		for _, e := range a.Events() {
			about = append(about, eventLD(cfg, e, false))
		}
		v["about"] = about
	}
	if len(a.Actors()) > 0 {
		var mentions []any
		for _, x := range a.Actors() {
			mentions = append(mentions, actorLD(cfg, x, false))
		}
		v["mentions"] = mentions
	}
	if a.WordCount() > 0 {
		v["wordCount"] = a.WordCount()
	}
	return v
}

// eventLD describes an event; full adds what only its own page shows.
func eventLD(cfg model.Config, e EventView, full bool) map[string]any {
	v := map[string]any{"@type": "Event", "name": e.Title, "startDate": e.Date.String()}
	if !e.End.IsZero() {
		v["endDate"] = e.End.String()
	} else {
		v["endDate"] = e.Date.String()
	}
	if hasHost(cfg) {
		v["url"] = abs(cfg, e.e)
	}
	if e.Summary != "" {
		v["description"] = e.Summary
	}
	if pa := e.PlaceActor(); pa != nil {
		v["location"] = actorLD(cfg, *pa, false)
	} else if e.Place != "" {
		v["location"] = map[string]any{"@type": "Place", "name": e.Place}
	}
	if full && len(e.Actors()) > 0 {
		var ps []any
		for _, x := range e.Actors() {
			ps = append(ps, actorLD(cfg, x, false))
		}
		v["performer"] = ps
	}
	return v
}

var ldTypes = map[string]string{model.Person: "Person", model.Organization: "Organization", model.Country: "Country", model.Place: "Place"}

// actorLD describes an actor; full adds what only its own page shows.
func actorLD(cfg model.Config, x ActorView, full bool) map[string]any {
	t := ldTypes[x.Kind]
	if t == "" {
		t = "Thing"
	}
	v := map[string]any{"@type": t, "name": x.Name}
	if len(x.Aliases()) > 0 {
		v["alternateName"] = x.Aliases()
	}
	if x.Wikidata() != "" {
		v["sameAs"] = "https://www.wikidata.org/wiki/" + x.Wikidata()
	}
	if hasHost(cfg) {
		v["url"] = abs(cfg, x.x)
	}
	if full {
		if x.Summary != "" {
			v["description"] = x.Summary
		}
		if x.Role != "" && x.Kind == model.Person {
			v["jobTitle"] = x.Role
		}
		if c := x.Country(); c != nil && x.Kind == model.Person {
			v["nationality"] = actorLD(cfg, *c, false)
		}
	}
	return v
}

// ogType is the OpenGraph type of a page.
func ogType(p *Page) string {
	switch {
	case p.article != nil:
		return "article"
	case p.actor != nil && p.Actor().Kind == model.Person:
		return "profile"
	}
	return "website"
}
