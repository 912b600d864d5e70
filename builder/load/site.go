package load

import (
	"errors"
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// ConfigFile is the name of the optional site configuration.
const ConfigFile = "site.yaml"

// siteKeys are the keys of site.yaml. A key whose value is a map of
// known keys lists them, so that a misspelt nested key is warned about
// too; nil means a value that is not such a map, or one whose keys its
// reader checks itself. A key added to Config is added here, or every
// site that sets it is warned about it.
var siteKeys = map[string][]string{
	"title":       nil,
	"description": nil,
	"base_url":    nil,
	"language":    nil,
	"unsafe_html": nil,
	"cname":       nil,
	"boilerplate": nil,
	"auto_events": nil,
	"feeds":       nil,
	// paginate's lists are errors when unknown (see paginate).
	"paginate": nil,
	// params holds the keys of the site's own templates, which brief
	// cannot know: its entries are not checked.
	"params": nil,
}

// Values of the feeds key.
const (
	FeedsSummary = "summary"
	FeedsFull    = "full"
)

// Config reads site.yaml. Every key has a default, so an empty file is a
// valid configuration.
func Config(data []byte) (model.Config, []diag.Diagnostic) {
	cfg := model.Config{Title: "Briefing", Language: "en", AutoEvents: true, BasePath: "/", Paginate: model.DefaultPaginate, Params: map[string]any{}}
	if len(strings.TrimSpace(string(data))) == 0 {
		return cfg, nil
	}
	r := &reader{file: ConfigFile}
	if ds := checkText(ConfigFile, data); ds != nil {
		return cfg, ds
	}
	f, params, err := decodeYAML(data, 1)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			r.errorf(pe.line, "", "%s", strings.Replace(pe.msg, "front matter", "site.yaml", 1))
		}
		return cfg, r.ds
	}
	r.f = f
	r.ds = append(r.ds, unknownSiteKeys(data)...)
	cfg.Params = params
	// Keys of one's own belong under params:, but read as if they were
	// written at the top, as they were before site.yaml was checked.
	if own, ok := params["params"].(map[string]any); ok {
		for k, v := range own {
			if _, dup := cfg.Params[k]; !dup {
				cfg.Params[k] = v
			}
		}
	}
	if r.has("title") {
		cfg.Title = r.str("title")
	}
	cfg.Description = r.str("description")
	if l := r.language("language"); l != "" {
		cfg.Language = l
	}
	cfg.UnsafeHTML = r.boolean("unsafe_html")
	cfg.CNAME = r.str("cname")
	cfg.Boilerplate = r.list("boilerplate")
	if r.has("auto_events") {
		cfg.AutoEvents = r.boolean("auto_events")
	}
	switch v := r.str("feeds"); v {
	case "", FeedsSummary:
	case FeedsFull:
		cfg.FullFeeds = true
	default:
		r.errorf(r.line("feeds"), "write feeds: summary (the default: title and summary) or feeds: full (the whole article)",
			"feeds: %q is not summary or full", v)
	}
	if r.has("paginate") {
		r.paginate(&cfg.Paginate)
	}
	if r.has("base_url") {
		if err := SetBaseURL(&cfg, r.str("base_url")); err != nil {
			r.errorf(r.line("base_url"), "write the full address, e.g. base_url: https://user.github.io/briefings/", "%v", err)
		}
	}
	return cfg, r.ds
}

// unknownSiteKeys warns of the keys of site.yaml that brief does not
// read, top-level and nested where the schema is known, at their lines
// and with the known key they are likely a misspelling of. It reads the
// file again as a YAML tree, for the lines of nested keys; Config has
// already refused a file that does not parse.
func unknownSiteKeys(data []byte) []diag.Diagnostic {
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	var ds []diag.Diagnostic
	check := func(m *yaml.Node, parent string, known []string) {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k := m.Content[i]
			key := strings.ToLower(k.Value)
			if slices.Contains(known, key) {
				continue
			}
			name, hint := key, ""
			if parent != "" {
				name = parent + "." + key
			}
			if s := diag.Suggest(key, known); s != "" {
				hint = "did you mean " + s + "?"
			} else if parent == "" {
				hint = "brief reads the keys listed in docs/content.md (site.yaml); put keys of your own templates under params:"
			} else {
				hint = parent + " takes " + strings.Join(known, ", ")
			}
			ds = append(ds, diag.Diagnostic{File: ConfigFile, Line: k.Line, Severity: diag.Warning,
				Msg: fmt.Sprintf("unknown key %s", name), Hint: hint})
		}
	}
	root := doc.Content[0]
	check(root, "", slices.Sorted(maps.Keys(siteKeys)))
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, v := strings.ToLower(root.Content[i].Value), root.Content[i+1]
		if sub := siteKeys[key]; sub != nil && v.Kind == yaml.MappingNode {
			check(v, key, sub)
		}
	}
	return ds
}

// paginateKeys are the lists paginate can size one by one.
var paginateKeys = []string{"events", "articles", "coverage", "tags", "publishers", "chronology", "chronology_year"}

// paginate reads the page sizes: one number for every list
// (paginate: 50), or a number per list (paginate: {chronology: 200}),
// the others keeping their defaults.
func (r *reader) paginate(p *model.Paginate) {
	v := r.f["paginate"]
	size := func(key string, val any) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(fmt.Sprint(val)))
		if _, scalar := val.(string); !scalar || err != nil || n < 1 {
			r.errorf(v.line, "write a whole number of items per page, e.g. 50", "%s must be a whole number of at least 1, not %v", key, val)
			return 0, false
		}
		return n, true
	}
	set := map[string]*int{"events": &p.Events, "articles": &p.Articles, "coverage": &p.Coverage, "tags": &p.Tags,
		"publishers": &p.Publishers, "chronology": &p.Chronology, "chronology_year": &p.ChronologyYear}
	m, ok := v.val.(map[string]any)
	if !ok {
		if n, ok := size("paginate", v.val); ok {
			for _, k := range paginateKeys[:len(paginateKeys)-1] {
				*set[k] = n
			}
		}
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		dst, known := set[strings.ToLower(k)]
		if !known {
			r.errorf(v.line, "the lists are "+strings.Join(paginateKeys, ", "), "paginate has no list %q", k)
			continue
		}
		if n, ok := size("paginate: "+k, m[k]); ok {
			*dst = n
		}
	}
}

// SetBaseURL sets cfg.BaseURL and cfg.BasePath from an address such as
// "https://user.github.io/briefings" or a bare path such as "/briefings/".
func SetBaseURL(cfg *model.Config, s string) error {
	s = strings.TrimSpace(s)
	if s == "" {
		cfg.BaseURL, cfg.BasePath = "", "/"
		return nil
	}
	p := s
	if i := strings.Index(s, "://"); i >= 0 {
		scheme := strings.ToLower(s[:i])
		if scheme != "http" && scheme != "https" {
			return errors.New("base_url " + s + " must start with http:// or https://")
		}
		rest := s[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			p = "/"
		} else {
			p = rest[j:]
		}
		if j == 0 || rest == "" {
			return errors.New("base_url " + s + " has no host")
		}
		if err := checkWebURL(s); err != nil {
			return errors.New("base_url " + s + " " + err.Error())
		}
	} else if !strings.HasPrefix(s, "/") {
		return errors.New("base_url " + s + " is neither an address (https://...) nor a path (/...)")
	}
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	p = path.Clean("/" + p)
	if p != "/" {
		p += "/"
	}
	cfg.BasePath = p
	if strings.Contains(s, "://") {
		cfg.BaseURL = strings.TrimRight(s[:strings.Index(s, "://")+3]+strings.SplitN(s[strings.Index(s, "://")+3:], "/", 2)[0], "/") + p
	} else {
		cfg.BaseURL = p
	}
	return nil
}

// Kinds of content files, named after their folder.
const (
	KindArticle = "articles"
	KindEvent   = "events"
	KindActor   = "actors"
)

// Classify says what a path relative to the site root is: one of the Kind
// constants, "ignored" for a file under content/ that brief does not read,
// or "" for a file outside content/ or one to skip silently (hidden and
// editor backup files).
func Classify(p string) string {
	if !strings.HasPrefix(p, "content/") {
		return ""
	}
	base := path.Base(p)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") || strings.HasSuffix(base, ".swp") || strings.HasSuffix(base, ".tmp") {
		return ""
	}
	ext := strings.ToLower(path.Ext(p))
	rest := strings.TrimPrefix(p, "content/")
	dir, _, _ := strings.Cut(rest, "/")
	switch {
	case dir == KindArticle && inSavedPageFiles(rest):
		// The folder of resources "Save page as" writes beside a page.
		return ""
	case dir == KindArticle && strings.Count(rest, "/") >= 1 && (ext == ".md" || ext == ".markdown" || ext == ".txt" || ext == ".html" || ext == ".htm"):
		return KindArticle
	case dir == KindEvent && strings.Count(rest, "/") == 1 && ext == ".md":
		return KindEvent
	case dir == KindActor && strings.Count(rest, "/") == 1 && ext == ".md":
		return KindActor
	}
	return "ignored"
}

// inSavedPageFiles reports whether p lies in a "NAME_files" folder, where
// browsers put the scripts, styles and images of a saved page.
func inSavedPageFiles(p string) bool {
	parts := strings.Split(p, "/")
	for _, d := range parts[:len(parts)-1] {
		if strings.HasSuffix(d, "_files") {
			return true
		}
	}
	return false
}
