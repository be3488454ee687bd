package pdca

import (
	"errors"
	"fmt"
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// Monitor says which chart the Check watches the post-change points on.
// The zero value is [MonitorShewhart].
type Monitor uint8

// The monitoring charts of a Check.
const (
	// MonitorShewhart applies the plan's run rules to the post-change points
	// on the frozen Shewhart limits.
	MonitorShewhart Monitor = iota
	// MonitorEWMA smooths the post-change points with an [EWMA] chart
	// against the baseline's centre and σ (and applies the run rules too,
	// if the plan has any). Its limits also count the variance of the
	// baseline's centre, σ²/N for a baseline of N units, so that a short
	// baseline's own estimation error is not read as a change: the monitor
	// for small sustained shifts at call-centre volumes.
	MonitorEWMA
	// MonitorCUSUM accumulates them on a [CUSUM] chart (and applies the run
	// rules too, if the plan has any). Its sums take the baseline's centre
	// as known, as qcc's do: with a short baseline a persistent estimation
	// error accumulates too, so prefer [MonitorEWMA] or a longer baseline.
	MonitorCUSUM
)

var monitorNames = enum.New("pdca: monitor", ErrInvalidName,
	[]string{"shewhart", "ewma", "cusum"},
	map[string]Monitor{"run rules": MonitorShewhart, "reglas": MonitorShewhart,
		"exponentially weighted moving average": MonitorEWMA, "media móvil exponencial": MonitorEWMA, "promedio móvil exponencial": MonitorEWMA,
		"cumulative sum": MonitorCUSUM, "suma acumulada": MonitorCUSUM, "sumas acumuladas": MonitorCUSUM})

// ParseMonitor returns the monitor named s ("ewma", "suma acumulada"...).
func ParseMonitor(s string) (Monitor, error) { return monitorNames.Parse(s) }

// String returns the monitor's name.
func (m Monitor) String() string { return monitorNames.String(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Monitor) MarshalText() ([]byte, error) { return monitorNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMonitor].
func (m *Monitor) UnmarshalText(b []byte) error { return monitorNames.UnmarshalText(m, b) }

// DispersionPolicy says how the Check treats counts (p, u and c charts)
// that vary more between samples than their binomial or Poisson model
// allows. The zero value is [DispersionAuto].
type DispersionPolicy uint8

// The dispersion policies.
const (
	// DispersionAuto tests the baseline ([DispersionOf]) and judges an
	// overdispersed p, u or c indicator on Laney's p′ or u′ chart.
	DispersionAuto DispersionPolicy = iota
	// DispersionNominal keeps the chart of the indicator whatever the test
	// says (the result still reports it).
	DispersionNominal
	// DispersionLaney always uses Laney's p′ or u′ chart for p, u and c
	// indicators, as Laney recommends.
	DispersionLaney
)

var dispersionNames = enum.New("pdca: dispersion policy", ErrInvalidName,
	[]string{"auto", "nominal", "laney"},
	map[string]DispersionPolicy{"automatic": DispersionAuto, "automática": DispersionAuto,
		"model": DispersionNominal, "modelo": DispersionNominal, "prime": DispersionLaney, "prima": DispersionLaney})

// ParseDispersionPolicy returns the policy named s.
func ParseDispersionPolicy(s string) (DispersionPolicy, error) { return dispersionNames.Parse(s) }

// String returns the policy's name.
func (d DispersionPolicy) String() string { return dispersionNames.String(d) }

// MarshalText implements encoding.TextMarshaler.
func (d DispersionPolicy) MarshalText() ([]byte, error) { return dispersionNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDispersionPolicy].
func (d *DispersionPolicy) UnmarshalText(b []byte) error { return dispersionNames.UnmarshalText(d, b) }

// CheckPlan says how the Check phase will judge the change.
type CheckPlan struct {
	// Rules are the run rules applied to the post-change points against the
	// frozen baseline limits; required unless Monitor is EWMA or CUSUM.
	Rules RuleSet `json:"rules,omitempty"`
	// Monitor is the chart the post-change points are watched on; the zero
	// value applies Rules to the Shewhart chart only.
	Monitor Monitor `json:"monitor,omitempty"`
	// Sigmas is the multiplier k of the Shewhart and EWMA limits (qcc's
	// nsigmas); 0 means 3.
	Sigmas float64 `json:"sigmas,omitempty"`
	// Lambda is the EWMA weight λ in (0, 1]; 0 means 0.2, qcc's default.
	Lambda float64 `json:"lambda,omitempty"`
	// DecisionInterval is the CUSUM's h in standard errors; 0 means 5.
	DecisionInterval float64 `json:"decisionInterval,omitempty"`
	// Shift is the shift the CUSUM is tuned to detect, in standard errors;
	// 0 means 1.
	Shift float64 `json:"shift,omitempty"`
	// Dispersion says what to do with overdispersed counts; the zero value
	// tests the baseline and picks the chart.
	Dispersion DispersionPolicy `json:"dispersion,omitempty"`
	// MinBaseline is the fewest points limits may come from: the baseline's,
	// and, after the change, a new standard's or a follow-up cycle's; 0
	// means 20, the usual minimum for trial limits.
	MinBaseline int `json:"minBaseline,omitempty"`
	// MinPoints is the fewest post-change points that may show "no change";
	// 0 means the longest run a directional rule of Rules needs (8 for the
	// Western Electric rules, 9 for Nelson's), and at least 10 on an EWMA
	// or CUSUM chart (with qcc's defaults both see a sustained 1σ shift in
	// about ten points on average). Signals count with fewer.
	MinPoints int `json:"minPoints,omitempty"`
}

// Validate reports everything wrong with the plan at once: no rules for a
// Shewhart check, unknown rules or rules that are monitors, an undefined
// monitor or policy, parameters out of range, negative minimums.
func (p CheckPlan) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("pdca: check plan: "+format+": %w", append(args, ErrInvalidCycle)...))
	}
	if !monitorNames.Valid(p.Monitor) {
		bad("monitor %v undefined", p.Monitor)
	}
	if len(p.Rules) == 0 && p.Monitor == MonitorShewhart {
		bad("no rules")
	}
	for i, r := range p.Rules {
		if r == RuleUnknown || !ruleNames.Valid(r) || r > AnhojCrossings {
			bad("rule %d is %v", i+1, r)
		}
	}
	if !dispersionNames.Valid(p.Dispersion) {
		bad("dispersion policy %v undefined", p.Dispersion)
	}
	if p.Sigmas < 0 || math.IsNaN(p.Sigmas) || math.IsInf(p.Sigmas, 0) {
		bad("sigmas %v: want a finite multiplier > 0 (0 means 3)", p.Sigmas)
	}
	if !(p.Lambda >= 0 && p.Lambda <= 1) {
		bad("lambda %v: want in (0, 1] (0 means 0.2)", p.Lambda)
	}
	if p.DecisionInterval < 0 || p.Shift < 0 || math.IsInf(p.DecisionInterval, 0) || math.IsInf(p.Shift, 0) ||
		math.IsNaN(p.DecisionInterval) || math.IsNaN(p.Shift) {
		bad("decision interval %v, shift %v: want finite and ≥ 0 (0 means 5 and 1)", p.DecisionInterval, p.Shift)
	}
	if p.MinBaseline < 0 || p.MinPoints < 0 {
		bad("minimums %d, %d: want ≥ 0", p.MinBaseline, p.MinPoints)
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
		if directional(r) {
			m = max(m, r.Window())
		}
	}
	if p.Monitor != MonitorShewhart {
		m = max(m, 10)
	}
	return m
}

// directional reports whether a rule's signals say which way the level
// moved; the others (Nelson 4, 7 and 8, few crossings) are a change in
// variation or pattern.
func directional(r Rule) bool {
	switch r {
	case Nelson4, Nelson7, Nelson8, AnhojCrossings:
		return false
	}
	return true
}
