// Command gen writes builder/geo/countries.bin, the country boundaries
// and names that locator maps are drawn from, out of two npm packages:
// world-atlas (Natural Earth 1:110m Admin 0 boundaries as TopoJSON) and
// i18n-iso-countries (ISO 3166 codes and English names). See
// builder/geo/README.md for how to run it and for the data's licences.
//
//	npm install --prefix /tmp/geo world-atlas@2 i18n-iso-countries@7
//	go run ./builder/geo/internal/gen -modules /tmp/geo/node_modules
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/briefhq/brief/builder/geo/internal/geodata"
)

// aliases are names the coverage uses that the ISO table lacks.
var aliases = map[string][]string{
	"GB": {"Britain", "England", "Scotland", "Wales", "Northern Ireland"},
	"US": {"America", "United States", "the US"},
	"NL": {"Holland"},
	"MM": {"Burma"},
	"MK": {"Macedonia"},
	"SZ": {"Swaziland", "eSwatini"},
	"CD": {"DRC", "DR Congo", "Congo-Kinshasa"},
	"CG": {"Congo-Brazzaville"},
	"VA": {"Vatican", "Vatican City"},
	"SY": {"Syria"},
	"MD": {"Moldova"},
	"LA": {"Laos"},
	"TL": {"East Timor"},
	"CV": {"Cabo Verde"},
	"FM": {"Micronesia"},
	"BN": {"Brunei"},
	"AE": {"UAE", "Emirates"},
	"KG": {"Kyrgyz Republic"},
	"IE": {"Republic of Ireland", "Eire"},
	"GM": {"Gambia"},
	"BA": {"Bosnia"},
	"PS": {"Palestinian territories"},
	"RU": {"Russian Federation"},
	"TR": {"Turkey", "Türkiye"},
	"KR": {"Korea, South"},
	"KP": {"Korea, North", "DPRK"},
	"CZ": {"Czech Republic"},
	"VN": {"Viet Nam"},
	"IR": {"Iran"},
}

func main() {
	modules := flag.String("modules", "node_modules", "node_modules folder holding world-atlas and i18n-iso-countries")
	out := flag.String("o", filepath.Join("builder", "geo", "countries.bin"), "file to write")
	flag.Parse()
	cs, err := build(*modules)
	if err == nil {
		var b bytes.Buffer
		if err = geodata.Encode(&b, cs); err == nil {
			err = os.WriteFile(*out, b.Bytes(), 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type topology struct {
	Transform struct {
		Scale     [2]float64
		Translate [2]float64
	}
	Arcs    [][][2]float64
	Objects struct {
		Countries struct {
			Geometries []struct {
				Type       string
				ID         string
				Arcs       json.RawMessage
				Properties struct{ Name string }
			}
		}
	}
}

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

func build(modules string) ([]geodata.Country, error) {
	var topo topology
	if err := readJSON(filepath.Join(modules, "world-atlas", "countries-110m.json"), &topo); err != nil {
		return nil, err
	}
	var codes [][]string
	if err := readJSON(filepath.Join(modules, "i18n-iso-countries", "codes.json"), &codes); err != nil {
		return nil, err
	}
	var en struct{ Countries map[string]json.RawMessage }
	if err := readJSON(filepath.Join(modules, "i18n-iso-countries", "langs", "en.json"), &en); err != nil {
		return nil, err
	}
	// Names in en.json are a string or a list, the official name first.
	names := map[string][]string{}
	for a2, raw := range en.Countries {
		var one string
		if json.Unmarshal(raw, &one) == nil {
			names[a2] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return nil, fmt.Errorf("en.json %s: %v", a2, err)
		}
		names[a2] = many
	}

	arcs := decodeArcs(topo)
	byNum := map[int]int{}
	byKey := map[string]int{}
	var cs []geodata.Country
	for _, c := range codes {
		num, err := strconv.Atoi(c[2])
		if err != nil || len(names[c[0]]) == 0 {
			return nil, fmt.Errorf("codes.json: bad row %v", c)
		}
		byNum[num] = len(cs)
		byKey[geodata.Key(names[c[0]][0])] = len(cs)
		cs = append(cs, geodata.Country{Numeric: num, Alpha2: c[0], Alpha3: c[1], Name: names[c[0]][0]})
	}
	// Other names by tier: Natural Earth's, then the ISO table's others
	// and the hand-written ones.
	other := make([][2][]string, len(cs))
	for _, g := range topo.Objects.Countries.Geometries {
		if g.ID == "010" {
			// Antarctica's ring runs along the pole from 180° to -180°;
			// no briefing locates anything there by boundary.
			continue
		}
		rings, err := geometry(g.Type, g.Arcs, arcs)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", g.Properties.Name, err)
		}
		i, ok := -1, false
		if num, err := strconv.Atoi(g.ID); err == nil {
			i, ok = byNum[num]
		}
		if !ok {
			i, ok = byKey[geodata.Key(g.Properties.Name)]
		}
		if !ok {
			// A territory without an ISO code (N. Cyprus, Somaliland):
			// drawn as a neighbour, found by its name.
			i = len(cs)
			cs = append(cs, geodata.Country{Name: g.Properties.Name})
			other = append(other, [2][]string{})
		}
		cs[i].Rings = append(cs[i].Rings, rings...)
		other[i][0] = append(other[i][0], g.Properties.Name)
	}
	for i, c := range cs {
		if c.Alpha2 != "" {
			other[i][1] = append(append(other[i][1], names[c.Alpha2][1:]...), aliases[c.Alpha2]...)
		}
	}
	// A name goes to the country whose primary name it is, else to the
	// one country of the first tier that has it; a name that two
	// countries share at the same tier ("Congo" in the ISO table) goes
	// to neither.
	owner := map[string]int{}
	for i, c := range cs {
		owner[geodata.Key(c.Name)] = i
	}
	for tier := range 2 {
		claim := map[string]int{}
		for i := range cs {
			for _, a := range other[i][tier] {
				k := geodata.Key(a)
				if _, done := owner[k]; done {
					continue
				}
				if j, seen := claim[k]; seen && j != i {
					claim[k] = -1
				} else {
					claim[k] = i
				}
			}
		}
		for k, i := range claim {
			if i >= 0 {
				owner[k] = i
			}
		}
	}
	for i := range cs {
		seen := map[string]bool{geodata.Key(cs[i].Name): true}
		for _, a := range append(other[i][0], other[i][1]...) {
			if k := geodata.Key(a); owner[k] == i && !seen[k] {
				seen[k] = true
				cs[i].Aliases = append(cs[i].Aliases, a)
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Name < cs[j].Name })
	return cs, nil
}

// decodeArcs turns the quantised, delta-encoded arcs into points of
// 1/Scale degree.
func decodeArcs(t topology) [][]geodata.Point {
	out := make([][]geodata.Point, len(t.Arcs))
	for i, arc := range t.Arcs {
		var x, y float64
		for _, d := range arc {
			x += d[0]
			y += d[1]
			lon := x*t.Transform.Scale[0] + t.Transform.Translate[0]
			lat := y*t.Transform.Scale[1] + t.Transform.Translate[1]
			out[i] = append(out[i], geodata.Point{Lon: int32(math.Round(lon * geodata.Scale)), Lat: int32(math.Round(lat * geodata.Scale))})
		}
	}
	return out
}

// geometry joins a Polygon's or MultiPolygon's arcs into rings. A
// negative index ~i is arc i reversed; consecutive arcs share their end
// point, which is written once.
func geometry(typ string, raw json.RawMessage, arcs [][]geodata.Point) ([][]geodata.Point, error) {
	var polys [][][]int
	switch typ {
	case "Polygon":
		var p [][]int
		if err := json.Unmarshal(raw, &p); err != nil {
			return nil, err
		}
		polys = [][][]int{p}
	case "MultiPolygon":
		if err := json.Unmarshal(raw, &polys); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("geometry type %q", typ)
	}
	var rings [][]geodata.Point
	for _, p := range polys {
		for _, ring := range p {
			var pts []geodata.Point
			for _, a := range ring {
				var arc []geodata.Point
				if a >= 0 {
					arc = arcs[a]
				} else {
					src := arcs[^a]
					arc = make([]geodata.Point, len(src))
					for k := range src {
						arc[k] = src[len(src)-1-k]
					}
				}
				if len(pts) > 0 {
					arc = arc[1:]
				}
				for _, q := range arc {
					if len(pts) == 0 || pts[len(pts)-1] != q {
						pts = append(pts, q)
					}
				}
			}
			if len(pts) >= 4 {
				rings = append(rings, unwrap(pts))
			}
		}
	}
	return rings, nil
}

// unwrap makes a ring that crosses the antimeridian continuous: the
// TopoJSON jumps from 180° to -180° (Russia's Chukotka, Fiji), which a
// flat map would draw as a line across the world. Points go past 180°
// instead, and the ring is shifted back when most of it lies there.
func unwrap(pts []geodata.Point) []geodata.Point {
	const half, full = 180 * geodata.Scale, 360 * geodata.Scale
	sum := int64(pts[0].Lon)
	for k := 1; k < len(pts); k++ {
		for pts[k].Lon-pts[k-1].Lon > half {
			pts[k].Lon -= full
		}
		for pts[k].Lon-pts[k-1].Lon < -half {
			pts[k].Lon += full
		}
		sum += int64(pts[k].Lon)
	}
	if mean := sum / int64(len(pts)); mean > half || mean < -half {
		shift := int32(full)
		if mean < 0 {
			shift = -full
		}
		for k := range pts {
			pts[k].Lon -= shift
		}
	}
	return pts
}
