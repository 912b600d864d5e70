package render

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// The calendar (RFC 5545, with the NAME property of RFC 7986): one
// all-day VEVENT per event known to the day. Events known only to the
// month or year are left out: a calendar app would draw them as a
// month- or year-long block, which says more than the briefing knows.
// They stay in the chronology and the data export.
//
// Everything is derived from the content, never the clock: UID is the
// event's stable identifier, DTSTAMP the event's last update (its latest
// date or the latest update of its coverage) at midnight UTC, so that a
// rebuild gives the same bytes and calendar apps see a change only when
// the event changed.

// calendar writes calendar.ics.
func calendar(s *model.Site) []byte {
	cfg := s.Config
	var w icsWriter
	w.b.Grow(512 + 512*len(s.Events))
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//brief//Briefing calendar//EN")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.line("NAME:" + icsText(cfg.Title))
	w.line("X-WR-CALNAME:" + icsText(cfg.Title))
	if cfg.Description != "" {
		w.line("DESCRIPTION:" + icsText(cfg.Description))
		w.line("X-WR-CALDESC:" + icsText(cfg.Description))
	}
	if hasHost(cfg) {
		w.line("URL;VALUE=URI:" + abs(cfg, "calendar.ics"))
		w.line("SOURCE;VALUE=URI:" + abs(cfg, "calendar.ics"))
	}
	for _, e := range s.Events {
		start, end, ok := icsDays(e)
		if !ok {
			continue
		}
		w.line("BEGIN:VEVENT")
		w.line("UID:" + stableID(cfg, "events/"+e.Slug+"/"))
		w.line("DTSTAMP:" + eventUpdated(e).UTC().Format("20060102T150405Z"))
		w.line("DTSTART;VALUE=DATE:" + start.Format("20060102"))
		w.line("DTEND;VALUE=DATE:" + end.Format("20060102"))
		w.line("SUMMARY:" + icsText(e.Title))
		desc := e.Summary
		if len(e.Actors) > 0 {
			names := make([]string, len(e.Actors))
			for i, a := range e.Actors {
				names[i] = a.Name
			}
			desc = strings.TrimSpace(desc + "\nWho: " + strings.Join(names, ", "))
		}
		if hasHost(cfg) {
			desc = strings.TrimSpace(desc + "\n" + abs(cfg, e))
		}
		if desc != "" {
			w.line("DESCRIPTION:" + icsText(desc))
		}
		if e.PlaceActor != nil {
			w.line("LOCATION:" + icsText(e.PlaceActor.Name))
		} else if e.Place != "" {
			w.line("LOCATION:" + icsText(e.Place))
		}
		if len(e.Tags) > 0 {
			tags := make([]string, len(e.Tags))
			for i, t := range e.Tags {
				tags[i] = icsText(t)
			}
			w.line("CATEGORIES:" + strings.Join(tags, ","))
		}
		if hasHost(cfg) {
			w.line("URL;VALUE=URI:" + abs(cfg, e))
		}
		w.line("TRANSP:TRANSPARENT")
		w.line("END:VEVENT")
	}
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

// icsDays returns an event's first day and the day after its last (DTEND
// of an all-day event is exclusive), or false for events not known to
// the day.
func icsDays(e *model.Event) (start, end time.Time, ok bool) {
	if e.Date.Precision != model.Day {
		return time.Time{}, time.Time{}, false
	}
	start = e.Date.Start
	last := start
	if !e.End.IsZero() {
		if l := e.End.Last(); l.After(last) {
			last = l
		}
	}
	return start, last.AddDate(0, 0, 1), true
}

// icsText escapes a TEXT value (RFC 5545 section 3.3.11).
func icsText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case ';':
			b.WriteString(`\;`)
		case ',':
			b.WriteString(`\,`)
		case '\n', '\r':
			b.WriteString(`\n`)
		default:
			if r < 0x20 || r == 0x7f {
				continue // control characters are not allowed in TEXT
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// icsWriter writes content lines folded at 75 octets (section 3.1),
// never inside a UTF-8 sequence, each ended by CRLF.
type icsWriter struct{ b strings.Builder }

func (w *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}
