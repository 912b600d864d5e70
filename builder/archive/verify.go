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
	Changed []string // listed, present with another checksum
	Extra   []string // present, not listed (SHA256SUMS itself and .git excepted)
}

// Failed reports whether anything is missing, changed or extra.
func (r *Report) Failed() bool {
	return len(r.Missing)+len(r.Changed)+len(r.Extra) > 0
}

// Verify checks the folder dir against its SHA256SUMS. It returns an
// error when SHA256SUMS is missing or malformed, or a file cannot be
// read; differences are in the report.
func Verify(dir string) (*Report, error) {
	f, err := os.Open(filepath.Join(dir, SumsFile))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s has no %s; build it with brief build --archive", dir, SumsFile)
		}
		return nil, err
	}
	defer f.Close()
	want, err := ParseSums(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, SumsFile), err)
	}

	r := &Report{Checked: len(want)}
	present := map[string]bool{}
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
			return nil
		}
		if rel == SumsFile {
			return nil
		}
		present[rel] = true
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
		if !present[n] {
			r.Missing = append(r.Missing, n)
			continue
		}
		sum, err := fileSum(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil {
			return nil, err
		}
		if sum != want[n] {
			r.Changed = append(r.Changed, n)
		} else {
			r.OK++
		}
	}
	sort.Strings(r.Extra)
	return r, nil
}

func fileSum(p string) ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	f, err := os.Open(p)
	if err != nil {
		return sum, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return sum, err
	}
	copy(sum[:], h.Sum(nil))
	return sum, nil
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
