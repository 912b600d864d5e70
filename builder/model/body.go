package model

import (
	"encoding/binary"
	"html/template"
	"slices"
	"strings"
	"sync"
	"unsafe"
)

// Store keeps article bodies out of memory. A one-shot build stashes each
// article's rendered HTML and plain-text paragraphs in a Store once they
// are extracted, and reads them back when the article's page is
// rendered: between the two, a site of ten thousand articles would
// otherwise hold a hundred megabytes of text it does not look at.
//
// Put and Get must be safe for concurrent use. Get reports no error: a
// Store that fails to read remembers the error, returns nil, and the
// build asks it for the error when rendering is done (see
// builder/spill).
type Store interface {
	// Put stores a copy of data: the caller may reuse it.
	Put(data []byte) (off int64, err error)
	// Get returns n bytes at off in a new slice the caller may keep.
	Get(off int64, n int) []byte
}

// body is where an item's large text is: in memory, or in a Store. In a
// store it is laid out as the length of each paragraph (4 bytes each),
// the paragraphs, then the HTML, so that either can be read alone.
type body struct {
	html  template.HTML
	text  []string
	store Store
	off   int64
	paras int // number of paragraphs
	tlen  int // bytes of the length table and the paragraphs
	hlen  int // bytes of the HTML
}

// HTML returns the rendered body. Its site-absolute links ("/actors/x/",
// and the author's own "/static/x.pdf") are given the site's base path
// here, at render time, and not by extract: a change of the base URL then
// re-renders pages without reading any article again (see SetBase).
func (s *Source) HTML() template.HTML {
	h := s.body.readHTML()
	if s.base == "" || s.base == "/" {
		return h
	}
	return template.HTML(WithBase(string(h), s.base))
}

// SetBase sets the base path ("/repo/") that HTML gives site-absolute
// links. resolve sets it on the copies of items it links into a site.
func (s *Source) SetBase(base string) { s.base = base }

// WithBase gives every site-absolute href and src of html (a
// double-quoted value starting with one "/") the base path instead of
// "/". Protocol-relative addresses ("//host/") are left alone.
func WithBase(html, base string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(html); {
		j := strings.Index(html[i:], `="/`)
		if j < 0 {
			break
		}
		j += i
		attr := j >= 4 && html[j-4:j] == "href" || j >= 3 && html[j-3:j] == "src"
		if attr && (j+3 >= len(html) || html[j+3] != '/') {
			if b.Len() == 0 {
				b.Grow(len(html) + 64)
			}
			b.WriteString(html[last : j+2])
			b.WriteString(base)
			last = j + 3
		}
		i = j + 3
	}
	if last == 0 {
		return html
	}
	b.WriteString(html[last:])
	return b.String()
}

// SetHTML sets the rendered body.
func (s *Source) SetHTML(h template.HTML) {
	s.body.unstash()
	s.body.html = h
}

// Text returns the plain-text paragraphs of the body, headline excluded.
func (a *Article) Text() []string { return a.body.readText() }

// SetText sets the plain-text paragraphs.
func (a *Article) SetText(paras []string) {
	a.body.unstash()
	a.body.text = paras
}

func (b *body) readHTML() template.HTML {
	if b.store == nil {
		return b.html
	}
	return template.HTML(str(b.store.Get(b.off+int64(b.tlen), b.hlen)))
}

func (b *body) readText() []string {
	if b.store == nil {
		return b.text
	}
	if b.paras == 0 {
		return nil
	}
	raw := b.store.Get(b.off, b.tlen)
	if raw == nil {
		return nil
	}
	lens, all := raw[:4*b.paras], str(raw[4*b.paras:])
	text := make([]string, b.paras)
	for i := range text {
		n := int(binary.LittleEndian.Uint32(lens[4*i:]))
		if n > len(all) {
			return nil
		}
		text[i], all = all[:n], all[n:]
	}
	return text
}

// unstash brings a stashed body back into memory.
func (b *body) unstash() {
	if b.store != nil {
		*b = body{html: b.readHTML(), text: b.readText()}
	}
}

// str turns a slice that nothing else refers to into a string without
// copying it: Store.Get returns a new slice on every call.
func str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

var stashBuf = sync.Pool{New: func() any { return new([]byte) }}

// Stash moves the article's HTML and paragraphs to st. The quotes, dates
// and figures found in the paragraphs are copied first, so that nothing
// still points into the paragraphs and their memory can be freed. On an
// error the article is left as it was.
func (a *Article) Stash(st Store) error {
	b := &a.body
	if b.store != nil {
		return nil
	}
	tlen := 4 * len(b.text)
	for _, p := range b.text {
		tlen += len(p)
	}
	// Put copies the bytes (into the page cache), so one buffer serves
	// every article.
	bp := stashBuf.Get().(*[]byte)
	defer stashBuf.Put(bp)
	buf := (*bp)[:0]
	for _, p := range b.text {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(p)))
	}
	for _, p := range b.text {
		buf = append(buf, p...)
	}
	buf = append(buf, b.html...)
	*bp = buf[:0]
	off, err := st.Put(buf)
	if err != nil {
		return err
	}
	a.detach()
	a.body = body{store: st, off: off, paras: len(b.text), tlen: tlen, hlen: len(b.html)}
	return nil
}

// detach copies the strings that may share memory with the paragraphs
// into one new string per article, and trims the slices holding them to
// their length. One allocation instead of dozens matters for the garbage
// collector, which visits every object of a big site's model on every
// cycle. A date's or figure's text is cut from its copied sentence.
func (a *Article) detach() {
	at := map[string]int{} // string → offset in the arena
	size := 0
	add := func(s string) {
		if _, ok := at[s]; !ok && s != "" {
			at[s] = size
			size += len(s)
		}
	}
	add(a.Summary)
	for _, q := range a.Quotes {
		add(q.Text)
		add(q.SpeakerName)
	}
	for _, d := range a.Dates {
		add(d.Sentence)
		add(d.Value)
		if !strings.Contains(d.Sentence, d.Clause) {
			add(d.Clause) // recapitalised, so not cut from the sentence
		}
	}
	for _, f := range a.Figures {
		add(f.Sentence)
		add(f.Unit)
		add(f.Counts)
		add(f.HolderName)
		add(f.RefersTo)
	}
	buf := make([]byte, size)
	for s, off := range at {
		copy(buf[off:], s)
	}
	arena := str(buf)
	moved := func(s string) string {
		if s == "" {
			return ""
		}
		off := at[s]
		return arena[off : off+len(s)]
	}
	within := func(part, whole string) string {
		if i := strings.Index(whole, part); i >= 0 {
			return whole[i : i+len(part)]
		}
		return strings.Clone(part)
	}
	a.Summary = moved(a.Summary)
	a.Quotes = slices.Clone(a.Quotes)
	for i := range a.Quotes {
		q := &a.Quotes[i]
		q.Text, q.SpeakerName = moved(q.Text), moved(q.SpeakerName)
	}
	a.Dates = slices.Clone(a.Dates)
	for i := range a.Dates {
		d := &a.Dates[i]
		d.Sentence = moved(d.Sentence)
		d.Text = within(d.Text, d.Sentence)
		if strings.Contains(d.Sentence, d.Clause) {
			d.Clause = within(d.Clause, d.Sentence)
		} else {
			d.Clause = moved(d.Clause)
		}
		d.Value = moved(d.Value)
	}
	a.Figures = slices.Clone(a.Figures)
	for i := range a.Figures {
		f := &a.Figures[i]
		f.Sentence = moved(f.Sentence)
		f.Text = within(f.Text, f.Sentence)
		f.Unit = moved(f.Unit) // a counted noun is cut from the text too
		f.Counts, f.HolderName, f.RefersTo = moved(f.Counts), moved(f.HolderName), moved(f.RefersTo)
	}
	a.Mentions = slices.Clone(a.Mentions)
	a.TextLines = slices.Clone(a.TextLines)
}
