package pdca

import (
	"fmt"
	"math"
)

// CUSUMChart is a tabular cumulative-sum chart (gráfico CUSUM) in
// standard-error units, as qcc's cusum(): with zᵢ = (xᵢ − centre)/σᵢ and
// k = Shift/2, Upper[i] = max(0, Upper[i−1] + zᵢ − k) and Lower[i] =
// −max(0, −Lower[i−1] − zᵢ − k), both starting at ±HeadStart; a point
// signals when Upper > h or Lower < −h, h the DecisionInterval. Like
// [EWMAChart] it keeps the sums, not a copy of the points.
type CUSUMChart struct {
	Sizes            []float64 `json:"sizes,omitempty"`
	Upper            []float64 `json:"upper"` // ≥ 0: evidence of a shift up
	Lower            []float64 `json:"lower"` // ≤ 0, as qcc plots it: evidence of a shift down
	Center           float64   `json:"center"`
	DecisionInterval float64   `json:"decisionInterval"` // h, in standard errors
	Shift            float64   `json:"shift"`            // the shift to detect, in standard errors (k = Shift/2)
	HeadStart        float64   `json:"headStart,omitempty"`
	Limits           Limits    `json:"limits"`
}

// CUSUM defaults, as qcc's cusum().
const (
	DefaultDecisionInterval = 5.0 // h
	DefaultShift            = 1.0 // the shift to detect, in standard errors
)

// CUSUM returns the CUSUM chart of points (and sizes, as [Limits.Chart]
// takes them) against the centre and σ of the frozen limits l. h is the
// decision interval (0 means 5), shift the shift to detect in standard
// errors (0 means 1), headStart the fast-initial-response start in [0, h).
func CUSUM(l Limits, points, sizes []float64, h, shift, headStart float64) (CUSUMChart, error) {
	if h == 0 {
		h = DefaultDecisionInterval
	}
	if shift == 0 {
		shift = DefaultShift
	}
	if !(h > 0) || math.IsInf(h, 0) || !(shift > 0) || math.IsInf(shift, 0) {
		return CUSUMChart{}, fmt.Errorf("pdca: cusum: decision interval %v, shift %v: want finite and > 0: %w", h, shift, ErrInvalidData)
	}
	if !(headStart >= 0 && headStart < h) {
		return CUSUMChart{}, fmt.Errorf("pdca: cusum: head start %v: want in [0, %v): %w", headStart, h, ErrInvalidData)
	}
	pts, sz, err := smoothingBase(l, points, sizes, "cusum")
	if err != nil {
		return CUSUMChart{}, err
	}
	n := len(pts)
	c := CUSUMChart{Sizes: sz, Center: l.Center, DecisionInterval: h, Shift: shift, HeadStart: headStart, Limits: l}
	buf := make([]float64, 2*n)
	c.Upper, c.Lower = buf[:n:n], buf[n:]
	var (
		k        = shift / 2
		pos, neg = headStart, headStart
		size     = math.NaN() // the size inv belongs to
		inv      float64
	)
	if sz == nil {
		size, inv = l.Size, 1/l.se(l.Size)
	}
	for i, x := range pts {
		if sz != nil && sz[i] != size {
			size = sz[i]
			inv = 1 / l.se(size)
		}
		z := (x - l.Center) * inv
		pos = max(0, pos+z-k)
		neg = max(0, neg-z-k)
		c.Upper[i], c.Lower[i] = pos, -neg
	}
	return c, nil
}

// Signals returns the points where a cumulative sum lies beyond the
// decision interval, in order (qcc's violations, upper before lower).
func (c CUSUMChart) Signals() []Signal {
	n := min(len(c.Upper), len(c.Lower))
	up, lo, h := c.Upper[:n], c.Lower[:n], c.DecisionInterval
	var out []Signal
	for i, u := range up {
		if u > h {
			out = append(out, Signal{Index: i, Up: true})
		}
		if lo[i] < -h {
			out = append(out, Signal{Index: i})
		}
	}
	return out
}
