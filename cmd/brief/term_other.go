//go:build !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd && !windows

package main

// fdIsTerminal reports false where brief does not know how to ask: no
// progress line rather than a garbled one.
func fdIsTerminal(fd uintptr) bool { return false }
