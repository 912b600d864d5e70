//go:build !linux

package write

import "errors"

// errNoExchange says that the system cannot exchange two folders in one
// step, and they are to be swapped by two renames.
var errNoExchange = errors.New("exchanging folders is not supported")

// exchange reports errNoExchange: only Linux has renameat2.
var exchange = func(a, b string) error { return errNoExchange }
