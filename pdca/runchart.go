package pdca

import (
	"fmt"
	"math"
	"slices"
	"sort"
)

// Anhøj's rules judge a run chart by its runs (consecutive points on one
// side of the centre) and crossings of the centre only, so they need no σ
// and hold for short series with any distribution: a shift of the process
// shows as an unusually long run or unusually few crossings. The limits
// depend only on the number n of useful points (those not on the centre):
// the longest run may be round(log₂(n) + 3) long, and the crossings as few
// as the 5 % quantile of Binomial(n − 1, ½) (Anhøj and Olesen 2014, "Run
// charts revisited: a simulation study of run chart rules for detection of
// non-random variation in health care processes", PLoS ONE 9(11): e113825;
// the tabulated limits for n = 10…100 are qicharts2's vignette, Appendix 2).

// RunAnalysis is the result of Anhøj's rules on a series.
type RunAnalysis struct {
	Center          float64 `json:"center"`          // the centre line: the median, or as given
	Useful          int     `json:"useful"`          // points not on the centre (and not NaN)
	LongestRun      int     `json:"longestRun"`      // the longest run on one side
	LongestRunLimit int     `json:"longestRunLimit"` // a longer run is a signal
	Crossings       int     `json:"crossings"`       // times consecutive useful points change side
	CrossingsLimit  int     `json:"crossingsLimit"`  // fewer crossings are a signal
}

// Signal reports non-random variation: a run longer than its limit or
// fewer crossings than theirs.
func (a RunAnalysis) Signal() bool {
	return a.LongestRun > a.LongestRunLimit || a.Crossings < a.CrossingsLimit
}

// AnhojLimits returns the limits of Anhøj's rules for n useful points: the
// longest run allowed, round(log₂(n) + 3), and the fewest crossings
// allowed, qbinom(0.05, n − 1, 0.5). Both are 0 for n < 1.
func AnhojLimits(n int) (longestRun, crossings int) {
	if n < 1 {
		return 0, 0
	}
	return int(math.Round(math.Log2(float64(n)) + 3)), binomialQuantile(0.05, n-1, 0.5)
}

// RunChart applies Anhøj's rules to values around their median, as
// qicharts2's run chart does. It needs at least one finite value.
func RunChart(values []float64) (RunAnalysis, error) {
	var finiteVals []float64
	for _, v := range values {
		if !math.IsNaN(v) {
			if math.IsInf(v, 0) {
				return RunAnalysis{}, fmt.Errorf("pdca: run chart: value %v: want finite or NaN (missing): %w", v, ErrInvalidData)
			}
			finiteVals = append(finiteVals, v)
		}
	}
	if len(finiteVals) == 0 {
		return RunAnalysis{}, fmt.Errorf("pdca: run chart: no values: %w", ErrInsufficientData)
	}
	return RunChartAround(values, median(finiteVals))
}

// RunChartAround applies Anhøj's rules to values around a given centre (a
// baseline's median or a control chart's centre line). NaN values are
// missing: they neither break nor extend a run.
func RunChartAround(values []float64, center float64) (RunAnalysis, error) {
	if !finite(center) {
		return RunAnalysis{}, fmt.Errorf("pdca: run chart: centre %v: want finite: %w", center, ErrInvalidData)
	}
	a := RunAnalysis{Center: center}
	var side, length int
	for _, v := range values {
		s := sideOf(v, center)
		if s == 0 {
			continue
		}
		a.Useful++
		if s == side {
			length++
		} else {
			if side != 0 {
				a.Crossings++
			}
			side, length = s, 1
		}
		a.LongestRun = max(a.LongestRun, length)
	}
	a.LongestRunLimit, a.CrossingsLimit = AnhojLimits(a.Useful)
	return a, nil
}

// sideOf returns +1 above the centre, −1 below, 0 on it or for NaN.
func sideOf(v, center float64) int {
	switch {
	case v > center:
		return 1
	case v < center:
		return -1
	}
	return 0
}

// mergeAnhoj adds the Anhøj rules of want to the violations out of the
// first n points and keeps them ordered by index, then rule.
func (c Chart) mergeAnhoj(out []Violation, n int, want uint32) []Violation {
	a, err := RunChartAround(c.Points[:n], c.Center)
	if err != nil {
		return out
	}
	added := false
	if want&(1<<AnhojRun) != 0 && a.LongestRun > a.LongestRunLimit {
		var side, length int
		for i, v := range c.Points[:n] {
			s := sideOf(v, c.Center)
			if s == 0 {
				continue
			}
			if s == side {
				length++
			} else {
				side, length = s, 1
			}
			if length > a.LongestRunLimit {
				out = append(out, Violation{Rule: AnhojRun, Index: i})
				added = true
			}
		}
	}
	if want&(1<<AnhojCrossings) != 0 && a.Useful > 0 && a.Crossings < a.CrossingsLimit {
		last := n - 1
		for sideOf(c.Points[last], c.Center) == 0 {
			last--
		}
		out = append(out, Violation{Rule: AnhojCrossings, Index: last})
		added = true
	}
	if added {
		slices.SortStableFunc(out, func(x, y Violation) int {
			if x.Index != y.Index {
				return x.Index - y.Index
			}
			return int(x.Rule) - int(y.Rule)
		})
	}
	return out
}

// median returns the median of xs (not empty), averaging the middle pair.
func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}
