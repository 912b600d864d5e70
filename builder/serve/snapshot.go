package serve

import (
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
}

func (m *memOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	m.files[name] = data
	m.mu.Unlock()
	return nil
}
