package extract

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/model"
)

// langActors are actors of the war in Ukraine with their Ukrainian,
// Russian and Arabic spellings, as a multilingual site lists them.
func langActors() []*model.Actor {
	return []*model.Actor{
		actor("content/actors/volodymyr-zelensky.md", "volodymyr-zelensky", "Volodymyr Zelensky", []string{"Зеленський", "Володимир Зеленський", "Зеленский", "زيلينسكي"}, nil),
		actor("content/actors/olena-zelenska.md", "olena-zelenska", "Olena Zelenska", []string{"Зеленська", "Олена Зеленська"}, nil),
		actor("content/actors/olaf-scholz.md", "olaf-scholz", "Olaf Scholz", []string{"Шольц", "Олаф Шольц", "شولتس"}, nil),
		actor("content/actors/vladimir-putin.md", "vladimir-putin", "Vladimir Putin", []string{"Путін", "Путин", "Володимир Путін", "Владимир Путин", "بوتين"}, nil),
		actor("content/actors/sergei-lavrov.md", "sergei-lavrov", "Sergei Lavrov", []string{"Лавров", "Сергій Лавров", "Сергей Лавров", "لافروف"}, nil),
		// A namesake whose name is a case form of Lavrov's: the declared
		// spelling is hers.
		actor("content/actors/anna-lavrova.md", "anna-lavrova", "Anna Lavrova", []string{"Лаврова"}, nil),
		actor("content/actors/maria-zakharova.md", "maria-zakharova", "Maria Zakharova", []string{"Захарова", "Марія Захарова", "Мария Захарова"}, nil),
		actor("content/actors/dmitry-peskov.md", "dmitry-peskov", "Dmitry Peskov", []string{"Песков", "Дмитрий Песков", "Дмитро Пєсков"}, nil),
		actor("content/actors/russia.md", "russia", "Russia", []string{"Росія", "Россия", "روسيا"}, nil),
		actor("content/actors/ukraine.md", "ukraine", "Ukraine", []string{"Україна", "Украина", "أوكرانيا"}, nil),
		actor("content/actors/moscow.md", "moscow", "Moscow", []string{"Москва"}, nil),
		actor("content/actors/kremlin.md", "kremlin", "the Kremlin", []string{"Кремль", "الكرملين"}, nil),
		actor("content/actors/verkhovna-rada.md", "verkhovna-rada", "Verkhovna Rada", []string{"Верховна Рада", "Рада"}, nil),
		actor("content/actors/petro-poroshenko.md", "petro-poroshenko", "Petro Poroshenko", []string{"Порошенко"}, nil),
		actor("content/actors/nato.md", "nato", "NATO", []string{"НАТО", "الناتو"}, nil),
	}
}

func newLangMatcher(t testing.TB) *Matcher {
	t.Helper()
	m, ds := NewMatcher(langActors())
	if len(ds) != 0 {
		t.Fatalf("NewMatcher: %v", ds)
	}
	return m
}

// findHits returns the mentions of s as text and actor, and checks that
// every match covers a spelling of its actor's name that starts and ends
// on a character boundary.
func findHits(t *testing.T, m *Matcher, s string) []hit {
	t.Helper()
	var got []hit
	for _, x := range m.Find(s) {
		if x.Start < 0 || x.End > len(s) || x.Start >= x.End {
			t.Fatalf("Find(%q): bad span [%d:%d]", s, x.Start, x.End)
		}
		got = append(got, hit{s[x.Start:x.End], x.Name.Actor})
	}
	return got
}

// TestFindCaseForms: the case forms of Ukrainian and Russian names are
// mentions of the actor, each word of a name of several declining with
// it; the match covers the inflected word and nothing more.
func TestFindCaseForms(t *testing.T) {
	m := newLangMatcher(t)
	tests := []struct {
		lang, in string
		want     []hit
	}{
		{"uk", "Зустріч Зеленського з Шольцем.", []hit{{"Зеленського", "volodymyr-zelensky"}, {"Шольцем", "olaf-scholz"}}},
		{"uk", "Зеленському подзвонив Олаф Шольц.", []hit{{"Зеленському", "volodymyr-zelensky"}, {"Олаф Шольц", "olaf-scholz"}}},
		{"uk", "разом із Зеленським", []hit{{"Зеленським", "volodymyr-zelensky"}}},
		{"uk", "на Зеленськім", []hit{{"Зеленськім", "volodymyr-zelensky"}}},
		{"uk", "лист Володимира Зеленського", []hit{{"Володимира Зеленського", "volodymyr-zelensky"}}},
		{"uk", "Олафа Шольца, Олафові Шольцу", []hit{{"Олафа Шольца", "olaf-scholz"}, {"Олафові Шольцу", "olaf-scholz"}}},
		// The words of a name share a case; a first name shared by two
		// actors goes with the surname after it.
		{"uk", "Олафа Шольцем", []hit{{"Шольцем", "olaf-scholz"}}},
		{"uk", "Володимира Путіна і Володимира Зеленського", []hit{{"Володимира Путіна", "vladimir-putin"}, {"Володимира Зеленського", "volodymyr-zelensky"}}},
		{"uk", "Володимира  Зеленського", []hit{{"Зеленського", "volodymyr-zelensky"}}},
		{"uk", "Шольца, Шольцу, Шольцові", []hit{{"Шольца", "olaf-scholz"}, {"Шольцу", "olaf-scholz"}, {"Шольцові", "olaf-scholz"}}},
		{"uk", "Путіна, Путіну, Путіним, Путіні", []hit{{"Путіна", "vladimir-putin"}, {"Путіну", "vladimir-putin"}, {"Путіним", "vladimir-putin"}, {"Путіні", "vladimir-putin"}}},
		{"uk", "слова Захарової та Захаровою", []hit{{"Захарової", "maria-zakharova"}, {"Захаровою", "maria-zakharova"}}},
		{"uk", "про Марію Захарову", []hit{{"Марію Захарову", "maria-zakharova"}}},
		{"uk", "Росії, Росію, Росією", []hit{{"Росії", "russia"}, {"Росію", "russia"}, {"Росією", "russia"}}},
		{"uk", "України й Україні", []hit{{"України", "ukraine"}, {"Україні", "ukraine"}}},
		{"uk", "Москви і Кремля", []hit{{"Москви", "moscow"}, {"Кремля", "kremlin"}}},
		{"uk", "Верховної Ради", []hit{{"Верховної Ради", "verkhovna-rada"}}},
		{"uk", "Порошенка і Порошенкові", []hit{{"Порошенка", "petro-poroshenko"}, {"Порошенкові", "petro-poroshenko"}}},
		{"uk", "з Сергієм Лавровим", []hit{{"Сергієм Лавровим", "sergei-lavrov"}}},
		{"uk", "Зеленська і Зеленської", []hit{{"Зеленська", "olena-zelenska"}, {"Зеленської", "olena-zelenska"}}},
		{"ru", "Путина, Путину, Путиным, Путине", []hit{{"Путина", "vladimir-putin"}, {"Путину", "vladimir-putin"}, {"Путиным", "vladimir-putin"}, {"Путине", "vladimir-putin"}}},
		{"ru", "встреча Владимира Путина с Зеленским", []hit{{"Владимира Путина", "vladimir-putin"}, {"Зеленским", "volodymyr-zelensky"}}},
		{"ru", "Зеленского и Зеленскому", []hit{{"Зеленского", "volodymyr-zelensky"}, {"Зеленскому", "volodymyr-zelensky"}}},
		{"ru", "Захаровой и Захаровою", []hit{{"Захаровой", "maria-zakharova"}, {"Захаровою", "maria-zakharova"}}},
		{"ru", "России и Россией", []hit{{"России", "russia"}, {"Россией", "russia"}}},
		{"ru", "Москвы, Москве, Москвой", []hit{{"Москвы", "moscow"}, {"Москве", "moscow"}, {"Москвой", "moscow"}}},
		{"ru", "с Сергеем Лавровым", []hit{{"Сергеем Лавровым", "sergei-lavrov"}}},
		{"ru", "Дмитрия Пескова", []hit{{"Дмитрия Пескова", "dmitry-peskov"}}},
		{"ru", "в Кремле", []hit{{"Кремле", "kremlin"}}},
		// The declared spelling is the namesake's, not a form of Lavrov.
		{"ru", "Лаврова и Лавровым", []hit{{"Лаврова", "anna-lavrova"}, {"Лавровым", "sergei-lavrov"}}},
		// Acronyms do not decline; words that merely start like a name
		// are not its forms.
		{"uk", "НАТО, НАТОа", []hit{{"НАТО", "nato"}}},
		{"uk", "Путінізм, Шольцеві, Москвичі, Росіянин, Кремлівський, Зеленськими", []hit{{"Шольцеві", "olaf-scholz"}}},
		{"uk", "путіна, шольца", nil},
	}
	for _, tt := range tests {
		if got := findHits(t, m, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Find(%q) = %v, want %v", tt.lang, tt.in, got, tt.want)
		}
	}
}

// TestFindArabicClitics: an Arabic name after a clitic prefix in its
// word (و، ف، ب، ل، ال, وال، بال، لل) is a mention; the match spans the
// name only, so that the prefix stays outside the link.
func TestFindArabicClitics(t *testing.T) {
	m := newLangMatcher(t)
	tests := []struct {
		in   string
		want []hit
	}{
		{"قال زيلينسكي", []hit{{"زيلينسكي", "volodymyr-zelensky"}}},
		{"وزيلينسكي", []hit{{"زيلينسكي", "volodymyr-zelensky"}}},
		{"فبوتين", []hit{{"بوتين", "vladimir-putin"}}},
		{"ببوتين ولبوتين", []hit{{"بوتين", "vladimir-putin"}, {"بوتين", "vladimir-putin"}}},
		{"لروسيا وأوكرانيا", []hit{{"روسيا", "russia"}, {"أوكرانيا", "ukraine"}}},
		{"لأوكرانيا", []hit{{"أوكرانيا", "ukraine"}}},
		{"والكرملين بالكرملين", []hit{{"الكرملين", "kremlin"}, {"الكرملين", "kremlin"}}},
		// ل and the article make لل: the name is written without its ا.
		{"للكرملين وللكرملين", []hit{{"كرملين", "kremlin"}, {"كرملين", "kremlin"}}},
		{"وبالناتو", []hit{{"الناتو", "nato"}}},
		{"وشولتس ولافروف", []hit{{"شولتس", "olaf-scholz"}, {"لافروف", "sergei-lavrov"}}},
		// Not clitics: ك, م, two conjunctions, a longer word before the
		// name; a name inside a longer word; the article's bare form.
		{"كزيلينسكي مزيلينسكي وفبوتين كتاببوتين", nil},
		{"بوتينية الروسية روسيان", nil},
		{"كرملين", nil},
		// Latin and Cyrillic names get no prefix.
		{"вПутін", nil},
	}
	for _, tt := range tests {
		if got := findHits(t, m, tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Find(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// Offsets are those of the text as written.
	s := "ثم وزيلينسكي"
	ms := m.Find(s)
	if len(ms) != 1 || ms[0].Start != strings.Index(s, "زيلينسكي") || ms[0].End != len(s) {
		t.Errorf("Find(%q) = %+v, want the name at [%d:%d]", s, ms, strings.Index(s, "زيلينسكي"), len(s))
	}
}

// commonUkRu are frequent Ukrainian and Russian words, many of which
// start or end like the names of langActors: none is a mention, in
// lower case or capitalised at the start of a sentence.
var commonUkRu = strings.Fields(`і й та але що як це він вона вони воно його йому ним неї її їх
	був була було були буде може треба також ще вже лише навіть тому тоді коли де
	ради радий радо радіти думи думка мира миру мир мирно сила сили нова нову нові
	нового новим права праву право слово слова мова мови війна війни
	путь пути путі путівка путівник путиною путінізм путинизм путінський путинский
	москвич москвичі москвички кремінь кремній кременя кремлівський
	росіяни росіянин російський российский россиянин росіянка
	українці український украинский українська зелений зелені зеленого зеленим
	зелень зелена зелёный зелёного зеленская пєсок песок пісок
	лавра лаври лаврового лавровий порох порошок пороги шоломи захар захарчук
	и в во на с со к ко по за из от до для при без над под о об про через
	был была было были будет может надо также ещё уже только даже поэтому тогда
	когда где который которая которое которые этот эта это эти того тому тем
	мирный думы думать силы язык войны войне войну`)

// TestFindNoCaseFormsInCommonWords: the case forms derived from the
// names match no common word, in lower case or capitalised.
func TestFindNoCaseFormsInCommonWords(t *testing.T) {
	m := newLangMatcher(t)
	for _, w := range commonUkRu {
		r, n := utf8.DecodeRuneInString(w)
		for _, s := range []string{w, string(unicode.ToUpper(r)) + w[n:]} {
			if got := findHits(t, m, s+" сказав."); got != nil {
				t.Errorf("Find(%q) = %v, want no mention", s, got)
			}
		}
	}
}

// TestLinkInflectedAndCliticMentions: the first mention of an actor in
// a case form or after a clitic prefix is linked, the link spanning the
// name as written, with the prefix outside it.
func TestLinkInflectedAndCliticMentions(t *testing.T) {
	m := newLangMatcher(t)
	for _, format := range []string{"md", "txt"} {
		a := &model.Article{Format: format, Title: "Переговори",
			Source: model.Source{File: "content/articles/a." + format, Body: "Зустріч Зеленського з Шольцем.\n\nالتقى وزيلينسكي بشولتس.\n"}}
		a, _ = Article(a, m, nil, opts())
		h := string(a.HTML())
		for _, want := range []string{
			`<a href="/actors/volodymyr-zelensky/" title="Volodymyr Zelensky" class="mention">Зеленського</a> з <a href="/actors/olaf-scholz/" title="Olaf Scholz" class="mention">Шольцем</a>`,
			`و`,
		} {
			if !strings.Contains(h, want) {
				t.Errorf("%s: HTML lacks %s:\n%s", format, want, h)
			}
		}
		want := []model.Mention{{Actor: "volodymyr-zelensky", Count: 2}, {Actor: "olaf-scholz", Count: 2}}
		if !reflect.DeepEqual(a.Mentions, want) {
			t.Errorf("%s: Mentions = %v, want %v", format, a.Mentions, want)
		}
	}
}
