package typology

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigValidateBoundaries(t *testing.T) {
	valid := []Config{
		{AbusiveUnfoundedShare: 1, AggressiveShare: 1, DependentShare: 1, PromotionShare: 1, EconomistShare: 1}, // shares up to 1
		{AbusiveMinUnfounded: 1, ChronicMinComplaints: 1, MinPurchases: 1, LoyalMinPurchases: 1},                // counts from 1
		{ChronicMaxSatisfaction: 1, SubmissiveMaxRating: 1},                                                     // ratings 1–5
		{ChronicMaxSatisfaction: 5, SubmissiveMaxRating: 5},
		{MotivationShare: 1},
		{Window: time.Nanosecond, LoyalMinTenure: time.Nanosecond},
		{ChronicComplaintsPerPurchase: 1e-9, LoyalMaxGapCV: 1e-9, LoyalMaxLapse: 1e-9, ErraticGapCV: 1e-9},
		{Bands: Bands{Profitable: cop("5"), VeryProfitable: cop("5")}}, // equal bands
	}
	for _, c := range valid {
		assert.NoError(t, c.Validate(), "%+v", c)
	}
	invalid := map[string]Config{
		"MotivationShare 0.5":             {MotivationShare: 0.5}, // must be a majority
		"MotivationShare 1.01":            {MotivationShare: 1.01},
		"ChronicMaxSatisfaction 0.9":      {ChronicMaxSatisfaction: 0.9},
		"SubmissiveMaxRating 5.1":         {SubmissiveMaxRating: 5.1},
		"PromotionShare 1.01":             {PromotionShare: 1.01},
		"DependentShare -0.1":             {DependentShare: -0.1},
		"AbusiveMinUnfounded -1":          {AbusiveMinUnfounded: -1},
		"ChronicComplaintsPerPurchase -1": {ChronicComplaintsPerPurchase: -1},
		"LoyalMinTenure -1ns":             {LoyalMinTenure: -1},
		"Bands 0 COP, 5 COP":              {Bands: Bands{Profitable: cop("0"), VeryProfitable: cop("5")}},
		"Bands 1 COP, 5 EUR":              {Bands: Bands{Profitable: cop("1"), VeryProfitable: euro("5")}},
	}
	for want, c := range invalid {
		err := c.Validate()
		require.ErrorIs(t, err, ErrInvalidConfig, want)
		assert.Contains(t, err.Error(), want)
		assert.Len(t, strings.Split(err.Error(), "\n"), 1, want)
	}
}

func TestDurationText(t *testing.T) {
	const maxDays = int64(1<<63-1) / int64(Day) // 106 751 whole days fit in a time.Duration
	for _, tt := range []struct {
		in   string
		want time.Duration
	}{
		{"365d", 365 * Day}, {" 3d ", 3 * Day}, {"0d", 0}, {"36h", 36 * time.Hour}, {"90m", 90 * time.Minute},
		{"106751d", time.Duration(maxDays) * Day},
	} {
		got, err := parseDuration("Window", tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	for _, bad := range []string{"106752d", "-1d", "1.5d", "d", "soon", ""} {
		_, err := parseDuration("Window", bad)
		assert.ErrorIs(t, err, ErrInvalidConfig, bad)
	}
	for _, tt := range []struct {
		d    time.Duration
		want string
	}{{2 * Day, "2d"}, {-2 * Day, "-2d"}, {36 * time.Hour, "36h0m0s"}, {0, "0s"}, {Day + time.Nanosecond, "24h0m0.000000001s"}} {
		assert.Equal(t, tt.want, formatDuration(tt.d))
	}
}

func TestHistoryValidateBoundaries(t *testing.T) {
	ok := History{
		Purchases:    []Purchase{{At: now, Amount: cop("0"), Margin: cop("-5")}}, // at now, zero amount, negative margin
		Contacts:     []Contact{{At: now, Satisfaction: 5}, {At: daysAgo(1), Satisfaction: 0}},
		Surveys:      []Survey{{At: now, Rating: 5}, {At: daysAgo(1), Rating: 0}},
		Observations: []Observation{{At: now, Personality: Offensive, Motivation: Affective}},
	}
	require.NoError(t, ok.Validate(now))
	bad := map[string]History{
		"satisfaction 6 out of range": {Contacts: []Contact{{At: now, Satisfaction: 6}}},
		"rating -1 out of range":      {Surveys: []Survey{{At: now, Rating: -1}}},
		"finding 7 undefined":         {Contacts: []Contact{{At: now, Finding: 7}}},
		"personality 9 undefined":     {Observations: []Observation{{At: now, Personality: 9}}},
		"motivation 9 undefined":      {Observations: []Observation{{At: now, Motivation: 9}}},
		"margin currency EUR":         {Purchases: []Purchase{{At: now, Amount: cop("1"), Margin: euro("1")}}},
	}
	for want, h := range bad {
		err := h.Validate(now)
		require.ErrorIs(t, err, ErrInvalidHistory, want)
		assert.Contains(t, err.Error(), want)
	}
	// At most maxReported (20) problems are listed.
	var many History
	for range 25 {
		many.Surveys = append(many.Surveys, Survey{At: now, Rating: 9})
	}
	err := many.Validate(now)
	require.Error(t, err)
	assert.Len(t, strings.Split(err.Error(), "\n"), 20)
}

func TestABCConfigAndErrorCap(t *testing.T) {
	_, err := ABC(nil, ABCConfig{A: 0.9, B: 0.9})
	assert.ErrorIs(t, err, ErrInvalidConfig, "A must be below B")
	_, err = ABC(nil, ABCConfig{A: 0.5, B: 0.99})
	assert.NoError(t, err)
	// Alternating COP and EUR margins: each EUR one fails to add to the COP
	// total before it (25 failures), 20 are listed.
	var cs []Contribution
	for range 25 {
		cs = append(cs, Contribution{"c", cop("1")}, Contribution{"e", euro("1")})
	}
	_, err = ABC(cs, ABCConfig{})
	require.ErrorIs(t, err, ErrInvalidHistory)
	assert.Len(t, strings.Split(err.Error(), "\n"), 20)
	assert.Contains(t, err.Error(), `ABC customer 1 "e"`)
}

func TestRecommendLevelBoundaries(t *testing.T) {
	tests := []struct {
		customers int
		margin    float64
		cfg       LevelConfig
		want      RelationshipLevel
	}{
		{9_999, 0.40, LevelConfig{}, Proactive},                               // medium size (just below many), high margin
		{100, 0.15, LevelConfig{}, Accountable},                               // medium, medium (on both lower lines)
		{99, 0.15, LevelConfig{}, Proactive},                                  // few, medium
		{0, 0, LevelConfig{}, Accountable},                                    // few, low
		{10_000, 1, LevelConfig{}, Accountable},                               // many, high (a rate of 1 is allowed)
		{10_000, 0.1499, LevelConfig{}, Basic},                                // many, low
		{50, 0.3, LevelConfig{FewCustomers: 50, ManyCustomers: 50}, Reactive}, // few = many = 50: 50 is many; 0.3 is medium
		{49, 0.5, LevelConfig{LowMargin: 0.5, HighMargin: 0.5}, Partnership},  // low = high: 0.5 is high
		{49, 0.49, LevelConfig{LowMargin: 0.5, HighMargin: 0.5}, Accountable}, // below low: few, low
		{5_000, 0.3, LevelConfig{HighMargin: 1, LowMargin: 0.3}, Accountable}, // high margin up to 1; 0.3 medium
	}
	for _, tt := range tests {
		got, err := RecommendLevel(tt.customers, tt.margin, tt.cfg)
		require.NoError(t, err, "%+v", tt)
		assert.Equal(t, tt.want, got.Level, "%d customers, margin %v, %+v", tt.customers, tt.margin, tt.cfg)
	}
	assert.NoError(t, LevelConfig{FewCustomers: 1, ManyCustomers: 1}.Validate(), "one customer is the smallest cut-off")
	for _, cfg := range []LevelConfig{{FewCustomers: -1}, {HighMargin: 1.1}, {LowMargin: -0.1}} {
		assert.ErrorIs(t, cfg.Validate(), ErrInvalidConfig, "%+v", cfg)
	}
	got, err := RecommendLevel(10_000, 0.40, LevelConfig{})
	require.NoError(t, err)
	assert.Equal(t, "segment size 10000: many (≥ 10000); margin 40%: high (≥ 40%) → accountable marketing (Kotler's table)", got.Reason.Detail)
	got, err = RecommendLevel(99, 0.1, LevelConfig{})
	require.NoError(t, err)
	assert.Equal(t, "segment size 99: few (< 100); margin 10%: low (< 15%) → accountable marketing (Kotler's table)", got.Reason.Detail)
}
