package serve

import (
	"bytes"
	"io"
	"sync"

	"github.com/briefhq/brief/builder/diag"
)

// Snapshot is one complete version of the site as served. It is never
// modified after it is published.
type Snapshot struct {
	Files   map[string][]byte // output path → bytes
	Errors  []diag.Diagnostic // errors of the latest build, shown over the pages
	Version uint64            // increases with every published snapshot
	Base    string            // the path the site is served under, "/" or "/repo/"
}

// memOutput collects a render's files; safe for concurrent use.
type memOutput struct {
	mu    sync.Mutex
	files map[string][]byte
	// prev is the snapshot before: a streamed file gets a buffer of its
	// last size, so the search index of a big site is not grown by
	// doubling on every rebuild.
	prev map[string][]byte
}

// WriteFile keeps a copy of data (the renderer reuses its buffers).
func (m *memOutput) WriteFile(name string, data []byte) error {
	m.put(name, bytes.Clone(data))
	return nil
}

func (m *memOutput) put(name string, data []byte) {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
}

// Create collects a streamed file in a buffer it keeps on Close.
func (m *memOutput) Create(name string) (io.WriteCloser, error) {
	size := len(m.prev[name])
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
	f.m.put(f.name, f.b.Bytes())
	return nil
}
