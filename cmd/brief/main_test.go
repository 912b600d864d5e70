package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// goodSite is a small valid site: one file of each kind and format.
var goodSite = map[string]string{
	"site.yaml": "title: Test Briefing\n",
	"content/actors/olaf-scholz.md": `---
name: Olaf Scholz
aliases: [Scholz]
country: germany
---
Chancellor.
`,
	"content/actors/germany.md": `---
name: Germany
kind: country
---
`,
	"content/events/summit-talks.md": `---
title: Summit talks
date: 2022-02-07
actors: [olaf-scholz]
related: [trade-round]
---
Talks.
`,
	"content/events/trade-round.md": `---
title: Trade round
date: 2022-01
---
`,
	"content/articles/a.md": `---
title: Scholz goes to the summit
date: 2022-02-07
events: [summit-talks]
actors: [olaf-scholz]
---
Olaf Scholz flew in.
`,
	"content/articles/2022-02-08-pasted.txt": `Scholz returns

He said little.
`,
}

func writeSite(t *testing.T, dir string, files map[string]string) {
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

// snapshot reads every file and folder under root.
func snapshot(t *testing.T, root string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = ""
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func brief(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// goodBuild writes goodSite to a new folder, builds it into a new DEST and
// returns both.
func goodBuild(t *testing.T) (src, dest string) {
	t.Helper()
	root := t.TempDir()
	src, dest = filepath.Join(root, "site"), filepath.Join(root, "dest")
	writeSite(t, src, goodSite)
	if code, _, errOut := brief(t, "build", "-s", src, "-d", dest); code != 0 {
		t.Fatalf("good site: exit %d\n%s", code, errOut)
	}
	return src, dest
}

func TestGoodSiteBuilds(t *testing.T) {
	_, dest := goodBuild(t)
	for _, f := range []string{"index.html", "articles/a/index.html", "articles/2022-02-08-pasted/index.html", "events/summit-talks/index.html", "actors/olaf-scholz/index.html", "data/events.json"} {
		if _, err := os.Stat(filepath.Join(dest, f)); err != nil {
			t.Error(err)
		}
	}
}

// TestBadInput breaks a good site in one way at a time and checks that the
// build fails with status 1, says where and what, and leaves the previous
// output exactly as it was.
func TestBadInput(t *testing.T) {
	tests := []struct {
		name   string
		write  map[string]string // files to add or replace
		remove []string
		want   []string // each must appear in stderr
	}{
		{
			name:  "YAML syntax error",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\ntags: [x, y\n---\nText\n"},
			want:  []string{"content/articles/a.md:4: YAML front matter: did not find expected ',' or ']'"},
		},
		{
			name:  "YAML bad indentation",
			write: map[string]string{"content/events/summit-talks.md": "---\ntitle: Summit talks\ndate: 2022-02-07\n  actors: x\n---\n"},
			want:  []string{"content/events/summit-talks.md:4: YAML front matter: mapping values are not allowed"},
		},
		{
			name:  "TOML syntax error",
			write: map[string]string{"content/articles/a.md": "+++\ntitle = \"A\"\ndate = 2022-02-07\nevents = [\"summit-talks\"\n+++\n"},
			want:  []string{"content/articles/a.md:", "TOML front matter"},
		},
		{
			name:  "TOML bad value on line 3",
			write: map[string]string{"content/articles/a.md": "+++\ntitle = \"A\"\ndate = yesterday\n+++\n"},
			want:  []string{"content/articles/a.md:3: TOML front matter"},
		},
		{
			name:  "front matter never closed",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\n\nText\n"},
			want:  []string{"content/articles/a.md:1: front matter opened with \"---\" on line 1 is never closed", "add a line with only ---"},
		},
		{
			name:  "empty file",
			write: map[string]string{"content/articles/empty.md": ""},
			want:  []string{"content/articles/empty.md: file is empty"},
		},
		{
			name:  "whitespace-only txt",
			write: map[string]string{"content/articles/2022-01-01-blank.txt": "\n  \n"},
			want:  []string{"content/articles/2022-01-01-blank.txt: file is empty"},
		},
		{
			name:  "missing title",
			write: map[string]string{"content/articles/a.md": "---\ndate: 2022-02-07\n---\nText\n"},
			want:  []string{"content/articles/a.md:1: missing title", "add title:"},
		},
		{
			name:  "missing actor name",
			write: map[string]string{"content/actors/germany.md": "---\nkind: country\n---\n"},
			want:  []string{"content/actors/germany.md:1: missing name"},
		},
		{
			name:  "impossible day",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-30\n---\n"},
			want:  []string{`content/articles/a.md:3: date: date "2022-02-30" does not exist: February 2022 has 28 days`},
		},
		{
			name:  "impossible month in event",
			write: map[string]string{"content/events/trade-round.md": "---\ntitle: Trade round\ndate: 2022-13-45\n---\n"},
			want:  []string{`content/events/trade-round.md:3: date: date "2022-13-45" has no month 13`},
		},
		{
			name:  "unknown event slug",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\nevents: [sumit-talks]\n---\n"},
			want:  []string{`content/articles/a.md:4: unknown event "sumit-talks" (did you mean "summit-talks"?)`},
		},
		{
			name:  "unknown actor slug",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\n\nactors: [olaf-sholz]\n---\n"},
			want:  []string{`content/articles/a.md:5: unknown actor "olaf-sholz" (did you mean "olaf-scholz"?)`},
		},
		{
			name:  "unknown actor slug in txt header",
			write: map[string]string{"content/articles/2022-02-08-pasted.txt": "Title: T\nActors: scholz\n\nText\n"},
			want:  []string{`content/articles/2022-02-08-pasted.txt:2: unknown actor "scholz" (did you mean "olaf-scholz"?)`},
		},
		{
			name:  "unknown country of actor",
			write: map[string]string{"content/actors/olaf-scholz.md": "---\nname: Olaf Scholz\ncountry: germnay\n---\n"},
			want:  []string{`content/actors/olaf-scholz.md:3: unknown actor "germnay" (did you mean "germany"?)`},
		},
		{
			name:  "related event that does not exist",
			write: map[string]string{"content/events/summit-talks.md": "---\ntitle: Summit talks\ndate: 2022-02-07\nrelated: [trade-round, peace-conference]\n---\n"},
			want:  []string{`content/events/summit-talks.md:4: unknown event "peace-conference"`, "no file content/events/peace-conference.md"},
		},
		{
			name:  "two files with the same slug",
			write: map[string]string{"content/articles/2022/a.md": "---\ntitle: Another A\ndate: 2022-02-09\n---\n"},
			want: []string{
				`content/articles/2022/a.md: two articles have the slug "a": content/articles/2022/a.md and content/articles/a.md`,
				`content/articles/a.md: two articles have the slug "a": content/articles/2022/a.md and content/articles/a.md`,
			},
		},
		{
			name:  "same slug from slug key",
			write: map[string]string{"content/events/other.md": "---\ntitle: Other\ndate: 2022\nslug: trade-round\n---\n"},
			want:  []string{`content/events/other.md:4: two events have the slug "trade-round"`, "content/events/trade-round.md"},
		},
		{
			name:  "alias claimed by two actors",
			write: map[string]string{"content/actors/martin-schulz.md": "---\nname: Martin Schulz\naliases: [Schulz, Scholz]\n---\n"},
			want: []string{
				`content/actors/martin-schulz.md:3: the name "Scholz" is claimed by two actors: content/actors/martin-schulz.md and content/actors/olaf-scholz.md`,
				`content/actors/olaf-scholz.md:3: the name "Scholz" is claimed by two actors: content/actors/olaf-scholz.md and content/actors/martin-schulz.md`,
			},
		},
		{
			name:  "slug with a slash",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\nslug: news/a\n---\n"},
			want:  []string{`content/articles/a.md:4: slug "news/a" is not valid (use only a-z, 0-9 and -, e.g. slug: news-a)`},
		},
		{
			name:  "slug with dots",
			write: map[string]string{"content/events/trade-round.md": "---\ntitle: T\ndate: 2022\nslug: ../../etc\n---\n"},
			want:  []string{`content/events/trade-round.md:4: slug "../../etc" is not valid`},
		},
		{
			name:  "slug with spaces",
			write: map[string]string{"content/actors/germany.md": "---\nname: Germany\nslug: Federal Republic\n---\n"},
			want:  []string{`content/actors/germany.md:3: slug "Federal Republic" is not valid`, "slug: federal-republic"},
		},
		{
			name:  "file name with a space",
			write: map[string]string{"content/articles/my article.md": "---\ntitle: Mine\ndate: 2022-02-07\n---\n"},
			want:  []string{`content/articles/my article.md: file name "my article" does not make a valid slug`, "rename the file to my-article", "slug:"},
		},
		{
			name:  "txt article without a date",
			write: map[string]string{"content/articles/undated.txt": "A headline\n\nText.\n"},
			want:  []string{"content/articles/undated.txt:1: no publication date", `"Date: 2022-02-07"`, "rename the file to 2022-02-07-undated.txt"},
		},
		{
			name:  "not UTF-8",
			write: map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\n---\nM\xfcnchen\n"},
			want:  []string{"content/articles/a.md:5:2: file is not valid UTF-8 (byte 0xfc)", "save the file as UTF-8"},
		},
		{
			name:  "site.yaml syntax error",
			write: map[string]string{"site.yaml": "title: Test\nlanguage: [en\n"},
			want:  []string{"site.yaml:2:", "YAML"},
		},
		{
			name:  "template syntax error",
			write: map[string]string{"templates/article.html": "{{define \"main\"}}\n<h1>{{.Title}}</h1>\n{{if .Article}}\n{{end}\n{{end}}\n"},
			want:  []string{"templates/article.html:4: template:"},
		},
		{
			name:  "template calling an unknown function",
			write: map[string]string{"templates/event.html": "{{define \"main\"}}\n{{shout .Title}}\n{{end}}\n"},
			want:  []string{"templates/event.html:2: template:", "shout"},
		},
		{
			name: "two broken files",
			write: map[string]string{
				"content/articles/a.md":         "---\ntitle: A\ndate: 2022-02-31\n---\n",
				"content/events/trade-round.md": "---\ndate: 2022\n---\n",
			},
			want: []string{"content/articles/a.md:3:", "content/events/trade-round.md:1: missing title", "2 errors; nothing was written."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, dest := goodBuild(t)
			before := snapshot(t, dest)
			parentBefore := snapshot(t, filepath.Dir(dest))
			writeSite(t, src, tt.write)
			for _, r := range tt.remove {
				if err := os.Remove(filepath.Join(src, r)); err != nil {
					t.Fatal(err)
				}
			}
			code, out, errOut := brief(t, "build", "-s", src, "-d", dest)
			if code != 1 {
				t.Errorf("exit status %d, want 1\nstdout: %s\nstderr: %s", code, out, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
			if after := snapshot(t, dest); !reflect.DeepEqual(before, after) {
				t.Errorf("failed build changed the output folder: %s", diffKeys(before, after))
			}
			// No staging folder left beside the destination.
			parentAfter := snapshot(t, filepath.Dir(dest))
			for k := range parentAfter {
				if _, ok := parentBefore[k]; !ok && !strings.HasPrefix(k, "site/") {
					t.Errorf("failed build left %s behind", k)
				}
			}
		})
	}
}

func diffKeys(a, b map[string]string) string {
	var d []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			d = append(d, "removed "+k)
		} else if v != w {
			d = append(d, "changed "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			d = append(d, "added "+k)
		}
	}
	sort.Strings(d)
	return strings.Join(d, ", ")
}

func TestUsage(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"build", "--no-such-flag"},
		{"build", "extra-argument"},
		{"check", "extra"},
		{"new"},
		{"new", "event"},
		{"new", "planet", "Mars"},
		{"new", "event", "!!!"},
	}
	for _, args := range tests {
		code, _, errOut := brief(t, args...)
		if code != 2 {
			t.Errorf("brief %q: exit %d, want 2", args, code)
		}
		if errOut == "" {
			t.Errorf("brief %q: nothing on stderr", args)
		}
	}
}

func TestHelp(t *testing.T) {
	for _, args := range [][]string{
		{"help"}, {"--help"}, {"-h"},
		{"build", "--help"}, {"build", "-h"}, {"check", "--help"}, {"new", "--help"}, {"serve", "--help"},
	} {
		code, out, errOut := brief(t, args...)
		if code != 0 {
			t.Errorf("brief %q: exit %d, want 0; stderr: %s", args, code, errOut)
		}
		if !strings.Contains(out, "brief") || !strings.Contains(strings.ToLower(out), "usage") {
			t.Errorf("brief %q: stdout has no usage:\n%s", args, out)
		}
	}
	code, out, _ := brief(t, "build", "--help")
	if code != 0 || !strings.Contains(out, "-d") || !strings.Contains(out, "-base-url") {
		t.Errorf("build --help does not list its flags:\n%s", out)
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	code, out, errOut := brief(t, "new", "event", "Title", "-s", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	p := filepath.Join(dir, "content", "events", "title.md")
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, p) || !strings.HasPrefix(string(data), "---\ntitle: \"Title\"\ndate: ") {
		t.Errorf("stdout %q, file:\n%s", out, data)
	}
	// Refuses to overwrite, even an edited file.
	const edited = "---\ntitle: Edited by hand\ndate: 2022-01-01\n---\n"
	if err := os.WriteFile(p, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = brief(t, "new", "event", "Title", "-s", dir)
	if code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second new: exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(p); string(b) != edited {
		t.Errorf("file overwritten: %q", b)
	}
	// Every kind makes a file that builds.
	for _, kind := range []string{"article", "actor"} {
		if code, _, errOut := brief(t, "new", kind, `Macron "meets" Putin`, "-s", dir); code != 0 {
			t.Errorf("new %s: exit %d: %s", kind, code, errOut)
		}
	}
	if code, out, _ := brief(t, "check", "-s", dir); code != 0 {
		t.Errorf("check of a site made by brief new: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "content", "actors", "macron-meets-putin.md")); err != nil {
		t.Error(err)
	}
}

func TestCheck(t *testing.T) {
	src, dest := goodBuild(t)
	writeSite(t, src, map[string]string{"content/articles/notes.pdf": "%PDF"})
	code, out, _ := brief(t, "check", "-s", src)
	if code != 0 || !strings.Contains(out, "OK: 2 articles, 2 events, 2 actors.") || !strings.Contains(out, "content/articles/notes.pdf: warning: not read") {
		t.Errorf("check of a good site: exit %d\n%s", code, out)
	}
	before := snapshot(t, dest)
	writeSite(t, src, map[string]string{"content/articles/a.md": "---\ntitle: A\ndate: 2022-02-07\nevents: [nope]\n---\n"})
	code, out, errOut := brief(t, "check", "-s", src)
	if code != 1 || !strings.Contains(out+errOut, `content/articles/a.md:4: unknown event "nope"`) {
		t.Errorf("check of a bad site: exit %d\nstdout: %s\nstderr: %s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("check wrote public/")
	}
	if !reflect.DeepEqual(before, snapshot(t, dest)) {
		t.Error("check changed an output folder")
	}
}

func TestRebuildKeepsGitAndCNAME(t *testing.T) {
	src, dest := goodBuild(t)
	writeSite(t, dest, map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "briefing.example.org\n"})
	if code, _, errOut := brief(t, "build", "-s", src, "-d", dest); code != 0 {
		t.Fatalf("rebuild: exit %d: %s", code, errOut)
	}
	for name, want := range map[string]string{".git/HEAD": "ref: refs/heads/gh-pages\n", "CNAME": "briefing.example.org\n"} {
		if b, err := os.ReadFile(filepath.Join(dest, name)); err != nil || string(b) != want {
			t.Errorf("%s after rebuild: %q, %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		t.Error(err)
	}
}

func TestRebuildDropsDeletedArticle(t *testing.T) {
	src, dest := goodBuild(t)
	page := filepath.Join(dest, "articles", "2022-02-08-pasted", "index.html")
	if _, err := os.Stat(page); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(src, "content/articles/2022-02-08-pasted.txt")); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := brief(t, "build", "-s", src, "-d", dest); code != 0 {
		t.Fatalf("rebuild: exit %d: %s", code, errOut)
	}
	if _, err := os.Stat(page); err == nil {
		t.Error("page of a deleted article lingers after rebuild")
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "data", "articles.json")); bytes.Contains(b, []byte("2022-02-08-pasted")) {
		t.Error("deleted article still in data/articles.json")
	}
}

func TestRefusesForeignDest(t *testing.T) {
	root := t.TempDir()
	src, dest := filepath.Join(root, "site"), filepath.Join(root, "work")
	writeSite(t, src, goodSite)
	writeSite(t, dest, map[string]string{"thesis.tex": "\\documentclass{article}", "notes/todo.txt": "finish"})
	before := snapshot(t, dest)
	code, _, errOut := brief(t, "build", "-s", src, "-d", dest)
	if code != exitUsage || !strings.Contains(errOut, "so brief did not write it") || !strings.Contains(errOut, dest) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if !reflect.DeepEqual(before, snapshot(t, dest)) {
		t.Error("foreign folder changed")
	}
	// An output folder inside the site's content is refused too.
	code, _, errOut = brief(t, "build", "-s", src, "-d", filepath.Join(src, "content", "out"))
	if code != exitUsage || !strings.Contains(errOut, "inside the site's content/ folder") {
		t.Errorf("dest inside content/: exit %d, stderr %q", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(src, "content", "out")); err == nil {
		t.Error("output written inside content/")
	}
}
