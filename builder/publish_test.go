package builder

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"

	"github.com/briefhq/brief/builder/archive"
	"github.com/briefhq/brief/builder/model"
)

// Tests of what a site publishes beyond its pages: links under a base
// path and in archives, feeds, sitemap, calendar, metadata, search index
// and checksums. They build the repository's own sample site ("..").

const subBase = "https://example.org/briefings/"

func buildOpts(t *testing.T, opts Options) (string, *Result) {
	t.Helper()
	if opts.Source == "" {
		opts.Source = ".."
	}
	opts.Dest = filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), opts)
	if err != nil {
		t.Fatalf("Build(%+v): %v", opts, err)
	}
	return opts.Dest, res
}

// pubLink is an address found in a page, with the element and attribute
// it came from.
type pubLink struct {
	tag, attr, rel, val string
}

// pageLinks parses an HTML page with a real HTML tokenizer and returns
// every href, src and action.
func pageLinks(t *testing.T, name string, data []byte) []pubLink {
	t.Helper()
	var out []pubLink
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		rel := ""
		for _, a := range tok.Attr {
			if a.Key == "rel" {
				rel = a.Val
			}
		}
		for _, a := range tok.Attr {
			if a.Key == "href" || a.Key == "src" || a.Key == "action" {
				out = append(out, pubLink{tok.Data, a.Key, rel, a.Val})
			}
		}
	}
	return out
}

func isExternal(v string) bool {
	l := strings.ToLower(v)
	for _, p := range []string{"http://", "https://", "mailto:", "tel:", "//"} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// TestPublishLinks checks three builds of the sample site — at the root,
// under a sub-path and as an archive browsed as files — and requires
// every internal href, src and action of every page to name a file of
// the output. In the archive, every internal link must be page-relative
// and name a file (index.html), and nothing may load from another host.
func TestPublishLinks(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		base string
	}{
		{"root", Options{}, "/"},
		{"sub-path", Options{BaseURL: subBase}, "/briefings/"},
		{"archive", Options{Archive: true}, ""},
		{"archive with base URL", Options{Archive: true, BaseURL: subBase}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dest, _ := buildOpts(t, tc.opts)
			out := readTree(t, dest)
			pages, links := 0, 0
			for _, name := range slices.Sorted(maps.Keys(out)) {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				pages++
				for _, l := range pageLinks(t, name, out[name]) {
					v := l.val
					if isExternal(v) {
						// Links out are fine; loading from elsewhere is not.
						if l.attr == "src" || l.tag == "link" && (strings.Contains(l.rel, "stylesheet") || strings.Contains(l.rel, "icon")) {
							t.Errorf("%s: <%s %s=%q> loads from another host", name, l.tag, l.attr, v)
						}
						continue
					}
					if strings.HasPrefix(v, "#") || v == "" {
						continue
					}
					links++
					if i := strings.IndexAny(v, "?#"); i >= 0 {
						v = v[:i]
					}
					var target string
					if tc.base == "" {
						if strings.HasPrefix(v, "/") {
							t.Errorf("%s: archive link %q is site-absolute; it cannot work from the file system", name, l.val)
							continue
						}
						if strings.HasSuffix(v, "/") || v == "" {
							t.Errorf("%s: archive link %q names a folder, not index.html", name, l.val)
							continue
						}
						target = path.Join(path.Dir(name), v)
					} else {
						if !strings.HasPrefix(v, tc.base) {
							t.Errorf("%s: link %q is outside the base path %s", name, l.val, tc.base)
							continue
						}
						target = strings.TrimPrefix(v, tc.base)
						if target == "" || strings.HasSuffix(target, "/") {
							target += "index.html"
						}
					}
					if strings.HasPrefix(target, "../") {
						t.Errorf("%s: link %q leaves the site", name, l.val)
						continue
					}
					if _, ok := out[target]; !ok {
						t.Errorf("%s: link %q points to missing %s", name, l.val, target)
					}
				}
			}
			if pages < 45 || links < 1000 {
				t.Errorf("only %d pages and %d internal links checked", pages, links)
			}
		})
	}
}

// Test404 checks that the not-found page, which GitHub Pages serves at
// any missing address and depth, links with base-absolute addresses.
func Test404(t *testing.T) {
	dest, _ := buildOpts(t, Options{BaseURL: subBase})
	b, err := os.ReadFile(filepath.Join(dest, "404.html"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range pageLinks(t, "404.html", b) {
		if isExternal(l.val) || strings.HasPrefix(l.val, "#") {
			continue
		}
		n++
		if !strings.HasPrefix(l.val, "/briefings/") {
			t.Errorf("404.html: link %q is not base-absolute", l.val)
		}
	}
	if n < 5 {
		t.Errorf("404.html has only %d internal links", n)
	}
}

// TestFeeds parses every feed with gofeed, a real feed parser, and
// checks what readers rely on: Atom, full addresses under the base path
// that name built pages, unique ids that survive a rebuild and a move
// to another address, at most 50 entries, newest first, and a
// <link rel="alternate"> on the pages that have a feed.
func TestFeeds(t *testing.T) {
	dest, res := buildOpts(t, Options{BaseURL: subBase})
	out := readTree(t, dest)
	dest2, _ := buildOpts(t, Options{BaseURL: "https://briefings.example.net/"})
	moved := readTree(t, dest2)

	feeds := []string{"feed.xml"}
	for _, e := range res.Site.Events {
		feeds = append(feeds, "events/"+e.Slug+"/feed.xml")
	}
	for _, a := range res.Site.Actors {
		feeds = append(feeds, "actors/"+a.Slug+"/feed.xml")
	}
	p := gofeed.NewParser()
	for _, name := range feeds {
		data, ok := out[name]
		if !ok {
			t.Errorf("%s: not written", name)
			continue
		}
		f, err := p.ParseString(string(data))
		if err != nil {
			t.Errorf("%s: gofeed: %v", name, err)
			continue
		}
		if f.FeedType != "atom" || f.FeedVersion != "1.0" {
			t.Errorf("%s: type %s %s, want atom 1.0", name, f.FeedType, f.FeedVersion)
		}
		if f.Title == "" || f.UpdatedParsed == nil {
			t.Errorf("%s: no title or updated", name)
		}
		if !strings.HasPrefix(f.FeedLink, subBase) || f.FeedLink != subBase+name {
			t.Errorf("%s: self link %q", name, f.FeedLink)
		}
		if len(f.Items) == 0 || len(f.Items) > 50 {
			t.Errorf("%s: %d entries", name, len(f.Items))
		}
		g, err := p.ParseString(string(moved[name]))
		if err != nil {
			t.Fatalf("%s (moved): %v", name, err)
		}
		ids := map[string]bool{}
		for i, it := range f.Items {
			if it.GUID == "" || ids[it.GUID] {
				t.Errorf("%s: entry %q has an empty or repeated id %q", name, it.Title, it.GUID)
			}
			ids[it.GUID] = true
			if !strings.HasPrefix(it.GUID, "urn:uuid:") {
				t.Errorf("%s: id %q is not a urn:uuid", name, it.GUID)
			}
			if g.Items[i].GUID != it.GUID {
				t.Errorf("%s: id of %q changed when the site moved: %q → %q", name, it.Title, it.GUID, g.Items[i].GUID)
			}
			if it.UpdatedParsed == nil || it.PublishedParsed == nil {
				t.Errorf("%s: entry %q without updated/published", name, it.Title)
			} else if i > 0 && f.Items[i-1].UpdatedParsed != nil && it.UpdatedParsed.After(*f.Items[i-1].UpdatedParsed) {
				t.Errorf("%s: entries not newest first at %q", name, it.Title)
			}
			if !strings.HasPrefix(it.Link, subBase) {
				t.Errorf("%s: entry link %q is not a full address under %s", name, it.Link, subBase)
				continue
			}
			page := strings.TrimPrefix(it.Link, subBase) + "index.html"
			if _, ok := out[page]; !ok {
				t.Errorf("%s: entry link %q names no page", name, it.Link)
			}
		}
		// The page the feed belongs to announces it.
		pageFile := strings.TrimSuffix(name, "feed.xml") + "index.html"
		href := `<link rel="alternate" type="application/atom+xml" title="`
		if !bytes.Contains(out[pageFile], []byte(href)) || !bytes.Contains(out[pageFile], []byte(`href="/briefings/`+name+`"`)) {
			t.Errorf("%s does not link to its feed %s", pageFile, name)
		}
	}
	// The site feed holds the latest articles and event updates.
	f, _ := p.ParseString(string(out["feed.xml"]))
	var arts, evs int
	for _, it := range f.Items {
		switch {
		case strings.Contains(it.Link, "/articles/"):
			arts++
		case strings.Contains(it.Link, "/events/"):
			evs++
		}
	}
	if arts != len(res.Site.Articles) || evs != len(res.Site.Events) {
		t.Errorf("feed.xml: %d articles and %d events, want %d and %d", arts, evs, len(res.Site.Articles), len(res.Site.Events))
	}
}

// TestSitemap parses sitemap.xml with encoding/xml: it must list every
// page but the 404 page, with full addresses and a lastmod date, and
// robots.txt must name it.
func TestSitemap(t *testing.T) {
	dest, _ := buildOpts(t, Options{BaseURL: subBase})
	out := readTree(t, dest)
	var sm struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
		URLs    []struct {
			Loc     string `xml:"loc"`
			Lastmod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(out["sitemap.xml"], &sm); err != nil {
		t.Fatalf("sitemap.xml: %v", err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		if listed[u.Loc] {
			t.Errorf("sitemap: %s listed twice", u.Loc)
		}
		listed[u.Loc] = true
		if !strings.HasPrefix(u.Loc, subBase) {
			t.Errorf("sitemap: %s is not a full address under %s", u.Loc, subBase)
		}
		if _, err := time.Parse("2006-01-02", u.Lastmod); err != nil {
			t.Errorf("sitemap: %s has lastmod %q", u.Loc, u.Lastmod)
		}
		if _, ok := out[strings.TrimPrefix(u.Loc, subBase)+"index.html"]; !ok {
			t.Errorf("sitemap: %s names no page", u.Loc)
		}
	}
	for name := range out {
		if strings.HasSuffix(name, "index.html") && !listed[subBase+strings.TrimSuffix(name, "index.html")] {
			t.Errorf("sitemap: page %s not listed", name)
		}
	}
	if want := "Sitemap: " + subBase + "sitemap.xml\n"; !strings.Contains(string(out["robots.txt"]), want) {
		t.Errorf("robots.txt = %q, want a line %q", out["robots.txt"], want)
	}
}

// TestCalendar checks calendar.ics against the rules of RFC 5545: CRLF
// line ends, lines folded at 75 octets, required properties, all-day
// DATE values with an exclusive DTEND, unique UIDs, DTSTAMP in UTC,
// escaped TEXT values; and that events known only to the month or year
// are left out.
func TestCalendar(t *testing.T) {
	dest, res := buildOpts(t, Options{BaseURL: subBase})
	data, err := os.ReadFile(filepath.Join(dest, "calendar.ics"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatal("calendar.ics does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(string(data), "\r\n"), "\r\n")
	var lines []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d has a bare CR or LF", i+1)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets long", i+1, len(l))
		}
		if strings.HasPrefix(l, " ") || strings.HasPrefix(l, "\t") {
			if len(lines) == 0 {
				t.Fatal("first line is a continuation")
			}
			lines[len(lines)-1] += l[1:]
			continue
		}
		lines = append(lines, l)
	}
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Errorf("not one VCALENDAR: %q … %q", lines[0], lines[len(lines)-1])
	}
	props := map[string]bool{}
	var ev map[string]string
	events := map[string]map[string]string{}
	uids := map[string]bool{}
	textProp := regexp.MustCompile(`^(SUMMARY|DESCRIPTION|LOCATION|NAME|X-WR-CALNAME|X-WR-CALDESC)(;[^:]*)?:(.*)$`)
	for _, l := range lines {
		name := l[:strings.IndexAny(l+":", ":;")]
		if m := textProp.FindStringSubmatch(l); m != nil {
			// In TEXT, ',', ';' and '\' appear only escaped.
			v := m[3]
			for i := 0; i < len(v); i++ {
				switch v[i] {
				case '\\':
					if i+1 >= len(v) || !strings.ContainsRune(`\,;nN`, rune(v[i+1])) {
						t.Errorf("bad escape in %q", l)
					}
					i++
				case ',', ';':
					t.Errorf("unescaped %q in %q", v[i], l)
				}
			}
		}
		switch {
		case l == "BEGIN:VEVENT":
			ev = map[string]string{}
		case l == "END:VEVENT":
			for _, req := range []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} {
				if ev[req] == "" {
					t.Errorf("VEVENT %q without %s", ev["SUMMARY"], req)
				}
			}
			if uids[ev["UID"]] {
				t.Errorf("UID %s repeated", ev["UID"])
			}
			uids[ev["UID"]] = true
			events[strings.TrimPrefix(ev["SUMMARY"], ":")] = ev
			ev = nil
		case ev != nil:
			ev[name] = l[strings.IndexAny(l, ":;"):]
		default:
			props[name] = true
		}
	}
	for _, req := range []string{"VERSION", "PRODID"} {
		if !props[req] {
			t.Errorf("VCALENDAR without %s", req)
		}
	}
	stamp := regexp.MustCompile(`^:\d{8}T\d{6}Z$`)
	for _, e := range res.Site.Events {
		got, ok := events[strings.NewReplacer(",", `\,`, ";", `\;`).Replace(e.Title)]
		if e.Date.Precision != model.Day {
			if ok {
				t.Errorf("%s: known only to the %s, yet in the calendar", e.Slug, e.Date.Precision)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: not in the calendar", e.Slug)
			continue
		}
		last := e.Date.Start
		if !e.End.IsZero() {
			last = e.End.Last()
		}
		if want := ";VALUE=DATE:" + e.Date.Start.Format("20060102"); got["DTSTART"] != want {
			t.Errorf("%s: DTSTART%s, want DTSTART%s", e.Slug, got["DTSTART"], want)
		}
		if want := ";VALUE=DATE:" + last.AddDate(0, 0, 1).Format("20060102"); got["DTEND"] != want {
			t.Errorf("%s: DTEND%s, want DTEND%s (the day after the last)", e.Slug, got["DTEND"], want)
		}
		if !stamp.MatchString(got["DTSTAMP"]) {
			t.Errorf("%s: DTSTAMP%s is not a UTC date-time", e.Slug, got["DTSTAMP"])
		}
	}
	// A multi-day event is in the sample: 18–20 February 2022.
	if msc := events["Munich Security Conference 2022"]; msc == nil || msc["DTEND"] != ";VALUE=DATE:20220221" {
		t.Errorf("Munich Security Conference: DTEND %q, want ;VALUE=DATE:20220221", msc["DTEND"])
	}
}

// TestMetadata checks the JSON-LD, OpenGraph and canonical link of an
// article, an event and an actor page.
func TestMetadata(t *testing.T) {
	dest, res := buildOpts(t, Options{BaseURL: subBase})
	ld := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`)
	read := func(page string) (map[string]any, string) {
		b, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		m := ld.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no JSON-LD", page)
		}
		var v map[string]any
		if err := json.Unmarshal(m[1], &v); err != nil {
			t.Fatalf("%s: JSON-LD: %v", page, err)
		}
		return v, string(b)
	}
	var art *model.Article
	for _, a := range res.Site.Articles {
		if len(a.Events) > 0 && len(a.Authors) > 0 && a.Publisher != "" {
			art = a
		}
	}
	v, page := read("articles/" + art.Slug + "/index.html")
	if v["@type"] != "NewsArticle" || v["headline"] != art.Title || v["datePublished"] != art.Date.String() || v["dateModified"] == nil {
		t.Errorf("article JSON-LD: %v", v)
	}
	if pub, _ := v["publisher"].(map[string]any); pub["name"] != art.Publisher {
		t.Errorf("article publisher: %v", v["publisher"])
	}
	if au, _ := v["author"].([]any); len(au) != len(art.Authors) {
		t.Errorf("article author: %v", v["author"])
	}
	if ab, _ := v["about"].([]any); len(ab) != len(art.Events) || ab[0].(map[string]any)["@type"] != "Event" {
		t.Errorf("article about: %v", v["about"])
	}
	if me, _ := v["mentions"].([]any); len(me) != len(art.Actors) {
		t.Errorf("article mentions: %v", v["mentions"])
	}
	canon := subBase + "articles/" + art.Slug + "/"
	for _, want := range []string{`<link rel="canonical" href="` + canon + `">`, `<meta property="og:url" content="` + canon + `">`,
		`<meta property="og:type" content="article">`, `<meta name="twitter:card" content="summary">`, `<meta property="og:title"`} {
		if !strings.Contains(page, want) {
			t.Errorf("article page lacks %s", want)
		}
	}

	v, _ = read("events/munich-security-conference/index.html")
	if v["@type"] != "Event" || v["startDate"] != "2022-02-18" || v["endDate"] != "2022-02-20" || v["location"] == nil {
		t.Errorf("event JSON-LD: %v", v)
	}
	if ps, _ := v["performer"].([]any); len(ps) == 0 {
		t.Errorf("event without performers: %v", v)
	}

	x := res.Site.ActorBySlug["volodymyr-zelenskyy"]
	v, _ = read("actors/" + x.Slug + "/index.html")
	if v["@type"] != "Person" || v["name"] != x.Name || v["sameAs"] != "https://www.wikidata.org/wiki/"+x.Wikidata {
		t.Errorf("actor JSON-LD: %v", v)
	}
	if alt, _ := v["alternateName"].([]any); len(alt) != len(x.Aliases) {
		t.Errorf("actor alternateName: %v", v["alternateName"])
	}
	for slug, typ := range map[string]string{"nato": "Organization", "russia": "Country", "kyiv": "Place"} {
		if v, _ := read("actors/" + slug + "/index.html"); v["@type"] != typ {
			t.Errorf("%s: @type %v, want %s", slug, v["@type"], typ)
		}
	}
}

// TestSearchIndex checks that the index is scripts that define the
// data (not JSON to fetch): a manifest that counts every item, and
// shards; that it stays under 30% of the site's HTML; and that it holds
// the word pipeline.
func TestSearchIndex(t *testing.T) {
	dest, res := buildOpts(t, Options{})
	out := readTree(t, dest)
	idx := out["search/index.js"]
	const prefix = "window.BRIEF_SEARCH="
	if !bytes.HasPrefix(idx, []byte(prefix)) {
		t.Fatalf("search/index.js starts %q", first(string(idx), 40))
	}
	var data struct {
		Docs   int
		Shards [][]any
	}
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimSpace(idx[len(prefix):]), []byte(";")), &data); err != nil {
		t.Fatalf("search manifest is not a JSON literal: %v", err)
	}
	if want := len(res.Site.Actors) + len(res.Site.Events) + len(res.Site.Articles); data.Docs != want || len(data.Shards) == 0 {
		t.Errorf("index of %d documents in %d term shards, want %d documents", data.Docs, len(data.Shards), want)
	}
	var htmlBytes, indexBytes int
	pipeline := false
	for name, b := range out {
		if strings.HasSuffix(name, ".html") {
			htmlBytes += len(b)
		}
		if strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".js") {
			indexBytes += len(b)
			if name != "search/index.js" && !bytes.HasPrefix(b, []byte("BRIEF_SEARCH_SHARD(")) {
				t.Errorf("%s starts %q", name, first(string(b), 40))
			}
			pipeline = pipeline || strings.HasPrefix(name, "search/t/") && bytes.Contains(b, []byte(`"pipeline":`))
		}
	}
	if res.Stats.SearchIndex != int64(indexBytes) || res.Stats.HTMLBytes != int64(htmlBytes) {
		t.Errorf("stats: index %d, HTML %d; files: %d, %d", res.Stats.SearchIndex, res.Stats.HTMLBytes, indexBytes, htmlBytes)
	}
	if ratio := float64(indexBytes) / float64(htmlBytes); ratio >= 0.30 {
		t.Errorf("search index is %.0f%% of the HTML", 100*ratio)
	}
	if !bytes.Contains(out["search/index.html"], []byte(`<script src="/search/index.js"`)) {
		t.Error("the search page does not load the index as a script")
	}
	if !pipeline {
		t.Error("no term shard holds the word pipeline")
	}
}

// TestArchive checks an archive's SHA256SUMS with sha256sum (when
// installed) and with Verify, then that Verify catches a changed, a
// missing and an extra file; and that archive pages keep the articles'
// provenance and archives are deterministic.
func TestArchive(t *testing.T) {
	dest, res := buildOpts(t, Options{Archive: true})
	again, _ := buildOpts(t, Options{Archive: true})
	a, b := readTree(t, dest), readTree(t, again)
	for name, x := range a {
		if !bytes.Equal(x, b[name]) {
			t.Errorf("%s differs between two archive builds", name)
		}
	}
	if res.ArchiveFiles != len(a) {
		t.Errorf("ArchiveFiles = %d, the folder holds %d", res.ArchiveFiles, len(a))
	}
	if sha, err := exec.LookPath("sha256sum"); err == nil {
		cmd := exec.Command(sha, "-c", "--strict", "SHA256SUMS")
		cmd.Dir = dest
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("sha256sum -c: %v\n%s", err, out)
		}
	} else {
		t.Log("no sha256sum here; checking with Verify only")
	}
	r, err := archive.Verify(dest)
	if err != nil {
		t.Fatal(err)
	}
	if r.Failed() || r.OK != len(a)-1 {
		t.Fatalf("fresh archive: %+v", r)
	}

	for _, art := range res.Site.Articles {
		page := string(a["articles/"+art.Slug+"/index.html"])
		for _, field := range []string{"publisher", "url", "published", "updated"} {
			if !strings.Contains(page, `data-provenance="`+field+`"`) {
				t.Errorf("%s: no provenance %s", art.Slug, field)
			}
		}
		if art.SourceURL != "" && !strings.Contains(page, ">"+art.SourceURL+"</a>") {
			t.Errorf("%s: original address %s not shown", art.Slug, art.SourceURL)
		}
	}
	var export []map[string]any
	if err := json.Unmarshal(a["data/articles.json"], &export); err != nil {
		t.Fatal(err)
	}
	for _, e := range export {
		for _, k := range []string{"source", "source_url", "date", "updated"} {
			if _, ok := e[k]; !ok {
				t.Errorf("export: %v has no %s", e["slug"], k)
			}
		}
	}

	changed := filepath.Join(dest, "events", "invasion", "index.html")
	if err := os.WriteFile(changed, []byte("tampered"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(dest, "style.css")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dest, "actors", "extra.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err = archive.Verify(dest)
	if err != nil {
		t.Fatal(err)
	}
	if !r.Failed() || strings.Join(r.Changed, ",") != "events/invasion/index.html" ||
		strings.Join(r.Missing, ",") != "style.css" || strings.Join(r.Extra, ",") != "actors/extra.html" {
		t.Errorf("after tampering: changed %v, missing %v, extra %v", r.Changed, r.Missing, r.Extra)
	}
}

func first(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
