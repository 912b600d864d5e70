//go:build linux || darwin || freebsd || netbsd || openbsd || dragonfly

package write

import (
	"os"
	"syscall"
)

// hold takes the lock on an open stamp file, which lasts until release
// closes it — or until the process dies, however it dies: a killed
// build's stamp is free, a running build's is not.
func hold(f *os.File) (release func(), err error) {
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}

// claim takes the lock on the stamp file at p if no running build holds
// it, which makes the folder a killed build's; the lock keeps another
// build from claiming it too while it is removed.
func claim(p string) (release func(), ok bool) {
	f, err := os.Open(p)
	if err != nil {
		return nil, false
	}
	release, err = hold(f)
	if err != nil {
		f.Close()
		return nil, false
	}
	return release, true
}
