// Package write puts a build's output on disk atomically. Files go into a
// staging folder beside the destination; only when the whole build has
// succeeded is the staging folder swapped in, so a failed build leaves the
// previous site byte-for-byte as it was, and pages of deleted content never
// linger. A .git folder and a CNAME file in the destination are carried
// over, because people publish the output folder as a gh-pages worktree.
//
// Every output carries a stamp file (StampFile), written first into the
// staging folder: a non-empty destination without it is someone else's
// folder and is not replaced unless forced, and a staging folder with it
// that no running build holds (a killed build's) is removed by the next
// build.
package write

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// Kept are the entries of an existing destination that survive a build.
var Kept = []string{".git", "CNAME"}

// StampFile is the name of brief's mark in every folder it writes.
const StampFile = ".brief-build"

// Stamp is the content of StampFile. It holds no time or version, so that
// two builds of the same site stay byte-identical.
const Stamp = "This folder was written by brief (github.com/briefhq/brief): brief build replaces it, and everything in it, on every build.\n"

// Names of the folders a build leaves beside the destination while it
// runs: the staging folder, and the previous output on its way out.
const (
	newInfix = ".brief-new-"
	oldInfix = ".brief-old-"
	// spillPrefix names the scratch files of package spill.
	spillPrefix = ".brief-spill-"
)

// RefusedError is a destination that brief will not write because
// replacing it could destroy what brief did not write: the site itself,
// or a folder of someone's files. It is a mistake in the command line,
// not in the site.
type RefusedError struct {
	Dest string
	Msg  string
}

// Error returns the message, which names the folder and how to proceed.
func (e *RefusedError) Error() string { return e.Msg }

// Options control Begin.
type Options struct {
	// Force replaces a non-empty destination that carries no stamp.
	Force bool
}

// Staging is an output folder being written.
type Staging struct {
	dest    string // destination folder
	dir     string // staging folder beside dest
	release func() // ends the hold on the staging folder's stamp
	dirs    sync.Map
}

// Begin checks that dest may be replaced, removes what killed builds left
// beside it, and creates a staging folder there. It refuses a destination
// that holds files not written by a build, so that a mistyped -d never
// deletes someone's work.
func Begin(dest string, opts Options) (*Staging, error) {
	dest = filepath.Clean(dest)
	if err := checkDest(dest, opts.Force); err != nil {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	RemoveStale(dest)
	dir, err := mkdirTemp(parent, "."+filepath.Base(dest)+newInfix)
	if err != nil {
		return nil, err
	}
	release, err := stampNew(dir)
	if err != nil {
		_ = os.RemoveAll(dir)
		return nil, err
	}
	return &Staging{dest: dest, dir: dir, release: sync.OnceFunc(release)}, nil
}

// mkdirTemp creates a new folder named prefix and a random suffix in
// parent. Unlike os.MkdirTemp (0700) it creates it 0755 less the umask,
// as any folder: the output is for a web server that may run as another
// user.
func mkdirTemp(parent, prefix string) (string, error) {
	for range 10000 {
		dir := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
		err := os.Mkdir(dir, 0o755)
		if !errors.Is(err, fs.ErrExist) {
			return dir, err
		}
	}
	return "", fmt.Errorf("cannot create a staging folder in %s: every name tried exists", parent)
}

// stampNew writes the stamp into a new staging folder and holds it for
// as long as the build runs. It is written under another name and renamed
// once held, so that no other build ever sees the stamp unheld and takes
// the folder for a killed build's.
func stampNew(dir string) (release func(), err error) {
	tmp := filepath.Join(dir, StampFile+".tmp")
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(Stamp); err != nil {
		f.Close()
		return nil, err
	}
	if release, err = hold(f); err != nil {
		f.Close()
		return nil, err
	}
	if err := os.Rename(tmp, filepath.Join(dir, StampFile)); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// RemoveStale removes what builds killed before they finished left beside
// dest: staging folders and previous outputs on their way out, each
// recognised by its name and by the stamp in it, and only when no running
// build holds that stamp; and the scratch files of package spill, which a
// running build has already unlinked where the system allows it and no
// longer needs by name. Failures are left for the next build to retry.
func RemoveStale(dest string) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(parent, name)
		switch {
		case e.Type().IsRegular() && isTempName(name, spillPrefix):
			_ = os.Remove(p)
		case e.IsDir() && (isTempName(name, "."+base+newInfix) || isTempName(name, "."+base+oldInfix)):
			stamp := filepath.Join(p, StampFile)
			if fi, err := os.Lstat(stamp); err != nil || !fi.Mode().IsRegular() {
				continue // not brief's: left alone
			}
			release, ok := claim(stamp)
			if !ok {
				continue // a running build's
			}
			_ = removeStamped(p)
			release()
		}
	}
}

// isTempName reports whether name is prefix followed by the random suffix
// of mkdirTemp or os.CreateTemp.
func isTempName(name, prefix string) bool {
	suffix, ok := strings.CutPrefix(name, prefix)
	if !ok || suffix == "" {
		return false
	}
	for _, r := range suffix {
		if (r < '0' || r > '9') && (r < 'a' || r > 'z') {
			return false
		}
	}
	return true
}

func checkDest(dest string, force bool) error {
	fi, err := os.Lstat(dest)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return &RefusedError{Dest: dest, Msg: fmt.Sprintf("output %s exists and is not a folder; choose another output folder with -d", dest)}
	}
	entries, err := os.ReadDir(dest)
	if err != nil {
		return err
	}
	if force {
		return nil
	}
	if fi, err := os.Lstat(filepath.Join(dest, StampFile)); err == nil && fi.Mode().IsRegular() {
		return nil
	}
	for _, e := range entries {
		if !isKept(e.Name()) && e.Name() != ".nojekyll" {
			return &RefusedError{Dest: dest, Msg: fmt.Sprintf("output folder %s is not empty and has no %s file, so brief did not write it (or a version of brief older than the file did); "+
				"a build replaces the whole folder: empty it, choose another folder with -d, or pass --force to replace it and everything in it", dest, StampFile)}
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
	return os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
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
	// Nearly every page has a folder of its own whose parent was made
	// before: one mkdir then, not MkdirAll's stat of each level.
	var err error
	if _, ok := s.dirs.Load(filepath.Dir(dir)); ok || filepath.Dir(dir) == s.dir {
		if err = os.Mkdir(dir, 0o755); errors.Is(err, fs.ErrExist) {
			err = nil // another worker's page made it
		}
	} else {
		err = os.MkdirAll(dir, 0o755)
	}
	if err != nil {
		return err
	}
	s.dirs.Store(dir, true)
	return nil
}

// Commit swaps the staging folder in for the destination, carrying over
// the kept entries of the old destination unless the build wrote its own.
// Where the system can exchange two folders in one step, the destination
// is never missing, not even for an instant.
func (s *Staging) Commit() error {
	defer s.release()
	if _, err := os.Lstat(s.dest); err != nil {
		return os.Rename(s.dir, s.dest)
	}
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
	old := s.dir // where the previous output ends up
	switch err := exchange(s.dir, s.dest); {
	case errors.Is(err, errNoExchange):
		old = filepath.Join(filepath.Dir(s.dest), "."+filepath.Base(s.dest)+oldInfix+strings.TrimPrefix(filepath.Base(s.dir), "."+filepath.Base(s.dest)+newInfix))
		if err := os.Rename(s.dest, old); err != nil {
			s.restoreKept()
			return err
		}
		if err := os.Rename(s.dir, s.dest); err != nil {
			_ = os.Rename(old, s.dest)
			s.restoreKept()
			return err
		}
	case err != nil:
		s.restoreKept()
		return err
	}
	removeOld(old)
	return nil
}

// removeOld removes the previous output once it is swapped out. It is
// stamped (an output of an older brief has no stamp) and held first, so
// that if the build is killed halfway through, the next build recognises
// what is left and removes it. The new output is in place by now: a
// failure only leaves the rest to that next build.
func removeOld(dir string) {
	f, err := os.OpenFile(filepath.Join(dir, StampFile), os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		_ = os.RemoveAll(dir)
		return
	}
	_, _ = f.WriteString(Stamp)
	release, err := hold(f)
	if err != nil {
		f.Close()
		release = func() {}
	}
	_ = removeStamped(dir)
	release()
}

// removeStamped removes a stamped folder, the stamp last: a build killed
// halfway through leaves a folder that is still recognisably brief's.
func removeStamped(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.Name() != StampFile {
			if err := os.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
				return err
			}
		}
	}
	return os.RemoveAll(dir)
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
func (s *Staging) Abort() error {
	err := removeStamped(s.dir)
	s.release()
	return err
}
