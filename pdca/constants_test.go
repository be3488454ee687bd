package pdca

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Closed forms for small n: the range of two standard normals is |X₁ − X₂|
// with X₁ − X₂ ~ N(0, 2), so d₂(2) = E|N(0,2)| = 2/√π = 1.1283792 and
// E[W²] = 2, d₃(2) = √(2 − 4/π) = 0.8525025; for three, d₂(3) = 3/√π =
// 1.6925688 (Tippett 1925).
func TestConstantsClosedForms(t *testing.T) {
	k2, err := ConstantsFor(2)
	require.NoError(t, err)
	assert.InDelta(t, 2/math.Sqrt(math.Pi), k2.D2, 1e-9)
	assert.InDelta(t, math.Sqrt(2-4/math.Pi), k2.D3, 1e-7)
	assert.InDelta(t, math.Sqrt(2/math.Pi), k2.C4, 1e-12) // c₄(2) = √2·Γ(1)/Γ(1/2) = √(2/π)
	k3, err := ConstantsFor(3)
	require.NoError(t, err)
	assert.InDelta(t, 3/math.Sqrt(math.Pi), k3.D2, 1e-9)
	assert.InDelta(t, math.Sqrt(math.Pi)/2, k3.C4, 1e-12) // c₄(3) = Γ(3/2)/Γ(1) = √π/2
}

// The printed table of factors for control charts (Montgomery, Introduction
// to Statistical Quality Control, Appendix VI; the same values are in ASTM
// E2587), each to the table's last digit.
func TestConstantsTable(t *testing.T) {
	tests := []struct {
		n                                            int
		d2, d3, c4, a2, a3, lowerD3, upperD4, b3, b4 float64
	}{
		{2, 1.128, 0.853, 0.7979, 1.880, 2.659, 0, 3.267, 0, 3.267},
		{5, 2.326, 0.864, 0.9400, 0.577, 1.427, 0, 2.114, 0, 2.089},
		{6, 2.534, 0.848, 0.9515, 0.483, 1.287, 0, 2.004, 0.030, 1.970},
		{7, 2.704, 0.833, 0.9594, 0.419, 1.182, 0.076, 1.924, 0.118, 1.882},
		{10, 3.078, 0.797, 0.9727, 0.308, 0.975, 0.223, 1.777, 0.284, 1.716},
		{25, 3.931, 0.708, 0.9896, 0.153, 0.606, 0.459, 1.541, 0.565, 1.435},
	}
	for _, tt := range tests {
		k, err := ConstantsFor(tt.n)
		require.NoError(t, err)
		assert.InDelta(t, tt.d2, k.D2, 0.0005, "d2(%d)", tt.n)
		assert.InDelta(t, tt.d3, k.D3, 0.0005, "d3(%d)", tt.n)
		assert.InDelta(t, tt.c4, k.C4, 0.00005, "c4(%d)", tt.n)
		assert.InDelta(t, tt.a2, k.A2, 0.0005, "A2(%d)", tt.n)
		assert.InDelta(t, tt.a3, k.A3, 0.0005, "A3(%d)", tt.n)
		assert.InDelta(t, tt.lowerD3, k.LowerD3, 0.0005, "D3(%d)", tt.n)
		assert.InDelta(t, tt.upperD4, k.UpperD4, 0.0005, "D4(%d)", tt.n)
		assert.InDelta(t, tt.b3, k.B3, 0.0005, "B3(%d)", tt.n)
		assert.InDelta(t, tt.b4, k.B4, 0.0005, "B4(%d)", tt.n)
	}
}

func TestConstantsLargeAndInvalid(t *testing.T) {
	// c₄(n) ≈ 1 − 1/(4n) − 7/(32n²) for large n; d₂ grows like √(2 ln n).
	k, err := ConstantsFor(1000)
	require.NoError(t, err)
	assert.InDelta(t, 1-1/4000.0-7/(32*1e6), k.C4, 1e-8)
	assert.Greater(t, k.D2, 6.0)
	assert.Less(t, k.D2, 2*math.Sqrt(2*math.Log(1000)))
	for _, n := range []int{1, 0, -3} {
		_, err := ConstantsFor(n)
		assert.ErrorIs(t, err, ErrInsufficientData)
	}
}

// TestConstantsSixDecimals checks d₂ and d₃ to the six decimals of the
// classic tables of the mean and standard deviation of the range of n
// standard normal values (Harter 1960, "Tables of range and studentized
// range", Ann. Math. Statist. 31(4); the same figures are quoted to three
// decimals in ASTM E2587 and Montgomery's Appendix VI).
func TestConstantsSixDecimals(t *testing.T) {
	tests := []struct {
		n      int
		d2, d3 float64
	}{
		{3, 1.692569, 0.888368},
		{4, 2.058751, 0.879808},
		{5, 2.325929, 0.864082},
		{6, 2.534413, 0.848040},
		{7, 2.704357, 0.833205},
		{8, 2.847201, 0.819831},
		{9, 2.970026, 0.807834},
		{10, 3.077505, 0.797051},
	}
	for _, tt := range tests {
		k, err := ConstantsFor(tt.n)
		require.NoError(t, err)
		assert.InDelta(t, tt.d2, k.D2, 6e-7, "d2(%d)", tt.n)
		assert.InDelta(t, tt.d3, k.D3, 6e-7, "d3(%d)", tt.n)
	}
}
