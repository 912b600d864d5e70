package load

import (
	"strings"
	"testing"
)

// TestArticleLanguage reads the language of an article from each of its
// sources: front matter (YAML and TOML), the .txt header and a saved
// page's <html lang>, falling back to og:locale and JSON-LD inLanguage.
func TestArticleLanguage(t *testing.T) {
	const page = `<!doctype html><html%s><head><title>Зеленський</title>
<meta property="article:published_time" content="2022-02-07">%s</head>
<body><article><p>Президент України Володимир Зеленський заявив, що країна готова до переговорів, але не до поступок.</p>
<p>Він говорив у Києві після зустрічі з прем'єр-міністром і міністром закордонних справ.</p></article></body></html>`
	tests := []struct {
		name, file, data, want string
	}{
		{"front matter", "content/articles/a.md", "---\ntitle: Зеленський\ndate: 2022-02-07\nlanguage: uk\n---\nТекст.\n", "uk"},
		{"front matter, region and case", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nlanguage: AR_eg\n---\nx\n", "ar-EG"},
		{"TOML front matter", "content/articles/a.md", "+++\ntitle = \"Scholz\"\ndate = 2022-02-07\nlanguage = \"de\"\n+++\nText.\n", "de"},
		{"no key", "content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\n---\nx\n", ""},
		{".txt header", "content/articles/a.txt", "Title: Macron à Moscou\nDate: 2022-02-07\nLanguage: fr\n\nLe président français est arrivé.\n", "fr"},
		{".txt header after other keys", "content/articles/a.txt", "Date: 2022-02-07\nSource: Al Jazeera\nLanguage: ar\nTitle: بوتين\n\nنص.\n", "ar"},
		{"<html lang>", "content/articles/a.html", strings.Replace(strings.Replace(page, "%s", ` lang="uk-UA"`, 1), "%s", `<meta property="og:locale" content="ru_RU">`, 1), "uk-UA"},
		{"og:locale without <html lang>", "content/articles/a.html", strings.Replace(strings.Replace(page, "%s", "", 1), "%s", `<meta property="og:locale" content="ru_RU">`, 1), "ru-RU"},
		{"JSON-LD inLanguage", "content/articles/a.html", strings.Replace(strings.Replace(page, "%s", ` lang=""`, 1), "%s",
			`<script type="application/ld+json">{"@type":"NewsArticle","headline":"Зеленський","inLanguage":"uk"}</script>`, 1), "uk"},
		{"<html lang> that is no language", "content/articles/a.html", strings.Replace(strings.Replace(page, "%s", ` lang="{{lang}}"`, 1), "%s", "", 1), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ds := Article(tt.file, []byte(tt.data))
			noErrors(t, ds)
			if a == nil {
				t.Fatal("no article")
			}
			if a.Language != tt.want {
				t.Errorf("Language = %q, want %q", a.Language, tt.want)
			}
		})
	}
}

// TestArticleLanguageInvalid reports a language that is no language code
// at its line, and how to write one.
func TestArticleLanguageInvalid(t *testing.T) {
	for _, tt := range []struct{ file, data string }{
		{"content/articles/a.md", "---\ntitle: T\ndate: 2022-02-07\nlanguage: Ukrainian\n---\nx\n"},
		{"content/articles/a.txt", "Title: T\nDate: 2022-02-07\nLanguage: Ukrainian\n\nx\n"},
	} {
		a, ds := Article(tt.file, []byte(tt.data))
		if a == nil || a.Language != "" {
			t.Errorf("%s: want the article without a language, got %+v", tt.file, a)
		}
		if len(ds) != 1 || ds[0].Line != 4-strings.Count(tt.file, ".txt") || ds[0].File != tt.file ||
			!strings.Contains(ds[0].Msg, `"Ukrainian" is not a language code`) || !strings.Contains(ds[0].Hint, "language: uk") {
			t.Errorf("%s: diagnostics = %v", tt.file, ds)
		}
	}
}

// TestSiteLanguage reads site.yaml's language as a tag, and reports one
// that is no language code at its line, keeping English.
func TestSiteLanguage(t *testing.T) {
	cfg, ds := Config([]byte("title: T\nlanguage: uk_UA\n"))
	noErrors(t, ds)
	if cfg.Language != "uk-UA" {
		t.Errorf("Language = %q, want uk-UA", cfg.Language)
	}
	cfg, ds = Config([]byte("title: T\nlanguage: Arabic\n"))
	if cfg.Language != "en" {
		t.Errorf("Language = %q, want en", cfg.Language)
	}
	if len(ds) != 1 || ds[0].File != ConfigFile || ds[0].Line != 2 || !strings.Contains(ds[0].Msg, `"Arabic" is not a language code`) {
		t.Errorf("diagnostics = %v", ds)
	}
}
