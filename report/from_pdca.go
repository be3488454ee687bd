package report

import (
	"fmt"
	"slices"
	"strings"

	"github.com/servuction/servuction/pdca"
)

// FromControlChart returns a control chart as [pdca] computed it, with the
// points that rules flag on it and what each rule saw, in words. labels name
// the points (periods); nil numbers them. A p chart is drawn in percent. The
// signals are neutral (amber): a chart alone does not say which way its
// indicator improves ([FromCheck] knows, from the cycle's indicator).
func FromControlChart(c pdca.Chart, labels []string, rules pdca.RuleSet, l Lang) ControlChart {
	out := ControlChart{Kind: c.Kind.String(), Labels: labels, Values: c.Points, Center: c.Center, LCL: c.LCL, UCL: c.UCL}
	for _, v := range c.Violations(rules) {
		out.Flags = append(out.Flags, ruleFlag(v.Rule, v.Index, c.Points, c.Center, pdca.DirectionUnknown, l))
	}
	if c.Kind == pdca.Proportions {
		out = inPercent(out)
	}
	return out
}

// inPercent scales a chart of shares (0–1) to percent.
func inPercent(c ControlChart) ControlChart {
	scale := func(vs []float64) []float64 {
		out := make([]float64, len(vs))
		for i, v := range vs {
			out[i] = 100 * v
		}
		return out
	}
	c.Values, c.LCL, c.UCL = scale(c.Values), scale(c.LCL), scale(c.UCL)
	c.Center *= 100
	if c.ShowTarget {
		c.Target *= 100
	}
	c.Unit = "%"
	return c
}

// FromCheck returns the control chart of an improvement cycle's Check: the
// baseline (Phase I, limits computed from it) followed by the post-change
// points on the same frozen limits (Phase II), a line where the change
// starts, the standard's target, and the flagged points — the baseline's
// run-rule signals and the Check's evidence after the change. It fails when
// the cycle has not been checked or its baseline cannot be charted.
func FromCheck(rec pdca.Record, l Lang) (ControlChart, error) {
	if rec.Result == nil {
		return ControlChart{}, fmt.Errorf("report: cycle %q: not checked yet: %w", rec.ID, ErrInvalidInput)
	}
	kind := rec.Result.Baseline.Kind
	base, err := rec.Plan.Baseline.Chart(kind)
	if err != nil {
		return ControlChart{}, fmt.Errorf("report: cycle %q: baseline: %w", rec.ID, err)
	}
	after := rec.Result.After
	c := ControlChart{
		Title:   rec.Plan.Indicator.Name,
		Kind:    kind.String(),
		Center:  base.Center,
		PhaseII: len(base.Points),
		Target:  rec.Plan.Target.Target, ShowTarget: true,
	}
	c.Values = append(append([]float64{}, base.Points...), after.Points...)
	c.LCL = append(append([]float64{}, base.LCL...), after.LCL...)
	c.UCL = append(append([]float64{}, base.UCL...), after.UCL...)
	for _, s := range rec.Plan.Baseline {
		c.Labels = append(c.Labels, s.Period)
	}
	for i := range after.Points {
		label := ""
		if i < len(rec.After) {
			label = rec.After[i].Period
		}
		c.Labels = append(c.Labels, label)
	}
	dir := rec.Plan.Indicator.Direction
	for _, v := range base.Violations(rec.Plan.Check.Rules) {
		c.Flags = append(c.Flags, ruleFlag(v.Rule, v.Index, base.Points, base.Center, dir, l))
	}
	for _, e := range rec.Result.Evidence {
		f := ruleFlag(e.Rule, e.Index, after.Points, after.Center, dir, l)
		f.Index += c.PhaseII
		f.Effect = effectStatus(e.Effect) // the Check's own judgement
		c.Flags = append(c.Flags, f)
	}
	if kind == pdca.Proportions {
		c = inPercent(c)
	}
	return c, nil
}

// ruleFlag returns the flag of rule r at point i of pts: what the rule saw
// in words, on the side of the centre the point lies (for a trend, the way
// it moves), and its effect for an indicator that improves in direction d.
func ruleFlag(r pdca.Rule, i int, pts []float64, center float64, d pdca.Direction, l Lang) Flag {
	f := Flag{Index: i, Rule: r.String()}
	up := i >= 0 && i < len(pts) && pts[i] > center
	if r == pdca.Nelson3 {
		up = i > 0 && i < len(pts) && pts[i] > pts[i-1]
	}
	f.Says = l.ruleSays(r, up)
	switch r {
	case pdca.Nelson4, pdca.Nelson7, pdca.Nelson8, pdca.AnhojCrossings:
		return f // a change in variation or pattern, not in level
	}
	switch {
	case d == pdca.HigherIsBetter && up, d == pdca.LowerIsBetter && !up:
		f.Effect = Good
	case d == pdca.HigherIsBetter, d == pdca.LowerIsBetter:
		f.Effect = Bad
	}
	return f
}

// effectStatus turns a Check's effect into a signal's colour.
func effectStatus(e pdca.Effect) Status {
	switch e {
	case pdca.Favourable:
		return Good
	case pdca.Adverse:
		return Bad
	}
	return Neutral
}

// ruleSays says what rule r saw, in words: above the centre (or rising)
// when up, else below (or falling).
func (l Lang) ruleSays(r pdca.Rule, up bool) string {
	side := l.t("below the centre line", "por debajo de la línea central")
	if up {
		side = l.t("above the centre line", "por encima de la línea central")
	}
	switch r {
	case pdca.WE1, pdca.Nelson1:
		if up {
			return l.t("a point above the upper control limit", "un punto por encima del límite de control superior")
		}
		return l.t("a point below the lower control limit", "un punto por debajo del límite de control inferior")
	case pdca.WE2, pdca.Nelson5:
		return l.t("2 of 3 points beyond 2σ ", "2 de 3 puntos a más de 2σ ") + side
	case pdca.WE3, pdca.Nelson6:
		return l.t("4 of 5 points beyond 1σ ", "4 de 5 puntos a más de 1σ ") + side
	case pdca.WE4:
		return l.t("8 points in a row ", "8 puntos seguidos ") + side
	case pdca.Nelson2:
		return l.t("9 points in a row ", "9 puntos seguidos ") + side
	case pdca.Nelson3:
		if up {
			return l.t("6 points in a row rising", "6 puntos seguidos en ascenso")
		}
		return l.t("6 points in a row falling", "6 puntos seguidos en descenso")
	case pdca.Nelson4:
		return l.t("14 points in a row alternating up and down", "14 puntos seguidos alternando arriba y abajo")
	case pdca.Nelson7:
		return l.t("15 points in a row within 1σ of the centre line", "15 puntos seguidos a menos de 1σ de la línea central")
	case pdca.Nelson8:
		return l.t("8 points in a row beyond 1σ on both sides of the centre line", "8 puntos seguidos a más de 1σ a ambos lados de la línea central")
	case pdca.AnhojRun:
		return l.t("an unusually long run ", "una racha inusualmente larga ") + side
	case pdca.AnhojCrossings:
		return l.t("unusually few crossings of the centre line", "inusualmente pocos cruces de la línea central")
	case pdca.EWMABeyond:
		if up {
			return l.t("the EWMA above its upper limit", "la media móvil exponencial (EWMA) por encima de su límite superior")
		}
		return l.t("the EWMA below its lower limit", "la media móvil exponencial (EWMA) por debajo de su límite inferior")
	case pdca.CUSUMBeyond:
		if up {
			return l.t("the CUSUM beyond its decision interval, upwards", "la suma acumulada (CUSUM) fuera de su intervalo de decisión, hacia arriba")
		}
		return l.t("the CUSUM beyond its decision interval, downwards", "la suma acumulada (CUSUM) fuera de su intervalo de decisión, hacia abajo")
	}
	return r.String()
}

// verdict names a Check verdict in the report's language.
func (l Lang) verdict(v pdca.Verdict) string {
	switch v {
	case pdca.ImprovedTargetMet:
		return l.t("improved, target met", "mejoró y alcanzó la meta")
	case pdca.ImprovedTargetMissed:
		return l.t("improved, target missed", "mejoró sin alcanzar la meta")
	case pdca.NoChange:
		return l.t("no change", "sin cambio")
	case pdca.Deteriorated:
		return l.t("deteriorated", "empeoró")
	case pdca.InsufficientData:
		return l.t("insufficient data", "datos insuficientes")
	case pdca.Unstable:
		return l.t("unstable", "inestable")
	}
	return v.String()
}

// decision names an Act decision in the report's language.
func (l Lang) decision(d pdca.Decision) string {
	switch d {
	case pdca.Standardize:
		return l.t("standardize", "estandarizar")
	case pdca.Adjust:
		return l.t("adjust (follow-up cycle)", "corregir (nuevo ciclo)")
	case pdca.Abandon:
		return l.t("abandon", "abandonar")
	}
	return l.t("none yet", "ninguna todavía")
}

// state names a cycle's state in the report's language.
func (l Lang) state(s pdca.State) string {
	names := map[pdca.State][2]string{
		pdca.Draft: {"draft", "borrador"}, pdca.Planned: {"planned", "planeado"}, pdca.Doing: {"doing", "en ejecución"},
		pdca.Checking: {"checking", "en verificación"}, pdca.Acting: {"acting", "en acción"},
		pdca.Standardized: {"standardized", "estandarizado"}, pdca.Adjusted: {"adjusted", "corregido"},
		pdca.Abandoned: {"abandoned", "abandonado"}, pdca.Cancelled: {"cancelled", "cancelado"},
	}
	if n, ok := names[s]; ok {
		return l.t(n[0], n[1])
	}
	return s.String()
}

// FromCycle returns the panel of an improvement cycle: its step on the
// Deming wheel, the indicator, the baseline and post-change levels against
// the target, the Check's verdict and the decision taken (or, while acting,
// the one the Check suggests), and the evidence.
func FromCycle(rec pdca.Record, l Lang) PDCAPanel {
	p := PDCAPanel{Indicator: rec.Plan.Indicator.Name, State: l.state(rec.State)}
	switch {
	case rec.State.Closed():
		p.Step = StepClosed
	default:
		switch rec.State.Phase() {
		case pdca.Plan:
			p.Step = StepPlan
		case pdca.Do:
			p.Step = StepDo
		case pdca.CheckPhase:
			p.Step = StepCheck
		case pdca.Act:
			p.Step = StepAct
		}
	}
	pct := rec.Plan.Indicator.Unit == pdca.Percent
	level := func(v float64) string {
		if pct {
			return l.pct(100*v, 1)
		}
		return l.num(v, 2)
	}
	if len(rec.Plan.Baseline) > 0 && rec.Result != nil {
		p.Baseline = level(rec.Result.Baseline.Center)
	}
	p.Target = level(rec.Plan.Target.Target)
	if r := rec.Result; r != nil {
		if r.Verdict != pdca.InsufficientData && len(r.After.Points) > 0 {
			p.Current = level(r.Level)
		}
		p.Verdict = l.verdict(r.Verdict)
		switch r.Verdict {
		case pdca.ImprovedTargetMet:
			p.VerdictStatus = Good
		case pdca.Deteriorated:
			p.VerdictStatus = Bad
		}
		p.Decision = l.decision(r.Suggested) + l.t(" (suggested)", " (sugerida)")
		p.Evidence = append(p.Evidence, evidence(r, rec.Plan.Indicator.Direction, l)...)
		if r.Reason != "" && len(r.Evidence) == 0 {
			p.Evidence = append(p.Evidence, r.ReasonIn(l.String())) // why there is no signal, in pdca's words
		}
	}
	if rec.Decision != pdca.DecisionNone {
		p.Decision = l.decision(rec.Decision)
	}
	return p
}

// evidence says what the Check's rules saw after the change, one line per
// finding in words with its rule and the periods it flagged, sorted by
// rule.
func evidence(r *pdca.CheckResult, d pdca.Direction, l Lang) []string {
	type finding struct{ rule, says string }
	periods := map[finding][]string{}
	var order []finding
	for _, e := range r.Evidence {
		f := ruleFlag(e.Rule, e.Index, r.After.Points, r.After.Center, d, l)
		k := finding{f.Rule, f.Says}
		if _, ok := periods[k]; !ok {
			order = append(order, k)
		}
		periods[k] = append(periods[k], e.Period)
	}
	slices.SortStableFunc(order, func(a, b finding) int { return strings.Compare(a.rule, b.rule) })
	var out []string
	for _, k := range order {
		out = append(out, fmt.Sprintf("%s (%s): %s", k.says, k.rule, joinShort(periods[k], 4)))
	}
	return out
}

// joinShort joins up to n items and says how many more there are.
func joinShort(items []string, n int) string {
	s := ""
	for i, it := range items {
		if i == n {
			return s + fmt.Sprintf(" … (+%d)", len(items)-n)
		}
		if i > 0 {
			s += ", "
		}
		s += it
	}
	return s
}
