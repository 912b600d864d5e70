package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/model"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Olaf Scholz met Putin's envoy", "Putin’s", "US us USA U.S.", "Chancellor Olaf Scholz", "NATONATO NATO",
		"\xffPutin\xff", "Émile Scholz", "Schulz Scholz", "", "Olaf Olaf Scholz Scholz",
	} {
		f.Add(s, "Olaf")
	}
	f.Fuzz(func(t *testing.T, s, extra string) {
		actors := testActors()
		// A fuzzed extra name, whose spellings overlap the fixed ones in
		// arbitrary ways.
		actors = append(actors, actor("content/actors/extra.md", "extra", "Extra", []string{extra, strings.ToUpper(extra)}, nil))
		m, _ := NewMatcher(actors)
		last := 0
		for _, x := range m.Find(s) {
			if x.Start < last || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("Find(%q): match [%d:%d] out of order or bounds (last end %d)", s, x.Start, x.End, last)
			}
			if s[x.Start:x.End] != x.Name.Text {
				t.Fatalf("Find(%q): s[%d:%d] = %q, name %q", s, x.Start, x.End, s[x.Start:x.End], x.Name.Text)
			}
			last = x.End
		}
		// Rendering the text as an article must not panic either.
		a := &model.Article{Format: "txt", Title: s, Source: model.Source{Body: s}}
		Article(a, m, nil, Options{})
		a = &model.Article{Format: "md", Title: s, Source: model.Source{Body: s}}
		Article(a, m, nil, Options{})
	})
}

// checkSpans fails unless every found item lies inside its paragraph and
// its Text is the paragraph's bytes at its offsets.
func checkSpans(t *testing.T, what string, paras []string, para, start, end int, text string) {
	t.Helper()
	if para < 0 || para >= len(paras) {
		t.Fatalf("%s: paragraph %d of %d", what, para, len(paras))
	}
	p := paras[para]
	if start < 0 || end > len(p) || start > end {
		t.Fatalf("%s: offsets [%d:%d] outside paragraph of %d bytes", what, start, end, len(p))
	}
	if p[start:end] != text {
		t.Fatalf("%s: paragraph[%d:%d] = %q, Text %q", what, start, end, p[start:end], text)
	}
}

var fuzzSeeds = []string{
	"“We will not back down,” Putin said. “Never,” he added.",
	`"Straight," said Olaf Scholz, "quotes."`,
	"Putin told reporters: “The talks… were useful.” Scholz said, adding: “Yes",
	"Biden warned of “serious consequences” on Monday, 7 February 2022, and next week.",
	"About 150,000 troops, $11 billion, €2.5 million, 12%, more than five hours, 2014 troops, $2014.",
	"since mid-February, the 1990s, Feb. 7, 2022-02-07, the next day, three days ago, this weekend",
	"“", "”", `"`, "“”", "$", "€5", "1,", "1,000,", "May", "mid-", "2022-02-", "the day before", "a",
	"\xff“\xff”\xff", "one and a half", "twenty-", "of the 3,000", "According to", "said", "“x,” said",
}

func FuzzQuotes(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, "Putin said.")
	}
	m, _ := NewMatcher(testActors())
	f.Fuzz(func(t *testing.T, a, b string) {
		paras := []string{a, b}
		for _, q := range Quotes(paras, m) {
			checkSpans(t, "quote", paras, q.Para, q.Start, q.End, q.Text)
		}
	})
}

func FuzzDates(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, int64(19030))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		pub := model.Date{}
		if days%5 != 0 { // sometimes no publication date
			pub = model.NewDay(1970, time.January, 1+int(days%200000))
		}
		paras := []string{s, s}
		for _, d := range Dates(paras, pub) {
			checkSpans(t, "date", paras, d.Para, d.Start, d.End, d.Text)
			if d.Value == "" {
				t.Fatalf("date %q without a value", d.Text)
			}
			switch d.Type {
			case model.TypeDuration, model.TypeSet:
				if !d.Date.IsZero() {
					t.Fatalf("%s %q (%s) has a calendar date %s", d.Type, d.Text, d.Value, d.Date)
				}
			case model.TypeDate, model.TypeTime:
				if !d.Date.IsZero() && !strings.HasPrefix(d.Value, d.Date.String()[:4]) {
					t.Fatalf("%s %q: value %s is not of its date %s", d.Type, d.Text, d.Value, d.Date)
				}
			default:
				t.Fatalf("date %q has type %q", d.Text, d.Type)
			}
			if !strings.Contains(d.Sentence, d.Text) {
				t.Fatalf("date %q not in its sentence %q", d.Text, d.Sentence)
			}
		}
	})
}

func FuzzFigures(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		paras := []string{s}
		for _, fg := range Figures(paras) {
			checkSpans(t, "figure", paras, fg.Para, fg.Start, fg.End, fg.Text)
			if fg.Unit == "" {
				t.Fatalf("figure %q without a unit", fg.Text)
			}
			if !strings.Contains(fg.Sentence, fg.Text) {
				t.Fatalf("figure %q not in its sentence %q", fg.Text, fg.Sentence)
			}
		}
	})
}

// FuzzDatesInLanguages feeds the date readers of the other languages
// untrusted text: they must not panic, and every expression lies in its
// paragraph with a value.
func FuzzDatesInLanguages(f *testing.F) {
	for _, s := range []string{
		"2023 sank sie. Im Vorjahr, im vierten Quartal, gegenüber dem Vorquartal, im ersten Halbjahr 2024.",
		"In der Nacht zum Ostermontag, an Weihnachten 2022, den Haushalt 2024, bei der letzten Wahl 2017, mehr als 2017.",
		"„Heute tut es weh“, am Montagabend um 18 Uhr, vergangene Woche von Donnerstag bis Freitag, für das Wochenende.",
		"в ніч на вівторок, після вчорашнього обстрілу, 2023-й рік, в 2024-м году, 2020 und 2021",
	} {
		f.Add(s, int64(19030))
	}
	f.Fuzz(func(t *testing.T, s string, days int64) {
		pub := model.NewDay(1970, time.January, 1+int(days%200000))
		paras := []string{s, s}
		for _, lang := range corpusLanguages {
			for _, d := range DatesIn(paras, pub, lang) {
				checkSpans(t, "date", paras, d.Para, d.Start, d.End, d.Text)
				if d.Value == "" {
					t.Fatalf("%s: date %q without a value", lang, d.Text)
				}
			}
		}
	})
}
