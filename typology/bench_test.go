package typology

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// yearOfHistory is one customer's year: a purchase a week, a contact a
// month (a third of them complaints), a survey a quarter and six agent notes.
func yearOfHistory() History {
	h := History{Customer: "bench"}
	for i := 0; i < 52; i++ {
		h.Purchases = append(h.Purchases, Purchase{
			At: daysAgo(7*i + 1), Amount: cop("85000"), Margin: cop("17000"),
			Promotion: i%4 == 0, Tier: PriceTier(1 + i%3),
		})
	}
	for i := 0; i < 12; i++ {
		h.Contacts = append(h.Contacts, Contact{At: daysAgo(30*i + 2), Complaint: i%3 == 0, Finding: Finding(i % 3), Hostile: i == 3, Satisfaction: 1 + i%5})
	}
	for i := 0; i < 4; i++ {
		h.Surveys = append(h.Surveys, Survey{At: daysAgo(90*i + 3), Rating: 4, WouldRecommend: true, IntendsToBuy: true})
	}
	for i := 0; i < 6; i++ {
		h.Observations = append(h.Observations, Observation{At: daysAgo(60*i + 4), Personality: Personality(1 + i%6), Motivation: Rational})
	}
	return h
}

func BenchmarkClassify(b *testing.B) {
	h := yearOfHistory()
	cfg := Config{Bands: Bands{Profitable: cop("100000"), VeryProfitable: cop("500000")}}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Classify(h, now, cfg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRFM scores 1 000 000 customers: recency up to two years,
// frequency 0–60, spend in cents up to 5 000 000.00, many ties as in real
// data. The fixture is built inside the benchmark, before the timer starts.
func BenchmarkRFM(b *testing.B) {
	const n = 1_000_000
	rng := rand.New(rand.NewPCG(1, 2))
	in := make([]RFMInput, n)
	for i := range in {
		in[i] = RFMInput{
			Customer:  fmt.Sprint("c", i),
			Recency:   time.Duration(rng.IntN(730)) * Day,
			Frequency: rng.IntN(61),
			Monetary:  servuction.Money{Amount: decimal.New(rng.Int64N(500_000_000), -2), Currency: "COP"},
		}
	}
	seg := DefaultSegmentation()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := ScoreRFM(in, seg); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/n, "ns/customer")
}

// BenchmarkFitBGNBD fits the BG/NBD to 100 000 customers simulated from the
// CDNOW parameters (continuous times, so no two customers share a history
// and grouping does not help). The fixture is built before the timer starts.
func BenchmarkFitBGNBD(b *testing.B) {
	data := simulateBGNBD(b, CDNOW, 100_000, 27, 39, 1)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := FitBGNBD(data); err != nil {
			b.Fatal(err)
		}
	}
}
