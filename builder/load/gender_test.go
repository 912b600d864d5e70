package load

import "testing"

func TestActorGender(t *testing.T) {
	for _, tt := range []struct{ in, want string }{{"", ""}, {"gender: female\n", "female"}, {"gender: Male\n", "male"}, {"gender: other\n", "other"}} {
		a, ds := Actor("content/actors/x.md", []byte("---\nname: X\n"+tt.in+"---\n"))
		noErrors(t, ds)
		if a.Gender != tt.want {
			t.Errorf("%q: Gender = %q, want %q", tt.in, a.Gender, tt.want)
		}
	}
	_, ds := Actor("content/actors/x.md", []byte("---\nname: X\ngender: f\n---\n"))
	assertOne(t, ds, "content/actors/x.md", 3, "unknown gender", "f")
}
