package builder

import (
	"context"
	"fmt"
	"maps"
	"strconv"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// frame is what every article is read against: the configuration, the
// matcher of the actors' names, the boilerplate patterns and the
// extraction options, with the diagnostics found on the way.
type frame struct {
	cfg     model.Config
	cfgData []byte
	m       *extract.Matcher
	bp      *extract.Boilerplate
	opts    extract.Options
	xKey    uint64
	key     string // identifies the frame: configuration, options, names
	ds      []diag.Diagnostic
}

// How much of the site frame reads.
const (
	frameOnly  = iota // events and actors: what articles are read against
	loadAll           // articles too, loaded but not extracted
	extractAll        // everything, extracted
)

// frame reads the configuration and brings the cache up to date: files
// that came, went or changed are read again, events and actors first,
// whose names make the matcher; then, as mode says, the articles, each
// extracted as soon as it is read, and every entry extracted against the
// current frame.
func (s *Session) frame(ctx context.Context, mode int) (*frame, error) {
	f := &frame{}
	f.cfgData, f.ds = load.ReadConfig(s.srcFS)
	if _, d := load.Folder(s.srcFS, "static"); d != nil {
		f.ds = append(f.ds, *d)
	}
	var cds []diag.Diagnostic
	f.cfg, cds = load.Config(f.cfgData)
	f.ds = append(f.ds, cds...)
	if s.opts.BaseURL != "" {
		if err := load.SetBaseURL(&f.cfg, s.opts.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
	}
	f.opts = extract.Options{UnsafeHTML: f.cfg.UnsafeHTML, Boilerplate: f.cfg.Boilerplate, Language: f.cfg.Language}

	var lds diag.List
	todo, folders := s.list.update(func(p string) bool { _, ok := s.files[p]; return ok }, &lds)
	// Drop what is no longer listed: after a folder came or went every
	// cached file may be gone, else only the paths reported changed.
	if folders {
		maps.DeleteFunc(s.files, func(p string, _ *entry) bool { return !s.list.has(p) })
	} else {
		for p := range s.list.dirty {
			if !s.list.has(p) {
				delete(s.files, p)
			}
		}
	}
	var first, arts []string
	for _, p := range todo {
		if s.list.kind(p) == load.KindArticle {
			arts = append(arts, p)
		} else {
			first = append(first, p)
		}
	}
	s.read(ctx, first, nil)
	var actors []*model.Actor
	for _, p := range s.sortedPaths() {
		if a := s.files[p].loaded.act; a != nil {
			actors = append(actors, a)
		} else if a := s.files[p].x.act; a != nil && s.files[p].loaded.none() {
			actors = append(actors, a) // a one-shot build keeps only the extracted actor
		}
	}
	var mds []diag.Diagnostic
	f.m, mds = s.matcherFor(actors)
	f.ds = append(f.ds, mds...)
	var err error
	if f.bp, err = s.boilerplateFor(f.cfg.Boilerplate); err != nil {
		f.ds = append(f.ds, diag.Diagnostic{File: load.ConfigFile, Msg: fmt.Sprintf("boilerplate: %v", err), Hint: "write Go regular expressions (RE2 syntax)"})
	}
	f.xKey = extractKey(f.m, f.opts)
	f.key = string(f.cfgData) + "\x00" + s.opts.BaseURL + "\x00" + strconv.FormatBool(s.opts.Drafts) + "\x00" + strconv.FormatUint(f.xKey, 16)
	if mode == loadAll {
		s.read(ctx, arts, nil)
	}
	if mode == extractAll {
		s.read(ctx, arts, func(e *entry) *entry { return s.extracted(e, f.xKey, f.m, f.bp, f.opts) })
		// Files read in earlier builds are extracted again when the
		// actors' names or the options changed: after an edit of an
		// article, none.
		var stale []string
		for _, p := range s.sortedPaths() {
			if e := s.files[p]; e.xKey != f.xKey && e.extractable() {
				stale = append(stale, p)
			}
		}
		done := make([]*entry, len(stale))
		parallel(ctx, len(stale), func(i int) { done[i] = s.extracted(s.files[stale[i]], f.xKey, f.m, f.bp, f.opts) })
		for i, e := range done {
			if e != nil {
				s.files[stale[i]] = e
			}
		}
	}
	f.ds = append(f.ds, lds.Items()...)
	f.ds = append(f.ds, s.list.refusals()...)
	return f, nil
}
