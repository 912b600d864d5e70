package builder

import (
	"bytes"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
)

// sampleEventGolden is the briefing of the sample site the golden test
// keeps: the Macron–Putin talks, whose coverage has numbers, quotes in
// several outlets and two days.
const (
	sampleEventPage   = "events/macron-putin-kremlin/index.html"
	sampleEventGolden = "testdata/golden/sample/" + sampleEventPage
)

var (
	briefingSampleOnce sync.Once
	briefingSampleOut  map[string][]byte
)

// briefingSample builds the repository's sample site once for the tests
// of this file.
func briefingSample(t *testing.T) map[string][]byte {
	t.Helper()
	briefingSampleOnce.Do(func() { briefingSampleOut = readTree(t, build(t, "..")) })
	if briefingSampleOut == nil {
		t.Fatal("the sample site did not build")
	}
	return briefingSampleOut
}

// TestSampleEventGolden compares the sample's event briefing byte for
// byte with its golden copy ("go test ./builder -run SampleEventGolden
// -update" accepts a new one; read the diff).
func TestSampleEventGolden(t *testing.T) {
	got, ok := briefingSample(t)[sampleEventPage]
	if !ok {
		t.Fatalf("%s not built", sampleEventPage)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(sampleEventGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(sampleEventGolden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(sampleEventGolden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from %s at %s", sampleEventPage, sampleEventGolden, firstDiff(got, want))
	}
}

var (
	metaDescription = regexp.MustCompile(`<meta name="description" content="([^"]*)">`)
	bodyKind        = regexp.MustCompile(`<body class="page-([a-z0-9-]+)"`)
)

// TestEveryPageHasDescription checks that every page of the sample and of
// the golden site, of every kind, has a meta description.
func TestEveryPageHasDescription(t *testing.T) {
	kinds := map[string]bool{}
	for _, site := range []map[string][]byte{briefingSample(t), readTree(t, build(t, goldenSite))} {
		for name, b := range site {
			if !strings.HasSuffix(name, ".html") || bytes.Contains(b, []byte(`http-equiv="refresh"`)) {
				continue
			}
			k := bodyKind.FindSubmatch(b)
			if k == nil {
				continue // not a page of the theme (a saved page's assets)
			}
			kinds[string(k[1])] = true
			m := metaDescription.FindSubmatch(b)
			if m == nil || strings.TrimSpace(html.UnescapeString(string(m[1]))) == "" {
				t.Errorf("%s (%s page) has no meta description", name, k[1])
			}
		}
	}
	for _, k := range []string{"home", "events", "actors", "chronology", "search", "404", "article", "event", "actor"} {
		if !kinds[k] {
			t.Errorf("no %s page checked (checked %v)", k, slices.Sorted(func(yield func(string) bool) {
				for k := range kinds {
					if !yield(k) {
						return
					}
				}
			}))
		}
	}
}

// TestSampleBriefing checks what a reader of the sample's Macron–Putin
// briefing sees, independently of the golden copy: the editor's text
// before what was read from the coverage, the numbers with their
// sources, each quote once, no article title repeated as a link within a
// section, and the folded rest on the same page.
func TestSampleBriefing(t *testing.T) {
	page := string(briefingSample(t)[sampleEventPage])
	order := []string{`<div class="body">`, `id="h-numbers"`, `id="h-quotes"`, `id="h-coverage"`, `class="prev-next"`, "Related events"}
	at := -1
	for _, s := range order {
		i := strings.Index(page, s)
		if i < at {
			t.Errorf("%q comes before what precedes it (%v)", s, order)
		}
		at = i
	}
	for _, want := range []string{
		"<strong>British soldiers:</strong>", // the two reports of 350 soldiers are one line
		`<details class="fold"><summary>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("briefing lacks %s", want)
		}
	}
	if strings.Count(page, "<strong>British soldiers:</strong>") != 1 {
		t.Errorf("the 350 soldiers are listed more than once")
	}
	sections := regexp.MustCompile(`(?s)<section.*?</section>`).FindAllString(page, -1)
	titleLink := regexp.MustCompile(`<a (?:class="item-title" )?href="([^"]+)"[^>]*>([^<]+)</a>`)
	for _, s := range sections {
		seen := map[string]bool{}
		for _, m := range titleLink.FindAllStringSubmatch(s, -1) {
			if !strings.Contains(m[1], "/articles/") {
				continue
			}
			if seen[m[2]] {
				t.Errorf("a section links the title %q more than once", m[2])
			}
			seen[m[2]] = true
		}
	}
	quotes := regexp.MustCompile(`<blockquote><p>([^<]+)</p></blockquote>`).FindAllStringSubmatch(page, -1)
	said := map[string]bool{}
	for _, q := range quotes {
		k := strings.ToLower(q[1])
		if said[k] {
			t.Errorf("quote %q shown twice", q[1])
		}
		said[k] = true
	}
}

// The "found automatically" note qualifies the event it follows: it must
// sit inside that event's list item, not in an item of its own that reads
// as the heading of the next event.
func TestAutoNoteInsideItsEvent(t *testing.T) {
	page := string(briefingSample(t)["articles/2022-02-14-scholz-arrives-in-kyiv/index.html"])
	items := regexp.MustCompile(`(?s)<li class="item">(.*?)</li>`).FindAllStringSubmatch(page, -1)
	notes := 0
	for _, it := range items {
		if strings.Contains(it[1], "found automatically") {
			notes++
			if !strings.Contains(it[1], `class="item-title"`) {
				t.Errorf("the note stands in an item without its event: %s", it[1])
			}
		}
	}
	if notes == 0 || strings.Contains(page, `<li class="auto-note">`) {
		t.Errorf("want the note inside the event's item (found %d; page has a separate auto-note item: %v)", notes, strings.Contains(page, `<li class="auto-note">`))
	}
}
