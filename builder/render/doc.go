// Package render turns a resolved model.Site into output files: the HTML
// pages from templates, and the JSON data export.
//
// Inputs are the site, a parsed template set (the embedded theme with the
// site's overrides) and an Output to write to; render never touches the
// file system itself. Pages are rendered in parallel; each page's bytes
// depend only on the model, so output is deterministic.
package render
