package pdca_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/pdca"
)

func ExampleConstantsFor() {
	k, _ := pdca.ConstantsFor(5)
	fmt.Printf("d2=%.4f d3=%.4f c4=%.4f A2=%.4f D4=%.4f\n", k.D2, k.D3, k.C4, k.A2, k.UpperD4)
	// Output: d2=2.3259 d3=0.8641 c4=0.9400 A2=0.5768 D4=2.1145
}

func ExampleXbarR() {
	// Five handling times (minutes) sampled each day for four days.
	days := [][]float64{
		{4.1, 5.0, 4.6, 5.2, 4.4},
		{4.8, 4.3, 5.1, 4.9, 4.5},
		{5.3, 4.7, 4.2, 4.6, 5.0},
		{4.4, 4.9, 5.2, 4.8, 4.3},
	}
	means, ranges, err := pdca.XbarR(days)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("X̄: centre %.3f, limits %.3f–%.3f\n", means.Center, means.LCL[0], means.UCL[0])
	fmt.Printf("R: centre %.3f, limits %.3f–%.3f\n", ranges.Center, ranges.LCL[0], ranges.UCL[0])
	// By hand: daily means 4.66, 4.72, 4.76, 4.72 → X̿ = 4.715; ranges 1.1,
	// 0.8, 1.1, 0.9 → R̄ = 0.975; A2(5)·R̄ = 0.576820·0.975 = 0.562400, so
	// 4.152600–5.277400; D₄(5)·R̄ = 2.114456·0.975 = 2.061595.

	// Output:
	// X̄: centre 4.715, limits 4.153–5.277
	// R: centre 0.975, limits 0.000–2.062
}

func ExampleP() {
	// qcc's orangejuice trial samples: nonconforming cans out of 50.
	d := []int{12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6}
	n := make([]int, len(d))
	for i := range n {
		n[i] = 50
	}
	trial, _ := pdca.P(d, n)
	fmt.Printf("trial: centre %.4f, UCL %.4f, beyond: %v\n", trial.Center, trial.UCL[0], trial.Violations(pdca.RuleSet{pdca.WE1}))
	// Phase I: samples 15 and 23 had assignable causes; drop them, recompute.
	d2, _ := pdca.Exclude(d, 14, 22)
	n2, _ := pdca.Exclude(n, 14, 22)
	revised, _ := pdca.P(d2, n2)
	fmt.Printf("revised: centre %.4f, limits %.4f–%.4f\n", revised.Center, revised.LCL[0], revised.UCL[0])
	// Output:
	// trial: centre 0.2313, UCL 0.4102, beyond: [{WE1 14} {WE1 22}]
	// revised: centre 0.2150, limits 0.0407–0.3893
}

func ExampleChart_Violations() {
	// A chart built by hand: centre 0, limits ±3 (σ = 1).
	c := pdca.Chart{
		Points: []float64{0.5, 2.5, 0.2, 2.6, 1.2, 1.4, 1.1, 1.3, 0.4, 3.4},
		Center: 0,
		LCL:    []float64{-3, -3, -3, -3, -3, -3, -3, -3, -3, -3},
		UCL:    []float64{3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
	}
	for _, v := range c.Violations(pdca.WesternElectric) {
		fmt.Println(v.Rule, "at point", v.Index+1)
	}
	// By hand: beyond 2σ at points 2, 4, 10 (WE2 fires at 4: points 2–4);
	// beyond 1σ at 2, 4, 5, 6, 7, 8, 10 (WE3: four of the five ending at 6,
	// 7, 8 and 10); all ten above the centre (WE4 from point 8); 3.4 > 3 (WE1).

	// Output:
	// WE2 at point 4
	// WE3 at point 6
	// WE3 at point 7
	// WE3 at point 8
	// WE4 at point 8
	// WE4 at point 9
	// WE1 at point 10
	// WE3 at point 10
	// WE4 at point 10
}

func ExampleSigmaLevel() {
	z, _ := pdca.SigmaLevel(3.4, true)
	d, _ := pdca.DPMO(3, true)
	fmt.Printf("3.4 DPMO is %.2f sigma; 3 sigma is %.0f DPMO\n", z, d)
	// Output: 3.4 DPMO is 6.00 sigma; 3 sigma is 66807 DPMO
}

func ExampleCheck() {
	fcr := pdca.Indicator{Name: "first-contact resolution", Category: pdca.QualityOfWork, Unit: pdca.Percent, Direction: pdca.HigherIsBetter}
	var before, after pdca.Series
	for i := range 20 { // 20 days of 100 calls: 68 or 72 resolved
		before = append(before, pdca.Sample{Period: fmt.Sprint("b", i+1), Value: float64(68 + 4*(i%2)), Size: 100})
	}
	for i := range 20 { // after training: 79 or 81 resolved
		after = append(after, pdca.Sample{Period: fmt.Sprint("a", i+1), Value: float64(79 + 2*(i%2)), Size: 100})
	}
	target := pdca.Standard{Target: 0.78, Sides: pdca.AtLeast}
	res, _ := pdca.Check(fcr, target, before, after, pdca.CheckPlan{Rules: pdca.WesternElectric})
	fmt.Println(res.Verdict, "→", res.Suggested)
	fmt.Printf("level %.3f, %d favourable, %d adverse signals, on the %v chart\n", res.Level, len(res.Favourable()), len(res.Adverse()), res.Baseline.Kind)
	// Ten days show the change, but cannot set the new standard's limits.
	res, _ = pdca.Check(fcr, target, before, after[:10], pdca.CheckPlan{Rules: pdca.WesternElectric})
	fmt.Println(res.Verdict, "→", res.Suggested)
	// By hand: p̄ = 0.70, σ = √(0.21/100) = 0.045826; 0.81 is beyond 2σ
	// (0.791652), 0.79 is not; all are beyond 1σ (0.745826). In 20 days:
	// WE2 at a4, a6, …, a20 (9), WE3 at a5–a20 (16), WE4 at a8–a20 (13):
	// 38 signals. The baseline is binomial (68 and 72 of 100 are ∓0.44σ):
	// a p chart.

	// Output:
	// improved-target-met → standardize
	// level 0.800, 38 favourable, 0 adverse signals, on the p chart
	// improved-target-met → none
}

func ExampleCycle() {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var baseline, after pdca.Series
	for i := range 20 {
		baseline = append(baseline, pdca.Sample{Period: fmt.Sprint(i + 1), Value: float64(68 + 4*(i%2)), Size: 100})
		after = append(after, pdca.Sample{Period: fmt.Sprint(i + 1), Value: float64(78 + 4*(i%2)), Size: 100})
	}
	c, _ := pdca.NewCycle("fcr-2026-03")
	_ = c.SetPlan(pdca.PlanSpec{
		Objective: "First-contact resolution at 78% or more",
		Owner:     "Supervisor",
		Indicator: pdca.Indicator{Name: "FCR", Category: pdca.QualityOfWork, Unit: pdca.Percent, Direction: pdca.HigherIsBetter},
		Baseline:  baseline,
		Target:    pdca.Standard{Target: 0.78, Sides: pdca.AtLeast},
		Actions:   []pdca.Action{{Title: "Training", Kind: pdca.Training, Owner: "Trainer", Due: servuction.MustParseDate("2026-03-15")}},
		Check:     pdca.CheckPlan{Rules: pdca.WesternElectric},
	})
	_ = c.Approve(now)
	_ = c.Start(now)
	_ = c.UpdateAction(0, pdca.Done, "attendance list")
	_ = c.BeginCheck(now.AddDate(0, 0, 14))
	res, _ := c.Check(after, now.AddDate(0, 1, 0))
	std, _ := c.Standardize(now.AddDate(0, 1, 1))
	fmt.Println(res.Verdict, c.State())
	fmt.Printf("new standard: centre %.2f\n", std.Limits.Center)
	// Output:
	// improved-target-met standardized
	// new standard: centre 0.80
}

func ExampleChart_Monitor() {
	// Phase I: complaints per day in a baseline week.
	base, _ := pdca.C([]int{8, 12, 8, 12, 10})
	// Phase II: new days against the frozen limits. By hand: c̄ = 50/5 = 10,
	// 3√10 = 9.486833, limits 0.513–19.487; 21 is above the UCL.
	next, _ := base.Monitor([]float64{15, 21, 9}, nil)
	fmt.Printf("limits %.3f–%.3f\n", next.LCL[0], next.UCL[0])
	fmt.Println(next.Violations(pdca.Nelson))
	// Output:
	// limits 0.513–19.487
	// [{Nelson1 1}]
}

func ExampleTally() {
	// Calls, one record each, from two machines' shares of the log.
	var a, b pdca.Tally
	_ = a.Add("2026-03-02", 1, 1) // resolved at first contact
	_ = a.Add("2026-03-02", 0, 1) // called back
	_ = b.Add("2026-03-02", 1, 1)
	_ = b.Add("2026-03-03", 1, 1)
	_ = a.Merge(&b)
	for _, s := range a.Series() {
		fmt.Printf("%s: %v of %v\n", s.Period, s.Value, s.Size)
	}
	// Output:
	// 2026-03-02: 2 of 3
	// 2026-03-03: 1 of 1
}

func ExampleLaneyP() {
	// Days of 100 calls whose resolution swings more than chance allows.
	p, _ := pdca.LaneyP([]int{45, 55, 45, 55}, []int{100, 100, 100, 100})
	fmt.Printf("p′ limits %.3f–%.3f\n", p.LCL[0], p.UCL[0])
	// By hand: p̄ = 0.5, σ_p = 0.05, z = −1, 1, −1, 1, MR̄_z = 2,
	// σ_z = 2/d₂(2) = √π = 1.772; limits 0.5 ± 3·0.05·1.772 = 0.5 ± 0.266.

	// Output: p′ limits 0.234–0.766
}

func ExampleEWMA() {
	// qcc's tests/testthat/test-ewma.R: centre 10, σ 2, λ 0.5, limits at 2σ.
	e, _ := pdca.EWMA(pdca.Limits{Kind: pdca.Individuals, Center: 10, Sigma: 2}, []float64{11, 13, 12}, nil, 0.5, 2)
	for i, z := range e.Smoothed {
		fmt.Printf("%.3f in %.3f–%.3f\n", z, e.LCL[i], e.UCL[i])
	}
	// By hand: z = 10.5, 11.75, 11.875; σ of z = 2·√(1/3·(1 − 0.25ⁱ)) =
	// 1, √1.25, √1.3125.

	// Output:
	// 10.500 in 8.000–12.000
	// 11.750 in 7.764–12.236
	// 11.875 in 7.709–12.291
}

func ExampleRunChart() {
	// Six days before and six after a change, around their median 7.
	a, _ := pdca.RunChart([]float64{3, 1, 2, 5, 4, 6, 9, 8, 10, 12, 11, 13})
	fmt.Printf("longest run %d (limit %d), crossings %d (limit %d), signal %v\n",
		a.LongestRun, a.LongestRunLimit, a.Crossings, a.CrossingsLimit, a.Signal())
	// Output: longest run 6 (limit 7), crossings 1 (limit 3), signal true
}

func ExampleCapability_Intervals() {
	c, _ := pdca.ProcessCapability([]float64{9, 10, 11, 10}, 0.5, pdca.Spec{LSL: 7, USL: 13, Target: 10})
	ci, _ := c.Intervals(0.95)
	fmt.Printf("Cp %.2f (%.3f–%.3f), Cpk %.2f (%.3f–%.3f)\n", c.Cp, ci.Cp.Lower, ci.Cp.Upper, c.Cpk, ci.Cpk.Lower, ci.Cpk.Upper)
	// By hand, N = 4: Cp = 2, χ²(0.025, 3) = 0.2157953, χ²(0.975, 3) =
	// 9.348404: 2·√(0.2157953/3) = 0.536, 2·√(9.348404/3) = 3.531. Cpk = 2,
	// 1.959964·√(1/(9·4·4) + 1/6) = 0.816652: 2·(1 ∓ 0.816652) = 0.367, 3.633.

	// Output: Cp 2.00 (0.536–3.531), Cpk 2.00 (0.367–3.633)
}
