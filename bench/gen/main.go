// Command gen writes a synthetic briefing site for benchmarks:
//
//	go run ./bench/gen -n 10000 -o /tmp/corpus-10k
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
	flag.Parse()
	if *out == "" || *n < 1 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "gen: %s is not empty\n", *out)
		os.Exit(2)
	}
	if err := corpus.Generate(*out, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d articles to %s\n", *n, *out)
}
