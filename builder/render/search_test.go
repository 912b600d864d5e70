package render_test

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/briefhq/brief/bench/stagebench"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
)

// searchIndex is a search index read back from the files of a render,
// the way static/search.js reads it.
type searchIndex struct {
	Docs, Per int
	keys      map[string]int // shard key → size in the manifest
	terms     map[string]map[string]string
	docs      [][]any
}

func readSearchIndex(t *testing.T, files map[string][]byte) *searchIndex {
	t.Helper()
	man := files[render.SearchIndexFile]
	const prefix = "window.BRIEF_SEARCH="
	if !bytes.HasPrefix(man, []byte(prefix)) {
		t.Fatalf("the manifest starts %q", man[:min(40, len(man))])
	}
	var m struct {
		V      int     `json:"v"`
		Docs   int     `json:"docs"`
		Per    int     `json:"per"`
		Shards [][]any `json:"shards"`
		Actors [][]any `json:"actors"`
	}
	if err := json.Unmarshal(bytes.TrimSuffix(bytes.TrimSpace(man[len(prefix):]), []byte(";")), &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	ix := &searchIndex{Docs: m.Docs, Per: m.Per, keys: map[string]int{}, terms: map[string]map[string]string{}}
	for _, sh := range m.Shards {
		key := sh[0].(string)
		ix.keys[key] = int(sh[1].(float64))
		var words map[string]string
		shard(t, files, "search/t/x"+hex.EncodeToString([]byte(key))+".js", "t"+key, &words)
		ix.terms[key] = words
	}
	for k := 0; k*m.Per < m.Docs; k++ {
		var recs [][]any
		shard(t, files, fmt.Sprintf("search/d/%d.js", k), fmt.Sprint("d", k), &recs)
		if want := min(m.Per, m.Docs-k*m.Per); len(recs) != want {
			t.Errorf("document shard %d holds %d records, want %d", k, len(recs), want)
		}
		ix.docs = append(ix.docs, recs...)
	}
	return ix
}

var shardCall = regexp.MustCompile(`(?s)^BRIEF_SEARCH_SHARD\(("[^"]*"),(.*)\);\n$`)

// shard reads a shard file and checks the id it registers.
func shard(t *testing.T, files map[string][]byte, name, id string, v any) {
	t.Helper()
	data, ok := files[name]
	if !ok {
		t.Fatalf("%s is missing", name)
	}
	m := shardCall.FindSubmatch(data)
	if m == nil {
		t.Fatalf("%s is not a BRIEF_SEARCH_SHARD call: %.60q", name, data)
	}
	var got string
	if err := json.Unmarshal(m[1], &got); err != nil || got != id {
		t.Fatalf("%s registers %s, want %q", name, m[1], id)
	}
	if err := json.Unmarshal(m[2], v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// keyOf is the key of the shard a word belongs in: the longest key it
// starts with.
func (ix *searchIndex) keyOf(w string) (string, bool) {
	for n := len(w); n >= 0; n-- {
		if _, ok := ix.keys[w[:n]]; ok {
			return w[:n], true
		}
	}
	return "", false
}

const (
	final = "0123456789ABCDEFGHIJKLMNOPQRSTUV"
	more  = "WXYZabcdefghijklmnopqrstuvwxyz_$"
)

// decode reads postings as search.go's header comment describes them:
// five comma-separated lists of gaps in base 32.
func decode(t *testing.T, p string) [][]int {
	t.Helper()
	var lists [][]int
	for _, part := range strings.Split(p, ",") {
		var ids []int
		prev, v := -1, 0
		for i := 0; i < len(part); i++ {
			if d := strings.IndexByte(more, part[i]); d >= 0 {
				v = v*32 + d
				continue
			}
			d := strings.IndexByte(final, part[i])
			if d < 0 {
				t.Fatalf("postings %q: %q is no digit", p, part[i])
			}
			prev += v*32 + d + 1
			ids = append(ids, prev)
			v = 0
		}
		if v != 0 {
			t.Fatalf("postings %q end inside a number", p)
		}
		lists = append(lists, ids)
	}
	if len(lists) > 5 {
		t.Fatalf("postings %q have %d fields", p, len(lists))
	}
	return lists
}

// words splits as search.js does: letters and digits, lower-cased,
// without diacritics.
func words(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }) {
		var b strings.Builder
		for _, r := range norm.NFD.String(strings.ToLower(w)) {
			if !unicode.Is(unicode.Mn, r) {
				b.WriteRune(r)
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestSearchShards renders a 1,000-article corpus and checks the
// sharded index: every word of every title and name is in the shard its
// prefix names, with a posting in the title (or name) field for that
// item; every word is in exactly the shard of its longest key; postings
// are sorted and point at existing documents; shards of several words
// stay within the size limit; and two renders give the same bytes.
func TestSearchShards(t *testing.T) {
	c, err := stagebench.Get(1000)
	if err != nil {
		t.Fatal(err)
	}
	site, tmpl, err := c.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	var out mapOutput
	if _, ds := render.Render(context.Background(), site, tmpl, &out, render.Options{}); len(ds) > 0 {
		t.Fatalf("render: %v", ds)
	}
	ix := readSearchIndex(t, out.files)
	if want := len(site.Articles) + len(site.Events) + len(site.Actors); ix.Docs != want || len(ix.docs) != want {
		t.Fatalf("index of %d documents (%d records), want %d", ix.Docs, len(ix.docs), want)
	}

	// Every word of every shard: in the shard of its longest key, once,
	// with sorted postings of existing documents.
	seen := map[string]string{}
	for key, ws := range ix.terms {
		size := 0
		for w, p := range ws {
			size += len(w) + len(p)
			if !strings.HasPrefix(w, key) {
				t.Errorf("%q is in the shard of %q", w, key)
			}
			if k, _ := ix.keyOf(w); k != key {
				t.Errorf("%q is in the shard of %q, but its longest key is %q", w, key, k)
			}
			if other, dup := seen[w]; dup {
				t.Errorf("%q is in the shards of %q and %q", w, key, other)
			}
			seen[w] = key
			for f, ids := range decode(t, p) {
				for i, id := range ids {
					if id < 0 || id >= ix.Docs || i > 0 && id <= ids[i-1] {
						t.Fatalf("%q, field %d: ids %v", w, f, ids)
					}
				}
			}
		}
		if len(ws) > 1 && size > 32<<10 {
			t.Errorf("the shard of %q holds %d words in %d bytes", key, len(ws), size)
		}
	}

	// Every item by every word of its title or name.
	byPath := map[string]int{}
	for id, r := range ix.docs {
		byPath[r[0].(string)+"/"+r[1].(string)] = id
	}
	check := func(kind, slug, title string, field int) {
		id, ok := byPath[kind+"/"+slug]
		if !ok {
			t.Fatalf("no record of %s %s", kind, slug)
		}
		if ix.docs[id][2] != title {
			t.Errorf("record %d: title %q, want %q", id, ix.docs[id][2], title)
		}
		for _, w := range words(title) {
			key, ok := ix.keyOf(w)
			p, found := ix.terms[key][w]
			if !ok || !found {
				t.Errorf("%s %s: %q is not in the shard of %q", kind, slug, w, key)
				continue
			}
			lists := decode(t, p)
			in := false
			for _, x := range lists[min(field, len(lists)-1)] {
				in = in || x == id && field < len(lists)
			}
			if !in {
				t.Errorf("%s %s: the postings of %q (field %d) miss document %d", kind, slug, w, field, id)
			}
		}
	}
	for _, a := range site.Articles {
		check("article", a.Slug, a.Title, 1)
	}
	for _, e := range site.Events {
		check("event", e.Slug, e.Title, 1)
	}
	for _, x := range site.Actors {
		check(x.Kind, x.Slug, x.Name, 0)
	}

	// Same site, same bytes.
	var again mapOutput
	render.Render(context.Background(), site, tmpl, &again, render.Options{})
	for name, b := range out.files {
		if strings.HasPrefix(name, "search/") && !bytes.Equal(b, again.files[name]) {
			t.Errorf("%s differs between two renders", name)
		}
	}
}

// TestSearchIndexIncremental renders a site, then edits it several times
// (titles and dates changed, which move documents in the id order, an
// article gone, one added, text reworded) and renders it again each time
// with the State of the renders before: the search files the renders
// leave must be those of a fresh render of the same site, byte for byte.
func TestSearchIndexIncremental(t *testing.T) {
	c, err := stagebench.Get(1000)
	if err != nil {
		t.Fatal(err)
	}
	site, tmpl, err := c.Resolved()
	if err != nil {
		t.Fatal(err)
	}
	search := func(files map[string][]byte) map[string][]byte {
		out := map[string][]byte{}
		for f, b := range files {
			if strings.HasPrefix(f, "search/") {
				out[f] = b
			}
		}
		return out
	}
	st := render.NewState()
	kept := map[string][]byte{}
	edit := func(step int, s *model.Site) {
		var out mapOutput
		res, ds := render.Render(context.Background(), s, tmpl, &out, render.Options{Global: 7, State: st, Cache: true})
		if len(ds) > 0 {
			t.Fatalf("step %d: %v", step, ds)
		}
		st.Commit(res)
		maps.Copy(kept, out.files)
		for _, f := range res.Gone {
			delete(kept, f)
		}
		var fresh mapOutput
		if _, ds := render.Render(context.Background(), s, tmpl, &fresh, render.Options{}); len(ds) > 0 {
			t.Fatalf("step %d, fresh: %v", step, ds)
		}
		got, want := search(kept), search(fresh.files)
		for f, b := range want {
			if !bytes.Equal(got[f], b) {
				t.Fatalf("step %d: %s differs from a fresh render", step, f)
			}
		}
		for f := range got {
			if want[f] == nil {
				t.Fatalf("step %d: %s is left over", step, f)
			}
		}
	}
	edit(0, site)
	changed := func(a *model.Article, f func(*model.Article)) *model.Article {
		b := *a
		f(&b)
		b.Hash ^= 0x9e3779b97f4a7c15 // another file's bytes
		return &b
	}
	cur := *site
	cur.Articles = slices.Clone(site.Articles)
	for step := 1; step <= 6; step++ {
		n := len(cur.Articles)
		i, j := (step*37)%n, (step*211+5)%n
		switch step % 3 {
		case 0: // a title, which moves the document among those of its date
			cur.Articles[i] = changed(cur.Articles[i], func(a *model.Article) { a.Title = "Zebra crossing " + a.Title })
		case 1: // a date, which moves it across the site
			cur.Articles[i] = changed(cur.Articles[i], func(a *model.Article) { a.Date = cur.Articles[j].Date })
		case 2: // text reworded in one, another gone, a new one
			cur.Articles[i] = changed(cur.Articles[i], func(a *model.Article) { a.Summary = "Quokkas reworded this summary." })
			added := changed(cur.Articles[j], func(a *model.Article) { a.Slug += "-again"; a.Title = "Again: " + a.Title })
			cur.Articles = append(slices.Delete(cur.Articles, j, j+1), added)
		}
		s := cur
		s.Articles = slices.Clone(cur.Articles)
		edit(step, &s)
	}
}
