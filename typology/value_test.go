package typology

import (
	"math"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSimpleCLV(t *testing.T) {
	tests := []struct {
		margin, retention, discount, want string
	}{
		// 100 × 0.8 / (1 + 0.1 − 0.8) = 80 / 0.3 = 266.666…
		{"100", "0.8", "0.1", "266.6666666666666667"},
		// 250 × 0.5 / (1 + 0 − 0.5) = 125 / 0.5 = 250
		{"250", "0.5", "0", "250"},
		// retention 0: the customer never comes back.
		{"999", "0", "0.12", "0"},
		// 60000 × 0.9 / (1 + 0.12 − 0.9) = 54000 / 0.22 = 245454.5454…
		{"60000", "0.9", "0.12", "245454.5454545454545455"},
	}
	for _, tt := range tests {
		got, err := SimpleCLV(cop(tt.margin), decimal.RequireFromString(tt.retention), decimal.RequireFromString(tt.discount))
		require.NoError(t, err)
		assert.True(t, got.Amount.Equal(decimal.RequireFromString(tt.want)), "%s: got %s want %s", tt.margin, got, tt.want)
		assert.Equal(t, "COP", got.Currency)
	}
	for _, bad := range [][2]string{{"1", "0.1"}, {"-0.1", "0.1"}, {"0.5", "-0.1"}, {"0.5", "1.5"}} {
		_, err := SimpleCLV(cop("1"), decimal.RequireFromString(bad[0]), decimal.RequireFromString(bad[1]))
		assert.ErrorIs(t, err, ErrInvalidModel, bad)
	}
}

// The published CDNOW values: Fader, Hardie & Lee (2005) fitted r = 0.243,
// α = 4.414, a = 0.793, b = 2.426 (weeks). The worked example and the
// E[X(t)] values are those of Hardie's BG/NBD spreadsheet, as checked by the
// lifetimes Python package (CamDavidsonPilon/lifetimes,
// lifetimes/tests/test_estimation.py:
// test_conditional_expectation_returns_same_value_as_Hardie_excel_sheeet and
// test_expecatation_returns_same_value_minus_one_as_Hardie_excel_sheet).
func TestBGNBDPublishedCDNOW(t *testing.T) {
	// A customer with x = 2 repeat purchases, the last at tx = 30.43 weeks,
	// observed for T = 38.86 weeks, is expected to make 1.226 purchases in the
	// next 39 weeks.
	got, err := CDNOW.ConditionalExpectedPurchases(39, 2, 30.43, 38.86)
	require.NoError(t, err)
	assert.InDelta(t, 1.226, got, 0.001)

	// E[X(t)] of the spreadsheet at t weeks. The spreadsheet holds the
	// unrounded maximum-likelihood estimates; the paper prints them to three
	// decimals, which moves E[X(t)] by up to 0.2 % at these horizons, so the
	// tolerance is 0.2 % plus half a unit of the published fourth decimal.
	for _, c := range []struct{ t, want float64 }{
		{0.1429, 0.0078}, {1, 0.0532}, {3, 0.1506}, {31.8571, 1.0405}, {32, 1.0437}, {78, 1.8576},
	} {
		got, err := CDNOW.ExpectedPurchases(c.t)
		require.NoError(t, err)
		assert.InDelta(t, c.want, got, 0.002*c.want+0.00005, "t = %v", c.t)
	}
}

func TestBGNBDPAlive(t *testing.T) {
	tests := []struct {
		name  string
		m     BGNBD
		x     int
		tx, T float64
		want  float64
	}{
		// No repeat purchase: alive with probability 1 (the model's definition).
		{"no repeat purchase", CDNOW, 0, 0, 30, 1},
		// BTYD's bgnbd.PAlive example x = 23, t.x = 39, T.cal = 39: with
		// tx = T the power term is 1, odds = a/(b+x−1) = 0.793/24.426
		// = 0.0324654, P = 1/1.0324654 = 0.968555.
		{"BTYD example, tx = T", CDNOW, 23, 39, 39, 0.968555},
		// r = α = a = b = 1, x = 1, tx = 1, T = 2: odds = 1/(1+1−1) ×
		// ((1+2)/(1+1))^(1+1) = 2.25, P = 1/3.25 = 0.3076923.
		{"unit parameters", BGNBD{1, 1, 1, 1}, 1, 1, 2, 1 / 3.25},
	}
	for _, tt := range tests {
		got, err := tt.m.PAlive(tt.x, tt.tx, tt.T)
		require.NoError(t, err)
		assert.InDelta(t, tt.want, got, 1e-6, tt.name)
	}
}

// TestBGNBDPAliveFromLikelihood recomputes P(alive) by Bayes' theorem on the
// two halves of the BG/NBD likelihood (Fader, Hardie & Lee 2008, eq. 1–2),
// with beta and gamma functions: a second arithmetic path to the same value.
func TestBGNBDPAliveFromLikelihood(t *testing.T) {
	m := CDNOW
	lbeta := func(a, b float64) float64 {
		x, _ := math.Lgamma(a)
		y, _ := math.Lgamma(b)
		z, _ := math.Lgamma(a + b)
		return x + y - z
	}
	for _, h := range []struct {
		x     int
		tx, T float64
	}{{2, 30.43, 38.86}, {1, 5, 38}, {7, 20, 39}, {15, 38.5, 39}, {3, 1, 70}} {
		fx := float64(h.x)
		g, _ := math.Lgamma(m.R + fx)
		g0, _ := math.Lgamma(m.R)
		common := g - g0 + m.R*math.Log(m.Alpha)
		alive := lbeta(m.A, m.B+fx) - lbeta(m.A, m.B) + common - (m.R+fx)*math.Log(m.Alpha+h.T)
		dead := lbeta(m.A+1, m.B+fx-1) - lbeta(m.A, m.B) + common - (m.R+fx)*math.Log(m.Alpha+h.tx)
		want := 1 / (1 + math.Exp(dead-alive))
		got, err := m.PAlive(h.x, h.tx, h.T)
		require.NoError(t, err)
		assert.InDelta(t, want, got, 1e-12, "%+v", h)
	}
}

// TestHyp2F1AgainstIntegral checks the series against Euler's integral
// 2F1(a, b; c; z) = Γ(c)/(Γ(b)Γ(c−b)) ∫₀¹ s^(b−1) (1−s)^(c−b−1) (1−zs)^(−a) ds,
// substituting s = u^(1/b) to remove the singularity at 0, by Simpson's rule.
func TestHyp2F1AgainstIntegral(t *testing.T) {
	for _, c := range []struct{ a, b, c, z float64 }{
		{2.426, 0.243, 2.219, 0.1}, {2.426, 0.243, 2.219, 0.9}, {4.426, 2.243, 4.219, 0.5},
	} {
		// Euler's integral needs c > b > 0: b is the small parameter here.
		const n = 20000
		f := func(u float64) float64 {
			s := math.Pow(u, 1/c.b)
			return math.Pow(1-s, c.c-c.b-1) * math.Pow(1-c.z*s, -c.a) / c.b
		}
		sum := f(0) + f(1)
		for i := 1; i < n; i++ {
			w := 2.0
			if i%2 == 1 {
				w = 4
			}
			sum += w * f(float64(i)/n)
		}
		integral := sum / (3 * n)
		lc, _ := math.Lgamma(c.c)
		lb, _ := math.Lgamma(c.b)
		lcb, _ := math.Lgamma(c.c - c.b)
		want := math.Exp(lc-lb-lcb) * integral
		got, err := hyp2f1(c.a, c.b, c.c, c.z)
		require.NoError(t, err)
		assert.InEpsilon(t, want, got, 1e-6, "%+v", c)
	}
	// z = 0: the series is 1.
	got, err := hyp2f1(1, 2, 3, 0)
	require.NoError(t, err)
	assert.Equal(t, 1.0, got)
	// 2F1(1, 1; 2; z) = −ln(1−z)/z; at z = 0.5 that is 2 ln 2 = 1.3862944.
	got, err = hyp2f1(1, 1, 2, 0.5)
	require.NoError(t, err)
	assert.InDelta(t, 2*math.Ln2, got, 1e-12)
}

func TestBGNBDBadInput(t *testing.T) {
	_, err := NewBGNBD(0.243, math.NaN(), 0.793, 2.426)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = NewBGNBD(-1, 1, 1, 1)
	assert.ErrorIs(t, err, ErrInvalidModel)
	for _, h := range []struct {
		x     int
		tx, T float64
	}{{-1, 0, 1}, {1, 2, 1}, {0, 1, 2}, {1, -1, 2}, {1, 1, math.Inf(1)}, {1, math.NaN(), 2}} {
		_, err := CDNOW.PAlive(h.x, h.tx, h.T)
		assert.ErrorIs(t, err, ErrInvalidModel, "%+v", h)
		_, err = CDNOW.ConditionalExpectedPurchases(1, h.x, h.tx, h.T)
		assert.ErrorIs(t, err, ErrInvalidModel, "%+v", h)
	}
	_, err = CDNOW.ExpectedPurchases(-1)
	assert.ErrorIs(t, err, ErrInvalidModel)
	_, err = BGNBD{1, 1, 1, 1}.ExpectedPurchases(1)
	assert.ErrorIs(t, err, ErrInvalidModel, "a = 1 is the formula's singularity")
	_, err = CDNOW.ExpectedPurchases(1e12)
	assert.ErrorIs(t, err, ErrInvalidModel, "a horizon the series cannot reach")
	v, err := CDNOW.ExpectedPurchases(0)
	require.NoError(t, err)
	assert.Zero(t, v)
}
