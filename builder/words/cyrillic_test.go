package words

import (
	"slices"
	"testing"
)

// TestForms: each paradigm gives the forms articles write, in Ukrainian
// and in Russian, and no form for words that do not decline.
func TestForms(t *testing.T) {
	tests := []struct {
		word string
		want []string // among the forms
		not  []string // not among them
	}{
		{"Зеленський", []string{"Зеленського", "Зеленському", "Зеленським", "Зеленськім"}, []string{"Зеленська", "Зеленськия"}},
		{"Зеленский", []string{"Зеленского", "Зеленскому", "Зеленским", "Зеленском"}, nil},
		{"Шольц", []string{"Шольца", "Шольцу", "Шольцові", "Шольцем", "Шольці", "Шольце"}, []string{"Шольцом"}},
		{"Путін", []string{"Путіна", "Путіну", "Путіним", "Путіні"}, nil},
		{"Путин", []string{"Путина", "Путину", "Путиным", "Путине"}, nil},
		{"Макрон", []string{"Макрона", "Макрону", "Макроном", "Макроні"}, []string{"Макроним"}},
		{"Захарова", []string{"Захарової", "Захаровій", "Захарову", "Захаровою", "Захаровой"}, nil},
		{"Зеленська", []string{"Зеленської", "Зеленській", "Зеленську", "Зеленською"}, nil},
		{"Зеленская", []string{"Зеленской", "Зеленскую", "Зеленскою"}, nil},
		{"Москва", []string{"Москви", "Москвы", "Москві", "Москве", "Москву", "Москвою", "Москвой"}, nil},
		{"Росія", []string{"Росії", "Росію", "Росією"}, nil},
		{"Россия", []string{"России", "Россию", "Россией"}, nil},
		{"Кремль", []string{"Кремля", "Кремлю", "Кремлем", "Кремлі", "Кремле"}, []string{"Кремл"}},
		{"Порошенко", []string{"Порошенка", "Порошенку", "Порошенкові", "Порошенком"}, nil},
		{"Сергій", []string{"Сергія", "Сергію", "Сергієм"}, nil},
		{"Сергей", []string{"Сергея", "Сергею", "Сергеем"}, nil},
		{"Дмитрий", []string{"Дмитрия", "Дмитрию", "Дмитрием"}, nil},
		{"Рада", []string{"Раду", "Радою"}, []string{"Ради"}},
	}
	for _, tt := range tests {
		got := Forms(tt.word)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Forms(%s) = %v, lacks %s", tt.word, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("Forms(%s) = %v, holds %s", tt.word, got, w)
			}
		}
		if slices.Contains(got, tt.word) {
			t.Errorf("Forms(%s) holds the word itself", tt.word)
		}
	}
	for _, w := range []string{"НАТО", "ЄС", "Кім", "Шойгу", "Scholz", "Кулебі", "زيلينسكي", ""} {
		if got := Forms(w); got != nil {
			t.Errorf("Forms(%q) = %v, want none", w, got)
		}
	}
}

// nameForms joins the parts of a name into its spellings, each word in
// a case the others share.
func nameForms(name string) []string {
	var out []string
	var walk func(i int, text string, cases uint8)
	parts := NameParts(name)
	walk = func(i int, text string, cases uint8) {
		if i == len(parts) {
			out = append(out, text)
			return
		}
		for _, p := range parts[i] {
			if c := cases & p.Cases; c != 0 {
				sep := " "
				if i == 0 {
					sep = ""
				}
				walk(i+1, text+sep+p.Text, c)
			}
		}
	}
	walk(0, "", AllCases)
	return out
}

// TestNameParts: the words of a name decline together; lower-case
// complements keep their form.
func TestNameParts(t *testing.T) {
	tests := []struct {
		name string
		want []string
		not  []string
	}{
		{"Олаф Шольц", []string{"Олаф Шольц", "Олафа Шольца", "Олафу Шольцу", "Олафові Шольцу", "Олафом Шольцем"}, []string{"Олафа Шольцем", "Олаф Шольца"}},
		{"Володимир Зеленський", []string{"Володимира Зеленського", "Володимиром Зеленським"}, []string{"Володимира Зеленським"}},
		{"Верховна Рада", []string{"Верховної Ради", "Верховній Раді", "Верховну Раду", "Верховною Радою"}, nil},
		{"Міністерство закордонних справ", []string{"Міністерства закордонних справ", "Міністерством закордонних справ"}, []string{"Міністерства закордонних справа"}},
	}
	for _, tt := range tests {
		got := nameForms(tt.name)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("NameParts(%s) spell %v, not %s", tt.name, got, w)
			}
		}
		for _, w := range tt.not {
			if slices.Contains(got, w) {
				t.Errorf("NameParts(%s) spell %s", tt.name, w)
			}
		}
	}
	for _, n := range []string{"Olaf Scholz", "НАТО", "Шольц", "ООН США"} {
		if got := NameParts(n); got != nil {
			t.Errorf("NameParts(%s) = %v, want none", n, got)
		}
	}
}

// TestNominatives: the word a case form comes from is among the
// candidates, the form itself first.
func TestNominatives(t *testing.T) {
	for form, base := range map[string]string{
		"Шольца": "Шольц", "Шольцем": "Шольц", "Зеленського": "Зеленський", "Зеленского": "Зеленский",
		"Путіним": "Путін", "Путиным": "Путин", "Захаровою": "Захарова", "Росії": "Росія", "Кремля": "Кремль",
	} {
		got := Nominatives(form)
		if got[0] != form || !slices.Contains(got, base) {
			t.Errorf("Nominatives(%s) = %v, want %s first and %s among them", form, got, form, base)
		}
		for _, b := range got {
			if mixed(b) {
				t.Errorf("Nominatives(%s) holds %s, Ukrainian and Russian at once", form, b)
			}
		}
	}
	if got := Nominatives("Scholz"); len(got) != 1 {
		t.Errorf("Nominatives(Scholz) = %v", got)
	}
}
