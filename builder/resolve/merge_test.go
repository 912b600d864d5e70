package resolve

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// mergeTail orders a list as a stable sort of the whole list does, ties
// included, whether it inserts the tail item by item or merges it.
func TestMergeTailMatchesStableSort(t *testing.T) {
	type item struct{ key, at int }
	byKey := func(a, b item) int { return cmp.Compare(a.key, b.key) }
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 500; round++ {
		size := 1 + r.IntN(400)
		n := r.IntN(min(size, 3*maxInserted))
		s := make([]item, size)
		for i := range s {
			s[i] = item{key: r.IntN(size/4 + 1), at: i} // many ties
		}
		slices.SortStableFunc(s[:size-n], byKey)
		want := slices.Clone(s)
		slices.SortStableFunc(want, byKey)
		if got := mergeTail(s, n, byKey); !slices.Equal(got, want) {
			t.Fatalf("size %d, tail %d:\ngot  %v\nwant %v", size, n, got, want)
		}
	}
}
