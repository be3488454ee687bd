package typology

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScoreRFMQuintiles(t *testing.T) {
	// Ten customers with distinct values: R's ntile(1:10, 5) =
	// 1,1,2,2,3,3,4,4,5,5.
	var in []RFMInput
	for i := 0; i < 10; i++ {
		in = append(in, RFMInput{
			Customer:  fmt.Sprint("c", i),
			Recency:   time.Duration(10-i) * Day, // c9 bought most recently
			Frequency: i + 1,
			Monetary:  cop(fmt.Sprint(1000 * (i + 1))),
		})
	}
	got, err := ScoreRFM(in, nil)
	require.NoError(t, err)
	want := []int{1, 1, 2, 2, 3, 3, 4, 4, 5, 5}
	for i, s := range got {
		assert.Equal(t, in[i].Customer, s.Customer)
		assert.Equal(t, [3]int{want[i], want[i], want[i]}, [3]int{s.R, s.F, s.M}, s.Customer)
	}
	// c9: R5 F5 → Champions; c0: R1 F1 → Hibernating; c4: R3 F3 → Need Attention.
	assert.Equal(t, Champions, got[9].Segment)
	assert.Equal(t, Hibernating, got[0].Segment)
	assert.Equal(t, NeedAttention, got[4].Segment)
	assert.Equal(t, "555", got[9].Code())
}

// rScores are the scores R gives with ntile of the position of the mid-rank
// (dplyr 1.0.10, R 4.2.2):
//
//	library(dplyr)
//	score <- function(x) ntile(seq_along(x), 5)[ceiling(rank(x, ties.method = "average"))]
//	score(c(10, 10, 10, 10, 10))                  # 3 3 3 3 3      (ntile: 1 2 3 4 5)
//	score(c(3, 1, 9, 1, 1, 2, 1, 1, 3, 1))        # 5 2 5 2 2 4 2 2 5 2  (ntile: 4 1 5 1 2 4 2 3 5 3)
//	score(c(5, 3, 8, 1, 9, 2, 7))                 # 2 2 4 1 5 1 3  (= ntile: no ties)
//	x <- c(4, 0, 2, 2, 7, 1, 0, 0, 3, 2, 9, 4, 4, 1, 0, 6, 2, 2, 8, 0, 1, 5, 3)
//	score(x)                                      # 4 1 3 3 5 2 1 1 3 3 5 4 4 2 1 5 3 3 5 1 2 4 3
//	score(c(1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3))  # 1 1 1 1 3 3 3 3 3 3 5 5
var rScores = []struct {
	x, want []int
}{
	{[]int{10, 10, 10, 10, 10}, []int{3, 3, 3, 3, 3}},
	{[]int{3, 1, 9, 1, 1, 2, 1, 1, 3, 1}, []int{5, 2, 5, 2, 2, 4, 2, 2, 5, 2}},
	{[]int{5, 3, 8, 1, 9, 2, 7}, []int{2, 2, 4, 1, 5, 1, 3}},
	{[]int{4, 0, 2, 2, 7, 1, 0, 0, 3, 2, 9, 4, 4, 1, 0, 6, 2, 2, 8, 0, 1, 5, 3}, []int{4, 1, 3, 3, 5, 2, 1, 1, 3, 3, 5, 4, 4, 2, 1, 5, 3, 3, 5, 1, 2, 4, 3}},
	{[]int{1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3}, []int{1, 1, 1, 1, 3, 3, 3, 3, 3, 3, 5, 5}},
}

func TestScoreRFMTiesMatchR(t *testing.T) {
	for _, tc := range rScores {
		// The same values as recency (fewer days is better: days = 100 − x),
		// frequency and amount must give R's scores on each.
		in := make([]RFMInput, len(tc.x))
		for i, x := range tc.x {
			in[i] = RFMInput{Customer: fmt.Sprint(i), Recency: time.Duration(100-x) * Day, Frequency: x, Monetary: cop(fmt.Sprint(x))}
		}
		got, err := ScoreRFM(in, nil)
		require.NoError(t, err)
		for i := range got {
			assert.Equal(t, [3]int{tc.want[i], tc.want[i], tc.want[i]}, [3]int{got[i].R, got[i].F, got[i].M}, "x = %v, customer %d", tc.x, i)
		}
	}
}

// Issue 15, defect 4: five identical customers who bought yesterday ten
// times scored 111 and were Hibernating. With mid-ranks they are in the
// middle of the scale on every dimension: 333, Need Attention.
func TestScoreRFMAllTiedAreMidScale(t *testing.T) {
	in := make([]RFMInput, 5)
	for i := range in {
		in[i] = RFMInput{Customer: fmt.Sprint("c", i), Recency: Day, Frequency: 10, Monetary: cop("250000")}
	}
	got, err := ScoreRFM(in, nil)
	require.NoError(t, err)
	for _, s := range got {
		assert.Equal(t, "333", s.Code(), s.Customer)
		assert.Equal(t, NeedAttention, s.Segment, s.Customer)
	}
}

func TestScoreRFMNeverBought(t *testing.T) {
	in := []RFMInput{
		{Customer: "never", Recency: -1},
		{Customer: "old", Recency: 900 * Day, Frequency: 1, Monetary: cop("1")},
		{Customer: "new", Recency: 0, Frequency: 1, Monetary: cop("1")},
	}
	got, err := ScoreRFM(in, nil)
	require.NoError(t, err)
	// Positions 1, 2, 3 of n = 3: ntile(1:3, 5) = 1, 2, 3 (fewer customers
	// than scores: one score each, from the bottom).
	assert.Equal(t, 1, got[0].R)
	assert.Equal(t, 2, got[1].R)
	assert.Equal(t, 3, got[2].R)
}

func TestScoreRFMBadInput(t *testing.T) {
	_, err := ScoreRFM([]RFMInput{{Frequency: -1}, {Monetary: cop("-1")}, {Recency: -2}, {Monetary: cop("1")}, {Monetary: euro("1")}}, nil)
	require.ErrorIs(t, err, ErrInvalidHistory)
	for _, s := range []string{"frequency -1", "monetary -1 COP", "recency -2ns", "currency EUR differs from COP"} {
		assert.Contains(t, err.Error(), s)
	}
	got, err := ScoreRFM(nil, nil)
	require.NoError(t, err)
	assert.Empty(t, got)
}

func TestSummarize(t *testing.T) {
	h := History{Customer: "a", Purchases: []Purchase{
		{At: daysAgo(400), Amount: cop("100")}, {At: daysAgo(30), Amount: cop("20")}, {At: daysAgo(3), Amount: cop("5")},
	}}
	in, err := Summarize(h, now, 365*Day)
	require.NoError(t, err)
	assert.Equal(t, 3*Day, in.Recency)
	assert.Equal(t, 2, in.Frequency)
	assert.True(t, in.Monetary.Equal(cop("25")))
	in, err = Summarize(History{}, now, 365*Day)
	require.NoError(t, err)
	assert.Equal(t, time.Duration(-1), in.Recency)
	_, err = Summarize(History{Purchases: []Purchase{{At: now.Add(Day)}}}, now, Day)
	assert.ErrorIs(t, err, ErrInvalidHistory)
	_, err = Summarize(h, now, 0)
	assert.ErrorIs(t, err, ErrInvalidConfig)
}

func TestDefaultSegmentationCoversEveryCellOnce(t *testing.T) {
	rules := DefaultSegmentRules()
	for r := 1; r <= 5; r++ {
		for f := 1; f <= 5; f++ {
			n := 0
			for _, rule := range rules {
				if rule.R.has(r) && rule.F.has(f) {
					n++
				}
			}
			assert.Equal(t, 1, n, "cell R%d F%d", r, f)
		}
	}
	// The grid as drawn in DefaultSegmentation's doc comment.
	grid := map[[2]int]Segment{
		{5, 1}: NewCustomers, {5, 2}: PotentialLoyalists, {5, 3}: PotentialLoyalists, {5, 4}: Champions, {5, 5}: Champions,
		{4, 1}: Promising, {4, 2}: PotentialLoyalists, {4, 3}: PotentialLoyalists, {4, 4}: LoyalCustomers, {4, 5}: LoyalCustomers,
		{3, 1}: AboutToSleep, {3, 2}: AboutToSleep, {3, 3}: NeedAttention, {3, 4}: LoyalCustomers, {3, 5}: LoyalCustomers,
		{2, 1}: Hibernating, {2, 2}: Hibernating, {2, 3}: AtRisk, {2, 4}: AtRisk, {2, 5}: CantLoseThem,
		{1, 1}: Hibernating, {1, 2}: Hibernating, {1, 3}: AtRisk, {1, 4}: AtRisk, {1, 5}: CantLoseThem,
	}
	s := DefaultSegmentation()
	for cell, want := range grid {
		for m := 1; m <= 5; m++ {
			got, err := s.Assign(cell[0], cell[1], m, nil)
			require.NoError(t, err)
			assert.Equal(t, want, got, "R%d F%d M%d", cell[0], cell[1], m)
		}
	}
	_, err := s.Assign(0, 1, 1, nil)
	assert.ErrorIs(t, err, ErrInvalidConfig)
}

func TestNewSegmentationRejects(t *testing.T) {
	tests := []struct {
		name  string
		rules []SegmentRule
		want  string
	}{
		{"gap", []SegmentRule{{Segment: "Top", R: ScoreRange{4, 5}}}, "cell R1 F1 M1 not covered"},
		{"overlap", []SegmentRule{{Segment: "All"}, {Segment: "Top", R: ScoreRange{5, 5}}}, "cell R5 F1 M1 already covered by rule 0 (All)"},
		{"range", []SegmentRule{{Segment: "All", F: ScoreRange{0, 6}}}, "F range 0–6"},
		{"reversed", []SegmentRule{{Segment: "All", M: ScoreRange{4, 2}}}, "M range 4–2"},
		{"empty name", []SegmentRule{{}}, "empty segment name"},
	}
	for _, tt := range tests {
		_, err := NewSegmentation(tt.rules)
		require.ErrorIs(t, err, ErrInvalidConfig, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
}

func TestSegmentationUserRulesAndProfileData(t *testing.T) {
	// User-defined: big spenders (M5) are "VIP" whatever R and F; a
	// conditional rule picks young families among recent buyers.
	rules := []SegmentRule{
		{Segment: "Young families", R: ScoreRange{4, 5}, Where: Condition{Demographic: Demographic{Household: "family with children"}}},
		{Segment: "VIP", M: ScoreRange{5, 5}},
		{Segment: "Others", M: ScoreRange{1, 4}},
	}
	s, err := NewSegmentation(rules)
	require.NoError(t, err)
	fam := &CustomerData{Demographic: Demographic{Household: "Family with children"}}
	for _, c := range []struct {
		r, f, m int
		d       *CustomerData
		want    Segment
	}{
		{5, 1, 5, fam, "Young families"}, {3, 1, 5, fam, "VIP"}, {5, 1, 5, nil, "VIP"}, {5, 5, 4, nil, "Others"},
	} {
		got, err := s.Assign(c.r, c.f, c.m, c.d)
		require.NoError(t, err)
		assert.Equal(t, c.want, got)
	}
	// JSON round trip, validated on decode.
	data, err := json.Marshal(s)
	require.NoError(t, err)
	var back Segmentation
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, s.Rules(), back.Rules())
	assert.ErrorIs(t, json.Unmarshal([]byte(`[{"Segment":"x","R":{"Min":4,"Max":5}}]`), &back), ErrInvalidConfig)
	assert.Equal(t, s.Rules(), back.Rules(), "a rejected decode leaves the value unchanged")
}

func TestSegmentNamesInSpanish(t *testing.T) {
	want := map[Segment]string{
		Champions: "Campeones", LoyalCustomers: "Leales", PotentialLoyalists: "Potenciales leales",
		NewCustomers: "Clientes nuevos", Promising: "Prometedores", NeedAttention: "Requieren atención",
		AboutToSleep: "Por dormirse", AtRisk: "En riesgo", CantLoseThem: "No podemos perderlos", Hibernating: "Hibernando",
	}
	for _, r := range DefaultSegmentRules() {
		assert.Equal(t, want[r.Segment], r.Segment.In(Spanish), string(r.Segment))
		assert.Equal(t, string(r.Segment), r.Segment.In(English))
	}
	assert.Equal(t, "VIP", Segment("VIP").In(Spanish), "a user's segment keeps its name")
}
