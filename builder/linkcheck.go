package builder

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/load"
	"github.com/briefhq/brief/builder/model"
	"github.com/briefhq/brief/builder/render"
)

// linkCheck is an Output that notes every file a build writes and every
// internal link and image of its pages, so that the build can fail on a
// link that leads to no file, naming where it was written. It sees the
// pages as render makes them: before the archive makes links relative
// and the minifier rewrites attributes.
type linkCheck struct {
	next  render.Output
	base  string // the site's base path, "/" or "/repo/"
	mu    sync.Mutex
	files map[string]bool
	used  map[string]string // site path a page links to (no fragment) → the first page linking to it
}

func newLinkCheck(next render.Output, base string) *linkCheck {
	if base == "" {
		base = "/"
	}
	return &linkCheck{next: next, base: base, files: map[string]bool{}, used: map[string]string{}}
}

// WriteFile notes the file and the links of a page, and writes it.
func (c *linkCheck) WriteFile(name string, data []byte) error {
	var links []string
	if strings.HasSuffix(name, ".html") {
		links = c.links(name, data)
	}
	c.mu.Lock()
	c.files[name] = true
	for _, l := range links {
		if _, ok := c.used[l]; !ok {
			c.used[l] = name
		}
	}
	c.mu.Unlock()
	return c.next.WriteFile(name, data)
}

// Create notes a streamed file (the data export, the search index: no
// pages) and streams it on.
func (c *linkCheck) Create(name string) (io.WriteCloser, error) {
	c.mu.Lock()
	c.files[name] = true
	c.mu.Unlock()
	if cr, ok := c.next.(render.Creator); ok {
		return cr.Create(name)
	}
	return &whole{o: c.next, name: name}, nil
}

// whole collects a streamed file for an Output that takes whole files.
type whole struct {
	o    render.Output
	name string
	b    bytes.Buffer
}

func (f *whole) Write(p []byte) (int, error) { return f.b.Write(p) }
func (f *whole) Close() error                { return f.o.WriteFile(f.name, f.b.Bytes()) }

// links returns the site paths that the href and src attributes of page
// lead to inside the site, each as the file it needs ("articles/x/index.html").
func (c *linkCheck) links(page string, data []byte) []string {
	var out []string
	for _, attr := range [][]byte{[]byte(` href="`), []byte(` src="`)} {
		rest := data
		for {
			i := bytes.Index(rest, attr)
			if i < 0 {
				break
			}
			rest = rest[i+len(attr):]
			j := bytes.IndexByte(rest, '"')
			if j < 0 {
				break
			}
			if p, ok := c.target(page, html.UnescapeString(string(rest[:j]))); ok {
				out = append(out, p)
			}
			rest = rest[j:]
		}
	}
	return out
}

// target returns the file of the site that the address v, written on
// page, needs; ok is false for addresses outside the site.
func (c *linkCheck) target(page, v string) (string, bool) {
	if i := strings.IndexAny(v, "?#"); i >= 0 {
		v = v[:i]
	}
	if v == "" || strings.HasPrefix(v, "//") || strings.Contains(v, ":") && !strings.ContainsAny(v[:strings.IndexByte(v, ':')], "/") {
		return "", false
	}
	if u, err := url.PathUnescape(v); err == nil {
		v = u
	}
	var p string
	if strings.HasPrefix(v, "/") {
		rest, ok := strings.CutPrefix(v, c.base)
		if !ok && v+"/" != c.base {
			// Outside the base path: not this site's (or broken, but
			// then every page would show it).
			return "", false
		}
		p = rest
	} else {
		p = path.Join(path.Dir(page), v)
		if strings.HasSuffix(v, "/") {
			p += "/"
		}
	}
	if p == "" || p == "." || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return strings.TrimPrefix(p, "./"), true
}

// broken reports every link that leads to no file written: at the line
// of the body that holds it when one does, else at the template of the
// page that shows it.
func (c *linkCheck) broken(site *model.Site, custom map[string]bool) []diag.Diagnostic {
	var ds []diag.Diagnostic
	var missing []string
	for p := range c.used {
		if !c.files[p] && !c.files[strings.TrimSuffix(p, "/index.html")] && !c.files[p+"/index.html"] {
			missing = append(missing, p)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	bodies := map[string][]diag.Diagnostic{}
	note := func(src *model.Source) {
		for _, l := range src.Links {
			if p, ok := c.target("", c.base+strings.TrimPrefix(l.Href, "/")); ok {
				what := "link"
				if l.Image {
					what = "image"
				}
				bodies[p] = append(bodies[p], diag.Diagnostic{File: src.File, Line: l.Line,
					Msg:  fmt.Sprintf("%s %s leads to no file of the site", what, l.Href),
					Hint: "check the address: a file of static/ is at /NAME, a file of a page bundle beside its index.md"})
			}
		}
	}
	for _, a := range site.Articles {
		note(&a.Source)
	}
	for _, e := range site.Events {
		note(&e.Source)
	}
	for _, a := range site.Actors {
		note(&a.Source)
	}
	for _, p := range missing {
		if b, ok := bodies[p]; ok {
			ds = append(ds, b...)
			continue
		}
		page := c.used[p]
		tmpl := "templates/" + pageTemplate(site, page)
		where := "brief's built-in " + tmpl
		if custom[path.Base(tmpl)] {
			where = tmpl
		}
		ds = append(ds, diag.Diagnostic{File: tmpl, Msg: fmt.Sprintf("page %s links to %s%s, which is no file of the site (written by %s)", page, c.base, strings.TrimSuffix(p, "index.html"), where),
			Hint: "link with {{url ...}} to a page or a file of static/"})
	}
	return ds
}

// pageTemplate returns the template that renders the page at output
// path page.
func pageTemplate(site *model.Site, page string) string {
	parts := strings.Split(page, "/")
	item := func(kind string, ok bool) string {
		if ok && len(parts) > 2 {
			return kind + ".html"
		}
		return kind + "s.html"
	}
	switch parts[0] {
	case "index.html":
		return "home.html"
	case "404.html":
		return "404.html"
	case "articles":
		if _, ok := site.ArticleBySlug[parts[1]]; ok && len(parts) == 3 {
			return "article.html"
		}
		return "articles.html"
	case "events":
		_, ok := site.EventBySlug[parts[1]]
		return item("event", ok)
	case "actors":
		_, ok := site.ActorBySlug[parts[1]]
		return item("actor", ok)
	case "tags", "publishers":
		return item(strings.TrimSuffix(parts[0], "s"), len(parts) > 2)
	case "chronology":
		return "chronology.html"
	case "search":
		return "search.html"
	}
	return "base.html"
}

// customTemplates returns the names of the site's own templates.
func (s *Session) customTemplates() map[string]bool {
	out := map[string]bool{}
	if ok, _ := load.Folder(s.srcFS, "templates"); ok {
		es, _ := fs.ReadDir(s.srcFS, "templates")
		for _, e := range es {
			out[e.Name()] = true
		}
	}
	return out
}
