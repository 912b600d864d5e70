package render

import (
	"strconv"
	"strings"
	"testing"
)

// The page list stays short at a thousand pages: the first and last
// pages, two on each side of the current one, and gaps between.
func TestPagerLinks(t *testing.T) {
	pgs := paginate("tags/x/", 50_000, 50)
	if len(pgs) != 1000 || pgs[999].lo != 49_950 || pgs[999].hi != 50_000 {
		t.Fatalf("%d pages, last [%d, %d)", len(pgs), pgs[999].lo, pgs[999].hi)
	}
	show := func(v *Pager) string {
		var b []string
		for _, l := range v.Links {
			switch {
			case l.Number == 0:
				b = append(b, "…")
			case l.Current:
				b = append(b, "["+strconv.Itoa(l.Number)+"]")
			default:
				b = append(b, strconv.Itoa(l.Number))
			}
		}
		return strings.Join(b, " ")
	}
	for _, c := range []struct {
		n    int
		want string
	}{
		{1, "[1] 2 3 … 1000"},
		{4, "1 2 3 [4] 5 6 … 1000"},
		{5, "1 2 3 4 [5] 6 7 … 1000"},
		{500, "1 … 498 499 [500] 501 502 … 1000"},
		{1000, "1 … 998 999 [1000]"},
	} {
		v := pgs[c.n-1].view()
		if got := show(v); got != c.want {
			t.Errorf("page %d: %s, want %s", c.n, got, c.want)
		}
	}
	v := pgs[0].view()
	if v.Prev != "" || v.Next != "tags/x/page/2/" || v.First != "tags/x/" || v.Last != "tags/x/page/1000/" {
		t.Errorf("page 1: prev %q next %q first %q last %q", v.Prev, v.Next, v.First, v.Last)
	}
	if one := paginate("events/", 0, 50); len(one) != 1 || one[0].total != 1 {
		t.Errorf("an empty list has %d pages", len(one))
	}
}
