package typology

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rGamma300 reads testdata/gammagamma_r300.txt: 300 customers (x repeat
// purchases, their mean amount m) drawn in R from the CDNOW Gamma-Gamma
// parameters, with R's fit:
//
//	set.seed(2005); n <- 300; p <- 6.25; q <- 3.74; g <- 15.44
//	x <- 1 + rpois(n, 2); nu <- rgamma(n, shape = q, rate = g)
//	m <- round(sapply(1:n, function(i) mean(rgamma(x[i], shape = p, rate = nu[i]))), 2)
//	ll <- function(th) { p <- th[1]; q <- th[2]; g <- th[3]
//	  sum(lgamma(p*x + q) - lgamma(p*x) - lgamma(q) + q*log(g) + (p*x - 1)*log(m) + p*x*log(x) - (p*x + q)*log(x*m + g)) }
//	ll(c(6.25, 3.74, 15.44))  # -1293.28591839
//	f <- function(th) -ll(exp(th))
//	o <- optim(log(c(1, 2, 10)), f, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
//	o <- optim(o$par, f, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000), hessian = TRUE)
//	exp(o$par)  # 9.340238533 3.370112782 9.262101541
//	-o$value    # -1292.81059526
//	sqrt(diag(solve(o$hessian))) * exp(o$par)  # 6.333007 0.408784 7.370653
//	cor(x, m)   # -0.06520430643
func rGamma300(t *testing.T) []CustomerSummary {
	data, err := os.ReadFile("testdata/gammagamma_r300.txt")
	require.NoError(t, err)
	var out []CustomerSummary
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fs := strings.Fields(line)
		require.Len(t, fs, 2)
		x, err := strconv.Atoi(fs[0])
		require.NoError(t, err)
		out = append(out, CustomerSummary{Customer: fmt.Sprint(len(out) + 1), X: x, Tx: 1, T: 2,
			MeanAmount: servuction.Money{Amount: decimal.RequireFromString(fs[1]), Currency: "USD"}})
	}
	require.Len(t, out, 300)
	return out
}

func TestFitGammaGammaMatchesROptim(t *testing.T) {
	data := rGamma300(t)
	// Customers without a repeat purchase are left out of the fit.
	data = append(data, CustomerSummary{Customer: "new", T: 3})
	fit, err := FitGammaGamma(data)
	require.NoError(t, err)
	assert.Equal(t, 300, fit.Customers)
	assert.InEpsilon(t, 9.340238533, fit.Model.P, 1e-5)
	assert.InEpsilon(t, 3.370112782, fit.Model.Q, 1e-5)
	assert.InEpsilon(t, 9.262101541, fit.Model.Gamma, 1e-5)
	assert.InDelta(t, -1292.81059526, fit.LogLikelihood, 1e-6)
	assert.InEpsilon(t, 6.333007, fit.StdErr.P, 0.01)
	assert.InEpsilon(t, 0.408784, fit.StdErr.Q, 0.01)
	assert.InEpsilon(t, 7.370653, fit.StdErr.Gamma, 0.01)
	assert.InDelta(t, -0.06520430643, fit.Correlation, 1e-9)
}

// The fit recovers the CDNOW spend parameters from 20 000 simulated
// customers (fixed seed) within two standard errors. Over seeds 1–8 the
// estimates scatter around the truth as the standard errors say (p from 5.8
// to 7.1 with a standard error of 0.3–0.4).
func TestGammaGammaRecoversSimulated(t *testing.T) {
	truth := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	rng := rand.New(rand.NewPCG(2, 4))
	data := make([]CustomerSummary, 20000)
	for i := range data {
		x := 1 + rng.IntN(6)
		nu := math.Exp(logGamma1(rng, truth.Q)) / truth.Gamma
		sum := 0.0
		for range x {
			sum += math.Exp(logGamma1(rng, truth.P)) / nu
		}
		data[i] = CustomerSummary{X: x, Tx: 1, T: 2, MeanAmount: servuction.Money{Amount: decimal.NewFromFloat(sum / float64(x))}}
	}
	fit, err := FitGammaGamma(data)
	require.NoError(t, err)
	got := [3]float64{fit.Model.P, fit.Model.Q, fit.Model.Gamma}
	want := [3]float64{truth.P, truth.Q, truth.Gamma}
	se := [3]float64{fit.StdErr.P, fit.StdErr.Q, fit.StdErr.Gamma}
	for i := range got {
		assert.Less(t, math.Abs(got[i]-want[i]), 2*se[i], "%s = %.4g ± %.2g, true %.4g", ggParamNames[i], got[i], se[i], want[i])
	}
}

func TestGammaGammaSpend(t *testing.T) {
	m, err := NewGammaGamma(6.25, 3.74, 15.44)
	require.NoError(t, err)
	// Population mean p·γ/(q−1) = 6.25 × 15.44 / 2.74 = 35.218978…
	mean, err := m.MeanSpend()
	require.NoError(t, err)
	assert.InDelta(t, 96.5/2.74, mean, 1e-12)
	// x = 2, m̄ = 22.35: 6.25 (15.44 + 44.70) / (12.5 + 2.74) = 375.875 / 15.24.
	got, err := m.ConditionalExpectedSpend(2, 22.35)
	require.NoError(t, err)
	assert.InDelta(t, 375.875/15.24, got, 1e-12)
	got, err = m.ConditionalExpectedSpend(0, 0)
	require.NoError(t, err)
	assert.InDelta(t, mean, got, 1e-12)

	_, err = GammaGamma{P: 1, Q: 0.9, Gamma: 1}.MeanSpend()
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = m.ConditionalExpectedSpend(-1, 3)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = m.ConditionalExpectedSpend(1, math.NaN())
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = NewGammaGamma(0, 1, 1)
	assert.ErrorIs(t, err, ErrInvalidModel)
}

func TestFitGammaGammaRejects(t *testing.T) {
	usd := func(s string) servuction.Money { return servuction.MustParseMoney(s + " USD") }
	same := make([]CustomerSummary, 50)
	for i := range same {
		same[i] = CustomerSummary{X: 1 + i%4, Tx: 1, T: 2, MeanAmount: usd("20")}
	}
	tests := []struct {
		name string
		data []CustomerSummary
		err  error
		want string
	}{
		{"no repeat buyer", []CustomerSummary{{T: 1}, {X: 1, Tx: 1, T: 2, MeanAmount: usd("3")}}, ErrNotConverged, "1 customers with a repeat purchase"},
		{"zero mean amount", []CustomerSummary{{Customer: "z", X: 2, Tx: 1, T: 2}}, ErrInvalidHistory, `customer 0 "z": mean amount 0 of 2 repeat purchases`},
		{"negative x", []CustomerSummary{{Customer: "z", X: -2}}, ErrInvalidHistory, "X = -2"},
		// Every customer spends exactly 20: no spread to fit.
		{"identical amounts", same, ErrNotConverged, "ran to the edge"},
	}
	for _, tt := range tests {
		_, err := FitGammaGamma(tt.data)
		require.ErrorIs(t, err, tt.err, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
}
