package load

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefhq/brief/builder/diag"
)

// checkDiags fails when a diagnostic names another file or a line the
// file does not have, or carries invalid UTF-8 into a terminal.
func checkDiags(t *testing.T, file, data string, ds []diag.Diagnostic) {
	t.Helper()
	lines := strings.Count(data, "\n") + 1
	for _, d := range ds {
		if d.File != file || d.Line < 0 || d.Line > lines {
			t.Fatalf("diagnostic %+v outside %s (%d lines)", d, file, lines)
		}
		if d.Msg == "" {
			t.Fatalf("diagnostic without a message: %+v", d)
		}
		if !utf8.ValidString(d.Msg) || !utf8.ValidString(d.Hint) {
			t.Fatalf("diagnostic with invalid UTF-8: %+v", d)
		}
	}
}

func hasErrors(ds []diag.Diagnostic) bool {
	for _, d := range ds {
		if d.Severity == diag.Error {
			return true
		}
	}
	return false
}

// validSlug reports whether s is a slug as docs/content.md defines it.
func validSlug(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

func FuzzEvent(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Talks\ndate: 2022-02-07\nend: 2022-02-08\nplace: kremlin\nactors: [putin, macron]\nrelated: [x]\n---\nText",
		"---\ntitle: T\ndate: 2022-02\nend: 2022-01\n---\n", "---\ntitle: T\ndate: 2022-13-40\n---\n", "---\ndate: [1, 2]\nactors: {a: b}\n---\n",
		"+++\ntitle = \"T\"\ndate = 2022-02-07\nactors = [\"a\", 1]\n+++\n", "---\ntitle: T\ndate: 2022-02-07T25:00:00Z\nslug: A B\n---\n",
		"---\ntitle: T\ndate: 0001-01-01\n---\n", "---\ntitle: \"\\x1b]0;x\\a\"\ndate: 2022\nplace: \"../../x\"\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		const file = "content/events/x.md"
		ev, ds := Event(file, []byte(data))
		checkDiags(t, file, data, ds)
		if ev != nil && !hasErrors(ds) {
			if !validSlug(ev.Slug) {
				t.Fatalf("event accepted with slug %q", ev.Slug)
			}
			if ev.Date.IsZero() {
				t.Fatalf("event accepted without a date: %q", data)
			}
			if !ev.End.IsZero() && ev.End.Start.Before(ev.Date.Start) {
				t.Fatalf("event accepted that ends (%v) before it starts (%v)", ev.End, ev.Date)
			}
		}
	})
}

func FuzzActor(f *testing.F) {
	for _, s := range []string{
		"---\nname: Olaf Scholz\nkind: person\naliases: [Scholz, Chancellor Scholz]\nmisspellings: [Schulz]\ncountry: germany\nwikidata: Q61053\n---\nText",
		"---\nname: \nkind: planet\n---\n", "---\nname: X\naliases: X\n---\n", "---\nname: [a]\nwikidata: 12\n---\n",
		"+++\nname = \"N\"\naliases = [\"\", \"a\"]\n+++\n", "---\nname: N\nmisspellings: [N]\naliases: [\"  \", \"\\u0000\"]\n---\n",
		"---\nname: \"<script>alert(1)</script>\"\nrole: \"\\x1b[2J\"\n---\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		const file = "content/actors/x.md"
		a, ds := Actor(file, []byte(data))
		checkDiags(t, file, data, ds)
		if a != nil && !hasErrors(ds) {
			if !validSlug(a.Slug) {
				t.Fatalf("actor accepted with slug %q", a.Slug)
			}
			if strings.TrimSpace(a.Name) == "" {
				t.Fatalf("actor accepted without a name: %q", data)
			}
		}
	})
}

func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"title: T\nbase_url: https://user.github.io/repo/\nlanguage: en\n", "base_url: /x\n", "base_url: javascript:alert(1)\n",
		"boilerplate: ['(', '^a$']\n", "title: [x]\nauto_events: maybe\nunsafe_html: 1\n", "cname: \"a b\"\n", "- a\n- b\n",
		"base_url: https://example.org/a b/?q#f\n", "title: &a x\ndescription: *a\n", "\xff\xfe", "params: {a: {b: {c: 1}}}\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		cfg, ds := Config([]byte(data))
		for _, d := range ds {
			if d.File != ConfigFile && d.File != "" {
				t.Fatalf("diagnostic %+v names another file", d)
			}
		}
		if !strings.HasPrefix(cfg.BasePath, "/") || !strings.HasSuffix(cfg.BasePath, "/") {
			t.Fatalf("base path %q does not start and end with /", cfg.BasePath)
		}
	})
}
