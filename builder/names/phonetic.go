package names

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// phoneticRules rewrite spellings of the same sound to one letter, longest
// first, as names are transliterated into English and German ("Schultz",
// "Scholz", "Sholts"; "Kyiv", "Kiev"; "Zelenskyy", "Zelensky").
var phoneticRules = []struct{ from, to string }{
	{"tsch", "c"}, {"sch", "s"}, {"tch", "c"}, {"ch", "k"}, {"sh", "s"}, {"zh", "j"}, {"kh", "k"},
	{"ph", "f"}, {"th", "t"}, {"ck", "k"}, {"tz", "s"}, {"ts", "s"}, {"dz", "j"}, {"gh", "g"},
	{"ce", "se"}, {"ci", "si"}, {"cy", "sy"}, {"c", "k"}, {"q", "k"}, {"x", "ks"}, {"z", "s"},
	{"w", "v"}, {"v", "f"}, {"y", "i"}, {"j", "i"},
}

// Key is a phonetic key of a name: the first letter, then the consonants
// after folding spellings of the same sound and dropping vowels and
// doubled letters. Names with the same key sound alike.
func Key(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		} else if unicode.IsSpace(r) {
			b.WriteByte(' ')
		}
	}
	w := b.String()
	for _, rule := range phoneticRules {
		w = strings.ReplaceAll(w, rule.from, rule.to)
	}
	var out []byte
	for _, word := range strings.Fields(w) {
		for i := 0; i < len(word); i++ {
			c := word[i]
			if i > 0 && strings.IndexByte("aeiouh", c) >= 0 {
				continue
			}
			if len(out) > 0 && out[len(out)-1] == c {
				continue
			}
			out = append(out, c)
		}
		out = append(out, ' ')
	}
	return strings.TrimSpace(string(out))
}
