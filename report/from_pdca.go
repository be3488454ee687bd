package report

import (
	"fmt"
	"sort"

	"github.com/servuction/servuction/pdca"
)

// FromControlChart returns a control chart as [pdca] computed it, with the
// points that rules flag on it. labels name the points (periods); nil
// numbers them. A p chart is drawn in percent.
func FromControlChart(c pdca.Chart, labels []string, rules pdca.RuleSet, l Lang) ControlChart {
	out := ControlChart{Kind: c.Kind.String(), Labels: labels, Values: c.Points, Center: c.Center, LCL: c.LCL, UCL: c.UCL}
	for _, v := range c.Violations(rules) {
		out.Flags = append(out.Flags, Flag{Index: v.Index, Rule: v.Rule.String()})
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
	for _, v := range base.Violations(rec.Plan.Check.Rules) {
		c.Flags = append(c.Flags, Flag{Index: v.Index, Rule: v.Rule.String()})
	}
	for _, e := range rec.Result.Evidence {
		c.Flags = append(c.Flags, Flag{Index: c.PhaseII + e.Index, Rule: e.Rule.String()})
	}
	if kind == pdca.Proportions {
		c = inPercent(c)
	}
	return c, nil
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
		// Evidence, one line per rule, with the periods it flagged.
		byRule := map[string][]string{}
		for _, e := range r.Evidence {
			byRule[e.Rule.String()] = append(byRule[e.Rule.String()], e.Period)
		}
		var rules []string
		for k := range byRule {
			rules = append(rules, k)
		}
		sort.Strings(rules)
		for _, k := range rules {
			p.Evidence = append(p.Evidence, fmt.Sprintf("%s: %s", k, joinShort(byRule[k], 4)))
		}
		if r.Reason != "" && len(r.Evidence) == 0 {
			p.Evidence = append(p.Evidence, r.ReasonIn(l.String())) // why there is no signal, in pdca's words
		}
	}
	if rec.Decision != pdca.DecisionNone {
		p.Decision = l.decision(rec.Decision)
	}
	return p
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
