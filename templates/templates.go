// Package templates embeds the default theme: one html/template file per
// page kind plus the shared layout and partials, and the translations of
// its labels (i18n/LANG.yaml). A site's own templates/ folder overrides
// any template of the same name, its i18n/ folder any label.
package templates

import "embed"

// FS holds the default templates.
//
//go:embed *.html i18n/*.yaml
var FS embed.FS
