package model

import (
	"reflect"
	"testing"
	"time"
)

func briefingEvent() (*Event, map[string]*Actor) {
	macron := &Actor{Source: Source{Slug: "emmanuel-macron"}, Name: "Emmanuel Macron"}
	putin := &Actor{Source: Source{Slug: "vladimir-putin"}, Name: "Vladimir Putin"}
	lavrov := &Actor{Source: Source{Slug: "sergei-lavrov"}, Name: "Sergei Lavrov"}
	feb7, feb8 := NewDay(2022, time.February, 7), NewDay(2022, time.February, 8)
	a1 := &Article{Source: Source{Slug: "a1"}, Title: "Talks", Date: feb7, Publisher: "Wire", Actors: []*Actor{macron, putin},
		Figures: []Figure{
			{Value: 110000, Unit: "troops", Text: "110,000 troops", Counts: "Russian troops near the border", HolderName: "US officials", RefersTo: "2022-02-07"},
			{Value: 5, Unit: "hours", Text: "five hours", Counts: "hours"},
			{Value: 3000, Unit: "troops", Text: "3,000 US troops", Counts: "US troops"},
		},
		Quotes: []Quote{
			{Text: "The coming days will be decisive", Speaker: "emmanuel-macron", By: macron},
			{Text: "We will do everything to find compromises that suit everyone", Speaker: "vladimir-putin", By: putin},
			{Text: "Nobody wants a war", SpeakerName: "a diplomat"},
			{Text: "Scare words", SpeakerName: ""},
		}}
	a2 := &Article{Source: Source{Slug: "a2"}, Title: "Kremlin", Date: feb7, Publisher: "Ledger", Actors: []*Actor{macron},
		Figures: []Figure{
			{Value: 125000, Unit: "soldiers", Text: "125,000 Russian soldiers", Counts: "Russian soldiers", Holder: "emmanuel-macron"},
			{Value: 150000, Unit: "troops", Text: "about 150,000 troops", Counts: "troops", HolderName: "US officials", RefersTo: "2022-02", Sentence: "The force could number about 150,000 troops by mid-February, US officials said."},
		},
		Quotes: []Quote{
			{Text: "the coming days will be decisive.", Speaker: "emmanuel-macron", By: macron},
			{Text: "Partners are not ready to take our concerns seriously", Speaker: "sergei-lavrov", By: lavrov},
		}}
	a3 := &Article{Source: Source{Slug: "a3"}, Title: "After", Date: feb8, Actors: []*Actor{macron},
		Quotes: []Quote{
			{Text: "Putin told me there would be no new escalation", Speaker: "emmanuel-macron", By: macron},
			{Text: "Europe's security is at stake", Speaker: "emmanuel-macron", By: macron},
			// A shortened version of Putin's words with no speaker found.
			{Text: "we will do everything to find compromises that suit everyone, as I told him", SpeakerName: "he"},
		}}
	e := &Event{Source: Source{Slug: "e"}, Actors: []*Actor{macron, putin}, Articles: []*Article{a1, a2, a3}}
	return e, map[string]*Actor{"macron": macron, "putin": putin, "lavrov": lavrov}
}

// The example: three estimates of one force by two sources, one a
// projection, are one group; a deployment of 3,000 is another; durations
// are no numbers.
func TestNumbersGroupEstimates(t *testing.T) {
	e, ac := briefingEvent()
	gs := e.Numbers()
	if len(gs) != 2 {
		t.Fatalf("got %d groups, want 2: %+v", len(gs), gs)
	}
	g := gs[0]
	if g.Label != "Russian troops near the border" || g.Min != 110000 || g.Max != 125000 {
		t.Errorf("group %q %v–%v, want Russian troops near the border 110000–125000", g.Label, g.Min, g.Max)
	}
	if len(g.Now) != 2 || g.Now[0].Who != "US officials" || g.Now[1].Who != "Emmanuel Macron" || g.Now[1].By != ac["macron"] {
		t.Errorf("now: %+v", g.Now)
	}
	if !g.Now[0].When.Start.Equal(NewDay(2022, time.February, 7).Start) {
		t.Errorf("US officials' figure dated %v", g.Now[0].When)
	}
	if len(g.Projected) != 1 || g.Projected[0].Figure.Value != 150000 || g.Projected[0].When.Precision != Month {
		t.Errorf("projected: %+v", g.Projected)
	}
	if gs[1].Label != "US troops" || gs[1].Min != 3000 {
		t.Errorf("second group %+v", gs[1])
	}
}

func TestWhoSaidRanksAndDedupes(t *testing.T) {
	e, ac := briefingEvent()
	qs := e.WhoSaid()
	var got []string
	for _, q := range qs {
		got = append(got, q.Quote.Text)
	}
	want := []string{
		"The coming days will be decisive",                                            // participant, in two outlets
		"we will do everything to find compromises that suit everyone, as I told him", // participant, two outlets, longest version kept
		"Putin told me there would be no new escalation",
		"Partners are not ready to take our concerns seriously", // an actor, not a participant
		"Nobody wants a war",            // no actor
		"Europe's security is at stake", // Macron's third
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order:\n%q\nwant\n%q", got, want)
	}
	if qs[0].Article.Slug != "a1" || len(qs[0].Also) != 1 || qs[0].Also[0].Slug != "a2" || !qs[0].Participant {
		t.Errorf("first quote: %+v", qs[0])
	}
	if qs[1].Quote.By != ac["putin"] {
		t.Errorf("the shortened quote lost its speaker: %+v", qs[1].Quote)
	}
	if qs[3].Participant {
		t.Errorf("Lavrov is no participant")
	}
}

func TestOwnWordsNewestFirst(t *testing.T) {
	e, ac := briefingEvent()
	m := ac["macron"]
	for _, a := range e.Articles {
		for _, q := range a.Quotes {
			if q.By == m {
				m.Quotes = append(m.Quotes, ActorQuote{Quote: q, Article: a, Actor: m})
			}
		}
	}
	qs := m.OwnWords()
	if len(qs) != 3 || qs[0].Article.Slug != "a3" || qs[2].Quote.Text != "The coming days will be decisive" || len(qs[2].Also) != 1 {
		t.Fatalf("own words: %+v", qs)
	}
}

func TestCoverageDaysAndDates(t *testing.T) {
	e, _ := briefingEvent()
	days := e.CoverageDays()
	if len(days) != 2 || len(days[0].Articles) != 2 || !reflect.DeepEqual(days[0].Publishers, []string{"Wire", "Ledger"}) || days[1].Publishers != nil {
		t.Errorf("days: %+v", days)
	}
	if n := e.Newest(); len(n) != 3 || n[0].Slug != "a3" {
		t.Errorf("newest: %v", n)
	}
	s := &Site{Articles: e.Articles}
	e.Articles[0].Updated = NewDay(2022, time.February, 9)
	if d := s.LastUpdate(); d.String() != "2022-02-09" {
		t.Errorf("last update %v, want the update of 9 February", d)
	}
	x := &Actor{Articles: []ArticleMention{{Article: e.Articles[0]}, {Article: e.Articles[2]}}}
	if x.FirstSeen().String() != "2022-02-07" || x.LastSeen().String() != "2022-02-08" {
		t.Errorf("seen %v–%v", x.FirstSeen(), x.LastSeen())
	}
}

// A cue of another clause does not make a projection; a year misread as
// a count and a share of nothing named are no numbers.
func TestNumbersClauseAndNoise(t *testing.T) {
	a := &Article{Date: NewDay(2022, time.February, 8), Figures: []Figure{
		{Value: 100000, Unit: "troops", Text: "about 100,000 troops", Counts: "troops in position", RefersTo: "PRESENT_REF",
			Sentence: "Moscow is now estimated to have about 100,000 troops in position, which could be complete by mid-February."},
		{Value: 1997, Unit: "positions", Text: "1997 positions", Counts: "positions"},
		{Value: 70, Unit: "percent", Text: "roughly 70 percent"},
	}}
	gs := (&Event{Articles: []*Article{a}}).Numbers()
	if len(gs) != 1 || len(gs[0].Now) != 1 || len(gs[0].Projected) != 0 || gs[0].Label != "Troops in position" {
		t.Fatalf("groups %+v", gs)
	}
}
