package extract

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

var update = flag.Bool("update", false, "rewrite the .want files of testdata/pasted")

func cleanActors() []*model.Actor {
	return append(testActors(),
		actor("content/actors/emmanuel-macron.md", "emmanuel-macron", "Emmanuel Macron", []string{"Macron"}, nil),
		actor("content/actors/annalena-baerbock.md", "annalena-baerbock", "Annalena Baerbock", []string{"Baerbock"}, []string{"Annalina Barbuk"}),
		actor("content/actors/kyiv.md", "kyiv", "Kyiv", nil, []string{"Kiev"}),
	)
}

// dump lists what the cleaner kept and did, one item a line.
func dump(c Cleaned) string {
	var b strings.Builder
	for _, blk := range c.Blocks {
		kind := "P"
		if blk.Heading {
			kind = "H"
		}
		fmt.Fprintf(&b, "%s %d: %s\n", kind, blk.Line, blk.Text)
	}
	for _, r := range c.Removed {
		fmt.Fprintf(&b, "removed %d: %s\n", r.Line, r.Text)
	}
	for _, h := range c.Headings {
		fmt.Fprintf(&b, "heading %d: %s\n", h.Line, h.Text)
	}
	return b.String()
}

// TestCleanCorpus cleans each pasted text of testdata/pasted and compares
// exactly what was kept, removed and read as a heading with its .want
// file (go test -run TestCleanCorpus -update rewrites them; review the
// diff).
func TestCleanCorpus(t *testing.T) {
	m, _ := NewMatcher(cleanActors())
	bp, err := NewBoilerplate([]string{`Support our reporting`})
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("testdata/pasted/*.txt")
	if len(files) == 0 {
		t.Fatal("no corpus")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The headline is line 1; the body starts at line 3.
		_, body, _ := strings.Cut(string(data), "\n\n")
		got := dump(CleanText(body, 3, bp, m))
		want := strings.TrimSuffix(f, ".txt") + ".want"
		if *update {
			if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		w, err := os.ReadFile(want)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(w) {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", f, got, w)
		}
	}
}

func TestCutTail(t *testing.T) {
	bp, _ := NewBoilerplate(nil)
	tests := []struct{ in, kept, cut string }{
		{"Talks ended late. We use cookies to improve your experience. You can opt-out if you wish. Accept Read More",
			"Talks ended late.", "We use cookies to improve your experience. You can opt-out if you wish. Accept Read More"},
		{"He left for Kyiv. Read More", "He left for Kyiv.", "Read More"},
		// An article sentence that ends in a label-like word stays.
		{"Moscow said it would never accept. Accept", "Moscow said it would never accept. Accept", ""},
		{"The cookies at the reception were good, one guest said.", "The cookies at the reception were good, one guest said.", ""},
		{"We use cookies. Accept", "", "We use cookies. Accept"},
		{"He said we should agree on cookies later. Then he left.", "He said we should agree on cookies later. Then he left.", ""},
		{"No sentence end here Accept", "No sentence end here Accept", ""},
	}
	for _, tt := range tests {
		kept, cut := cutTail(tt.in, bp)
		if kept != tt.kept || cut != tt.cut {
			t.Errorf("cutTail(%q) = %q, %q; want %q, %q", tt.in, kept, cut, tt.kept, tt.cut)
		}
	}
}

func TestGluedHeading(t *testing.T) {
	m, _ := NewMatcher(cleanActors())
	tests := []struct{ in, head string }{
		{"Diplomatic Push Continues Emmanuel Macron has pledged to keep talking to Moscow. He flies on tomorrow.", "Diplomatic Push Continues"},
		{"Pipeline question left open Schulz has insisted that Germany stands with its allies.", "Pipeline question left open"},
		{"Troops on the move The three largest allies have all announced reinforcements.", "Troops on the move"},
		{"A Frosty Press Conference The Russian minister walked out before the end of it.", "A Frosty Press Conference"},
		// Not headings: a subject described by its role, a time, a
		// sentence that starts with an actor, a run that ends in a name.
		{"French President Emmanuel Macron has pledged to keep talking to Moscow.", ""},
		{"German foreign minister Annalina Barbuk was in Kiev on Monday as well.", ""},
		{"On Monday Emmanuel Macron said he would call the Russian leader again.", ""},
		{"Putin again blamed NATO for the tension and said the alliance had ignored Russia.", ""},
		{"Scholz pointed out that Putin is the one who massed troops near the border.", ""},
		{"The talks in the Kremlin Putin said lasted more than five hours in all.", ""},
		{"Talks lasted five hours, and Putin said they were useful in the end.", ""},
		{"Short Heading Putin said.", ""},
	}
	for _, tt := range tests {
		head, rest, ok := gluedHeading(tt.in, m)
		if head != tt.head || ok != (tt.head != "") {
			t.Errorf("gluedHeading(%q) = %q, %v; want %q", tt.in, head, ok, tt.head)
		}
		if ok && head+" "+rest != tt.in {
			t.Errorf("gluedHeading(%q) lost text: %q + %q", tt.in, head, rest)
		}
	}
}

func TestSiteBoilerplateMatchesWholeLines(t *testing.T) {
	bp, err := NewBoilerplate([]string{`Listen to this story\.?`})
	if err != nil {
		t.Fatal(err)
	}
	if !bp.Match("Listen to this story.") {
		t.Error("the site's pattern does not match its line")
	}
	if bp.Match("Putin said: Listen to this story. It is short.") {
		t.Error("the site's pattern matched inside a sentence")
	}
}

func TestArticleTextReportsCleaning(t *testing.T) {
	m, _ := NewMatcher(cleanActors())
	bp, _ := NewBoilerplate(nil)
	a := &model.Article{Format: "txt", Title: "T", Source: model.Source{File: "content/articles/a.txt", BodyLine: 3,
		Body: "Troops on the move The three largest allies have all announced reinforcements.\n\nShare this article\n\nMacron met Putin. Schulz met Putin. Schulz left.\n"}}
	a, ds := Article(a, m, bp, opts())
	var got []string
	for _, d := range ds {
		got = append(got, d.String())
	}
	want := []string{
		`content/articles/a.txt:5: warning: removed boilerplate: "Share this article"`,
		`content/articles/a.txt:3: warning: read a heading glued to the paragraph: "Troops on the move" (shown as a heading; if that is wrong, put a full stop after these words)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	h := string(a.HTML())
	if !strings.Contains(h, "<h2>Troops on the move</h2>\n<p>The three largest") || strings.Contains(h, "Share this") {
		t.Errorf("HTML:\n%s", h)
	}
	if strings.Count(h, `class="mention misspelling">Schulz</a>`) != 1 {
		t.Errorf("first Schulz not linked as a misspelling once:\n%s", h)
	}
	if len(a.Text()) != 2 || len(a.TextLines) != 2 || a.TextLines[0] != 3 || a.TextLines[1] != 7 {
		t.Errorf("Text %q, lines %v", a.Text(), a.TextLines)
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{
		"Talks ended. We use cookies. Accept Read More",
		"Troops on the move The three largest allies have all announced reinforcements.",
		"Diplomatic Push Continues Emmanuel Macron has pledged to keep talking. Fine.",
		"Advertisement\n\nShare this article\nRead More\n\n\n",
		"A. B. C. D. E. F. G. H.", "“Quote.” Accept", "\xff\xfe Accept", "",
	} {
		f.Add(s)
	}
	m, _ := NewMatcher(cleanActors())
	bp, _ := NewBoilerplate([]string{`Foo.*`})
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanText(s, 1, bp, m)
		for _, b := range c.Blocks {
			if strings.TrimSpace(b.Text) == "" {
				t.Fatalf("empty block from %q", s)
			}
		}
		c.Diagnostics("a.txt")
		CleanBlocks([]model.Block{{Text: s}}, bp)
	})
}
