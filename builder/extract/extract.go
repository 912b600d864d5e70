package extract

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Article renders an article's body, finds its mentions, keeps its
// paragraphs as plain text and reads quotes, dates (against the
// publication date) and figures from them. Mentions in the headline count
// too. It returns a new article, the loaded one with what was extracted:
// the loaded one is left as it was, so that a build's cache can keep it
// and extract it again when the actors change.
func Article(loaded *model.Article, m *Matcher, bp *Boilerplate, opts Options) (*model.Article, []diag.Diagnostic) {
	c := *loaded
	a := &c
	l := newLinker(m, opts, "")
	l.count(a.Title)
	var ds []diag.Diagnostic
	switch a.Format {
	case "txt":
		c := CleanText(a.Body, a.BodyLine, bp, m)
		ds = append(ds, c.Diagnostics(a.File)...)
		a.SetHTML(l.renderBlocks(c.Blocks))
	case "html":
		c := CleanBlocks(a.Blocks, bp)
		ds = append(ds, c.Diagnostics(a.File)...)
		l.links = newBodyLinks(a.File, "/"+kindArticles+"/"+a.Slug+"/", a.Resources, 0)
		a.SetHTML(l.renderBlocks(c.Blocks))
		a.Links = l.links.links
	default:
		l.line0 = a.BodyLine
		page := ""
		if len(a.Resources) > 0 {
			page = "/" + kindArticles + "/" + a.Slug + "/"
		}
		l.links = newBodyLinks(a.File, page, a.Resources, a.BodyLine)
		h, err := l.renderMarkdown([]byte(a.Body))
		a.Links, ds = l.links.links, append(ds, l.links.ds...)
		if err != nil {
			ds = append(ds, diag.Diagnostic{File: a.File, Line: a.BodyLine, Msg: fmt.Sprintf("cannot render Markdown: %v", err)})
		}
		a.SetHTML(h)
	}
	text := l.paras
	a.SetText(text)
	a.TextLines = l.lines
	a.WordCount = l.wordSize
	a.Mentions = l.mentions()
	lang := a.Language
	if lang == "" {
		lang = opts.Language
	}
	a.Quotes = QuotesIn(text, m, lang)
	a.Dates = DatesIn(text, a.Date, lang)
	if len(a.Dates) > MaxDates {
		ds = append(ds, tooMany(a, MaxDates, "dates"))
		a.Dates = a.Dates[:MaxDates:MaxDates]
	}
	annotateDates(a.Dates, text)
	a.Figures = FiguresIn(text, a.Dates, lang)
	if len(a.Figures) > MaxFigures {
		ds = append(ds, tooMany(a, MaxFigures, "figures"))
		a.Figures = a.Figures[:MaxFigures:MaxFigures]
	}
	AttributeFigures(a.Figures, text, m, a.Dates)
	if _, given := a.Params["summary"]; !given && len(text) > 0 {
		a.Summary = firstSentences(text[0], 300)
	}
	a.MetaHash = metaHash(a)
	a.DatesHash = datesHash(a.Dates)
	a.FactsHash = factsHash(a)
	return a, ds
}

// MaxDates and MaxFigures are how many dates and figures of one article
// are kept, in the order of the text: a real article has a few dozen,
// and every one kept is carried into the chronology, the briefings and
// the data export, so a file made of nothing else (20 MB of dates: 1.5
// million) would cost the build out of proportion to what a reader gets.
const (
	MaxDates   = 10_000
	MaxFigures = 10_000
)

// tooMany is the warning for an article with more than max of what.
func tooMany(a *model.Article, max int, what string) diag.Diagnostic {
	return diag.Diagnostic{File: a.File, Line: a.BodyLine, Severity: diag.Warning,
		Msg:  fmt.Sprintf("the text has more than %d %s; only the first %d are read", max, what, max),
		Hint: "split the article into several: past this many, the " + what + " are not shown or exported"}
}

// Event returns a new event, the loaded one with its Markdown body
// rendered and mentions of actors linked.
func Event(loaded *model.Event, m *Matcher, opts Options) (*model.Event, []diag.Diagnostic) {
	c := *loaded
	return &c, body(&c.Source, m, "", opts)
}

// Actor returns a new actor, the loaded one with its Markdown body
// rendered and mentions of other actors linked.
func Actor(loaded *model.Actor, m *Matcher, opts Options) (*model.Actor, []diag.Diagnostic) {
	c := *loaded
	return &c, body(&c.Source, m, c.Slug, opts)
}

// body renders the Markdown body of src, a copy, linking mentions of
// actors other than self.
func body(src *model.Source, m *Matcher, self string, opts Options) []diag.Diagnostic {
	l := newLinker(m, opts, self)
	l.links = newBodyLinks(src.File, "", nil, src.BodyLine)
	h, err := l.renderMarkdown([]byte(src.Body))
	src.SetHTML(h)
	src.Links = l.links.links
	ds := l.links.ds
	if err != nil {
		ds = append(ds, diag.Diagnostic{File: src.File, Line: src.BodyLine, Msg: fmt.Sprintf("cannot render Markdown: %v", err)})
	}
	return ds
}

func (l *linker) mentions() []model.Mention {
	out := make([]model.Mention, 0, len(l.order))
	for _, slug := range l.order {
		out = append(out, model.Mention{Actor: slug, Count: l.counts[slug]})
	}
	return out
}

// firstSentences shortens s to whole sentences within max bytes, or to
// whole words with an ellipsis when its first sentence is longer.
func firstSentences(s string, max int) string {
	if len(s) <= max {
		return s
	}
	cut := 0
	for i := 0; i < max; i++ {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?') && i+1 < len(s) && s[i+1] == ' ' {
			cut = i + 1
		}
	}
	if cut > 0 {
		return s[:cut]
	}
	i := strings.LastIndexByte(s[:max], ' ')
	if i <= 0 {
		i = max
		for i > 0 && s[i]&0xC0 == 0x80 {
			i--
		}
	}
	return s[:i] + "…"
}

// metaHash hashes the fields of an article that lists show, so that list
// pages can tell a change of the text from a change of what they show.
func metaHash(a *model.Article) uint64 {
	h := fnv.New64a()
	for _, s := range []string{a.Slug, a.Title, a.Date.String(), a.Updated.String(), a.Publisher, a.SourceURL, a.Summary, a.Language, a.Image} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	for _, l := range [][]string{a.Authors, a.Tags} {
		for _, s := range l {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
		h.Write([]byte{1})
	}
	return h.Sum64()
}

// factsHash hashes what was read from an article's text: quotes, dated
// statements and figures.
func factsHash(a *model.Article) uint64 {
	h := fnv.New64a()
	str := func(ss ...string) {
		for _, s := range ss {
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	var buf [8]byte
	for _, q := range a.Quotes {
		str("q", q.Text, q.Speaker, q.SpeakerName)
	}
	binary.LittleEndian.PutUint64(buf[:], a.DatesHash)
	h.Write(buf[:])
	for _, d := range a.Dates {
		str(d.Text, d.Type, d.Value)
	}
	prev := ""
	for i, f := range a.Figures {
		binary.LittleEndian.PutUint64(buf[:], math.Float64bits(f.Value))
		h.Write(buf[:])
		// A sentence of many figures is hashed once: hashing it for each
		// cost its length per figure, a third of the build of a file of
		// figures.
		str(f.Unit, f.Text)
		if i > 0 && f.Sentence == prev {
			str("\x01")
		} else {
			str("\x02", f.Sentence)
		}
		str(f.Counts, f.Holder, f.HolderName, f.RefersTo)
		prev = f.Sentence
	}
	return h.Sum64()
}

// datesHash hashes the dated statements of an article.
func datesHash(ds []model.DateMention) uint64 {
	h := fnv.New64a()
	var buf [9]byte
	var prev [3]string
	for i, d := range ds {
		binary.LittleEndian.PutUint64(buf[:8], uint64(d.Date.Start.Unix()))
		buf[8] = byte(d.Date.Precision)
		h.Write(buf[:])
		// The sentence and clause of many dates are hashed once, as in
		// factsHash: a fourth of the build of a file of dates.
		for k, s := range [3]string{d.Sentence, d.Clause, d.Mod} {
			if i > 0 && s == prev[k] {
				h.Write([]byte{1})
				continue
			}
			prev[k] = s
			h.Write([]byte{2})
			h.Write([]byte(s))
			h.Write([]byte{0})
		}
	}
	return h.Sum64()
}
