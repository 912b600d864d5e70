package main

import (
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The front matter that brief new and brief import write goes through the
// YAML encoder: a title, name or tag may hold anything (a colon, a quote,
// "---", a leading "- "), and only the encoder knows how to write each so
// that it reads back as given.

// yamlPair is one key of a front matter and its value.
type yamlPair struct {
	key string
	val *yaml.Node
}

// yamlText is a text value, always double-quoted so that an editor sees
// where it starts and ends.
func yamlText(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

// yamlWord is a text value written plain when it reads back the same
// (slugs: events: [summit-talks]) and quoted otherwise.
func yamlWord(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// yamlDate is a date as YYYY-MM-DD, plain, the way people write it.
func yamlDate(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
}

// yamlBool is true or false.
func yamlBool(b bool) *yaml.Node {
	v := "false"
	if b {
		v = "true"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v}
}

// yamlList is a list on one line, [a, b], with each item made by item.
func yamlList(item func(string) *yaml.Node, items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, item(s))
	}
	return n
}

// yamlEmpty is an empty list, [], for the editor to fill in.
func yamlEmpty() *yaml.Node { return yamlList(yamlWord, nil) }

// frontMatter writes pairs in order as YAML between --- lines, with the
// comment lines before the closing one.
func frontMatter(pairs []yamlPair, comments []string) (string, error) {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, p := range pairs {
		m.Content = append(m.Content, yamlWord(p.key), p.val)
	}
	var b strings.Builder
	b.WriteString("---\n")
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(m); err != nil {
		return "", err
	}
	if err := enc.Close(); err != nil {
		return "", err
	}
	for _, c := range comments {
		b.WriteString("#" + commentText(c) + "\n")
	}
	b.WriteString("---\n")
	return b.String(), nil
}

// commentText keeps s on its comment line: YAML ends a comment at any line
// break (including NEL, U+2028 and U+2029) and refuses control characters
// anywhere in a file, so each of those becomes a space.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || unicode.IsPrint(r) {
			return r
		}
		return ' '
	}, s)
}

// lineBreaks matches a run of line breaks with the spaces around them.
var lineBreaks = regexp.MustCompile(`[ \t]*(?:[\r\n\x{85}\x{2028}\x{2029}][ \t]*)+`)

// oneLine makes a title given on the command line one line: a headline
// has no line breaks, so each run of them becomes one space. The YAML
// encoder would keep them, but every page, feed and list shows a title
// on one line.
func oneLine(title string) (string, error) {
	if !utf8.ValidString(title) {
		return "", errors.New("the title is not valid UTF-8; write it in a UTF-8 terminal")
	}
	return strings.TrimSpace(lineBreaks.ReplaceAllString(title, " ")), nil
}
