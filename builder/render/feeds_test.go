package render

import "testing"

// TestAbsLinks: every link and image of an article's HTML is resolved
// against the article's full address for a feed, and nothing else of
// the HTML changes.
func TestAbsLinks(t *testing.T) {
	const page = "https://user.github.io/repo/articles/talks/"
	tests := []struct{ name, in, want string }{
		{"site-absolute", `<p><a href="/repo/actors/putin/">Putin</a></p>`, `<p><a href="https://user.github.io/repo/actors/putin/">Putin</a></p>`},
		{"image beside the page", `<img src="map.png" alt="A map">`, `<img src="https://user.github.io/repo/articles/talks/map.png" alt="A map">`},
		{"fragment", `<a href="#fn1">1</a>`, `<a href="https://user.github.io/repo/articles/talks/#fn1">1</a>`},
		{"parent", `<a href="../other/">x</a>`, `<a href="https://user.github.io/repo/articles/other/">x</a>`},
		{"full address kept", `<a href="https://example.org/a?b=1&amp;c=2">x</a>`, `<a href="https://example.org/a?b=1&amp;c=2">x</a>`},
		{"protocol-relative kept", `<img src="//cdn.example.org/x.png">`, `<img src="//cdn.example.org/x.png">`},
		{"mailto kept", `<a href="mailto:a@example.org">a</a>`, `<a href="mailto:a@example.org">a</a>`},
		{"text untouched", `<p>5 &lt; 6 &amp; "quoted" — <em>src</em> href</p>`, `<p>5 &lt; 6 &amp; "quoted" — <em>src</em> href</p>`},
		{"escaped in attribute", `<a href="/repo/a/" title="x &amp; &quot;y&quot;">a</a>`, `<a href="https://user.github.io/repo/a/" title="x &amp; &#34;y&#34;">a</a>`},
		{"script kept as written", `<script>if (a < b && c) {}</script>`, `<script>if (a < b && c) {}</script>`},
	}
	for _, tc := range tests {
		if got := absLinks(tc.in, page); got != tc.want {
			t.Errorf("%s: absLinks(%q)\n got %q\nwant %q", tc.name, tc.in, got, tc.want)
		}
	}
	// Without a full address there is nothing to resolve against.
	in := `<a href="/actors/putin/">Putin</a>`
	if got := absLinks(in, "/articles/talks/"); got != in {
		t.Errorf("without a host: %q, want it unchanged", got)
	}
}
