package builder

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
)

// loadedSite reads the site in dir with a session's listing.
func loadedSite(t *testing.T, dir string) (*Loaded, []diag.Diagnostic) {
	t.Helper()
	s, err := NewSession(Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.Loaded(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return in, in.Diagnostics
}

// TestLoadedSite lists and reads a site as every command does: content
// files by kind, files with errors still returned, others listed as not
// content, hidden and backup files skipped.
func TestLoadedSite(t *testing.T) {
	files := map[string]string{
		"site.yaml":                         "title: Test\n",
		"content/articles/b.md":             "---\ntitle: B\ndate: 2022-01-02\n---\n",
		"content/articles/2022/a.txt":       "Title: A\nDate: 2022-01-01\n\nText\n",
		"content/articles/notes.pdf":        "%PDF",
		"content/events/e.md":               "---\ntitle: E\ndate: 2022\n---\n",
		"content/actors/x.md":               "---\nname: X\n---\n",
		"content/actors/broken.md":          "---\nname: [\n---\n",
		"content/.git/config":               "x",
		"content/articles/.DS_Store":        "x",
		"content/articles/b.md~":            "x",
		"content/events/2022-bad-date.md":   "---\ntitle: E\ndate: 2022-02-30\n---\n",
		"content/articles/zz/empty-file.md": "",
	}
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in, ds := loadedSite(t, dir)
	if in.Config.Title != "Test" {
		t.Errorf("config title %q", in.Config.Title)
	}
	if len(in.Articles) != 2 || in.Articles[0].File != "content/articles/2022/a.txt" || in.Articles[1].Slug != "b" {
		t.Errorf("articles = %v", in.Articles)
	}
	// Files with errors are still returned, so later stages can report more.
	if len(in.Events) != 2 || len(in.Actors) != 1 {
		t.Errorf("events %d actors %d", len(in.Events), len(in.Actors))
	}
	if !reflect.DeepEqual(in.Ignored, []string{"content/articles/notes.pdf"}) {
		t.Errorf("ignored = %v", in.Ignored)
	}
	var named []string
	for _, d := range ds {
		named = append(named, d.File)
	}
	want := []string{"content/actors/broken.md", "content/articles/zz/empty-file.md", "content/events/2022-bad-date.md"}
	if !reflect.DeepEqual(named, want) {
		t.Errorf("diagnostics in %v, want %v: %v", named, want, ds)
	}
}

// secretSite writes a site whose content/ links to a file and a folder
// outside it, and to a file inside it, and returns the site folder and
// the secret.
func secretSite(t *testing.T) (string, string) {
	t.Helper()
	root := t.TempDir()
	secret := "TOP-SECRET-" + filepath.Base(root)
	outside := filepath.Join(root, "outside")
	site := filepath.Join(root, "site")
	for p, data := range map[string]string{
		"outside/passwd.txt":                       secret + "\n\n" + secret + " body\n",
		"outside/dir/2022-02-09-y.md":              "---\ntitle: " + secret + "\ndate: 2022-02-09\n---\n" + secret + "\n",
		"site/shared/2022-02-10-z.txt":             "Shared headline\n\nShared text.\n",
		"site/content/articles/2022-02-08-own.txt": "Own headline\n\nOwn text.\n",
	} {
		p = filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, target := range map[string]string{
		"content/articles/2022-02-09-x.txt":   filepath.Join(outside, "passwd.txt"),
		"content/articles/2022-02-09-rel.txt": "../../../outside/passwd.txt",
		"content/articles/sub":                filepath.Join(outside, "dir"),
		"content/articles/2022-02-10-z.txt":   "../../shared/2022-02-10-z.txt",
	} {
		if err := os.Symlink(target, filepath.Join(site, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	return site, secret
}

// TestSiteSkipsLinksOutside is issue 11, case 1, for the listing of
// the listing every command reads (see listing): a file linked from
// outside the site is not read, and is reported at its path. Before the
// fix the linked file was read as an article.
func TestSiteSkipsLinksOutside(t *testing.T) {
	site, secret := secretSite(t)
	in, ds := loadedSite(t, site)
	var titles []string
	for _, a := range in.Articles {
		titles = append(titles, a.Title)
		if strings.Contains(a.Title+a.Body, secret) {
			t.Errorf("%s read from outside the site", a.File)
		}
	}
	if strings.Join(titles, "|") != "Own headline|Shared headline" {
		t.Errorf("articles %q, want the site's own and the one linked from inside it", titles)
	}
	warned := map[string]bool{}
	for _, d := range ds {
		if d.Severity == diag.Error {
			t.Errorf("error: %s", d)
		}
		if strings.HasPrefix(d.Msg, "not read: ") {
			warned[d.File] = true
		}
	}
	for _, p := range []string{"content/articles/2022-02-09-x.txt", "content/articles/2022-02-09-rel.txt"} {
		if !warned[p] {
			t.Errorf("no warning at %s; got %v", p, ds)
		}
	}
}

// TestSiteRefusesLinkedContentAndConfig links content/ itself and
// site.yaml outside the site: neither is read; site.yaml is an error,
// since a build with the default configuration would publish the site
// under the wrong name and address.
func TestSiteRefusesLinkedContentAndConfig(t *testing.T) {
	root := t.TempDir()
	outside, site := filepath.Join(root, "outside"), filepath.Join(root, "site")
	if err := os.MkdirAll(filepath.Join(outside, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "articles", "2022-02-09-x.txt"), []byte("Secret\n\ntext\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(outside, "site.yaml"), []byte("title: Secret title\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "site.yaml"), filepath.Join(site, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	in, ds := loadedSite(t, site)
	if len(in.Articles) != 0 || in.Config.Title == "Secret title" {
		t.Fatalf("read through links outside the site: %d articles, title %q", len(in.Articles), in.Config.Title)
	}
	got := map[string]diag.Severity{}
	for _, d := range ds {
		got[d.File] = d.Severity
	}
	if sev, ok := got["content"]; !ok || sev != diag.Warning {
		t.Errorf("content: want a warning, got %v", ds)
	}
	if sev, ok := got[load.ConfigFile]; !ok || sev != diag.Error {
		t.Errorf("site.yaml: want an error, got %v", ds)
	}
}
