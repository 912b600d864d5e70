package builder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
)

// entry is what the cache holds for one content file: its content hash,
// the item as load read it, and the item as extract made it, each with
// its diagnostics. An entry is never changed once stored — a new version
// of the file, or its extraction against other actors or options, makes
// a new entry — so whatever holds an entry's items (the last model, a
// render in progress) never sees them change.
type entry struct {
	hash   uint64
	kind   string
	loaded item // zero in one-shot builds once extracted: they never extract again
	// src is where a preview keeps an extracted article's file instead
	// of loaded (StashText): loadedItem reads it back.
	src    *stashedSource
	loadDs []diag.Diagnostic
	xKey   uint64 // extraction key of x; 0: not extracted
	x      item
	xDs    []diag.Diagnostic
}

// item is one article, event or actor.
type item struct {
	art *model.Article
	ev  *model.Event
	act *model.Actor
}

func (it item) none() bool { return it.art == nil && it.ev == nil && it.act == nil }

// read reads and parses the files at paths in parallel and stores their
// entries; then, when set, turns each new entry into its extracted
// version in the same worker, so that a big site's source text is never
// all in memory at once. A file that was saved without a change keeps its
// entry.
func (s *Session) read(ctx context.Context, paths []string, then func(*entry) *entry) {
	results := make([]*entry, len(paths))
	bundles := s.list.bundles()
	s.progress.addToRead(len(paths))
	parallel(ctx, len(paths), func(i int) {
		p := paths[i]
		defer s.progress.fileRead()
		// A file over the limit is refused unread: reading a 2 GB file
		// to find that out would take the memory the limit protects.
		if info, err := fs.Stat(s.srcFS, p); err == nil && info.Size() > load.MaxFileSize {
			results[i] = &entry{kind: s.list.kind(p), loadDs: []diag.Diagnostic{load.TooBig(p, info.Size(), 0)}}
			return
		}
		data, err := fs.ReadFile(s.srcFS, p)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				results[i] = &entry{kind: s.list.kind(p), loadDs: []diag.Diagnostic{{File: p, Msg: fmt.Sprintf("cannot read: %v", err)}}}
			}
			return
		}
		h := load.Hash(p, data)
		res := s.resources(p, bundles[p], &h)
		if old, ok := s.files[p]; ok && old.hash == h {
			results[i] = old
			return
		}
		e := &entry{hash: h, kind: s.list.kind(p)}
		switch e.kind {
		case load.KindArticle:
			e.loaded.art, e.loadDs = load.Article(p, data)
			switch a := e.loaded.art; {
			case a == nil:
			case res != nil:
				a.Hash = h
				load.Bundle(a, res)
			case a.Resources != nil:
				// A saved page's images, from its NAME_files/ folder,
				// which the listing does not watch: the entry keeps the
				// page's own hash.
				ph := h
				a.Resources = s.readResources(a.Resources, &ph)
				a.Hash = ph
			}
			e.src = s.stashSource(p, data, e.loaded.art)
		case load.KindEvent:
			e.loaded.ev, e.loadDs = load.Event(p, data)
		case load.KindActor:
			e.loaded.act, e.loadDs = load.Actor(p, data)
		}
		if then != nil {
			e = then(e)
		}
		results[i] = e
	})
	for i, p := range paths {
		if results[i] == nil {
			delete(s.files, p) // gone between listing and reading
			continue
		}
		s.files[p] = results[i]
	}
}

// resources reads the files of the page bundle of index, with the size of each
// image, and mixes their hashes into h: the article's page shows them.
func (s *Session) resources(index string, files []string, h *uint64) []model.Resource {
	if len(files) == 0 {
		return nil
	}
	res := make([]model.Resource, 0, len(files))
	for _, f := range files {
		res = append(res, model.Resource{Name: strings.TrimPrefix(f, path.Dir(index)+"/"), Path: f})
	}
	return s.readResources(res, h)
}

// readResources reads the files of res, keeping those that can be read,
// with the size of each image, and mixes their hashes into h.
func (s *Session) readResources(res []model.Resource, h *uint64) []model.Resource {
	out := res[:0]
	for _, r := range res {
		data, err := fs.ReadFile(s.srcFS, r.Path)
		if err != nil {
			continue // gone since the listing, or never saved: not published
		}
		if load.IsImage(r.Path) {
			r.Width, r.Height = load.ImageSize(r.Path, data)
		}
		out = append(out, r)
		*h = (*h ^ load.Hash(r.Path, data)) * 1099511628211
	}
	return out
}

// extracted returns e extracted with key: e itself when it already is,
// else a new entry. It reads only e, so it may run in parallel with
// itself.
func (s *Session) extracted(e *entry, key uint64, m *extract.Matcher, bp *extract.Boilerplate, opts extract.Options) *entry {
	if e.xKey == key || !e.extractable() {
		return e
	}
	n := *e
	n.xKey = key
	l := e.loaded
	if l.none() {
		// The article's file is in a scratch file: load it again, and
		// move it to the current file, so that a retired one is freed
		// once every article extracted again has left it.
		var data []byte
		if l.art, data = e.src.load(); l.art == nil {
			return e // a read error, which fails the render
		}
		if e.src.file != s.spill {
			if src := s.stashSource(e.src.path, data, l.art); src != nil {
				n.src = src
			}
		}
	}
	switch {
	case l.art != nil:
		n.x.art, n.xDs = extract.Article(l.art, m, bp, opts)
	case l.ev != nil:
		n.x.ev, n.xDs = extract.Event(l.ev, m, opts)
	case l.act != nil:
		n.x.act, n.xDs = extract.Actor(l.act, m, opts)
	}
	if s.dropSource {
		// A one-shot build never extracts again: keep neither the
		// loaded item nor the source text, a third of the memory a big
		// site holds.
		n.loaded = item{}
		switch x := n.x; {
		case x.art != nil:
			x.art.Body, x.art.Blocks = "", nil
		case x.ev != nil:
			x.ev.Body = ""
		case x.act != nil:
			x.act.Body = ""
		}
	}
	if s.stash != nil && n.x.art != nil {
		// Stashed before the entry is stored, so that no one sees the
		// article change. On a write error the text simply stays in
		// memory.
		_ = n.x.art.Stash(s.stash)
	}
	if n.src != nil && n.x.art != nil {
		// The preview keeps the file in the scratch file (loadedItem
		// reads it back) and, as a one-shot build does, not its source
		// text in the extracted article either, which would keep the
		// loaded article's memory: no page shows it.
		n.loaded = item{}
		n.x.art.Body, n.x.art.Blocks = "", nil
	}
	return &n
}

// extractable reports whether the entry has an item to extract: loaded,
// or its file in a scratch file.
func (e *entry) extractable() bool { return !e.loaded.none() || e.src != nil }

// matcherFor returns the mention matcher of the actors, reusing the last
// one while no actor's spellings changed.
func (s *Session) matcherFor(actors []*model.Actor) (*extract.Matcher, []diag.Diagnostic) {
	parts := make([]string, 0, 4*len(actors))
	for _, a := range actors {
		parts = append(parts, a.Slug, a.File, a.Name, a.Kind, a.Gender, strconv.Itoa(a.AliasLines[a.Name]))
		for _, l := range [][]string{a.Aliases, a.Misspellings} {
			for _, n := range l {
				parts = append(parts, n, strconv.Itoa(a.AliasLines[n]))
			}
			parts = append(parts, "|")
		}
	}
	key := render.Fingerprint(parts...)
	if s.matcher == nil || key != s.matcherKey {
		s.matcher, s.matcherDs = extract.NewMatcher(actors)
		s.matcherKey = key
	}
	return s.matcher, s.matcherDs
}

// boilerplateFor compiles the boilerplate patterns, reusing the last set
// while the site's patterns are the same.
func (s *Session) boilerplateFor(extra []string) (*extract.Boilerplate, error) {
	key := fmt.Sprintf("%q", extra)
	if s.bp == nil || key != s.bpKey {
		bp, err := extract.NewBoilerplate(extra)
		if err != nil {
			return nil, err
		}
		s.bp, s.bpKey = bp, key
	}
	return s.bp, nil
}

// extractKey identifies what extraction depends on beyond a file's bytes.
func extractKey(m *extract.Matcher, o extract.Options) uint64 {
	parts := []string{strconv.FormatBool(o.UnsafeHTML)}
	parts = append(parts, o.Boilerplate...)
	for _, n := range m.Names() {
		parts = append(parts, n.Text, n.Actor, n.Canonical, n.Kind, n.Gender, strconv.FormatBool(n.Misspelling))
	}
	return render.Fingerprint(parts...) | 1 // never 0, which means "not extracted"
}

// parallel runs fn(0..n-1) on all cores.
func parallel(ctx context.Context, n int, fn func(i int)) {
	if n == 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
}
