package resolve_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/resolve"
)

func month(y int, m time.Month) model.Date {
	return model.Date{Start: time.Date(y, m, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
}

func year(y int) model.Date {
	return model.Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
}

func week(y int, m time.Month, monday int) model.Date {
	return model.Date{Start: time.Date(y, m, monday, 0, 0, 0, 0, time.UTC), Precision: model.Week}
}

// said is a dated statement whose clause is the sentence.
func said(expr, clause string, d model.Date) model.DateMention {
	return model.DateMention{Text: expr, Date: d, Sentence: clause, Clause: clause}
}

// chronoArticle is an article published on pub naming actors.
func chronoArticle(slug string, pub model.Date, actors []string, dates ...model.DateMention) *model.Article {
	a := &model.Article{Source: model.Source{File: "content/articles/" + slug + ".md", Slug: slug}, Title: slug, Date: pub, Dates: dates}
	for _, x := range actors {
		a.Mentions = append(a.Mentions, model.Mention{Actor: x, Count: 1})
	}
	return a
}

var chronoActors = []*model.Actor{
	{Source: model.Source{Slug: "vladimir-putin"}, Name: "Vladimir Putin", Aliases: []string{"Putin"}, Kind: model.Person},
	{Source: model.Source{Slug: "emmanuel-macron"}, Name: "Emmanuel Macron", Aliases: []string{"Macron"}, Kind: model.Person},
	{Source: model.Source{Slug: "olaf-scholz"}, Name: "Olaf Scholz", Aliases: []string{"Scholz"}, Misspellings: []string{"Schulz"}, Kind: model.Person},
	{Source: model.Source{Slug: "russia"}, Name: "Russia", Kind: model.Country},
	{Source: model.Source{Slug: "france"}, Name: "France", Kind: model.Country},
	{Source: model.Source{Slug: "crimea"}, Name: "Crimea", Kind: model.Place},
}

var chronoEvents = []*model.Event{
	{Source: model.Source{File: "content/events/crimea.md", Slug: "crimea-annexation"}, Title: "Russia annexes Crimea", Date: year(2014),
		ActorRefs: []model.Ref{{Slug: "russia"}, {Slug: "crimea"}, {Slug: "vladimir-putin"}}},
	{Source: model.Source{File: "content/events/kremlin.md", Slug: "macron-putin-kremlin"}, Title: "Macron and Putin meet in the Kremlin", Date: model.NewDay(2022, 2, 7),
		ActorRefs: []model.Ref{{Slug: "emmanuel-macron"}, {Slug: "vladimir-putin"}, {Slug: "france"}, {Slug: "russia"}}},
}

// reports returns the report entries of s, each as its clause and the
// slugs of its sources.
func reports(s *model.Site) map[string][]string {
	out := map[string][]string{}
	for _, c := range s.Chronology {
		if c.Kind != "report" {
			continue
		}
		for _, src := range c.Sources {
			out[c.Clause()] = append(out[c.Clause()], src.Article.Slug)
		}
	}
	return out
}

// also returns the clauses filed under event slug.
func also(s *model.Site, slug string) []string {
	var out []string
	for _, c := range s.Chronology {
		if c.Event != nil && c.Event.Slug == slug {
			for _, src := range c.Sources {
				out = append(out, src.Mention().Clause)
			}
		}
	}
	return out
}

// TestChronologyLinksEvents: a date that refers to an event the site has
// is filed under that event, not as a report of its own.
func TestChronologyLinksEvents(t *testing.T) {
	cases := []struct {
		clause string
		d      model.Date
		actors []string
		event  string // "" when the statement stays a report
	}{
		{"The crisis has revived memories of the 2014 annexation of Crimea", year(2014), nil, "crimea-annexation"},
		{"The recognition echoes 2014, when Russia annexed Crimea", year(2014), []string{"russia", "crimea"}, "crimea-annexation"},
		{"He pointed to the Minsk agreements of 2014 as the only way to settle the war", year(2014), nil, ""},
		// The same day and a participant named: the talks themselves.
		{"Putin received the French president on Monday for five hours", model.NewDay(2022, 2, 7), []string{"vladimir-putin"}, "macron-putin-kremlin"},
		// The same day, but only a country named: something else.
		{"Russia said on Monday it had moved more ships to the Black Sea", model.NewDay(2022, 2, 7), []string{"russia"}, ""},
		// Vaguer than the event: only a word of its title will do.
		{"Macron will fly to the Kremlin this week", week(2022, 2, 7), []string{"emmanuel-macron"}, "macron-putin-kremlin"},
		{"France and Russia traded accusations this week", week(2022, 2, 7), []string{"france", "russia"}, ""},
		// A word of the title, on another date: no link.
		{"The Kremlin said on Tuesday that talks would go on", model.NewDay(2022, 2, 8), nil, ""},
	}
	for i, c := range cases {
		a := chronoArticle("a"+string(rune('a'+i)), model.NewDay(2022, 2, 9), c.actors, said("x", c.clause, c.d))
		s, ds := resolve.Site(model.Config{}, []*model.Article{a}, chronoEvents, chronoActors)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		linked := ""
		for _, e := range []string{"crimea-annexation", "macron-putin-kremlin"} {
			if slices.Contains(also(s, e), c.clause) {
				linked = e
			}
		}
		_, reported := reports(s)[c.clause]
		if linked != c.event || reported == (c.event != "") {
			t.Errorf("%q: filed under %q (a report: %v), want under %q", c.clause, linked, reported, c.event)
		}
	}
}

// TestChronologyMergesSameDevelopment: the same development reported by
// two articles is one entry listing both; another development of the
// same day stays apart, and so does the same words on another day.
func TestChronologyMergesSameDevelopment(t *testing.T) {
	fri := model.NewDay(2022, 2, 18)
	a := chronoArticle("wire", model.NewDay(2022, 2, 16), []string{"russia"},
		said("on Friday", "Russia will hold naval drills in the Black Sea on Friday", fri))
	b := chronoArticle("paper", model.NewDay(2022, 2, 17), nil,
		said("on Friday", "Moscow said its navy would hold drills in the Black Sea on Friday", fri))
	c := chronoArticle("daily", model.NewDay(2022, 2, 17), nil,
		said("on Friday", "Ukraine's parliament will debate the state of emergency on Friday", fri))
	d := chronoArticle("weekly", model.NewDay(2022, 2, 17), []string{"russia"},
		said("on Saturday", "Russia will hold naval drills in the Black Sea on Saturday", model.NewDay(2022, 2, 19)))
	s, _ := resolve.Site(model.Config{}, []*model.Article{a, b, c, d}, nil, chronoActors)
	got := reports(s)
	if srcs := got["Russia will hold naval drills in the Black Sea on Friday"]; !slices.Equal(srcs, []string{"wire", "paper"}) {
		t.Errorf("drills: sources %q, want wire and paper in one entry (all: %q)", srcs, got)
	}
	if _, apart := got["Moscow said its navy would hold drills in the Black Sea on Friday"]; apart {
		t.Errorf("the paper's report of the drills is an entry of its own: %q", got)
	}
	if srcs := got["Ukraine's parliament will debate the state of emergency on Friday"]; !slices.Equal(srcs, []string{"daily"}) {
		t.Errorf("debate: sources %q, want daily alone", srcs)
	}
	if srcs := got["Russia will hold naval drills in the Black Sea on Saturday"]; !slices.Equal(srcs, []string{"weekly"}) {
		t.Errorf("Saturday's drills: sources %q, want weekly alone", srcs)
	}
	if n := len(s.Chronology); n != 3 {
		t.Errorf("%d entries, want 3", n)
	}
}

// TestChronologyOneEntryPerClause: a clause an article dates twice is
// filed once, under its finest date.
func TestChronologyOneEntryPerClause(t *testing.T) {
	clause := "Russia on Friday published the guarantees Putin has been demanding since early December."
	a := chronoArticle("texts", model.NewDay(2021, 12, 18), nil,
		said("since early December", clause, month(2021, 12)),
		said("on Friday", clause, model.NewDay(2021, 12, 17)))
	s, _ := resolve.Site(model.Config{}, []*model.Article{a}, nil, chronoActors)
	if len(s.Chronology) != 1 || s.Chronology[0].Date != model.NewDay(2021, 12, 17) {
		t.Fatalf("chronology %+v, want one entry on 17 December", s.Chronology)
	}
}

// TestChronologyExpected: a report every source gave before its date is
// expected; once an article reports it done, it is not.
func TestChronologyExpected(t *testing.T) {
	tue := model.NewDay(2022, 2, 15)
	before := chronoArticle("before", model.NewDay(2022, 2, 14), []string{"olaf-scholz"}, said("on Tuesday", "Scholz flies to Moscow on Tuesday", tue))
	after := chronoArticle("after", model.NewDay(2022, 2, 15), []string{"olaf-scholz"}, said("on Tuesday", "Schulz flew to Moscow on Tuesday", tue))
	thisWeek := chronoArticle("week", model.NewDay(2022, 2, 15), nil,
		said("this week", "The ministers will meet again this week", week(2022, 2, 14)))
	done := chronoArticle("done", model.NewDay(2022, 2, 15), nil,
		said("this week", "Diplomats gathered in Vienna this week", week(2022, 2, 14)))
	expected := func(arts ...*model.Article) map[string]bool {
		s, _ := resolve.Site(model.Config{}, arts, nil, chronoActors)
		out := map[string]bool{}
		for _, c := range s.Chronology {
			out[c.Clause()] = c.Expected
		}
		return out
	}
	if got := expected(before); !got["Scholz flies to Moscow on Tuesday"] {
		t.Errorf("a trip reported the day before is not expected: %v", got)
	}
	got := expected(before, after)
	if len(got) != 1 {
		t.Fatalf("%v: want the two reports of the trip as one entry", got)
	}
	if got["Scholz flies to Moscow on Tuesday"] {
		t.Errorf("a trip reported done is still expected: %v", got)
	}
	got = expected(thisWeek, done)
	if !got["The ministers will meet again this week"] || got["Diplomats gathered in Vienna this week"] {
		t.Errorf("this week: %v, want only the future tense expected", got)
	}
}

// TestEventsIndexOrderIsChronologyOrder: the events index (Site.Events)
// lists the events in the order the chronology shows them, whatever
// their precision, era or slugs.
func TestEventsIndexOrderIsChronologyOrder(t *testing.T) {
	ev := func(slug string, d model.Date) *model.Event {
		return &model.Event{Source: model.Source{File: "content/events/" + slug + ".md", Slug: slug}, Title: strings.ToUpper(slug), Date: d}
	}
	events := []*model.Event{
		ev("b-day", model.NewDay(2022, 1, 1)), ev("month", month(2022, 1)), ev("year", year(2022)),
		ev("a-day", model.NewDay(2022, 1, 1)), ev("old", model.NewDay(1945, 5, 8)), ev("older", year(1914)),
		ev("week", week(2021, 12, 27)), ev("span", model.NewDay(2021, 12, 31)),
	}
	events[7].End = model.NewDay(2022, 1, 2)
	a := chronoArticle("a", model.NewDay(2022, 1, 3), nil, said("in 2022", "Something happened in 2022", year(2022)))
	s, _ := resolve.Site(model.Config{}, []*model.Article{a}, events, chronoActors)
	var chrono, index []string
	for _, c := range s.Chronology {
		if c.Event != nil {
			chrono = append(chrono, c.Event.Slug)
		}
	}
	for _, e := range s.Events {
		index = append(index, e.Slug)
	}
	want := []string{"older", "old", "week", "span", "year", "month", "a-day", "b-day"}
	if !slices.Equal(index, want) || !slices.Equal(chrono, want) {
		t.Errorf("events index %q, chronology %q, want both %q", index, chrono, want)
	}
}

// TestChronologyVaguerStatementCountsTitleWords: a statement vaguer than
// the events it could mean goes to the one whose title it names most,
// a word the title has twice counting twice, and to the first in the
// chronology when they are named as much.
func TestChronologyVaguerStatementCountsTitleWords(t *testing.T) {
	ev := func(slug, title string, day int) *model.Event {
		return &model.Event{Source: model.Source{File: "content/events/" + slug + ".md", Slug: slug}, Title: title, Date: model.NewDay(2022, 2, day)}
	}
	events := []*model.Event{
		ev("minsk", "Ceasefire talks in Minsk", 8),
		ev("geneva", "Talks on talks in Geneva", 9),
		ev("vienna", "Talks in Vienna", 10),
		ev("oslo", "Elections in Oslo", 9),
	}
	cases := []struct{ clause, event string }{
		{"More talks are planned this week", "geneva"},
		{"The Minsk and Vienna talks are due this week", "minsk"},
		{"Ceasefire talks in Minsk resume this week", "minsk"},
		{"Vienna hosts talks this week", "geneva"}, // two words each: the first
		{"Elections will be held this week", "oslo"},
	}
	for i, c := range cases {
		a := chronoArticle("v"+string(rune('a'+i)), model.NewDay(2022, 2, 6), nil, said("this week", c.clause, week(2022, 2, 7)))
		s, ds := resolve.Site(model.Config{}, []*model.Article{a}, events, nil)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		var under []string
		for _, e := range events {
			if slices.Contains(also(s, e.Slug), c.clause) {
				under = append(under, e.Slug)
			}
		}
		if !slices.Equal(under, []string{c.event}) {
			t.Errorf("%q: filed under %v, want under %s", c.clause, under, c.event)
		}
	}
}
