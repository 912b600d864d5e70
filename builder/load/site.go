package load

import (
	"errors"
	"path"
	"strings"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// ConfigFile is the name of the optional site configuration.
const ConfigFile = "site.yaml"

// Config reads site.yaml. Every key has a default, so an empty file is a
// valid configuration.
func Config(data []byte) (model.Config, []diag.Diagnostic) {
	cfg := model.Config{Title: "Briefing", Language: "en", AutoEvents: true, BasePath: "/", Params: map[string]any{}}
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
	cfg.Params = params
	if r.has("title") {
		cfg.Title = r.str("title")
	}
	cfg.Description = r.str("description")
	if r.has("language") {
		cfg.Language = r.str("language")
	}
	cfg.UnsafeHTML = r.boolean("unsafe_html")
	cfg.CNAME = r.str("cname")
	cfg.Boilerplate = r.list("boilerplate")
	if r.has("auto_events") {
		cfg.AutoEvents = r.boolean("auto_events")
	}
	if r.has("base_url") {
		if err := SetBaseURL(&cfg, r.str("base_url")); err != nil {
			r.errorf(r.line("base_url"), "write the full address, e.g. base_url: https://user.github.io/briefings/", "%v", err)
		}
	}
	return cfg, r.ds
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
