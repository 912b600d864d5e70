// Package minify makes a build's files smaller as they are written
// (brief build --minify): HTML, CSS, JavaScript, SVG, XML (feeds,
// sitemap) and JSON, with tdewolff/minify, the minifier Hugo uses. The
// same input always gives the same bytes, so a minified build is as
// reproducible as any other.
//
// It wraps the build's output before the archive's (see builder): the
// archive then relinks and checksums the minified bytes, and SHA256SUMS
// lists what is on disk.
package minify

import (
	"bytes"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
)

// Writer receives output files by slash-separated relative path.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// mediaTypes are the types minified, by file extension.
var mediaTypes = map[string]string{
	".html": "text/html",
	".htm":  "text/html",
	".css":  "text/css",
	".js":   "application/javascript",
	".mjs":  "application/javascript",
	".svg":  "image/svg+xml",
	".xml":  "text/xml",
	".json": "application/json",
}

// Output is a Writer that minifies the files it passes on. It is safe
// for concurrent use.
type Output struct {
	w Writer
	m *minify.M

	mu     sync.Mutex
	failed map[string]string
	saved  int64
}

// NewOutput wraps w.
func NewOutput(w Writer) *Output {
	m := minify.New()
	// Quotes, the document's tags and end tags are kept: the archive
	// finds links as quoted attributes, and pages stay plain HTML that
	// any tool reads, for little more than a percent.
	m.Add("text/html", &html.Minifier{KeepQuotes: true, KeepDocumentTags: true, KeepEndTags: true, KeepSpecialComments: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), js.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	// JSON-LD in pages is JSON too.
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	return &Output{w: w, m: m, failed: map[string]string{}}
}

// WriteFile minifies name if it is of a type minified and writes it. A
// file the minifier cannot read (a site's own script with a syntax error)
// is written as it is, and listed by Failed.
func (o *Output) WriteFile(name string, data []byte) error {
	mt, ok := mediaTypes[strings.ToLower(path.Ext(name))]
	if !ok {
		return o.w.WriteFile(name, data)
	}
	var b bytes.Buffer
	b.Grow(len(data))
	if err := o.m.Minify(mt, &b, bytes.NewReader(data)); err != nil {
		o.mu.Lock()
		o.failed[name] = err.Error()
		o.mu.Unlock()
		return o.w.WriteFile(name, data)
	}
	o.mu.Lock()
	o.saved += int64(len(data) - b.Len())
	o.mu.Unlock()
	return o.w.WriteFile(name, b.Bytes())
}

// Create passes a stream on unchanged when the wrapped Writer takes
// streams, and collects it for WriteFile otherwise. What brief streams
// is the data export and the search index: JSON it encodes without
// spaces already, big enough that holding it whole to minify it would
// undo what streaming is for.
func (o *Output) Create(name string) (io.WriteCloser, error) {
	if c, ok := o.w.(interface {
		Create(string) (io.WriteCloser, error)
	}); ok {
		return c.Create(name)
	}
	return &bufferedFile{o: o, name: name}, nil
}

// bufferedFile collects a file for WriteFile.
type bufferedFile struct {
	o    *Output
	name string
	b    bytes.Buffer
}

func (f *bufferedFile) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *bufferedFile) Close() error                { return f.o.WriteFile(f.name, f.b.Bytes()) }

// Failed lists the files written unminified because the minifier could
// not read them, with why, sorted by name.
func (o *Output) Failed() [][2]string {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make([][2]string, 0, len(o.failed))
	for n, why := range o.failed {
		out = append(out, [2]string{n, why})
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// Saved is how many bytes minifying took off the files written.
func (o *Output) Saved() int64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.saved
}
