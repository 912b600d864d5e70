package main

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/briefhq/brief/builder/geo/internal/geodata"
)

// TestGeometry joins arcs into rings the TopoJSON way: a negative index
// is an arc reversed, shared end points are written once, and a ring
// that crosses the antimeridian comes out continuous.
func TestGeometry(t *testing.T) {
	var topo topology
	topo.Transform.Scale = [2]float64{1, 1}
	topo.Transform.Translate = [2]float64{0, 0}
	// Arcs are delta-encoded. Arc 0 runs (0,0)→(10,0)→(10,10); arc 1
	// (0,0)→(0,10)→(10,10), taken backwards; arc 2 crosses 180°:
	// 178→180→-180→-178→178.
	topo.Arcs = [][][2]float64{
		{{0, 0}, {10, 0}, {0, 10}},
		{{0, 0}, {0, 10}, {10, 0}},
		{{178, 60}, {2, 0}, {-360, 5}, {2, -5}, {356, -5}},
	}
	arcs := decodeArcs(topo)
	rings, err := geometry("MultiPolygon", json.RawMessage(`[[[0,-2]],[[2]]]`), arcs)
	if err != nil {
		t.Fatal(err)
	}
	s := geodata.Scale
	p := func(lon, lat int) geodata.Point { return geodata.Point{Lon: int32(lon * s), Lat: int32(lat * s)} }
	want := [][]geodata.Point{
		{p(0, 0), p(10, 0), p(10, 10), p(0, 10), p(0, 0)},
		{p(178, 60), p(180, 60), p(180, 65), p(182, 60), p(178, 55)},
	}
	if len(rings) != 2 || !reflect.DeepEqual(rings[0], want[0]) {
		t.Fatalf("rings = %v, want %v", rings, want)
	}
	for k := 1; k < len(rings[1]); k++ {
		if d := int(rings[1][k].Lon - rings[1][k-1].Lon); d > 180*s || d < -180*s {
			t.Errorf("ring jumps %d units between points %d and %d: %v", d, k-1, k, rings[1])
		}
	}
	if _, err := geometry("Point", json.RawMessage(`[0]`), arcs); err == nil {
		t.Error("a Point geometry gave no error")
	}
}

// TestRoundTrip: what the generator encodes decodes to the same
// countries.
func TestRoundTrip(t *testing.T) {
	cs := []geodata.Country{
		{Numeric: 804, Alpha2: "UA", Alpha3: "UKR", Name: "Ukraine", Aliases: []string{"Ukraina"}, Rings: [][]geodata.Point{{{Lon: 1, Lat: 2}, {Lon: -3, Lat: 4}, {Lon: 5, Lat: -6}, {Lon: 1, Lat: 2}}}},
		{Name: "Somaliland"},
	}
	var b bytesBuffer
	if err := geodata.Encode(&b, cs); err != nil {
		t.Fatal(err)
	}
	got, err := geodata.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, cs) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, cs)
	}
	if _, err := geodata.Decode(b[:len(b)-3]); err == nil {
		t.Error("a cut file decoded without error")
	}
}

type bytesBuffer []byte

func (b *bytesBuffer) Write(p []byte) (int, error) { *b = append(*b, p...); return len(p), nil }
