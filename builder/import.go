package builder

import (
	"context"
	"maps"
	"slices"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// Imported is a file from outside the site read as the site reads its
// articles: against its configuration, actors and boilerplate patterns.
type Imported struct {
	// Article is the file loaded and extracted; nil when it could not be
	// loaded.
	Article *model.Article
	// Blocks are its paragraphs and headings, cleaned of boilerplate,
	// for a saved page or pasted text.
	Blocks []model.Block
	// Diagnostics are those of loading, cleaning and extracting it.
	Diagnostics []diag.Diagnostic
}

// Import reads one file that is not (yet) part of the site, for brief
// import. The site's configuration and actors are read as a build reads
// them; its articles are not. Errors in site.yaml are returned, as
// diag.Errors, since the file cannot be read as the site would without
// it; other problems of the site are a build's to report.
func (s *Session) Import(ctx context.Context, file string, data []byte) (*Imported, error) {
	f, err := s.frame(ctx, frameOnly)
	if err != nil {
		return nil, err
	}
	var cfgErrs diag.Errors
	for _, d := range f.ds {
		if d.File == load.ConfigFile && d.Severity == diag.Error {
			cfgErrs = append(cfgErrs, d)
		}
	}
	if len(cfgErrs) > 0 {
		return nil, cfgErrs
	}
	a, ds := load.Article(file, data)
	if a == nil || len(errorsOf(ds)) > 0 {
		return &Imported{Diagnostics: ds}, nil
	}
	var c extract.Cleaned
	switch a.Format {
	case "txt":
		c = extract.CleanText(a.Body, a.BodyLine, f.bp, f.m)
	case "html":
		c = extract.CleanBlocks(a.Blocks, f.bp)
	}
	x, xds := extract.Article(a, f.m, f.bp, f.opts)
	return &Imported{Article: x, Blocks: c.Blocks, Diagnostics: append(ds, xds...)}, nil
}

// Loaded is a site's files as load read them, before extraction, for
// tools that convert a site to another generator's format (bench/hugo).
type Loaded struct {
	Config      model.Config
	Articles    []*model.Article // by file
	Events      []*model.Event
	Actors      []*model.Actor
	Ignored     []string // files under content/ that brief does not read
	Diagnostics []diag.Diagnostic
}

// Loaded lists and reads every file of the site, as a build does, and
// returns the items unextracted. Files with errors are still returned,
// so that a caller can report more.
func (s *Session) Loaded(ctx context.Context) (*Loaded, error) {
	f, err := s.frame(ctx, loadAll)
	if err != nil {
		return nil, err
	}
	l := &Loaded{Config: f.cfg, Ignored: s.list.notContent(), Diagnostics: f.ds}
	for _, p := range slices.Sorted(maps.Keys(s.files)) {
		e := s.files[p]
		l.Diagnostics = append(l.Diagnostics, e.loadDs...)
		switch it := e.loadedItem(); {
		case it.art != nil:
			l.Articles = append(l.Articles, it.art)
		case it.ev != nil:
			l.Events = append(l.Events, it.ev)
		case it.act != nil:
			l.Actors = append(l.Actors, it.act)
		}
	}
	diag.Sort(l.Diagnostics)
	return l, nil
}
