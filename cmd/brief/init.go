package main

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/skeleton"
)

func cmdInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "init [DIR] [--force]", stderr)
	force := fs.Bool("force", false, "write into a folder that is not empty: add the files that are missing, keep every file that exists")
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	stdout = unlessQuiet(fs, stdout)
	if len(pos) > 1 {
		fmt.Fprintf(stderr, "brief init: unexpected argument %q; give one folder\n", pos[1])
		return exitUsage
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	written, skipped, err := skeleton.Write(dir, moduleVersion(), *force)
	if errors.Is(err, skeleton.ErrNotEmpty) {
		fmt.Fprintf(stderr, "brief init: %s\n(choose a new or empty folder, or add --force to add the starter files that are missing; no file is ever overwritten)\n", diag.Escape(err.Error()))
		return exitUsage
	}
	for _, p := range written {
		fmt.Fprintln(stdout, "Created", diag.Escape(filepath.Join(dir, filepath.FromSlash(p))))
	}
	for _, p := range skipped {
		fmt.Fprintln(stdout, "Kept", diag.Escape(filepath.Join(dir, filepath.FromSlash(p))), "(exists; not overwritten)")
	}
	if err != nil {
		fmt.Fprintln(stderr, "brief init:", diag.Escape(err.Error()))
		return exitContent
	}
	cd := ""
	if dir != "." {
		cd = "  cd " + diag.Escape(dir) + "\n"
	}
	fmt.Fprintf(stdout, `
A new briefing site is ready. Next:
%s  brief serve                  # preview it at http://127.0.0.1:1313/; pages reload as you edit
  brief new article "Title"    # add coverage, or drop .txt and .html files into content/articles/
  brief build                  # write the site to public/

To publish it on GitHub Pages, put it in a repository and push:
  git init -b main && git add -A && git commit -m "A new briefing"
  git remote add origin https://github.com/USER/REPO.git && git push -u origin main
and set Settings → Pages → Source to "GitHub Actions": the workflow in
%s then builds and publishes the site on every push.
`, cd, skeleton.WorkflowPath)
	return exitOK
}
