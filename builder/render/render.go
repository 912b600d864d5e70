package render

import (
	"bufio"
	"bytes"
	"context"
	"hash/fnv"
	"hash/maphash"
	"io"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Output receives the files a build writes, by slash-separated path
// relative to the output root. It must be safe for concurrent use. The
// data passed to WriteFile is only valid during the call: the renderer
// reuses its buffers, so an Output that keeps files must copy them.
type Output interface {
	WriteFile(name string, data []byte) error
}

// Creator is an Output that can also take a file as a stream. The large
// site-wide files (data export, search index) are written through it
// piece by piece instead of being assembled in memory first, which keeps
// a big site's build within a bounded amount of memory.
type Creator interface {
	Output
	Create(name string) (io.WriteCloser, error)
}

// Writer is what a generated file is written to: a buffered stream or a
// memory buffer.
type Writer interface {
	io.Writer
	io.ByteWriter
	io.StringWriter
}

// Job is one output file of the plan: a templated page or a generated
// file (data export, feed, ...).
type Job struct {
	File string
	Kind string // page kind for pages; "data", "feed", ... for other files
	Page *Page  // set for pages rendered from templates
	// Make writes a file that is not a templated page.
	Make func(w Writer) error
	// Deps feeds into sig everything the output shows beyond the site-wide
	// inputs (configuration, templates, the set of actor names). Two
	// renders whose Deps agree give the same bytes, so an incremental
	// rebuild skips the job. Nil means the job depends on the whole site
	// and is always rebuilt.
	Deps func(sig *Sig)
}

// Sig accumulates a 64-bit signature of a job's inputs.
type Sig struct{ h uint64 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Uint adds a number.
func (s *Sig) Uint(v uint64) {
	// One multiply-xorshift round per word: plenty to tell inputs apart,
	// and signing ten thousand pages touches hundreds of thousands.
	s.h = (s.h ^ v) * fnvPrime
	s.h ^= s.h >> 29
}

// Str adds a string.
func (s *Sig) Str(v string) {
	s.Uint(maphash.String(strSeed, v))
}

// strSeed seeds string hashing. Signatures are only compared within one
// process (one serve session), so a random seed per process is fine, and
// maphash is many times faster than hashing byte by byte.
var strSeed = maphash.MakeSeed()

// Options control a render.
type Options struct {
	// Global is the signature of the site-wide inputs; a change of it
	// rebuilds everything.
	Global uint64
	// Prev holds the signatures of the previous render's jobs; a job with
	// the same signature is skipped. Nil renders every job.
	Prev map[string]uint64
	// Cache keeps encoded parts of the site-wide files (search index, data
	// export) for the next render; worth it only when one will follow.
	Cache bool
}

// Stats counts what a render wrote.
type Stats struct {
	Pages   map[string]int // pages written, by kind
	Files   int            // every file written, pages included
	Skipped int            // jobs whose inputs had not changed
	Bytes   int64
	// HTMLBytes is the size of the HTML pages written, SearchIndex the
	// size of the search index (0 when it was not written).
	HTMLBytes   int64
	SearchIndex int64
}

// Result is what a render produced.
type Result struct {
	Stats Stats
	// Sigs holds the signature of every job of the plan, for the next
	// incremental render.
	Sigs map[string]uint64
	// Written lists the files written, in plan order.
	Written []string
	// Added counts the files of the plan that Options.Prev lacks, and
	// Gone lists those of Options.Prev the plan no longer has: with
	// neither, the site has the same files as before.
	Added int
	Gone  []string
}

// Render writes the site's files to out: every page of the plan and the
// data export. Jobs run in parallel, one buffer per worker; errors of every
// page are reported, each naming its template.
func Render(ctx context.Context, s *model.Site, t *Templates, out Output, opts Options) (*Result, []diag.Diagnostic) {
	cacheKey := uint64(0)
	if opts.Cache {
		cacheKey = opts.Global | 1
	}
	jobs := plan(s, t, cacheKey)
	res := &Result{Stats: Stats{Pages: map[string]int{}}, Sigs: make(map[string]uint64, len(jobs))}
	// Signing walks every item's links; do it on all cores.
	sigs := make([]uint64, len(jobs))
	workers := runtime.GOMAXPROCS(0)
	var swg sync.WaitGroup
	for w := 0; w < workers; w++ {
		swg.Add(1)
		go func(w int) {
			defer swg.Done()
			for i := w; i < len(jobs); i += workers {
				j := &jobs[i]
				if j.Deps == nil {
					continue // 0 marks "always rebuilt"
				}
				sig := Sig{h: fnvOffset}
				sig.Uint(opts.Global)
				sig.Str(j.File)
				j.Deps(&sig)
				sigs[i] = sig.h | 1 // never 0
			}
		}(w)
	}
	swg.Wait()
	todo := make([]int, 0, len(jobs))
	for i := range jobs {
		res.Sigs[jobs[i].File] = sigs[i]
		prev, ok := opts.Prev[jobs[i].File]
		if !ok {
			res.Added++
		} else if sigs[i] != 0 && prev == sigs[i] {
			res.Stats.Skipped++
			continue
		}
		todo = append(todo, i)
	}
	if len(jobs)-res.Added != len(opts.Prev) {
		for f := range opts.Prev {
			if _, ok := res.Sigs[f]; !ok {
				res.Gone = append(res.Gone, f)
			}
		}
		sort.Strings(res.Gone)
	}

	var ds diag.List
	var mu sync.Mutex
	written := make([]bool, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			bw := bufio.NewWriterSize(nil, 64<<10)
			reported := map[string]bool{}
			for i := range next {
				j := &jobs[i]
				var data []byte
				var n int64
				if j.Page != nil {
					buf.Reset()
					if err := t.templateFor(j.Page.Kind).ExecuteTemplate(&buf, "base.html", j.Page); err != nil {
						d := templateDiag(err, t.files, t.shown(j.Page.Kind+".html"))
						// One broken template breaks every page of its
						// kind: say so once, not once per page.
						if !reported[d.File+d.Msg] {
							reported[d.File+d.Msg] = true
							d.Msg += " (rendering " + j.File + ")"
							ds.Add(d)
						}
						continue
					}
					data, n = buf.Bytes(), int64(buf.Len())
				} else if c, ok := out.(Creator); ok {
					var err error
					if n, err = stream(c, j, bw); err != nil {
						ds.Errorf(j.File, 0, "cannot write: %v", err)
						continue
					}
				} else {
					buf.Reset()
					if err := j.Make(&buf); err != nil {
						ds.Errorf(j.File, 0, "cannot generate: %v", err)
						continue
					}
					data, n = buf.Bytes(), int64(buf.Len())
				}
				if data != nil {
					if err := out.WriteFile(j.File, data); err != nil {
						ds.Errorf(j.File, 0, "cannot write: %v", err)
						continue
					}
				}
				if buf.Cap() > maxKeptBuffer {
					// One huge file (the search index of a big site) must
					// not pin its buffer for the rest of the render.
					buf = bytes.Buffer{}
				}
				mu.Lock()
				if j.Page != nil {
					res.Stats.Pages[j.Kind]++
				}
				res.Stats.Files++
				res.Stats.Bytes += n
				if strings.HasSuffix(j.File, ".html") {
					res.Stats.HTMLBytes += n
				}
				if j.File == SearchIndexFile {
					res.Stats.SearchIndex = n
				}
				written[i] = true
				mu.Unlock()
			}
		}()
	}
	for _, i := range todo {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	for i, ok := range written {
		if ok {
			res.Written = append(res.Written, jobs[i].File)
		}
	}
	return res, dedupe(ds.Items())
}

// maxKeptBuffer is the largest page buffer a worker keeps for the next
// page.
const maxKeptBuffer = 4 << 20

// stream writes a generated file through c, buffered by bw unless the
// file takes the writes of a Writer itself (a memory buffer, which would
// only copy twice), and returns its size.
func stream(c Creator, j *Job, bw *bufio.Writer) (int64, error) {
	f, err := c.Create(j.File)
	if err != nil {
		return 0, err
	}
	cw := &countWriter{w: f}
	if w, ok := f.(Writer); ok {
		cw.bw = w
		err = j.Make(cw)
	} else {
		bw.Reset(cw)
		err = j.Make(bw)
		if err == nil {
			err = bw.Flush()
		}
		bw.Reset(nil)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return cw.n, err
}

// countWriter counts the bytes written through it. With bw set it is a
// Writer passing every call on to bw.
type countWriter struct {
	w  io.Writer
	bw Writer
	n  int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (c *countWriter) WriteByte(b byte) error {
	c.n++
	return c.bw.WriteByte(b)
}

func (c *countWriter) WriteString(s string) (int, error) {
	n, err := c.bw.WriteString(s)
	c.n += int64(n)
	return n, err
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

// Fingerprint hashes values into a signature, for callers that compute
// the Global option.
func Fingerprint(parts ...string) uint64 {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return h.Sum64()
}
