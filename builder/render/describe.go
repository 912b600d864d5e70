package render

import (
	"strings"
	"unicode/utf8"
)

// describeLen is about what search engines show of a description.
const describeLen = 160

// describe returns a page's description: its item's summary, else a
// sentence made of what the page holds, so that no page goes without one
// (search engines and link previews show it).
func describe(p *Page) string {
	site := p.site.Config.Title
	switch {
	case p.article != nil:
		a := p.Article()
		if d := a.Summary(); d != "" {
			return d
		}
		for _, para := range a.Text() {
			if para = strings.TrimSpace(para); para != "" {
				return clip(para, describeLen)
			}
		}
		d := "Article of " + a.Date().Human()
		if pub := a.Publisher(); pub != "" {
			d = "Article by " + pub + ", " + a.Date().Human()
		}
		return d + ": " + a.Title() + "."
	case p.event != nil:
		e := p.Event()
		if d := e.Summary(); d != "" {
			return d
		}
		d := "Briefing on " + e.Title() + ", " + Span(e.Date(), e.End())
		if pl := e.Place(); pl != "" {
			d += ", " + pl
		}
		return d + ": the coverage, who said what and the numbers."
	case p.actor != nil:
		x := p.Actor()
		if d := x.Summary(); d != "" {
			return d
		}
		d := x.Name()
		if r := x.Role(); r != "" {
			d += ", " + r
		}
		return d + ", in " + site + ": events, quotes and the coverage that names them."
	}
	switch p.kind.name {
	case "home":
		if d := p.site.Config.Description; d != "" {
			return d
		}
		return site + ": event briefings, actor profiles and a chronology of the coverage."
	case "events":
		return "Every event of " + site + ", oldest first, with a map of where they took place."
	case "actors":
		return "The people, organisations, countries and places in " + site + "."
	case "chronology":
		return "The chronology of " + site + ": every event, oldest first, with the dates the coverage reports."
	case "search":
		return "Search " + site + ": articles, events and actors, by every name an actor goes by."
	case "404":
		return "There is no page at this address in " + site + "."
	}
	return p.Title() + " — " + site + "."
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
