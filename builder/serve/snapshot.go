package serve

import (
	"bytes"
	"compress/flate"
	"hash/maphash"
	"io"
	"sync"

	"github.com/briefhq/brief/builder/diag"
)

// Snapshot is one complete version of the site as served. It is never
// modified after it is published.
type Snapshot struct {
	files   map[string]file   // output path → contents
	Errors  []diag.Diagnostic // errors of the latest build, shown over the pages
	Version uint64            // increases with every published snapshot
	Base    string            // the path the site is served under, "/" or "/repo/"
}

// File returns the bytes of the output file at name, and whether the
// snapshot has it.
func (s *Snapshot) File(name string) ([]byte, bool) {
	f, ok := s.files[name]
	if !ok {
		return nil, false
	}
	return f.bytes(), true
}

// Decoded returns every output file by path, as a build writes it.
func (s *Snapshot) Decoded() map[string][]byte {
	out := make(map[string][]byte, len(s.files))
	for name, f := range s.files {
		out[name] = f.bytes()
	}
	return out
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
	// pieces, for a large file (the data export: 64 MB at 10,000
	// articles, rewritten by every date edit), hold it cut at line ends
	// and compressed piece by piece, data unset: a rebuild compresses
	// again only the pieces whose bytes changed (see deflatedFrom).
	pieces []piece
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
	old := make(map[uint64]file, len(prev.pieces))
	for _, p := range prev.pieces {
		old[p.sum] = p.file
	}
	out := file{size: len(data)}
	for len(data) > 0 {
		n := pieceLen(data)
		sum := maphash.Bytes(pieceSeed, data[:n])
		f, ok := old[sum]
		if !ok || f.size != n {
			f = deflated(data[:n])
		}
		out.pieces = append(out.pieces, piece{sum: sum, file: f})
		data = data[n:]
	}
	return out
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
	// prev is the snapshot before: a streamed file gets a buffer of its
	// last size, so the search index of a big site is not grown by
	// doubling on every rebuild.
	prev map[string]file
}

// WriteFile keeps a compressed copy of data (the renderer reuses its
// buffers).
func (m *memOutput) WriteFile(name string, data []byte) error {
	m.put(name, deflatedFrom(data, m.prev[name]))
	return nil
}

func (m *memOutput) put(name string, f file) {
	m.mu.Lock()
	m.files[name] = f
	m.mu.Unlock()
}

// Create collects a streamed file in a buffer it keeps, compressed, on
// Close.
func (m *memOutput) Create(name string) (io.WriteCloser, error) {
	size := m.prev[name].size
	return &memFile{m: m, name: name, b: bytes.NewBuffer(make([]byte, 0, size+size/16))}, nil
}

type memFile struct {
	m    *memOutput
	name string
	b    *bytes.Buffer
}

func (f *memFile) Write(p []byte) (int, error)       { return f.b.Write(p) }
func (f *memFile) WriteByte(c byte) error            { return f.b.WriteByte(c) }
func (f *memFile) WriteString(s string) (int, error) { return f.b.WriteString(s) }

func (f *memFile) Close() error {
	f.m.put(f.name, deflatedFrom(f.b.Bytes(), f.m.prev[f.name]))
	return nil
}
