package builder

import (
	"errors"
	"io/fs"
	"maps"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
)

// listing is the one list of a site's content files that every command
// reads (build, check, serve, import): which files under content/ are
// articles, events or actors, which are not content, and which brief
// refuses to read (links out of the site, see load.Readable). The first
// update walks content/; later ones look only at the paths reported
// changed, so that a rebuild after one edit does not walk ten thousand
// files.
type listing struct {
	fsys    fs.FS
	present map[string]string // path → kind
	dirs    map[string]bool   // folders of the listing
	ignored map[string]bool   // files under content/ that are not content
	// bundled maps each file of a page bundle to the bundle's index.md:
	// published beside the article's page, not read as content.
	bundled map[string]string
	refused map[string]diag.Diagnostic // files not read, with why
	known   bool                       // the listing is complete
	dirty   map[string]bool            // paths reported changed since the last build
	rescan  bool                       // list and read everything again
}

func newListing(fsys fs.FS) *listing {
	return &listing{fsys: fsys, dirty: map[string]bool{}}
}

// changed marks a path (a folder marks everything below it).
func (l *listing) changed(p string) {
	l.dirty[strings.TrimSuffix(filepath.ToSlash(p), "/")] = true
}

// update brings the listing up to date. It returns the paths to read
// (new files, and those reported changed: every file after a rescan),
// sorted, and whether any folder came or went, in which case every
// cached file must be checked against the listing (otherwise only the
// dirty paths).
func (l *listing) update(cached func(p string) bool, ds *diag.List) (todo []string, folders bool) {
	if !l.known || l.rescan {
		l.present, l.ignored, l.dirs, l.refused, l.bundled = map[string]string{}, map[string]bool{}, map[string]bool{}, map[string]diag.Diagnostic{}, map[string]string{}
		l.walk("content", ds)
		for p := range l.present {
			if !cached(p) || l.rescan || l.isDirty(p) {
				todo = append(todo, p)
			}
		}
		l.known, l.rescan = true, false
		slices.Sort(todo)
		return todo, true
	}
	dirty := maps.Clone(l.dirty)
	for d := range l.dirty {
		if model.IsBundleIndex(d) {
			// An index.md that comes or goes makes or unmakes a bundle:
			// every file of its folder changes what it is.
			dirty[path.Dir(d)] = true
		}
	}
	// The bundles that dirty paths were files of, looked up before they
	// are forgotten: a file taken out of a bundle changes its article as
	// one put in does.
	owners := map[string]bool{}
	for f, b := range l.bundled {
		for d := range dirty {
			if f == d || strings.HasPrefix(f, d+"/") {
				owners[b] = true
			}
		}
	}
	for d := range dirty {
		if d != "content" && !strings.HasPrefix(d, "content/") {
			continue
		}
		folders = folders || l.dirs[d]
		// Forget what was at or below the path, then look again.
		l.forget(d)
		// Lstat: a link is the listing's to judge (see classify), never
		// a folder to walk into.
		fi, err := fs.Lstat(l.fsys, d)
		switch {
		case err != nil:
			// Removed: forgetting was all there was to do.
		case fi.IsDir() || d == "content":
			folders = true
			l.walk(d, ds)
		case l.dirs[path.Dir(d)]:
			// Only in a listed folder: one reached through a link to a
			// folder never is.
			l.classify(d, fi.Mode().Type())
		}
	}
	seen := map[string]bool{}
	for b := range owners {
		if l.has(b) {
			seen[b] = true
			todo = append(todo, b)
		}
	}
	for d := range dirty {
		if b, ok := l.bundled[d]; ok && l.has(b) && !seen[b] {
			// A file of a bundle: its article shows it.
			seen[b] = true
			todo = append(todo, b)
		}
		if !folders {
			// Files only (the usual case): no need to look at every path.
			if _, ok := l.present[d]; ok && !seen[d] {
				seen[d] = true
				todo = append(todo, d)
			}
			continue
		}
		for p := range l.present {
			if !seen[p] && (p == d || strings.HasPrefix(p, d+"/")) {
				seen[p] = true
				todo = append(todo, p)
			}
		}
	}
	slices.Sort(todo)
	return todo, folders
}

// has reports whether p is a content file of the listing.
func (l *listing) has(p string) bool {
	_, ok := l.present[p]
	return ok
}

// bundles returns the files of each page bundle, by its index.md, sorted.
func (l *listing) bundles() map[string][]string {
	out := map[string][]string{}
	for f, b := range l.bundled {
		out[b] = append(out[b], f)
	}
	for _, fs := range out {
		slices.Sort(fs)
	}
	return out
}

// bundleOf returns the index.md of the page bundle that the file p of
// content/articles/ lies in, "" when it lies in none. A bundle is a
// folder with an index.md; its other files, Markdown too, are its
// resources, as in Hugo's leaf bundles.
func (l *listing) bundleOf(p string) string {
	for d := path.Dir(p); strings.Count(d, "/") >= 2 && strings.HasPrefix(d, "content/articles/"); d = path.Dir(d) {
		idx := d + "/index.md"
		if idx == p {
			return ""
		}
		if fi, err := fs.Stat(l.fsys, idx); err == nil && fi.Mode().IsRegular() {
			return idx
		}
	}
	return ""
}

// kind returns the kind of the content file p.
func (l *listing) kind(p string) string { return l.present[p] }

// notContent returns the files under content/ that brief does not read,
// sorted.
func (l *listing) notContent() []string { return slices.Sorted(maps.Keys(l.ignored)) }

// refusals returns a warning for every file not read, on every build, not
// only the one that listed it.
func (l *listing) refusals() []diag.Diagnostic {
	out := make([]diag.Diagnostic, 0, len(l.refused))
	for _, p := range slices.Sorted(maps.Keys(l.refused)) {
		out = append(out, l.refused[p])
	}
	return out
}

// walk adds every file below dir to the listing.
func (l *listing) walk(dir string, ds *diag.List) {
	if dir == "content" {
		// The one folder WalkDir would enter through a link.
		ok, refused := load.Folder(l.fsys, dir)
		if refused != nil {
			l.refused[dir] = *refused
		}
		if !ok {
			return
		}
	}
	err := fs.WalkDir(l.fsys, dir, func(p string, d fs.DirEntry, err error) error {
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
			l.dirs[p] = true
			return nil
		}
		l.classify(p, d.Type())
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		ds.Errorf(dir, 0, "cannot read: %v", err)
	}
}

// classify records one file of the listing, of type typ (see
// fs.DirEntry.Type).
func (l *listing) classify(p string, typ fs.FileMode) {
	for _, part := range strings.Split(p, "/")[1:] {
		if strings.HasPrefix(part, ".") {
			return // inside a hidden folder, or a hidden file
		}
	}
	if strings.HasPrefix(p, "content/articles/") {
		if b := l.bundleOf(p); b != "" {
			if refused := load.Readable(l.fsys, p, typ, false); refused != nil {
				l.refused[p] = *refused
				return
			}
			l.bundled[p] = b
			return
		}
	}
	switch k := load.Classify(p); k {
	case "":
	case "ignored":
		l.ignored[p] = true
	default:
		if refused := load.Readable(l.fsys, p, typ, false); refused != nil {
			l.refused[p] = *refused
			return
		}
		l.present[p] = k
	}
}

// forget drops p and everything below it from the listing.
func (l *listing) forget(p string) {
	under := func(q string) bool { return q == p || strings.HasPrefix(q, p+"/") }
	if !l.dirs[p] {
		delete(l.present, p)
		delete(l.ignored, p)
		delete(l.refused, p)
		delete(l.bundled, p)
		return
	}
	maps.DeleteFunc(l.dirs, func(q string, _ bool) bool { return under(q) })
	maps.DeleteFunc(l.present, func(q string, _ string) bool { return under(q) })
	maps.DeleteFunc(l.ignored, func(q string, _ bool) bool { return under(q) })
	maps.DeleteFunc(l.refused, func(q string, _ diag.Diagnostic) bool { return under(q) })
	maps.DeleteFunc(l.bundled, func(q string, _ string) bool { return under(q) })
}

// isDirty reports whether p or a folder above it was reported changed.
func (l *listing) isDirty(p string) bool {
	for q := p; q != "." && q != "/" && q != ""; q = filepath.ToSlash(filepath.Dir(q)) {
		if l.dirty[q] {
			return true
		}
	}
	return false
}
