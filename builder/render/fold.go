package render

import (
	"fmt"
	"html/template"
	"io"
	"reflect"
	"strconv"
	"strings"
	"text/template/parse"

	"github.com/briefhq/brief/builder/model"
)

// Calls whose arguments are constants give the same value on every page:
// {{t "nav.events"}}, {{url "style.css"}}, {{siteDir}}. text/template
// makes each call through reflection, and html/template adds an escaper
// call after it, five allocations or so per call in all; a page has
// dozens of them and a list line several. foldConstants evaluates them
// once, when the templates are parsed, and writes the value into the
// escaped template: as text where the escapers html/template chose are
// known (see escapeConst), else as a string the escapers still see, so
// the output is what the call would have written. It works on any
// template, a theme's as well as the built-in ones.
//
// The escapers themselves take ...any: each call makes a slice and boxes
// its argument, and {{url .}} in an href has three of them. Where a
// function of the site's with a string result (url, date, datetime, t,
// ...) is followed by escapers whose rules for a plain string are known,
// they are replaced by one that takes a string and does what they would
// have done in turn (see fuseEscapers).

// stopWriter fails the first write, so that an execution ends before it
// does anything but escape.
type stopWriter struct{}

func (stopWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// foldConstants folds the constant calls of every template of set, whose
// entry is base.html. html/template chooses its escapers on a set's
// first execution and has no other way to ask for it, so set is executed
// once, with no data, into a writer that stops it at its first byte; the
// error that ends it is of no interest. Text replaces an action only
// where html/template's escapers follow the constant, which is the mark
// of an escaped template: a template that did not escape (or that
// base.html does not call) keeps its actions, with constants for calls,
// and renders as it would have.
//
// fm are the functions set was parsed with.
func foldConstants(set *template.Template, fm template.FuncMap, cfg model.Config, cat *catalog) {
	_ = set.ExecuteTemplate(stopWriter{}, "base.html", nil)
	f := folder{cfg: cfg, cat: cat, fm: fm, fused: template.FuncMap{}}
	for _, t := range set.Templates() {
		if t.Tree != nil && t.Tree.Root != nil {
			f.list(t.Tree.Root)
		}
	}
	set.Funcs(f.fused)
}

// folder evaluates constant calls for one template set.
type folder struct {
	cfg   model.Config
	cat   *catalog
	fm    template.FuncMap
	fused template.FuncMap // the escapers fuseEscapers made, by name
}

func (f folder) list(l *parse.ListNode) {
	if l == nil {
		return
	}
	for i, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			f.pipe(n.Pipe)
			if s, ok := constText(n.Pipe); ok {
				l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte(s)}
			} else {
				f.fuseEscapers(n.Pipe)
			}
		case *parse.IfNode:
			f.branch(&n.BranchNode)
		case *parse.RangeNode:
			f.branch(&n.BranchNode)
		case *parse.WithNode:
			f.branch(&n.BranchNode)
		case *parse.TemplateNode:
			f.pipe(n.Pipe)
		case *parse.ListNode:
			f.list(n)
		}
	}
}

func (f folder) branch(b *parse.BranchNode) {
	f.pipe(b.Pipe)
	f.list(b.List)
	f.list(b.ElseList)
}

// pipe folds the calls of p: its first command, and the parenthesised
// pipelines among the arguments of every command.
func (f folder) pipe(p *parse.PipeNode) {
	if p == nil {
		return
	}
	for i, c := range p.Cmds {
		for j, a := range c.Args {
			if id, ok := a.(*parse.IdentifierNode); ok && j > 0 {
				// A function named as an argument is called with none:
				// {{if eq siteDir "rtl"}}.
				if lit := f.call(&parse.CommandNode{NodeType: parse.NodeCommand, Pos: id.Pos, Args: []parse.Node{id}}); lit != nil {
					c.Args[j] = lit
				}
			}
			if sub, ok := a.(*parse.PipeNode); ok {
				f.pipe(sub)
				if len(sub.Decl) == 0 && len(sub.Cmds) == 1 && len(sub.Cmds[0].Args) == 1 {
					if lit, ok := sub.Cmds[0].Args[0].(*parse.StringNode); ok {
						c.Args[j] = lit
					} else if lit, ok := sub.Cmds[0].Args[0].(*parse.BoolNode); ok {
						c.Args[j] = lit
					}
				}
			}
		}
		// Only the first command: a later one gets the value before it
		// as its last argument.
		if i == 0 {
			if lit := f.call(c); lit != nil {
				c.Args = []parse.Node{lit}
			}
		}
	}
}

// call returns the value of c as a literal node when c calls a function
// whose value depends only on the site's configuration and language,
// with constant arguments; else nil. A call that fails is left to fail
// when a page is rendered, where the error names the page.
func (f folder) call(c *parse.CommandNode) parse.Node {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok {
		return nil
	}
	args := make([]string, 0, len(c.Args)-1)
	for _, a := range c.Args[1:] {
		s, ok := a.(*parse.StringNode)
		if !ok {
			return nil
		}
		args = append(args, s.Text)
	}
	str := func(s string) parse.Node {
		return &parse.StringNode{NodeType: parse.NodeString, Pos: c.Pos, Quoted: strconv.Quote(s), Text: s}
	}
	switch {
	case id.Ident == "t" && len(args) >= 1 && len(args)%2 == 1:
		rest := make([]any, len(args)-1)
		for i, a := range args[1:] {
			rest[i] = a
		}
		if s, err := f.cat.t(args[0], rest...); err == nil {
			return str(s)
		}
	case id.Ident == "url" && len(args) == 1:
		if s, err := URL(f.cfg, args[0]); err == nil {
			return str(s)
		}
	case id.Ident == "absURL" && len(args) == 1:
		if s, err := AbsURL(f.cfg, args[0]); err == nil {
			return str(s)
		}
	case id.Ident == "kindLabel" && len(args) == 1:
		return str(f.cat.text["kind."+args[0]])
	case id.Ident == "kindsLabel" && len(args) == 1:
		return str(f.cat.text["kinds."+args[0]])
	case id.Ident == "siteDir" && len(args) == 0:
		if model.RightToLeft(f.cat.lang) {
			return str("rtl")
		}
		return str("ltr")
	case id.Ident == "hasHost" && len(args) == 0:
		return &parse.BoolNode{NodeType: parse.NodeBool, Pos: c.Pos, True: hasHost(f.cfg)}
	}
	return nil
}

// constText returns what an output action writes when it is a string
// constant followed only by escapers, at least one, whose output
// escapeConst knows.
func constText(p *parse.PipeNode) (string, bool) {
	if len(p.Decl) != 0 || len(p.Cmds) < 2 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	lit, ok := p.Cmds[0].Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	s := lit.Text
	for _, c := range p.Cmds[1:] {
		id, ok := c.Args[0].(*parse.IdentifierNode)
		if !ok || len(c.Args) != 1 {
			return "", false
		}
		if s, ok = escapeConst(id.Ident, s); !ok {
			return "", false
		}
	}
	return s, true
}

// fuseEscapers replaces the escapers at the end of an output action by
// one function: of a string, when the value they get is a plain string
// (the result of a function whose result type is string: html/template
// treats its values by their type) and plainEscapers knows them all; of
// any value, as a field gives it, when anyEscapers knows the first.
// The escapers stay apart from the call before them, so that an error
// of url or t names them as before.
func (f folder) fuseEscapers(p *parse.PipeNode) {
	k := len(p.Cmds)
	for k > 0 && isEscaper(p.Cmds[k-1]) {
		k--
	}
	if k == 0 || k == len(p.Cmds) {
		return
	}
	plain := f.givesString(p.Cmds[k-1])
	var name strings.Builder
	name.WriteString("_brief")
	if !plain {
		name.WriteString("_any")
	}
	var first func(any) string
	chain := make([]func(string) string, 0, len(p.Cmds)-k)
	for i, c := range p.Cmds[k:] {
		id := c.Args[0].(*parse.IdentifierNode).Ident
		esc, ok := plainEscapers[id]
		if i == 0 && !plain {
			// Only the first escaper sees the value itself: the
			// others get the string it returns.
			first, ok = anyEscapers[id]
		}
		if !ok {
			return
		}
		if first == nil || i > 0 {
			chain = append(chain, esc)
		}
		name.WriteString(strings.TrimPrefix(id, "_html_template"))
	}
	n := name.String()
	if _, ok := f.fused[n]; !ok {
		if plain {
			f.fused[n] = func(s string) string {
				for _, esc := range chain {
					s = esc(s)
				}
				return s
			}
		} else {
			f.fused[n] = func(v any) string {
				s := first(v)
				for _, esc := range chain {
					s = esc(s)
				}
				return s
			}
		}
	}
	pos := p.Cmds[k].Pos
	p.Cmds = append(p.Cmds[:k], &parse.CommandNode{NodeType: parse.NodeCommand, Pos: pos,
		Args: []parse.Node{parse.NewIdentifier(n).SetPos(pos)}})
}

// isEscaper reports whether c is an escaper html/template added.
func isEscaper(c *parse.CommandNode) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && len(c.Args) == 1 && strings.HasPrefix(id.Ident, "_html_template_")
}

var stringType = reflect.TypeFor[string]()

// givesString reports whether c calls a function of the site's, or
// printf or print, whose result is of type string.
func (f folder) givesString(c *parse.CommandNode) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok {
		return false
	}
	fn, ok := f.fm[id.Ident]
	if !ok {
		return id.Ident == "printf" || id.Ident == "print"
	}
	t := reflect.TypeOf(fn)
	return t.Kind() == reflect.Func && t.NumOut() >= 1 && t.Out(0) == stringType
}

// plainEscapers do what the html/template escaper of each name does to a
// plain string (one that is no template.HTML, URL or other typed
// content); TestFoldEscapers checks each against html/template.
var plainEscapers = map[string]func(string) string{
	"_html_template_htmlescaper":   htmlReplacer.Replace,
	"_html_template_attrescaper":   htmlReplacer.Replace,
	"_html_template_rcdataescaper": htmlReplacer.Replace,
	"_html_template_urlfilter":     urlFilter,
	"_html_template_urlnormalizer": func(s string) string { return processURL(s, true) },
	"_html_template_urlescaper":    func(s string) string { return processURL(s, false) },
}

// anyEscapers do what the html/template escaper of each name does to a
// value of any type, as its stringify turns it into a string and tells
// its type of content; TestFoldEscapers checks each against
// html/template.
var anyEscapers = map[string]func(any) string{
	"_html_template_htmlescaper": func(v any) string {
		s, c := stringify(v)
		if c == contentHTML {
			return s
		}
		return htmlReplacer.Replace(s)
	},
	"_html_template_attrescaper": func(v any) string {
		s, c := stringify(v)
		if c == contentHTML {
			return attrOfHTML(s)
		}
		return htmlReplacer.Replace(s)
	},
	"_html_template_rcdataescaper": func(v any) string {
		s, c := stringify(v)
		if c == contentHTML {
			return htmlNormReplacer.Replace(s)
		}
		return htmlReplacer.Replace(s)
	},
	"_html_template_urlfilter": func(v any) string {
		s, c := stringify(v)
		if c == contentURL {
			return s
		}
		return urlFilter(s)
	},
	"_html_template_urlnormalizer": func(v any) string {
		s, _ := stringify(v)
		return processURL(s, true)
	},
	"_html_template_urlescaper": func(v any) string {
		s, c := stringify(v)
		return processURL(s, c == contentURL)
	},
}

// attrProbe has html/template escape a value for a quoted attribute.
var attrProbe = template.Must(template.New("attr").Parse(`<a title="{{.}}">`))

// attrOfHTML is what the attribute escaper writes for template.HTML: its
// text without tags, escaped. html/template strips the tags by its own
// rules, which the probe applies; an attribute seldom gets HTML.
func attrOfHTML(h string) string {
	var b strings.Builder
	if err := attrProbe.Execute(&b, template.HTML(h)); err != nil {
		return ""
	}
	return strings.TrimSuffix(strings.TrimPrefix(b.String(), `<a title="`), `">`)
}

// Types of content, of those the escapers of anyEscapers tell apart.
const (
	contentOther = iota
	contentHTML
	contentURL
)

// stringify is html/template's for one value: a string or typed content
// as it is (pointers followed), and anything else as fmt.Sprint writes
// it, after following pointers up to a fmt.Stringer or error; nil is "".
func stringify(v any) (string, int) {
	switch s := indirect(v).(type) {
	case string:
		return s, contentOther
	case template.HTML:
		return string(s), contentHTML
	case template.URL:
		return string(s), contentURL
	case template.CSS:
		return string(s), contentOther
	case template.HTMLAttr:
		return string(s), contentOther
	case template.JS:
		return string(s), contentOther
	case template.JSStr:
		return string(s), contentOther
	case template.Srcset:
		return string(s), contentOther
	}
	if v == nil {
		return "", contentOther
	}
	return fmt.Sprint(indirectToStringerOrError(v)), contentOther
}

var (
	errorType    = reflect.TypeFor[error]()
	stringerType = reflect.TypeFor[fmt.Stringer]()
)

// indirect follows pointers to the value they lead to, or to nil.
func indirect(a any) any {
	if a == nil {
		return nil
	}
	if t := reflect.TypeOf(a); t.Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// indirectToStringerOrError follows pointers up to a fmt.Stringer, an
// error, nil or a value that is no pointer.
func indirectToStringerOrError(a any) any {
	v := reflect.ValueOf(a)
	for !v.Type().Implements(stringerType) && !v.Type().Implements(errorType) && v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// htmlNormReplacer is htmlReplacer but for "&": what the RCDATA escaper
// does to template.HTML, whose entities stand.
var htmlNormReplacer = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// htmlReplacer is what html/template's HTML, attribute and RCDATA
// escapers do to a plain string (its htmlReplacementTable): every byte
// of the table is ASCII, which is never part of another character in
// UTF-8, and it leaves all other bytes as they are.
var htmlReplacer = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;")

// urlFilter is html/template's: an address with a scheme other than
// http, https or mailto becomes "#ZgotmplZ".
func urlFilter(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// processURL is html/template's URL normalizer (norm) or escaper: it
// percent-encodes every byte but the unreserved ones, and, normalizing,
// the reserved ones and valid escapes.
func processURL(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']':
			if norm {
				continue
			}
		case '-', '.', '_', '~':
			continue
		case '%':
			if norm && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
				continue
			}
		default:
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		fmt.Fprintf(&b, "%%%02x", c)
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// escapeConst returns what the html/template escaper name writes for the
// plain string s, when plainEscapers knows it.
func escapeConst(name, s string) (string, bool) {
	esc, ok := plainEscapers[name]
	if !ok {
		return "", false
	}
	return esc(s), true
}
