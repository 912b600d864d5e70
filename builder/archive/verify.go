package archive

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
)

// writeSumLine writes one line as GNU sha256sum does: the hex digest, two
// spaces, the name. A name holding a backslash or a newline is escaped
// and the line starts with a backslash.
func writeSumLine(b *bytes.Buffer, sum []byte, name string) {
	if strings.ContainsAny(name, "\\\n\r") {
		b.WriteByte('\\')
		name = strings.NewReplacer(`\`, `\\`, "\n", `\n`, "\r", `\r`).Replace(name)
	}
	b.WriteString(hex.EncodeToString(sum))
	b.WriteString("  ")
	b.WriteString(name)
	b.WriteByte('\n')
}

// Report is the outcome of Verify. Paths are slash-separated and relative
// to the archive's root.
type Report struct {
	Checked int      // files listed in SHA256SUMS
	OK      int      // listed files present with the right checksum
	Missing []string // listed, not present
	Changed []string // listed, present with another checksum or not a file
	Extra   []string // present, not listed (SHA256SUMS itself and .git excepted)
	// NotFiles says, for the entries of Changed that are not regular
	// files, what was found instead ("a named pipe", "a symbolic link").
	NotFiles map[string]string
}

// Failed reports whether anything is missing, changed or extra.
func (r *Report) Failed() bool {
	return len(r.Missing)+len(r.Changed)+len(r.Extra) > 0
}

// Verify checks the folder dir against its SHA256SUMS. It returns an
// error when SHA256SUMS is missing, malformed or not a file, or a file
// cannot be read; differences are in the report.
//
// Only regular files are read: a named pipe would block the read
// forever and a device could be endless, so a listed name that is
// anything else is reported as changed without being opened. Files are
// opened through an os.Root, so no symbolic link leads out of dir.
func Verify(dir string) (*Report, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	f, kind, err := openRegular(root, SumsFile)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s has no %s; build it with brief build --archive", dir, SumsFile)
	case err != nil:
		return nil, err
	case kind != "":
		return nil, fmt.Errorf("%s is %s, not a file; build the archive again with brief build --archive", filepath.Join(dir, SumsFile), kind)
	}
	want, err := ParseSums(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, SumsFile), err)
	}

	r := &Report{Checked: len(want), NotFiles: map[string]string{}}
	// present holds the type bits of what the walk found at each path;
	// the walk does not follow symbolic links, so a link is found as one.
	present := map[string]fs.FileMode{}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if d.IsDir() {
			if rel == ".git" {
				return fs.SkipDir
			}
			if _, listed := want[rel]; listed {
				present[rel] = fs.ModeDir
			}
			return nil
		}
		if rel == SumsFile {
			return nil
		}
		present[rel] = d.Type()
		if _, ok := want[rel]; !ok {
			r.Extra = append(r.Extra, rel)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	names := make([]string, 0, len(want))
	for n := range want {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		mode, ok := present[n]
		if !ok {
			r.Missing = append(r.Missing, n)
			continue
		}
		kind := kindOf(mode)
		var sum [sha256.Size]byte
		if kind == "" {
			if sum, kind, err = fileSum(root, n); err != nil {
				return nil, err
			}
		}
		switch {
		case kind != "":
			r.Changed = append(r.Changed, n)
			r.NotFiles[n] = kind
		case sum != want[n]:
			r.Changed = append(r.Changed, n)
		default:
			r.OK++
		}
	}
	sort.Strings(r.Extra)
	return r, nil
}

// fileSum returns the SHA-256 of the regular file name in root, or what
// name is when it is not a regular file.
func fileSum(root *os.Root, name string) (sum [sha256.Size]byte, kind string, err error) {
	f, kind, err := openRegular(root, name)
	if err != nil || kind != "" {
		return sum, kind, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, "", err
	}
	copy(sum[:], h.Sum(nil))
	return sum, "", nil
}

// openRegular opens name in root for reading if it is a regular file;
// otherwise it returns no file and what name is. The file is looked at
// before it is opened, and opened without blocking, so that a named pipe
// put there in between does not hang the open either; the open file is
// then checked to be the regular file looked at.
func openRegular(root *os.Root, name string) (*os.File, string, error) {
	before, err := root.Lstat(name)
	if err != nil {
		return nil, "", err
	}
	if kind := kindOf(before.Mode()); kind != "" {
		return nil, kind, nil
	}
	return openSame(root, name, before)
}

// openSame opens name in root and returns it if it is still the regular
// file before describes, or else what it has become.
func openSame(root *os.Root, name string, before fs.FileInfo) (*os.File, string, error) {
	f, err := root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, "", err
	}
	after, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, "", err
	}
	if kind := kindOf(after.Mode()); kind != "" {
		f.Close()
		return nil, kind, nil
	}
	if !os.SameFile(before, after) {
		f.Close()
		return nil, "replaced while being checked", nil
	}
	return f, "", nil
}

// kindOf names what a file mode describes when it is not a regular file,
// for the report; it returns "" for a regular file.
func kindOf(mode fs.FileMode) string {
	switch t := mode.Type(); {
	case t == 0:
		return ""
	case t&fs.ModeSymlink != 0:
		return "a symbolic link"
	case t&fs.ModeDir != 0:
		return "a folder"
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// ParseSums reads a file in the format of sha256sum: per line a 64-digit
// hex digest, a space, a space or "*", and a relative path (escaped as
// sha256sum escapes it when the line starts with a backslash). Paths
// that are absolute or leave the folder are an error.
func ParseSums(r io.Reader) (map[string][sha256.Size]byte, error) {
	out := map[string][sha256.Size]byte{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSuffix(sc.Text(), "\r")
		if line == "" {
			continue
		}
		escaped := strings.HasPrefix(line, "\\")
		if escaped {
			line = line[1:]
		}
		if len(line) < 67 || (line[65] != ' ' && line[65] != '*') || line[64] != ' ' {
			return nil, fmt.Errorf("line %d: want \"DIGEST  PATH\"", n)
		}
		var sum [sha256.Size]byte
		if _, err := hex.Decode(sum[:], []byte(line[:64])); err != nil {
			return nil, fmt.Errorf("line %d: bad digest: %v", n, err)
		}
		name := line[66:]
		if escaped {
			name = unescape(name)
		}
		clean := path.Clean(name)
		if path.IsAbs(name) || clean == ".." || strings.HasPrefix(clean, "../") || clean != name {
			return nil, fmt.Errorf("line %d: path %q is not a clean relative path", n, name)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("line %d: %s listed twice", n, name)
		}
		out[name] = sum
	}
	return out, sc.Err()
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '\\':
				b.WriteByte('\\')
				i++
				continue
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case 'r':
				b.WriteByte('\r')
				i++
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
