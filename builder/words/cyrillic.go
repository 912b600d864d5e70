// Package words holds what several stages know about the words of the
// languages a site is written in: the case endings of Ukrainian and
// Russian names, which the mention matcher (extract) and the name check
// (names) both use. It imports nothing of brief, so that any stage may.
package words

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Forms returns the case forms of w, one word of a Ukrainian or Russian
// name, other than w itself: genitive, dative, accusative, instrumental
// and locative, in the spellings of both languages, since an actor's
// alias is usually in one and articles come in both (Шольц → Шольца,
// Шольцу, Шольцові, Шольцем, Шольці, Шольце). The endings follow from
// the last letters of w, as set out in paradigms; a word that is not
// Cyrillic, is shorter than four letters, is written in capitals (ЄС,
// НАТО) or ends in a letter names do not decline on (-е, -і, -у, -и)
// has none. Forms that are common words are left out (Рада → not Ради,
// the Russian "for the sake of"). The forms keep the case of w's letters
// and come in a fixed order, without duplicates.
func Forms(w string) []string {
	var out []string
	seen := map[string]bool{w: true}
	cs := cases(w)
	if cs == nil {
		return nil
	}
	for _, alts := range cs {
		for _, f := range alts {
			if !seen[f] && !common[strings.ToLower(f)] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// Part is one spelling of one word of a name, in the cases of Cases: a
// bit set of Nominative and the cases after it.
type Part struct {
	Text  string
	Cases uint8
}

// Nominative is the bit of the nominative in Part.Cases; the genitive,
// dative, accusative, instrumental and locative follow it.
const Nominative uint8 = 1

// AllCases is every case: a word that does not decline spells them all.
const AllCases uint8 = 1<<(numCases+1) - 1

// NameParts returns the spellings of each word of a name of several
// words, the word itself first, or nil when no word declines. The words
// of a name decline together, each in the same case: a mention is a
// spelling of each word, in order, that share a case (Олаф Шольц →
// Олафа Шольца, Олафові Шольцу). A word in lower case after the first
// is a complement that keeps its form (Міністерство закордонних справ →
// Міністерства закордонних справ). Common words are no hindrance here:
// Верховної Ради is Верховна Рада, though Ради alone is not Рада.
func NameParts(name string) [][]Part {
	ws := strings.Split(name, " ")
	if len(ws) < 2 {
		return nil
	}
	out := make([][]Part, len(ws))
	declines := false
	for i, w := range ws {
		out[i] = []Part{{w, AllCases}}
		r, _ := utf8.DecodeRuneInString(w)
		if i > 0 && !unicode.IsUpper(r) {
			continue
		}
		cs := cases(w)
		if cs == nil {
			continue
		}
		declines = true
		out[i][0].Cases = Nominative
		for c, alts := range cs {
			for _, f := range alts {
				j := slices.IndexFunc(out[i], func(p Part) bool { return p.Text == f })
				if j < 0 {
					j = len(out[i])
					out[i] = append(out[i], Part{Text: f})
				}
				out[i][j].Cases |= Nominative << (c + 1)
			}
		}
	}
	if !declines {
		return nil
	}
	return out
}

// Nominatives returns the words that w may be a case form of, w itself
// first: Шольца → Шольца, Шольц; Зеленського → Зеленського, Зеленський.
// Each is a word of which Forms gives w.
func Nominatives(w string) []string {
	out := []string{w}
	if !isCyrillic(w) {
		return out
	}
	low := strings.ToLower(w)
	for _, p := range paradigms {
		for _, alts := range p.endings {
			for _, e := range alts {
				if !strings.HasSuffix(low, e) {
					continue
				}
				base := w[:len(w)-len(e)] + p.final
				if !slices.Contains(out, base) && !mixed(base) && slices.Contains(Forms(base), w) {
					out = append(out, base)
				}
			}
		}
	}
	return out
}

// mixed reports whether w has both letters only Ukrainian writes (і, ї,
// є, ґ, ь before к) and letters only Russian writes (ы, э, ъ, ё): a
// spelling of no name.
func mixed(w string) bool {
	low := strings.ToLower(w)
	uk := strings.ContainsAny(low, "іїєґ") || strings.Contains(low, "ьк")
	return uk && strings.ContainsAny(low, "ыэъё")
}

// numCases are the cases a name is declined in besides the nominative:
// genitive, dative, accusative, instrumental, locative.
const numCases = 5

// cases returns the spellings of w in each case, nil when w does not
// decline.
func cases(w string) *[numCases][]string {
	if !declinable(w) {
		return nil
	}
	low := strings.ToLower(w)
	for _, p := range paradigms {
		if !strings.HasSuffix(low, p.final) || p.only != nil && !p.only(low) {
			continue
		}
		stem := w[:len(w)-len(p.final)]
		var out [numCases][]string
		for c, alts := range p.endings {
			for _, e := range alts {
				f := stem + e
				if !slices.Contains(out[c], f) {
					out[c] = append(out[c], f)
				}
			}
		}
		return &out
	}
	return nil
}

// paradigm is how words ending in final decline: final is replaced by
// the endings of each case. The first paradigm whose final ends the word
// (and whose only accepts it) applies, so longer finals come first.
type paradigm struct {
	final   string
	endings [numCases][]string    // genitive, dative, accusative, instrumental, locative
	only    func(low string) bool // nil: every word ending in final
}

// e lists endings.
func e(s ...string) []string { return s }

// The endings of each paradigm are those of Ukrainian and of Russian
// together: articles in either language name the same actor, and a form
// that one language never writes costs nothing. Alternations of the stem
// (Київ → Києва, Кравець → Кравця, Ольга → Ользі) are not derived: add
// such forms as aliases.
var paradigms = []paradigm{
	// Masculine adjectival surnames and adjectives (Зеленський, Зеленский,
	// Верховний: -ім is the Ukrainian locative) and, unless -кий, -гий or
	// -хий, Russian names in -ий (Дмитрий, Дмитрия).
	{final: "ий", endings: [numCases][]string{e("ого"), e("ому"), e("ого"), e("им"), e("ому", "ім", "ом")},
		only: func(low string) bool { return hushing(low, 2, "кгх") }},
	{final: "ий", endings: [numCases][]string{e("ого", "ия"), e("ому", "ию"), e("ого", "ия"), e("им", "ием"), e("ому", "ім", "ом", "ии")}},
	{final: "ый", endings: [numCases][]string{e("ого"), e("ому"), e("ого"), e("ым"), e("ом")}},
	{final: "ой", endings: [numCases][]string{e("ого"), e("ому"), e("ого"), e("ым"), e("ом")},
		only: func(low string) bool { return utf8.RuneCountInString(low) >= 5 }},
	// Masculine names in -ій, -ей, -ай: Андрій, Сергей, Миколай, Николай.
	{final: "ій", endings: [numCases][]string{e("ія"), e("ію", "ієві"), e("ія"), e("ієм"), e("ієві", "ії")}},
	{final: "ей", endings: [numCases][]string{e("ея"), e("ею"), e("ея"), e("еем"), e("ее")}},
	{final: "ай", endings: [numCases][]string{e("ая"), e("аю", "аєві"), e("ая"), e("аєм", "аем"), e("аєві", "ае")}},
	// Feminine adjectival surnames in Russian: Зеленская.
	{final: "ая", endings: [numCases][]string{e("ой"), e("ой"), e("ую"), e("ой", "ою"), e("ой")}},
	// Nouns in -ія, -ия and -я: Росія, Россия, Марія, Земля.
	{final: "ія", endings: [numCases][]string{e("ії"), e("ії"), e("ію"), e("ією"), e("ії")}},
	{final: "ия", endings: [numCases][]string{e("ии"), e("ии"), e("ию"), e("ией", "иею"), e("ии")}},
	{final: "я", endings: [numCases][]string{e("і", "и"), e("і", "е"), e("ю"), e("ею", "ей"), e("і", "е")}},
	// Nouns, feminine surnames and adjectives in -а: Москва, Україна,
	// Захарова, Зеленська, Верховна. -ої, -ій and -ой are the adjectival
	// endings, the others those of nouns; after г, к, х and the hushing
	// letters Russian writes и for ы.
	{final: "а", endings: [numCases][]string{e("и", "ы", "ої", "ой"), e("і", "е", "ій", "ой"), e("у"), e("ою", "ой"), e("і", "е", "ій", "ой")},
		only: func(low string) bool { return !hushing(low, 1, velarOrHushing) }},
	{final: "а", endings: [numCases][]string{e("и", "і", "ої", "ой"), e("і", "е", "ій", "ой"), e("у"), e("ою", "ой", "ей"), e("і", "е", "ій", "ой")}},
	// Ukrainian names and neuter nouns in -о: Порошенко, Дмитро,
	// Міністерство.
	{final: "о", endings: [numCases][]string{e("а"), e("у", "ові"), e("а"), e("ом"), e("і", "ові", "у", "е")}},
	// Soft masculine nouns: Кремль, Игорь.
	{final: "ь", endings: [numCases][]string{e("я"), e("ю", "еві"), e("я"), e("ем"), e("і", "е", "еві")}},
	// Possessive surnames (Путін, Путин, Лавров, Медведєв), whose
	// instrumental is adjectival (Путіним, Путиным).
	{final: "", endings: [numCases][]string{e("а"), e("у", "ові"), e("а"), e("им", "ым", "ом"), e("і", "е", "ові", "у")},
		only: possessive},
	// Other consonants: Шольц, Макрон, Байден, Харків; after ц and the
	// hushing letters the instrumental is -ем and the Ukrainian dative
	// may be -еві.
	{final: "", endings: [numCases][]string{e("а"), e("у", "еві", "ові"), e("а"), e("ем"), e("і", "е", "еві", "у")},
		only: func(low string) bool { return hushing(low, 0, hushingOrTs) && consonantEnd(low) }},
	{final: "", endings: [numCases][]string{e("а"), e("у", "ові"), e("а"), e("ом"), e("і", "е", "ові", "у")}, only: consonantEnd},
}

// possessive reports whether a lower-case word is a surname in -ов, -ев,
// -єв, -ёв, -ін, -ин, -їн or -ын.
func possessive(low string) bool {
	for _, s := range [...]string{"ов", "ев", "єв", "ёв", "ін", "ин", "їн", "ын"} {
		if strings.HasSuffix(low, s) {
			return true
		}
	}
	return false
}

// hushing reports whether the letter of low before its last skip letters
// is one of letters.
func hushing(low string, skip int, letters string) bool {
	rs := []rune(low)
	return len(rs) > skip && strings.ContainsRune(letters, rs[len(rs)-1-skip])
}

// After velars and hushing letters Russian writes и for ы (Ольги, Саши);
// after hushing letters and ц an unstressed о is е (Шольцем).
const (
	velarOrHushing = "гкхжчшщ"
	hushingOrTs    = "жчшщц"
)

// consonantEnd reports whether low ends in a consonant other than й.
func consonantEnd(low string) bool {
	r, _ := utf8.DecodeLastRuneInString(low)
	return unicode.Is(unicode.Cyrillic, r) && !strings.ContainsRune("аеєиіїйоуюяыэёьъ", r)
}

// declinable reports whether w is a Cyrillic word Forms declines: four
// letters or more, not all in capitals.
func declinable(w string) bool {
	if utf8.RuneCountInString(w) < 4 || !isCyrillic(w) {
		return false
	}
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// isCyrillic reports whether w is made of Cyrillic letters (an
// apostrophe or hyphen inside it aside: В'ячеслав, Римський-Корсаков).
func isCyrillic(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			letters++
		case r == '\'' || r == '’' || r == 'ʼ' || r == '-':
		default:
			return false
		}
	}
	return letters > 0
}

// common are frequent Ukrainian and Russian words that a case form of a
// name would spell (Рада → ради, Дума → думи): capitalised, one opens
// many a sentence, so no form may be one of them.
var common = set(`ради думи думою думе думу мира миру мире мирі
	нова нову нової новою нові нове нового новому новим
	пана пану паном пане пані сила силу сили силою силі
	війни війну війною війні войны войну войне войной
	мови мові мову мовою слова слову словом слові слове
	мати матері права праву правом праві праве`)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
