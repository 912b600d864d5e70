package extract

import (
	"strings"
	"testing"
	"time"
)

// TestCutTailIsLinear cuts a paragraph that ends in n banner sentences:
// the last sentence start used to be looked for again after each cut, so
// 500,000 of them took minutes. The time for 4n must grow about 4×, not
// 16× (best of a few runs, so that a busy machine does not fail it).
func TestCutTailIsLinear(t *testing.T) {
	bp, _ := NewBoilerplate(nil)
	banner := "We use cookies on this site. "
	run := func(n int) time.Duration {
		p := "Adler spoke. " + strings.Repeat(banner, n)
		best := time.Duration(1 << 62)
		for range 3 {
			start := time.Now()
			kept, cut := cutTail(p, bp)
			best = min(best, time.Since(start))
			if kept != "Adler spoke." || cut != strings.TrimSpace(strings.Repeat(banner, n)) {
				t.Fatalf("%d banners: kept %.40q, cut %.40q", n, kept, cut)
			}
		}
		return best
	}
	small, big := run(2000), run(8000)
	if g := float64(big) / float64(max(1, small)); g > 10 {
		t.Errorf("4× the banner sentences take %.1f× the time (%v, %v): quadratic", g, small, big)
	}
}
