package render

import (
	"strconv"
	"time"

	"github.com/briefhq/brief/builder/model"
)

// The sitemap (sitemaps.org protocol 0.9) lists every page with its
// full address and the date it last changed; robots.txt names it. The
// protocol allows only full addresses: without a base URL with a host
// there is no sitemap, and robots.txt names none (the build warns).
//
// The protocol allows 50,000 addresses and 50 MB per file. A site
// within both has one sitemap.xml; a bigger one has sitemap-1.xml,
// sitemap-2.xml, … and sitemap.xml becomes the sitemap index that lists
// them, so robots.txt names sitemap.xml either way.

const (
	sitemapMaxURLs  = 50000
	sitemapMaxBytes = 50 << 20
)

// sitemapFixed are the index pages listed before the items.
var sitemapFixed = publicPaths()

// sitemapLen is the number of addresses in the sitemap.
func sitemapLen(s *model.Site) int { return sitemapCount(s, sitemapMore(s)) }

// sitemapCount is the number of addresses with more, the pages listed
// after the items (see sitemapMore).
func sitemapCount(s *model.Site, more []sitemapPage) int {
	return len(sitemapFixed) + len(s.Articles) + len(s.Events) + len(s.Actors) + len(more)
}

// sitemapURL is the address of entry i and the date it last changed.
// Index pages change whenever the site does; item pages when they or
// their coverage do.
func sitemapURL(s *model.Site, more []sitemapPage, i int, site time.Time) (string, time.Time) {
	cfg := s.Config
	var loc string
	var mod time.Time
	switch {
	case i < len(sitemapFixed):
		loc, mod = abs(cfg, sitemapFixed[i]), site
	case i < len(sitemapFixed)+len(s.Articles):
		a := s.Articles[i-len(sitemapFixed)]
		loc, mod = abs(cfg, a), articleUpdated(a)
	case i < len(sitemapFixed)+len(s.Articles)+len(s.Events):
		e := s.Events[i-len(sitemapFixed)-len(s.Articles)]
		loc, mod = abs(cfg, e), eventUpdated(e)
	case i < len(sitemapFixed)+len(s.Articles)+len(s.Events)+len(s.Actors):
		x := s.Actors[i-len(sitemapFixed)-len(s.Articles)-len(s.Events)]
		loc, mod = abs(cfg, x), actorUpdated(x)
	default:
		p := more[i-len(sitemapFixed)-len(s.Articles)-len(s.Events)-len(s.Actors)]
		loc, mod = abs(cfg, p.path), p.mod
	}
	if mod.IsZero() {
		mod = site
	}
	return loc, mod
}

const (
	sitemapHead     = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	sitemapURLSet   = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n"
	sitemapURLEnd   = "</urlset>\n"
	sitemapEntryMax = len("<url><loc></loc><lastmod>2006-01-02</lastmod></url>\n")
)

// sitemapCuts returns where each sitemap file starts, as entry numbers,
// ending with the number of entries: files of at most sitemapMaxURLs
// entries and sitemapMaxBytes bytes.
func sitemapCuts(s *model.Site) []int {
	more := sitemapMore(s)
	n := sitemapCount(s, more)
	cuts := []int{0}
	size, count := len(sitemapHead)+len(sitemapURLSet)+len(sitemapURLEnd), 0
	for i := 0; i < n; i++ {
		loc, _ := sitemapURL(s, more, i, time.Time{})
		entry := sitemapEntryMax + len(xmlEscape(loc))
		if count == sitemapMaxURLs || size+entry > sitemapMaxBytes {
			cuts = append(cuts, i)
			size, count = len(sitemapHead)+len(sitemapURLSet)+len(sitemapURLEnd), 0
		}
		size += entry
		count++
	}
	return append(cuts, n)
}

// sitemapJobs plans sitemap.xml, and the files it indexes when one file
// cannot hold every address.
func sitemapJobs(s *model.Site) []Job {
	if !hasHost(s.Config) {
		return nil
	}
	cuts := sitemapCuts(s)
	deps := func(sig *Sig) { sitemapDeps(sig, s) }
	if len(cuts) <= 2 {
		return []Job{{File: "sitemap.xml", Kind: "sitemap", Make: func(w Writer) error { sitemapFile(w, s, 0, cuts[len(cuts)-1]); return nil }, Deps: deps}}
	}
	jobs := []Job{{File: "sitemap.xml", Kind: "sitemap", Make: func(w Writer) error { sitemapIndex(w, s, cuts); return nil }, Deps: deps}}
	for k := 0; k+1 < len(cuts); k++ {
		from, to := cuts[k], cuts[k+1]
		jobs = append(jobs, Job{File: sitemapPart(k), Kind: "sitemap", Make: func(w Writer) error { sitemapFile(w, s, from, to); return nil }, Deps: deps})
	}
	return jobs
}

// sitemapPart names the k-th file of a split sitemap.
func sitemapPart(k int) string { return "sitemap-" + strconv.Itoa(k+1) + ".xml" }

// sitemapFile writes a urlset of entries [from, to).
func sitemapFile(b Writer, s *model.Site, from, to int) {
	site, more := siteUpdated(s), sitemapMore(s)
	b.WriteString(sitemapHead)
	b.WriteString(sitemapURLSet)
	for i := from; i < to; i++ {
		loc, mod := sitemapURL(s, more, i, site)
		b.WriteString("<url><loc>")
		b.WriteString(xmlEscape(loc))
		b.WriteString("</loc>")
		writeLastmod(b, mod)
		b.WriteString("</url>\n")
	}
	b.WriteString(sitemapURLEnd)
}

// sitemapIndex writes the sitemap index of a split sitemap; each file's
// lastmod is the latest of its entries.
func sitemapIndex(b Writer, s *model.Site, cuts []int) {
	site, more := siteUpdated(s), sitemapMore(s)
	b.WriteString(sitemapHead)
	b.WriteString(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for k := 0; k+1 < len(cuts); k++ {
		var latest time.Time
		for i := cuts[k]; i < cuts[k+1]; i++ {
			if _, mod := sitemapURL(s, more, i, site); mod.After(latest) {
				latest = mod
			}
		}
		b.WriteString("<sitemap><loc>")
		b.WriteString(xmlEscape(abs(s.Config, sitemapPart(k))))
		b.WriteString("</loc>")
		writeLastmod(b, latest)
		b.WriteString("</sitemap>\n")
	}
	b.WriteString("</sitemapindex>\n")
}

func writeLastmod(b Writer, mod time.Time) {
	if mod.IsZero() {
		return
	}
	b.WriteString("<lastmod>")
	b.WriteString(mod.Format("2006-01-02"))
	b.WriteString("</lastmod>")
}

// robots writes robots.txt: everything may be crawled; the sitemap is
// named by its full address, when there is one. (Crawlers read
// robots.txt only at a host's root, so under a sub-path this file is
// informative.)
func robots(cfg model.Config) []byte {
	if !hasHost(cfg) {
		return []byte("User-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + abs(cfg, "sitemap.xml") + "\n")
}
