package load

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// reader reads known keys out of decoded fields, collecting a diagnostic
// for each value of the wrong shape.
type reader struct {
	file string
	f    fields
	ds   []diag.Diagnostic
}

func (r *reader) errorf(line int, hint, format string, args ...any) {
	r.ds = append(r.ds, diag.Diagnostic{File: r.file, Line: line, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (r *reader) line(key string) int { return r.f[key].line }

func (r *reader) has(key string) bool {
	v, ok := r.f[key]
	return ok && v.val != nil
}

// str reads a text value; numbers and booleans are taken as written.
func (r *reader) str(key string) string {
	v, ok := r.f[key]
	if !ok || v.val == nil {
		return ""
	}
	switch x := v.val.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any, map[string]any:
		r.errorf(v.line, fmt.Sprintf("write %s: some text", key), "%s must be text, not a %s", key, v.kind)
		return ""
	default:
		return fmt.Sprint(x)
	}
}

// list reads a list of text values; a single text value is a list of one,
// and for comma-separated headers a string is split on commas.
func (r *reader) list(key string) []string {
	v, ok := r.f[key]
	if !ok || v.val == nil {
		return nil
	}
	var out []string
	switch x := v.val.(type) {
	case []any:
		for _, e := range x {
			switch s := e.(type) {
			case string:
				if s = strings.TrimSpace(s); s != "" {
					out = append(out, s)
				}
			case nil:
			case []any, map[string]any:
				r.errorf(v.line, fmt.Sprintf("write %s: [a, b]", key), "%s must be a list of text values", key)
			default:
				out = append(out, fmt.Sprint(s))
			}
		}
	case string:
		for _, s := range strings.Split(x, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	case map[string]any:
		r.errorf(v.line, fmt.Sprintf("write %s: [a, b]", key), "%s must be a list, not a map", key)
	default:
		out = append(out, fmt.Sprint(x))
	}
	return out
}

// refs reads a list of slugs as references.
func (r *reader) refs(key string) []model.Ref {
	line := r.line(key)
	var out []model.Ref
	for _, s := range r.list(key) {
		out = append(out, model.Ref{Slug: s, Line: line})
	}
	return out
}

func (r *reader) boolean(key string) bool {
	v, ok := r.f[key]
	if !ok || v.val == nil {
		return false
	}
	switch x := v.val.(type) {
	case bool:
		return x
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes", "on":
			return true
		case "false", "no", "off", "":
			return false
		}
	}
	r.errorf(v.line, fmt.Sprintf("write %s: true or %s: false", key, key), "%s must be true or false", key)
	return false
}

func (r *reader) date(key string, partial, required bool) model.Date {
	if !r.has(key) {
		if required {
			r.errorf(1, fmt.Sprintf("add %s: YYYY-MM-DD to the front matter", key), "missing %s", key)
		}
		return model.Date{}
	}
	s := r.str(key)
	d, err := model.ParseDate(s, partial)
	if err != nil {
		r.errorf(r.line(key), "", "%s: %v", key, err)
	}
	return d
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$|^[a-z0-9-]+$`)

// ValidSlug reports whether s is a slug: one or more of a-z, 0-9 and "-".
func ValidSlug(s string) bool { return s != "" && slugRE.MatchString(s) }

// Slugify turns a title into a slug: "Macron meets Putin" → "macron-meets-putin".
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(title) {
		c = fold(c)
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
			b.WriteRune(c)
			dash = false
		case c == '\'' || c == '’':
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

// fold maps common accented letters to ASCII so that slugs stay readable.
func fold(c rune) rune {
	const from = "àáâãäåçèéêëìíîïñòóôõöøùúûüýÿščžřęąłńśźż"
	const to = "aaaaaaceeeeiiiinoooooouuuuyysczrealnszz"
	if i := strings.IndexRune(from, c); i >= 0 {
		return []rune(to)[utf8.RuneCountInString(from[:i])]
	}
	return c
}

// slug sets src.Slug from the slug key or the file name and checks it.
func (r *reader) slug(src *model.Source, base string) {
	if r.has("slug") {
		src.Slug = r.str("slug")
		src.SlugLine = r.line("slug")
		if !ValidSlug(src.Slug) {
			r.errorf(src.SlugLine, "use only a-z, 0-9 and -, e.g. slug: "+orDefault(Slugify(src.Slug), "my-page"), "slug %q is not valid", src.Slug)
		}
		return
	}
	src.Slug = strings.ToLower(base)
	if !ValidSlug(src.Slug) {
		r.errorf(0, "rename the file to "+orDefault(Slugify(base), "my-page")+" with the same extension, or set slug: in the front matter", "file name %q does not make a valid slug (only a-z, 0-9 and - are allowed)", base)
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
