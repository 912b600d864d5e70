package corpus

import (
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
)

// siteHash hashes every file's path and bytes under dir, in WalkDir's
// (lexical) order.
func siteHash(t *testing.T, dir string) string {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(b))
		h.Write(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

func generate(t *testing.T, n int, seed uint64, shape Shape) string {
	t.Helper()
	dir := t.TempDir()
	if err := GenerateShape(dir, n, seed, shape); err != nil {
		t.Fatal(err)
	}
	return dir
}

// The default shape's site is the one benchmarks were measured on before
// there were shapes: the hashes were taken from Generate before the wire
// shape was added.
func TestDefaultShapeUnchanged(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{
		{200, "77f8460e834544f4229df721913dd96e9ec59c1a9bd721a22a8ec02b22c19fdd"},
		{1000, "e686a53d03fee0239c254bc74c83651c9c10a11b29a51323d8caaa7e25832093"},
	} {
		for _, shape := range []Shape{Briefing, ""} {
			if got := siteHash(t, generate(t, c.n, 1, shape)); got != c.want {
				t.Errorf("shape %q, %d articles: site hash %s, want %s", shape, c.n, got, c.want)
			}
		}
	}
}

func TestParseShape(t *testing.T) {
	for _, s := range Shapes {
		if got, err := ParseShape(string(s)); err != nil || got != s {
			t.Errorf("ParseShape(%q) = %q, %v", s, got, err)
		}
	}
	if _, err := ParseShape("tabloid"); err == nil || !strings.Contains(err.Error(), "tabloid") {
		t.Errorf("ParseShape(tabloid): %v, want an error naming it", err)
	}
	if err := GenerateShape(t.TempDir(), 20, 1, "tabloid"); err == nil {
		t.Error("GenerateShape with an unknown shape: no error")
	}
}

func TestWireDeterministic(t *testing.T) {
	a, b := siteHash(t, generate(t, 300, 7, Wire)), siteHash(t, generate(t, 300, 7, Wire))
	if a != b {
		t.Fatalf("two wire sites of the same seed differ: %s and %s", a, b)
	}
	if c := siteHash(t, generate(t, 300, 8, Wire)); c == a {
		t.Error("wire sites of seeds 7 and 8 are the same")
	}
	if d := siteHash(t, generate(t, 300, 7, Briefing)); d == a {
		t.Error("the wire and default shapes wrote the same site")
	}
}

// TestWireShape measures what the wire shape promises from the generated
// files, read as brief reads them: the number of events and actors, long
// alias lists with descriptive aliases, long articles, and the share of
// articles that name each actor, found with brief's mention matcher.
func TestWireShape(t *testing.T) {
	const n = 1000
	dir := generate(t, n, 1, Wire)
	sess, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	in, err := sess.Loaded(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range in.Diagnostics {
		if d.Severity == diag.Error {
			t.Fatalf("loading the wire site: %v", d)
		}
	}
	if len(in.Articles) != n || len(in.Events) != n/20 || len(in.Actors) != 60 {
		t.Fatalf("%d articles, %d events, %d actors; want %d, %d, 60", len(in.Articles), len(in.Events), len(in.Actors), n, n/20)
	}
	aliases := 0
	spellings := map[string]bool{}
	for _, a := range in.Actors {
		aliases += len(a.Aliases)
		for _, s := range a.Aliases {
			spellings[s] = true
		}
	}
	if avg := float64(aliases) / float64(len(in.Actors)); avg < 6 {
		t.Errorf("%.1f aliases per actor on average, want at least 6", avg)
	}
	for _, s := range []string{"Borovian troops", "the alliance", "the Corvanian army", "the council"} {
		if !spellings[s] {
			t.Errorf("no actor has the descriptive alias %q", s)
		}
	}

	m, mds := extract.NewMatcher(in.Actors)
	if len(mds) > 0 {
		t.Fatalf("actor names: %v", mds[0])
	}
	named := map[string]int{}
	words := 0
	for _, a := range in.Articles {
		words += len(strings.Fields(a.Body))
		seen := map[string]bool{}
		for _, x := range append(m.Find(a.Title), m.Find(a.Body)...) {
			if !seen[x.Name.Actor] {
				seen[x.Name.Actor] = true
				named[x.Name.Actor]++
			}
		}
	}
	if avg := words / n; avg < 1000 || avg > 1900 {
		t.Errorf("%d words per article on average, want 1,000–1,900 (long wire copy)", avg)
	}
	want := map[string][2]float64{"northern-alliance": {0.75, 0.85}, "borovia": {0.60, 0.70}, "corvania": {0.50, 0.60}}
	for slug, c := range named {
		share := float64(c) / n
		if r, ok := want[slug]; ok {
			if share < r[0] || share > r[1] {
				t.Errorf("%s is named in %.0f%% of the articles, want %.0f–%.0f%%", slug, 100*share, 100*r[0], 100*r[1])
			}
		} else if share >= 0.5 {
			t.Errorf("%s is named in %.0f%% of the articles: only the dominant actors should be in most", slug, 100*share)
		}
	}
	if len(named) != len(in.Actors) {
		t.Errorf("%d of %d actors are named in some article", len(named), len(in.Actors))
	}
}
