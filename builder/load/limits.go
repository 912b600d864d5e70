package load

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/briefhq/brief/builder/diag"
)

// Limits on one content file, checked before it is parsed. Past them the
// parsers brief relies on take time or memory out of proportion to the
// text (measured on pathological files; see docs/content.md#limits), so a
// careless paste or a hostile file could stall a build.
const (
	// MaxFileSize is the size of the largest content file brief reads, in
	// bytes. Larger files are refused rather than read slowly.
	MaxFileSize = 20 << 20

	// MaxFrontMatter is the size of the largest front matter, in bytes.
	// TOML front matter takes time in the square of its keys: 16,000
	// keys take 2 s, 100,000 take 20 s; 64 KiB holds at most about
	// 11,000 keys of one to three letters, read in under a second.
	MaxFrontMatter = 64 << 10

	// MaxNesting is the deepest nesting of lists and block quotes in
	// Markdown, counted by indentation and ">" markers. The Markdown
	// parser's cost per line grows with the depth: 2,000 levels took 15 s
	// and 1.1 GB, and past about 32 levels a line costs more than in
	// any article written by hand.
	MaxNesting = 32
)

// checkLimits checks file against MaxFileSize and, for a Markdown file,
// MaxFrontMatter and MaxNesting. It returns one error naming the limit
// and the line where the file reaches it, or nil.
func checkLimits(file string, data []byte) []diag.Diagnostic {
	if len(data) > MaxFileSize {
		return []diag.Diagnostic{{File: file, Line: bytes.Count(data[:MaxFileSize], []byte("\n")) + 1,
			Msg:  fmt.Sprintf("file is %s, over the limit of %s for one file (reached on this line)", size(len(data)), size(MaxFileSize)),
			Hint: "split it into several files of at most " + size(MaxFileSize) + ": one article per story, or the text in parts"}}
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".txt", ".html", ".htm":
		return nil
	}
	_, fm, fmLine, body, bodyLine, err := Split(data)
	if err != nil {
		return nil // reported by the front matter reader
	}
	if len(fm) > MaxFrontMatter {
		return []diag.Diagnostic{{File: file, Line: fmLine + bytes.Count(fm[:MaxFrontMatter], []byte("\n")),
			Msg:  fmt.Sprintf("front matter is %s, over the limit of %s (reached on this line)", size(len(fm)), size(MaxFrontMatter)),
			Hint: "move long text from the front matter into the body below the closing fence, or split long lists (aliases, tags) over several files"}}
	}
	if line := nesting(body, MaxNesting); line > 0 {
		return []diag.Diagnostic{{File: file, Line: bodyLine + line - 1,
			Msg:  fmt.Sprintf("lists and block quotes nest more than %d levels deep here, over the nesting limit", MaxNesting),
			Hint: fmt.Sprintf("indent fewer levels: each list item indented under another, and each >, is one level; keep to %d", MaxNesting)}}
	}
	return nil
}

// size writes a number of bytes for people: "20 MB", "1.5 MB", "64 KB".
// It rounds up, so that a file just over a limit does not read as the
// limit itself.
func size(n int) string {
	unit, div := "bytes", 1.0
	switch {
	case n >= 1<<20:
		unit, div = "MB", 1<<20
	case n >= 1<<10:
		unit, div = "KB", 1<<10
	}
	v := math.Ceil(float64(n)/div*10) / 10
	return strings.TrimSuffix(fmt.Sprintf("%.1f", v), ".0") + " " + unit
}

// container is an open list item or block quote of the nesting scan.
type container struct {
	quote bool
	// List items, in columns from where their parent's content starts:
	col  int // lines indented this far go on in the item
	text int // where the item's text starts, after the marker and spaces
}

// nesting scans a Markdown text line by line, following CommonMark's
// rules for list items and block quotes closely enough to count how deep
// they nest, and returns the first 1-based line that nests deeper than
// max, or 0. It is a single pass, so that a file can be refused before
// the parser spends minutes on it.
//
// Where the rules leave room (tabs, lazy continuation lines), the scan
// counts as deep as the parser could. It does not skip fenced code: a
// fence it took for one that the parser does not would hide the rest of
// the file, and no code block of an article nests 32 levels.
func nesting(text []byte, max int) int {
	var stack []container
	prevBlank := true
	for n := 1; len(text) > 0; n++ {
		l, rest, _ := cutLine(text)
		text = rest
		l = bytes.TrimSuffix(l, []byte("\r"))
		pos, col := 0, 0
		matched := 0
		for matched < len(stack) {
			c := stack[matched]
			p, cl, w := indent(l, pos, col)
			if c.quote {
				if w > 3 || p == len(l) || l[p] != '>' {
					break
				}
				pos, col = quoteMarker(l, p, cl)
			} else if p < len(l) {
				if cl-col < c.col {
					break
				}
				pos, col = advanceTo(l, pos, col, col+c.text)
			}
			matched++
		}
		if p, _, _ := indent(l, pos, col); p == len(l) {
			// A blank line ends the block quotes it does not go on in,
			// not the list items.
			stack = stack[:matched]
			prevBlank = true
			continue
		}
		opened := false
		for {
			p, cl, w := indent(l, pos, col)
			// Indented by four columns at the top, the line is code.
			// Inside a container, where tabs make parsers differ, it
			// is scanned for markers all the same.
			if (w > 3 && matched == 0) || p == len(l) {
				break
			}
			if l[p] == '>' {
				stack = append(stack[:matched], container{quote: true})
				pos, col = quoteMarker(l, p, cl)
			} else {
				end, ok := listMarker(l, p)
				if !ok || thematicBreak(l[p:]) {
					break
				}
				// Lines indented past the marker go on in the item:
				// where its text starts depends on tabs, in which
				// parsers differ, and counting from the marker never
				// counts fewer levels than the parser makes.
				ec := cl + end - p
				_, tc, gap := indent(l, end, ec)
				if gap == 0 || gap > 4 {
					tc = ec + 1
				}
				stack = append(stack[:matched], container{col: cl + 1 - col, text: tc - col})
				pos, col = advanceTo(l, end, ec, tc)
			}
			matched++
			opened = true
			if len(stack) > max {
				return n
			}
		}
		// A line that opens nothing and follows a blank line ends the
		// containers it does not go on in; after text it may be a lazy
		// continuation of the paragraph, which keeps them.
		if !opened && prevBlank {
			stack = stack[:matched]
		}
		prevBlank = false
	}
	return 0
}

// indent measures the white space of l from byte pos at column col: it
// returns the byte and column after it and its width in columns (a tab
// stops at the next multiple of 4).
func indent(l []byte, pos, col int) (int, int, int) {
	start := col
	for pos < len(l) {
		switch l[pos] {
		case ' ':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return pos, col, col - start
		}
		pos++
	}
	return pos, col, col - start
}

// advanceTo skips white space of l from byte pos at column col up to
// column to. A tab that reaches past to is left partly consumed: pos
// stays on it, and indent counts what is left of it from column to.
func advanceTo(l []byte, pos, col, to int) (int, int) {
	for pos < len(l) && col < to {
		switch l[pos] {
		case ' ':
			col++
		case '\t':
			next := col + 4 - col%4
			if next > to {
				return pos, to
			}
			col = next
		default:
			return pos, col
		}
		pos++
	}
	return pos, col
}

// quoteMarker skips the ">" at byte p (column col) and one space after it.
func quoteMarker(l []byte, p, col int) (int, int) {
	p, col = p+1, col+1
	if p < len(l) && l[p] == ' ' {
		p, col = p+1, col+1
	}
	return p, col
}

// listMarker reports whether a list item marker starts at byte p of l
// ("-", "+", "*", or up to nine digits and "." or ")") followed by white
// space or the end of the line, and the byte after it.
func listMarker(l []byte, p int) (int, bool) {
	end := p
	switch c := l[p]; {
	case c == '-' || c == '+' || c == '*':
		end = p + 1
	case c >= '0' && c <= '9':
		for end < len(l) && end-p < 9 && l[end] >= '0' && l[end] <= '9' {
			end++
		}
		if end == len(l) || (l[end] != '.' && l[end] != ')') {
			return 0, false
		}
		end++
	default:
		return 0, false
	}
	if end < len(l) && l[end] != ' ' && l[end] != '\t' {
		return 0, false
	}
	return end, true
}

// thematicBreak reports whether l is a line of three or more "-", "*" or
// "_" (the same one) and white space, which is a rule, not a list item.
func thematicBreak(l []byte) bool {
	var mark byte
	count := 0
	for _, c := range l {
		switch {
		case c == ' ' || c == '\t':
		case mark == 0 && (c == '-' || c == '*' || c == '_'):
			mark = c
			count++
		case c == mark:
			count++
		default:
			return false
		}
	}
	return count >= 3
}
