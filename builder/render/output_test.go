package render_test

import (
	"bytes"
	"context"
	"io"
	"slices"
	"sort"
	"sync"
	"testing"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/render"
)

// mapOutput keeps what WriteFile receives; it is not a render.Creator.
type mapOutput struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (m *mapOutput) WriteFile(name string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.files == nil {
		m.files = map[string][]byte{}
	}
	if _, dup := m.files[name]; dup {
		panic("written twice: " + name)
	}
	m.files[name] = bytes.Clone(data)
	return nil
}

// streamOutput also takes streams, in small writes.
type streamOutput struct {
	mapOutput
	streamed []string
}

type streamFile struct {
	o    *streamOutput
	name string
	b    bytes.Buffer
}

func (f *streamFile) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *streamFile) Close() error {
	f.o.mu.Lock()
	f.o.streamed = append(f.o.streamed, f.name)
	f.o.mu.Unlock()
	return f.o.WriteFile(f.name, f.b.Bytes())
}

func (s *streamOutput) Create(name string) (io.WriteCloser, error) {
	return &streamFile{o: s, name: name}, nil
}

// Every way of rendering gives the same files: buffered or streamed,
// with the parts cache cold, warm, or off. The renderer reuses its
// buffers, so this also catches bytes changing after they were handed
// over.
func TestRenderOutputsAgree(t *testing.T) {
	c, err := stagebench.Get(120)
	if err != nil {
		t.Fatal(err)
	}
	site, tmpl, err := c.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	render1 := func(out render.Output, opts render.Options) map[string][]byte {
		t.Helper()
		if _, ds := render.Render(context.Background(), site, tmpl, out, opts); len(ds) > 0 {
			t.Fatal(ds[0])
		}
		switch o := out.(type) {
		case *mapOutput:
			return o.files
		case *streamOutput:
			if len(o.streamed) == 0 {
				t.Fatal("nothing was streamed to a Creator")
			}
			return o.files
		}
		return nil
	}
	want := render1(&mapOutput{}, render.Options{})
	if len(want) < 120 {
		t.Fatalf("only %d files rendered", len(want))
	}
	// A render that records streams the data export too, and the hash
	// it keeps under Verify of the streamed bytes is the one of the same
	// bytes made in a buffer: the next render finds no file changed.
	st := render.NewState()
	streamed := &streamOutput{}
	res, ds := render.Render(context.Background(), site, tmpl, streamed, render.Options{Global: 7, Cache: true, State: st, Verify: true})
	if len(ds) > 0 {
		t.Fatal(ds[0])
	}
	if !slices.Contains(streamed.streamed, "data/articles.json") {
		t.Errorf("a render that records streamed %v, not the data export", streamed.streamed)
	}
	st.Commit(res)
	withState := streamed.files
	res, ds = render.Render(context.Background(), site, tmpl, &mapOutput{}, render.Options{Global: 7, Cache: true, State: st, Verify: true})
	if len(ds) > 0 {
		t.Fatal(ds[0])
	}
	if len(res.Mismatched) > 0 || res.Stats.Skipped < len(want)/2 {
		t.Errorf("a render of the same site skips %d files and finds %v changed since the streamed render", res.Stats.Skipped, res.Mismatched)
	}
	for name, got := range map[string]map[string][]byte{
		"recorded":           withState,
		"streamed":           render1(&streamOutput{}, render.Options{}),
		"cache cold":         render1(&mapOutput{}, render.Options{Global: 7, Cache: true}),
		"cache warm":         render1(&mapOutput{}, render.Options{Global: 7, Cache: true}),
		"streamed and cache": render1(&streamOutput{}, render.Options{Global: 7, Cache: true}),
	} {
		if len(got) != len(want) {
			t.Errorf("%s: %d files, want %d", name, len(got), len(want))
		}
		var diff []string
		for f, b := range want {
			if !bytes.Equal(got[f], b) {
				diff = append(diff, f)
			}
		}
		sort.Strings(diff)
		if len(diff) > 0 {
			t.Errorf("%s: %d files differ, first %s", name, len(diff), diff[0])
		}
	}
}
