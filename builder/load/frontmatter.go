package load

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"
)

// Front matter formats.
const (
	YAML = "yaml"
	TOML = "toml"
)

// Split separates front matter from the body of a Markdown file. It returns
// the format ("yaml", "toml", or "" when the file has no front matter), the
// front matter text, the 1-based line where that text starts, the body and
// the line where the body starts. An opening fence without a closing one is
// an error.
func Split(data []byte) (format string, fm []byte, fmLine int, body []byte, bodyLine int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	first, rest, _ := cutLine(data)
	fence := string(bytes.TrimRight(first, " \t\r"))
	switch fence {
	case "---":
		format = YAML
	case "+++":
		format = TOML
	default:
		return "", nil, 0, data, 1, nil
	}
	line := 2
	start := rest
	offset := 0
	for len(rest) > 0 {
		l, next, _ := cutLine(rest)
		t := string(bytes.TrimRight(l, " \t\r"))
		if t == fence || (format == YAML && t == "...") {
			fm = start[:offset]
			return format, fm, 2, next, line + 1, nil
		}
		offset += len(rest) - len(next)
		rest = next
		line++
	}
	return format, nil, 2, nil, 0, fmt.Errorf("front matter opened with %q on line 1 is never closed", fence)
}

func cutLine(b []byte) (line, rest []byte, found bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i], b[i+1:], true
	}
	return b, nil, false
}

// field is one front matter value with the line of its key in the file.
type field struct {
	val  any // string, bool, int64, float64, time.Time, []any, map[string]any
	line int
	kind string // "scalar", "list", "map": the shape as written
}

// fields is a decoded front matter.
type fields map[string]field

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlParserProblems are the messages of yaml.v3 parser (not scanner)
// errors, whose "line N" is 0-based (see (*parser).fail in yaml.v3).
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// decodeYAML decodes YAML front matter whose first line is line fmLine of
// the file; error positions are shifted to count lines in the file.
func decodeYAML(fm []byte, fmLine int) (fields, map[string]any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		return nil, nil, shiftYAMLError(err, fmLine)
	}
	out := fields{}
	params := map[string]any{}
	if len(doc.Content) == 0 {
		return out, params, nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nil, &posError{line: fmLine + root.Line - 1, msg: "front matter must be a list of key: value lines"}
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		key := strings.ToLower(k.Value)
		var generic any
		if err := v.Decode(&generic); err != nil {
			return nil, nil, &posError{line: fmLine + v.Line - 1, msg: fmt.Sprintf("%s: %v", k.Value, err)}
		}
		params[key] = generic
		out[key] = field{val: yamlValue(v), line: fmLine + k.Line - 1, kind: yamlKind(v)}
	}
	return out, params, nil
}

// yamlValue keeps scalars as the text written, so that "2022-02-07" or
// "1984" stay what the author typed; lists become []any of such values.
func yamlValue(n *yaml.Node) any {
	switch n.Kind {
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!bool":
			b, _ := strconv.ParseBool(strings.ToLower(n.Value))
			if strings.EqualFold(n.Value, "yes") || strings.EqualFold(n.Value, "on") {
				b = true
			}
			return b
		case "!!null":
			return nil
		}
		return n.Value
	case yaml.SequenceNode:
		l := make([]any, len(n.Content))
		for i, c := range n.Content {
			l[i] = yamlValue(c)
		}
		return l
	case yaml.AliasNode:
		if n.Alias != nil {
			return yamlValue(n.Alias)
		}
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = yamlValue(n.Content[i+1])
		}
		return m
	}
	return nil
}

func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "list"
	case yaml.MappingNode:
		return "map"
	}
	return "scalar"
}

func shiftYAMLError(err error, fmLine int) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if te, ok := err.(*yaml.TypeError); ok && len(te.Errors) > 0 {
		msg = te.Errors[0]
	}
	line := fmLine
	if m := yamlLine.FindStringSubmatchIndex(msg); m != nil {
		n, _ := strconv.Atoi(msg[m[2]:m[3]])
		line = fmLine + n - 1
		msg = strings.TrimLeft(msg[:m[0]]+msg[m[1]:], ": ")
		if yamlParserProblems[msg] {
			line++ // yaml.v3 counts from 0 in parser errors, from 1 in scanner errors
		}
	}
	return &posError{line: line, msg: "YAML front matter: " + msg}
}

// decodeTOML decodes TOML front matter starting at line fmLine of the file.
func decodeTOML(fm []byte, fmLine int) (fields, map[string]any, error) {
	params := map[string]any{}
	if err := toml.Unmarshal(fm, &params); err != nil {
		line := fmLine
		msg := err.Error()
		if de, ok := err.(*toml.DecodeError); ok {
			row, _ := de.Position()
			line = fmLine + row - 1
		}
		return nil, nil, &posError{line: line, msg: "TOML front matter: " + strings.TrimPrefix(msg, "toml: ")}
	}
	lines := tomlKeyLines(fm, fmLine)
	out := fields{}
	lower := map[string]any{}
	for k, v := range params {
		key := strings.ToLower(k)
		lower[key] = v
		kind := "scalar"
		switch v.(type) {
		case []any:
			kind = "list"
		case map[string]any:
			kind = "map"
		}
		out[key] = field{val: tomlValue(v), line: lines[k], kind: kind}
	}
	return out, lower, nil
}

var tomlKey = regexp.MustCompile(`^\s*("?)([A-Za-z0-9_-]+)("?)\s*=`)

// tomlKeyLines finds the line of each top-level key; go-toml does not report
// positions of decoded values, and a key line is enough for messages.
func tomlKeyLines(fm []byte, fmLine int) map[string]int {
	out := map[string]int{}
	inTable := false
	for i, l := range strings.Split(string(fm), "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "[") {
			inTable = true
			continue
		}
		if inTable {
			continue
		}
		if m := tomlKey.FindStringSubmatch(l); m != nil {
			if _, seen := out[m[2]]; !seen {
				out[m[2]] = fmLine + i
			}
		}
	}
	return out
}

func tomlValue(v any) any {
	switch x := v.(type) {
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = tomlValue(e)
		}
		return l
	case toml.LocalDate:
		return x.String()
	case toml.LocalDateTime:
		return x.String()
	case time.Time:
		return x.Format(time.RFC3339)
	}
	return v
}

// posError is an error at a line of the file.
type posError struct {
	line int
	msg  string
}

func (e *posError) Error() string { return e.msg }
