package serve

import (
	"context"
	"io/fs"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/templates"
)

// pageFields reads every documented field of Page, and through them the
// lists, links and text of items, on every page.
const pageFields = `<div hidden>{{.Kind}} {{.Path}} {{.Title}} {{.Description}}
{{with .Article}}{{.Title}} {{.WordCount}} {{len .Text}} {{range .Events}}{{.Slug}}={{len .Articles}};{{end}}{{range .Actors}}{{.Name}} {{.Mentions}};{{end}}{{range .Quotes}}{{with .By}}{{.Name}}{{end}};{{end}}{{end}}
{{with .Event}}{{.Title}} {{range .Articles}}{{.WordCount}} {{len .Figures}};{{end}}{{range .Actors}}{{len .Events}};{{end}}{{with .Prev}}{{.Title}}{{end}}{{end}}
{{with .Actor}}{{.Name}} {{.Mentions}} {{range .Articles}}{{.Count}} {{.Article.Summary}};{{end}}{{range .Companions}}{{.Actor.Name}} {{.Count}};{{end}}{{end}}
{{len .Site.Articles}} {{len .Site.Events}} {{len .Site.Actors}} {{len .Site.Chronology}} {{.Site.Config.Title}}
{{range .Lists.LatestArticles}}{{.Title}} {{.WordCount}};{{end}}{{range .Lists.LatestEvents}}{{.Title}};{{end}}{{range .Lists.TopActors}}{{.Name}} {{.Mentions}};{{end}}
{{range .Lists.Years}}{{.Year}}{{range .Months}}{{.Name}} {{len .Entries}} {{.Hidden}}{{end}}{{end}} {{.Lists.Reports}} {{range .Lists.ActorGroups}}{{.Kind}} {{len .Actors}};{{end}}</div>
`

// customThemes are template overrides, file name → the change to the
// built-in file: the two cases of issue 12, and one that reads every
// field of Page from the layout.
var customThemes = map[string]map[string]func(string) string{
	"article counts": {"article.html": func(s string) string {
		return strings.Replace(s, `{{define "main"}}`, `{{define "main"}}{{range .Article.Events}}{{.Slug}}={{len .Articles}};{{end}}`, 1)
	}},
	"actor word counts": {"actor.html": func(s string) string {
		return strings.Replace(s, `{{define "main"}}`, `{{define "main"}}{{range .Actor.Articles}}{{.Article.WordCount}};{{end}}`, 1)
	}},
	"every page field": {"base.html": func(s string) string {
		return strings.Replace(s, "</footer>", "</footer>\n"+pageFields, 1)
	}},
}

// writeTheme writes the overrides of a custom theme into dir/templates.
func writeTheme(t testing.TB, dir string, theme map[string]func(string) string) {
	t.Helper()
	for name, change := range theme {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		changed := change(string(b))
		if changed == string(b) {
			t.Fatalf("%s: the override changes nothing", name)
		}
		write(t, dir, "templates/"+name, changed)
	}
}

// With templates that read more than the built-in ones, every rebuild
// still gives what a fresh build gives.
func TestRandomEditsCustomTemplates(t *testing.T) {
	for name, theme := range customThemes {
		t.Run(name, func(t *testing.T) {
			dir := copySite(t)
			writeTheme(t, dir, theme)
			srv, err := New(Options{Build: builder.Options{Source: dir}})
			if err != nil {
				t.Fatal(err)
			}
			if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
				t.Fatalf("initial build differs from brief build:\n%s", d)
			}
			r := rand.New(rand.NewPCG(3, 5))
			for step := 0; step < steps(25); step++ {
				var changed, names []string
				for k := 1 + r.IntN(3); k > 0; k-- {
					e := edits[r.IntN(len(edits))]
					names = append(names, e.name)
					changed = append(changed, e.do(t, r, dir)...)
				}
				info := srv.Rebuild(context.Background(), changed)
				if info.Errors > 0 {
					t.Fatalf("step %d (%v): rebuild failed: %v", step, names, srv.Snapshot().Errors)
				}
				if want := fresh(t, dir); sameSite(srv.Snapshot().Decoded(), want) != "" {
					t.Fatalf("step %d (%v): served site differs from a fresh build:\n%s%s", step, names, sameSite(srv.Snapshot().Decoded(), want), firstDiff(srv.Snapshot().Decoded(), want))
				}
			}
		})
	}
}

// discardOutput takes files and keeps nothing.
type discardOutput struct{}

func (*discardOutput) WriteFile(string, []byte) error { return nil }

// In verify mode the renderer also renders every page its recorded
// dependencies call unchanged, and reports those whose bytes changed
// after all: none may, with the built-in theme or a custom one.
func TestRecordedDependenciesHold(t *testing.T) {
	themes := map[string]map[string]func(string) string{"built-in": nil}
	for name, th := range customThemes {
		themes[name] = th
	}
	for name, theme := range themes {
		t.Run(name, func(t *testing.T) {
			dir := copySite(t)
			writeTheme(t, dir, theme)
			s, err := builder.NewSession(builder.Options{Source: dir})
			if err != nil {
				t.Fatal(err)
			}
			st := render.NewState()
			ctx := context.Background()
			skipped := 0
			renderAll := func(step int, names []string) {
				m, err := s.Model(ctx)
				if err != nil {
					t.Fatalf("step %d (%v): %v", step, names, err)
				}
				res, ds := render.Render(ctx, m.Site, m.Tmpl, &discardOutput{}, render.Options{Global: m.Global, State: st, Verify: true, Cache: true})
				if len(ds) > 0 {
					t.Fatalf("step %d (%v): %v", step, names, ds[0])
				}
				if len(res.Mismatched) > 0 {
					t.Fatalf("step %d (%v): %d files changed while their dependencies did not, first %s", step, names, len(res.Mismatched), res.Mismatched[0])
				}
				if step > 0 {
					skipped += res.Stats.Skipped
				}
				st.Commit(res)
				s.Commit(m, res)
			}
			renderAll(0, nil)
			r := rand.New(rand.NewPCG(13, 17))
			for step := 1; step <= steps(40); step++ {
				var names []string
				for k := 1 + r.IntN(3); k > 0; k-- {
					e := edits[r.IntN(len(edits))]
					names = append(names, e.name)
					for _, p := range e.do(t, r, dir) {
						s.Changed(p)
					}
				}
				renderAll(step, names)
			}
			// Edits of site.yaml render everything; the others must have
			// left pages to verify.
			if skipped == 0 {
				t.Fatal("no render skipped a file, so nothing was verified")
			}
		})
	}
}
