package load

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif"  // image.DecodeConfig reads GIF sizes
	_ "image/jpeg" // and JPEG
	_ "image/png"  // and PNG
	"path"
	"strconv"
	"strings"

	"github.com/briefhq/brief/builder/model"
)

// articleImage reads the image: key: a full address, a site-absolute path
// ("/photo.jpg" from static/), or a path relative to the article's file,
// which must lead into its page bundle or into static/.
func articleImage(r *reader, a *model.Article) string {
	v := r.str("image")
	switch {
	case v == "", strings.HasPrefix(v, "http://"), strings.HasPrefix(v, "https://"):
		return v
	case strings.HasPrefix(v, "/") && !strings.HasPrefix(v, "//"):
		return v
	case strings.Contains(v, ":") || strings.HasPrefix(v, "//"):
		r.errorf(r.line("image"), "write a full address (https://…), a path from static/ (/photo.jpg) or a file of the page bundle (photo.jpg)", "image %q is not an address brief can publish", v)
		return ""
	}
	if model.IsBundleIndex(a.File) {
		if rel := path.Clean(v); !strings.HasPrefix(rel, "../") && rel != ".." {
			return "/articles/" + a.Slug + "/" + rel
		}
	}
	if rest, ok := strings.CutPrefix(path.Join(path.Dir(a.File), v), "static/"); ok {
		return "/" + rest
	}
	r.errorf(r.line("image"), "put the image in static/ and write image: /"+path.Base(v)+", or make the article a page bundle (a folder with index.md and the image)",
		"image %q is not a file brief publishes", v)
	return ""
}

// Bundle gives the article of a page bundle the other files of its
// folder, res, and when its front matter names no image its first image.
func Bundle(a *model.Article, res []model.Resource) {
	a.Resources = res
	if a.Image != "" {
		return
	}
	for _, r := range res {
		if IsImage(r.Name) {
			a.Image = "/articles/" + a.Slug + "/" + r.Name
			return
		}
	}
}

// IsImage reports whether the file name is that of an image a page can
// show.
func IsImage(name string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif":
		return true
	}
	return false
}

// ImageSize returns the pixel width and height of the image data of the
// file name: PNG, JPEG and GIF from their header, SVG from its width and
// height attributes or its viewBox; 0, 0 for other formats (WebP and
// AVIF need decoders brief does not carry) and unreadable files.
func ImageSize(name string, data []byte) (w, h int) {
	if strings.ToLower(path.Ext(name)) == ".svg" {
		return svgSize(data)
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return 0, 0
	}
	return cfg.Width, cfg.Height
}

// svgSize reads the size of an SVG from its root element: width and
// height in pixels (a bare number or "px"), else its viewBox.
func svgSize(data []byte) (w, h int) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for {
		tok, err := d.Token()
		if err != nil {
			return 0, 0
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if se.Name.Local != "svg" {
			return 0, 0
		}
		var viewBox string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w = pixels(a.Value)
			case "height":
				h = pixels(a.Value)
			case "viewBox":
				viewBox = a.Value
			}
		}
		if w > 0 && h > 0 {
			return w, h
		}
		f := strings.Fields(strings.ReplaceAll(viewBox, ",", " "))
		if len(f) == 4 {
			return pixels(f[2]), pixels(f[3])
		}
		return 0, 0
	}
}

// pixels reads a length in pixels ("120", "120px", "120.5"); 0 for other
// units, which have no size in pixels without a rendering.
func pixels(s string) int {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return 0
	}
	return int(f + 0.5)
}
