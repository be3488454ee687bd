package typology

import (
	"math/rand/v2"
	"testing"
)

// simulateBGNBD draws n customers from m, each observed for a T drawn
// uniformly in [tMin, tMax], with a fixed seed.
func simulateBGNBD(t testing.TB, m BGNBD, n int, tMin, tMax float64, seed uint64) []CustomerSummary {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]CustomerSummary, n)
	for i := range out {
		T := tMin + (tMax-tMin)*rng.Float64()
		times, err := m.SimulateRepeatPurchases(rng, T)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = CustomerSummary{X: len(times), T: T}
		if len(times) > 0 {
			out[i].Tx = times[len(times)-1]
		}
	}
	return out
}
