package serve

import (
	"regexp"
	"testing"

	"github.com/briefhq/brief/builder/diag"
)

// The error overlay hides the page under it: with a see-through
// background the page's text showed between the errors.
func TestOverlayOpaque(t *testing.T) {
	h := overlayHTML([]diag.Diagnostic{{File: "content/events/x.md", Line: 3, Msg: "bad date"}})
	m := regexp.MustCompile(`id="brief-overlay"[^>]*style="[^"]*background:([^;"]+)`).FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("overlay has no background: %s", h)
	}
	if !regexp.MustCompile(`^#[0-9a-fA-F]{6}$`).MatchString(m[1]) {
		t.Errorf("overlay background %q is not an opaque colour", m[1])
	}
}
