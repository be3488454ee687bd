package pdca

import (
	"errors"
	"fmt"

	"github.com/servuction/servuction/internal/enum"
)

// Verdict is the outcome of the Check phase (verificar): did the process
// change, and was the target reached? The zero value is [VerdictUnknown].
type Verdict uint8

// The verdicts of [Check].
const (
	VerdictUnknown       Verdict = iota
	ImprovedTargetMet            // favourable signals, and the new level meets the standard
	ImprovedTargetMissed         // favourable signals, but the new level misses the standard
	NoChange                     // no signal: the process is the same as before
	Deteriorated                 // adverse signals: the process got worse
	InsufficientData             // too few points to tell: keep measuring
	Unstable                     // signals both ways, or a change in variation only: not a stable process
)

var verdictNames = enum.New("pdca: verdict", ErrInvalidName,
	[]string{"unknown", "improved-target-met", "improved-target-missed", "no-change", "deteriorated", "insufficient-data", "unstable"},
	map[string]Verdict{"mejoró y cumple la meta": ImprovedTargetMet, "mejoró sin cumplir la meta": ImprovedTargetMissed,
		"sin cambio": NoChange, "empeoró": Deteriorated, "datos insuficientes": InsufficientData, "inestable": Unstable})

// ParseVerdict returns the verdict named s.
func ParseVerdict(s string) (Verdict, error) { return verdictNames.Parse(s) }

// String returns the verdict's English name.
func (v Verdict) String() string { return verdictNames.String(v) }

// MarshalText implements encoding.TextMarshaler.
func (v Verdict) MarshalText() ([]byte, error) { return verdictNames.MarshalText(v) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseVerdict].
func (v *Verdict) UnmarshalText(b []byte) error { return verdictNames.UnmarshalText(v, b) }

// Decision is the Act phase's choice (actuar: corregir y estandarizar). The
// zero value [DecisionNone] means "no decision yet": keep checking.
type Decision uint8

// The Act decisions.
const (
	DecisionNone Decision = iota
	Standardize           // estandarizar: the new practice becomes the standard
	Adjust                // corregir: plan a follow-up cycle from the current data
	Abandon               // abandonar: drop the change, with a rationale
)

var decisionNames = enum.New("pdca: decision", ErrInvalidName,
	[]string{"none", "standardize", "adjust", "abandon"},
	map[string]Decision{"ninguna": DecisionNone, "standardise": Standardize, "estandarizar": Standardize,
		"corregir": Adjust, "ajustar": Adjust, "abandonar": Abandon})

// ParseDecision returns the decision named s, in English or Spanish.
func ParseDecision(s string) (Decision, error) { return decisionNames.Parse(s) }

// String returns the decision's English name.
func (d Decision) String() string { return decisionNames.String(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Decision) MarshalText() ([]byte, error) { return decisionNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDecision].
func (d *Decision) UnmarshalText(b []byte) error { return decisionNames.UnmarshalText(d, b) }

// Effect classifies a rule violation for an indicator.
type Effect uint8

// The effects of a signal.
const (
	Neutral    Effect = iota // a change in variation (Nelson 4, 7, 8), not in level
	Favourable               // the level moved the way the indicator improves
	Adverse                  // the level moved the way the indicator worsens
)

var effectNames = enum.New("pdca: effect", ErrInvalidName,
	[]string{"neutral", "favourable", "adverse"},
	map[string]Effect{"favorable": Favourable, "desfavorable": Adverse, "adversa": Adverse, "neutra": Neutral})

// ParseEffect returns the effect named s ("favourable", "desfavorable"...).
func ParseEffect(s string) (Effect, error) { return effectNames.Parse(s) }

// String returns the effect's English name.
func (e Effect) String() string { return effectNames.String(e) }

// MarshalText implements encoding.TextMarshaler.
func (e Effect) MarshalText() ([]byte, error) { return effectNames.MarshalText(e) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseEffect].
func (e *Effect) UnmarshalText(b []byte) error { return effectNames.UnmarshalText(e, b) }

// CheckPlan says how the Check phase will judge the change.
type CheckPlan struct {
	// Rules are the run rules applied to the post-change points against the
	// frozen baseline limits; required.
	Rules RuleSet `json:"rules"`
	// MinBaseline is the fewest baseline points the limits may come from;
	// 0 means 20, the usual minimum for trial limits.
	MinBaseline int `json:"min_baseline,omitempty"`
	// MinPoints is the fewest post-change points that may show "no change";
	// 0 means the longest run a directional rule of Rules needs (8 for the
	// Western Electric rules, 9 for Nelson's). Signals count with fewer.
	MinPoints int `json:"min_points,omitempty"`
}

// Validate reports an empty rule set, unknown rules or negative minimums.
func (p CheckPlan) Validate() error {
	var errs []error
	if len(p.Rules) == 0 {
		errs = append(errs, fmt.Errorf("pdca: check plan: no rules: %w", ErrInvalidCycle))
	}
	for i, r := range p.Rules {
		if r == RuleUnknown || !ruleNames.Valid(r) {
			errs = append(errs, fmt.Errorf("pdca: check plan: rule %d is %v: %w", i+1, r, ErrInvalidCycle))
		}
	}
	if p.MinBaseline < 0 || p.MinPoints < 0 {
		errs = append(errs, fmt.Errorf("pdca: check plan: minimums %d, %d: want ≥ 0: %w", p.MinBaseline, p.MinPoints, ErrInvalidCycle))
	}
	return errors.Join(errs...)
}

func (p CheckPlan) minBaseline() int {
	if p.MinBaseline > 0 {
		return p.MinBaseline
	}
	return 20
}

func (p CheckPlan) minPoints() int {
	if p.MinPoints > 0 {
		return p.MinPoints
	}
	m := 1
	for _, r := range p.Rules {
		switch r {
		case Nelson4, Nelson7, Nelson8: // not directional
		default:
			m = max(m, r.Window())
		}
	}
	return m
}

// Evidence is one flagged post-change point.
type Evidence struct {
	Rule   Rule    `json:"rule"`
	Index  int     `json:"index"` // 0-based, in the post-change series
	Period string  `json:"period"`
	Value  float64 `json:"value"`
	Effect Effect  `json:"effect"`
}

// CheckResult is the verdict of a Check with its evidence.
type CheckResult struct {
	Verdict   Verdict  `json:"verdict"`
	Suggested Decision `json:"suggested"`
	Reason    string   `json:"reason"`
	// Baseline are the frozen limits of the baseline (Phase I).
	Baseline Limits `json:"baseline"`
	// After is the post-change data on the frozen baseline limits (Phase II);
	// empty when the baseline was insufficient.
	After Chart `json:"after"`
	// Level is the post-change level (pooled p̄, ū, c̄ or mean) compared with
	// the target; TargetMet says whether it meets it.
	Level     float64    `json:"level"`
	TargetMet bool       `json:"target_met"`
	Evidence  []Evidence `json:"evidence,omitempty"`
}

// Favourable returns the evidence in the indicator's direction of improvement.
func (r CheckResult) Favourable() []Evidence { return r.filter(Favourable) }

// Adverse returns the evidence against the indicator's direction of improvement.
func (r CheckResult) Adverse() []Evidence { return r.filter(Adverse) }

func (r CheckResult) filter(e Effect) []Evidence {
	var out []Evidence
	for _, x := range r.Evidence {
		if x.Effect == e {
			out = append(out, x)
		}
	}
	return out
}

// Check judges a change the statistical way, as Shewhart's control charts do:
// it freezes the control limits of the baseline (Phase I, on the chart the
// indicator calls for), plots the post-change samples against them (Phase
// II), applies plan's run rules and sorts the signals into favourable and
// adverse by the indicator's direction. The verdict:
//
//   - [InsufficientData] when the baseline has fewer than MinBaseline points,
//     or there is no signal and fewer than MinPoints post-change points;
//   - [Deteriorated] when there are adverse signals and no favourable ones
//     (or both, and the post-change level moved the wrong way);
//   - [ImprovedTargetMet] or [ImprovedTargetMissed] when there are favourable
//     signals and no adverse ones (or both, and the level moved the right
//     way), depending on whether the post-change level meets target;
//   - [NoChange] otherwise: the process did not change, whatever its average
//     happens to be this month.
//
// The suggested decision is [Standardize], [Adjust], [Adjust] and [Abandon]
// respectively, and [DecisionNone] for insufficient data. Malformed input
// (bad counts, NaN) is an error, never a verdict.
func Check(ind Indicator, target Standard, baseline, after Series, plan CheckPlan) (CheckResult, error) {
	if err := errors.Join(ind.Validate(), target.Validate(), plan.Validate()); err != nil {
		return CheckResult{}, err
	}
	kind := ind.RecommendedChart()
	// Validate both series' shapes before judging.
	if _, _, err := baseline.points(kind); err != nil {
		return CheckResult{}, err
	}
	pts, sizes, err := after.points(kind)
	if err != nil {
		return CheckResult{}, err
	}
	res := CheckResult{Verdict: InsufficientData}
	if len(baseline) < plan.minBaseline() {
		res.Reason = fmt.Sprintf("baseline has %d points; frozen limits need at least %d", len(baseline), plan.minBaseline())
		return res, nil
	}
	base, err := baseline.Chart(kind)
	if err != nil {
		if errors.Is(err, ErrInsufficientData) {
			res.Reason = err.Error()
			return res, nil
		}
		return CheckResult{}, err
	}
	res.Baseline = base.Limits()
	if len(after) == 0 {
		res.Reason = "no post-change points yet"
		return res, nil
	}
	res.After, err = res.Baseline.Chart(pts, sizes)
	if err != nil {
		return CheckResult{}, err
	}
	res.Level = level(kind, after, pts, sizes)
	res.TargetMet = target.Met(res.Level)
	var fav, adv int
	for _, v := range res.After.Violations(plan.Rules) {
		e := Evidence{Rule: v.Rule, Index: v.Index, Period: after[v.Index].Period, Value: pts[v.Index],
			Effect: effectOf(v, res.After, ind.Direction)}
		switch e.Effect {
		case Favourable:
			fav++
		case Adverse:
			adv++
		}
		res.Evidence = append(res.Evidence, e)
	}
	better := (res.Level - res.Baseline.Center) * sign(ind.Direction)
	switch {
	case fav > 0 && (adv == 0 || better > 0):
		if res.TargetMet {
			res.Verdict, res.Suggested = ImprovedTargetMet, Standardize
			res.Reason = fmt.Sprintf("%d favourable signals against the baseline limits and the new level %.4g meets the target", fav, res.Level)
		} else {
			res.Verdict, res.Suggested = ImprovedTargetMissed, Adjust
			res.Reason = fmt.Sprintf("%d favourable signals against the baseline limits but the new level %.4g misses the target %.4g", fav, res.Level, target.Target)
		}
	case adv > 0 && (fav == 0 || better < 0):
		res.Verdict, res.Suggested = Deteriorated, Abandon
		res.Reason = fmt.Sprintf("%d adverse signals against the baseline limits; new level %.4g", adv, res.Level)
	case len(after) < plan.minPoints():
		res.Reason = fmt.Sprintf("no signal in %d post-change points; the rules need at least %d to show no change", len(after), plan.minPoints())
	default:
		res.Verdict, res.Suggested = NoChange, Adjust
		res.Reason = fmt.Sprintf("no favourable or adverse signal in %d post-change points: the process did not change", len(after))
	}
	return res, nil
}

func sign(d Direction) float64 {
	if d == LowerIsBetter {
		return -1
	}
	return 1
}

// effectOf says whether v marks a shift up or down and whether that is good.
func effectOf(v Violation, c Chart, d Direction) Effect {
	x := c.Points[v.Index]
	var up bool
	switch v.Rule {
	case Nelson4, Nelson7, Nelson8:
		return Neutral
	case Nelson3:
		up = v.Index > 0 && x > c.Points[v.Index-1]
	default:
		up = x > c.Center
	}
	if up == (d == HigherIsBetter) {
		return Favourable
	}
	return Adverse
}

// level pools the post-change samples the way the chart's centre is pooled.
func level(kind ChartKind, s Series, pts, sizes []float64) float64 {
	switch kind {
	case Proportions, DefectsPerUnit:
		var num, den float64
		for i, x := range s {
			num += x.Value
			den += sizes[i]
		}
		return num / den
	}
	return mean(pts)
}
