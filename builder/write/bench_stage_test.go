package write_test

import (
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/write"
)

// BenchmarkWrite writes the files a build of a generated corpus produces
// (captured from a render) into a staging folder, on all cores as render
// does, and commits it over the previous output.
func BenchmarkWrite(b *testing.B) {
	for _, n := range stagebench.Sizes() {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			c, err := stagebench.Get(n)
			if err != nil {
				b.Fatal(err)
			}
			files, err := c.Rendered()
			if err != nil {
				b.Fatal(err)
			}
			names := make([]string, 0, len(files))
			var size int64
			for name, data := range files {
				names = append(names, name)
				size += int64(len(data))
			}
			sort.Strings(names)
			dest := filepath.Join(b.TempDir(), "public")
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				st, err := write.Begin(dest, write.Options{})
				if err != nil {
					b.Fatal(err)
				}
				next := make(chan string)
				errs := make(chan error, runtime.GOMAXPROCS(0))
				var wg sync.WaitGroup
				for w := 0; w < runtime.GOMAXPROCS(0); w++ {
					wg.Add(1)
					go func() {
						defer wg.Done()
						for name := range next {
							if err := st.WriteFile(name, files[name]); err != nil {
								select {
								case errs <- err:
								default:
								}
							}
						}
					}()
				}
				for _, name := range names {
					next <- name
				}
				close(next)
				wg.Wait()
				select {
				case err := <-errs:
					st.Abort()
					b.Fatal(err)
				default:
				}
				if err := st.Commit(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(names)), "files/op")
		})
	}
}
