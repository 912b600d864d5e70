package extract

import (
	"math"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

func langMatcher(t testing.TB) *Matcher {
	t.Helper()
	person := func(slug string, names ...string) *model.Actor {
		a := actor("content/actors/"+slug+".md", slug, names[0], names[1:], nil)
		a.Kind, a.Gender = "person", "male"
		return a
	}
	m, ds := NewMatcher([]*model.Actor{
		person("volodymyr-zelensky", "Володимир Зеленський", "Зеленський"),
		person("sergei-lavrov", "Сергей Лавров", "Лавров"),
		person("olaf-scholz", "Olaf Scholz", "Scholz"),
		person("emmanuel-macron", "Emmanuel Macron", "Macron"),
		person("antonio-guterres", "أنطونيو غوتيريش", "غوتيريش"),
	})
	if len(ds) != 0 {
		t.Fatalf("NewMatcher: %v", ds)
	}
	return m
}

func TestQuotesInLanguages(t *testing.T) {
	m := langMatcher(t)
	for _, tc := range []struct {
		lang, para, text, speaker string
	}{
		{"uk", "«Ми вистоїмо і переможемо», — сказав Зеленський у зверненні.", "Ми вистоїмо і переможемо", "volodymyr-zelensky"},
		{"uk", "Зеленського запитали про переговори. «Я не вірю словам», — наголосив він.", "Я не вірю словам", "volodymyr-zelensky"},
		{"ru", "Лавров заявил: «Мы ни на кого не нападали».", "Мы ни на кого не нападали", "sergei-lavrov"},
		{"ru", "По словам Лаврова, переговоры были «непростыми».", "непростыми", "sergei-lavrov"},
		{"de", "„Wir stehen fest an der Seite der Ukraine“, sagte Scholz am Abend.", "Wir stehen fest an der Seite der Ukraine", "olaf-scholz"},
		{"de", "Der Kanzler sprach von einer „Zeitenwende“, so Scholz.", "Zeitenwende", "olaf-scholz"},
		{"fr", "« Nous ne céderons rien », a déclaré Emmanuel Macron.", "Nous ne céderons rien", "emmanuel-macron"},
		{"fr", "Emmanuel Macron était prudent. « Rien n'est réglé », a-t-il ajouté.", "Rien n'est réglé", "emmanuel-macron"},
		{"ar", "«سنواصل العمل من أجل السلام»، قال غوتيريش للصحفيين.", "سنواصل العمل من أجل السلام", "antonio-guterres"},
		{"de", "»Wir liefern weiter«, sagte Scholz am Samstag.", "Wir liefern weiter", "olaf-scholz"},
		{"ru", "Лавров заявил, что «Северного потока — 2» «больше не будет».", "больше не будет", "sergei-lavrov"},
	} {
		got := QuotesIn([]string{tc.para}, m, tc.lang)
		if len(got) != 1 {
			t.Errorf("%s %q: %d quotes %+v, want 1", tc.lang, tc.para, len(got), got)
			continue
		}
		q := got[0]
		if q.Text != tc.text || q.Speaker != tc.speaker || tc.para[q.Start:q.End] != q.Text {
			t.Errorf("%s %q: got %q by %q, want %q by %q", tc.lang, tc.para, q.Text, q.Speaker, tc.text, tc.speaker)
		}
	}
}

// Quotes joined in one sentence share the verb before the first.
func TestQuotesInLanguagesJoined(t *testing.T) {
	m := langMatcher(t)
	p := "Emmanuel Macron a dénoncé une « trahison » et un « coup de poignard dans le dos »."
	got := QuotesIn([]string{p}, m, "fr")
	if len(got) != 2 || got[0].Text != "trahison" || got[1].Text != "coup de poignard dans le dos" || got[0].Speaker != "emmanuel-macron" || got[1].Speaker != "emmanuel-macron" {
		t.Errorf("got %+v, want two quotes by emmanuel-macron", got)
	}
}

func TestQuotesInLanguagesNames(t *testing.T) {
	m := langMatcher(t)
	for _, tc := range []struct{ lang, para string }{
		{"uk", "Росія випустила ракети «Калібр» по Одесі."},
		{"ru", "Крейсер «Москва» затонул."},
		{"de", "Die Pipeline „Nord Stream 2“ geht nicht in Betrieb."},
		{"fr", "La chaîne « Russia Today » est interdite."},
		{"de", "Die »Tagesschau« meldete am Abend neue Zahlen."},
		// Marked words inside a sentence that no verb attributes.
		{"fr", "Le texte fixe l'objectif de contenir la hausse « bien en deçà de 2 °C » d'ici la fin du siècle."},
	} {
		if got := QuotesIn([]string{tc.para}, m, tc.lang); len(got) != 0 {
			t.Errorf("%s %q: got quotes %+v, want none (a name in marks)", tc.lang, tc.para, got)
		}
	}
}

func TestDatesInLanguages(t *testing.T) {
	pub := model.NewDay(2022, 2, 8) // a Tuesday
	for _, tc := range []struct {
		lang, para, text, typ, value string
	}{
		{"uk", "Макрон у вівторок прибув до Києва.", "у вівторок", model.TypeDate, "2022-02-08"},
		{"uk", "Радники зберуться в Берліні в четвер.", "в четвер", model.TypeDate, "2022-02-10"},
		{"uk", "Вторгнення почалося 24 лютого 2022 року.", "24 лютого 2022 року", model.TypeDate, "2022-02-24"},
		{"uk", "Розмова відбулася вчора ввечері.", "вчора ввечері", model.TypeTime, "2022-02-07TEV"},
		{"uk", "Рішення ухвалять наступного тижня.", "наступного тижня", model.TypeDate, "2022-W07"},
		{"uk", "Переговори тривали п'ять годин.", "п'ять годин", model.TypeDuration, "PT5H"},
		{"uk", "Світло зникло після вчорашнього обстрілу.", "після вчорашнього", model.TypeDate, "2022-02-07"},
		{"uk", "Він назвав 2023-й роком перемоги.", "2023-й", model.TypeDate, "2023"},
		{"ru", "Выборы пройдут в 2024-м году.", "в 2024-м году", model.TypeDate, "2024"},
		{"uk", "Зеленський в ніч на вівторок оголосив рішення.", "в ніч на вівторок", model.TypeTime, "2022-02-07TNI"},
		{"ru", "Путин в понедельник принял Макрона.", "в понедельник", model.TypeDate, "2022-02-07"},
		{"ru", "Учения продлятся до 20 февраля.", "до 20 февраля", model.TypeDate, "2022-02-20"},
		{"ru", "Войска пришли в январе.", "в январе", model.TypeDate, "2022-01"},
		{"ru", "Это случилось два дня назад.", "два дня назад", model.TypeDate, "2022-02-06"},
		{"de", "Scholz reiste am 15. Februar 2022 nach Moskau.", "am 15. Februar 2022", model.TypeDate, "2022-02-15"},
		{"de", "Die Minister trafen sich gestern.", "gestern", model.TypeDate, "2022-02-07"},
		{"de", "Am Samstagabend kam die Wende.", "Am Samstagabend", model.TypeTime, "2022-02-05TEV"},
		{"de", "Der Kanzler wird am Mittwoch sprechen.", "am Mittwoch", model.TypeDate, "2022-02-09"},
		{"de", "Die Lieferung kam vor zwei Tagen.", "vor zwei Tagen", model.TypeDate, "2022-02-06"},
		{"de", "Die Konferenz dauert bis Sonntag.", "bis Sonntag", model.TypeDate, "2022-02-13"},
		{"de", "Am Sonntagmorgen begann der Angriff.", "Am Sonntagmorgen", model.TypeTime, "2022-02-06TMO"},
		{"uk", "У п'ятницю підписали угоду, яка має розблокувати порти.", "У п'ятницю", model.TypeDate, "2022-02-04"},
		{"uk", "Засідання призначили на п'ятницю.", "на п'ятницю", model.TypeDate, "2022-02-11"},
		{"fr", "Macron était à Moscou lundi.", "lundi", model.TypeDate, "2022-02-07"},
		{"fr", "Le sommet aura lieu le 24 février.", "le 24 février", model.TypeDate, "2022-02-24"},
		{"fr", "Il se rendra à Berlin la semaine prochaine.", "la semaine prochaine", model.TypeDate, "2022-W07"},
		{"fr", "Le séisme a frappé lundi à 4 h 17.", "lundi à 4 h 17", model.TypeTime, "2022-02-07T04:17"},
		{"fr", "Les élections ont eu lieu les 12 et 19 juin 2021.", "les 12 et 19 juin 2021", model.TypeDate, "2021-06-12"},
		// Dates in digits, ranges of days, clock times of each language.
		{"de", "Hinweise (Stand: 24.02.2022) gibt das Amt.", "24.02.2022", model.TypeDate, "2022-02-24"},
		{"ru", "В последний раз сделку продлили 17.05.2023.", "17.05.2023", model.TypeDate, "2023-05-17"},
		{"fr", "Mis à jour le 24/06/2023.", "le 24/06/2023", model.TypeDate, "2023-06-24"},
		{"ru", "Голосование прошло с 23 по 27 сентября.", "с 23 по 27 сентября", model.TypeDate, "2021-09-23"},
		{"fr", "Les référendums auront lieu du 23 au 27 septembre.", "du 23 au 27 septembre", model.TypeDate, "2022-09-23"},
		{"de", "Gegen 6.20 Uhr war das Feuer gelöscht.", "6.20 Uhr", model.TypeTime, "2022-02-08T06:20"},
		{"ru", "Около 5 утра колонна вошла в город.", "5 утра", model.TypeTime, "2022-02-08T05:00"},
		{"uk", "Вторгнення почалося о 5-й ранку.", "о 5-й ранку", model.TypeTime, "2022-02-08T05:00"},
		// A night "to" a day is the night of the day before.
		{"ru", "В ночь на субботу колонны вошли в Ростов.", "В ночь на субботу", model.TypeTime, "2022-02-04TNI"},
		{"de", "In der Nacht zum Freitag brach ein Feuer aus.", "In der Nacht zum Freitag", model.TypeTime, "2022-02-03TNI"},
		{"fr", "L'attaque a eu lieu dans la nuit de dimanche à lundi.", "dans la nuit de dimanche à lundi", model.TypeTime, "2022-02-06TNI"},
		// Parts of the day that only follow a day word; weeks, weekends.
		{"de", "Heute Morgen schlugen Raketen ein.", "Heute Morgen", model.TypeTime, "2022-02-08TMO"},
		{"de", "Die Speicher waren Mitte der Woche voll.", "Mitte der Woche", model.TypeDate, "2022-W06"},
		{"uk", "Санкції ухвалять на цих вихідних.", "на цих вихідних", model.TypeDate, "2022-W06-WE"},
		{"de", "Am Mittwoch vergangener Woche sprach er.", "Am Mittwoch vergangener Woche", model.TypeDate, "2022-02-02"},
		// Tense: "für" looks ahead; a fronted weekday takes the tense
		// of the clause after its comma.
		{"de", "Scholz kündigte für Sonntag ein Paket an.", "für Sonntag", model.TypeDate, "2022-02-13"},
		{"fr", "Jeudi, le Conseil de sécurité se réunira.", "Jeudi", model.TypeDate, "2022-02-10"},
		// Years said with their noun, ago, decades.
		{"de", "Das Abkommen soll im Jahr 2050 greifen.", "im Jahr 2050", model.TypeDate, "2050"},
		{"de", "Vor einem Jahr war das anders.", "Vor einem Jahr", model.TypeDate, "2021"},
		{"uk", "Рік тому почалася війна.", "Рік тому", model.TypeDate, "2021"},
		{"de", "Das war vor knapp zwei Wochen.", "zwei Wochen", model.TypeDate, "2022-01-25"},
		// Seasons by tense, as in English; German years opening a sentence.
		{"de", "Im Sommer wird es schwierig.", "Im Sommer", model.TypeDate, "2022-SU"},
		{"fr", "L'été dernier, la sécheresse a frappé.", "L'été", model.TypeDate, "2021-SU"},
		{"de", "2014 annektierte Russland die Krim.", "2014", model.TypeDate, "2014"},
		{"fr", "Il était à Moscou il y a deux jours.", "deux jours", model.TypeDate, "2022-02-06"},
		{"de", "In den 1990er Jahren war das anders.", "den 1990er Jahren", model.TypeDate, "199"},
		{"fr", "Il a parlé avec Poutine en juillet de l'année dernière.", "en juillet de l'année dernière", model.TypeDate, "2021-07"},
		{"de", "Die Konferenz ging am Samstag, dem 12. Dezember, zu Ende.", "am Samstag, dem 12. Dezember", model.TypeDate, "2021-12-12"},
		// German tells what is to come in the present: a weekday is the
		// next one unless its clause is in the past.
		{"de", "Am Mittwoch kehrt Scholz nach Berlin zurück.", "Am Mittwoch", model.TypeDate, "2022-02-09"},
		{"de", "Am Mittwoch telefonierte Scholz mit Biden.", "Am Mittwoch", model.TypeDate, "2022-02-02"},
		{"de", "Am Mittwoch hat Scholz mit Biden gesprochen.", "Am Mittwoch", model.TypeDate, "2022-02-02"},
		{"de", "Seit Montag gilt der Ausnahmezustand.", "Seit Montag", model.TypeDate, "2022-02-07"},
		// Which weekday a word says, never the publication day itself.
		{"fr", "Jeudi dernier, Macron a appelé Poutine.", "Jeudi dernier", model.TypeDate, "2022-02-03"},
		{"fr", "Mardi dernier, il était à Moscou.", "Mardi dernier", model.TypeDate, "2022-02-01"},
		{"de", "Der Gipfel ist am kommenden Dienstag.", "Dienstag", model.TypeDate, "2022-02-15"},
		{"ru", "В минувшую субботу Путин провел учения.", "субботу", model.TypeDate, "2022-02-05"},
		{"de", "Am nächsten Tag reiste er ab.", "Am nächsten Tag", model.TypeDate, "2022-02-09"},
		{"fr", "Mi-février, la tension est montée.", "Mi-février", model.TypeDate, "2022-02"},
		{"fr", "Mis à jour le 24/06/2023 à 21 h 05.", "le 24/06/2023 à 21 h 05", model.TypeTime, "2023-06-24T21:05"},
		// A month's short form that is a number: sept jours.
		{"fr", "Le deuil national est de sept jours.", "de sept jours", model.TypeDuration, "P7D"},
		// Months said relative to the publication month.
		{"de", "Die Preise stiegen vergangenen Monat.", "vergangenen Monat", model.TypeDate, "2022-01"},
		{"ru", "В прошлом месяце цены выросли.", "В прошлом месяце", model.TypeDate, "2022-01"},
		{"uk", "Минулого місяця ціни зросли.", "Минулого місяця", model.TypeDate, "2022-01"},
		{"fr", "Les prix ont augmenté le mois dernier.", "le mois dernier", model.TypeDate, "2022-01"},
		// A later month of a German clause in the past is last year's,
		// unless a preposition looks ahead.
		{"de", "Im Mai hatte Scholz davor gewarnt.", "Im Mai", model.TypeDate, "2021-05"},
		{"de", "Nach dem Streit im Juni liefen die Werke weiter.", "im Juni", model.TypeDate, "2021-06"},
		{"de", "Das Ziel für Anfang Mai war schon erreicht.", "Anfang Mai", model.TypeDate, "2022-05"},
		{"de", "Im Mai wird gewählt.", "Im Mai", model.TypeDate, "2022-05"},
		// A German year beside its verb; a clock time with its part.
		{"de", "Das erste Werk war 1961 in Kahl ans Netz gegangen.", "1961", model.TypeDate, "1961"},
		{"de", "Die Zahl lag niedriger, 2021 waren es 21.000.", "2021", model.TypeDate, "2021"},
		{"de", "Die Polizei war seit 6 Uhr früh im Einsatz.", "seit 6 Uhr früh", model.TypeTime, "2022-02-08T06:00"},
		{"de", "Die Sitzung endete um 8 Uhr abends.", "um 8 Uhr abends", model.TypeTime, "2022-02-08T20:00"},
		{"de", "Die Gespräche sollen bis zum Wochenende dauern.", "bis zum Wochenende", model.TypeDate, "2022-W06-WE"},
		{"de", "Bis zum Abend sank die Zahl.", "Bis zum Abend", model.TypeTime, "2022-02-08TEV"},
		{"de", "Das war vorige Woche.", "vorige Woche", model.TypeDate, "2022-W05"},
		// Russian weekends, a weekday with an hour "about", a night from
		// one day to the next, the middle of a month.
		{"ru", "В минувшие выходные прошли учения.", "В минувшие выходные", model.TypeDate, "2022-W05-WE"},
		{"ru", "Концерты отменены до конца выходных.", "до конца выходных", model.TypeDate, "2022-W06-WE"},
		{"ru", "Колонна вошла в город в пятницу около 20:00.", "в пятницу около 20:00", model.TypeTime, "2022-02-04T20:00"},
		{"ru", "Удар нанесли в ночь с 23 на 24 января.", "в ночь с 23 на 24 января", model.TypeTime, "2022-01-23TNI"},
		{"ru", "Переговоры пройдут в середине марта.", "в середине марта", model.TypeDate, "2022-03"},
		{"ru", "Задержанных стало больше к утру.", "к утру", model.TypeTime, "2022-02-08TMO"},
		// A word that is a part of the day only after a day word is no
		// part after a day in digits.
		{"ru", "Путин объявил 24 марта днем траура.", "24 марта", model.TypeDate, "2022-03-24"},
		// A range across months; weeks in the accusative; a part of the
		// day with its hour; a night in the past is the last one.
		{"ru", "Нерабочими объявлены дни с 30 января по 5 февраля.", "с 30 января по 5 февраля", model.TypeDate, "2022-01-30"},
		{"ru", "Путин объявил следующую неделю нерабочей.", "следующую неделю", model.TypeDate, "2022-W07"},
		{"de", "Der Lastwagen raste gestern Abend gegen 20 Uhr in den Markt.", "gestern Abend gegen 20 Uhr", model.TypeTime, "2022-02-07T20:00"},
		{"ru", "Ночью Путин подписал указы.", "Ночью", model.TypeTime, "2022-02-07TNI"},
		{"de", "In der Nacht wurde ein Verdächtiger festgenommen.", "In der Nacht", model.TypeTime, "2022-02-07TNI"},
		{"de", "In der Nacht bleibt es trocken.", "In der Nacht", model.TypeTime, "2022-02-08TNI"},
		{"ru", "Госдума должна рассмотреть договор, Совет Федерации — в пятницу.", "в пятницу", model.TypeDate, "2022-02-11"},
		// A season of a year said; a weekday and its part in one word.
		{"de", "Im Frühjahr 2021 begann der Bau.", "Im Frühjahr 2021", model.TypeDate, "2021-SP"},
		{"ru", "Летом прошлого года прошли учения.", "Летом прошлого года", model.TypeDate, "2021-SU"},
		{"de", "Am Freitagfrüh kam die Nachricht.", "Am Freitagfrüh", model.TypeTime, "2022-02-04TMO"},
		{"de", "Im laufenden Jahr wächst die Wirtschaft kaum.", "Im laufenden Jahr", model.TypeDate, "2022"},
		// A year after a weak Präteritum; a weekday of yesterday
		// or tomorrow in words; a year in the dative; noon after a
		// day word.
		{"de", "Die Wirtschaft schrumpfte 2023 deutlich.", "2023", model.TypeDate, "2023"},
		{"de", "Am gestrigen Montag ist er gelandet.", "Montag", model.TypeDate, "2022-02-07"},
		{"de", "Am morgigen Mittwoch wird gewählt.", "Mittwoch", model.TypeDate, "2022-02-09"},
		{"de", "Seit vergangenem Jahr gilt das Gesetz.", "Seit vergangenem Jahr", model.TypeDate, "2021"},
		{"de", "Er spricht heute Mittag.", "heute Mittag", model.TypeTime, "2022-02-08T12:00"},
		// A year after the noun it dates.
		{"de", "Der Bundestag soll den Haushalt 2024 beschließen.", "2024", model.TypeDate, "2024"},
		{"de", "Bei der Wahl 2021 siegte die SPD.", "2021", model.TypeDate, "2021"},
		{"de", "Bei der letzten Wahl 2017 verlor sie.", "2017", model.TypeDate, "2017"},
		{"de", "Es kamen viermal so viele wie 2014.", "2014", model.TypeDate, "2014"},
		{"de", "Die SPD holte mehr Stimmen als 2017.", "2017", model.TypeDate, "2017"},
		{"de", "Seit vergangenem Herbst steigen die Preise.", "Herbst", model.TypeDate, "2021-FA"},
		{"de", "Kommenden Sommer beginnt der Bau.", "Sommer", model.TypeDate, "2022-SU"},
		// Sets; days, weeks and parts of the day in one word or phrase.
		{"ru", "Инспекции проводились каждый день.", "каждый день", model.TypeSet, "P1D"},
		{"de", "Der Bericht erscheint jährlich.", "jährlich", model.TypeSet, "P1Y"},
		{"uk", "Обстріли тривають щодня.", "щодня", model.TypeSet, "P1D"},
		{"fr", "Les inspections ont lieu chaque semaine.", "chaque semaine", model.TypeSet, "P1W"},
		{"de", "Tags zuvor hatte er gewarnt.", "Tags zuvor", model.TypeDate, "2022-02-07"},
		{"de", "Zur Wochenmitte soll es regnen.", "Zur Wochenmitte", model.TypeDate, "2022-W06"},
		{"ru", "Решение примут к концу недели.", "к концу недели", model.TypeDate, "2022-W06"},
		{"ru", "Заседание прошло во второй половине дня.", "во второй половине дня", model.TypeTime, "2022-02-08TAF"},
	} {
		got := DatesIn([]string{tc.para}, pub, tc.lang)
		if len(got) != 1 {
			t.Errorf("%s %q: %d dates %+v, want 1", tc.lang, tc.para, len(got), got)
			continue
		}
		d := got[0]
		if d.Text != tc.text || d.Type != tc.typ || d.Value != tc.value {
			t.Errorf("%s %q: got %q %s %s, want %q %s %s", tc.lang, tc.para, d.Text, d.Type, d.Value, tc.text, tc.typ, tc.value)
		}
	}
}

// The expressions of one paragraph that depend on each other: the day
// named before an hour, the tense of the clause before a dash.
func TestDatesInLanguagesSequences(t *testing.T) {
	feb8, nov7 := model.NewDay(2022, 2, 8), model.NewDay(2024, 11, 7) // a Tuesday, a Thursday
	for _, tc := range []struct {
		lang, para string
		pub        model.Date
		values     []string
	}{
		{"de", "Am Montag um 2.03 Uhr und um 19.04 Uhr gab es Explosionen.", feb8, []string{"2022-02-07T02:03", "2022-02-07T19:04"}},
		{"ru", "В понедельник Путин посетил больницу. Следующий выпуск новостей — в 21:00.", feb8, []string{"2022-02-07", "2022-02-08T21:00"}},
		{"ru", "Госдума должна рассмотреть договор в четверг, Совет Федерации — в пятницу.", feb8, []string{"2022-02-10", "2022-02-11"}},
		// A relative day after an hour names its day; the hours after a
		// night are of its evening or the morning after.
		{"de", "Kurz vor 19 Uhr verlas er gestern eine Erklärung.", feb8, []string{"2022-02-07T19:00", "2022-02-07"}},
		// A second year after a conjunction; not a count.
		{"de", "Die Preise stiegen seit 2020 und 2021 stark.", feb8, []string{"2020", "2021"}},
		{"de", "Seit 2020 und 2000 Soldaten mehr ist alles anders.", feb8, []string{"2020"}},
		{"de", "In der Nacht zum Freitag gaben die Grenzer gegen 23.30 Uhr nach, um 1 Uhr war das Tor offen.", feb8, []string{"2022-02-03TNI", "2022-02-03T23:30", "2022-02-04T01:00"}},
		// A weekday-and-part word and its hour are one time; midnight;
		// sets with pro.
		{"de", "Der Streik begann am Montagabend um 18 Uhr.", feb8, []string{"2022-02-07T18:00"}},
		{"de", "Seit Mitternacht gilt das Gesetz.", feb8, []string{"2022-02-08T00:00"}},
		{"de", "Sie arbeiten 38 Stunden pro Woche.", feb8, []string{"PT38H", "P1W"}},
		// A strong Präteritum with a prefix tells the past.
		{"de", "Am Montag unterschrieb er den Vertrag.", feb8, []string{"2022-02-07"}},
		// The evening before; last night.
		{"de", "Am Montag unterzeichnete er, am Vorabend hatte er gezögert.", feb8, []string{"2022-02-07", "2022-02-06TEV"}},
		{"de", "In der vergangenen Nacht griffen Drohnen an.", feb8, []string{"2022-02-07TNI"}},
		// Morgen capitalized inside a sentence is the morning.
		{"de", "Guten Morgen, meine Damen und Herren.", feb8, nil},
		{"de", "Sie feierten bis in den Morgen.", feb8, []string{"2022-02-08TMO"}},
		// A month well before the publication month in a German
		// sentence about what comes is next year's; "seit" looks back.
		{"de", "Scholz will am 15. Januar die Vertrauensfrage stellen.", nov7, []string{"2025-01-15"}},
		{"de", "Der Streit um den Etat für das kommende Jahr hatte sich seit dem Sommer zugespitzt.", nov7, []string{"2025", "2024-SU"}},
		{"de", "Scholz hatte am 15. Januar die Vertrauensfrage gestellt.", nov7, []string{"2024-01-15"}},
		// A year ends with its sentence, also after German marks that
		// the shared splitter reads as one sentence.
		{"de", "„Wir wollen das“, sagte Scholz. Der Ausstieg soll bis 2030 gelingen. Die Abstimmung dauert bis Anfang Dezember.", nov7, []string{"2030", "2024-12"}},
	} {
		var got []string
		for _, d := range DatesIn([]string{tc.para}, tc.pub, tc.lang) {
			got = append(got, d.Value)
		}
		if strings.Join(got, " ") != strings.Join(tc.values, " ") {
			t.Errorf("%s %q: got %v, want %v", tc.lang, tc.para, got, tc.values)
		}
	}
}

// A number of things after a German verb of the past is no year.
func TestDatesInLanguagesNoYear(t *testing.T) {
	pub := model.NewDay(2022, 2, 8)
	for _, p := range []string{"Im Einsatz waren 2000 Soldaten.", "Am Ende waren 2000 Menschen auf der Straße.", "Die Agenda 2030 der UN gilt weiter.", "Es starben mehr als 2000.", "Es kamen die Schüler 2000 Mal."} {
		if got := DatesIn([]string{p}, pub, "de"); len(got) != 0 {
			t.Errorf("%q: got %+v, want no date", p, got)
		}
	}
}

func TestFiguresInLanguages(t *testing.T) {
	pub := model.NewDay(2022, 2, 8)
	for _, tc := range []struct {
		lang, para string
		value      float64
		unit       string
	}{
		{"uk", "Біля кордону перебувають понад 100 тисяч російських військових.", 100000, "військових"},
		{"uk", "Загинули щонайменше п'ятеро людей.", 5, "людей"},
		{"ru", "Эвакуировать нужно 2,3 миллиона человек.", 2.3e6, "человек"},
		{"ru", "Границу пересекли 110 000 беженцев.", 110000, "беженцев"},
		{"de", "An der Grenze stehen 110.000 Soldaten.", 110000, "soldaten"},
		{"de", "Die SPD kam auf 25,7 Prozent.", 25.7, "percent"},
		{"de", "Das Sondervermögen beträgt 100 Milliarden Euro.", 1e11, "EUR"},
		{"fr", "Plus de 110\u202f000 soldats sont massés.", 110000, "soldats"},
		{"fr", "Macron a obtenu 58,5 % des voix.", 58.5, "percent"},
	} {
		paras := []string{tc.para}
		got := FiguresIn(paras, DatesIn(paras, pub, tc.lang), tc.lang)
		if len(got) != 1 {
			t.Errorf("%s %q: %d figures %+v, want 1", tc.lang, tc.para, len(got), got)
			continue
		}
		if f := got[0]; math.Abs(f.Value-tc.value) > 1e-6*tc.value || f.Unit != tc.unit {
			t.Errorf("%s %q: got %g %s, want %g %s", tc.lang, tc.para, f.Value, f.Unit, tc.value, tc.unit)
		}
	}
	// The day numbers and years of dates and the article ein are no figures.
	for _, tc := range []struct{ lang, para string }{
		{"uk", "Навчання триватимуть до 20 лютого 2022 року."},
		{"de", "Der Kanzler sprach von einer Zeitenwende."},
		{"fr", "Le 7 février, un accord semblait possible."},
	} {
		paras := []string{tc.para}
		if got := FiguresIn(paras, DatesIn(paras, pub, tc.lang), tc.lang); len(got) != 0 {
			t.Errorf("%s %q: got figures %+v, want none", tc.lang, tc.para, got)
		}
	}
}

// The anchors of relative days: "напередодні" counts from a day its
// sentence names, else from the day the lede names (the news of the
// day, not the background date last named); "того ж дня" from the last
// day named, a time of a day too; a month takes the year its sentence
// named before it.
func TestDatesInLanguagesAnchors(t *testing.T) {
	for _, tc := range []struct {
		lang, pub string
		paras     []string
		want      []string // text=value
	}{
		{"ru", "2022-03-02", []string{"НЬЮ-ЙОРК, 2 марта. Генассамблея в среду приняла резолюцию.", "На прошлой неделе, 24 февраля, началась операция. Накануне дипломаты покинули зал."},
			[]string{"2 марта=2022-03-02", "в среду=2022-03-02", "На прошлой неделе=2022-W08", "24 февраля=2022-02-24", "Накануне=2022-03-01"}},
		{"ru", "2022-09-22", []string{"МОСКВА, 22 сентября. Путин в среду утром объявил о мобилизации. Указ вступил в силу в тот же день."},
			[]string{"22 сентября=2022-09-22", "в среду утром=2022-09-21TMO", "в тот же день=2022-09-21"}},
		{"ru", "2023-07-17", []string{"В прошлом году Россия уже приостанавливала сделку — в конце октября."},
			[]string{"В прошлом году=2022", "в конце октября=2022-10"}},
		{"de", "2022-10-10", []string{"Für morgen ist ein Gipfel angesetzt. Scholz sicherte am Nachmittag Hilfe zu."},
			[]string{"Für morgen=2022-10-11", "am Nachmittag=2022-10-10TAF"}},
		{"uk", "2023-02-24", []string{"Рік тому, 24.02.2022, о 5-й ранку почалося вторгнення."},
			[]string{"Рік тому=2022", "24.02.2022=2022-02-24", "о 5-й ранку=2022-02-24T05:00"}},
		{"ru", "2023-06-24", []string{"Мэр объявил понедельник нерабочим днем."},
			[]string{"понедельник=2023-06-19"}},
		// "Im Vorjahr" counts from the past year the paragraph writes in
		// digits, else from publication; a quarter takes its year as a
		// month does, "das Vorquartal" the one before.
		{"de", "2024-01-15", []string{"Die Wirtschaft sank 2023 um 0,3 Prozent. Im Vorjahr war sie gewachsen.", "Im vierten Quartal sank sie gegenüber dem Vorquartal, im ersten Halbjahr 2024 soll sie wachsen.", "Im Vorjahr stiegen die Preise, im Vormonat und in der Vorwoche sanken sie."},
			[]string{"2023=2023", "Im Vorjahr=2022", "Im vierten Quartal=2023-Q4", "dem Vorquartal=2023-Q3", "im ersten Halbjahr 2024=2024-H1", "Im Vorjahr=2023", "im Vormonat=2023-12", "in der Vorwoche=2024-W02"}},
		// The weekdays of a week the sentence named; "im Laufe des
		// Tages" of the sentence's day; a weekend in the past,
		// published on a weekday, the last one; "bis zum Herbst" the
		// one ahead, in a clause of the past too.
		{"de", "2024-03-12", []string{"Vergangene Woche streikte die GDL von Donnerstag bis Freitag.", "Am Mittwoch soll im Laufe des Tages ein Angebot kommen.", "Seit dem Wochenende ist die Brücke gesperrt, für das Wochenende wird Regen erwartet.", "Die Länder wollten den Start bis zum Herbst verschieben."},
			[]string{"Vergangene Woche=2024-W10", "von Donnerstag=2024-03-07", "bis Freitag=2024-03-08", "Am Mittwoch=2024-03-13", "im Laufe des Tages=2024-03-13", "Seit dem Wochenende=2024-W10-WE", "für das Wochenende=2024-W11-WE", "bis zum Herbst=2024-FA"}},
		// In a German quote, "heute" is the day the lede names when
		// the article appears after it.
		{"de", "2024-07-06", []string{"Deutschland verlor am Freitagabend. Heute ist Ruhetag.", "„Heute tut es weh“, sagte der Trainer."},
			[]string{"am Freitagabend=2024-07-05TEV", "Heute=2024-07-06", "Heute=2024-07-05"}},
		// Holidays, fixed and from Easter; the day after and the
		// week after next in words.
		{"de", "2024-04-01", []string{"In der Nacht zum Ostermontag feierten Hunderte.", "An Weihnachten 2022 war es kalt, Pfingsten 2023 warm.", "Über Ostern bleiben die Schulen zu, übernächste Woche öffnen sie."},
			[]string{"In der Nacht zum Ostermontag=2024-03-31TNI", "An Weihnachten 2022=2022-12-25", "Pfingsten 2023=2023-05-28", "Ostern=2024-03-31", "übernächste Woche=2024-W16"}},
		{"de", "2022-02-08", []string{"Am Montag landete er, am Tag danach reiste er ab."},
			[]string{"Am Montag=2022-02-07", "am Tag danach=2022-02-08"}},
		// A year written with a day is the sentence's: a month after it
		// takes that year, not the one before publication.
		{"de", "2024-09-23", []string{"Das Ticket war am 1. Mai 2023 gestartet, der Verkauf hatte am 3. April begonnen."},
			[]string{"am 1. Mai 2023=2023-05-01", "am 3. April=2023-04-03"}},
	} {
		pub, _ := model.ParseDate(tc.pub, false)
		var got []string
		for _, d := range DatesIn(tc.paras, pub, tc.lang) {
			got = append(got, d.Text+"="+d.Value)
		}
		if strings.Join(got, "; ") != strings.Join(tc.want, "; ") {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.lang, tc.paras, got, tc.want)
		}
	}
}

// A figure in the first sentence of a quote of several sentences (the
// sentences of «…» split inside the marks): AttributeFigures read the
// attribution from the quote's close to the end of the figure's
// sentence, which lies before the close, and panicked.
func TestFigureInLongQuoteInLanguage(t *testing.T) {
	m := langMatcher(t)
	paras := []string{"«Ми збили 5 літаків. Ми вистоїмо», — сказав Зеленський."}
	pub := model.NewDay(2022, 2, 26)
	dates := DatesIn(paras, pub, "uk")
	figs := FiguresIn(paras, dates, "uk")
	if len(figs) != 1 || figs[0].Value != 5 || figs[0].Unit != "літаків" {
		t.Fatalf("figures %+v, want 5 літаків", figs)
	}
	AttributeFigures(figs, paras, m, dates)
	if figs[0].RefersTo != "" {
		t.Errorf("refers to %q, want none (the paragraph names no date)", figs[0].RefersTo)
	}
}

// German magazines quote in »…«, which the figure attribution's marks
// (« opens, » closes) read backwards: the span opens at the « that
// closes a quote and runs into later sentences, so a figure in a later
// sentence lay in a quote that opened before its sentence began, and
// AttributeFigures sliced the words before the quote from the figure's
// sentence start to the quote's open, backwards, and panicked.
func TestFigureAfterGermanGuillemets(t *testing.T) {
	m := langMatcher(t)
	paras := []string{"»Russland ist kein verlässlicher Lieferant mehr«, sagte Scholz. Die Gasspeicher seien zu 85 Prozent gefüllt."}
	pub := model.NewDay(2022, 9, 3)
	dates := DatesIn(paras, pub, "de")
	figs := FiguresIn(paras, dates, "de")
	if len(figs) != 1 || figs[0].Value != 85 || figs[0].Unit != "percent" {
		t.Fatalf("figures %+v, want 85 percent", figs)
	}
	AttributeFigures(figs, paras, m, dates)
}

// English and an unknown language keep the English readers.
func TestLanguageFallsBackToEnglish(t *testing.T) {
	m := newTestMatcher(t)
	paras := []string{"“We will not back down,” Scholz said on Monday."}
	pub := model.NewDay(2022, 2, 8)
	for _, lang := range []string{"", "en", "en-GB", "xx"} {
		if got, want := QuotesIn(paras, m, lang), Quotes(paras, m); len(got) != len(want) || len(got) != 1 || got[0] != want[0] {
			t.Errorf("%q: quotes %+v, want the English reader's %+v", lang, got, want)
		}
		if got, want := DatesIn(paras, pub, lang), Dates(paras, pub); len(got) != len(want) || len(got) == 0 || got[0].Value != want[0].Value {
			t.Errorf("%q: dates %+v, want the English reader's %+v", lang, got, want)
		}
	}
}

// An article that declares no language is read in the site's.
func TestArticleInSiteLanguage(t *testing.T) {
	m := langMatcher(t)
	loaded := &model.Article{Source: model.Source{File: "content/articles/a.md", Body: "«Ми вистоїмо», — сказав Зеленський у вівторок.\n"}, Date: model.NewDay(2022, 2, 8)}
	for _, tc := range []struct {
		site, lang string
		quotes     int
	}{{"uk", "", 1}, {"en", "uk", 1}, {"en", "", 0}} {
		a := *loaded
		a.Language = tc.lang
		got, _ := Article(&a, m, nil, Options{Language: tc.site})
		if len(got.Quotes) != tc.quotes {
			t.Errorf("site %q, article %q: %d quotes %+v, want %d", tc.site, tc.lang, len(got.Quotes), got.Quotes, tc.quotes)
		}
		if tc.quotes == 1 && (got.Quotes[0].Speaker != "volodymyr-zelensky" || len(got.Dates) != 1 || got.Dates[0].Value != "2022-02-08") {
			t.Errorf("site %q, article %q: quotes %+v, dates %+v, want Zelensky's and 2022-02-08", tc.site, tc.lang, got.Quotes, got.Dates)
		}
	}
}

// BenchmarkExtractLanguages runs the readers of each language with a
// lexicon over the train articles of its corpus: quotes, dates, figures
// and their attribution, as an article of a site is read.
func BenchmarkExtractLanguages(b *testing.B) {
	for _, lang := range corpusLanguages {
		m, arts := loadCorpusDir(b, filepath.Join("testdata", "corpus-"+lang))
		var docs [][]string
		var pubs []model.Date
		for _, a := range arts {
			if a.split() != splitTrain {
				continue
			}
			paras := make([]string, len(a.Paragraphs))
			for i, p := range a.Paragraphs {
				paras[i] = p.Text
			}
			pub, _ := model.ParseDate(a.Published, false)
			docs, pubs = append(docs, paras), append(pubs, pub)
		}
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for k, paras := range docs {
					QuotesIn(paras, m, lang)
					ds := DatesIn(paras, pubs[k], lang)
					fs := FiguresIn(paras, ds, lang)
					AttributeFigures(fs, paras, m, ds)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
		})
	}
}

// The readers of other languages stay linear on a run-on paragraph of
// the shapes that look around them (dates in digits, nights to a day,
// weekdays of a week in words, quotes joined in one sentence): each looks
// a bounded number of words around itself.
func TestRunOnLanguageParagraphsAreLinear(t *testing.T) {
	m := langMatcher(t)
	pub := model.NewDay(2022, 2, 8)
	for _, tc := range []struct{ lang, unit string }{
		{"de", "am 24.02.2022, in der Nacht zum Freitag, am Mittwoch vergangener Woche, vor knapp zwei Wochen, "},
		{"ru", "с 23 по 27 сентября, в ночь на субботу, в 5 утра, накануне, в конце октября, "},
		{"fr", "le 24/06/2023 à 21 h 05, jeudi dernier, dans la nuit de dimanche à lundi, une « trahison » et un « coup », "},
	} {
		read := func(n int) {
			paras := []string{strings.Repeat(tc.unit, n)}
			ds := DatesIn(paras, pub, tc.lang)
			QuotesIn(paras, m, tc.lang)
			if len(ds) < n {
				t.Fatalf("%s: %d dates in %d units", tc.lang, len(ds), n)
			}
		}
		if g := allocGrowth(read, 100); g > 8 {
			t.Errorf("%s: 4× the paragraph allocates %.1f× the bytes: quadratic", tc.lang, g)
		}
	}
}

// FuzzLanguageReaders: the readers of every language with a lexicon
// never panic, and every quote and date they return is a span of its
// paragraph.
func FuzzLanguageReaders(f *testing.F) {
	for _, s := range []string{
		"«Ми вистоїмо», — сказав Зеленський у вівторок, 24.02.2022, о 5-й ранку.",
		"В ночь на субботу, с 23 по 27 сентября, «Северного потока — 2» «не будет».",
		"»Wir liefern«, sagte Scholz am 24.2. gegen 6.20 Uhr, vor knapp 2 Wochen.",
		"le 24/06/2023 à 21 h 05, jeudi dernier, une « trahison » et un « coup ».",
		"1 2. 3/ 4- 5-й –", "»«»«", "« »", "вночі на", "dans la nuit de",
	} {
		f.Add(s)
	}
	m := langMatcher(f)
	pub := model.NewDay(2022, 2, 8)
	f.Fuzz(func(t *testing.T, p string) {
		paras := []string{p}
		for _, lang := range corpusLanguages {
			for _, q := range QuotesIn(paras, m, lang) {
				if q.Start < 0 || q.End > len(p) || p[q.Start:q.End] != q.Text {
					t.Fatalf("%s: quote %+v is no span of %q", lang, q, p)
				}
			}
			ds := DatesIn(paras, pub, lang)
			for _, d := range ds {
				if d.Start < 0 || d.End > len(p) || p[d.Start:d.End] != d.Text {
					t.Fatalf("%s: date %+v is no span of %q", lang, d, p)
				}
			}
			fs := FiguresIn(paras, ds, lang)
			AttributeFigures(fs, paras, m, ds)
		}
	})
}
