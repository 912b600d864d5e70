package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// The names site is for "brief check", whose cost grows with the known
// spellings and the capitalised words of the text: many actors with
// aliases, and prose full of names — of actors, of people and places no
// actor is, and of actors misspelled.

var (
	syllables = strings.Fields("ka lo mi ra ne to vi sa de lu ko ba ri zo pe ta na gor vel mar sten dru hal fen kas lin bor tav")
	titles    = strings.Fields("President Minister General Ambassador Senator Governor Mayor Colonel Director Envoy")
	verbsSaid = strings.Fields("said told warned added insisted")
	prose     = strings.Fields("the talks in resumed after a week of shelling near while officials from both sides met at under pressure from allies over the border crossing and the grain corridor")
)

// syllableName makes a capitalised word of 2 to 4 syllables.
func syllableName(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

// misspell swaps two letters, drops one or doubles one, as sources do.
func misspell(r *rand.Rand, w string) string {
	b := []byte(w)
	if len(b) < 5 {
		return w + "e"
	}
	i := 1 + r.IntN(len(b)-2)
	switch r.IntN(3) {
	case 0:
		b[i], b[i+1] = b[i+1], b[i]
	case 1:
		b = append(b[:i], b[i+1:]...)
	default:
		b = append(b[:i+1], b[i:]...)
	}
	return string(b)
}

type namedActor struct {
	slug, first, last string
	aliases           []string
}

// generateNames writes a site of n articles and actors actors, each with
// aliases aliases, under dir.
func generateNames(dir string, n, actors, aliases int, seed uint64) error {
	r := rand.New(rand.NewPCG(seed, uint64(n)))
	for _, sub := range []string{"content/articles", "content/actors"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte("title: Names benchmark\n"), 0o644); err != nil {
		return err
	}
	// Every spelling names one actor: a surname of two would be refused.
	used := map[string]bool{}
	unique := func(f func() string) string {
		for {
			if s := f(); !used[s] {
				used[s] = true
				return s
			}
		}
	}
	var as []namedActor
	for len(as) < actors {
		a := namedActor{first: syllableName(r), last: unique(func() string { return syllableName(r) })}
		a.slug = strings.ToLower(a.first + "-" + a.last)
		for k := range aliases {
			switch k % 5 {
			case 0:
				a.aliases = append(a.aliases, a.last)
			case 1:
				a.aliases = append(a.aliases, a.first[:1]+". "+a.last)
			case 2:
				a.aliases = append(a.aliases, titles[r.IntN(len(titles))]+" "+a.last)
			case 3:
				a.aliases = append(a.aliases, unique(func() string { return a.first + " " + syllableName(r) + " " + a.last }))
			default:
				a.aliases = append(a.aliases, unique(func() string { return syllableName(r) + " " + a.last }))
			}
		}
		as = append(as, a)
		data := fmt.Sprintf("---\nname: %q\nkind: person\naliases: [%s]\n---\n\n%s %s is an actor of the names benchmark.\n", a.first+" "+a.last, quoteAll(a.aliases), a.first, a.last)
		if err := os.WriteFile(filepath.Join(dir, "content/actors", a.slug+".md"), []byte(data), 0o644); err != nil {
			return err
		}
	}
	places := make([]string, 200)
	for i := range places {
		places[i] = syllableName(r)
	}
	start := time.Date(2022, 1, 3, 0, 0, 0, 0, time.UTC)
	for i := range n {
		var b strings.Builder
		pub := start.AddDate(0, 0, i%700)
		a, o := as[r.IntN(len(as))], as[r.IntN(len(as))]
		fmt.Fprintf(&b, "---\ntitle: \"%s meets %s in %s (%d)\"\ndate: %s\n---\n\n", a.last, o.last, places[r.IntN(len(places))], i, pub.Format("2006-01-02"))
		for range 8 + r.IntN(8) {
			for range 3 + r.IntN(3) {
				b.WriteString(sentenceWithNames(r, as, places))
				b.WriteByte(' ')
			}
			b.WriteString("\n\n")
		}
		if err := os.WriteFile(filepath.Join(dir, "content/articles", fmt.Sprintf("article-%06d.md", i)), []byte(b.String()), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// sentenceWithNames writes a sentence of prose with two or three names:
// an actor's name or alias, an actor misspelled, a person or place no
// actor is.
func sentenceWithNames(r *rand.Rand, as []namedActor, places []string) string {
	name := func() string {
		a := as[r.IntN(len(as))]
		switch r.IntN(6) {
		case 0:
			return a.first + " " + a.last
		case 1:
			if len(a.aliases) > 0 {
				return a.aliases[r.IntN(len(a.aliases))]
			}
			return a.last
		case 2:
			return a.first + " " + misspell(r, a.last)
		case 3:
			return misspell(r, a.last)
		case 4:
			return syllableName(r) + " " + syllableName(r)
		default:
			return titles[r.IntN(len(titles))] + " " + a.last
		}
	}
	var ws []string
	ws = append(ws, name(), verbsSaid[r.IntN(len(verbsSaid))])
	for range 6 + r.IntN(10) {
		switch r.IntN(8) {
		case 0:
			ws = append(ws, places[r.IntN(len(places))])
		case 1:
			ws = append(ws, name())
		default:
			ws = append(ws, prose[r.IntN(len(prose))])
		}
	}
	return strings.Join(ws, " ") + "."
}

func quoteAll(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = fmt.Sprintf("%q", x)
	}
	return strings.Join(q, ", ")
}
