package render

import (
	"crypto/sha1"
	"encoding/hex"
	"strings"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// Helpers shared by the files written for the world outside the browser:
// feeds, sitemap, calendar and metadata. They need full addresses and
// identifiers that stay the same from build to build.

// AbsURL is the full address of an item or site path: the base URL's
// scheme and host followed by the site-absolute path. Without a base URL
// that names a host, it is the site-absolute path.
func AbsURL(cfg model.Config, v any) (string, error) {
	u, err := URL(cfg, v)
	if err != nil || !hasHost(cfg) || strings.Contains(u, "://") {
		return u, err
	}
	return strings.TrimSuffix(cfg.BaseURL, cfg.BasePath) + u, nil
}

// hasHost reports whether the base URL names a host, so that full
// addresses can be written.
func hasHost(cfg model.Config) bool { return strings.Contains(cfg.BaseURL, "://") }

// abs is AbsURL for values known to be linkable.
func abs(cfg model.Config, v any) string {
	u, _ := AbsURL(cfg, v)
	return u
}

// uuidNS is the namespace of the identifiers brief derives: the UUID v5
// of the URL "https://github.com/briefhq/brief" in the URL namespace.
var uuidNS = uuid5([16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}, "https://github.com/briefhq/brief")

// uuid5 is the name-based UUID (RFC 9562, version 5) of name in ns.
func uuid5(ns [16]byte, name string) [16]byte {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	return u
}

func uuidString(u [16]byte) string {
	var b [36]byte
	hex.Encode(b[0:8], u[0:4])
	b[8] = '-'
	hex.Encode(b[9:13], u[4:6])
	b[13] = '-'
	hex.Encode(b[14:18], u[6:8])
	b[18] = '-'
	hex.Encode(b[19:23], u[8:10])
	b[23] = '-'
	hex.Encode(b[24:], u[10:])
	return string(b[:])
}

// stableID is the identifier of a feed, feed entry or calendar event: a
// UUID derived from the site's title and the item's site path
// ("events/x/"). It does not change when the site moves to another
// address (a custom domain, a fork), so readers do not show every entry
// again; two sites with different titles never share identifiers.
func stableID(cfg model.Config, sitePath string) string {
	return uuidString(uuid5(uuidNS, cfg.Title+"\x00"+sitePath))
}

// articleUpdated is when an article last changed: its update date, else
// its publication date.
func articleUpdated(a *model.Article) time.Time {
	if !a.Updated.IsZero() && a.Updated.Start.After(a.Date.Start) {
		return a.Updated.Start
	}
	return a.Date.Start
}

// eventUpdated is when an event's briefing last changed: its latest date
// or the latest update of its coverage.
func eventUpdated(e *model.Event) time.Time {
	t := e.Date.Start
	if !e.End.IsZero() && e.End.Start.After(t) {
		t = e.End.Start
	}
	for _, a := range e.Articles {
		if u := articleUpdated(a); u.After(t) {
			t = u
		}
	}
	return t
}

// actorUpdated is the latest update of the articles and events an actor
// appears in; zero when there are none.
func actorUpdated(x *model.Actor) time.Time {
	var t time.Time
	for _, m := range x.Articles {
		if u := articleUpdated(m.Article); u.After(t) {
			t = u
		}
	}
	for _, e := range x.Events {
		if e.Date.Start.After(t) {
			t = e.Date.Start
		}
	}
	return t
}

// siteUpdated is the latest date of any article or event.
func siteUpdated(s *model.Site) time.Time {
	var t time.Time
	for _, a := range s.Articles {
		if u := articleUpdated(a); u.After(t) {
			t = u
		}
	}
	for _, e := range s.Events {
		if e.Date.Start.After(t) {
			t = e.Date.Start
		}
		if e.End.Start.After(t) {
			t = e.End.Start
		}
	}
	return t
}

// Feed paths of items.
func eventFeed(e *model.Event) string { return itemPath('e', e.Slug) + "feed.xml" }
func actorFeed(x *model.Actor) string { return itemPath('x', x.Slug) + "feed.xml" }
