package builder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/builder/resolve"
)

// Session builds one site again and again: it is the one wiring of the
// stages — load, extract, resolve, render — that brief build, check,
// serve and import all run, a one-shot build being a session used once.
// A rebuild runs the same code as the first build, with more cache hits:
//   - a content file's entry (see entry) is reused while its bytes are the
//     same, and its extraction while, in addition, the actors' names and
//     the extraction options are the same;
//   - the linked site is an index that the changed articles are taken out
//     of and put back into (resolve.Index); a change to an event, an
//     actor or the configuration links every article into a new index;
//   - a page is re-rendered only when a part of an item it read while
//     rendering changed (see render.State) or the site-wide signature
//     (configuration, templates, actor names, options) changed.
//
// A Session is not safe for concurrent use.
type Session struct {
	opts  Options
	src   string
	srcFS fs.FS
	list  *listing
	files map[string]*entry // content files by path
	paths []string          // the paths of files, sorted (see sortedPaths)

	// The linked site, the key of its frame (configuration, events and
	// actors), and the entry of each article it holds, by path.
	index    *resolve.Index
	frameKey uint64
	indexed  map[string]*entry
	terms    termsCache

	tmplKey  uint64
	tmpl     *render.Templates
	tmplDiag []diag.Diagnostic

	// dropSource frees each file's source text once it is extracted; set
	// for one-shot builds, which never extract again.
	dropSource bool
	// stash, when set, takes each article's HTML and paragraphs once it
	// is extracted (see model.Store): set for one-shot builds that
	// render, and by StashText for the preview.
	stash model.Store
	// spills are the preview's scratch files (StashText, builder/stash.go).
	spills

	matcher    *extract.Matcher
	matcherKey uint64
	matcherDs  []diag.Diagnostic
	bp         *extract.Boilerplate
	bpKey      string

	// What the renders recorded, for skipping pages; nil for one-shot
	// builds, which render once.
	rstate *render.State
	// deferExport leaves the data export to Export (see DeferExport).
	deferExport bool

	// progress counts the files read for Options.Progress; nil if none.
	progress *counter
}

// NewSession prepares repeated builds of the site in opts.Source.
func NewSession(opts Options) (*Session, error) {
	src := opts.Source
	if src == "" {
		src = "."
	}
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("source folder %s does not exist", src)
	}
	fsys := os.DirFS(src)
	return &Session{opts: opts, src: src, srcFS: fsys, list: newListing(fsys), files: map[string]*entry{}}, nil
}

// Source returns the site folder.
func (s *Session) Source() string { return s.src }

// Changed tells the session that the file at path (relative to the site
// folder, slash-separated) was created, written, renamed or removed. A
// folder path marks everything below it.
func (s *Session) Changed(path string) { s.list.changed(path) }

// Rescan makes the next build list and read every file again.
func (s *Session) Rescan() { s.list.rescan = true }

// Model is a loaded, extracted and resolved site with its templates.
type Model struct {
	Site     *model.Site
	Tmpl     *render.Templates
	Global   uint64 // site-wide signature
	Warnings []diag.Diagnostic
	Ignored  []string
	// Relinked counts the articles put into the linked site by this
	// build: all of them after a change to the frame, only the changed
	// ones after an edit of articles, none when no article changed.
	Relinked int
}

// Model runs load, extract and resolve, reusing cached per-file work, and
// parses the templates. Every diagnostic of every file is returned at
// once, as a diag.Errors.
func (s *Session) Model(ctx context.Context) (*Model, error) {
	s.rotateSpill()
	f, err := s.frame(ctx, extractAll)
	if err != nil {
		return nil, err
	}
	ds := f.ds
	paths := s.sortedPaths()
	var events []*model.Event
	var actors []*model.Actor
	frame := []string{f.key}
	ents := make([]*entry, len(paths)) // by path, looked up once
	for i, p := range paths {
		e := s.files[p]
		ents[i] = e
		ds = append(ds, e.loadDs...)
		ds = append(ds, e.xDs...)
		switch {
		case e.x.ev != nil:
			events = append(events, e.x.ev)
		case e.x.act != nil:
			actors = append(actors, e.x.act)
		default:
			continue
		}
		frame = append(frame, p, strconv.FormatUint(e.hash, 16))
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	// Link the articles that changed since the last build into the index,
	// or every article into a new one when its frame changed.
	if key := render.Fingerprint(frame...); s.index == nil || key != s.frameKey {
		s.index, s.frameKey, s.indexed = resolve.NewIndex(f.cfg, events, actors), key, map[string]*entry{}
	}
	relinked := 0
	for p := range s.indexed {
		if _, ok := s.files[p]; !ok {
			s.index.Remove(p)
			delete(s.indexed, p)
			relinked++
		}
	}
	for i, p := range paths {
		e := ents[i]
		if e.kind != load.KindArticle {
			continue
		}
		want := e
		if e.x.art == nil || e.x.art.Draft && !s.opts.Drafts {
			want = nil
		}
		if s.indexed[p] == want {
			continue
		}
		relinked++
		if want == nil {
			s.index.Remove(p)
			delete(s.indexed, p)
			continue
		}
		s.index.Add(want.x.art)
		s.indexed[p] = want
	}
	site, rds := s.index.Site()
	ds = append(ds, rds...)
	// Terms take their slugs from load, which resolve may not import.
	site.Tags, site.Publishers = s.terms.of(site.Articles)

	tmpl, tds := s.templates(f.cfg, f.cfgData)
	ds = append(ds, tds...)
	m := &Model{Site: site, Tmpl: tmpl, Ignored: s.list.notContent(), Relinked: relinked}
	for _, d := range ds {
		if d.Severity == diag.Warning {
			m.Warnings = append(m.Warnings, d)
		}
	}
	if errs := errorsOf(ds); len(errs) > 0 {
		return nil, errs
	}
	m.Global = render.Fingerprint(f.key, strconv.FormatUint(s.tmplKey, 16))
	return m, nil
}

// Render renders the model to out. With incremental set, files whose
// recorded dependencies did not change since the last committed render
// are skipped.
func (s *Session) Render(ctx context.Context, m *Model, out render.Output, incremental bool) (*render.Result, error) {
	if s.closed {
		// A stashed article would read back as empty text.
		return nil, errors.New("rendering after the session was closed")
	}
	opts := render.Options{Global: m.Global, Cache: !s.dropSource, DeferExport: s.deferExport}
	if !s.dropSource {
		if s.rstate == nil || !incremental {
			s.rstate = render.NewState()
		}
		opts.State = s.rstate
	}
	res, ds := render.Render(ctx, m.Site, m.Tmpl, out, opts)
	if errs := errorsOf(ds); len(errs) > 0 {
		return nil, errs
	}
	if err := s.spillErr(); err != nil {
		return nil, err // pages whose text could not be read back
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return res, nil
}

// DeferExport makes the renders leave the data export out
// (render.Options.DeferExport); render.Export makes a file of it from
// the model of the last build that succeeded, between builds (a later
// Model changes the linked site in place).
func (s *Session) DeferExport() { s.deferExport = true }

// Commit records a render as the base of the next incremental one; call
// it once the render's output is in place. It also forgets the changes
// reported before the build.
func (s *Session) Commit(m *Model, res *render.Result) {
	if s.rstate != nil {
		s.rstate.Commit(res)
	}
	clear(s.list.dirty)
}

// Forget drops what the renders recorded, so that the next render writes
// everything (after a failed render, or when the output was lost).
func (s *Session) Forget() {
	if s.rstate != nil {
		s.rstate.Forget()
	}
}

// sortedPaths returns the paths of the content files, sorted; callers
// must not change the list. It is kept while the files are the same ones,
// which takes a lookup per path to check, far less than sorting ten
// thousand paths on every rebuild.
func (s *Session) sortedPaths() []string {
	if len(s.paths) == len(s.files) {
		same := true
		for _, p := range s.paths {
			if _, ok := s.files[p]; !ok {
				same = false
				break
			}
		}
		if same {
			return s.paths
		}
	}
	s.paths = slices.Sorted(maps.Keys(s.files))
	return s.paths
}
