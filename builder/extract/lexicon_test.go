package extract

import (
	"io/fs"
	"strings"
	"testing"
)

// TestLexiconFiles reads every embedded lexicon, so that a malformed line
// fails here rather than when a list is first used.
func TestLexiconFiles(t *testing.T) {
	err := fs.WalkDir(lexiconFS, "lexicon", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
			return err
		}
		parts := strings.Split(strings.TrimSuffix(p, ".txt"), "/")
		if len(parts) != 3 {
			t.Errorf("%s: want lexicon/LANG/NAME.txt", p)
			return nil
		}
		seen := map[string]bool{}
		for _, e := range readLexicon(parts[1], parts[2]) {
			w := strings.ToLower(e.Word)
			if seen[w] {
				t.Errorf("%s: %q listed twice", p, e.Word)
			}
			seen[w] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
