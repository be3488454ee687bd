package pdca

import "fmt"

// PhasedChart is one control chart in several phases (fases): before a
// change, during it, after it. Each phase has its own centre and limits,
// computed from its own points, the way qicharts2 draws its "part"
// argument; qcc cannot (its issue #15, open since 2019). The run rules
// restart at each phase, so no run straddles a change.
type PhasedChart struct {
	Phases []Chart `json:"phases"`
}

// Phases builds the chart of kind (as [Series.Chart]) of each phase of s: the
// first phase starts at index 0 and each of starts (0-based, strictly
// increasing, inside the series) begins a new one. Every phase must have the
// points its chart needs (two for an individuals chart).
func (s Series) Phases(kind ChartKind, starts ...int) (PhasedChart, error) {
	bounds := append([]int{0}, starts...)
	for i, b := range starts {
		if b <= bounds[i] || b >= len(s) {
			return PhasedChart{}, fmt.Errorf("pdca: phases: start %d of phase %d: want increasing and inside the %d samples: %w", b, i+2, len(s), ErrInvalidData)
		}
	}
	bounds = append(bounds, len(s))
	pc := PhasedChart{Phases: make([]Chart, 0, len(starts)+1)}
	for p := range len(bounds) - 1 {
		c, err := s[bounds[p]:bounds[p+1]].Chart(kind)
		if err != nil {
			return PhasedChart{}, fmt.Errorf("pdca: phases: phase %d (samples %d–%d): %w", p+1, bounds[p]+1, bounds[p+1], err)
		}
		pc.Phases = append(pc.Phases, c)
	}
	return pc, nil
}

// Start returns the index, in the whole series, of the first point of phase
// p (0-based); Start(len(Phases)) is the number of points.
func (pc PhasedChart) Start(p int) int {
	n := 0
	for _, c := range pc.Phases[:min(p, len(pc.Phases))] {
		n += len(c.Points)
	}
	return n
}

// Phase returns the phase of point i of the whole series, or −1 when i is
// out of range.
func (pc PhasedChart) Phase(i int) int {
	if i < 0 {
		return -1
	}
	for p, c := range pc.Phases {
		if i < len(c.Points) {
			return p
		}
		i -= len(c.Points)
	}
	return -1
}

// Violations applies rules to each phase against its own limits and returns
// the flagged points with their indices in the whole series, in order.
func (pc PhasedChart) Violations(rules RuleSet) []Violation {
	var out []Violation
	base := 0
	for _, c := range pc.Phases {
		for _, v := range c.Violations(rules) {
			out = append(out, Violation{Rule: v.Rule, Index: base + v.Index})
		}
		base += len(c.Points)
	}
	return out
}
