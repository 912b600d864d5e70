package extract

import (
	"html"
	"html/template"
	"regexp"
	"strings"

	"github.com/briefhq/brief/builder/model"
)

// builtinBoilerplate matches lines of pasted web pages that are not part of
// the article: consent banners, share and subscribe prompts, button labels.
// A line is dropped only when a pattern matches all of it, so that a
// sentence of the article which merely mentions cookies stays.
var builtinBoilerplate = []string{
	`(?i)^.{0,300}\b(cookies?|consent)\b.{0,300}\b(accept|agree|opt[- ]?out|settings|preferences|privacy policy)\b.{0,80}$`,
	`(?i)^(accept|accept all|reject all|read more|more|share|tweet|email|print|advertisement|sponsored|subscribe|sign up|log ?in|close|ok|got it|continue reading|show comments|comments)(\s*[|·•]?\s*(accept|accept all|reject all|read more|share|tweet|email|print|subscribe|close))*\.?$`,
	`(?i)^(share|follow us) (this|on)\b.{0,60}$`,
	`(?i)^(sign up|subscribe)\b.{0,80}\b(newsletter|inbox|updates)\b.{0,80}$`,
	`(?i)^(related|recommended|most read|read also|see also)( (articles?|stories|coverage))?:?$`,
	`(?i)^(advertisement|skip advertisement|story continues below advertisement)$`,
	`(?i)^(photo|image|credit): .{0,120}$`,
	`(?i)^(click here to |please )?(sign up|subscribe)( now)?( to| for)?( our| the)?( free)?( daily| weekly)? (newsletters?|alerts?|updates)\b.{0,100}$`,
	`(?i)^(share|share this|share on|follow us on) ?(article|story|facebook|twitter|x|whatsapp|linkedin|email)?([\s,|·•]+(facebook|twitter|x|whatsapp|linkedin|email|telegram|copy link))*\.?$`,
	`(?i)^(we use cookies|this (web)?site uses cookies)\b.{0,300}$`,
	`(?i)^(read more|more on this story|read also|see also|related): .{0,150}$`,
}

// Boilerplate drops paragraphs that are site furniture rather than
// article text.
type Boilerplate struct {
	res   []*regexp.Regexp
	needs [][]string // per pattern: words a line must hold to match it
}

// NewBoilerplate compiles the built-in patterns and the site's extra ones.
// A bad extra pattern is returned as an error naming it.
func NewBoilerplate(extra []string) (*Boilerplate, error) {
	b := &Boilerplate{}
	for i, p := range builtinBoilerplate {
		b.res = append(b.res, regexp.MustCompile(p))
		b.needs = append(b.needs, builtinNeeds[i])
	}
	for _, p := range extra {
		// A site's pattern must match a whole line or paragraph, as the
		// built-in ones do, so that it never cuts into a sentence.
		re, err := regexp.Compile(`^(?:` + p + `)$`)
		if err != nil {
			return nil, err
		}
		b.res = append(b.res, re)
		b.needs = append(b.needs, nil)
	}
	return b, nil
}

// builtinNeeds lists, for each built-in pattern, words one of which a
// line must hold (in lower case) for the pattern to match at all. The
// patterns that scan whole sentences are slow; most paragraphs of an
// article hold none of these words, so the check saves most of the
// cleaning time. Nil: always try the pattern (anchored patterns fail fast).
var builtinNeeds = [][]string{
	{"cookie", "consent"},
	nil,
	nil,
	{"sign up", "subscribe"},
	nil,
	nil,
	nil,
	nil,
	nil,
	{"cookie"},
	nil,
}

// Match reports whether line is boilerplate.
func (b *Boilerplate) Match(line string) bool {
	line = strings.TrimSpace(line)
	lower := ""
	for i, re := range b.res {
		if needs := b.needs[i]; needs != nil {
			if lower == "" {
				lower = strings.ToLower(line)
			}
			if !containsAny(lower, needs) {
				continue
			}
		}
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// containsAny reports whether s contains one of words.
func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// renderBlocks renders plain-text paragraphs and headings as HTML,
// escaping everything and linking the first mention of each actor (and
// the first use of each misspelling). Headings are counted, not linked.
func (l *linker) renderBlocks(blocks []model.Block) template.HTML {
	var b strings.Builder
	for _, blk := range blocks {
		if blk.Image != "" {
			l.savedImage(&b, blk)
			continue
		}
		p := blk.Text
		l.wordSize += countFields(p)
		ms := l.count(p)
		if blk.Heading {
			b.WriteString("<h2>")
			b.WriteString(html.EscapeString(p))
			b.WriteString("</h2>\n")
			continue
		}
		l.paras = append(l.paras, p)
		l.lines = append(l.lines, blk.Line)
		b.WriteString("<p>")
		last := 0
		for _, m := range ms {
			if !l.link(m) {
				continue
			}
			b.WriteString(html.EscapeString(p[last:m.Start]))
			b.WriteString(`<a href="`)
			b.WriteString(html.EscapeString(l.url(m.Name.Actor)))
			b.WriteString(`"`)
			if m.Name.Misspelling || m.Name.Text != m.Name.Canonical {
				b.WriteString(` title="`)
				b.WriteString(html.EscapeString(m.Name.Canonical))
				b.WriteString(`"`)
			}
			if m.Name.Misspelling {
				b.WriteString(` class="mention misspelling">`)
			} else {
				b.WriteString(` class="mention">`)
			}
			b.WriteString(html.EscapeString(p[m.Start:m.End]))
			b.WriteString("</a>")
			last = m.End
		}
		b.WriteString(html.EscapeString(p[last:]))
		b.WriteString("</p>\n")
	}
	return template.HTML(b.String())
}
