package builder

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestThemeSpeaksSiteLanguage builds the sample site in each built-in
// language but English and checks that no label of the theme is left in
// English anywhere the theme writes: pages (text, attributes, the
// graphics' titles and descriptions), meta descriptions and feeds. The
// sample's articles are in English and stay so; the phrases below are the
// theme's own, none of which the sample's text uses.
func TestThemeSpeaksSiteLanguage(t *testing.T) {
	english := []string{
		"Participants:", "Reported:", "Full sentence", "oldest first", "more report", "Also reported",
		"Nothing in the chronology", "Timeline of", "Map of the events", "places marked", "most covered",
		"of coverage", "Briefing on", "Article of ", "Article by ", "Tagged ", "Skip to content",
		"Event briefing", "Key facts", "Who said what", "Mentioned in", "Jan 20", "Feb 20",
	}
	// Month names written by the theme: in <time> elements and in the
	// names of the graphics' marks (those German writes as English does
	// are left out).
	month := regexp.MustCompile(`(?:<time[^>]*>|aria-label="[^"]*)\b(?:January|February|March|June|July|October|December)\b`)
	site, err := os.ReadFile(filepath.Join("..", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^language: en$`).Match(site) {
		t.Fatal("the sample site.yaml has no line language: en to replace")
	}
	for _, lang := range []string{"uk", "ru", "de", "fr", "ar"} {
		t.Run(lang, func(t *testing.T) {
			src := t.TempDir()
			if err := os.CopyFS(filepath.Join(src, "content"), os.DirFS(filepath.Join("..", "content"))); err != nil {
				t.Fatal(err)
			}
			yaml := regexp.MustCompile(`(?m)^language: en$`).ReplaceAll(site, []byte("language: "+lang))
			if err := os.WriteFile(filepath.Join(src, "site.yaml"), yaml, 0o644); err != nil {
				t.Fatal(err)
			}
			out := readTree(t, build(t, src))
			checked := 0
			for name, b := range out {
				if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
					continue
				}
				checked++
				text := string(b)
				for _, p := range english {
					if i := strings.Index(text, p); i >= 0 {
						t.Errorf("%s: English label %q: …%s…", name, p, text[max(i-60, 0):min(i+60, len(text))])
					}
				}
				if m := month.FindString(text); m != "" {
					t.Errorf("%s: English month written by the theme: %s", name, m)
				}
			}
			if checked < 40 {
				t.Errorf("only %d pages and feeds checked", checked)
			}
		})
	}
}
