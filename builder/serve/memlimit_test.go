package serve

import (
	"math"
	"testing"
)

// TestMemoryLimit checks the preview's soft memory limit: none below
// bigSite, the collector's target plus the slack above it, and growing
// with the live heap so a site that grows is never held to the limit of
// a smaller one.
func TestMemoryLimit(t *testing.T) {
	if got := memoryLimit(bigSite - 1); got != math.MaxInt64 {
		t.Errorf("live heap just below bigSite: limit %d, want none", got)
	}
	live := uint64(300 << 20)
	want := int64(live + live*serveGC/100 + limitSlack)
	if got := memoryLimit(live); got != want {
		t.Errorf("300 MB live: limit %d, want %d", got, want)
	}
	if got := memoryLimit(live); got <= int64(live)*(100+serveGC)/100 {
		t.Errorf("300 MB live: limit %d leaves no room above the collector's target", got)
	}
	if memoryLimit(2*live) <= memoryLimit(live) {
		t.Error("the limit does not grow with the live heap")
	}
}
