package extract

import (
	"bufio"
	"embed"
	"fmt"
	"path"
	"strings"
)

// The lexicons: word lists of each language as data, one file per list
// (lexicon/LANG/NAME.txt), read by this one reader, so that the grammar
// stays in code and the words can grow (and gain languages) without
// touching it. See lexicon/README.md for the format.
//
//go:embed lexicon
var lexiconFS embed.FS

// lexiconEntry is one line of a lexicon file: a word or phrase, and the
// optional value after " = ".
type lexiconEntry struct {
	Word, Value string
}

// readLexicon returns the entries of lexicon/lang/name.txt in file order.
// A missing file is an empty list; the files are embedded, so a malformed
// one is a programming error that the tests catch (panics only at init of
// the package's word tables, never on user input).
func readLexicon(lang, name string) []lexiconEntry {
	data, err := lexiconFS.ReadFile(path.Join("lexicon", lang, name+".txt"))
	if err != nil {
		return nil
	}
	var out []lexiconEntry
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if i := strings.Index(line, " #"); i >= 0 {
			line = strings.TrimSpace(line[:i])
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e := lexiconEntry{Word: line}
		if w, v, ok := strings.Cut(line, " = "); ok {
			e.Word, e.Value = strings.TrimSpace(w), strings.TrimSpace(v)
		}
		if e.Word == "" {
			panic(fmt.Sprintf("lexicon/%s/%s.txt:%d: empty word", lang, name, n))
		}
		out = append(out, e)
	}
	return out
}

// lexiconWords returns the words of lexicon/lang/name.txt, lower-cased.
func lexiconWords(lang, name string) []string {
	es := readLexicon(lang, name)
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = strings.ToLower(e.Word)
	}
	return out
}

// lexiconSet returns the words of lexicon/lang/name.txt as a set,
// lower-cased.
func lexiconSet(lang, name string) map[string]bool {
	ws := lexiconWords(lang, name)
	out := make(map[string]bool, len(ws))
	for _, w := range ws {
		out[w] = true
	}
	return out
}

// lexiconMap returns the "word = value" entries of lexicon/lang/name.txt,
// keys lower-cased.
func lexiconMap(lang, name string) map[string]string {
	es := readLexicon(lang, name)
	out := make(map[string]string, len(es))
	for _, e := range es {
		out[strings.ToLower(e.Word)] = e.Value
	}
	return out
}
