package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/geo"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/timeline"
)

// Templates is a parsed template set: one html/template per page kind.
type Templates struct {
	byKind map[string]*template.Template
	files  map[string]string // template file name → file shown in errors
	cat    *catalog          // the labels of the site's language
}

// TemplateFile is a template source: its name and where it came from.
type TemplateFile struct {
	Name    string // e.g. "article.html"
	Display string // e.g. "templates/article.html" or "(built-in) article.html"
	Text    string
}

// ReadTemplates collects the built-in templates and overrides them with the
// site's own: a file in site (a templates/ folder) replaces the built-in
// file of the same name, and new files are added as partials.
func ReadTemplates(builtin, site fs.FS) ([]TemplateFile, []diag.Diagnostic) {
	files := map[string]TemplateFile{}
	var ds []diag.Diagnostic
	read := func(fsys fs.FS, display string) {
		if fsys == nil {
			return
		}
		names, err := fs.Glob(fsys, "*.html")
		if err != nil {
			return
		}
		for _, n := range names {
			b, err := fs.ReadFile(fsys, n)
			if err != nil {
				ds = append(ds, diag.Diagnostic{File: display + n, Msg: fmt.Sprintf("cannot read: %v", err)})
				continue
			}
			files[n] = TemplateFile{Name: n, Display: display + n, Text: string(b)}
		}
	}
	read(builtin, "(built-in) templates/")
	read(site, "templates/")
	out := make([]TemplateFile, 0, len(files))
	for _, f := range files {
		out = append(out, f)
	}
	if builtin != nil {
		tr, tds := readTranslations(builtin, "(built-in) templates/")
		out, ds = append(out, tr...), append(ds, tds...)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, ds
}

var tmplErr = regexp.MustCompile(`template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateDiag turns an html/template error into a diagnostic naming the
// template file and line.
func templateDiag(err error, files map[string]string, fallback string) diag.Diagnostic {
	msg := err.Error()
	if m := tmplErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		file := files[m[1]]
		if file == "" {
			file = m[1]
		}
		return diag.Diagnostic{File: file, Line: line, Col: col, Msg: "template: " + m[4]}
	}
	return diag.Diagnostic{File: fallback, Msg: "template: " + strings.TrimPrefix(msg, "template: ")}
}

// ParseTemplates parses the template files for every page kind, with the
// labels of the site's language from the translation files among them
// (see newCatalog). All syntax errors are reported, each with its file
// and line; what is wrong in a translation is a warning, and the
// built-in label stands.
func ParseTemplates(files []TemplateFile, cfg model.Config) (*Templates, []diag.Diagnostic) {
	t := &Templates{byKind: map[string]*template.Template{}, files: map[string]string{}}
	var ds []diag.Diagnostic
	pages := map[string]bool{}
	for _, k := range PageTemplates {
		pages[k+".html"] = true
	}
	var tr, tmpls []TemplateFile
	for _, f := range files {
		if strings.HasPrefix(f.Name, builtinTranslations) || strings.HasPrefix(f.Name, SiteTranslationPrefix) {
			tr = append(tr, f)
		} else {
			tmpls = append(tmpls, f)
		}
	}
	files = tmpls
	cat, warnings := newCatalog(cfg.Language, tr)
	t.cat = cat
	fm := funcs(cfg, cat)
	base := template.New("_root").Funcs(fm)
	hasBase := false
	for _, f := range files {
		t.files[f.Name] = f.Display
		if pages[f.Name] {
			continue
		}
		if f.Name == "base.html" {
			hasBase = true
		}
		if _, err := base.New(f.Name).Parse(f.Text); err != nil {
			ds = append(ds, templateDiag(err, t.files, f.Display))
		}
	}
	if !hasBase {
		ds = append(ds, diag.Diagnostic{File: "templates/base.html", Msg: "no layout template base.html"})
	}
	if len(ds) > 0 {
		return nil, ds
	}
	byName := map[string]TemplateFile{}
	for _, f := range files {
		byName[f.Name] = f
	}
	for _, k := range PageTemplates {
		f, ok := byName[k+".html"]
		if !ok {
			ds = append(ds, diag.Diagnostic{File: "templates/" + k + ".html", Msg: "missing page template"})
			continue
		}
		c, err := base.Clone()
		if err == nil {
			_, err = c.New(f.Name).Parse(f.Text)
		}
		if err != nil {
			ds = append(ds, templateDiag(err, t.files, f.Display))
			continue
		}
		foldConstants(c, fm, cfg, cat)
		t.byKind[k] = c
	}
	if len(ds) > 0 {
		return nil, append(ds, warnings...)
	}
	return t, warnings
}

// funcs are the helpers templates can call; labels and dates are in the
// language of cat.
func funcs(cfg model.Config, cat *catalog) template.FuncMap {
	return template.FuncMap{
		// url gives the site-absolute address of an item or a site path.
		"url": func(v any) (string, error) { return URL(cfg, v) },
		// absURL gives the full address, with the base URL when set.
		"absURL": func(v any) (string, error) { return AbsURL(cfg, v) },
		// hasHost reports whether absURL gives full addresses (the base
		// URL names a host).
		"hasHost": func() bool { return hasHost(cfg) },
		// feedPath is the site path of an event's or actor's feed.
		"feedPath": func(v any) (string, error) {
			switch x := Unwrap(v).(type) {
			case *model.Event:
				return eventFeed(x), nil
			case *model.Actor:
				return actorFeed(x), nil
			}
			return "", fmt.Errorf("feedPath: %T has no feed", v)
		},
		"jsonld": JSONLD,
		"ogType": ogType,
		// t is the label of a key in the site's language, tn its plural
		// form for a count (see i18n.go).
		"t":  cat.t,
		"tn": cat.tn,
		// langAttrs gives the lang and dir attributes of an article's
		// text, or of text in any language tag, when it is not in the
		// site's language.
		"langAttrs": func(v any) template.HTMLAttr {
			switch x := v.(type) {
			case string:
				return cat.langAttrs(x)
			case ArticleView:
				return cat.langAttrs(x.Language)
			case *ArticleView:
				if x != nil {
					return cat.langAttrs(x.Language)
				}
			}
			return ""
		},
		// siteDir is "rtl" for a site in a language written right to
		// left, "ltr" otherwise.
		"siteDir": func() string {
			if model.RightToLeft(cat.lang) {
				return "rtl"
			}
			return "ltr"
		},
		"pageTitle": cat.pageTitle,
		// searchText is the search script's messages (see search.go).
		"searchText": cat.searchText,
		// groupTitle is the title of a year or month of the chronology
		// or the archive.
		"groupTitle": func(v any) (string, error) {
			switch g := v.(type) {
			case GroupView:
				return cat.groupTitle(g.Year(), g.Month()), nil
			case *GroupView:
				if g != nil {
					return cat.groupTitle(g.Year(), g.Month()), nil
				}
			}
			return "", fmt.Errorf("groupTitle: %T is no year or month", v)
		},
		// when is a date of the chronology in the site's language: a
		// day's (as its first entry gives it) or a statement's.
		"when": func(v any) (string, error) {
			switch x := v.(type) {
			case ChronoDayView:
				return x.when(cat), nil
			case model.DateMention:
				return cat.mention(x), nil
			}
			return "", fmt.Errorf("when: %T is no day of the chronology or statement", v)
		},
		// monthName is month 1–12 by its name, for headings under a
		// year: capitalised, as a heading is even in languages that
		// write month names in lower case ("лютий 2022", "Лютий").
		"monthName": func(m int) (string, error) {
			if m < 1 || m > 12 {
				return "", fmt.Errorf("monthName: %d is no month", m)
			}
			name := cat.month("months", time.Month(m))
			r, n := utf8.DecodeRuneInString(name)
			return string(unicode.ToUpper(r)) + name[n:], nil
		},
		"date": cat.date,
		"datetime": func(d model.Date) string {
			if d.IsZero() {
				return ""
			}
			return d.String()
		},
		"span":       cat.span,
		"plural":     plural,
		"kindLabel":  func(kind string) string { return cat.text["kind."+kind] },
		"kindsLabel": func(kind string) string { return cat.text["kinds."+kind] },
		"join":       strings.Join,
		"first": func(n int, v any) any {
			return first(n, v)
		},
		// rest is what first leaves: the part of a capped list that a
		// page folds away.
		"rest": func(n int, v any) any {
			return rest(n, v)
		},
		"add":       func(a, b int) int { return a + b },
		"number":    number,
		"shortDate": cat.shortDate,
		"initials": func(name string) string {
			var b strings.Builder
			for _, w := range strings.Fields(name) {
				r := []rune(w)
				if len(r) > 0 && b.Len() < 2 {
					b.WriteRune(r[0])
				}
			}
			return strings.ToUpper(b.String())
		},
		"wikidataURL": func(q string) string { return "https://www.wikidata.org/wiki/" + q },
		"hasPrefix":   strings.HasPrefix,
		// timeline, locator and worldmap draw the graphics (see
		// builder/timeline and builder/geo): "" when there is nothing to draw.
		"timeline": func(v any) (template.HTML, error) {
			return timeline.For(graphicItem(v), func(x any) string { u, _ := URL(cfg, x); return u }, cat.graphicWords())
		},
		"locator": func(v any) (template.HTML, error) { return geo.For(graphicItem(v)) },
		"worldmap": func(v any) template.HTML {
			return geo.Events(graphicEvents(v), cat.text["graphic.map"], func(n int) string { return cat.count("n.place_marked", n) })
		},
	}
}

// URL is the site-absolute address (base path included) of an article,
// event or actor, or of a site path such as "events/" or "style.css".
func URL(cfg model.Config, v any) (string, error) {
	base := cfg.BasePath
	if base == "" {
		base = "/"
	}
	switch x := Unwrap(v).(type) {
	case *model.Article:
		return base + itemPath('a', x.Slug), nil
	case *model.Event:
		return base + itemPath('e', x.Slug), nil
	case *model.Actor:
		return base + itemPath('x', x.Slug), nil
	case string:
		if strings.Contains(x, "://") {
			return x, nil // a full address (an image: key) is its own
		}
		return base + strings.TrimPrefix(x, "/"), nil
	case nil:
		return "", fmt.Errorf("url of nothing")
	}
	return "", fmt.Errorf("url: cannot link to %T", v)
}

// Span writes an event's dates: "7 February 2022", "18–20 February 2022",
// "28 February – 2 March 2022", "March 2014".
func Span(start, end model.Date) string { return model.Span(start, end) }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	if strings.HasSuffix(word, "y") && !strings.HasSuffix(word, "ey") {
		return strconv.Itoa(n) + " " + word[:len(word)-1] + "ies"
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// first returns the first n elements of a slice, or v itself when it is
// no slice.
func first(n int, v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice {
		return v
	}
	return rv.Slice(0, min(n, rv.Len())).Interface()
}

// rest returns the elements of a slice after the first n, or nil when
// there are none or v is no slice.
func rest(n int, v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice || rv.Len() <= n {
		return nil
	}
	return rv.Slice(n, rv.Len()).Interface()
}

// number writes a figure's value for readers: 110,000, 1.5 million, with
// the sign of a currency or a percentage; other units are left to the
// label the figure comes with.
func number(v float64, unit string) string {
	s := ""
	switch {
	case v >= 1e9 && v == float64(int64(v/1e7))*1e7:
		s = strconv.FormatFloat(v/1e9, 'f', -1, 64) + " billion"
	case v >= 1e6 && v == float64(int64(v/1e4))*1e4:
		s = strconv.FormatFloat(v/1e6, 'f', -1, 64) + " million"
	case v == float64(int64(v)):
		d := strconv.FormatInt(int64(v), 10)
		for i := len(d) - 3; i > 0; i -= 3 {
			d = d[:i] + "," + d[i:]
		}
		s = d
	default:
		s = strconv.FormatFloat(v, 'f', -1, 64)
	}
	switch unit {
	case "USD":
		return "$" + s
	case "EUR":
		return "€" + s
	case "GBP":
		return "£" + s
	case "percent":
		return s + "%"
	}
	return s
}

// Unwrap returns the model item behind a view (recording that its slug
// was read), and any other value as it is: for template functions that
// take items.
func Unwrap(v any) any {
	switch x := v.(type) {
	case ArticleView:
		return x.meta()
	case *ArticleView:
		if x != nil {
			return x.meta()
		}
		return nil
	case EventView:
		return x.own()
	case *EventView:
		if x != nil {
			return x.own()
		}
		return nil
	case ActorView:
		return x.own()
	case *ActorView:
		if x != nil {
			return x.own()
		}
		return nil
	}
	return v
}

// templateFor returns the template set of a page kind.
func (t *Templates) templateFor(kind string) *template.Template { return t.byKind[templateOf(kind)] }

// shown returns the display name of a template file for messages.
func (t *Templates) shown(name string) string {
	if d, ok := t.files[name]; ok {
		return d
	}
	return path.Join("templates", name)
}
