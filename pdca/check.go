package pdca

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

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
	// Unstable: signals in both directions, or a change in variation
	// alone (Nelson 4, 7 or 8, few crossings): the process after the change
	// is not stable, so its level cannot be judged.
	Unstable
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
	Neutral    Effect = iota // a change in variation or pattern (Nelson 4, 7, 8, few crossings), not in level
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

// Evidence is one flagged post-change point. A result lists its evidence
// by point, and for one point by rule (run rules before the EWMA or CUSUM).
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
	// Reason says why, in English; ReasonES says the same in Spanish (see
	// [CheckResult.ReasonIn]). It names the chart the Check chose and why.
	Reason   string `json:"reason"`
	ReasonES string `json:"reasonEs,omitempty"`
	// Baseline are the frozen limits of the baseline (Phase I), on the
	// chart the Check chose: Baseline.Kind is p′ or u′ when an overdispersed
	// p, u or c indicator was judged on Laney's chart.
	Baseline Limits `json:"baseline"`
	// After is the post-change data on the frozen baseline limits (Phase II);
	// empty when the baseline was insufficient.
	After Chart `json:"after"`
	// Level is the post-change level (pooled p̄, ū, c̄ or mean) compared with
	// the target; TargetMet says whether it meets it.
	Level     float64    `json:"level"`
	TargetMet bool       `json:"targetMet"`
	Evidence  []Evidence `json:"evidence,omitempty"`
	// Dispersion is the baseline's overdispersion test, for indicators
	// counted on p, u, c (and np, p′, u′) charts.
	Dispersion *Dispersion `json:"dispersion,omitempty"`
	// EWMA and CUSUM are the smoothed charts of the post-change points when
	// the plan monitors with them.
	EWMA  *EWMAChart  `json:"ewma,omitempty"`
	CUSUM *CUSUMChart `json:"cusum,omitempty"`
}

// ReasonIn returns the reason in the language lang: Spanish for "es" (and
// "es-CO", "español"...), English otherwise.
func (r CheckResult) ReasonIn(lang string) string {
	if spanish(lang) && r.ReasonES != "" {
		return r.ReasonES
	}
	return r.Reason
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
// indicator calls for — Laney's p′ or u′ when the baseline's counts are
// overdispersed, see [DispersionPolicy]), plots the post-change samples
// against them (Phase II), applies plan's run rules and, if the plan says
// so, an EWMA or CUSUM chart, and sorts the signals into favourable, adverse
// and neutral (a change in variation) by the indicator's direction. The
// verdict:
//
//   - [InsufficientData] when the baseline has fewer than MinBaseline points,
//     or there is no signal and fewer than MinPoints post-change points;
//   - [Unstable] when there are signals in both directions, or only neutral
//     ones: the process after the change is not stable;
//   - [ImprovedTargetMet] or [ImprovedTargetMissed] when the signals are
//     favourable, depending on whether the post-change level meets target;
//   - [Deteriorated] when they are adverse;
//   - [NoChange] otherwise: the process did not change, whatever its average
//     happens to be this month.
//
// The suggested decision is one the cycle can carry out ([Cycle.Check]
// leaves the cycle checking when there is none): [Standardize] for an
// improvement that met the target and [Adjust] for one that missed it, when
// the post-change points are enough for new limits (MinBaseline), and
// [DecisionNone] until they are; [Abandon] for a deterioration; [Adjust] for
// an unstable process and for no change; [DecisionNone] for insufficient
// data. Malformed input (bad counts, NaN) is an error, never a verdict.
func Check(ind Indicator, target Standard, baseline, after Series, plan CheckPlan) (CheckResult, error) {
	if err := errors.Join(ind.Validate(), target.Validate(), plan.Validate()); err != nil {
		return CheckResult{}, err
	}
	kind := ind.RecommendedChart()
	// Validate both series' shapes before judging.
	if _, _, err := baseline.points(kind); err != nil {
		return CheckResult{}, err
	}
	if _, _, err := after.points(kind); err != nil {
		return CheckResult{}, err
	}
	res := CheckResult{Verdict: InsufficientData}
	var w words
	if len(baseline) < plan.minBaseline() {
		w.say("baseline has %d points; frozen limits need at least %d", "la línea base tiene %d puntos; los límites congelados necesitan al menos %d",
			len(baseline), plan.minBaseline())
		return w.into(res), nil
	}
	kind, res.Dispersion = chooseChart(kind, baseline, plan.Dispersion, &w)
	base, err := baseline.Chart(kind)
	if err != nil {
		if errors.Is(err, ErrInsufficientData) {
			w.say("the baseline cannot give limits: %v", "la línea base no permite calcular límites: %v", err)
			return w.into(res), nil
		}
		return CheckResult{}, err
	}
	res.Baseline = base.Limits()
	res.Baseline.Sigmas = plan.Sigmas
	if len(after) == 0 {
		w.say("no post-change points yet", "aún no hay puntos posteriores al cambio")
		return w.into(res), nil
	}
	pts, sizes, err := after.points(kind)
	if err != nil {
		return CheckResult{}, err
	}
	if res.After, err = res.Baseline.Chart(pts, sizes); err != nil {
		return CheckResult{}, err
	}
	res.Level = level(kind, pts, sizes)
	res.TargetMet = target.Met(res.Level)
	if err := collectEvidence(&res, after, plan, ind.Direction, centreVariance(base), &w); err != nil {
		return CheckResult{}, err
	}
	judge(&res, target, after, plan, &w)
	return w.into(res), nil
}

// collectEvidence applies the plan's rules and monitor to the post-change
// chart and records every signal with its effect.
func collectEvidence(res *CheckResult, after Series, plan CheckPlan, d Direction, centreVar float64, w *words) error {
	add := func(r Rule, i int, e Effect) {
		res.Evidence = append(res.Evidence, Evidence{Rule: r, Index: i, Period: after[i].Period, Value: res.After.Points[i], Effect: e})
	}
	for _, v := range res.After.Violations(plan.Rules) {
		add(v.Rule, v.Index, effectOf(v, res.After, d))
	}
	var signals []Signal
	rule := EWMABeyond
	switch plan.Monitor {
	case MonitorEWMA:
		e, err := ewma(res.Baseline, res.After.Points, res.After.Sizes, plan.Lambda, plan.Sigmas, centreVar)
		if err != nil {
			return err
		}
		res.EWMA, signals = &e, e.Signals()
		w.note("watched on an EWMA chart (λ %s, limits at %sσ)", "vigilado en un gráfico EWMA (λ %s, límites a %sσ)", number(e.Lambda), number(e.Sigmas))
	case MonitorCUSUM:
		c, err := CUSUM(res.Baseline, res.After.Points, res.After.Sizes, plan.DecisionInterval, plan.Shift, 0)
		if err != nil {
			return err
		}
		res.CUSUM, signals, rule = &c, c.Signals(), CUSUMBeyond
		w.note("watched on a CUSUM chart (h %s, shift %sσ)", "vigilado en un gráfico CUSUM (h %s, desplazamiento %sσ)", number(c.DecisionInterval), number(c.Shift))
	}
	for _, s := range signals {
		e := Adverse
		if s.Up == (d == HigherIsBetter) {
			e = Favourable
		}
		add(rule, s.Index, e)
	}
	if len(signals) > 0 { // the monitor's signals among the rules', by point
		slices.SortStableFunc(res.Evidence, func(a, b Evidence) int { return a.Index - b.Index })
	}
	return nil
}

// judge sets the verdict and the suggested decision from the evidence.
func judge(res *CheckResult, target Standard, after Series, plan CheckPlan, w *words) {
	var fav, adv, neutral int
	var variation []string
	for _, e := range res.Evidence {
		switch e.Effect {
		case Favourable:
			fav++
		case Adverse:
			adv++
		default:
			neutral++
			if name := e.Rule.String(); !slices.Contains(variation, name) {
				variation = append(variation, name)
			}
		}
	}
	lvl, centre := number(res.Level), number(res.Baseline.Center)
	switch {
	case fav > 0 && adv > 0:
		res.Verdict, res.Suggested = Unstable, Adjust
		w.say("%d favourable and %d adverse signals: the process moves both ways (new level %s, baseline %s) and is not stable; find the special causes in a follow-up cycle before judging the change",
			"%d señales favorables y %d desfavorables: el proceso se mueve en ambos sentidos (nuevo nivel %s, línea base %s) y no es estable; busque las causas especiales en un ciclo siguiente antes de juzgar el cambio",
			fav, adv, lvl, centre)
	case fav > 0 && res.TargetMet:
		res.Verdict, res.Suggested = ImprovedTargetMet, Standardize
		w.say("%d favourable signals against the baseline limits and the new level %s meets the target",
			"%d señales favorables frente a los límites de la línea base y el nuevo nivel %s cumple la meta", fav, lvl)
	case fav > 0:
		res.Verdict, res.Suggested = ImprovedTargetMissed, Adjust
		w.say("%d favourable signals against the baseline limits but the new level %s misses the target %s",
			"%d señales favorables frente a los límites de la línea base pero el nuevo nivel %s no alcanza la meta %s", fav, lvl, number(target.Target))
	case adv > 0:
		res.Verdict, res.Suggested = Deteriorated, Abandon
		w.say("%d adverse signals against the baseline limits; new level %s", "%d señales desfavorables frente a los límites de la línea base; nuevo nivel %s", adv, lvl)
	case neutral > 0:
		res.Verdict, res.Suggested = Unstable, Adjust
		w.say("no shift in level, but %d signals of a change in variation or pattern (%s): find out why in a follow-up cycle before judging the change",
			"ningún cambio de nivel, pero %d señales de un cambio en la variación o el patrón (%s): averigüe por qué en un ciclo siguiente antes de juzgar el cambio",
			neutral, strings.Join(variation, ", "))
	case len(after) < plan.minPoints():
		w.say("no signal in %d post-change points; the rules need at least %d to show no change",
			"ninguna señal en %d puntos posteriores al cambio; las reglas necesitan al menos %d para mostrar que no hubo cambio", len(after), plan.minPoints())
	default:
		res.Verdict, res.Suggested = NoChange, Adjust
		w.say("no favourable or adverse signal in %d post-change points: the process did not change",
			"ninguna señal favorable ni desfavorable en %d puntos posteriores al cambio: el proceso no cambió", len(after))
	}
	if res.Verdict == ImprovedTargetMet || res.Verdict == ImprovedTargetMissed {
		// The new standard's limits, or the follow-up cycle's baseline, come
		// from the post-change points: they must be enough.
		if err := usableBaseline(res.Baseline.Kind, after, plan); err != nil {
			need := plan.minBaseline()
			if res.Suggested == Standardize {
				w.say("keep measuring: the new standard's limits need at least %d post-change points, there are %d",
					"siga midiendo: los límites del nuevo estándar necesitan al menos %d puntos posteriores al cambio, hay %d", need, len(after))
			} else {
				w.say("keep measuring: the follow-up cycle's baseline needs at least %d post-change points, there are %d",
					"siga midiendo: la línea base del ciclo siguiente necesita al menos %d puntos posteriores al cambio, hay %d", need, len(after))
			}
			res.Suggested = DecisionNone
		}
	}
}

// usableBaseline reports why s cannot give the limits of a chart of kind
// under plan (too few points, or too few for the chart), or nil.
func usableBaseline(kind ChartKind, s Series, plan CheckPlan) error {
	if len(s) < plan.minBaseline() {
		return fmt.Errorf("pdca: %d points, limits need at least %d: %w", len(s), plan.minBaseline(), ErrInsufficientData)
	}
	_, err := s.Chart(kind)
	return err
}

// chooseChart returns the chart an indicator of kind is judged on: for
// counts, the overdispersion test of the baseline with the policy decides
// between the nominal chart and Laney's. It says which and why in w.
func chooseChart(kind ChartKind, baseline Series, policy DispersionPolicy, w *words) (ChartKind, *Dispersion) {
	model := kind
	switch kind {
	case Proportions, Counts, PPrime:
	case Defects, DefectsPerUnit, UPrime:
	default:
		return kind, nil
	}
	counts, sizes, err := baseline.counts(kind)
	if err != nil {
		return kind, nil
	}
	d, err := DispersionOf(model, counts, sizes)
	if err != nil {
		return kind, nil
	}
	laney := map[ChartKind]ChartKind{Proportions: PPrime, Defects: UPrime, DefectsPerUnit: UPrime}[kind]
	stats := []any{number(d.SigmaZ), number(d.ChiSquare), d.Samples - 1, pvalue(d.PValue)}
	const statsEN, statsES = "σz = %s; χ² = %s on %d df, p %s", "σz = %s; χ² = %s con %d gl, p %s"
	modelEN, modelES := "binomial", "binomial"
	if d.Model == DefectsPerUnit {
		modelEN, modelES = "Poisson", "de Poisson"
	}
	switch {
	case kind == PPrime || kind == UPrime:
		w.note("judged on Laney's %s chart, as the indicator asks ("+statsEN+")", "juzgado en el gráfico %s de Laney, como pide el indicador ("+statsES+")",
			append([]any{symbol(kind)}, stats...)...)
	case policy == DispersionLaney && laney != ChartUnknown:
		w.note("judged on Laney's %s chart, as the plan asks ("+statsEN+")", "juzgado en el gráfico %s de Laney, como pide el plan ("+statsES+")",
			append([]any{symbol(laney)}, stats...)...)
		return laney, &d
	case d.Overdispersed && laney != ChartUnknown && policy == DispersionAuto:
		w.note("the baseline varies more from sample to sample than the %s model allows ("+statsEN+"): judged on Laney's %s chart, whose limits are %s times the %s chart's",
			"la línea base varía de una muestra a otra más de lo que permite el modelo %s ("+statsES+"): se juzga en el gráfico %s de Laney, cuyos límites son %s veces los del gráfico %s",
			append(append([]any{localized{modelEN, modelES}}, stats...), symbol(laney), number(d.SigmaZ), symbol(kind))...)
		return laney, &d
	case d.Overdispersed && kind == Counts:
		w.note("the baseline varies more than the binomial model allows ("+statsEN+"): an np chart's limits are too narrow; chart the indicator on p′ (Indicator.Chart = PPrime)",
			"la línea base varía más de lo que permite el modelo binomial ("+statsES+"): los límites del gráfico np son demasiado estrechos; use el gráfico p′ (Indicator.Chart = PPrime)",
			stats...)
	case d.Overdispersed:
		w.note("the baseline varies more than the %s model allows ("+statsEN+"), but the plan keeps the %s chart",
			"la línea base varía más de lo que permite el modelo %s ("+statsES+"), pero el plan mantiene el gráfico %s",
			append(append([]any{localized{modelEN, modelES}}, stats...), symbol(kind))...)
	default:
		w.note("the baseline fits the %s model ("+statsEN+"): %s chart", "la línea base se ajusta al modelo %s ("+statsES+"): gráfico %s",
			append(append([]any{localized{modelEN, modelES}}, stats...), symbol(kind))...)
	}
	return kind, &d
}

// unitExposure reports a series of counts without sizes: a c chart's.
func unitExposure(s Series) bool {
	for _, x := range s {
		if x.Size != 0 {
			return false
		}
	}
	return true
}

// effectOf says whether v marks a shift up or down and whether that is good.
func effectOf(v Violation, c Chart, d Direction) Effect {
	x := c.Points[v.Index]
	var up bool
	switch {
	case !directional(v.Rule):
		return Neutral
	case v.Rule == Nelson3:
		up = v.Index > 0 && x > c.Points[v.Index-1]
	default:
		up = x > c.Center
	}
	if up == (d == HigherIsBetter) {
		return Favourable
	}
	return Adverse
}

// level pools the post-change points the way the chart's centre is pooled:
// Σcounts/Σsizes for p, p′, u and u′ charts, the back-transformed mean of
// the transformed times for a t chart, the mean otherwise.
func level(kind ChartKind, pts, sizes []float64) float64 {
	switch kind {
	case Proportions, DefectsPerUnit, PPrime, UPrime:
		var num, den float64
		for i, p := range pts {
			num += p * sizes[i]
			den += sizes[i]
		}
		return num / den
	case TimeBetween:
		var s float64
		for _, t := range pts {
			s += math.Pow(t, 1/tPower)
		}
		return tBack(s / float64(len(pts)))
	}
	return mean(pts)
}

// centreVariance returns the variance of a baseline chart's centre as an
// estimate: σ² over the units it pools (Σ sizes, or the number of points
// for I, c and g charts).
func centreVariance(base Chart) float64 {
	units := float64(len(base.Points))
	if base.Sizes != nil {
		units = 0
		for _, s := range base.Sizes {
			units += s
		}
	}
	return base.Sigma * base.Sigma / units
}
