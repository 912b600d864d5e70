package render

import (
	"bytes"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"

	"golang.org/x/net/html"

	"github.com/briefhq/brief/builder/model"
)

// Atom 1.0 feeds (RFC 4287): the site's latest articles and event
// updates at feed.xml, and one feed per event and per actor. Links are
// full addresses when the site has a base URL with a host (they are
// site-absolute paths otherwise, which readers resolve against the
// feed's own address); identifiers are stable UUIDs (see stableID). An
// event's entry keeps its identifier and changes its <updated> when new
// coverage arrives, which is how Atom says "this entry was updated".
// With feeds: full in site.yaml, an article's entry carries its text as
// well (<content type="html">), its links made full addresses.

// feedSize is how many entries a feed holds, newest first.
const feedSize = 50

type feedEntry struct {
	id        string
	title     string
	link      string
	published time.Time
	updated   time.Time
	authors   []string
	summary   string
	content   string // HTML, for feeds: full
	tags      []string
}

// articleEntry reads what lists show of the article: its metadata.
func articleEntry(cfg model.Config, v ArticleView) feedEntry {
	a := v.meta()
	e := feedEntry{id: stableID(cfg, "articles/"+a.Slug+"/"), title: a.Title, link: abs(cfg, a),
		published: a.Date.Start, updated: articleUpdated(a), authors: a.Authors, summary: a.Summary, tags: a.Tags}
	if len(e.authors) == 0 && a.Publisher != "" {
		e.authors = []string{a.Publisher}
	}
	if a.Publisher != "" {
		e.summary = strings.TrimSpace(a.Summary + " (" + a.Publisher + ")")
	}
	if cfg.FullFeeds {
		e.content = absLinks(string(v.HTML()), e.link)
	}
	return e
}

// absLinks resolves the links and images of an article's HTML against
// the article's full address: a feed reader shows the text away from the
// site, where "/actors/putin/" or "#fn1" lead nowhere. Without a full
// address (no base URL with a host) the HTML is returned as it is. Only
// the attributes changed are written anew; every other byte is kept.
func absLinks(h, page string) string {
	base, err := url.Parse(page)
	if err != nil || !base.IsAbs() {
		return h
	}
	var b strings.Builder
	b.Grow(len(h) + len(h)/16)
	z := html.NewTokenizer(strings.NewReader(h))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() == io.EOF {
				return b.String()
			}
			return h
		}
		raw := z.Raw()
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken || !bytes.Contains(raw, []byte("href")) && !bytes.Contains(raw, []byte("src")) {
			b.Write(raw)
			continue
		}
		tok := z.Token()
		changed := false
		for i, a := range tok.Attr {
			if a.Namespace != "" || a.Key != "href" && a.Key != "src" {
				continue
			}
			ref, err := url.Parse(strings.TrimSpace(a.Val))
			if err != nil || ref.IsAbs() || strings.HasPrefix(a.Val, "//") {
				continue
			}
			tok.Attr[i].Val = base.ResolveReference(ref).String()
			changed = true
		}
		if !changed {
			b.Write(raw)
			continue
		}
		b.WriteString(tok.String())
	}
}

// eventEntry reads the event's own file and, for its latest update, the
// metadata of its coverage. Its summary ends with the event's dates and
// how many articles cover it, in the site's language (cat).
func eventEntry(cfg model.Config, cat *catalog, v EventView) feedEntry {
	if v.r != nil {
		// What an event's feed entry says of its coverage (its last
		// update, the count) depends on its articles' dates. Without a
		// recorder (the site feed, made on every render) there is
		// nothing to note, and making a view of every article of every
		// event would cost 2 MB per rebuild at 10,000 articles.
		for _, a := range v.Articles() {
			a.meta()
		}
	}
	e := v.own()
	sum := e.Summary
	if n := len(e.Articles); n > 0 {
		s, _ := fill(cat.text["feed.event_coverage"], []any{"dates", cat.span(e.Date, e.End), "articles", cat.count("n.article", n)})
		sum = strings.TrimSpace(sum + " " + s)
	} else {
		s, _ := fill(cat.text["feed.event_summary"], []any{"dates", cat.span(e.Date, e.End)})
		sum = strings.TrimSpace(sum + " " + s)
	}
	return feedEntry{id: stableID(cfg, "events/"+e.Slug+"/"), title: e.Title, link: abs(cfg, e),
		published: e.Date.Start, updated: eventUpdated(e), summary: sum, tags: e.Tags}
}

// siteFeed is feed.xml: the latest articles and event updates. It is
// made on every render, so it records nothing.
func siteFeed(s *model.Site, cat *catalog) []byte {
	cfg := s.Config
	var r *rec
	entries := make([]feedEntry, 0, feedSize+len(s.Events))
	for i := len(s.Articles) - 1; i >= 0 && i >= len(s.Articles)-feedSize; i-- {
		entries = append(entries, articleEntry(cfg, r.article(s.Articles[i])))
	}
	for _, e := range s.Events {
		entries = append(entries, eventEntry(cfg, cat, r.event(e)))
	}
	return atom(cfg, "feed.xml", "", cfg.Title, cfg.Description, entries)
}

// eventFeedFile is an event's feed: the event and its coverage.
func eventFeedFile(cfg model.Config, cat *catalog, v EventView) []byte {
	entries := []feedEntry{eventEntry(cfg, cat, v)}
	arts := v.Articles()
	for i := len(arts) - 1; i >= 0 && len(entries) <= feedSize; i-- {
		entries = append(entries, articleEntry(cfg, arts[i]))
	}
	e := v.own()
	return atom(cfg, eventFeed(e), itemPath('e', e.Slug), e.Title+" · "+cfg.Title, e.Summary, entries)
}

// actorFeedFile is an actor's feed: the events it takes part in and the
// articles that name it.
func actorFeedFile(cfg model.Config, cat *catalog, v ActorView) []byte {
	var entries []feedEntry
	for _, a := range v.newest(feedSize) {
		entries = append(entries, articleEntry(cfg, a))
	}
	for _, e := range v.Events() {
		entries = append(entries, eventEntry(cfg, cat, e))
	}
	x := v.own()
	sub := x.Summary
	if sub == "" {
		sub = x.Role
	}
	return atom(cfg, actorFeed(x), itemPath('x', x.Slug), x.Name+" · "+cfg.Title, sub, entries)
}

// termFeedFile is a tag's or publisher's feed: its latest articles.
func termFeedFile(cfg model.Config, cat *catalog, items byte, v TermView) []byte {
	as := v.Articles()
	entries := make([]feedEntry, 0, min(len(as), feedSize))
	for i := len(as) - 1; i >= 0 && len(entries) < feedSize; i-- {
		entries = append(entries, articleEntry(cfg, as[i]))
	}
	title, _ := fill(cat.text[map[byte]string{'t': "feed.tag", 'p': "feed.publisher"}[items]], []any{"name", v.Name(), "site", cfg.Title})
	return atom(cfg, v.FeedPath(), v.Path(), title, "", entries)
}

// actorHasFeed reports whether an actor has a feed: only one that
// articles or events name has entries, and an Atom feed without entries
// would have no date to give but a made-up one.
func actorHasFeed(x *model.Actor) bool { return len(x.Articles) > 0 || len(x.Events) > 0 }

// HasFeed reports whether the actor has a feed (see actorHasFeed). It
// records the lengths of the lists, not their members: making a view of
// each of the actor's articles, on each page of its profile, made a build
// quadratic in the articles of the most named actors, and made every
// profile page depend on the title of every article naming the actor
// (and the list itself on their order, which a date edit changes).
func (v ActorView) HasFeed() bool {
	v.r.mark(v.id, acCount)
	return actorHasFeed(v.x)
}

// atom writes a feed. self is the feed's site path, page the page it
// belongs to. Entries are sorted newest first and cut to feedSize.
func atom(cfg model.Config, self, page, title, subtitle string, entries []feedEntry) []byte {
	sort.SliceStable(entries, func(i, j int) bool {
		if !entries[i].updated.Equal(entries[j].updated) {
			return entries[i].updated.After(entries[j].updated)
		}
		return entries[i].id < entries[j].id
	})
	if len(entries) > feedSize {
		entries = entries[:feedSize]
	}
	var updated time.Time
	for _, e := range entries {
		if e.updated.After(updated) {
			updated = e.updated
		}
	}
	var b strings.Builder
	b.Grow(1024 + 512*len(entries))
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"`)
	if cfg.Language != "" {
		b.WriteString(` xml:lang="` + xmlEscape(cfg.Language) + `"`)
	}
	b.WriteString(">\n")
	el(&b, "id", "urn:uuid:"+stableID(cfg, self))
	el(&b, "title", title)
	if subtitle != "" {
		el(&b, "subtitle", subtitle)
	}
	b.WriteString(`<link rel="self" type="application/atom+xml" href="` + xmlEscape(abs(cfg, self)) + `"/>` + "\n")
	b.WriteString(`<link rel="alternate" type="text/html" href="` + xmlEscape(abs(cfg, page)) + `"/>` + "\n")
	// Only a feed without entries, an empty site's, has no date to give:
	// it goes without one rather than with a made-up one (1970-01-01).
	if !updated.IsZero() {
		el(&b, "updated", atomTime(updated))
	}
	b.WriteString("<author><name>" + xmlEscape(cfg.Title) + "</name></author>\n")
	b.WriteString(`<generator uri="https://github.com/briefhq/brief">brief</generator>` + "\n")
	for _, e := range entries {
		b.WriteString("<entry>\n")
		el(&b, "id", "urn:uuid:"+e.id)
		el(&b, "title", e.title)
		b.WriteString(`<link rel="alternate" type="text/html" href="` + xmlEscape(e.link) + `"/>` + "\n")
		el(&b, "published", atomTime(e.published))
		el(&b, "updated", atomTime(e.updated))
		for _, a := range e.authors {
			b.WriteString("<author><name>" + xmlEscape(a) + "</name></author>\n")
		}
		if e.summary != "" {
			el(&b, "summary", e.summary)
		}
		if e.content != "" {
			b.WriteString(`<content type="html">` + xmlEscape(e.content) + "</content>\n")
		}
		for _, t := range e.tags {
			b.WriteString(`<category term="` + xmlEscape(t) + `"/>` + "\n")
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return []byte(b.String())
}

func el(b *strings.Builder, name, text string) {
	b.WriteString("<" + name + ">" + xmlEscape(text) + "</" + name + ">\n")
}

func atomTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// xmlEscape escapes text for XML content and double-quoted attributes,
// and drops the characters XML 1.0 does not allow.
func xmlEscape(s string) string {
	clean := true
	for _, r := range s {
		if r == '<' || r == '>' || r == '&' || r == '"' || r == '\'' || (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&apos;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xFFFE, r == 0xFFFF:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
