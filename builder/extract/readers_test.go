package extract

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// Table tests for the tricky shapes of dates and figures (quotes:
// quotes_test.go). The measured quality over the annotated corpus is in
// quality_test.go.

func TestDates(t *testing.T) {
	tue := model.NewDay(2022, time.February, 8) // a Tuesday, ISO week 6
	tests := []struct {
		text string
		pub  model.Date
		want []string // "expression=value"
	}{
		{"Putin met Macron on Monday.", tue, []string{"on Monday=2022-02-07"}},
		{"Scholz will travel to Moscow on Monday.", tue, []string{"on Monday=2022-02-14"}},
		{"The talks on Thursday are key.", tue, []string{"on Thursday=2022-02-10"}},
		{"The talks on Thursday ended late.", tue, []string{"on Thursday=2022-02-03"}},
		{"Biden spoke to Scholz yesterday and will call him again tomorrow.", tue, []string{"yesterday=2022-02-07", "tomorrow=2022-02-09"}},
		{"Talks resume next week; they stalled last week.", tue, []string{"next week=2022-W07", "last week=2022-W05"}},
		{"He will call Biden this weekend.", tue, []string{"this weekend=2022-W06"}},
		{"Tensions have grown since December.", tue, []string{"since December=2021-12"}},
		{"Troops massed in December.", tue, []string{"in December=2021-12"}},
		{"An attack could come by mid-February.", tue, []string{"by mid-February=2022-02"}},
		{"It happened on 7 February 2022, on February 7, 2022, on Feb. 7 and on 2022-02-07.", tue,
			[]string{"on 7 February 2022=2022-02-07", "on February 7, 2022=2022-02-07", "on Feb. 7=2022-02-07", "on 2022-02-07=2022-02-07"}},
		{"the 2014 annexation of Crimea, in 1990, 2014 troops, $2014 and 12014", tue, []string{"the 2014=2014", "in 1990=1990"}},
		{"Fighting has raged since the 1990s.", tue, []string{"since the 1990s="}}, // a decade (199): no calendar Date
		{"It may rain. The vote is in May.", tue, []string{"in May=2022-05"}},
		{"Three days ago the talks failed; a year ago they began.", tue, []string{"Three days ago=2022-02-05", "a year ago=2021-02"}},
		{"Scholz is expected in Kyiv on 14 February and in Moscow the next day.", tue, []string{"on 14 February=2022-02-14", "the next day=2022-02-15"}},
		{"Relative words need a date: on Monday, in December.", model.Date{}, nil},
		{"But 7 February 2022 needs none.", model.Date{}, []string{"7 February 2022=2022-02-07"}},
	}
	for _, tt := range tests {
		var got []string
		for _, d := range Dates([]string{tt.text}, tt.pub) {
			got = append(got, d.Text+"="+d.Date.String())
			if tt.text[d.Start:d.End] != d.Text || !strings.Contains(d.Sentence, d.Text) {
				t.Errorf("%q: bad offsets or sentence for %+v", tt.text, d)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Dates(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestFigures(t *testing.T) {
	tests := []struct {
		text string
		want []string // "text=value unit"
	}{
		{"Russia has about 150,000 troops and 3,000 US troops are on their way.", []string{"about 150,000 troops=150000 troops", "3,000 US troops=3000 troops"}},
		{"Britain sends another 350 of its soldiers and an additional 350 British soldiers.", []string{"another 350 of its soldiers=350 soldiers", "an additional 350 British soldiers=350 soldiers"}},
		{"The fund is worth $11 billion, or €2.5 million, or £5m.", []string{"$11 billion=1.1e+10 USD", "€2.5 million=2.5e+06 EUR", "£5m=5e+06 GBP"}},
		{"Talks lasted more than five hours and prices rose 12 percent, then 12%.", []string{"more than five hours=5 hours", "12 percent=12 percent", "12%=12 percent"}},
		{"Nord Stream 2, the G7, a 40-mile convoy, a magnitude 7.8 quake, the two leaders, one of them.", nil},
		{"In 2014 Russia annexed Crimea; on 24 February 2022 at 5am it attacked.", nil},
		{"Moscow sent 2014 troops.", []string{"2014 troops=2014 troops"}},
		{"More than 100,000 troops are there; US officials put the figure at about 130,000.", []string{"More than 100,000 troops=100000 troops", "about 130,000=130000 troops"}},
		{"The death toll passed 21,000 on Thursday.", []string{"21,000=21000 deaths"}},
		{"Some 53,317 rescue workers and 30,000 cubic metres of sand.", []string{"Some 53,317 rescue workers=53317 workers", "30,000 cubic metres=30000 metres"}},
		{"It took three and a half days. Twenty-five people helped.", []string{"three and a half days=3.5 days", "Twenty-five people=25 people"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range Figures([]string{tt.text}) {
			got = append(got, f.Text+"="+strings.TrimSpace(formatFloat(f.Value))+" "+f.Unit)
			if tt.text[f.Start:f.End] != f.Text {
				t.Errorf("%q: bad offsets for %+v", tt.text, f)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Figures(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func formatFloat(v float64) string { return fmt.Sprint(v) }
