package archive

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

func TestRelink(t *testing.T) {
	tests := []struct{ page, in, base, want string }{
		{"index.html", `<a href="/">x</a>`, "/", `<a href="index.html">x</a>`},
		{"events/x/index.html", `<a href="/events/">`, "/", `<a href="../../events/index.html">`},
		{"events/x/index.html", `<link rel="stylesheet" href="/style.css">`, "/", `<link rel="stylesheet" href="../../style.css">`},
		{"search/index.html", `<form action="/b/search/"><script src="/b/search/index.js"></script>`, "/b/",
			`<form action="../search/index.html"><script src="../search/index.js"></script>`},
		{"a/index.html", `<a href="/search/?q=x#r">`, "/", `<a href="../search/index.html?q=x#r">`},
		{"a/index.html", `<a href='/actors/y/'>`, "/", `<a href='../actors/y/index.html'>`},
		// Left alone: other hosts, fragments, paths outside the base,
		// attributes that only end in href, and text.
		{"a/index.html", `<a href="https://example.org/">`, "/", `<a href="https://example.org/">`},
		{"a/index.html", `<a href="//cdn.example/x.js">`, "/", `<a href="//cdn.example/x.js">`},
		{"a/index.html", `<a href="#main">`, "/", `<a href="#main">`},
		{"a/index.html", `<a href="/other/">`, "/b/", `<a href="/other/">`},
		{"a/index.html", `<a data-href="/x/">href="/y/"`, "/", `<a data-href="/x/">href="/y/"`},
	}
	for _, tt := range tests {
		if got := string(Relink(tt.page, []byte(tt.in), tt.base)); got != tt.want {
			t.Errorf("Relink(%q, %q, %q) =\n  %q\nwant\n  %q", tt.page, tt.in, tt.base, got, tt.want)
		}
	}
}

type mapWriter map[string][]byte

func (m mapWriter) WriteFile(name string, data []byte) error { m[name] = data; return nil }

// TestSumsAndVerify writes files through Output, then checks that
// Verify accepts them and reports each kind of damage, and that the
// SHA256SUMS format escapes names as sha256sum does.
func TestSumsAndVerify(t *testing.T) {
	dir := t.TempDir()
	o := NewOutput(mapWriter{}, "/")
	files := map[string]string{"index.html": `<a href="/a/">a</a>`, "a/index.html": "<p>a</p>", "back\\slash.txt": "odd name", "style.css": "body{}"}
	for n, d := range files {
		if err := o.WriteFile(n, []byte(d)); err != nil {
			t.Fatal(err)
		}
	}
	sums := o.Sums()
	if !bytes.Contains(sums, []byte("\\")) || !bytes.HasPrefix(bytes.SplitAfter(sums, []byte("\n"))[1], []byte("\\")) {
		t.Errorf("escaped name not marked: %s", sums)
	}
	put := func(name, data string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	put("index.html", `<a href="a/index.html">a</a>`) // as relinked
	for _, n := range []string{"a/index.html", "back\\slash.txt", "style.css"} {
		put(n, files[n])
	}
	put(SumsFile, string(sums))
	put(".git/HEAD", "ref")
	r, err := Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Failed() || r.OK != 4 {
		t.Fatalf("intact: %+v", r)
	}
	put("a/index.html", "changed")
	os.Remove(filepath.Join(dir, "style.css"))
	put("new.txt", "extra")
	r, err = Verify(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Changed) != 1 || r.Changed[0] != "a/index.html" || len(r.Missing) != 1 || r.Missing[0] != "style.css" || len(r.Extra) != 1 || r.Extra[0] != "new.txt" {
		t.Errorf("damaged: %+v", r)
	}
	put(SumsFile, "0000  ../etc/passwd\n")
	if _, err := Verify(dir); err == nil {
		t.Error("malformed SHA256SUMS accepted")
	}
}
