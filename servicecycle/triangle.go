package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
)

// CongruenceGap is the difference between two perspectives' mean scores at
// or above which [Congruence] flags a gap: one point on the 1–5 scale.
const CongruenceGap = 1.0

// Score is one assessment of a side of the service triangle, from one
// perspective, on a 1–5 scale, with the evidence behind it.
type Score struct {
	Side Side `json:"side"`
	// System names the system scored when Side is Systems; optional there,
	// and must be unset for the other sides.
	System      SystemKind  `json:"system,omitempty"`
	Perspective Perspective `json:"perspective"`
	Value       float64     `json:"value"`
	Evidence    string      `json:"evidence,omitempty"`
}

// Triangle is a validated set of scores of the service triangle (triángulo
// del servicio). It is immutable; the zero Triangle has no scores.
type Triangle struct {
	scores []Score
}

// NewTriangle validates the scores and returns the triangle. Every problem
// is reported (errors.Join), each wrapping [ErrInvalidTriangle]: an unknown
// side or perspective, a system on a side other than Systems, a value outside
// 1–5.
func NewTriangle(scores ...Score) (Triangle, error) {
	var errs []error
	for i, s := range scores {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("servicecycle: triangle score %d: "+format+": %w",
				append(append([]any{i}, args...), ErrInvalidTriangle)...))
		}
		if s.Side == SideUnknown || !s.Side.IsValid() {
			bad("side %s undefined", s.Side)
		}
		if !s.System.IsValid() || (s.System != SystemUnknown && s.Side != Systems) {
			bad("system %s on side %s", s.System, s.Side)
		}
		if s.Perspective == PerspectiveUnknown || !s.Perspective.IsValid() {
			bad("perspective %s undefined", s.Perspective)
		}
		if math.IsNaN(s.Value) || s.Value < MinRating || s.Value > MaxRating {
			bad("value %g outside %d–%d", s.Value, MinRating, MaxRating)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Triangle{}, err
	}
	return Triangle{scores: slices.Clone(scores)}, nil
}

// Scores returns a copy of the triangle's scores.
func (t Triangle) Scores() []Score { return slices.Clone(t.scores) }

// MarshalJSON writes the scores as a JSON array.
func (t Triangle) MarshalJSON() ([]byte, error) {
	if t.scores == nil {
		return []byte("[]"), nil
	}
	return json.Marshal(t.scores)
}

// UnmarshalJSON reads a JSON array of scores and validates it with
// [NewTriangle]; on error *t is unchanged.
func (t *Triangle) UnmarshalJSON(data []byte) error {
	var scores []Score
	if err := json.Unmarshal(data, &scores); err != nil {
		return fmt.Errorf("servicecycle: triangle JSON: %w: %w", err, ErrInvalidTriangle)
	}
	nt, err := NewTriangle(scores...)
	if err != nil {
		return err
	}
	*t = nt
	return nil
}

// TriangleAssessment is the result of [Triangle.Assess].
type TriangleAssessment struct {
	// Sides holds Strategy, People and Systems in that order (N is 0 for a
	// side without scores).
	Sides []SideAssessment `json:"sides"`
	// Weakest is the scored side with the lowest mean (ties to the first in
	// order); SideUnknown when nothing was scored.
	Weakest Side `json:"weakest"`
	// Congruence compares the three perspectives over every score.
	Congruence Congruence `json:"congruence"`
}

// SideAssessment summarises the scores of one side.
type SideAssessment struct {
	Side Side    `json:"side"`
	N    int     `json:"n"`
	Mean float64 `json:"mean"`
	// Evidence lists the scores' evidence, in the order given, non-empty only.
	Evidence []string `json:"evidence,omitempty"`
	// Systems breaks the Systems side down per system, in system order, scored only.
	Systems []SystemAssessment `json:"systems,omitempty"`
	// Congruence compares the perspectives on this side.
	Congruence Congruence `json:"congruence"`
}

// SystemAssessment summarises the scores of one system.
type SystemAssessment struct {
	System SystemKind `json:"system"`
	N      int        `json:"n"`
	Mean   float64    `json:"mean"`
}

// Congruence (congruencia) compares what customers, employees and the service
// context say: their frames of reference must coincide.
type Congruence struct {
	// Mean score and number of scores per perspective.
	Customer  float64 `json:"customer"`
	Employee  float64 `json:"employee"`
	Context   float64 `json:"context"`
	CustomerN int     `json:"customerN"`
	EmployeeN int     `json:"employeeN"`
	ContextN  int     `json:"contextN"`
	// Gaps lists each pair of scored perspectives whose means differ by
	// [CongruenceGap] or more, in the order customer–employee,
	// customer–context, employee–context.
	Gaps []Gap `json:"gaps,omitempty"`
	// Congruent is true when at least two perspectives were scored and no
	// gap was flagged.
	Congruent bool `json:"congruent"`
}

// Gap is a flagged difference between two perspectives: Difference is A's
// mean minus B's.
type Gap struct {
	A          Perspective `json:"a"`
	B          Perspective `json:"b"`
	Difference float64     `json:"difference"`
}

// Assess summarises the triangle: each side's mean and evidence, the weakest
// side, and congruence overall and per side.
func (t Triangle) Assess() TriangleAssessment {
	var out TriangleAssessment
	for _, side := range Sides() {
		sa := SideAssessment{Side: side}
		var sum float64
		var sys [5]struct {
			n   int
			sum float64
		}
		var onSide []Score
		for _, s := range t.scores {
			if s.Side != side {
				continue
			}
			onSide = append(onSide, s)
			sa.N++
			sum += s.Value
			if s.Evidence != "" {
				sa.Evidence = append(sa.Evidence, s.Evidence)
			}
			if s.System != SystemUnknown {
				sys[s.System].n++
				sys[s.System].sum += s.Value
			}
		}
		if sa.N > 0 {
			sa.Mean = sum / float64(sa.N)
		}
		for k := Managerial; k <= Human; k++ {
			if sys[k].n > 0 {
				sa.Systems = append(sa.Systems, SystemAssessment{System: k, N: sys[k].n, Mean: sys[k].sum / float64(sys[k].n)})
			}
		}
		sa.Congruence = congruenceOf(onSide)
		out.Sides = append(out.Sides, sa)
		if sa.N > 0 && (out.Weakest == SideUnknown || sa.Mean < out.Sides[out.Weakest-1].Mean) {
			out.Weakest = side
		}
	}
	out.Congruence = congruenceOf(t.scores)
	return out
}

func congruenceOf(scores []Score) Congruence {
	var n [4]int
	var sum [4]float64
	for _, s := range scores {
		n[s.Perspective]++
		sum[s.Perspective] += s.Value
	}
	var mean [4]float64
	for p := range n {
		if n[p] > 0 {
			mean[p] = sum[p] / float64(n[p])
		}
	}
	c := Congruence{Customer: mean[CustomerView], Employee: mean[EmployeeView], Context: mean[ContextView],
		CustomerN: n[CustomerView], EmployeeN: n[EmployeeView], ContextN: n[ContextView]}
	scored := 0
	for _, p := range []Perspective{CustomerView, EmployeeView, ContextView} {
		if n[p] > 0 {
			scored++
		}
	}
	for _, pair := range [][2]Perspective{{CustomerView, EmployeeView}, {CustomerView, ContextView}, {EmployeeView, ContextView}} {
		a, b := pair[0], pair[1]
		if n[a] == 0 || n[b] == 0 {
			continue
		}
		// Compare with a tolerance so that 4.1 − 3.1 counts as a full point.
		if d := mean[a] - mean[b]; math.Abs(d) >= CongruenceGap-1e-9 {
			c.Gaps = append(c.Gaps, Gap{A: a, B: b, Difference: d})
		}
	}
	c.Congruent = scored >= 2 && len(c.Gaps) == 0
	return c
}
