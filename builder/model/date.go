package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision is how exactly a Date is known.
type Precision int

// Precisions, finest first.
const (
	Day Precision = iota
	Week
	Month
	Year
)

// String returns the precision's name as used in the data export.
func (p Precision) String() string {
	switch p {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Date is a calendar date known to a precision. Start is midnight UTC of the
// first day the date covers (the Monday of a week, the 1st of a month, 1
// January of a year). The zero Date is "no date".
type Date struct {
	Start     time.Time
	Precision Precision
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Start.IsZero() }

// NewDay returns the day-precision date y-m-d.
func NewDay(y int, m time.Month, day int) Date {
	return Date{Start: time.Date(y, m, day, 0, 0, 0, 0, time.UTC), Precision: Day}
}

// String writes d at its precision: 2022-02-07, 2022-W06, 2022-02 or 2022.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case Week:
		y, w := d.Start.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return d.Start.Format("2006-01")
	case Year:
		return d.Start.Format("2006")
	}
	return d.Start.Format("2006-01-02")
}

// Human writes d for readers: "7 February 2022", "7–13 February 2022"
// (a week), "February 2022" or "2022".
func (d Date) Human() string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case Week:
		return dayRange(d.Start, d.Last())
	case Month:
		return d.Start.Format("January 2006")
	case Year:
		return d.Start.Format("2006")
	}
	return d.Start.Format("2 January 2006")
}

// Human writes the mention's date for readers, with what the expression
// says beyond its precision: "weekend of 12–13 February 2022",
// "mid-February 2022", "early 2022", "late on 7 February 2022".
func (m DateMention) Human() string {
	d := m.Date
	if d.IsZero() {
		return ""
	}
	word := map[string]string{ModStart: "early", ModMid: "mid", ModEnd: "late"}[m.Mod]
	switch {
	case d.Precision == Week && strings.HasSuffix(m.Value, "-WE"):
		return "weekend of " + dayRange(d.Start.AddDate(0, 0, 5), d.Last())
	case word == "":
		return d.Human()
	case d.Precision == Month || d.Precision == Year:
		if word == "mid" {
			return "mid-" + d.Human()
		}
		return word + " " + d.Human()
	case d.Precision == Week:
		if word == "mid" {
			return "midweek, " + d.Human()
		}
		return word + " in the week of " + d.Human()
	case word != "mid":
		return word + " on " + d.Human()
	}
	return d.Human()
}

// Span writes an event's dates: "7 February 2022", "18–20 February 2022",
// "28 February – 2 March 2022", "March 2014".
func Span(start, end Date) string {
	if end.IsZero() || end.Start.Equal(start.Start) && end.Precision == start.Precision {
		return start.Human()
	}
	if start.Precision == Day && end.Precision == Day {
		return dayRange(start.Start, end.Start)
	}
	return start.Human() + " – " + end.Human()
}

// dayRange writes the days from s to e, naming the month and year once
// when they share them: "7–13 February 2022", "28 February – 6 March
// 2022", "27 December 2021 – 2 January 2022".
func dayRange(s, e time.Time) string {
	switch {
	case s.Equal(e):
		return s.Format("2 January 2006")
	case s.Year() == e.Year() && s.Month() == e.Month():
		return fmt.Sprintf("%d–%d %s %d", s.Day(), e.Day(), s.Month(), s.Year())
	case s.Year() == e.Year():
		return fmt.Sprintf("%d %s – %d %s %d", s.Day(), s.Month(), e.Day(), e.Month(), e.Year())
	}
	return s.Format("2 January 2006") + " – " + e.Format("2 January 2006")
}

// Last returns the last day d covers.
func (d Date) Last() time.Time {
	switch d.Precision {
	case Week:
		return d.Start.AddDate(0, 0, 6)
	case Month:
		return d.Start.AddDate(0, 1, -1)
	case Year:
		return d.Start.AddDate(1, 0, -1)
	}
	return d.Start
}

// Before orders dates by start, then coarser precision first, so that
// "February 2022" sorts before "1 February 2022".
func (d Date) Before(e Date) bool {
	if !d.Start.Equal(e.Start) {
		return d.Start.Before(e.Start)
	}
	return d.Precision > e.Precision
}

// ParseDate reads a date written as YYYY-MM-DD or RFC 3339 and, when partial
// is true, also YYYY-MM or YYYY. An RFC 3339 time keeps its calendar day in
// its own offset: an article stamped 2022-02-07T23:30:00-05:00 is from the
// 7th where it was written.
func ParseDate(s string, partial bool) (Date, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return Date{Start: t, Precision: Day}, nil
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ' || s[10] == 't') {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
			if t, err := time.Parse(layout, s); err == nil {
				y, m, dd := t.Date()
				return NewDay(y, m, dd), nil
			}
		}
	}
	if partial {
		if t, err := time.Parse("2006-01", s); err == nil && len(s) == 7 {
			return Date{Start: t, Precision: Month}, nil
		}
		if len(s) == 4 {
			if y, err := strconv.Atoi(s); err == nil && y > 0 {
				return Date{Start: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: Year}, nil
			}
		}
	}
	return Date{}, dateError(s, partial)
}

func dateError(s string, partial bool) error {
	// Name the part that is wrong when the shape is right but a value is not:
	// "2022-02-30" is a real mistake people make.
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, e1 := strconv.Atoi(s[:4])
		m, e2 := strconv.Atoi(s[5:7])
		_, e3 := strconv.Atoi(s[8:])
		if e1 == nil && e2 == nil && e3 == nil {
			if m < 1 || m > 12 {
				return fmt.Errorf("date %q has no month %d", s, m)
			}
			last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			return fmt.Errorf("date %q does not exist: %s %d has %d days", s, time.Month(m), y, last)
		}
	}
	if partial {
		return fmt.Errorf("cannot read date %q: write YYYY-MM-DD, YYYY-MM or YYYY", s)
	}
	return fmt.Errorf("cannot read date %q: write YYYY-MM-DD (or RFC 3339, e.g. 2022-02-07T14:30:00Z)", s)
}
