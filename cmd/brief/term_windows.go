package main

import "golang.org/x/sys/windows"

// fdIsTerminal reports whether fd is a console: only a console has a
// console mode to get.
func fdIsTerminal(fd uintptr) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(fd), &mode) == nil
}
