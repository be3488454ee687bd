package typology

import (
	"math"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lifetimesCDNOW is the BG/NBD lifetimes' Quickstart prints for CDNOW, to
// its six decimals: r 0.242593, alpha 4.413532, a 0.792886, b 2.425752.
var lifetimesCDNOW = BGNBD{R: 0.242593, Alpha: 4.413532, A: 0.792886, B: 2.425752}

// lifetimes' Quickstart values CDNOW customers with
// ggf.customer_lifetime_value(bgf, x, tx, T, m, time=12, discount_rate=0.01)
// and its default freq="D": twelve periods of 30 units of the data (weeks),
// each period's expected purchases times the Gamma-Gamma spend, discounted by
// 1.01^k. The spends are the Quickstart's conditional_expected_average_profit
// of the same customers. Dividing out the spend leaves the discounted
// purchases, which depend on the BG/NBD alone.
func TestDiscountedPurchasesMatchLifetimes(t *testing.T) {
	cfg := CLVConfig{Periods: 12, PeriodLength: 30, Discount: decimal.RequireFromString("0.01")}
	for _, c := range []struct {
		id         string
		x          int
		tx, T      float64
		spend, clv float64
	}{
		{"1", 2, 30.43, 38.86, 24.658619, 140.096211},
		{"2", 1, 1.71, 38.86, 18.911489, 18.943467},
		{"3", 0, 0, 38.86, 35.170981, 38.180574},
		{"6", 7, 29.43, 38.86, 71.462843, 1003.868107},
		{"9", 2, 35.71, 38.86, 27.282408, 167.418216},
	} {
		n, err := lifetimesCDNOW.DiscountedPurchases(c.x, c.tx, c.T, cfg)
		require.NoError(t, err)
		assert.InEpsilon(t, c.clv/c.spend, n, 2e-5, "customer %s", c.id)
	}
}

func TestDiscountedPurchasesByHand(t *testing.T) {
	// Two periods of 10 weeks at 10 %: E[Y(10)]/1.1 + (E[Y(20)] − E[Y(10)])/1.21.
	m := CDNOW
	y10, err := m.ConditionalExpectedPurchases(10, 3, 20, 30)
	require.NoError(t, err)
	y20, err := m.ConditionalExpectedPurchases(20, 3, 20, 30)
	require.NoError(t, err)
	got, err := m.DiscountedPurchases(3, 20, 30, CLVConfig{Periods: 2, PeriodLength: 10, Discount: decimal.RequireFromString("0.1")})
	require.NoError(t, err)
	assert.InDelta(t, y10/1.1+(y20-y10)/1.21, got, 1e-12)
	// No discount: the expected purchases over the whole horizon.
	got, err = m.DiscountedPurchases(3, 20, 30, CLVConfig{Periods: 2, PeriodLength: 10})
	require.NoError(t, err)
	assert.InDelta(t, y20, got, 1e-12)
}

func TestModelCLV(t *testing.T) {
	gg := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	c := CustomerSummary{Customer: "c1", X: 2, Tx: 30.43, T: 38.86, MeanAmount: servuction.MustParseMoney("22.35 USD")}
	cfg := CLVConfig{Periods: 12, PeriodLength: 52.0 / 12, Discount: decimal.RequireFromString("0.01"), Margin: decimal.RequireFromString("0.3")}
	got, err := ModelCLV(CDNOW, gg, c, cfg)
	require.NoError(t, err)
	spend, err := gg.ConditionalExpectedSpend(2, 22.35)
	require.NoError(t, err)
	n, err := CDNOW.DiscountedPurchases(2, 30.43, 38.86, cfg)
	require.NoError(t, err)
	want := math.Round(0.3*spend*n*100) / 100
	assert.Equal(t, "USD", got.Currency)
	assert.InDelta(t, want, got.Amount.InexactFloat64(), 1e-9)
	assert.LessOrEqual(t, -got.Amount.Exponent(), int32(2), "rounded to cents")

	tests := []struct {
		name string
		c    CustomerSummary
		cfg  CLVConfig
		bg   BGNBD
		err  error
	}{
		{"no periods", c, CLVConfig{PeriodLength: 1}, CDNOW, ErrInvalidConfig},
		{"zero length", c, CLVConfig{Periods: 1}, CDNOW, ErrInvalidConfig},
		{"negative discount", c, CLVConfig{Periods: 1, PeriodLength: 1, Discount: decimal.NewFromInt(-1)}, CDNOW, ErrInvalidConfig},
		{"margin above 1", c, CLVConfig{Periods: 1, PeriodLength: 1, Margin: decimal.RequireFromString("1.5")}, CDNOW, ErrInvalidConfig},
		{"bad history", CustomerSummary{X: 1, Tx: 5, T: 2, MeanAmount: c.MeanAmount}, cfg, CDNOW, ErrInvalidHistory},
		{"repeat buyer without amount", CustomerSummary{X: 1, Tx: 1, T: 2}, cfg, CDNOW, ErrInvalidHistory},
		{"invalid model", c, cfg, BGNBD{}, ErrInvalidModel},
	}
	for _, tt := range tests {
		_, err := ModelCLV(tt.bg, gg, tt.c, tt.cfg)
		assert.ErrorIs(t, err, tt.err, tt.name)
	}
}
