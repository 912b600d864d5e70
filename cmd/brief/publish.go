package main

import (
	"fmt"
	"io"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/archive"
	"github.com/briefhq/brief/builder/diag"
)

// printPublishSummary adds the search index size and, for an archive,
// its file count and size to the build summary.
func printPublishSummary(w io.Writer, res *builder.Result) {
	if st := res.Stats; st.SearchIndex > 0 && st.HTMLBytes > 0 {
		fmt.Fprintf(w, "Search index: %s (%.1f%% of %s of HTML).\n",
			size(st.SearchIndex), 100*float64(st.SearchIndex)/float64(st.HTMLBytes), size(st.HTMLBytes))
	}
	if res.ArchiveFiles > 0 {
		fmt.Fprintf(w, "Archive: %d files, %s; check it with: brief verify %s (or: cd %s && sha256sum -c %s)\n",
			res.ArchiveFiles, size(res.ArchiveBytes), res.Dest, res.Dest, archive.SumsFile)
	}
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

func cmdVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", "verify DIR", stderr)
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "brief verify: want one folder, e.g. brief verify public")
		return exitUsage
	}
	r, err := archive.Verify(pos[0])
	if err != nil {
		fmt.Fprintln(stderr, "brief verify:", diag.Escape(err.Error()))
		return exitContent
	}
	// The names come from the folder and its SHA256SUMS, which anyone
	// may have changed: escaped, they cannot drive the terminal.
	for _, n := range r.Missing {
		fmt.Fprintln(stdout, "missing:", diag.Escape(n))
	}
	for _, n := range r.Changed {
		if kind, ok := r.NotFiles[n]; ok {
			fmt.Fprintf(stdout, "changed: %s (%s, not read)\n", diag.Escape(n), kind)
			continue
		}
		fmt.Fprintln(stdout, "changed:", diag.Escape(n))
	}
	for _, n := range r.Extra {
		fmt.Fprintln(stdout, "extra:  ", diag.Escape(n))
	}
	if r.Failed() {
		fmt.Fprintf(stdout, "FAILED: %d of %d files intact; %d missing, %d changed, %d extra.\n",
			r.OK, r.Checked, len(r.Missing), len(r.Changed), len(r.Extra))
		return exitContent
	}
	fmt.Fprintf(unlessQuiet(fs, stdout), "OK: all %d files intact, no extra files.\n", r.Checked)
	return exitOK
}
