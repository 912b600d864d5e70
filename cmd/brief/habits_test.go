package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/briefhq/brief/builder"
)

// Tests of the command-line habits of issue 15, part 6: --quiet and -v,
// BRIEF_* variables, --minify, the progress line and serve --open.

// TestQuiet: with --quiet (or -q) a command that succeeds prints nothing.
func TestQuiet(t *testing.T) {
	src, dest := goodBuild(t)
	for _, args := range [][]string{
		{"build", "-s", src, "-d", dest, "--quiet"},
		{"build", "-q", "-s", src, "-d", dest},
		{"-q", "build", "-s", src, "-d", dest},
		{"new", "event", "Quiet talks", "-s", src, "-q"},
		{"init", filepath.Join(t.TempDir(), "new"), "--quiet"},
		{"check", "-s", src, "--quiet"},
		{"build", "-s", src, "-d", filepath.Join(t.TempDir(), "arc"), "--archive", "-q"},
	} {
		code, out, errOut := brief(t, args...)
		if code != 0 || out != "" || errOut != "" {
			t.Errorf("brief %s: exit %d, stdout %q, stderr %q; want 0 and nothing", strings.Join(args, " "), code, out, errOut)
		}
	}
	arc := filepath.Join(t.TempDir(), "arc")
	if code, _, errOut := brief(t, "build", "-s", src, "-d", arc, "--archive"); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := brief(t, "verify", arc, "-q"); code != 0 || out != "" {
		t.Errorf("verify -q: exit %d, %q", code, out)
	}
	// Errors still show.
	if err := os.WriteFile(filepath.Join(src, "content/articles/broken.md"), []byte("---\ntitle: [\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := brief(t, "build", "-s", src, "-d", dest, "-q"); code != exitContent || !strings.Contains(errOut, "content/articles/broken.md:") {
		t.Errorf("build -q of a broken site: exit %d, stderr %q", code, errOut)
	}
}

// TestVerbose: a build says how many content warnings there are, and
// with -v (or --verbose, before or after the command) prints each, and
// the files it did not read. site.yaml's warnings are printed always.
func TestVerbose(t *testing.T) {
	src, dest := goodBuild(t)
	writeSite(t, src, map[string]string{
		"site.yaml":                  "titel: T\nbase_url: https://example.org/\n",
		"content/notes.doc":          "not an article",
		"content/actors/x.md":        "---\nname: Xavier Quux\nkind: person\n---\n",
		"content/articles/future.md": "---\ntitle: Scholz again\ndate: 2099-02-09\n---\nHe said more.\n",
	})
	code, _, plain := brief(t, "build", "-s", src, "-d", dest)
	if code != 0 {
		t.Fatal(plain)
	}
	if !strings.Contains(plain, "site.yaml:1: warning: unknown key titel (did you mean title?)") {
		t.Errorf("build does not print site.yaml's warning:\n%s", plain)
	}
	if !strings.Contains(plain, "about the content: run brief check") || strings.Contains(plain, "notes.doc") {
		t.Errorf("build without -v:\n%s", plain)
	}
	for _, args := range [][]string{{"build", "-v"}, {"build", "--verbose"}, {"-v", "build"}} {
		code, _, errOut := brief(t, append(args, "-s", src, "-d", dest)...)
		if code != 0 {
			t.Fatal(errOut)
		}
		if !strings.Contains(errOut, "content/notes.doc: not read") || !strings.Contains(errOut, "content/articles/future.md:3: warning") || strings.Contains(errOut, "run brief check") {
			t.Errorf("brief %s:\n%s", strings.Join(args, " "), errOut)
		}
		if len(errOut) <= len(plain) {
			t.Errorf("brief %s prints no more than without it", strings.Join(args, " "))
		}
	}
	// -v is no longer version; version and --version are.
	for _, args := range [][]string{{"version"}, {"--version"}} {
		if code, out, _ := brief(t, args...); code != 0 || !strings.HasPrefix(out, "brief ") {
			t.Errorf("brief %s: exit %d, %q", args[0], code, out)
		}
	}
	if code, out, _ := brief(t, "-v"); code != exitUsage || strings.HasPrefix(out, "brief (devel)") {
		t.Errorf("brief -v: exit %d, %q; want a usage error", code, out)
	}
}

// TestBaseURLWarningPrinted: a build without base_url says so, at
// site.yaml, with how to fix it; with --base-url it does not.
func TestBaseURLWarningPrinted(t *testing.T) {
	src, dest := goodBuild(t)
	_, _, errOut := brief(t, "build", "-s", src, "-d", dest)
	if !strings.Contains(errOut, "site.yaml: warning: no base_url") || !strings.Contains(errOut, "--base-url") {
		t.Errorf("stderr:\n%s", errOut)
	}
	_, _, errOut = brief(t, "build", "-s", src, "-d", dest, "--base-url", "https://example.org/")
	if strings.Contains(errOut, "base_url") {
		t.Errorf("with --base-url:\n%s", errOut)
	}
}

// TestEnvironment: every flag has a BRIEF_* variable; a flag given on
// the command line wins; a bad value is a usage error naming the
// variable.
func TestEnvironment(t *testing.T) {
	src, _ := goodBuild(t)
	writeSite(t, src, map[string]string{"content/articles/draft.md": "---\ntitle: Draft of the summit\ndate: 2022-02-07\ndraft: true\n---\nScholz.\n"})
	envDest := filepath.Join(t.TempDir(), "from-env")
	t.Setenv("BRIEF_SOURCE", src)
	t.Setenv("BRIEF_DEST", envDest)
	t.Setenv("BRIEF_BASE_URL", "https://env.example.org/")
	t.Setenv("BRIEF_DRAFTS", "true")
	if code, _, errOut := brief(t, "build"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	feed, err := os.ReadFile(filepath.Join(envDest, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(feed, []byte("https://env.example.org/articles/")) {
		t.Errorf("BRIEF_BASE_URL not used:\n%s", feed)
	}
	if _, err := os.Stat(filepath.Join(envDest, "articles/draft/index.html")); err != nil {
		t.Errorf("BRIEF_DRAFTS not used: %v", err)
	}

	flagDest := filepath.Join(t.TempDir(), "from-flag")
	if code, _, errOut := brief(t, "build", "-d", flagDest, "--base-url", "https://flag.example.org/", "--drafts=false"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	feed, _ = os.ReadFile(filepath.Join(flagDest, "feed.xml"))
	if !bytes.Contains(feed, []byte("https://flag.example.org/")) || bytes.Contains(feed, []byte("env.example.org")) {
		t.Errorf("--base-url does not win over BRIEF_BASE_URL:\n%s", feed)
	}
	if _, err := os.Stat(filepath.Join(flagDest, "articles/draft/index.html")); err == nil {
		t.Error("--drafts=false does not win over BRIEF_DRAFTS")
	}

	t.Setenv("BRIEF_DRAFTS", "perhaps")
	code, _, errOut := brief(t, "check")
	if code != exitUsage || !strings.Contains(errOut, `BRIEF_DRAFTS="perhaps"`) {
		t.Errorf("bad BRIEF_DRAFTS: exit %d, %q", code, errOut)
	}
	t.Setenv("BRIEF_DRAFTS", "")
	os.Unsetenv("BRIEF_DRAFTS")
	t.Setenv("BRIEF_QUIET", "1")
	if code, out, errOut := brief(t, "build"); code != 0 || out != "" || errOut != "" {
		t.Errorf("BRIEF_QUIET=1: exit %d, %q, %q", code, out, errOut)
	}
}

// TestEnvNames: the variable of a flag.
func TestEnvNames(t *testing.T) {
	for flag, want := range map[string]string{"base-url": "BRIEF_BASE_URL", "dest": "BRIEF_DEST", "drafts": "BRIEF_DRAFTS", "allow-host": "BRIEF_ALLOW_HOST"} {
		if got := envName(flag); got != want {
			t.Errorf("envName(%q) = %q, want %q", flag, got, want)
		}
	}
}

// TestMinifyFlag: --minify writes smaller pages that still parse, and a
// minified archive verifies.
func TestMinifyFlag(t *testing.T) {
	src, plain := goodBuild(t)
	small := filepath.Join(t.TempDir(), "small")
	if code, _, errOut := brief(t, "build", "-s", src, "-d", small, "--minify"); code != 0 {
		t.Fatal(errOut)
	}
	var a, b int64
	for name, data := range snapshot(t, plain) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := snapshot(t, small)[name]
		a, b = a+int64(len(data)), b+int64(len(m))
		if _, err := html.Parse(strings.NewReader(m)); err != nil || !strings.Contains(m, "</html>") {
			t.Errorf("%s minified: %v\n%s", name, err, m)
		}
	}
	if b >= a || b == 0 {
		t.Errorf("minified pages %d bytes, plain %d", b, a)
	}
	arc := filepath.Join(t.TempDir(), "arc")
	if code, _, errOut := brief(t, "build", "-s", src, "-d", arc, "--archive", "--minify"); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, _ := brief(t, "verify", arc); code != 0 || !strings.HasPrefix(out, "OK:") {
		t.Errorf("verify of a minified archive: exit %d\n%s", code, out)
	}
}

// fakeTerminal makes isTerminal say yes for w.
func fakeTerminal(t *testing.T, w io.Writer) {
	old := isTerminal
	isTerminal = func(x io.Writer) bool { return x == w }
	t.Cleanup(func() { isTerminal = old })
}

// TestProgressLine: the line says what was read and written and how long
// is left, rewrites itself, and is cleared at the end; before a second
// has passed it shows nothing.
func TestProgressLine(t *testing.T) {
	var b bytes.Buffer
	fakeTerminal(t, &b)
	p := newProgress(&b)
	if p == nil {
		t.Fatal("no progress line on a terminal")
	}
	p.update(builder.Progress{Read: 10, ToRead: 100, Elapsed: 500 * time.Millisecond})
	if b.Len() != 0 {
		t.Errorf("shown before a second: %q", b.String())
	}
	p.update(builder.Progress{Read: 50, ToRead: 100, Elapsed: 2 * time.Second})
	p.update(builder.Progress{Read: 100, ToRead: 100, Written: 1, ToWrite: 300, Elapsed: 4 * time.Second})
	p.update(builder.Progress{Read: 100, ToRead: 100, Written: 101, ToWrite: 301, Elapsed: 6 * time.Second})
	p.update(builder.Progress{Read: 100, ToRead: 100, Written: 350, ToWrite: 301, Elapsed: 7 * time.Second})
	p.done()
	lines := []string{
		"brief: 50/100 files read, about 2s left",
		"brief: 100/100 files read, 1/~300 written",
		"brief: 100/100 files read, 101/~301 written, about 4s left",
		"brief: 100/100 files read, 350/~350 written",
	}
	want, width := "", 0
	for _, l := range lines {
		want += fmt.Sprintf("\r%-*s", width, l) // a shorter line blanks the rest of the longer one
		width = len(l)
	}
	want += "\r" + strings.Repeat(" ", width) + "\r"
	if b.String() != want {
		t.Errorf("progress:\n got %q\nwant %q", b.String(), want)
	}
}

// TestProgressOnlyOnTerminal: a build over a second long shows the line
// on a terminal, and nothing, not even a \r, anywhere else.
func TestProgressOnlyOnTerminal(t *testing.T) {
	old := progressAfter
	progressAfter = 0 // the site below builds in well under a second
	t.Cleanup(func() { progressAfter = old })
	src := filepath.Join(t.TempDir(), "site")
	files := map[string]string{}
	for i := range 400 {
		files[fmt.Sprintf("content/articles/2022-01-%02d-a%d.md", i%28+1, i)] = fmt.Sprintf("---\ntitle: Article %d\ndate: 2022-01-%02d\n---\nText of article %d, which says little.\n", i, i%28+1, i)
	}
	writeSite(t, src, files)

	var out, errOut bytes.Buffer
	if code := run([]string{"build", "-s", src}, &out, &errOut); code != 0 {
		t.Fatal(errOut.String())
	}
	if strings.Contains(out.String()+errOut.String(), "\r") {
		t.Errorf("progress written to a writer that is not a terminal:\n%q", errOut.String())
	}

	var term bytes.Buffer
	fakeTerminal(t, &term)
	if code := run([]string{"build", "-s", src}, &out, &term); code != 0 {
		t.Fatal(term.String())
	}
	s := term.String()
	if !strings.Contains(s, "\rbrief: ") || !strings.Contains(s, "files read") {
		t.Errorf("no progress line on a terminal:\n%q", s)
	}
	// Cleared before the summary and warnings that follow.
	if i := strings.LastIndex(s, "\r"); i < 0 || strings.TrimSpace(s[strings.LastIndex(s[:i], "\r")+1:i]) != "" {
		t.Errorf("progress line not cleared:\n%q", s)
	}

	// --quiet shows no progress either.
	term.Reset()
	if code := run([]string{"build", "-s", src, "-q"}, &out, &term); code != 0 || term.Len() != 0 {
		t.Errorf("build -q on a terminal: %q", term.String())
	}
}

// TestServeOpen: serve --open opens the address it serves, once it
// serves it; without --open nothing is opened.
func TestServeOpen(t *testing.T) {
	src, _ := goodBuild(t)
	for _, open := range []bool{true, false} {
		ctx, cancel := context.WithCancel(context.Background())
		var opened []string
		old := openBrowser
		openBrowser = func(url string) error {
			opened = append(opened, url)
			return nil
		}
		args := []string{"-s", src, "--port", "0", "-q"}
		if open {
			args = append(args, "--open")
		}
		var out, errOut bytes.Buffer
		done := make(chan int)
		go func() { done <- cmdServe(ctx, args, &out, &errOut) }()
		time.Sleep(300 * time.Millisecond)
		cancel()
		code := <-done
		openBrowser = old
		if code != 0 {
			t.Fatalf("serve: exit %d\n%s", code, errOut.String())
		}
		served := strings.TrimSpace(strings.TrimSuffix(strings.SplitN(out.String(), " at ", 2)[1], "(Ctrl-C to stop)\n"))
		switch {
		case open && (len(opened) != 1 || opened[0] != served):
			t.Errorf("--open opened %q; served %q", opened, served)
		case !open && len(opened) != 0:
			t.Errorf("opened %q without --open", opened)
		}
	}
}
