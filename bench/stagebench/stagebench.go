// Package stagebench prepares the inputs of the per-stage benchmarks
// (bench_stage_test.go in builder/load, extract, resolve, render and
// write): a generated corpus (bench/corpus) held in memory, and the
// site after each stage, so that each benchmark times one stage only.
//
// Corpora are generated once per test process and size, read into memory
// and removed from disk at once, so benchmarks leave no files behind and
// do not time disk reads. The sizes come from BRIEF_BENCH_N
// (comma-separated, default 1000).
package stagebench

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/extract"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/builder/resolve"
	"github.com/briefhq/brief/templates"
)

// Seed is the corpus seed of every stage benchmark.
const Seed = 1

// Sizes returns the corpus sizes to benchmark: BRIEF_BENCH_N, or 1000.
func Sizes() []int {
	env := os.Getenv("BRIEF_BENCH_N")
	if env == "" {
		return []int{1000}
	}
	var out []int
	for _, s := range strings.Split(env, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return []int{1000}
	}
	return out
}

// File is one content file of a corpus.
type File struct {
	Path string // relative to the site root, slash-separated
	Kind string // load.KindArticle, KindEvent or KindActor
	Data []byte
}

// Corpus is a generated site held in memory.
type Corpus struct {
	N      int
	Config []byte // site.yaml
	Files  []File // sorted by path
	Bytes  int64  // total size of Files
}

var (
	mu      sync.Mutex
	corpora = map[int]*Corpus{}
)

// Get returns the corpus of n articles, generating it on first use in
// this process.
func Get(n int) (*Corpus, error) {
	mu.Lock()
	defer mu.Unlock()
	if c, ok := corpora[n]; ok {
		return c, nil
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("brief-stagebench-%d-", n))
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if err := corpus.Generate(dir, n, Seed); err != nil {
		return nil, err
	}
	c := &Corpus{N: n}
	if c.Config, err = os.ReadFile(filepath.Join(dir, load.ConfigFile)); err != nil {
		return nil, err
	}
	fsys := os.DirFS(dir)
	err = fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		k := load.Classify(p)
		if k != load.KindArticle && k != load.KindEvent && k != load.KindActor {
			return nil
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		c.Files = append(c.Files, File{Path: p, Kind: k, Data: data})
		c.Bytes += int64(len(data))
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(c.Files, func(i, j int) bool { return c.Files[i].Path < c.Files[j].Path })
	corpora[n] = c
	return c, nil
}

// Loaded is a corpus after the load stage.
type Loaded struct {
	Config   model.Config
	Articles []*model.Article
	Events   []*model.Event
	Actors   []*model.Actor
	// ArticleBytes is the size of the article files.
	ArticleBytes int64
}

// Load runs the load stage over every file of c (fresh values each call:
// later stages modify them).
func (c *Corpus) Load() (*Loaded, error) {
	cfg, ds := load.Config(c.Config)
	if err := failOn(ds); err != nil {
		return nil, err
	}
	l := &Loaded{Config: cfg}
	for _, f := range c.Files {
		var ds []diag.Diagnostic
		switch f.Kind {
		case load.KindArticle:
			var a *model.Article
			a, ds = load.Article(f.Path, f.Data)
			if a != nil {
				l.Articles = append(l.Articles, a)
			}
			l.ArticleBytes += int64(len(f.Data))
		case load.KindEvent:
			var e *model.Event
			e, ds = load.Event(f.Path, f.Data)
			if e != nil {
				l.Events = append(l.Events, e)
			}
		case load.KindActor:
			var a *model.Actor
			a, ds = load.Actor(f.Path, f.Data)
			if a != nil {
				l.Actors = append(l.Actors, a)
			}
		}
		if err := failOn(ds); err != nil {
			return nil, err
		}
	}
	return l, nil
}

// Extractor is what the extract stage needs besides the items.
type Extractor struct {
	Matcher     *extract.Matcher
	Boilerplate *extract.Boilerplate
	Options     extract.Options
}

// Extractor builds the matcher, boilerplate patterns and options of l.
func (l *Loaded) Extractor() (*Extractor, error) {
	m, ds := extract.NewMatcher(l.Actors)
	if err := failOn(ds); err != nil {
		return nil, err
	}
	bp, err := extract.NewBoilerplate(l.Config.Boilerplate)
	if err != nil {
		return nil, err
	}
	return &Extractor{Matcher: m, Boilerplate: bp, Options: extract.Options{UnsafeHTML: l.Config.UnsafeHTML, Boilerplate: l.Config.Boilerplate}}, nil
}

// Extract runs the extract stage over every item of l, replacing each
// loaded item by its extracted version.
func (l *Loaded) Extract(x *Extractor) error {
	var ds []diag.Diagnostic
	for i, a := range l.Articles {
		if l.Articles[i], ds = extract.Article(a, x.Matcher, x.Boilerplate, x.Options); failOn(ds) != nil {
			return failOn(ds)
		}
	}
	for i, e := range l.Events {
		if l.Events[i], ds = extract.Event(e, x.Matcher, x.Options); failOn(ds) != nil {
			return failOn(ds)
		}
	}
	for i, a := range l.Actors {
		if l.Actors[i], ds = extract.Actor(a, x.Matcher, x.Options); failOn(ds) != nil {
			return failOn(ds)
		}
	}
	return nil
}

// Extracted returns c loaded and extracted.
func (c *Corpus) Extracted() (*Loaded, error) {
	l, err := c.Load()
	if err != nil {
		return nil, err
	}
	x, err := l.Extractor()
	if err != nil {
		return nil, err
	}
	return l, l.Extract(x)
}

// Resolved returns c after load, extract and resolve, with the default
// templates parsed.
func (c *Corpus) Resolved() (*model.Site, *render.Templates, error) {
	l, err := c.Extracted()
	if err != nil {
		return nil, nil, err
	}
	site, ds := resolve.Site(l.Config, l.Articles, l.Events, l.Actors)
	if err := failOn(ds); err != nil {
		return nil, nil, err
	}
	files, ds := render.ReadTemplates(templates.FS, nil)
	if err := failOn(ds); err != nil {
		return nil, nil, err
	}
	t, ds := render.ParseTemplates(files, l.Config)
	if err := failOn(ds); err != nil {
		return nil, nil, err
	}
	return site, t, nil
}

// Output is a render.Output that keeps or discards what it receives.
type Output struct {
	Keep  bool
	mu    sync.Mutex
	Files map[string][]byte
	N     int
	Bytes int64
}

// WriteFile implements render.Output.
func (o *Output) WriteFile(name string, data []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.N++
	o.Bytes += int64(len(data))
	if o.Keep {
		if o.Files == nil {
			o.Files = map[string][]byte{}
		}
		o.Files[name] = bytes.Clone(data) // the renderer reuses data
	}
	return nil
}

// Rendered returns every file a build of c writes (pages, feeds, data
// export, search index), by output path.
func (c *Corpus) Rendered() (map[string][]byte, error) {
	site, t, err := c.Resolved()
	if err != nil {
		return nil, err
	}
	out := &Output{Keep: true}
	if _, ds := render.Render(context.Background(), site, t, out, render.Options{}); failOn(ds) != nil {
		return nil, failOn(ds)
	}
	return out.Files, nil
}

func failOn(ds []diag.Diagnostic) error {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return fmt.Errorf("%v", d)
		}
	}
	return nil
}
