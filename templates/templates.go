// Package templates embeds the default theme: one html/template file per
// page kind plus the shared layout and partials. A site's own templates/
// folder overrides any file of the same name.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.html
var FS embed.FS
