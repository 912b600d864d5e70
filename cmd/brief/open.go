package main

import (
	"os/exec"
	"runtime"
)

// openBrowser opens url in the desktop's browser, for serve --open; a
// variable for the tests.
var openBrowser = func(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	// The opener returns at once or lives on as the browser; either
	// way it is reaped, not waited for.
	go func() { _ = cmd.Wait() }()
	return nil
}
