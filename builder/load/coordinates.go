package load

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// coordHint is how to write coordinates, shown with every mistake.
const coordHint = "write coordinates: [50.45, 30.52] (latitude, then longitude, in decimal degrees)"

// coordinates reads a latitude and longitude: a list of two numbers, or
// text "50.45, 30.52" as a map site copies it. nil when the key is absent
// or wrong, with a diagnostic for the latter.
func (r *reader) coordinates(key string) *[2]float64 {
	v, ok := r.f[key]
	if !ok || v.val == nil {
		return nil
	}
	var parts []any
	switch x := v.val.(type) {
	case []any:
		parts = x
	case string:
		if !strings.Contains(x, ",") {
			r.errorf(v.line, coordHint, "%s must be a latitude and a longitude, not the single value %q", key, x)
			return nil
		}
		for _, s := range strings.Split(x, ",") {
			parts = append(parts, strings.TrimSpace(s))
		}
	default:
		r.errorf(v.line, coordHint, "%s must be a latitude and a longitude, not a single %s", key, v.kind)
		return nil
	}
	if len(parts) != 2 {
		r.errorf(v.line, coordHint, "%s must be two numbers, latitude and longitude; found %d", key, len(parts))
		return nil
	}
	var c [2]float64
	for i, p := range parts {
		var f float64
		var err error
		switch n := p.(type) {
		case float64:
			f = n
		case int:
			f = float64(n)
		case int64:
			f = float64(n)
		case uint64:
			f = float64(n)
		case string:
			f, err = strconv.ParseFloat(strings.TrimSpace(n), 64)
		default:
			err = fmt.Errorf("not a number")
		}
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			r.errorf(v.line, coordHint, "%s: %v is not a number", key, p)
			return nil
		}
		c[i] = f
	}
	if math.Abs(c[0]) > 90 || math.Abs(c[1]) > 180 {
		hint := coordHint
		if math.Abs(c[0]) > 90 && math.Abs(c[1]) <= 90 {
			hint = fmt.Sprintf("latitude comes first: write %s: [%v, %v]", key, c[1], c[0])
		}
		r.errorf(v.line, hint, "%s: latitude %v must be between -90 and 90 and longitude %v between -180 and 180", key, c[0], c[1])
		return nil
	}
	return &c
}
