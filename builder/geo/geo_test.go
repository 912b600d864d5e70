package geo

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/briefhq/brief/builder/model"
)

// TestLookup finds countries by name, common other names, in any case
// and with or without accents, and by ISO code.
func TestLookup(t *testing.T) {
	for _, tt := range []struct{ in, alpha2 string }{
		{"Russia", "RU"}, {"Russian Federation", "RU"}, {"russia", "RU"},
		{"UK", "GB"}, {"United Kingdom", "GB"}, {"Britain", "GB"}, {"Great Britain", "GB"},
		{"United States", "US"}, {"United States of America", "US"}, {"USA", "US"}, {"U.S.", "US"},
		{"Türkiye", "TR"}, {"Turkiye", "TR"}, {"Turkey", "TR"},
		{"the Netherlands", "NL"}, {"Holland", "NL"},
		{"Côte d’Ivoire", "CI"}, {"Ivory Coast", "CI"},
		{"Congo", "CG"}, {"DR Congo", "CD"}, {"Dem. Rep. Congo", "CD"},
		{"Bosnia and Herz.", "BA"}, {"Kosovo", "XK"}, {"Czechia", "CZ"}, {"Czech Republic", "CZ"},
		{"UA", "UA"}, {"ukr", "UA"}, {"804", "UA"}, {"FR", "FR"}, {"250", "FR"}, {" 040 ", "AT"},
		{"Malta", "MT"}, // too small for 1:110m, but still found
	} {
		c, ok := Lookup(tt.in)
		if !ok || c.Alpha2 != tt.alpha2 {
			got := "nothing"
			if ok {
				got = c.Alpha2
			}
			t.Errorf("Lookup(%q) = %s, want %s", tt.in, got, tt.alpha2)
		}
	}
	for _, in := range []string{"", "Atlantis", "Moscow", "999", "ZZ"} {
		if c, ok := Lookup(in); ok {
			t.Errorf("Lookup(%q) = %s, want nothing", in, c.Name)
		}
	}
	if c, ok := Lookup("Somaliland"); !ok || c.Alpha2 != "" || len(c.rings) == 0 {
		t.Errorf("Somaliland: a drawn territory without a code, got %+v", c)
	}
}

// TestBoundaries checks the embedded boundaries against known places:
// each city lies in its country's box and polygon and in no neighbour's.
func TestBoundaries(t *testing.T) {
	for _, tt := range []struct {
		city     string
		lat, lon float64
		in, out  string
	}{
		{"Paris", 48.8566, 2.3522, "FR", "DE"},
		{"Kyiv", 50.45, 30.52, "UA", "RU"},
		{"Moscow", 55.75, 37.62, "RU", "UA"},
		{"Berlin", 52.52, 13.40, "DE", "PL"},
		{"Washington", 38.9, -77.04, "US", "CA"},
		{"Canberra", -35.28, 149.13, "AU", "NZ"},
		{"Thaba-Tseka", -29.52, 28.61, "LS", "ZA"}, // in the hole of South Africa
	} {
		in, _ := Lookup(tt.in)
		out, _ := Lookup(tt.out)
		if tt.lat < in.South || tt.lat > in.North || tt.lon < in.West || tt.lon > in.East {
			t.Errorf("%s outside %s's box %v %v %v %v", tt.city, in.Name, in.West, in.South, in.East, in.North)
		}
		if !in.Contains(tt.lat, tt.lon) {
			t.Errorf("%s not in %s", tt.city, in.Name)
		}
		if out.Contains(tt.lat, tt.lon) {
			t.Errorf("%s in %s", tt.city, out.Name)
		}
		if c, ok := At(tt.lat, tt.lon); !ok || c != in {
			t.Errorf("At(%s) = %v, want %s", tt.city, c, in.Name)
		}
	}
	if c, ok := At(0, -30); ok {
		t.Errorf("mid-Atlantic is in %s", c.Name)
	}
	load()
	drawn := 0
	for _, c := range data.countries {
		if len(c.rings) > 0 {
			drawn++
		}
		for _, r := range c.rings {
			if len(r.pts) < 4 {
				t.Errorf("%s has a ring of %d points", c.Name, len(r.pts))
			}
		}
	}
	if drawn != 176 {
		t.Errorf("%d countries with boundaries, want the 177 of Natural Earth 1:110m but Antarctica", drawn)
	}
}

// parse checks that s is well-formed XML with an svg root and returns
// its elements' names with their class attribute.
func parse(t *testing.T, s string) []string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	var out []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v\n%s", err, s)
		}
		if e, ok := tok.(xml.StartElement); ok {
			n := e.Name.Local
			for _, a := range e.Attr {
				if a.Name.Local == "class" {
					n += "." + a.Value
				}
			}
			out = append(out, n)
		}
	}
	if len(out) == 0 || !strings.HasPrefix(out[0], "svg") {
		t.Fatalf("not an svg: %.80s", s)
	}
	return out
}

func has(els []string, name string) bool {
	for _, e := range els {
		if e == name {
			return true
		}
	}
	return false
}

// TestLocator: maps of a city, a small country and a vast one are small,
// well-formed, named for screen readers, and the same every time.
func TestLocator(t *testing.T) {
	ua, _ := Lookup("Ukraine")
	be, _ := Lookup("Belgium")
	ru, _ := Lookup("Russia")
	for _, tt := range []struct {
		p    Place
		name string
		dot  bool
	}{
		{Place{Name: "Kyiv", Country: ua, Coordinates: &[2]float64{50.45, 30.52}}, "Map: Kyiv, in Ukraine", true},
		{Place{Name: "Belgium", Country: be}, "Map: Belgium", false},
		{Place{Name: "Russia", Country: ru}, "Map: Russia, in Russian Federation", false},
		{Place{Name: "Vladivostok", Country: ru, Coordinates: &[2]float64{43.12, 131.89}}, "Map: Vladivostok, in Russian Federation", true},
		{Place{Name: "Bern", Coordinates: &[2]float64{46.95, 7.45}}, "Map: Bern, in Switzerland", true},
		{Place{Name: "Point Nemo", Coordinates: &[2]float64{-48.88, -123.39}}, "Map: Point Nemo", true},
	} {
		s := string(Locator(tt.p))
		els := parse(t, s)
		if !strings.Contains(s, `role="img"`) || !strings.Contains(s, ">"+tt.name+"</title>") {
			t.Errorf("%s: no role or name %q: %.200s", tt.p.Name, tt.name, s)
		}
		if has(els, "circle.geo-dot") != tt.dot {
			t.Errorf("%s: dot drawn = %v, want %v", tt.p.Name, !tt.dot, tt.dot)
		}
		if tt.p.Country != nil && !has(els, "path.geo-hl") {
			t.Errorf("%s: country not highlighted", tt.p.Name)
		}
		if len(s) > 8<<10 {
			t.Errorf("%s: %d bytes, want a few KB", tt.p.Name, len(s))
		}
		if again := string(Locator(tt.p)); again != s {
			t.Errorf("%s: output differs between calls", tt.p.Name)
		}
		if strings.Contains(s, "width=\"320\" height") && strings.Contains(s, "<svg width") {
			t.Errorf("%s: fixed pixel size", tt.p.Name)
		}
	}
	if s := Locator(Place{Name: "Nowhere"}); s != "" {
		t.Errorf("nothing to locate drew %q", s)
	}
	mt, _ := Lookup("Malta")
	if s := Locator(Place{Name: "Malta", Country: mt}); s != "" {
		t.Errorf("a country without a boundary or a point drew %.80q", s)
	}
}

// TestWorldMap: every country outlined and one dot a place, well under
// the size of a page even with thousands of events.
func TestWorldMap(t *testing.T) {
	var pts []WorldPoint
	for i := range 5000 {
		pts = append(pts, WorldPoint{Lat: float64(i%140) - 55, Lon: float64(i%360) - 180, Title: "E"})
	}
	s := string(WorldMap(pts, "Map of the events", nil))
	els := parse(t, s)
	dots := 0
	for _, e := range els {
		if e == "circle.geo-dot" {
			dots++
		}
	}
	if dots == 0 || dots > 5000 {
		t.Errorf("%d dots", dots)
	}
	if len(s) > 400<<10 {
		t.Errorf("world map of 5,000 points is %d bytes", len(s))
	}
	small := string(WorldMap(pts[:3], "Map of the events", nil))
	parse(t, small)
	if len(small) > 40<<10 {
		t.Errorf("world map of 3 points is %d bytes, want under 40 KB", len(small))
	}
	if WorldMap(nil, "x", nil) != "" {
		t.Error("map without points")
	}
}

// TestFor finds the place of events and actors from the model.
func TestFor(t *testing.T) {
	ukraine := &model.Actor{Name: "Ukraine", Kind: model.Country}
	kyiv := &model.Actor{Name: "Kyiv", Kind: model.Place, Country: ukraine, Coordinates: &[2]float64{50.45, 30.52}}
	for _, tt := range []struct {
		v    any
		want string // in the title; "" for no map
	}{
		{ukraine, "Map: Ukraine"},
		{&model.Actor{Name: "Britain", Kind: model.Country, Aliases: []string{"UK"}}, "Map: Britain, in United Kingdom"},
		{kyiv, "Map: Kyiv, in Ukraine"},
		{&model.Actor{Name: "Vladimir Putin", Kind: model.Person}, ""},
		{&model.Event{Place: "Kyiv", PlaceActor: kyiv}, "Map: Kyiv, in Ukraine"},
		{&model.Event{Place: "Across Ukraine"}, "Map: Across Ukraine, in Ukraine"},
		{&model.Event{Place: "Ukraine's borders, Belarus and Crimea"}, "in Ukraine"},
		{&model.Event{Place: "Talks in Geneva"}, ""},
		{&model.Event{Place: "Bern", Coordinates: &[2]float64{46.95, 7.45}}, "Map: Bern, in Switzerland"},
		{&model.Event{Place: "White House, Washington"}, ""},
	} {
		h, err := For(tt.v)
		if err != nil {
			t.Fatal(err)
		}
		if s := string(h); (tt.want == "") != (s == "") || !strings.Contains(s, tt.want) {
			t.Errorf("For(%+v) = %.160q, want %q", tt.v, s, tt.want)
		}
	}
	if _, err := For("x"); err == nil {
		t.Error("For(string) gave no error")
	}
	evs := []*model.Event{{Title: "A", PlaceActor: kyiv}, {Title: "B", Place: "somewhere"}, {Title: "C", Place: "France"}}
	if s := string(Events(evs, "Map", nil)); !strings.Contains(s, "2 places marked: A; C.") {
		t.Errorf("world map: %.300s", s)
	}
}
