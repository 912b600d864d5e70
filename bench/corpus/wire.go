package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Shape is the kind of site Generate writes.
type Shape string

const (
	// Briefing is the default shape: articles of 400–900 words, N/20
	// events with as many articles each, 70 actors of one or two aliases.
	Briefing Shape = "default"
	// Wire is long wire copy: articles of 900–1,800 words in short
	// paragraphs, N/20 events of uneven coverage, 60 actors with long
	// alias lists that include descriptive ones ("Borovian troops", "the
	// alliance"), and three actors that most articles name (the alliance
	// in about 80%, Borovia in 65%, Corvania in 55%), so that their list
	// pages grow with the site.
	Wire Shape = "wire"
)

// Shapes are the shapes GenerateShape knows, the default first.
var Shapes = []Shape{Briefing, Wire}

// ParseShape returns the shape of the given name.
func ParseShape(name string) (Shape, error) {
	for _, s := range Shapes {
		if string(s) == name {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown corpus shape %q (known: default, wire)", name)
}

// GenerateShape writes a site of n articles of the given shape under dir.
// The default shape is exactly Generate's site.
func GenerateShape(dir string, n int, seed uint64, shape Shape) error {
	switch shape {
	case Briefing, "":
		return Generate(dir, n, seed)
	case Wire:
		return generateWire(dir, n, seed)
	}
	_, err := ParseShape(string(shape))
	return err
}

// dominant are the wire shape's actors that most articles name, with the
// share of articles that name them.
var dominant = []struct {
	slug  string
	share float64
}{{"northern-alliance", 0.80}, {"borovia", 0.65}, {"corvania", 0.55}}

var demonyms = []string{"Arlandic", "Borovian", "Corvanian", "Dalmoran", "Estravian", "Felsish", "Gorvanian", "Halvorian", "Istranian", "Jurovian", "Kestrian", "Lunarian"}

// wireOrgs are organisations: name, the descriptive noun their aliases
// are made of ("the alliance", "alliance officials").
var wireOrgs = [][2]string{{"Northern Alliance", "alliance"}, {"Economic Union", "bloc"}, {"Security Council", "council"}, {"Red Crescent Society", "society"}, {"Energy Agency", "agency"}, {"Monitoring Mission", "mission"}, {"Coastal Defence League", "league"}, {"Grain Export Board", "board"}}

// reporters sign the wire copy; no actor has their names.
var reporters = []string{"Mara Hale", "Tomas Ortega", "Ilse Brandt", "Kenji Sato", "Ama Mensah", "Rory Quinn", "Nell Lowe", "Luis Ibarra"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// wireActors are 12 countries, 10 places, 8 organisations and 30 people.
// Person i belongs to country i%12 and holds role i%10, so that "the
// Borovian foreign minister" names one person.
func wireActors() []actor {
	var out []actor
	for i, c := range countries {
		d := demonyms[i]
		out = append(out, actor{slug: strings.ToLower(c), name: c, kind: "country", aliases: []string{
			"the " + c + " government", d + " troops", d + " forces", d + " soldiers", d + " officials",
			"the " + d + " army", "the " + d + " military", "the " + d + " foreign ministry", d + " negotiators",
			strings.ToUpper(c[:3]),
		}})
	}
	for _, p := range capitals[:10] {
		out = append(out, actor{slug: strings.ToLower(strings.ReplaceAll(p, " ", "-")), name: p, kind: "place", aliases: []string{
			"central " + p, "greater " + p, p + " region", p + " airport",
		}})
	}
	for _, o := range wireOrgs {
		words := strings.Fields(o[0])
		abbr := ""
		for _, w := range words {
			abbr += w[:1]
		}
		out = append(out, actor{slug: strings.ToLower(strings.Join(words, "-")), name: o[0], kind: "organization", aliases: []string{
			"the " + o[1], o[1] + " officials", o[1] + " members", o[1] + " headquarters", o[1] + " envoys",
			"the " + o[0], abbr, o[0] + " secretariat",
		}})
	}
	for i := 0; i < 30; i++ {
		first, last := firstNames[i], lastNames[(i*11+3)%len(lastNames)]
		role := roles[i%len(roles)]
		d := demonyms[i%len(demonyms)]
		lrole := strings.ToLower(role)
		out = append(out, actor{slug: strings.ToLower(first + "-" + last), name: first + " " + last, kind: "person", role: role, aliases: []string{
			last, first[:1] + ". " + last, role + " " + last, role + " " + first + " " + last,
			"the " + d + " " + lrole, d + " " + lrole + " " + last, last + " " + first[:1] + ".",
		}})
	}
	return out
}

// generateWire writes the wire shape (see Wire).
func generateWire(dir string, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, uint64(n)^0x77697265))
	actors := wireActors()
	bySlug := map[string]actor{}
	for _, a := range actors {
		bySlug[a.slug] = a
	}
	isDominant := map[string]bool{}
	for _, d := range dominant {
		isDominant[d.slug] = true
	}
	var others, persons, places, nations []actor
	for _, a := range actors {
		if isDominant[a.slug] {
			continue
		}
		others = append(others, a)
		switch a.kind {
		case "person":
			persons = append(persons, a)
		case "place":
			places = append(places, a)
		case "country":
			nations = append(nations, a)
		}
	}
	events := max(1, n/20)
	start := time.Date(2021, 6, 7, 0, 0, 0, 0, time.UTC)
	if err := skeleton(dir, "title: Synthetic wire\ndescription: A generated wire-service corpus for benchmarks.\n"); err != nil {
		return err
	}
	for _, a := range actors {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nname: %q\nkind: %s\naliases: [%s]\n", a.name, a.kind, quoteList(a.aliases))
		if a.role != "" {
			fmt.Fprintf(&b, "role: %q\n", a.role)
		}
		fmt.Fprintf(&b, "summary: %q\n---\n\n%s is part of the generated wire corpus. %s\n\n%s\n", a.name+" in the generated wire corpus", a.name, sentence(r, 60), sentence(r, 80))
		if err := os.WriteFile(filepath.Join(dir, "content/actors", a.slug+".md"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	// Events belong to 25 running stories; each links the story's
	// previous event.
	const stories = 25
	evPeople := make([][]actor, events)
	evDate := make([]time.Time, events)
	for e := 0; e < events; e++ {
		d := start.AddDate(0, 0, e*365*3/events)
		evDate[e] = d
		p1, p2 := persons[r.IntN(len(persons))], persons[r.IntN(len(persons))]
		for p2.slug == p1.slug {
			p2 = persons[r.IntN(len(persons))]
		}
		place, nation := places[r.IntN(len(places))], nations[r.IntN(len(nations))]
		evPeople[e] = []actor{p1, p2, nation}
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nplace: %s\nactors: [%s, %s, %s, %s]\nsummary: %q\n",
			fmt.Sprintf("%s talks in %s, round %d", nation.name, place.name, e), d.Format("2006-01-02"), place.slug, p1.slug, p2.slug, nation.slug, place.slug,
			p1.name+" and "+p2.name+" on "+nation.name)
		if e >= stories {
			fmt.Fprintf(&b, "related: [wire-event-%05d]\n", e-stories)
		}
		fmt.Fprintf(&b, "---\n\n## What happened\n\n%s\n\n%s\n\n## Why it matters\n\n%s\n", sentence(r, 90), sentence(r, 70), sentence(r, 80))
		if err := os.WriteFile(filepath.Join(dir, "content/events", fmt.Sprintf("wire-event-%05d.md", e)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	// A quarter of the articles cover one of the big stories: every
	// twentieth event, so that coverage is uneven.
	big := max(1, events/20)
	for i := 0; i < n; i++ {
		e := r.IntN(events)
		if r.IntN(4) == 0 {
			e = r.IntN(big) * 20 % events
		}
		pub := evDate[e].AddDate(0, 0, r.IntN(4))
		people := evPeople[e]
		named := append([]actor(nil), people...)
		for range 2 + r.IntN(4) {
			named = append(named, others[r.IntN(len(others))])
		}
		for _, d := range dominant {
			if r.Float64() < d.share {
				named = append(named, bySlug[d.slug])
			}
		}
		title := fmt.Sprintf("%s, %s trade warnings over %s (%d)", people[0].name, people[1].name, people[2].name, i)
		place := capitals[r.IntN(len(capitals))]
		body := wireBody(r, named, place, pub)
		sub := filepath.Join(dir, "content/articles", pub.Format("2006-01"))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		var data, name string
		switch {
		case i%10 == 9:
			name = fmt.Sprintf("%s-wire-%06d.txt", pub.Format("2006-01-02"), i)
			data = title + "\n\n" + body + "\nSign up for our daily briefing newsletter. Subscribe\n"
		case i%10 == 6 || i%10 == 3:
			name = fmt.Sprintf("wire-%06d.txt", i)
			data = fmt.Sprintf("Title: %s\nDate: %s\nSource: Synthetic Wire Service\nURL: https://example.com/wire-service/%d\nEvents: wire-event-%05d\n\n%s", title, pub.Format("2006-01-02"), i, e, body)
		default:
			name = fmt.Sprintf("wire-%06d.md", i)
			data = fmt.Sprintf("---\ntitle: %q\ndate: %s\nsource: Synthetic Wire Service\nurl: https://example.com/wire-service/%d\nauthor: %s\nevents: [wire-event-%05d]\ntags: [wire, %s]\n---\n\n%s", title, pub.Format("2006-01-02"), i, reporters[r.IntN(len(reporters))], e, strings.ToLower(people[2].name), body)
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// alias is one of a's names: its own or one of its aliases.
func alias(r *rand.Rand, a actor) string {
	k := r.IntN(len(a.aliases) + 1)
	if k == len(a.aliases) {
		return a.name
	}
	return a.aliases[k]
}

// wireBody writes 900–1,800 words of wire copy: a dateline, then short
// paragraphs, each naming the actors of named in turn (every one at
// least once, by its name or an alias), with quotes, figures and
// relative dates, and a reporting credit.
func wireBody(r *rand.Rand, named []actor, place string, pub time.Time) string {
	target := 900 + r.IntN(900)
	paras := []string{fmt.Sprintf("%s, %s %d (Synthetic Wire Service) - %s and %s %s on %s, %s",
		strings.ToUpper(place), months[pub.Month()-1], pub.Day(), named[0].name, named[1].name,
		[]string{"traded warnings", "met for talks", "spoke by telephone", "clashed in public"}[r.IntN(4)],
		weekdays[r.IntN(7)], sentence(r, 25))}
	words := len(strings.Fields(paras[0]))
	for k := 0; words < target || k < len(named); k++ {
		a := named[k%len(named)]
		var p string
		switch r.IntN(6) {
		case 0:
			p = fmt.Sprintf("“%s,” %s %s, adding that %s", sentence(r, 20), alias(r, a), verbs[r.IntN(len(verbs))], strings.ToLower(sentence(r, 15)))
		case 1:
			p = fmt.Sprintf("Officials said about %d,%03d %s had moved toward the front since %s, and that %s would send another %d by %s.",
				5+r.IntN(90), r.IntN(1000), nouns[r.IntN(len(nouns))], months[(int(pub.Month())+10)%12], alias(r, a), 100+r.IntN(900),
				[]string{"the end of the week", "next month", "Friday", "mid-" + months[int(pub.Month())%12]}[r.IntN(4)])
		case 2:
			p = fmt.Sprintf("In a statement on %s, %s said %s", weekdays[r.IntN(7)], alias(r, a), strings.ToLower(sentence(r, 30)))
		case 3:
			p = fmt.Sprintf("%s, %s according to two people familiar with the matter, who asked not to be named.", sentence(r, 35), alias(r, a)+" "+verbs[r.IntN(len(verbs))])
		case 4:
			p = fmt.Sprintf("A spokesperson for %s declined to comment. %s", alias(r, a), sentence(r, 40))
		default:
			p = fmt.Sprintf("%s The talks with %s are expected to resume %s.", sentence(r, 45), alias(r, a), []string{"next week", "on Monday", "in the spring", "after the holidays"}[r.IntN(4)])
		}
		paras = append(paras, p)
		words += len(strings.Fields(p))
	}
	paras = append(paras, fmt.Sprintf("(Reporting by %s; Editing by %s)", reporters[r.IntN(len(reporters))], reporters[r.IntN(len(reporters))]))
	return strings.Join(paras, "\n\n") + "\n"
}
