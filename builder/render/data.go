package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/briefhq/brief/builder/model"
)

// The data export: one JSON array per collection, for people who analyse
// the site. Field names and order are part of the content contract.

type jsonQuote struct {
	Text        string  `json:"text"`
	Speaker     *string `json:"speaker"`
	SpeakerName string  `json:"speaker_name"`
}

// jsonDate is a temporal expression: its TimeML TIMEX3 type and value,
// and the calendar date and precision when it names one (null for
// durations, sets and references such as PRESENT_REF).
type jsonDate struct {
	Text      string  `json:"text"`
	Type      string  `json:"type"`
	Value     string  `json:"value"`
	Date      *string `json:"date"`
	Precision *string `json:"precision"`
}

// jsonFigure is a figure with what it counts, who gives it (an actor
// slug, else the source as written; null when the article states it) and
// the TIMEX3 value of the time it refers to (null when none).
type jsonFigure struct {
	Value    float64 `json:"value"`
	Unit     string  `json:"unit"`
	Text     string  `json:"text"`
	Counts   string  `json:"counts"`
	Holder   *string `json:"holder"`
	RefersTo *string `json:"refers_to"`
}

func dateJSON(d model.DateMention) jsonDate {
	j := jsonDate{Text: d.Text, Type: d.Type, Value: d.Value}
	if j.Type == "" {
		j.Type = model.TypeDate
	}
	if j.Value == "" {
		j.Value = d.Date.String()
	}
	if !d.Date.IsZero() {
		j.Date, j.Precision = strPtr(d.Date.String()), strPtr(d.Date.Precision.String())
	}
	return j
}

func figureJSON(f model.Figure) jsonFigure {
	holder := f.Holder
	if holder == "" {
		holder = f.HolderName
	}
	return jsonFigure{Value: f.Value, Unit: f.Unit, Text: f.Text, Counts: f.Counts, Holder: strPtr(holder), RefersTo: strPtr(f.RefersTo)}
}

type jsonArticle struct {
	Slug      string       `json:"slug"`
	URL       string       `json:"url"`
	Title     string       `json:"title"`
	Date      string       `json:"date"`
	Updated   *string      `json:"updated"`
	Source    string       `json:"source"`
	SourceURL string       `json:"source_url"`
	Authors   []string     `json:"authors"`
	Events    []string     `json:"events"`
	Auto      []string     `json:"auto_events"`
	Actors    []string     `json:"actors"`
	Tags      []string     `json:"tags"`
	Quotes    []jsonQuote  `json:"quotes"`
	Dates     []jsonDate   `json:"dates"`
	Figures   []jsonFigure `json:"figures"`
}

type jsonEvent struct {
	Slug      string   `json:"slug"`
	URL       string   `json:"url"`
	Title     string   `json:"title"`
	Date      string   `json:"date"`
	End       *string  `json:"end"`
	Precision string   `json:"precision"`
	Place     *string  `json:"place"`
	Actors    []string `json:"actors"`
	Articles  []string `json:"articles"`
	Related   []string `json:"related"`
	Summary   string   `json:"summary,omitempty"`
}

type jsonActor struct {
	Slug         string   `json:"slug"`
	URL          string   `json:"url"`
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Aliases      []string `json:"aliases"`
	Misspellings []string `json:"misspellings"`
	Role         string   `json:"role"`
	Country      *string  `json:"country"`
	Wikidata     string   `json:"wikidata,omitempty"`
	Articles     []string `json:"articles"`
	Events       []string `json:"events"`
	Quotes       int      `json:"quotes"`
}

type jsonChrono struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Kind      string `json:"kind"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text,omitempty"`
	Clause    string `json:"clause,omitempty"`
	Expected  bool   `json:"expected,omitempty"`
	Event     string `json:"event,omitempty"`
	Article   string `json:"article,omitempty"`
	URL       string `json:"url"`
	// Sources are a report's articles; Reports an event's statements in
	// the coverage that refer to it.
	Sources []jsonStatement `json:"sources,omitempty"`
	Reports []jsonStatement `json:"reports,omitempty"`
}

// jsonStatement is a dated statement of an article in chronology.json.
type jsonStatement struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Expr      string `json:"expr"`
	Text      string `json:"text"`
	Clause    string `json:"clause"`
	Article   string `json:"article"`
	URL       string `json:"url"`
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// dataNames are the files of the data export.
var dataNames = []string{"data/articles.json", "data/events.json", "data/actors.json", "data/chronology.json"}

// ExportNames returns the paths of the data export's files, which a
// render with Options.DeferExport leaves to Export.
func ExportNames() []string { return slices.Clone(dataNames) }

// Export writes the data export's file name (one of ExportNames) of the
// site to w, as a render writes it. It caches nothing and records
// nothing; s must not change while it runs.
func Export(w Writer, s *model.Site, name string) error {
	if !slices.Contains(dataNames, name) {
		return fmt.Errorf("%s is not a file of the data export", name)
	}
	dataFile(w, nil, s, name, 0)
	return nil
}

// articleParts caches each article's encoded object in articles.json.
var articleParts parts[[]byte]

// dataFile writes one export file to w. Files are JSON arrays with one
// object per line: compact, yet easy to read and to diff. Each export
// records in r the parts of the items it shows, so that an edit that
// changes none of them does not make it again.
func dataFile(w Writer, r *rec, s *model.Site, name string, global uint64) {
	cfg := s.Config
	u := func(v any) string { x, _ := URL(cfg, v); return x }

	switch name {
	case "data/articles.json":
		exportArticles(w, r, s, u, global)
	case "data/events.json":
		marshal(w, exportEvents(r, s, u))
	case "data/actors.json":
		marshal(w, exportActors(r, s, u))
	default:
		exportChronology(w, r, s, u, global)
	}
}

// exportArticles joins each article's object, re-encoding only articles
// whose file or covered events changed since the last render.
func exportArticles(b Writer, r *rec, s *model.Site, u func(any) string, global uint64) {
	r.list(listArticles)
	run := articleParts.begin(len(s.Articles), global)
	defer run.end()
	enc := newEncoder()
	b.WriteString("[")
	for i, a := range s.Articles {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		// What articleJSON reads: the front matter, the facts, the links.
		v := r.article(a)
		v.meta()
		v.facts()
		v.links()
		sig := Sig{h: fnvOffset}
		sig.Uint(a.Hash)
		for _, e := range a.Events {
			sig.Str(e.Slug)
		}
		sig.Uint(uint64(len(a.AutoEvents)))
		b.Write(run.get(partKey{global, sig.h, 'A'}, func() []byte { return keep(enc, run, articleJSON(a, u)) }))
	}
	b.WriteString("\n]\n")
}

func articleJSON(a *model.Article, u func(any) string) jsonArticle {
	j := jsonArticle{Slug: a.Slug, URL: u(a), Title: a.Title, Date: a.Date.String(), Updated: strPtr(a.Updated.String()),
		Source: a.Publisher, SourceURL: a.SourceURL, Authors: nonNil(a.Authors), Tags: nonNil(a.Tags),
		Events: []string{}, Actors: []string{}, Quotes: []jsonQuote{}, Dates: []jsonDate{}, Figures: []jsonFigure{}}
	j.Auto = []string{}
	for _, e := range a.Events {
		j.Events = append(j.Events, e.Slug)
	}
	for _, e := range a.AutoEvents {
		j.Auto = append(j.Auto, e.Slug)
	}
	for _, x := range a.Actors {
		j.Actors = append(j.Actors, x.Slug)
	}
	for _, q := range a.Quotes {
		j.Quotes = append(j.Quotes, jsonQuote{Text: q.Text, Speaker: strPtr(q.Speaker), SpeakerName: q.SpeakerName})
	}
	for _, d := range a.Dates {
		j.Dates = append(j.Dates, dateJSON(d))
	}
	for _, f := range a.Figures {
		j.Figures = append(j.Figures, figureJSON(f))
	}
	return j
}

func exportEvents(r *rec, s *model.Site, u func(any) string) []jsonEvent {
	r.list(listEvents)
	evs := make([]jsonEvent, 0, len(s.Events))
	for _, e := range s.Events {
		v := r.event(e)
		v.own()
		for _, part := range []int{evPlace, evActors, evArticles, evRelated} {
			r.mark(v.id, part)
		}
		j := jsonEvent{Slug: e.Slug, URL: u(e), Title: e.Title, Date: e.Date.String(), Precision: e.Date.Precision.String(),
			Actors: []string{}, Articles: []string{}, Related: []string{}, Summary: e.Summary}
		if !e.End.IsZero() {
			j.End = strPtr(e.End.String())
		}
		if e.PlaceActor != nil {
			j.Place = strPtr(e.PlaceActor.Slug)
		} else {
			j.Place = strPtr(e.Place)
		}
		for _, a := range e.Actors {
			j.Actors = append(j.Actors, a.Slug)
		}
		for _, a := range e.Articles {
			j.Articles = append(j.Articles, a.Slug)
		}
		for _, r := range e.Related {
			j.Related = append(j.Related, r.Slug)
		}
		evs = append(evs, j)
	}
	return evs
}

func exportActors(r *rec, s *model.Site, u func(any) string) []jsonActor {
	r.list(listActors)
	acts := make([]jsonActor, 0, len(s.Actors))
	for _, a := range s.Actors {
		v := r.actor(a)
		v.own()
		for _, part := range []int{acCountry, acArticles, acEvents, acQuotes} {
			r.mark(v.id, part)
		}
		j := jsonActor{Slug: a.Slug, URL: u(a), Name: a.Name, Kind: a.Kind, Aliases: nonNil(a.Aliases),
			Misspellings: nonNil(a.Misspellings), Role: a.Role, Wikidata: a.Wikidata,
			Articles: []string{}, Events: []string{}, Quotes: len(a.Quotes)}
		if a.Country != nil {
			j.Country = strPtr(a.Country.Slug)
		}
		for _, m := range a.Articles {
			j.Articles = append(j.Articles, m.Article.Slug)
		}
		for _, e := range a.Events {
			j.Events = append(j.Events, e.Slug)
		}
		acts = append(acts, j)
	}
	return acts
}

// chronologyParts caches the encoded entries of chronology.json.
var chronologyParts parts[[]byte]

// exportChronology writes chronology.json. Reports are most of it (every
// development of every article), so each entry is encoded once and
// reused while its event and its articles are unchanged.
func exportChronology(b Writer, r *rec, s *model.Site, u func(any) string, global uint64) {
	r.list(listChronology)
	run := chronologyParts.begin(len(s.Chronology), global)
	defer run.end()
	enc := newEncoder()
	statements := func(srcs []model.ChronoSource) []jsonStatement {
		out := make([]jsonStatement, len(srcs))
		for i, src := range srcs {
			d := src.Mention()
			out[i] = jsonStatement{Date: d.Date.String(), Precision: d.Date.Precision.String(), Expr: d.Text,
				Text: d.Sentence, Clause: d.Clause, Article: src.Article.Slug, URL: u(src.Article)}
		}
		return out
	}
	b.WriteString("[")
	for i, c := range s.Chronology {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		// What the entry shows: its event or its article's statement, and
		// the statement of each source.
		ChronoEntryView{c: c, r: r}.said()
		for _, src := range c.Sources {
			ChronoSourceView{s: src, r: r}.Mention()
		}
		sig := Sig{h: fnvOffset}
		if c.Event != nil {
			sig.Uint(c.Event.Hash)
		}
		if c.Expected {
			sig.Uint(1)
		}
		for _, src := range c.Sources {
			sig.Uint(src.Article.Hash)
			sig.Uint(uint64(src.N))
		}
		b.Write(run.get(partKey{global, sig.h, 'C'}, func() []byte {
			j := jsonChrono{Date: c.Date.String(), Precision: c.Date.Precision.String(), Kind: c.Kind}
			if c.Event != nil {
				j.Title, j.Event, j.URL, j.Reports = c.Event.Title, c.Event.Slug, u(c.Event), statements(c.Sources)
			} else {
				j.Text, j.Clause, j.Expected, j.Article, j.URL = c.Text(), c.Clause(), c.Expected, c.Article.Slug, u(c.Article)
				j.Sources = statements(c.Sources)
			}
			return keep(enc, run, j)
		}))
	}
	b.WriteString("\n]\n")
}

// marshal writes a slice as a JSON array with one object per line.
func marshal[T any](b Writer, items []T) {
	enc := newEncoder()
	b.WriteString("[")
	for i, it := range items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
		b.Write(enc.encode(it))
	}
	b.WriteString("\n]\n")
}

// encoder writes values as compact JSON without escaping <, > and &,
// which are safe in a .json file and easier to read unescaped. It reuses
// one buffer: a data export encodes hundreds of thousands of values.
type encoder struct {
	b   bytes.Buffer
	enc *json.Encoder
}

func newEncoder() *encoder {
	e := &encoder{}
	e.enc = json.NewEncoder(&e.b)
	e.enc.SetEscapeHTML(false)
	return e
}

// encode returns v's encoding, valid until the next call.
func (e *encoder) encode(v any) []byte {
	e.b.Reset()
	_ = e.enc.Encode(v) // plain structs of strings and numbers cannot fail
	return bytes.TrimSuffix(e.b.Bytes(), []byte("\n"))
}

// keep returns v's encoding in a slice of its own when run caches parts,
// and the encoder's buffer otherwise.
func keep[V any](e *encoder, run *partsRun[V], v any) []byte {
	if run.caching() {
		return bytes.Clone(e.encode(v))
	}
	return e.encode(v)
}
