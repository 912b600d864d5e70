package resolve

import (
	"fmt"
	"slices"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// checkLinks checks the links of every body to articles, events and
// actors: the target must be in the site, and a link written as a file
// path must name a file whose slug is its file name, since the address
// written into the page is made from the name. A link to a draft is an
// error like any other: the draft has no page in the published site.
// It runs over the whole site on every Site call, not when an article is
// linked, because the target of an article's link may be added after it.
func checkLinks(s *model.Site) []diag.Diagnostic {
	if !anyItemLinks(s) {
		return nil // the usual site: no maps of every item to build
	}
	byKind := map[string]map[string]target{} // kind → slug and file → target
	add := func(kind string, src *model.Source) {
		m := byKind[kind]
		if m == nil {
			m = map[string]target{}
			byKind[kind] = m
		}
		t := target{src.Slug, src.File}
		m["slug:"+src.Slug] = t
		m["file:"+src.File] = t
	}
	var ds []diag.Diagnostic
	check := func(src *model.Source) {
		for _, l := range src.Links {
			if l.Kind == "" {
				continue
			}
			m := byKind[l.Kind]
			if l.File != "" {
				t, ok := m["file:"+l.File]
				switch {
				case !ok:
					ds = append(ds, diag.Diagnostic{File: src.File, Line: l.Line, Msg: fmt.Sprintf("link to %s: no such %s in the site", l.File, singular(l.Kind)),
						Hint: suggest(l.File, m, "file:", "check the path, relative to "+src.File)})
				case t.slug != l.Slug:
					ds = append(ds, diag.Diagnostic{File: src.File, Line: l.Line, Msg: fmt.Sprintf("link to %s, whose slug is %q, not its file name", l.File, t.slug),
						Hint: fmt.Sprintf("write the link as @/%s/%s", l.Kind, t.slug)})
				}
				continue
			}
			if _, ok := m["slug:"+l.Slug]; !ok {
				ds = append(ds, diag.Diagnostic{File: src.File, Line: l.Line, Msg: fmt.Sprintf("link to unknown %s %q", singular(l.Kind), l.Slug),
					Hint: suggest(l.Slug, m, "slug:", fmt.Sprintf("no %s has the slug %q (drafts are not published)", singular(l.Kind), l.Slug))})
			}
		}
	}
	for _, a := range s.Articles {
		add("articles", &a.Source)
	}
	for _, e := range s.Events {
		add("events", &e.Source)
	}
	for _, a := range s.Actors {
		add("actors", &a.Source)
	}
	for _, a := range s.Articles {
		check(&a.Source)
	}
	for _, e := range s.Events {
		check(&e.Source)
	}
	for _, a := range s.Actors {
		check(&a.Source)
	}
	return ds
}

// target is an item a link may lead to.
type target struct{ slug, file string }

func anyItemLinks(s *model.Site) bool {
	has := func(src *model.Source) bool {
		return slices.ContainsFunc(src.Links, func(l model.Link) bool { return l.Kind != "" })
	}
	return slices.ContainsFunc(s.Articles, func(a *model.Article) bool { return has(&a.Source) }) ||
		slices.ContainsFunc(s.Events, func(e *model.Event) bool { return has(&e.Source) }) ||
		slices.ContainsFunc(s.Actors, func(a *model.Actor) bool { return has(&a.Source) })
}

// suggest returns "did you mean …?" with the key of m (of prefix) closest
// to s, or fallback.
func suggest(s string, m map[string]target, prefix, fallback string) string {
	var keys []string
	for k := range m {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix {
			keys = append(keys, k[len(prefix):])
		}
	}
	slices.Sort(keys)
	if c := diag.Suggest(s, keys); c != "" {
		return fmt.Sprintf("did you mean %q?", c)
	}
	return fallback
}

func singular(kind string) string { return kind[:len(kind)-1] }
