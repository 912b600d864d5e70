package render

import (
	"bytes"
	"context"
	"runtime"
	"sync"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Output receives the files a build writes, by slash-separated path
// relative to the output root. It must be safe for concurrent use.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Stats counts what a render wrote.
type Stats struct {
	Pages map[string]int // pages by kind
	Files int            // every file written, pages included
	Bytes int64
}

// Render writes every page and the data export of s to out. Pages are
// rendered in parallel, one buffer per worker; errors of every page are
// reported, each naming its template.
func Render(ctx context.Context, s *model.Site, t *Templates, out Output) (Stats, []diag.Diagnostic) {
	pages := Plan(s)
	st := Stats{Pages: map[string]int{}}
	var ds diag.List
	var mu sync.Mutex
	count := func(kind string, n int) {
		mu.Lock()
		if kind != "" {
			st.Pages[kind]++
		}
		st.Files++
		st.Bytes += int64(n)
		mu.Unlock()
	}
	write := func(name, kind string, b []byte) {
		if err := out.WriteFile(name, b); err != nil {
			ds.Errorf(name, 0, "cannot write: %v", err)
			return
		}
		count(kind, len(b))
	}

	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			reported := map[string]bool{}
			for i := range next {
				p := &pages[i]
				buf.Reset()
				tmpl := t.templateFor(p.Kind)
				if err := tmpl.ExecuteTemplate(&buf, "base.html", p); err != nil {
					d := templateDiag(err, t.files, t.shown(p.Kind+".html"))
					// One broken template breaks every page of its kind:
					// say so once per worker, not once per page.
					if !reported[d.String()] {
						reported[d.String()] = true
						d.Msg += " (rendering " + p.File() + ")"
						ds.Add(d)
					}
					continue
				}
				write(p.File(), p.Kind, bytes.Clone(buf.Bytes()))
			}
		}()
	}
	for i := range pages {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()

	for name, b := range dataFiles(s) {
		write(name, "", b)
	}
	items := ds.Items()
	return st, dedupe(items)
}

// dedupe drops diagnostics repeated by several workers for one template.
func dedupe(ds []diag.Diagnostic) []diag.Diagnostic {
	out := ds[:0]
	seen := map[string]bool{}
	for _, d := range ds {
		k := d.File + "\x00" + d.Msg
		if i := bytes.IndexByte([]byte(d.Msg), '('); i > 0 {
			k = d.File + "\x00" + d.Msg[:i]
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	return out
}
