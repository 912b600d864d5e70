package load

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// Hash identifies a file's path and content: two loads of the same bytes
// at the same path give the same hash.
func Hash(file string, data []byte) uint64 {
	h := fnv.New64a()
	h.Write([]byte(file))
	h.Write([]byte{0})
	h.Write(data)
	return h.Sum64()
}

// checkText rejects empty and non-UTF-8 files, naming the line of the first
// bad byte so that the author can find it.
func checkText(file string, data []byte) []diag.Diagnostic {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
		return []diag.Diagnostic{{File: file, Msg: "file is empty", Hint: "write its content or delete it"}}
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		line := bytes.Count(data[:off], []byte("\n")) + 1
		col := off - bytes.LastIndexByte(data[:off], '\n')
		return []diag.Diagnostic{{File: file, Line: line, Col: col, Msg: fmt.Sprintf("file is not valid UTF-8 (byte 0x%02x)", data[off]), Hint: "save the file as UTF-8"}}
	}
	return nil
}

// markdown splits and decodes a Markdown file's front matter.
func markdown(file string, data []byte) (*reader, *model.Source, bool) {
	r := &reader{file: file}
	if ds := checkLimits(file, data); ds != nil {
		r.ds = ds
		return r, nil, false
	}
	if ds := checkText(file, data); ds != nil {
		r.ds = ds
		return r, nil, false
	}
	format, fm, fmLine, body, bodyLine, err := Split(data)
	if err != nil {
		r.errorf(1, "add a line with only "+map[string]string{YAML: "---", TOML: "+++"}[format]+" after the last key", "%v", err)
		return r, nil, false
	}
	if format == "" {
		r.errorf(1, "start the file with a line ---, then key: value lines such as title: ..., then ---", "no front matter")
		return r, nil, false
	}
	var params map[string]any
	if format == YAML {
		r.f, params, err = decodeYAML(fm, fmLine)
	} else {
		r.f, params, err = decodeTOML(fm, fmLine)
	}
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			r.errorf(pe.line, "", "%s", pe.msg)
		} else {
			r.errorf(fmLine, "", "%v", err)
		}
		return r, nil, false
	}
	src := &model.Source{File: file, Params: params, Body: string(body), BodyLine: bodyLine, Hash: Hash(file, data)}
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	if model.IsBundleIndex(file) {
		base = path.Base(path.Dir(file))
	}
	r.slug(src, base)
	return r, src, true
}

// Article reads an article file: .md with front matter, .txt, or .html (a
// saved web page).
func Article(file string, data []byte) (*model.Article, []diag.Diagnostic) {
	switch strings.ToLower(path.Ext(file)) {
	case ".txt":
		return textArticle(file, data)
	case ".html", ".htm":
		return htmlArticle(file, data)
	}
	r, src, ok := markdown(file, data)
	if !ok {
		return nil, r.ds
	}
	a := &model.Article{Source: *src, Format: "md"}
	a.Title = r.str("title")
	if a.Title == "" {
		r.errorf(1, "add title: \"...\" to the front matter", "missing title")
	}
	a.Date = r.date("date", false, true)
	a.Updated = r.date("updated", false, false)
	readArticleKeys(r, a)
	return a, r.ds
}

// readArticleKeys reads the keys that front matter and .txt headers share,
// and warns about dates in the future.

func readArticleKeys(r *reader, a *model.Article) {
	r.warnFuture(r.line("date"), "date", a.Date)
	r.warnFuture(r.line("updated"), "updated", a.Updated)
	a.Publisher = r.str("source")
	a.SourceURL = r.webAddress("url")
	a.Authors = r.list("author")
	if len(a.Authors) == 0 {
		a.Authors = r.list("authors")
	}
	a.EventRefs = r.refs("events")
	a.ActorRefs = r.refs("actors")
	a.Tags = r.list("tags")
	a.Summary = r.str("summary")
	a.Draft = r.boolean("draft")
	a.Language = r.language("language")
	a.Image = articleImage(r, a)
}

var (
	headerLine = regexp.MustCompile(`^([A-Za-z][A-Za-z _-]{0,30}):\s*(.*)$`)
	headerKeys = map[string]bool{"title": true, "date": true, "source": true, "url": true, "author": true, "events": true, "actors": true, "tags": true, "updated": true, "summary": true, "slug": true, "draft": true, "language": true}
	datePrefix = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})-`)
)

// textArticle reads a plain-text article: an optional header block of
// "Key: value" lines ended by a blank line, then paragraphs. Without a
// header the first non-empty line is the headline.
func textArticle(file string, data []byte) (*model.Article, []diag.Diagnostic) {
	r := &reader{file: file, f: fields{}}
	if ds := checkLimits(file, data); ds != nil {
		return nil, ds
	}
	if ds := checkText(file, data); ds != nil {
		return nil, ds
	}
	text := strings.ReplaceAll(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\r\n", "\n")
	lines := strings.Split(text, "\n")
	i := 0
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	params := map[string]any{}
	// A header starts with a known key; anything else is article text that
	// happens to contain a colon ("Breaking: ...").
	if i < len(lines) {
		if m := headerLine.FindStringSubmatch(strings.TrimSpace(lines[i])); m != nil && headerKeys[strings.ToLower(m[1])] {
			for ; i < len(lines) && strings.TrimSpace(lines[i]) != ""; i++ {
				m := headerLine.FindStringSubmatch(strings.TrimSpace(lines[i]))
				if m == nil {
					r.errorf(i+1, "end the header with a blank line before the text", "header line %q is not \"Key: value\"", strings.TrimSpace(lines[i]))
					break
				}
				// Copies: a substring would keep the whole file in
				// memory for as long as the site is.
				key := strings.Clone(strings.ToLower(strings.TrimSpace(m[1])))
				val := strings.Clone(strings.TrimSpace(m[2]))
				r.f[key] = field{val: val, line: i + 1, kind: "scalar"}
				params[key] = val
			}
		}
	}
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	a := &model.Article{Format: "txt"}
	a.File = file
	a.Params = params
	a.Hash = Hash(file, data)
	r.slug(&a.Source, base)
	a.Title = r.str("title")
	if a.Title == "" && i < len(lines) {
		a.Title = strings.Clone(strings.TrimSpace(lines[i]))
		i++
		for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
			i++
		}
	}
	if a.Title == "" {
		r.errorf(1, "put the headline on the first line, or a header line Title: ...", "missing title")
	}
	switch {
	case r.has("date"):
		a.Date = r.date("date", false, true)
	case datePrefix.MatchString(base):
		d, err := parseDate(datePrefix.FindStringSubmatch(base)[1], false)
		if err != nil {
			r.errorf(0, "rename the file with a real date", "file name date: %v", err)
		}
		a.Date = d
	default:
		r.errorf(1, fmt.Sprintf("add a header line \"Date: 2022-02-07\" followed by a blank line at the top, or rename the file to 2022-02-07-%s.txt", base),
			"no publication date")
	}
	a.Updated = r.date("updated", false, false)
	readArticleKeys(r, a)
	a.BodyLine = i + 1
	a.Body = strings.Join(lines[min(i, len(lines)):], "\n")
	return a, r.ds
}

// Event reads an event briefing.
func Event(file string, data []byte) (*model.Event, []diag.Diagnostic) {
	r, src, ok := markdown(file, data)
	if !ok {
		return nil, r.ds
	}
	e := &model.Event{Source: *src}
	e.Title = r.str("title")
	if e.Title == "" {
		r.errorf(1, "add title: \"...\" to the front matter", "missing title")
	}
	e.Date = r.date("date", true, true)
	e.End = r.date("end", true, false)
	if !e.End.IsZero() && !e.Date.IsZero() && e.End.Last().Before(e.Date.Start) {
		r.errorf(r.line("end"), "end is the last day of the event and cannot come before date", "end %s is before date %s", e.End, e.Date)
	}
	e.Place = r.str("place")
	if ValidSlug(e.Place) {
		// Lower-case and dashes: an actor slug, checked by resolve.
		e.PlaceRef = model.Ref{Slug: e.Place, Line: r.line("place")}
	}
	e.Coordinates = r.coordinates("coordinates")
	e.ActorRefs = r.refs("actors")
	e.RelatedRef = r.refs("related")
	e.Summary = r.str("summary")
	e.Tags = r.list("tags")
	return e, r.ds
}

// kinds maps accepted spellings of actor kinds to the canonical kind.
var kinds = map[string]string{
	"person": model.Person, "people": model.Person,
	"organization": model.Organization, "organisation": model.Organization, "org": model.Organization,
	"country": model.Country, "state": model.Country,
	"place": model.Place, "location": model.Place, "city": model.Place,
}

// Actor reads an actor profile.
func Actor(file string, data []byte) (*model.Actor, []diag.Diagnostic) {
	r, src, ok := markdown(file, data)
	if !ok {
		return nil, r.ds
	}
	a := &model.Actor{Source: *src, AliasLines: map[string]int{}}
	a.Name = r.str("name")
	if a.Name == "" {
		a.Name = r.str("title")
	}
	if a.Name == "" {
		r.errorf(1, "add name: \"...\" to the front matter", "missing name")
	}
	a.Kind = model.Person
	if r.has("kind") {
		k := strings.ToLower(r.str("kind"))
		if c, ok := kinds[k]; ok {
			a.Kind = c
		} else {
			r.errorf(r.line("kind"), "use person, organization, country or place", "unknown kind %q", k)
		}
	}
	a.Aliases = r.list("aliases")
	a.Misspellings = r.list("misspellings")
	for _, s := range a.Aliases {
		a.AliasLines[s] = r.line("aliases")
	}
	for _, s := range a.Misspellings {
		a.AliasLines[s] = r.line("misspellings")
	}
	a.AliasLines[a.Name] = r.line("name")
	a.Role = r.str("role")
	if r.has("gender") {
		g := strings.ToLower(r.str("gender"))
		switch g {
		case "male", "female", "other":
			a.Gender = g
		default:
			r.errorf(r.line("gender"), "use male, female or other, or leave the key out", "unknown gender %q", g)
		}
	}
	if r.has("country") {
		a.CountryRef = model.Ref{Slug: r.str("country"), Line: r.line("country")}
	}
	a.Coordinates = r.coordinates("coordinates")
	a.Wikidata = r.str("wikidata")
	if a.Wikidata != "" && !wikidataID.MatchString(a.Wikidata) {
		r.errorf(r.line("wikidata"), "write the item's identifier, e.g. wikidata: Q7747", "wikidata %q is not a Q-identifier", a.Wikidata)
	}
	a.Summary = r.str("summary")
	return a, r.ds
}

var wikidataID = regexp.MustCompile(`^Q[1-9][0-9]*$`)
