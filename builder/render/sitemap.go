package render

import (
	"strings"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// The sitemap (sitemaps.org protocol 0.9) lists every page with its
// full address and the date it last changed; robots.txt names it. Both
// need a base URL with a host to be useful to search engines; without
// one the addresses are written from the site root.

// sitemap writes sitemap.xml. Index pages change whenever the site does;
// item pages when they or their coverage do.
func sitemap(s *model.Site) []byte {
	cfg := s.Config
	site := siteUpdated(s)
	var b strings.Builder
	b.Grow(256 + 128*(len(s.Articles)+len(s.Events)+len(s.Actors)+8))
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	url := func(loc string, mod time.Time) {
		if mod.IsZero() {
			mod = site
		}
		b.WriteString("<url><loc>")
		b.WriteString(xmlEscape(loc))
		b.WriteString("</loc>")
		if !mod.IsZero() {
			b.WriteString("<lastmod>")
			b.WriteString(mod.Format("2006-01-02"))
			b.WriteString("</lastmod>")
		}
		b.WriteString("</url>\n")
	}
	for _, p := range publicPaths() {
		url(abs(cfg, p), site)
	}
	for _, a := range s.Articles {
		url(abs(cfg, a), articleUpdated(a))
	}
	for _, e := range s.Events {
		url(abs(cfg, e), eventUpdated(e))
	}
	for _, x := range s.Actors {
		url(abs(cfg, x), actorUpdated(x))
	}
	b.WriteString("</urlset>\n")
	return []byte(b.String())
}

// robots writes robots.txt: everything may be crawled; the sitemap is
// named by its full address. (Crawlers read robots.txt only at a host's
// root, so under a sub-path this file is informative.)
func robots(cfg model.Config) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + abs(cfg, "sitemap.xml") + "\n")
}
