package builder

import (
	"bytes"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefhq/brief/builder/render"
)

// Progress is how far a build has come, for a progress line.
type Progress struct {
	Read   int // content files read
	ToRead int // content files listed to read so far
	// Written counts the files written; ToWrite is about how many there
	// will be, counted from the site once it is read (0 before): one
	// page and feed per item and the site-wide files, which leaves out
	// some list pages.
	Written int
	ToWrite int
	Elapsed time.Duration
}

// progressEvery is how often Options.Progress is called; a variable for
// the tests.
var progressEvery = 100 * time.Millisecond

// counter counts a build's work for Options.Progress. Its methods do
// nothing on a nil counter, the build that reports no progress.
type counter struct {
	read, toRead, written, toWrite atomic.Int64
}

func (c *counter) addToRead(n int) {
	if c != nil {
		c.toRead.Add(int64(n))
	}
}

func (c *counter) fileRead() {
	if c != nil {
		c.read.Add(1)
	}
}

// report calls f with the counts every progressEvery until the returned
// stop is called; stop returns once f has returned for the last time,
// so that f is never called after the build.
func (c *counter) report(start time.Time, f func(Progress)) (stop func()) {
	done, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				f(Progress{Read: int(c.read.Load()), ToRead: int(c.toRead.Load()),
					Written: int(c.written.Load()), ToWrite: int(c.toWrite.Load()), Elapsed: time.Since(start)})
			}
		}
	}()
	var once sync.Once
	return func() { once.Do(func() { close(done); <-exited }) }
}

// countingOutput counts the files written through it.
type countingOutput struct {
	next render.Output
	c    *counter
}

func (o countingOutput) WriteFile(name string, data []byte) error {
	o.c.written.Add(1)
	return o.next.WriteFile(name, data)
}

// Create streams to the next Output when it takes streams, and collects
// the file for WriteFile otherwise.
func (o countingOutput) Create(name string) (io.WriteCloser, error) {
	c, ok := o.next.(render.Creator)
	if !ok {
		return &collected{o: o, name: name}, nil
	}
	o.c.written.Add(1)
	return c.Create(name)
}

type collected struct {
	o    countingOutput
	name string
	b    bytes.Buffer
}

func (f *collected) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *collected) Close() error                { return f.o.WriteFile(f.name, f.b.Bytes()) }
