// Package skeleton holds the site "brief init" writes: a commented
// site.yaml, one article, event and actor that build and link to each
// other, a .gitignore for the output, and a GitHub Pages workflow that
// installs brief by version.
package skeleton

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The all: prefix embeds .gitignore and .github/, which go:embed skips
// otherwise.
//
//go:embed all:site
var site embed.FS

// Module is the path "go install" takes to install brief.
const Module = "github.com/briefhq/brief/cmd/brief"

// WorkflowPath is where the workflow goes, relative to the site.
const WorkflowPath = ".github/workflows/pages.yml"

// Markers in the embedded workflow, replaced by Files.
const (
	pinComment = "      # brief:pin-comment\n"
	pinRef     = "@brief:pin-ref"
)

// File is one file of the skeleton.
type File struct {
	Path string // slash-separated, relative to the site
	Data []byte
}

var (
	release = regexp.MustCompile(`^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$`)
	// A pseudo-version names a commit, which need not be public:
	// v0.0.0-20260102150405-abcdef123456, v1.2.4-0.20260102150405-abcdef123456.
	pseudo = regexp.MustCompile(`[-.][0-9]{14}-[0-9a-f]{12}$`)
)

// Pin returns the version the workflow installs for a brief whose
// module version is version: that version if it is a release, and
// "latest" otherwise ("(devel)", a pseudo-version, a +dirty build), since
// only a release is sure to be installable by anyone.
func Pin(version string) string {
	if release.MatchString(version) && !pseudo.MatchString(version) {
		return version
	}
	return "latest"
}

// Files returns the skeleton, sorted by path, with the workflow pinned
// to the brief of module version version (see Pin).
func Files(version string) ([]File, error) {
	var out []File
	err := fs.WalkDir(site, "site", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := site.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "site/")
		if rel == WorkflowPath {
			data = pinWorkflow(data, version)
		}
		out = append(out, File{Path: rel, Data: data})
		return nil
	})
	slices.SortFunc(out, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return out, err
}

func pinWorkflow(data []byte, version string) []byte {
	ref := Pin(version)
	var comment string
	if ref == version {
		comment = fmt.Sprintf(`      # brief %[1]s wrote this workflow and installs that same version,
      # so that a new release of brief changes nothing until you choose it.
      # To upgrade, try the new version locally (go install %[2]s@vX.Y.Z,
      # then brief build), and put it in place of %[1]s below. Releases:
      # https://github.com/briefhq/brief/tags
`, version, Module)
	} else {
		comment = fmt.Sprintf(`      # This workflow was written by a brief built from source,
      # %s, which has no release to pin to, so it installs the
      # latest release. For builds that do not change under you, pin one:
      # put a version from https://github.com/briefhq/brief/tags (such as
      # @v1.2.0) in place of @latest below, and change it to upgrade.
`, version)
	}
	s := strings.Replace(string(data), pinComment, comment, 1)
	return []byte(strings.Replace(s, pinRef, "@"+ref, 1))
}

// ErrNotEmpty is returned by Write for a folder that holds files.
var ErrNotEmpty = errors.New("folder is not empty")

// Write writes the skeleton into dir, creating it if needed, and
// returns the paths it wrote and those it skipped because they exist.
// It never overwrites a file. Unless force is set it refuses a folder
// that holds anything but a .git (a freshly cloned, empty repository is
// a fine place to start), with an error wrapping ErrNotEmpty.
func Write(dir, version string, force bool) (written, skipped []string, err error) {
	files, err := Files(version)
	if err != nil {
		return nil, nil, err
	}
	if !force {
		entries, err := os.ReadDir(dir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, err
		}
		for _, e := range entries {
			if e.Name() != ".git" {
				return nil, nil, fmt.Errorf("%s: %w (it holds %s)", dir, ErrNotEmpty, e.Name())
			}
		}
	}
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return written, skipped, err
		}
		// O_EXCL: a file that exists, or a link in its place, is kept.
		w, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			skipped = append(skipped, f.Path)
			continue
		}
		if err != nil {
			return written, skipped, err
		}
		_, err = w.Write(f.Data)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return written, skipped, fmt.Errorf("%s: %w", p, err)
		}
		written = append(written, f.Path)
	}
	return written, skipped, nil
}
