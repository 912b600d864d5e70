package load

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/diag"
)

// TestConfigUnknownKeys: every key site.yaml does not know is a warning
// at its line, with the known key it is likely a misspelling of; known
// keys, keys of any case and the free-form params are not.
func TestConfigUnknownKeys(t *testing.T) {
	type want struct {
		line int
		msg  string
		hint string // substring
	}
	tests := []struct {
		name string
		yaml string
		want []want
	}{
		{"known keys", "title: T\ndescription: D\nlanguage: fr\nunsafe_html: false\ncname: a.example\nboilerplate: []\nauto_events: true\nfeeds: full\nbase_url: /x/\n", nil},
		{"case-insensitive", "Title: T\nBASE_URL: /x/\n", nil},
		{"misspelt title", "titel: T\n", []want{{1, "unknown key titel", "did you mean title?"}}},
		{"misspelt base_url", "title: T\nbaseurl: https://example.org/\n", []want{{2, "unknown key baseurl", "did you mean base_url?"}}},
		{"misspelt auto_events", "title: T\n\nautoevents: false\n", []want{{3, "unknown key autoevents", "did you mean auto_events?"}}},
		{"no near key", "title: T\ntwitter_handle: x\n", []want{{2, "unknown key twitter_handle", "under params:"}}},
		{"several", "titel: T\ndescripton: D\n", []want{{1, "unknown key titel", "title"}, {2, "unknown key descripton", "description"}}},
		{"params are free", "params:\n  twitter_handle: x\n  anything: [1, 2]\n", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ds := Config([]byte(tc.yaml))
			var got []diag.Diagnostic
			for _, d := range ds {
				if d.Severity == diag.Error {
					t.Errorf("error: %s", d)
				} else {
					got = append(got, d)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("warnings = %v, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				d := got[i]
				if d.File != ConfigFile || d.Line != w.line || d.Msg != w.msg || !strings.Contains(d.Hint, w.hint) {
					t.Errorf("warning %d = %s (hint %q), want %s:%d: %s (hint with %q)", i, d, d.Hint, ConfigFile, w.line, w.msg, w.hint)
				}
			}
		})
	}
}

// TestConfigUnknownNestedKeys: a key whose value is a map of known keys
// has its entries checked too, with suggestions from its own keys.
func TestConfigUnknownNestedKeys(t *testing.T) {
	siteKeys["test_nested"] = []string{"articles", "chronology"}
	defer delete(siteKeys, "test_nested")
	_, ds := Config([]byte("title: T\ntest_nested:\n  articles: 10\n  chronolgy: 20\n  colour: red\n"))
	want := []string{
		"site.yaml:4: warning: unknown key test_nested.chronolgy (did you mean chronology?)",
		"site.yaml:5: warning: unknown key test_nested.colour (test_nested takes articles, chronology)",
	}
	if got := fmt.Sprint(ds); got != fmt.Sprint(want) {
		t.Errorf("diagnostics = %v\nwant %v", got, want)
	}
}

// TestConfigParams: keys under params: are reachable at the top of
// Params, where templates found keys of their own before; a top-level key
// keeps its value.
func TestConfigParams(t *testing.T) {
	cfg, _ := Config([]byte("title: T\nhandle: top\nparams:\n  handle: nested\n  colour: red\n"))
	if cfg.Params["colour"] != "red" || cfg.Params["handle"] != "top" {
		t.Errorf("params = %v", cfg.Params)
	}
}

// TestConfigFeeds: feeds is summary (the default) or full; anything else
// is an error at its line.
func TestConfigFeeds(t *testing.T) {
	for _, tc := range []struct {
		yaml string
		full bool
		err  bool
	}{
		{"title: T\n", false, false},
		{"feeds: summary\n", false, false},
		{"feeds: full\n", true, false},
		{"title: T\nfeeds: fulltext\n", false, true},
	} {
		cfg, ds := Config([]byte(tc.yaml))
		if cfg.FullFeeds != tc.full {
			t.Errorf("%q: FullFeeds = %v", tc.yaml, cfg.FullFeeds)
		}
		if tc.err {
			assertOne(t, ds, ConfigFile, 2, "summary or full")
		} else {
			noErrors(t, ds)
		}
	}
}
