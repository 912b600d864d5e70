package load

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-unidecode"
	"golang.org/x/text/unicode/norm"
)

// transliterate writes lower-case text s in Latin letters for a slug.
// Letters outside ASCII go through unidecode (the Unicode tables of
// Python's Unidecode: Straße → strasse, Ærø → aero, Erdoğan → erdogan,
// Arabic, Hebrew, CJK, ...), except Cyrillic and Greek, whose generic
// tables there read as no Ukrainian, Russian or Greek reader would spell
// a name (Зеленський → zelens'kii, Μητσοτάκης → metsotakes): those follow
// the national romanisations below. Everything that is not a letter,
// mark or digit is copied, for Slugify to turn into a dash.
func transliterate(s string) string {
	var b strings.Builder
	uk, ru := cyrillicHints(s)
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		if r < utf8.RuneSelf || !wordRune(r) {
			b.WriteString(s[:n])
			s = s[n:]
			continue
		}
		end := len(s)
		for i, c := range s {
			if !wordRune(c) {
				end = i
				break
			}
		}
		writeWord(&b, s[:end], uk, ru)
		s = s[end:]
	}
	return b.String()
}

// wordRune reports whether r belongs to a word. Apostrophes do, so that
// я after one is spelt as inside a word (В’ячеслав → viacheslav).
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r) || r == '\'' || r == '’'
}

// writeWord transliterates one word, ASCII letters and digits included.
func writeWord(b *strings.Builder, w string, titleUK, titleRU bool) {
	uk, ru := cyrillicHints(w)
	if !uk && !ru {
		uk, ru = titleUK, titleRU
	}
	ukrainian := uk && !ru
	rs := []rune(w)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r < utf8.RuneSelf:
			b.WriteRune(r)
		case unicode.Is(unicode.Cyrillic, r):
			b.WriteString(cyrillic(rs, i, ukrainian))
		case unicode.Is(unicode.Greek, r):
			i += greek(b, rs, i)
		case r == 'ع' && i == 0:
			b.WriteByte('a')
		case arabicLetters[r] != "":
			b.WriteString(arabicLetters[r])
		default:
			// Unidecode spells some letters with an apostrophe or a
			// backtick (Arabic ع and ء); inside a word they would split
			// the slug.
			b.WriteString(strings.Map(func(c rune) rune {
				if c == '\'' || c == '`' {
					return -1
				}
				return c
			}, strings.ToLower(unidecode.Unidecode(string(r)))))
		}
	}
}

// cyrillicHints reports whether s has letters or spellings only
// Ukrainian has (і ї є ґ, the endings -ський and -цький, an apostrophe
// before я or ю where Russian writes ъ) and letters only Russian has
// (ы э ъ ё). A word with neither is read as the title reads;
// a title with neither, as Russian, since most Ukrainian text has an і.
func cyrillicHints(s string) (uk, ru bool) {
	uk = strings.ContainsAny(s, "іїєґ") || strings.Contains(s, "ськ") || strings.Contains(s, "цьк")
	for _, a := range [...]string{"'", "’", "ʼ"} {
		uk = uk || strings.Contains(s, a+"я") || strings.Contains(s, a+"ю")
	}
	ru = strings.ContainsAny(s, "ыэъё")
	return uk, ru
}

// Ukrainian follows the national romanisation of 2010 (Cabinet of
// Ministers resolution 55, used in passports and on road signs:
// Зеленський → zelenskyi, Київ → kyiv, Харків → kharkiv), Russian the
// BGN/PCGN system without diacritics (Путин → putin, Шойгу → shoygu),
// the spellings of most English-language maps and agencies. Letters
// both alphabets share are spelt alike unless listed in the other.
var (
	cyrCommon = map[rune]string{
		'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ж': "zh", 'з': "z",
		'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p",
		'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch",
		'ш': "sh", 'щ': "shch", 'ь': "", 'ъ': "", 'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya",
		'ё': "e", 'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
	}
	// cyrUK are the Ukrainian spellings that differ; the second form is
	// the one inside a word (Юлія → yuliia, Київ → kyiv).
	cyrUK = map[rune][2]string{
		'г': {"h", "h"}, 'и': {"y", "y"}, 'й': {"y", "i"}, 'ю': {"yu", "iu"}, 'я': {"ya", "ia"},
		'є': {"ye", "ie"}, 'ї': {"yi", "i"},
	}
)

// cyrillic spells rs[i] (lower case) in Latin letters.
func cyrillic(rs []rune, i int, ukrainian bool) string {
	r := rs[i]
	if ukrainian {
		// зг is zgh, so that it does not read as the zh of ж.
		if r == 'г' && i > 0 && rs[i-1] == 'з' {
			return "gh"
		}
		if f, ok := cyrUK[r]; ok {
			if i == 0 {
				return f[0]
			}
			return f[1]
		}
	}
	if s, ok := cyrCommon[r]; ok {
		return s
	}
	return strings.ToLower(unidecode.Unidecode(string(r)))
}

// arabicLetters are where unidecode drops a vowel Arabic writes (alif,
// alif maqsura, ta marbuta: القاهرة → alqahra, not lqhr@) or spells a
// consonant as another (غ as g, the g of ج in Egypt). ع is a at the start
// of a word (عباس → abas) and nothing elsewhere.
var arabicLetters = map[rune]string{
	'ا': "a", 'أ': "a", 'إ': "i", 'آ': "a", 'ٱ': "a", 'ى': "a", 'ة': "a",
	'ؤ': "w", 'ئ': "y", 'غ': "gh",
}

// greekLetters follow ELOT 743 (the Greek standard, used in Greek
// passports), without its distinction of av and af: Αλέξης Τσίπρας →
// alexis-tsipras, Κυριάκος → kyriakos.
var greekLetters = map[rune]string{
	'α': "a", 'β': "v", 'γ': "g", 'δ': "d", 'ε': "e", 'ζ': "z", 'η': "i", 'θ': "th",
	'ι': "i", 'κ': "k", 'λ': "l", 'μ': "m", 'ν': "n", 'ξ': "x", 'ο': "o", 'π': "p",
	'ρ': "r", 'σ': "s", 'ς': "s", 'τ': "t", 'υ': "y", 'φ': "f", 'χ': "ch", 'ψ': "ps",
	'ω': "o",
}

// greek writes rs[i] and returns how many more runes it consumed: ου is
// ou, αυ av and ευ ev, unless υ carries a diaeresis (it is then a vowel
// of its own).
func greek(b *strings.Builder, rs []rune, i int) int {
	r := greekBase(rs[i])
	if i+1 < len(rs) && (rs[i+1] == 'υ' || rs[i+1] == 'ύ') {
		switch r {
		case 'ο':
			b.WriteString("ou")
			return 1
		case 'α', 'ε':
			b.WriteString(greekLetters[r] + "v")
			return 1
		}
	}
	if s, ok := greekLetters[r]; ok {
		b.WriteString(s)
	} else {
		b.WriteString(strings.ToLower(unidecode.Unidecode(string(rs[i]))))
	}
	return 0
}

// greekBase is r without its tonos or diaeresis.
func greekBase(r rune) rune {
	d := norm.NFD.String(string(r))
	c, _ := utf8.DecodeRuneInString(d)
	return c
}
