//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package write

import (
	"os"
	"time"
)

// staleAfter is how old a stamp must be for claim to take its folder
// for a killed build's, where no lock tells: far longer than any build
// runs.
const staleAfter = 24 * time.Hour

// hold closes f: without file locks there is nothing to hold, and an
// open file would keep its folder from being renamed on some systems.
func hold(f *os.File) (release func(), err error) {
	f.Close()
	return func() {}, nil
}

// claim reports whether the stamp file at p is older than any running
// build could be.
func claim(p string) (release func(), ok bool) {
	fi, err := os.Stat(p)
	if err != nil || time.Since(fi.ModTime()) < staleAfter {
		return nil, false
	}
	return func() {}, true
}
