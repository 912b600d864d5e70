// Package serve is the live preview: it builds a site into memory, serves
// it over HTTP on loopback, watches the site's files, rebuilds what changed
// and tells open browser tabs to reload once the new site is in place.
//
// Invariants:
//   - a request sees one complete snapshot of the site, old or new, never a
//     mix: snapshots are immutable and swapped with one atomic store;
//   - the reload event is sent only after the swap;
//   - a failed rebuild keeps the last good snapshot and shows its errors in
//     an overlay on every page;
//   - requests are answered only from the snapshot's map of files, so no
//     path, however encoded, reaches the file system;
//   - only requests addressed to this server (by its Host header) are
//     answered, so a page that rebinds its own name to this machine
//     cannot read the preview or its event stream.
package serve
