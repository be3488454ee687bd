package pdca

import (
	"encoding/json"
	"errors"
	"math"
	"slices"
	"testing"
)

// floatsOf maps each byte to a value on a half-unit grid (so ties and centre
// hits happen), with 255 → NaN and 254 → +Inf to exercise validation.
func floatsOf(b []byte) []float64 {
	out := make([]float64, len(b))
	for i, c := range b {
		switch c {
		case 255:
			out[i] = math.NaN()
		case 254:
			out[i] = math.Inf(1)
		default:
			out[i] = float64(int(c)-127) / 2
		}
	}
	return out
}

func intsOf(b []byte) []int {
	out := make([]int, len(b))
	for i, c := range b {
		out[i] = int(int8(c))
	}
	return out
}

func checkErr(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrInvalidData) && !errors.Is(err, ErrInsufficientData) {
		t.Fatalf("error does not wrap a pdca sentinel: %v", err)
	}
}

// checkChart asserts the invariants of a constructed chart.
func checkChart(t *testing.T, c Chart, n int, lo, hi float64) {
	t.Helper()
	if len(c.Points) != n || len(c.LCL) != n || len(c.UCL) != n {
		t.Fatalf("lengths %d %d %d, want %d", len(c.Points), len(c.LCL), len(c.UCL), n)
	}
	if !finite(c.Center) || !finite(c.Sigma) || c.Sigma < 0 {
		t.Fatalf("center %v sigma %v", c.Center, c.Sigma)
	}
	for i := range n {
		p, l, u := c.Points[i], c.LCL[i], c.UCL[i]
		if !finite(p) || !(l <= c.Center+1e-9) || !(c.Center <= u+1e-9) || l < lo || u > hi || p < lo || p > hi {
			t.Fatalf("point %d: %v in [%v, %v], centre %v, bounds [%v, %v]", i, p, l, u, c.Center, lo, hi)
		}
	}
	// The rule engine agrees with the reference on every constructed chart.
	for _, r := range Nelson {
		if got, want := flagged(c.Violations(Nelson), r), refViolations(c, r); !slices.Equal(got, want) {
			t.Fatalf("rule %v: got %v want %v", r, got, want)
		}
	}
}

func subgroupsOf(size byte, b []byte) [][]float64 {
	n := int(size%6) + 1
	vals := floatsOf(b)
	var out [][]float64
	for len(vals) >= n {
		out = append(out, vals[:n])
		vals = vals[n:]
	}
	if len(vals) > 0 && size&0x80 != 0 { // a ragged tail
		out = append(out, vals)
	}
	return out
}

func FuzzXbarR(f *testing.F) {
	f.Add(byte(4), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
	f.Add(byte(0x81), []byte{1, 2, 3, 255, 5})
	f.Fuzz(func(t *testing.T, size byte, b []byte) {
		groups := subgroupsOf(size, b)
		for _, build := range []func([][]float64) (Chart, Chart, error){XbarR, XbarS} {
			m, d, err := build(groups)
			if err != nil {
				checkErr(t, err)
				continue
			}
			checkChart(t, m, len(groups), math.Inf(-1), math.Inf(1))
			checkChart(t, d, len(groups), 0, math.Inf(1))
		}
	})
}

func FuzzIMR(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 200, 6})
	f.Add([]byte{255, 3})
	f.Fuzz(func(t *testing.T, b []byte) {
		vals := floatsOf(b)
		ind, mr, err := IMR(vals)
		if err != nil {
			checkErr(t, err)
			return
		}
		checkChart(t, ind, len(vals), math.Inf(-1), math.Inf(1))
		checkChart(t, mr, len(vals)-1, 0, math.Inf(1))
	})
}

func FuzzP(f *testing.F) {
	f.Add([]byte{3, 5, 2}, []byte{50, 50, 40})
	f.Add([]byte{200}, []byte{10})
	f.Fuzz(func(t *testing.T, d, n []byte) {
		def, sizes := intsOf(d), intsOf(n)
		c, err := P(def, sizes)
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, c, len(def), 0, 1)
		}
		if len(sizes) > 0 {
			c, err = NP(def, sizes[0])
			if err != nil {
				checkErr(t, err)
			} else {
				checkChart(t, c, len(def), 0, float64(sizes[0]))
			}
		}
	})
}

func FuzzCU(f *testing.F) {
	f.Add([]byte{3, 5, 2}, []byte{10, 20, 4})
	f.Add([]byte{0, 0}, []byte{255, 1})
	f.Fuzz(func(t *testing.T, d, n []byte) {
		counts := intsOf(d)
		c, err := C(counts)
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, c, len(counts), 0, math.Inf(1))
		}
		u, err := U(counts, floatsOf(n))
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, u, len(counts), 0, math.Inf(1))
		}
	})
}

func FuzzLimitsChart(f *testing.F) {
	f.Add(uint8(Proportions), 0.3, 0.45, 0.0, []byte{10, 20}, []byte{100, 100})
	f.Add(uint8(Ranges), 2.0, 1.0, 5.0, []byte{1, 2}, []byte{})
	f.Fuzz(func(t *testing.T, kind uint8, center, sigma, size float64, p, s []byte) {
		var sizes []float64
		if len(s) > 0 {
			sizes = floatsOf(s)
		}
		c, err := Limits{Kind: ChartKind(kind), Center: center, Sigma: sigma, Size: size}.Chart(floatsOf(p), sizes)
		if err != nil {
			checkErr(t, err)
			return
		}
		if len(c.Points) != len(p) || len(c.LCL) != len(p) {
			t.Fatalf("lengths")
		}
		for i := range c.LCL {
			if math.IsNaN(c.LCL[i]) || math.IsNaN(c.UCL[i]) {
				t.Fatalf("NaN limit at %d", i)
			}
		}
	})
}

func FuzzViolations(f *testing.F) {
	f.Add([]byte{130, 131, 129, 140, 120, 127, 127, 150}, []byte{3, 2, 1})
	f.Fuzz(func(t *testing.T, pts, lim []byte) {
		c := Chart{Points: floatsOf(pts), Center: 0}
		c.LCL, c.UCL = make([]float64, len(pts)), make([]float64, len(pts))
		for i := range pts {
			w := 3.0
			if len(lim) > 0 {
				w = float64(lim[i%len(lim)]) / 4
			}
			c.LCL[i], c.UCL[i] = -w, w
			if len(lim) > 1 && lim[(i+1)%len(lim)]%3 == 0 {
				c.LCL[i] = math.Max(-w, -0.5)
			}
		}
		all := append(slices.Clone(WesternElectric), Nelson...)
		got := c.Violations(all)
		for i := 1; i < len(got); i++ {
			if got[i].Index < got[i-1].Index || (got[i].Index == got[i-1].Index && got[i].Rule <= got[i-1].Rule) {
				t.Fatalf("not sorted: %v", got)
			}
		}
		for _, r := range all {
			if g, w := flagged(got, r), refViolations(c, r); !slices.Equal(g, w) {
				t.Fatalf("rule %v: got %v want %v on %v", r, g, w, c.Points)
			}
		}
	})
}

func FuzzCycleJSON(f *testing.F) {
	f.Add([]byte(`{"id":"a","state":"draft"}`))
	f.Add([]byte(`{"id":"a","state":"cancelled","history":[{"from":"draft","to":"cancelled","at":"2026-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"id":"a","state":"planned"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var c Cycle
		if err := json.Unmarshal(b, &c); err != nil {
			var syntax *json.SyntaxError
			if errors.As(err, &syntax) {
				return
			}
			if !errors.Is(err, ErrInvalidCycle) && !errors.Is(err, ErrIllegalTransition) && !errors.Is(err, ErrInvalidName) &&
				!errors.Is(err, ErrInvalidSpec) && !errors.Is(err, ErrInvalidData) {
				// encoding/json type errors surface wrapped in ErrInvalidCycle;
				// anything else is a bug.
				t.Fatalf("unexpected error: %v", err)
			}
			if c.Record().ID != "" {
				t.Fatalf("rejected decode changed the cycle")
			}
			return
		}
		out, err := json.Marshal(&c)
		if err != nil {
			t.Fatalf("marshal after a valid decode: %v", err)
		}
		var back Cycle
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("round trip: %v\n%s", err, out)
		}
		out2, _ := json.Marshal(&back)
		if string(out) != string(out2) {
			t.Fatalf("round trip differs:\n%s\n%s", out, out2)
		}
	})
}

func FuzzChainJSON(f *testing.F) {
	f.Add([]byte(`[{"id":"a","state":"draft"}]`))
	f.Add([]byte(`[{"id":"a","state":"draft"},{"id":"b","parentId":"a","state":"draft"}]`))
	f.Add([]byte(`[{"id":"a","state":"draft","parent_id":"x"}]`))
	f.Fuzz(func(t *testing.T, b []byte) {
		var ch Chain
		if err := json.Unmarshal(b, &ch); err != nil {
			var syntax *json.SyntaxError
			if !errors.As(err, &syntax) && !errors.Is(err, ErrInvalidCycle) && !errors.Is(err, ErrIllegalTransition) &&
				!errors.Is(err, ErrInvalidName) && !errors.Is(err, ErrInvalidSpec) && !errors.Is(err, ErrInvalidData) {
				t.Fatalf("unexpected error: %v", err)
			}
			if ch != nil {
				t.Fatalf("rejected decode changed the chain")
			}
			return
		}
		if err := ch.Validate(); err != nil {
			t.Fatalf("decoded chain invalid: %v", err)
		}
	})
}

func FuzzCheck(f *testing.F) {
	f.Add(uint8(Percent), true, []byte{70, 72, 68, 71}, []byte{100}, []byte{80, 81}, 0.78, uint8(0), uint8(0), 0.0)
	f.Add(uint8(Count), false, []byte{8, 12, 9}, []byte{}, []byte{3, 3, 255}, 5.0, uint8(1), uint8(2), 2.5)
	f.Add(uint8(Rate), false, []byte{8, 40, 9, 50}, []byte{3, 4}, []byte{3, 30}, 5.0, uint8(2), uint8(0), 0.0)
	f.Fuzz(func(t *testing.T, unit uint8, higher bool, base, sizes, after []byte, target float64, monitor, policy uint8, sigmas float64) {
		dir := LowerIsBetter
		if higher {
			dir = HigherIsBetter
		}
		ind := Indicator{Name: "x", Category: Efficiency, Unit: Unit(unit), Direction: dir}
		mk := func(vals []byte) Series {
			s := make(Series, len(vals))
			for i, v := range vals {
				s[i] = Sample{Period: "p", Value: float64(v)}
				if len(sizes) > 0 {
					s[i].Size = float64(sizes[i%len(sizes)])
				}
				if v == 255 {
					s[i].Value = math.NaN()
				}
			}
			return s
		}
		plan := CheckPlan{Rules: Nelson, MinBaseline: 2, Monitor: Monitor(monitor % 4), Dispersion: DispersionPolicy(policy % 4), Sigmas: sigmas}
		res, err := Check(ind, Standard{Target: target, Sides: AtLeast}, mk(base), mk(after), plan)
		if err != nil {
			if !errors.Is(err, ErrInvalidData) && !errors.Is(err, ErrInvalidCycle) && !errors.Is(err, ErrInvalidSpec) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if !verdictNames.Valid(res.Verdict) || res.Verdict == VerdictUnknown {
			t.Fatalf("verdict %v", res.Verdict)
		}
		for _, e := range res.Evidence {
			if e.Index < 0 || e.Index >= len(after) {
				t.Fatalf("evidence index %d out of %d", e.Index, len(after))
			}
		}
		if (res.Suggested == Standardize && res.Verdict != ImprovedTargetMet) ||
			(res.Verdict == ImprovedTargetMet && res.Suggested != Standardize && res.Suggested != DecisionNone) {
			t.Fatalf("verdict %v suggests %v", res.Verdict, res.Suggested)
		}
		if res.Reason == "" || res.ReasonES == "" {
			t.Fatalf("a verdict without its reason in both languages: %+v", res)
		}
	})
}

func FuzzCapability(f *testing.F) {
	f.Add([]byte{120, 127, 130, 140}, 0.5, -3.0, 10.0, math.NaN())
	f.Fuzz(func(t *testing.T, b []byte, sigma, lsl, usl, target float64) {
		c, err := ProcessCapability(floatsOf(b), sigma, Spec{LSL: lsl, USL: usl, Target: target})
		if err != nil {
			if !errors.Is(err, ErrInvalidData) && !errors.Is(err, ErrInsufficientData) && !errors.Is(err, ErrInvalidSpec) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		if c.ExpectedDPMO < 0 || c.ExpectedDPMO > 1e6+1e-6 || c.ObservedDPMO < 0 || c.ObservedDPMO > 1e6 {
			t.Fatalf("DPMO out of range: %+v", c)
		}
		if !math.IsNaN(c.Cp) && c.Cpk > c.Cp+1e-9 {
			t.Fatalf("Cpk %v above Cp %v", c.Cpk, c.Cp)
		}
	})
}

func FuzzLaney(f *testing.F) {
	f.Add([]byte{3, 5, 2, 9}, []byte{50, 50, 40, 60})
	f.Add([]byte{0, 0}, []byte{1, 255})
	f.Fuzz(func(t *testing.T, d, n []byte) {
		def, sizes := intsOf(d), intsOf(n)
		c, err := LaneyP(def, sizes)
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, c, len(def), 0, 1)
		}
		u, err := LaneyU(def, floatsOf(n))
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, u, len(def), 0, math.Inf(1))
		}
		var fs []float64
		if len(sizes) > 0 {
			fs = floats(sizes)
		}
		for _, k := range []ChartKind{Proportions, Defects, DefectsPerUnit, Means} {
			d, err := DispersionOf(k, def, fs)
			if err != nil {
				checkErr(t, err)
				continue
			}
			if d.PValue < 0 || d.PValue > 1 || d.ChiSquare < 0 || !(d.SigmaZ >= 0) {
				t.Fatalf("dispersion %+v", d)
			}
		}
	})
}

func FuzzRare(f *testing.F) {
	f.Add([]byte{3, 0, 12, 5, 7})
	f.Add([]byte{200, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		g, err := G(intsOf(b))
		if err != nil {
			checkErr(t, err)
		} else {
			checkChart(t, g, len(b), 0, math.Inf(1))
		}
		c, err := T(floatsOf(b))
		if err != nil {
			checkErr(t, err)
			return
		}
		checkChart(t, c, len(b), 0, math.Inf(1))
	})
}

func FuzzSmoothing(f *testing.F) {
	f.Add(uint8(Individuals), 10.0, 2.0, 0.2, 3.0, 5.0, 1.0, 0.0, []byte{130, 140, 120, 150}, []byte{})
	f.Add(uint8(Means), 10.0, 2.0, 1.5, 3.0, 5.0, 1.0, 6.0, []byte{130}, []byte{5})
	f.Fuzz(func(t *testing.T, kind uint8, center, sigma, lambda, k, h, shift, start float64, p, s []byte) {
		l := Limits{Kind: ChartKind(kind), Center: center, Sigma: sigma}
		var sizes []float64
		if len(s) > 0 {
			sizes = floatsOf(s)
		}
		pts := floatsOf(p)
		e, err := EWMA(l, pts, sizes, lambda, k)
		if err != nil {
			checkErr(t, err)
		} else {
			for i := range e.Smoothed {
				if !(e.LCL[i] <= e.Center && e.Center <= e.UCL[i]) || math.IsNaN(e.Smoothed[i]) {
					t.Fatalf("point %d: %v in [%v, %v]", i, e.Smoothed[i], e.LCL[i], e.UCL[i])
				}
			}
			_ = e.Signals()
		}
		c, err := CUSUM(l, pts, sizes, h, shift, start)
		if err != nil {
			checkErr(t, err)
			return
		}
		for i := range c.Upper {
			if c.Upper[i] < 0 || c.Lower[i] > 0 {
				t.Fatalf("point %d: sums %v %v", i, c.Upper[i], c.Lower[i])
			}
		}
		_ = c.Signals()
	})
}
