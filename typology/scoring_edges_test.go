package typology

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScoreRFMMonetaryScales(t *testing.T) {
	// Amounts written with different exponents compare by value: ascending
	// 0, 0.5, 3.25, 20, 100 → positions 1…5 of n = 5 → M = ntile = 1…5.
	// An 18-digit amount (the widest integer key) and a 19-digit one (which
	// takes the decimal path) still order correctly.
	tests := []struct {
		name    string
		amounts []string
		want    []int
	}{
		{"mixed exponents", []string{"20", "0.5", "100", "0", "3.25"}, []int{4, 2, 5, 1, 3}},
		// Whole amounts keep exponent 0, so 18 digits stay on the int64 path.
		{"eighteen digits", []string{"999999999999999999", "1", "2", "5", "999999999999999998"}, []int{5, 1, 2, 3, 4}},
		{"nineteen digits", []string{"1234567890123456789", "1", "0.01", "5", "99999999999999999"}, []int{5, 2, 1, 3, 4}},
		// 25 digits do not fit an int64 at all: the decimal path must be taken.
		{"twenty-five digits", []string{"1234567890123456789012345", "1", "5", "2", "9223372036854775807"}, []int{5, 1, 3, 2, 4}},
		// Every amount too wide: ascending 9999999999999999999 (19 digits),
		// 2·10¹⁹, 10²², 1.23·10²⁴ → positions 1…4 of n = 4 → R's
		// ntile(1:4, 5) = 1, 2, 3, 4.
		{"all too wide", []string{"1234567890123456789012345", "9999999999999999999", "10000000000000000000000", "20000000000000000000"}, []int{4, 1, 3, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := make([]RFMInput, len(tt.amounts))
			for i, a := range tt.amounts {
				in[i] = RFMInput{Customer: fmt.Sprint(i), Recency: Day, Frequency: 1, Monetary: cop(a)}
			}
			got, err := ScoreRFM(in, nil)
			require.NoError(t, err)
			for i := range got {
				assert.Equal(t, tt.want[i], got[i].M, "amount %s", tt.amounts[i])
			}
		})
	}
	// Valid edges: zero frequency, zero amount, never bought (−1).
	got, err := ScoreRFM([]RFMInput{{Customer: "a", Recency: -1}, {Customer: "b", Recency: 0, Frequency: 2, Monetary: cop("3")}}, nil)
	require.NoError(t, err)
	assert.Equal(t, [3]int{1, 1, 1}, [3]int{got[0].R, got[0].F, got[0].M})
	// Position 2 of n = 2: R's ntile(1:2, 5) = 1, 2.
	assert.Equal(t, [3]int{2, 2, 2}, [3]int{got[1].R, got[1].F, got[1].M})
	// At most 20 problems are listed.
	bad := make([]RFMInput, 30)
	for i := range bad {
		bad[i] = RFMInput{Frequency: -1}
	}
	_, err = ScoreRFM(bad, nil)
	require.ErrorIs(t, err, ErrInvalidHistory)
	assert.Len(t, strings.Split(err.Error(), "\n"), 20)
}

func TestSummarizeWindowEdges(t *testing.T) {
	// The window is [now − window, now]: a purchase exactly 30 d ago counts
	// in a 30-day window, one 31 d ago does not; recency is from the latest.
	h := History{Customer: "a", Purchases: []Purchase{{At: daysAgo(31), Amount: cop("7")}, {At: daysAgo(30), Amount: cop("5")}}}
	in, err := Summarize(h, now, 30*Day)
	require.NoError(t, err)
	assert.Equal(t, 1, in.Frequency)
	assert.True(t, in.Monetary.Equal(cop("5")))
	assert.Equal(t, 30*Day, in.Recency)
	_, err = Summarize(h, now, -Day)
	assert.ErrorIs(t, err, ErrInvalidConfig)
	_, err = Summarize(History{Purchases: []Purchase{{At: daysAgo(1), Amount: cop("1")}, {At: daysAgo(2), Amount: euro("1")}}}, now, 30*Day)
	assert.ErrorIs(t, err, ErrInvalidHistory)
}

func TestNewSegmentationLimits(t *testing.T) {
	cover := SegmentRule{Segment: "All"}
	cond := SegmentRule{Segment: "Young", Where: Condition{Tags: []string{"x"}}}
	// 1 << 15 = 32 768 rules are accepted; one more is too many.
	rules := make([]SegmentRule, 1<<15)
	rules[0] = cover
	for i := 1; i < len(rules); i++ {
		rules[i] = cond
	}
	s, err := NewSegmentation(rules)
	require.NoError(t, err)
	seg, err := s.Assign(5, 5, 5, &CustomerData{Psychographic: Psychographic{Interests: []string{"X"}}})
	require.NoError(t, err)
	assert.Equal(t, Segment("Young"), seg)
	_, err = NewSegmentation(append(rules, cond))
	require.ErrorIs(t, err, ErrInvalidConfig)
	assert.Contains(t, err.Error(), "32769 rules: too many")
	// A gap of 75 cells lists 20 of them.
	_, err = NewSegmentation([]SegmentRule{{Segment: "Top", R: ScoreRange{4, 5}}})
	require.ErrorIs(t, err, ErrInvalidConfig)
	assert.Len(t, strings.Split(err.Error(), "\n"), 20)
	// Scores beyond 5 are rejected by Assign.
	_, err = s.Assign(5, 6, 5, nil)
	assert.ErrorIs(t, err, ErrInvalidConfig)
	// Valid ranges on the edges.
	_, err = NewSegmentation([]SegmentRule{{Segment: "Low", R: ScoreRange{1, 1}}, {Segment: "Rest", R: ScoreRange{2, 5}}})
	assert.NoError(t, err)
}

func TestSegmentStatsMarginRateEdges(t *testing.T) {
	tests := []struct {
		revenue, margin servuction.Money
		want            float64
	}{
		{cop("0"), cop("5"), 0},   // no revenue: no rate (not a division by zero)
		{cop("10"), cop("0"), 0},  // no margin
		{cop("10"), cop("12"), 1}, // margin above revenue: capped at 1
		{cop("10"), cop("2.5"), 0.25},
	}
	for _, tt := range tests {
		assert.InDelta(t, tt.want, SegmentStats{Revenue: tt.revenue, Margin: tt.margin}.MarginRate(), 1e-12, "%s / %s", tt.margin, tt.revenue)
	}
	// Zero amounts without a currency do not tie the tally to "no currency".
	var tl SegmentTally
	require.NoError(t, tl.Add(Champions, servuction.Money{}, servuction.Money{}))
	require.NoError(t, tl.Add(Champions, cop("10"), cop("1")))
	// Merging an empty tally into itself, or nil, is a no-op.
	var empty SegmentTally
	assert.NoError(t, empty.Merge(&empty))
	assert.NoError(t, tl.Merge(nil))
	got := tl.Result()
	require.Len(t, got, 1)
	assert.Equal(t, 2, got[0].Customers)
	// A revenue in COP with a bare margin mixes currencies.
	var mixed SegmentTally
	assert.ErrorIs(t, mixed.Add(AtRisk, cop("1"), servuction.MustParseMoney("1")), ErrInvalidHistory)
	// A tally with bare amounts cannot take a currency later.
	var bare SegmentTally
	require.NoError(t, bare.Add(AtRisk, servuction.MustParseMoney("1"), servuction.MustParseMoney("1")))
	assert.ErrorIs(t, bare.Add(AtRisk, cop("1"), cop("1")), ErrInvalidHistory)
}

func TestValueModelEdges(t *testing.T) {
	d := decimal.RequireFromString
	// Discount 1 is allowed: 100 × 0.5 / (1 + 1 − 0.5) = 50/1.5 = 33.33…
	got, err := SimpleCLV(cop("100"), d("0.5"), d("1"))
	require.NoError(t, err)
	assert.True(t, got.Amount.Equal(d("33.3333333333333333")), got.String())
	_, err = SimpleCLV(cop("100"), d("0.5"), d("1.0001"))
	assert.ErrorIs(t, err, ErrInvalidModel)

	// P(alive) with the last purchase at the end of the observation (tx = T):
	// 1/(1 + a/(b + x − 1)) = 1/(1 + 0.793/3.426) = 0.812041.
	p, err := CDNOW.PAlive(2, 5, 5)
	require.NoError(t, err)
	assert.InDelta(t, 0.812041, p, 1e-6)
	// No repeat purchase and no time observed: alive; nothing expected in
	// zero time.
	p, err = CDNOW.PAlive(0, 0, 0)
	require.NoError(t, err)
	assert.Equal(t, 1.0, p)
	e, err := CDNOW.ConditionalExpectedPurchases(0, 2, 5, 5)
	require.NoError(t, err)
	assert.Zero(t, e)
	_, err = BGNBD{R: 1, Alpha: 1, A: 1, B: 1}.ConditionalExpectedPurchases(1, 0, 0, 1)
	assert.ErrorIs(t, err, ErrInvalidModel, "a = 1")
	_, err = CDNOW.ConditionalExpectedPurchases(-1, 0, 0, 1)
	assert.ErrorIs(t, err, ErrInvalidModel, "negative horizon")
	for _, m := range []BGNBD{{0, 1, 1, 1}, {1, 0, 1, 1}, {1, 1, 0, 1}, {1, 1, 1, 0}, {1, 1, 1, math.Inf(1)}} {
		assert.ErrorIs(t, m.Validate(), ErrInvalidModel, "%+v", m)
	}
}
