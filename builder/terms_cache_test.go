package builder

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// TestTermsAfterEdits rebuilds a site after edits that keep the tags
// (text), change them, change a publisher and add an article, and checks
// each time that the session's tags and publishers are those grouped
// afresh from the site's articles: the same names, slugs and article
// objects, no stale version of an edited article.
func TestTermsAfterEdits(t *testing.T) {
	dir := t.TempDir()
	art := func(i int, tags, source, text string) string {
		return fmt.Sprintf("---\ntitle: Report %d\ndate: 2022-02-%02d\nsource: %s\ntags: [%s]\n---\n\n%s\n", i, 1+i%27, source, tags, text)
	}
	files := map[string]string{}
	for i := range 6 {
		files[fmt.Sprintf("content/articles/a%d.md", i)] = art(i, "Sanctions, energy", "Wire", "Text of the report.")
	}
	writeSiteFiles(t, dir, files)
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	check := func(step string) {
		t.Helper()
		m, err := s.Model(context.Background())
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		tags := model.Terms(m.Site.Articles, model.ArticleTags, load.Slugify, "tag")
		pubs := model.Terms(m.Site.Articles, model.ArticlePublisher, load.Slugify, "publisher")
		if !reflect.DeepEqual(m.Site.Tags, tags) || !reflect.DeepEqual(m.Site.Publishers, pubs) {
			t.Fatalf("%s: terms differ from a fresh grouping", step)
		}
		for _, ts := range [][]*model.Term{m.Site.Tags, m.Site.Publishers} {
			for _, term := range ts {
				for _, a := range term.Articles {
					if !containsPtr(m.Site.Articles, a) {
						t.Fatalf("%s: %s %q lists an article the site no longer has (%s)", step, term.Slug, term.Name, a.Title)
					}
				}
			}
		}
	}
	check("first build")
	edit := func(name, body string) {
		writeSiteFiles(t, dir, map[string]string{name: body})
		s.Changed(name)
	}
	edit("content/articles/a2.md", art(2, "Sanctions, energy", "Wire", "Reworded text."))
	check("text edit")
	edit("content/articles/a3.md", art(3, "Sanctions, energy", "Wire", "Reworded again."))
	edit("content/articles/a4.md", art(4, "Sanctions, energy", "Wire", "And again."))
	check("two text edits")
	edit("content/articles/a2.md", art(2, "energy, grain", "Wire", "Reworded text."))
	check("tags changed")
	edit("content/articles/a5.md", art(5, "Sanctions, energy", "Other Wire", "Text of the report."))
	check("publisher changed")
	edit("content/articles/a9.md", art(9, "grain", "Wire", "A new report."))
	check("article added")
}

func containsPtr(as []*model.Article, a *model.Article) bool {
	for _, x := range as {
		if x == a {
			return true
		}
	}
	return false
}

func writeSiteFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
