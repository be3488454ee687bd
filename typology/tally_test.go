package typology

import (
	"fmt"
	"testing"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSegmentTally(t *testing.T) {
	type row struct {
		seg     Segment
		revenue string
		margin  string
	}
	rows := []row{
		{Champions, "1000", "400"}, {Hibernating, "100", "5"}, {Champions, "3000", "900"},
		{AtRisk, "500", "100"}, {Hibernating, "200", "-15"}, {Champions, "2000", "700"},
	}
	var one SegmentTally
	for _, r := range rows {
		require.NoError(t, one.Add(r.seg, cop(r.revenue), cop(r.margin)))
	}
	got := one.Result()
	require.Len(t, got, 3)
	// Sorted by name: At Risk, Champions, Hibernating.
	assert.Equal(t, []Segment{AtRisk, Champions, Hibernating}, []Segment{got[0].Segment, got[1].Segment, got[2].Segment})
	// Champions: 3 customers, revenue 1000+3000+2000 = 6000, margin
	// 400+900+700 = 2000, rate 2000/6000 = 0.3333.
	assert.Equal(t, 3, got[1].Customers)
	assert.True(t, got[1].Revenue.Equal(cop("6000")))
	assert.True(t, got[1].Margin.Equal(cop("2000")))
	assert.InDelta(t, 1.0/3, got[1].MarginRate(), 1e-12)
	// Hibernating: margin 5 − 15 = −10 → rate 0.
	assert.Zero(t, got[2].MarginRate())
	adv, err := got[1].Level(LevelConfig{FewCustomers: 2, ManyCustomers: 10})
	require.NoError(t, err)
	assert.Equal(t, Accountable, adv.Level, "3 customers is medium, 33% margin is medium")

	// Shards merged, in any grouping, equal one pass; the zero tally is the
	// identity.
	for split := 0; split <= len(rows); split++ {
		var a, b, c, empty SegmentTally
		for i, r := range rows {
			target := &a
			if i >= split {
				target = &b
			}
			require.NoError(t, target.Add(r.seg, cop(r.revenue), cop(r.margin)))
		}
		require.NoError(t, c.Merge(&empty))
		require.NoError(t, c.Merge(&a))
		require.NoError(t, c.Merge(&b))
		assert.Equal(t, fmt.Sprint(one.Result()), fmt.Sprint(c.Result()), "split at %d", split)
		require.NoError(t, b.Merge(&a)) // other order
		assert.Equal(t, fmt.Sprint(one.Result()), fmt.Sprint(b.Result()), "split at %d, reversed", split)
	}
}

func TestSegmentTallyRejects(t *testing.T) {
	var tl SegmentTally
	require.NoError(t, tl.Add(Champions, cop("10"), cop("1")))
	before := fmt.Sprint(tl.Result())
	assert.ErrorIs(t, tl.Add(Champions, euro("10"), euro("1")), ErrInvalidHistory)
	assert.ErrorIs(t, tl.Add("", cop("10"), cop("1")), ErrInvalidHistory)
	assert.ErrorIs(t, tl.Add(AtRisk, cop("-10"), cop("1")), ErrInvalidHistory)
	var eur SegmentTally
	require.NoError(t, eur.Add(AtRisk, euro("1"), euro("1")))
	assert.ErrorIs(t, tl.Merge(&eur), ErrInvalidHistory)
	assert.ErrorIs(t, tl.Add(AtRisk, cop("1"), euro("1")), ErrInvalidHistory)
	assert.ErrorIs(t, tl.Add(AtRisk, cop("0").Neg(), servuction.MustParseMoney("3")), ErrInvalidHistory, "bare amount mixes with COP")
	assert.ErrorIs(t, tl.Merge(&tl), ErrInvalidHistory)
	assert.Equal(t, before, fmt.Sprint(tl.Result()), "rejected calls leave the tally unchanged")
}
