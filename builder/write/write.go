// Package write puts a build's output on disk atomically. Files go into a
// staging folder beside the destination; only when the whole build has
// succeeded is the staging folder swapped in, so a failed build leaves the
// previous site byte-for-byte as it was, and pages of deleted content never
// linger. A .git folder and a CNAME file in the destination are carried
// over, because people publish the output folder as a gh-pages worktree.
package write

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Kept are the entries of an existing destination that survive a build.
var Kept = []string{".git", "CNAME"}

// Staging is an output folder being written.
type Staging struct {
	dest string // destination folder
	dir  string // staging folder beside dest
	dirs sync.Map
}

// Begin checks that dest may be replaced and creates a staging folder
// beside it. It refuses a destination that holds files not written by a
// build, so that a mistyped -d never deletes someone's work.
func Begin(dest string) (*Staging, error) {
	dest = filepath.Clean(dest)
	if err := checkDest(dest); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".brief-new-")
	if err != nil {
		return nil, err
	}
	return &Staging{dest: dest, dir: dir}, nil
}

func checkDest(dest string) error {
	fi, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("output %s exists and is not a folder", dest)
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	for _, name := range []string{"index.html", "404.html"} {
		if _, err := os.Stat(filepath.Join(dest, name)); err == nil {
			return nil
		}
	}
	for _, e := range entries {
		if !isKept(e.Name()) && e.Name() != ".nojekyll" {
			return fmt.Errorf("output folder %s is not empty and does not look like a site built by brief (it has no index.html); it would be replaced, so remove it or choose another folder with -d", dest)
		}
	}
	return nil
}

func isKept(name string) bool {
	for _, k := range Kept {
		if name == k {
			return true
		}
	}
	return false
}

// Dir returns the staging folder.
func (s *Staging) Dir() string { return s.dir }

// WriteFile writes one output file; name is slash-separated and relative.
func (s *Staging) WriteFile(name string, data []byte) error {
	p, err := s.path(name)
	if err != nil {
		return err
	}
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return err
	}
	return os.WriteFile(p, data, 0o644)
}

// Create opens one output file for writing, for files written as a
// stream; name is slash-separated and relative.
func (s *Staging) Create(name string) (io.WriteCloser, error) {
	p, err := s.path(name)
	if err != nil {
		return nil, err
	}
	if err := s.mkdir(filepath.Dir(p)); err != nil {
		return nil, err
	}
	return os.Create(p)
}

func (s *Staging) path(name string) (string, error) {
	clean := path.Clean("/" + name)
	if name == "" || clean == "/" || strings.Contains(name, "\\") || clean != "/"+strings.TrimPrefix(name, "/") {
		return "", fmt.Errorf("output path %q is not a clean relative path", name)
	}
	return filepath.Join(s.dir, filepath.FromSlash(clean[1:])), nil
}

func (s *Staging) mkdir(dir string) error {
	if _, ok := s.dirs.Load(dir); ok {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

// Commit swaps the staging folder in for the destination, carrying over
// the kept entries of the old destination unless the build wrote its own.
func (s *Staging) Commit() error {
	if _, err := os.Lstat(s.dest); err == nil {
		for _, k := range Kept {
			old := filepath.Join(s.dest, k)
			if _, err := os.Lstat(old); err != nil {
				continue
			}
			nw := filepath.Join(s.dir, k)
			if _, err := os.Lstat(nw); err == nil {
				continue // the build wrote its own (a CNAME from site.yaml)
			}
			if err := os.Rename(old, nw); err != nil {
				s.restoreKept()
				return fmt.Errorf("cannot carry %s over: %w", k, err)
			}
		}
		trash := filepath.Join(filepath.Dir(s.dest), "."+filepath.Base(s.dest)+".brief-old-"+filepath.Base(s.dir)[len(filepath.Base(s.dest))+len(".brief-new-")+1:])
		if err := os.Rename(s.dest, trash); err != nil {
			s.restoreKept()
			return err
		}
		if err := os.Rename(s.dir, s.dest); err != nil {
			_ = os.Rename(trash, s.dest)
			s.restoreKept()
			return err
		}
		return os.RemoveAll(trash)
	}
	return os.Rename(s.dir, s.dest)
}

// restoreKept moves carried-over entries back after a failed swap.
func (s *Staging) restoreKept() {
	for _, k := range Kept {
		nw := filepath.Join(s.dir, k)
		old := filepath.Join(s.dest, k)
		if _, err := os.Lstat(old); err == nil {
			continue
		}
		_ = os.Rename(nw, old)
	}
}

// Abort removes the staging folder, leaving the destination untouched.
func (s *Staging) Abort() error { return os.RemoveAll(s.dir) }
