//go:build unix

package write

import (
	"io/fs"
	"path/filepath"
	"syscall"
	"testing"
)

// TestModesFollowUmask is issue 11, case 16: the output folder was
// created 0700 (os.MkdirTemp), so a web server running as another user
// got 403. Folders are 0755 and files 0644, less the umask.
func TestModesFollowUmask(t *testing.T) {
	for _, tc := range []struct {
		umask     int
		dir, file fs.FileMode
	}{
		{0o022, 0o755, 0o644},
		{0o002, 0o755, 0o644}, // 0644 is the most a file gets, even when the umask allows more
		{0o027, 0o750, 0o640},
	} {
		old := syscall.Umask(tc.umask)
		dest := filepath.Join(t.TempDir(), "public")
		st, err := Begin(dest, Options{})
		if err == nil {
			err = st.WriteFile("articles/a/index.html", []byte("a"))
		}
		if err == nil {
			var w interface{ Close() error }
			if w, err = st.Create("search.json"); err == nil {
				err = w.Close()
			}
		}
		if err == nil {
			err = st.Commit()
		}
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		err = filepath.WalkDir(dest, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			fi, err := d.Info()
			if err != nil {
				return err
			}
			want := tc.file
			if d.IsDir() {
				want = tc.dir
			}
			if got := fi.Mode().Perm(); got != want {
				t.Errorf("umask %03o: %s is %03o, want %03o", tc.umask, p, got, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
