package main

import (
	"fmt"
	"log"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/typology"
	"github.com/shopspring/decimal"
)

// The shop's customer value: fit the BG/NBD (how often and how long
// customers keep buying) and the Gamma-Gamma (how much they spend) to a
// transaction log, check the forecast on a holdout period, and value
// customers as money.
//
// The log is simulated, with a fixed seed, from known parameters (in
// weeks), so the fit can be checked against the truth: 3 000 customers
// who first bought in the first quarter of 2026, followed until the end of
// October.
var (
	trueBG = typology.BGNBD{R: 0.8, Alpha: 6, A: 0.7, B: 3.5}
	// Mean spend per purchase p·γ/(q−1) = 4 × 150 000 / 2.5 = 240 000 COP.
	trueGG         = typology.GammaGamma{P: 4, Q: 3.5, Gamma: 150_000}
	calibrationEnd = time.Date(2026, time.June, 30, 23, 59, 0, 0, time.UTC)
	holdoutEnd     = time.Date(2026, time.October, 31, 23, 59, 0, 0, time.UTC)
)

// simulatedLog draws the transaction log.
func simulatedLog() []typology.Transaction {
	rng := rand.New(rand.NewPCG(2026, 11))
	start := time.Date(2026, time.January, 1, 9, 0, 0, 0, time.UTC)
	week := 7 * 24 * time.Hour
	var txs []typology.Transaction
	for i := 0; i < 3000; i++ {
		id := fmt.Sprintf("S%04d", i+1)
		first := start.Add(time.Duration(rng.IntN(90*24)) * time.Hour) // first quarter
		horizon := float64(holdoutEnd.Sub(first)) / float64(week)
		repeats, err := trueBG.SimulateRepeatPurchases(rng, horizon)
		if err != nil {
			log.Fatal(err)
		}
		spend, err := trueGG.SimulateSpend(rng, 1+len(repeats))
		if err != nil {
			log.Fatal(err)
		}
		at := append([]time.Time{first}, make([]time.Time, len(repeats))...)
		for k, w := range repeats {
			at[k+1] = first.Add(time.Duration(w * float64(week)).Round(time.Minute))
		}
		for k := range at {
			amount := decimal.NewFromFloat(spend[k]).Round(-2) // to 100 COP
			txs = append(txs, typology.Transaction{Customer: id, At: at[k], Amount: servuction.Money{Amount: amount, Currency: "COP"}})
		}
	}
	return txs
}

// customerValue fits the models to the simulated log, compares the
// forecast with the holdout, and values customers, the shop's own among
// them.
func customerValue(shop []typology.History) {
	fmt.Println(strings.Repeat("=", 78))
	fmt.Println("Customer value from the shop's transaction log (simulated, 3 000 customers)")
	cfg := typology.SummaryConfig{CalibrationEnd: calibrationEnd, HoldoutEnd: holdoutEnd, MergeSameDay: true}
	summary, err := typology.SummarizeTransactions(simulatedLog(), cfg)
	if err != nil {
		log.Fatal(err)
	}
	bg, err := typology.FitBGNBD(summary)
	if err != nil {
		log.Fatal(err)
	}
	gg, err := typology.FitGammaGamma(summary)
	if err != nil {
		log.Fatal(err)
	}
	m, se := bg.Model, bg.StdErr
	fmt.Printf("BG/NBD fitted to %d customers (weeks, calibration to %s):\n", bg.Customers, calibrationEnd.Format(time.DateOnly))
	fmt.Printf("  r %.3f ± %.3f (true %.1f)  α %.2f ± %.2f (true %.0f)  a %.2f ± %.2f (true %.1f)  b %.2f ± %.2f (true %.1f)\n",
		m.R, se.R, trueBG.R, m.Alpha, se.Alpha, trueBG.Alpha, m.A, se.A, trueBG.A, m.B, se.B, trueBG.B)
	g, gse := gg.Model, gg.StdErr
	fmt.Printf("Gamma-Gamma fitted to %d repeat buyers (correlation of frequency and spend %.2f):\n", gg.Customers, gg.Correlation)
	fmt.Printf("  p %.2f ± %.2f (true %.0f)  q %.2f ± %.2f (true %.1f)  γ %.0f ± %.0f (true %.0f)\n",
		g.P, gse.P, trueGG.P, g.Q, gse.Q, trueGG.Q, g.Gamma, gse.Gamma, trueGG.Gamma)

	cmp, err := m.CompareHoldout(summary, cfg.HoldoutLength(), 5)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nHoldout check (%.1f weeks to %s): purchases per customer by calibration repeat purchases\n",
		cfg.HoldoutLength(), holdoutEnd.Format(time.DateOnly))
	fmt.Println("  repeats  customers  actual  predicted")
	for _, b := range cmp.Buckets {
		label := fmt.Sprint(b.X)
		if b.OrMore {
			label += "+"
		}
		fmt.Printf("  %-7s  %9d  %6.2f  %9.2f\n", label, b.Customers, b.Actual, b.Predicted)
	}
	fmt.Printf("  total holdout purchases: actual %.0f, predicted %.0f\n", cmp.Actual, cmp.Predicted)

	// CLV: the next 12 months (52/12 weeks each), each month's expected
	// purchases × the expected spend × a 25 % margin, discounted at 1 % a
	// month at the end of the month.
	clv := typology.CLVConfig{Periods: 12, PeriodLength: 52.0 / 12,
		Discount: decimal.RequireFromString("0.01"), Margin: decimal.RequireFromString("0.25")}
	fmt.Println("\nCustomer lifetime value, next 12 months, 25 % margin, 1 % a month discount (end of month):")
	for _, c := range summary[:5] {
		printCLV(m, g, c, clv)
	}
	// The shop's own customers, valued today with the models fitted above.
	var own []typology.Transaction
	for _, h := range shop {
		for _, p := range h.Purchases {
			own = append(own, typology.Transaction{Customer: h.Customer, At: p.At, Amount: p.Amount})
		}
	}
	mine, err := typology.SummarizeTransactions(own, typology.SummaryConfig{CalibrationEnd: today})
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range mine {
		printCLV(m, g, c, clv)
	}
}

func printCLV(bg typology.BGNBD, gg typology.GammaGamma, c typology.CustomerSummary, cfg typology.CLVConfig) {
	v, err := typology.ModelCLV(bg, gg, c, cfg)
	if err != nil {
		log.Fatal(err)
	}
	alive, err := bg.PAlive(c.X, c.Tx, c.T)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("  %-5s x=%2d tx=%5.1f T=%5.1f mean %9s  P(alive) %.2f  CLV %s\n",
		c.Customer, c.X, c.Tx, c.T, c.MeanAmount.Amount.Round(0), alive, v.StringFixed(0))
}
