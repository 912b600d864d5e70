package extract

import (
	"fmt"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// TestFigureSources checks what a figure counts, who gives it and the
// time it refers to, on invented sentences in several outlets' styles.
func TestFigureSources(t *testing.T) {
	as := testActors()
	as = append(as, actor("content/actors/emmanuel-macron.md", "emmanuel-macron", "Emmanuel Macron", []string{"Macron"}, nil))
	for _, a := range as {
		a.Kind = model.Person
	}
	m, ds := NewMatcher(as)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	pub := model.NewDay(2022, 2, 8)
	type want struct{ text, counts, holder, name, refersTo string }
	cases := []struct {
		text string
		want []want
	}{
		{"Russia has massed about 150,000 troops near the border, according to US officials.",
			[]want{{"about 150,000 troops", "troops near the border", "", "US officials", ""}}},
		{"US officials estimate that Moscow could field 125,000 Russian soldiers by mid-February.",
			[]want{{"125,000 Russian soldiers", "Russian soldiers", "", "US officials", "2022-02"}}},
		{"Macron said on Monday that 3,000 US troops were already in Poland.",
			[]want{{"3,000 US troops", "US troops", "emmanuel-macron", "Emmanuel Macron", "2022-02-07"}}},
		{"“We will send another 350 of our soldiers,” Putin said.",
			[]want{{"another 350 of our soldiers", "our soldiers", "vladimir-putin", "Vladimir Putin", ""}}},
		{"At least 40 people killed in the shelling were buried on Sunday, the health ministry said.",
			[]want{{"At least 40 people", "people killed in the shelling", "", "the health ministry", "2022-02-06"}}},
		{"The bridge carries 8,000 vehicles a day.",
			[]want{{"8,000 vehicles", "vehicles", "", "", ""}}},
	}
	for _, c := range cases {
		paras := []string{c.text}
		figs := Figures(paras)
		AttributeFigures(figs, paras, m, Dates(paras, pub))
		var got []want
		for _, f := range figs {
			got = append(got, want{f.Text, f.Counts, f.Holder, f.HolderName, f.RefersTo})
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", c.want) {
			t.Errorf("%s\n got  %q\n want %q", c.text, got, c.want)
		}
	}
}
