// Package builder turns a site folder into a static website. Build runs
// the stages in order — load, extract, resolve, render, write — and is the
// only place that wires them together; each stage knows only the model and
// diag packages.
package builder

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/builder/resolve"
	"github.com/briefhq/brief/builder/write"
	"github.com/briefhq/brief/static"
	"github.com/briefhq/brief/templates"
)

// Options control a build.
type Options struct {
	Source  string // site folder; "" is the current folder
	Dest    string // output folder; "" is Source/public
	Drafts  bool   // include articles marked draft: true
	BaseURL string // overrides site.yaml base_url when set
	// CheckOnly loads and resolves the site without rendering or writing.
	CheckOnly bool
}

// Result describes a finished build.
type Result struct {
	Site        *model.Site
	Stats       render.Stats
	Warnings    []diag.Diagnostic
	Ignored     []string // files under content/ that brief does not read
	Dest        string
	Duration    time.Duration
	StaticFiles int
}

// Build builds the site. On content or template errors it returns a
// diag.Errors listing every problem and leaves the output untouched.
func Build(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	src := opts.Source
	if src == "" {
		src = "."
	}
	if fi, err := os.Stat(src); err != nil || !fi.IsDir() {
		return nil, fmt.Errorf("source folder %s does not exist", src)
	}
	dest := opts.Dest
	if dest == "" {
		dest = filepath.Join(src, "public")
	}
	if err := checkDestination(src, dest); err != nil {
		return nil, err
	}
	srcFS := os.DirFS(src)

	site, res, err := model_(ctx, srcFS, opts)
	if err != nil {
		return nil, err
	}
	res.Dest = dest
	if opts.CheckOnly {
		res.Duration = time.Since(start)
		return res, nil
	}

	var tmplFS fs.FS
	if fi, err := os.Stat(filepath.Join(src, "templates")); err == nil && fi.IsDir() {
		tmplFS = os.DirFS(filepath.Join(src, "templates"))
	}
	files, tds := render.ReadTemplates(templates.FS, tmplFS)
	tmpl, pds := render.ParseTemplates(files, site.Config)
	if errs := errorsOf(append(tds, pds...)); len(errs) > 0 {
		return nil, errs
	}

	stage, err := write.Begin(dest)
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Result, error) {
		_ = stage.Abort()
		return nil, err
	}
	n, err := stage.CopyFS(static.FS, static.Root)
	if err != nil {
		return fail(fmt.Errorf("copying built-in assets: %w", err))
	}
	res.StaticFiles = n
	rres, rds := render.Render(ctx, site, tmpl, stage, render.Options{})
	if errs := errorsOf(rds); len(errs) > 0 {
		return fail(errs)
	}
	if ctx.Err() != nil {
		return fail(ctx.Err())
	}
	n, err = stage.CopyFS(srcFS, "static")
	if err != nil {
		return fail(fmt.Errorf("copying static/: %w", err))
	}
	res.StaticFiles += n
	if err := stage.Commit(); err != nil {
		return fail(fmt.Errorf("replacing %s: %w", dest, err))
	}
	res.Stats = rres.Stats
	res.Duration = time.Since(start)
	return res, nil
}

// model_ runs load, extract and resolve: everything up to a complete
// model, with every diagnostic of every file.
func model_(ctx context.Context, srcFS fs.FS, opts Options) (*model.Site, *Result, error) {
	in, ds := load.Site(ctx, srcFS)
	if opts.BaseURL != "" {
		if err := load.SetBaseURL(&in.Config, opts.BaseURL); err != nil {
			return nil, nil, fmt.Errorf("--base-url: %w", err)
		}
	}
	cfg := in.Config
	articles := in.Articles[:0:0]
	for _, a := range in.Articles {
		if !a.Draft || opts.Drafts {
			articles = append(articles, a)
		}
	}

	matcher, mds := extract.NewMatcher(in.Actors)
	ds = append(ds, mds...)
	bp, err := extract.NewBoilerplate(cfg.Boilerplate)
	if err != nil {
		ds = append(ds, diag.Diagnostic{File: load.ConfigFile, Msg: fmt.Sprintf("boilerplate: %v", err), Hint: "write Go regular expressions (RE2 syntax)"})
	}
	xopts := extract.Options{BasePath: cfg.BasePath, UnsafeHTML: cfg.UnsafeHTML}
	ds = append(ds, extractAll(ctx, articles, in.Events, in.Actors, matcher, bp, xopts)...)

	site, rds := resolve.Site(cfg, articles, in.Events, in.Actors)
	ds = append(ds, rds...)
	res := &Result{Site: site, Ignored: in.Ignored}
	for _, d := range ds {
		if d.Severity == diag.Warning {
			res.Warnings = append(res.Warnings, d)
		}
	}
	if errs := errorsOf(ds); len(errs) > 0 {
		return nil, nil, errs
	}
	return site, res, nil
}

// extractAll runs extraction over every file in parallel.
func extractAll(ctx context.Context, articles []*model.Article, events []*model.Event, actors []*model.Actor, m *extract.Matcher, bp *extract.Boilerplate, opts extract.Options) []diag.Diagnostic {
	var ds diag.List
	jobs := make(chan func())
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j()
			}
		}()
	}
	for _, a := range articles {
		if ctx.Err() != nil {
			break
		}
		jobs <- func() { ds.Append(extract.Article(a, m, bp, opts)...) }
	}
	for _, e := range events {
		jobs <- func() {
			_, d := extract.Body(&e.Source, m, "", opts)
			ds.Append(d...)
		}
	}
	for _, a := range actors {
		jobs <- func() {
			_, d := extract.Body(&a.Source, m, a.Slug, opts)
			ds.Append(d...)
		}
	}
	close(jobs)
	wg.Wait()
	return ds.Items()
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
// contains it: replacing it would delete the site itself.
func checkDestination(src, dest string) error {
	as, err1 := filepath.Abs(src)
	ad, err2 := filepath.Abs(dest)
	if err := errors.Join(err1, err2); err != nil {
		return err
	}
	if as == ad || strings.HasPrefix(as+string(filepath.Separator), ad+string(filepath.Separator)) {
		return fmt.Errorf("output folder %s contains the site's own files; choose another with -d", dest)
	}
	for _, sub := range []string{"content", "templates", "static"} {
		p := filepath.Join(as, sub)
		if ad == p || strings.HasPrefix(ad, p+string(filepath.Separator)) {
			return fmt.Errorf("output folder %s is inside the site's %s/ folder; choose another with -d", dest, sub)
		}
	}
	return nil
}
