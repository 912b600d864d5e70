package builder

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sampleChronologyGolden is the chronology of the repository's sample
// site as the golden test keeps it.
const (
	sampleChronologyPage   = "chronology/index.html"
	sampleChronologyGolden = "testdata/golden/sample/" + sampleChronologyPage
)

// TestSampleChronologyGolden compares the sample's chronology byte for
// byte with its golden copy ("go test ./builder -run
// SampleChronologyGolden -update" accepts a new one; read the diff).
func TestSampleChronologyGolden(t *testing.T) {
	got, ok := readTree(t, build(t, ".."))[sampleChronologyPage]
	if !ok {
		t.Fatalf("%s not built", sampleChronologyPage)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(sampleChronologyGolden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(sampleChronologyGolden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(sampleChronologyGolden)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(got, want) {
		return
	}
	gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < max(len(gl), len(wl)); i++ {
		g, w := "", ""
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs from %s at line %d:\n got %s\nwant %s", sampleChronologyPage, sampleChronologyGolden, i+1, g, w)
		}
	}
}
