package serve

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/render"
)

// verifiedRender renders the session's site under Verify, fails the test
// when a file skipped as unchanged would have changed, and commits the
// render; it returns the files written.
func verifiedRender(t *testing.T, s *builder.Session, st *render.State, what string) []string {
	t.Helper()
	ctx := context.Background()
	m, err := s.Model(ctx)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	res, ds := render.Render(ctx, m.Site, m.Tmpl, creatorOutput{}, render.Options{Global: m.Global, State: st, Verify: true, Cache: true})
	if len(ds) > 0 {
		t.Fatalf("%s: %v", what, ds[0])
	}
	if len(res.Mismatched) > 0 {
		t.Fatalf("%s: %d files changed while their dependencies did not: %v", what, len(res.Mismatched), res.Mismatched)
	}
	st.Commit(res)
	s.Commit(m, res)
	return res.Written
}

// An article moved by a day in long paginated lists renders again the
// pages of each list between its old place and its new one, not every
// page of every list it is in (a tag of 120 of the 200 articles, cut
// into 24 pages, the archive month, the actors' coverage).
func TestDateMoveRendersOnlyShiftedPages(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "site.yaml")
	b, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, append(b, "\npaginate: 5\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := render.NewState()
	all := verifiedRender(t, s, st, "first render")
	tagPages := 0
	for _, f := range all {
		if strings.HasPrefix(f, "tags/generated/") && strings.HasSuffix(f, ".html") {
			tagPages++
		}
	}
	if tagPages < 20 {
		t.Fatalf("the tag has %d pages; the test needs a long paginated list", tagPages)
	}
	rel := listFiles(t, dir, "content/articles", ".md")[0]
	orig := read(t, dir, rel)
	if !articleDate.MatchString(orig) {
		t.Fatalf("%s has no date to move", rel)
	}
	for day := 1; day <= 6; day++ {
		text := articleDate.ReplaceAllString(orig, "${1}"+fmt.Sprintf("2022-01-%02d", 10+day))
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s.Changed(rel)
		written := verifiedRender(t, s, st, fmt.Sprintf("move to day %d", 10+day))
		var tag []string
		for _, f := range written {
			if strings.HasPrefix(f, "tags/generated/") && strings.HasSuffix(f, ".html") {
				tag = append(tag, f)
			}
		}
		// A day holds a few of the 200 articles: the article crosses at
		// most a page boundary or two, and page one shows the count.
		if len(tag) > 4 {
			t.Errorf("moving the article to day %d rendered %d of the tag's %d pages: %v", 10+day, len(tag), tagPages, tag)
		}
	}
}

// With short pages every list of the sample site is paginated; random
// edits, moves in lists included, never leave a page stale.
func TestRecordedDependenciesHoldPaged(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "site.yaml", read(t, dir, "site.yaml")+"\npaginate: 2\n")
	s, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	st := render.NewState()
	verifiedRender(t, s, st, "first render")
	r := rand.New(rand.NewPCG(29, 31))
	for step := 1; step <= steps(40); step++ {
		var names []string
		for k := 1 + r.IntN(3); k > 0; k-- {
			e := edits[r.IntN(len(edits))]
			if e.name == "config" {
				continue // would drop the page size
			}
			names = append(names, e.name)
			for _, p := range e.do(t, r, dir) {
				s.Changed(p)
			}
		}
		verifiedRender(t, s, st, fmt.Sprintf("step %d (%v)", step, names))
	}
}
