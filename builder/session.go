package builder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/builder/resolve"
	"github.com/briefhq/brief/static"
	"github.com/briefhq/brief/templates"
)

// Session builds one site again and again, reusing the work of earlier
// builds. Its cache rules:
//   - a content file's load result is reused while its bytes are the same;
//   - its extraction is reused while, in addition, the set of actor names
//     and the extraction options are the same;
//   - a page is re-rendered only when a part of an item it read while
//     rendering changed (see render.State) or the site-wide signature
//     (configuration, templates, actor names, options) changed.
//
// A Session is not safe for concurrent use.
type Session struct {
	opts  Options
	src   string
	srcFS fs.FS

	files    map[string]*entry          // content files by path
	sorted   []string                   // the keys of files in order; nil when they changed
	present  map[string]string          // listing of content/: path → kind
	dirs     map[string]bool            // folders of the listing
	ignored  map[string]bool            // files under content/ that are not content
	refused  map[string]diag.Diagnostic // content files not read (see load.Readable)
	known    bool                       // the listing is complete
	dirty    map[string]bool            // paths reported changed since the last build
	rescan   bool                       // re-read every file
	tmplKey  uint64
	tmpl     *render.Templates
	tmplDiag []diag.Diagnostic

	// lastSite is the model of the last successful Model call, kept so
	// that an edit that changes no link (see relinkFree) can reuse it.
	lastSite *model.Site
	lastKey  string
	// What the current load changed: entries replaced by new versions,
	// and whether files came or went (or other than articles changed).
	replaced   map[string]*entry
	structural bool

	// dropSource frees each file's source text once it is extracted; set
	// for one-shot builds, which never extract again.
	dropSource bool
	// stash, when set, takes each article's HTML and paragraphs once it
	// is extracted (see model.Store); set for one-shot builds that render.
	stash model.Store

	matcher    *extract.Matcher
	matcherKey uint64
	matcherDs  []diag.Diagnostic
	bp         *extract.Boilerplate
	bpKey      string

	// What the renders recorded, for skipping pages; nil for one-shot
	// builds, which render once.
	rstate *render.State
}

// entry is the cached work for one content file.
type entry struct {
	hash    uint64
	kind    string
	art     *model.Article
	ev      *model.Event
	act     *model.Actor
	loadDs  []diag.Diagnostic
	xKey    uint64 // extraction key the item was extracted with; 0: not yet
	xDs     []diag.Diagnostic
	mention []model.Mention
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
	return &Session{opts: opts, src: src, srcFS: os.DirFS(src), files: map[string]*entry{}, dirty: map[string]bool{}}, nil
}

// Source returns the site folder.
func (s *Session) Source() string { return s.src }

// Changed tells the session that the file at path (relative to the site
// folder, slash-separated) was created, written, renamed or removed. A
// folder path marks everything below it.
func (s *Session) Changed(path string) {
	s.dirty[strings.TrimSuffix(filepath.ToSlash(path), "/")] = true
}

// Rescan makes the next build re-read every file.
func (s *Session) Rescan() { s.rescan = true }

// Model is a loaded, extracted and resolved site with its templates.
type Model struct {
	Site     *model.Site
	Tmpl     *render.Templates
	Global   uint64 // site-wide signature
	Warnings []diag.Diagnostic
	Ignored  []string
	// Relinked is false when the last model was reused because no edit
	// moved a link (see relinkMode).
	Relinked bool
	// Partial is true when links moved only inside the changed articles
	// and were updated in the last model (resolve.Relink) rather than
	// resolved from scratch.
	Partial bool
}

// Model runs load, extract and resolve, reusing cached per-file work, and
// parses the templates. Every diagnostic of every file is returned at
// once, as a diag.Errors.
func (s *Session) Model(ctx context.Context) (*Model, error) {
	cfgData, ds := load.ReadConfig(s.srcFS)
	if _, d := load.Folder(s.srcFS, "static"); d != nil {
		ds = append(ds, *d)
	}
	cfg, cds := load.Config(cfgData)
	ds = append(ds, cds...)
	if s.opts.BaseURL != "" {
		if err := load.SetBaseURL(&cfg, s.opts.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
	}

	// Events and actors are loaded first: the actors' names make the
	// mention matcher, and each article is then extracted right after it
	// is read, so that a big site's source text is never all in memory
	// at once.
	var (
		matcher *extract.Matcher
		bp      *extract.Boilerplate
		xKey    uint64
	)
	xopts := extract.Options{BasePath: cfg.BasePath, UnsafeHTML: cfg.UnsafeHTML, Boilerplate: cfg.Boilerplate}
	ignored, lds := s.load(ctx, func() func(*entry) {
		var actors []*model.Actor
		for _, p := range s.sortedPaths() {
			if e := s.files[p]; e.act != nil {
				actors = append(actors, e.act)
			}
		}
		var mds []diag.Diagnostic
		matcher, mds = s.matcherFor(actors)
		ds = append(ds, mds...)
		var err error
		if bp, err = s.boilerplateFor(cfg.Boilerplate); err != nil {
			ds = append(ds, diag.Diagnostic{File: load.ConfigFile, Msg: fmt.Sprintf("boilerplate: %v", err), Hint: "write Go regular expressions (RE2 syntax)"})
		}
		xKey = extractKey(matcher, xopts)
		return func(e *entry) { s.extractEntry(e, xKey, matcher, bp, xopts) }
	})
	ds = append(ds, lds...)
	var articles []*model.Article
	var events []*model.Event
	var actors []*model.Actor
	paths := s.sortedPaths()
	for _, p := range paths {
		e := s.files[p]
		ds = append(ds, e.loadDs...)
		switch {
		case e.art != nil && (!e.art.Draft || s.opts.Drafts):
			articles = append(articles, e.art)
		case e.ev != nil:
			events = append(events, e.ev)
		case e.act != nil:
			actors = append(actors, e.act)
		}
	}
	// Files read in earlier builds are extracted again when the actors'
	// names or the options changed.
	ds = append(ds, s.extract(ctx, paths, xKey, matcher, bp, xopts)...)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}

	key := string(cfgData) + "\x00" + s.opts.BaseURL + "\x00" + strconv.FormatBool(s.opts.Drafts) + "\x00" + strconv.FormatUint(xKey, 16)
	var site *model.Site
	relinked, partial := true, false
	switch mode := s.relinkMode(); {
	case s.lastSite == nil || key != s.lastKey || mode == relinkAll:
		var rds []diag.Diagnostic
		site, rds = resolve.Site(cfg, articles, events, actors)
		ds = append(ds, rds...)
	case mode == relinkNone:
		relinked = false
		// Only articles changed, and none in a way that moves a link:
		// their new versions take the place of the old objects, which
		// the last model links to, and resolving again is skipped.
		for p, old := range s.replaced {
			adopt(old.art, s.files[p].art)
			s.files[p].art = old.art
		}
		site = s.lastSite
	default:
		partial = true
		// Links moved inside the changed articles only: update those
		// links in the last model instead of resolving the whole site.
		for _, p := range slices.Sorted(maps.Keys(s.replaced)) {
			old := s.replaced[p]
			if old.art.Draft && !s.opts.Drafts {
				*old.art = *s.files[p].art // not in the site: no links
			} else {
				resolve.Relink(s.lastSite, old.art, s.files[p].art)
			}
			s.files[p].art = old.art
		}
		site = s.lastSite
	}
	s.lastSite, s.lastKey = nil, ""

	tmpl, tds := s.templates(cfg, cfgData)
	ds = append(ds, tds...)

	m := &Model{Site: site, Tmpl: tmpl, Ignored: ignored, Relinked: relinked, Partial: partial}
	for _, d := range ds {
		if d.Severity == diag.Warning {
			m.Warnings = append(m.Warnings, d)
		}
	}
	if errs := errorsOf(ds); len(errs) > 0 {
		return nil, errs
	}
	m.Global = render.Fingerprint(string(cfgData), s.opts.BaseURL, strconv.FormatBool(s.opts.Drafts), strconv.FormatUint(xKey, 16), strconv.FormatUint(s.tmplKey, 16))
	s.lastSite, s.lastKey = site, key
	return m, nil
}

// How much of the last model an edit leaves valid (see relinkMode).
const (
	relinkNone = iota // no link moved: the last model stands
	relinkSome        // links moved inside changed articles: resolve.Relink
	relinkAll         // anything else: resolve the site again
)

// relinkMode tells what this load changed. Only articles changed, each
// in a way that leaves every link as it was (same slug, date and draft
// state, same declared events and actors, same mentions, quotes (words
// and speakers) and dated statements): relinkNone; text, headline,
// summary, publisher and the like may differ, as pages show them from
// the article itself. Only articles changed, keeping their slug, date,
// draft state and declared links: relinkSome. Otherwise relinkAll.
func (s *Session) relinkMode() int {
	if s.structural {
		return relinkAll
	}
	mode := relinkNone
	for p, old := range s.replaced {
		nw := s.files[p]
		// Warnings (boilerplate removed from pasted text) are no reason
		// to resolve again; errors fail the build anyway.
		if old.art == nil || nw == nil || nw.art == nil || len(errorsOf(nw.loadDs)) > 0 || len(errorsOf(nw.xDs)) > 0 {
			return relinkAll
		}
		if linkSig(old.art) == linkSig(nw.art) {
			continue
		}
		if !resolve.CanRelink(old.art, nw.art) {
			return relinkAll
		}
		mode = relinkSome
	}
	return mode
}

// linkSig hashes what resolve reads of an article.
func linkSig(a *model.Article) uint64 {
	parts := []string{a.Slug, a.Date.String(), strconv.FormatBool(a.Draft)}
	for _, r := range a.EventRefs {
		parts = append(parts, "e", r.Slug)
	}
	for _, r := range a.ActorRefs {
		parts = append(parts, "a", r.Slug)
	}
	for _, m := range a.Mentions {
		parts = append(parts, "m", m.Actor, strconv.Itoa(m.Count))
	}
	for _, q := range a.Quotes {
		parts = append(parts, "q", q.Text, q.Speaker)
	}
	for _, d := range a.Dates {
		parts = append(parts, "d", d.Date.String(), strconv.Itoa(int(d.Date.Precision)))
	}
	return render.Fingerprint(parts...)
}

// adopt gives old the content of nw, keeping the links resolve made.
func adopt(old, nw *model.Article) {
	events, auto, actors := old.Events, old.AutoEvents, old.Actors
	for i := range nw.Quotes {
		nw.Quotes[i].By = old.Quotes[i].By
	}
	*old = *nw
	old.Events, old.AutoEvents, old.Actors = events, auto, actors
}

// matcherFor returns the mention matcher of the actors, reusing the last
// one while no actor's spellings changed.
func (s *Session) matcherFor(actors []*model.Actor) (*extract.Matcher, []diag.Diagnostic) {
	parts := make([]string, 0, 4*len(actors))
	for _, a := range actors {
		parts = append(parts, a.Slug, a.File, a.Name, a.Kind, strconv.Itoa(a.AliasLines[a.Name]))
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
	key := strings.Join(extra, "\x00")
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
	parts := []string{o.BasePath, strconv.FormatBool(o.UnsafeHTML)}
	parts = append(parts, o.Boilerplate...)
	for _, n := range m.Names() {
		parts = append(parts, n.Text, n.Actor, n.Canonical, strconv.FormatBool(n.Misspelling))
	}
	return render.Fingerprint(parts...) | 1 // never 0, which means "not extracted"
}

// load keeps the listing of content/ current and (re)reads the files that
// are new or were reported changed, in parallel. The first build (and a
// rescan) lists the whole folder; later builds look only at the paths
// reported changed, so a rebuild does not walk ten thousand files. It
// returns the files under content/ that are not content.
func (s *Session) load(ctx context.Context, prepare func() func(*entry)) ([]string, []diag.Diagnostic) {
	var ds diag.List
	var todo []string
	s.replaced, s.structural = map[string]*entry{}, false
	// gone drops a loaded file that is no longer listed.
	gone := func(p string) {
		if _, ok := s.present[p]; !ok {
			if _, had := s.files[p]; had {
				delete(s.files, p)
				s.sorted = nil
				s.structural = true
			}
		}
	}
	if !s.known || s.rescan {
		s.present, s.ignored, s.dirs, s.refused = map[string]string{}, map[string]bool{}, map[string]bool{}, map[string]diag.Diagnostic{}
		s.walk("content", &ds)
		for p := range s.files {
			gone(p)
		}
		for p := range s.present {
			if _, ok := s.files[p]; !ok || s.rescan || s.isDirty(p) {
				todo = append(todo, p)
			}
		}
		s.known = true
	} else {
		seen := map[string]bool{}
		folders := false // a folder came or went: look at every path
		for d := range s.dirty {
			if d != "content" && !strings.HasPrefix(d, "content/") {
				continue
			}
			folders = folders || s.dirs[d]
			// Forget what was at or below the path, then look again.
			s.forget(d)
			// Lstat: a link is the listing's to judge (see classify),
			// never a folder to walk into.
			fi, err := fs.Lstat(s.srcFS, d)
			switch {
			case err != nil:
				// Removed: forgetting was all there was to do.
			case fi.IsDir() || d == "content":
				folders = true
				s.walk(d, &ds)
			case s.dirs[path.Dir(d)]:
				// Only in a listed folder: one reached through a link
				// to a folder never is.
				s.classify(d, fi.Mode().Type())
			}
		}
		for d := range s.dirty {
			if !folders {
				// Files only (the usual case): no need to look at every
				// path.
				if _, ok := s.present[d]; ok && !seen[d] {
					seen[d] = true
					todo = append(todo, d)
				}
				continue
			}
			for p := range s.present {
				if !seen[p] && (p == d || strings.HasPrefix(p, d+"/")) {
					seen[p] = true
					todo = append(todo, p)
				}
			}
		}
		if folders {
			for p := range s.files {
				gone(p)
			}
		} else {
			for d := range s.dirty {
				gone(d)
			}
		}
	}
	sort.Strings(todo)
	// Everything but articles first, then the articles, each handed to
	// the hook prepare returns as soon as it is read.
	var first, arts []string
	for _, p := range todo {
		if s.present[p] == load.KindArticle {
			arts = append(arts, p)
		} else {
			first = append(first, p)
		}
	}
	s.read(ctx, first, nil)
	s.read(ctx, arts, prepare())
	s.rescan = false
	ignored := make([]string, 0, len(s.ignored))
	for p := range s.ignored {
		ignored = append(ignored, p)
	}
	sort.Strings(ignored)
	// Refused files are reported on every build, not only the one that
	// listed them.
	for _, p := range slices.Sorted(maps.Keys(s.refused)) {
		ds.Add(s.refused[p])
	}
	return ignored, ds.Items()
}

// read reads and parses the files at paths in parallel, passing each new
// entry to then (when set) in the same worker, and records the results.
func (s *Session) read(ctx context.Context, paths []string, then func(*entry)) {
	results := make([]*entry, len(paths))
	parallel(ctx, len(paths), func(i int) {
		p := paths[i]
		data, err := fs.ReadFile(s.srcFS, p)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				results[i] = &entry{kind: s.present[p], loadDs: []diag.Diagnostic{{File: p, Msg: fmt.Sprintf("cannot read: %v", err)}}}
			}
			return
		}
		h := load.Hash(p, data)
		if old, ok := s.files[p]; ok && old.hash == h {
			results[i] = old // saved without a change
			return
		}
		e := &entry{hash: h, kind: s.present[p]}
		switch e.kind {
		case load.KindArticle:
			e.art, e.loadDs = load.Article(p, data)
		case load.KindEvent:
			e.ev, e.loadDs = load.Event(p, data)
		case load.KindActor:
			e.act, e.loadDs = load.Actor(p, data)
		}
		if then != nil {
			then(e)
		}
		results[i] = e
	})
	for i, p := range paths {
		old, had := s.files[p]
		if results[i] == nil {
			if had {
				s.structural = true
			}
			delete(s.files, p)
			s.sorted = nil
			delete(s.present, p)
			continue
		}
		switch {
		case !had:
			s.structural = true
		case old != results[i]:
			s.replaced[p] = old
			if old.kind != load.KindArticle {
				s.structural = true
			}
		}
		if !had {
			s.sorted = nil
		}
		s.files[p] = results[i]
	}
}

// sortedPaths returns the paths of the loaded files, sorted.
// The slice is kept until files come or go; callers must not change it.
func (s *Session) sortedPaths() []string {
	if s.sorted == nil {
		s.sorted = make([]string, 0, len(s.files))
		for p := range s.files {
			s.sorted = append(s.sorted, p)
		}
		sort.Strings(s.sorted)
	}
	return s.sorted
}

// walk adds every file below dir to the listing.
func (s *Session) walk(dir string, ds *diag.List) {
	if dir == "content" {
		// The one folder WalkDir would enter through a link.
		ok, refused := load.Folder(s.srcFS, dir)
		if refused != nil {
			s.refused[dir] = *refused
		}
		if !ok {
			return
		}
	}
	err := fs.WalkDir(s.srcFS, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // removed while we walked: the watcher reports it
			}
			ds.Errorf(p, 0, "cannot read: %v", err)
			return nil
		}
		if d.IsDir() {
			if p != "content" && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			s.dirs[p] = true
			return nil
		}
		s.classify(p, d.Type())
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ds.Errorf(dir, 0, "cannot read: %v", err)
	}
}

// classify records one file of the listing, of type typ (see
// fs.DirEntry.Type).
func (s *Session) classify(p string, typ fs.FileMode) {
	for _, part := range strings.Split(p, "/")[1:] {
		if strings.HasPrefix(part, ".") {
			return // inside a hidden folder, or a hidden file
		}
	}
	switch k := load.Classify(p); k {
	case "":
	case "ignored":
		s.ignored[p] = true
	default:
		if refused := load.Readable(s.srcFS, p, typ, false); refused != nil {
			s.refused[p] = *refused
			return
		}
		s.present[p] = k
	}
}

// forget drops p and everything below it from the listing.
func (s *Session) forget(p string) {
	if !s.dirs[p] {
		delete(s.present, p)
		delete(s.ignored, p)
		delete(s.refused, p)
		return
	}
	for q := range s.dirs {
		if q == p || strings.HasPrefix(q, p+"/") {
			delete(s.dirs, q)
		}
	}
	for q := range s.present {
		if q == p || strings.HasPrefix(q, p+"/") {
			delete(s.present, q)
		}
	}
	for q := range s.ignored {
		if q == p || strings.HasPrefix(q, p+"/") {
			delete(s.ignored, q)
		}
	}
	for q := range s.refused {
		if q == p || strings.HasPrefix(q, p+"/") {
			delete(s.refused, q)
		}
	}
}

// isDirty reports whether p or a folder above it was reported changed.
func (s *Session) isDirty(p string) bool {
	for q := p; q != "." && q != "/" && q != ""; q = filepath.ToSlash(filepath.Dir(q)) {
		if s.dirty[q] {
			return true
		}
	}
	return false
}

// extract runs extraction on the items whose file or extraction key
// changed.
func (s *Session) extract(ctx context.Context, paths []string, key uint64, m *extract.Matcher, bp *extract.Boilerplate, opts extract.Options) []diag.Diagnostic {
	var todo []*entry
	var ds []diag.Diagnostic
	for _, p := range paths {
		e := s.files[p]
		if e.art == nil && e.ev == nil && e.act == nil {
			continue
		}
		if e.xKey != key {
			todo = append(todo, e)
		}
	}
	parallel(ctx, len(todo), func(i int) { s.extractEntry(todo[i], key, m, bp, opts) })
	for _, p := range paths {
		ds = append(ds, s.files[p].xDs...)
	}
	return ds
}

// extractEntry extracts one file's entry. It touches only e, so it may
// run in parallel with itself.
func (s *Session) extractEntry(e *entry, key uint64, m *extract.Matcher, bp *extract.Boilerplate, opts extract.Options) {
	switch {
	case e.art != nil:
		e.xDs = extract.Article(e.art, m, bp, opts)
	case e.ev != nil:
		e.mention, e.xDs = extract.Body(&e.ev.Source, m, "", opts)
	case e.act != nil:
		e.mention, e.xDs = extract.Body(&e.act.Source, m, e.act.Slug, opts)
	default:
		return
	}
	e.xKey = key
	if s.dropSource {
		// A one-shot build never extracts again: free the source text,
		// a third of the memory a big site holds.
		switch {
		case e.art != nil:
			e.art.Body, e.art.Blocks = "", nil
			if s.stash != nil {
				// On a write error the text simply stays in memory.
				_ = e.art.Stash(s.stash)
			}
		case e.ev != nil:
			e.ev.Body = ""
		case e.act != nil:
			e.act.Body = ""
		}
	}
}

// templates reads and parses the templates, reusing the parsed set while
// their text and the configuration are unchanged.
func (s *Session) templates(cfg model.Config, cfgData []byte) (*render.Templates, []diag.Diagnostic) {
	tmplFS, ds := s.siteTemplates()
	files, rds := render.ReadTemplates(templates.FS, tmplFS)
	ds = append(ds, rds...)
	parts := []string{string(cfgData), s.opts.BaseURL}
	for _, f := range files {
		parts = append(parts, f.Name, f.Display, f.Text)
	}
	key := render.Fingerprint(parts...)
	if key == s.tmplKey && (s.tmpl != nil || s.tmplDiag != nil) {
		return s.tmpl, append(ds, s.tmplDiag...)
	}
	t, pds := render.ParseTemplates(files, cfg)
	s.tmplKey, s.tmpl, s.tmplDiag = key, t, pds
	return t, append(ds, pds...)
}

// siteTemplates returns the site's templates/ folder holding only the
// templates brief may read (see load.Readable), and a warning for each
// of the others: they are not read, and the built-in ones stand.
func (s *Session) siteTemplates() (fs.FS, []diag.Diagnostic) {
	ok, refused := load.Folder(s.srcFS, "templates")
	if refused != nil {
		return nil, []diag.Diagnostic{*refused}
	}
	if !ok {
		return nil, nil
	}
	entries, err := fs.ReadDir(s.srcFS, "templates")
	if err != nil {
		return nil, []diag.Diagnostic{{File: "templates", Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	var ds []diag.Diagnostic
	names := map[string]bool{}
	for _, e := range entries {
		if path.Ext(e.Name()) != ".html" {
			continue
		}
		if refused := load.Readable(s.srcFS, "templates/"+e.Name(), e.Type(), false); refused != nil {
			ds = append(ds, *refused)
			continue
		}
		names[e.Name()] = true
	}
	sub, err := fs.Sub(s.srcFS, "templates")
	if err != nil {
		return nil, []diag.Diagnostic{{File: "templates", Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	return listedFS{sub, names}, ds
}

// listedFS is the files of a folder's fsys that names lists, and nothing
// else: what a reader of it globs or opens is only what was vetted.
type listedFS struct {
	fsys  fs.FS
	names map[string]bool
}

// Open opens a listed file, or the folder itself.
func (l listedFS) Open(name string) (fs.File, error) {
	if name != "." && !l.names[name] {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return l.fsys.Open(name)
}

// ReadDir lists the folder's listed files.
func (l listedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if name != "." {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	all, err := fs.ReadDir(l.fsys, ".")
	return slices.DeleteFunc(all, func(e fs.DirEntry) bool { return !l.names[e.Name()] }), err
}

// Render renders the model to out. With incremental set, files whose
// recorded dependencies did not change since the last committed render
// are skipped.
func (s *Session) Render(ctx context.Context, m *Model, out render.Output, incremental bool) (*render.Result, error) {
	opts := render.Options{Global: m.Global, Cache: !s.dropSource}
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
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return res, nil
}

// Commit records a render as the base of the next incremental one; call
// it once the render's output is in place. It also forgets the changes
// reported before the build.
func (s *Session) Commit(m *Model, res *render.Result) {
	if s.rstate != nil {
		s.rstate.Commit(res)
	}
	clear(s.dirty)
}

// Forget drops what the renders recorded, so that the next render writes
// everything (after a failed render, or when the output was lost).
func (s *Session) Forget() {
	if s.rstate != nil {
		s.rstate.Forget()
	}
}

// StaticFiles lists the files copied to the output root: the built-in
// assets, then the site's static/ folder over them. Each is returned with
// a function that reads it.
func (s *Session) StaticFiles() ([]StaticFile, error) {
	byName := map[string]StaticFile{}
	add := func(fsys fs.FS, root string) error {
		return fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != root {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !d.Type().IsRegular() || strings.HasSuffix(d.Name(), ".go") {
				return nil
			}
			rel := p
			if root != "." {
				rel = strings.TrimPrefix(strings.TrimPrefix(p, root), "/")
			}
			byName[rel] = StaticFile{Name: rel, FS: fsys, Path: p}
			return nil
		})
	}
	if err := add(static.FS, static.Root); err != nil {
		return nil, err
	}
	if ok, _ := load.Folder(s.srcFS, "static"); ok {
		if err := add(s.srcFS, "static"); err != nil {
			return nil, err
		}
	}
	out := make([]StaticFile, 0, len(byName))
	for _, f := range byName {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// StaticFile is a file copied verbatim to the output.
type StaticFile struct {
	Name string // output path
	FS   fs.FS
	Path string // path in FS
}

// Read returns the file's bytes.
func (f StaticFile) Read() ([]byte, error) { return fs.ReadFile(f.FS, f.Path) }

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
