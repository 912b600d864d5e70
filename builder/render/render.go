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
	// Deps, for a generated file, feeds into sig what the file will
	// hold, computed without making it: two renders whose Deps agree
	// give the same bytes, so an incremental render skips the job. Nil
	// means the job is made on every render (and written only when its
	// bytes changed). Pages and feeds record what they read instead.
	Deps func(sig *Sig)
	// feed writes a generated file that reads the model through views,
	// recording its dependencies like a page (the per-item feeds, the
	// data export).
	feed func(w Writer, r *rec) error
	// big marks a site-wide feed job that a render recording nothing
	// streams to a Creator, as it does Make, instead of holding it whole.
	big bool
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
	// renders everything.
	Global uint64
	// State holds what the previous renders recorded: with it, a file
	// whose dependencies did not change is skipped, and the render
	// records the dependencies of the files it makes (Commit the result
	// to keep them). Nil renders every file and records nothing.
	State *State
	// Verify renders the files State says are unchanged too, without
	// writing them, and lists in Result.Mismatched those whose bytes
	// differ from the last render's: a test of the recorded
	// dependencies.
	Verify bool
	// Cache keeps encoded parts of the site-wide files (search index, data
	// export) for the next render; worth it only when one will follow.
	Cache bool
	// DeferExport leaves the data export (ExportNames) out of the render:
	// the caller makes a file of it with Export when it is asked for. The
	// preview does, because the export is the largest output (64 MB at
	// 10,000 articles), a date edit changes it, and hardly anyone opens it
	// in a preview: made on every such edit from cached per-article parts,
	// it cost those parts' memory (66 MB) and a share of the rebuild.
	DeferExport bool
}

// Stats counts what a render wrote.
type Stats struct {
	Pages   map[string]int // pages written, by kind
	Files   int            // every file written, pages included
	Skipped int            // jobs whose inputs (or bytes) had not changed
	Bytes   int64
	// HTMLBytes is the size of the HTML pages written, SearchIndex the
	// size of the search index files written (manifest and shards).
	HTMLBytes   int64
	SearchIndex int64
}

// Result is what a render produced.
type Result struct {
	Stats Stats
	// Files holds every file of the plan, written or not.
	Files map[string]bool
	// Written lists the files written, in plan order.
	Written []string
	// Added counts the files of the plan that the last committed render
	// lacks, and Gone lists those it had that the plan no longer has:
	// with neither, the site has the same files as before.
	Added int
	Gone  []string
	// Mismatched lists, with Options.Verify, the files whose recorded
	// dependencies said "unchanged" but whose bytes changed.
	Mismatched []string

	global uint64
	next   map[string]fileRec // for State.Commit; nil without a State
}

// Render writes the site's files to out: every page of the plan and the
// data export. Jobs run in parallel, one buffer per worker; errors of every
// page are reported, each naming its template.
func Render(ctx context.Context, s *model.Site, t *Templates, out Output, opts Options) (*Result, []diag.Diagnostic) {
	cacheKey := uint64(0)
	if opts.Cache {
		cacheKey = opts.Global | 1
	}
	l := lists(s)
	var search *searchCache
	if opts.State != nil && opts.Cache {
		search = &opts.State.search
	}
	jobs := plan(s, l, cacheKey, search, t.cat, opts.DeferExport)
	res := &Result{Stats: Stats{Pages: map[string]int{}}, Files: make(map[string]bool, len(jobs)), global: opts.Global}
	st := opts.State
	var tabs *tables
	var prev map[string]fileRec
	if st != nil {
		tabs = st.newTables(s, l, jobs)
		res.next = make(map[string]fileRec, len(jobs))
		if st.global == opts.Global {
			prev = st.pages
		}
	}
	// Signing generated files walks the site; do it on all cores.
	sigs := make([]uint64, len(jobs))
	if st != nil {
		parallel(len(jobs), func(i int) {
			if j := &jobs[i]; j.Deps != nil {
				sig := Sig{h: fnvOffset}
				sig.Str(j.File)
				j.Deps(&sig)
				sigs[i] = sig.h | 1
			}
		})
	}
	todo := make([]int, 0, len(jobs))
	var verify []int // skipped jobs rendered to check them
	for i := range jobs {
		j := &jobs[i]
		res.Files[j.File] = true
		p, ok := prev[j.File]
		switch {
		case st == nil:
		case !ok:
			res.Added++
		case j.Deps != nil && p.sum == sigs[i], p.recorded && tabs.unchanged(p):
			res.Stats.Skipped++
			res.next[j.File] = p
			if opts.Verify && j.Deps == nil {
				verify = append(verify, i)
			}
			continue
		}
		todo = append(todo, i)
	}
	if st != nil && len(jobs)-res.Added != len(st.pages) {
		for f := range st.pages {
			if !res.Files[f] {
				res.Gone = append(res.Gone, f)
			}
		}
		sort.Strings(res.Gone)
	}

	creator, _ := out.(Creator)
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
			var r *rec
			if tabs != nil {
				r = newRec(tabs)
			}
			for i := range next {
				checking := i < 0 // a skipped job, rendered to verify it
				if checking {
					i = -i - 1
				}
				j := &jobs[i]
				var data []byte
				var n int64
				var sum uint64 // of a file streamed, under Verify
				rj := r
				if j.Page == nil && j.feed == nil {
					rj = nil // depends on the whole site
				}
				if rj != nil {
					rj.reset()
				}
				switch {
				case j.Page != nil:
					buf.Reset()
					j.Page.r, j.Page.cat = rj, t.cat
					err := t.templateFor(j.Page.Kind()).ExecuteTemplate(&buf, "base.html", j.Page)
					j.Page.r = nil
					if err != nil {
						d := templateDiag(err, t.files, t.shown(j.Page.Kind()+".html"))
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
				case j.feed != nil && j.big && creator != nil && !checking:
					// Streamed, not assembled in a buffer grown by
					// doubling: the data export of 10,000 articles is
					// 64 MB, and a date edit makes it again.
					mk := func(w Writer) error { return j.feed(w, rj) }
					var h *summer
					if st != nil && opts.Verify {
						// Only Verify compares a recorded file's hash,
						// and hashing 64 MB in small writes is a tenth
						// of a date edit.
						h = &summer{}
						h.h.SetSeed(strSeed)
						mk = func(w Writer) error { h.w = w; return j.feed(h, rj) }
					}
					var err error
					if n, err = stream(creator, j.File, mk, bw); err != nil {
						ds.Errorf(j.File, 0, "cannot write: %v", err)
						continue
					}
					if h != nil {
						sum = h.h.Sum64() | 1
					}
				case j.feed != nil:
					buf.Reset()
					if err := j.feed(&buf, rj); err != nil {
						ds.Errorf(j.File, 0, "cannot generate: %v", err)
						continue
					}
					data, n = buf.Bytes(), int64(buf.Len())
				default:
					if creator != nil && st == nil {
						var err error
						if n, err = stream(creator, j.File, j.Make, bw); err != nil {
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
				}
				var rc fileRec
				if st != nil {
					switch {
					case j.Deps != nil:
						rc.sum = sigs[i]
					case data != nil:
						rc.sum = sumOf(data)
					default:
						rc.sum = sum
					}
					if rj != nil {
						rc.recorded, rc.deps = true, rj.deps()
					}
				}
				if checking {
					if p := prev[j.File]; p.sum != 0 && rc.sum != p.sum {
						mu.Lock()
						res.Mismatched = append(res.Mismatched, j.File)
						mu.Unlock()
					}
					continue
				}
				skip := false
				if data != nil && st != nil && j.Deps == nil && !rc.recorded {
					// A file made on every render is written only when
					// its bytes changed.
					p, ok := prev[j.File]
					skip = ok && p.sum == rc.sum
				}
				if data != nil && !skip {
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
				if st != nil {
					res.next[j.File] = rc
				}
				if skip {
					res.Stats.Skipped++
					mu.Unlock()
					continue
				}
				if j.Page != nil {
					res.Stats.Pages[j.Kind]++
				}
				res.Stats.Files++
				res.Stats.Bytes += n
				if strings.HasSuffix(j.File, ".html") {
					res.Stats.HTMLBytes += n
				}
				if j.Kind == "search-index" {
					res.Stats.SearchIndex += n
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
	for _, i := range verify {
		if ctx.Err() != nil {
			break
		}
		next <- -i - 1
	}
	close(next)
	wg.Wait()
	sort.Strings(res.Mismatched)
	for i, ok := range written {
		if ok {
			res.Written = append(res.Written, jobs[i].File)
		}
	}
	if ctx.Err() != nil || len(ds.Items()) > 0 {
		res.next = nil // not a base for the next render
	}
	return res, dedupe(ds.Items())
}

// parallel calls f(0) … f(n-1) on all cores.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < n; i += workers {
				f(i)
			}
		}(w)
	}
	wg.Wait()
}

// maxKeptBuffer is the largest page buffer a worker keeps for the next
// page.
const maxKeptBuffer = 4 << 20

// stream writes a generated file through c with mk, buffered by bw
// unless the file takes the writes of a Writer itself (a memory buffer,
// which would only copy twice), and returns its size.
func stream(c Creator, name string, mk func(Writer) error, bw *bufio.Writer) (int64, error) {
	f, err := c.Create(name)
	if err != nil {
		return 0, err
	}
	cw := &countWriter{w: f}
	if w, ok := f.(Writer); ok {
		cw.bw = w
		err = mk(cw)
	} else {
		bw.Reset(cw)
		err = mk(bw)
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

// summer passes what is written on to w and hashes it as sumOf does.
type summer struct {
	w Writer
	h maphash.Hash
}

func (s *summer) Write(p []byte) (int, error) {
	s.h.Write(p)
	return s.w.Write(p)
}

func (s *summer) WriteByte(b byte) error {
	s.h.WriteByte(b)
	return s.w.WriteByte(b)
}

func (s *summer) WriteString(v string) (int, error) {
	s.h.WriteString(v)
	return s.w.WriteString(v)
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
