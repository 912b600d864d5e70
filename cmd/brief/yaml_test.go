package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// hostileTitles are titles that YAML reads as something else when written
// carelessly: indicators, quotes, document markers, line breaks. want is
// what brief new keeps: a title is one line.
var hostileTitles = []struct{ given, want string }{
	{"Russia: sanctions", "Russia: sanctions"},
	{`Quotes "double" and 'single'`, `Quotes "double" and 'single'`},
	{"[Brackets] and {braces}", "[Brackets] and {braces}"},
	{"Line one\nline two", "Line one line two"},
	{"Before\n---\nafter", "Before --- after"},
	{"Windows\r\n\r\nbreaks", "Windows breaks"},
	{"Separator\u2028and\u0085next", "Separator and next"},
	{"--- dashes first", "--- dashes first"},
	{"... dots first", "... dots first"},
	{"- leading dash item", "- leading dash item"},
	{"# hash first", "# hash first"},
	{"&anchor name", "&anchor name"},
	{"*alias star", "*alias star"},
	{"!tag bang", "!tag bang"},
	{"%percent directive", "%percent directive"},
	{"@at sign", "@at sign"},
	{"`backtick` code", "`backtick` code"},
	{"| pipe > folded", "| pipe > folded"},
	{"? question key", "? question key"},
	{"key: value # not a comment", "key: value # not a comment"},
	{`Backslash \ and \n written`, `Backslash \ and \n written`},
	{"Tab\tinside", "Tab\tinside"},
	{"Ünïcødé — “curly” ✓ 日本語", "Ünïcødé — “curly” ✓ 日本語"},
	{"yes", "yes"},
	{"null", "null"},
	{"1984", "1984"},
	{"0x1F", "0x1F"},
	{"2022-02-07 dated", "2022-02-07 dated"},
	{"Trailing colon:", "Trailing colon:"},
}

// readExport reads one file of the data export as a list of objects.
func readExport(t *testing.T, dest, name string) []map[string]any {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dest, "data", name))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out
}

// bySlug indexes export objects by slug, keeping field key.
func bySlug(objs []map[string]any, key string) map[string]any {
	out := map[string]any{}
	for _, o := range objs {
		out[o["slug"].(string)] = o[key]
	}
	return out
}

// TestNewWritesYAMLThatReadsBack: brief new wrote the title between
// double quotes escaping only \ and ", so a newline or "---" in it made
// a file that did not parse (issue 11, case 8).
func TestNewWritesYAMLThatReadsBack(t *testing.T) {
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	for _, tt := range hostileTitles {
		for _, kind := range []string{"article", "event", "actor"} {
			if code, _, errOut := brief(t, "new", kind, "-s", src, "--", tt.given); code != 0 {
				t.Fatalf("new %s %q: exit %d: %s", kind, tt.given, code, errOut)
			}
		}
	}
	if code, out, errOut := brief(t, "build", "-s", src, "-d", dest); code != 0 {
		t.Fatalf("build of the site brief new wrote: exit %d\n%s%s", code, out, errOut)
	}
	articles := bySlug(readExport(t, dest, "articles.json"), "title")
	events := bySlug(readExport(t, dest, "events.json"), "title")
	actors := bySlug(readExport(t, dest, "actors.json"), "name")
	for _, tt := range hostileTitles {
		slug := load.Slugify(tt.want)
		for kind, got := range map[string]any{"article": articles[slug], "event": events[slug], "actor": actors[slug]} {
			if got != tt.want {
				t.Errorf("new %s %q: read back %q, want %q", kind, tt.given, got, tt.want)
			}
		}
	}
}

// TestNewRefusesInvalidUTF8: the encoder would write such a title as
// !!binary, which no editor can read.
func TestNewRefusesInvalidUTF8(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := brief(t, "new", "article", "Bad \xff byte", "-s", dir)
	if code != 2 || !strings.Contains(errOut, "UTF-8") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestNewLongTitle: an 80-word title made a file name over the system's
// limit ("file name too long"); brief new now cuts it at a word.
func TestNewLongTitle(t *testing.T) {
	dir := t.TempDir()
	title := strings.Join(strings.Fields(strings.Repeat("Talks on gas transit resume in Vienna ", 12))[:80], " ")
	code, out, errOut := brief(t, "new", "article", title, "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil || len(entries) != 1 {
		t.Fatalf("files written: %v, %v", entries, err)
	}
	name := strings.TrimSuffix(entries[0].Name(), ".md")
	full := strings.ToLower(strings.Join(strings.Fields(title), "-"))
	if len(name) > load.MaxSlug || !strings.HasPrefix(full, name+"-") || !strings.Contains(out, entries[0].Name()) {
		t.Errorf("file name %q (%d characters): want a prefix of %q ending at a word, at most %d", name, len(name), full, load.MaxSlug)
	}
	if code, out, errOut := brief(t, "check", "-s", dir); code != 0 {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
	a, ds := load.Article("content/articles/"+entries[0].Name(), mustRead(t, filepath.Join(dir, "content", "articles", entries[0].Name())))
	if len(ds) != 0 || a.Title != title {
		t.Errorf("title read back %q, %v; want the whole title", a.Title, ds)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// importValues are header values for brief import, one line each (a .txt
// header has no other kind), with YAML's indicators in every position.
var importValues = []string{
	"Russia: sanctions", `"q"`, "[x]", "{y}", "- dash", "# hash", "&a", "*b", "!c", "%d", "@e", "`f`", "---", "...",
	"? key", "| pipe", "> gt", "yes", "null", "~", "1984", "Ünïcødé “quotes” ✓", `back\slash`, "a # b", "x: y: z",
}

// TestImportWritesYAMLThatReadsBack: brief import wrote tags and slugs
// unquoted (tags: [Russia: sanctions]), so the file it made failed to
// build (issue 11, case 8).
func TestImportWritesYAMLThatReadsBack(t *testing.T) {
	dir := t.TempDir()
	src, dest := filepath.Join(dir, "site"), filepath.Join(dir, "public")
	writeSite(t, src, goodSite)
	type want struct{ title, source string }
	wants := map[string]want{}
	var files []string
	for i, v := range importValues {
		slug := "2022-02-09-hostile-" + load.Slugify(strings.Repeat("x", i+1))
		p := filepath.Join(dir, slug+".txt")
		title := v + " in the title " + v
		source := v + " Wire"
		header := "Title: " + title + "\nDate: 2022-02-09\nSource: " + source + "\nURL: https://example.org/a?b=c&d=e#f\n" +
			"Author: " + v + ", Jane Doe\nTags: " + strings.Join(importValues, ", ") + "\nEvents: summit-talks\nSummary: " + v + " summary\n\nThe text of the article.\n"
		if err := os.WriteFile(p, []byte(header), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, p)
		wants[slug] = want{title, source}
	}
	args := append([]string{"import", "-s", src}, files...)
	if code, out, errOut := brief(t, args...); code != 0 {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := brief(t, "build", "-s", src, "-d", dest); code != 0 {
		t.Fatalf("build after import: exit %d\n%s%s", code, out, errOut)
	}
	got := map[string]map[string]any{}
	for _, o := range readExport(t, dest, "articles.json") {
		got[o["slug"].(string)] = o
	}
	tags := make([]any, len(importValues))
	for i, v := range importValues {
		tags[i] = v
	}
	for i, v := range importValues {
		slug := "2022-02-09-hostile-" + load.Slugify(strings.Repeat("x", i+1))
		o := got[slug]
		if o == nil {
			t.Errorf("%s: not in the export", slug)
			continue
		}
		w := wants[slug]
		if o["title"] != w.title || o["source"] != w.source || o["source_url"] != "https://example.org/a?b=c&d=e#f" {
			t.Errorf("%s: title %q, source %q, url %q; want %q, %q", slug, o["title"], o["source"], o["source_url"], w.title, w.source)
		}
		if !reflect.DeepEqual(o["authors"], []any{v, "Jane Doe"}) || !reflect.DeepEqual(o["tags"], tags) || !reflect.DeepEqual(o["events"], []any{"summit-talks"}) {
			t.Errorf("%s: authors %q, tags %q, events %q", slug, o["authors"], o["tags"], o["events"])
		}
		md := filepath.Join(src, "content", "articles", slug+".md")
		a, ds := load.Article("content/articles/"+slug+".md", mustRead(t, md))
		if len(ds) != 0 || a.Summary != v+" summary" {
			t.Errorf("%s: summary %q, %v", slug, a.Summary, ds)
		}
	}
}

// TestImportMarkdownRoundTrip writes values no .txt header can hold (line
// breaks of every kind, control characters, a "---" line) through
// importMarkdown, dates and file name in the comments included, and reads
// the file back.
func TestImportMarkdownRoundTrip(t *testing.T) {
	nasty := "one\n---\ntwo\r\nthree\u2028four\u0085five\u2029six \x1b[31m\x00 ..."
	a := &model.Article{
		Title: "Title: " + nasty, Date: model.NewDay(2022, 2, 9), Updated: model.NewDay(2022, 2, 10),
		Publisher: "- " + nasty, SourceURL: "https://example.org/x?a=1&b=2",
		Authors:   []string{"# " + nasty, "[x], {y}"},
		EventRefs: []model.Ref{{Slug: "x: y"}, {Slug: "summit-talks"}},
		ActorRefs: []model.Ref{{Slug: "&a"}, {Slug: "olaf-scholz"}},
		Tags:      []string{"Russia: sanctions", "*b", nasty},
		Summary:   "> " + nasty,
		Draft:     true,
		Dates:     []model.DateMention{{Text: "on\nMonday\u2028the\r7th\x1b]0;x\a\n---", Date: model.NewDay(2022, 2, 7)}},
	}
	text, err := importMarkdown(a, []model.Block{{Text: "Body."}}, "saved\n---\npage\u2028.html")
	if err != nil {
		t.Fatal(err)
	}
	b, ds := load.Article("content/articles/x.md", []byte(text))
	if len(ds) != 0 {
		t.Fatalf("%v\n%s", ds, text)
	}
	slugsOf := func(rs []model.Ref) []string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Slug)
		}
		return out
	}
	for _, c := range []struct {
		name      string
		got, want any
	}{
		{"title", b.Title, a.Title}, {"date", b.Date, a.Date}, {"updated", b.Updated, a.Updated},
		{"source", b.Publisher, a.Publisher}, {"url", b.SourceURL, a.SourceURL}, {"authors", b.Authors, a.Authors},
		{"events", slugsOf(b.EventRefs), []string{"x: y", "summit-talks"}}, {"actors", slugsOf(b.ActorRefs), []string{"&a", "olaf-scholz"}},
		{"tags", b.Tags, a.Tags}, {"summary", b.Summary, a.Summary}, {"draft", b.Draft, true},
		{"body", strings.TrimSpace(b.Body), "Body."},
	} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s read back %q, want %q\n%s", c.name, c.got, c.want, text)
		}
	}
}

// TestCheckReportsLongSlug: a 300-character slug passed check and failed
// the build with an operating system error on its output path (issue 11,
// case 9).
func TestCheckReportsLongSlug(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeSite(t, src, goodSite)
	long := strings.Repeat("sanctions-", 30)[:299] + "x"
	writeSite(t, src, map[string]string{"content/articles/long.md": "---\ntitle: Long\ndate: 2022-02-09\nslug: " + long + "\n---\nText.\n"})
	for _, cmd := range [][]string{{"check", "-s", src}, {"build", "-s", src, "-d", filepath.Join(dir, "public")}} {
		code, out, errOut := brief(t, cmd...)
		if code != 1 || !strings.Contains(out+errOut, "content/articles/long.md:4: slug is 300 characters long, over the limit of 100 (shorten it, e.g. slug: sanctions-") {
			t.Errorf("%s: exit %d\n%s%s", cmd[0], code, out, errOut)
		}
	}
}

// TestPlaceholderDateFailsBuild: date: 0001-01-01 built a page with
// datePublished "" and a sitemap lastmod of 9999-12-31 (issue 11, case 10).
func TestPlaceholderDateFailsBuild(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeSite(t, src, goodSite)
	writeSite(t, src, map[string]string{"content/articles/null.md": "---\ntitle: Null date\ndate: 0001-01-01\n---\nText.\n"})
	code, _, errOut := brief(t, "build", "-s", src, "-d", filepath.Join(dir, "public"))
	if code != 1 || !strings.Contains(errOut, `content/articles/null.md:3: date: date "0001-01-01" is a placeholder for no date`) || !strings.Contains(errOut, "give the publication date as YYYY-MM-DD") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}

// TestFutureDateWarns: an article dated years ahead was taken silently;
// it is a warning in check and in the build's count, and the output does
// not change with it.
func TestFutureDateWarns(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeSite(t, src, goodSite)
	writeSite(t, src, map[string]string{"content/articles/ahead.md": "---\ntitle: Ahead\ndate: 2999-01-01\n---\nText.\n"})
	code, out, errOut := brief(t, "check", "-s", src, "--format", "json")
	if code != 0 || !strings.Contains(out, `"severity":"warning","file":"content/articles/ahead.md","line":3,"message":"date 2999-01-01 is in the future"`) {
		t.Errorf("check: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, _ := brief(t, "check", "-s", src, "--strict"); code != 1 {
		t.Errorf("check --strict: exit %d, want 1", code)
	}
	code, _, errOut = brief(t, "build", "-s", src, "-d", filepath.Join(dir, "public"))
	if code != 0 || !strings.Contains(errOut, "warning") {
		t.Errorf("build: exit %d\n%s", code, errOut)
	}
}

// TestSourceURLFailsBuild: url: javascript:… built a page linking to
// #ZgotmplZ (issue 11, case 6).
func TestSourceURLFailsBuild(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "site")
	writeSite(t, src, goodSite)
	writeSite(t, src, map[string]string{"content/articles/2022-02-09-js.txt": "Title: Script\nURL: javascript:alert(document.domain)\n\nText.\n"})
	code, _, errOut := brief(t, "build", "-s", src, "-d", filepath.Join(dir, "public"))
	if code != 1 || !strings.Contains(errOut, `content/articles/2022-02-09-js.txt:2: url "javascript:alert(document.domain)" is a javascript: address`) || !strings.Contains(errOut, "use the article's http(s) address") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}
