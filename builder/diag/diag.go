// Package diag holds positioned diagnostics: what went wrong, in which file
// and line, and how to fix it. Stages collect them instead of stopping at the
// first problem, so that one build reports every mistake at once.
package diag

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	// Error fails the build.
	Error Severity = iota
	// Warning is reported but does not fail the build.
	Warning
)

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	File     string   // path relative to the site root, slash-separated; empty for site-wide problems
	Line     int      // 1-based line in File, 0 when unknown
	Col      int      // 1-based column, 0 when unknown
	Severity Severity // Error or Warning
	Msg      string   // what is wrong
	Hint     string   // how to fix it, may be empty
}

// String formats d as "file:line:col: message (hint)", with file, message
// and hint escaped as Escape does: they carry text from the site's files,
// and what brief prints must not drive the terminal it is printed on.
func (d Diagnostic) String() string {
	var b strings.Builder
	if d.File != "" {
		b.WriteString(Escape(d.File))
		if d.Line > 0 {
			fmt.Fprintf(&b, ":%d", d.Line)
			if d.Col > 0 {
				fmt.Fprintf(&b, ":%d", d.Col)
			}
		}
		b.WriteString(": ")
	}
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(Escape(d.Msg))
	if d.Hint != "" {
		b.WriteString(" (")
		b.WriteString(Escape(d.Hint))
		b.WriteString(")")
	}
	return b.String()
}

// Escape returns s with every character that could drive or garble a
// terminal written as a Go escape (\x1b, \a, \n, \u009b, \u202e): C0
// controls, DEL, C1 controls, the bidirectional embeddings, overrides and
// isolates, and bytes that are not UTF-8. A file or an actor's name can
// hold an escape sequence that retitles the window, clears the screen or
// rewrites the line shown; escaped, it reads as what it is. Tab and
// newline are escaped too, so that a diagnostic stays on its line.
// Backslashes are left alone: the result is for reading, not parsing.
func Escape(s string) string {
	for i := 0; i < len(s); {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unsafeRune(r, n) {
			return escapeFrom(s, i)
		}
		i += n
	}
	return s
}

// escapeFrom escapes s, whose first character to escape is at i.
func escapeFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case unsafeRune(r, n):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unsafeRune reports whether r, decoded from n bytes, is a character
// Escape writes as an escape.
func unsafeRune(r rune, n int) bool {
	switch {
	case r == utf8.RuneError:
		return n == 1
	case r < 0x20, r >= 0x7f && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// List collects diagnostics. It is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records d.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Errorf records an error at file:line.
func (l *List) Errorf(file string, line int, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Append records every diagnostic in ds.
func (l *List) Append(ds ...Diagnostic) {
	if len(ds) == 0 {
		return
	}
	l.mu.Lock()
	l.items = append(l.items, ds...)
	l.mu.Unlock()
}

// Items returns the diagnostics sorted by file, line, column and message, so
// that output does not depend on the order in which parallel workers ran.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	out := append([]Diagnostic(nil), l.items...)
	l.mu.Unlock()
	Sort(out)
	return out
}

// HasErrors reports whether any diagnostic is an Error.
func (l *List) HasErrors() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, d := range l.items {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Sort orders ds by file, line, column, message, then hint.
func Sort(ds []Diagnostic) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Msg != b.Msg {
			return a.Msg < b.Msg
		}
		return a.Hint < b.Hint
	})
}

// Errors is an error made of diagnostics; its message lists each on a line.
type Errors []Diagnostic

func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, d := range e {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// Suggest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a plausible typo.
func Suggest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := levenshtein(s, c)
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := len(s)/3 + 1
	if limit < 2 {
		limit = 2
	}
	if bestD < 0 || bestD > limit {
		// A prefix often names the thing: "putin" for "vladimir-putin".
		for _, c := range candidates {
			if s != "" && (strings.Contains(c, s) || strings.Contains(s, c)) {
				return c
			}
		}
		return ""
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
