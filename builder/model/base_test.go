package model

import "testing"

func TestWithBase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{`<a href="/actors/x/" class="mention">X</a>`, `<a href="/repo/actors/x/" class="mention">X</a>`},
		{`<img src="/static/a.png" alt="">`, `<img src="/repo/static/a.png" alt="">`},
		{`<a href="//cdn.example/x">`, `<a href="//cdn.example/x">`},
		{`<a href="https://example.org/x">`, `<a href="https://example.org/x">`},
		{`<a href="rel/x">`, `<a href="rel/x">`},
		{`<p>data-x="/not/an/attr"</p>`, `<p>data-x="/not/an/attr"</p>`},
		{`<a href="/">home</a>`, `<a href="/repo/">home</a>`},
		{`text with no links`, `text with no links`},
		{`<a href="/a/"></a><a href="/b/"></a>`, `<a href="/repo/a/"></a><a href="/repo/b/"></a>`},
	} {
		if got := WithBase(tc.in, "/repo/"); got != tc.want {
			t.Errorf("WithBase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	var s Source
	s.SetHTML(`<a href="/actors/x/">X</a>`)
	if s.HTML() != `<a href="/actors/x/">X</a>` {
		t.Errorf("without a base: %s", s.HTML())
	}
	s.SetBase("/b/")
	if s.HTML() != `<a href="/b/actors/x/">X</a>` {
		t.Errorf("with base /b/: %s", s.HTML())
	}
}
