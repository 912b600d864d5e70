package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"path"
	"regexp"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

// PageMeta is what a saved web page says about itself in its metadata.
type PageMeta struct {
	Title     string
	Date      string // as written: RFC 3339 or YYYY-MM-DD
	DateFrom  string // where the date was read, e.g. "article:published_time"
	Updated   string
	Publisher string
	Authors   []string
	URL       string // canonical address
	// Language is the page's language as a BCP 47 tag: its <html lang>,
	// else its og:locale or JSON-LD inLanguage; "" when it names none
	// that is a known language.
	Language string
}

// htmlArticle reads a saved web page: its main text through readability,
// its title, dates, publisher, authors and address from its metadata. The
// article keeps only plain text (model.Article.Blocks) and the images of
// its text that were saved with the page (NAME_files/); nothing else of
// the page's markup, scripts or resources is kept.
func htmlArticle(file string, data []byte) (*model.Article, []diag.Diagnostic) {
	r := &reader{file: file, f: fields{}}
	if ds := checkLimits(file, data); ds != nil {
		return nil, ds
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, []diag.Diagnostic{{File: file, Msg: "file is empty", Hint: "save the page again or delete the file"}}
	}
	doc, err := parsePage(data)
	if err != nil {
		return nil, []diag.Diagnostic{{File: file, Msg: fmt.Sprintf("cannot read the page: %v", err)}}
	}
	meta := ReadPageMeta(doc)
	blocks := PageText(doc, meta.URL)
	locate(blocks, data)
	if ds := paragraphsTooLong(file, blocks); ds != nil {
		return nil, ds
	}

	base := strings.TrimSuffix(path.Base(file), path.Ext(file))
	a := &model.Article{Format: "html", Blocks: blocks}
	a.File = file
	a.Hash = Hash(file, data)
	a.Params = map[string]any{}
	r.slug(&a.Source, base)
	a.Title = meta.Title
	if a.Title == "" {
		for _, b := range blocks {
			if b.Heading {
				a.Title = b.Text
				break
			}
		}
	}
	// A first heading that repeats the headline is not body text.
	if len(a.Blocks) > 0 && a.Blocks[0].Heading && strings.EqualFold(a.Blocks[0].Text, a.Title) {
		a.Blocks = a.Blocks[1:]
	}
	if a.Title == "" {
		r.errorf(0, `add <meta property="og:title" content="..."> or a <title> to the page`, "no title found in the page")
	}
	switch {
	case meta.Date != "":
		d, err := model.ParseDate(meta.Date, false)
		if err != nil {
			r.errorf(0, "correct the date in the page's metadata", "%s %q: %v", meta.DateFrom, meta.Date, err)
		}
		a.Date = d
		r.warnFuture(0, meta.DateFrom, d)
	case datePrefix.MatchString(base):
		d, err := parseDate(datePrefix.FindStringSubmatch(base)[1], false)
		if err != nil {
			r.errorf(0, "rename the file with a real date", "file name date: %v", err)
		}
		a.Date = d
		r.warnFuture(0, "file name date", d)
	default:
		r.errorf(0, fmt.Sprintf(`add <meta property="article:published_time" content="2022-02-07"> inside the page's <head>, or rename the file to 2022-02-07-%s.html`, base),
			"no publication date found in the page (looked for article:published_time, JSON-LD datePublished, <time datetime>)")
	}
	if meta.Updated != "" {
		if d, err := model.ParseDate(meta.Updated, false); err == nil && !d.IsZero() && !a.Date.IsZero() && d.Start.After(a.Date.Start) {
			a.Updated = d
		}
	}
	a.Publisher = meta.Publisher
	a.SourceURL = meta.URL
	a.Authors = meta.Authors
	a.Language = meta.Language
	a.Body = bodyText(a.Blocks)
	a.Resources = savedImages(file, a.Blocks)
	return a, r.ds
}

// savedImages returns the images of blocks as the files to publish with
// the article of the saved page file.
func savedImages(file string, blocks []model.Block) []model.Resource {
	var out []model.Resource
	seen := map[string]bool{}
	for _, b := range blocks {
		if b.Image != "" && !seen[b.Image] {
			seen[b.Image] = true
			out = append(out, model.Resource{Name: b.Image, Path: path.Join(path.Dir(file), b.Image)})
		}
	}
	return out
}

// bodyText joins the paragraphs of blocks, leaving out headings, with a
// blank line between them. One builder: appending paragraph by paragraph
// copies the body once per paragraph, which took 20 s on a page of 50,000.
func bodyText(blocks []model.Block) string {
	n := 0
	for _, b := range blocks {
		if !b.Heading && b.Image == "" {
			n += len(b.Text) + 2
		}
	}
	var sb strings.Builder
	sb.Grow(n)
	for _, b := range blocks {
		if b.Heading || b.Image != "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
		sb.WriteString(b.Text)
	}
	return sb.String()
}

// parsePage decodes a page in its declared or sniffed character set and
// parses it.
func parsePage(data []byte) (*html.Node, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		enc, _, _ := charset.DetermineEncoding(data, "text/html")
		if dec, err := enc.NewDecoder().Bytes(data); err == nil {
			data = dec
		}
	}
	return html.Parse(bytes.NewReader(data))
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// pageDate keeps the calendar date of a date-time as written (the day
// where it was written), or "" when s does not start with one or starts
// with a placeholder for no date (see placeholderDate), so that the next
// source of the page's date is taken.
func pageDate(s string) string {
	s = strings.TrimSpace(s)
	if m := isoDate.FindString(s); m != "" && !placeholderDate(m) {
		return m
	}
	return ""
}

// ReadPageMeta reads a page's metadata: OpenGraph and article: meta tags,
// JSON-LD (NewsArticle and its kin), <meta name=author>, <time datetime>,
// <link rel=canonical> and <title>. The first source in that order wins.
func ReadPageMeta(doc *html.Node) PageMeta {
	var pm PageMeta
	metas := map[string]string{}
	var title, canonical, timeDT, timePub, htmlLang string
	var ld []map[string]any
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if htmlLang == "" {
					htmlLang = attr(n, "lang")
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property"))
				if key == "" {
					key = strings.ToLower(attr(n, "name"))
				}
				if key == "" {
					key = strings.ToLower(attr(n, "itemprop"))
				}
				if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
					if _, ok := metas[key]; !ok {
						metas[key] = v
					} else if key == "article:author" || key == "author" {
						metas[key] += "\x00" + v
					}
				}
			case atom.Title:
				if title == "" {
					title = strings.TrimSpace(textOf(n))
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = attr(n, "href")
				}
			case atom.Time:
				dt := attr(n, "datetime")
				if pageDate(dt) != "" {
					if timeDT == "" {
						timeDT = dt
					}
					if timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
						timePub = dt
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") {
					ld = append(ld, jsonLD(textOf(n))...)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)

	art := newsObject(ld)
	str := func(k string) string {
		if art == nil {
			return ""
		}
		return ldString(art[k])
	}
	first := func(vals ...string) string {
		for _, v := range vals {
			if v = strings.TrimSpace(v); v != "" {
				return v
			}
		}
		return ""
	}
	pm.Title = first(metas["og:title"], str("headline"), metas["twitter:title"], title)
	type cand struct{ from, val string }
	for _, c := range []cand{
		{"article:published_time", metas["article:published_time"]},
		{"JSON-LD datePublished", str("datePublished")},
		{"meta datePublished", metas["datepublished"]},
		{"<time pubdate>", timePub},
		{"meta date", first(metas["date"], metas["pubdate"], metas["publish-date"], metas["dc.date"], metas["dc.date.issued"], metas["dcterms.created"])},
		{"<time datetime>", timeDT},
	} {
		if d := pageDate(c.val); d != "" {
			pm.Date, pm.DateFrom = strings.TrimSpace(c.val), c.from
			break
		}
	}
	pm.Updated = first(metas["article:modified_time"], str("dateModified"), metas["og:updated_time"], metas["datemodified"])
	for _, l := range []string{htmlLang, metas["og:locale"], str("inLanguage")} {
		if tag, ok := LanguageTag(l); ok {
			pm.Language = tag
			break
		}
	}
	pm.Publisher = first(metas["og:site_name"], ldName(art, "publisher"), metas["application-name"])
	if art != nil {
		pm.Authors = ldNames(art["author"])
	}
	if len(pm.Authors) == 0 {
		for _, k := range []string{"author", "article:author", "byl", "sailthru.author", "parsely-author"} {
			for _, v := range strings.Split(metas[k], "\x00") {
				v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "By "), "by "))
				if v != "" && !strings.Contains(v, "://") {
					pm.Authors = append(pm.Authors, v)
				}
			}
			if len(pm.Authors) > 0 {
				break
			}
		}
	}
	for _, u := range []string{canonical, metas["og:url"], str("url"), ldID(art)} {
		if webURL(u) {
			pm.URL = strings.TrimSpace(u)
			break
		}
	}
	pm.Title = strings.Join(strings.Fields(pm.Title), " ")
	return pm
}

func webURL(s string) bool { return checkWebURL(strings.TrimSpace(s)) == nil }

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// jsonLD decodes a JSON-LD script into its objects, flattening arrays and
// @graph. Invalid JSON gives nothing.
func jsonLD(s string) []map[string]any {
	var v any
	if json.Unmarshal([]byte(strings.TrimSpace(s)), &v) != nil {
		return nil
	}
	var out []map[string]any
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 5 {
			return
		}
		switch t := v.(type) {
		case []any:
			for _, x := range t {
				add(x, depth+1)
			}
		case map[string]any:
			out = append(out, t)
			if g, ok := t["@graph"]; ok {
				add(g, depth+1)
			}
		}
	}
	add(v, 0)
	return out
}

var newsTypes = map[string]int{"NewsArticle": 3, "ReportageNewsArticle": 3, "AnalysisNewsArticle": 3, "Article": 2, "BlogPosting": 1, "WebPage": 0}

// newsObject picks the JSON-LD object that describes the article.
func newsObject(objs []map[string]any) map[string]any {
	var best map[string]any
	bestRank := -1
	for _, o := range objs {
		for _, t := range ldStrings(o["@type"]) {
			if r, ok := newsTypes[t]; ok && r > bestRank {
				best, bestRank = o, r
			}
		}
	}
	return best
}

func ldString(v any) string {
	switch t := v.(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			return ldString(t[0])
		}
	case map[string]any:
		if s, ok := t["@value"].(string); ok {
			return s
		}
	}
	return ""
}

func ldStrings(v any) []string {
	switch t := v.(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, x := range t {
			if s, ok := x.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldNames reads a person or organisation value: a string, an object with
// a name, or a list of either.
func ldNames(v any) []string {
	switch t := v.(type) {
	case string:
		if s := strings.TrimSpace(t); s != "" && !strings.Contains(s, "://") {
			return []string{s}
		}
	case map[string]any:
		return ldNames(t["name"])
	case []any:
		var out []string
		for _, x := range t {
			out = append(out, ldNames(x)...)
		}
		return out
	}
	return nil
}

func ldName(o map[string]any, key string) string {
	if o == nil {
		return ""
	}
	if ns := ldNames(o[key]); len(ns) > 0 {
		return ns[0]
	}
	return ""
}

func ldID(o map[string]any) string {
	if o == nil {
		return ""
	}
	switch t := o["mainEntityOfPage"].(type) {
	case string:
		return t
	case map[string]any:
		return ldString(t["@id"])
	}
	return ""
}

// PageText extracts the main text of a page with readability and returns
// it as paragraphs and headings of plain text.
func PageText(doc *html.Node, pageURL string) []model.Block {
	u, _ := url.Parse(pageURL)
	if u == nil || pageURL == "" {
		u = &url.URL{Scheme: "https", Host: "saved.page", Path: "/"}
	}
	parser := readability.NewParser()
	art, err := parser.ParseDocument(doc, u)
	if err != nil || art.Node == nil {
		return nil
	}
	var out []model.Block
	emit := func(s string, heading bool) {
		s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
		if s != "" {
			out = append(out, model.Block{Text: s, Heading: heading})
		}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				continue // text outside a block: gathered by the block test below
			}
			if c.Type != html.ElementNode {
				continue
			}
			switch c.DataAtom {
			case atom.Img:
				if src := savedImage(attr(c, "src"), u); src != "" {
					out = append(out, model.Block{Text: strings.Join(strings.Fields(attr(c, "alt")), " "), Image: src})
				}
				continue
			case atom.Figure, atom.Picture:
				walk(c) // for the image; a caption is the page's, not the article's text
				continue
			case atom.Figcaption:
				continue
			case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Svg, atom.Form, atom.Button,
				atom.Nav, atom.Aside, atom.Footer, atom.Video, atom.Audio,
				atom.Object, atom.Embed, atom.Template, atom.Select, atom.Input, atom.Textarea:
				continue
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				emit(visibleText(c), true)
			case atom.P, atom.Li, atom.Pre, atom.Dt, atom.Dd, atom.Td, atom.Th:
				if c.DataAtom == atom.Li && hasBlockChild(c) {
					walk(c)
					continue
				}
				emit(visibleText(c), false)
			default:
				if hasBlockChild(c) {
					walk(c)
				} else {
					emit(visibleText(c), false)
				}
			}
		}
	}
	walk(art.Node)
	return out
}

// savedImage returns the file of an image a browser saved beside the page
// ("page_files/photo.jpg"), from its src as readability left it (made
// absolute against base); "" for any other image, which stays out: only
// what was saved with the page can be published with it.
func savedImage(src string, base *url.URL) string {
	if u, err := url.Parse(src); err == nil && u.Host == base.Host && u.Scheme == base.Scheme {
		dir := path.Dir(base.Path)
		if !strings.HasSuffix(dir, "/") {
			dir += "/"
		}
		src = strings.TrimPrefix(u.Path, dir)
	}
	if u, err := url.PathUnescape(src); err == nil {
		src = u
	}
	src = strings.TrimPrefix(src, "./")
	dir, _, ok := strings.Cut(src, "/")
	if !ok || len(dir) <= len("_files") || !strings.HasSuffix(dir, "_files") || strings.Contains(src, "..") || strings.ContainsAny(src, "?#:") || !IsImage(src) {
		return ""
	}
	return src
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Header, atom.Ul, atom.Ol, atom.Li,
		atom.Blockquote, atom.Pre, atom.Table, atom.Tbody, atom.Thead, atom.Tr, atom.Td, atom.Th, atom.Dl, atom.Dt, atom.Dd,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Figure, atom.Figcaption, atom.Hr:
		return true
	}
	return false
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && isBlock(c.DataAtom) {
			return true
		}
	}
	return false
}

// visibleText is the text of n without scripts, styles and the like; a
// <br> is a space.
func visibleText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Iframe, atom.Svg, atom.Template, atom.Button, atom.Select, atom.Textarea:
				return
			case atom.Br:
				b.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlock(n.DataAtom) {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

// locate finds the line of the saved page on which each block's text
// starts, by its first words, so that "brief check" can point there.
// Blocks whose words cannot be found (entities, markup inside the first
// words) keep line 0.
//
// Blocks come in page order, so each search starts where the previous
// block was found. A probe that is not in the page costs a scan of all
// the rest of it, which made a page of 50,000 paragraphs that start with
// a link take minutes: each probe is first looked for in a window ahead,
// sized by the page's average distance between blocks, and the rest of
// the page is searched only while a budget of a few scans of the whole
// page lasts.
func locate(blocks []model.Block, data []byte) {
	window := max(4<<10, 8*len(data)/max(1, len(blocks)))
	budget := 4 * len(data)
	off := 0
	line := 1
	find := func(probe []byte) int {
		rest := data[off:]
		if j := bytes.Index(rest[:min(len(rest), window+len(probe))], probe); j >= 0 {
			return j
		}
		if len(rest) <= window+len(probe) || len(rest) > budget {
			return -1
		}
		budget -= len(rest)
		return bytes.Index(rest, probe)
	}
	for i := range blocks {
		ws := strings.Fields(blocks[i].Text)
		j := -1
		var probe []byte
		for _, n := range []int{4, 2} {
			if len(ws) < n && n > 2 {
				continue
			}
			probe = []byte(strings.Join(ws[:min(n, len(ws))], " "))
			if j = find(probe); j >= 0 {
				break
			}
		}
		if j < 0 {
			continue
		}
		line += bytes.Count(data[off:off+j], []byte("\n"))
		// Past the words found: the next block starts after them, even
		// when it starts with the same words.
		off += j + len(probe)
		blocks[i].Line = line
	}
}
