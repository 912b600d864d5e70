package render

import (
	"strings"
	"unicode/utf8"
)

// describeLen is about what search engines show of a description.
const describeLen = 160

// describe returns a page's description: its item's summary, else a
// sentence in the site's language made of what the page holds, so that
// no page goes without one (search engines and link previews show it).
func describe(p *Page) string {
	cat := p.cat
	site := p.site.Config.Title
	say := func(key string, args ...any) string {
		s, _ := fill(cat.text["describe."+key], append(args, "site", site))
		return s
	}
	switch {
	case p.article != nil:
		a := p.Article()
		if d := a.Summary; d != "" {
			return d
		}
		for _, para := range a.Text() {
			if para = strings.TrimSpace(para); para != "" {
				return clip(para, describeLen)
			}
		}
		if pub := a.Publisher; pub != "" {
			return say("article_by", "publisher", pub, "date", cat.date(a.Date), "title", a.Title)
		}
		return say("article", "date", cat.date(a.Date), "title", a.Title)
	case p.event != nil:
		e := p.Event()
		if d := e.Summary; d != "" {
			return d
		}
		if pl := e.Place; pl != "" {
			return say("event_at", "title", e.Title, "date", cat.span(e.Date, e.End), "place", pl)
		}
		return say("event", "title", e.Title, "date", cat.span(e.Date, e.End))
	case p.actor != nil:
		x := p.Actor()
		if d := x.Summary; d != "" {
			return d
		}
		if r := x.Role; r != "" {
			return say("actor_role", "name", x.Name, "role", r)
		}
		return say("actor", "name", x.Name)
	}
	switch p.kind.name {
	case "home":
		if d := p.site.Config.Description; d != "" {
			return d
		}
		return say("home")
	case "events", "actors", "chronology", "search", "404":
		return say(p.kind.name)
	}
	return say("other", "title", cat.pageTitle(p))
}

// clip cuts s to at most n bytes at a word boundary, marking the cut.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
