// Command hugosite converts a generated brief site (bench/gen) into an
// equivalent Hugo site, with the layouts of bench/hugo/layouts:
//
//	go run ./bench/gen -n 1000 -o /tmp/brief-1k
//	go run ./bench/hugosite -s /tmp/brief-1k -o /tmp/hugo-1k
//	hugo --quiet -s /tmp/hugo-1k -d /tmp/hugo-1k-out
//
// See package bench/hugo for what is converted and how the two sites are
// kept comparable.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/briefhq/brief/bench/hugo"
)

func main() {
	src := flag.String("s", "", "brief site `folder` to convert")
	out := flag.String("o", "", "Hugo site `folder` to write (must not exist or be empty)")
	flag.Parse()
	if *src == "" || *out == "" || flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "hugosite: %s is not empty\n", *out)
		os.Exit(2)
	}
	st, err := hugo.Convert(*src, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "hugosite:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s: %d articles, %d events, %d actors, %d article→actor links\n", *out, st.Articles, st.Events, st.Actors, st.Mentions)
}
