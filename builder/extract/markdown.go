package extract

import (
	"bytes"
	stdhtml "html"
	"html/template"
	"strings"
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// Options are the site-wide settings that change what extraction produces.
// Links to actor profiles are written site-absolute ("/actors/x/"): the
// base path is the renderer's to add (model.Source.HTML), so that a
// change of the base URL does not make every article be read again.
type Options struct {
	// UnsafeHTML passes raw HTML in Markdown through instead of escaping it.
	UnsafeHTML bool
	// Boilerplate holds extra patterns of lines to drop from .txt articles.
	Boilerplate []string
	// Language is the site's language, the one of articles that declare
	// none: it picks the lexicon quotes, dates and figures are read with.
	Language string
}

// markdowns keeps one goldmark instance per option set. goldmark's parser
// and renderer hold no per-document state, but instances are pooled anyway
// so that concurrent workers never share scratch buffers.
var markdowns sync.Map // bool (unsafe) → *sync.Pool

func newMarkdown(unsafe bool) goldmark.Markdown {
	var ropts []goldmark.Option
	ropts = append(ropts,
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
	if unsafe {
		ropts = append(ropts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	return goldmark.New(ropts...)
}

func getMarkdown(unsafe bool) (goldmark.Markdown, func()) {
	p, _ := markdowns.LoadOrStore(unsafe, &sync.Pool{New: func() any { return newMarkdown(unsafe) }})
	pool := p.(*sync.Pool)
	md := pool.Get().(goldmark.Markdown)
	return md, func() { pool.Put(md) }
}

// linker links the first mention of each actor in a document.
type linker struct {
	m        *Matcher
	opts     Options
	self     string         // actor slug of the page itself, never linked
	counts   map[string]int // mentions per actor
	order    []string       // actors by first mention
	linked   map[string]bool
	forms    map[string]bool // misspellings linked so far
	noLink   bool            // only count, do not link
	paras    []string
	lines    []int // line of each of paras in the file, 0 when unknown
	line0    int   // line of the file where the rendered text starts
	nl       struct{ off, line int }
	wordSize int
	links    *bodyLinks // nil: links are left as written
}

// link reports whether mention m gets a link, and records it: the first
// mention of each actor does, and so does the first use of each
// misspelling, so that its right spelling shows on hover.
func (l *linker) link(m Match) bool {
	if m.Name.Actor == l.self {
		return false
	}
	if l.linked[m.Name.Actor] && !(m.Name.Misspelling && !l.forms[m.Name.Text]) {
		return false
	}
	l.linked[m.Name.Actor] = true
	if m.Name.Misspelling {
		l.forms[m.Name.Text] = true
	}
	return true
}

// lineAt returns the line of byte off of a Markdown source; offsets must
// come in increasing order for it to stay linear.
func (l *linker) lineAt(src []byte, off int) int {
	if l.line0 == 0 || off < l.nl.off || off > len(src) {
		return 0
	}
	l.nl.line += bytes.Count(src[l.nl.off:off], []byte("\n"))
	l.nl.off = off
	return l.line0 + l.nl.line
}

func newLinker(m *Matcher, opts Options, self string) *linker {
	return &linker{m: m, opts: opts, self: self, counts: map[string]int{}, linked: map[string]bool{}, forms: map[string]bool{}}
}

func (l *linker) count(s string) []Match {
	ms := l.m.Find(s)
	for _, x := range ms {
		if x.Name.Actor == l.self {
			continue
		}
		if l.counts[x.Name.Actor] == 0 {
			l.order = append(l.order, x.Name.Actor)
		}
		l.counts[x.Name.Actor]++
	}
	return ms
}

func (l *linker) url(slug string) string { return "/actors/" + slug + "/" }

// renderMarkdown renders src to HTML, linking mentions, and collects the
// plain text of every block.
func (l *linker) renderMarkdown(src []byte) (template.HTML, error) {
	md, done := getMarkdown(l.opts.UnsafeHTML)
	defer done()
	doc := md.Parser().Parse(text.NewReader(src))
	if l.links != nil {
		// Before mentions are linked: those are the linker's own.
		l.links.rewrite(doc, src)
	}
	l.walkBlocks(doc, src)
	var buf bytes.Buffer
	buf.Grow(len(src) + len(src)/4)
	if err := md.Renderer().Render(&buf, src, doc); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// walkBlocks visits every block that holds inline text (paragraphs,
// headings, table cells), records its plain text and links mentions in it.
func (l *linker) walkBlocks(n ast.Node, src []byte) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c.Kind() {
		case ast.KindParagraph, ast.KindTextBlock, ast.KindHeading, east.KindTableCell:
			l.block(c, src, c.Kind() != ast.KindHeading)
		case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
			// Code and raw HTML are not prose.
		default:
			l.walkBlocks(c, src)
		}
	}
}

// piece maps a run of a block's plain text back to the Text node it came
// from, so that a mention found in the block can be turned into a link.
type piece struct {
	start, end int
	node       *ast.Text
}

func (l *linker) block(b ast.Node, src []byte, link bool) {
	var sb strings.Builder
	var pieces []piece
	var walk func(n ast.Node, inLink bool)
	walk = func(n ast.Node, inLink bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				v := t.Segment.Value(src)
				start := sb.Len()
				sb.Write(v)
				if !inLink {
					pieces = append(pieces, piece{start, sb.Len(), t})
				}
				if t.SoftLineBreak() || t.HardLineBreak() {
					sb.WriteByte(' ')
				}
			case *ast.String:
				// The typographer's substitutions are HTML entities
				// ("&ldquo;"); plain text wants the characters.
				if bytes.IndexByte(t.Value, '&') < 0 {
					sb.Write(t.Value)
				} else {
					sb.WriteString(stdhtml.UnescapeString(string(t.Value)))
				}
			case *ast.CodeSpan:
				walk(c, true)
			case *ast.Link, *ast.AutoLink, *ast.Image:
				walk(c, true)
			case *ast.RawHTML:
			default:
				walk(c, inLink)
			}
		}
	}
	walk(b, false)
	plain := sb.String()
	if strings.TrimSpace(plain) == "" {
		return
	}
	if b.Kind() != ast.KindHeading {
		l.paras = append(l.paras, plain)
		line := 0
		if ls := b.Lines(); ls != nil && ls.Len() > 0 {
			line = l.lineAt(src, ls.At(0).Start)
		} else if len(pieces) > 0 {
			line = l.lineAt(src, pieces[0].node.Segment.Start)
		}
		l.lines = append(l.lines, line)
	}
	l.wordSize += countFields(plain)
	ms := l.count(plain)
	if !link || l.noLink {
		return
	}
	// Link the first mention of each actor when it lies inside one Text
	// node; a name broken over two nodes (a soft line break, emphasis in
	// the middle) is counted but not linked.
	pi := 0
	for _, m := range ms {
		if m.Name.Actor == l.self || (l.linked[m.Name.Actor] && !(m.Name.Misspelling && !l.forms[m.Name.Text])) {
			continue
		}
		for pi < len(pieces) && pieces[pi].end <= m.Start {
			pi++
		}
		if pi == len(pieces) {
			break
		}
		p := pieces[pi]
		if m.Start < p.start || m.End > p.end {
			continue
		}
		l.link(m)
		pieces[pi].node = l.splitLink(p, m)
		pieces[pi].start = m.End
	}
}

// splitLink replaces the text node of p by [before][link][after] and
// returns the node holding the text after the link.
func (l *linker) splitLink(p piece, m Match) *ast.Text {
	t := p.node
	seg := t.Segment
	a := seg.Start + (m.Start - p.start)
	b := seg.Start + (m.End - p.start)
	parent := t.Parent()
	before := ast.NewTextSegment(text.NewSegment(seg.Start, a))
	after := ast.NewTextSegment(text.NewSegment(b, seg.Stop))
	after.SetSoftLineBreak(t.SoftLineBreak())
	after.SetHardLineBreak(t.HardLineBreak())
	link := ast.NewLink()
	link.Destination = []byte(l.url(m.Name.Actor))
	if m.Name.Misspelling || m.Name.Text != m.Name.Canonical {
		link.Title = []byte(m.Name.Canonical)
	}
	if m.Name.Misspelling {
		link.SetAttributeString("class", []byte("mention misspelling"))
	} else {
		link.SetAttributeString("class", []byte("mention"))
	}
	link.AppendChild(link, ast.NewTextSegment(text.NewSegment(a, b)))
	if a > seg.Start {
		parent.InsertBefore(parent, t, before)
	}
	parent.InsertBefore(parent, t, link)
	parent.ReplaceChild(parent, t, after)
	return after
}
