package render

import "sync"

// partKey names an encoded part of a site-wide file: the site-wide
// signature, the hash of the item (and what else the part shows), and the
// kind of part.
type partKey struct {
	global, hash uint64
	kind         byte
}

// parts caches encoded parts of one site-wide file across renders, so that
// rebuilding the file after one article changed joins cached bytes
// instead of encoding ten thousand items again. Parts are kept in the
// order the last build asked for them: a rebuild asks in the same order
// but for the items that changed, so most lookups compare one key at the
// same position instead of hashing it. Each build keeps only the parts
// it used, so the cache never outgrows the site.
type parts[V any] struct {
	mu  sync.Mutex
	seq []slot[V]
}

type slot[V any] struct {
	k partKey
	v V
}

// partsRun is one build of a file.
type partsRun[V any] struct {
	c     *parts[V]
	old   []slot[V]
	index map[partKey]int // position in old, built at the first miss
	used  []slot[V]
}

// begin starts a build of the file. With global 0 (a one-shot build,
// see Options.Cache) nothing is cached: keeping the parts would only hold
// memory that no later build reuses.
func (c *parts[V]) begin(size int, global uint64) *partsRun[V] {
	if global == 0 {
		return &partsRun[V]{}
	}
	c.mu.Lock()
	old := c.seq
	c.mu.Unlock()
	return &partsRun[V]{c: c, old: old, used: make([]slot[V], 0, size)}
}

// get returns the cached part for k, or makes and records it.
func (r *partsRun[V]) get(k partKey, mk func() V) V {
	if r.c == nil {
		return mk()
	}
	i := len(r.used)
	if i < len(r.old) && r.old[i].k == k {
		r.used = append(r.used, r.old[i])
		return r.old[i].v
	}
	// Items came, went or moved: find the part wherever it was.
	if r.index == nil {
		r.index = make(map[partKey]int, len(r.old))
		for j, s := range r.old {
			r.index[s.k] = j
		}
	}
	if j, ok := r.index[k]; ok {
		r.used = append(r.used, r.old[j])
		return r.old[j].v
	}
	v := mk()
	r.used = append(r.used, slot[V]{k, v})
	return v
}

// caching reports whether the parts are kept for the next build.
func (r *partsRun[V]) caching() bool { return r.c != nil }

// end makes the parts this build used the cache for the next one.
func (r *partsRun[V]) end() {
	if r.c == nil {
		return
	}
	r.c.mu.Lock()
	r.c.seq = r.used
	r.c.mu.Unlock()
}
