package resolve

import (
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// TestReportsSkipExpressionsWithoutDate: durations, sets and PRESENT_REF
// have no calendar date and never enter the chronology as a point.
func TestReportsSkipExpressionsWithoutDate(t *testing.T) {
	day := model.NewDay(2022, 2, 7)
	a := &model.Article{Dates: []model.DateMention{
		{Text: "five hours", Type: model.TypeDuration, Value: "PT5H"},
		{Text: "now", Type: model.TypeDate, Value: "PRESENT_REF"},
		{Text: "every Monday", Type: model.TypeSet, Value: "XXXX-WXX-1"},
		{Text: "on Monday", Type: model.TypeDate, Value: "2022-02-07", Date: day},
	}}
	c := appendReports(nil, a)
	if len(c) != 1 || c[0].N != 3 || c[0].Date != day {
		t.Fatalf("reports = %+v, want only the one of 2022-02-07 (N 3)", c)
	}
	e := &model.Event{Articles: []*model.Article{a}}
	if st := e.Statements(); len(st) != 1 || st[0].Text != "on Monday" {
		t.Fatalf("statements = %+v, want only on Monday", st)
	}
}
