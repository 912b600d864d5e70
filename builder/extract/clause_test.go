package extract

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// TestClause: a date attaches to the clause it dates, in the styles of
// several outlets: wire copy, a newspaper's long sentence, a quote.
func TestClause(t *testing.T) {
	for _, c := range []struct{ sentence, expr, want string }{
		// Semicolons.
		{"The talks ended on Monday; the ministers meet again in March.", "in March", "The ministers meet again in March."},
		{"The talks ended on Monday; the ministers meet again in March.", "on Monday", "The talks ended on Monday"},
		// ", and" before a clause with a subject of its own.
		{"Britain has flown anti-tank weapons to Ukraine this week, and the Baltic states have said they intend to send missiles.", "this week", "Britain has flown anti-tank weapons to Ukraine this week"},
		{"Since December, Russia has moved 100,000 troops to the border, and units have begun arriving in Belarus for drills planned for February.", "for February", "Units have begun arriving in Belarus for drills planned for February."},
		// ... but not before a verb sharing the subject, nor in a list.
		{"Germany has refused to supply weapons, and drew ridicule last month when it offered helmets.", "last month", "Germany has refused to supply weapons, and drew ridicule last month when it offered helmets."},
		{"Troops arrived in Poland, Germany, and the Baltic states on Monday.", "on Monday", "Troops arrived in Poland, Germany, and the Baltic states on Monday."},
		// ", but", ", while", ", after".
		{"The summit was planned for June, but it was postponed on Tuesday.", "on Tuesday", "It was postponed on Tuesday."},
		{"Macron was in Kyiv on Tuesday, while Biden received Scholz at the White House on Monday.", "on Tuesday", "Macron was in Kyiv on Tuesday"},
		{"Macron was in Kyiv on Tuesday, while Biden received Scholz at the White House on Monday.", "on Monday", "Biden received Scholz at the White House on Monday."},
		{"Zelenskyy spoke on Tuesday, after Moscow announced on Monday that units were leaving.", "on Monday", "Moscow announced on Monday that units were leaving."},
		// A relative clause holding the date keeps what it is about.
		{"Boris Johnson, who visited on February 1, promised more help.", "on February 1", "Boris Johnson, who visited on February 1"},
		{"Ukraine, which has fought separatists since 2014, was not consulted.", "since 2014", "Ukraine, which has fought separatists since 2014"},
		// A relative clause right after the date is about the date.
		{"The recognition echoes 2014, when Russia annexed Crimea.", "2014", "The recognition echoes 2014, when Russia annexed Crimea."},
		{"It revived memories of the 2014 annexation of Crimea, after which separatists seized parts of the east.", "2014", "It revived memories of the 2014 annexation of Crimea, after which separatists seized parts of the east."},
		// Nothing is cut inside a quotation.
		{"“We talked on Monday, and we will talk again next week,” Putin said.", "next week", "“We talked on Monday, and we will talk again next week,” Putin said."},
		// A sentence of one clause is itself.
		{"NATO leaders are to hold a virtual summit on Friday.", "on Friday", "NATO leaders are to hold a virtual summit on Friday."},
	} {
		i := strings.Index(c.sentence, c.expr)
		if i < 0 {
			t.Fatalf("%q not in %q", c.expr, c.sentence)
		}
		if got := Clause(c.sentence, i, i+len(c.expr)); got != c.want {
			t.Errorf("Clause(%q, %q)\n got %q\nwant %q", c.sentence, c.expr, got, c.want)
		}
	}
}

// TestDateMod: early, mid- and late become TIMEX3 mods; "later" and
// "weekend" are not "late" and "end".
func TestDateMod(t *testing.T) {
	for text, want := range map[string]string{
		"early December": model.ModStart, "the beginning of March": model.ModStart, "since early December": model.ModStart,
		"mid-February": model.ModMid, "the middle of the month": model.ModMid,
		"late on Monday": model.ModEnd, "the end of the year": model.ModEnd,
		"later this week": "", "this weekend": "", "on Monday": "",
	} {
		if got := dateMod(text); got != want {
			t.Errorf("dateMod(%q) = %q, want %q", text, got, want)
		}
	}
}

// TestArticleDatesHaveClauses: extraction fills Clause and Mod, and the
// clause is cut from the sentence the expression stands in.
func TestArticleDatesHaveClauses(t *testing.T) {
	ds := Dates([]string{"Officials met on Monday, and the talks resume in mid-March, a diplomat said."}, model.NewDay(2022, 2, 9))
	annotateDates(ds, []string{"Officials met on Monday, and the talks resume in mid-March, a diplomat said."})
	got := map[string][2]string{}
	for _, d := range ds {
		got[d.Text] = [2]string{d.Clause, d.Mod}
	}
	for text, want := range map[string][2]string{
		"on Monday": {"Officials met on Monday", ""},
	} {
		if got[text] != want {
			t.Errorf("%q: clause, mod = %q, want %q (all: %q)", text, got[text], want, got)
		}
	}
	for _, d := range ds {
		if strings.Contains(d.Text, "March") && (d.Mod != model.ModMid || !strings.HasPrefix(d.Clause, "The talks resume")) {
			t.Errorf("%q: clause %q, mod %q; want the talks' clause and MID", d.Text, d.Clause, d.Mod)
		}
	}
}
