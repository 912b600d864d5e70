package load

import (
	"strings"

	"golang.org/x/text/language"
)

// LanguageTag returns the canonical form of a BCP 47 language tag ("uk",
// "pt-BR"; "uk_UA" and "UK-ua" are "uk-UA"), or "" and false when s is no
// tag of a known language. Locales written with an underscore, as
// og:locale has them, are read as tags.
func LanguageTag(s string) (string, bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if s == "" {
		return "", false
	}
	tag, err := language.Parse(s)
	if err != nil {
		return "", false
	}
	return tag.String(), true
}

// language reads a language key: a BCP 47 tag, or "" when the key is
// absent or its value is no tag (which is an error at its line).
func (r *reader) language(key string) string {
	s := r.str(key)
	if s == "" {
		return ""
	}
	tag, ok := LanguageTag(s)
	if !ok {
		r.errorf(r.line(key), "write the language's code (BCP 47), e.g. "+key+": uk, "+key+": ar or "+key+": pt-BR",
			"%s: %q is not a language code", key, s)
		return ""
	}
	return tag
}
