package model

import "strings"

// BaseLanguage returns the primary subtag of a BCP 47 language tag in
// lower case: "uk" for "uk-UA", "" for "".
func BaseLanguage(tag string) string {
	base, _, _ := strings.Cut(tag, "-")
	base, _, _ = strings.Cut(base, "_")
	return strings.ToLower(base)
}

// rtlLanguages are the languages written right to left that brief knows:
// Arabic, Hebrew (and its old code iw), Persian and Urdu.
var rtlLanguages = map[string]bool{"ar": true, "he": true, "iw": true, "fa": true, "ur": true}

// RightToLeft reports whether text in the language tag is written right
// to left, whatever its region ("ar-EG", "fa-IR").
func RightToLeft(tag string) bool { return rtlLanguages[BaseLanguage(tag)] }
