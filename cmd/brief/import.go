package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/model"
)

func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("import", "import [-s SOURCE] [-o DIR] FILE...", stderr)
	src := sourceFlag(fs)
	outDir := fs.String("o", "", "`folder` to write the .md articles to (default SOURCE/content/articles)")
	fs.StringVar(outDir, "output", "", "same as -o")
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	stdout = unlessQuiet(fs, stdout)
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "brief import: name one or more .html or .txt files, e.g. brief import saved-page.html")
		return exitUsage
	}
	dir := *outDir
	if dir == "" {
		dir = filepath.Join(*src, "content", "articles")
	}
	// The site's actors and boilerplate patterns, to list who the text
	// names and to clean it as the builder would.
	sess, err := builder.NewSession(builder.Options{Source: *src})
	if err != nil {
		fmt.Fprintln(stderr, diag.Escape(err.Error()))
		return exitContent
	}
	failed := false
	for _, file := range pos {
		if err := importFile(ctx, sess, file, dir, *src, stdout, stderr); err != nil {
			// The names of the files imported may come with them
			// from the web, control characters included.
			fmt.Fprintln(stderr, diag.Escape(err.Error()))
			failed = true
		}
	}
	if failed {
		return exitContent
	}
	return exitOK
}

func importFile(ctx context.Context, sess *builder.Session, file, dir, src string, stdout, stderr io.Writer) error {
	ext := strings.ToLower(filepath.Ext(file))
	if ext != ".html" && ext != ".htm" && ext != ".txt" {
		return fmt.Errorf("%s: brief import reads .html (saved web pages) and .txt (pasted text) files", file)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("brief import: %v", err)
	}
	imp, err := sess.Import(ctx, filepath.ToSlash(file), data)
	if err != nil {
		return err
	}
	if errs := errorsIn(imp.Diagnostics); len(errs) > 0 {
		return errs
	}
	for _, d := range imp.Diagnostics {
		fmt.Fprintln(stderr, d)
	}
	a := imp.Article
	text, err := importMarkdown(a, imp.Blocks, file)
	if err != nil {
		return fmt.Errorf("brief import: %s: %v", file, err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("brief import: %v", err)
	}
	out := filepath.Join(dir, a.Slug+".md")
	f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("brief import: %s already exists; not overwritten (move it away or use -o DIR)", out)
		}
		return fmt.Errorf("brief import: %v", err)
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("brief import: %v", err)
	}
	fmt.Fprintf(stdout, "Created %s (%d paragraphs, %d actors)\n", diag.Escape(out), len(a.Text()), len(a.Mentions))
	if abs, err := filepath.Abs(file); err == nil {
		if content, err := filepath.Abs(filepath.Join(src, "content")); err == nil && strings.HasPrefix(abs, content+string(filepath.Separator)) && filepath.Dir(abs) == mustAbs(dir) {
			fmt.Fprintf(stdout, "  %s has the same slug: delete it, or brief reports the two as duplicates\n", diag.Escape(file))
		}
	}
	return nil
}

func mustAbs(p string) string {
	a, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return a
}

func errorsIn(ds []diag.Diagnostic) diag.Errors {
	var out diag.Errors
	for _, d := range ds {
		if d.Severity == diag.Error {
			out = append(out, d)
		}
	}
	return out
}

// importMarkdown writes an article as Markdown with YAML front matter:
// the metadata read from the file, the actors its text names, and the
// dates it mentions as a comment for the editor.
func importMarkdown(a *model.Article, blocks []model.Block, from string) (string, error) {
	keys := []yamlPair{{"title", yamlText(a.Title)}, {"date", yamlDate(a.Date.String())}}
	if !a.Updated.IsZero() {
		keys = append(keys, yamlPair{"updated", yamlDate(a.Updated.String())})
	}
	var events []string
	for _, r := range a.EventRefs {
		events = append(events, r.Slug)
	}
	actors := map[string]bool{}
	var slugs []string
	for _, r := range a.ActorRefs {
		if !actors[r.Slug] {
			actors[r.Slug] = true
			slugs = append(slugs, r.Slug)
		}
	}
	var found []string
	for _, mt := range a.Mentions {
		if !actors[mt.Actor] {
			actors[mt.Actor] = true
			found = append(found, mt.Actor)
		}
	}
	sort.Strings(found)
	slugs = append(slugs, found...)
	keys = append(keys,
		yamlPair{"source", yamlText(a.Publisher)},
		yamlPair{"url", yamlText(a.SourceURL)},
		yamlPair{"author", yamlList(yamlText, a.Authors)},
		yamlPair{"events", yamlList(yamlWord, events)},
		yamlPair{"actors", yamlList(yamlWord, slugs)},
		yamlPair{"tags", yamlList(yamlText, a.Tags)})
	if a.Summary != "" {
		keys = append(keys, yamlPair{"summary", yamlText(a.Summary)})
	}
	if a.Draft {
		keys = append(keys, yamlPair{"draft", yamlBool(true)})
	}
	// The language a saved page declares (<html lang>) or a pasted
	// text's header names goes with the article, so that its page marks
	// it as the build of the original would.
	if a.Language != "" {
		keys = append(keys, yamlPair{"language", yamlWord(a.Language)})
	}
	var comments []string
	if len(a.Dates) > 0 {
		comments = append(comments, " Dates the text mentions (check them, then add events):")
		for _, d := range a.Dates {
			comments = append(comments, fmt.Sprintf("   %s  %s", d.Date, d.Text))
		}
	}
	comments = append(comments, " Imported from "+filepath.Base(from))
	fm, err := frontMatter(keys, comments)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(fm)
	for _, blk := range blocks {
		b.WriteString("\n")
		if blk.Heading {
			b.WriteString("## ")
		}
		b.WriteString(escapeMarkdown(blk.Text))
		b.WriteString("\n")
	}
	return b.String(), nil
}

var (
	mdInline     = strings.NewReplacer(`\`, `\\`, "`", "\\`", `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, `<`, `\<`, `>`, `\>`, `|`, `\|`)
	mdLineStart  = regexp.MustCompile(`^([#=+-]|\d+[.)])`)
	mdLineIndent = regexp.MustCompile(`^\s+`)
)

// escapeMarkdown makes plain text read as itself in Markdown.
func escapeMarkdown(s string) string {
	s = mdLineIndent.ReplaceAllString(mdInline.Replace(s), "")
	if loc := mdLineStart.FindStringIndex(s); loc != nil {
		s = s[:loc[1]-1] + `\` + s[loc[1]-1:]
	}
	return s
}
