package model

import (
	"testing"
	"time"
)

// TestMentionHuman: every precision, with and without each mod, and
// weekends, read as an editor would write them.
func TestMentionHuman(t *testing.T) {
	day := NewDay(2022, 2, 7)
	week := Date{Start: day.Start, Precision: Week}
	month := Date{Start: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: Month}
	year := Date{Start: time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}
	for _, c := range []struct {
		d          Date
		value, mod string
		want       string
	}{
		{day, "", "", "7 February 2022"},
		{day, "", ModStart, "early on 7 February 2022"},
		{day, "", ModMid, "7 February 2022"},
		{day, "", ModEnd, "late on 7 February 2022"},
		{week, "2022-W06", "", "7–13 February 2022"},
		{week, "2022-W06-WE", "", "weekend of 12–13 February 2022"},
		{week, "2022-W06", ModStart, "early in the week of 7–13 February 2022"},
		{week, "2022-W06", ModMid, "midweek, 7–13 February 2022"},
		{week, "2022-W06", ModEnd, "late in the week of 7–13 February 2022"},
		{Date{Start: time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC), Precision: Week}, "", "", "28 February – 6 March 2022"},
		{Date{Start: time.Date(2021, 12, 27, 0, 0, 0, 0, time.UTC), Precision: Week}, "", "", "27 December 2021 – 2 January 2022"},
		{month, "", "", "February 2022"},
		{month, "", ModStart, "early February 2022"},
		{month, "", ModMid, "mid-February 2022"},
		{month, "", ModEnd, "late February 2022"},
		{year, "", "", "2022"},
		{year, "", ModStart, "early 2022"},
		{year, "", ModMid, "mid-2022"},
		{year, "", ModEnd, "late 2022"},
		{Date{}, "PT5H", "", ""},
	} {
		m := DateMention{Date: c.d, Value: c.value, Mod: c.mod}
		if got := m.Human(); got != c.want {
			t.Errorf("%v %s %q: Human() = %q, want %q", c.d, c.value, c.mod, got, c.want)
		}
	}
	if got := Span(NewDay(2022, 2, 18), NewDay(2022, 2, 20)); got != "18–20 February 2022" {
		t.Errorf("Span = %q", got)
	}
}

// TestChronoDays: entries of one date as readers see it share a day;
// reports beyond the share fold into More, events never do.
func TestChronoDays(t *testing.T) {
	d7, d8 := NewDay(2022, 2, 7), NewDay(2022, 2, 8)
	a := &Article{Dates: []DateMention{
		{Date: d7}, {Date: d7}, {Date: d7}, {Date: Date{Start: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: Month}, Mod: ModMid},
		{Date: Date{Start: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: Month}},
	}}
	e := &Event{Date: d8, Title: "x"}
	es := []ChronoEntry{
		{Date: a.Dates[4].Date, Kind: "report", Article: a, N: 4},
		{Date: a.Dates[3].Date, Kind: "report", Article: a, N: 3},
		{Date: d7, Kind: "report", Article: a, N: 0},
		{Date: d7, Kind: "report", Article: a, N: 1},
		{Date: d7, Kind: "report", Article: a, N: 2},
		{Date: d8, Kind: "event", Event: e},
	}
	days := ChronoDays(es, 2)
	var got []string
	for _, d := range days {
		got = append(got, d.When)
	}
	want := []string{"February 2022", "mid-February 2022", "7 February 2022", "8 February 2022"}
	if len(got) != len(want) {
		t.Fatalf("days %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("days %q, want %q", got, want)
		}
	}
	if d := days[2]; len(d.Entries) != 2 || len(d.More) != 1 || d.More[0].N != 2 {
		t.Errorf("7 February: %d shown, %d more; want 2 and the third report folded", len(d.Entries), len(d.More))
	}
	if d := days[3]; len(d.Entries) != 1 || d.Entries[0].Event != e || d.More != nil {
		t.Errorf("8 February: %+v, want the event", d)
	}
}
