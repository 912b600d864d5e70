package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/briefhq/brief/builder/model"
)

// foldContexts are the places a constant can stand in a template, each
// with the escapers html/template gives it there: text, a quoted and an
// unquoted attribute, RCDATA, a URL and a URL's query, a script, a style
// and a srcset (whose escapers are not folded to text).
var foldContexts = []string{
	`<p>{{.}}</p>`,
	`<p title="{{.}}">`,
	`<p title={{.}}>`,
	`<textarea>{{.}}</textarea>`,
	`<title>{{.}}</title>`,
	`<a href="{{.}}">x</a>`,
	`<a href="/search/?q={{.}}">x</a>`,
	`<a href="/{{.}}/x">x</a>`,
	`<script>var x = {{.}};</script>`,
	`<style>p { color: {{.}} }</style>`,
	`<img srcset="{{.}}">`,
}

// foldStrings are constants with every byte html/template's escapers
// treat specially, and some they leave.
var foldStrings = []string{
	"", "events/", "Events", "style.css", "a-b_c.d~e/f", "Who's quoted", `say "no"`,
	"a & b", "1 + 1", "<b>x</b>", "x\x00y", "javascript:alert(1)", "https://example.org/a?b=c&d",
	"a b", "100%", "%41", "Київ — «Ukraine»", "\xff\xfe", "\uFFFE", "\uFDD0", "#top", "?q=1", "a:b", "//x",
}

// TestFoldEscapers checks that folding a constant gives, in every
// context, the bytes html/template writes for it, and that the
// constants in text, attributes, RCDATA and plain site paths do become
// text.
func TestFoldEscapers(t *testing.T) {
	cat, _ := catalogFor(t, "en")
	cfg := model.Config{BasePath: "/"}
	folded := 0
	for _, ctx := range foldContexts {
		for _, s := range foldStrings {
			src := strings.Replace(ctx, "{{.}}", "{{"+quoteTemplate(s)+"}}", 1)
			want := execString(t, parseSet(t, src, cfg, cat, false))
			set := parseSet(t, src, cfg, cat, true)
			if got := execString(t, set); got != want {
				t.Errorf("%q in %s: folded %q, html/template %q", s, ctx, got, want)
			}
			if !hasAction(set.Lookup("base.html").Tree.Root) {
				folded++
			}
		}
	}
	// Text, the quoted attribute, the two RCDATA elements and the three
	// URLs: every string.
	if want := 7 * len(foldStrings); folded < want {
		t.Errorf("folded %d constants to text, want at least %d", folded, want)
	}
	// The value of a function with a string result, as the data gives
	// it: the escapers after it are fused in the same contexts.
	fused := 0
	for _, ctx := range foldContexts {
		src := strings.Replace(ctx, "{{.}}", `{{printf "%s" .}}`, 1)
		plain, set := parseSet(t, src, cfg, cat, false), parseSet(t, src, cfg, cat, true)
		for _, s := range foldStrings {
			if got, want := execWith(t, set, s), execWith(t, plain, s); got != want {
				t.Errorf("%q in %s: fused %q, html/template %q", s, ctx, got, want)
			}
		}
		if strings.Contains(set.Lookup("base.html").Tree.Root.String(), "_brief_") {
			fused++
		}
	}
	if fused < 7 {
		t.Errorf("fused the escapers of %d contexts, want 7", fused)
	}
	// A value of any type, as a field or the dot gives it.
	fused = 0
	for _, ctx := range foldContexts {
		plain, set := parseSet(t, ctx, cfg, cat, false), parseSet(t, ctx, cfg, cat, true)
		for _, v := range foldValues() {
			if got, want := execWith(t, set, v), execWith(t, plain, v); got != want {
				t.Errorf("%T %v in %s: fused %q, html/template %q", v, v, ctx, got, want)
			}
		}
		if strings.Contains(set.Lookup("base.html").Tree.Root.String(), "_brief_any") {
			fused++
		}
	}
	// Text, the quoted attribute, the two RCDATA elements, the three
	// URLs.
	if fused < 7 {
		t.Errorf("fused the escapers of values in %d contexts, want 7", fused)
	}
}

// foldValues are values of the types html/template's escapers tell apart
// and of those they print.
func foldValues() []any {
	s, h, n := "a & b", template.HTML("<b>x</b> &amp; +"), 0
	var nilPtr *string
	var nilIface fmt.Stringer
	values := []any{
		nil, nilPtr, nilIface, &s, &h, 42, &n, 1.5, true, []string{"a", "<b>"}, map[string]int{"x": 1},
		template.HTML("<i>it's</i> \x00"), template.URL("javascript:alert(1)"), template.URL("/a b?c=d"),
		template.CSS("a<b"), template.HTMLAttr(` x="y"`), template.JS("a+b"), template.JSStr("a'b"),
		template.Srcset("a.png 1x"), model.Date{}, errors.New("it's <bad>"), stringer("<s>"), &stringerPtr{"p&q"},
	}
	for _, x := range foldStrings {
		values = append(values, x)
	}
	return values
}

type stringer string

func (s stringer) String() string { return "str:" + string(s) }

type stringerPtr struct{ s string }

func (s *stringerPtr) String() string { return "ptr:" + s.s }

// TestFoldCalls checks that constant calls of the site's functions are
// folded, to the value the call gives, and that calls with other
// arguments, or that fail, are left to run when a page is rendered.
func TestFoldCalls(t *testing.T) {
	cat, _ := catalogFor(t, "en")
	for _, base := range []string{"/", "/brief/"} {
		cfg := model.Config{BasePath: base, BaseURL: "https://example.org" + base}
		src := `<!DOCTYPE html><html dir="{{siteDir}}"><a href="{{url "events/"}}" title="{{kindLabel "person"}}">{{t "page.events"}}</a>` +
			`<link href="{{absURL "feed.xml"}}">{{if hasHost}}host{{end}}{{if and hasHost (eq siteDir "ltr")}}ltr{{end}}{{t "graphic.timeline_actor" "name" "O'Brien"}}` +
			`<p>{{tn "n.article" 3}} {{printf "%s!" (t "page.actors")}} {{url .}}</p></html>`
		want := execWith(t, parseSet(t, src, cfg, cat, false), "articles/")
		set := parseSet(t, src, cfg, cat, true)
		if got := execWith(t, set, "articles/"); got != want {
			t.Errorf("base %s: folded\n%s\nwant\n%s", base, got, want)
		}
		tree := set.Lookup("base.html").Tree.Root.String()
		for _, gone := range []string{"siteDir", `url "events/"`, "kindLabel", `t "page.events"`, "absURL", "hasHost", "timeline_actor", `t "page.actors"`} {
			if strings.Contains(tree, gone) {
				t.Errorf("base %s: %s not folded: %s", base, gone, tree)
			}
		}
		for _, kept := range []string{`tn "n.article" 3`, "url .", "printf"} {
			if !strings.Contains(tree, kept) {
				t.Errorf("base %s: %s folded: %s", base, kept, tree)
			}
		}
	}
	// A label that does not exist fails on the page, as before.
	set := parseSet(t, `<p>{{t "no.such.label"}}</p>`, model.Config{}, cat, true)
	if err := set.ExecuteTemplate(&bytes.Buffer{}, "base.html", nil); err == nil || !strings.Contains(err.Error(), "no label") {
		t.Errorf("missing label: err %v, want the t error", err)
	}
}

// parseSet parses src as base.html with the site's functions, folded or
// as html/template leaves it.
func parseSet(t *testing.T, src string, cfg model.Config, cat *catalog, fold bool) *template.Template {
	t.Helper()
	fm := funcs(cfg, cat)
	set, err := template.New("base.html").Funcs(fm).Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	if fold {
		foldConstants(set, fm, cfg, cat)
	}
	return set
}

func execString(t *testing.T, set *template.Template) string { return execWith(t, set, nil) }

func execWith(t *testing.T, set *template.Template, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := set.ExecuteTemplate(&b, "base.html", data); err != nil {
		return "error: " + err.Error()
	}
	return b.String()
}

// quoteTemplate writes s as a template string constant.
func quoteTemplate(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x80:
			b.WriteString(`\x`)
			b.WriteString("0123456789abcdef"[c>>4 : c>>4+1])
			b.WriteString("0123456789abcdef"[c&15 : c&15+1])
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// hasAction reports whether an output action is left in l.
func hasAction(l *parse.ListNode) bool {
	for _, n := range l.Nodes {
		if _, ok := n.(*parse.ActionNode); ok {
			return true
		}
	}
	return false
}
