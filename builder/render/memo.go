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
type parts struct {
	mu sync.Mutex
	m  map[partKey][]byte
}

// partsRun is one build of a file.
type partsRun struct {
	c         *parts
	old, used map[partKey][]byte
}

func (c *parts) begin(size int) *partsRun {
	c.mu.Lock()
	old := c.m
	c.mu.Unlock()
	return &partsRun{c: c, old: old, used: make(map[partKey][]byte, size)}
}

// get returns the cached part for k, or makes and records it.
func (r *partsRun) get(k partKey, mk func() []byte) []byte {
	if b, ok := r.old[k]; ok {
		r.used[k] = b
		return b
	}
	b := mk()
	r.used[k] = b
	return b
}

// end makes the parts this build used the cache for the next one.
func (r *partsRun) end() {
	r.c.mu.Lock()
	r.c.m = r.used
	r.c.mu.Unlock()
}
