package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/timeline"
)

// The theme's labels come from translation files: the built-in ones in
// templates/i18n/LANG.yaml (English, the fallback of every other, names
// every key), and the site's own i18n/LANG.yaml, whose keys replace the
// built-in ones. A file maps each key to a label, to its plural forms
// (one, few, many, … of its language: see pluralCategory), or, for
// months and months_of, to the twelve month names.

// SiteTranslationPrefix starts the Name of a TemplateFile that holds the
// site's own translations (SiteTranslationPrefix + "uk.yaml"), which
// ParseTemplates lays over the built-in ones of the site's language.
const SiteTranslationPrefix = "site-i18n/"

// builtinTranslations is where ReadTemplates finds the built-in
// translation files, and the prefix of their names.
const builtinTranslations = "i18n/"

// fallbackLanguage is the language of labels a translation lacks.
const fallbackLanguage = "en"

// catalog is the labels of one language: the built-in English ones, then
// the built-in ones of the language, then the site's, each laid over the
// one before.
type catalog struct {
	lang   string // the site's language tag
	base   string // its primary subtag, which picks the plural rules
	text   map[string]string
	plural map[string]map[string]string
	months map[string][12]string // "months", "months_of", "months_short"
}

// monthKeys are the keys whose value is the twelve month names.
var monthKeys = []string{"months", "months_of", "months_short"}

// entry is one key of a translation file as read.
type entry struct {
	text   string
	plural map[string]string
	months [12]string
	kind   byte // 's' text, 'p' plural forms, 'm' months
	line   int
}

// parseTranslation reads a translation file, with a diagnostic for each
// value of the wrong shape.
func parseTranslation(display, text string) (map[string]entry, []diag.Diagnostic) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return nil, []diag.Diagnostic{{File: display, Msg: fmt.Sprintf("cannot read the translations: %v", err),
			Hint: `write one label a line, key: "label", as in brief's templates/i18n/en.yaml`}}
	}
	if len(doc.Content) == 0 {
		return map[string]entry{}, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, []diag.Diagnostic{{File: display, Line: root.Line, Msg: "the translations are not a list of key: label lines",
			Hint: `write one label a line, key: "label", as in brief's templates/i18n/en.yaml`}}
	}
	out := map[string]entry{}
	var ds []diag.Diagnostic
	bad := func(n *yaml.Node, key, hint string) {
		ds = append(ds, diag.Diagnostic{File: display, Line: n.Line, Severity: diag.Warning,
			Msg: fmt.Sprintf("translation %s is not of the right shape; the built-in one stands", key), Hint: hint})
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		e := entry{line: k.Line}
		switch {
		case slices.Contains(monthKeys, k.Value):
			if v.Kind != yaml.SequenceNode || len(v.Content) != 12 {
				bad(v, k.Value, "write the twelve month names as a list: "+k.Value+": [January, February, …]")
				continue
			}
			e.kind = 'm'
			for j, m := range v.Content {
				e.months[j] = m.Value
			}
		case v.Kind == yaml.ScalarNode:
			e.kind, e.text = 's', v.Value
		case v.Kind == yaml.MappingNode:
			e.kind, e.plural = 'p', map[string]string{}
			for j := 0; j+1 < len(v.Content); j += 2 {
				cat := v.Content[j].Value
				if !slices.Contains(pluralCategories, cat) {
					ds = append(ds, diag.Diagnostic{File: display, Line: v.Content[j].Line, Severity: diag.Warning,
						Msg: fmt.Sprintf("translation %s: %q is no plural form", k.Value, cat), Hint: "the forms are " + strings.Join(pluralCategories, ", ")})
					continue
				}
				e.plural[cat] = v.Content[j+1].Value
			}
		default:
			bad(v, k.Value, `write key: "label", or the plural forms as key: {one: "{n} …", other: "{n} …"}`)
			continue
		}
		out[k.Value] = e
	}
	return out, ds
}

// newCatalog builds the labels of language lang from the translation
// files: the built-in ones are named builtinTranslations + "LANG.yaml",
// the site's SiteTranslationPrefix + "LANG.yaml". Keys of the site's file
// that English does not have are warned about, as are values of another
// shape than the English one.
func newCatalog(lang string, files []TemplateFile) (*catalog, []diag.Diagnostic) {
	if lang == "" {
		lang = fallbackLanguage
	}
	c := &catalog{lang: lang, base: model.BaseLanguage(lang), text: map[string]string{},
		plural: map[string]map[string]string{}, months: map[string][12]string{}}
	byName := map[string]TemplateFile{}
	for _, f := range files {
		byName[f.Name] = f
	}
	var ds []diag.Diagnostic
	var english map[string]entry
	layer := func(f TemplateFile, site bool) {
		es, eds := parseTranslation(f.Display, f.Text)
		ds = append(ds, eds...)
		if english == nil {
			english = es
		}
		for _, k := range slices.Sorted(maps.Keys(es)) {
			e := es[k]
			en, known := english[k]
			switch {
			case !known && site:
				hint := "brief's templates/i18n/en.yaml lists every key"
				if s := diag.Suggest(k, slices.Sorted(maps.Keys(english))); s != "" {
					hint = "did you mean " + s + "?"
				}
				ds = append(ds, diag.Diagnostic{File: f.Display, Line: e.line, Severity: diag.Warning, Msg: "unknown translation key " + k, Hint: hint})
				continue
			case known && en.kind != e.kind:
				want := map[byte]string{'s': `a label, key: "…"`, 'p': `plural forms, key: {one: "{n} …", other: "{n} …"}`, 'm': "the twelve month names"}[en.kind]
				ds = append(ds, diag.Diagnostic{File: f.Display, Line: e.line, Severity: diag.Warning,
					Msg: fmt.Sprintf("translation %s is not of the right shape; the built-in one stands", k), Hint: "write " + want})
				continue
			}
			switch e.kind {
			case 's':
				c.text[k] = e.text
			case 'm':
				c.months[k] = e.months
			case 'p':
				// Forms of the language replace English's whole: its
				// categories are not English's.
				if !site || c.plural[k] == nil {
					c.plural[k] = e.plural
					continue
				}
				for cat, s := range e.plural {
					c.plural[k][cat] = s
				}
			}
		}
	}
	en, ok := byName[builtinTranslations+fallbackLanguage+".yaml"]
	if !ok {
		return c, append(ds, diag.Diagnostic{File: "templates/i18n/en.yaml", Msg: "no built-in English translations"})
	}
	layer(en, false)
	if c.base != fallbackLanguage {
		if f, ok := byName[builtinTranslations+c.base+".yaml"]; ok {
			layer(f, false)
		}
	}
	if f, ok := byName[SiteTranslationPrefix+c.base+".yaml"]; ok {
		layer(f, true)
	}
	return c, ds
}

// t returns the label of key with each {name} replaced by the value that
// follows name in args ("site", .Site.Config.Title). A key no translation
// has is an error, which names the template line that asks for it.
func (c *catalog) t(key string, args ...any) (string, error) {
	s, ok := c.text[key]
	if !ok {
		return "", fmt.Errorf("t: no label %q in the translations (see templates/i18n/en.yaml)", key)
	}
	return fill(s, args)
}

// tn returns the plural form of key that fits n in the site's language,
// with {n} replaced by n and other {name}s as t replaces them.
func (c *catalog) tn(key string, n int, args ...any) (string, error) {
	forms, ok := c.plural[key]
	if !ok {
		return "", fmt.Errorf("tn: no plural forms %q in the translations (see templates/i18n/en.yaml)", key)
	}
	s, ok := forms[pluralCategory(c.base, n)]
	if !ok {
		s = forms["other"]
	}
	return fill(s, append([]any{"n", strconv.Itoa(n)}, args...))
}

// fill replaces each {name} of s by the value after name in args.
func fill(s string, args []any) (string, error) {
	if len(args)%2 != 0 {
		return "", fmt.Errorf("t: the values after the key go in pairs, name then value")
	}
	if len(args) == 0 || !strings.Contains(s, "{") {
		return s, nil
	}
	// One pass over s, not a strings.Replacer: labels are filled on
	// every page (dates above all), and building a Replacer per call was
	// a tenth of template time at 10,000 articles. As with a Replacer, the
	// first pair of a name wins and an unknown {name} stays as it is.
	var b strings.Builder
	b.Grow(len(s) + 16)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s[1:], '}')
		if j < 0 {
			break
		}
		name, found := s[1:j+1], false
		if strings.IndexByte(name, '{') < 0 {
			for k := 0; k < len(args); k += 2 {
				if argString(args[k]) == name {
					b.WriteString(argString(args[k+1]))
					found = true
					break
				}
			}
		}
		if !found {
			b.WriteByte('{')
			s = s[1:]
			continue
		}
		s = s[j+2:]
	}
	b.WriteString(s)
	return b.String(), nil
}

// argString is fmt.Sprint of a label's name or value, without fmt for
// the kinds templates pass.
func argString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}

// pluralCategories are the CLDR plural categories a translation can give.
var pluralCategories = []string{"zero", "one", "two", "few", "many", "other"}

// pluralCategory is the CLDR plural category of the whole number n in a
// language: English, German and most others tell one from other, French
// counts 0 as one, Ukrainian and Russian have one, few and many, and
// Arabic all six.
func pluralCategory(base string, n int) string {
	if n < 0 {
		n = -n
	}
	m10, m100 := n%10, n%100
	switch base {
	case "fr":
		if n <= 1 {
			return "one"
		}
	case "uk", "ru", "be":
		switch {
		case m10 == 1 && m100 != 11:
			return "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return "few"
		}
		return "many"
	case "ar":
		switch {
		case n == 0:
			return "zero"
		case n == 1:
			return "one"
		case n == 2:
			return "two"
		case m100 >= 3 && m100 <= 10:
			return "few"
		case m100 >= 11:
			return "many"
		}
	default:
		if n == 1 {
			return "one"
		}
	}
	return "other"
}

// month returns the name of month m from the list key ("months",
// "months_of", "months_short").
func (c *catalog) month(key string, m time.Month) string { return c.months[key][m-1] }

// day writes a day in full: "7 February 2022", "7 лютого 2022", "7.
// Februar 2022".
func (c *catalog) day(t time.Time) string {
	s, _ := fill(c.text["date.day"], []any{"d", t.Day(), "month", c.month("months_of", t.Month()), "y", t.Year()})
	return s
}

// monthYear writes a month: "February 2022", "лютий 2022".
func (c *catalog) monthYear(y int, m time.Month) string {
	s, _ := fill(c.text["date.month"], []any{"month", c.month("months", m), "y", y})
	return s
}

// date writes a date at its precision, as model.Date.Human does in
// English.
func (c *catalog) date(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	switch d.Precision {
	case model.Week:
		return c.dayRange(d.Start, d.Last())
	case model.Month:
		return c.monthYear(d.Start.Year(), d.Start.Month())
	case model.Year:
		return strconv.Itoa(d.Start.Year())
	}
	return c.day(d.Start)
}

// span writes an event's dates, as model.Span does in English.
func (c *catalog) span(start, end model.Date) string {
	if end.IsZero() || end.Start.Equal(start.Start) && end.Precision == start.Precision {
		return c.date(start)
	}
	if start.Precision == model.Day && end.Precision == model.Day {
		return c.dayRange(start.Start, end.Start)
	}
	s, _ := fill(c.text["date.range"], []any{"from", c.date(start), "to", c.date(end)})
	return s
}

// dayRange writes the days from s to e, naming the month and year once
// when they share them.
func (c *catalog) dayRange(s, e time.Time) string {
	var out string
	switch {
	case s.Equal(e):
		return c.day(s)
	case s.Year() == e.Year() && s.Month() == e.Month():
		out, _ = fill(c.text["date.days"], []any{"d1", s.Day(), "d2", e.Day(), "month", c.month("months_of", s.Month()), "y", s.Year()})
	case s.Year() == e.Year():
		out, _ = fill(c.text["date.days_months"], []any{"d1", s.Day(), "month1", c.month("months_of", s.Month()),
			"d2", e.Day(), "month2", c.month("months_of", e.Month()), "y", s.Year()})
	default:
		out, _ = fill(c.text["date.range"], []any{"from", c.day(s), "to", c.day(e)})
	}
	return out
}

// mention writes a date as a statement gave it, as precise as it is
// known, as model.DateMention.Human does in English: "mid-February
// 2022", "weekend of 12–13 February 2022", "late on 23 February 2022".
// After a word like "early" a month takes the form it has after a day
// number (months_of: "на початку лютого 2022").
func (c *catalog) mention(m model.DateMention) string {
	d := m.Date
	if d.IsZero() {
		return ""
	}
	mod := map[string]string{model.ModStart: "early", model.ModMid: "mid", model.ModEnd: "late"}[m.Mod]
	var key string
	switch {
	case d.Precision == model.Week && strings.HasSuffix(m.Value, "-WE"):
		s, _ := fill(c.text["date.weekend"], []any{"days", c.dayRange(d.Start.AddDate(0, 0, 5), d.Last())})
		return s
	case mod == "":
		return c.date(d)
	case d.Precision == model.Month:
		s, _ := fill(c.text["date.month"], []any{"month", c.month("months_of", d.Start.Month()), "y", d.Start.Year()})
		s, _ = fill(c.text["date."+mod], []any{"date", s})
		return s
	case d.Precision == model.Year:
		key = "date." + mod
	case d.Precision == model.Week:
		key = "date.week_" + mod
	case mod == "mid":
		return c.date(d)
	default:
		key = "date.day_" + mod
	}
	s, _ := fill(c.text[key], []any{"date", c.date(d)})
	return s
}

// entry writes a chronology entry's date, as model.ChronoEntry.When does
// in English: a report's as its statement gave it, an event's span.
func (c *catalog) entry(e model.ChronoEntry) string {
	if e.Article != nil && e.N < len(e.Article.Dates) {
		return c.mention(e.Article.Dates[e.N])
	}
	if e.Event != nil && !e.Event.End.IsZero() {
		return c.span(e.Event.Date, e.Event.End)
	}
	return c.date(e.Date)
}

// count is the plural form of key for n, with {n} filled in.
func (c *catalog) count(key string, n int) string {
	s, _ := c.tn(key, n)
	return s
}

// graphicWords are the texts of the timeline in the site's language.
func (c *catalog) graphicWords() timeline.Words {
	say := func(key string, args ...any) string {
		s, _ := fill(c.text["graphic."+key], args)
		return s
	}
	return timeline.Words{
		Name: func(what, name string) string {
			return say("timeline_"+what, "title", name, "name", name)
		},
		Events: func(n int, from, to model.Date) string {
			return say("events_span", "events", c.count("n.event", n), "from", c.date(from), "to", c.date(to))
		},
		Drawn: func(n int) string { return say("drawn", "n", n) },
		Coverage: func(articles int, peak time.Time, n int) string {
			return say("coverage_peak", "articles", c.count("n.article", articles), "day", c.day(peak), "n", n)
		},
		Month: func(t time.Time, year bool) string {
			m := c.month("months_short", t.Month())
			if !year {
				return m
			}
			s, _ := fill(c.text["date.month_short"], []any{"month", m, "y", t.Year()})
			return s
		},
		Span: c.span,
	}
}

// shortDate writes a date within a briefing, where the year goes without
// saying: "7 Feb" for a day, the date in full otherwise.
func (c *catalog) shortDate(d model.Date) string {
	if d.Precision == model.Day && !d.IsZero() {
		s, _ := fill(c.text["date.short"], []any{"d", d.Start.Day(), "month", c.month("months_short", d.Start.Month())})
		return s
	}
	return c.date(d)
}

// langAttrs gives the lang (and dir) attributes of text in language tag
// on a page in the site's language: none when the two are the same
// language, whatever their regions; dir when the direction differs too.
func (c *catalog) langAttrs(tag string) template.HTMLAttr {
	if tag == "" || model.BaseLanguage(tag) == c.base {
		return ""
	}
	a := ` lang="` + template.HTMLEscapeString(tag) + `"`
	if rtl := model.RightToLeft(tag); rtl != model.RightToLeft(c.lang) {
		a += ` dir="` + map[bool]string{true: "rtl", false: "ltr"}[rtl] + `"`
	}
	return template.HTMLAttr(a)
}

// pageTitle is the page's title in the site's language: an item's own,
// or the label of its kind, with its year or month.
func (c *catalog) pageTitle(p *Page) string {
	if p.article != nil || p.event != nil || p.actor != nil || p.term != nil || p.kind.name == "home" {
		return p.Title()
	}
	title := c.text["page."+templateOf(p.kind.name)]
	if p.group != nil {
		return title + ": " + c.groupTitle(p.group.Year, p.group.Month)
	}
	return title
}

// groupTitle is a year or a month (1–12; 0 for the year) of the
// chronology or of the archive: "2022", "February 2022".
func (c *catalog) groupTitle(year, month int) string {
	if month > 0 {
		return c.monthYear(year, time.Month(month))
	}
	return strconv.Itoa(year)
}

// readTranslations reads the built-in translation files of fsys's i18n
// folder as TemplateFiles named i18n/LANG.yaml.
func readTranslations(fsys fs.FS, display string) ([]TemplateFile, []diag.Diagnostic) {
	names, _ := fs.Glob(fsys, builtinTranslations+"*.yaml")
	var out []TemplateFile
	var ds []diag.Diagnostic
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			ds = append(ds, diag.Diagnostic{File: display + n, Msg: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		out = append(out, TemplateFile{Name: builtinTranslations + path.Base(n), Display: display + n, Text: string(b)})
	}
	return out, ds
}
