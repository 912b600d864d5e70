package serve

import (
	"math"
	"os"
	"runtime/debug"
	"runtime/metrics"
)

// limitSlack is the room a preview's soft memory limit leaves above the
// collector's target: an edit's own garbage (tens of megabytes at
// 10,000 articles) and the runtime's own memory fit in it, so the limit
// does not make the collector run more often than its target already
// does. At 64 MB it did, once the data export's parts no longer kept
// the live heap high: at 10,000 articles a text edit took 188 ms of CPU
// with it against 125 ms without a limit, most of the difference mark
// assists (docs/performance.md, "Memory, round 10").
const limitSlack = 128 << 20

// limitMemory sets the preview's soft memory limit from what the server
// keeps live, after the first build and after every rebuild. Without
// one, a rebuild touches memory past the collector's target while a mark
// runs, and the runtime gives it back only slowly: at 10,000 articles the
// resident size grew from about 410 to 530 MB over 20 edits while the
// live heap grew by 2 MB. With the limit just above the target the
// runtime returns what goes past it as it goes. A GOGC or GOMEMLIMIT set
// by the user is left alone.
func limitMemory() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	debug.SetMemoryLimit(memoryLimit(live[0].Value.Uint64()))
}

// memoryLimit is the soft memory limit for a preview whose live heap is
// live bytes: none for a small site (where the memory at stake is small
// and a limit would only cost collections), else the collector's target
// at serveGC plus limitSlack. A site that shrinks below bigSite gets its
// limit lifted again.
func memoryLimit(live uint64) int64 {
	if live < bigSite {
		return math.MaxInt64
	}
	return int64(live + live*serveGC/100 + limitSlack)
}
