package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
)

// addVerbosity gives a command --quiet (-q) and --verbose (-v).
func addVerbosity(fs *flag.FlagSet) {
	q := fs.Bool("quiet", false, "print only errors (and, for check and verify, what they find)")
	fs.BoolVar(q, "q", false, "same as --quiet")
	v := fs.Bool("verbose", false, "print more: build lists every warning and each file under content/ it does not read")
	fs.BoolVar(v, "v", false, "same as --verbose")
}

// quiet reports whether --quiet was given.
func quiet(fs *flag.FlagSet) bool { return flagBool(fs, "quiet") }

// verbose reports whether --verbose was given, and not --quiet.
func verbose(fs *flag.FlagSet) bool { return flagBool(fs, "verbose") && !quiet(fs) }

func flagBool(fs *flag.FlagSet, name string) bool {
	f := fs.Lookup(name)
	return f != nil && f.Value.String() == "true"
}

// unlessQuiet is w, or io.Discard with --quiet.
func unlessQuiet(fs *flag.FlagSet, w io.Writer) io.Writer {
	if quiet(fs) {
		return io.Discard
	}
	return w
}

// quietLog passes on what the preview server logs except its report of
// each build, for serve --quiet: errors and watch problems still show.
type quietLog struct{ w io.Writer }

func (q quietLog) Write(p []byte) (int, error) {
	s := string(p)
	if strings.HasPrefix(s, "Built ") || strings.HasPrefix(s, "Rebuilt ") {
		return len(p), nil
	}
	return q.w.Write(p)
}

// printBuildWarnings prints a build's warnings. Those about the content
// (boilerplate removed, headings recovered) are the editor's to review
// with brief check, and a build only counts them; those about site.yaml
// and the build itself (no base_url, a file not minified) are printed,
// as check does not show them all. With verbose, every one is printed,
// and the files under content/ that were not read.
func printBuildWarnings(w io.Writer, res *builder.Result, verbose bool) {
	ws := append([]diag.Diagnostic(nil), res.Warnings...)
	diag.Sort(ws)
	content := 0
	for _, d := range ws {
		if !verbose && strings.HasPrefix(d.File, "content/") {
			content++
			continue
		}
		fmt.Fprintln(w, d)
	}
	if verbose {
		for _, f := range res.Ignored {
			fmt.Fprintf(w, "%s: not read\n", diag.Escape(f))
		}
	}
	if content > 0 {
		fmt.Fprintf(w, "%d warning%s about the content: run brief check to see them.\n", content, map[bool]string{true: "", false: "s"}[content == 1])
	}
}
