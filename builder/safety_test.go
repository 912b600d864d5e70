package builder

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/archive"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/write"
)

// safeSite is a small valid site.
var safeSite = map[string]string{
	"site.yaml":                           "title: Safety\n",
	"content/actors/olaf-scholz.md":       "---\nname: Olaf Scholz\n---\nChancellor.\n",
	"content/articles/2022-02-08-own.txt": "Scholz flies in\n\nOlaf Scholz flew in.\n",
	"content/events/summit.md":            "---\ntitle: Summit\ndate: 2022-02-08\n---\nTalks.\n",
	"shared/2022-02-10-inside.txt":        "Inside headline\n\nLinked from inside the site.\n",
	"templates/.keep":                     "",
}

func writeSafeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func symlink(t *testing.T, target, name string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, name); err != nil {
		t.Fatal(err)
	}
}

// leakSite writes safeSite into root/site and, outside it in
// root/outside, files holding a secret; it returns the site folder, the
// outside folder and the secret.
func leakSite(t *testing.T) (site, outside, secret string) {
	t.Helper()
	root := t.TempDir()
	site, outside = filepath.Join(root, "site"), filepath.Join(root, "outside")
	secret = "SECRET-" + filepath.Base(root)
	writeSafeSite(t, site, safeSite)
	writeSafeSite(t, outside, map[string]string{
		"passwd":                    secret + "\n\n" + secret + " body text.\n",
		"dir/2022-02-09-y.md":       "---\ntitle: " + secret + "\ndate: 2022-02-09\n---\n" + secret + "\n",
		"base.html":                 `{{define "base"}}` + secret + `{{end}}`,
		"articles/2022-02-09-z.txt": secret + "\n\n" + secret + "\n",
	})
	return site, outside, secret
}

// grepTree fails the test for every file under dir holding secret.
func grepTree(t *testing.T, dir, secret string) {
	t.Helper()
	for name, b := range readTree(t, dir) {
		if bytes.Contains(b, []byte(secret)) {
			t.Errorf("%s publishes the file from outside the site", name)
		}
	}
}

// warnedAt returns the "not read" warnings by file.
func warnedAt(ds []diag.Diagnostic) map[string]string {
	out := map[string]string{}
	for _, d := range ds {
		if d.Severity == diag.Warning && strings.HasPrefix(d.Msg, "not read: ") {
			out[d.File] = d.Msg
		}
	}
	return out
}

// TestBuildSkipsLinksOutside is issue 11, case 1: a file symlink under
// content/ to a file outside the site (/etc/passwd) was published as an
// article, in its page, the search index, the feeds and the data
// export. It is now not read, and reported at its path; a link to a file
// inside the site is followed.
func TestBuildSkipsLinksOutside(t *testing.T) {
	site, outside, secret := leakSite(t)
	arts := filepath.Join(site, "content", "articles")
	symlink(t, filepath.Join(outside, "passwd"), filepath.Join(arts, "2022-02-09-x.txt"))
	symlink(t, "../../../outside/passwd", filepath.Join(arts, "2022-02-09-rel.txt"))
	symlink(t, filepath.Join(outside, "dir"), filepath.Join(arts, "sub"))
	symlink(t, "../../shared/2022-02-10-inside.txt", filepath.Join(arts, "2022-02-10-inside.txt"))
	symlink(t, filepath.Join(outside, "base.html"), filepath.Join(site, "templates", "base.html"))

	dest := filepath.Join(t.TempDir(), "out")
	res, err := Build(context.Background(), Options{Source: site, Dest: dest})
	if err != nil {
		t.Fatal(err)
	}
	grepTree(t, dest, secret)
	if _, err := os.Stat(filepath.Join(dest, "articles", "2022-02-10-inside", "index.html")); err != nil {
		t.Errorf("the article linked from inside the site is not published: %v", err)
	}
	w := warnedAt(res.Warnings)
	for _, p := range []string{"content/articles/2022-02-09-x.txt", "content/articles/2022-02-09-rel.txt", "templates/base.html"} {
		if !strings.Contains(w[p], "outside the site folder") && !strings.Contains(w[p], "absolute") {
			t.Errorf("%s: warning %q, want one saying the link leads outside the site", p, w[p])
		}
	}

	// brief check reads the same way.
	res, err = Build(context.Background(), Options{Source: site, CheckOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range res.Site.Articles {
		if strings.Contains(a.Title, secret) {
			t.Errorf("check read %s from outside the site", a.File)
		}
	}
	if len(warnedAt(res.Warnings)) != len(w) {
		t.Errorf("check warns %v, build %v", warnedAt(res.Warnings), w)
	}
}

// TestSessionSkipsLinksOutside is case 1 for the preview server, whose
// session keeps its own listing and updates it from the paths the
// watcher reports: links made while it runs are judged as at the start,
// and a link to a folder outside is never walked into.
func TestSessionSkipsLinksOutside(t *testing.T) {
	site, outside, secret := leakSite(t)
	s, err := NewSession(Options{Source: site})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Model(context.Background()); err != nil {
		t.Fatal(err)
	}
	arts := filepath.Join(site, "content", "articles")
	symlink(t, filepath.Join(outside, "passwd"), filepath.Join(arts, "2022-02-09-x.txt"))
	symlink(t, filepath.Join(outside, "dir"), filepath.Join(arts, "sub"))
	// What the watcher reports: the new entries, and (a poll that
	// looked through the link) a file below the linked folder.
	for _, p := range []string{"content/articles/2022-02-09-x.txt", "content/articles/sub", "content/articles/sub/2022-02-09-y.md"} {
		s.Changed(p)
	}
	m, err := s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range m.Site.Articles {
		if strings.Contains(a.Title+strings.Join(a.Text(), " "), secret) || strings.Contains(a.File, "sub/") {
			t.Errorf("the session read %s from outside the site", a.File)
		}
	}
	if w := warnedAt(m.Warnings); !strings.Contains(w["content/articles/2022-02-09-x.txt"], "outside the site") {
		t.Errorf("no warning for the new link: %v", w)
	}
	// Reported again on the next build, though nothing changed.
	m, err = s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := warnedAt(m.Warnings)["content/articles/2022-02-09-x.txt"]; !ok {
		t.Errorf("the warning is gone on the next build: %v", m.Warnings)
	}

	// content/ itself replaced by a link outside.
	if err := os.RemoveAll(filepath.Join(site, "content")); err != nil {
		t.Fatal(err)
	}
	symlink(t, outside, filepath.Join(site, "content"))
	s.Changed("content")
	m, err = s.Model(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(m.Site.Articles); n != 0 {
		t.Errorf("read %d articles through content/ linked outside the site", n)
	}
	if _, ok := warnedAt(m.Warnings)["content"]; !ok {
		t.Errorf("no warning for content/: %v", m.Warnings)
	}
}

// TestLinkedConfigRefused: site.yaml linked from outside the site is not
// read, and is an error (a build with the default title and address
// would be wrong everywhere).
func TestLinkedConfigRefused(t *testing.T) {
	site, outside, _ := leakSite(t)
	writeSafeSite(t, outside, map[string]string{"site.yaml": "title: Outside\n"})
	if err := os.Remove(filepath.Join(site, "site.yaml")); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join(outside, "site.yaml"), filepath.Join(site, "site.yaml"))
	_, err := Build(context.Background(), Options{Source: site, CheckOnly: true})
	var ds diag.Errors
	if !errors.As(err, &ds) || len(ds) != 1 || ds[0].File != "site.yaml" || !strings.Contains(ds[0].Msg, "not read") {
		t.Fatalf("got %v, want one error at site.yaml", err)
	}
}

// TestDestThroughLinkedParent is issue 11, case 2: "-s proj/site -d
// alias/proj" with alias a link to "." passed the textual check that the
// output does not contain the source, replaced proj/ and deleted
// proj/site/content. Both paths are now resolved first.
func TestDestThroughLinkedParent(t *testing.T) {
	root := t.TempDir()
	proj := filepath.Join(root, "proj")
	writeSafeSite(t, filepath.Join(proj, "site"), safeSite)
	writeSafeSite(t, proj, map[string]string{"index.html": "<p>a project page</p>"})
	symlink(t, ".", filepath.Join(root, "alias"))
	before := readTree(t, proj)

	for _, dest := range []string{
		filepath.Join(root, "alias", "proj"),
		filepath.Join(root, "alias", "proj", "site"),
		filepath.Join(root, "alias", "alias", "proj", "site", "content", "out"),
	} {
		_, err := Build(context.Background(), Options{Source: filepath.Join(proj, "site"), Dest: dest, Force: true})
		var refused *write.RefusedError
		if !errors.As(err, &refused) {
			t.Fatalf("-d %s: got %v, want a refusal", dest, err)
		}
		if !strings.Contains(err.Error(), dest) || !strings.Contains(err.Error(), proj) {
			t.Errorf("message does not name both paths: %s", err)
		}
	}
	after := readTree(t, proj)
	if len(after) != len(before) {
		t.Fatalf("files changed: %d before, %d after", len(before), len(after))
	}
	for name, b := range before {
		if !bytes.Equal(after[name], b) {
			t.Errorf("%s changed", name)
		}
	}
	if left, _ := os.ReadDir(root); len(left) != 2 {
		t.Errorf("refused builds left %v", left)
	}
}

// TestKilledBuildLeftoversRemoved is issue 11, case 4, through Build: a
// killed build's staging folder (stamped, held by no one) beside the
// output is removed by the next build; a folder of that name without
// the stamp is not brief's and stays.
func TestKilledBuildLeftoversRemoved(t *testing.T) {
	site, _, _ := leakSite(t)
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if _, err := Build(context.Background(), Options{Source: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	writeSafeSite(t, parent, map[string]string{
		".public.brief-new-1a2b/" + write.StampFile:    write.Stamp,
		".public.brief-new-1a2b/articles/x/index.html": "half-written",
		".public.brief-old-1a2b/" + write.StampFile:    write.Stamp,
		".public.brief-new-9z/index.html":              "no stamp: not brief's",
	})
	if _, err := Build(context.Background(), Options{Source: site, Dest: dest}); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	if strings.Join(left, " ") != ".public.brief-new-9z public" {
		t.Errorf("beside the output: %v", left)
	}
}

// TestArchiveListsStamp: the stamp every output carries is listed in an
// archive's SHA256SUMS, so brief verify finds nothing extra in a fresh
// archive.
func TestArchiveListsStamp(t *testing.T) {
	site, _, _ := leakSite(t)
	dest := filepath.Join(t.TempDir(), "archive")
	if _, err := Build(context.Background(), Options{Source: site, Dest: dest, Archive: true}); err != nil {
		t.Fatal(err)
	}
	sums, err := os.ReadFile(filepath.Join(dest, archive.SumsFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(sums, []byte("  "+write.StampFile+"\n")) {
		t.Errorf("%s does not list %s", archive.SumsFile, write.StampFile)
	}
	rep, err := archive.Verify(dest)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed() {
		t.Errorf("verify of a fresh archive: %+v", rep)
	}
}
