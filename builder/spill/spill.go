// Package spill keeps article bodies in a scratch file while a one-shot
// build runs (see model.Store): written once after extraction, read once
// when the article's page is rendered. The operating system's page cache
// holds them instead of the build's heap, so a big site's memory grows
// with its metadata, not its text.
package spill

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

// File is a model.Store backed by an unnamed scratch file. It is safe for
// concurrent use.
type File struct {
	f       *os.File
	path    string // still to remove on Close; "" once unlinked
	size    atomic.Int64
	mu      sync.Mutex
	readErr error
	closed  atomic.Bool
}

// Create makes a scratch file in dir. Where the system allows it the
// file is unlinked at once, so that nothing is left behind even when the
// build is killed.
func Create(dir string) (*File, error) {
	f, err := os.CreateTemp(dir, ".brief-spill-")
	if err != nil {
		return nil, err
	}
	s := &File{f: f, path: f.Name()}
	if os.Remove(f.Name()) == nil {
		s.path = ""
	}
	return s, nil
}

// Put appends data and returns its offset.
func (s *File) Put(data []byte) (int64, error) {
	off := s.size.Add(int64(len(data))) - int64(len(data))
	if _, err := s.f.WriteAt(data, off); err != nil {
		return 0, err
	}
	return off, nil
}

// Get reads n bytes at off. On failure it returns nil and remembers the
// error for Err. After Close it returns nil: the text is gone.
func (s *File) Get(off int64, n int) []byte {
	if s.closed.Load() {
		return nil
	}
	b := make([]byte, n)
	if _, err := s.f.ReadAt(b, off); err != nil {
		s.mu.Lock()
		if s.readErr == nil {
			s.readErr = fmt.Errorf("reading back article text from scratch file: %w", err)
		}
		s.mu.Unlock()
		return nil
	}
	return b
}

// Err returns the first read error: a build whose pages may lack text
// must fail.
func (s *File) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.readErr
}

// Unlinked reports whether the file has no name left: closing it, or
// the collector closing it once nothing refers to it, frees its space.
func (s *File) Unlinked() bool { return s.path == "" }

// Size returns the bytes written so far.
func (s *File) Size() int64 { return s.size.Load() }

// Close closes and removes the file.
func (s *File) Close() error {
	s.closed.Store(true)
	err := s.f.Close()
	if s.path != "" {
		err = errors.Join(err, os.Remove(s.path))
	}
	return err
}
