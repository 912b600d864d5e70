package extract

import (
	"strconv"
	"strings"
	"testing"
)

// bannerTail is a paragraph that ends in n banner sentences.
func bannerTail(n int) (string, string) {
	banner := "We use cookies on this site. "
	return "Adler spoke. " + strings.Repeat(banner, n), strings.TrimSpace(strings.Repeat(banner, n))
}

// TestCutTailOfManyBanners cuts a paragraph that ends in many banner sentences down to
// its first sentence. How the cost grows is BenchmarkCutTail's to show.
func TestCutTailOfManyBanners(t *testing.T) {
	bp, _ := NewBoilerplate(nil)
	p, tail := bannerTail(8000)
	if kept, cut := cutTail(p, bp); kept != "Adler spoke." || cut != tail {
		t.Fatalf("kept %.40q, cut %.40q", kept, cut)
	}
}

// BenchmarkCutTail cuts paragraphs of n and 4n banner sentences: the last
// sentence start used to be looked for again after each cut, so 500,000
// of them took minutes. Linear, the time per op grows about 4× from one
// size to the next, not 16×.
func BenchmarkCutTail(b *testing.B) {
	bp, _ := NewBoilerplate(nil)
	for _, n := range []int{2000, 8000, 32000} {
		p, _ := bannerTail(n)
		b.Run("banners="+strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				cutTail(p, bp)
			}
		})
	}
}
