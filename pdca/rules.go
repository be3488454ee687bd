package pdca

import (
	"math"
	"math/bits"

	"github.com/servuction/servuction/internal/enum"
)

// Rule is a run rule (regla de control) that flags a non-random pattern on a
// control chart. Zones are measured from the centre in units of each point's
// σ ([Chart.PointSigma]) and clipped after, so a limit clipped at 0 or 1
// does not shrink them; "beyond kσ" is strict.
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
	// AnhojRun: an unusually long run, more than round(log₂(n) + 3) points
	// on one side of the centre, n the points not on the centre (Anhøj and
	// Olesen 2014, "Run charts revisited", PLoS ONE 9(11): e113825;
	// qicharts2). It flags the points of such a run from the first one past
	// the limit to its end.
	AnhojRun
	// AnhojCrossings: unusually few crossings of the centre, fewer than the
	// 5 % quantile of Binomial(n − 1, ½) (R's qbinom(0.05, n − 1, 0.5);
	// Anhøj and Olesen 2014). It flags the last point not on the centre.
	AnhojCrossings
	// EWMABeyond marks a point whose EWMA lies beyond its limits: evidence
	// from a Check that monitors with [MonitorEWMA], not a run rule.
	EWMABeyond
	// CUSUMBeyond marks a point whose cumulative sum lies beyond the
	// decision interval: evidence from [MonitorCUSUM], not a run rule.
	CUSUMBeyond
)

var ruleNames = enum.New("pdca: rule", ErrInvalidName,
	[]string{"unknown", "WE1", "WE2", "WE3", "WE4", "Nelson1", "Nelson2", "Nelson3", "Nelson4", "Nelson5", "Nelson6", "Nelson7", "Nelson8",
		"AnhojRun", "AnhojCrossings", "EWMA", "CUSUM"},
	map[string]Rule{
		"anhøj run": AnhojRun, "anhoj 1": AnhojRun, "long run": AnhojRun, "racha larga": AnhojRun,
		"anhøj crossings": AnhojCrossings, "anhoj 2": AnhojCrossings, "few crossings": AnhojCrossings, "pocos cruces": AnhojCrossings,
		"western electric 1": WE1, "western electric 2": WE2, "western electric 3": WE3, "western electric 4": WE4,
		"nelson 1": Nelson1, "nelson 2": Nelson2, "nelson 3": Nelson3, "nelson 4": Nelson4,
		"nelson 5": Nelson5, "nelson 6": Nelson6, "nelson 7": Nelson7, "nelson 8": Nelson8,
		"desconocida": RuleUnknown, "media móvil exponencial": EWMABeyond, "suma acumulada": CUSUMBeyond,
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
// chart needs before the rule can fire (1 for WE1, 9 for Nelson2, 7 for
// AnhojRun: a run of 7 beats the limit 6 of 7 points; 6 for AnhojCrossings:
// no crossing among 6 points is below the limit 1).
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
	case AnhojRun:
		return 7
	case AnhojCrossings:
		return 6
	case EWMABeyond, CUSUMBeyond:
		return 1
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
	// Anhoj holds Anhøj's two run-chart rules, qicharts2's default.
	Anhoj = RuleSet{AnhojRun, AnhojCrossings}
)

// Violation is one point flagged by one rule.
type Violation struct {
	Rule  Rule `json:"rule"`
	Index int  `json:"index"` // 0-based point the rule flags
}

// Violations checks every rule of rules over the chart in one pass and returns
// the flagged points, ordered by index and, for one index, by rule. Unknown
// or repeated rules are ignored. Points that are NaN match no pattern and
// break every run (Anhøj's rules, as qicharts2, skip them instead). The only
// allocation is the result.
//
// Zones are measured in each point's σ ([Chart.PointSigma]) from the centre
// and clipped after, as qcc does: a limit clipped at 0 or 1 does not move
// them. With limits at k·σ (Sigmas) the zone lines sit at k/3·σ and 2k/3·σ,
// qcc's rules for nsigmas other than 3.
func (c Chart) Violations(rules RuleSet) (out []Violation) {
	var want uint32
	for _, r := range rules {
		if r > RuleUnknown && r <= AnhojCrossings {
			want |= 1 << r
		}
	}
	n := min(len(c.Points), len(c.LCL), len(c.UCL))
	if want == 0 || n == 0 {
		return nil
	}
	if want&(1<<AnhojRun|1<<AnhojCrossings) != 0 {
		defer func() { out = c.mergeAnhoj(out, n, want) }()
	}
	z := c.zoner(n)
	var (
		cur, prev classes
		prevX     = math.NaN()
	)
	// The points are classified 64 at a time into bit sets (bit j of a word
	// is point base + j); each rule is then a few shifts and ANDs per word,
	// with the previous word supplying the bits a window needs from before.
	for base := 0; base < n; base += 64 {
		prev, cur = cur, classes{}
		prevX = c.classify(&z, base, min(n, base+64), prevX, &cur)
		cur.alt = cur.rise&(cur.fall<<1|prev.fall>>63) | cur.fall&(cur.rise<<1|prev.rise>>63)
		var hit [Nelson8 + 1]uint64
		hit[WE1] = cur.beyond
		hit[WE2] = cur.a2&(shift(cur.a2, prev.a2, 1)|shift(cur.a2, prev.a2, 2)) | cur.b2&(shift(cur.b2, prev.b2, 1)|shift(cur.b2, prev.b2, 2))
		hit[WE3] = cur.a1&threeOfFour(cur.a1, prev.a1) | cur.b1&threeOfFour(cur.b1, prev.b1)
		if base == 0 { // a k-of-m rule needs a full window: points 2… and 4…
			hit[WE2] &^= 3
			hit[WE3] &^= 15
		}
		hit[WE4] = run(cur.up, prev.up, 8) | run(cur.down, prev.down, 8)
		hit[Nelson1], hit[Nelson5], hit[Nelson6] = hit[WE1], hit[WE2], hit[WE3]
		hit[Nelson2] = run(cur.up, prev.up, 9) | run(cur.down, prev.down, 9)
		hit[Nelson3] = run(cur.rise, prev.rise, 5) | run(cur.fall, prev.fall, 5)
		hit[Nelson4] = run(cur.alt, prev.alt, 12)
		hit[Nelson7] = run(cur.in, prev.in, 15)
		hit[Nelson8] = run(cur.a1|cur.b1, prev.a1|prev.b1, 8) & within(cur.a1, prev.a1, 8) & within(cur.b1, prev.b1, 8)
		var any uint64
		for r := WE1; r <= Nelson8; r++ {
			if want&(1<<r) == 0 {
				hit[r] = 0
			}
			any |= hit[r]
		}
		for ; any != 0; any &= any - 1 {
			j := bits.TrailingZeros64(any)
			for r := WE1; r <= Nelson8; r++ {
				if hit[r]>>j&1 != 0 {
					if len(out) == cap(out) { // double, rather than append's 1.25× for large slices
						out = append(make([]Violation, 0, max(64, 2*cap(out))), out...)
					}
					out = append(out, Violation{Rule: r, Index: base + j})
				}
			}
		}
	}
	return out
}

// classes holds, for up to 64 consecutive points, one bit per point for
// each class the rules look at.
type classes struct {
	beyond     uint64 // beyond a control limit
	a2, b2     uint64 // beyond 2σ above, below
	a1, b1     uint64 // beyond 1σ above, below
	up, down   uint64 // above, below the centre
	in         uint64 // within 1σ, inclusive
	rise, fall uint64 // above, below the previous point
	alt        uint64 // rise after a fall or fall after a rise
}

// classify sets the class bits of points [from, to) in w, given the value
// of the point before from, and returns the value of the last point. A NaN
// point is in no class, so it breaks every run. It runs three short loops
// over the block (at most 64 points, in cache) rather than one long one,
// so that each keeps its words in registers.
func (c Chart) classify(z *zoner, from, to int, prevX float64, w *classes) float64 {
	pts, lcls, ucls := c.Points[from:to], c.LCL[from:to], c.UCL[from:to]
	center := c.Center
	var beyond, up, down, rise, fall uint64
	for j, x := range pts {
		beyond |= (b2w(x > ucls[j]) | b2w(x < lcls[j])) << j
		up |= b2w(x > center) << j
		down |= b2w(x < center) << j
		rise |= b2w(x > prevX) << j
		fall |= b2w(x < prevX) << j
		prevX = x
	}
	var a2, b2, a1, b1, in uint64
	if z.constant {
		lo2, lo1, hi1, hi2 := z.fixed[0], z.fixed[1], z.fixed[2], z.fixed[3]
		for j, x := range pts {
			a2 |= b2w(x > hi2) << j
			b2 |= b2w(x < lo2) << j
			a1 |= b2w(x > hi1) << j
			b1 |= b2w(x < lo1) << j
			in |= (b2w(x >= lo1) & b2w(x <= hi1)) << j
		}
	} else {
		for j, x := range pts {
			lo2, lo1, hi1, hi2 := z.bounds(from+j, lcls[j], ucls[j])
			a2 |= b2w(x > hi2) << j
			b2 |= b2w(x < lo2) << j
			a1 |= b2w(x > hi1) << j
			b1 |= b2w(x < lo1) << j
			in |= (b2w(x >= lo1) & b2w(x <= hi1)) << j
		}
	}
	*w = classes{beyond: beyond, a2: a2, b2: b2, a1: a1, b1: b1, up: up, down: down, in: in, rise: rise, fall: fall}
	return prevX
}

// shift returns the bits of cur moved k points later (1 ≤ k ≤ 63), the
// last k bits of prev filling the first k positions.
func shift(cur, prev uint64, k uint) uint64 { return cur<<k | prev>>(64-k) }

// run returns the points that end a run of at least length ≥ 2 set bits.
func run(cur, prev uint64, length uint) uint64 {
	r := cur
	for k := uint(1); k < length; k++ {
		r &= shift(cur, prev, k)
	}
	return r
}

// within returns the points whose window of the last length points
// (itself included) holds a set bit.
func within(cur, prev uint64, length uint) uint64 {
	r := cur
	for k := uint(1); k < length; k++ {
		r |= shift(cur, prev, k)
	}
	return r
}

// threeOfFour returns the points with at least three set bits among the
// four points before them.
func threeOfFour(cur, prev uint64) uint64 {
	p1, p2, p3, p4 := shift(cur, prev, 1), shift(cur, prev, 2), shift(cur, prev, 3), shift(cur, prev, 4)
	return p1&p2&(p3|p4) | p3&p4&(p1|p2)
}

func b2w(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// PointSigma returns the σ of point i that the run rules measure zones in:
// the standard error of the plotted statistic, from the chart's Kind, Sigma
// and Sizes (σ/√nᵢ on X̄, p, p′, u and u′ charts, σ√nᵢ on np, σ on I, c
// and g, d₃σ and σ√(1 − c₄²) on R and S; on a t chart σ of the
// transformed times). A chart built by hand (no Kind or no Sigma) falls back
// on its limits: the wider of (UCL − Center)/k and (Center − LCL)/k,
// ignoring an infinite limit. It is 0 when there are no zones or i is out of
// range. See [Chart.Zones] for the zone lines themselves.
func (c Chart) PointSigma(i int) float64 {
	if i < 0 || i >= len(c.LCL) || i >= len(c.UCL) {
		return 0
	}
	z := c.zoner(i + 1)
	if c.Kind == TimeBetween && z.mode == zoneT {
		return c.Sigma
	}
	return z.se(i, c.LCL[i], c.UCL[i])
}

// Zones returns the zone lines of point i as the run rules use them: 2σ and
// 1σ below the centre, 1σ and 2σ above (for k-sigma limits, k/3 and 2k/3 of
// the point's σ). They are NaN when the point has no zones (σ = 0) or i is
// out of range. On a t chart they are transformed back to the original time
// scale, so they are not evenly spaced.
func (c Chart) Zones(i int) (lo2, lo1, hi1, hi2 float64) {
	nan := math.NaN()
	if i < 0 || i >= len(c.LCL) || i >= len(c.UCL) {
		return nan, nan, nan, nan
	}
	z := c.zoner(i + 1)
	if z.constant {
		return z.fixed[0], z.fixed[1], z.fixed[2], z.fixed[3]
	}
	return z.bounds(i, c.LCL[i], c.UCL[i])
}

// zoner computes the zone lines of a chart's points.
type zoner struct {
	mode     uint8
	constant bool       // every point has the zone lines in fixed
	fixed    [4]float64 // lo2, lo1, hi1, hi2
	center   float64
	k, k3    float64 // the multiplier and k/3
	sigma    float64
	sizes    []float64
	kind     ChartKind
	lastSize float64 // the last R or S subgroup size looked up, and its σ
	lastSE   float64
}

// How a point's σ is found.
const (
	zoneFromLimits = iota // hand-built chart: wider side of the limits / k
	zoneConst             // σ
	zoneInvSqrt           // σ/√nᵢ
	zoneSqrt              // σ·√nᵢ
	zoneRS                // d₃(nᵢ)σ (R) or σ√(1 − c₄(nᵢ)²) (S)
	zoneT                 // t chart: fixed lines, transformed back
)

// zoner prepares the zones of the first n points.
func (c Chart) zoner(n int) zoner {
	k := c.Sigmas
	if !(k > 0) || math.IsInf(k, 0) {
		k = 3
	}
	z := zoner{center: c.Center, k: k, k3: k / 3, sigma: c.Sigma}
	if !(c.Sigma > 0) || math.IsInf(c.Sigma, 0) {
		return z
	}
	switch c.Kind {
	case Individuals, Defects, Geometric:
		z.mode = zoneConst
	case Means, Proportions, DefectsPerUnit, PPrime, UPrime:
		if len(c.Sizes) >= n {
			z.mode, z.sizes = zoneInvSqrt, c.Sizes
		}
	case Counts:
		if len(c.Sizes) >= n {
			z.mode, z.sizes = zoneSqrt, c.Sizes
		}
	case MovingRanges:
		z.mode, z.sigma = zoneConst, d3Pair*c.Sigma
	case Ranges, StdDevs:
		if len(c.Sizes) >= n {
			z.mode, z.sizes, z.kind = zoneRS, c.Sizes, c.Kind
		}
	case TimeBetween:
		if c.Center >= 0 {
			z.mode, z.constant = zoneT, true
			ct, w := math.Pow(c.Center, 1/tPower), z.k3*c.Sigma
			back := func(y float64) float64 {
				if y <= 0 {
					return -1 // no time is below a non-positive transformed line
				}
				return math.Pow(y, tPower)
			}
			z.fixed = [4]float64{back(ct - 2*w), back(ct - w), back(ct + w), back(ct + 2*w)}
		}
	}
	if z.mode == zoneConst {
		z.constant = true
		z.fixed[0], z.fixed[1], z.fixed[2], z.fixed[3] = z.lines(z.sigma)
	}
	return z
}

// se returns the σ of point i.
func (z *zoner) se(i int, lcl, ucl float64) float64 {
	var se float64
	switch z.mode {
	case zoneConst:
		se = z.sigma
	case zoneInvSqrt:
		se = z.sigma / math.Sqrt(z.sizes[i])
	case zoneSqrt:
		se = z.sigma * math.Sqrt(z.sizes[i])
	case zoneRS:
		n := z.sizes[i]
		if !(n >= 2 && n <= maxSubgroup && n == math.Trunc(n)) { // not a subgroup size: use the limits
			se = limitSpread(z.center, lcl, ucl) / z.k
			break
		}
		if n != z.lastSize {
			z.lastSize, z.lastSE = n, Limits{Kind: z.kind, Sigma: z.sigma}.se(n)
		}
		se = z.lastSE
	default:
		se = limitSpread(z.center, lcl, ucl) / z.k
	}
	if !(se > 0) || math.IsInf(se, 0) {
		return 0
	}
	return se
}

// bounds returns the zone lines of point i.
func (z *zoner) bounds(i int, lcl, ucl float64) (lo2, lo1, hi1, hi2 float64) {
	return z.lines(z.se(i, lcl, ucl))
}

// lines returns the zone lines of a point of σ se: NaN (no zones) when
// se is 0.
func (z *zoner) lines(se float64) (lo2, lo1, hi1, hi2 float64) {
	w := se * z.k3
	if !(w > 0) {
		nan := math.NaN()
		return nan, nan, nan, nan
	}
	return z.center - 2*w, z.center - w, z.center + w, z.center + 2*w
}

// limitSpread returns the wider finite distance from the centre to a limit.
func limitSpread(center, lcl, ucl float64) float64 {
	s := 0.0
	if d := ucl - center; d > s && d <= math.MaxFloat64 {
		s = d
	}
	if d := center - lcl; d > s && d <= math.MaxFloat64 {
		s = d
	}
	return s
}
