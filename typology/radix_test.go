package typology

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRadixSortAgreesWithSort checks the radix sort against slices.SortStableFunc
// on keys of every magnitude and sign, and on narrow keys with many ties.
func TestRadixSortAgreesWithSort(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	gens := map[string]func() int64{
		"wide":   func() int64 { return int64(rng.Uint64()) },
		"narrow": func() int64 { return rng.Int64N(61) },
		"signed": func() int64 { return rng.Int64N(2000) - 1000 },
		"edges": func() int64 {
			return []int64{math.MinInt64, math.MaxInt64, 0, -1, 1, 255, 256, -256}[rng.IntN(8)]
		},
		"constant": func() int64 { return 42 },
	}
	for name, gen := range gens {
		for _, n := range []int{1, 2, 17, 1000} {
			pairs := make([]keyed, n)
			for i := range pairs {
				pairs[i] = keyed{gen(), int32(i)}
			}
			want := slices.Clone(pairs)
			slices.SortStableFunc(want, func(a, b keyed) int { return cmp.Compare(a.key, b.key) })
			radixSort(pairs, make([]keyed, n))
			assert.Equal(t, want, pairs, "%s n=%d", name, n)
		}
	}
}
