package serve

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefhq/brief/bench/corpus"
	"github.com/briefhq/brief/builder"
)

// creatorOutput takes files whole and streamed, and keeps nothing.
type creatorOutput struct{}

func (creatorOutput) WriteFile(string, []byte) error { return nil }

func (creatorOutput) Create(string) (io.WriteCloser, error) { return nopCloser{&bytes.Buffer{}}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// An edit re-renders the pages that show what it changed and no more:
// rewording an article makes its page alone (not the data export), and
// naming an actor once more makes the pages that show mention counts
// but not the chronology or the event pages, which show none.
func TestEditRendersOnlyWhatShowsIt(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Generate(dir, 200, 1); err != nil {
		t.Fatal(err)
	}
	sess, err := builder.NewSession(builder.Options{Source: dir})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	rebuild := func(incremental bool) []string {
		t.Helper()
		m, err := sess.Model(ctx)
		if err != nil {
			t.Fatal(err)
		}
		res, err := sess.Render(ctx, m, creatorOutput{}, incremental)
		if err != nil {
			t.Fatal(err)
		}
		sess.Commit(m, res)
		return res.Written
	}
	rebuild(false)
	rel := listFiles(t, dir, "content/articles", ".md")[0]
	orig := read(t, dir, rel)
	page := "articles/" + strings.TrimSuffix(filepath.Base(rel), ".md") + "/index.html"
	edit := func(add string) []string {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, rel), []byte(orig+add), 0o644); err != nil {
			t.Fatal(err)
		}
		sess.Changed(rel)
		return rebuild(true)
	}

	// The search index holds the words: its shard of the article changes.
	got := slices.DeleteFunc(edit("\nOne more sentence.\n"), func(f string) bool { return strings.HasPrefix(f, "search/") })
	if !slices.Equal(got, []string{page}) {
		t.Errorf("text edit wrote %v besides the search index, want only %s", got, page)
	}
	edit(strings.Repeat("\nAnna Adler spoke again.\n", 2))
	got = edit(strings.Repeat("\nAnna Adler spoke again.\n", 3))
	for _, f := range got {
		if f == "chronology/index.html" || strings.HasPrefix(f, "events/") || strings.HasPrefix(f, "data/") && f != "data/actors.json" {
			t.Errorf("naming an actor once more wrote %s (all: %v)", f, got)
		}
	}
	if !slices.Contains(got, page) || !slices.Contains(got, "actors/anna-adler/index.html") {
		t.Errorf("naming an actor once more wrote %v, want the article and the actor's page", got)
	}
}
