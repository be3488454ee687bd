package scorecard

import (
	"math"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
)

// ddRat returns the exact value hi + lo of a double-double.
func ddRat(a dd) *big.Rat {
	r := new(big.Rat).SetFloat64(a.hi)
	return r.Add(r, new(big.Rat).SetFloat64(a.lo))
}

// relErr returns |a − want| / |want| for a double-double against an exact
// rational.
func relErr(a dd, want *big.Rat) float64 {
	d := new(big.Rat).Sub(ddRat(a), want)
	f, _ := new(big.Rat).Quo(d.Abs(d), new(big.Rat).Abs(want)).Float64()
	return f
}

// The file's promise: about 32 significant digits (2⁻¹⁰⁴ ≈ 5·10⁻³²).
func TestDoubleDoubleAccuracy(t *testing.T) {
	third := ddOf(1).div(ddOf(3))
	assert.Less(t, relErr(third, big.NewRat(1, 3)), 1e-31)
	assert.Less(t, relErr(third.mul(ddOf(3)), big.NewRat(1, 1)), 1e-31)
	// 0.1 + 0.2 − 0.3 in float64 is 5.6e-17; in double-double it is the
	// exact difference of the three binary values.
	s := ddOf(0.1).add(ddOf(0.2)).sub(ddOf(0.3))
	want := new(big.Rat).SetFloat64(0.1)
	want.Add(want, new(big.Rat).SetFloat64(0.2))
	want.Sub(want, new(big.Rat).SetFloat64(0.3))
	assert.Zero(t, new(big.Rat).Sub(ddRat(s), want).Sign())
	// twoProd is exact.
	p, e := twoProd(1+0x1p-30, 1-0x1p-30)
	prod := new(big.Rat).Mul(new(big.Rat).SetFloat64(1+0x1p-30), new(big.Rat).SetFloat64(1-0x1p-30))
	assert.Zero(t, new(big.Rat).Sub(ddRat(dd{p, e}), prod).Sign())
	// √2 and its square.
	r2 := ddOf(2).sqrt()
	assert.Less(t, relErr(r2.mul(r2), big.NewRat(2, 1)), 1e-31)
	assert.Equal(t, dd{}, ddOf(-1).sqrt())
	// A compensated sum whose low part gathered errors normalizes.
	n := dd{1, 0x1p-40}.norm()
	assert.Equal(t, 1+0x1p-40, n.hi)
	assert.Zero(t, n.lo)
	assert.InDelta(t, 1.0/3, third.float(), 0)
	assert.False(t, math.IsNaN(ddOf(1).div(ddOf(7)).mulF(7).float()))
}
