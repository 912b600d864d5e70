package minify

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

type mapWriter map[string][]byte

func (m mapWriter) WriteFile(name string, data []byte) error {
	m[name] = bytes.Clone(data)
	return nil
}

type streamWriter struct{ mapWriter }

type nopCloser struct{ *bytes.Buffer }

func (nopCloser) Close() error { return nil }

func (s streamWriter) Create(name string) (io.WriteCloser, error) {
	b := &bytes.Buffer{}
	s.mapWriter[name] = nil
	return nopCloser{b}, nil
}

const page = `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Talks  &amp; more</title>
  <script type="application/ld+json">
  { "@context": "https://schema.org",   "@type": "NewsArticle" }
  </script>
</head>
<body>
  <!-- a comment -->
  <p class="lead">  Macron   met   Putin.  </p>
  <pre>  kept
    as is</pre>
  <a href="/events/talks/">talks</a>
</body>
</html>
`

// TestMinify: each type is smaller, still parses, and says the same.
func TestMinify(t *testing.T) {
	files := map[string]string{
		"index.html":  page,
		"style.css":   "body {\n  color: #ff0000;\n  margin: 0px 0px 0px 0px;\n}\n\n/* a comment */\n",
		"search.js":   "// a comment\nfunction add(first, second) {\n  return first + second;\n}\nconsole.log(add(1, 2));\n",
		"favicon.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">\n  <!-- c -->\n  <rect x=\"0\" y=\"0\" width=\"16\" height=\"16\" fill=\"#000000\"/>\n</svg>\n",
		"feed.xml":    "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n  <title>T &amp; U</title>\n  <content type=\"html\">&lt;p&gt;a&lt;/p&gt;</content>\n</feed>\n",
		"data.json":   "{\n  \"a\": [1, 2, 3],\n  \"b\": \"x y\"\n}\n",
		"photo.png":   "\x89PNG  not minified",
	}
	out := mapWriter{}
	o := NewOutput(out)
	for name, data := range files {
		if err := o.WriteFile(name, []byte(data)); err != nil {
			t.Fatal(err)
		}
	}
	for name, data := range files {
		got := out[name]
		if name == "photo.png" {
			if string(got) != data {
				t.Errorf("%s changed: %q", name, got)
			}
			continue
		}
		if len(got) >= len(data) {
			t.Errorf("%s: %d bytes, not smaller than %d:\n%s", name, len(got), len(data), got)
		}
	}
	if len(o.Failed()) != 0 {
		t.Errorf("failed: %v", o.Failed())
	}
	if o.Saved() <= 0 {
		t.Errorf("saved %d bytes", o.Saved())
	}

	doc, err := html.Parse(bytes.NewReader(out["index.html"]))
	if err != nil {
		t.Fatal(err)
	}
	var text, pre, href, ld string
	var walk func(n *html.Node, in string)
	walk = func(n *html.Node, in string) {
		if n.Type == html.TextNode {
			switch in {
			case "pre":
				pre += n.Data
			case "script":
				ld += n.Data
			default:
				text += n.Data
			}
		}
		if n.Type == html.ElementNode {
			if n.Data == "pre" || n.Data == "script" {
				in = n.Data
			}
			for _, a := range n.Attr {
				if a.Key == "href" {
					href = a.Val
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, "")
	if !strings.Contains(text, "Talks & more") || !strings.Contains(text, "Macron met Putin.") {
		t.Errorf("text = %q", text)
	}
	if pre != "  kept\n    as is" {
		t.Errorf("pre = %q, want its white space kept", pre)
	}
	if href != "/events/talks/" || !bytes.Contains(out["index.html"], []byte(`href="/events/talks/"`)) {
		t.Errorf("link = %q; quotes must stay for the archive's relinking:\n%s", href, out["index.html"])
	}
	var ldv map[string]string
	if err := json.Unmarshal([]byte(ld), &ldv); err != nil || ldv["@type"] != "NewsArticle" || strings.Contains(ld, "  ") {
		t.Errorf("JSON-LD = %q (%v)", ld, err)
	}
	if bytes.Contains(out["index.html"], []byte("a comment")) {
		t.Errorf("comment kept:\n%s", out["index.html"])
	}
	var feed struct {
		Title   string `xml:"title"`
		Content string `xml:"content"`
	}
	if err := xml.Unmarshal(out["feed.xml"], &feed); err != nil || feed.Title != "T & U" || feed.Content != "<p>a</p>" {
		t.Errorf("feed = %+v (%v):\n%s", feed, err, out["feed.xml"])
	}
	var data map[string]any
	if err := json.Unmarshal(out["data.json"], &data); err != nil || data["b"] != "x y" {
		t.Errorf("data.json = %s (%v)", out["data.json"], err)
	}
}

// TestMinifyDeterministic: the same input gives the same bytes.
func TestMinifyDeterministic(t *testing.T) {
	a, b := mapWriter{}, mapWriter{}
	for _, w := range []mapWriter{a, b} {
		if err := NewOutput(w).WriteFile("index.html", []byte(page)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a["index.html"], b["index.html"]) {
		t.Errorf("two minifications differ:\n%s\n%s", a["index.html"], b["index.html"])
	}
}

// TestMinifyUnreadable: a file the minifier cannot parse is written as
// it is and listed, not lost.
func TestMinifyUnreadable(t *testing.T) {
	out := mapWriter{}
	o := NewOutput(out)
	bad := "function (( {\n"
	if err := o.WriteFile("static/broken.js", []byte(bad)); err != nil {
		t.Fatal(err)
	}
	if string(out["static/broken.js"]) != bad {
		t.Errorf("broken.js = %q, want it as written", out["static/broken.js"])
	}
	if f := o.Failed(); len(f) != 1 || f[0][0] != "static/broken.js" {
		t.Errorf("failed = %v", f)
	}
}

// TestMinifyStreams: streams go to a Writer that takes them unchanged;
// to one that does not, they are collected and minified.
func TestMinifyStreams(t *testing.T) {
	s := streamWriter{mapWriter{}}
	w, err := NewOutput(s).Create("data/site.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := w.(nopCloser); !ok {
		t.Errorf("stream not passed on: %T", w)
	}
	m := mapWriter{}
	w, err = NewOutput(m).Create("data/site.json")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "{ \"a\" : 1 }")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if string(m["data/site.json"]) != `{"a":1}` {
		t.Errorf("collected stream = %q", m["data/site.json"])
	}
}
