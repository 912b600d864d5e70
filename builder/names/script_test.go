package names

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/model"
)

// TestCheckNamesAcrossScripts: a name written in another script than all
// of its actor's names, in any case form, is suggested as that actor's,
// with the nominative to add to the aliases and the whole line to write.
func TestCheckNamesAcrossScripts(t *testing.T) {
	tests := []struct {
		lang, body string
		want       []string // the misspellings reported
		hint       string   // in the first one's hint
	}{
		{"uk", "Канцлер Шольц прибув до Варшави.",
			[]string{`"Шольц" may be Olaf Scholz written in Cyrillic ("Шольц" reads "sholts", sounds the same)`},
			`content/actors/olaf-scholz.md: aliases: ["Scholz", "Chancellor Scholz", "Шольц"]`},
		{"uk", "Зустріч із Шольцем тривала годину.",
			[]string{`"Шольцем", a form of "Шольц", may be Olaf Scholz written in Cyrillic ("Шольц" reads "sholts", sounds the same)`},
			`aliases: ["Scholz", "Chancellor Scholz", "Шольц"]`},
		{"ru", "Встреча с Олафом Шольцем длилась час.",
			[]string{`"Олафом Шольцем", a form of "Олаф Шольц", may be Olaf Scholz written in Cyrillic ("Олаф Шольц" reads "olaf sholts", sounds the same)`},
			`"Олаф Шольц"]`},
		{"uk", "Анналена Бербок прибула до Варшави.",
			[]string{`"Анналена Бербок" may be Annalena Baerbock written in Cyrillic ("Анналена Бербок" reads "annalena berbok", similarity 0.92)`},
			`content/actors/annalena-baerbock.md: aliases: ["Baerbock", "Анналена Бербок"]`},
		{"ru", "Заявление Макрона прозвучало вечером.",
			[]string{`"Макрона", a form of "Макрон", may be Emmanuel Macron written in Cyrillic ("Макрон" reads "makron", similarity 0.91)`},
			`aliases: ["Macron", "Макрон"]`},
		{"el", "Ο Μακρόν μίλησε με τον Πούτιν.",
			[]string{`"Μακρόν" may be Emmanuel Macron written in Greek ("Μακρόν" reads "makron", similarity 0.91)`,
				`"Πούτιν" may be Vladimir Putin written in Greek ("Πούτιν" reads "poutin", similarity 0.95)`},
			`aliases: ["Macron", "Μακρόν"]`},
		// The other way: an actor known only in Cyrillic, named in Latin
		// letters.
		{"en", "Kuleba said the talks had failed.",
			[]string{`"Kuleba" may be Дмитро Кулеба written in Latin letters ("Kuleba" reads "kuleba", similarity 1.00)`},
			`content/actors/dmytro-kuleba.md: aliases: ["Кулеба", "Kuleba"]`},
		// Putin has a Cyrillic alias: his forms are mentions, and a
		// Cyrillic word near his name is compared in Cyrillic.
		{"uk", "Путіна запросили, Путіну відмовили.", nil, ""},
		// Ordinary capitalised words are no names.
		{"uk", "Зустріч відбулася у Варшаві. Сторони домовилися.", nil, ""},
	}
	for _, tt := range tests {
		site := scriptSite(t, tt.body)
		r := Check(site)
		var got []string
		for _, d := range r.Misspellings {
			got = append(got, d.Msg)
		}
		if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s %q: reported\n%s\nwant\n%s", tt.lang, tt.body, strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			continue
		}
		if len(got) == 0 {
			continue
		}
		if d := r.Misspellings[0]; !strings.Contains(d.Hint, tt.hint) || d.File != "content/articles/a.txt" || d.Line != 3 {
			t.Errorf("%s %q: %s:%d hint %q, want content/articles/a.txt:3 and %q in it", tt.lang, tt.body, d.File, d.Line, d.Hint, tt.hint)
		}
	}
}

// scriptSite is the site of testSite with Putin also known in Cyrillic
// and an actor known only in Cyrillic, and body as its one article.
func scriptSite(t *testing.T, body string) *model.Site {
	t.Helper()
	base := testSite(t, nil)
	base.Actors[1].Aliases = append(base.Actors[1].Aliases, "Путін")
	actors := append(base.Actors, actor("dmytro-kuleba", "Дмитро Кулеба", model.Person, []string{"Кулеба"}, nil))
	m, ds := extract.NewMatcher(actors)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	a := &model.Article{Format: "txt", Title: "Report", Source: model.Source{File: "content/articles/a.txt", Body: body, BodyLine: 3}}
	a, _ = extract.Article(a, m, nil, extract.Options{})
	return &model.Site{Actors: actors, Articles: []*model.Article{a}}
}

func TestScriptOfNames(t *testing.T) {
	for s, want := range map[string]string{"Scholz": "latin", "Шольц": "cyrillic", "Μακρόν": "greek", "بوتين": "arabic", "Шольц Scholz": "other", "1945": "other"} {
		if got := script(s); got != want {
			t.Errorf("script(%q) = %s, want %s", s, got, want)
		}
	}
	if got := fmt.Sprint(latin("Олаф Шольц")); got != "olaf sholts" {
		t.Errorf("latin(Олаф Шольц) = %q", got)
	}
}
