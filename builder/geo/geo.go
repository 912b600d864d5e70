// Package geo finds countries by name or ISO code and draws small maps
// as inline SVG: a locator map of the region around a place or a country,
// and a world map of many places. The boundaries are Natural Earth's
// 1:110m countries, embedded in the binary (see README.md), so maps need
// no tiles and no network and work from file://. Colours come from the
// page (currentColor and the geo-* classes of the theme), so dark mode
// and print follow the page's own styles.
package geo

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/briefhq/brief/builder/geo/internal/geodata"
)

//go:embed countries.bin
var countriesBin []byte

// Country is a country or territory of the boundary data.
type Country struct {
	Name    string // English name, e.g. "Russian Federation"
	Alpha2  string // ISO 3166-1 alpha-2, e.g. "RU"; "" for territories without a code
	Alpha3  string // ISO 3166-1 alpha-3, e.g. "RUS"
	Numeric int    // ISO 3166-1 numeric, e.g. 643
	// West, South, East and North bound the country's boundary in
	// degrees; all zero for the small countries 1:110m does not draw.
	West, South, East, North float64

	rings []ring
}

// ring is one closed boundary line with its bounding box, in units of
// 1/geodata.Scale degree.
type ring struct {
	pts                    []geodata.Point
	minX, minY, maxX, maxY int32
}

var data struct {
	once      sync.Once
	countries []*Country
	byKey     map[string]*Country // names and aliases
	byCode    map[string]*Country // ISO codes, upper case
}

// load decodes the embedded file once. The file is built and tested
// with the package, so a decoding error is a broken build, caught by
// the tests; at run time it leaves the maps empty rather than failing
// the site.
func load() {
	data.once.Do(func() {
		cs, err := geodata.Decode(countriesBin)
		if err != nil {
			return
		}
		data.byKey = map[string]*Country{}
		data.byCode = map[string]*Country{}
		for _, c := range cs {
			x := &Country{Name: c.Name, Alpha2: c.Alpha2, Alpha3: c.Alpha3, Numeric: c.Numeric}
			for _, pts := range c.Rings {
				r := ring{pts: pts, minX: pts[0].Lon, maxX: pts[0].Lon, minY: pts[0].Lat, maxY: pts[0].Lat}
				for _, p := range pts {
					r.minX, r.maxX = min(r.minX, p.Lon), max(r.maxX, p.Lon)
					r.minY, r.maxY = min(r.minY, p.Lat), max(r.maxY, p.Lat)
				}
				if len(x.rings) == 0 {
					x.West, x.South, x.East, x.North = deg(r.minX), deg(r.minY), deg(r.maxX), deg(r.maxY)
				}
				x.West, x.South = min(x.West, deg(r.minX)), min(x.South, deg(r.minY))
				x.East, x.North = max(x.East, deg(r.maxX)), max(x.North, deg(r.maxY))
				x.rings = append(x.rings, r)
			}
			data.countries = append(data.countries, x)
			for _, n := range append([]string{c.Name}, c.Aliases...) {
				if k := geodata.Key(n); k != "" {
					if _, taken := data.byKey[k]; !taken {
						data.byKey[k] = x
					}
				}
			}
			if c.Alpha2 != "" {
				data.byCode[c.Alpha2] = x
				data.byCode[c.Alpha3] = x
			}
			if c.Numeric > 0 {
				data.byCode[strconv.Itoa(c.Numeric)] = x
			}
		}
	})
}

func deg(v int32) float64 { return float64(v) / geodata.Scale }

// Lookup finds a country by its name or a common other name ("Russia",
// "Russian Federation", "UK", "Türkiye", "Turkey"), in any case and with
// or without accents, or by its ISO 3166 alpha-2, alpha-3 or numeric
// code ("UA", "UKR", "804").
func Lookup(s string) (*Country, bool) {
	load()
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		c, ok := data.byCode[strconv.Itoa(n)]
		return c, ok
	}
	if c, ok := data.byCode[strings.ToUpper(s)]; ok {
		return c, true
	}
	return byName(s)
}

// byName finds a country by name or alias only, for free text, where
// "in" and "at" are words and not the codes of India and Austria.
func byName(s string) (*Country, bool) {
	load()
	c, ok := data.byKey[geodata.Key(s)]
	return c, ok
}

// Contains reports whether the point lat, lon lies inside the country's
// boundary.
func (c *Country) Contains(lat, lon float64) bool {
	x, y := lon*geodata.Scale, lat*geodata.Scale
	in := false
	for _, r := range c.rings {
		if x < float64(r.minX) || x > float64(r.maxX) || y < float64(r.minY) || y > float64(r.maxY) {
			continue
		}
		// Even-odd ray casting: holes flip the answer back.
		for i, j := 0, len(r.pts)-1; i < len(r.pts); j, i = i, i+1 {
			a, b := r.pts[i], r.pts[j]
			ay, by := float64(a.Lat), float64(b.Lat)
			if (ay > y) != (by > y) {
				ax, bx := float64(a.Lon), float64(b.Lon)
				if x < ax+(y-ay)*(bx-ax)/(by-ay) {
					in = !in
				}
			}
		}
	}
	return in
}

// At returns the country whose boundary contains the point lat, lon.
func At(lat, lon float64) (*Country, bool) {
	load()
	for _, c := range data.countries {
		if c.Contains(lat, lon) {
			return c, true
		}
	}
	return nil, false
}
