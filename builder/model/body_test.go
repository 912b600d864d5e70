package model

import (
	"errors"
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unsafe"
)

// memStore is a Store in memory; failing makes Put fail.
type memStore struct {
	mu      sync.Mutex
	data    []byte
	failing bool
}

func (m *memStore) Put(b []byte) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.failing {
		return 0, errors.New("disk full")
	}
	off := int64(len(m.data))
	m.data = append(m.data, b...)
	return off, nil
}

func (m *memStore) Get(off int64, n int) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]byte(nil), m.data[off:off+int64(n)]...)
}

func sample() *Article {
	a := &Article{}
	a.SetHTML(template.HTML("<p>On Monday, 24 February, about 150,000 troops moved. “We will stand,” she said.</p>\n<h2>Next</h2>"))
	p := "On Monday, 24 February, about 150,000 troops moved."
	q := "“We will stand,” she said."
	a.SetText([]string{p, q, ""})
	a.TextLines = []int{3, 5, 0}
	a.Summary = p[:23]
	a.Quotes = []Quote{{Text: q[3:16], SpeakerName: q[21:24], Para: 1}}
	a.Dates = []DateMention{{Text: p[3:22], Sentence: p, Clause: p[:22], Start: 3, End: 22}, {Text: p[3:9], Sentence: p, Clause: "M" + p[4:22]}}
	a.Figures = []Figure{{Value: 150000, Unit: "troops", Text: p[24:45], Sentence: p}}
	return a
}

func TestStashRoundTrip(t *testing.T) {
	a, want := sample(), sample()
	st := &memStore{}
	if err := a.Stash(st); err != nil {
		t.Fatal(err)
	}
	if a.body.html != "" || a.body.text != nil {
		t.Fatal("the body is still in memory after Stash")
	}
	if a.HTML() != want.HTML() {
		t.Errorf("HTML %q, want %q", a.HTML(), want.HTML())
	}
	if !reflect.DeepEqual(a.Text(), want.Text()) {
		t.Errorf("Text %q, want %q", a.Text(), want.Text())
	}
	if !reflect.DeepEqual(a.Quotes, want.Quotes) || !reflect.DeepEqual(a.Dates, want.Dates) ||
		!reflect.DeepEqual(a.Figures, want.Figures) || a.Summary != want.Summary {
		t.Error("quotes, dates, figures or summary changed")
	}
	// The date's text is cut from its own copied sentence.
	d := a.Dates[0]
	if !strings.Contains(d.Sentence, d.Text) {
		t.Errorf("date %q not in %q", d.Text, d.Sentence)
	}
	// Setting the text brings the HTML back into memory first.
	a.SetText([]string{"new"})
	if a.HTML() != want.HTML() || a.body.store != nil {
		t.Error("SetText lost the stashed HTML")
	}
}

// TestStashFreesParagraphs checks that no string left in a stashed
// article points into its paragraphs: one that did would keep the whole
// text of the article in memory, which is what Stash is for. A string
// field added to the extracted facts and not detached fails here.
func TestStashFreesParagraphs(t *testing.T) {
	a := sample()
	a.SetText(clonedText(a.Text()))
	a.Summary = a.Text()[0][:23]
	for i := range a.Dates {
		d := &a.Dates[i]
		d.Sentence = a.Text()[0]
		d.Text = d.Sentence[3:22]
		if strings.HasPrefix(d.Clause, "On") {
			d.Clause = d.Sentence[:22]
		}
	}
	q := a.Text()[1]
	a.Quotes[0].Text, a.Quotes[0].SpeakerName = q[3:16], q[21:24]
	a.Figures[0].Sentence = a.Text()[0]
	a.Figures[0].Text = a.Figures[0].Sentence[24:45]
	var spans [][2]uintptr
	for _, p := range a.Text() {
		if p != "" {
			at := uintptr(unsafe.Pointer(unsafe.StringData(p)))
			spans = append(spans, [2]uintptr{at, at + uintptr(len(p))})
		}
	}
	if err := a.Stash(&memStore{}); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			if v.Len() == 0 {
				return
			}
			at := uintptr(unsafe.Pointer(unsafe.StringData(v.String())))
			for _, sp := range spans {
				if at >= sp[0] && at < sp[1] {
					t.Errorf("%s = %q still points into the stashed paragraphs", path, v.String())
				}
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(path+"."+v.Type().Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		}
	}
	walk("Article", reflect.ValueOf(a).Elem())
}

// clonedText copies paragraphs into memory of their own, as extract
// makes them (the sample's are constants).
func clonedText(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = strings.Clone(p)
	}
	return out
}

func TestStashFailureKeepsArticle(t *testing.T) {
	a, want := sample(), sample()
	if err := a.Stash(&memStore{failing: true}); err == nil {
		t.Fatal("no error from a failing store")
	}
	if a.HTML() != want.HTML() || !reflect.DeepEqual(a.Text(), want.Text()) {
		t.Error("a failed Stash changed the article")
	}
}
