package serve

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime/pprof"
	"strings"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
)

// BenchmarkRebuildOneArticle is the preview server's work after one
// article is saved: load and extract that file, resolve the site, render
// the pages whose inputs changed, and publish the snapshot. A text edit
// adds a sentence; a link edit names an actor once more each time, which
// changes mention counts and so the site's links.
// dateLine is the day of an article's date in its front matter.
var dateLine = regexp.MustCompile(`(?m)^(date: \d{4}-\d{2}-)\d{2}`)

func BenchmarkRebuildOneArticle(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		for _, kind := range []string{"text", "links", "date"} {
			b.Run(fmt.Sprintf("articles=%d/edit=%s", n, kind), func(b *testing.B) {
				dir := b.TempDir()
				if err := corpus.Generate(dir, n, 1); err != nil {
					b.Fatal(err)
				}
				srv, err := New(Options{Build: builder.Options{Source: dir}})
				if err != nil {
					b.Fatal(err)
				}
				var article string
				filepath.WalkDir(filepath.Join(dir, "content/articles"), func(p string, d fs.DirEntry, err error) error {
					if article == "" && strings.HasSuffix(p, ".md") {
						article = p
					}
					return nil
				})
				orig, _ := os.ReadFile(article)
				rel, _ := filepath.Rel(dir, article)
				i, written, skipped := 0, 0, 0
				for b.Loop() {
					i++
					add := fmt.Sprintf("\nEdit %d.\n", i)
					text := append(append([]byte{}, orig...), add...)
					switch kind {
					case "links":
						text = append(append([]byte{}, orig...), strings.Repeat("\nAnna Adler spoke again.\n", i)...)
					case "date": // moves the article in every list it is in
						text = []byte(dateLine.ReplaceAllString(string(orig), fmt.Sprintf("${1}%02d", 1+i%28)))
					}
					os.WriteFile(article, text, 0o644)
					// The label marks the rebuild's work, workers included, in
					// a -cpuprofile of this benchmark (pprof -tagfocus).
					var info RebuildInfo
					pprof.Do(context.Background(), pprof.Labels("rebuild", kind), func(ctx context.Context) {
						info = srv.Rebuild(ctx, []string{filepath.ToSlash(rel)})
					})
					if info.Errors > 0 {
						b.Fatal(srv.Snapshot().Errors)
					}
					if info.Relinked != 1 && kind != "date" {
						b.Fatalf("edit %d of kind %s: %d articles linked again, want the edited one", i, kind, info.Relinked)
					}
					written += info.Pages
					skipped += info.Skipped
				}
				// How many files an edit wrote and skipped: the render's
				// share of a rebuild follows the first.
				b.ReportMetric(float64(written)/float64(i), "written/op")
				b.ReportMetric(float64(skipped)/float64(i), "skipped/op")
			})
		}
	}
}
