// Package hugo converts a generated brief site (see bench/corpus) into an
// equivalent Hugo site, for the side-by-side benchmark in bench/compare.
// The Hugo templates it installs live in layouts/ next to this file and
// are kept comparable in weight to brief's default theme.
//
// Choices, so that the comparison is fair:
//   - Articles keep their folders and bodies; .txt articles become .md
//     with the same paragraphs brief keeps (brief's own cleaner drops the
//     same boilerplate), so both tools render the same text.
//   - The actors an article names are found with brief's own matcher
//     (extract.NewMatcher and Find over title and body) and written to
//     the "actors" taxonomy; the first mention of each actor in the body
//     becomes a Markdown link to its page, as brief links it. Both tools
//     thus render the same article → actor links.
//   - Cross-links brief computes in its resolve stage (prev/next event,
//     related events, an actor's events and companions) are precomputed
//     here with brief's resolve.Site and written to front matter, so Hugo
//     only looks them up. This makes Hugo's job slightly lighter than
//     brief's, never heavier.
//   - The lists brief cuts into pages that grow with the site, the events
//     index and an actor's coverage, are paged 50 at a time with Hugo's
//     paginator, as brief pages them, so that neither tool writes one
//     page listing most of the site.
//   - Hugo writes RSS (limit 50, brief's feed size) for home, sections,
//     taxonomies and terms, sitemap.xml, robots.txt and a JSON search
//     index for the home page; brief writes Atom feeds, sitemap, robots,
//     a search index, a calendar and a JSON data export. brief's data
//     export and calendar have no Hugo counterpart here.
package hugo

import (
	"context"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/resolve"
	"github.com/briefhq/brief/static"
)

// Layouts are the Hugo templates, under "layouts/". They use the layout
// folder structure that Hugo before and after v0.146 both read
// (_default/, partials/), so Debian's older hugo works too.
//
//go:embed all:layouts
var Layouts embed.FS

// Stats describes a conversion.
type Stats struct {
	Articles, Events, Actors int
	Mentions                 int // article → actor links written
}

// Config is hugo.toml. baseURL is the root; the server overrides it.
const Config = `baseURL = "http://127.0.0.1/"
title = "Synthetic briefing"
enableRobotsTXT = true
# No Git, no emoji, no word counting beyond Hugo's defaults.
enableGitInfo = false

[params]
description = "A generated corpus for benchmarks."

[taxonomies]
event = "events"
actor = "actors"

[permalinks]
articles = "/articles/:slug/"

# brief's feeds hold the latest 50 entries.
[services.rss]
limit = 50

# brief pages the events index and an actor's coverage 50 at a time.
[pagination]
pagerSize = 50

[outputs]
home = ["html", "rss", "json"]
section = ["html", "rss"]
taxonomy = ["html", "rss"]
term = ["html", "rss"]

[markup.goldmark.renderer]
unsafe = false
`

// Convert writes the Hugo equivalent of the brief site in src to dst,
// which must not exist or be empty.
func Convert(src, dst string) (Stats, error) {
	var st Stats
	sess, err := builder.NewSession(builder.Options{Source: src})
	if err != nil {
		return st, err
	}
	in, err := sess.Loaded(context.Background())
	if err != nil {
		return st, err
	}
	for _, d := range in.Diagnostics {
		if d.Severity == diag.Error {
			return st, fmt.Errorf("loading %s: %v", src, d)
		}
	}
	m, mds := extract.NewMatcher(in.Actors)
	if len(mds) > 0 {
		return st, fmt.Errorf("actor names: %v", mds[0])
	}
	bp, err := extract.NewBoilerplate(in.Config.Boilerplate)
	if err != nil {
		return st, err
	}

	// Bodies as Markdown, and the mentions in title and body, counted in
	// order of first occurrence as brief counts them.
	bodies := make(map[string]string, len(in.Articles)) // by file: resolve links copies
	for _, a := range in.Articles {
		body := a.Body
		if a.Format == "txt" {
			c := extract.CleanText(a.Body, a.BodyLine, bp, m)
			var paras []string
			for _, b := range c.Blocks {
				if b.Heading {
					paras = append(paras, "## "+b.Text)
				} else {
					paras = append(paras, b.Text)
				}
			}
			body = strings.Join(paras, "\n\n") + "\n"
		}
		counts := map[string]int{}
		var order []string
		count := func(ms []extract.Match) {
			for _, x := range ms {
				if counts[x.Name.Actor] == 0 {
					order = append(order, x.Name.Actor)
				}
				counts[x.Name.Actor]++
			}
		}
		count(m.Find(a.Title))
		ms := m.Find(body)
		count(ms)
		a.Mentions = a.Mentions[:0]
		for _, s := range order {
			a.Mentions = append(a.Mentions, model.Mention{Actor: s, Count: counts[s]})
		}
		bodies[a.File] = linkFirst(body, ms)
	}
	site, rds := resolve.Site(in.Config, in.Articles, in.Events, in.Actors)
	for _, d := range rds {
		if d.Severity == diag.Error {
			return st, fmt.Errorf("resolving: %v", d)
		}
	}

	if err := os.MkdirAll(dst, 0o755); err != nil {
		return st, err
	}
	if err := InstallTheme(dst); err != nil {
		return st, err
	}
	write := func(rel, text string) error {
		p := filepath.Join(dst, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		return os.WriteFile(p, []byte(text), 0o644)
	}

	for _, a := range site.Articles {
		var b strings.Builder
		b.WriteString("---\n")
		kv(&b, "title", a.Title)
		fmt.Fprintf(&b, "date: %s\n", a.Date.Start.Format("2006-01-02"))
		if !a.Updated.IsZero() {
			fmt.Fprintf(&b, "lastmod: %s\n", a.Updated.Start.Format("2006-01-02"))
		}
		kv(&b, "slug", a.Slug)
		if a.Publisher != "" {
			kv(&b, "source", a.Publisher)
		}
		if a.SourceURL != "" {
			kv(&b, "url_original", a.SourceURL)
		}
		list(&b, "authors", a.Authors)
		list(&b, "tags", a.Tags)
		var evs, acts []string
		for _, e := range a.Events {
			evs = append(evs, e.Slug)
		}
		for _, x := range a.Actors {
			acts = append(acts, x.Slug)
		}
		st.Mentions += len(acts)
		list(&b, "events", evs)
		list(&b, "actors", acts)
		b.WriteString("---\n\n")
		b.WriteString(bodies[a.File])
		rel := strings.TrimPrefix(a.File, "content/")
		rel = strings.TrimSuffix(rel, path.Ext(rel)) + ".md"
		if err := write("content/"+rel, b.String()); err != nil {
			return st, err
		}
		st.Articles++
	}

	for _, e := range site.Events {
		var b strings.Builder
		b.WriteString("---\n")
		kv(&b, "title", e.Title)
		fmt.Fprintf(&b, "date: %s\n", e.Date.Start.Format("2006-01-02"))
		if e.Summary != "" {
			kv(&b, "summary", e.Summary)
		}
		if e.PlaceActor != nil {
			kv(&b, "place", e.PlaceActor.Name)
			kv(&b, "placeSlug", e.PlaceActor.Slug)
		} else if e.Place != "" {
			kv(&b, "place", e.Place)
		}
		list(&b, "participants", slugsOf(e.Actors))
		var rel []string
		for _, r := range e.Related {
			rel = append(rel, r.Slug)
		}
		list(&b, "related", rel)
		list(&b, "tags", e.Tags)
		if e.Prev != nil {
			kv(&b, "prev", e.Prev.Slug)
		}
		if e.Next != nil {
			kv(&b, "next", e.Next.Slug)
		}
		b.WriteString("---\n\n")
		b.WriteString(e.Body)
		if err := write("content/events/"+e.Slug+"/_index.md", b.String()); err != nil {
			return st, err
		}
		st.Events++
	}

	for _, x := range site.Actors {
		var b strings.Builder
		b.WriteString("---\n")
		kv(&b, "title", x.Name)
		kv(&b, "kind", x.Kind)
		if x.Role != "" {
			kv(&b, "role", x.Role)
		}
		if x.Summary != "" {
			kv(&b, "summary", x.Summary)
		}
		list(&b, "othernames", x.Aliases) // "aliases" is Hugo's redirect key
		list(&b, "misspellings", x.Misspellings)
		if x.Country != nil {
			kv(&b, "country", x.Country.Slug)
		}
		var evs []string
		for _, e := range x.Events {
			evs = append(evs, e.Slug)
		}
		list(&b, "participates", evs)
		fmt.Fprintf(&b, "mentions: %d\n", x.Mentions)
		if len(x.Companions) > 0 {
			b.WriteString("companions:\n")
			for _, c := range x.Companions {
				fmt.Fprintf(&b, "  - {slug: %s, count: %d}\n", q(c.Actor.Slug), c.Count)
			}
		}
		b.WriteString("---\n\n")
		b.WriteString(x.Body)
		if err := write("content/actors/"+x.Slug+"/_index.md", b.String()); err != nil {
			return st, err
		}
		st.Actors++
	}

	// The pages brief has that are not items: chronology and search.
	if err := write("content/chronology/_index.md", "---\ntitle: Chronology\n---\n"); err != nil {
		return st, err
	}
	if err := write("content/search/_index.md", "---\ntitle: Search\n---\n"); err != nil {
		return st, err
	}
	return st, nil
}

// InstallTheme writes hugo.toml, the layouts and brief's own static
// assets (style sheet, icon, search script) into the Hugo site dst, so
// that both tools copy the same files.
func InstallTheme(dst string) error {
	if err := os.WriteFile(filepath.Join(dst, "hugo.toml"), []byte(Config), 0o644); err != nil {
		return err
	}
	if err := os.RemoveAll(filepath.Join(dst, "layouts")); err != nil {
		return err
	}
	err := fs.WalkDir(Layouts, "layouts", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := Layouts.ReadFile(p)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
	if err != nil {
		return err
	}
	return fs.WalkDir(static.FS, static.Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, ".go") {
			return err
		}
		data, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		rel := p
		if static.Root != "." {
			rel = strings.TrimPrefix(strings.TrimPrefix(p, static.Root), "/")
		}
		out := filepath.Join(dst, "static", filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}

// linkFirst turns the first mention of each actor in body into a
// Markdown link to the actor's page, as brief links it.
func linkFirst(body string, ms []extract.Match) string {
	var b strings.Builder
	b.Grow(len(body) + 40*8)
	seen := map[string]bool{}
	last := 0
	for _, x := range ms {
		if seen[x.Name.Actor] {
			continue
		}
		seen[x.Name.Actor] = true
		b.WriteString(body[last:x.Start])
		fmt.Fprintf(&b, "[%s](/actors/%s/)", body[x.Start:x.End], x.Name.Actor)
		last = x.End
	}
	b.WriteString(body[last:])
	return b.String()
}

func slugsOf(as []*model.Actor) []string {
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, a.Slug)
	}
	return out
}

// q quotes s for YAML: a JSON string is a YAML double-quoted scalar.
func q(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func kv(b *strings.Builder, k, v string) { fmt.Fprintf(b, "%s: %s\n", k, q(v)) }

func list(b *strings.Builder, k string, vs []string) {
	if len(vs) == 0 {
		return
	}
	qs := make([]string, len(vs))
	for i, v := range vs {
		qs[i] = q(v)
	}
	fmt.Fprintf(b, "%s: [%s]\n", k, strings.Join(qs, ", "))
}
