package archive

import (
	"bytes"
	"crypto/sha256"
	"hash"
	"io"
	"sort"
	"strings"
	"sync"
)

// Writer receives output files by slash-separated relative path.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Output is a Writer that relinks HTML files for the file system and
// records the checksum of every file it passes on. It is safe for
// concurrent use.
type Output struct {
	w    Writer
	base string

	mu    sync.Mutex
	sums  map[string][sha256.Size]byte
	bytes map[string]int64
}

// NewOutput wraps w. basePath is the site's base path ("/" or
// "/briefings/"): links that start with it are links into the site.
func NewOutput(w Writer, basePath string) *Output {
	if basePath == "" {
		basePath = "/"
	}
	return &Output{w: w, base: basePath, sums: map[string][sha256.Size]byte{}, bytes: map[string]int64{}}
}

// WriteFile relinks name if it is an HTML file, records its checksum and
// writes it. A file written twice (a site's static file over a built-in
// one) keeps the last checksum.
func (o *Output) WriteFile(name string, data []byte) error {
	if isHTML(name) {
		data = Relink(name, data, o.base)
	}
	sum := sha256.Sum256(data)
	o.mu.Lock()
	o.sums[name] = sum
	o.bytes[name] = int64(len(data))
	o.mu.Unlock()
	return o.w.WriteFile(name, data)
}

// Create streams a file that needs no relinking to the wrapped Writer
// when it can take streams, recording its checksum on Close; other files
// are collected and passed to WriteFile.
func (o *Output) Create(name string) (io.WriteCloser, error) {
	c, ok := o.w.(interface {
		Create(string) (io.WriteCloser, error)
	})
	if !ok || isHTML(name) {
		return &bufferedFile{o: o, name: name}, nil
	}
	f, err := c.Create(name)
	if err != nil {
		return nil, err
	}
	return &summedFile{o: o, name: name, f: f, h: sha256.New()}, nil
}

// bufferedFile collects a file for WriteFile.
type bufferedFile struct {
	o    *Output
	name string
	b    bytes.Buffer
}

func (f *bufferedFile) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *bufferedFile) Close() error                { return f.o.WriteFile(f.name, f.b.Bytes()) }

// summedFile passes a stream on, hashing it.
type summedFile struct {
	o    *Output
	name string
	f    io.WriteCloser
	h    hash.Hash
	n    int64
}

func (f *summedFile) Write(p []byte) (int, error) {
	n, err := f.f.Write(p)
	f.h.Write(p[:n])
	f.n += int64(n)
	return n, err
}

func (f *summedFile) Close() error {
	var sum [sha256.Size]byte
	f.h.Sum(sum[:0])
	f.o.mu.Lock()
	f.o.sums[f.name] = sum
	f.o.bytes[f.name] = f.n
	f.o.mu.Unlock()
	return f.f.Close()
}

func isHTML(name string) bool {
	return strings.HasSuffix(name, ".html") || strings.HasSuffix(name, ".htm")
}

// Files returns the number of files written and their total size.
func (o *Output) Files() (n int, size int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for _, b := range o.bytes {
		size += b
	}
	return len(o.bytes), size
}

// Sums returns the SHA256SUMS file of everything written, sorted by path.
func (o *Output) Sums() []byte {
	o.mu.Lock()
	names := make([]string, 0, len(o.sums))
	for n := range o.sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b bytes.Buffer
	for _, n := range names {
		s := o.sums[n]
		writeSumLine(&b, s[:], n)
	}
	o.mu.Unlock()
	return b.Bytes()
}

// SumsFile is the name of the checksum file at an archive's root.
const SumsFile = "SHA256SUMS"

// linkAttrs are the attributes whose values are addresses.
var linkAttrs = []string{"href", "src", "action", "poster"}

// Relink rewrites the links of an HTML page at path page (e.g.
// "events/x/index.html") that start with base into page-relative links
// that name index.html: on events/x/index.html, "/events/" becomes
// "../../events/index.html" and "/search/?q=a" becomes
// "../../search/index.html?q=a". Other links are left alone.
func Relink(page string, html []byte, base string) []byte {
	up := strings.Repeat("../", strings.Count(page, "/"))
	var out bytes.Buffer
	out.Grow(len(html) + len(html)/16)
	last := 0
	for i := 0; i < len(html); i++ {
		c := html[i]
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			continue
		}
		// An attribute name after white space.
		j := i + 1
		var name string
		for _, a := range linkAttrs {
			if len(html) >= j+len(a) && strings.EqualFold(string(html[j:j+len(a)]), a) {
				name = a
				break
			}
		}
		if name == "" {
			continue
		}
		k := j + len(name)
		for k < len(html) && (html[k] == ' ' || html[k] == '\t' || html[k] == '\n') {
			k++
		}
		if k >= len(html) || html[k] != '=' {
			continue
		}
		k++
		for k < len(html) && (html[k] == ' ' || html[k] == '\t' || html[k] == '\n') {
			k++
		}
		if k >= len(html) || (html[k] != '"' && html[k] != '\'') {
			continue
		}
		q := html[k]
		end := bytes.IndexByte(html[k+1:], q)
		if end < 0 {
			continue
		}
		val := string(html[k+1 : k+1+end])
		nv, ok := relative(val, base, up)
		if !ok {
			continue
		}
		out.Write(html[last : k+1])
		out.WriteString(nv)
		last = k + 1 + end
		i = last
	}
	if last == 0 {
		return html
	}
	out.Write(html[last:])
	return out.Bytes()
}

// relative maps a site-absolute link to a page-relative one; up is the
// "../" prefix that leads from the page to the site root.
func relative(v, base, up string) (string, bool) {
	if !strings.HasPrefix(v, base) || strings.HasPrefix(v, "//") {
		return "", false
	}
	rest := v[len(base):]
	p, tail := rest, ""
	if i := strings.IndexAny(rest, "?#"); i >= 0 {
		p, tail = rest[:i], rest[i:]
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return up + p + tail, true
}
