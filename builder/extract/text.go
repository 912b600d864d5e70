package extract

import (
	"html"
	"html/template"
	"regexp"
	"strings"
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
}

// Boilerplate drops paragraphs that are site furniture rather than
// article text.
type Boilerplate struct {
	res []*regexp.Regexp
}

// NewBoilerplate compiles the built-in patterns and the site's extra ones.
// A bad extra pattern is returned as an error naming it.
func NewBoilerplate(extra []string) (*Boilerplate, error) {
	b := &Boilerplate{}
	for _, p := range append(append([]string(nil), builtinBoilerplate...), extra...) {
		re, err := regexp.Compile(p)
		if err != nil {
			return nil, err
		}
		b.res = append(b.res, re)
	}
	return b, nil
}

// Match reports whether line is boilerplate.
func (b *Boilerplate) Match(line string) bool {
	line = strings.TrimSpace(line)
	for _, re := range b.res {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// paragraphs splits plain text on blank lines, joining the lines of each
// paragraph with spaces.
func paragraphs(body string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(body, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			flush()
			continue
		}
		cur = append(cur, t)
	}
	flush()
	return out
}

// renderText renders plain-text paragraphs as HTML, escaping everything and
// linking the first mention of each actor.
func (l *linker) renderText(paras []string) template.HTML {
	var b strings.Builder
	for _, p := range paras {
		l.paras = append(l.paras, p)
		l.wordSize += len(strings.Fields(p))
		ms := l.count(p)
		b.WriteString("<p>")
		last := 0
		for _, m := range ms {
			if m.Name.Actor == l.self || l.linked[m.Name.Actor] {
				continue
			}
			l.linked[m.Name.Actor] = true
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
