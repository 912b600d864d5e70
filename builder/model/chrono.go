package model

// ChronoDay is the entries of the chronology that share a date as
// readers see it ("7 February 2022", "mid-February 2022"): the editor's
// events first, then the reports, those beyond a page's share in More,
// to be shown behind a fold-out.
type ChronoDay struct {
	When    string
	Date    Date
	Entries []ChronoEntry
	More    []ChronoEntry
}

// ChronoDays groups entries, in chronology order, by date as readers
// see it; each day shows at most maxReports reports and keeps the rest
// in More.
func ChronoDays(entries []ChronoEntry, maxReports int) []ChronoDay {
	var out []ChronoDay
	reports := 0
	for _, c := range entries {
		when := c.When()
		if len(out) == 0 || out[len(out)-1].When != when || out[len(out)-1].Date != c.Date {
			out = append(out, ChronoDay{When: when, Date: c.Date})
			reports = 0
		}
		d := &out[len(out)-1]
		if c.Kind == "report" {
			if reports++; reports > maxReports {
				d.More = append(d.More, c)
				continue
			}
		}
		d.Entries = append(d.Entries, c)
	}
	return out
}
