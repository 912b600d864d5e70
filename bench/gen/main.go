// Command gen writes a synthetic briefing site for benchmarks:
//
//	go run ./bench/gen -n 10000 -o /tmp/corpus-10k
//
// With -shape wire, it writes long wire copy instead, with actors of long
// alias lists and a few actors that most articles name (see
// corpus.Wire):
//
//	go run ./bench/gen -shape wire -n 10000 -o /tmp/wire-10k
//
// With -actors, it writes a site for the cost of "brief check" instead:
// that many actors with -aliases aliases each, and articles of prose full
// of names, misspelled ones among them:
//
//	go run ./bench/gen -n 10000 -actors 1000 -aliases 5 -o /tmp/names-10k
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefhq/brief/bench/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("o", "", "output `folder` (must not exist or be empty)")
	seed := flag.Uint64("seed", 1, "random seed; the same seed gives the same site")
	actors := flag.Int("actors", 0, "write a site of this many actors and articles full of names, for brief check")
	aliases := flag.Int("aliases", 5, "aliases of each actor, with -actors")
	shapeName := flag.String("shape", string(corpus.Briefing), "corpus `shape`: default or wire")
	flag.Parse()
	shape, err := corpus.ParseShape(*shapeName)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(2)
	}
	if *out == "" || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gen: %s is not empty\n", *out)
		os.Exit(2)
	}
	generate := func() error { return corpus.GenerateShape(*out, *n, *seed, shape) }
	if *actors > 0 {
		generate = func() error { return generateNames(*out, *n, *actors, *aliases, *seed) }
	}
	if err := generate(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles to %s\n", *n, *out)
}
