// Command pdca runs one continuous-improvement cycle (ciclo de mejora
// continua: planear, hacer, verificar, actuar) on a call centre's
// first-contact-resolution rate, the share of calls solved in the first
// contact without the customer calling back.
//
// The baseline month (March) shows the current practice. The action is a
// training course for the agents. The next month (April) is checked on a p
// chart against the frozen March limits, the verdict is printed with its
// evidence, and the new practice becomes the standard.
//
// The second part is a hub that answers 2 000 calls a day. At that volume
// the days vary more than a p chart allows (overdispersion): the Check
// detects it in the baseline and judges on Laney's p′ chart, watched with an
// EWMA chart, where a p chart would see a change in a month when nothing
// changed.
//
// Run it with: go run ./examples/pdca (add -lang es for the Check's reasons
// in Spanish).
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/pdca"
)

// day is one working day at the call centre: calls answered and calls
// resolved at the first contact.
type day struct {
	date      string
	calls     int
	firstTime int
}

// march is the baseline: the current practice, before any change
// (diagnóstico: revisar las prácticas actuales).
var march = []day{
	{"2026-03-02", 195, 129},
	{"2026-03-03", 229, 159},
	{"2026-03-04", 224, 153},
	{"2026-03-05", 226, 168},
	{"2026-03-06", 236, 165},
	{"2026-03-09", 255, 180},
	{"2026-03-10", 227, 159},
	{"2026-03-11", 188, 126},
	{"2026-03-12", 244, 171},
	{"2026-03-13", 189, 121},
	{"2026-03-16", 207, 155},
	{"2026-03-17", 197, 132},
	{"2026-03-18", 211, 153},
	{"2026-03-19", 199, 134},
	{"2026-03-20", 258, 183},
	{"2026-03-23", 200, 137},
	{"2026-03-24", 249, 175},
	{"2026-03-25", 225, 155},
	{"2026-03-26", 205, 153},
	{"2026-03-27", 236, 167},
	{"2026-03-30", 242, 170},
	{"2026-03-31", 189, 120},
}

// april is the month after the training.
var april = []day{
	{"2026-04-01", 182, 136},
	{"2026-04-02", 229, 164},
	{"2026-04-03", 237, 182},
	{"2026-04-06", 226, 180},
	{"2026-04-07", 218, 179},
	{"2026-04-08", 190, 146},
	{"2026-04-09", 212, 169},
	{"2026-04-10", 256, 207},
	{"2026-04-13", 192, 149},
	{"2026-04-14", 221, 175},
	{"2026-04-15", 190, 153},
	{"2026-04-16", 228, 185},
	{"2026-04-17", 188, 146},
	{"2026-04-20", 234, 196},
	{"2026-04-21", 256, 191},
	{"2026-04-22", 237, 185},
	{"2026-04-23", 249, 194},
	{"2026-04-24", 199, 168},
	{"2026-04-27", 238, 180},
	{"2026-04-28", 256, 197},
	{"2026-04-29", 257, 209},
	{"2026-04-30", 217, 180},
}

func series(days []day) pdca.Series {
	s := make(pdca.Series, len(days))
	for i, d := range days {
		// On a p chart Value is the number counted and Size the sample size.
		s[i] = pdca.Sample{Period: d.date, Value: float64(d.firstTime), Size: float64(d.calls)}
	}
	return s
}

func main() {
	lang := flag.String("lang", "en", "language of the Check's reasons: en or es")
	flag.Parse()
	if err := run(*lang); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := atVolume(*lang); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(lang string) error {
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }

	// The indicator (indicador de servicio): a percentage, in the category
	// "quality of work" (calidad del trabajo); higher is better. A share of
	// calls is checked on a p chart.
	fcr := pdca.Indicator{
		Name:      "first-contact resolution",
		Category:  pdca.QualityOfWork,
		Unit:      pdca.Percent,
		Direction: pdca.HigherIsBetter,
	}

	// PLAN (planear): objective and target (objetivos y metas), why, what and
	// how, who answers for it (definir responsabilidades), the actions and
	// how the result will be checked.
	cycle, err := pdca.NewCycle("fcr-2026-04")
	if err != nil {
		return err
	}
	err = cycle.SetPlan(pdca.PlanSpec{
		Objective: "Resolve at least 78% of calls at the first contact",
		Why:       "30% of customers call back for the same issue: repeated work and unhappy customers",
		How:       "Train every agent on the ten most frequent issues and give them a shared answer guide",
		Owner:     "Call-centre supervisor",
		Indicator: fcr,
		Baseline:  series(march),
		// The service standard (estándar de servicio): the desired result.
		Target: pdca.Standard{Target: 0.78, Sides: pdca.AtLeast},
		Actions: []pdca.Action{
			{Title: "Course on the ten most frequent issues", Kind: pdca.Training, Owner: "Training lead", Due: servuction.MustParseDate("2026-03-31")},
			{Title: "Workshop: writing the shared answer guide", Kind: pdca.Workshop, Owner: "Senior agent", Due: servuction.MustParseDate("2026-03-31")},
		},
		// CHECK plan: the Western Electric rules on the p chart.
		Check: pdca.CheckPlan{Rules: pdca.WesternElectric},
	})
	if err != nil {
		return err
	}
	if err := cycle.Approve(at("2026-03-27T09:00:00Z")); err != nil {
		return err
	}

	// DO (hacer): instruct and implement; organise the course and the
	// workshop, and recognise the contribution of others (reconocer el aporte).
	if err := cycle.Start(at("2026-03-30T09:00:00Z")); err != nil {
		return err
	}
	if err := cycle.UpdateAction(0, pdca.Done, "attendance list: 24 of 24 agents"); err != nil {
		return err
	}
	if err := cycle.UpdateAction(1, pdca.Done, "answer guide v1 published on the intranet"); err != nil {
		return err
	}
	if err := cycle.Recognize(pdca.Recognition{Person: "Lucía", Contribution: "wrote the first draft of the answer guide", On: servuction.MustParseDate("2026-03-31")}); err != nil {
		return err
	}

	// CHECK (verificar): evaluate and validate. The March limits are frozen;
	// April's days are plotted against them and the run rules decide whether
	// the process changed, not just whether April's average beat the target.
	if err := cycle.BeginCheck(at("2026-04-01T09:00:00Z")); err != nil {
		return err
	}
	res, err := cycle.Check(series(april), at("2026-05-01T09:00:00Z"))
	if err != nil {
		return err
	}
	labels := make([]string, len(april))
	for i, d := range april {
		labels[i] = d.date
	}
	fmt.Printf("Baseline (March): p̄ = %.4f from %d days\n\n", res.Baseline.Center, len(march))
	fmt.Println("April on the March limits:")
	fmt.Println(res.After.Text(labels, pdca.WesternElectric))
	fmt.Printf("Verdict: %v (suggested: %v)\n", res.Verdict, res.Suggested)
	fmt.Printf("Why: %s\n", res.ReasonIn(lang))
	fmt.Printf("April level %.4f, target %.2f met: %v\n", res.Level, 0.78, res.TargetMet)
	fmt.Printf("Evidence: %d favourable, %d adverse signals; first: ", len(res.Favourable()), len(res.Adverse()))
	if ev := res.Favourable(); len(ev) > 0 {
		fmt.Printf("%v on %s (%.4f)\n", ev[0].Rule, ev[0].Period, ev[0].Value)
	} else {
		fmt.Println("none")
	}

	// ACT (actuar): correct and standardise. The verdict suggests
	// standardising: the April practice becomes the standard, and its
	// limits are the ones the next months are monitored against.
	if res.Suggested != pdca.Standardize {
		fmt.Println("\nNot standardised: the check suggests", res.Suggested)
		return nil
	}
	std, err := cycle.Standardize(at("2026-05-04T09:00:00Z"))
	if err != nil {
		return err
	}
	fmt.Printf("\nNew standard: at least %.2f; control centre %.4f (σ per call %.4f)\n", std.Target, std.Limits.Center, std.Limits.Sigma)
	fmt.Println("\nHistory:")
	for _, h := range cycle.Record().History {
		fmt.Printf("  %s  %-9v → %v\n", h.At.Format(time.DateOnly), h.From, h.To)
	}
	return nil
}
