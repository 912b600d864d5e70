package names

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/adrg/strutil/metrics"

	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/model"
)

func TestThresholdOnCrisisNames(t *testing.T) {
	jw := metrics.NewJaroWinkler()
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"Schultz", "Scholz", 0.89}, {"Barbuk", "Baerbock", 0.86}, {"Scholz", "Shoigu", 0.70},
	} {
		got := jw.Compare(tt.a, tt.b)
		if math.Abs(got-tt.want) > 0.006 {
			t.Errorf("JaroWinkler(%s, %s) = %.3f, want %.2f", tt.a, tt.b, got, tt.want)
		}
		if (got >= Threshold) != (tt.want >= Threshold) {
			t.Errorf("%s/%s on the wrong side of the threshold", tt.a, tt.b)
		}
	}
}

func TestKey(t *testing.T) {
	same := [][2]string{{"Schultz", "Scholz"}, {"Schulz", "Scholz"}, {"Putine", "Putin"}, {"Kiev", "Kyiv"}, {"Zelensky", "Zelenskyy"}, {"Barbuk", "Baerbock"}}
	for _, p := range same {
		if Key(p[0]) != Key(p[1]) {
			t.Errorf("Key(%s) = %q, Key(%s) = %q; want equal", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	for _, p := range [][2]string{{"Scholz", "Shoigu"}, {"Putin", "Peskov"}, {"Macron", "Merkel"}} {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("Key(%s) = Key(%s) = %q", p[0], p[1], Key(p[0]))
		}
	}
}

func actor(slug, name, kind string, aliases, missp []string) *model.Actor {
	return &model.Actor{Source: model.Source{File: "content/actors/" + slug + ".md", Slug: slug}, Name: name, Kind: kind,
		Aliases: aliases, Misspellings: missp, AliasLines: map[string]int{}}
}

func testSite(t *testing.T, bodies map[string]string) *model.Site {
	t.Helper()
	actors := []*model.Actor{
		actor("olaf-scholz", "Olaf Scholz", model.Person, []string{"Scholz", "Chancellor Scholz"}, []string{"Schulz"}),
		actor("vladimir-putin", "Vladimir Putin", model.Person, []string{"Putin"}, nil),
		actor("annalena-baerbock", "Annalena Baerbock", model.Person, []string{"Baerbock"}, nil),
		actor("emmanuel-macron", "Emmanuel Macron", model.Person, []string{"Macron"}, nil),
		actor("russia", "Russia", model.Country, []string{"Moscow", "the Kremlin"}, nil),
		actor("ukraine", "Ukraine", model.Country, nil, nil),
		actor("kyiv", "Kyiv", model.Place, nil, []string{"Kiev"}),
		actor("nato", "NATO", model.Organization, []string{"the alliance"}, nil),
		actor("united-kingdom", "United Kingdom", model.Country, []string{"Britain"}, nil),
	}
	m, ds := extract.NewMatcher(actors)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	site := &model.Site{Actors: actors}
	for _, file := range sortedKeys(bodies) {
		a := &model.Article{Format: "txt", Title: "Report", Source: model.Source{File: file, Body: bodies[file], BodyLine: 3}}
		a, _ = extract.Article(a, m, nil, extract.Options{})
		site.Articles = append(site.Articles, a)
	}
	return site
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

const planted = `Russian President Putine said on Tuesday that Russia would not accept NATO troops in Ukraine.

German foreign minister Annalina Barbuk was in Kiev and met Dmytro Kuleba, her Ukrainian counterpart.

The Pentagon said Schultz had called. Jake Sullivan, the national security adviser, said an attack could come at any time, and Jake Sullivan repeated the warning on Sunday.

On Monday Emmanuel Macron said he would call the Russian leader again. French President Emmanuel Macron has spoken to Putin several times since January.`

const clean = `Olaf Scholz met Vladimir Putin in Moscow on Tuesday. Schulz said the talks were useful.

Putin said the alliance had ignored Russia. Scholz flew back to Berlin, then on to Kiev.

The chancellor said British and French leaders agreed. On Friday Macron called Putin again.

Annalena Baerbock was in Kyiv on Monday. Baerbock said Ukraine had Germany's support.`

func TestCheckReportsPlantedNamesOnly(t *testing.T) {
	site := testSite(t, map[string]string{
		"content/articles/planted.txt": planted,
		"content/articles/clean.txt":   clean,
		"content/articles/weather.txt": "Heavy snow fell across the region on Tuesday, closing roads.",
	})
	r := Check(site)
	var got []string
	for _, d := range r.Misspellings {
		got = append(got, fmt.Sprintf("%s:%d %s", d.File, d.Line, d.Msg))
	}
	want := []string{
		`content/articles/planted.txt:3 "Putine" may be a misspelling of Vladimir Putin ("Putin", similarity 0.97)`,
		`content/articles/planted.txt:5 "Annalina Barbuk" may be a misspelling of Annalena Baerbock ("Annalena Baerbock", similarity 0.86)`,
		`content/articles/planted.txt:7 "Schultz" may be a misspelling of Olaf Scholz ("Scholz", similarity 0.89)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("misspellings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, u := range r.Unknown {
		got = append(got, fmt.Sprintf("%d %s %s:%d %s", u.Count, u.Name, u.File, u.Line, u.Command()))
	}
	want = []string{
		`2 Jake Sullivan content/articles/planted.txt:7 brief new actor "Jake Sullivan"`,
		`1 Dmytro Kuleba content/articles/planted.txt:5 brief new actor "Dmytro Kuleba"`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("unknown names:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Unmentioned) != 1 || r.Unmentioned[0].File != "content/articles/weather.txt" {
		t.Errorf("unmentioned: %v", r.Unmentioned)
	}
	for _, d := range r.Diagnostics() {
		if d.File == "content/articles/clean.txt" {
			t.Errorf("clean article reported: %s", d)
		}
	}
	// Declaring the spellings silences them.
	site.Actors[1].Misspellings = []string{"Putine"}
	site.Actors[2].Misspellings = []string{"Annalina Barbuk"}
	site.Actors[0].Misspellings = append(site.Actors[0].Misspellings, "Schultz")
	site2 := testSite(t, map[string]string{"content/articles/planted.txt": planted})
	site2.Actors = site.Actors
	if r := Check(site2); len(r.Misspellings) != 0 {
		t.Errorf("declared misspellings reported: %v", r.Misspellings)
	}
}
