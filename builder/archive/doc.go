// Package archive makes a built site into an archive that opens from the
// file system and proves its own integrity, and checks such archives.
//
// Output wraps the writer of a build: every HTML file it receives has its
// site-absolute links (href, src, action under the base path) rewritten
// to page-relative ones that name index.html, so the site works from
// file:// and from any folder of any server; every file's SHA-256 is
// recorded. Sums then gives the SHA256SUMS file, in the format of
// GNU sha256sum, so `sha256sum -c SHA256SUMS` checks an archive without
// brief. Verify checks a folder against its SHA256SUMS and reports
// missing, changed and extra files.
//
// The rewriting is a post-processing step rather than a template option
// so that every link is covered — templates, Markdown bodies, a site's
// own templates and static HTML — without the templates knowing.
package archive
