package load

import (
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// errorsIn returns the errors among ds.
func errorsIn(ds []diag.Diagnostic) []diag.Diagnostic {
	var out []diag.Diagnostic
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// loadFile reads data as the article, event or actor its path says.
func loadFile(file, data string) []diag.Diagnostic {
	switch {
	case strings.HasPrefix(file, "content/events/"):
		_, ds := Event(file, []byte(data))
		return ds
	case strings.HasPrefix(file, "content/actors/"):
		_, ds := Actor(file, []byte(data))
		return ds
	}
	_, ds := Article(file, []byte(data))
	return ds
}

// TestSourceURLMustBeWebAddress: a url that is not an absolute http(s)
// address was taken as is, and the page linked to #ZgotmplZ (issue 11,
// case 6).
func TestSourceURLMustBeWebAddress(t *testing.T) {
	bad := []struct {
		name, file, data string
		line             int
		words            []string
	}{
		{"javascript", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: javascript:alert(1)\n---\n", 4, []string{"javascript: address", "http(s) address"}},
		{"data", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: \"data:text/html,<script>alert(1)</script>\"\n---\n", 4, []string{"data: address"}},
		{"upper-case scheme", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: JavaScript:alert(1)\n---\n", 4, []string{"javascript: address"}},
		{"scheme-relative", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: //example.org/story\n---\n", 4, []string{"not a full address", "https://"}},
		{"no scheme", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: www.example.org/story\n---\n", 4, []string{"not a full address"}},
		{"no host", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: https:///story\n---\n", 4, []string{"no host name"}},
		{"quote in host", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: 'https://example.org\"onmouseover=x/'\n---\n", 4, []string{"invalid host name"}},
		{"mailto", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: mailto:desk@example.org\n---\n", 4, []string{"mailto: address"}},
		{"control character", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nurl: \"https://example.org/\\x01\"\n---\n", 4, []string{"not a valid address"}},
		{"toml", "content/articles/a.md", "+++\ntitle = \"T\"\ndate = 2022-02-07\nurl = \"javascript:alert(1)\"\n+++\n", 4, []string{"javascript: address"}},
		{"txt header", "content/articles/2022-02-07-a.txt", "Title: T\nSource: Wire\nURL: javascript:alert(1)\n\nText.\n", 3, []string{"javascript: address", "http(s) address"}},
		{"txt data", "content/articles/2022-02-07-a.txt", "Title: T\nURL: data:text/html;base64,PHNjcmlwdD4=\n\nText.\n", 2, []string{"data: address"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			a, ds := Article(tt.file, []byte(tt.data))
			assertOne(t, ds, tt.file, tt.line, tt.words...)
			if a != nil && a.SourceURL != "" {
				t.Errorf("SourceURL = %q, want it dropped", a.SourceURL)
			}
		})
	}
	for _, u := range []string{"https://example.org/world/2022/02/07/story?x=1#top", "http://example.org", "HTTPS://Example.ORG/a", "https://bücher.de/seite", "http://[::1]:8080/x", "https://news.example.org:8443/a b"} {
		a, ds := Article("content/articles/a.md", []byte("---\ntitle: T\ndate: 2022-02-07\nurl: \""+u+"\"\n---\n"))
		noErrors(t, ds)
		if a == nil || a.SourceURL != u {
			t.Errorf("url %q: SourceURL = %v", u, a)
		}
	}
	// An empty url (as brief new writes it) is no address, not an error.
	_, ds := Article("content/articles/a.md", []byte("---\ntitle: T\ndate: 2022-02-07\nurl: \"\"\n---\n"))
	noErrors(t, ds)
}

// TestPageAddressMustBeWebAddress: a saved page's canonical address is
// checked by the same rule; a bad one is skipped for the next candidate.
func TestPageAddressMustBeWebAddress(t *testing.T) {
	page := `<html><head><title>T</title><meta property="article:published_time" content="2022-02-07">
<link rel="canonical" href="https://example.org&quot;x/">
<meta property="og:url" content="https://example.org/good"></head><body><article><p>Text of the page, long enough to be read as the article's body.</p></article></body></html>`
	a, ds := Article("content/articles/p.html", []byte(page))
	noErrors(t, ds)
	if a.SourceURL != "https://example.org/good" {
		t.Errorf("SourceURL = %q, want the og:url", a.SourceURL)
	}
}

// TestBaseURLMustBeWebAddress: base_url already refused other schemes;
// a host name with quotes or brackets passed.
func TestBaseURLMustBeWebAddress(t *testing.T) {
	for _, s := range []string{"javascript:alert(1)", "data:text/html,x", "javascript://example.org/%0aalert(1)", `https://example.org"onload=x/`, "https://exa<mple>.org/"} {
		_, ds := Config([]byte("title: T\nbase_url: '" + s + "'\n"))
		assertOne(t, ds, ConfigFile, 2, "base_url", "https://")
	}
	var cfg model.Config
	if err := SetBaseURL(&cfg, "https://bücher.example/briefings"); err != nil || cfg.BasePath != "/briefings/" {
		t.Errorf("internationalised host: %v, %q", err, cfg.BasePath)
	}
}

// TestSlugLength: a 300-character slug passed check and failed the build
// on an output path (issue 11, case 9).
func TestSlugLength(t *testing.T) {
	long := strings.Repeat("word-", 60) + "end" // 303 characters
	at100 := strings.Repeat("a", MaxSlug)
	for _, tt := range []struct {
		name, file, data string
		line             int
	}{
		{"slug key", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nslug: " + long + "\n---\n", 4},
		{"slug key of an event", "content/events/e.md", "---\ntitle: T\ndate: 2022-02\nslug: " + at100 + "b\n---\n", 4},
		{"slug key of an actor", "content/actors/x.md", "---\nname: X\nslug: " + long + "\n---\n", 3},
		{"txt header", "content/articles/2022-02-07-a.txt", "Title: T\nSlug: " + long + "\n\nText.\n", 2},
		{"md file name", "content/articles/" + long[:150] + ".md", "---\ntitle: T\ndate: 2022-02-07\n---\n", 1},
		{"txt file name", "content/articles/2022-02-07-" + long[:150] + ".txt", "T\n\nText.\n", 1},
		{"html file name", "content/articles/2022-02-07-" + long[:150] + ".html", "<title>T</title><p>Text.</p>", 1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := errorsIn(loadFile(tt.file, tt.data))
			assertOne(t, ds, tt.file, tt.line, "over the limit of 100")
			if !strings.Contains(ds[0].Hint, "shorten") && !strings.Contains(ds[0].Hint, "rename the file to") {
				t.Errorf("hint %q says neither shorten nor rename", ds[0].Hint)
			}
			// The slug the hint suggests is itself within the limit.
			for _, w := range strings.Fields(ds[0].Hint) {
				if strings.HasPrefix(w, "word-") && len(w) > MaxSlug {
					t.Errorf("hint suggests a slug of %d characters: %q", len(w), ds[0].Hint)
				}
			}
		})
	}
	// Exactly MaxSlug characters is fine, from the key and from the name.
	noErrors(t, loadFile("content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nslug: "+at100+"\n---\n"))
	noErrors(t, loadFile("content/articles/"+at100+".md", "---\ntitle: T\ndate: 2022-02-07\n---\n"))
}

// TestSlugifyShortens: brief new made a file name of any length; Slugify
// now cuts at the last word boundary within MaxSlug.
func TestSlugifyShortens(t *testing.T) {
	title := strings.TrimSpace(strings.Repeat("Sanctions talks ", 40))
	s := Slugify(title)
	full := strings.TrimSuffix(strings.Repeat("sanctions-talks-", 40), "-")
	if len(s) > MaxSlug || len(s) < MaxSlug-len("sanctions-") || !ValidSlug(s) || !strings.HasPrefix(full, s+"-") {
		t.Errorf("Slugify(80 words) = %q (%d), want a prefix of the full slug ending at a word, at most %d", s, len(s), MaxSlug)
	}
	if s := Slugify(strings.Repeat("x", 150) + " end"); s != strings.Repeat("x", MaxSlug) {
		t.Errorf("Slugify(one long word) = %q, want it cut at %d", s, MaxSlug)
	}
	if s := Slugify(strings.Repeat("b", MaxSlug-1) + " c d"); s != strings.Repeat("b", MaxSlug-1) {
		t.Errorf("Slugify(cut before a dash) = %q", s)
	}
}

// TestPlaceholderDates: 0001-01-01, what CMS exports write for a null
// date, silently became "no date" (issue 11, case 10).
func TestPlaceholderDates(t *testing.T) {
	for _, tt := range []struct {
		name, file, data string
		line             int
		hint             string
	}{
		{"article date", "content/articles/a.md", "---\ntitle: T\ndate: 0001-01-01\n---\n", 3, "publication date as YYYY-MM-DD"},
		{"article date-time", "content/articles/a.md", "---\ntitle: T\ndate: 0001-01-01T00:00:00Z\n---\n", 3, "publication date"},
		{"mysql zero", "content/articles/a.md", "---\ntitle: T\ndate: 0000-00-00\n---\n", 3, "publication date"},
		{"year 0000", "content/articles/a.md", "---\ntitle: T\ndate: 0000-03-01\n---\n", 3, "publication date"},
		{"updated", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nupdated: 0001-01-01\n---\n", 4, "remove updated:"},
		{"toml date", "content/articles/a.md", "+++\ntitle = \"T\"\ndate = 0001-01-01\n+++\n", 3, "publication date"},
		{"toml date-time", "content/articles/a.md", "+++\ntitle = \"T\"\ndate = 0001-01-01T00:00:00Z\n+++\n", 3, "publication date"},
		{"txt header", "content/articles/a.txt", "Title: T\nDate: 0001-01-01\n\nText.\n", 2, "publication date"},
		{"txt file name", "content/articles/0001-01-01-a.txt", "T\n\nText.\n", 0, "real date"},
		{"html file name", "content/articles/0001-01-01-a.html", "<title>T</title><p>Text.</p>", 0, "real date"},
		{"event date", "content/events/e.md", "---\ntitle: T\ndate: 0001-01-01\n---\n", 3, "date the event began"},
		{"event month", "content/events/e.md", "---\ntitle: T\ndate: 0001-01\n---\n", 3, "date the event began"},
		{"event year", "content/events/e.md", "---\ntitle: T\ndate: \"0001\"\n---\n", 3, "date the event began"},
		{"event end", "content/events/e.md", "---\ntitle: T\ndate: 2022-02-07\nend: 0001-01-01\n---\n", 4, "remove end:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := errorsIn(loadFile(tt.file, tt.data))
			assertOne(t, ds, tt.file, tt.line, "placeholder for no date", tt.hint)
		})
	}
	// Real dates of any age still read: events date history.
	for _, s := range []string{"0001-01-02", "0988", "1654-01-18", "1991-08"} {
		noErrors(t, loadFile("content/events/e.md", "---\ntitle: T\ndate: \""+s+"\"\n---\n"))
	}
}

// TestPagePlaceholderDate: a saved page whose published_time is the zero
// date takes its date from the next source, and without one says so.
func TestPagePlaceholderDate(t *testing.T) {
	body := `<body><article><p>Text of the page, long enough to be read as the article's body.</p></article></body></html>`
	a, ds := Article("content/articles/p.html", []byte(`<html><head><title>T</title>
<meta property="article:published_time" content="0001-01-01T00:00:00Z">
<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2022-02-07T10:00:00Z"}</script></head>`+body))
	noErrors(t, ds)
	if a.Date != model.NewDay(2022, 2, 7) {
		t.Errorf("date = %v, want 2022-02-07 from JSON-LD", a.Date)
	}
	_, ds = Article("content/articles/p.html", []byte(`<html><head><title>T</title>
<meta property="article:published_time" content="0001-01-01T00:00:00Z"></head>`+body))
	assertOne(t, errorsIn(ds), "content/articles/p.html", 0, "no publication date")
}

// TestFutureDates: an article dated more than a day after the clock is a
// warning (not an error, and not for events, which may be scheduled).
func TestFutureDates(t *testing.T) {
	day := func(days int) string { return time.Now().UTC().AddDate(0, 0, days).Format("2006-01-02") }
	warnings := func(ds []diag.Diagnostic) []diag.Diagnostic {
		var out []diag.Diagnostic
		for _, d := range ds {
			if d.Severity == diag.Warning {
				out = append(out, d)
			}
		}
		return out
	}
	for _, tt := range []struct {
		name, file, data string
		line             int
	}{
		{"date", "content/articles/a.md", "---\ntitle: T\ndate: " + day(3) + "\n---\n", 3},
		{"far", "content/articles/a.md", "---\ntitle: T\ndate: 2999-01-01\n---\n", 3},
		{"updated", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nupdated: " + day(3) + "\n---\n", 4},
		{"txt header", "content/articles/a.txt", "Title: T\nDate: " + day(3) + "\n\nText.\n", 2},
		{"txt file name", "content/articles/" + day(3) + "-a.txt", "T\n\nText.\n", 0},
		{"html", "content/articles/p.html", `<title>T</title><meta property="article:published_time" content="` + day(3) + `"><p>Text.</p>`, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds := loadFile(tt.file, tt.data)
			noErrors(t, ds)
			w := warnings(ds)
			if len(w) != 1 || w[0].File != tt.file || w[0].Line != tt.line || !strings.Contains(w[0].Msg, "is in the future") || !strings.Contains(w[0].Hint, "published") {
				t.Errorf("warnings %v, want one at %s:%d saying the date is in the future", w, tt.file, tt.line)
			}
		})
	}
	for _, data := range []string{
		"---\ntitle: T\ndate: " + day(1) + "\n---\n", // tomorrow: a time zone ahead
		"---\ntitle: T\ndate: " + day(0) + "\n---\n",
		"---\ntitle: T\ndate: " + day(-400) + "\n---\n",
	} {
		if ds := loadFile("content/articles/a.md", data); len(ds) != 0 {
			t.Errorf("%q: %v", data, ds)
		}
	}
	if ds := loadFile("content/events/e.md", "---\ntitle: T\ndate: 2999-01-01\nend: 2999-01-03\n---\n"); len(ds) != 0 {
		t.Errorf("scheduled event: %v", ds)
	}
}
