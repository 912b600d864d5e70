package builder

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
)

// siteFromBytes turns fuzz input into a small site: the bytes choose how
// many actors, events and articles there are, their names, dates, links
// and text, so that the fuzzer explores models (mentions, quotes, dates,
// figures, references, drafts, misspellings) rather than YAML syntax,
// which the load fuzzers cover.
func siteFromBytes(data []byte) map[string]string {
	i := 0
	next := func() int {
		if i >= len(data) {
			return 0
		}
		i++
		return int(data[i-1])
	}
	word := func() string {
		// Mostly plain words, sometimes raw fuzz bytes (quoted for YAML).
		words := []string{"Anna", "Berg", "Kyiv", "talks", "Putin", "“troops”", "said", "110,000", "on Monday", "<b>", "&amp;", "Ünal", "東京", "\"", "'", "—", "next week", "2014"}
		if n := next(); n < 200 {
			return words[n%len(words)]
		}
		n := next() % 8
		start := i
		for k := 0; k < n; k++ {
			next()
		}
		return strings.ToValidUTF8(string(data[start:min(i, len(data))]), "?")
	}
	q := func(s string) string { return fmt.Sprintf("%q", s) } // Go quoting is valid YAML double-quoting for these strings
	files := map[string]string{"site.yaml": "title: " + q(word()+" "+word()) + "\nbase_url: https://example.org/b/\n"}
	nActors, nEvents, nArticles := 1+next()%4, next()%4, 1+next()%6
	var actors, events []string
	for a := 0; a < nActors; a++ {
		slug := fmt.Sprintf("actor-%d", a)
		actors = append(actors, slug)
		kind := []string{"person", "organization", "country", "place"}[next()%4]
		files["content/actors/"+slug+".md"] = fmt.Sprintf("---\nname: %s\nkind: %s\naliases: [%s]\nmisspellings: [%s]\n---\n%s %s.\n",
			q("Name"+fmt.Sprint(a)+" "+word()), kind, q(word()+fmt.Sprint(a)), q("Nmae"+fmt.Sprint(a)), word(), word())
	}
	for e := 0; e < nEvents; e++ {
		slug := fmt.Sprintf("event-%d", e)
		events = append(events, slug)
		day := 1 + next()%28
		files["content/events/"+slug+".md"] = fmt.Sprintf("---\ntitle: %s\ndate: 2022-02-%02d\nactors: [%s]\nplace: %s\nrelated: [%s]\n---\n%s Name0 %s.\n",
			q("Event "+word()), day, actors[next()%len(actors)], actors[next()%len(actors)], fmt.Sprintf("event-%d", next()%max(1, nEvents)), word(), word())
	}
	for a := 0; a < nArticles; a++ {
		day := 1 + next()%28
		var body strings.Builder
		for p := next() % 5; p >= 0; p-- {
			fmt.Fprintf(&body, "%s Name%d said on %s: “%s %s %s.” About %d,000 troops %s.\n\n", word(), next()%nActors,
				[]string{"Monday", "Tuesday", "1 February", "next week"}[next()%4], word(), word(), word(), next(), word())
		}
		ev := ""
		if len(events) > 0 && next()%2 == 0 {
			ev = "events: [" + events[next()%len(events)] + "]\n"
		}
		draft := ""
		if next()%5 == 0 {
			draft = "draft: true\n"
		}
		ext := ".md"
		if next()%4 == 0 {
			ext = ".txt"
			files[fmt.Sprintf("content/articles/2022-02-%02d-a%d.txt", day, a)] = fmt.Sprintf("%s\n\n%s", "Title "+word(), body.String())
			continue
		}
		files[fmt.Sprintf("content/articles/2022-02-%02d-a%d%s", day, a, ext)] = fmt.Sprintf("---\ntitle: %s\ndate: 2022-02-%02d\nsource: %s\ntags: [%s]\n%s%s---\n%s",
			q("Article "+word()), day, q(word()), q(word()), ev, draft, body.String())
	}
	return files
}

// FuzzSite builds random sites and checks the rendered output: no panic,
// content errors only as diagnostics with a file, every file valid UTF-8,
// and every internal link and image resolving to a file of the output.
func FuzzSite(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x03\x03\x05abcdefghijklmnopqrstuvwxyz0123456789"))
	f.Add([]byte{255, 7, 255, 3, 200, 1, 2, 3, 250, 250, 250, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		src := t.TempDir()
		for name, body := range siteFromBytes(data) {
			p := filepath.Join(src, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		dest := filepath.Join(t.TempDir(), "out")
		_, err := Build(context.Background(), Options{Source: src, Dest: dest})
		if err != nil {
			var de diag.Errors
			if !errors.As(err, &de) {
				t.Fatalf("build failed without content diagnostics: %v", err)
			}
			for _, d := range de {
				if d.File == "" {
					t.Fatalf("diagnostic without a file: %+v", d)
				}
			}
			return
		}
		out := readTree(t, dest)
		for _, name := range slices.Sorted(maps.Keys(out)) {
			if !utf8.Valid(out[name]) && !strings.HasSuffix(name, ".png") {
				t.Fatalf("%s: not valid UTF-8", name)
			}
			if !strings.HasSuffix(name, ".html") {
				continue
			}
			for _, m := range linkAttr.FindAllSubmatch(out[name], -1) {
				ref := string(m[1]) + string(m[2])
				ref = strings.NewReplacer("&amp;", "&", "&#43;", "+", "&#34;", `"`, "&#39;", "'").Replace(ref)
				if target, ok := resolveLink(name, ref); ok {
					if !strings.HasPrefix(ref, "/b/") && !strings.HasPrefix(ref, "../") && !strings.HasPrefix(ref, "./") && strings.HasPrefix(ref, "/") {
						t.Fatalf("%s: link %q ignores the base path /b/", name, ref)
					}
					target = strings.TrimPrefix(target, "b/")
					if _, exists := out[target]; !exists {
						t.Fatalf("%s: link %q points to missing %s", name, ref, target)
					}
				}
			}
		}
	})
}
