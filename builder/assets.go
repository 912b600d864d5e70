package builder

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
	"github.com/briefhq/brief/static"
	"github.com/briefhq/brief/templates"
)

// templates reads and parses the templates, reusing the parsed set while
// their text and the configuration are unchanged.
func (s *Session) templates(cfg model.Config, cfgData []byte) (*render.Templates, []diag.Diagnostic) {
	tmplFS, ds := s.siteTemplates()
	files, rds := render.ReadTemplates(templates.FS, tmplFS)
	ds = append(ds, rds...)
	if f, ok, refused := s.siteTranslation(cfg.Language); refused != nil {
		ds = append(ds, *refused)
	} else if ok {
		files = append(files, f)
	}
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

// siteTranslation reads the site's own labels for its language,
// i18n/LANG.yaml (LANG the primary subtag: i18n/uk.yaml for uk-UA), when
// the site has that file and brief may read it.
func (s *Session) siteTranslation(lang string) (render.TemplateFile, bool, *diag.Diagnostic) {
	name := model.BaseLanguage(lang) + ".yaml"
	if name == ".yaml" {
		name = "en.yaml"
	}
	p := "i18n/" + name
	if ok, refused := load.Folder(s.srcFS, "i18n"); refused != nil || !ok {
		return render.TemplateFile{}, false, refused
	}
	entries, _ := fs.ReadDir(s.srcFS, "i18n")
	i := slices.IndexFunc(entries, func(e fs.DirEntry) bool { return e.Name() == name })
	if i < 0 {
		return render.TemplateFile{}, false, nil
	}
	if refused := load.Readable(s.srcFS, p, entries[i].Type(), false); refused != nil {
		return render.TemplateFile{}, false, refused
	}
	b, err := fs.ReadFile(s.srcFS, p)
	if err != nil {
		return render.TemplateFile{}, false, &diag.Diagnostic{File: p, Msg: fmt.Sprintf("cannot read: %v", err)}
	}
	return render.TemplateFile{Name: render.SiteTranslationPrefix + name, Display: p, Text: string(b)}, true, nil
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

// StaticFiles lists the files copied to the output root: the built-in
// assets, then the site's static/ folder over them, and the files of page
// bundles in their articles' folders. Each is returned with
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
	// The files of page bundles, beside their articles' pages.
	for _, e := range s.files {
		a := e.x.art
		if a == nil {
			a = e.loaded.art
		}
		if a == nil || a.Draft && !s.opts.Drafts {
			continue
		}
		for _, r := range a.Resources {
			name := "articles/" + a.Slug + "/" + r.Name
			byName[name] = StaticFile{Name: name, FS: s.srcFS, Path: r.Path}
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
