package extract

import (
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"Olaf Scholz met Putin's envoy", "Putin’s", "US us USA U.S.", "Chancellor Olaf Scholz", "NATONATO NATO",
		"\xffPutin\xff", "Émile Scholz", "Schulz Scholz", "", "Olaf Olaf Scholz Scholz",
	} {
		f.Add(s, "Olaf")
	}
	f.Fuzz(func(t *testing.T, s, extra string) {
		actors := testActors()
		// A fuzzed extra name, whose spellings overlap the fixed ones in
		// arbitrary ways.
		actors = append(actors, actor("content/actors/extra.md", "extra", "Extra", []string{extra, strings.ToUpper(extra)}, nil))
		m, _ := NewMatcher(actors)
		last := 0
		for _, x := range m.Find(s) {
			if x.Start < last || x.End <= x.Start || x.End > len(s) {
				t.Fatalf("Find(%q): match [%d:%d] out of order or bounds (last end %d)", s, x.Start, x.End, last)
			}
			if s[x.Start:x.End] != x.Name.Text {
				t.Fatalf("Find(%q): s[%d:%d] = %q, name %q", s, x.Start, x.End, s[x.Start:x.End], x.Name.Text)
			}
			last = x.End
		}
		// Rendering the text as an article must not panic either.
		a := &model.Article{Format: "txt", Title: s, Source: model.Source{Body: s}}
		Article(a, m, nil, Options{BasePath: "/"})
		a = &model.Article{Format: "md", Title: s, Source: model.Source{Body: s}}
		Article(a, m, nil, Options{BasePath: "/"})
	})
}
