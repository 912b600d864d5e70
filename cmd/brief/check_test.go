package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// namesSite adds a pasted text with a banner, a glued heading, a
// misspelled name and an unknown one to the good site.
func namesSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	writeSite(t, dir, map[string]string{"content/articles/2022-02-09-paste.txt": `Scholtz in Berlin

Allies wait for answers Olaf Scholz has promised more help for his allies in the east.

Jake Sullivan said the chancellor had called. Jake Sullivan spoke again later. Schulz agreed.

The talks ended late. We use cookies to improve your experience on our website. You can opt-out if you wish. Accept Read More
`})
	return dir
}

func TestCheckReportsNames(t *testing.T) {
	dir := namesSite(t)
	code, out, errOut := brief(t, "check", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		`content/articles/2022-02-09-paste.txt:3: warning: read a heading glued to the paragraph: "Allies wait for answers"`,
		`content/articles/2022-02-09-paste.txt:7: warning: removed boilerplate: "We use cookies`,
		`content/articles/2022-02-09-paste.txt: warning: "Scholtz" in the title may be a misspelling of Olaf Scholz`,
		`content/articles/2022-02-09-paste.txt:5: warning: "Schulz" may be a misspelling of Olaf Scholz ("Scholz", similarity 0.92) (correct the text, or add "Schulz" to misspellings: in content/actors/olaf-scholz.md`,
		`brief new actor "Jake Sullivan"`,
		`2× "Jake Sullivan"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check output lacks %s:\n%s", want, out)
		}
	}
	if code, out, _ := brief(t, "check", "--strict", "-s", dir); code != 1 || !strings.Contains(out, "--strict") {
		t.Errorf("--strict with warnings: exit %d\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := namesSite(t)
	code, out, _ := brief(t, "check", "--format", "json", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, out)
	}
	kinds := map[string]int{}
	var last map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatalf("not a JSON line: %q", line)
		}
		kinds[v["kind"].(string)]++
		if v["kind"] == "unknown-name" && (v["name"] != "Jake Sullivan" || v["count"] != 2.0 || v["command"] != `brief new actor "Jake Sullivan"`) {
			t.Errorf("unknown name line: %v", v)
		}
		last = v
	}
	if kinds["heading"] != 1 || kinds["boilerplate"] != 1 || kinds["misspelling"] != 2 || kinds["unknown-name"] != 1 || last["kind"] != "summary" || last["ok"] != true {
		t.Errorf("kinds %v, last %v\n%s", kinds, last, out)
	}
	code, out, _ = brief(t, "check", "--format", "json", "--strict", "-s", dir)
	if code != 1 || !strings.Contains(out, `"ok":false`) {
		t.Errorf("--strict: exit %d\n%s", code, out)
	}
	// Errors come as JSON lines too.
	writeSite(t, dir, map[string]string{"content/articles/nodate.txt": "Title\n\nText.\n"})
	code, out, _ = brief(t, "check", "--format", "json", "-s", dir)
	if code != 1 || !strings.Contains(out, `"severity":"error"`) || !strings.Contains(out, `"file":"content/articles/nodate.txt"`) {
		t.Errorf("errors: exit %d\n%s", code, out)
	}
	if code, _, _ := brief(t, "check", "--format", "xml", "-s", dir); code != 2 {
		t.Errorf("--format xml: exit %d", code)
	}
}

func TestImport(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	page := filepath.Join("..", "..", "builder", "load", "testdata", "pages", "og-jsonld.html")
	pasted := filepath.Join(dir, "2022-02-10-pasted.txt")
	if err := os.WriteFile(pasted, []byte("Scholz <b>sees</b> *progress*\n\n# Olaf Scholz said on Monday that talks would go on.\n\nShare this article\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := brief(t, "import", "-s", dir, page, pasted)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	md, err := os.ReadFile(filepath.Join(dir, "content", "articles", "og-jsonld.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"---\ntitle: \"NATO sees no sign of Russian pullback, Stoltenberg says\"\ndate: 2022-02-16\n",
		"source: \"Northern Wire\"\n", "url: \"https://northernwire.example/world/europe/2022/02/16/nato-sees-no-sign-of-russian-pullback\"\n",
		"author: [\"Marta Kowalczyk\", \"Tom Reyes\"]\n", "# Imported from og-jsonld.html\n", "\n## Plans for the southeast\n",
	} {
		if !strings.Contains(string(md), want) {
			t.Errorf("imported page lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(md), "Read more") || strings.Contains(string(md), "script") {
		t.Errorf("imported page keeps furniture:\n%s", md)
	}
	md, err = os.ReadFile(filepath.Join(dir, "content", "articles", "2022-02-10-pasted.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"title: \"Scholz <b>sees</b> *progress*\"\ndate: 2022-02-10\n", "actors: [olaf-scholz]\n", "\n\\# Olaf Scholz said on Monday"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("imported text lacks %q:\n%s", want, md)
		}
	}
	if strings.Contains(string(md), "Share this") {
		t.Errorf("boilerplate imported:\n%s", md)
	}
	// The imported site builds, and a second import does not overwrite.
	if code, out, errOut := brief(t, "check", "-s", dir); code != 0 {
		t.Errorf("check after import: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := brief(t, "import", "-s", dir, page); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second import: exit %d, %s", code, errOut)
	}
	if code, _, errOut := brief(t, "import", "-s", dir, filepath.Join(dir, "content", "articles", "a.md")); code != 1 || !strings.Contains(errOut, ".html") {
		t.Errorf("import of .md: exit %d, %s", code, errOut)
	}
}

// TestImportKeepsLanguage checks that an imported saved page keeps the
// language of its <html lang> and pasted text that of its Language:
// header, and that the site still checks.
func TestImportKeepsLanguage(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, goodSite)
	page := filepath.Join(dir, "2022-02-24-kyiv.html")
	html := `<!doctype html><html lang="uk"><head><title>Вибухи в Києві</title><meta property="article:published_time" content="2022-02-24"></head>` +
		`<body><article><h1>Вибухи в Києві</h1><p>У четвер уранці в Києві пролунали вибухи, повідомили у міській адміністрації.</p></article></body></html>`
	pasted := filepath.Join(dir, "2022-02-25-berlin.txt")
	text := "Title: Berlin liefert Panzerfäuste\nLanguage: de\n\nDie Bundesregierung hat am Freitag Waffenlieferungen an die Ukraine beschlossen.\n"
	for f, b := range map[string]string{page: html, pasted: text} {
		if err := os.WriteFile(f, []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := brief(t, "import", "-s", dir, page, pasted); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	for name, want := range map[string]string{"2022-02-24-kyiv.md": "\nlanguage: uk\n", "2022-02-25-berlin.md": "\nlanguage: de\n"} {
		md, err := os.ReadFile(filepath.Join(dir, "content", "articles", name))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(md), want) {
			t.Errorf("%s lacks %q:\n%s", name, want, md)
		}
	}
	if code, out, errOut := brief(t, "check", "-s", dir); code != 0 {
		t.Errorf("check after import: exit %d\n%s%s", code, out, errOut)
	}
}
