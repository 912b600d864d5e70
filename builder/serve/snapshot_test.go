package serve

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestSnapshotKeepsPagesCompressed checks that rendered files are kept
// compressed in memory (a preview of 10,000 articles held 330 MB of
// pages as they are) and come back byte for byte, written whole or
// streamed; small and incompressible files are kept as they are.
func TestSnapshotKeepsPagesCompressed(t *testing.T) {
	page := []byte("<!doctype html><html><body>" + strings.Repeat("<p>Troops massed near the border, officials said.</p>\n", 200) + "</body></html>")
	noise := make([]byte, 4096)
	x := uint32(1)
	for i := range noise {
		x = x*1664525 + 1013904223
		noise[i] = byte(x >> 24)
	}
	out := &memOutput{files: map[string]file{}}
	buf := bytes.Clone(page)
	if err := out.WriteFile("a/index.html", buf); err != nil {
		t.Fatal(err)
	}
	clear(buf) // the renderer reuses its buffers
	w, err := out.Create("search/x.js")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(page[:100])
	_, _ = w.Write(page[100:])
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	_ = out.WriteFile("noise.bin", noise)
	_ = out.WriteFile("small.txt", []byte("tiny"))

	snap := &Snapshot{files: fileSet{base: out.files}}
	for name, want := range map[string][]byte{"a/index.html": page, "search/x.js": page, "noise.bin": noise, "small.txt": []byte("tiny")} {
		got, ok := snap.File(name)
		if !ok || !bytes.Equal(got, want) {
			t.Errorf("%s: got %d bytes back, want the %d written", name, len(got), len(want))
		}
		if d := snap.Decoded()[name]; !bytes.Equal(d, want) {
			t.Errorf("%s: Decoded gives %d bytes, want %d", name, len(d), len(want))
		}
	}
	for _, name := range []string{"a/index.html", "search/x.js"} {
		if f := out.files[name]; !f.deflated || len(f.data) > len(page)/4 {
			t.Errorf("%s kept in %d bytes for %d (compressed: %v)", name, len(f.data), len(page), f.deflated)
		}
	}
	for _, name := range []string{"noise.bin", "small.txt"} {
		if out.files[name].deflated {
			t.Errorf("%s compressed, though that saves nothing", name)
		}
	}
	if _, ok := snap.File("missing.html"); ok {
		t.Error("a missing file is found")
	}
	// A streamed file's buffer starts at its size in the snapshot before.
	next := &memOutput{files: map[string]file{}, prev: fileSet{base: out.files}}
	if w, _ := next.Create("search/x.js"); cap(w.(*memFile).buf) < len(page) {
		t.Errorf("streamed file's buffer starts at %d bytes, want its last size %d", cap(w.(*memFile).buf), len(page))
	}
}

// TestLargeFileCompressedByPieces checks that a large file (the data
// export) comes back byte for byte, and that a rebuild that moves one
// line and lengthens another compresses again only the pieces around
// them, not the whole file: a date edit rewrote 64 MB of data export at
// 10,000 articles, and compressing it was a fifth of the rebuild.
func TestLargeFileCompressedByPieces(t *testing.T) {
	var lines []string
	for i := range 20000 {
		lines = append(lines, fmt.Sprintf(`{"slug":"article-%06d","title":"Troops massed near the border, officials said (%d)","date":"2022-01-%02d"}`, i, i*7919%10007, 1+i%28))
	}
	join := func(ls []string) []byte { return []byte("[\n" + strings.Join(ls, ",\n") + "\n]\n") }
	first := join(lines)
	out := &memOutput{files: map[string]file{}}
	_ = out.WriteFile("data/articles.json", first)
	f := out.files["data/articles.json"]
	if len(f.pieces) < 3 {
		t.Fatalf("a file of %d bytes kept in %d pieces, want several", len(first), len(f.pieces))
	}
	edited := slices.Clone(lines)
	edited[40] += ` `
	moved := edited[12000]
	edited = slices.Insert(slices.Delete(edited, 12000, 12001), 11990, moved)
	second := join(edited)
	next := &memOutput{files: map[string]file{}, prev: fileSet{base: out.files}}
	_ = next.WriteFile("data/articles.json", second)
	g := next.files["data/articles.json"]
	for name, c := range map[string]struct {
		f    file
		want []byte
	}{"first": {f, first}, "second": {g, second}} {
		if got := (&Snapshot{files: fileSet{base: map[string]file{"x": c.f}}}).Decoded()["x"]; !bytes.Equal(got, c.want) {
			t.Errorf("%s version: got %d bytes back, want the %d written", name, len(got), len(c.want))
		}
	}
	kept := map[*byte]bool{}
	for _, p := range f.pieces {
		kept[&p.data[0]] = true
	}
	again := 0
	for _, p := range g.pieces {
		if !kept[&p.data[0]] {
			again++
		}
	}
	if again > 4 {
		t.Errorf("%d of %d pieces compressed again after two lines changed", again, len(g.pieces))
	}
}

// TestStreamedLargeFileCutAsWhole checks that a large file streamed in
// writes of every size (as the data export is) is cut into the same
// pieces as the same bytes written whole, reuses the pieces of the
// version before in the same way, and comes back byte for byte, while
// the stream holds no more than a few pieces at a time. A line longer
// than a piece is in it too.
func TestStreamedLargeFileCutAsWhole(t *testing.T) {
	var b strings.Builder
	for i := range 90000 {
		fmt.Fprintf(&b, `{"slug":"article-%06d","title":"Talks resumed after the ceasefire (%d)"},`+"\n", i, i*7919%10007)
		if i == 30000 {
			b.WriteString(strings.Repeat("long line of a single record ", 3*maxPiece/29) + "\n")
		}
	}
	data := []byte(b.String())
	if len(data) < 2*streamBuffer {
		t.Fatalf("test file of %d bytes is too small to stream in pieces", len(data))
	}
	whole := &memOutput{files: map[string]file{}}
	_ = whole.WriteFile("data/x.json", data)
	streamed := &memOutput{files: map[string]file{}}
	w, _ := streamed.Create("data/x.json")
	most := 0
	x := uint32(7)
	for rest := data; len(rest) > 0; {
		x = x*1664525 + 1013904223
		n := min(len(rest), 1+int(x>>20)) // up to 4 KB a write
		switch {
		case n == 1:
			_ = w.(io.ByteWriter).WriteByte(rest[0])
		case x&1 == 0:
			_, _ = w.(io.StringWriter).WriteString(string(rest[:n]))
		default:
			_, _ = w.Write(rest[:n])
		}
		rest = rest[n:]
		most = max(most, len(w.(*memFile).buf))
	}
	_ = w.Close()
	if most > streamBuffer+4*maxPiece {
		t.Errorf("the stream held %d bytes at once, want about %d at most", most, streamBuffer)
	}
	sums := func(f file) (out []string) {
		for _, p := range f.pieces {
			out = append(out, fmt.Sprint(p.sum, p.size))
		}
		return out
	}
	a, s := whole.files["data/x.json"], streamed.files["data/x.json"]
	if !slices.Equal(sums(a), sums(s)) || a.size != s.size {
		t.Errorf("streamed: %d pieces of %d bytes, written whole: %d of %d; want the same cuts", len(s.pieces), s.size, len(a.pieces), a.size)
	}
	if got := (&Snapshot{files: fileSet{base: streamed.files}}).Decoded()["data/x.json"]; !bytes.Equal(got, data) {
		t.Errorf("streamed file comes back as %d bytes, want the %d written", len(got), len(data))
	}
	// Streamed again after the version before, the unchanged pieces are
	// the ones kept, not compressed again.
	next := &memOutput{files: map[string]file{}, prev: fileSet{base: streamed.files}}
	w, _ = next.Create("data/x.json")
	_, _ = w.Write(data)
	_ = w.Close()
	kept := map[*byte]bool{}
	for _, p := range s.pieces {
		kept[&p.data[0]] = true
	}
	for i, p := range next.files["data/x.json"].pieces {
		if !kept[&p.data[0]] {
			t.Errorf("piece %d compressed again, though no byte changed", i)
		}
	}
}

// TestStreamBuffersReused checks that streamed files share the buffers
// the server keeps across renders without sharing bytes: files streamed
// one after the other, small and large, through the same kept buffers,
// each come back as written, and a file's buffer is kept again after
// Close so the next render allocates none.
func TestStreamBuffersReused(t *testing.T) {
	var bufs streamBufs
	var large strings.Builder
	for i := range 220000 {
		fmt.Fprintf(&large, `{"slug":"report-%05d","date":"2022-%02d-%02d"},`+"\n", i, 1+i%12, 1+i%28)
	}
	want := map[string][]byte{}
	var prev map[string]file
	for round := range 3 {
		out := &memOutput{files: map[string]file{}, prev: fileSet{base: prev}, bufs: &bufs}
		for k, body := range []string{large.String(), fmt.Sprintf("small file %d of round %d\n", 1, round), large.String()[:3*streamBuffer/2] + fmt.Sprint(round)} {
			name := fmt.Sprintf("data/%d.json", k)
			w, _ := out.Create(name)
			for rest := body; len(rest) > 0; {
				n := min(len(rest), 3000)
				_, _ = w.(io.StringWriter).WriteString(rest[:n])
				rest = rest[n:]
			}
			_ = w.Close()
			want[name] = []byte(body)
		}
		got := (&Snapshot{files: fileSet{base: out.files}}).Decoded()
		for name, b := range want {
			if !bytes.Equal(got[name], b) {
				t.Fatalf("round %d: %s comes back as %d bytes, want the %d written", round, name, len(got[name]), len(b))
			}
		}
		if len(bufs.free) != 1 {
			t.Errorf("round %d: %d buffers kept after three files streamed one at a time, want 1", round, len(bufs.free))
		}
		prev = out.files
	}
}

// A snapshot's files after an edit share the map of the snapshot before
// and leave it as it was; replacements fold into a new map once they
// are many.
func TestFileSetSharesBaseAcrossEdits(t *testing.T) {
	base := map[string]file{}
	for i := range 64 {
		base[fmt.Sprintf("p%d.html", i)] = raw([]byte(fmt.Sprint("page ", i)))
	}
	first := fileSet{base: base}
	second := first.with(map[string]file{"p1.html": raw([]byte("edited")), "new.html": raw([]byte("new"))})
	if f, _ := first.get("p1.html"); string(f.bytes()) != "page 1" {
		t.Errorf("the snapshot before sees %q for p1.html", f.bytes())
	}
	if _, ok := first.get("new.html"); ok {
		t.Error("the snapshot before has the file added after it")
	}
	if f, _ := second.get("p1.html"); string(f.bytes()) != "edited" {
		t.Errorf("p1.html after the edit: %q", f.bytes())
	}
	if f, _ := second.get("p2.html"); string(f.bytes()) != "page 2" {
		t.Errorf("p2.html after the edit: %q", f.bytes())
	}
	if first.count() != 64 || second.count() != 65 {
		t.Errorf("counts %d and %d, want 64 and 65", first.count(), second.count())
	}
	seen := map[string]int{}
	second.each(func(name string, _ file) { seen[name]++ })
	if len(seen) != 65 || seen["p1.html"] != 1 {
		t.Errorf("each visited %d files, p1.html %d times; want 65 once each", len(seen), seen["p1.html"])
	}
	if len(base) != 64 {
		t.Error("the shared map was changed")
	}
	if len(second.over) != 2 {
		t.Errorf("two replacements of 64 files: %d in the overlay, want 2 (base shared)", len(second.over))
	}

	// Past an eighth of the base the replacements are folded in.
	many := map[string]file{}
	for i := range 9 {
		many[fmt.Sprintf("p%d.html", i)] = raw([]byte("again"))
	}
	third := second.with(many)
	if third.over != nil || third.count() != 65 {
		t.Errorf("after 11 replacements: overlay %d, count %d; want folded into a base of 65", len(third.over), third.count())
	}
	if f, _ := third.get("new.html"); string(f.bytes()) != "new" {
		t.Error("folding lost a file added by an earlier edit")
	}
	if f, _ := second.get("p3.html"); string(f.bytes()) != "page 3" {
		t.Error("folding changed an earlier snapshot")
	}
}
