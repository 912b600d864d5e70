package model

import (
	"slices"
	"strings"
)

// How much of its coverage an event briefing shows.
const (
	MaxKeyQuotes  = 8
	MaxStatements = 12
	MaxKeyFigures = 8
)

// The digests below are computed when a page asks for them rather than
// for every event on every build: only the briefings being rendered need
// them, and a rebuild renders few.

// KeyQuotes returns the quotes of the event's coverage whose speaker is a
// known actor: participants first, then others, each group in coverage
// order, the same words once, at most MaxKeyQuotes.
func (e *Event) KeyQuotes() []ActorQuote {
	var own, others []ActorQuote
	said := map[string]bool{}
	for _, a := range e.Articles {
		for _, q := range a.Quotes {
			if q.By == nil || said[q.Text] {
				continue
			}
			said[q.Text] = true
			aq := ActorQuote{Quote: q, Article: a, Actor: q.By}
			if slices.Contains(e.Actors, q.By) {
				own = append(own, aq)
			} else {
				others = append(others, aq)
			}
		}
	}
	own = append(own, others...)
	return own[:min(len(own), MaxKeyQuotes)]
}

// Statements returns the dated statements of the coverage, one per
// calendar date (the first reported), by date, at most MaxStatements.
// Durations, sets and references such as PRESENT_REF have no date and are
// left out.
func (e *Event) Statements() []Statement {
	var out []Statement
	dated := map[Date]bool{}
	for _, a := range e.Articles {
		for _, d := range a.Dates {
			if d.Date.IsZero() || dated[d.Date] {
				continue // durations, sets and PRESENT_REF name no day
			}
			dated[d.Date] = true
			out = append(out, Statement{DateMention: d, Article: a})
		}
	}
	slices.SortStableFunc(out, func(x, y Statement) int {
		if c := x.Date.Start.Compare(y.Date.Start); c != 0 {
			return c
		}
		return int(y.Date.Precision) - int(x.Date.Precision)
	})
	return out[:min(len(out), MaxStatements)]
}

// KeyFigures returns the figures of the coverage, those reported most often
// first, then the larger, at most MaxKeyFigures.
func (e *Event) KeyFigures() []ArticleFigure {
	type key struct {
		value float64
		unit  string
	}
	type fig struct {
		f ArticleFigure
		n int
	}
	var figs []fig
	at := map[key]int{}
	for _, a := range e.Articles {
		for _, f := range a.Figures {
			k := key{f.Value, strings.ToLower(f.Unit)}
			if i, ok := at[k]; ok {
				figs[i].n++
				continue
			}
			at[k] = len(figs)
			figs = append(figs, fig{ArticleFigure{Figure: f, Article: a}, 1})
		}
	}
	slices.SortStableFunc(figs, func(x, y fig) int {
		if x.n != y.n {
			return y.n - x.n
		}
		switch {
		case x.f.Value > y.f.Value:
			return -1
		case x.f.Value < y.f.Value:
			return 1
		}
		return 0
	})
	out := make([]ArticleFigure, 0, min(len(figs), MaxKeyFigures))
	for _, f := range figs[:min(len(figs), MaxKeyFigures)] {
		out = append(out, f.f)
	}
	return out
}
