package pdca

import (
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// Rule is a run rule (regla de control) that flags a non-random pattern on a
// control chart. Zones are measured from each point's centre in units of that
// point's σ, taken as the wider of (UCL − Center)/3 and (Center − LCL)/3 (so a
// limit clipped at 0 does not shrink the zones); "beyond kσ" is strict.
//
// The package follows R qcc's convention: a rule flags the point that
// completes its pattern and then every later point while the pattern
// continues; for the k-of-m rules (WE2, WE3, Nelson5, Nelson6) the flagged
// point is itself beyond the zone, on the same side as the others; a point
// exactly on the centre line belongs to neither side, so it breaks a run, and
// two equal consecutive points break a trend or an alternation. One
// deliberate difference: when limits vary by point (p and u charts with
// different sample sizes) each point is compared with its own zones, where
// qcc's rules.R compares every point of a k-of-m window with the zones of
// the window's last point.
//
// The zero value is [RuleUnknown].
type Rule uint8

// The Western Electric (WE1–WE4) and Nelson (Nelson1–Nelson8) rules.
const (
	RuleUnknown Rule = iota
	// WE1: one point beyond a control limit (above UCL or below LCL).
	WE1
	// WE2: two of three consecutive points beyond 2σ on the same side.
	WE2
	// WE3: four of five consecutive points beyond 1σ on the same side.
	WE3
	// WE4: eight consecutive points on the same side of the centre line.
	WE4
	// Nelson1: one point beyond a control limit.
	Nelson1
	// Nelson2: nine points in a row on the same side of the centre line.
	Nelson2
	// Nelson3: six points in a row steadily increasing or decreasing (five
	// consecutive rises or five consecutive falls).
	Nelson3
	// Nelson4: fourteen points in a row alternating up and down.
	Nelson4
	// Nelson5: two of three consecutive points beyond 2σ on the same side.
	Nelson5
	// Nelson6: four of five consecutive points beyond 1σ on the same side.
	Nelson6
	// Nelson7: fifteen points in a row within 1σ of the centre line
	// (inclusive): stratification.
	Nelson7
	// Nelson8: eight points in a row beyond 1σ, with points on both sides of
	// the centre line: mixture.
	Nelson8
)

var ruleNames = enum.New("pdca: rule", ErrInvalidName,
	[]string{"unknown", "WE1", "WE2", "WE3", "WE4", "Nelson1", "Nelson2", "Nelson3", "Nelson4", "Nelson5", "Nelson6", "Nelson7", "Nelson8"},
	map[string]Rule{
		"western electric 1": WE1, "western electric 2": WE2, "western electric 3": WE3, "western electric 4": WE4,
		"nelson 1": Nelson1, "nelson 2": Nelson2, "nelson 3": Nelson3, "nelson 4": Nelson4,
		"nelson 5": Nelson5, "nelson 6": Nelson6, "nelson 7": Nelson7, "nelson 8": Nelson8,
		"desconocida": RuleUnknown,
	})

// ParseRule returns the rule named s ("WE2", "Nelson 5", any case).
func ParseRule(s string) (Rule, error) { return ruleNames.Parse(s) }

// String returns the rule's name, e.g. "Nelson5".
func (r Rule) String() string { return ruleNames.String(r) }

// MarshalText implements encoding.TextMarshaler.
func (r Rule) MarshalText() ([]byte, error) { return ruleNames.MarshalText(r) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseRule].
func (r *Rule) UnmarshalText(b []byte) error { return ruleNames.UnmarshalText(r, b) }

// Window returns the number of points the rule's pattern spans: the fewest a
// chart needs before the rule can fire (1 for WE1, 9 for Nelson2...).
func (r Rule) Window() int {
	switch r {
	case WE1, Nelson1:
		return 1
	case WE2, Nelson5:
		return 3
	case WE3, Nelson6:
		return 5
	case WE4, Nelson8:
		return 8
	case Nelson2:
		return 9
	case Nelson3:
		return 6
	case Nelson4:
		return 14
	case Nelson7:
		return 15
	}
	return 0
}

// RuleSet is a selection of rules, checked together by [Chart.Violations].
type RuleSet []Rule

// The classic rule sets.
var (
	// WesternElectric holds the Western Electric rules WE1–WE4 (qcc's default).
	WesternElectric = RuleSet{WE1, WE2, WE3, WE4}
	// Nelson holds the eight Nelson rules.
	Nelson = RuleSet{Nelson1, Nelson2, Nelson3, Nelson4, Nelson5, Nelson6, Nelson7, Nelson8}
)

// Violation is one point flagged by one rule.
type Violation struct {
	Rule  Rule `json:"rule"`
	Index int  `json:"index"` // 0-based point the rule flags
}

// Violations checks every rule of rules over the chart in one pass and returns
// the flagged points, ordered by index and, for one index, by rule. Unknown
// or repeated rules are ignored. Points that are NaN match no pattern and
// break every run. The only allocation is the result.
func (c Chart) Violations(rules RuleSet) []Violation {
	var want uint16
	for _, r := range rules {
		if r > RuleUnknown && r <= Nelson8 {
			want |= 1 << r
		}
	}
	n := len(c.Points)
	if len(c.LCL) < n {
		n = len(c.LCL)
	}
	if len(c.UCL) < n {
		n = len(c.UCL)
	}
	if want == 0 || n == 0 {
		return nil
	}
	var (
		out                    []Violation
		a2, b2, a1, b1         uint8 // last points beyond ±2σ, ±1σ (bit 0 = current)
		above, below           int   // run on one side of the centre
		rise, fall, alt        int   // trend and alternation runs (in differences)
		inside, outside        int   // runs within / beyond 1σ
		lastAbove1, lastBelow1 = -1 << 30, -1 << 30
		prev, prevDiff         = math.NaN(), 0.0
		center                 = c.Center
		pts, lcls, ucls        = c.Points[:n], c.LCL[:n], c.UCL[:n]
	)
	for i, x := range pts {
		lcl, ucl := lcls[i], ucls[i]
		sigma := zoneSigma(center, lcl, ucl)
		hasZones := sigma > 0
		var isA2, isB2, isA1, isB1 uint8
		if hasZones {
			if x > center+2*sigma {
				isA2 = 1
			}
			if x < center-2*sigma {
				isB2 = 1
			}
			if x > center+sigma {
				isA1 = 1
			}
			if x < center-sigma {
				isB1 = 1
			}
		}
		a2, b2 = (a2<<1|isA2)&7, (b2<<1|isB2)&7
		a1, b1 = (a1<<1|isA1)&31, (b1<<1|isB1)&31

		switch {
		case x > center:
			above, below = above+1, 0
		case x < center:
			above, below = 0, below+1
		default:
			above, below = 0, 0
		}
		d := x - prev
		switch {
		case d > 0:
			rise, fall = rise+1, 0
		case d < 0:
			rise, fall = 0, fall+1
		default:
			rise, fall = 0, 0
		}
		if d*prevDiff < 0 {
			alt++
		} else {
			alt = 0
		}
		prev, prevDiff = x, d
		if hasZones && x >= center-sigma && x <= center+sigma {
			inside++
		} else {
			inside = 0
		}
		if isA1|isB1 == 1 {
			outside++
			if isA1 == 1 {
				lastAbove1 = i
			} else {
				lastBelow1 = i
			}
		} else {
			outside = 0
		}

		var hit uint16
		if x > ucl || x < lcl {
			hit |= 1<<WE1 | 1<<Nelson1
		}
		if (isA2 == 1 && i >= 2 && ones3[a2] >= 2) || (isB2 == 1 && i >= 2 && ones3[b2] >= 2) {
			hit |= 1<<WE2 | 1<<Nelson5
		}
		if (isA1 == 1 && i >= 4 && ones5[a1] >= 4) || (isB1 == 1 && i >= 4 && ones5[b1] >= 4) {
			hit |= 1<<WE3 | 1<<Nelson6
		}
		if above >= 8 || below >= 8 {
			hit |= 1 << WE4
		}
		if above >= 9 || below >= 9 {
			hit |= 1 << Nelson2
		}
		if rise >= 5 || fall >= 5 {
			hit |= 1 << Nelson3
		}
		if alt >= 12 {
			hit |= 1 << Nelson4
		}
		if inside >= 15 {
			hit |= 1 << Nelson7
		}
		if outside >= 8 && lastAbove1 > i-8 && lastBelow1 > i-8 {
			hit |= 1 << Nelson8
		}
		if hit &= want; hit != 0 {
			for r := WE1; r <= Nelson8; r++ {
				if hit&(1<<r) != 0 {
					out = append(out, Violation{Rule: r, Index: i})
				}
			}
		}
	}
	return out
}

// PointSigma returns the σ of point i that the run rules measure zones in:
// the wider of (UCL − Center)/3 and (Center − LCL)/3, ignoring an infinite
// limit; 0 when neither is positive or i is out of range. Charts draw their
// 1σ and 2σ zone lines at Center ± PointSigma(i) and ± 2·PointSigma(i).
func (c Chart) PointSigma(i int) float64 {
	if i < 0 || i >= len(c.LCL) || i >= len(c.UCL) {
		return 0
	}
	return zoneSigma(c.Center, c.LCL[i], c.UCL[i])
}

func zoneSigma(center, lcl, ucl float64) float64 {
	sigma := 0.0
	if d := ucl - center; d > sigma && d <= math.MaxFloat64 { // finite
		sigma = d
	}
	if d := center - lcl; d > sigma && d <= math.MaxFloat64 {
		sigma = d
	}
	return sigma / 3
}

// ones3 and ones5 count the set bits of 3- and 5-bit windows.
var ones3 = [8]uint8{0, 1, 1, 2, 1, 2, 2, 3}

var ones5 = func() (t [32]uint8) {
	for i := range t {
		for b := i; b > 0; b >>= 1 {
			t[i] += uint8(b & 1)
		}
	}
	return t
}()
