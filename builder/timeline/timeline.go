// Package timeline draws a site's events on a time axis, above a strip of
// how much coverage each day, week or month had, as inline SVG. The
// graphic needs no script and no other file, so it works offline, from
// file:// and in print; it takes its colours from the page (currentColor
// and the tl-* classes of the theme), so dark mode and print follow the
// page's own styles.
package timeline

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// Event is one event to draw.
type Event struct {
	Date, End model.Date // End is zero for an event of one date
	Title     string
	URL       string // the event's page
	// Weight decides which events get a label and, on a crowded axis,
	// which are drawn at all: the most covered first.
	Weight int
	// Current marks the event of the page the graphic stands on.
	Current bool
}

// Count is how many articles appeared on one day.
type Count struct {
	Day time.Time // midnight UTC
	N   int
}

// Options is what SVG draws.
type Options struct {
	// Label is the graphic's accessible name, e.g. "Timeline of events
	// and coverage".
	Label    string
	Events   []Event
	Coverage []Count
	// ID makes the ids of the title and description unique on the page.
	ID string
	// Words say the description and the axis labels in the page's
	// language.
	Words Words
}

// Words are what a graphic says in words, in the page's language: its
// accessible name, its text equivalent and the labels of its axis. A nil
// field says it in English.
type Words struct {
	// Name is the accessible name of the timeline of a site (what is
	// "site"), of an event ("event", name its title) or of an actor
	// ("actor", its name).
	Name func(what, name string) string
	// Events says how many events the graphic shows and their span.
	Events func(n int, from, to model.Date) string
	// Drawn says that only the n most covered are drawn as links.
	Drawn func(n int) string
	// Coverage says how many articles the strip counts and the day most
	// of them appeared, with their number.
	Coverage func(articles int, peak time.Time, n int) string
	// Month labels a tick of the axis: a month, with its year when year
	// is true.
	Month func(t time.Time, year bool) string
	// Span writes an event's dates (end is zero for one date), which
	// name its mark with its title.
	Span func(d, end model.Date) string
}

// english says what Words' nil fields leave unsaid.
var english = Words{
	Name: func(what, name string) string {
		switch what {
		case "event":
			return "Timeline of " + name + ", the events around it and its coverage"
		case "actor":
			return "Timeline of " + name + "'s events and of the articles naming them"
		}
		return "Timeline of the events and the coverage"
	},
	Events: func(n int, from, to model.Date) string {
		return fmt.Sprintf("%s from %s to %s", plural(n, "event"), from.Human(), to.Human())
	},
	Drawn: func(n int) string { return fmt.Sprintf("the %d most covered are drawn as links", n) },
	Coverage: func(articles int, peak time.Time, n int) string {
		return fmt.Sprintf("%s of coverage, most on %s (%d)", plural(articles, "article"), peak.Format("2 January 2006"), n)
	},
	Month: func(t time.Time, year bool) string {
		if year {
			return t.Format("Jan 2006")
		}
		return t.Format("Jan")
	},
	Span: span,
}

// or fills w's nil fields from English.
func (w Words) or() Words {
	if w.Name == nil {
		w.Name = english.Name
	}
	if w.Events == nil {
		w.Events = english.Events
	}
	if w.Drawn == nil {
		w.Drawn = english.Drawn
	}
	if w.Coverage == nil {
		w.Coverage = english.Coverage
	}
	if w.Month == nil {
		w.Month = english.Month
	}
	if w.Span == nil {
		w.Span = english.Span
	}
	return w
}

// Limits that keep the graphic small and legible on any site: a busy
// archive has thousands of events, which no axis of a page's width can
// label.
const (
	// MaxMarks is how many events are drawn as links; the rest show as
	// ticks counted per bin of the coverage strip.
	MaxMarks = 100
	// MaxLabels is how many events are labelled, the most covered first.
	MaxLabels = 12
	// lanes is how many rows of labels stack above the axis.
	lanes = 4
	// labelRunes is where a label is cut short (the mark's tooltip and
	// accessible name keep the whole title).
	labelRunes = 28
)

// Geometry of the drawing, in viewBox units. The width is fixed and the
// SVG scales to its container, so a unit is about a CSS pixel on a wide
// page.
const (
	width    = 800.0
	margin   = 10.0
	laneH    = 15.0
	charW    = 6.1 // average advance of an 11-unit sans-serif character
	stripH   = 28.0
	markR    = 4.0
	labelGap = 8.0
)

// SVG draws the events and the coverage. It returns "" when there is
// nothing to draw. The output depends only on o: the same options give
// the same bytes.
func SVG(o Options) template.HTML {
	words := o.Words.or()
	evs := make([]Event, 0, len(o.Events))
	for _, e := range o.Events {
		if !e.Date.IsZero() {
			evs = append(evs, e)
		}
	}
	cov := make([]Count, 0, len(o.Coverage))
	for _, c := range o.Coverage {
		if c.N > 0 && !c.Day.IsZero() {
			cov = append(cov, c)
		}
	}
	if len(evs) == 0 && len(cov) == 0 {
		return ""
	}
	sort.SliceStable(evs, func(i, j int) bool {
		if !evs[i].Date.Start.Equal(evs[j].Date.Start) {
			return evs[i].Date.Start.Before(evs[j].Date.Start)
		}
		return evs[i].Title < evs[j].Title
	})
	sort.SliceStable(cov, func(i, j int) bool { return cov[i].Day.Before(cov[j].Day) })

	ax := newAxis(evs, cov)
	bins := ax.bin(cov)
	drawn, more := pick(evs)
	placed := layout(ax, evs, drawn)
	nl := 0
	for _, p := range placed {
		if p.lane >= 0 {
			nl = max(nl, p.lane+1)
		}
	}
	markY := 6 + float64(nl)*laneH + 8
	axisY := markY + 9
	stripTop := axisY + 22
	base := stripTop + stripH
	height := base + 16

	var b strings.Builder
	id := "tl" + o.ID
	fmt.Fprintf(&b, `<svg class="tl" viewBox="0 0 %s %s" role="group" aria-labelledby="%s-t" aria-describedby="%s-d" xmlns="http://www.w3.org/2000/svg">`,
		num(width), num(height), id, id)
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, id, esc(o.Label), id, esc(describe(words, evs, cov, len(drawn))))

	// Coverage strip: one path of bars, scaled to the busiest bin.
	peak := 0
	for _, n := range bins.n {
		peak = max(peak, n)
	}
	if peak > 0 {
		var p strings.Builder
		for i, n := range bins.n {
			if n == 0 {
				continue
			}
			x0, x1 := ax.x(bins.start[i]), ax.x(bins.start[i+1])
			w := max(x1-x0-1, 1)
			h := max(stripH*float64(n)/float64(peak), 1)
			fmt.Fprintf(&p, "M%s %sh%sv%sh-%sz", num(x0), num(base), num(w), num(-h), num(w))
		}
		fmt.Fprintf(&b, `<g aria-hidden="true"><path class="tl-cov" d="%s"/><path class="tl-base" d="M%s %sH%s"/>`, p.String(), num(margin), num(base), num(width-margin))
		fmt.Fprintf(&b, `<text class="tl-note" x="%s" y="%s">Articles per %s (most: %d)</text></g>`, num(margin), num(base+12), bins.unit, peak)
	}

	// Axis with its ticks.
	b.WriteString(`<g aria-hidden="true">`)
	fmt.Fprintf(&b, `<path class="tl-axis" d="M%s %sH%s`, num(margin), num(axisY), num(width-margin))
	ticks := ax.ticks(words.Month)
	for _, t := range ticks {
		fmt.Fprintf(&b, "M%s %sv5", num(ax.x(t.at)), num(axisY))
	}
	b.WriteString(`"/>`)
	for _, t := range ticks {
		fmt.Fprintf(&b, `<text class="tl-tick" x="%s" y="%s">%s</text>`, num(ax.x(t.at)+2), num(axisY+15), esc(t.label))
	}
	// Events not drawn as marks: a small tick where any stands, at most
	// one a unit, so that thousands of them cost a few kilobytes.
	if len(more) > 0 {
		var p strings.Builder
		prev := -1.0
		for _, i := range more {
			x := math.Round(ax.x(evs[i].Date.Start))
			if x == prev {
				continue
			}
			prev = x
			fmt.Fprintf(&p, "M%s %sv-6", num(x), num(axisY))
		}
		fmt.Fprintf(&b, `<path class="tl-more" d="%s"/>`, p.String())
	}
	// Leaders from labels down to their marks.
	var lead strings.Builder
	for _, p := range placed {
		if p.lane >= 0 {
			fmt.Fprintf(&lead, "M%s %sV%s", num(p.x), num(laneY(p.lane)+3), num(markY-markR-1))
		}
	}
	if lead.Len() > 0 {
		fmt.Fprintf(&b, `<path class="tl-lead" d="%s"/>`, lead.String())
	}
	b.WriteString(`</g>`)

	// Marks: links to the events' pages, each named for screen readers.
	for _, p := range placed {
		e := evs[p.i]
		name := e.Title + ", " + words.Span(e.Date, e.End)
		if p.lane >= 0 && !strings.HasPrefix(name, p.label) {
			// A label cut short must still begin the mark's name: a
			// name that differs from what the link shows is an
			// accessibility failure (axe: label-content-name-mismatch).
			name = p.label + " " + name
		}
		class := "tl-mark"
		if e.Current {
			class += " tl-current"
		}
		fmt.Fprintf(&b, `<a class="%s" href="%s" aria-label="%s"><title>%s</title>`, class, esc(e.URL), esc(name), esc(name))
		x0, x1 := ax.x(e.Date.Start), ax.x(last(e).AddDate(0, 0, 1))
		if x1-x0 >= 2*markR {
			fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="3"/>`, num(x0), num(markY-markR+1), num(x1-x0), num(2*markR-2))
		} else {
			r := markR
			if e.Current {
				r++
			}
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="%s"/>`, num(p.x), num(markY), num(r))
		}
		if p.lane >= 0 {
			anchor := ""
			if p.end {
				anchor = ` text-anchor="end"`
			}
			fmt.Fprintf(&b, `<text x="%s" y="%s"%s>%s</text>`, num(p.x), num(laneY(p.lane)), anchor, esc(p.label))
		}
		b.WriteString(`</a>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// laneY is the baseline of a lane of labels.
func laneY(lane int) float64 { return 6 + 11 + float64(lane)*laneH }

// last is the last day an event covers.
func last(e Event) time.Time {
	if !e.End.IsZero() && e.End.Last().After(e.Date.Last()) {
		return e.End.Last()
	}
	return e.Date.Last()
}

// pick chooses the events drawn as marks, the current one and the most
// covered first, and returns them in date order with the rest.
func pick(evs []Event) (drawn, more []int) {
	order := byPriority(evs)
	keep := make([]bool, len(evs))
	for _, i := range order[:min(len(order), MaxMarks)] {
		keep[i] = true
	}
	for i := range evs {
		if keep[i] {
			drawn = append(drawn, i)
		} else {
			more = append(more, i)
		}
	}
	return drawn, more
}

// byPriority orders event indexes: current first, then by weight, then
// by date.
func byPriority(evs []Event) []int {
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := evs[order[a]], evs[order[b]]
		if ea.Current != eb.Current {
			return ea.Current
		}
		return ea.Weight > eb.Weight
	})
	return order
}

// placement is where a mark and its label go; lane -1 is a mark without
// a label.
type placement struct {
	i      int // index in the events
	x      float64
	lane   int
	end    bool // the label ends at x instead of starting there
	label  string
	x0, x1 float64
}

// layout gives every drawn event its place and labels as many as fit,
// greedily in order of priority: a label takes the first lane where it
// keeps labelGap from every label already there, and is dropped when no
// lane has room. Labels therefore never overlap.
func layout(ax axis, evs []Event, drawn []int) []placement {
	out := make([]placement, len(drawn))
	sub := make([]Event, len(drawn))
	for k, i := range drawn {
		e := evs[i]
		x0, x1 := ax.x(e.Date.Start), ax.x(last(e).AddDate(0, 0, 1))
		x := x0
		if x1-x0 < 2*markR {
			x = (x0 + x1) / 2
		}
		out[k] = placement{i: i, x: x, lane: -1}
		sub[k] = e
	}
	taken := make([][][2]float64, lanes)
	labelled := 0
	for _, k := range byPriority(sub) {
		if labelled == MaxLabels {
			break
		}
		p := &out[k]
		label := cut(evs[p.i].Title)
		w := float64(utf8.RuneCountInString(label)) * charW
		x0, x1, end := p.x, p.x+w, false
		if x1 > width-margin {
			x0, x1, end = p.x-w, p.x, true
		}
		if x0 < margin {
			continue // too long to fit either way
		}
		for l := 0; l < lanes; l++ {
			if free(taken[l], x0, x1) {
				taken[l] = append(taken[l], [2]float64{x0, x1})
				p.lane, p.end, p.label, p.x0, p.x1 = l, end, label, x0, x1
				labelled++
				break
			}
		}
	}
	return out
}

// free reports whether [x0, x1] keeps labelGap from every interval.
func free(iv [][2]float64, x0, x1 float64) bool {
	for _, r := range iv {
		if x0 < r[1]+labelGap && r[0] < x1+labelGap {
			return false
		}
	}
	return true
}

// cut shortens a title to labelRunes characters.
func cut(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= labelRunes {
		return string(r)
	}
	return strings.TrimRight(string(r[:labelRunes-1]), " ,;:–-") + "…"
}

// describe is the text equivalent of the graphic: what it spans, how
// many events it shows, and when the coverage peaked.
func describe(w Words, evs []Event, cov []Count, drawn int) string {
	var parts []string
	if len(evs) > 0 {
		s := w.Events(len(evs), evs[0].Date, latest(evs))
		if drawn < len(evs) {
			s += "; " + w.Drawn(drawn)
		}
		parts = append(parts, s)
	}
	if len(cov) > 0 {
		total, best := 0, cov[0]
		for _, c := range cov {
			total += c.N
			if c.N > best.N {
				best = c
			}
		}
		parts = append(parts, w.Coverage(total, best.Day, best.N))
	}
	return strings.Join(parts, "; ") + "."
}

// latest is the date of the event that ends last.
func latest(evs []Event) model.Date {
	d := evs[0].Date
	end := last(evs[0])
	for _, e := range evs[1:] {
		if l := last(e); l.After(end) {
			end = l
			d = e.Date
			if !e.End.IsZero() {
				d = e.End
			}
		}
	}
	return d
}

func plural(n int, w string) string {
	if n == 1 {
		return "1 " + w
	}
	return strconv.Itoa(n) + " " + w + "s"
}

// span writes an event's dates for its accessible name.
func span(d, end model.Date) string {
	if end.IsZero() || end.Start.Equal(d.Start) && end.Precision == d.Precision {
		return d.Human()
	}
	return d.Human() + " – " + end.Human()
}

// num writes a coordinate with at most one decimal, so that output is
// the same on every platform and stays short.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }
