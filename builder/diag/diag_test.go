package diag

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// controlFree reports where s still holds something a terminal acts on
// or that reorders the line, or "" when it holds nothing of the kind.
func controlFree(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8 in " + s
	}
	for i, r := range s {
		if r < 0x20 || (r >= 0x7f && r <= 0x9f) || strings.ContainsRune("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069", r) {
			return s[i:]
		}
	}
	return ""
}

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"Зеленський, Café, 習近平, ‏עברית", "Зеленський, Café, 習近平, ‏עברית"},
		{`a\b "q"`, `a\b "q"`},
		{"\uFFFD kept", "\uFFFD kept"},
		{"\x1b]0;pwned\a", `\x1b]0;pwned\a`},
		{"\x1b[2J\x1b[31mred", `\x1b[2J\x1b[31mred`},
		{"over\rwrite", `over\rwrite`},
		{"two\nlines\tand tab", `two\nlines\tand tab`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1 csi \u009b31m", `c1 csi \u009b31m`},
		{"raw byte \x9b31m", `raw byte \x9b31m`},
		{"bidi \u202egnp.exe", `bidi \u202egnp.exe`},
		{"isolate \u2066x\u2069", `isolate \u2066x\u2069`},
		{"cut \xe2\x80", `cut \xe2\x80`},
	} {
		got := Escape(c.in)
		if got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		if rest := controlFree(got); rest != "" {
			t.Errorf("Escape(%q) keeps a control character at %q", c.in, rest)
		}
	}
}

// TestDiagnosticEscapes: every part of a diagnostic that comes from a
// file (its name, the message and the hint) is escaped when printed, as
// one diagnostic and in a list of them.
func TestDiagnosticEscapes(t *testing.T) {
	d := Diagnostic{
		File: "content/articles/\x1b[8mhidden.md",
		Line: 3,
		Msg:  "unknown actor \"\x1b]0;pwned\a\"",
		Hint: "add content/actors/\x1b]0;pwned\a.md\r",
	}
	want := `content/articles/\x1b[8mhidden.md:3: unknown actor "\x1b]0;pwned\a" (add content/actors/\x1b]0;pwned\a.md\r)`
	if got := d.String(); got != want {
		t.Errorf("String() = %q\nwant       %q", got, want)
	}
	w := Diagnostic{File: "a.md", Severity: Warning, Msg: "name\nsplit"}
	got := Errors{d, w}.Error()
	if lines := strings.Split(got, "\n"); len(lines) != 2 || lines[0] != want || lines[1] != `a.md: warning: name\nsplit` {
		t.Errorf("Errors.Error() = %q", got)
	}
	if rest := controlFree(strings.ReplaceAll(got, "\n", "")); rest != "" {
		t.Errorf("Errors.Error() keeps a control character at %q", rest)
	}
}

// TestEscapePlainAllocatesNothing: diagnostics are printed by the
// thousand, and almost none needs escaping.
func TestEscapePlainAllocatesNothing(t *testing.T) {
	s := "content/articles/2022-02/зеленський.md: unknown actor \"Olaf Scholz\""
	if n := testing.AllocsPerRun(100, func() { _ = Escape(s) }); n != 0 {
		t.Errorf("Escape of plain text: %v allocations, want 0", n)
	}
}
