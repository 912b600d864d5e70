package model

import (
	"errors"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"testing"
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
	a.Dates = []DateMention{{Text: p[3:22], Sentence: p, Start: 3, End: 22}, {Text: p[3:9], Sentence: p}}
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

func TestStashFailureKeepsArticle(t *testing.T) {
	a, want := sample(), sample()
	if err := a.Stash(&memStore{failing: true}); err == nil {
		t.Fatal("no error from a failing store")
	}
	if a.HTML() != want.HTML() || !reflect.DeepEqual(a.Text(), want.Text()) {
		t.Error("a failed Stash changed the article")
	}
}
