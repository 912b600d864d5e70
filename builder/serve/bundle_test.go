package serve

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/briefhq/brief/builder"
)

// TestBundleFilesFollowEdits: a file added to or changed in a page
// bundle is in the preview after the rebuild, as brief build would copy
// it — not only after a restart.
func TestBundleFilesFollowEdits(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "content/articles/2022-02-07-bundle/index.md", "---\ntitle: Bundle\ndate: 2022-02-07\n---\nText with a ![map](map.svg).\n")
	write(t, dir, "content/articles/2022-02-07-bundle/map.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`)
	srv, err := New(Options{Build: builder.Options{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := srv.Snapshot().File("articles/2022-02-07-bundle/map.svg"); !ok {
		t.Fatal("the bundle's image is not in the first build")
	}
	photo := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><title>new</title></svg>`)
	if err := os.WriteFile(filepath.Join(dir, "content/articles/2022-02-07-bundle/photo.svg"), photo, 0o644); err != nil {
		t.Fatal(err)
	}
	if info := srv.Rebuild(context.Background(), []string{"content/articles/2022-02-07-bundle/photo.svg"}); info.Errors > 0 {
		t.Fatal(srv.Snapshot().Errors)
	}
	if got, _ := srv.Snapshot().File("articles/2022-02-07-bundle/photo.svg"); !bytes.Equal(got, photo) {
		t.Fatalf("a file added to a bundle is not served after the rebuild (got %d bytes)", len(got))
	}
	changed := []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="30" height="30"></svg>`)
	if err := os.WriteFile(filepath.Join(dir, "content/articles/2022-02-07-bundle/map.svg"), changed, 0o644); err != nil {
		t.Fatal(err)
	}
	srv.Rebuild(context.Background(), []string{"content/articles/2022-02-07-bundle/map.svg"})
	if got, _ := srv.Snapshot().File("articles/2022-02-07-bundle/map.svg"); !bytes.Equal(got, changed) {
		t.Fatal("a changed bundle file is served as it was")
	}
	if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
		t.Fatalf("the preview differs from a fresh build:\n%s", d)
	}
}

// A save through a temporary file beside an article, gone by the
// rebuild, does not list the static files again (a tenth of a text
// edit's rebuild); removing a bundle's file, or the bundle's folder,
// still takes its files out of the preview.
func TestTemporaryFileListsNoStaticFiles(t *testing.T) {
	dir := copySite(t)
	write(t, dir, "content/articles/2022-02-07-bundle/index.md", "---\ntitle: Bundle\ndate: 2022-02-07\n---\nText with a ![map](map.svg).\n")
	write(t, dir, "content/articles/2022-02-07-bundle/map.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>`)
	write(t, dir, "content/articles/2022-02-07-bundle/photo.svg", `<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"></svg>`)
	srv, err := New(Options{Build: builder.Options{Source: dir}})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rel := listFiles(t, dir, "content/articles", ".md")[0]
	write(t, dir, rel+".tmp", read(t, dir, rel)+"\nOne more line.\n")
	if err := os.Rename(filepath.Join(dir, rel+".tmp"), filepath.Join(dir, rel)); err != nil {
		t.Fatal(err)
	}
	listed := reflect.ValueOf(srv.statics).UnsafePointer()
	if info := srv.Rebuild(ctx, []string{rel + ".tmp", rel}); info.Errors > 0 {
		t.Fatal(srv.Snapshot().Errors)
	}
	if reflect.ValueOf(srv.statics).UnsafePointer() != listed {
		t.Error("a temporary file gone by the rebuild listed the static files again")
	}
	if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
		t.Fatalf("after a save through a temporary file the preview differs from a fresh build:\n%s", d)
	}
	for _, gone := range []string{"content/articles/2022-02-07-bundle/photo.svg", "content/articles/2022-02-07-bundle"} {
		if err := os.RemoveAll(filepath.Join(dir, gone)); err != nil {
			t.Fatal(err)
		}
		srv.Rebuild(ctx, []string{gone})
		if d := sameSite(srv.Snapshot().Decoded(), fresh(t, dir)); d != "" {
			t.Fatalf("after removing %s the preview differs from a fresh build:\n%s", gone, d)
		}
	}
}
