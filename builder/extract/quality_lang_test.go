package extract

import (
	"fmt"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/briefhq/brief/builder/model"
)

// The corpora of the languages of issue 17: testdata/corpus-LANG/, one
// folder per language, under the schema and guidelines of
// testdata/corpus/README.md, with the decisions per language of
// testdata/corpus-README-languages.md.
var corpusLanguages = []string{"uk", "ru", "de", "fr"}

// languageFloors holds the regression floor (test, train) of a metric of
// qualityMetrics, by name, per language: just below what the readers of
// each language (lexicon/LANG with quotes_lang.go, dates_lang.go and
// numbers.go) measure. A metric not listed has floor 0.
var languageFloors = map[string]map[string][2]float64{
	"uk": {
		"quotes: precision":                 {0.90, 0.99},
		"quotes: recall":                    {0.85, 0.99},
		"quotes: recall, 4+ words":          {0.87, 0.99},
		"quotes: right speaker among found": {0.92, 0.84},
		"dates: value F1":                   {0.90, 0.94},
		"TIMEX3: type+value F1":             {0.83, 0.88},
		"figures: value+unit precision":     {0.85, 0.84},
		"figures: value+unit recall":        {0.92, 0.84},
	},
	"ru": {
		"quotes: precision":                 {0.90, 0.99},
		"quotes: recall":                    {0.85, 0.97},
		"quotes: recall, 4+ words":          {0.99, 0.99},
		"quotes: right speaker among found": {0.72, 0.87},
		"dates: value F1":                   {0.90, 0.96},
		"TIMEX3: type+value F1":             {0.84, 0.91},
		"figures: value+unit precision":     {0.80, 0.82},
		"figures: value+unit recall":        {0.84, 0.83},
	},
	"de": {
		"quotes: precision":                 {0.90, 0.99},
		"quotes: recall":                    {0.85, 0.98},
		"quotes: recall, 4+ words":          {0.99, 0.97},
		"quotes: right speaker among found": {0.70, 0.63},
		"dates: value F1":                   {0.90, 0.98},
		"TIMEX3: type+value F1":             {0.85, 0.95},
		"figures: value+unit precision":     {0.77, 0.77},
		"figures: value+unit recall":        {0.85, 0.86},
	},
	"fr": {
		"quotes: precision":                 {0.90, 0.99},
		"quotes: recall":                    {0.85, 0.99},
		"quotes: recall, 4+ words":          {0.99, 0.99},
		"quotes: right speaker among found": {0.84, 0.67},
		"dates: value F1":                   {0.90, 0.89},
		"TIMEX3: type+value F1":             {0.82, 0.86},
		"figures: value+unit precision":     {0.54, 0.67},
		"figures: value+unit recall":        {0.59, 0.83},
	},
}

// languageTargets are issue 17's targets on each language's test split,
// by metric name, in place of issue 13's English ones.
var languageTargets = map[string]float64{
	"quotes: precision": 0.90,
	"quotes: recall":    0.85,
	"dates: value F1":   0.90,
}

// Each language's corpus must stay big enough to measure issue 17's
// targets on its test split: at least 10 articles, 3 of them test. The
// first test split was chosen before any run; test batch 2 (de and ru,
// round 4) was written before any extractor change of its round and is
// never read for tuning, as corpus-README-languages.md records.
const (
	minLangArticles = 10
	minLangTest     = 3
	minLangQuotes   = 40
	minLangTimex    = 60
	minLangFigures  = 25
)

func TestExtractionQualityLanguages(t *testing.T) {
	for _, lang := range corpusLanguages {
		t.Run(lang, func(t *testing.T) {
			m, arts := loadCorpusDir(t, filepath.Join("testdata", "corpus-"+lang))
			test, train := newTally(), newTally()
			for _, a := range arts {
				if a.Language != lang {
					t.Errorf("%s: language %q, want %q (the folder's language)", a.file, a.Language, lang)
				}
				var miss func(string, ...any)
				s := test
				if a.split() == splitTrain {
					s = train
					if *showMisses {
						miss = t.Logf
					}
				}
				if err := scoreArticle(a, m, s, miss); err != nil {
					t.Fatal(err)
				}
			}
			all := newTally()
			all.add(test)
			all.add(train)
			if n := all.articles; n < minLangArticles || test.articles < minLangTest {
				t.Errorf("%d articles, %d of them test: want at least %d, %d of them split: test", n, test.articles, minLangArticles, minLangTest)
			}
			if all.quotes.annotated < minLangQuotes || all.timex.annotated < minLangTimex || all.figures.annotated < minLangFigures {
				t.Errorf("corpus too small: %d quotes, %d temporal expressions, %d figures (want at least %d, %d, %d)",
					all.quotes.annotated, all.timex.annotated, all.figures.annotated, minLangQuotes, minLangTimex, minLangFigures)
			}
			table := languageTable(t, languageFloors[lang], []*tally{test, train, all})
			// Verbose runs print the table as it is; other runs show it
			// only on failure, with the test's log.
			if testing.Verbose() {
				fmt.Printf("language %s\n%s", lang, table)
			} else {
				t.Log("\n" + table)
			}
		})
	}
}

// languageTable lays out the English scorer's table for one language's
// splits (test, train, all) and fails the test below a floor.
func languageTable(t *testing.T, floors map[string][2]float64, splits []*tally) string {
	t.Helper()
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 2, 8, 2, ' ', 0)
	row := func(cells ...string) { fmt.Fprintln(w, strings.Join(cells, "\t")+"\t") }
	ints := func(name string, f func(s *tally) int) {
		cells := []string{name}
		for _, s := range splits {
			cells = append(cells, fmt.Sprint(f(s)))
		}
		row(append(cells, "", "")...)
	}
	row("", "test", "train", "all", "target (test)", "floor test/train")
	ints("articles", func(s *tally) int { return s.articles })
	ints("paragraphs", func(s *tally) int { return s.paragraphs })
	ints("quotes annotated", func(s *tally) int { return s.quotes.annotated })
	ints("  of 4+ words", func(s *tally) int { return s.quotes4.annotated })
	ints("temporal expressions", func(s *tally) int { return s.timex.annotated })
	for _, typ := range []string{model.TypeDate, model.TypeTime, model.TypeDuration, model.TypeSet} {
		ints("  "+typ, func(s *tally) int { return s.byType[typ] })
	}
	ints("  calendar dates", func(s *tally) int { return s.dates.annotated })
	ints("figures annotated", func(s *tally) int { return s.figures.annotated })
	ints("  with counts and holder", func(s *tally) int { return s.withHolder })
	for _, mt := range qualityMetrics {
		floor := floors[mt.name]
		cells := []string{mt.name}
		for i, s := range splits {
			v, frac := mt.value(s)
			cell := "–"
			if !math.IsNaN(v) {
				cell = fmt.Sprintf("%.3f", v)
				if frac != "" {
					cell += " (" + frac + ")"
				}
				if i < 2 && v < floor[i] {
					t.Errorf("%s split: %s %.3f is below its regression floor %.3f", []string{"test", "train"}[i], mt.name, v, floor[i])
				}
			}
			cells = append(cells, cell)
		}
		target := "–"
		if tg := languageTargets[mt.name]; tg > 0 {
			target = fmt.Sprintf("≥ %.2f", tg)
		}
		row(append(cells, target, fmt.Sprintf("%.2f / %.2f", floor[0], floor[1]))...)
	}
	w.Flush()
	return b.String()
}
