package extract

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/builder/model"
)

// The annotated corpus: see testdata/corpus/README.md.

type corpusActor struct {
	Slug         string   `yaml:"slug"`
	Name         string   `yaml:"name"`
	Kind         string   `yaml:"kind"`
	Aliases      []string `yaml:"aliases"`
	Misspellings []string `yaml:"misspellings"`
}

type corpusQuote struct {
	Text        string `yaml:"text"`
	Speaker     string `yaml:"speaker"`
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
}

type corpusDate struct {
	Text  string `yaml:"text"`
	Value string `yaml:"value"`
}

type corpusFigure struct {
	Text  string  `yaml:"text"`
	Value float64 `yaml:"value"`
	Unit  string  `yaml:"unit"`
}

type corpusPara struct {
	Text      string         `yaml:"text"`
	Quotes    []corpusQuote  `yaml:"quotes"`
	Dates     []corpusDate   `yaml:"dates"`
	Figures   []corpusFigure `yaml:"figures"`
	NotQuotes []string       `yaml:"not_quotes"`
}

type corpusArticle struct {
	file       string
	Heldout    bool         `yaml:"heldout"`
	Published  string       `yaml:"published"`
	About      string       `yaml:"about"`
	Paragraphs []corpusPara `yaml:"paragraphs"`
}

func loadCorpus(t testing.TB) (*Matcher, []corpusArticle) {
	t.Helper()
	dir := filepath.Join("testdata", "corpus")
	data, err := os.ReadFile(filepath.Join(dir, "actors.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cas []corpusActor
	if err := yaml.Unmarshal(data, &cas); err != nil {
		t.Fatalf("actors.yaml: %v", err)
	}
	var actors []*model.Actor
	for _, ca := range cas {
		a := actor("content/actors/"+ca.Slug+".md", ca.Slug, ca.Name, ca.Aliases, ca.Misspellings)
		a.Kind = ca.Kind
		actors = append(actors, a)
	}
	m, ds := NewMatcher(actors)
	if len(ds) > 0 {
		t.Fatalf("corpus actors: %v", ds)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	var arts []corpusArticle
	for _, f := range files {
		if filepath.Base(f) == "actors.yaml" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var a corpusArticle
		dec := yaml.NewDecoder(strings.NewReader(string(data)))
		dec.KnownFields(true)
		if err := dec.Decode(&a); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		a.file = filepath.Base(f)
		for i, p := range a.Paragraphs {
			check := func(kind, s string) {
				if !strings.Contains(p.Text, s) {
					t.Fatalf("%s paragraph %d: %s %q is not in the paragraph", a.file, i, kind, s)
				}
			}
			for _, q := range p.Quotes {
				check("quote", q.Text)
			}
			for _, d := range p.Dates {
				check("date", d.Text)
			}
			for _, fg := range p.Figures {
				check("figure", fg.Text)
			}
			for _, s := range p.NotQuotes {
				check("not_quote", s)
			}
		}
		arts = append(arts, a)
	}
	return m, arts
}

type score struct {
	expected, found, correct int // annotated; found (matched span); found with the right value/speaker
	extracted, extractedOK   int // extracted; extracted that match an annotation correctly
}

func (s score) precision() float64 { return ratio(s.extractedOK, s.extracted) }
func (s score) recall() float64    { return ratio(s.correct, s.expected) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func normQuote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.TrimRight(s, " ,.;:")
}

func namesMatch(got, want string) bool {
	g, w := strings.ToLower(strings.TrimSpace(got)), strings.ToLower(strings.TrimSpace(want))
	if g == "" || w == "" {
		return false
	}
	return strings.Contains(g, w) || strings.Contains(w, g)
}

// locate finds the annotated expressions in a paragraph, each text at its
// next occurrence, so that "on Monday" twice is two spans.
func locate(text string, texts []string) []span {
	next := map[string]int{}
	out := make([]span, len(texts))
	for i, s := range texts {
		from := next[s]
		k := strings.Index(text[from:], s)
		if k < 0 {
			k = strings.Index(text, s) // annotated out of order
			from = 0
		}
		out[i] = span{from + k, from + k + len(s)}
		next[s] = from + k + len(s)
	}
	return out
}

func overlaps(a span, start, end int) bool { return a.start < end && start < a.end }

func TestExtractionQuality(t *testing.T) {
	m, arts := loadCorpus(t)
	var sets [2][3]score // development, held out; quotes, dates, figures
	var detail []string
	miss := func(format string, args ...any) { detail = append(detail, fmt.Sprintf(format, args...)) }
	for _, a := range arts {
		pub, err := model.ParseDate(a.Published, false)
		if err != nil {
			t.Fatalf("%s: %v", a.file, err)
		}
		paras := make([]string, len(a.Paragraphs))
		for i, p := range a.Paragraphs {
			paras[i] = p.Text
		}
		gotQ := Quotes(paras, m)
		gotD := Dates(paras, pub)
		gotF := Figures(paras)
		set := 0
		if a.Heldout {
			set = 1
		}
		qs, ds, fs := &sets[set][0], &sets[set][1], &sets[set][2]
		for pi, p := range a.Paragraphs {
			// Quotes: same words, then the speaker.
			var pq []model.Quote
			for _, q := range gotQ {
				if q.Para == pi {
					pq = append(pq, q)
				}
			}
			used := make([]bool, len(pq))
			qs.expected += len(p.Quotes)
			qs.extracted += len(pq)
			for _, want := range p.Quotes {
				hit := -1
				for k, q := range pq {
					if !used[k] && normQuote(q.Text) == normQuote(want.Text) {
						hit = k
						break
					}
				}
				if hit < 0 {
					miss("quote  missed   %s ¶%d: %q (%s)", a.file, pi, want.Text, want.Speaker+want.Name)
					continue
				}
				used[hit] = true
				qs.found++
				got := pq[hit]
				ok := false
				switch {
				case want.Speaker != "":
					ok = got.Speaker == want.Speaker || (want.Description != "" && got.Speaker == "" && namesMatch(got.SpeakerName, want.Description))
				default:
					ok = got.Speaker == "" && namesMatch(got.SpeakerName, want.Name)
				}
				if ok {
					qs.correct++
					qs.extractedOK++
				} else {
					miss("quote  speaker  %s ¶%d: %q: got %q (%q), want %q (%q)", a.file, pi, want.Text, got.Speaker, got.SpeakerName, want.Speaker, want.Name+want.Description)
				}
			}
			for k, q := range pq {
				if !used[k] {
					miss("quote  spurious %s ¶%d: %q by %q (%q)", a.file, pi, q.Text, q.Speaker, q.SpeakerName)
				}
			}

			// Dates: overlapping spans, then the value at its precision.
			var pd []model.DateMention
			for _, d := range gotD {
				if d.Para == pi {
					pd = append(pd, d)
				}
			}
			texts := make([]string, len(p.Dates))
			for i, d := range p.Dates {
				texts[i] = d.Text
			}
			spans := locate(p.Text, texts)
			usedD := make([]bool, len(pd))
			ds.expected += len(p.Dates)
			ds.extracted += len(pd)
			for i, want := range p.Dates {
				hit := -1
				for k, d := range pd {
					if !usedD[k] && overlaps(spans[i], d.Start, d.End) {
						hit = k
						break
					}
				}
				if hit < 0 {
					miss("date   missed   %s ¶%d: %q = %s", a.file, pi, want.Text, want.Value)
					continue
				}
				usedD[hit] = true
				ds.found++
				if got := pd[hit].Date.String(); got == want.Value {
					ds.correct++
					ds.extractedOK++
				} else {
					miss("date   value    %s ¶%d: %q (%q) = %s, want %s", a.file, pi, want.Text, pd[hit].Text, got, want.Value)
				}
			}
			for k, d := range pd {
				if !usedD[k] {
					miss("date   spurious %s ¶%d: %q = %s", a.file, pi, d.Text, d.Date)
				}
			}

			// Figures: overlapping spans, then value and unit.
			var pf []model.Figure
			for _, f := range gotF {
				if f.Para == pi {
					pf = append(pf, f)
				}
			}
			texts = texts[:0]
			for _, f := range p.Figures {
				texts = append(texts, f.Text)
			}
			spans = locate(p.Text, texts)
			usedF := make([]bool, len(pf))
			fs.expected += len(p.Figures)
			fs.extracted += len(pf)
			for i, want := range p.Figures {
				hit := -1
				for k, f := range pf {
					if !usedF[k] && overlaps(spans[i], f.Start, f.End) {
						hit = k
						break
					}
				}
				if hit < 0 {
					miss("figure missed   %s ¶%d: %q = %g %s", a.file, pi, want.Text, want.Value, want.Unit)
					continue
				}
				usedF[hit] = true
				fs.found++
				got := pf[hit]
				if math.Abs(got.Value-want.Value) <= 1e-9*math.Max(1, math.Abs(want.Value)) && got.Unit == want.Unit {
					fs.correct++
					fs.extractedOK++
				} else {
					miss("figure value    %s ¶%d: %q (%q) = %g %s, want %g %s", a.file, pi, want.Text, got.Text, got.Value, got.Unit, want.Value, want.Unit)
				}
			}
			for k, f := range pf {
				if !usedF[k] {
					miss("figure spurious %s ¶%d: %q = %g %s", a.file, pi, f.Text, f.Value, f.Unit)
				}
			}
		}
	}
	for _, d := range detail {
		t.Log(d)
	}
	add := func(a, b score) score {
		return score{a.expected + b.expected, a.found + b.found, a.correct + b.correct, a.extracted + b.extracted, a.extractedOK + b.extractedOK}
	}
	lines := func(name string, qs, ds, fs score) []string {
		return []string{
			fmt.Sprintf("%s quotes  (correct speaker): precision %.3f (%d/%d)  recall %.3f (%d/%d)  [quotes found regardless of speaker: %d/%d]",
				name, qs.precision(), qs.extractedOK, qs.extracted, qs.recall(), qs.correct, qs.expected, qs.found, qs.expected),
			fmt.Sprintf("%s dates   (exact value and precision): correct values %.3f (%d/%d)  precision %.3f (%d/%d)  [expressions found: %d/%d]",
				name, ds.recall(), ds.correct, ds.expected, ds.precision(), ds.extractedOK, ds.extracted, ds.found, ds.expected),
			fmt.Sprintf("%s figures (value and unit): precision %.3f (%d/%d)  recall %.3f (%d/%d)  [figures found: %d/%d]",
				name, fs.precision(), fs.extractedOK, fs.extracted, fs.recall(), fs.correct, fs.expected, fs.found, fs.expected),
		}
	}
	qs, ds, fs := add(sets[0][0], sets[1][0]), add(sets[0][1], sets[1][1]), add(sets[0][2], sets[1][2])
	report := []string{fmt.Sprintf("corpus: %d articles", len(arts))}
	report = append(report, lines("all      ", qs, ds, fs)...)
	report = append(report, lines("dev      ", sets[0][0], sets[0][1], sets[0][2])...)
	report = append(report, lines("held-out ", sets[1][0], sets[1][1], sets[1][2])...)
	for _, r := range report {
		t.Log(r)
		if testing.Verbose() {
			fmt.Println(r)
		}
	}
	if qs.expected < 40 || ds.expected < 80 || fs.expected < 40 {
		t.Errorf("corpus too small: %d quotes, %d dates, %d figures (want at least 40, 80, 40)", qs.expected, ds.expected, fs.expected)
	}
	if qs.precision() < 0.90 || qs.recall() < 0.85 {
		t.Errorf("quotes: precision %.3f (want ≥ 0.90), recall %.3f (want ≥ 0.85)", qs.precision(), qs.recall())
	}
	if ds.recall() < 0.90 {
		t.Errorf("dates: correct values %.3f, want ≥ 0.90", ds.recall())
	}
	if fs.precision() < 0.90 || fs.recall() < 0.90 {
		t.Errorf("figures: precision %.3f, recall %.3f, want both ≥ 0.90", fs.precision(), fs.recall())
	}
}
