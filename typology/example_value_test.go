package typology_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/typology"
	"github.com/shopspring/decimal"
)

func ExampleSummarizeTransactions() {
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 10, 0, 0, 0, time.UTC) }
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	log := []typology.Transaction{
		{Customer: "ana", At: day(1, 5), Amount: cop("50000")},
		{Customer: "ana", At: day(2, 2), Amount: cop("30000")},
		{Customer: "ana", At: day(3, 2), Amount: cop("40000")},
		{Customer: "ana", At: day(4, 20), Amount: cop("45000")}, // holdout
		{Customer: "beto", At: day(2, 16), Amount: cop("90000")},
	}
	summary, err := typology.SummarizeTransactions(log, typology.SummaryConfig{
		CalibrationEnd: day(3, 31), HoldoutEnd: day(6, 30), Unit: typology.Day})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range summary {
		fmt.Printf("%s x=%d tx=%.0f T=%.0f mean repeat %s, holdout %d\n", s.Customer, s.X, s.Tx, s.T, s.MeanAmount, s.HoldoutX)
	}
	// Output:
	// ana x=2 tx=56 T=85 mean repeat 35000 COP, holdout 1
	// beto x=0 tx=0 T=43 mean repeat 0 COP, holdout 0
}

func ExampleFitBGNBD() {
	// 5 000 customers drawn from the CDNOW parameters, observed for 27 to 39
	// weeks: the fit recovers the parameters within their standard errors.
	rng := rand.New(rand.NewPCG(1, 2))
	data := make([]typology.CustomerSummary, 5000)
	for i := range data {
		T := 27 + 12*rng.Float64()
		times, err := typology.CDNOW.SimulateRepeatPurchases(rng, T)
		if err != nil {
			fmt.Println(err)
			return
		}
		data[i] = typology.CustomerSummary{X: len(times), T: T}
		if len(times) > 0 {
			data[i].Tx = times[len(times)-1]
		}
	}
	fit, err := typology.FitBGNBD(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, se := fit.Model, fit.StdErr
	fmt.Printf("r %.2f ± %.2f (true 0.243)\nα %.1f ± %.1f (true 4.414)\na %.2f ± %.2f (true 0.793)\nb %.1f ± %.1f (true 2.426)\n",
		m.R, se.R, m.Alpha, se.Alpha, m.A, se.A, m.B, se.B)
	// Output:
	// r 0.24 ± 0.01 (true 0.243)
	// α 4.3 ± 0.2 (true 4.414)
	// a 0.84 ± 0.13 (true 0.793)
	// b 2.4 ± 0.5 (true 2.426)
}

func ExampleModelCLV() {
	// Customer 1 of CDNOW: 2 repeat purchases, the last 30.43 weeks after
	// the first, observed 38.86 weeks, spending $22.35 on average. The value
	// of the next 12 months (52/12 weeks each) at 1 % a month, with the
	// published BG/NBD and Gamma-Gamma parameters and a 30 % margin.
	gg, err := typology.NewGammaGamma(6.25, 3.74, 15.44)
	if err != nil {
		fmt.Println(err)
		return
	}
	c := typology.CustomerSummary{Customer: "1", X: 2, Tx: 30.43, T: 38.86, MeanAmount: servuction.MustParseMoney("22.35 USD")}
	v, err := typology.ModelCLV(typology.CDNOW, gg, c, typology.CLVConfig{
		Periods: 12, PeriodLength: 52.0 / 12, Discount: decimal.RequireFromString("0.01"), Margin: decimal.RequireFromString("0.3")})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v)
	// Output:
	// 10.86 USD
}

func ExampleRFMSketch() {
	// Two shops score their customers against the whole base without
	// sending each other the customers: each sketches its own, the
	// sketches travel as JSON and are merged, and the boundaries travel
	// back.
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	north := []typology.RFMInput{
		{Customer: "ana", Recency: 3 * typology.Day, Frequency: 24, Monetary: cop("2400000")},
		{Customer: "beto", Recency: 200 * typology.Day, Frequency: 18, Monetary: cop("1900000")},
		{Customer: "caro", Recency: 10 * typology.Day, Frequency: 1, Monetary: cop("80000")},
	}
	south := []typology.RFMInput{
		{Customer: "dani", Recency: 400 * typology.Day, Frequency: 2, Monetary: cop("150000")},
		{Customer: "eva", Recency: 60 * typology.Day, Frequency: 6, Monetary: cop("600000")},
	}
	var merged typology.RFMSketch
	for _, shop := range [][]typology.RFMInput{north, south} {
		var s typology.RFMSketch
		for _, c := range shop {
			if err := s.Add(c); err != nil {
				fmt.Println(err)
				return
			}
		}
		wire, err := json.Marshal(&s)
		if err != nil {
			fmt.Println(err)
			return
		}
		var received typology.RFMSketch
		if err := json.Unmarshal(wire, &received); err != nil {
			fmt.Println(err)
			return
		}
		if err := merged.Merge(&received); err != nil {
			fmt.Println(err)
			return
		}
	}
	bounds := merged.Result()
	days, _ := bounds.RecencyDays()
	fmt.Println("recency days for scores 2–5:", days)
	for _, c := range append(north, south...) {
		s, err := bounds.Score(c, nil)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(s.Customer, s.Code(), s.Segment)
	}
	// Output:
	// recency days for scores 2–5: [200 60 10 3]
	// ana 555 Champions
	// beto 244 At Risk
	// caro 411 Promising
	// dani 122 Hibernating
	// eva 333 Need Attention
}
