package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// runCLI runs the command line with args and returns its exit status,
// stdout and stderr.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestHelpPrintsUsageOnce: --help, -h and help print the usage once, on
// stdout, and exit 0, for brief itself and for every command.
func TestHelpPrintsUsageOnce(t *testing.T) {
	cases := [][]string{{"help"}, {"--help"}, {"-h"}, {"-help"}}
	for _, cmd := range []string{"build", "serve", "server", "check", "import", "verify", "new"} {
		cases = append(cases, []string{cmd, "--help"}, []string{cmd, "-h"})
	}
	cases = append(cases, []string{"new", "event", "Title", "--help"}, []string{"build", "-s", ".", "-h"})
	for _, args := range cases {
		code, out, errOut := runCLI(args...)
		if code != exitOK {
			t.Errorf("brief %q: exit %d, want 0", args, code)
		}
		if n := strings.Count(out, "Usage:"); n != 1 {
			t.Errorf("brief %q: usage %d times on stdout, want once:\n%s", args, n, out)
		}
		if errOut != "" {
			t.Errorf("brief %q: stderr not empty:\n%s", args, errOut)
		}
	}
}

// TestUsageErrorPrintsUsageOnce: a wrong flag or command prints what is
// wrong and the usage once, on stderr, nothing on stdout, and exits 2.
// Other usage errors say what is wrong in a line and print the usage at
// most once.
func TestUsageErrorPrintsUsageOnce(t *testing.T) {
	for _, c := range []struct {
		args  []string
		usage bool // the usage must be printed
		says  string
	}{
		{nil, true, "Usage:"},
		{[]string{"frobnicate"}, true, `unknown command "frobnicate"`},
		{[]string{"build", "--no-such-flag"}, true, "-no-such-flag"},
		{[]string{"check", "--format"}, true, "needs an argument"},
		{[]string{"serve", "--port", "many"}, true, "invalid value"},
		{[]string{"serve", "--allow-host", "http://preview.example.org/"}, true, "is not a host name"},
		{[]string{"serve", "--allow-host", "a.example,,b.example"}, true, "is not a host name"},
		{[]string{"verify", "--nope", "dir"}, true, "-nope"},
		{[]string{"import", "-o"}, true, "needs an argument"},
		{[]string{"new", "-x", "event", "Title"}, true, "-x"},
		{[]string{"build", "extra-argument"}, false, "unexpected argument"},
		{[]string{"serve", "--port", "70000"}, false, "not a port number"},
		{[]string{"verify"}, false, "want one folder"},
		{[]string{"new", "planet", "Mars"}, false, "unknown kind"},
	} {
		code, out, errOut := runCLI(c.args...)
		if code != exitUsage {
			t.Errorf("brief %q: exit %d, want 2", c.args, code)
		}
		if out != "" {
			t.Errorf("brief %q: stdout not empty:\n%s", c.args, out)
		}
		n := strings.Count(errOut, "Usage:")
		if n > 1 || (c.usage && n != 1) {
			t.Errorf("brief %q: usage %d times on stderr:\n%s", c.args, n, errOut)
		}
		if !strings.Contains(errOut, c.says) {
			t.Errorf("brief %q: stderr does not say %q:\n%s", c.args, c.says, errOut)
		}
	}
}

func TestAllowHostFlag(t *testing.T) {
	var h hostList
	for _, v := range []string{"preview.example.org", " tunnel.test , [::1]:1313", "LAN-Host"} {
		if err := h.Set(v); err != nil {
			t.Errorf("Set(%q): %v", v, err)
		}
	}
	if want := (hostList{"preview.example.org", "tunnel.test", "[::1]:1313", "LAN-Host"}); !reflect.DeepEqual(h, want) {
		t.Errorf("names %q, want %q", h, want)
	}
	for _, v := range []string{"", "a,", "https://x.example", "x.example/path", "user@x.example", "two words"} {
		if err := new(hostList).Set(v); err == nil {
			t.Errorf("Set(%q) accepted", v)
		}
	}
	_, out, _ := runCLI("serve", "--help")
	if !strings.Contains(out, "-allow-host NAME") || !strings.Contains(out, "[--allow-host NAME]") {
		t.Errorf("serve --help does not show --allow-host:\n%s", out)
	}
}

// controlIn returns the first control character in s from the C0 set,
// DEL or the C1 set, with what follows, or "".
func controlIn(s string) string {
	for i, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) {
			return s[i:]
		}
	}
	return ""
}

// TestContentCannotDriveTheTerminal: an actor named with a terminal
// escape sequence (it retitles the window) and a file named with one
// reach build's and check's output escaped; JSON keeps the name as it is.
func TestContentCannotDriveTheTerminal(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{}
	for k, v := range goodSite {
		files[k] = v
	}
	files["content/articles/b.md"] = "---\ntitle: Hostile\ndate: 2022-02-07\nactors: [\"\\e]0;pwned\\a\"]\n---\nText.\n"
	writeSite(t, src, files)

	code, out, errOut := runCLI("build", "-s", src, "-d", filepath.Join(t.TempDir(), "out"))
	if code != exitContent {
		t.Fatalf("build: exit %d, want 1\n%s%s", code, out, errOut)
	}
	if rest := controlIn(out + errOut); rest != "" {
		t.Errorf("build printed a control character: %q", rest)
	}
	if !strings.Contains(errOut, `\x1b]0;pwned\a`) {
		t.Errorf("build does not show the name escaped:\n%s", errOut)
	}

	code, out, errOut = runCLI("check", "-s", src)
	if code != exitContent || controlIn(out+errOut) != "" || !strings.Contains(out, `\x1b]0;pwned\a`) {
		t.Errorf("check: exit %d, output %q", code, out+errOut)
	}

	code, out, _ = runCLI("check", "-s", src, "--format", "json")
	if code != exitContent || controlIn(out) != "" {
		t.Fatalf("check --format json: exit %d, output %q", code, out)
	}
	found := false
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l checkLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		found = found || strings.Contains(l.Message+l.Hint, "\x1b]0;pwned\a")
	}
	if !found {
		t.Errorf("check --format json lost the name as written:\n%s", out)
	}
}

// TestVerifyEscapesNames: the names verify lists come from the folder,
// and are printed escaped.
func TestVerifyEscapesNames(t *testing.T) {
	src, dest := t.TempDir(), filepath.Join(t.TempDir(), "arc")
	writeSite(t, src, goodSite)
	if code, out, errOut := runCLI("build", "-s", src, "-d", dest, "--archive"); code != 0 {
		t.Fatalf("build --archive: exit %d\n%s%s", code, out, errOut)
	}
	if err := os.WriteFile(filepath.Join(dest, "x\x1b[2Jy.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("verify", dest)
	if code != exitContent || controlIn(out+errOut) != "" || !strings.Contains(out, `extra:   x\x1b[2Jy.txt`) {
		t.Errorf("verify: exit %d, output %q", code, out+errOut)
	}
}

// TestImportEscapesFileNames: a saved page keeps the name it came with
// from the web; brief import prints it escaped.
func TestImportEscapesFileNames(t *testing.T) {
	src, dl := t.TempDir(), t.TempDir()
	writeSite(t, src, goodSite)
	name := filepath.Join(dl, "page\x1b]0;pwned\a.doc")
	if err := os.WriteFile(name, []byte("<p>x</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI("import", "-s", src, name)
	if code != exitContent || controlIn(out+errOut) != "" || !strings.Contains(errOut, `page\x1b]0;pwned\a.doc`) {
		t.Errorf("import: exit %d, output %q", code, out+errOut)
	}
}
