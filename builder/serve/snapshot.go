package serve

import (
	"bytes"
	"compress/flate"
	"hash/maphash"
	"io"
	"maps"
	"sync"

	"github.com/briefhq/brief/builder/diag"
)

// Snapshot is one complete version of the site as served. It is never
// modified after it is published.
type Snapshot struct {
	files   fileSet           // output path → contents
	Errors  []diag.Diagnostic // errors of the latest build, shown over the pages
	Version uint64            // increases with every published snapshot
	Base    string            // the path the site is served under, "/" or "/repo/"
}

// File returns the bytes of the output file at name, and whether the
// snapshot has it.
// A file of the data export is made when first asked for; one that can
// no longer be made (see stale) is reported missing.
func (s *Snapshot) File(name string) ([]byte, bool) {
	f, ok := s.files.get(name)
	if ok && f.lazy != nil {
		f, ok = f.lazy.get()
	}
	if !ok {
		return nil, false
	}
	return f.bytes(), true
}

// stale reports whether the file at name is a file of the data export
// that was not made while this snapshot's site was the session's, and
// cannot be made any more: a later build has changed the site since.
func (s *Snapshot) stale(name string) bool {
	f, ok := s.files.get(name)
	if !ok || f.lazy == nil {
		return false
	}
	_, ok = f.lazy.get()
	return !ok
}

// Decoded returns every output file by path, as a build writes it (the
// data export made if need be, and left out when stale).
func (s *Snapshot) Decoded() map[string][]byte {
	out := make(map[string][]byte, s.files.count())
	s.files.each(func(name string, _ file) {
		if b, ok := s.File(name); ok {
			out[name] = b
		}
	})
	return out
}

// fileSet is a snapshot's files: a map that no snapshot changes once it
// is made, shared by the snapshots after it, and the files that replaced
// some of them since. An edit replaces a few of a site's files: copying
// the whole map for each new snapshot cost 24 MB of allocation per edit
// at 100,000 articles (2.4 MB at 10,000), a tenth of a text edit's.
type fileSet struct {
	base map[string]file
	over map[string]file // replacements and additions; nil for none
}

// get returns the file at name.
func (fs fileSet) get(name string) (file, bool) {
	if f, ok := fs.over[name]; ok {
		return f, true
	}
	f, ok := fs.base[name]
	return f, ok
}

// at returns the file at name, or none.
func (fs fileSet) at(name string) file {
	f, _ := fs.get(name)
	return f
}

// count returns how many files the set has.
func (fs fileSet) count() int {
	n := len(fs.base)
	for name := range fs.over {
		if _, ok := fs.base[name]; !ok {
			n++
		}
	}
	return n
}

// each calls f for every file of the set, in no particular order.
func (fs fileSet) each(f func(name string, fl file)) {
	for name, fl := range fs.over {
		f(name, fl)
	}
	for name, fl := range fs.base {
		if _, ok := fs.over[name]; !ok {
			f(name, fl)
		}
	}
}

// with returns the set with the files of changed put in, leaving fs as
// it is. The replacements are folded into a new base map once they
// outnumber an eighth of it, so that lookups stay one or two probes and
// replaced files are freed.
func (fs fileSet) with(changed map[string]file) fileSet {
	over := make(map[string]file, len(fs.over)+len(changed))
	maps.Copy(over, fs.over)
	maps.Copy(over, changed)
	if len(over) <= len(fs.base)/8 {
		return fileSet{base: fs.base, over: over}
	}
	base := maps.Clone(fs.base)
	if base == nil {
		base = map[string]file{}
	}
	maps.Copy(base, over)
	return fileSet{base: base}
}

// file is an output file as a snapshot keeps it. The rendered files
// (pages, feeds, data, the search index) are kept DEFLATE-compressed:
// they are most of a preview's memory — about 330 MB at 10,000
// articles, which compress about sixfold at the fastest level — and a
// request inflates one page in well under a millisecond. Static files
// (often images, already compressed) are kept as they are.
type file struct {
	data     []byte
	size     int  // bytes uncompressed
	deflated bool // data is compressed
	// pieces, for a large file (a made data export: 64 MB at 10,000
	// articles; a big site's largest pages), hold it cut at line ends
	// and compressed piece by piece, data unset: a rebuild compresses
	// again only the pieces whose bytes changed (see deflatedFrom).
	pieces []piece
	// lazy, for a file of the data export, makes the file when it is
	// first asked for (see Server.export); the fields above are unset.
	lazy *lazyFile
}

// lazyFile is a file of the data export, made on first request from the
// site of the build that published it. The preview does not make the
// export on every rebuild (render.Options.DeferExport): it is a tenth of
// the output, a date edit changes it, and it is seldom opened there.
type lazyFile struct {
	mu   sync.Mutex
	made bool
	f    file
	// build makes the file; false when the site it was to be made from
	// has changed since (a later build), and it never can be.
	build func() (file, bool)
}

// get returns the file, made the first time.
func (l *lazyFile) get() (file, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if !l.made && l.build != nil {
		f, ok := l.build()
		if !ok {
			l.build = nil // stale for good
			return file{}, false
		}
		l.f, l.made, l.build = f, true, nil
	}
	return l.f, l.made
}

// piece is one part of a large file, with the hash of its bytes.
type piece struct {
	sum uint64
	file
}

// raw keeps data as it is.
func raw(data []byte) file { return file{data: data, size: len(data)} }

var (
	deflaters = sync.Pool{New: func() any {
		w, _ := flate.NewWriter(nil, flate.BestSpeed)
		return w
	}}
	inflaters = sync.Pool{New: func() any { return flate.NewReader(nil) }}
)

// deflated compresses data, or keeps it as it is when that saves little.
func deflated(data []byte) file {
	if len(data) < 256 {
		return raw(bytes.Clone(data))
	}
	var b bytes.Buffer
	b.Grow(len(data)/4 + 64)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&b)
	_, _ = w.Write(data) // a bytes.Buffer does not fail
	_ = w.Close()
	deflaters.Put(w)
	if b.Len() > len(data)-len(data)/8 {
		return raw(bytes.Clone(data))
	}
	return file{data: bytes.Clone(b.Bytes()), size: len(data), deflated: true}
}

// Large files are cut into pieces of at least minPiece bytes, each
// ending at the end of a line whose length has its low pieceBits bits
// zero (or at maxPiece bytes): the cuts depend on the lines around them,
// not on offsets, so an edit that moves or lengthens a line changes the
// pieces it touches and leaves the others as they were. A line's length
// tells lines apart well enough for that, without hashing them.
const (
	minPiece  = 64 << 10
	maxPiece  = 1 << 20
	pieceBits = 2
)

// deflatedFrom compresses data like deflated, a large file piece by
// piece, reusing the compressed pieces of prev (the file's version in
// the snapshot before) whose bytes did not change.
func deflatedFrom(data []byte, prev file) file {
	if len(data) < 2*minPiece {
		return deflated(data)
	}
	c := newCutter(prev)
	c.cut(data, true)
	return c.out
}

// cutter cuts a large file into compressed pieces as its bytes come,
// reusing the pieces of the file's version before whose bytes did not
// change. Given the whole file or given it in parts, it cuts the same
// pieces: a streamed file (the data export, 64 MB at 10,000 articles)
// need not be held whole before it is compressed.
type cutter struct {
	old map[uint64]file
	out file
}

func newCutter(prev file) *cutter {
	old := make(map[uint64]file, len(prev.pieces))
	for _, p := range prev.pieces {
		old[p.sum] = p.file
	}
	return &cutter{old: old}
}

// cut takes the pieces off the front of data and returns how many bytes
// it took. Unless data is the file's end (final), it takes a piece only
// when data holds a line end at or after maxPiece: then pieceLen finds
// the cut it would find in the whole file.
func (c *cutter) cut(data []byte, final bool) int {
	taken := 0
	for len(data) > 0 {
		if !final && (len(data) <= maxPiece || bytes.IndexByte(data[maxPiece:], '\n') < 0) {
			break
		}
		n := pieceLen(data)
		sum := maphash.Bytes(pieceSeed, data[:n])
		f, ok := c.old[sum]
		if !ok || f.size != n {
			f = deflated(data[:n])
		}
		c.out.pieces = append(c.out.pieces, piece{sum: sum, file: f})
		c.out.size += n
		data, taken = data[n:], taken+n
	}
	return taken
}

// pieceSeed seeds the hashes of pieces, compared only within a process.
var pieceSeed = maphash.MakeSeed()

// pieceLen is the length of the first piece of data.
func pieceLen(data []byte) int {
	at := minPiece
	for at < len(data) && at < maxPiece {
		i := bytes.IndexByte(data[at:], '\n')
		if i < 0 {
			break
		}
		end := at + i + 1
		start := bytes.LastIndexByte(data[:at+i], '\n') + 1
		if (end-start)&(1<<pieceBits-1) == 0 {
			return end
		}
		at = end
	}
	return min(len(data), maxPiece)
}

// bytes returns the file's contents, inflated if need be.
func (f file) bytes() []byte {
	if f.pieces != nil {
		out := make([]byte, 0, f.size)
		for _, p := range f.pieces {
			out = append(out, p.bytes()...)
		}
		return out
	}
	if !f.deflated {
		return f.data
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	_ = r.(flate.Resetter).Reset(bytes.NewReader(f.data), nil)
	out := make([]byte, f.size)
	if _, err := io.ReadFull(r, out); err != nil {
		// Only memory the snapshot wrote itself is read: a failure
		// here is a bug, and an empty answer shows it.
		return nil
	}
	return out
}

// memOutput collects a render's files; safe for concurrent use.
type memOutput struct {
	mu    sync.Mutex
	files map[string]file
	// prev is the snapshot before, whose pieces a large file reuses.
	prev fileSet
	// bufs are the streamed files' buffers, kept by the server from one
	// render to the next (nil: each file allocates its own).
	bufs *streamBufs
}

// streamBufs keeps the buffers of streamed files for the next render. A
// buffer is free once its file is closed (what the snapshot keeps is
// compressed into memory of its own), and each is streamBuffer plus a
// piece long: the data export's two large files took 9 MB each on every
// date edit (a buffer, then the buffer grown when it first filled),
// which the collector then had to pay for.
type streamBufs struct {
	mu   sync.Mutex
	free [][]byte
}

// maxKeptStreamBufs bounds the buffers kept: as many as files stream at
// once (the render's workers) with room to spare.
const maxKeptStreamBufs = 4

// get returns an empty buffer, a kept one when there is one.
func (p *streamBufs) get() []byte {
	if p != nil {
		p.mu.Lock()
		defer p.mu.Unlock()
		if n := len(p.free); n > 0 {
			b := p.free[n-1]
			p.free = p.free[:n-1]
			return b[:0]
		}
	}
	return make([]byte, 0, streamBuffer+maxPiece)
}

// put keeps b for a later file, unless enough are kept or it grew (a
// file with a line longer than a piece).
func (p *streamBufs) put(b []byte) {
	if p == nil || cap(b) != streamBuffer+maxPiece {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < maxKeptStreamBufs {
		p.free = append(p.free, b)
	}
}

// WriteFile keeps a compressed copy of data (the renderer reuses its
// buffers).
func (m *memOutput) WriteFile(name string, data []byte) error {
	m.put(name, deflatedFrom(data, m.prev.at(name)))
	return nil
}

func (m *memOutput) put(name string, f file) {
	m.mu.Lock()
	m.files[name] = f
	m.mu.Unlock()
}

// Create collects a streamed file, compressed on Close. A large one is
// cut into its pieces as it comes (see cutter), so that at most a few
// of them are held uncompressed, not the whole file.
func (m *memOutput) Create(name string) (io.WriteCloser, error) {
	return &memFile{m: m, name: name, prev: m.prev.at(name), buf: m.bufs.get()}, nil
}

// streamBuffer is how much a streamed file's buffer holds before pieces
// are cut off it. The buffer has room for a piece more, so that the
// write that fills it does not grow it.
const streamBuffer = 4 * maxPiece

type memFile struct {
	m    *memOutput
	name string
	prev file
	buf  []byte
	c    *cutter // once the file is large
	next int     // the buffer's length at which to try cutting again
}

func (f *memFile) Write(p []byte) (int, error) {
	f.buf = append(f.buf, p...)
	f.flush()
	return len(p), nil
}

func (f *memFile) WriteByte(c byte) error {
	f.buf = append(f.buf, c)
	f.flush()
	return nil
}

func (f *memFile) WriteString(s string) (int, error) {
	f.buf = append(f.buf, s...)
	f.flush()
	return len(s), nil
}

// flush cuts the pieces the buffer holds once it holds streamBuffer
// bytes, and moves what is left to its start.
func (f *memFile) flush() {
	if len(f.buf) < max(streamBuffer, f.next) {
		return
	}
	if f.c == nil {
		f.c = newCutter(f.prev)
	}
	n := f.c.cut(f.buf, false)
	if n == 0 {
		// A line longer than a piece: wait until the buffer has doubled,
		// not scanning it again at every write.
		f.next = 2 * len(f.buf)
		return
	}
	f.next = 0
	f.buf = f.buf[:copy(f.buf, f.buf[n:])]
}

// Close compresses what is left and gives the buffer back: both
// deflated and the cutter copy what they keep.
func (f *memFile) Close() error {
	if f.c == nil {
		f.m.put(f.name, deflatedFrom(f.buf, f.prev))
	} else {
		f.c.cut(f.buf, true)
		f.m.put(f.name, f.c.out)
	}
	f.m.bufs.put(f.buf)
	f.buf = nil
	return nil
}
