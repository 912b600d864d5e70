// Package static embeds the default theme's assets (stylesheet, icons,
// the search script). They are written to the output root first, then a site's own static/
// folder is copied over them. Go files in a static/ folder are never
// published: in this repository they are the embedding code itself.
package static

import "embed"

// FS holds the default assets at its root.
//
//go:embed *.css *.svg *.js
var FS embed.FS

// Root is the folder inside FS whose contents go to the output root.
const Root = "."
