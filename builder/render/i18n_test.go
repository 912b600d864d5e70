package render

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/templates"
)

// builtinLanguages are the languages whose translations brief carries.
var builtinLanguages = []string{"en", "uk", "ru", "de", "fr", "ar"}

func builtinTranslationFiles(t *testing.T) []TemplateFile {
	t.Helper()
	files, ds := readTranslations(templates.FS, "(built-in) templates/")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	return files
}

func catalogFor(t *testing.T, lang string, extra ...TemplateFile) (*catalog, []diag.Diagnostic) {
	t.Helper()
	return newCatalog(lang, append(builtinTranslationFiles(t), extra...))
}

var placeholder = regexp.MustCompile(`\{[a-z0-9]+\}`)

// TestTranslationsComplete checks that every built-in language has every
// key of en.yaml, of the same shape, with each plural form its language
// tells apart and the same {placeholders}, and nothing English lacks.
func TestTranslationsComplete(t *testing.T) {
	files := builtinTranslationFiles(t)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	for _, l := range builtinLanguages {
		if !slices.Contains(names, builtinTranslations+l+".yaml") {
			t.Errorf("no built-in translation %s.yaml (have %v)", l, names)
		}
	}
	parsed := map[string]map[string]entry{}
	for _, f := range files {
		es, ds := parseTranslation(f.Display, f.Text)
		if len(ds) > 0 {
			t.Errorf("%s: %v", f.Name, ds)
		}
		parsed[strings.TrimSuffix(strings.TrimPrefix(f.Name, builtinTranslations), ".yaml")] = es
	}
	en := parsed["en"]
	if len(en) < 100 {
		t.Fatalf("en.yaml has only %d keys", len(en))
	}
	forms := map[string][]string{
		"en": {"one", "other"}, "de": {"one", "other"}, "fr": {"one", "other"},
		"uk": {"one", "few", "many", "other"}, "ru": {"one", "few", "many", "other"},
		"ar": {"zero", "one", "two", "few", "many", "other"},
	}
	for _, l := range builtinLanguages {
		tr := parsed[l]
		for _, k := range slices.Sorted(maps.Keys(en)) {
			e, want := tr[k], en[k]
			if e.kind == 0 {
				t.Errorf("%s.yaml: no key %s", l, k)
				continue
			}
			if e.kind != want.kind {
				t.Errorf("%s.yaml: %s is of kind %c, en.yaml's of kind %c", l, k, e.kind, want.kind)
				continue
			}
			switch e.kind {
			case 's':
				if g, w := placeholders(e.text), placeholders(want.text); !slices.Equal(g, w) {
					t.Errorf("%s.yaml: %s has %v, want %v", l, k, g, w)
				}
				if strings.TrimSpace(e.text) == "" {
					t.Errorf("%s.yaml: %s is empty", l, k)
				}
			case 'm':
				for i, m := range e.months {
					if m == "" {
						t.Errorf("%s.yaml: %s has no name for month %d", l, k, i+1)
					}
				}
			case 'p':
				for _, cat := range forms[l] {
					s, ok := e.plural[cat]
					if !ok {
						t.Errorf("%s.yaml: %s has no form %s", l, k, cat)
						continue
					}
					w := placeholders(want.plural["other"])
					if g := placeholders(s); !slices.Equal(g, w) && !slices.Equal(g, slices.DeleteFunc(slices.Clone(w), func(p string) bool { return p == "{n}" })) {
						t.Errorf("%s.yaml: %s.%s has %v, want %v", l, k, cat, g, w)
					}
				}
			}
		}
		for k := range tr {
			if _, ok := en[k]; !ok {
				t.Errorf("%s.yaml: key %s is not in en.yaml", l, k)
			}
		}
	}
}

func placeholders(s string) []string {
	p := placeholder.FindAllString(s, -1)
	slices.Sort(p)
	return slices.Compact(p)
}

// TestTemplatesUseKnownKeys checks that every key the built-in templates
// ask for is in en.yaml, so that no page fails on a missing label.
func TestTemplatesUseKnownKeys(t *testing.T) {
	c, _ := catalogFor(t, "en")
	call := regexp.MustCompile(`\{\{[^}]*?\b(t|tn) "([^"]+)"`)
	inner := regexp.MustCompile(`\((t|tn) "([^"]+)"`)
	names, _ := fs.Glob(templates.FS, "*.html")
	n := 0
	for _, name := range names {
		b, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		for _, re := range []*regexp.Regexp{call, inner} {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				n++
				_, s := c.text[m[2]]
				_, p := c.plural[m[2]]
				if m[1] == "t" && !s || m[1] == "tn" && !p {
					t.Errorf("%s: %s %q is not in en.yaml", name, m[1], m[2])
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("only %d labels found in the templates", n)
	}
}

// TestPluralCategory checks the CLDR plural rules of the built-in
// languages.
func TestPluralCategory(t *testing.T) {
	tests := map[string]map[int]string{
		"en": {0: "other", 1: "one", 2: "other", 21: "other"},
		"de": {1: "one", 5: "other"},
		"fr": {0: "one", 1: "one", 2: "other"},
		"uk": {1: "one", 2: "few", 4: "few", 5: "many", 11: "many", 12: "many", 14: "many", 21: "one", 22: "few", 25: "many", 101: "one", 111: "many", 0: "many"},
		"ru": {1: "one", 3: "few", 11: "many", 31: "one", 112: "many"},
		"ar": {0: "zero", 1: "one", 2: "two", 3: "few", 10: "few", 11: "many", 99: "many", 100: "other", 102: "other", 103: "few", 111: "many"},
	}
	for lang, cases := range tests {
		for n, want := range cases {
			if got := pluralCategory(lang, n); got != want {
				t.Errorf("pluralCategory(%s, %d) = %s, want %s", lang, n, got, want)
			}
		}
	}
}

// TestCounts checks tn in each language.
func TestCounts(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 article"}, {"en", 5, "5 articles"},
		{"uk", 1, "1 стаття"}, {"uk", 3, "3 статті"}, {"uk", 5, "5 статей"}, {"uk", 21, "21 стаття"},
		{"ru", 2, "2 статьи"}, {"ru", 11, "11 статей"},
		{"de", 2, "2 Artikel"}, {"fr", 0, "0 article"}, {"fr", 2, "2 articles"},
		{"ar", 1, "مقال واحد"}, {"ar", 2, "مقالان"}, {"ar", 5, "5 مقالات"}, {"ar", 20, "20 مقالًا"}, {"ar", 100, "100 مقال"},
	}
	for _, tt := range tests {
		c, ds := catalogFor(t, tt.lang)
		if len(ds) > 0 {
			t.Fatal(ds)
		}
		if got, err := c.tn("n.article", tt.n); err != nil || got != tt.want {
			t.Errorf("%s: tn n.article %d = %q, %v; want %q", tt.lang, tt.n, got, err, tt.want)
		}
	}
}

// TestDatesInLanguages checks dates, spans and short dates in each
// built-in language, month names in their genitive where the language
// has one.
func TestDatesInLanguages(t *testing.T) {
	day := model.NewDay(2022, time.February, 7)
	from, to := model.NewDay(2022, time.February, 28), model.NewDay(2022, time.March, 2)
	month := model.Date{Start: time.Date(2022, time.February, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
	tests := []struct {
		lang                    string
		day, month, days, short string
	}{
		{"en", "7 February 2022", "February 2022", "28 February – 2 March 2022", "7 Feb"},
		{"uk", "7 лютого 2022", "лютий 2022", "28 лютого – 2 березня 2022", "7 лют."},
		{"ru", "7 февраля 2022", "февраль 2022", "28 февраля – 2 марта 2022", "7 февр."},
		{"de", "7. Februar 2022", "Februar 2022", "28. Februar – 2. März 2022", "7. Feb."},
		{"fr", "7 février 2022", "février 2022", "28 février – 2 mars 2022", "7 févr."},
		{"ar", "7 فبراير 2022", "فبراير 2022", "28 فبراير – 2 مارس 2022", "7 فبراير"},
		{"uk-UA", "7 лютого 2022", "лютий 2022", "28 лютого – 2 березня 2022", "7 лют."},
	}
	for _, tt := range tests {
		c, _ := catalogFor(t, tt.lang)
		got := []string{c.date(day), c.date(month), c.span(from, to), c.shortDate(day)}
		if want := []string{tt.day, tt.month, tt.days, tt.short}; !slices.Equal(got, want) {
			t.Errorf("%s: got %q, want %q", tt.lang, got, want)
		}
	}
	de, _ := catalogFor(t, "de")
	if got := de.span(model.NewDay(2022, time.February, 18), model.NewDay(2022, time.February, 20)); got != "18.–20. Februar 2022" {
		t.Errorf("de span = %q", got)
	}
}

// TestEnglishDatesAsBefore checks that the English translation writes
// every date as model.Date.Human and model.Span do, so that English
// pages keep their bytes.
func TestEnglishDatesAsBefore(t *testing.T) {
	c, _ := catalogFor(t, "en")
	var dates []model.Date
	for _, s := range []string{"2022-02-07", "2022-02", "2022", "2021-12-31", "2022-01-01", "2022-03-01", "2022-02-28"} {
		d, err := model.ParseDate(s, true)
		if err != nil {
			t.Fatal(s, err)
		}
		dates = append(dates, d)
	}
	// Weeks that stay in a month, cross one, and cross a year.
	for _, monday := range []time.Time{time.Date(2022, 2, 7, 0, 0, 0, 0, time.UTC), time.Date(2022, 2, 28, 0, 0, 0, 0, time.UTC), time.Date(2021, 12, 27, 0, 0, 0, 0, time.UTC)} {
		dates = append(dates, model.Date{Start: monday, Precision: model.Week})
	}
	for _, a := range dates {
		if got, want := c.date(a), a.Human(); got != want {
			t.Errorf("date(%s) = %q, want %q", a, got, want)
		}
		for _, b := range append(dates, model.Date{}) {
			if got, want := c.span(a, b), model.Span(a, b); got != want {
				t.Errorf("span(%s, %s) = %q, want %q", a, b, got, want)
			}
		}
	}
	if got := c.shortDate(dates[0]); got != dates[0].Start.Format("2 Jan") {
		t.Errorf("shortDate = %q", got)
	}
}

// TestLangAttrs checks the attributes of text in another language than
// the site's.
func TestLangAttrs(t *testing.T) {
	tests := []struct{ site, text, want string }{
		{"en", "ar", ` lang="ar" dir="rtl"`},
		{"en", "uk", ` lang="uk"`},
		{"en", "", ``},
		{"en", "en-US", ``},
		{"en-GB", "en", ``},
		{"ar", "en", ` lang="en" dir="ltr"`},
		{"ar", "fa-IR", ` lang="fa-IR"`},
		{"ar", "ar-EG", ``},
		{"de", "he", ` lang="he" dir="rtl"`},
		{"uk", "ur", ` lang="ur" dir="rtl"`},
	}
	for _, tt := range tests {
		c, _ := catalogFor(t, tt.site)
		if got := string(c.langAttrs(tt.text)); got != tt.want {
			t.Errorf("site %s, text %s: %q, want %q", tt.site, tt.text, got, tt.want)
		}
	}
}

// TestSiteTranslations checks that a site's file replaces the built-in
// labels it gives, keeps the others, and warns of unknown keys and
// values of the wrong shape at their lines.
func TestSiteTranslations(t *testing.T) {
	site := TemplateFile{Name: SiteTranslationPrefix + "uk.yaml", Display: "i18n/uk.yaml", Text: `page.events: Події тижня
n.article: {few: "{n} публікації"}
page.evnts: Події
months: [січень]
actor.role: {one: x}
`}
	c, ds := catalogFor(t, "uk", site)
	if got, _ := c.t("page.events"); got != "Події тижня" {
		t.Errorf("page.events = %q", got)
	}
	if got, _ := c.t("page.actors"); got != "Учасники" {
		t.Errorf("page.actors = %q, want the built-in label", got)
	}
	if got, _ := c.tn("n.article", 3); got != "3 публікації" {
		t.Errorf("tn n.article 3 = %q", got)
	}
	if got, _ := c.tn("n.article", 5); got != "5 статей" {
		t.Errorf("tn n.article 5 = %q, want the built-in form", got)
	}
	if got := c.month("months", time.March); got != "березень" {
		t.Errorf("months = %q, want the built-in ones", got)
	}
	var got []string
	for _, d := range ds {
		if d.File != "i18n/uk.yaml" || d.Severity != diag.Warning {
			t.Errorf("diagnostic %v: want a warning in i18n/uk.yaml", d)
		}
		got = append(got, fmt.Sprintf("%d: %s (%s)", d.Line, d.Msg, d.Hint))
	}
	want := []string{
		"5: translation actor.role is not of the right shape; the built-in one stands (write a label, key: \"…\")",
		"4: translation months is not of the right shape; the built-in one stands (write the twelve month names as a list: months: [January, February, …])",
		"3: unknown translation key page.evnts (did you mean page.events?)",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := c.t("no.such.key"); err == nil || !strings.Contains(err.Error(), `"no.such.key"`) {
		t.Errorf("t of an unknown key: %v", err)
	}
}

// TestLanguageWithoutTranslation falls back to English for a language
// brief has no translation of.
func TestLanguageWithoutTranslation(t *testing.T) {
	c, ds := catalogFor(t, "pt-BR")
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if got, _ := c.t("page.events"); got != "Events" {
		t.Errorf("page.events = %q", got)
	}
	if got := c.date(model.NewDay(2022, time.February, 7)); got != "7 February 2022" {
		t.Errorf("date = %q", got)
	}
}

// TestMentionDates checks that a statement's date is written as
// model.DateMention.Human writes it in English, for every precision and
// modifier, and in the other languages with their own words and the
// month in the form it takes after them.
func TestMentionDates(t *testing.T) {
	day := model.NewDay(2022, time.February, 23)
	month := model.Date{Start: time.Date(2022, time.February, 1, 0, 0, 0, 0, time.UTC), Precision: model.Month}
	year := model.Date{Start: time.Date(2022, time.January, 1, 0, 0, 0, 0, time.UTC), Precision: model.Year}
	week := model.Date{Start: time.Date(2022, time.February, 7, 0, 0, 0, 0, time.UTC), Precision: model.Week}
	var ms []model.DateMention
	for _, d := range []model.Date{day, month, year, week} {
		for _, mod := range []string{"", model.ModStart, model.ModMid, model.ModEnd} {
			ms = append(ms, model.DateMention{Date: d, Mod: mod})
		}
	}
	ms = append(ms, model.DateMention{Date: week, Value: "2022-W06-WE"})
	en, _ := catalogFor(t, "en")
	for _, m := range ms {
		if got, want := en.mention(m), m.Human(); got != want {
			t.Errorf("en: mention(%v %q) = %q, want %q", m.Date, m.Mod, got, want)
		}
	}
	uk, _ := catalogFor(t, "uk")
	for m, want := range map[model.DateMention]string{
		{Date: month, Mod: model.ModStart}: "на початку лютого 2022",
		{Date: month, Mod: model.ModEnd}:   "наприкінці лютого 2022",
		{Date: day, Mod: model.ModEnd}:     "пізно 23 лютого 2022",
		{Date: week, Value: "2022-W06-WE"}: "вихідні 12–13 лютого 2022",
		{Date: day}:                        "23 лютого 2022",
	} {
		if got := uk.mention(m); got != want {
			t.Errorf("uk: mention(%v %q) = %q, want %q", m.Date, m.Mod, got, want)
		}
	}
	fr, _ := catalogFor(t, "fr")
	if got := fr.mention(model.DateMention{Date: month, Mod: model.ModMid}); got != "mi-février 2022" {
		t.Errorf("fr: mid-February = %q", got)
	}
}
