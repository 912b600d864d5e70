package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

func actor(file, slug, name string, aliases, misspellings []string) *model.Actor {
	a := &model.Actor{Source: model.Source{File: file, Slug: slug}, Name: name, Aliases: aliases, Misspellings: misspellings, AliasLines: map[string]int{name: 2}}
	for _, s := range aliases {
		a.AliasLines[s] = 3
	}
	for _, s := range misspellings {
		a.AliasLines[s] = 4
	}
	return a
}

func testActors() []*model.Actor {
	return []*model.Actor{
		actor("content/actors/olaf-scholz.md", "olaf-scholz", "Olaf Scholz", []string{"Scholz", "Chancellor Scholz"}, []string{"Schulz"}),
		actor("content/actors/vladimir-putin.md", "vladimir-putin", "Vladimir Putin", []string{"Putin"}, []string{"Putine"}),
		actor("content/actors/united-states.md", "united-states", "United States", []string{"US", "U.S."}, nil),
		actor("content/actors/nato.md", "nato", "NATO", nil, nil),
	}
}

func newTestMatcher(t testing.TB) *Matcher {
	t.Helper()
	m, ds := NewMatcher(testActors())
	if len(ds) != 0 {
		t.Fatalf("NewMatcher: %v", ds)
	}
	return m
}

type hit struct{ text, actor string }

func TestFind(t *testing.T) {
	m := newTestMatcher(t)
	tests := []struct {
		in   string
		want []hit
	}{
		{"Olaf Scholz met Putin.", []hit{{"Olaf Scholz", "olaf-scholz"}, {"Putin", "vladimir-putin"}}},
		{"Scholz met Vladimir Putin", []hit{{"Scholz", "olaf-scholz"}, {"Vladimir Putin", "vladimir-putin"}}},
		{"Chancellor Scholz spoke", []hit{{"Chancellor Scholz", "olaf-scholz"}}},
		{"Putin's demands", []hit{{"Putin", "vladimir-putin"}}},
		{"Putin’s demands", []hit{{"Putin", "vladimir-putin"}}},
		{"the US and us", []hit{{"US", "united-states"}}},
		{"us, USA, USB, bus", nil},
		{"Putinism and Scholzian", nil},
		{"Putine said", []hit{{"Putine", "vladimir-putin"}}},
		{"The U.S. and NATO", []hit{{"U.S.", "united-states"}, {"NATO", "nato"}}},
		{"NATO_x 2NATO NATO2", nil},
		{"(Scholz)", []hit{{"Scholz", "olaf-scholz"}}},
		{"putin", nil},
		{"Émile Scholz", []hit{{"Scholz", "olaf-scholz"}}},
		{"ÉScholz", nil},
		{"", nil},
		{"Schulz and Scholz", []hit{{"Schulz", "olaf-scholz"}, {"Scholz", "olaf-scholz"}}},
	}
	for _, tt := range tests {
		var got []hit
		for _, x := range m.Find(tt.in) {
			if tt.in[x.Start:x.End] != x.Name.Text {
				t.Errorf("Find(%q): [%d:%d] = %q, name %q", tt.in, x.Start, x.End, tt.in[x.Start:x.End], x.Name.Text)
			}
			got = append(got, hit{tt.in[x.Start:x.End], x.Name.Actor})
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFindMisspellingFlag(t *testing.T) {
	m := newTestMatcher(t)
	ms := m.Find("Schulz, Scholz")
	if len(ms) != 2 || !ms[0].Name.Misspelling || ms[1].Name.Misspelling || ms[0].Name.Canonical != "Olaf Scholz" {
		t.Errorf("Find = %+v %+v", ms[0].Name, ms[1].Name)
	}
}

func TestNilMatcher(t *testing.T) {
	var m *Matcher
	if m.Find("Putin") != nil {
		t.Error("nil matcher found something")
	}
	m, ds := NewMatcher(nil)
	if len(ds) != 0 || m.Find("Putin") != nil {
		t.Error("empty matcher found something")
	}
}

func TestAliasClaimedTwice(t *testing.T) {
	actors := testActors()
	actors = append(actors, actor("content/actors/martin-schulz.md", "martin-schulz", "Martin Schulz", []string{"Scholz"}, nil))
	m, ds := NewMatcher(actors)
	// "Scholz" (alias of both) and "Schulz" (misspelling of one, nothing of the other: no conflict).
	var scholz []string
	for _, d := range ds {
		if !strings.Contains(d.Msg, `"Scholz"`) {
			t.Errorf("unexpected diagnostic %s", d)
			continue
		}
		for _, f := range []string{"content/actors/olaf-scholz.md", "content/actors/martin-schulz.md"} {
			if !strings.Contains(d.Msg, f) {
				t.Errorf("diagnostic %q does not name %s", d, f)
			}
		}
		if d.Line != 3 {
			t.Errorf("diagnostic %q on line %d, want 3 (the aliases line)", d, d.Line)
		}
		scholz = append(scholz, d.File)
	}
	want := []string{"content/actors/martin-schulz.md", "content/actors/olaf-scholz.md"}
	if !reflect.DeepEqual(scholz, want) {
		t.Errorf("diagnostics in %v, want one in each of %v", scholz, want)
	}
	// The disputed name is linked to neither; the others still work.
	var got []string
	for _, x := range m.Find("Scholz and Olaf Scholz and Martin Schulz") {
		got = append(got, x.Name.Text)
	}
	if !reflect.DeepEqual(got, []string{"Olaf Scholz", "Martin Schulz"}) {
		t.Errorf("Find after conflict = %v", got)
	}
}

func TestSameActorRepeatsSpelling(t *testing.T) {
	a := actor("content/actors/x.md", "x", "X Y", []string{"X Y", "Y"}, []string{"Y"})
	if _, ds := NewMatcher([]*model.Actor{a}); len(ds) != 0 {
		t.Errorf("one actor repeating a spelling is reported: %v", ds)
	}
}

func opts() Options { return Options{} }

func TestArticleMarkdownLinksFirstMention(t *testing.T) {
	m := newTestMatcher(t)
	a := &model.Article{Format: "md", Title: "Scholz in Washington",
		Source: model.Source{File: "content/articles/a.md", Body: "Olaf Scholz met the US president. Scholz said little.\n\nLater, Schulz spoke about Putin's army. Putin again.\n\n`Putin` in code and [a link about NATO](https://example.com).\n\nNATO too.\n"}}
	a, ds := Article(a, m, nil, opts())
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	h := string(a.HTML())
	for _, want := range []string{
		`<a href="/actors/olaf-scholz/" class="mention">Olaf Scholz</a> met`,
		`the <a href="/actors/united-states/" title="United States" class="mention">US</a> president`,
		`<a href="/actors/vladimir-putin/" title="Vladimir Putin" class="mention">Putin</a>&rsquo;s army`,
		`<code>Putin</code>`,
		`<a href="https://example.com">a link about NATO</a>`,
		`<p><a href="/actors/nato/" class="mention">NATO</a> too.</p>`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %s\n%s", want, h)
		}
	}
	// The actor's first mention, and the first use of the misspelling
	// "Schulz", which shows the right name on hover.
	if n := strings.Count(h, "/actors/olaf-scholz/"); n != 2 || !strings.Contains(h, `title="Olaf Scholz" class="mention misspelling">Schulz</a>`) {
		t.Errorf("olaf-scholz linked %d times, want twice (name, misspelling):\n%s", n, h)
	}
	if n := strings.Count(h, "/actors/vladimir-putin/"); n != 1 {
		t.Errorf("vladimir-putin linked %d times, want once:\n%s", n, h)
	}
	// Title counts: Scholz (title) + Olaf Scholz + Scholz + Schulz = 4.
	want := []model.Mention{{Actor: "olaf-scholz", Count: 4}, {Actor: "united-states", Count: 1}, {Actor: "vladimir-putin", Count: 3}, {Actor: "nato", Count: 2}}
	if !reflect.DeepEqual(a.Mentions, want) {
		t.Errorf("Mentions = %v, want %v", a.Mentions, want)
	}
	if len(a.Text()) != 4 || a.Summary != a.Text()[0] {
		t.Errorf("Text = %q, Summary = %q", a.Text(), a.Summary)
	}
}

func TestMisspellingLinkCarriesCanonicalName(t *testing.T) {
	m := newTestMatcher(t)
	for _, format := range []string{"md", "txt"} {
		a := &model.Article{Format: format, Title: "T", Source: model.Source{File: "a." + format, Body: "Chancellor Schulz arrived.\n"}}
		a, _ = Article(a, m, nil, opts())
		want := `<a href="/actors/olaf-scholz/" title="Olaf Scholz" class="mention misspelling">Schulz</a>`
		if !strings.Contains(string(a.HTML()), want) {
			t.Errorf("%s: HTML lacks %s:\n%s", format, want, a.HTML())
		}
	}
}

func TestArticleTextFormat(t *testing.T) {
	m := newTestMatcher(t)
	bp, err := NewBoilerplate([]string{`^Support our journalism\.?$`})
	if err != nil {
		t.Fatal(err)
	}
	a := &model.Article{Format: "txt", Title: "Putin <and> Scholz",
		Source: model.Source{File: "content/articles/a.txt", Body: "We use cookies. Accept all or manage your privacy settings.\n\nOlaf Scholz met\nPutin & aides <b>today</b>.\n\nRead More\n\nScholz left; Putin stayed.\n\nSupport our journalism.\n\nShare this article on Facebook\n\nThe cookies were good, said Scholz."}}
	a, _ = Article(a, m, bp, opts())
	want := `<p><a href="/actors/olaf-scholz/" class="mention">Olaf Scholz</a> met <a href="/actors/vladimir-putin/" title="Vladimir Putin" class="mention">Putin</a> &amp; aides &lt;b&gt;today&lt;/b&gt;.</p>
<p>Scholz left; Putin stayed.</p>
<p>The cookies were good, said Scholz.</p>
`
	if string(a.HTML()) != want {
		t.Errorf("HTML =\n%s\nwant\n%s", a.HTML(), want)
	}
	if a.Summary != "Olaf Scholz met Putin & aides <b>today</b>." {
		t.Errorf("Summary = %q", a.Summary)
	}
}

func TestRawHTML(t *testing.T) {
	m := newTestMatcher(t)
	body := "<script>alert(1)</script>\n\nText with <b onclick=\"x()\">inline</b> HTML.\n"
	for _, unsafe := range []bool{false, true} {
		a := &model.Article{Format: "md", Title: "T", Source: model.Source{File: "a.md", Body: body}}
		a, _ = Article(a, m, nil, Options{UnsafeHTML: unsafe})
		h := string(a.HTML())
		has := strings.Contains(h, "<script>") || strings.Contains(h, "onclick")
		if has != unsafe {
			t.Errorf("UnsafeHTML=%v: raw HTML in output = %v:\n%s", unsafe, has, h)
		}
	}
}

func TestBodySkipsSelfAndUsesBasePath(t *testing.T) {
	m := newTestMatcher(t)
	loaded := &model.Actor{Source: model.Source{File: "content/actors/olaf-scholz.md", Slug: "olaf-scholz", Body: "Olaf Scholz spoke to Putin. Scholz again.\n"}}
	x, ds := Actor(loaded, m, Options{})
	if len(ds) != 0 {
		t.Fatal(ds)
	}
	if loaded.HTML() != "" {
		t.Errorf("the loaded actor was changed: %s", loaded.HTML())
	}
	x.SetBase("/brief/")
	h := string(x.HTML())
	if strings.Contains(h, "olaf-scholz") || !strings.Contains(h, `href="/brief/actors/vladimir-putin/"`) {
		t.Errorf("HTML = %s", h)
	}
}

func TestBoilerplate(t *testing.T) {
	bp, err := NewBoilerplate(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"Read More", "Accept all", "Share this article", "Advertisement", "We use cookies to improve your experience. Accept or change settings.", "Subscribe to our newsletter for updates", "Related articles:"} {
		if !bp.Match(s) {
			t.Errorf("%q is not boilerplate", s)
		}
	}
	for _, s := range []string{"Putin said the cookies were a consent issue.", "More troops arrived on Monday.", "Share prices fell sharply as markets opened."} {
		if bp.Match(s) {
			t.Errorf("%q is boilerplate", s)
		}
	}
	if _, err := NewBoilerplate([]string{"(unclosed"}); err == nil {
		t.Error("bad pattern accepted")
	}
}

// countFields and firstFields split as strings.Fields does.
func TestFieldsHelpers(t *testing.T) {
	for _, s := range []string{"", " ", "one", "  two  words ", "tab\tand\nnew line", "no\u00a0break\u2003em space", "ünïcödé wörds ½ — dash", strings.Repeat("w ", 40)} {
		want := strings.Fields(s)
		if got := countFields(s); got != len(want) {
			t.Errorf("countFields(%q) = %d, want %d", s, got, len(want))
		}
		for _, max := range []int{1, 3, 16} {
			w := want
			if len(w) > max {
				w = w[:max]
			}
			if got := firstFields(s, max); strings.Join(got, "|") != strings.Join(w, "|") || len(got) != len(w) {
				t.Errorf("firstFields(%q, %d) = %q, want %q", s, max, got, w)
			}
		}
	}
}

// TestTooManyDatesAndFigures: an article of nothing but dates and figures
// keeps the first MaxDates and MaxFigures of them, in the order of the
// text, with a warning at its body that says how to proceed.
func TestTooManyDatesAndFigures(t *testing.T) {
	m, _ := NewMatcher(nil)
	bp, _ := NewBoilerplate(nil)
	pub, _ := model.ParseDate("2022-02-07", false)
	var b strings.Builder
	for range 150 {
		b.WriteString(strings.Repeat("On 3 March 2022 12,345 troops crossed. ", 100) + "\n\n")
	}
	a, ds := Article(&model.Article{Source: model.Source{File: "content/articles/x.md", Body: b.String(), BodyLine: 5}, Date: pub}, m, bp, Options{})
	if len(a.Dates) != MaxDates || len(a.Figures) != MaxFigures {
		t.Errorf("%d dates and %d figures kept, want %d and %d", len(a.Dates), len(a.Figures), MaxDates, MaxFigures)
	}
	if a.Dates[0].Para != 0 || a.Dates[MaxDates-1].Para != MaxDates/100-1 {
		t.Errorf("dates kept from paragraphs %d to %d, want the first", a.Dates[0].Para, a.Dates[MaxDates-1].Para)
	}
	warned := map[string]bool{}
	for _, d := range ds {
		if d.Severity == diag.Warning && d.File == "content/articles/x.md" && d.Line == 5 && d.Hint != "" {
			for _, w := range []string{"dates", "figures"} {
				if strings.Contains(d.Msg, "more than 10000 "+w) {
					warned[w] = true
				}
			}
		}
	}
	if !warned["dates"] || !warned["figures"] {
		t.Errorf("warnings %v, want one for dates and one for figures", ds)
	}
}
