package model

import (
	"path"
	"strings"
)

// FileSlug is the slug that the name of a content file makes when its
// front matter sets none: its name without the extension, or for a page
// bundle (content/articles/x/index.md) its folder's name.
func FileSlug(file string) string {
	base := path.Base(file)
	if IsBundleIndex(file) {
		base = path.Base(path.Dir(file))
	}
	return strings.ToLower(strings.TrimSuffix(base, path.Ext(base)))
}

// IsBundleIndex reports whether file is the text of a page bundle: an
// index.md in a folder of its own below content/articles/.
func IsBundleIndex(file string) bool {
	return path.Base(file) == "index.md" && strings.HasPrefix(file, "content/articles/") && strings.Count(file, "/") >= 3
}
