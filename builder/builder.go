// Package builder turns a site folder into a static website. It runs the
// stages in order — load, extract, resolve, render, write — and is the
// only place that wires them together; each stage knows only the model and
// diag packages. Build does one full build; a Session does repeated,
// incremental ones for the preview server.
package builder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"time"

	"github.com/briefhq/brief/builder/archive"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/minify"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/builder/spill"
	"github.com/briefhq/brief/builder/write"
)

// Options control a build.
type Options struct {
	Source  string // site folder; "" is the current folder
	Dest    string // output folder; "" is Source/public
	Drafts  bool   // include articles marked draft: true
	BaseURL string // overrides site.yaml base_url when set
	// CheckOnly loads and resolves the site without rendering or writing.
	CheckOnly bool
	// Archive writes a site that works from the file system: page-relative
	// links naming index.html, and SHA256SUMS at the root (see package
	// archive).
	Archive bool
	// Force replaces a non-empty output folder that brief did not write
	// (one without write.StampFile).
	Force bool
	// Minify writes HTML, CSS, JavaScript, SVG, XML and JSON minified
	// (see package minify).
	Minify bool
	// Progress, when set, is called every 100 ms or so while Build runs,
	// from another goroutine, and never after Build returns.
	Progress func(Progress)
}

// Result describes a finished build.
type Result struct {
	// Site is the site's model. After a build that wrote pages, its
	// articles' HTML and Text are empty: they were only kept until their
	// pages were written.
	Site        *model.Site
	Stats       render.Stats
	Warnings    []diag.Diagnostic
	Ignored     []string // files under content/ that brief does not read
	Dest        string
	Duration    time.Duration
	StaticFiles int
	// ArchiveFiles and ArchiveBytes count the files of an archive build
	// and their size, SHA256SUMS included.
	ArchiveFiles int
	ArchiveBytes int64
}

// Build builds the site once. On content or template errors it returns a
// diag.Errors listing every problem and leaves the output untouched: the
// output is written to a staging folder that replaces the old one only
// when everything succeeded.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	s, err := NewSession(opts)
	if err != nil {
		return nil, err
	}
	s.dropSource = true
	if opts.Progress != nil {
		s.progress = &counter{}
		defer s.progress.report(start, opts.Progress)()
	}
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(s.Source(), "public")
	}
	if err := checkDestination(s.Source(), dest); err != nil {
		return nil, err
	}
	if opts.CheckOnly {
		m, err := s.Model(ctx)
		if err != nil {
			return nil, err
		}
		return &Result{Site: m.Site, Warnings: m.Warnings, Ignored: m.Ignored, Dest: dest, Duration: time.Since(start)}, nil
	}
	// The output folder is checked, and a killed build's leftovers
	// beside it removed, before the site is read: a refused -d is told at
	// once, not after a long read.
	stage, err := write.Begin(dest, write.Options{Force: opts.Force})
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Result, error) {
		_ = stage.Abort()
		return nil, err
	}
	// Article text waits for its page in a scratch file beside the
	// output rather than in memory. Without a place for it, it stays in
	// memory: slower to nothing, only larger.
	sp := scratch(dest)
	if sp != nil {
		defer sp.Close()
		s.stash = sp
	}
	m, err := s.Model(ctx)
	if err != nil {
		return fail(err)
	}
	res := &Result{Site: m.Site, Warnings: m.Warnings, Ignored: m.Ignored, Dest: dest}
	if !opts.Archive {
		res.Warnings = append(res.Warnings, baseURLWarning(m.Site.Config)...)
	}
	if c := s.progress; c != nil {
		st := m.Site
		c.toWrite.Store(int64(len(st.Articles) + 2*(len(st.Events)+len(st.Actors)) + siteFiles))
	}
	defer tuneGC()()

	var out render.Output = stage
	var arc *archive.Output
	if opts.Archive {
		arc = archive.NewOutput(stage, m.Site.Config.BasePath)
		out = arc
		// Begin wrote the stamp; written again through the archive, it
		// is listed in SHA256SUMS like every other file, and brief
		// verify finds nothing extra.
		if err := out.WriteFile(write.StampFile, []byte(write.Stamp)); err != nil {
			return fail(err)
		}
	}
	// Minified before the archive sees them, so that SHA256SUMS lists
	// the bytes written.
	var min *minify.Output
	if opts.Minify {
		min = minify.NewOutput(out)
		out = min
	}
	if s.progress != nil {
		out = countingOutput{next: out, c: s.progress}
	}
	check := newLinkCheck(out, m.Site.Config.BasePath)
	out = check
	statics, err := s.StaticFiles()
	if err != nil {
		return fail(fmt.Errorf("reading static files: %w", err))
	}
	s.release()
	rres, err := s.Render(ctx, m, out, false)
	if err == nil && sp != nil {
		err = sp.Err() // pages whose text could not be read back
	}
	if err != nil {
		return fail(err)
	}
	for _, f := range statics {
		data, err := f.Read()
		if err == nil {
			err = out.WriteFile(f.Name, data)
		}
		if err != nil {
			return fail(fmt.Errorf("copying static file %s: %w", f.Name, err))
		}
	}
	if errs := errorsOf(check.broken(m.Site, s.customTemplates())); len(errs) > 0 {
		return fail(errs)
	}
	if min != nil {
		for _, f := range min.Failed() {
			res.Warnings = append(res.Warnings, diag.Diagnostic{File: f[0], Severity: diag.Warning,
				Msg: "written as it is, not minified: " + f[1], Hint: "check the file's syntax"})
		}
	}
	if arc != nil {
		sums := arc.Sums()
		if err := stage.WriteFile(archive.SumsFile, sums); err != nil {
			return fail(fmt.Errorf("writing %s: %w", archive.SumsFile, err))
		}
		n, size := arc.Files()
		res.ArchiveFiles, res.ArchiveBytes = n+1, size+int64(len(sums))
	}
	if err := stage.Commit(); err != nil {
		return fail(fmt.Errorf("replacing %s: %w", dest, err))
	}
	res.Stats = rres.Stats
	res.StaticFiles = len(statics)
	res.Duration = time.Since(start)
	return res, nil
}

// release lets go of what only a later build of the session would read:
// the cache's items (the linked site holds copies), the index's
// bookkeeping for taking articles out again (clause words, pair counts,
// reports), and what only extraction reads (the actors' Aho–Corasick
// automaton, the boilerplate patterns, the terms cache). A one-shot build
// renders without them, a tenth less heap; the preview keeps them for
// the next edit.
func (s *Session) release() {
	s.files, s.paths, s.index, s.indexed = nil, nil, nil, nil
	s.matcher, s.matcherDs, s.bp = nil, nil, nil
	s.terms = termsCache{}
}

// siteFiles is about how many files a build writes besides one page
// and feed per item: index pages, feeds, data export, assets.
const siteFiles = 32

// baseURLWarning warns a build whose site has no full address: feeds,
// the sitemap and robots.txt need it, and without it they are written
// with addresses from the site root, or left out.
func baseURLWarning(cfg model.Config) []diag.Diagnostic {
	if strings.Contains(cfg.BaseURL, "://") {
		return nil
	}
	msg := "no base_url: feeds, sitemap.xml and robots.txt need the site's full address"
	if cfg.BaseURL != "" {
		msg = "base_url " + cfg.BaseURL + " has no host: feeds, sitemap.xml and robots.txt need the site's full address"
	}
	return []diag.Diagnostic{{File: load.ConfigFile, Severity: diag.Warning, Msg: msg + " (feed links are written from the site root, and there is no sitemap)",
		Hint: "add base_url: https://user.github.io/repo/ to site.yaml, or pass --base-url"}}
}

// bigModel is the live heap above which a build lowers the collector's
// target (see tuneGC): about 6,000 articles.
const bigModel = 96 << 20

// renderGC is the collector's target while a big site renders, in
// percent of the live heap (see tuneGC).
const renderGC = 40

// tuneGC lowers the garbage collector's target from 100% to renderGC of
// the live heap while a big site renders, and returns the function that
// restores it. The live heap is then mostly the site's model, which lives
// until the end, while rendering's garbage is per page and does not grow
// with the site: headroom proportional to the model only wastes memory.
// At 10,000 articles 50% took the peak from about 600 MB to 420 MB for
// about a tenth more CPU time, and 40% takes it from 305-310 MB to about
// 290 MB for a fifth more bytes marked by the collector (about 2% of the
// build's CPU time; docs/performance.md, Memory, round 6); at 100,000 it
// keeps the build under 2 GB. A GOGC set by the user is left alone.
func tuneGC() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 || live[0].Value.Uint64() < bigModel {
		return func() {}
	}
	old := debug.SetGCPercent(renderGC)
	return func() { debug.SetGCPercent(old) }
}

// scratch creates the scratch file for article text in the folder that
// will hold dest, or returns nil.
func scratch(dest string) *spill.File {
	dir := filepath.Dir(filepath.Clean(dest))
	if os.MkdirAll(dir, 0o755) != nil {
		return nil
	}
	sp, err := spill.Create(dir)
	if err != nil {
		return nil
	}
	return sp
}

// errorsOf returns the error-severity diagnostics, sorted, or nil.
func errorsOf(ds []diag.Diagnostic) diag.Errors {
	var out diag.Errors
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	diag.Sort(out)
	return out
}

// checkDestination refuses an output folder that is the source folder or
// contains it, or lies inside its content: replacing it would delete the
// site itself. Both are compared as the system resolves them, symbolic
// links followed: "-d alias/proj" with alias a link to "." is proj.
func checkDestination(src, dest string) error {
	as, err1 := resolvePath(src)
	ad, err2 := resolvePath(dest)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	refuse := func(format string, args ...any) error {
		return &write.RefusedError{Dest: dest, Msg: fmt.Sprintf(format, args...) + "; choose another output folder with -d"}
	}
	if within(as, ad) {
		return refuse("output folder %s%s would replace the site folder %s%s, which it contains", dest, shown(dest, ad), src, shown(src, as))
	}
	for _, sub := range []string{"content", "templates", "static"} {
		p, err := resolvePath(filepath.Join(as, sub))
		if err != nil {
			return err
		}
		if within(ad, p) {
			return refuse("output folder %s%s is inside the site's %s/ folder %s", dest, shown(dest, ad), sub, p)
		}
	}
	return nil
}

// within reports whether path p is folder dir or lies inside it.
func within(p, dir string) bool {
	return p == dir || strings.HasPrefix(p, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// shown is " (resolved)" when the resolved path differs from the one
// given, for messages that name both.
func shown(given, resolved string) string {
	if abs, err := filepath.Abs(given); err == nil && abs == resolved {
		return ""
	}
	return " (" + resolved + ")"
}

// resolvePath makes p absolute with every symbolic link on its way
// resolved: the deepest part of it that exists is resolved by the system,
// and the rest, not yet created, is appended.
func resolvePath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	for dir := abs; ; dir = filepath.Dir(dir) {
		real, err := filepath.EvalSymlinks(dir)
		if err == nil {
			return filepath.Join(append([]string{real}, rest...)...), nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(dir) == dir {
			return "", err
		}
		rest = append([]string{filepath.Base(dir)}, rest...)
	}
}
