package extract

import (
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"text/tabwriter"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/builder/model"
)

// The annotated corpus: see testdata/corpus/README.md for the schema and
// the annotation guidelines (version 2).

// showMisses lets a tuning session silence the per-item lines of the
// train split; the test split never has any, so that nobody tunes on it.
var showMisses = flag.Bool("corpus.misses", true, "log each missed, wrong or spurious item of the corpus's train split")

// The two splits: train may be used to tune the extractors, test never.
const (
	splitTest  = "test"
	splitTrain = "train"
)

type corpusActor struct {
	Slug         string   `yaml:"slug"`
	Name         string   `yaml:"name"`
	Kind         string   `yaml:"kind"`
	Gender       string   `yaml:"gender"`
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
	Type  string `yaml:"type"` // "" is date
	Value string `yaml:"value"`
	Mod   string `yaml:"mod"`
}

// typ is the TIMEX3 type, with the default filled in.
func (d corpusDate) typ() string {
	if d.Type == "" {
		return model.TypeDate
	}
	return d.Type
}

type corpusFigure struct {
	Text   string  `yaml:"text"`
	Value  float64 `yaml:"value"`
	Unit   string  `yaml:"unit"`
	Counts string  `yaml:"counts"`
	// Nodes, because an explicit null ("the article's own authority", "no
	// time given") is scored while a missing key is not.
	Holder   yaml.Node `yaml:"holder"`
	RefersTo yaml.Node `yaml:"refers_to"`
}

// optional reads a key that may be absent (set false), null (set, ""),
// or a string.
func optional(n yaml.Node) (value string, set bool) {
	if n.Kind == 0 {
		return "", false
	}
	if n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" {
		return "", true
	}
	return n.Value, true
}

type corpusPara struct {
	Text      string         `yaml:"text"`
	Quotes    []corpusQuote  `yaml:"quotes"`
	Dates     []corpusDate   `yaml:"dates"`
	Figures   []corpusFigure `yaml:"figures"`
	NotQuotes []string       `yaml:"not_quotes"`
}

type corpusArticle struct {
	file        string
	Split       string       `yaml:"split"`    // "" is train
	Language    string       `yaml:"language"` // "" is en
	Heldout     bool         `yaml:"heldout"`  // history only: seen by the extractors' authors
	Published   string       `yaml:"published"`
	OutletStyle string       `yaml:"outlet_style"`
	About       string       `yaml:"about"`
	Paragraphs  []corpusPara `yaml:"paragraphs"`
}

func (a corpusArticle) split() string {
	if a.Split == "" {
		return splitTrain
	}
	return a.Split
}

var outletStyles = []string{"us-politics", "uk-paper", "wire", "long-form", "live-blog", "newspaper", "broadcast", "press-release"}

var timexMods = []string{"START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS", "EQUAL_OR_MORE"}

// The TIMEX3 value shapes the guidelines allow, per type.
var (
	reDateValue = regexp.MustCompile(`^(\d{2}|\d{3}|\d{4}|\d{4}-(\d{2}|W\d{2}|W\d{2}-WE|Q[1-4]|H[12]|SP|SU|FA|WI)|\d{4}-\d{2}-\d{2}|(PRESENT|PAST|FUTURE)_REF)$`)
	reTimeValue = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2}|XXXX-XX-XX)T(\d{2}:\d{2}|MO|AF|EV|NI|DT)$`)
	reDuration  = regexp.MustCompile(`^P((\d+(\.\d+)?|X)(Y|M|W|D|DE|CE))*(T((\d+(\.\d+)?|X)(H|M|S))+)?$`)
	reSetValue  = regexp.MustCompile(`^XXXX-(WXX-[1-7]|XX-XX|XX-\d{2}|\d{2}(-\d{2})?)(T(\d{2}:\d{2}|MO|AF|EV|NI))?$`)
	reSlug      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	reFileDate  = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-`)
)

// timexError says what is wrong with a TIMEX3 value of the given type,
// "" when it has a valid shape (and names a real day, week and hour).
func timexError(typ, value string) string {
	switch typ {
	case model.TypeDate:
		if !reDateValue.MatchString(value) {
			return "not a date value (2022-02-07, 2022-W06, 2022-W06-WE, 2022-02, 2022-Q1, 2022-SU, 2022, 199, 19, PRESENT_REF, PAST_REF, FUTURE_REF)"
		}
		return calendarError(value)
	case model.TypeTime:
		if !reTimeValue.MatchString(value) {
			return "not a time value (2022-02-24T05:00, 2022-02-27TNI, XXXX-XX-XXT05:00)"
		}
		day, clock, _ := strings.Cut(value, "T")
		if !strings.HasPrefix(day, "X") {
			if e := calendarError(day); e != "" {
				return e
			}
		}
		if len(clock) == 5 {
			if _, err := time.Parse("15:04", clock); err != nil {
				return "no such time of day"
			}
		}
		return ""
	case model.TypeDuration:
		if value == "P" || strings.HasSuffix(value, "T") || !reDuration.MatchString(value) {
			return "not a duration value (P3D, PT5H, P2W, P1Y, PXY, PXDE)"
		}
		return ""
	case model.TypeSet:
		if reSetValue.MatchString(value) || (value != "P" && !strings.HasSuffix(value, "T") && reDuration.MatchString(value)) {
			return ""
		}
		return "not a set value (XXXX-WXX-1, P1D, P1W, P1Y)"
	}
	return "type is not one of date, time, duration, set"
}

// calendarError checks the calendar parts of a date value that matched
// reDateValue.
func calendarError(value string) string {
	switch {
	case strings.HasSuffix(value, "_REF"):
	case len(value) == 10:
		if _, err := time.Parse("2006-01-02", value); err != nil {
			return "no such day"
		}
	case len(value) == 7 && value[5] != 'W' && value[5] != 'Q' && value[5] != 'H' && value[4] == '-' && value[5] >= '0' && value[5] <= '9':
		if _, err := time.Parse("2006-01", value); err != nil {
			return "no such month"
		}
	// "-WI" is winter, a season, not an ISO week.
	case strings.Contains(value, "-W") && !strings.HasSuffix(value, "-WI"):
		var y, w int
		fmt.Sscanf(value, "%d-W%d", &y, &w)
		last, lw := time.Date(y, 12, 28, 0, 0, 0, 0, time.UTC).ISOWeek()
		if w < 1 || (last == y && w > lw) {
			return "no such ISO week"
		}
	}
	return ""
}

// looksLikeSlug tells a holder meant as an actor slug ("osama-rabie"),
// which must be in actors.yaml, from a source written as text ("US
// officials", "officials"); a one-word slug ("nato") is known by being
// in actors.yaml.
func looksLikeSlug(s string) bool { return strings.Contains(s, "-") && reSlug.MatchString(s) }

func loadCorpus(t testing.TB) (*Matcher, []corpusArticle) {
	t.Helper()
	return loadCorpusDir(t, filepath.Join("testdata", "corpus"))
}

// loadCorpusDir loads the actors and the validated articles of one corpus
// folder; it stops the test after reporting every annotation error.
func loadCorpusDir(t testing.TB, dir string) (*Matcher, []corpusArticle) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "actors.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var cas []corpusActor
	if err := yaml.Unmarshal(data, &cas); err != nil {
		t.Fatalf("actors.yaml: %v", err)
	}
	slugs := map[string]bool{}
	names := map[string]string{} // an actor's full name, lower case → slug
	var actors []*model.Actor
	for _, ca := range cas {
		a := actor("content/actors/"+ca.Slug+".md", ca.Slug, ca.Name, ca.Aliases, ca.Misspellings)
		a.Kind = ca.Kind
		a.Gender = ca.Gender
		switch ca.Gender {
		case "", "male", "female", "other":
		default:
			t.Errorf("actors.yaml: %s: gender %q, want male, female or other (or none)", ca.Slug, ca.Gender)
		}
		slugs[ca.Slug] = true
		names[strings.ToLower(ca.Name)] = ca.Slug
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
			t.Errorf("%s: %v", f, err)
			continue
		}
		a.file = filepath.Base(f)
		validateArticle(t, a, slugs, names)
		arts = append(arts, a)
	}
	if t.Failed() {
		t.FailNow()
	}
	return m, arts
}

// validateArticle reports every annotation error of a, all of them, so
// that an annotator fixes a file in one pass. Errors in a test file do
// not quote the annotated text, which is for nobody tuning to read.
func validateArticle(t testing.TB, a corpusArticle, slugs map[string]bool, names map[string]string) {
	t.Helper()
	test := a.split() == splitTest
	bad := func(pi int, kind, text, format string, args ...any) {
		t.Helper()
		where := a.file
		if pi >= 0 {
			where = fmt.Sprintf("%s paragraph %d", a.file, pi+1)
		}
		if text != "" && !test {
			where += fmt.Sprintf(" %s %q", kind, text)
		} else if kind != "" {
			where += " " + kind
		}
		t.Errorf("%s: %s", where, fmt.Sprintf(format, args...))
	}
	if a.split() != splitTest && a.split() != splitTrain {
		bad(-1, "", "", "split %q, want train or test", a.Split)
	}
	if a.OutletStyle != "" && !inList(outletStyles, a.OutletStyle) {
		bad(-1, "", "", "outlet_style %q, want one of %s", a.OutletStyle, strings.Join(outletStyles, ", "))
	}
	if _, err := model.ParseDate(a.Published, false); err != nil {
		bad(-1, "", "", "published: %v", err)
	}
	if fd := reFileDate.FindStringSubmatch(a.file); fd != nil && fd[1] != a.Published {
		bad(-1, "", "", "published %q but the file name says %s", a.Published, fd[1])
	}
	for pi, p := range a.Paragraphs {
		in := func(kind, s string) {
			if s == "" || !strings.Contains(p.Text, s) {
				bad(pi, kind, s, "text is not in the paragraph (copy it exactly, line breaks as spaces)")
			}
		}
		for _, q := range p.Quotes {
			in("quote", q.Text)
			switch {
			case q.Speaker != "" && !slugs[q.Speaker]:
				bad(pi, "quote", q.Text, "speaker %q is not in actors.yaml (add the actor, or write speaker: null with name:)", q.Speaker)
			case q.Speaker == "" && q.Name == "" && q.Description == "":
				bad(pi, "quote", q.Text, "speaker: null needs name: or description:")
			case q.Speaker == "" && names[strings.ToLower(q.Name)] != "":
				// An actor added after the article was annotated: a name
				// the extractor resolves to the actor would be scored wrong.
				bad(pi, "quote", q.Text, "name: is the full name of an actor in actors.yaml: write the actor's slug as speaker: instead")
			}
		}
		for _, d := range p.Dates {
			in("date", d.Text)
			if e := timexError(d.typ(), d.Value); e != "" {
				bad(pi, "date", d.Text, "%s %q: %s", d.typ(), d.Value, e)
			}
			if d.Mod != "" && !inList(timexMods, d.Mod) {
				bad(pi, "date", d.Text, "mod %q, want one of %s", d.Mod, strings.Join(timexMods, ", "))
			}
		}
		for _, fg := range p.Figures {
			in("figure", fg.Text)
			if fg.Unit == "" {
				bad(pi, "figure", fg.Text, "no unit")
			}
			if h, _ := optional(fg.Holder); h != "" && looksLikeSlug(h) && !slugs[h] {
				bad(pi, "figure", fg.Text, "holder %q is not in actors.yaml (add the actor, or write the source as in the text, e.g. \"US officials\")", h)
			}
			if r, _ := optional(fg.RefersTo); r != "" && timexError(model.TypeDate, r) != "" && timexError(model.TypeTime, r) != "" {
				bad(pi, "figure", fg.Text, "refers_to %q is not a date or time value", r)
			}
		}
		for _, s := range p.NotQuotes {
			in("not_quote", s)
		}
	}
}

func inList(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// counts of one kind of item in one split.
type counts struct {
	annotated, found int // annotated items; items the extractor found
	matched          int // annotated items a found one overlaps (each found used once)
	correct          int // matched with the right value, unit or speaker
}

func (c *counts) add(o counts) {
	c.annotated += o.annotated
	c.found += o.found
	c.matched += o.matched
	c.correct += o.correct
}

// accuracy among matched items whose annotation has the key.
type accuracy struct{ n, ok int }

func (a *accuracy) add(o accuracy) { a.n += o.n; a.ok += o.ok }

func (a *accuracy) count(ok bool) {
	a.n++
	if ok {
		a.ok++
	}
}

// tally is the score of one split.
type tally struct {
	articles, paragraphs int
	quotes, quotes4      counts // quotes4: annotated quotes of 4+ words
	dates, timex         counts // dates: type date with a calendar value; timex: every type
	figures              counts
	speaker              accuracy
	holder, refersTo     accuracy
	byType               map[string]int // annotated temporal expressions per type
	withHolder           int            // annotated figures with counts and a holder key
}

func (s *tally) add(o *tally) {
	s.articles += o.articles
	s.paragraphs += o.paragraphs
	s.quotes.add(o.quotes)
	s.quotes4.add(o.quotes4)
	s.dates.add(o.dates)
	s.timex.add(o.timex)
	s.figures.add(o.figures)
	s.speaker.add(o.speaker)
	s.holder.add(o.holder)
	s.refersTo.add(o.refersTo)
	for k, v := range o.byType {
		s.byType[k] += v
	}
	s.withHolder += o.withHolder
}

func newTally() *tally { return &tally{byType: map[string]int{}} }

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if math.IsNaN(p) || math.IsNaN(r) {
		return math.NaN()
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
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

func overlaps(a, b span) bool { return a.start < b.end && b.start < a.end }

// pair matches annotated spans to found ones: each annotated span takes
// the first unused found span it overlaps. It returns, per annotated
// span, the index of its found span or -1, and which found spans were used.
func pair(want, got []span) ([]int, []bool) {
	used := make([]bool, len(got))
	hit := make([]int, len(want))
	for i, w := range want {
		hit[i] = -1
		for k, g := range got {
			if !used[k] && overlaps(w, g) {
				hit[i], used[k] = k, true
				break
			}
		}
	}
	return hit, used
}

func quoteWords(s string) int { return len(strings.Fields(s)) }

// foundTimex is the type and value of a found mention, defaults filled in.
func foundTimex(d model.DateMention) (typ, value string) {
	typ, value = d.Type, d.Value
	if typ == "" {
		typ = model.TypeDate
	}
	if value == "" {
		value = d.Date.String()
	}
	return typ, value
}

// isCalendar tells a calendar value from a reference (PRESENT_REF ...).
func isCalendar(value string) bool { return value != "" && !strings.HasSuffix(value, "_REF") }

// speakerRight applies the guidelines: the actor slug is equal, or the
// annotation has no actor and the found name contains the annotated
// name's last word or the description; an annotated actor named only by
// a description is also right as no actor with that description.
func speakerRight(got model.Quote, want corpusQuote) bool {
	name := strings.ToLower(got.SpeakerName)
	hasDesc := want.Description != "" && got.Speaker == "" && strings.Contains(name, strings.ToLower(trimArticle(want.Description)))
	if want.Speaker != "" {
		return got.Speaker == want.Speaker || hasDesc
	}
	if got.Speaker != "" {
		return false
	}
	if f := strings.Fields(want.Name); len(f) > 0 && strings.Contains(name, strings.ToLower(f[len(f)-1])) {
		return true
	}
	return hasDesc
}

func trimArticle(s string) string {
	for _, a := range []string{"a ", "an ", "the ", "A ", "An ", "The "} {
		if strings.HasPrefix(s, a) {
			return s[len(a):]
		}
	}
	return s
}

// holderRight: the actor slug is equal, or no actor was found and the
// found source shares a word with the annotated one that is not a
// function word; a null annotation wants no holder at all.
func holderRight(got model.Figure, want string) bool {
	if want == "" {
		return got.Holder == "" && got.HolderName == ""
	}
	if got.Holder != "" {
		return got.Holder == want
	}
	words := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(want)) {
		words[strings.Trim(w, ",.’'")] = true
	}
	for _, w := range strings.Fields(strings.ToLower(got.HolderName)) {
		w = strings.Trim(w, ",.’'")
		if words[w] && !inList([]string{"the", "a", "an", "of", "and", "in", "for", "to"}, w) {
			return true
		}
	}
	return false
}

func sameNumber(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

// scoreArticle runs the extractors over a and adds its scores to s; miss
// receives a line per missed, wrong or spurious item (nil: none kept).
func scoreArticle(a corpusArticle, m *Matcher, s *tally, miss func(format string, args ...any)) error {
	pub, err := model.ParseDate(a.Published, false)
	if err != nil {
		return fmt.Errorf("%s: %v", a.file, err)
	}
	if miss == nil {
		miss = func(string, ...any) {}
	}
	paras := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		paras[i] = p.Text
	}
	gotQ := QuotesIn(paras, m, a.Language)
	gotD := DatesIn(paras, pub, a.Language)
	gotF := FiguresIn(paras, gotD, a.Language)
	AttributeFigures(gotF, paras, m, gotD)
	s.articles++
	s.paragraphs += len(paras)
	for pi, p := range a.Paragraphs {
		at := fmt.Sprintf("%s ¶%d", a.file, pi+1)

		// Quotes: overlapping spans, then the speaker.
		var pq []model.Quote
		var qspans []span
		for _, q := range gotQ {
			if q.Para == pi {
				pq = append(pq, q)
				qspans = append(qspans, span{q.Start, q.End})
			}
		}
		texts := make([]string, len(p.Quotes))
		for i, q := range p.Quotes {
			texts[i] = q.Text
		}
		hit, used := pair(locate(p.Text, texts), qspans)
		s.quotes.annotated += len(p.Quotes)
		s.quotes.found += len(pq)
		for i, want := range p.Quotes {
			long := quoteWords(want.Text) >= 4
			if long {
				s.quotes4.annotated++
			}
			who := want.Speaker + want.Name + want.Description
			if hit[i] < 0 {
				miss("quote  missed   %s: %q (%s)", at, want.Text, who)
				continue
			}
			s.quotes.matched++
			if long {
				s.quotes4.matched++
			}
			got := pq[hit[i]]
			ok := speakerRight(got, want)
			s.speaker.count(ok)
			if ok {
				s.quotes.correct++
			} else {
				miss("quote  speaker  %s: %q: got %q (%q), want %s", at, want.Text, got.Speaker, got.SpeakerName, who)
			}
		}
		for k, q := range pq {
			if !used[k] {
				miss("quote  spurious %s: %q by %q (%q)", at, q.Text, q.Speaker, q.SpeakerName)
			}
		}

		// Temporal expressions: all of them (type and value), and the
		// calendar dates alone (value).
		var pd []model.DateMention
		var dspans []span
		for _, d := range gotD {
			if d.Para == pi {
				pd = append(pd, d)
				dspans = append(dspans, span{d.Start, d.End})
			}
		}
		texts = texts[:0]
		for _, d := range p.Dates {
			texts = append(texts, d.Text)
			s.byType[d.typ()]++
		}
		wantSpans := locate(p.Text, texts)
		hit, used = pair(wantSpans, dspans)
		s.timex.annotated += len(p.Dates)
		s.timex.found += len(pd)
		for i, want := range p.Dates {
			if hit[i] < 0 {
				miss("timex  missed   %s: %q = %s %s", at, want.Text, want.typ(), want.Value)
				continue
			}
			s.timex.matched++
			d := pd[hit[i]]
			typ, value := foundTimex(d)
			if typ == want.typ() && value == want.Value {
				s.timex.correct++
			} else {
				miss("timex  value    %s: %q (%q) = %s %s, want %s %s", at, want.Text, d.Text, typ, value, want.typ(), want.Value)
			}
		}
		for k, d := range pd {
			if !used[k] {
				typ, value := foundTimex(d)
				miss("timex  spurious %s: %q = %s %s", at, d.Text, typ, value)
			}
		}
		var calWant, calGot []span
		var calWantV, calGotV []string
		for i, d := range p.Dates {
			if d.typ() == model.TypeDate && isCalendar(d.Value) {
				calWant = append(calWant, wantSpans[i])
				calWantV = append(calWantV, d.Value)
			}
		}
		for k, d := range pd {
			if typ, value := foundTimex(d); typ == model.TypeDate && isCalendar(value) {
				calGot = append(calGot, dspans[k])
				calGotV = append(calGotV, value)
			}
		}
		hit, _ = pair(calWant, calGot)
		s.dates.annotated += len(calWant)
		s.dates.found += len(calGot)
		for i := range calWant {
			if hit[i] >= 0 {
				s.dates.matched++
				if calGotV[hit[i]] == calWantV[i] {
					s.dates.correct++
				}
			}
		}

		// Figures: overlapping spans, then value and unit, holder and time.
		var pf []model.Figure
		var fspans []span
		for _, f := range gotF {
			if f.Para == pi {
				pf = append(pf, f)
				fspans = append(fspans, span{f.Start, f.End})
			}
		}
		texts = texts[:0]
		for _, f := range p.Figures {
			texts = append(texts, f.Text)
			if _, ok := optional(f.Holder); ok && f.Counts != "" {
				s.withHolder++
			}
		}
		hit, used = pair(locate(p.Text, texts), fspans)
		s.figures.annotated += len(p.Figures)
		s.figures.found += len(pf)
		for i, want := range p.Figures {
			if hit[i] < 0 {
				miss("figure missed   %s: %q = %g %s", at, want.Text, want.Value, want.Unit)
				continue
			}
			s.figures.matched++
			got := pf[hit[i]]
			if sameNumber(got.Value, want.Value) && got.Unit == want.Unit {
				s.figures.correct++
			} else {
				miss("figure value    %s: %q (%q) = %g %s, want %g %s", at, want.Text, got.Text, got.Value, got.Unit, want.Value, want.Unit)
			}
			if h, ok := optional(want.Holder); ok {
				right := holderRight(got, h)
				s.holder.count(right)
				if !right {
					miss("figure holder   %s: %q: got %q (%q), want %q", at, want.Text, got.Holder, got.HolderName, h)
				}
			}
			if r, ok := optional(want.RefersTo); ok {
				s.refersTo.count(got.RefersTo == r)
				if got.RefersTo != r {
					miss("figure time     %s: %q: got %q, want %q", at, want.Text, got.RefersTo, r)
				}
			}
		}
		for k, f := range pf {
			if !used[k] {
				miss("figure spurious %s: %q = %g %s", at, f.Text, f.Value, f.Unit)
			}
		}
	}
	return nil
}

// metric is one row of the quality table.
type metric struct {
	name string
	// target is the target (issue 13) on the test split, 0 for none.
	target float64
	// floor is the regression floor per split (test, train): just below
	// what the extractors measured when it was set, so that a regression
	// fails while the targets are still ahead. Raise it as they improve.
	floor [2]float64
	value func(s *tally) (float64, string)
}

func fraction(a, b int) (float64, string) {
	return ratio(a, b), fmt.Sprintf("%d/%d", a, b)
}

// The train floors of date recall and figure precision and recall were
// lowered to what train batch 2 (12 articles, issue 13) measured with the
// extractors it was written against. The quote floors of both splits are
// just below what the quote rules of issue 13, round 2, measure; the train
// floors of quote recall and speaker and of figure precision and recall
// were then lowered to what train that round measures with train batch 3
// (14 articles of styles it was not tuned on) added, and raised again to
// just below what the quote rules of round 3 measure (test 1.000 / 0.950
// / 0.957 / 0.894, train 0.997 / 0.965 / 0.959 / 0.930), then of round 4
// (test 1.000 / 0.964 / 0.957 / 0.910, train 0.997 / 0.975 / 0.971 /
// 0.977). Train batch 4 (12 articles on who speaks) lowered the train
// floors of quote recall, 4+ words and speaker and of figure recall to
// just below what train measures with it (0.967 / 0.965 / 0.931, figures
// 0.946 / 0.933). The speaker rules of round 5 (first names, subjects
// opening a sentence) raised the train speaker floor to just below what
// train measures (0.950); test measures 0.910 still. The test floors of
// dates, TIMEX3 and figures (0 until then) were set at the end of issue
// 13's session: at the targets where the test split meets them (dates F1
// 0.90, and TIMEX3 F1 above its 0.80), elsewhere just below what it
// measures. Train batch 5 (11 articles on who speaks, of 2026-12-02)
// lowered the train floors of quote recall and 4+ words, speaker, date
// recall and F1 and TIMEX3 to just below what train measures with it
// (0.958 / 0.958 / 0.925, dates 0.902 / 0.912, TIMEX3 0.894 / 0.835 /
// 0.864). The speaker rules of round 6 (titles of the same family name
// by gender, of-phrases and appositions, descriptions opening a sentence,
// pronouns opening one, transcript labels, bodies) raised the train
// floors of quote recall and speaker to just below what train measures
// (0.961, 0.959); test measures 0.964 / 0.910, its floors kept. Train
// batch 6 (11 articles on who speaks, of 2026-12-02) lowered the train
// floors of speaker, date recall and F1 and TIMEX3 precision and F1 to
// just below what train measures with it (0.929, dates 0.894 / 0.903,
// TIMEX3 0.889 / 0.860). The speaker rules of round 7 (ages and
// nationalities for the person named before, bodies with a modifier, "it"
// for the organisation, descriptions with a phrase or as the subject of a
// colon introduction, family names of two words, the antecedent before a
// description rather than a name in its clause) raised the floors of
// 4+ words and speaker to just below what both splits measure (test
// 0.966 / 0.919, train 0.968 / 0.961). Test batch 2b (11 articles of
// 2015-2025, split: test) lowered the test floors of quote recall, 4+
// words and speaker, date precision and F1 and figure precision and
// recall to just below what the whole test split measures with it (0.916
// / 0.924 / 0.908, dates 0.877 / 0.886, figures 0.934 / 0.834), and
// the quote floors again when five invented bystanders' names in it
// became descriptions (0.908 / 0.914 / 0.903), and the speaker floor
// once more when facts in it were corrected (speaker 0.900, 197/219).
// The name after an inverted speech verb as the antecedent of "he" (round
// 8, "…, said Jesada Chokedamrongsuk, a health official. ‘…,’ he said")
// raised the test speaker floor to just below what it measures (0.909,
// 199/219; train 0.964, 693/719). Test batch 2c (5 articles of
// 1997-2014, split: test) lowered the test floors of speaker and figure
// precision to just below what the whole test split measures with it
// (0.880, 256/291; figures 0.915, 257/281). The speaker rules of round 9
// (news prose: clock times and live-blog stamps, "according to a
// statement from", relative clauses in the subject, names given "only
// as") raised the train floors of quote recall, 4+ words and speaker to
// just below what train measures (0.980 / 0.980 / 0.971); the test
// floors are kept. Test batch 2a (3 articles of 1991-2008, split: test)
// lowered the test floors of speaker, figure precision and figure holder
// to just below what the whole test split measures with it (0.860,
// 282/328; figures 0.897, 280/312; holder 0.732, 219/299). Its part two
// (3 articles of 2004-2013) lowered the test floors of quote recall and
// 4+ words, date recall, TIMEX3 recall and F1 and figure precision,
// recall and holder to just below what the whole test split (45
// articles) measures with it (0.895 / 0.893, dates 0.889, TIMEX3 0.800 /
// 0.820, figures 0.880 / 0.823, holder 0.724). The date rules of round 9
// ("a year ago" is that month, "a week ago" that day; tense of a
// participle after "and", of "should", of a participle opening a
// sentence), kept on train evidence (dates F1 0.903 -> 0.915), measure
// the 45-article test split at dates 0.866 / 0.884 (F1 0.875; 0.871 /
// 0.889, F1 0.880 before), so the test floors of date precision and F1
// were lowered to 0.86 and 0.87 instead of tuning on the test split.
// With "N years ago" kept a year for N > 1 and the durations of round 9
// ("hours later", "minutes after", "9 minutes and 29 seconds"), train
// measures dates 0.924 / 0.906 (F1 0.915) and TIMEX3 0.900 / 0.856 (F1
// 0.878), so those train floors were raised to just below; the test split
// measures dates 0.871 / 0.889 (F1 0.880) and TIMEX3 0.840 / 0.806 (F1
// 0.823), its floors kept. Train batch 8 (7 articles of long and unusual
// quotes) lowered the train floors of speaker, date precision and figure
// recall to just below what train measures with it (0.953, 762/800;
// dates 0.918; figures 0.924). Train batch 7 (6 articles on who speaks, of
// 2026-12-03), landed after it, lowered the train floors of speaker,
// dates F1, TIMEX3 and figure recall to just below what train measures
// with both batches (0.941, 798/848; dates F1 0.909; TIMEX3 0.889 / 0.846
// / 0.867; figures 0.918); test unchanged (speaker 0.868, 303/349).
// The speaker rules of round 10 (a question's auxiliary is no first name,
// "Will Benedict"; a participle after an object is the subject's, an
// aside participle keeps the subject before it) measure train speaker
// 0.943 (800/848), which the 0.94 floor is just below; test 0.868
// unchanged, its floor kept. Test batch 3 (10 articles of 1970-2022,
// split: test; blind run on the extractors of a7a0d9b) lowered the test
// floors of date recall and F1 and of figure recall to just below what
// the test split measures with it (dates 0.876, F1 0.870; figures 0.774,
// 363/469), the honest outcome of a new blind batch, not a reason to tune.
// The quote rules of round 11 (bystanders, relative-clause asides, bodies
// for "it"; then an age as a speaker's head, a statement's own clause for
// its issuer) measure the 55-article test split at quotes 0.995 / 0.906,
// 4+ words 0.905, speaker 0.862 (367/426), and train 0.999 / 0.977, 4+
// words 0.980 (696/710), speaker 0.944 (805/853), so the test floor of
// quote recall was raised to 0.90 and the train floor of 4+ words to
// 0.98; the others are kept. A description with a relative clause may
// then run to sixteen words ("a fund manager who had flown in from
// Tokyo, said:"): test 0.995 / 0.930, 4+ words 0.934 (352/377), speaker
// 0.865 (378/437); train 0.999 / 0.977, 4+ words 0.980, speaker 0.945
// (806/853); so the test floors of quote recall, 4+ words and speaker
// were raised to 0.92 / 0.93 / 0.86.
// Train batch 9 (dates: live blogs, quotes spoken the day before, parts
// of the day, ordinal days, fiscal years) measured dates 0.690 and
// TIMEX3 0.737 alone; rebased after batches 8 and 7 and quotes round 11
// it takes train to dates 0.886 / 0.882 (F1 0.884), TIMEX3 0.871 / 0.833
// (F1 0.852) and figure precision 0.939, so those train floors were
// lowered to just below until the rules catch up (quote recall 0.973,
// 866/890, keeps its 0.97); after quotes round 11 part 2 it takes train
// 4+ words to 0.979 (710/725), so that floor went back to 0.97; test
// unchanged.
// The date rules of round 10 (a weekday and its written day as one
// expression, "May." ending a sentence, day headings of live blogs and
// chronologies, parts of the day and ordinal days of an event) measure
// train dates 0.908 / 0.896 (F1 0.902) and TIMEX3 0.886 / 0.854 (F1
// 0.870), and the test split of 55 articles dates 0.882 / 0.884 (F1
// 0.883) and TIMEX3 0.841 / 0.811 (F1 0.826), so the date and TIMEX3
// floors of both splits were raised to just below.
// A quotation's "today" counted from the day it was spoken (named
// outside it in the paragraph) takes train to dates 0.917 / 0.906 (F1
// 0.911) and TIMEX3 0.893 / 0.861 (F1 0.876), so the train floors were
// raised again to just below; test dates 0.887 / 0.889 (F1 0.888) and
// TIMEX3 0.843 / 0.812 (F1 0.828) keep theirs.
// Speakers round 12 (spk4): a description of one person opening a
// sentence after an adverbial or a place label ("Further along, a father
// of two had …", "New York: One man, a firefighter …, stood") is what
// "he" and "she" stand for; train speaker 0.948 (823/868), so its floor
// was raised to 0.945; test 0.865 (379/438) keeps 0.86. Part 2 (a
// party tag in parentheses ends an inverted name, "Senator X of Arizona,
// who said" is X, a title after a round-up name describes it, the one
// told is no inverted subject) measures test 0.881 (386/438) and train
// 0.953 (827/868): floors 0.875 / 0.95.
// Train batch 10 (8 articles in six outlet styles, a new blind batch;
// batch alone: speaker 0.831, TIMEX3 recall 0.818, figure recall 0.712)
// takes train (117 articles) to speaker 0.934 (877/939) before speakers
// round 12 and 0.944 (886/939) after it, TIMEX3 recall 0.856, figure
// recall 0.891 and refers_to 0.649, so those train floors were lowered to
// just below (0.94, 0.85, 0.89, 0.64) until the rules catch up; the test
// floors are untouched.
// The story's day as the day of speaking of a paragraph that names none
// (round 11) takes train to dates 0.927 / 0.915 (F1 0.921) and TIMEX3
// 0.904 / 0.872 (F1 0.888), the test split to dates 0.891 / 0.893 (F1
// 0.892) and TIMEX3 0.854 / 0.823 (F1 0.838), so the date and TIMEX3
// floors of both splits were raised to just below.
// A day naming an event of a known year ("the September 11 attacks",
// "9/11") takes train to dates 0.932 / 0.920 (F1 0.926) and TIMEX3 0.907
// / 0.874 (F1 0.890, just at 0.89), so the train floor of date precision
// was raised to 0.93;
// test unchanged (dates F1 0.892, TIMEX3 F1 0.838).
// A month or day of a month after an infinitive of intent ("promised to
// … by 31 October") looking ahead takes train to dates 0.935 / 0.923 (F1
// 0.929) and TIMEX3 0.908 / 0.875 (F1 0.892): train floors of date recall
// and TIMEX3 F1 raised to 0.92 and 0.89; test unchanged.
// The outlet table (TestTimexOutlets: "earlier in the day", "the night
// before", "next Tuesday, 19 March", "would" seen from last week,
// "1990s-era") takes train to dates 0.935 / 0.925 (F1 0.930) and the
// test split to 0.892 / 0.896 (F1 0.894), TIMEX3 F1 train 0.891, test
// 0.839: train floor of date F1 raised to 0.93.
// Rebased onto train batch 10 (117 train articles), whose floors had been
// lowered for it, the round's four steps take train from dates 0.917 /
// 0.905 (F1 0.911) to 0.935 / 0.924 (F1 0.929) and TIMEX3 from 0.891 /
// 0.856 (F1 0.873) to 0.904 / 0.871 (F1 0.887), so the train floors of
// dates and TIMEX3 were raised to just below (0.93, 0.92, 0.92; 0.90,
// 0.87, 0.88); test dates 0.892 / 0.896 (F1 0.894), TIMEX3 0.854 / 0.824
// (F1 0.839) keep theirs (0.89; 0.85, 0.82, 0.83).
// A month or a day followed by "last year", "this year", "next year"
// (one expression, "in February last year"; a train batch 10 miss) takes
// train to dates 0.941 / 0.925 (F1 0.933), TIMEX3 0.907 / 0.872 (F1
// 0.889), and the test split to dates 0.898 / 0.896 (F1 0.897), TIMEX3
// 0.857 / 0.824 (F1 0.840): train floors of date precision and F1 raised
// to 0.94 and 0.93.
// Train batch 11 (4 more blind articles, landed after round 11) takes
// train (121 articles) to date precision 0.939 (664/707), so that train
// floor was lowered to 0.93; the other floors hold (quote recall 0.970,
// speaker 0.941, dates F1 0.932, TIMEX3 F1 0.889, refers_to 0.642).
// Part 3 (a document opening a colon introduction speaks for its source
// or its issuer) and part 4 (transcripts: "you" in a question, he and she
// in an answer, the one a reporter spoke to), landed after train batch 11
// (121 train articles), take train speaker from 0.941 (908/965) to 0.944
// (911/965) and 0.945 (912/965), so its floor was raised to 0.945; test
// 0.881 (386/438) keeps 0.875.
// Test batch 4 (6 articles of 2000-2019, split: test; a new blind batch)
// takes the test split (61 articles) from speaker 0.881 (386/438) to 0.860
// (430/500) and figure recall from 0.774 (363/469) to 0.763 (405/531), so
// those two test floors were lowered to just below (0.855, 0.76); the
// other test metrics hold their floors, train is untouched.
// Test batch 5 (3 blind articles of 1990-2023, split: test) takes the
// test split (64 articles) from speaker 0.860 (430/500) to 0.847
// (447/528), so that test floor was lowered to just below (0.84); the
// other test metrics hold their floors (quote recall 0.931, dates F1
// 0.896, TIMEX3 F1 0.847, figures 0.878 / 0.766), train is untouched.
// Train batch 12 (6 blind articles of 1995-2024) takes train (127
// articles) from speaker 0.945 (912/965) to 0.940 (953/1014) and figures
// from 0.938 / 0.891 (564/601, 564/633) to 0.924 / 0.879 (596/645,
// 596/678), so those three train floors were lowered to just below
// (0.935; 0.92, 0.875) until the rules catch up; the other train floors
// hold (quote recall 0.968, dates F1 0.934, TIMEX3 F1 0.888, holder
// 0.744, refers_to 0.637), the test split is untouched.
// Dates round 13 (midnight as the next day's T00:00, the corpus's
// form; "a day earlier" after a number no rate; the day last mentioned
// after a quote's "tonight" is moved to the day it was spoken; "the day
// after the debate" counted from "his June 27 debate") takes train
// dates from 0.939 / 0.926 (F1 0.933) to 0.940 (668/711) / 0.930
// (668/718) (F1 0.935) and TIMEX3 from 0.908 / 0.873 (F1 0.890) to
// 0.912 (1323/1451) / 0.878 (1323/1506) (F1 0.895), and the test split
// TIMEX3 from 0.862 / 0.825 (F1 0.843) to 0.866 / 0.829 (F1 0.847),
// dates unchanged (F1 0.895): train floors of date precision and recall
// raised to 0.935 and 0.925, TIMEX3 to 0.91 / 0.875 / 0.89, test TIMEX3
// floors to 0.86 / 0.825 / 0.845. Its second step (a weekday after
// "a.m." is the time's day, "until 8 a.m. on Monday" follows "from 5
// p.m. on Saturday", "whether" opens a clause of its own) takes train
// dates to 0.941 (668/710) / 0.930 (F1 0.936) and TIMEX3 to 0.915
// (1327/1450) / 0.881 (1327/1506) (F1 0.898), test unchanged: train
// floors of date precision and F1 raised to 0.94 and 0.935, TIMEX3
// recall and F1 to 0.88 and 0.895. Its third step (a past verb at most
// three tokens before a month is a strong hint, "convicted her in
// January"; a scheduled event in the present tense is to come, "the
// year that begins on October 1", lexicon tense-future) takes train
// dates to 0.944 (670/710) / 0.933 (670/718) (F1 0.938) and TIMEX3 to
// 0.917 (1329/1450) / 0.882 (F1 0.899), test unchanged: train floors
// of date recall and TIMEX3 precision raised to 0.93 and 0.915. Its
// fourth step (the time stamp opening a live-blog entry, "5:30 p.m. —
// …", is on the day the entry is read on, not on the day last
// mentioned or a day its sentence names) takes TIMEX3 on train to 0.922
// (1337/1450) / 0.888 (1337/1506) (F1 0.905) and on test from 0.866
// (991/1144) / 0.829 (991/1195) (F1 0.847) to 0.891 (1019/1144) / 0.853
// (1019/1195) (F1 0.871), dates unchanged: TIMEX3 floors raised to 0.89
// / 0.85 / 0.87 (test) and 0.92 / 0.885 / 0.90 (train). Its fifth
// step ("that December", "that spring", "the previous November" of
// the year of the date last mentioned) takes train dates to 0.947
// (673/711) / 0.937 (673/718) (F1 0.942), TIMEX3 0.924 / 0.890 (F1
// 0.906), test unchanged: train date floors raised to 0.945 / 0.935 /
// 0.94. Its sixth step (more bare plural units as durations: "faced
// months without power", "ending weeks of speculation", "bowing to
// weeks of pressure", "weeks, possibly months"; the lists moved to the
// lexicon) takes train TIMEX3 to 0.924 (1347/1458) / 0.894 (1347/1506)
// (F1 0.909), test unchanged: train TIMEX3 recall and F1 floors raised
// to 0.89 and 0.905. Its seventh step (a possessive weekday, "for
// Sunday's vote", is the nearest such day whatever the clause's tense)
// takes train dates to 0.949 (675/711) / 0.940 (675/718) (F1 0.945) and
// TIMEX3 to 0.925 (1349/1458) / 0.896 (F1 0.910), test unchanged:
// train floors of date recall raised to 0.94 and TIMEX3 precision to
// 0.925. Its eighth step ("this weekend" from Wednesday on is this
// week's whatever the tense; a part of a day counted from another, "the
// night before", leaves the anchor for "that morning") takes train dates
// to 0.951 (676/711) / 0.942 (676/718) (F1 0.946) and TIMEX3 to 0.927
// (1351/1458) / 0.897 (1351/1506) (F1 0.912), test unchanged: train
// floors of date precision and F1 raised to 0.95 and 0.945. Its ninth
// step ("is" or "are" next to a weekday ends the search for its tense,
// lexicon tense-present: "Monday is a bank holiday") takes train dates
// to 0.952 (677/711) / 0.943 (677/718) (F1 0.948), TIMEX3 0.927 /
// 0.898 (F1 0.912), test unchanged; floors kept. Its tenth step (a
// clock followed by a part of the day takes its day and half, "3:25
// yesterday afternoon" is 15:25; "o'clock"; four-digit times before a
// zone, "(1814 GMT)") takes TIMEX3 on train to 0.931 (1357/1458) /
// 0.901 (1357/1506) (F1 0.916) and on test to 0.895 (1022/1142) /
// 0.855 (1022/1195) (F1 0.875), dates unchanged: TIMEX3 floors raised
// to 0.93 / 0.90 / 0.915 (train) and test recall to 0.855. The round
// also took figure refers_to from 0.554 (242/437) / 0.642 (278/433) to
// 0.558 (244/437) / 0.651 (282/433), so its floors were raised to 0.555
// / 0.65. Its eleventh step (a time or part of the day in a paragraph
// that names no day is on the story's day; the full stop of "p.m."
// ends no sentence before a bracket) takes TIMEX3 on train to 0.941
// (1372/1458) / 0.911 (1372/1506) (F1 0.926) and on test to 0.896
// (1023/1142) / 0.856 (1023/1195) (F1 0.875), train refers_to to 0.656
// (284/433), dates unchanged: TIMEX3 floors raised to 0.895 / 0.855 /
// 0.875 (test) and 0.94 / 0.91 / 0.925 (train), train refers_to 0.655.
// Its twelfth step ("the night before" in such a paragraph counts from
// the story's day too) takes train TIMEX3 to 0.942 (1373/1458) / 0.912
// (F1 0.926), test unchanged; floors kept. Its thirteenth step (a
// quote's "today" takes the day the paragraph names after the quote when
// it names none before) takes train dates to 0.954 (678/711) / 0.944
// (678/718) (F1 0.949), TIMEX3 0.942 / 0.912 (F1 0.927), test
// unchanged; floors kept. Its fifteenth step (more durations and sets:
// nights counted as days, a tabloid's capitals, "a minute", "within the
// hour", "another year", "in recent years", "every few minutes"; "in
// the late afternoon") takes TIMEX3 on train to 0.942 (1387/1473) /
// 0.921 (1387/1506) (F1 0.931) and on test to 0.897 (1030/1148) / 0.862
// (1030/1195) (F1 0.879), dates unchanged: TIMEX3 recall and F1 floors
// raised to 0.86 / 0.875 (test) and 0.92 / 0.93 (train). Its
// sixteenth step ("by daybreak", "after nightfall", "at mid-morning",
// "by late afternoon") takes TIMEX3 on train to 0.941 (1389/1476) /
// 0.922 (F1 0.932) and on test to 0.897 (1032/1151) / 0.864 (F1 0.880);
// floors kept. Its seventeenth step (a quote's "next week", "this week"
// counts from the day it was spoken, as its "today" does) takes train
// dates to 0.955 (679/711) / 0.946 (679/718) (F1 0.950), TIMEX3 0.942 /
// 0.923 (F1 0.932), test unchanged: train floor of date recall raised
// to 0.945, F1 to 0.945 kept. Its eighteenth step (a year between an
// adjective after a determiner and a singular noun is one: "the
// devastating 1985 quake"; lexicon count-adjectives keeps "the
// estimated 2000 dead" a count) takes train dates to 0.955 (680/712) /
// 0.947 (680/718) (F1 0.951) and figure precision to 0.940 (564/600),
// test dates unchanged, test refers_to 0.558 -> 0.556 (243/437; a
// figure's time took such a year): train figure precision floor raised
// to 0.935. Its nineteenth step ("later in the week" is the week last
// mentioned when one was, "this week"; "the long weekend" is a weekend)
// takes train dates to 0.957 (682/713) / 0.950 (682/718) (F1 0.953),
// TIMEX3 0.942 / 0.925 (F1 0.934), test unchanged: train date floors
// of precision and F1 raised to 0.955 and 0.95.
// Speakers round 14 part 1 (phrases of time opening a clause, "the
// airline" opening a colon introduction, a body's possessive title) takes
// train speaker from 0.945 (912/965) to 0.949 (916/965), which its 0.945
// floor is just below; test 0.860 (430/500) unchanged. Part 2 (a title
// and a family name that is no alias, "Mr Brown" after Gordon Brown; a
// possessive relative, "His wife", as the other person of the family
// named before) takes train to 0.955 (922/965) and test to 0.864
// (432/500), so the speaker floors were raised to 0.95 and 0.86. Part 3
// (a person a paragraph just called by one title is not what a title of
// another head in it stands for: "The Labour leader began …. The Prime
// Minister answered") takes train to 0.961 (927/965), floor 0.96; test
// 0.864 (432/500) unchanged. Part 4 (a title before the name of
// someone who is no actor binds it, "Judge Thokozile Masipa, who …")
// takes train to 0.962 (928/965); floors hold. Part 5 (part 3's rule
// also for a person an earlier paragraph titled and this one names after
// its subject) takes train to 0.964 (930/965); floors hold. Part 6 (two
// people joined by "and" as one subject are both antecedents) takes
// train to 0.965 (931/965); floors hold. Part 7 (a generational suffix
// ends a full name after the family name; a sentence adverb before a
// name opening the clause) takes train to 0.967 (933/965); floors hold.
// Part 8 (the gender a given name implies, lexicon given-names, for he
// and she and for "Mr. Rivera" after Carmen Rivera) takes train to 0.971
// (935/963; quote recall 0.970 -> 0.968, two quotes whose pronoun now
// fits no one left out) and test to 0.868 (434/500), so the speaker
// floors were raised to 0.865 / 0.97. Part 9 (a speech verb set off by
// commas before a partial quote takes the subject after it, "It was,
// said X, “…”") takes train to 0.971 (936/964, quote recall 0.969);
// floors hold. Part 11 (a party and state tag, "R-Ohio", "(D-Calif.)",
// is no name) leaves train at 0.971 and takes test to 0.872 (436/500),
// so the test speaker floor was raised to 0.87. Part 12 (a tag makes
// "the Ohio Republican" that lawmaker) changes neither split.
// After merging test batch 5, train batch 12, dates round 13 and
// speakers round 14 (4 December), every floor was set to just below
// what the merged extractors measure (test 64 articles | train 127):
// speaker 0.858 | 0.964, dates F1 0.896 | 0.954, TIMEX3 F1 0.880 |
// 0.934, quote recall 0.931 | 0.968, figures 0.878 / 0.766 | 0.925 /
// 0.879, holder 0.748 | 0.744, refers_to 0.542 | 0.656 (test
// refers_to falls below the 0.555 dates round 13 set on 61 articles).
// Test batch 6 (3 blind articles of 1998-2023, split: test) takes the
// test split (67 articles) from figure precision 0.878 (423/482) to
// 0.873 (447/512), so that test floor was lowered to just below (0.87);
// the other test metrics hold their floors (quote recall 0.933, speaker
// 0.862, dates F1 0.896, TIMEX3 F1 0.878, figure recall 0.772, holder
// 0.757, refers_to 0.541), train is untouched.
// Train batch 13 (6 blind articles of 1990-2021) takes train (133
// articles) from dates 0.956 / 0.953 (F1 0.954) to 0.955 (760/796) /
// 0.945 (760/804) (F1 0.950), TIMEX3 from 0.944 / 0.925 (F1 0.934) to
// 0.941 (1606/1707) / 0.918 (1606/1750) (F1 0.929) and figures from
// 0.925 / 0.879 (596/644, 596/678) to 0.902 (625/693) / 0.864
// (625/723), so the train floors of date recall and F1 (0.94, 0.945),
// TIMEX3 recall and F1 (0.915, 0.925) and figure precision and recall
// (0.90, 0.86) were lowered to just below until the rules catch up; the
// other train floors hold (quote recall 0.967, 4+ words 0.972, speaker
// 0.962, holder 0.755, refers_to 0.655), the test split is untouched.
// "the Ohio Republican" that lawmaker) changes neither split. Part 21 (a
// title opening a paragraph after one that named its last person in a
// phrase stands for that paragraph's subject) takes train to 0.972
// (937/964); test 0.872 unchanged; floors hold.
// After merging test batch 6, train batch 13 and the last parts of
// dates round 13 and speakers round 14 (4 December, 20:45), every floor
// was set again to just below what the merged extractors measure (test
// 67 articles | train 133): speaker 0.862 | 0.962, dates F1 0.896 |
// 0.950, TIMEX3 F1 0.878 | 0.929, quote recall 0.933 | 0.967.
// Test batch 7 (3 blind articles of 1994-2020, split: test) takes the
// test split (70 articles) from figure precision 0.873 (447/512) to
// 0.863 (465/539), so that test floor was lowered to just below (0.86);
// the other test metrics hold their floors (quote recall 0.934, speaker
// 0.868, dates F1 0.896, TIMEX3 F1 0.877, figure recall 0.778, holder
// 0.756, refers_to 0.549), train is untouched.
// Train batch 14 (6 blind articles of 1997-2025) takes train (139
// articles) from speaker 0.962 (1026/1066) to 0.960 (1069/1114), dates
// from 0.955 / 0.945 (F1 0.950) to 0.945 (801/848) / 0.932 (801/859)
// (F1 0.938), TIMEX3 from 0.941 / 0.918 (F1 0.929) to 0.935 (1707/1826)
// / 0.909 (1707/1878) (F1 0.922) and figures from 0.902 / 0.864
// (625/693, 625/723) to 0.882 (657/745) / 0.860 (657/764), so the train
// floors of speaker (0.955), date precision, recall and F1 (0.94, 0.93,
// 0.935), TIMEX3 precision, recall and F1 (0.93, 0.905, 0.92) and figure
// precision and recall (0.88, 0.855) were lowered to just below until
// the rules catch up; the other train floors hold (quote recall 0.967,
// 4+ words 0.972, holder 0.756, refers_to 0.660), the test split is
// untouched.
// After merging test batch 7, train batch 14 and speakers round 15
// (4 December, 21:10), every floor was set again to just below what the
// merged extractors measure (test 70 articles | train 139): speaker
// 0.879 | 0.973, quote recall 0.942 | 0.970, dates F1 0.896 | 0.938,
// TIMEX3 F1 0.877 | 0.922.
// After merging dates round 14 (4 December, 21:15) the test split's
// dates F1 is 0.901 (520/577 found and annotated), at the issue's
// target: its floor is the target, 0.90. The other floors were set
// again to just below what both splits measure (test 70 | train 139):
// dates F1 train 0.942, TIMEX3 F1 0.882 | 0.931, speaker 0.879 | 0.973.
// Speakers round 16 part 1 (a converse relative, "Ms. Ortiz's son …
// His mother") takes train speaker to 0.974 (1089/1118): its floor is
// raised to 0.973; test unchanged. Part 2 (a title after "became",
// "was sworn in as" …) takes it to 0.975 (1090/1118): floor 0.974.
// Dates round 15, part 1 (an interview's transcript counts "last night"
// and "today" from the day its introduction names) takes train dates to
// 0.948 (806/850) / 0.938 (806/859) (F1 0.943) and TIMEX3 to 0.944
// (1731/1834) / 0.922 (1731/1878) (F1 0.933), so the train floors of
// TIMEX3 recall and F1 were raised to 0.92 and 0.93; test unchanged.
// Part 2 (a past night after "this morning" or "today" is the night just
// gone) takes train TIMEX3 to 0.944 (1732/1834) / 0.922 (1732/1878) (F1
// 0.933); test unchanged; floors hold.
var qualityMetrics = []metric{
	{"quotes: precision", 0.95, [2]float64{0.995, 0.995}, func(s *tally) (float64, string) { return fraction(s.quotes.matched, s.quotes.found) }},
	{"quotes: recall", 0.85, [2]float64{0.94, 0.965}, func(s *tally) (float64, string) { return fraction(s.quotes.matched, s.quotes.annotated) }},
	{"quotes: recall, 4+ words", 0.92, [2]float64{0.94, 0.97}, func(s *tally) (float64, string) { return fraction(s.quotes4.matched, s.quotes4.annotated) }},
	{"quotes: right speaker among found", 0.92, [2]float64{0.875, 0.97}, func(s *tally) (float64, string) { return fraction(s.speaker.ok, s.speaker.n) }},
	{"dates: value precision", 0, [2]float64{0.895, 0.945}, func(s *tally) (float64, string) { return fraction(s.dates.correct, s.dates.found) }},
	{"dates: value recall", 0, [2]float64{0.895, 0.935}, func(s *tally) (float64, string) { return fraction(s.dates.correct, s.dates.annotated) }},
	{"dates: value F1", 0.90, [2]float64{0.90, 0.94}, func(s *tally) (float64, string) {
		return f1(ratio(s.dates.correct, s.dates.found), ratio(s.dates.correct, s.dates.annotated)), ""
	}},
	{"TIMEX3: type+value precision", 0, [2]float64{0.895, 0.94}, func(s *tally) (float64, string) { return fraction(s.timex.correct, s.timex.found) }},
	{"TIMEX3: type+value recall", 0, [2]float64{0.86, 0.92}, func(s *tally) (float64, string) { return fraction(s.timex.correct, s.timex.annotated) }},
	{"TIMEX3: type+value F1", 0.80, [2]float64{0.88, 0.93}, func(s *tally) (float64, string) {
		return f1(ratio(s.timex.correct, s.timex.found), ratio(s.timex.correct, s.timex.annotated)), ""
	}},
	{"figures: value+unit precision", 0, [2]float64{0.86, 0.88}, func(s *tally) (float64, string) { return fraction(s.figures.correct, s.figures.found) }},
	{"figures: value+unit recall", 0, [2]float64{0.775, 0.855}, func(s *tally) (float64, string) { return fraction(s.figures.correct, s.figures.annotated) }},
	{"figures: holder among matched", 0, [2]float64{0.75, 0.755}, func(s *tally) (float64, string) { return fraction(s.holder.ok, s.holder.n) }},
	{"figures: refers_to among matched", 0, [2]float64{0.545, 0.66}, func(s *tally) (float64, string) { return fraction(s.refersTo.ok, s.refersTo.n) }},
}

func TestExtractionQuality(t *testing.T) {
	m, arts := loadCorpus(t)
	test, train, all := newTally(), newTally(), newTally()
	for _, a := range arts {
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
	all.add(test)
	all.add(train)
	splits := []*tally{test, train, all}

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
		cells := []string{mt.name}
		for i, s := range splits {
			v, frac := mt.value(s)
			cell := "–"
			if !math.IsNaN(v) {
				cell = fmt.Sprintf("%.3f", v)
				if frac != "" {
					cell += " (" + frac + ")"
				}
				if i < 2 && v < mt.floor[i] {
					t.Errorf("%s split: %s %.3f is below its regression floor %.3f", []string{"test", "train"}[i], mt.name, v, mt.floor[i])
				}
			}
			cells = append(cells, cell)
		}
		target := "–"
		if mt.target > 0 {
			target = fmt.Sprintf("≥ %.2f", mt.target)
		}
		cells = append(cells, target, fmt.Sprintf("%.2f / %.2f", mt.floor[0], mt.floor[1]))
		row(cells...)
	}
	w.Flush()
	// Verbose runs print the table as it is; other runs show it only on
	// failure, with the test's log.
	if testing.Verbose() {
		fmt.Print(b.String())
	} else {
		t.Log("\n" + b.String())
	}
	if all.articles < 24 || all.quotes.annotated < 40 || all.timex.annotated < 80 || all.figures.annotated < 40 {
		t.Errorf("corpus too small: %d articles, %d quotes, %d temporal expressions, %d figures (want at least 24, 40, 80, 40)",
			all.articles, all.quotes.annotated, all.timex.annotated, all.figures.annotated)
	}
}

// TestTimexShapes checks the corpus's value validator, which guards the
// annotations the quality scores rest on.
func TestTimexShapes(t *testing.T) {
	good := [][2]string{
		{"date", "2022-02-07"}, {"date", "2022-W06"}, {"date", "2022-W06-WE"}, {"date", "2022-02"}, {"date", "2022"},
		{"date", "2022-Q1"}, {"date", "2022-H2"}, {"date", "2021-SU"}, {"date", "199"}, {"date", "19"},
		{"date", "PRESENT_REF"}, {"date", "PAST_REF"}, {"date", "FUTURE_REF"}, {"date", "2020-W53"}, {"date", "2022-WI"},
		{"time", "2022-02-24T05:00"}, {"time", "2022-02-27TNI"}, {"time", "XXXX-XX-XXT05:00"},
		{"duration", "P3D"}, {"duration", "PT5H"}, {"duration", "P2W"}, {"duration", "PXY"}, {"duration", "PXDE"}, {"duration", "P1Y6M"}, {"duration", "PT1H30M"},
		{"set", "XXXX-WXX-1"}, {"set", "P1D"}, {"set", "P1W"}, {"set", "XXXX-WXX-1TEV"},
	}
	bad := [][2]string{
		{"date", "2022-02-30"}, {"date", "2022-13"}, {"date", "2022-W54"}, {"date", "2021-W53"}, {"date", "Monday"}, {"date", "P3D"}, {"date", "2022-02-24T05:00"},
		{"time", "2022-02-24"}, {"time", "2022-02-24T25:00"}, {"time", "2022-02-24TXX"},
		{"duration", "P"}, {"duration", "PT"}, {"duration", "3D"}, {"duration", "P5H"},
		{"set", "Monday"}, {"set", "2022-02-07"},
		{"point", "2022"},
	}
	for _, c := range good {
		if e := timexError(c[0], c[1]); e != "" {
			t.Errorf("%s %s: %s, want valid", c[0], c[1], e)
		}
	}
	for _, c := range bad {
		if timexError(c[0], c[1]) == "" {
			t.Errorf("%s %s: valid, want an error", c[0], c[1])
		}
	}
}
