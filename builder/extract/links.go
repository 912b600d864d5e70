package extract

import (
	"fmt"
	"html"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Kinds of items a body links to, as the first part of their URL and of
// an "@/" link.
const (
	kindArticles = "articles"
	kindEvents   = "events"
	kindActors   = "actors"
)

// bodyLinks is what the links of one body need: the body's file, its own
// page's URL (for the files of a page bundle) and its resources.
type bodyLinks struct {
	file  string
	page  string                    // "/articles/slug/", where the item's resources are
	res   map[string]model.Resource // by Name
	links []model.Link
	ds    []diag.Diagnostic
	nls   []int // offsets of the newlines of the source
	line0 int
}

func newBodyLinks(file, page string, res []model.Resource, line0 int) *bodyLinks {
	b := &bodyLinks{file: file, page: page, line0: line0}
	if len(res) > 0 {
		b.res = make(map[string]model.Resource, len(res))
		for _, r := range res {
			b.res[r.Name] = r
		}
	}
	return b
}

// rewrite turns every link and image of doc that names a content file or
// an item ("../events/x.md", "@/actors/x") into the item's site-absolute
// URL, and an image of a page bundle into the URL of its copy, recording
// each as a model.Link.
func (b *bodyLinks) rewrite(doc ast.Node, src []byte) {
	for i, c := range src {
		if c == '\n' {
			b.nls = append(b.nls, i)
		}
	}
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := n.(type) {
		case *ast.Link:
			t.Destination = []byte(b.dest(string(t.Destination), b.line(n, src), false, nil))
		case *ast.Image:
			line := b.line(n, src)
			t.Destination = []byte(b.dest(string(t.Destination), line, true, t))
			if !hasText(t) {
				b.ds = append(b.ds, diag.Diagnostic{File: b.file, Line: line, Severity: diag.Warning,
					Msg:  fmt.Sprintf("image %s has no alt text", t.Destination),
					Hint: "describe it for readers who cannot see it: ![what it shows](" + string(t.Destination) + ")"})
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// dest returns the address a link or image written as d points to, and
// records it when it leads into the site.
func (b *bodyLinks) dest(d string, line int, image bool, img *ast.Image) string {
	if d == "" || d[0] == '#' || strings.HasPrefix(d, "//") || hasScheme(d) {
		return d
	}
	p, frag := d, ""
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p, frag = d[:i], d[i:]
	}
	if strings.HasPrefix(p, "@/") {
		kind, name, _ := strings.Cut(strings.TrimSuffix(p[2:], "/"), "/")
		if kind != kindArticles && kind != kindEvents && kind != kindActors || name == "" {
			b.ds = append(b.ds, diag.Diagnostic{File: b.file, Line: line, Msg: fmt.Sprintf("link %s names no article, event or actor", d),
				Hint: "write @/articles/SLUG, @/events/SLUG or @/actors/SLUG"})
			return d
		}
		if isContentFile(name) {
			return b.item("content/"+kind+"/"+name, kind, frag, line, image)
		}
		return b.record(model.Link{Kind: kind, Slug: name, Href: "/" + kind + "/" + name + "/", Line: line, Image: image}, frag)
	}
	if strings.HasPrefix(p, "/") {
		b.record(model.Link{Href: p, Line: line, Image: image}, "")
		return d
	}
	target := path.Join(path.Dir(b.file), p)
	if isContentFile(p) {
		if kind := kindOf(target); kind != "" {
			return b.item(target, kind, frag, line, image)
		}
	}
	if r, ok := b.res[path.Clean(p)]; ok && b.page != "" {
		if img != nil && r.Width > 0 && r.Height > 0 {
			img.SetAttributeString("width", []byte(strconv.Itoa(r.Width)))
			img.SetAttributeString("height", []byte(strconv.Itoa(r.Height)))
		}
		return b.record(model.Link{Href: b.page + r.Name, Line: line, Image: image}, frag)
	}
	if rest, ok := strings.CutPrefix(target, "static/"); ok {
		// A file of static/, published at the site's root.
		return b.record(model.Link{Href: "/" + rest, Line: line, Image: image}, frag)
	}
	return d
}

// item records a link to the content file target, of kind, and returns
// the URL it has if its slug is the one its file name makes (resolve
// checks that).
func (b *bodyLinks) item(target, kind, frag string, line int, image bool) string {
	slug := model.FileSlug(target)
	return b.record(model.Link{Kind: kind, Slug: slug, File: target, Href: "/" + kind + "/" + slug + "/", Line: line, Image: image}, frag)
}

func (b *bodyLinks) record(l model.Link, frag string) string {
	b.links = append(b.links, l)
	return l.Href + frag
}

// line returns the line of the file where n is written.
func (b *bodyLinks) line(n ast.Node, src []byte) int {
	if b.line0 == 0 {
		return 0
	}
	off := -1
	for p := n; p != nil && off < 0; p = p.Parent() {
		if t, ok := p.(*ast.Text); ok {
			off = t.Segment.Start
		} else if p.Type() == ast.TypeBlock && p.Lines() != nil && p.Lines().Len() > 0 {
			off = p.Lines().At(0).Start
		} else if p.Type() == ast.TypeInline {
			// The first text inside the inline, or the block around it.
			for c := p.FirstChild(); c != nil; c = c.FirstChild() {
				if t, ok := c.(*ast.Text); ok {
					off = t.Segment.Start
					break
				}
			}
		}
	}
	if off < 0 {
		return 0
	}
	return b.line0 + sort.SearchInts(b.nls, off)
}

// kindOf returns the kind of item the content file p is, "" for none.
func kindOf(p string) string {
	rest, ok := strings.CutPrefix(p, "content/")
	if !ok {
		return ""
	}
	kind, name, _ := strings.Cut(rest, "/")
	switch {
	case kind == kindArticles && name != "":
		return kind
	case (kind == kindEvents || kind == kindActors) && name != "" && !strings.Contains(name, "/"):
		return kind
	}
	return ""
}

func isContentFile(p string) bool {
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// hasScheme reports whether d starts with a URL scheme ("https:",
// "mailto:").
func hasScheme(d string) bool {
	i := strings.IndexByte(d, ':')
	return i > 0 && !strings.ContainsAny(d[:i], "/?#")
}

func hasText(n ast.Node) bool {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Len() > 0 {
			return true
		}
		if _, ok := c.(*ast.String); ok || hasText(c) {
			return true
		}
	}
	return false
}

// savedImage writes the image of a saved page that blk holds, if it was
// saved with the page, from the copy published beside the article.
func (l *linker) savedImage(b *strings.Builder, blk model.Block) {
	if l.links == nil {
		return
	}
	r, ok := l.links.res[blk.Image]
	if !ok {
		return // not saved with the page: nothing to show
	}
	src := l.links.record(model.Link{Href: l.links.page + r.Name, Line: blk.Line, Image: true}, "")
	b.WriteString(`<p><img src="`)
	b.WriteString(html.EscapeString(src))
	b.WriteString(`" alt="`)
	b.WriteString(html.EscapeString(blk.Text))
	b.WriteString(`"`)
	if r.Width > 0 && r.Height > 0 {
		fmt.Fprintf(b, ` width="%d" height="%d"`, r.Width, r.Height)
	}
	b.WriteString("></p>\n")
}
