package load

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/builder/diag"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

// TestReadable decides on every kind of entry a site folder can hold:
// only regular files, and links that stay inside the site, are read.
func TestReadable(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md":           {Data: []byte("x")},
		"content/articles/in.md":          link("a.md"),
		"content/articles/up.md":          link("../../shared/b.md"),
		"shared/b.md":                     {Data: []byte("x")},
		"content/articles/chain.md":       link("in.md"),
		"content/articles/out.txt":        link("../../../etc/passwd"),
		"content/articles/deep-out.txt":   link("../../shared/../../etc/passwd"),
		"content/articles/abs.txt":        link("/etc/passwd"),
		"content/articles/broken.md":      link("nothing.md"),
		"content/articles/loop1.md":       link("loop2.md"),
		"content/articles/loop2.md":       link("loop1.md"),
		"content/articles/folder.md":      link("../../shared"),
		"content/articles/via-out.md":     link("../../outdir/x.md"),
		"outdir":                          link("../elsewhere"),
		"content/articles/via-in.md":      link("../../indir/b.md"),
		"indir":                           link("shared"),
		"content/articles/pipe.md":        {Mode: fs.ModeNamedPipe},
		"content/articles/linkpipe.md":    link("pipe.md"),
		"content/articles/dotdot-root.md": link("../../../site-sibling.md"),
	}
	tests := []struct {
		path   string
		folder bool
		ok     bool
		msg    string // part of the warning's message
	}{
		{path: "content/articles/a.md", ok: true},
		{path: "content/articles/in.md", ok: true},
		{path: "content/articles/up.md", ok: true},
		{path: "content/articles/chain.md", ok: true},
		{path: "content/articles/via-in.md", ok: true},
		{path: "content/articles/out.txt", msg: "outside the site folder"},
		{path: "content/articles/deep-out.txt", msg: "outside the site folder"},
		{path: "content/articles/dotdot-root.md", msg: "outside the site folder"},
		{path: "content/articles/abs.txt", msg: "an absolute path"},
		{path: "content/articles/via-out.md", msg: "outside the site folder"},
		{path: "content/articles/broken.md", msg: "does not exist"},
		{path: "content/articles/loop1.md", msg: "loop"},
		{path: "content/articles/folder.md", msg: "folder"},
		{path: "content/articles/pipe.md", msg: "not a regular file"},
		{path: "content/articles/linkpipe.md", msg: "not a regular file"},
		{path: "shared", folder: true, ok: true},
		{path: "indir", folder: true, ok: true},
		{path: "outdir", folder: true, msg: "outside the site folder"},
		{path: "content/articles/a.md", folder: true, msg: "where a folder is wanted"},
	}
	for _, tc := range tests {
		fi, err := fsys.Lstat(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		d := Readable(fsys, tc.path, fi.Mode().Type(), tc.folder)
		switch {
		case tc.ok && d != nil:
			t.Errorf("%s: refused: %s", tc.path, d)
		case !tc.ok && d == nil:
			t.Errorf("%s: read, want refused (%s)", tc.path, tc.msg)
		case !tc.ok:
			if d.File != tc.path || d.Severity != diag.Warning || !strings.HasPrefix(d.Msg, "not read: ") || !strings.Contains(d.Msg, tc.msg) {
				t.Errorf("%s: got %s, want a warning at the path with %q", tc.path, d, tc.msg)
			}
		}
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
// load.Site (brief import reads the site with it): a file linked from
// outside the site is not read, and is reported at its path. Before the
// fix the linked file was read as an article.
func TestSiteSkipsLinksOutside(t *testing.T) {
	site, secret := secretSite(t)
	in, ds := Site(context.Background(), os.DirFS(site))
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
	in, ds := Site(context.Background(), os.DirFS(site))
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
	if sev, ok := got[ConfigFile]; !ok || sev != diag.Error {
		t.Errorf("site.yaml: want an error, got %v", ds)
	}
}
