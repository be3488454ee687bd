package sla

import (
	"math"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// creditBands is the policy of the agreement example: 90–95 % → 5 %,
// below 90 % → 10 %, on a fee of 1 000 000 COP.
func creditPolicy(capAmount string) CreditPolicy {
	p := CreditPolicy{Fee: servuction.MustParseMoney("1000000 COP"),
		Bands: []CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 0, Max: 90, Share: decimal.NewFromInt(10)}}}
	if capAmount != "" {
		p.Cap = servuction.MustParseMoney(capAmount)
	}
	return p
}

func TestCreditPolicyShareAndCredit(t *testing.T) {
	p := creditPolicy("")
	tests := []struct {
		compliance float64
		share      int64  // percent of the fee
		credit     string // Fee × share / 100
	}{
		{95, 0, "0 COP"},          // Max is exclusive: 95 is in no band
		{94.99, 5, "50000 COP"},   // 1 000 000 × 5 / 100
		{90, 5, "50000 COP"},      // Min is inclusive: 90 is in [90, 95)
		{89.99, 10, "100000 COP"}, // 1 000 000 × 10 / 100
		{0, 10, "100000 COP"},     // 0 is in [0, 90)
		{100, 0, "0 COP"},
		{-1, 0, "0 COP"},
	}
	for _, tt := range tests {
		got := p.Share(tt.compliance)
		assert.True(t, got.Equal(decimal.NewFromInt(tt.share)), "share(%v) = %s, want %d", tt.compliance, got, tt.share)
		c := p.Credit(tt.compliance)
		assert.True(t, c.Equal(servuction.MustParseMoney(tt.credit)), "credit(%v) = %s, want %s", tt.compliance, c, tt.credit)
		assert.Equal(t, "COP", c.Currency, "credit(%v) keeps the fee's currency", tt.compliance)
	}
}

func TestCreditPolicyTotal(t *testing.T) {
	fifty, hundred := servuction.MustParseMoney("50000 COP"), servuction.MustParseMoney("100000 COP")
	tests := []struct {
		name    string
		cap     string
		credits []servuction.Money
		want    string
	}{
		{"no credits", "120000 COP", nil, "0 COP"},
		{"under the cap", "120000 COP", []servuction.Money{fifty}, "50000 COP"},             // 50 000 < 120 000
		{"sum under the cap", "120000 COP", []servuction.Money{fifty, fifty}, "100000 COP"}, // 50 000 + 50 000 = 100 000 < 120 000
		{"at the cap", "100000 COP", []servuction.Money{fifty, fifty}, "100000 COP"},        // 100 000 = cap
		{"over the cap", "120000 COP", []servuction.Money{fifty, hundred}, "120000 COP"},    // 150 000 > 120 000
		{"no cap", "", []servuction.Money{hundred, hundred, fifty}, "250000 COP"},           // 100 000 + 100 000 + 50 000
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := creditPolicy(tt.cap).Total(tt.credits...)
			assert.True(t, got.Equal(servuction.MustParseMoney(tt.want)), "got %s, want %s", got, tt.want)
		})
	}
}

func TestCreditPolicyValidateBounds(t *testing.T) {
	fee := servuction.MustParseMoney("100 USD")
	band := func(lo, hi float64, share int64) CreditBand {
		return CreditBand{Min: lo, Max: hi, Share: decimal.NewFromInt(share)}
	}
	tests := []struct {
		name  string
		p     CreditPolicy
		valid bool
	}{
		{"zero policy", CreditPolicy{}, true},
		{"fee without bands", CreditPolicy{Fee: fee}, false},
		{"cap without bands", CreditPolicy{Cap: fee}, false},
		{"whole range 0 to 100", CreditPolicy{Fee: fee, Bands: []CreditBand{band(0, 100, 100)}}, true},
		{"share 100 % allowed", CreditPolicy{Fee: fee, Bands: []CreditBand{band(50, 60, 100)}}, true},
		{"share 0 rejected", CreditPolicy{Fee: fee, Bands: []CreditBand{band(50, 60, 0)}}, false},
		{"negative share rejected", CreditPolicy{Fee: fee, Bands: []CreditBand{band(50, 60, -1)}}, false},
		{"min below 0", CreditPolicy{Fee: fee, Bands: []CreditBand{band(-1, 60, 5)}}, false},
		{"max above 100", CreditPolicy{Fee: fee, Bands: []CreditBand{band(50, 100.5, 5)}}, false},
		{"empty band min = max", CreditPolicy{Fee: fee, Bands: []CreditBand{band(60, 60, 5)}}, false},
		{"NaN min", CreditPolicy{Fee: fee, Bands: []CreditBand{band(math.NaN(), 60, 5)}}, false},
		{"NaN max", CreditPolicy{Fee: fee, Bands: []CreditBand{band(10, math.NaN(), 5)}}, false},
		{"adjacent bands touch", CreditPolicy{Fee: fee, Bands: []CreditBand{band(90, 95, 5), band(80, 90, 10)}}, true},
		{"bands overlap by 1", CreditPolicy{Fee: fee, Bands: []CreditBand{band(89, 95, 5), band(80, 90, 10)}}, false},
		{"zero fee", CreditPolicy{Fee: servuction.MustParseMoney("0 USD"), Bands: []CreditBand{band(0, 90, 5)}}, false},
		{"negative fee", CreditPolicy{Fee: servuction.MustParseMoney("-1 USD"), Bands: []CreditBand{band(0, 90, 5)}}, false},
		{"negative cap", CreditPolicy{Fee: fee, Cap: servuction.MustParseMoney("-1 USD"), Bands: []CreditBand{band(0, 90, 5)}}, false},
		{"cap same currency", CreditPolicy{Fee: fee, Cap: servuction.MustParseMoney("10 USD"), Bands: []CreditBand{band(0, 90, 5)}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.p.validate()
			if tt.valid {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.ErrorIs(t, err, ErrInvalidAgreement)
			assert.Contains(t, err.Error(), "sla: credits:")
		})
	}
}

// TestCreditPolicyOverlapNamesTheLaterBand checks that an overlap is reported
// against the band listed earlier, bands with the same minimum included
// (they keep their listed order).
func TestCreditPolicyOverlapNamesTheLaterBand(t *testing.T) {
	fee := servuction.MustParseMoney("100 USD")
	tests := []struct {
		bands []CreditBand
		want  string
	}{
		{[]CreditBand{{Min: 90, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 90, Max: 92, Share: decimal.NewFromInt(10)}},
			"band 2 [90, 92) overlaps band 1 [90, 95)"},
		{[]CreditBand{{Min: 90, Max: 92, Share: decimal.NewFromInt(5)}, {Min: 90, Max: 95, Share: decimal.NewFromInt(10)}},
			"band 2 [90, 95) overlaps band 1 [90, 92)"},
		{[]CreditBand{{Min: 91, Max: 95, Share: decimal.NewFromInt(5)}, {Min: 80, Max: 92, Share: decimal.NewFromInt(10)}},
			"band 1 [91, 95) overlaps band 2 [80, 92)"}, // sorted by minimum: 80 comes first
	}
	for _, tt := range tests {
		err := CreditPolicy{Fee: fee, Bands: tt.bands}.validate()
		require.Error(t, err)
		assert.Contains(t, err.Error(), tt.want)
	}
}
