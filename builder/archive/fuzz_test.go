package archive

import (
	"bytes"
	"path"
	"strings"
	"testing"
)

// FuzzParseSums feeds SHA256SUMS files of any shape to the parser: it
// never panics, accepts only clean relative paths, and what it accepts
// written back out with writeSumLine parses to the same map.
func FuzzParseSums(f *testing.F) {
	d := strings.Repeat("ab", 32)
	for _, s := range []string{
		"", d + "  index.html\n", d + " *a/b.css\r\n", "\\" + d + "  a\\nb\n", d + "  ../x\n", d + "  /etc/passwd\n",
		d + "  a//b\n", d + "  a\n" + d + "  a\n", "zz" + d[2:] + "  a\n", d + "\ta\n", "\\" + d + "  a\\\\b\\rc\\x\n",
		d + "  " + strings.Repeat("x", 70000) + "\n", d + "  .\n", d + "  a/./b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sums, err := ParseSums(bytes.NewReader(data))
		if err != nil {
			return
		}
		var b bytes.Buffer
		for name, sum := range sums {
			clean := path.Clean(name)
			if path.IsAbs(name) || clean != name || clean == ".." || strings.HasPrefix(clean, "../") {
				t.Fatalf("accepted path %q", name)
			}
			writeSumLine(&b, sum[:], name)
		}
		again, err := ParseSums(&b)
		if err != nil {
			t.Fatalf("own output does not parse: %v\n%q", err, b.String())
		}
		if len(again) != len(sums) {
			t.Fatalf("round trip: %d entries, want %d", len(again), len(sums))
		}
		for name, sum := range sums {
			if again[name] != sum {
				t.Fatalf("round trip changed %q", name)
			}
		}
	})
}
