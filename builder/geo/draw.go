package geo

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/briefhq/brief/builder/geo/internal/geodata"
)

// Place is what a locator map shows: a country, a point, or both.
type Place struct {
	// Name is what the map is of, for its accessible name ("Kyiv").
	Name string
	// Country is highlighted; nil leaves only the point, in the country
	// that contains it if any.
	Country *Country
	// Coordinates are the latitude and longitude of the point; nil draws
	// no point.
	Coordinates *[2]float64
	// ID makes the id of the map's title unique on the page.
	ID string
}

// Size of a locator map's viewBox; the SVG scales to its container.
const (
	locW, locH = 320.0, 200.0
	// minSpan and maxSpan bound the degrees of latitude a locator shows:
	// small countries keep their neighbours in view, and the map of a
	// city in a vast country stays about the city.
	minSpan, maxSpan = 8.0, 45.0
)

// Locator draws the region around a place: neighbouring countries
// outlined, the place's country highlighted, a dot at its coordinates.
// It returns "" when there is nothing to locate (no country with a
// boundary and no coordinates).
func Locator(p Place) template.HTML {
	load()
	c := p.Country
	if c == nil && p.Coordinates != nil {
		c, _ = At(p.Coordinates[0], p.Coordinates[1])
	}
	var west, south, east, north float64
	switch {
	case c != nil && len(c.rings) > 0:
		r := mainRing(c, p.Coordinates)
		west, south, east, north = deg(r.minX), deg(r.minY), deg(r.maxX), deg(r.maxY)
		if pt := p.Coordinates; pt != nil {
			west, east = min(west, pt[1]), max(east, pt[1])
			south, north = min(south, pt[0]), max(north, pt[0])
		}
	case p.Coordinates != nil:
		west, east = p.Coordinates[1], p.Coordinates[1]
		south, north = p.Coordinates[0], p.Coordinates[0]
	default:
		return ""
	}
	// Centre and scale: cos(latitude) keeps shapes true near the centre
	// (an equirectangular projection standing on the region's middle).
	latC, lonC := (south+north)/2, (west+east)/2
	k := math.Cos(latC * math.Pi / 180)
	spanY := max((north-south)*1.4, (east-west)*k*1.4*locH/locW, minSpan)
	if spanY > maxSpan && p.Coordinates != nil {
		spanY = maxSpan
		latC, lonC = p.Coordinates[0], p.Coordinates[1]
		k = math.Cos(latC * math.Pi / 180)
	}
	scale := locH / spanY // units per degree of latitude
	pr := proj{scale: scale, kx: k * scale, lon0: lonC, lat0: latC, w: locW, h: locH}

	var land, hl strings.Builder
	for _, x := range data.countries {
		for _, r := range x.rings {
			if !pr.sees(r) {
				continue
			}
			out := &land
			if x == c {
				out = &hl
			}
			pr.path(out, r.pts, 1)
		}
	}
	name := p.Name
	switch {
	case c != nil && name != "" && name != c.Name:
		name = fmt.Sprintf("Map: %s, in %s", name, c.Name)
	case name != "":
		name = "Map: " + name
	case c != nil:
		name = "Map: " + c.Name
	default:
		name = "Map"
	}
	var b strings.Builder
	id := "geo" + p.ID
	fmt.Fprintf(&b, `<svg class="geo geo-locator" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t" xmlns="http://www.w3.org/2000/svg"><title id="%s-t">%s</title>`,
		num(locW), num(locH), id, id, html.EscapeString(name))
	fmt.Fprintf(&b, `<rect class="geo-sea" width="%s" height="%s"/>`, num(locW), num(locH))
	if land.Len() > 0 {
		fmt.Fprintf(&b, `<path class="geo-land" d="%s"/>`, land.String())
	}
	if hl.Len() > 0 {
		fmt.Fprintf(&b, `<path class="geo-hl" d="%s"/>`, hl.String())
	}
	if pt := p.Coordinates; pt != nil {
		x, y := pr.xy(pt[1], pt[0])
		fmt.Fprintf(&b, `<circle class="geo-ring" cx="%s" cy="%s" r="7"/><circle class="geo-dot" cx="%s" cy="%s" r="3.5"/>`, num(x), num(y), num(x), num(y))
	}
	fmt.Fprintf(&b, `<rect class="geo-frame" width="%s" height="%s"/></svg>`, num(locW), num(locH))
	return template.HTML(b.String())
}

// mainRing is the ring that holds the point, or else the largest: a
// country's far-off islands and territories (French Guiana, Alaska)
// would otherwise shrink the map to nothing.
func mainRing(c *Country, pt *[2]float64) ring {
	best, area := c.rings[0], int64(-1)
	for _, r := range c.rings {
		if pt != nil {
			one := &Country{rings: []ring{r}}
			if one.Contains(pt[0], pt[1]) {
				return r
			}
		}
		if a := int64(r.maxX-r.minX) * int64(r.maxY-r.minY); a > area {
			best, area = r, a
		}
	}
	return best
}

// WorldPoint is one place on the world map.
type WorldPoint struct {
	Lat, Lon float64
	Title    string
}

// Size of the world map: 2 units a degree from 180°W to 180°E and from
// 84°N to 58°S, which leaves out Antarctica and the empty far north.
const (
	worldW, worldN, worldS = 720.0, 84.0, -58.0
	worldScale             = worldW / 360
)

// WorldMap draws every country's outline and a dot per point. label is
// its accessible name; marked says how many places it marks, in the
// page's language ("3 places marked"; English when nil). It returns ""
// without points.
func WorldMap(points []WorldPoint, label string, marked func(n int) string) template.HTML {
	if len(points) == 0 {
		return ""
	}
	load()
	h := (worldN - worldS) * worldScale
	pr := proj{scale: worldScale, kx: worldScale, lon0: 0, lat0: (worldN + worldS) / 2, w: worldW, h: h}
	var land strings.Builder
	for _, c := range data.countries {
		for _, r := range c.rings {
			if pr.sees(r) {
				pr.path(&land, r.pts, 1.2)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="geo geo-world" viewBox="0 0 %s %s" role="img" aria-labelledby="geo-world-t" aria-describedby="geo-world-d" xmlns="http://www.w3.org/2000/svg"><title id="geo-world-t">%s</title>`,
		num(worldW), num(h), html.EscapeString(label))
	var names []string
	seen := map[string]bool{}
	for _, p := range points {
		if !seen[p.Title] {
			seen[p.Title] = true
			names = append(names, p.Title)
		}
	}
	if marked == nil {
		marked = func(n int) string { return strconv.Itoa(n) + " places marked" }
	}
	desc := marked(len(points))
	if len(names) <= 20 {
		desc += ": " + strings.Join(names, "; ")
	}
	fmt.Fprintf(&b, `<desc id="geo-world-d">%s.</desc>`, html.EscapeString(desc))
	fmt.Fprintf(&b, `<rect class="geo-sea" width="%s" height="%s"/><path class="geo-land" d="%s"/>`, num(worldW), num(h), land.String())
	// One dot a unit at most: a thousand events in one city are one dot.
	drawn := map[[2]int]bool{}
	for _, p := range points {
		x, y := pr.xy(p.Lon, p.Lat)
		key := [2]int{int(math.Round(x)), int(math.Round(y))}
		if drawn[key] || x < 0 || x > worldW || y < 0 || y > h {
			continue
		}
		drawn[key] = true
		fmt.Fprintf(&b, `<circle class="geo-dot" cx="%s" cy="%s" r="3"><title>%s</title></circle>`, num(x), num(y), html.EscapeString(p.Title))
	}
	fmt.Fprintf(&b, `<rect class="geo-frame" width="%s" height="%s"/></svg>`, num(worldW), num(h))
	return template.HTML(b.String())
}

// proj maps degrees to viewBox units around lon0, lat0, the centre of a
// w × h box.
type proj struct {
	scale, kx  float64 // units per degree of latitude and of longitude
	lon0, lat0 float64
	w, h       float64
}

func (p proj) xy(lon, lat float64) (float64, float64) {
	return p.w/2 + (lon-p.lon0)*p.kx, p.h/2 - (lat-p.lat0)*p.scale
}

// sees reports whether a ring's bounding box meets the box.
func (p proj) sees(r ring) bool {
	x0, y1 := p.xy(deg(r.minX), deg(r.minY))
	x1, y0 := p.xy(deg(r.maxX), deg(r.maxY))
	return x1 >= 0 && x0 <= p.w && y1 >= 0 && y0 <= p.h
}

// path writes a ring clipped to the box (a margin beyond it, so that
// clipped edges fall outside the frame) as a closed subpath of whole
// units, simplified to within tol units.
func (p proj) path(b *strings.Builder, pts []geodata.Point, tol float64) {
	poly := make([][2]float64, len(pts))
	for i, q := range pts {
		x, y := p.xy(deg(q.Lon), deg(q.Lat))
		poly[i] = [2]float64{x, y}
	}
	poly = clip(poly, -4, -4, p.w+4, p.h+4)
	if len(poly) < 3 {
		return
	}
	keep := make([]bool, len(poly))
	keep[0], keep[len(poly)-1] = true, true
	simplify(poly, keep, 0, len(poly)-1, tol)
	var kept [][2]float64
	for i, q := range poly {
		if keep[i] {
			kept = append(kept, q)
		}
	}
	if len(kept) < 3 {
		return
	}
	// Relative moves of whole units: short, and the rounding error does
	// not add up because each step is rounded from absolute positions.
	px, py := math.Round(kept[0][0]), math.Round(kept[0][1])
	fmt.Fprintf(b, "M%s %s", num(px), num(py))
	for _, q := range kept[1:] {
		x, y := math.Round(q[0]), math.Round(q[1])
		if x == px && y == py {
			continue
		}
		fmt.Fprintf(b, "l%s %s", num(x-px), num(y-py))
		px, py = x, y
	}
	b.WriteByte('z')
}

// simplify marks the points between i and j that keep the line within
// tol of its course (Douglas–Peucker): at a map's scale most of a
// coastline's points fall within one unit of their neighbours.
func simplify(pts [][2]float64, keep []bool, i, j int, tol float64) {
	if j <= i+1 {
		return
	}
	a, b := pts[i], pts[j]
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	far, at := -1.0, -1
	for k := i + 1; k < j; k++ {
		var d float64
		if l == 0 {
			d = math.Hypot(pts[k][0]-a[0], pts[k][1]-a[1])
		} else {
			d = math.Abs(dy*(pts[k][0]-a[0])-dx*(pts[k][1]-a[1])) / l
		}
		if d > far {
			far, at = d, k
		}
	}
	if far > tol {
		keep[at] = true
		simplify(pts, keep, i, at, tol)
		simplify(pts, keep, at, j, tol)
	}
}

// clip cuts a polygon to a rectangle (Sutherland–Hodgman).
func clip(poly [][2]float64, x0, y0, x1, y1 float64) [][2]float64 {
	edges := []struct {
		in  func(q [2]float64) bool
		cut func(a, b [2]float64) [2]float64
	}{
		{func(q [2]float64) bool { return q[0] >= x0 }, func(a, b [2]float64) [2]float64 { return atX(a, b, x0) }},
		{func(q [2]float64) bool { return q[0] <= x1 }, func(a, b [2]float64) [2]float64 { return atX(a, b, x1) }},
		{func(q [2]float64) bool { return q[1] >= y0 }, func(a, b [2]float64) [2]float64 { return atY(a, b, y0) }},
		{func(q [2]float64) bool { return q[1] <= y1 }, func(a, b [2]float64) [2]float64 { return atY(a, b, y1) }},
	}
	for _, e := range edges {
		if len(poly) == 0 {
			return nil
		}
		var out [][2]float64
		prev := poly[len(poly)-1]
		for _, q := range poly {
			switch {
			case e.in(q) && !e.in(prev):
				out = append(out, e.cut(prev, q), q)
			case e.in(q):
				out = append(out, q)
			case e.in(prev):
				out = append(out, e.cut(prev, q))
			}
			prev = q
		}
		poly = out
	}
	return poly
}

func atX(a, b [2]float64, x float64) [2]float64 {
	return [2]float64{x, a[1] + (b[1]-a[1])*(x-a[0])/(b[0]-a[0])}
}

func atY(a, b [2]float64, y float64) [2]float64 {
	return [2]float64{a[0] + (b[0]-a[0])*(y-a[1])/(b[1]-a[1]), y}
}

// num writes a number with at most one decimal, the same on every
// platform.
func num(v float64) string {
	s := strings.TrimSuffix(strconv.FormatFloat(v, 'f', 1, 64), ".0")
	if s == "-0" {
		return "0"
	}
	return s
}
