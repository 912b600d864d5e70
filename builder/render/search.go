package render

import (
	"bytes"
	"encoding/json"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// The search index: search/index.js, a script that sets
// window.BRIEF_SEARCH, loaded by the search page with a <script> tag so
// that it works from file:// (browsers refuse to fetch JSON there). The
// search itself runs in the browser (static/search.js); no service, no
// Node.js at build time.
//
// Layout, arrays to keep it small (indices refer to the actors and
// events arrays; paths are built from slugs by the script):
//
//	{"actors":  [[slug, name, kind, role, [aliases], [misspellings], text], ...],
//	 "events":  [[slug, title, date, text, [actor], place], ...],
//	 "articles":[[slug, title, date, publisher, text, [[quote, speaker], ...], [actor], [event]], ...]}
//
// The text kept per item is bounded (summary and the first
// searchTextLen bytes, a few short quotes), so the index grows with the
// number of items, not their length. The index is rebuilt on every
// render; each item's part is cached by the item's hash, so a rebuild
// of a 10,000-article site only joins cached bytes.

// SearchIndexFile is the path of the search index.
const SearchIndexFile = "search/index.js"

const (
	searchTextLen  = 300 // bytes of text kept per item
	searchQuotes   = 4   // quotes kept per article
	searchQuoteLen = 160 // bytes kept per quote
)

// searchParts holds each item's encoded part of the index.
var searchParts parts[[]byte]

// searchIndex writes search/index.js to b.
func searchIndex(b Writer, s *model.Site, global uint64) {
	run := searchParts.begin(len(s.Articles)+len(s.Events)+len(s.Actors), global)
	defer run.end()
	part := func(kind byte, hash uint64, mk func() []byte) []byte {
		return run.get(partKey{global, hash, kind}, mk)
	}
	actorIdx := make(map[*model.Actor]int, len(s.Actors))
	for i, a := range s.Actors {
		actorIdx[a] = i
	}
	eventIdx := make(map[*model.Event]int, len(s.Events))
	for i, e := range s.Events {
		eventIdx[e] = i
	}

	b.WriteString("window.BRIEF_SEARCH={\"actors\":[")
	for i, a := range s.Actors {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(part('p', a.Hash, func() []byte { return actorPart(a) }))
		b.WriteByte(']')
	}
	b.WriteString("],\n\"events\":[")
	for i, e := range s.Events {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(part('e', e.Hash, func() []byte { return eventPart(e) }))
		b.WriteString(",[")
		for j, a := range e.Actors {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(actorIdx[a]))
		}
		b.WriteString("],")
		place := ""
		if e.PlaceActor != nil {
			place = e.PlaceActor.Name
		} else {
			place = e.Place
		}
		b.Write(jsonString(place))
		b.WriteByte(']')
	}
	b.WriteString("],\n\"articles\":[")
	for i, a := range s.Articles {
		if i > 0 {
			b.WriteString(",\n")
		}
		b.Write(part('a', a.Hash, func() []byte { return articlePart(a) }))
		b.WriteString(",[")
		for j, x := range a.Actors {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(actorIdx[x]))
		}
		b.WriteString("],[")
		for j, e := range a.Events {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(eventIdx[e]))
		}
		b.WriteString("]]")
	}
	b.WriteString("]};\n")
}

// actorPart is an actor's complete entry but for the closing bracket.
func actorPart(a *model.Actor) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	writeStrings(&b, a.Slug, a.Name, a.Kind, a.Role)
	b.WriteByte(',')
	writeList(&b, a.Aliases)
	b.WriteByte(',')
	writeList(&b, a.Misspellings)
	b.WriteByte(',')
	b.Write(jsonString(bounded(joinText(a.Summary, stripTags(string(a.HTML()))), searchTextLen)))
	return b.Bytes()
}

// eventPart is an event's entry up to its actors.
func eventPart(e *model.Event) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	writeStrings(&b, e.Slug, e.Title, e.Date.String())
	b.WriteByte(',')
	b.Write(jsonString(bounded(joinText(e.Summary, stripTags(string(e.HTML()))), searchTextLen)))
	return b.Bytes()
}

// articlePart is an article's entry up to its actors.
func articlePart(a *model.Article) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	writeStrings(&b, a.Slug, a.Title, a.Date.String(), a.Publisher)
	b.WriteByte(',')
	b.Write(jsonString(bounded(joinText(a.Summary, leadText(a.Text(), 2*searchTextLen)), searchTextLen)))
	b.WriteString(",[")
	for i, q := range a.Quotes[:min(len(a.Quotes), searchQuotes)] {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('[')
		writeStrings(&b, bounded(q.Text, searchQuoteLen), q.SpeakerName)
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.Bytes()
}

func writeStrings(b *bytes.Buffer, ss ...string) {
	for i, s := range ss {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(jsonString(s))
	}
}

func writeList(b *bytes.Buffer, ss []string) {
	b.WriteByte('[')
	writeStrings(b, ss...)
	b.WriteByte(']')
}

// jsonString encodes s as a JSON string that is also safe inside a
// script: <, > and & are escaped, and so are U+2028 and U+2029.
func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// leadText joins the first paragraphs of text until it has n bytes:
// enough for bounded, without copying a whole article.
func leadText(text []string, n int) string {
	end := 0
	for size := 0; end < len(text) && size < n; end++ {
		size += len(text[end]) + 1
	}
	return strings.Join(text[:end], " ")
}

// joinText puts a summary before the text unless the text starts with
// it (a summary taken from the first paragraph).
func joinText(summary, text string) string {
	summary, text = strings.TrimSpace(summary), strings.TrimSpace(text)
	if summary == "" {
		return text
	}
	if strings.HasPrefix(text, strings.TrimRight(summary, ".…")) {
		return text
	}
	return summary + " " + text
}

// bounded cuts s to at most n bytes at a word boundary.
func bounded(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	if i := strings.LastIndexByte(s[:cut], ' '); i > n/2 {
		cut = i
	}
	return s[:cut] + "…"
}

// stripTags returns the text of an HTML fragment.
func stripTags(h string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c == '<':
			in = true
			b.WriteByte(' ')
		case c == '>' && in:
			in = false
		case !in:
			b.WriteByte(c)
		}
	}
	return html.UnescapeString(b.String())
}
