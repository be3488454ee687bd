package scorecard

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRegIncBetaClosedForms checks I_x(a, b) where it has a closed form:
// I_x(1, 1) = x; I_x(a, 1) = xᵃ; I_x(1, b) = 1 − (1 − x)ᵇ;
// I_x(2, 2) = 3x² − 2x³; I_½(a, a) = ½ by symmetry. Points on both sides
// of (a+1)/(a+b+2) exercise both branches of the continued fraction.
func TestRegIncBetaClosedForms(t *testing.T) {
	tests := []struct {
		x, a, b, want float64
	}{
		{0.3, 1, 1, 0.3},
		{0.3, 2, 1, 0.09},                         // 0.3²
		{0.9, 3, 1, 0.729},                        // 0.9³
		{0.3, 1, 3, 1 - 0.343},                    // 1 − 0.7³ = 0.657
		{0.05, 1, 3, 1 - 0.857375},                // 1 − 0.95³ = 0.142625
		{0.4, 2, 2, 3*0.16 - 2*0.064},             // 0.48 − 0.128 = 0.352
		{0.8, 2, 2, 3*0.64 - 2*0.512},             // 1.92 − 1.024 = 0.896
		{0.5, 3.5, 3.5, 0.5},                      // symmetry
		{0.25, 0.5, 1, 0.5},                       // √0.25
		{0.64, 1, 0.5, 1 - 0.6},                   // 1 − √0.36
		{0.999, 2, 2, 3*0.998001 - 2*0.997002999}, // 0.999997000
		{0, 2, 3, 0},
		{-0.5, 2, 3, 0},
		{1, 2, 3, 1},
		{1.5, 2, 3, 1},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, regIncBeta(tt.x, tt.a, tt.b), 1e-12, "I_%v(%v, %v)", tt.x, tt.a, tt.b)
	}
}

// TestFQuantileClosedForms checks F quantiles with closed forms. With d2 = 2
// the CDF is (d1·x/(d1·x + 2))^(d1/2), so the p-quantile is 2y/(d1(1 − y))
// with y = p^(2/d1); with d1 = 2 it is 1 − (d2/(2x + d2))^(d2/2), so the
// quantile is d2·y/(2(1 − y)) with y = 1 − (1 − p)^(2/d2).
func TestFQuantileClosedForms(t *testing.T) {
	tests := []struct {
		p, d1, d2, want float64
	}{
		{0.975, 2, 2, 39},       // p/(1 − p)
		{0.025, 2, 2, 1.0 / 39}, // 0.025/0.975
		{0.25, 4, 2, 0.5},       // y = .5: 2·.5/(4·.5)
		{0.75, 2, 4, 2},         // y = 1 − .25^.5 = .5: 4·.5/(2·.5)
		{0.5, 20, 20, 1},        // symmetry
	}
	for _, tt := range tests {
		got := fQuantile(tt.p, tt.d1, tt.d2)
		assert.InDelta(t, tt.want, got, 1e-9*math.Max(1, tt.want), "F(%v; %v, %v)", tt.p, tt.d1, tt.d2)
	}
}
