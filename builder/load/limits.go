package load

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
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

	// MaxElements is the most elements one article, event or actor may
	// hold: in Markdown each line of text, list item and block quote and
	// each of [ * _ ` < ! | (what may open a link, emphasis, code, HTML,
	// an image or a table cell); in a .txt file each line of text; in a
	// saved page each start tag. The Markdown parser keeps a node of 150 to
	// 1,000 bytes for each, and every later stage works on them: a file
	// of 7 million took a minute and 7 GB. An article written by hand
	// holds a few thousand; 200,000 build in about a second.
	MaxElements = 200_000

	// MaxParagraphLines is the most lines one paragraph (or table) of
	// Markdown may have, with no blank line between them. The parser's
	// cost grows with the square of the brackets of a paragraph over
	// several lines: 100,000 lines of "[a] b" took 3.4 s, 10,000 take
	// a tenth of a second.
	MaxParagraphLines = 10_000

	// MaxParagraphSize is the size of the largest paragraph, in bytes: the
	// lines up to a blank line in Markdown and .txt, a paragraph of a
	// saved page. Extraction reads each paragraph as a whole, and what is
	// not linear in its sentences costs the square of them: one paragraph
	// of 20 MB of short sentences took over 150 s. A paragraph written by
	// hand is a few KB; a 20 MB file of paragraphs at this limit builds in
	// 2 s and 230 MB.
	MaxParagraphSize = 1 << 20
)

// bodyLimits are the limits scanBody checks a Markdown text against.
type bodyLimits struct{ depth, elements, paragraph, paragraphSize int }

// checkLimits checks file against MaxFileSize and MaxElements and, for a
// Markdown file, MaxFrontMatter and MaxNesting. It returns one error
// naming the limit and the line where the file reaches it, or nil.
func checkLimits(file string, data []byte) []diag.Diagnostic {
	if len(data) > MaxFileSize {
		return []diag.Diagnostic{TooBig(file, int64(len(data)), bytes.Count(data[:MaxFileSize], []byte("\n"))+1)}
	}
	switch strings.ToLower(path.Ext(file)) {
	case ".txt":
		line, over := textLimits(data, MaxElements, MaxParagraphSize)
		if over == overParagraphSize {
			return tooLong(file, line)
		}
		return tooMany(file, 0, line, "lines of text")
	case ".html", ".htm":
		return tooMany(file, 0, tagElements(data, MaxElements), "tags")
	}
	_, fm, fmLine, body, bodyLine, err := Split(data)
	if err != nil {
		return nil // reported by the front matter reader
	}
	if len(fm) > MaxFrontMatter {
		return []diag.Diagnostic{{File: file, Line: fmLine + bytes.Count(fm[:MaxFrontMatter], []byte("\n")),
			Msg:  fmt.Sprintf("front matter is %s, over the limit of %s (reached on this line)", size(int64(len(fm))), size(MaxFrontMatter)),
			Hint: "move long text from the front matter into the body below the closing fence, or split long lists (aliases, tags) over several files"}}
	}
	line, over := scanBody(body, bodyLimits{MaxNesting, MaxElements, MaxParagraphLines, MaxParagraphSize})
	switch over {
	case overDepth:
		return []diag.Diagnostic{{File: file, Line: bodyLine + line - 1,
			Msg:  fmt.Sprintf("lists and block quotes nest more than %d levels deep here, over the nesting limit", MaxNesting),
			Hint: fmt.Sprintf("indent fewer levels: each list item indented under another, and each >, is one level; keep to %d", MaxNesting)}}
	case overParagraph:
		return []diag.Diagnostic{{File: file, Line: bodyLine + line - 1,
			Msg:  fmt.Sprintf("this paragraph is over %d lines long, over the limit of lines for one paragraph", MaxParagraphLines),
			Hint: "put a blank line between paragraphs: a paragraph, or a table, is all the lines up to the next blank line"}}
	case overParagraphSize:
		return tooLong(file, bodyLine+line-1)
	case overElements:
		return tooMany(file, bodyLine-1, line, "Markdown elements (lines, list items, block quotes and [ * _ ` < ! |)")
	}
	return nil
}

// TooBig is the error for a file of n bytes, over MaxFileSize, that
// reaches the limit on the given line (0: refused unread).
func TooBig(file string, n int64, line int) diag.Diagnostic {
	at := ""
	if line > 0 {
		at = " (reached on this line)"
	}
	return diag.Diagnostic{File: file, Line: line,
		Msg:  fmt.Sprintf("file is %s, over the limit of %s for one file%s", size(n), size(MaxFileSize), at),
		Hint: "split it into several files of at most " + size(MaxFileSize) + ": one article per story, or the text in parts"}
}

// tooMany is the error for a file whose elements (what) pass MaxElements
// on line first+line of it, or nil when line is 0.
func tooMany(file string, first, line int, what string) []diag.Diagnostic {
	if line == 0 {
		return nil
	}
	return []diag.Diagnostic{{File: file, Line: first + line,
		Msg:  fmt.Sprintf("more than %d %s by this line, over the limit of elements for one file", MaxElements, what),
		Hint: "split the file before this line into several articles (one per story, or the text in parts), each with its own front matter or headline"}}
}

// tooLong is the error for a paragraph over MaxParagraphSize that reaches
// the limit on the given line of file.
func tooLong(file string, line int) []diag.Diagnostic {
	return []diag.Diagnostic{{File: file, Line: line,
		Msg:  fmt.Sprintf("this paragraph is over %s long by this line, over the limit for one paragraph", size(MaxParagraphSize)),
		Hint: "split it where its sentences end, with a blank line between the parts, and a long table into several: a paragraph written by hand is a few KB"}}
}

// paragraphsTooLong checks the paragraphs of a saved page (its blocks)
// against MaxParagraphSize, as checkLimits checks those of the other
// files before they are parsed.
func paragraphsTooLong(file string, blocks []model.Block) []diag.Diagnostic {
	for _, b := range blocks {
		if len(b.Text) > MaxParagraphSize {
			return tooLong(file, b.Line)
		}
	}
	return nil
}

// textLimits returns the 1-based line of text (a .txt file) at which it
// holds more than elements lines that are not blank (overElements), or
// at which a paragraph, its lines up to a blank line, grows over
// paragraph bytes (overParagraphSize); 0 and overNone for neither.
func textLimits(text []byte, elements, paragraph int) (int, int) {
	count, run := 0, 0
	for n := 1; len(text) > 0; n++ {
		l, rest, _ := cutLine(text)
		text = rest
		if len(bytes.TrimSpace(l)) == 0 {
			run = 0
			continue
		}
		if run += len(l) + 1; run > paragraph {
			return n, overParagraphSize
		}
		if count++; count > elements {
			return n, overElements
		}
	}
	return 0, overNone
}

// tagElements returns the 1-based line of a page at which it holds more
// than max tags, or 0. End tags make no element and are not counted;
// comments and declarations ("<!") are.
func tagElements(page []byte, max int) int {
	count, line := 0, 1
	for i := 0; i+1 < len(page); i++ {
		switch c := page[i]; {
		case c == '\n':
			line++
		case c == '<':
			if d := page[i+1] | 0x20; d >= 'a' && d <= 'z' || page[i+1] == '!' {
				if count++; count > max {
					return line
				}
			}
		}
	}
	return 0
}

// opener marks the bytes that may open an inline element of Markdown.
var opener = [256]bool{'[': true, '*': true, '_': true, '`': true, '<': true, '!': true, '|': true}

// size writes a number of bytes for people: "20 MB", "1.5 MB", "64 KB".
// It rounds up, so that a file just over a limit does not read as the
// limit itself.
func size(n int64) string {
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

// Which limit scanBody found passed.
const (
	overNone = iota
	overDepth
	overElements
	overParagraph
	overParagraphSize
)

// scanBody scans a Markdown text line by line, following CommonMark's
// rules for list items and block quotes closely enough to count how deep
// they nest, counting its elements as MaxElements does and the lines of
// each paragraph. It returns the first 1-based line at which the text
// passes one of lim, and which; 0 and overNone for none. It is a single
// pass, so that a file can be refused before the parser spends minutes
// on it.
//
// Where the rules leave room (tabs, lazy continuation lines), the scan
// counts as deep as the parser could. It does not skip fenced code: a
// fence it took for one that the parser does not would hide the rest of
// the file, and no code block of an article nests 32 levels.
func scanBody(text []byte, lim bodyLimits) (int, int) {
	var stack []container
	prevBlank := true
	elements, run, runBytes := 0, 0, 0
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
			run, runBytes = 0, 0
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
			elements++
			if len(stack) > lim.depth {
				return n, overDepth
			}
		}
		elements++
		for _, c := range l[pos:] {
			if opener[c] {
				elements++
			}
		}
		if elements > lim.elements {
			return n, overElements
		}
		if opened {
			// A list item or block quote starts a paragraph.
			run, runBytes = 0, 0
		}
		if run++; run > lim.paragraph {
			return n, overParagraph
		}
		if runBytes += len(l) - pos + 1; runBytes > lim.paragraphSize {
			return n, overParagraphSize
		}
		// A line that opens nothing and follows a blank line ends the
		// containers it does not go on in; after text it may be a lazy
		// continuation of the paragraph, which keeps them.
		if !opened && prevBlank {
			stack = stack[:matched]
		}
		prevBlank = false
	}
	return 0, overNone
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
