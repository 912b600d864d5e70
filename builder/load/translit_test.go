package load

import "testing"

// TestSlugifyScripts: titles in Cyrillic, Greek or Arabic made no slug,
// and Latin letters outside a short list made a dash (Erdoğan →
// erdo-an).
func TestSlugifyScripts(t *testing.T) {
	tests := []struct{ script, in, want string }{
		{"Latin", "Erdoğan", "erdogan"},
		{"Latin", "Recep Tayyip Erdoğan", "recep-tayyip-erdogan"},
		{"Latin", "Straße", "strasse"},
		{"Latin", "Ærø", "aero"},
		{"Latin", "Œuvre complète", "oeuvre-complete"},
		{"Latin", "Søren Kierkegaard", "soren-kierkegaard"},
		{"Latin", "Đoković in İstanbul", "dokovic-in-istanbul"},
		{"Latin", "Dvořák, Þór", "dvorak-thor"},
		{"Latin", "Élysée", "elysee"},
		{"Latin", "e\u0301lyse\u0301e", "elysee"}, // decomposed accents
		{"Ukrainian", "Володимир Зеленський", "volodymyr-zelenskyi"},
		{"Ukrainian", "Зеленський", "zelenskyi"},
		{"Ukrainian", "Київ", "kyiv"},
		{"Ukrainian", "Харків", "kharkiv"},
		{"Ukrainian", "Юлія Тимошенко", "yuliia-tymoshenko"},
		{"Ukrainian", "Запоріжжя", "zaporizhzhia"},
		{"Ukrainian", "Згурівка", "zghurivka"},
		{"Ukrainian", "Єрмак", "yermak"},
		{"Ukrainian", "Ґорґани", "gorgany"},
		{"Ukrainian", "В’ячеслав", "viacheslav"},
		{"Ukrainian", "Зеленський у Києві", "zelenskyi-u-kyievi"},
		{"Russian", "Владимир Путин", "vladimir-putin"},
		{"Russian", "Сергей Шойгу", "sergey-shoygu"},
		{"Russian", "Хрущёв", "khrushchev"},
		{"Russian", "Объединённые нации", "obedinennye-natsii"},
		{"Russian", "Москва", "moskva"},
		{"Greek", "Αλέξης Τσίπρας", "alexis-tsipras"},
		{"Greek", "Κυριάκος Μητσοτάκης", "kyriakos-mitsotakis"},
		{"Greek", "Αθήνα", "athina"},
		{"Greek", "Ουκρανία", "oukrania"},
		{"Greek", "Ευρώπη", "evropi"},
		{"Arabic", "محمود عباس", "mhmwd-abas"},
		{"Arabic", "القاهرة", "alqahra"},
		{"Arabic", "أردوغان", "ardwghan"},
		{"Arabic", "سعيد", "syd"},
		{"Arabic", "٢٠٢٢", "2022"},
		{"Mixed", "Zelenskyy (Зеленський) meets Erdoğan", "zelenskyy-zelenskyi-meets-erdogan"},
		{"Symbols", "€ 5 — ★", "5"},
	}
	for _, tt := range tests {
		got := Slugify(tt.in)
		if got != tt.want {
			t.Errorf("%s: Slugify(%q) = %q, want %q", tt.script, tt.in, got, tt.want)
		}
		if !ValidSlug(got) {
			t.Errorf("%s: Slugify(%q) = %q is not a valid slug", tt.script, tt.in, got)
		}
	}
}

// TestSlugifyLongCyrillic: the limit counts the slug's bytes, which are
// ASCII, so a Cyrillic title is cut at a word of its transliteration.
func TestSlugifyLongCyrillic(t *testing.T) {
	title := ""
	for range 20 {
		title += "Зеленський "
	}
	s := Slugify(title)
	if len(s) > MaxSlug || !ValidSlug(s) || s[len(s)-1] == '-' {
		t.Fatalf("Slugify(20 × Зеленський) = %q (%d)", s, len(s))
	}
	want := "zelenskyi"
	for len(want)+len("-zelenskyi") <= MaxSlug {
		want += "-zelenskyi"
	}
	if s != want {
		t.Errorf("Slugify(20 × Зеленський) = %q, want %q", s, want)
	}
}
