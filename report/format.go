package report

import (
	"math"
	"sort"
	"strconv"
	"unicode/utf8"
)

// ticks returns "nice" tick values (steps of 1, 2 or 5 × 10^k) covering
// [lo, hi] with about n intervals, and the extended bounds. A degenerate range
// is widened so the axis always has extent.
func ticks(lo, hi float64, n int) (vals []float64, min, max float64) {
	if !finite(lo) || !finite(hi) {
		lo, hi = 0, 1
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	if hi-lo < 1e-12 {
		pad := math.Max(math.Abs(lo)*0.1, 1)
		lo, hi = lo-pad, hi+pad
	}
	if n < 1 {
		n = 5
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	min = math.Floor(lo/step+1e-9) * step
	max = math.Ceil(hi/step-1e-9) * step
	for v := min; v <= max+step*1e-6 && len(vals) < 50; v += step {
		vals = append(vals, math.Round(v/step)*step)
	}
	return vals, min, max
}

// decimalsFor returns how many decimals make the tick step readable.
func decimalsFor(vals []float64) int {
	if len(vals) < 2 {
		return 0
	}
	step := math.Abs(vals[1] - vals[0])
	for d := 0; d < 6; d++ {
		v := step * math.Pow(10, float64(d))
		if math.Abs(v-math.Round(v)) < 1e-6*math.Max(1, v) {
			return d
		}
	}
	return 6
}

// scale maps the domain [d0, d1] linearly onto the range [r0, r1].
type scale struct{ d0, d1, r0, r1 float64 }

func (s scale) at(v float64) float64 {
	if s.d1 == s.d0 {
		return (s.r0 + s.r1) / 2
	}
	return s.r0 + (v-s.d0)/(s.d1-s.d0)*(s.r1-s.r0)
}

// clamp limits v to [lo, hi].
func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// shorten cuts s to at most n runes, ending with "…" when cut, so long labels
// do not overlap; the full text goes in the element's tooltip.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// textWidth estimates the width in pixels of s at the given font size.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.6
}

func itoa(i int) string { return strconv.Itoa(i) }

// sortStable sorts s in place by less, keeping equal elements in input order.
func sortStable[T any](s []T, less func(a, b T) bool) {
	sort.SliceStable(s, func(i, j int) bool { return less(s[i], s[j]) })
}
