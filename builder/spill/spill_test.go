package spill

import (
	"bytes"
	"fmt"
	"os"
	"sync"
	"testing"
)

func TestPutGetConcurrent(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const n = 200
	offs := make([]int64, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			off, err := f.Put(payload(i))
			if err != nil {
				t.Error(err)
			}
			offs[i] = off
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if got := f.Get(offs[i], len(payload(i))); !bytes.Equal(got, payload(i)) {
				t.Errorf("item %d: got %q", i, got)
			}
		}(i)
	}
	wg.Wait()
	if err := f.Err(); err != nil {
		t.Fatal(err)
	}
	var total int64
	for i := 0; i < n; i++ {
		total += int64(len(payload(i)))
	}
	if f.Size() != total {
		t.Errorf("size %d, want %d", f.Size(), total)
	}
}

func payload(i int) []byte { return bytes.Repeat([]byte(fmt.Sprintf("item %d;", i)), i%17+1) }

// A read that fails is reported by Err, and nothing is left in the
// folder once the file is closed.
func TestErrAndClose(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	off, err := f.Put([]byte("hello"))
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Get(off, 5); string(got) != "hello" {
		t.Fatalf("got %q", got)
	}
	if f.Err() != nil {
		t.Fatal(f.Err())
	}
	if got := f.Get(off, 50); got != nil {
		t.Errorf("read past the end gave %q", got)
	}
	if f.Err() == nil {
		t.Error("a failed read was not reported")
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if got := f.Get(off, 5); got != nil {
		t.Errorf("read after Close gave %q", got)
	}
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
}
