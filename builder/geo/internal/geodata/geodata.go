// Package geodata is the format of the embedded country file, shared by
// its generator and the geo package that reads it: a magic line, then
// every country as varint-prefixed strings and rings of points
// delta-encoded as zigzag varints, in units of 1/Scale degree.
package geodata

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Scale is how many units make a degree: 0.02°, about 2 km, finer than
// the 1:110m boundaries themselves.
const Scale = 50

const magic = "brief-geo 1\n"

// Point is a longitude and latitude in units of 1/Scale degree.
type Point struct{ Lon, Lat int32 }

// Country is one country: its ISO 3166 codes (empty, and 0, for the
// few territories that have none), its English name, the other names it
// is found by, and its boundary as rings (outer rings and holes alike;
// an even-odd fill draws them right).
type Country struct {
	Numeric int
	Alpha2  string
	Alpha3  string
	Name    string
	Aliases []string
	Rings   [][]Point
}

// Encode writes countries in the file format.
func Encode(w io.Writer, cs []Country) error {
	var b bytes.Buffer
	b.WriteString(magic)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(v uint64) { b.Write(tmp[:binary.PutUvarint(tmp[:], v)]) }
	sv := func(v int64) { b.Write(tmp[:binary.PutVarint(tmp[:], v)]) }
	str := func(s string) { uv(uint64(len(s))); b.WriteString(s) }
	uv(uint64(len(cs)))
	for _, c := range cs {
		uv(uint64(c.Numeric))
		str(c.Alpha2)
		str(c.Alpha3)
		str(c.Name)
		uv(uint64(len(c.Aliases)))
		for _, a := range c.Aliases {
			str(a)
		}
		uv(uint64(len(c.Rings)))
		for _, r := range c.Rings {
			uv(uint64(len(r)))
			var prev Point
			for _, p := range r {
				sv(int64(p.Lon - prev.Lon))
				sv(int64(p.Lat - prev.Lat))
				prev = p
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// Decode reads the file format.
func Decode(data []byte) ([]Country, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("geodata: not a country file")
	}
	r := bufio.NewReader(bytes.NewReader(data[len(magic):]))
	var err error
	uv := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(r)
		return v
	}
	sv := func() int64 {
		if err != nil {
			return 0
		}
		var v int64
		v, err = binary.ReadVarint(r)
		return v
	}
	str := func() string {
		n := uv()
		if err != nil || n > 1<<16 {
			err = errors.Join(err, errors.New("geodata: bad string"))
			return ""
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b)
	}
	n := uv()
	if n > 1<<12 {
		return nil, fmt.Errorf("geodata: %d countries", n)
	}
	cs := make([]Country, 0, n)
	for range n {
		c := Country{Numeric: int(uv()), Alpha2: str(), Alpha3: str(), Name: str()}
		for range min(uv(), 1<<10) {
			c.Aliases = append(c.Aliases, str())
		}
		for range min(uv(), 1<<12) {
			ring := make([]Point, 0, min(uv(), 1<<16))
			var p Point
			for range cap(ring) {
				p.Lon += int32(sv())
				p.Lat += int32(sv())
				ring = append(ring, p)
			}
			c.Rings = append(c.Rings, ring)
		}
		if err != nil {
			return nil, fmt.Errorf("geodata: %w", err)
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// Key is the form a name is looked up by: lower case, without accents,
// dots, a leading "the" or repeated spaces, so that "U.S.", "Türkiye"
// and "the Netherlands" find "us", "turkiye" and "netherlands".
func Key(s string) string {
	var b strings.Builder
	space := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '.':
			continue
		case r == '’':
			r = '\''
		case unicode.IsSpace(r) || r == '-':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimPrefix(b.String(), "the ")
}
