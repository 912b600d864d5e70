// Package extract reads the text of one content file at a time: it renders
// Markdown (or plain text) to HTML, finds the actors it mentions and links
// the first mention of each to its profile, and keeps the plain text of each
// paragraph for later analysis.
//
// Inputs are a loaded model value, a Matcher built once per site from the
// actors, and Options; outputs are fields of the same value. The result of
// a file depends only on its own content, the matcher and the options, so
// it can be cached by content hash.
package extract
