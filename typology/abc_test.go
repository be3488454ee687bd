package typology

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestABC(t *testing.T) {
	// Positive total 50+30+10+5+3+2 = 100. Cumulative share before each, from
	// the largest: 50 → 0 < 0.80: A; 30 → 0.50 < 0.80: A; 10 → 0.80, not
	// < 0.80, < 0.95: B; 5 → 0.90: B; 3 → 0.95: C; 2 → 0.98: C. 0 and −4: not
	// profitable.
	in := []Contribution{
		{"d", cop("5")}, {"g", cop("0")}, {"a", cop("50")}, {"e", cop("3")},
		{"h", cop("-4")}, {"b", cop("30")}, {"f", cop("2")}, {"c", cop("10")},
	}
	res, err := ABC(in, ABCConfig{})
	require.NoError(t, err)
	want := map[string]Profitability{
		"a": VeryProfitable, "b": VeryProfitable, "c": Profitable, "d": Profitable,
		"e": LittleProfitable, "f": LittleProfitable, "g": NotProfitable, "h": NotProfitable,
	}
	for i, c := range res.Classes {
		assert.Equal(t, in[i].Customer, c.Customer)
		assert.Equal(t, want[c.Customer], c.Class, c.Customer)
	}
	assert.InDelta(t, 0.5, res.Classes[2].Share, 1e-12)
	assert.True(t, res.Total.Equal(cop("100")))
	// Bands: smallest A margin 30, smallest B margin 5.
	b := res.Bands()
	assert.True(t, b.VeryProfitable.Equal(cop("30")), b.VeryProfitable.String())
	assert.True(t, b.Profitable.Equal(cop("5")), b.Profitable.String())

	// The bands reproduce the classes through Classify.
	for _, c := range in {
		h := History{Customer: c.Customer, Purchases: []Purchase{{At: daysAgo(1), Amount: cop("100"), Margin: c.Margin}}}
		p, err := Classify(h, now, Config{Bands: b})
		require.NoError(t, err)
		assert.Equal(t, want[c.Customer], p.Profitability.Type, c.Customer)
	}
}

func TestABCTiesShareAClass(t *testing.T) {
	// Total 100: 40 → A (before 0); 20, 20, 20 tie: the first starts at
	// 0.40 < 0.80 → A, and its ties follow it into A though the last starts at
	// 0.80; 0 is not profitable.
	res, err := ABC([]Contribution{{"a", cop("40")}, {"b", cop("20")}, {"c", cop("20")}, {"d", cop("20")}, {"e", cop("0")}}, ABCConfig{})
	require.NoError(t, err)
	for i, want := range []Profitability{VeryProfitable, VeryProfitable, VeryProfitable, VeryProfitable, NotProfitable} {
		assert.Equal(t, want, res.Classes[i].Class, i)
	}
	// No B class: the Profitable band falls back to A's.
	assert.True(t, res.Bands().Profitable.Equal(cop("20")))
}

func TestABCBadInput(t *testing.T) {
	_, err := ABC([]Contribution{{"a", cop("1")}, {"b", euro("1")}}, ABCConfig{})
	assert.ErrorIs(t, err, ErrInvalidHistory)
	for _, c := range []ABCConfig{{A: 0.9, B: 0.8}, {A: -0.1}, {B: 1}, {A: 0.96}} {
		_, err := ABC(nil, c)
		assert.ErrorIs(t, err, ErrInvalidConfig, "%+v", c)
	}
	res, err := ABC(nil, ABCConfig{})
	require.NoError(t, err)
	assert.True(t, res.Bands().IsZero())
}
