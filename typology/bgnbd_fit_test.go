package typology

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// rSim400 reads testdata/bgnbd_r400.txt: 400 customers (x, tx, T in weeks)
// drawn in R from the CDNOW parameters, with R's own fit of them:
//
//	set.seed(2005); n <- 400
//	r <- 0.243; al <- 4.414; a <- 0.793; b <- 2.426
//	T <- round(runif(n, 27, 39), 2); x <- integer(n); tx <- numeric(n)
//	for (i in 1:n) {
//	  lam <- rgamma(1, shape = r, rate = al); p <- rbeta(1, a, b); t <- 0
//	  repeat { t <- t + rexp(1, lam); if (t > T[i]) break
//	           x[i] <- x[i] + 1; tx[i] <- t; if (runif(1) < p) break }
//	}
//	tx <- round(tx, 2)
//	write.table(data.frame(x, tx, T), "bgnbd_r400.txt", row.names = FALSE, col.names = FALSE)
//
// The log-likelihood in R is FHL (2005) eq. 6 as printed, with lbeta:
//
//	ll <- function(p) { r <- p[1]; al <- p[2]; a <- p[3]; b <- p[4]
//	  A <- lbeta(a, b + x) - lbeta(a, b) + lgamma(r + x) - lgamma(r) + r * log(al) - (r + x) * log(al + T)
//	  B <- ifelse(x > 0, exp(lbeta(a + 1, pmax(b + x - 1, 1e-300)) - lbeta(a, b + x)) * ((al + T) / (al + tx))^(r + x), 0)
//	  sum(A + log1p(B)) }
//	ll(c(0.243, 4.414, 0.793, 2.426))  # -1667.4236586
//	ll(c(1.5, 12, 0.3, 5))             # -1925.13494292
//	f <- function(th) -ll(exp(th))
//	o <- optim(log(c(1, 10, 1, 3)), f, method = "Nelder-Mead", control = list(reltol = 1e-15, maxit = 20000))
//	o <- optim(o$par, f, method = "BFGS", control = list(reltol = 1e-16, maxit = 10000), hessian = TRUE)
//	exp(o$par)   # 0.2708683789 5.5564189262 1.3670980780 5.5937981418
//	-o$value     # -1666.33540524
//	sqrt(diag(solve(o$hessian))) * exp(o$par)  # 0.0339656 1.0840037 1.2177845 6.1169022
func rSim400(t *testing.T) []CustomerSummary {
	data, err := os.ReadFile("testdata/bgnbd_r400.txt")
	require.NoError(t, err)
	var out []CustomerSummary
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		fs := strings.Fields(line)
		require.Len(t, fs, 3)
		x, err := strconv.Atoi(fs[0])
		require.NoError(t, err)
		tx, err := strconv.ParseFloat(fs[1], 64)
		require.NoError(t, err)
		T, err := strconv.ParseFloat(fs[2], 64)
		require.NoError(t, err)
		out = append(out, CustomerSummary{Customer: fmt.Sprint(len(out) + 1), X: x, Tx: tx, T: T})
	}
	require.Len(t, out, 400)
	return out
}

func TestBGNBDLogLikelihoodMatchesR(t *testing.T) {
	data := rSim400(t)
	for _, c := range []struct {
		m    BGNBD
		want float64
	}{{CDNOW, -1667.4236586}, {BGNBD{R: 1.5, Alpha: 12, A: 0.3, B: 5}, -1925.13494292}} {
		got, err := c.m.LogLikelihood(data)
		require.NoError(t, err)
		assert.InDelta(t, c.want, got, 1e-6, "%+v", c.m)
	}
}

func TestFitBGNBDMatchesROptim(t *testing.T) {
	fit, err := FitBGNBD(rSim400(t))
	require.NoError(t, err)
	want := [4]float64{0.2708683789, 5.5564189262, 1.3670980780, 5.5937981418}
	got := [4]float64{fit.Model.R, fit.Model.Alpha, fit.Model.A, fit.Model.B}
	for i := range want {
		assert.InEpsilon(t, want[i], got[i], 1e-5, bgParamNames[i])
	}
	assert.InDelta(t, -1666.33540524, fit.LogLikelihood, 1e-6)
	// R's standard errors come from optim's finite-difference Hessian: 1 %.
	se := [4]float64{0.0339656, 1.0840037, 1.2177845, 6.1169022}
	gotSE := [4]float64{fit.StdErr.R, fit.StdErr.Alpha, fit.StdErr.A, fit.StdErr.B}
	for i := range se {
		assert.InEpsilon(t, se[i], gotSE[i], 0.01, "se "+bgParamNames[i])
		assert.InDelta(t, gotSE[i]*gotSE[i], fit.Cov[i][i], 1e-12*fit.Cov[i][i])
	}
	assert.Equal(t, 400, fit.Customers)
}

// The fit recovers the parameters it simulated from, within two standard
// errors, over the shapes of data that lifetimes users reported as failing
// to converge.
func TestFitBGNBDRecoversSimulated(t *testing.T) {
	tests := []struct {
		name   string
		m      BGNBD
		n      int
		lo, hi float64 // T drawn uniformly in [lo, hi]
	}{
		{"CDNOW parameters, weeks", CDNOW, 5000, 27, 39},
		// lifetimes #332: "fitted with 2556392 subjects, a: 0.40, alpha:
		// 50.16, b: 0.81, r: 0.10", overflow in P(alive) and NaN standard
		// errors (r = a = b = 1.105171, the start exp(0.1), in #381).
		{"lifetimes #332 parameters", BGNBD{R: 0.10, Alpha: 50.16, A: 0.40, B: 0.81}, 20000, 100, 500},
		// lifetimes #405: 289 411 customers, daily data, T up to 501 days,
		// 176 purchases on average: "the model does not converge" without a
		// penalizer.
		{"lifetimes #405 shape: daily, heavy buyers", BGNBD{R: 2, Alpha: 5, A: 0.3, B: 30}, 5000, 380, 501},
		// Purchases every few days for ten years: x in the thousands.
		{"thousands of purchases", BGNBD{R: 4, Alpha: 10, A: 0.2, B: 400}, 3000, 3000, 3650},
	}
	for k, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := simulateBGNBD(t, tt.m, tt.n, tt.lo, tt.hi, uint64(100+k))
			fit, err := FitBGNBD(data)
			require.NoError(t, err)
			want := [4]float64{tt.m.R, tt.m.Alpha, tt.m.A, tt.m.B}
			got := [4]float64{fit.Model.R, fit.Model.Alpha, fit.Model.A, fit.Model.B}
			se := [4]float64{fit.StdErr.R, fit.StdErr.Alpha, fit.StdErr.A, fit.StdErr.B}
			for i := range want {
				assert.Less(t, math.Abs(got[i]-want[i]), 2*se[i], "%s = %.4g ± %.2g, true %.4g", bgParamNames[i], got[i], se[i], want[i])
			}
			ll, err := fit.Model.LogLikelihood(data)
			require.NoError(t, err)
			assert.InDelta(t, fit.LogLikelihood, ll, 1e-6*math.Abs(ll))
		})
	}
}

// Fitting the same data in weeks and in hours gives the same r, a and b, α
// times 168, and log-likelihoods that differ by Σx·ln 168 (the density of
// the purchase times is per hour instead of per week).
func TestFitBGNBDUnitInvariance(t *testing.T) {
	weeks := simulateBGNBD(t, CDNOW, 3000, 27, 39, 7)
	hours := make([]CustomerSummary, len(weeks))
	sumX := 0
	for i, c := range weeks {
		hours[i] = CustomerSummary{X: c.X, Tx: c.Tx * 168, T: c.T * 168}
		sumX += c.X
	}
	fw, err := FitBGNBD(weeks)
	require.NoError(t, err)
	fh, err := FitBGNBD(hours)
	require.NoError(t, err)
	assert.InEpsilon(t, fw.Model.R, fh.Model.R, 1e-5)
	assert.InEpsilon(t, fw.Model.Alpha*168, fh.Model.Alpha, 1e-5)
	assert.InEpsilon(t, fw.Model.A, fh.Model.A, 1e-5)
	assert.InEpsilon(t, fw.Model.B, fh.Model.B, 1e-5)
	assert.InDelta(t, fw.LogLikelihood-float64(sumX)*math.Log(168), fh.LogLikelihood, 1e-6*math.Abs(fh.LogLikelihood))
}

// Where there is no maximum to find, the fit says so and why, instead of
// returning the start values (lifetimes #262, #381) or failing with
// "precision loss" (#258, #396).
func TestFitBGNBDFailsClearly(t *testing.T) {
	homogeneous := make([]CustomerSummary, 200)
	for i := range homogeneous {
		homogeneous[i] = CustomerSummary{X: 2, Tx: 10, T: 20}
	}
	noRepeat := []CustomerSummary{{T: 30}, {T: 31}, {T: 12}}
	tests := []struct {
		name string
		data []CustomerSummary
		want []string
	}{
		// lifetimes #335: "with small sample size data I always get …
		// precision loss". Thirty customers from the CDNOW parameters: the
		// dropout probability cannot be told apart from one shared p.
		{"thirty customers", simulateBGNBD(t, CDNOW, 30, 27, 39, 7), []string{"parameter b ran to the edge", "dropout probability looks the same for every customer"}},
		{"identical customers", homogeneous, []string{"ran to the edge"}},
		{"no repeat purchase", noRepeat, []string{"none of 3 customers made a repeat purchase"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FitBGNBD(tt.data)
			require.ErrorIs(t, err, ErrNotConverged)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// lifetimes #259: the fit started at NaN (its data had recency beyond T);
// here wrong histories are refused with the customer named.
func TestFitBGNBDRejectsBadHistory(t *testing.T) {
	tests := []struct {
		name string
		c    CustomerSummary
		want string
	}{
		{"tx beyond T", CustomerSummary{Customer: "c9", X: 2, Tx: 40, T: 38}, `customer 1 "c9": typology: BG/NBD: tx = 40: want 0 ≤ tx ≤ T = 38`},
		{"NaN T", CustomerSummary{Customer: "c9", X: 1, Tx: 1, T: math.NaN()}, "T = NaN"},
		{"zero T", CustomerSummary{Customer: "c9", T: 0}, "T = 0: want > 0"},
		{"negative x", CustomerSummary{Customer: "c9", X: -1, T: 3}, "x = -1"},
		{"tx without repeat", CustomerSummary{Customer: "c9", X: 0, Tx: 2, T: 3}, "tx = 2 with no repeat purchase"},
	}
	for _, tt := range tests {
		_, err := FitBGNBD([]CustomerSummary{{X: 1, Tx: 1, T: 2}, tt.c})
		require.ErrorIs(t, err, ErrInvalidHistory, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
	_, err := FitBGNBD(nil)
	assert.ErrorIs(t, err, ErrInvalidHistory)
	_, err = BGNBD{}.LogLikelihood(nil)
	assert.ErrorIs(t, err, ErrInvalidModel)
}

// The analytic gradient of the likelihood agrees with central differences.
func TestBGNBDGradient(t *testing.T) {
	d, err := newBGData(rSim400(t))
	require.NoError(t, err)
	for _, th := range [][]float64{{-1.4, 0.2, -0.2, 0.9}, {0.4, 1.5, -1.2, 1.6}, {-3, -2, 2, 3}} {
		g := make([]float64, 4)
		d.negLL(th, g)
		for i := range th {
			const h = 1e-6
			p, m := append([]float64(nil), th...), append([]float64(nil), th...)
			p[i] += h
			m[i] -= h
			tmp := make([]float64, 4)
			num := (d.negLL(p, tmp) - d.negLL(m, tmp)) / (2 * h)
			assert.InDelta(t, num, g[i], 1e-6*(1+math.Abs(num)), "θ %v, component %d", th, i)
		}
	}
}

func TestDigammaMatchesR(t *testing.T) {
	// R: options(digits = 17); digamma(c(1e-6, 0.243, 1, 2.5, 6, 17.3, 1000))
	for _, c := range []struct{ x, want float64 }{
		{1e-6, -1.0000005772140200e+06}, {0.243, -4.3510938644232109}, {1, -0.57721566490153231},
		{2.5, 0.70315664064524341}, {6, 1.7061176684318007}, {17.3, 2.8215264235398672}, {1000, 6.9072551956488120},
	} {
		assert.InDelta(t, c.want, digamma(c.x), 1e-14*math.Max(1, math.Abs(c.want)), "ψ(%v)", c.x)
	}
	// R: log1p(exp(c(-40, 0, 3))); 800 overflows in R (Inf), not here.
	assert.InDelta(t, 4.2483542552915889e-18, softplus(-40), 1e-30)
	assert.InDelta(t, 0.69314718055994529, softplus(0), 1e-16)
	assert.InDelta(t, 3.0485873515737421, softplus(3), 1e-15)
	assert.Equal(t, 800.0, softplus(800))
	assert.Equal(t, 1.0, sigmoid(800))
	assert.InDelta(t, math.Exp(-800), sigmoid(-800), 1e-300)
}

// FuzzFitBGNBD: on arbitrary small data the fits never panic; they either
// refuse the data (ErrInvalidHistory), say they cannot fit it
// (ErrNotConverged), or return finite positive parameters with finite
// standard errors.
func FuzzFitBGNBD(f *testing.F) {
	f.Add([]byte{2, 30, 38, 0, 0, 38, 1, 2, 38, 7, 29, 38, 0, 0, 37, 1, 5, 38})
	f.Add([]byte{0, 0, 10, 0, 0, 20})
	f.Add([]byte{200, 250, 255, 1, 1, 1, 3, 0, 9})
	f.Fuzz(func(t *testing.T, data []byte) {
		var cs []CustomerSummary
		for len(data) >= 3 && len(cs) < 40 {
			cs = append(cs, CustomerSummary{X: int(data[0] % 30), Tx: float64(data[1]) / 4, T: float64(data[2]) / 4})
			data = data[3:]
		}
		fit, err := FitBGNBD(cs)
		if err != nil {
			if !errors.Is(err, ErrInvalidHistory) && !errors.Is(err, ErrNotConverged) {
				t.Fatalf("unexpected error %v", err)
			}
		} else {
			require.NoError(t, fit.Model.Validate())
			for _, se := range []float64{fit.StdErr.R, fit.StdErr.Alpha, fit.StdErr.A, fit.StdErr.B} {
				require.False(t, math.IsNaN(se) || math.IsInf(se, 0) || se < 0, "%+v", fit)
			}
		}
		for i := range cs {
			cs[i].MeanAmount = servuction.Money{Amount: decimal.NewFromFloat(cs[i].Tx)}
		}
		gg, err := FitGammaGamma(cs)
		if err != nil {
			if !errors.Is(err, ErrInvalidHistory) && !errors.Is(err, ErrNotConverged) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		require.NoError(t, gg.Model.Validate())
	})
}

// Customers with identical histories are grouped: fitting every customer
// twice gives the same parameters, standard errors smaller by √2 and twice
// the log-likelihood.
func TestFitBGNBDGroupsIdenticalCustomers(t *testing.T) {
	data := rSim400(t)
	twice := append(append([]CustomerSummary(nil), data...), data...)
	f1, err := FitBGNBD(data)
	require.NoError(t, err)
	f2, err := FitBGNBD(twice)
	require.NoError(t, err)
	assert.InEpsilon(t, f1.Model.R, f2.Model.R, 1e-6)
	assert.InEpsilon(t, f1.Model.Alpha, f2.Model.Alpha, 1e-6)
	assert.InEpsilon(t, f1.Model.A, f2.Model.A, 1e-5)
	assert.InEpsilon(t, f1.Model.B, f2.Model.B, 1e-5)
	assert.InEpsilon(t, f1.StdErr.R/math.Sqrt2, f2.StdErr.R, 1e-3)
	assert.InDelta(t, 2*f1.LogLikelihood, f2.LogLikelihood, 1e-6)
	assert.Equal(t, 800, f2.Customers)
	d, err := newBGData(twice)
	require.NoError(t, err)
	assert.Less(t, len(d.groups), 400, "rounded times repeat even within the 400")
}
