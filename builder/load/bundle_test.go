package load

import (
	"bytes"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

func TestImageSize(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 30, 20))
	enc := map[string]func(*bytes.Buffer) error{
		"a.png": func(b *bytes.Buffer) error { return png.Encode(b, img) },
		"a.jpg": func(b *bytes.Buffer) error { return jpeg.Encode(b, img, nil) },
		"a.gif": func(b *bytes.Buffer) error { return gif.Encode(b, img, nil) },
	}
	for name, f := range enc {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			t.Fatal(err)
		}
		if w, h := ImageSize(name, b.Bytes()); w != 30 || h != 20 {
			t.Errorf("%s: %d×%d, want 30×20", name, w, h)
		}
	}
	for _, tc := range []struct {
		svg  string
		w, h int
	}{
		{`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80px"/>`, 120, 80},
		{`<?xml version="1.0"?><svg viewBox="0 0 300 150.4"></svg>`, 300, 150},
		{`<svg width="10em" height="5em" viewBox="0,0,40,20"/>`, 40, 20},
		{`<svg width="100%" height="100%"/>`, 0, 0},
		{`<html/>`, 0, 0},
	} {
		if w, h := ImageSize("x.svg", []byte(tc.svg)); w != tc.w || h != tc.h {
			t.Errorf("%s: %d×%d, want %d×%d", tc.svg, w, h, tc.w, tc.h)
		}
	}
	if w, h := ImageSize("x.webp", []byte("RIFF....WEBP")); w != 0 || h != 0 {
		t.Errorf("webp: %d×%d, want unknown", w, h)
	}
}

func TestBundleArticle(t *testing.T) {
	a, ds := Article("content/articles/2022-02-07-talks/index.md", []byte("---\ntitle: Talks\ndate: 2022-02-07\nimage: img/hall.png\n---\nText.\n"))
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	if a.Slug != "2022-02-07-talks" {
		t.Errorf("slug %q, want the folder's name", a.Slug)
	}
	if a.Image != "/articles/2022-02-07-talks/img/hall.png" {
		t.Errorf("image %q", a.Image)
	}
	for _, tc := range []struct{ file, image, want, err string }{
		{"content/articles/a.md", "https://example.com/p.jpg", "https://example.com/p.jpg", ""},
		{"content/articles/a.md", "/p.jpg", "/p.jpg", ""},
		{"content/articles/a.md", "../../static/p.jpg", "/p.jpg", ""},
		{"content/articles/a.md", "p.jpg", "", `image "p.jpg" is not a file brief publishes`},
		{"content/articles/a.md", "javascript:alert(1)", "", "is not an address brief can publish"},
		{"content/articles/b/index.md", "../p.jpg", "", "is not a file brief publishes"},
	} {
		a, ds := Article(tc.file, []byte("---\ntitle: T\ndate: 2022-02-07\nimage: "+tc.image+"\n---\n"))
		if a.Image != tc.want {
			t.Errorf("%s image %s: %q, want %q", tc.file, tc.image, a.Image, tc.want)
		}
		if tc.err == "" && len(ds) > 0 || tc.err != "" && (len(ds) != 1 || !strings.Contains(ds[0].Msg, tc.err) || ds[0].Line != 4) {
			t.Errorf("%s image %s: %v, want %q at line 4", tc.file, tc.image, ds, tc.err)
		}
	}
}

func TestBundleFirstImage(t *testing.T) {
	a, _ := Article("content/articles/x/index.md", []byte("---\ntitle: T\ndate: 2022-02-07\n---\n"))
	Bundle(a, []model.Resource{{Name: "notes.txt"}, {Name: "map.svg"}, {Name: "photo.jpg"}})
	if a.Image != "/articles/x/map.svg" || len(a.Resources) != 3 {
		t.Errorf("image %q, resources %v", a.Image, a.Resources)
	}
	a, _ = Article("content/articles/x/index.md", []byte("---\ntitle: T\ndate: 2022-02-07\nimage: photo.jpg\n---\n"))
	Bundle(a, []model.Resource{{Name: "map.svg"}, {Name: "photo.jpg"}})
	if a.Image != "/articles/x/photo.jpg" {
		t.Errorf("image %q: the front matter's wins", a.Image)
	}
}

func TestSavedImage(t *testing.T) {
	base, _ := url.Parse("https://news.example/world/talks")
	root, _ := url.Parse("https://saved.page/")
	for _, tc := range []struct {
		src  string
		base *url.URL
		want string
	}{
		{"https://news.example/world/talks_files/hall.jpg", base, "talks_files/hall.jpg"},
		{"https://saved.page/talks_files/a%20b.png", root, "talks_files/a b.png"},
		{"talks_files/hall.jpg", base, "talks_files/hall.jpg"},
		{"https://cdn.example/talks_files/hall.jpg", base, ""},
		{"https://news.example/world/talks_files/x.js", base, ""},
		{"_files/hall.jpg", base, ""},
		{"talks_files/../../etc/x.png", base, ""},
		{"img/hall.jpg", base, ""},
	} {
		if got := savedImage(tc.src, tc.base); got != tc.want {
			t.Errorf("savedImage(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
