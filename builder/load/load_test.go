package load

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

func day(y int, m time.Month, d int) model.Date { return model.NewDay(y, m, d) }

func slugs(refs []model.Ref) []string {
	var out []string
	for _, r := range refs {
		out = append(out, r.Slug)
	}
	return out
}

// errorsOnly fails the test when ds holds an error.
func noErrors(t *testing.T, ds []diag.Diagnostic) {
	t.Helper()
	for _, d := range ds {
		if d.Severity == diag.Error {
			t.Errorf("unexpected diagnostic: %s", d)
		}
	}
}

func TestArticle(t *testing.T) {
	type want struct {
		slug      string
		format    string
		title     string
		date      model.Date
		updated   model.Date
		publisher string
		url       string
		authors   []string
		events    []string
		actors    []string
		tags      []string
		summary   string
		draft     bool
		body      string
		bodyLine  int
		params    map[string]any // subset that must be present
	}
	tests := []struct {
		name string
		file string
		data string
		want want
	}{
		{
			name: "markdown YAML",
			file: "content/articles/2022/talks-end.md",
			data: "---\ntitle: Talks end without a deal\ndate: 2022-02-10\nupdated: 2022-02-11T08:00:00Z\nsource: The Example Post\nurl: https://example.com/a\nauthor: [Ann Lee, Bo Kim]\nevents: [geneva-talks]\nactors: [russia, ukraine]\ntags: [diplomacy]\nsummary: Short.\ndraft: true\nmood: grim\n---\nFirst paragraph.\n",
			want: want{slug: "talks-end", format: "md", title: "Talks end without a deal", date: day(2022, 2, 10), updated: day(2022, 2, 11),
				publisher: "The Example Post", url: "https://example.com/a", authors: []string{"Ann Lee", "Bo Kim"},
				events: []string{"geneva-talks"}, actors: []string{"russia", "ukraine"}, tags: []string{"diplomacy"},
				summary: "Short.", draft: true, body: "First paragraph.\n", bodyLine: 15,
				params: map[string]any{"mood": "grim"}},
		},
		{
			name: "markdown YAML single author string and slug key",
			file: "content/articles/Some Name.md",
			data: "---\ntitle: T\ndate: 2022-02-10\nauthor: Ann Lee\nslug: custom-slug\n---\nBody\n",
			want: want{slug: "custom-slug", format: "md", title: "T", date: day(2022, 2, 10), authors: []string{"Ann Lee"}, body: "Body\n", bodyLine: 7},
		},
		{
			name: "slug from file name is lowercased",
			file: "content/articles/Scholz-Visit.markdown",
			data: "---\ntitle: T\ndate: 2022-02-10\n---\n",
			want: want{slug: "scholz-visit", format: "md", title: "T", date: day(2022, 2, 10), bodyLine: 5},
		},
		{
			name: "markdown YAML with BOM and CRLF",
			file: "content/articles/bom.md",
			data: "\xef\xbb\xbf---\r\ntitle: With BOM\r\ndate: 2022-03-01\r\n---\r\nText\r\n",
			want: want{slug: "bom", format: "md", title: "With BOM", date: day(2022, 3, 1), body: "Text\r\n", bodyLine: 5},
		},
		{
			name: "markdown TOML",
			file: "content/articles/toml-one.md",
			data: "+++\ntitle = \"Sanctions list grows\"\ndate = 2022-02-22\nsource = \"Wire\"\nevents = [\"sanctions\"]\ntags = [\"economy\", \"eu\"]\nrating = 5\n+++\nBody text.\n",
			want: want{slug: "toml-one", format: "md", title: "Sanctions list grows", date: day(2022, 2, 22), publisher: "Wire",
				events: []string{"sanctions"}, tags: []string{"economy", "eu"}, body: "Body text.\n", bodyLine: 9,
				params: map[string]any{"rating": int64(5)}},
		},
		{
			name: "markdown TOML RFC 3339 date keeps local day",
			file: "content/articles/late.md",
			data: "+++\ntitle = \"Late\"\ndate = 2022-02-07T23:30:00-05:00\n+++\n",
			want: want{slug: "late", format: "md", title: "Late", date: day(2022, 2, 7), bodyLine: 5},
		},
		{
			name: "txt with header, keys case-insensitive, lists comma-separated",
			file: "content/articles/wire.txt",
			data: "TITLE: Leaders meet in Paris\ndate: 2022-01-28\nSource: Wire Service\nUrl: https://example.com/w\nAuthor: Ann Lee, Bo Kim\nEVENTS: paris-meeting, normandy-format\nActors: france , germany\nTags: diplomacy,europe\nMood: calm\n\nFirst paragraph\nstill first.\n\nSecond.\n",
			want: want{slug: "wire", format: "txt", title: "Leaders meet in Paris", date: day(2022, 1, 28), publisher: "Wire Service",
				url: "https://example.com/w", authors: []string{"Ann Lee", "Bo Kim"}, events: []string{"paris-meeting", "normandy-format"},
				actors: []string{"france", "germany"}, tags: []string{"diplomacy", "europe"},
				body: "First paragraph\nstill first.\n\nSecond.\n", bodyLine: 11, params: map[string]any{"mood": "calm"}},
		},
		{
			name: "txt without header: first line is title, date from file name",
			file: "content/articles/2022-02/2022-02-14-pasted.txt",
			data: "\n\nChancellor arrives in Kyiv\n\nBreaking: the chancellor arrived.\n",
			want: want{slug: "2022-02-14-pasted", format: "txt", title: "Chancellor arrives in Kyiv", date: day(2022, 2, 14),
				body: "Breaking: the chancellor arrived.\n", bodyLine: 5},
		},
		{
			name: "txt header date wins over file name",
			file: "content/articles/2022-01-01-x.txt",
			data: "Title: X\nDate: 2022-01-05\n\nText.",
			want: want{slug: "2022-01-01-x", format: "txt", title: "X", date: day(2022, 1, 5), body: "Text.", bodyLine: 4},
		},
		{
			name: "txt header with slug key",
			file: "content/articles/2022-01-01-x.txt",
			data: "Title: X\nSlug: my-x\n\nText.",
			want: want{slug: "my-x", format: "txt", title: "X", date: day(2022, 1, 1), body: "Text.", bodyLine: 4},
		},
		{
			name: "txt CRLF and BOM",
			file: "content/articles/2022-01-01-crlf.TXT",
			data: "\xef\xbb\xbfHeadline here\r\n\r\nText.\r\n",
			want: want{slug: "2022-01-01-crlf", format: "txt", title: "Headline here", date: day(2022, 1, 1), body: "Text.\n", bodyLine: 3},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ds := Article(tt.file, []byte(tt.data))
			noErrors(t, ds)
			if a == nil {
				t.Fatal("nil article")
			}
			w := tt.want
			got := want{slug: a.Slug, format: a.Format, title: a.Title, date: a.Date, updated: a.Updated, publisher: a.Publisher,
				url: a.SourceURL, authors: a.Authors, events: slugs(a.EventRefs), actors: slugs(a.ActorRefs), tags: a.Tags,
				summary: a.Summary, draft: a.Draft, body: a.Body, bodyLine: a.BodyLine}
			wcmp := w
			wcmp.params = nil
			if !reflect.DeepEqual(got, wcmp) {
				t.Errorf("got  %+v\nwant %+v", got, wcmp)
			}
			if a.File != tt.file {
				t.Errorf("File = %q, want %q", a.File, tt.file)
			}
			for k, v := range w.params {
				if !reflect.DeepEqual(a.Params[k], v) {
					t.Errorf("Params[%q] = %#v (%T), want %#v", k, a.Params[k], a.Params[k], v)
				}
			}
		})
	}
}

func TestArticleRefLines(t *testing.T) {
	a, ds := Article("content/articles/x.md", []byte("---\ntitle: X\ndate: 2022-01-01\n\nevents: [a, b]\nactors:\n  - c\n---\n"))
	noErrors(t, ds)
	for _, r := range a.EventRefs {
		if r.Line != 5 {
			t.Errorf("event ref %s on line %d, want 5", r.Slug, r.Line)
		}
	}
	if len(a.ActorRefs) != 1 || a.ActorRefs[0].Line != 6 {
		t.Errorf("actor refs = %+v, want c on line 6", a.ActorRefs)
	}
}

func TestEvent(t *testing.T) {
	tests := []struct {
		name    string
		data    string
		date    model.Date
		end     model.Date
		place   string
		placeRf string
		actors  []string
		related []string
	}{
		{"year", "---\ntitle: Annexation\ndate: 2014\n---\n", model.Date{Start: time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}, model.Date{}, "", "", nil, nil},
		{"month", "---\ntitle: Build-up\ndate: 2021-11\nend: 2022-02\n---\n", model.Date{Start: time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, model.Date{Start: time.Date(2022, 2, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, "", "", nil, nil},
		{"day", "---\ntitle: Summit\ndate: 2022-02-07\nplace: kyiv\nactors: [a, b]\nrelated: [c]\n---\n", day(2022, 2, 7), model.Date{}, "kyiv", "kyiv", []string{"a", "b"}, []string{"c"}},
		{"rfc3339", "---\ntitle: Speech\ndate: 2022-02-21T22:35:00+03:00\nplace: The Kremlin, Moscow\n---\n", day(2022, 2, 21), model.Date{}, "The Kremlin, Moscow", "", nil, nil},
		{"toml month", "+++\ntitle = \"Build-up\"\ndate = \"2021-11\"\n+++\n", model.Date{Start: time.Date(2021, 11, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}, model.Date{}, "", "", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ds := Event("content/events/ev.md", []byte(tt.data))
			noErrors(t, ds)
			if e == nil {
				t.Fatal("nil event")
			}
			if e.Date != tt.date {
				t.Errorf("Date = %v (%v), want %v (%v)", e.Date, e.Date.Precision, tt.date, tt.date.Precision)
			}
			if e.End != tt.end {
				t.Errorf("End = %v, want %v", e.End, tt.end)
			}
			if e.Place != tt.place || e.PlaceRef.Slug != tt.placeRf {
				t.Errorf("Place = %q ref %q, want %q ref %q", e.Place, e.PlaceRef.Slug, tt.place, tt.placeRf)
			}
			if !reflect.DeepEqual(slugs(e.ActorRefs), tt.actors) || !reflect.DeepEqual(slugs(e.RelatedRef), tt.related) {
				t.Errorf("actors %v related %v, want %v %v", slugs(e.ActorRefs), slugs(e.RelatedRef), tt.actors, tt.related)
			}
			if e.Slug != "ev" {
				t.Errorf("Slug = %q", e.Slug)
			}
		})
	}
}

func TestEventErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		words      []string
	}{
		{"end before date", "---\ntitle: X\ndate: 2022-02-10\nend: 2022-02-01\n---\n", 4, []string{"before"}},
		{"day precision required for articles but events accept bad month", "---\ntitle: X\ndate: 2022-13\n---\n", 3, []string{"2022-13"}},
		{"missing date", "---\ntitle: X\n---\n", 1, []string{"missing date"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Event("content/events/x.md", []byte(tt.data))
			assertOne(t, ds, "content/events/x.md", tt.line, tt.words...)
		})
	}
}

func TestActor(t *testing.T) {
	tests := []struct {
		kindIn, kind string
	}{
		{"", model.Person},
		{"person", model.Person},
		{"Organisation", model.Organization},
		{"organization", model.Organization},
		{"org", model.Organization},
		{"country", model.Country},
		{"state", model.Country},
		{"place", model.Place},
		{"city", model.Place},
		{"location", model.Place},
	}
	for _, tt := range tests {
		t.Run(tt.kind+"/"+tt.kindIn, func(t *testing.T) {
			kind := ""
			if tt.kindIn != "" {
				kind = "kind: " + tt.kindIn + "\n"
			}
			data := "---\nname: Olaf Scholz\n" + kind + "aliases: [Scholz, Chancellor Scholz]\nmisspellings: Schulz\nrole: Chancellor\ncountry: germany\nwikidata: Q61053\nhobby: sailing\n---\nProfile.\n"
			a, ds := Actor("content/actors/olaf-scholz.md", []byte(data))
			noErrors(t, ds)
			if a.Kind != tt.kind {
				t.Errorf("Kind = %q, want %q", a.Kind, tt.kind)
			}
			if a.Name != "Olaf Scholz" || a.Slug != "olaf-scholz" || a.Role != "Chancellor" || a.CountryRef.Slug != "germany" || a.Wikidata != "Q61053" {
				t.Errorf("actor = %+v", a)
			}
			if !reflect.DeepEqual(a.Aliases, []string{"Scholz", "Chancellor Scholz"}) || !reflect.DeepEqual(a.Misspellings, []string{"Schulz"}) {
				t.Errorf("aliases %q misspellings %q", a.Aliases, a.Misspellings)
			}
			off := 0
			if kind != "" {
				off = 1
			}
			if a.AliasLines["Scholz"] != 3+off || a.AliasLines["Schulz"] != 4+off || a.AliasLines["Olaf Scholz"] != 2 {
				t.Errorf("AliasLines = %v", a.AliasLines)
			}
			if a.Params["hobby"] != "sailing" {
				t.Errorf("unknown key not kept: %v", a.Params)
			}
		})
	}
	_, ds := Actor("content/actors/x.md", []byte("---\nname: X\nkind: planet\n---\n"))
	assertOne(t, ds, "content/actors/x.md", 3, "unknown kind", "planet")
	_, ds = Actor("content/actors/x.md", []byte("---\nname: X\nwikidata: 61053\n---\n"))
	assertOne(t, ds, "content/actors/x.md", 3, "Q-identifier")
	_, ds = Actor("content/actors/x.md", []byte("---\nrole: X\n---\n"))
	assertOne(t, ds, "content/actors/x.md", 1, "missing name")
}

// assertOne checks that ds holds exactly one error, at file:line, whose text
// contains every word.
func assertOne(t *testing.T, ds []diag.Diagnostic, file string, line int, words ...string) {
	t.Helper()
	if len(ds) != 1 {
		t.Fatalf("got %d diagnostics, want 1: %v", len(ds), ds)
	}
	d := ds[0]
	if d.File != file || d.Line != line || d.Severity != diag.Error {
		t.Errorf("diagnostic %q at %s:%d, want %s:%d", d, d.File, d.Line, file, line)
	}
	for _, w := range words {
		if !strings.Contains(d.String(), w) {
			t.Errorf("diagnostic %q does not contain %q", d, w)
		}
	}
}

func TestArticleErrors(t *testing.T) {
	tests := []struct {
		name, file, data string
		line             int
		words            []string
	}{
		{"yaml unclosed list: line of the list in file", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\ntags: [a, b\nsource: X\n---\n", 4, []string{"YAML", "']'"}},
		{"yaml unclosed map", "content/articles/a.md", "---\ntitle: A\n\n\nplace: {a: b\n---\n", 5, []string{"YAML", "'}'"}},
		{"yaml expected key", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\n- x\n---\n", 4, []string{"YAML", "expected key"}},
		// yaml.v3 notices this one at the end of the front matter.
		{"yaml unclosed list on last line", "content/articles/a.md", "---\ntitle: [A\n---\n", 3, []string{"YAML"}},
		{"yaml unterminated quote", "content/articles/a.md", "---\ntitle: A\ndate: \"2022-01-01\n---\n", 3, []string{"YAML"}},
		{"yaml bad indentation", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\n  source: x\n---\n", 4, []string{"YAML"}},
		{"toml syntax: line counted in file", "content/articles/a.md", "+++\ntitle = \"A\"\ndate = 2022-01-01\nsource = \"unterminated\n+++\n", 4, []string{"TOML"}},
		{"toml duplicate key", "content/articles/a.md", "+++\ntitle = \"A\"\n\ntitle = \"B\"\n+++\n", 4, []string{"TOML"}},
		{"never closed", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\n\nBody", 1, []string{"never closed", "---"}},
		{"toml never closed", "content/articles/a.md", "+++\ntitle = \"A\"\n", 1, []string{"never closed", "+++"}},
		{"no front matter", "content/articles/a.md", "Just text\n", 1, []string{"no front matter"}},
		{"empty", "content/articles/a.md", "  \n\n", 0, []string{"empty"}},
		{"empty txt", "content/articles/a.txt", "", 0, []string{"empty"}},
		{"missing title", "content/articles/a.md", "---\ndate: 2022-01-01\n---\n", 1, []string{"missing title"}},
		{"impossible day", "content/articles/a.md", "---\ntitle: A\ndate: 2022-02-30\n---\n", 3, []string{"2022-02-30", "does not exist", "28 days"}},
		{"impossible month", "content/articles/a.md", "---\ntitle: A\ndate: 2022-13-45\n---\n", 3, []string{"2022-13-45", "no month 13"}},
		{"month precision not allowed for articles", "content/articles/a.md", "---\ntitle: A\ndate: 2022-02\n---\n", 3, []string{"2022-02", "YYYY-MM-DD"}},
		{"bad slug key with slash", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\nslug: a/b\n---\n", 4, []string{`"a/b"`, "not valid"}},
		{"bad slug key with dots", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\nslug: ../up\n---\n", 4, []string{`"../up"`, "not valid"}},
		{"bad slug key with space", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\nslug: two words\n---\n", 4, []string{"two-words"}},
		{"file name with space", "content/articles/my file.md", "---\ntitle: A\ndate: 2022-01-01\n---\n", 0, []string{`"my file"`, "my-file"}},
		{"txt no date", "content/articles/pasted.txt", "Headline\n\nText.\n", 1, []string{"no publication date", "Date: ", "2022-02-07-pasted.txt"}},
		{"txt header bad date", "content/articles/x.txt", "Title: X\nDate: 2022-02-30\n\nText.\n", 2, []string{"2022-02-30"}},
		{"txt file name impossible date", "content/articles/2022-02-30-x.txt", "Headline\n\nText.\n", 0, []string{"2022-02-30"}},
		{"txt header missing blank line", "content/articles/x.txt", "Title: X\nDate: 2022-02-01\nThe text starts here.\n", 3, []string{"blank line"}},
		{"not utf-8", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\n---\nCaf\xe9\n", 5, []string{"UTF-8", "0xe9"}},
		{"not utf-8 txt", "content/articles/2022-01-01-a.txt", "Title\n\n\xff\n", 3, []string{"UTF-8"}},
		{"draft not boolean", "content/articles/a.md", "---\ntitle: A\ndate: 2022-01-01\ndraft: maybe\n---\n", 4, []string{"true or false"}},
		{"title is a list", "content/articles/a.md", "---\ntitle: [A, B]\ndate: 2022-01-01\n---\n", 2, []string{"must be text"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ds := Article(tt.file, []byte(tt.data))
			var errs []diag.Diagnostic
			for _, d := range ds {
				if d.Severity == diag.Error {
					errs = append(errs, d)
				}
			}
			// "missing title" also triggers when title is a list; keep the first.
			if len(errs) > 1 && tt.name == "title is a list" {
				errs = errs[:1]
			}
			assertOne(t, errs, tt.file, tt.line, tt.words...)
		})
	}
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		format   string
		fm       string
		fmLine   int
		body     string
		bodyLine int
		err      bool
	}{
		{"none", "Hello\n", "", "", 0, "Hello\n", 1, false},
		{"empty input", "", "", "", 0, "", 1, false},
		{"yaml", "---\na: 1\n---\nbody\n", YAML, "a: 1\n", 2, "body\n", 4, false},
		{"yaml dots close", "---\na: 1\n...\nbody", YAML, "a: 1\n", 2, "body", 4, false},
		{"toml", "+++\na = 1\nb = 2\n+++\n", TOML, "a = 1\nb = 2\n", 2, "", 5, false},
		{"toml dots do not close", "+++\na = 1\n...\n+++\nx", TOML, "a = 1\n...\n", 2, "x", 5, false},
		{"empty front matter", "---\n---\nbody", YAML, "", 2, "body", 3, false},
		{"trailing spaces on fences", "--- \na: 1\n---\t\nbody", YAML, "a: 1\n", 2, "body", 4, false},
		{"crlf", "---\r\na: 1\r\n---\r\nbody\r\n", YAML, "a: 1\r\n", 2, "body\r\n", 4, false},
		{"bom", "\xef\xbb\xbf---\na: 1\n---\n", YAML, "a: 1\n", 2, "", 4, false},
		{"closing fence at EOF without newline", "---\na: 1\n---", YAML, "a: 1\n", 2, "", 4, false},
		{"fence inside body kept", "---\na: 1\n---\nx\n---\ny\n", YAML, "a: 1\n", 2, "x\n---\ny\n", 4, false},
		{"four dashes is not a fence", "----\na: 1\n----\n", "", "", 0, "----\na: 1\n----\n", 1, false},
		{"indented fence is not a fence", " ---\na: 1\n---\n", "", "", 0, " ---\na: 1\n---\n", 1, false},
		{"never closed", "---\na: 1\n", YAML, "", 2, "", 0, true},
		{"only opening fence", "---", YAML, "", 2, "", 0, true},
		{"toml never closed by yaml fence", "+++\na = 1\n---\n", TOML, "", 2, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, fm, fmLine, body, bodyLine, err := Split([]byte(tt.in))
			if (err != nil) != tt.err {
				t.Fatalf("err = %v, want error %v", err, tt.err)
			}
			if format != tt.format || string(fm) != tt.fm || fmLine != tt.fmLine || string(body) != tt.body || bodyLine != tt.bodyLine {
				t.Errorf("Split(%q) = %q, %q, %d, %q, %d; want %q, %q, %d, %q, %d", tt.in, format, fm, fmLine, body, bodyLine,
					tt.format, tt.fm, tt.fmLine, tt.body, tt.bodyLine)
			}
		})
	}
}

func TestSlugify(t *testing.T) {
	tests := map[string]string{
		"Macron meets Putin":          "macron-meets-putin",
		"  Scholz's visit -- Kyiv!  ": "scholzs-visit-kyiv",
		"Zelenskyy’s speech":          "zelenskyys-speech",
		"Café Übersee Łódź":           "cafe-ubersee-lodz",
		"2022: the year":              "2022-the-year",
		"!!!":                         "",
		"Title":                       "title",
	}
	for in, want := range tests {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
		if got := Slugify(in); got != "" && !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", in, got)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for _, s := range []string{"a", "abc-def", "2022-02-14-kyiv", "x1", "-"} {
		if !ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = false", s)
		}
	}
	for _, s := range []string{"", "A", "a b", "a/b", "..", "a..b", "a_b", "é", "a.b", "a\n"} {
		if ValidSlug(s) {
			t.Errorf("ValidSlug(%q) = true", s)
		}
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]string{
		"site.yaml":                          "",
		"content/articles/a.md":              KindArticle,
		"content/articles/2022/02/a.txt":     KindArticle,
		"content/articles/a.markdown":        KindArticle,
		"content/articles/a.TXT":             KindArticle,
		"content/articles/a.pdf":             "ignored",
		"content/events/e.md":                KindEvent,
		"content/events/sub/e.md":            "ignored",
		"content/events/e.txt":               "ignored",
		"content/actors/a.md":                KindActor,
		"content/readme.md":                  "ignored",
		"content/articles/.hidden.md":        "",
		"content/articles/a.md~":             "",
		"content/articles/#a.md#":            "",
		"content/articles/.a.md.swp":         "",
		"templates/article.html":             "",
		"content/other/thing.md":             "ignored",
		"content/actors/olaf-scholz.md.tmp":  "",
		"content/articles/2022/draft.md.swp": "",
	}
	for p, want := range tests {
		if got := Classify(p); got != want {
			t.Errorf("Classify(%q) = %q, want %q", p, got, want)
		}
	}
}

func TestConfig(t *testing.T) {
	cfg, ds := Config(nil)
	noErrors(t, ds)
	if cfg.Title != "Briefing" || cfg.Language != "en" || cfg.BasePath != "/" || !cfg.AutoEvents {
		t.Errorf("defaults = %+v", cfg)
	}
	cfg, ds = Config([]byte("title: T\nbase_url: https://example.org/brief\nunsafe_html: true\nboilerplate: ['^Foo$']\nauto_events: false\ncustom: 1\n"))
	noErrors(t, ds)
	if cfg.Title != "T" || cfg.BaseURL != "https://example.org/brief/" || cfg.BasePath != "/brief/" || !cfg.UnsafeHTML || cfg.AutoEvents ||
		!reflect.DeepEqual(cfg.Boilerplate, []string{"^Foo$"}) || cfg.Params["custom"] != 1 {
		t.Errorf("cfg = %+v", cfg)
	}
	_, ds = Config([]byte("title: T\nbase_url: ftp://x/\n"))
	assertOne(t, ds, ConfigFile, 2, "http")
	_, ds = Config([]byte("title: T\ndescription: [a\n"))
	if len(ds) != 1 || ds[0].File != ConfigFile || ds[0].Line != 2 || !strings.Contains(ds[0].Msg, "YAML") {
		t.Errorf("site.yaml syntax error = %v", ds)
	}
}

func TestSetBaseURL(t *testing.T) {
	tests := []struct{ in, url, path string }{
		{"", "", "/"},
		{"https://user.github.io/briefings", "https://user.github.io/briefings/", "/briefings/"},
		{"https://example.org", "https://example.org/", "/"},
		{"http://example.org/a/b/?q=1", "http://example.org/a/b/", "/a/b/"},
		{"/sub", "/sub/", "/sub/"},
	}
	for _, tt := range tests {
		var cfg model.Config
		if err := SetBaseURL(&cfg, tt.in); err != nil {
			t.Errorf("SetBaseURL(%q): %v", tt.in, err)
			continue
		}
		if cfg.BaseURL != tt.url || cfg.BasePath != tt.path {
			t.Errorf("SetBaseURL(%q) = %q, %q; want %q, %q", tt.in, cfg.BaseURL, cfg.BasePath, tt.url, tt.path)
		}
	}
	for _, in := range []string{"example.org", "https://", "mailto:x@y"} {
		var cfg model.Config
		if err := SetBaseURL(&cfg, in); err == nil {
			t.Errorf("SetBaseURL(%q) accepted", in)
		}
	}
}

func TestParamsKeepUnknownKeysAllFormats(t *testing.T) {
	yml, _ := Article("content/articles/a.md", []byte("---\ntitle: A\ndate: 2022-01-01\nExtra_Key: [1, 2]\nnested: {a: b}\n---\n"))
	if !reflect.DeepEqual(yml.Params["extra_key"], []any{1, 2}) || !reflect.DeepEqual(yml.Params["nested"], map[string]any{"a": "b"}) {
		t.Errorf("yaml params = %#v", yml.Params)
	}
	tml, _ := Article("content/articles/a.md", []byte("+++\ntitle = \"A\"\ndate = 2022-01-01\n[extra]\nk = \"v\"\n+++\n"))
	if !reflect.DeepEqual(tml.Params["extra"], map[string]any{"k": "v"}) {
		t.Errorf("toml params = %#v", tml.Params)
	}
	if !bytes.Contains([]byte(tml.Title), []byte("A")) {
		t.Errorf("toml title = %q", tml.Title)
	}
}
