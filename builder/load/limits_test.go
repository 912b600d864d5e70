package load

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestLimits checks that each pathological file is refused before it is
// parsed, with the line where it reaches the limit and which limit it is.
func TestLimits(t *testing.T) {
	fm := "---\ntitle: Big\ndate: 2022-02-07\n---\n\n"
	var toml strings.Builder
	toml.WriteString("+++\ntitle = \"Big\"\ndate = 2022-02-07\n")
	for i := 0; toml.Len() < 2*MaxFrontMatter; i++ {
		toml.WriteString("k" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "_" + strconv.Itoa(i) + " = 1\n")
	}
	toml.WriteString("+++\n\nBody.\n")
	var ramp strings.Builder
	for i := 0; i < 2000; i++ {
		ramp.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	var quoteRamp strings.Builder
	for i := 1; i <= 100; i++ {
		quoteRamp.WriteString(strings.Repeat(">", i) + " q\n")
	}
	for _, c := range []struct {
		name, file, data string
		line             int
		want             string
	}{
		{"file size", "content/articles/2022-02-07-big.txt", "Big\n\n" + strings.Repeat("word\n", MaxFileSize/5+1), 2 + (MaxFileSize-5)/5 + 1, "file is 20.1 MB, over the limit of 20 MB for one file"},
		{"html size", "content/articles/2022-02-07-big.html", "<p>" + strings.Repeat("x", MaxFileSize) + "</p>", 1, "over the limit of 20 MB for one file"},
		{"actor size", "content/actors/a.md", "---\nname: A\n---\n\n" + strings.Repeat("word ", MaxFileSize/5), 5, "over the limit of 20 MB"},
		{"toml keys", "content/articles/big.md", toml.String(), 2 + strings.Count(toml.String()[:4+MaxFrontMatter], "\n") - 1, "front matter is 128"},
		{"yaml front matter", "content/events/e.md", "---\ntitle: E\nsummary: " + strings.Repeat("long ", MaxFrontMatter/5) + "\n---\n", 3, "over the limit of 64 KB"},
		{"indented lists", "content/articles/big.md", fm + ramp.String(), 6 + MaxNesting, "nest more than 32 levels deep here, over the nesting limit"},
		{"markers on one line", "content/articles/big.md", fm + "Text.\n\n" + strings.Repeat("- ", 2000) + "deep\n", 8, "nesting limit"},
		{"block quotes", "content/events/e.md", "---\ntitle: E\n---\n" + strings.Repeat("> ", 40) + "deep\n", 4, "nesting limit"},
		{"block quotes ramp", "content/articles/big.md", fm + quoteRamp.String(), 6 + MaxNesting, "nesting limit"},
		{"lists in quotes", "content/articles/big.md", fm + strings.Repeat("> - ", 17) + "x\n", 6, "nesting limit"},
		{"list items", "content/articles/big.md", fm + strings.Repeat("- a\n", MaxElements), 6 + MaxElements/2, "more than 200000 Markdown elements (lines, list items, block quotes and [ * _ ` < ! |) by this line, over the limit of elements"},
		{"paragraphs", "content/events/e.md", "---\ntitle: E\n---\n" + strings.Repeat("a\n\n", MaxElements+1), 4 + 2*MaxElements, "Markdown elements"},
		{"brackets on one line", "content/articles/big.md", fm + "Text.\n\n" + strings.Repeat("[a ", MaxElements) + "\n", 8, "Markdown elements"},
		{"table cells", "content/actors/a.md", "---\nname: A\n---\n| a | b |\n|---|---|\n\n" + strings.Repeat("| a | b |\n\n", MaxElements/4), 7 + 2*(MaxElements/4-2), "Markdown elements"},
		{"emphasis", "content/articles/big.md", fm + strings.Repeat("*a **a\n\n", MaxElements/4+1), 6 + 2*(MaxElements/4), "Markdown elements"},
		{"link definitions", "content/articles/big.md", fm + strings.Repeat("[a]: /u\n", MaxParagraphLines+1), 6 + MaxParagraphLines, "this paragraph is over 10000 lines long, over the limit of lines for one paragraph"},
		{"lines of a quoted paragraph", "content/articles/big.md", fm + "> [a]: /u\n>\n" + strings.Repeat("> x [a] b\n", MaxParagraphLines+1), 8 + MaxParagraphLines, "over the limit of lines for one paragraph"},
		{"txt lines", "content/articles/2022-02-07-big.txt", "Big\n\n" + strings.Repeat("a\n\n", MaxElements), 1 + 2*MaxElements, "more than 200000 lines of text by this line, over the limit of elements"},
		{"paragraph size", "content/articles/big.md", fm + "Text.\n\n" + strings.Repeat("Karl Adler met Kyiv. ", MaxParagraphSize/21+1) + "\n", 8, "this paragraph is over 1 MB long by this line, over the limit for one paragraph"},
		{"paragraph size over lines", "content/events/e.md", "---\ntitle: E\n---\n" + strings.Repeat(strings.Repeat("x", 199)+".\n", 6000), 4 + MaxParagraphSize/201, "over the limit for one paragraph"},
		{"txt paragraph size", "content/articles/2022-02-07-big.txt", "Big\n\n" + strings.Repeat("Karl Adler met Kyiv. ", MaxParagraphSize/21+1) + "\n", 3, "over the limit for one paragraph"},
		{"html paragraph size", "content/articles/2022-02-07-big.html", "<html><body>\n<p>A short one.</p>\n<p>" + strings.Repeat("Karl Adler met Kyiv. ", MaxParagraphSize/21+1) + "</p>\n</body></html>", 3, "over the limit for one paragraph"},
		{"html tags", "content/articles/2022-02-07-big.html", "<html><body>\n" + strings.Repeat("<p>a</p>\n", MaxElements), 1 + MaxElements - 1, "more than 200000 tags by this line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var msgs []string
			switch {
			case strings.HasPrefix(c.file, "content/actors/"):
				_, ds := Actor(c.file, []byte(c.data))
				msgs = diagStrings(ds)
			case strings.HasPrefix(c.file, "content/events/"):
				_, ds := Event(c.file, []byte(c.data))
				msgs = diagStrings(ds)
			default:
				_, ds := Article(c.file, []byte(c.data))
				msgs = diagStrings(ds)
			}
			prefix := c.file + ":" + strconv.Itoa(c.line) + ": "
			if len(msgs) != 1 || !strings.HasPrefix(msgs[0], prefix) || !strings.Contains(msgs[0], c.want) {
				t.Errorf("got %q, want one error starting %q with %q", msgs, prefix, c.want)
			}
		})
	}
}

func diagStrings(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.String())
	}
	return out
}

// TestLimitsLeaveRealContentAlone checks that nesting as articles use it,
// front matter near its limit and a big file under the limit load.
func TestLimitsLeaveRealContentAlone(t *testing.T) {
	var lists strings.Builder
	for i := 0; i < MaxNesting; i++ {
		lists.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	for _, body := range []string{
		lists.String(),
		strings.Repeat("> ", MaxNesting) + "quoted\n",
		"- a\n\n  > quoted\n  > - in a quote\n\n    ```\n    - - - - code\n    ```\n1. one\n2. two\n   - sub\n\n2022. That year\n",
		strings.Repeat("A paragraph of an ordinary article. ", 20000) + "\n",
		// Lists of many items, long paragraphs: at the limits, not past.
		strings.Repeat("- an item of a [long](/list)\n", MaxElements/5),
		strings.Repeat("A line of a paragraph with a [link](/x) and *emphasis*.\n", MaxParagraphLines),
		strings.Repeat("A paragraph of its own on one line, with a [link](/x).\n\n", 50000),
	} {
		data := "---\ntitle: T\ndate: 2022-02-07\nsummary: " + strings.Repeat("x", MaxFrontMatter-100) + "\n---\n\n" + body
		if _, ds := Article("content/articles/t.md", []byte(data)); len(ds) != 0 {
			t.Errorf("%.60q: %v", body, ds)
		}
	}
	// The saved page of 50,000 paragraphs of issue 11 (case 12), with a
	// bold word and a link in each, and a .txt of as many.
	if _, ds := Article("content/articles/2022-02-07-big.html", bigPage(50000, true)); len(ds) != 0 {
		t.Errorf("page of 50,000 paragraphs: %v", ds)
	}
	txt := "Big\n\n" + strings.Repeat("A paragraph of pasted text, on one line.\n\n", 50000)
	if _, ds := Article("content/articles/2022-02-07-big.txt", []byte(txt)); len(ds) != 0 {
		t.Errorf(".txt of 50,000 paragraphs: %v", ds)
	}
}

// TestNestingCountsAsDeepAsGoldmark compares the scan with the depth of
// list items and block quotes in the tree goldmark builds, on random
// documents of markers, indentation, tabs, blank lines and fences: the
// scan may count deeper (it reads fenced code too), never much less.
func TestNestingCountsAsDeepAsGoldmark(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Footnote))
	gmDepth := func(src []byte) int {
		deepest := 0
		var walk func(n ast.Node, d int)
		walk = func(n ast.Node, d int) {
			if n.Kind() == ast.KindListItem || n.Kind() == ast.KindBlockquote {
				d++
			}
			deepest = max(deepest, d)
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				walk(c, d)
			}
		}
		walk(md.Parser().Parse(text.NewReader(src)), 0)
		return deepest
	}
	scanDepth := func(src []byte) int {
		for d := 0; ; d++ {
			if _, over := scanBody(src, bodyLimits{d, math.MaxInt, math.MaxInt, math.MaxInt}); over != overDepth {
				return d
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	prefixes := []string{"- ", "* ", "1. ", "> ", "", "", "", "  ", "   ", "    ", "\t", "- > ", "2) ", "+ ", "      ", "- - - ", ">>"}
	equal, under := 0, 0
	const docs = 20000
	for i := 0; i < docs; i++ {
		var b strings.Builder
		for l := 0; l < 2+r.IntN(8); l++ {
			switch r.IntN(10) {
			case 0:
				b.WriteString("\n")
				continue
			case 1:
				b.WriteString(strings.Repeat(" ", r.IntN(6)) + "```\n")
				continue
			}
			for k := 0; k < 1+r.IntN(4); k++ {
				b.WriteString(prefixes[r.IntN(len(prefixes))])
			}
			b.WriteString("text\n")
		}
		src := []byte(b.String())
		g, s := gmDepth(src), scanDepth(src)
		switch {
		case s == g:
			equal++
		case s < g:
			under++
			if s < g-1 {
				t.Errorf("goldmark nests %d deep, the scan counts %d:\n%s", g, s, src)
			}
		}
	}
	// Tabs after markers are read differently by goldmark and CommonMark;
	// the scan leans to counting more, and misses by one level at most.
	if under > docs/1000 || equal < docs*3/4 {
		t.Errorf("of %d documents, %d counted as goldmark does, %d less", docs, equal, under)
	}
}
