package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestICSText(t *testing.T) {
	for in, want := range map[string]string{
		"a, b; c":      `a\, b\; c`,
		`back\slash`:   `back\\slash`,
		"two\nlines":   `two\nlines`,
		"crlf\r\nline": `crlf\nline`,
		"plain":        "plain",
	} {
		if got := icsText(in); got != want {
			t.Errorf("icsText(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestICSFold checks that long lines are folded at 75 octets, never
// inside a UTF-8 sequence, and unfold to the original.
func TestICSFold(t *testing.T) {
	long := "DESCRIPTION:" + strings.Repeat("Zelenskyy – Зеленський – ", 12)
	var w icsWriter
	w.line(long)
	out := w.b.String()
	if !strings.HasSuffix(out, "\r\n") {
		t.Fatal("no CRLF at the end")
	}
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) < 4 {
		t.Fatalf("not folded: %d lines", len(lines))
	}
	var unfolded strings.Builder
	for i, l := range lines {
		if len(l) > 75 {
			t.Errorf("line %d: %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a character: %q", i, l)
		}
		if i > 0 {
			if l[0] != ' ' {
				t.Errorf("continuation %d does not start with a space", i)
			}
			l = l[1:]
		}
		unfolded.WriteString(l)
	}
	if unfolded.String() != long {
		t.Error("unfolding does not give the original line")
	}
}
