package timeline

import (
	"time"
)

// axis maps time to x over the span of the events and the coverage.
type axis struct {
	t0, t1 time.Time
}

const day = 24 * time.Hour

func newAxis(evs []Event, cov []Count) axis {
	var t0, t1 time.Time
	grow := func(a, b time.Time) {
		if t0.IsZero() || a.Before(t0) {
			t0 = a
		}
		if t1.IsZero() || b.After(t1) {
			t1 = b
		}
	}
	for _, e := range evs {
		grow(e.Date.Start, last(e).AddDate(0, 0, 1))
	}
	for _, c := range cov {
		grow(c.Day, c.Day.AddDate(0, 0, 1))
	}
	// A short span would blow one day up to the whole width: show at
	// least a month around it.
	if d := t1.Sub(t0); d < 30*day {
		pad := (30*day - d) / 2
		t0, t1 = t0.Add(-pad).Truncate(day), t1.Add(pad).Truncate(day)
	}
	// Room at both ends so that marks at the edges stay whole.
	pad := t1.Sub(t0) / 50
	return axis{t0: t0.Add(-pad), t1: t1.Add(pad)}
}

// x is the position of t.
func (a axis) x(t time.Time) float64 {
	f := float64(t.Sub(a.t0)) / float64(a.t1.Sub(a.t0))
	return margin + f*(width-2*margin)
}

// bins is the coverage counted per day, week or month: n[i] counts the
// articles from start[i] up to start[i+1].
type bins struct {
	unit  string // "day", "week" or "month"
	start []time.Time
	n     []int
}

// bin counts the coverage in bins sized by the span: days up to four
// months, weeks up to three years, months beyond, so that a strip has
// at most about 160 bars.
func (a axis) bin(cov []Count) bins {
	span := a.t1.Sub(a.t0)
	b := bins{unit: "month"}
	floor := func(t time.Time) time.Time { return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC) }
	next := func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	switch {
	case span <= 125*day:
		b.unit = "day"
		floor = func(t time.Time) time.Time { return t.Truncate(day) }
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }
	case span <= 3*366*day:
		b.unit = "week"
		floor = func(t time.Time) time.Time {
			t = t.Truncate(day)
			return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
		}
		next = func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	}
	if len(cov) == 0 {
		return b
	}
	t := floor(cov[0].Day)
	b.start = append(b.start, t)
	b.n = append(b.n, 0)
	for _, c := range cov {
		for !c.Day.Before(next(b.start[len(b.start)-1])) {
			b.start = append(b.start, next(b.start[len(b.start)-1]))
			b.n = append(b.n, 0)
		}
		b.n[len(b.n)-1] += c.N
	}
	b.start = append(b.start, next(b.start[len(b.start)-1]))
	return b
}

// tick is a labelled point of the axis.
type tick struct {
	at    time.Time
	label string
}

// ticks are months or years, as many as the span allows without
// crowding: at most about ten labels. The year is written at the first
// tick and at every January.
func (a axis) ticks(month func(t time.Time, year bool) string) []tick {
	months := (a.t1.Year()-a.t0.Year())*12 + int(a.t1.Month()-a.t0.Month())
	var out []tick
	if months <= 36 {
		step := 1
		for _, s := range []int{1, 2, 3, 6, 12} {
			step = s
			if months/s <= 10 {
				break
			}
		}
		t := time.Date(a.t0.Year(), a.t0.Month(), 1, 0, 0, 0, 0, time.UTC)
		if t.Before(a.t0) {
			t = t.AddDate(0, 1, 0)
		}
		for (int(t.Month())-1)%step != 0 {
			t = t.AddDate(0, 1, 0)
		}
		for ; t.Before(a.t1); t = t.AddDate(0, step, 0) {
			out = append(out, tick{t, month(t, len(out) == 0 || t.Month() == time.January)})
		}
		if len(out) > 1 && a.x(a.t1)-a.x(lastAt(out)) < 50 {
			out = out[:len(out)-1] // its label would run off the edge
		}
		return out
	}
	years := a.t1.Year() - a.t0.Year()
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100} {
		step = s
		if years/s <= 10 {
			break
		}
	}
	y := a.t0.Year() + 1
	for y%step != 0 {
		y++
	}
	for ; y <= a.t1.Year(); y += step {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		if t.Before(a.t1) {
			out = append(out, tick{t, t.Format("2006")})
		}
	}
	return out
}

func lastAt(ts []tick) time.Time {
	if len(ts) == 0 {
		return time.Time{}
	}
	return ts[len(ts)-1].at
}
