package typology

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomRFM draws n customers: recency up to two years at any instant (not
// whole days), some never bought, frequency 0–40, amounts in cents with up
// to 8 significant digits and a few round prices.
func randomRFM(rng *rand.Rand, n int) []RFMInput {
	in := make([]RFMInput, n)
	for i := range in {
		c := RFMInput{Customer: fmt.Sprint("c", i), Frequency: rng.IntN(41), Recency: time.Duration(rng.Int64N(int64(730 * Day)))}
		switch rng.IntN(10) {
		case 0:
			c.Recency, c.Frequency = -1, 0
		case 1, 2:
			c.Monetary = servuction.Money{Amount: decimal.New(int64(1+rng.IntN(9))*10_000, 0), Currency: "COP"}
		default:
			c.Monetary = servuction.Money{Amount: decimal.New(rng.Int64N(50_000_000), -2), Currency: "COP"}
		}
		in[i] = c
	}
	return in
}

// atResolution returns the customers as the sketch sees them: recency
// truncated to whole days, amounts rounded down to their bucket.
func atResolution(in []RFMInput) []RFMInput {
	out := make([]RFMInput, len(in))
	for i, c := range in {
		c.Recency = time.Duration(recencyDays(int64(c.Recency))) * Day
		if c.Recency < 0 {
			c.Recency = -1
		}
		c.Monetary.Amount = keyAmount(amountKey(c.Monetary.Amount))
		out[i] = c
	}
	return out
}

// Property: random shards, each encoded and decoded, merged in random
// order, give the boundaries of one pass; scoring every customer against
// them gives exactly ScoreRFM over all customers at the sketch's
// resolution.
func TestRFMSketchShardsEqualOnePass(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	for round := 0; round < 20; round++ {
		n := 1 + rng.IntN(400)
		in := randomRFM(rng, n)
		var one RFMSketch
		for _, c := range in {
			require.NoError(t, one.Add(c))
		}
		shards := make([]RFMSketch, 1+rng.IntN(6))
		for _, c := range in {
			require.NoError(t, shards[rng.IntN(len(shards))].Add(c))
		}
		var merged RFMSketch
		for _, k := range rng.Perm(len(shards)) {
			data, err := json.Marshal(&shards[k])
			require.NoError(t, err)
			var back RFMSketch
			require.NoError(t, json.Unmarshal(data, &back))
			require.NoError(t, merged.Merge(&back))
		}
		oneJSON, err := json.Marshal(&one)
		require.NoError(t, err)
		mergedJSON, err := json.Marshal(&merged)
		require.NoError(t, err)
		require.JSONEq(t, string(oneJSON), string(mergedJSON), "round %d", round)

		b := merged.Result()
		data, err := json.Marshal(b)
		require.NoError(t, err)
		var shipped RFMBoundaries
		require.NoError(t, json.Unmarshal(data, &shipped))
		require.Equal(t, b, shipped)
		want, err := ScoreRFM(atResolution(in), nil)
		require.NoError(t, err)
		for i, c := range in {
			got, err := shipped.Score(c, nil)
			require.NoError(t, err)
			require.Equal(t, want[i], got, "round %d customer %d %+v", round, i, c)
		}
	}
}

// Recency in whole days, frequencies and amounts of three significant
// digits are exact: the sketch's scores are ScoreRFM's on the raw figures.
func TestRFMSketchExactOnWholeDays(t *testing.T) {
	for _, tc := range rScores {
		in := make([]RFMInput, len(tc.x))
		var s RFMSketch
		for i, x := range tc.x {
			in[i] = RFMInput{Customer: fmt.Sprint(i), Recency: time.Duration(100-x) * Day, Frequency: x, Monetary: cop(fmt.Sprint(x * 1000))}
			require.NoError(t, s.Add(in[i]))
		}
		b := s.Result()
		// Every amount is exact in its bucket, so the bound is the largest
		// group of equal amounts less one.
		largest := map[int]int{}
		most := 0
		for _, x := range tc.x {
			if x != 0 {
				largest[x]++
				most = max(most, largest[x])
			}
		}
		assert.Equal(t, int64(most-1), b.MonetaryRankError())
		for i, c := range in {
			got, err := b.Score(c, nil)
			require.NoError(t, err)
			assert.Equal(t, [3]int{tc.want[i], tc.want[i], tc.want[i]}, [3]int{got.R, got.F, got.M}, "x = %v, customer %d", tc.x, i)
		}
	}
}

func TestRFMBoundariesReadable(t *testing.T) {
	// Ten customers, frequencies 1…10, bought 1…10 days ago (the most
	// frequent most recently), spending 1 000…10 000: R's ntile(1:10, 5)
	// gives 1,1,2,2,3,3,4,4,5,5, so score 2 starts at the third value.
	var s RFMSketch
	for i := 1; i <= 10; i++ {
		require.NoError(t, s.Add(RFMInput{Recency: time.Duration(11-i)*Day + time.Hour, Frequency: i, Monetary: cop(fmt.Sprint(i * 1000))}))
	}
	b := s.Result()
	assert.Equal(t, int64(10), b.Customers())
	days, ok := b.RecencyDays()
	assert.Equal(t, [4]int64{8, 6, 4, 2}, days)
	assert.Equal(t, [4]bool{true, true, true, true}, ok)
	freq, _ := b.Frequency()
	assert.Equal(t, [4]int64{3, 5, 7, 9}, freq)
	money, _ := b.Monetary()
	for i, want := range []string{"3000", "5000", "7000", "9000"} {
		assert.True(t, money[i].Equal(cop(want)), "score %d: %s", i+2, money[i])
	}
	data, err := json.Marshal(b)
	require.NoError(t, err)
	assert.JSONEq(t, `{"customers":10,"currency":"COP","recencyDays":[8,6,4,2],"frequency":[3,5,7,9],"monetary":["3000","5000","7000","9000"],"monetaryRankError":0}`, string(data))

	// All tied: everyone scores 3; scores 4 and 5 are left empty.
	var tied RFMSketch
	for range 5 {
		require.NoError(t, tied.Add(RFMInput{Recency: -1}))
	}
	days, ok = tied.Result().RecencyDays()
	assert.Equal(t, [4]bool{true, true, false, false}, ok)
	assert.Equal(t, int64(-1), days[0], "never bought earns score 2 when everyone never bought")
	got, err := tied.Result().Score(RFMInput{Recency: -1}, nil)
	require.NoError(t, err)
	assert.Equal(t, "333", got.Code())
}

func TestRFMSketchRejects(t *testing.T) {
	var s RFMSketch
	require.NoError(t, s.Add(RFMInput{Recency: Day, Frequency: 1, Monetary: cop("10")}))
	before, err := json.Marshal(&s)
	require.NoError(t, err)
	for _, c := range []RFMInput{
		{Frequency: -1}, {Monetary: cop("-1")}, {Recency: -2}, {Monetary: euro("1")},
		{Monetary: servuction.Money{Amount: decimal.New(1, 41)}},
	} {
		assert.ErrorIs(t, s.Add(c), ErrInvalidHistory, "%+v", c)
	}
	var eur RFMSketch
	require.NoError(t, eur.Add(RFMInput{Monetary: euro("1")}))
	assert.ErrorIs(t, s.Merge(&eur), ErrInvalidHistory)
	assert.ErrorIs(t, s.Merge(&s), ErrInvalidHistory)
	after, err := json.Marshal(&s)
	require.NoError(t, err)
	assert.Equal(t, string(before), string(after), "rejected calls leave the sketch unchanged")

	_, err = (&RFMSketch{}).Result().Score(RFMInput{}, nil)
	assert.ErrorIs(t, err, ErrInvalidConfig)
	_, err = s.Result().Score(RFMInput{Monetary: euro("3")}, nil)
	assert.ErrorIs(t, err, ErrInvalidHistory)
	// The zero sketch merges and adds.
	var z RFMSketch
	require.NoError(t, z.Merge(&s))
	require.NoError(t, z.Merge(nil))
	assert.Equal(t, int64(1), z.Customers())
}

func TestAmountKeyOrder(t *testing.T) {
	amounts := []string{"0", "0.001", "0.05", "0.0501", "0.9999", "1", "22.349", "22.35", "22.4", "999", "1000", "1009", "1010", "6000.00", "1e30"}
	prev := int64(-1)
	for _, a := range amounts {
		d := decimal.RequireFromString(a)
		k := amountKey(d)
		assert.GreaterOrEqual(t, k, prev, a)
		prev = k
		lo := keyAmount(k)
		assert.True(t, lo.LessThanOrEqual(d), "%s ≥ bucket bound %s", a, lo)
		if !d.IsZero() {
			assert.True(t, d.Sub(lo).Div(d).LessThan(decimal.RequireFromString("0.01")), "%s within 1%% of %s", a, lo)
		}
	}
	assert.Equal(t, amountKey(decimal.RequireFromString("6000")), amountKey(decimal.RequireFromString("6000.00")))
	assert.Equal(t, amountKey(decimal.RequireFromString("1000")), amountKey(decimal.RequireFromString("1009")))
	assert.Equal(t, "22.3", keyAmount(amountKey(decimal.RequireFromString("22.349"))).String())
}

// The sketch's encoding does not grow with the customers added when their
// figures stay in the same ranges.
func TestRFMSketchSizeBounded(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	size := func(n int) int {
		var s RFMSketch
		for range n {
			require.NoError(t, s.Add(RFMInput{Recency: time.Duration(rng.IntN(365)) * Day, Frequency: rng.IntN(30),
				Monetary: servuction.Money{Amount: decimal.New(1000+rng.Int64N(99000), 0), Currency: "COP"}}))
		}
		data, err := json.Marshal(&s)
		require.NoError(t, err)
		return len(data)
	}
	small, large := size(20_000), size(200_000)
	// Ranges: 365 days, 30 frequencies, 1 000–100 000 COP in about 1 800
	// three-digit buckets; only the counts' digits grow.
	assert.Less(t, large, small*12/10, "20 000 customers: %d bytes, 200 000: %d", small, large)
}
