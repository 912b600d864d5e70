package write

import (
	"errors"

	"golang.org/x/sys/unix"
)

// errNoExchange says that the system cannot exchange two folders in one
// step, and they are to be swapped by two renames.
var errNoExchange = errors.New("exchanging folders is not supported")

// exchange swaps the folders a and b in one step (renameat2 with
// RENAME_EXCHANGE): b is never missing. A variable, for the tests of the
// fallback.
var exchange = func(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
		return errNoExchange // a file system or kernel without it
	}
	return err
}
