package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/briefhq/brief/builder"
)

// progressAfter is how long a build runs before it shows a progress
// line: a quick build prints only its summary. A variable for the tests.
var progressAfter = time.Second

// isTerminal reports whether w is a terminal, where a progress line
// that rewrites itself can be shown; a variable for the tests.
var isTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && fdIsTerminal(f.Fd())
}

// progressLine shows a build's progress on one line of a terminal,
// rewritten in place with \r, and clears it when the build is done.
type progressLine struct {
	w io.Writer

	mu         sync.Mutex
	width      int           // of the line shown, to clear
	writeStart time.Duration // when the first file was written
}

// newProgress returns the progress line for a build writing its
// messages to w, or nil when w is not a terminal: in a log or CI the
// line would be a pile of \r.
func newProgress(w io.Writer) *progressLine {
	if !isTerminal(w) {
		return nil
	}
	return &progressLine{w: w}
}

// update is builder.Options.Progress.
func (p *progressLine) update(pr builder.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if pr.Written > 0 && p.writeStart == 0 {
		p.writeStart = pr.Elapsed
	}
	if pr.Elapsed < progressAfter {
		return
	}
	line := fmt.Sprintf("%d/%d files read", pr.Read, pr.ToRead)
	var left time.Duration
	switch {
	case pr.Written == 0:
		if pr.Read > 0 && pr.Read < pr.ToRead {
			left = time.Duration(float64(pr.Elapsed) / float64(pr.Read) * float64(pr.ToRead-pr.Read))
		}
	default:
		line += fmt.Sprintf(", %d/~%d written", pr.Written, max(pr.Written, pr.ToWrite))
		if spent := pr.Elapsed - p.writeStart; pr.Written < pr.ToWrite && spent > 0 {
			left = time.Duration(float64(spent) / float64(pr.Written) * float64(pr.ToWrite-pr.Written))
		}
	}
	if left > 0 {
		line += fmt.Sprintf(", about %s left", left.Round(time.Second))
	}
	p.show("brief: " + line)
}

// show writes s over the line shown before.
func (p *progressLine) show(s string) {
	pad := ""
	if n := p.width - len(s); n > 0 {
		pad = strings.Repeat(" ", n)
	}
	fmt.Fprint(p.w, "\r"+s+pad)
	p.width = len(s)
}

// done clears the line, so that what the build prints next starts at
// the beginning of an empty line.
func (p *progressLine) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
		p.width = 0
	}
}
