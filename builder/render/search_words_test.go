package render

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// stemPairs are forms of a word and its dictionary form: each pair must
// make the same search word.
var stemPairs = [][2]string{
	// Ukrainian names by case: genitive, dative, instrumental, locative.
	{"Зеленського", "Зеленський"}, {"Зеленському", "Зеленський"}, {"Зеленським", "Зеленський"}, {"Зеленськім", "Зеленський"},
	{"Путіна", "Путін"}, {"Путіну", "Путін"}, {"Путіним", "Путін"}, {"Путіні", "Путін"},
	{"Шольца", "Шольц"}, {"Шольцу", "Шольц"}, {"Шольцем", "Шольц"},
	{"Байдена", "Байден"}, {"Байденові", "Байден"}, {"Байденом", "Байден"},
	{"Лаврова", "Лавров"}, {"Лавровим", "Лавров"},
	{"Кулеби", "Кулеба"}, {"Кулебі", "Кулеба"}, {"Кулебою", "Кулеба"}, {"Кулебу", "Кулеба"},
	{"України", "Україна"}, {"Україні", "Україна"}, {"Україну", "Україна"}, {"Україною", "Україна"},
	{"Росії", "Росія"}, {"Росію", "Росія"}, {"Росією", "Росія"},
	{"Харкова", "Харків"}, {"Харкові", "Харків"}, {"Харковом", "Харків"},
	{"Юлії", "Юлія"}, {"Юлію", "Юлія"},
	{"переговорів", "переговори"}, {"переговорах", "переговори"}, {"санкціями", "санкції"},
	// Russian.
	{"Зеленского", "Зеленский"}, {"Зеленскому", "Зеленский"}, {"Зеленским", "Зеленский"}, {"Зеленском", "Зеленский"},
	{"Путина", "Путин"}, {"Путину", "Путин"}, {"Путиным", "Путин"}, {"Путине", "Путин"},
	{"Шольцем", "Шольц"}, {"Лавровым", "Лавров"}, {"Медведева", "Медведев"},
	{"России", "Россия"}, {"Россию", "Россия"}, {"Россией", "Россия"},
	{"Украины", "Украина"}, {"Украине", "Украина"}, {"Украиной", "Украина"},
	{"Москвы", "Москва"}, {"Москве", "Москва"}, {"Москвой", "Москва"},
	{"переговоров", "переговоры"}, {"переговорах", "переговоры"}, {"санкциями", "санкции"},
	// Across the two languages.
	{"Зеленського", "Зеленский"}, {"Путіна", "Путин"}, {"Україною", "Украина"}, {"Шольцом", "Шольц"},
	// Diacritics and letters that have no decomposition.
	{"Erdoğan", "erdogan"}, {"Straße", "strasse"}, {"Ærø", "aero"}, {"Œuvre", "oeuvre"},
	{"Łódź", "lodz"}, {"Søren", "soren"}, {"Zürich", "zurich"}, {"ΑΘΉΝΑΣ", "αθηνασ"}, {"Đoković", "dokovic"},
}

// stemApart are words that must not meet: different names and words
// of the sample's languages that a stemmer cutting too much would merge.
var stemApart = []string{
	"Зеленський", "Путін", "Шольц", "Макрон", "Байден", "Лавров", "Кулеба", "Україна", "Росія", "Москва",
	"Київ", "Харків", "Маріуполь", "Донецьк", "Луганськ", "Білорусь", "Німеччина", "Франція", "війна", "мир",
	"переговори", "санкції", "газ", "армія", "Шойгу", "Медведєв", "Єрмак", "Подоляк", "Кличко", "Порошенко",
	"Мінськ", "Крим", "Донбас", "НАТО", "Європа", "Польща", "Литва", "Латвія", "Естонія", "президент",
	"міністр", "уряд", "посол", "зустріч", "заява", "війська", "кордон", "Чорнобиль", "Буча", "Ірпінь",
	"Зеленский", "Путин", "Украина", "Россия", "Киев", "Харьков", "Мариуполь", "Донецк", "Луганск", "Беларусь",
	"Германия", "Франция", "война", "переговоры", "санкции", "армия", "министр", "правительство", "посол", "встреча",
}

func foldOne(t *testing.T, w string) string {
	t.Helper()
	ws := foldWords(w)
	if len(ws) != 1 {
		t.Fatalf("foldWords(%q) = %q, want one word", w, ws)
	}
	return ws[0]
}

func TestSearchStemPairsMeet(t *testing.T) {
	for _, p := range stemPairs {
		if a, b := foldOne(t, p[0]), foldOne(t, p[1]); a != b {
			t.Errorf("%s → %q, %s → %q: want the same search word", p[0], a, p[1], b)
		}
	}
}

// TestSearchStemsApart: a stemmer that cut to a few letters would make
// one search word of unrelated names.
func TestSearchStemsApart(t *testing.T) {
	seen := map[string]string{}
	for _, w := range stemApart {
		k := foldOne(t, w)
		if len([]rune(k)) < 3 {
			t.Errorf("%s → %q: under three letters", w, k)
		}
		// The Ukrainian and Russian spellings of one word may meet.
		if o, ok := seen[k]; ok && !sameWord(o, w) {
			t.Errorf("%s and %s both → %q", o, w, k)
		}
		seen[k] = w
	}
}

// sameWord pairs the Ukrainian and Russian spellings in stemApart.
func sameWord(a, b string) bool {
	pairs := map[string]string{"посол": "посол", "Зеленський": "Зеленский", "Путін": "Путин", "Україна": "Украина",
		"Франція": "Франция", "армія": "армия", "міністр": "министр", "переговори": "переговоры", "санкції": "санкции",
		"Харків": "Харьков", "Маріуполь": "Мариуполь", "Донецьк": "Донецк", "Луганськ": "Луганск"}
	return pairs[a] == b || pairs[b] == a
}

func TestSearchFoldWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Macron meets Putin", []string{"macron", "meets", "putin"}},
		{"Зеленський зустрівся з Ердоганом у Львові", []string{"зеленск", "зустривс", "з", "ердоган", "у", "лвов"}},
		{"Erdoğan, Straße 24", []string{"erdogan", "strasse", "24"}},
		{"Τσίπρας ς", []string{"τσιπρασ", "σ"}},
		{"ь", nil},
	}
	for _, tt := range tests {
		if got := foldWords(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("foldWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSearchWordsAgreeWithJS runs the query side's normaliser, in
// static/search.js, under node and compares its words with the index's:
// a word the two spell differently is never found.
func TestSearchWordsAgreeWithJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("node is required in CI to check static/search.js")
		}
		t.Skip("no node on this machine: static/search.js's normaliser is not checked")
	}
	inputs := []string{"Macron meets Putin", "Зеленський зустрівся з Ердоганом у Львові", "Erdoğan, Straße 24", "Τσίπρας ς", "ь",
		"ÆRØ Œuvre İstanbul ẞ Þór", "e\u0301lyse\u0301e", "١٢٣ وزيلينسكي", "日本 東京", "² ½ x²"}
	for _, p := range stemPairs {
		inputs = append(inputs, p[0], p[1])
	}
	inputs = append(inputs, stemApart...)
	in, err := json.Marshal(inputs)
	if err != nil {
		t.Fatal(err)
	}
	// search.js runs in a context with a window and a page without the
	// search form, so that it stops after defining its normaliser.
	script := `const vm = require("vm"), fs = require("fs");
const ctx = {window: {}, document: {getElementById: () => null}};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync("../../static/search.js", "utf8"), ctx);
const inputs = JSON.parse(fs.readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify(inputs.map(s => ctx.window.BRIEF_SEARCH_WORDS(s))));`
	cmd := exec.Command(node, "-e", script)
	cmd.Stdin = strings.NewReader(string(in))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
	var js [][]string
	if err := json.Unmarshal(out, &js); err != nil {
		t.Fatalf("node wrote %q: %v", out, err)
	}
	if len(js) != len(inputs) {
		t.Fatalf("node returned %d results for %d inputs", len(js), len(inputs))
	}
	for i, s := range inputs {
		g := foldWords(s)
		if len(g) == 0 && len(js[i]) == 0 {
			continue
		}
		if !slices.Equal(g, js[i]) {
			t.Errorf("%q: search.go makes %q, search.js %q", s, g, js[i])
		}
	}
}

// TestSearchTextInLanguage checks the messages the search page hands
// its script (searchText): each one the script shows is there in every
// built-in language, and a Ukrainian site's are Ukrainian.
func TestSearchTextInLanguage(t *testing.T) {
	for _, lang := range builtinLanguages {
		c, _ := catalogFor(t, lang)
		m := c.searchText()
		for _, k := range []string{"searching", "none", "no_index", "partial", "failed", "day"} {
			if s, _ := m[k].(string); s == "" {
				t.Errorf("%s: no search message %s", lang, k)
			}
		}
		if forms, _ := m["results"].(map[string]string); forms["other"] == "" {
			t.Errorf("%s: results has no other form: %v", lang, m["results"])
		}
		kinds, _ := m["kinds"].(map[string]string)
		for _, k := range []string{"person", "organization", "country", "place", "event", "article"} {
			if kinds[k] == "" {
				t.Errorf("%s: no label for kind %s", lang, k)
			}
		}
		if m["lang"] != lang {
			t.Errorf("%s: lang %v", lang, m["lang"])
		}
	}
	c, _ := catalogFor(t, "uk-UA")
	m := c.searchText()
	if got := m["none"]; got != "За запитом «{q}» нічого не знайдено." {
		t.Errorf("uk none = %q", got)
	}
	if got := m["results"].(map[string]string)["few"]; got != "За запитом «{q}» знайдено {n} результати." {
		t.Errorf("uk results few = %q", got)
	}
	if got := m["kinds"].(map[string]string)["article"]; got != "Стаття" {
		t.Errorf("uk article = %q", got)
	}
	if got := m["months"].([12]string)[1]; got != "лютого" || m["lang"] != "uk" {
		t.Errorf("uk months_of February = %q, lang %v", got, m["lang"])
	}
}

// TestSearchDropTerms checks that an index made without a cache keeps
// no words, links or ids once planned, and that dropping them changes
// none of the files written from it.
func TestSearchDropTerms(t *testing.T) {
	x := &model.Actor{Source: model.Source{Slug: "kyiv", Hash: 1}, Name: "Kyiv", Kind: model.Place}
	e := &model.Event{Source: model.Source{Slug: "talks", Hash: 2}, Title: "Talks in Geneva", Date: model.NewDay(2022, 1, 10), Actors: []*model.Actor{x}}
	var arts []*model.Article
	for i := range 40 {
		arts = append(arts, &model.Article{Source: model.Source{Slug: fmt.Sprintf("a%d", i), Hash: uint64(10 + i)},
			Title: fmt.Sprintf("Report %d from Kyiv", i), Summary: fmt.Sprintf("Envoys met for round %d of talks.", i),
			Date: model.NewDay(2022, 1, 1+i%28), Actors: []*model.Actor{x}})
	}
	s := &model.Site{Articles: arts, Events: []*model.Event{e}, Actors: []*model.Actor{x}}
	files := func(ix *searchIndexData) []string {
		var b strings.Builder
		ix.manifest(&b)
		out := []string{b.String()}
		for i := range ix.shards {
			b.Reset()
			ix.writeTermShard(&b, &ix.shards[i])
			out = append(out, b.String())
		}
		b.Reset()
		writeDocShard(&b, 0, ix.docs)
		return append(out, b.String())
	}
	ix := (&searchCache{}).index(s, 0)
	before := files(ix)
	if len(ix.shards) == 0 || len(ix.docs) != 42 || ix.docs[41].words == nil {
		t.Fatalf("index of %d shards and %d documents, want some shards, 42 documents with words", len(ix.shards), len(ix.docs))
	}
	ix.dropTerms()
	for i, d := range ix.docs {
		if d.words != nil || d.links != nil {
			t.Fatalf("document %d keeps its words or links", i)
		}
	}
	for _, w := range ix.words {
		if w.ids != nil {
			t.Fatalf("word %q keeps its ids", w.word)
		}
	}
	if after := files(ix); !slices.Equal(before, after) {
		t.Error("the index's files changed when its terms were dropped")
	}
}
