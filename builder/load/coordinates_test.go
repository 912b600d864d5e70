package load

import (
	"testing"
)

// TestCoordinates: events and actors take coordinates as a YAML or TOML
// list, or as text copied from a map.
func TestCoordinates(t *testing.T) {
	for _, tt := range []struct {
		name, data string
	}{
		{"yaml list", "---\nname: Kyiv\nkind: place\ncoordinates: [50.45, 30.52]\n---\n"},
		{"yaml text", "---\nname: Kyiv\nkind: place\ncoordinates: \"50.45, 30.52\"\n---\n"},
		{"toml", "+++\nname = \"Kyiv\"\nkind = \"place\"\ncoordinates = [50.45, 30.52]\n+++\n"},
	} {
		a, ds := Actor("content/actors/kyiv.md", []byte(tt.data))
		noErrors(t, ds)
		if a.Coordinates == nil || *a.Coordinates != [2]float64{50.45, 30.52} {
			t.Errorf("%s: Coordinates = %v", tt.name, a.Coordinates)
		}
	}
	e, ds := Event("content/events/e.md", []byte("---\ntitle: T\ndate: 2022-02-07\ncoordinates: [46, 6]\n---\n"))
	noErrors(t, ds)
	if e.Coordinates == nil || *e.Coordinates != [2]float64{46, 6} {
		t.Errorf("event Coordinates = %v", e.Coordinates)
	}
	if e, _ := Event("content/events/e.md", []byte("---\ntitle: T\ndate: 2022-02-07\n---\n")); e.Coordinates != nil {
		t.Errorf("no key gave %v", e.Coordinates)
	}
}

// TestBadCoordinates: each mistake is reported on its line with how to
// write the key, and leaves no coordinates.
func TestBadCoordinates(t *testing.T) {
	for _, tt := range []struct {
		value string
		words []string
	}{
		{"50.45", []string{"latitude and a longitude", "[50.45, 30.52]"}},
		{"[50.45]", []string{"two numbers", "found 1"}},
		{"[50.45, east]", []string{"east is not a number"}},
		{"[30.52, 190.45]", []string{"between -90 and 90", "latitude, then longitude"}},
		{"[130.52, 50.45]", []string{"latitude comes first: write coordinates: [50.45, 130.52]"}},
		{"{lat: 1, lon: 2}", []string{"not a single map"}},
		{"\"50.45; 30.52\"", []string{"not the single value"}},
	} {
		a, ds := Actor("content/actors/kyiv.md", []byte("---\nname: Kyiv\nkind: place\n\ncoordinates: "+tt.value+"\n---\n"))
		assertOne(t, ds, "content/actors/kyiv.md", 5, tt.words...)
		if a != nil && a.Coordinates != nil {
			t.Errorf("%s: Coordinates = %v, want none", tt.value, a.Coordinates)
		}
	}
}
