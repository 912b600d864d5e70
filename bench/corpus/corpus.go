// Package corpus generates synthetic briefing sites for benchmarks: by
// default (Generate) N wire-style articles of 400–900 words, N/20 events
// and 70 actors with aliases, with quotes, relative dates and figures in
// the text and a share of plain-text articles; GenerateShape also writes
// the Wire shape (long articles, long alias lists, actors that most
// articles name). The output depends only on the shape, N and the seed,
// so runs on different machines build the same site.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Actor is a generated actor.
type actor struct {
	slug, name, kind, role string
	aliases                []string
}

var firstNames = []string{"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Ines", "Jonas", "Katya", "Lars", "Mira", "Nikolai", "Olga", "Pavel", "Rosa", "Stefan", "Tamara", "Viktor", "Wanda", "Yuri", "Zofia", "Adam", "Bianca", "Cyril", "Dana", "Emil", "Fiona", "Goran", "Helga", "Igor", "Jana", "Karl", "Lena", "Marek", "Nadia", "Oskar", "Petra", "Radek"}
var lastNames = []string{"Adler", "Borisov", "Cerny", "Dvorak", "Eriksen", "Fischer", "Gorski", "Horvat", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Marin", "Novak", "Orlov", "Petrenko", "Quast", "Roth", "Sokolov", "Tamm", "Urban", "Varga", "Weber", "Yilmaz", "Zeman", "Albu", "Bauer", "Costa", "Dimitrov", "Engel", "Frolov", "Graf", "Hahn", "Ilic", "Jovanovic", "Kraus", "Lange", "Moser", "Nagel", "Ostrowski"}
var roles = []string{"Foreign Minister", "Defence Minister", "President", "Prime Minister", "Chancellor", "Secretary-General", "Ambassador", "Chief of Staff", "Spokesperson", "Envoy"}
var countries = []string{"Arland", "Borovia", "Corvania", "Dalmora", "Estravia", "Felsland", "Gorvany", "Halvoria", "Istrana", "Jurovia", "Kestria", "Lunaria"}
var capitals = []string{"Arlen", "Borograd", "Corvis", "Dalmont", "Estrin", "Felsburg", "Gorva", "Halvik", "Istra", "Jurov", "Kestrel", "Lunar City"}
var orgs = [][2]string{{"Northern Alliance", "the alliance"}, {"Economic Union", "the bloc"}, {"Security Council", "the council"}, {"Red Crescent Society", "the society"}, {"Energy Agency", "the agency"}, {"Monitoring Mission", "the mission"}}
var verbs = []string{"said", "told reporters", "warned", "insisted", "added", "stated", "declared"}
var nouns = []string{"troops", "soldiers", "refugees", "tanks", "civilians", "observers", "aircraft", "vehicles"}
var weekdays = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
var filler = strings.Fields(`the talks continued late into the evening while officials on both sides described the
atmosphere as tense but businesslike and diplomats in several capitals waited for a signal that the
negotiations could move beyond statements of principle toward concrete steps on security guarantees
arms control humanitarian corridors sanctions relief and the monitoring of the ceasefire line where
observers have reported repeated violations over recent weeks despite promises made at earlier rounds
analysts said the coming days would show whether either government was ready to compromise on the
core questions that have divided them since the crisis began and markets reacted nervously to reports
of new deployments near the border as energy prices rose and several airlines changed their routes`)

// Generate writes a site of n articles under dir (site.yaml and content/).
func Generate(dir string, n int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	actors := makeActors()
	events := n / 20
	if events < 1 {
		events = 1
	}
	start := time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	if err := skeleton(dir, "title: Synthetic briefing\ndescription: A generated corpus for benchmarks.\n"); err != nil {
		return err
	}
	for _, a := range actors {
		var b strings.Builder
		fmt.Fprintf(&b, "---\nname: %q\nkind: %s\n", a.name, a.kind)
		if len(a.aliases) > 0 {
			fmt.Fprintf(&b, "aliases: [%s]\n", quoteList(a.aliases))
		}
		if a.role != "" {
			fmt.Fprintf(&b, "role: %q\n", a.role)
		}
		fmt.Fprintf(&b, "summary: %q\n---\n\n%s is part of the generated benchmark corpus. %s\n", a.name+" in the generated corpus", a.name, sentence(r, 30))
		if err := os.WriteFile(filepath.Join(dir, "content/actors", a.slug+".md"), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	persons := actors[:40]
	evPeople := make([][]actor, events)
	evDate := make([]time.Time, events)
	for e := 0; e < events; e++ {
		d := start.AddDate(0, 0, e*365*2/events)
		evDate[e] = d
		p1, p2 := persons[r.IntN(len(persons))], persons[r.IntN(len(persons))]
		for p2.slug == p1.slug {
			p2 = persons[r.IntN(len(persons))]
		}
		evPeople[e] = []actor{p1, p2}
		place := actors[40+r.IntN(12)]
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: %q\ndate: %s\nplace: %s\nactors: [%s, %s, %s]\nsummary: %q\n", fmt.Sprintf("%s and %s meet in %s (%d)", p1.name, p2.name, place.name, e), d.Format("2006-01-02"), place.slug, p1.slug, p2.slug, place.slug, "Talks between "+p1.name+" and "+p2.name)
		if e > 0 {
			fmt.Fprintf(&b, "related: [event-%05d]\n", e-1)
		}
		fmt.Fprintf(&b, "---\n\n## What happened\n\n%s\n\n## Why it matters\n\n%s\n", sentence(r, 80), sentence(r, 60))
		if err := os.WriteFile(filepath.Join(dir, "content/events", fmt.Sprintf("event-%05d.md", e)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		e := i % events
		pub := evDate[e].AddDate(0, 0, r.IntN(3))
		people := evPeople[e]
		other := actors[r.IntN(len(actors))]
		title := fmt.Sprintf("%s presses %s on %s as talks resume (%d)", people[0].name, people[1].name, countries[r.IntN(len(countries))], i)
		body := articleBody(r, people, other, pub)
		sub := filepath.Join(dir, "content/articles", pub.Format("2006-01"))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return err
		}
		var data, name string
		switch {
		case i%5 == 4:
			name = fmt.Sprintf("%s-article-%06d.txt", pub.Format("2006-01-02"), i)
			data = title + "\n\n" + body + "\nWe use cookies to improve your experience. Accept Read More\n"
		case i%5 == 3:
			name = fmt.Sprintf("article-%06d.txt", i)
			data = fmt.Sprintf("Title: %s\nDate: %s\nSource: Synthetic Wire\nURL: https://example.com/wire/%d\nEvents: event-%05d\n\n%s", title, pub.Format("2006-01-02"), i, e, body)
		default:
			name = fmt.Sprintf("article-%06d.md", i)
			data = fmt.Sprintf("---\ntitle: %q\ndate: %s\nsource: Synthetic Wire\nurl: https://example.com/wire/%d\nauthor: %s\nevents: [event-%05d]\ntags: [generated]\n---\n\n%s", title, pub.Format("2006-01-02"), i, persons[r.IntN(40)].name, e, body)
		}
		if err := os.WriteFile(filepath.Join(sub, name), []byte(data), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func quoteList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}

func makeActors() []actor {
	var out []actor
	for i := 0; i < 40; i++ {
		first, last := firstNames[i], lastNames[(i*7)%len(lastNames)]
		name := first + " " + last
		out = append(out, actor{slug: strings.ToLower(first + "-" + last), name: name, kind: "person", role: roles[i%len(roles)],
			aliases: []string{last + " " + first[:1] + ".", roles[i%len(roles)] + " " + last + fmt.Sprint(i)}})
	}
	for i := range countries {
		out = append(out, actor{slug: strings.ToLower(strings.ReplaceAll(capitals[i], " ", "-")), name: capitals[i], kind: "place"})
	}
	for _, c := range countries {
		out = append(out, actor{slug: strings.ToLower(c), name: c, kind: "country", aliases: []string{"the " + c + " government"}})
	}
	for _, o := range orgs {
		out = append(out, actor{slug: strings.ToLower(strings.ReplaceAll(o[0], " ", "-")), name: o[0], kind: "organization", aliases: []string{strings.ToUpper(o[0][:1]) + strings.ToUpper(strings.Fields(o[0])[1][:1]) + "O"}})
	}
	return out
}

func sentence(r *rand.Rand, words int) string {
	var b strings.Builder
	start := r.IntN(len(filler))
	for i := 0; i < words; i++ {
		w := filler[(start+i)%len(filler)]
		if i == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		if i < words-1 {
			b.WriteByte(' ')
		}
	}
	b.WriteByte('.')
	return b.String()
}

// articleBody writes 400–900 words: prose with mentions, quotes with
// attributions, relative dates and figures.
func articleBody(r *rand.Rand, people []actor, other actor, pub time.Time) string {
	target := 400 + r.IntN(500)
	var paras []string
	words := 0
	for k := 0; words < target; k++ {
		var p string
		switch k % 5 {
		case 0:
			p = fmt.Sprintf("%s met %s on %s in talks that lasted more than %d hours. %s", people[0].name, people[1].name, weekdays[r.IntN(7)], 2+r.IntN(5), sentence(r, 40))
		case 1:
			p = fmt.Sprintf("“%s,” %s %s. %s", sentence(r, 18), people[0].aliases[0], verbs[r.IntN(len(verbs))], sentence(r, 30))
		case 2:
			p = fmt.Sprintf("Officials said about %d,%03d %s had been moved closer to the border since %s, and another %d would follow next week. %s", 10+r.IntN(140), r.IntN(1000), nouns[r.IntN(len(nouns))], pub.AddDate(0, -1, 0).Format("January"), 100+r.IntN(900), sentence(r, 35))
		case 3:
			p = fmt.Sprintf("%s's position was echoed by %s, who %s: “%s” %s", people[1].name, other.name, verbs[r.IntN(len(verbs))], sentence(r, 15), sentence(r, 40))
		default:
			p = fmt.Sprintf("By mid-%s, %s. The %s of %s was expected to meet again %s.", pub.AddDate(0, 1, 0).Format("January"), sentence(r, 45), people[1].role, people[1].name, []string{"this weekend", "next week", "on Friday", "in the spring"}[r.IntN(4)])
		}
		paras = append(paras, p)
		words += len(strings.Fields(p))
	}
	return strings.Join(paras, "\n\n") + "\n"
}

// skeleton makes a generated site's content folders and writes its
// site.yaml, for both corpus shapes.
func skeleton(dir, siteYAML string) error {
	for _, sub := range []string{"content/articles", "content/events", "content/actors"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(siteYAML), 0o644)
}
