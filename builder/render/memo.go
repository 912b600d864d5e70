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
// instead of encoding ten thousand items again. Each build of the file
// keeps only the parts it used, so the cache never outgrows the site.
type parts[V any] struct {
	mu sync.Mutex
	m  map[partKey]V
}

// partsRun is one build of a file.
type partsRun[V any] struct {
	c         *parts[V]
	old, used map[partKey]V
}

// begin starts a build of the file. With global 0 (a one-shot build,
// see Options.Cache) nothing is cached: keeping the parts would only hold
// memory that no later build reuses.
func (c *parts[V]) begin(size int, global uint64) *partsRun[V] {
	if global == 0 {
		return &partsRun[V]{}
	}
	c.mu.Lock()
	old := c.m
	c.mu.Unlock()
	return &partsRun[V]{c: c, old: old, used: make(map[partKey]V, size)}
}

// get returns the cached part for k, or makes and records it.
func (r *partsRun[V]) get(k partKey, mk func() V) V {
	if r.used == nil {
		return mk()
	}
	if b, ok := r.old[k]; ok {
		r.used[k] = b
		return b
	}
	b := mk()
	r.used[k] = b
	return b
}

// caching reports whether the parts are kept for the next build.
func (r *partsRun[V]) caching() bool { return r.used != nil }

// end makes the parts this build used the cache for the next one.
func (r *partsRun[V]) end() {
	if r.c == nil {
		return
	}
	r.c.mu.Lock()
	r.c.m = r.used
	r.c.mu.Unlock()
}
