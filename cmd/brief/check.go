package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/briefhq/brief/builder"
	"github.com/briefhq/brief/builder/diag"
	"github.com/briefhq/brief/builder/names"
)

// checkLine is one finding of "brief check --format json".
type checkLine struct {
	Kind     string `json:"kind"`
	Severity string `json:"severity"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Message  string `json:"message"`
	Hint     string `json:"hint,omitempty"`
	// Unknown names only.
	Name     string `json:"name,omitempty"`
	Count    int    `json:"count,omitempty"`
	Articles int    `json:"articles,omitempty"`
	Command  string `json:"command,omitempty"`
}

// checkSummary is the last line of "brief check --format json".
type checkSummary struct {
	Kind     string `json:"kind"` // "summary"
	OK       bool   `json:"ok"`
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Articles int    `json:"articles"`
	Events   int    `json:"events"`
	Actors   int    `json:"actors"`
}

// kindOf names the check a diagnostic comes from.
func kindOf(d diag.Diagnostic) string {
	if d.Severity == diag.Error {
		return "error"
	}
	switch {
	case strings.HasPrefix(d.Msg, "removed boilerplate"):
		return "boilerplate"
	case strings.HasPrefix(d.Msg, "read a heading glued"):
		return "heading"
	case strings.Contains(d.Msg, "may be a misspelling of"):
		return "misspelling"
	case strings.HasPrefix(d.Msg, "unknown name"):
		return "unknown-name"
	case strings.HasPrefix(d.Msg, "the article mentions no actor"):
		return "no-actor"
	case strings.HasPrefix(d.Msg, "not read"):
		return "ignored"
	}
	return "warning"
}

func cmdCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [-s SOURCE] [--drafts] [--format text|json] [--strict]", stderr)
	src := sourceFlag(fs)
	drafts := fs.Bool("drafts", false, "include articles marked draft: true")
	format := fs.String("format", "text", "output `format`: text, or json (one JSON object a line)")
	strict := fs.Bool("strict", false, "exit 1 when there are warnings, not only errors")
	pos, code := parse(fs, args, stdout)
	if code >= 0 {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "brief check: unexpected argument %q\n", pos[0])
		return exitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "brief check: --format %q: use text or json\n", *format)
		return exitUsage
	}
	asJSON := *format == "json"
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	res, err := builder.Build(ctx, builder.Options{Source: *src, Drafts: *drafts, CheckOnly: true})
	if err != nil {
		var ds diag.Errors
		if asJSON && errors.As(err, &ds) {
			for _, d := range ds {
				_ = enc.Encode(lineOf(d))
			}
			_ = enc.Encode(checkSummary{Kind: "summary", Errors: len(ds)})
			return exitContent
		}
		return report(err, stdout)
	}
	warnings := append([]diag.Diagnostic(nil), res.Warnings...)
	diag.Sort(warnings)
	for _, f := range res.Ignored {
		warnings = append(warnings, diag.Diagnostic{File: f, Severity: diag.Warning,
			Msg:  "not read",
			Hint: "articles are .md, .txt or .html under content/articles/, events and actors .md directly in content/events/ and content/actors/"})
	}
	rep := names.Check(res.Site)
	nameDs := rep.Diagnostics()
	s := res.Site
	total := len(warnings) + len(nameDs)
	if asJSON {
		for _, d := range warnings {
			_ = enc.Encode(lineOf(d))
		}
		for _, d := range rep.Misspellings {
			_ = enc.Encode(lineOf(d))
		}
		for _, u := range rep.Unknown {
			_ = enc.Encode(checkLine{Kind: "unknown-name", Severity: "warning", File: u.File, Line: u.Line,
				Message: fmt.Sprintf("unknown name %q", u.Name), Hint: "add it with: " + u.Command(),
				Name: u.Name, Count: u.Count, Articles: u.Articles, Command: u.Command()})
		}
		for _, d := range rep.Unmentioned {
			_ = enc.Encode(lineOf(d))
		}
		_ = enc.Encode(checkSummary{Kind: "summary", OK: !*strict || total == 0, Warnings: total,
			Articles: len(s.Articles), Events: len(s.Events), Actors: len(s.Actors)})
	} else {
		for _, d := range warnings {
			fmt.Fprintln(stdout, d)
		}
		if len(rep.Misspellings) > 0 {
			fmt.Fprintf(stdout, "\nPossible misspellings of actors' names (%d):\n", len(rep.Misspellings))
			for _, d := range rep.Misspellings {
				fmt.Fprintln(stdout, d)
			}
		}
		if len(rep.Unknown) > 0 {
			fmt.Fprintf(stdout, "\nNames that match no actor, most frequent first (%d):\n", len(rep.Unknown))
			for _, u := range rep.Unknown {
				fmt.Fprintf(stdout, "%5d× %-32s %s:%d  (%d article%s)  %s\n", u.Count, fmt.Sprintf("%q", u.Name), diag.Escape(u.File), u.Line, u.Articles, map[bool]string{true: "", false: "s"}[u.Articles == 1], u.Command())
			}
		}
		if len(rep.Unmentioned) > 0 {
			fmt.Fprintf(stdout, "\nArticles that mention no actor (%d):\n", len(rep.Unmentioned))
			for _, d := range rep.Unmentioned {
				fmt.Fprintln(stdout, d)
			}
		}
		if total > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(unlessQuiet(fs, stdout), "OK: %d articles, %d events, %d actors. %d warning%s.\n", len(s.Articles), len(s.Events), len(s.Actors), total, map[bool]string{true: "", false: "s"}[total == 1])
	}
	if *strict && total > 0 {
		if !asJSON {
			fmt.Fprintln(stdout, "--strict: warnings count as errors.")
		}
		return exitContent
	}
	return exitOK
}

func lineOf(d diag.Diagnostic) checkLine {
	sev := "warning"
	if d.Severity == diag.Error {
		sev = "error"
	}
	return checkLine{Kind: kindOf(d), Severity: sev, File: d.File, Line: d.Line, Col: d.Col, Message: d.Msg, Hint: d.Hint}
}
