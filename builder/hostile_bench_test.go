package builder

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/load"
)

// hostileShapes are the shapes of one hostile or careless content file of
// about size bytes that issue 11 sets a limit for: each must build in
// under 10 s and 1 GB, or be refused before it is parsed.
var hostileShapes = []struct {
	name, file string
	text       func(size int) string
}{
	{"sentences", "x.md", func(n int) string { return fm + fill("Karl Adler met Kyiv. ", n) + "\n" }},
	// Paragraphs at load.MaxParagraphSize, which the one of 20 MB is
	// refused at.
	{"sentences-at-paragraph-limit", "x.md", func(n int) string {
		return fm + fill(fill("Karl Adler met Kyiv. ", load.MaxParagraphSize-100)+"\n\n", n)
	}},
	{"no-sentence-end", "x.md", func(n int) string { return fm + fill("Karl Adler met officials in Kyiv and ", n) + "\n" }},
	{"paragraphs", "x.md", func(n int) string {
		return fm + fill("Karl Adler met officials in Kyiv on Monday, the ministry said in a statement on its website, citing an aide to him.\n\n", n)
	}},
	{"pasted-txt", "2022-02-07-x.txt", func(n int) string {
		return "Hostile\n\n" + fill("Karl Adler met officials in Kyiv on Monday, the ministry said in a statement on its website, citing an aide.\n\n", n)
	}},
	{"saved-html", "2022-02-07-x.html", func(n int) string {
		return "<html><head><title>Hostile</title></head><body><article><h1>Hostile</h1>" +
			fill("<p>Karl Adler met officials in Kyiv on Monday, the ministry said in a statement on its website, citing an aide to the minister who asked not to be named.</p>\n", n) +
			"</article></body></html>"
	}},
	{"unbalanced-quotes", "x.md", func(n int) string {
		return fm + fill(fill("“Karl Adler said “that ‘it was “not ", 10_000)+"\n\n", n)
	}},
	{"numbers", "x.md", func(n int) string {
		return fm + fill(fill("12,345 troops, 3.5% of 1,000,000 and $4.2 billion, 17 tanks ", 10_000)+"\n\n", n)
	}},
	{"dates", "x.md", func(n int) string {
		return fm + fill(fill("on 3 March 2022, on Monday, February 24, 2022-02-24 last week and yesterday ", 10_000)+"\n\n", n)
	}},
}

const fm = "---\ntitle: \"Hostile\"\ndate: 2022-02-07\n---\n\n"

// fill repeats unit to at most n bytes.
func fill(unit string, n int) string { return strings.Repeat(unit, max(1, n/len(unit))) }

// hostileSite writes a site of one actor and the one article text, and
// returns its folder.
func hostileSite(tb testing.TB, file, text string) string {
	src := tb.TempDir()
	files := map[string]string{
		"site.yaml":                    "title: T\n",
		"content/actors/karl-adler.md": "---\nname: Karl Adler\n---\n\nA person.\n",
		"content/articles/" + file:     text,
	}
	for p, data := range files {
		if err := os.MkdirAll(filepath.Join(src, filepath.Dir(p)), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(src, p), []byte(data), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return src
}

// BenchmarkHostileFile builds a site of one article of each hostile shape,
// 20 MB (just under load.MaxFileSize): a build that refuses it at a limit
// is as good as one that builds it, so errors are not failures; the
// benchmark reports which it was. For peak memory, run one shape in its
// own process under /usr/bin/time -v:
//
//	go test -c -o /tmp/builder.test ./builder
//	/usr/bin/time -v /tmp/builder.test -test.run XXX -test.bench 'HostileFile/sentences$' -test.benchtime 1x
func BenchmarkHostileFile(b *testing.B) {
	size := 20_000_000
	for _, s := range hostileShapes {
		b.Run(s.name, func(b *testing.B) {
			src := hostileSite(b, s.file, s.text(size))
			dest := filepath.Join(b.TempDir(), "public")
			refused := 0.0
			for b.Loop() {
				if _, err := Build(context.Background(), Options{Source: src, Dest: dest}); err != nil {
					refused = 1
				}
			}
			b.ReportMetric(refused, "refused")
		})
	}
}
