package load

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefhq/brief/builder/diag"
)

func link(target string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(target), Mode: fs.ModeSymlink}
}

// TestReadable decides on every kind of entry a site folder can hold:
// only regular files, and links that stay inside the site, are read.
func TestReadable(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/a.md":           {Data: []byte("x")},
		"content/articles/in.md":          link("a.md"),
		"content/articles/up.md":          link("../../shared/b.md"),
		"shared/b.md":                     {Data: []byte("x")},
		"content/articles/chain.md":       link("in.md"),
		"content/articles/out.txt":        link("../../../etc/passwd"),
		"content/articles/deep-out.txt":   link("../../shared/../../etc/passwd"),
		"content/articles/abs.txt":        link("/etc/passwd"),
		"content/articles/broken.md":      link("nothing.md"),
		"content/articles/loop1.md":       link("loop2.md"),
		"content/articles/loop2.md":       link("loop1.md"),
		"content/articles/folder.md":      link("../../shared"),
		"content/articles/via-out.md":     link("../../outdir/x.md"),
		"outdir":                          link("../elsewhere"),
		"content/articles/via-in.md":      link("../../indir/b.md"),
		"indir":                           link("shared"),
		"content/articles/pipe.md":        {Mode: fs.ModeNamedPipe},
		"content/articles/linkpipe.md":    link("pipe.md"),
		"content/articles/dotdot-root.md": link("../../../site-sibling.md"),
	}
	tests := []struct {
		path   string
		folder bool
		ok     bool
		msg    string // part of the warning's message
	}{
		{path: "content/articles/a.md", ok: true},
		{path: "content/articles/in.md", ok: true},
		{path: "content/articles/up.md", ok: true},
		{path: "content/articles/chain.md", ok: true},
		{path: "content/articles/via-in.md", ok: true},
		{path: "content/articles/out.txt", msg: "outside the site folder"},
		{path: "content/articles/deep-out.txt", msg: "outside the site folder"},
		{path: "content/articles/dotdot-root.md", msg: "outside the site folder"},
		{path: "content/articles/abs.txt", msg: "an absolute path"},
		{path: "content/articles/via-out.md", msg: "outside the site folder"},
		{path: "content/articles/broken.md", msg: "does not exist"},
		{path: "content/articles/loop1.md", msg: "loop"},
		{path: "content/articles/folder.md", msg: "folder"},
		{path: "content/articles/pipe.md", msg: "not a regular file"},
		{path: "content/articles/linkpipe.md", msg: "not a regular file"},
		{path: "shared", folder: true, ok: true},
		{path: "indir", folder: true, ok: true},
		{path: "outdir", folder: true, msg: "outside the site folder"},
		{path: "content/articles/a.md", folder: true, msg: "where a folder is wanted"},
	}
	for _, tc := range tests {
		fi, err := fsys.Lstat(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		d := Readable(fsys, tc.path, fi.Mode().Type(), tc.folder)
		switch {
		case tc.ok && d != nil:
			t.Errorf("%s: refused: %s", tc.path, d)
		case !tc.ok && d == nil:
			t.Errorf("%s: read, want refused (%s)", tc.path, tc.msg)
		case !tc.ok:
			if d.File != tc.path || d.Severity != diag.Warning || !strings.HasPrefix(d.Msg, "not read: ") || !strings.Contains(d.Msg, tc.msg) {
				t.Errorf("%s: got %s, want a warning at the path with %q", tc.path, d, tc.msg)
			}
		}
	}
}
