package load

import (
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// bigPage is a saved page of n paragraphs; with markup, each paragraph
// starts with a bold word and a link, so that its first words are not in
// the page as written.
func bigPage(n int, markup bool) []byte {
	var b strings.Builder
	b.WriteString(`<html><head><title>Big page</title><meta property="article:published_time" content="2022-02-07"></head><body><article><h1>Big page</h1>` + "\n")
	for i := range n {
		if markup {
			fmt.Fprintf(&b, `<p><b>Kyiv</b>, <a href="#">Monday</a> %d: the talks went on late into the evening while officials waited.</p>`+"\n", i)
		} else {
			fmt.Fprintf(&b, "<p>Paragraph %d: the talks went on late into the evening while officials waited for a signal.</p>\n", i)
		}
	}
	b.WriteString("</article></body></html>\n")
	return []byte(b.String())
}

// TestBigPageAllocatesLinearly loads pages of n and 4n paragraphs: the
// bytes allocated must grow with the page, not with its square (the body
// was built by appending, paragraph by paragraph: 20 s at 50,000).
func TestBigPageAllocatesLinearly(t *testing.T) {
	// One processor: TotalAlloc also counts what other goroutines of the
	// test binary allocate meanwhile.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	alloc := func(n int) uint64 {
		data := bigPage(n, false)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		a, ds := Article("content/articles/2022-02-07-big.html", data)
		runtime.ReadMemStats(&after)
		if len(ds) != 0 || a == nil || len(a.Blocks) != n || !strings.HasSuffix(a.Body, fmt.Sprintf("Paragraph %d: the talks went on late into the evening while officials waited for a signal.", n-1)) {
			t.Fatalf("%d paragraphs: %v, %d blocks", n, ds, len(a.Blocks))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, big := alloc(1000), alloc(4000)
	if ratio := float64(big) / float64(small); ratio > 8 {
		t.Errorf("4× the paragraphs allocate %.1f× the bytes (%d MB, %d MB): quadratic", ratio, small>>20, big>>20)
	}
}

// locateBlocks are n blocks whose first words are not in the page as
// written (a link or bold word among them), and the page.
func locateBlocks(n int) ([]model.Block, []byte) {
	bs := make([]model.Block, n)
	for i := range bs {
		bs[i].Text = fmt.Sprintf("Kyiv, Monday %d: the talks went on late into the evening while officials waited.", i)
	}
	return bs, bigPage(n, true)
}

// BenchmarkLocate places n and 4n such blocks (TestLocateLines checks
// where blocks go): each used to cost a scan of the rest of the page,
// and 50,000 of them took minutes. Linear, the
// time per op grows about 4× from one size to the next.
func BenchmarkLocate(b *testing.B) {
	for _, n := range []int{2000, 8000, 32000} {
		bs, page := locateBlocks(n)
		b.Run("blocks="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				locate(bs, page)
			}
		})
	}
}

// TestLocateLines: each block's line, blocks with the same first words
// included (each search starts after the block before), and a block after
// a long script, beyond the window but within the budget.
func TestLocateLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><body>\n<p>Officials said the talks\nwent on.</p>\n<p>Officials said the talks\nfailed.</p>\n")
	blocks := []model.Block{{Text: "Officials said the talks went on."}, {Text: "Officials said the talks failed."}}
	for i := range 200 {
		fmt.Fprintf(&b, "<p>Paragraph %d.</p>\n", i)
		blocks = append(blocks, model.Block{Text: fmt.Sprintf("Paragraph %d.", i)})
	}
	b.WriteString("<script>\n" + strings.Repeat("var x = 1;\n", 20000) + "</script>\n<p>After the script, officials said.</p>\n")
	blocks = append(blocks, model.Block{Text: "After the script, officials said."})
	data := b.String()
	last := strings.Count(data[:strings.Index(data, "<p>After")], "\n") + 1
	if window := 8 * len(data) / len(blocks); window > 20000*len("var x = 1;\n") {
		t.Fatalf("the script (%d bytes) is within the window (%d bytes)", 20000*len("var x = 1;\n"), window)
	}
	locate(blocks, []byte(data))
	if got := []int{blocks[0].Line, blocks[1].Line, blocks[2].Line, blocks[len(blocks)-1].Line}; got[0] != 2 || got[1] != 4 || got[2] != 6 || got[3] != last {
		t.Errorf("lines %v, want [2 4 6 %d]", got, last)
	}
}
