package load

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "---\na: 1\n---\nbody", "+++\na = 1\n+++\n", "\xef\xbb\xbf---\r\na: 1\r\n...\r\nx",
		"--- \n\n---\t", "+++\n---\n", "no front matter\n---\n", "\xef\xbb\xbf", "---\n\xff\n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		format, fm, fmLine, body, bodyLine, err := Split(data)
		in := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		if !bytes.HasSuffix(in, body) {
			t.Fatalf("body %q is not a suffix of %q", body, in)
		}
		switch format {
		case "":
			if err != nil || !bytes.Equal(body, in) || bodyLine != 1 || fm != nil {
				t.Fatalf("no front matter: body %q line %d err %v", body, bodyLine, err)
			}
		case YAML, TOML:
			if fmLine != 2 {
				t.Fatalf("fmLine = %d", fmLine)
			}
			if err != nil {
				return
			}
			if !bytes.Contains(in, fm) {
				t.Fatalf("front matter %q not in input", fm)
			}
			// The body starts on the line after the closing fence.
			head := in[:len(in)-len(body)]
			if want := bytes.Count(head, []byte("\n")) + 1; bodyLine != want && !(len(body) == 0 && bodyLine == want+1) {
				t.Fatalf("bodyLine = %d, want %d (head %q)", bodyLine, want, head)
			}
		default:
			t.Fatalf("format %q", format)
		}
	})
}

func FuzzTextArticle(f *testing.F) {
	for _, s := range []string{
		"", "Headline\n\nText.", "Title: X\nDate: 2022-02-07\n\nText", "Title: X\nDate: 2022-02-30\nbad line\n",
		"\xef\xbb\xbfTitle:\r\n\r\n", "Date: \nEvents: a,,b, \n\n", "Tags: [x]\nSlug: ../x\n\n", "title: \xff\n",
		"Breaking: news\n", "\n\n\n", "Updated: 2022\nDraft: maybe\n\n",
	} {
		f.Add("content/articles/2022-02-07-x.txt", []byte(s))
		f.Add("content/articles/no date.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, file string, data []byte) {
		if file == "" {
			file = "a.txt"
		}
		file += ".txt"
		a, ds := Article(file, data)
		for _, d := range ds {
			if d.File != file {
				t.Fatalf("diagnostic without its file: %+v", d)
			}
			if d.Line < 0 {
				t.Fatalf("negative line: %+v", d)
			}
		}
		if a != nil && a.BodyLine < 1 {
			t.Fatalf("BodyLine = %d", a.BodyLine)
		}
	})
}

func FuzzMarkdownArticle(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: A\ndate: 2022-02-07\nevents: [a, b]\n---\nBody", "+++\ntitle = \"A\"\ndate = 2022-02-07T10:00:00Z\n[x]\ny = 1\n+++\n",
		"---\ntitle: [A\n---\n", "---\n- a\n---\n", "---\ntitle: &x A\nsummary: *x\n---\n", "+++\ntitle = \n+++\n", "---\nslug: ../x\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		const file = "content/articles/x.md"
		a, ds := Article(file, []byte(data))
		lines := strings.Count(data, "\n") + 1
		for _, d := range ds {
			if d.File != file || d.Line < 0 || d.Line > lines {
				t.Fatalf("diagnostic %+v outside the file (%d lines)", d, lines)
			}
		}
		if a != nil && !strings.HasSuffix(data, a.Body) {
			t.Fatalf("body %q is not a suffix of the file", a.Body)
		}
		Event("content/events/x.md", []byte(data))
		Actor("content/actors/x.md", []byte(data))
	})
}
