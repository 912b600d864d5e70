// Package load reads a site's source files into model values, one file at a
// time: site.yaml, Markdown files with YAML or TOML front matter, and plain
// text articles with an optional header block.
//
// Inputs are a path and the file's bytes; outputs are a model value and the
// diagnostics found, each naming the file and the line in the file. The
// per-file functions are pure, so their results can be cached by content.
// Nothing here knows about other files: references between items are kept
// as model.Ref values for the resolve stage to check.
package load
