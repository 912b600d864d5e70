package load

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode"

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
	d, err := parseDate(s, partial)
	if errors.Is(err, errPlaceholderDate) {
		hint := fmt.Sprintf("give the real date as YYYY-MM-DD, or remove %s:", key)
		switch {
		case required && partial:
			hint = fmt.Sprintf("give the date the event began as YYYY-MM-DD, YYYY-MM or YYYY, e.g. %s: 2022-02-07", key)
		case required:
			hint = fmt.Sprintf("give the publication date as YYYY-MM-DD, e.g. %s: 2022-02-07", key)
		}
		r.errorf(r.line(key), hint, "%s: %v", key, err)
	} else if err != nil {
		r.errorf(r.line(key), "", "%s: %v", key, err)
	}
	return d
}

// errPlaceholderDate marks a date that stands for "no date".
var errPlaceholderDate = errors.New("is a placeholder for no date (what exports write for an empty date), not a real date")

// parseDate is model.ParseDate that also refuses placeholders: the zero
// date 0001-01-01 that CMS exports and Go programs write for a null date
// (which model.Date would take for "no date" and drop silently), and the
// year 0000 of MySQL's 0000-00-00, which no calendar has.
func parseDate(s string, partial bool) (model.Date, error) {
	if placeholderDate(s) {
		return model.Date{}, fmt.Errorf("date %q %w", strings.TrimSpace(s), errPlaceholderDate)
	}
	return model.ParseDate(s, partial)
}

// placeholderDate reports whether s is a date of the year 0000 or the zero
// date, at any precision and time of day.
func placeholderDate(s string) bool {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "0000") {
		return true
	}
	d, err := model.ParseDate(s, true)
	return err == nil && d.IsZero()
}

// warnFuture warns about an article's date more than a day after the
// clock: a slip of the year, usually, that would put the article on top of
// every list. The day of grace covers time zones ahead of this machine's.
// Only the warning depends on the clock; the output never does.
func (r *reader) warnFuture(line int, what string, d model.Date) {
	if !d.IsZero() && d.Start.After(time.Now().Add(24*time.Hour)) {
		r.ds = append(r.ds, diag.Diagnostic{File: r.file, Line: line, Severity: diag.Warning,
			Msg:  fmt.Sprintf("%s %s is in the future", what, d),
			Hint: "check the year and month: an article's date is the day it was published"})
	}
}

// webAddress reads key as the address of a web page. Only absolute http
// and https addresses are taken: the value becomes a link on the page, and
// a javascript: or data: address there would run or show whatever it
// holds (html/template defuses it to #ZgotmplZ, a dead link).
func (r *reader) webAddress(key string) string {
	s := r.str(key)
	if s == "" {
		return ""
	}
	if err := checkWebURL(s); err != nil {
		r.errorf(r.line(key), fmt.Sprintf("use the article's http(s) address, e.g. %s: https://www.example.org/news/2022/02/07/story", key), "%s %q %v", key, s, err)
		return ""
	}
	return s
}

// checkWebURL says why s is not an absolute http or https address with a
// host name, or returns nil.
func checkWebURL(s string) error {
	u, err := url.Parse(s)
	switch {
	case err != nil:
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("is not a valid address: %v", err)
	case u.Scheme == "":
		return errors.New("is not a full address: it must start with https:// or http://")
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("is a %s: address; only http:// and https:// addresses are allowed", u.Scheme)
	case u.Host == "":
		return errors.New("has no host name after the //")
	case !validHost(u):
		return fmt.Errorf("has an invalid host name %q", u.Hostname())
	}
	return nil
}

// validHost accepts the host names people write, internationalised ones
// included, and IP literals; url.Parse lets quotes and brackets through.
func validHost(u *url.URL) bool {
	if strings.HasPrefix(u.Host, "[") {
		return true // an IPv6 literal, checked by url.Parse
	}
	h := u.Hostname()
	if h == "" {
		return false
	}
	for _, c := range h {
		if !unicode.IsLetter(c) && !unicode.IsDigit(c) && !unicode.Is(unicode.Mn, c) && c != '-' && c != '.' && c != '_' {
			return false
		}
	}
	return true
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$|^[a-z0-9-]+$`)

// MaxSlug is the longest slug, in characters. A slug names a folder of the
// output and the file brief new writes; file systems refuse names over 255
// bytes, and Windows paths over 260 characters, so a slug stays well short
// of both wherever the site is unpacked.
const MaxSlug = 100

// ValidSlug reports whether s is a slug: one or more of a-z, 0-9 and "-".
// It does not check the length (see MaxSlug).
func ValidSlug(s string) bool { return s != "" && slugRE.MatchString(s) }

// Slugify turns a title into a slug: "Macron meets Putin" → "macron-meets-putin",
// "Володимир Зеленський" → "volodymyr-zelenskyi", "Erdoğan" → "erdogan"
// (see transliterate for the romanisation of each script).
// A slug longer than MaxSlug is cut at the last word boundary within it.
func Slugify(title string) string {
	var b strings.Builder
	dash := false
	for _, c := range transliterate(strings.ToLower(title)) {
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
	s := strings.Trim(b.String(), "-")
	if len(s) > MaxSlug {
		cut := s[:MaxSlug]
		if i := strings.LastIndexByte(s[:MaxSlug+1], '-'); i > 0 {
			cut = s[:i]
		}
		s = strings.TrimRight(cut, "-")
	}
	return s
}

// slug sets src.Slug from the slug key or the file name and checks it.
func (r *reader) slug(src *model.Source, base string) {
	if r.has("slug") {
		src.Slug = r.str("slug")
		src.SlugLine = r.line("slug")
		switch {
		case !ValidSlug(src.Slug):
			r.errorf(src.SlugLine, "use only a-z, 0-9 and -, e.g. slug: "+orDefault(Slugify(src.Slug), "my-page"), "slug %q is not valid", src.Slug)
		case len(src.Slug) > MaxSlug:
			r.errorf(src.SlugLine, "shorten it, e.g. slug: "+Slugify(src.Slug), "slug is %d characters long, over the limit of %d", len(src.Slug), MaxSlug)
		}
		return
	}
	src.Slug = strings.ToLower(base)
	switch {
	case !ValidSlug(src.Slug):
		r.errorf(0, "rename the file to "+orDefault(Slugify(base), "my-page")+" with the same extension, or set slug: in the front matter", "file name %q does not make a valid slug (only a-z, 0-9 and - are allowed)", base)
	case len(src.Slug) > MaxSlug:
		r.errorf(1, "rename the file to "+Slugify(base)+" with the same extension, or set a shorter slug: in the front matter", "the file name makes a slug of %d characters, over the limit of %d", len(src.Slug), MaxSlug)
	}
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
