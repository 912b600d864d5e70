package load

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"

	"github.com/briefhq/brief/builder/diag"
)

// maxLinks bounds the links followed for one path, as the kernel's
// ELOOP limit does, so that a loop of links ends.
const maxLinks = 40

// Readable decides whether brief reads the entry at p, a slash-separated
// path relative to the site folder fsys, whose type typ is what
// fs.DirEntry.Type or FileInfo.Mode().Type() gives. A regular file is
// read, or with folder set a folder. A symbolic link is read only when it
// leads, through any chain of links, to such an entry inside the site: a
// link that leaves the site (by ".." or by an absolute target), a broken
// link, a loop, a folder where a file is wanted or the other way round,
// and anything that is neither file nor folder (a named pipe would block
// the build) give a warning at p instead, and p is not read.
//
// Every reader of the site folder decides with it — the one-shot build's
// listing (Site), the preview session's, site.yaml, templates/ and
// static/ — so that a file outside the site is never published.
func Readable(fsys fs.FS, p string, typ fs.FileMode, folder bool) *diag.Diagnostic {
	switch {
	case typ.IsRegular() && !folder, typ.IsDir() && folder:
		return nil
	case typ.IsRegular():
		return notRead(p, "a file where a folder is wanted", "")
	case typ.IsDir():
		return notRead(p, "a folder where a file is wanted", "")
	case typ&fs.ModeSymlink == 0:
		return notRead(p, "not a regular file (a named pipe, device or socket)", "replace it with a regular file")
	}
	target, _ := fs.ReadLink(fsys, p)
	real, why := resolveLinks(fsys, p)
	if why != "" {
		return notRead(p, fmt.Sprintf("a symbolic link to %q, %s", target, why),
			"copy the file into the site folder, or link to a file inside it with a relative path (ln -sr)")
	}
	fi, err := fs.Stat(fsys, real)
	switch {
	case err != nil:
		return notRead(p, fmt.Sprintf("a symbolic link to %q that cannot be read: %v", target, err), "")
	case fi.IsDir() && !folder:
		return notRead(p, fmt.Sprintf("a symbolic link to the folder %q; brief does not follow links to folders here", target),
			"move or copy the folder itself into content/")
	case !fi.IsDir() && !fi.Mode().IsRegular():
		return notRead(p, fmt.Sprintf("a symbolic link to %q, which is not a regular file", target), "link to a regular file")
	case fi.IsDir() != folder:
		return notRead(p, fmt.Sprintf("a symbolic link to the file %q where a folder is wanted", target), "")
	}
	return nil
}

// Folder decides whether brief reads the top-level folder name of the
// site folder fsys (content, templates or static), which may be a
// symbolic link: it reports whether the folder exists and may be read,
// and a warning when it exists and may not (see Readable).
func Folder(fsys fs.FS, name string) (bool, *diag.Diagnostic) {
	fi, err := fs.Lstat(fsys, name)
	if err != nil {
		return false, nil
	}
	if d := Readable(fsys, name, fi.Mode().Type(), true); d != nil {
		return false, d
	}
	return true, nil
}

// ReadConfig reads site.yaml from the site folder fsys: nil when there is
// none. A site.yaml that Readable refuses is an error rather than a
// warning: building with the default configuration instead would publish
// the site under the wrong title and address.
func ReadConfig(fsys fs.FS) ([]byte, []diag.Diagnostic) {
	fi, err := fs.Lstat(fsys, ConfigFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err == nil {
		if d := Readable(fsys, ConfigFile, fi.Mode().Type(), false); d != nil {
			d.Severity = diag.Error
			return nil, []diag.Diagnostic{*d}
		}
	}
	data, err := fs.ReadFile(fsys, ConfigFile)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, []diag.Diagnostic{{File: ConfigFile, Msg: fmt.Sprintf("cannot read: %v", err)}}
	}
	return data, nil
}

// resolveLinks follows every link on the way to p, component by
// component as the kernel does, and returns the path inside fsys that p
// leads to, or why it leads nowhere inside the site.
func resolveLinks(fsys fs.FS, p string) (real, why string) {
	todo := strings.Split(p, "/")
	var done []string
	for hops := 0; len(todo) > 0; {
		c := todo[0]
		todo = todo[1:]
		switch c {
		case "", ".":
			continue
		case "..":
			if len(done) == 0 {
				return "", "outside the site folder"
			}
			done = done[:len(done)-1]
			continue
		}
		cur := path.Join(append(done, c)...)
		fi, err := fs.Lstat(fsys, cur)
		if err != nil {
			return "", "which does not exist"
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			done = append(done, c)
			continue
		}
		if hops++; hops > maxLinks {
			return "", "in a loop of links"
		}
		t, err := fs.ReadLink(fsys, cur)
		if err != nil {
			return "", "which cannot be read"
		}
		t = filepath.ToSlash(t)
		if path.IsAbs(t) || filepath.IsAbs(t) || filepath.VolumeName(t) != "" {
			return "", "an absolute path, which may lead outside the site folder"
		}
		todo = append(strings.Split(t, "/"), todo...)
	}
	if len(done) == 0 {
		return ".", ""
	}
	return path.Join(done...), ""
}

func notRead(p, what, hint string) *diag.Diagnostic {
	return &diag.Diagnostic{File: p, Severity: diag.Warning, Msg: "not read: " + what, Hint: hint}
}
