package typology

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// at returns purchases on the given days before now, with amount and margin 1.
func at(days ...int) []Purchase {
	ps := make([]Purchase, len(days))
	for i, d := range days {
		ps[i] = Purchase{At: daysAgo(d), Amount: cop("1"), Margin: cop("1")}
	}
	return ps
}

// TestClassifyBehaviourOnThresholds puts each default threshold exactly on
// its line: the rules say "at least" or "at most", so the line belongs to
// the rule.
func TestClassifyBehaviourOnThresholds(t *testing.T) {
	twelve := monthly(12, 30, 5, "100000", "20000")
	eight := monthly(8, 30, 5, "100000", "20000")
	tests := []struct {
		name   string
		h      History
		want   Behaviour
		conf   float64
		detail string
	}{
		// 2 unfounded of 4 checked: 2 ≥ 2 and 0.5 ≥ 0.5; confidence
		// 0.5 × 2/(2+2) = 0.25.
		{"abusive on the line", History{Purchases: twelve, Contacts: []Contact{
			complaint(10, Unfounded, false, 0), complaint(20, Unfounded, false, 0),
			complaint(30, Founded, false, 0), complaint(40, Founded, false, 0),
		}}, Abusive, 0.25, "2 of 4 checked complaints in 365d unfounded (50% ≥ 50%, at least 2)"},
		// 4 complaints (≥ 4) for 8 purchases in the window: 0.5 per purchase
		// (≥ 0.5); satisfaction 2, 3, 2, 3: mean 2.5 (≤ 2.5); none checked.
		// Confidence 4/(4+2) = 0.666667.
		{"chronic on the line", History{Purchases: eight, Contacts: []Contact{
			complaint(10, Unverified, false, 2), complaint(20, Unverified, false, 3),
			complaint(30, Unverified, false, 2), complaint(40, Unverified, false, 3),
		}}, ChronicComplainer, 4.0 / 6, "4 complaints in 365d (≥ 4) for 8 purchases (0.50 per purchase ≥ 0.50); mean satisfaction after resolution 2.5 ≤ 2.5 (n = 4)"},
		// Satisfaction never asked: confidence 4/6 × 0.75 = 0.5. A 0 is "not
		// asked", so the mean is over the answers only.
		{"chronic, satisfaction never asked", History{Purchases: eight, Contacts: []Contact{
			complaint(10, Unverified, false, 0), complaint(20, Unverified, false, 0),
			complaint(30, Unverified, false, 0), complaint(40, Unverified, false, 0),
		}}, ChronicComplainer, 0.5, "satisfaction after resolution never asked"},
		{"chronic, unasked answers left out of the mean", History{Purchases: eight, Contacts: []Contact{
			complaint(10, Unverified, false, 0), complaint(20, Unverified, false, 2),
			complaint(30, Unverified, false, 2), complaint(40, Unverified, false, 3),
		}}, ChronicComplainer, 4.0 / 6, "mean satisfaction after resolution 2.3 ≤ 2.5 (n = 3)"}, // 7/3
		// No purchase in the window: the rate is per max(0, 1) = 1 purchase.
		{"chronic without purchases", History{Contacts: []Contact{
			complaint(10, Unverified, false, 1), complaint(20, Unverified, false, 1),
			complaint(30, Unverified, false, 1), complaint(40, Unverified, false, 1),
		}}, ChronicComplainer, 4.0 / 6, "for 0 purchases (4.00 per purchase ≥ 0.50)"},
		// 1 of 2 hostile: 0.5 ≥ 0.5; confidence 0.5 × 2/4 = 0.25.
		{"aggressive on the line", History{Purchases: twelve, Contacts: []Contact{
			complaint(10, Founded, true, 4), complaint(20, Founded, false, 4),
		}}, Aggressive, 0.25, "1 of 2 complaints in 365d hostile or asking for escalation (50% ≥ 50%)"},
		// 3 complaints, 1 unfounded (fewer than 2: not abusive), none hostile:
		// voicer with (3 − 1)/3 × 3/5 = 0.4.
		{"voicer with an unfounded complaint", History{Purchases: twelve, Contacts: []Contact{
			complaint(10, Founded, false, 4), complaint(20, Unfounded, false, 4), complaint(30, Unverified, false, 4),
		}}, ReasonableVoicer, 0.4, "3 complaints in 365d, 1 founded, 1 unfounded, 0 hostile or escalated (0% < 50%)"},
		// Ratings 2 and 3: mean 2.5 ≤ 2.5; confidence 2/4.
		{"submissive on the line", History{Purchases: twelve, Surveys: []Survey{
			{At: daysAgo(10), Rating: 2}, {At: daysAgo(20), Rating: 3},
		}}, Submissive, 0.5, "mean survey rating 2.5 ≤ 2.5 (n = 2)"},
		// An unanswered survey (rating 0) does not count: one rating of 2,
		// confidence 1/3.
		{"unanswered survey ignored", History{Purchases: twelve, Surveys: []Survey{
			{At: daysAgo(10), Rating: 0}, {At: daysAgo(20), Rating: 2},
		}}, Submissive, 1.0 / 3, "mean survey rating 2.0 ≤ 2.5 (n = 1)"},
		// No complaint and no rated survey at all: nothing to classify.
		{"nothing rated", History{Purchases: twelve, Surveys: []Survey{{At: daysAgo(10)}}}, BehaviourUnclassified, 0,
			"no complaint and no rated survey in 365d: nothing to classify"},
		// A survey older than the window does not count either.
		{"old survey ignored", History{Purchases: twelve, Surveys: []Survey{
			{At: daysAgo(400), Rating: 1}, {At: daysAgo(20), Rating: 4},
		}}, BehaviourUnclassified, 0, "mean survey rating 4.0 > 2.5 (n = 1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Classify(tt.h, now, Config{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Behaviour.Type)
			assert.InDelta(t, tt.conf, p.Behaviour.Confidence, 1e-9)
			require.NotEmpty(t, p.Behaviour.Reasons)
			assert.Contains(t, p.Behaviour.Reasons[0].Detail, tt.detail)
		})
	}
}

func TestClassifyRelationshipOnThresholds(t *testing.T) {
	yes := []Survey{{At: daysAgo(1), Rating: 5, WouldRecommend: true, IntendsToBuy: true}}
	withFlags := func(ps []Purchase, k int, set func(*Purchase)) []Purchase {
		for i := range ps[:k] {
			set(&ps[i])
		}
		return ps
	}
	tests := []struct {
		name string
		h    History
		want Relationship
		conf float64
		rule string
	}{
		// Tenure exactly 365 d, exactly 4 purchases, gaps 120 d (CV 0), last
		// 5 d ago: loyal, confidence 4/6.
		{"loyal on tenure and count", History{Purchases: at(365, 245, 125, 5), Surveys: yes}, Loyal, 4.0 / 6, "relationship.loyal"},
		// Gaps 40, 160, 40, 160 d: mean 100, population variance
		// (1600 + 25600 + 1600 + 25600)/4 − 100² = 3600, SD 60, CV 0.6 ≤ 0.6.
		{"loyal on the gap CV", History{Purchases: at(405, 365, 205, 165, 5), Surveys: yes}, Loyal, 5.0 / 7, "relationship.loyal"},
		// Every 100 d, the last 200 d ago: lapse 200 = 2 mean gaps.
		{"loyal on the lapse", History{Purchases: at(600, 500, 400, 300, 200), Surveys: yes}, Loyal, 5.0 / 7, "relationship.loyal"},
		// The latest survey decides: an older yes does not make up for a
		// newer no.
		{"latest survey says no", History{Purchases: at(365, 245, 125, 5), Surveys: []Survey{
			{At: daysAgo(100), WouldRecommend: true, IntendsToBuy: true}, {At: daysAgo(10), WouldRecommend: true},
		}}, RelationshipUnknown, 0, "relationship.none"},
		// Exactly 3 purchases (the minimum), 3 of 5 on promotion: 0.6 ≥ 0.6,
		// confidence 0.6 × 5/7.
		{"promotion seeker on the line", History{Purchases: withFlags(at(50, 40, 30, 20, 10), 3, func(p *Purchase) { p.Promotion = true })},
			PromotionSeeker, 0.6 * 5 / 7, "relationship.promotions"},
		// 3 budget of 5 with a tier (a sixth without tier does not count):
		// 0.6 ≥ 0.6, confidence 0.6 × 5/7.
		{"economist on the line", History{Purchases: func() []Purchase {
			ps := at(60, 50, 40, 30, 20, 10)
			for i := range ps[:5] {
				ps[i].Tier = TierStandard
			}
			for i := range ps[:3] {
				ps[i].Tier = TierBudget
			}
			return ps
		}()}, Economist, 0.6 * 5 / 7, "relationship.economist"},
		// 3 purchases (the minimum), gaps 100 and 0 d: mean 50, variance
		// (10000 + 0)/2 − 2500 = 2500, CV 50/50 = 1 ≥ 1; confidence
		// min(1, 1/(2·1)) × 3/5 = 0.3.
		{"erratic on the line", History{Purchases: at(105, 5, 5)}, Erratic, 0.3, "relationship.erratic"},
		// 1 of 3 tied (< 0.5), none on promotion, no tier, equal gaps: none.
		{"three purchases, no rule", History{Purchases: withFlags(at(30, 20, 10), 1, func(p *Purchase) { p.Tied = true })},
			RelationshipUnknown, 0, "relationship.none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Classify(tt.h, now, Config{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Relationship.Type, p.Relationship.Reasons)
			assert.InDelta(t, tt.conf, p.Relationship.Confidence, 1e-9)
			assert.Equal(t, tt.rule, p.Relationship.Reasons[0].Rule)
		})
	}
}

func TestClassifyLoyalReasonFigures(t *testing.T) {
	// Every 120 d from 365 d ago to 5 d ago: tenure 365 d, mean gap 120 d,
	// last purchase 5 d ago against 2 × 120 = 240 d.
	p, err := Classify(History{Purchases: at(365, 245, 125, 5), Surveys: []Survey{
		{At: daysAgo(1), WouldRecommend: true, IntendsToBuy: true},
	}}, now, Config{})
	require.NoError(t, err)
	d := p.Relationship.Reasons[0].Detail
	for _, s := range []string{"tenure 365 d vs 365 d", "4 purchases vs 4", "gap CV 0.00 vs ≤ 0.60 (mean gap 120 d)",
		"last purchase 5 d ago vs ≤ 2.0 mean gaps (240 d)", "intends to buy true, would recommend true"} {
		assert.Contains(t, d, s)
	}
}

func TestClassifyMotivationAndPersonalityTies(t *testing.T) {
	// 3 rational signals (2 promotions, 1 budget) and 2 affective (premium,
	// full price) of 5: 0.6 ≥ 0.6 rational, confidence 0.6 × 5/7.
	ps := at(50, 40, 30, 20, 10)
	ps[0].Promotion = true
	ps[1].Promotion, ps[1].Tier = true, TierPremium // on promotion: rational
	ps[2].Tier = TierBudget
	ps[3].Tier, ps[4].Tier = TierPremium, TierPremium
	p, err := Classify(History{Purchases: ps}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Rational, p.Motivation.Type)
	assert.InDelta(t, 0.6*5/7, p.Motivation.Confidence, 1e-12)
	assert.Contains(t, p.Motivation.Reasons[0].Detail, "3 rational signals (promotion or budget tier) and 2 affective")

	// No signal at all: none.
	p, err = Classify(History{Purchases: at(20, 10)}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, "motivation.none", p.Motivation.Reasons[0].Rule)
	// 1 rational, 1 affective: 50% each, below 60%: mixed, unknown.
	mixed := at(20, 10)
	mixed[0].Promotion, mixed[1].Tier = true, TierPremium
	p, err = Classify(History{Purchases: mixed}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, MotivationUnknown, p.Motivation.Type)
	assert.Equal(t, "motivation.mixed", p.Motivation.Reasons[0].Rule)

	// Personality tie, 2 notes each: Meticulous noted 100 and 50 d ago,
	// Critic 10 and 5 d ago: the most recently noted, Critic, wins although
	// Meticulous is the larger value.
	obs := []Observation{
		{At: daysAgo(100), Personality: Meticulous}, {At: daysAgo(50), Personality: Meticulous},
		{At: daysAgo(10), Personality: Critic}, {At: daysAgo(5), Personality: Critic},
	}
	p, err = Classify(History{Observations: obs}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Critic, p.Personality.Type)
	assert.InDelta(t, 0.5, p.Personality.Confidence, 1e-12)
	assert.Equal(t, "noted critic in 2 of 4 agent observations", p.Personality.Reasons[0].Detail)
	// Three to one: the majority wins though noted first.
	obs = append(obs[:1:1], Observation{At: daysAgo(90), Personality: Meticulous}, Observation{At: daysAgo(80), Personality: Meticulous},
		Observation{At: daysAgo(1), Personality: Shy})
	p, err = Classify(History{Observations: obs}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Meticulous, p.Personality.Type)
	assert.InDelta(t, 0.75, p.Personality.Confidence, 1e-12)
}

func TestClassifyProfitabilityCurrency(t *testing.T) {
	bands := Bands{Profitable: cop("100"), VeryProfitable: cop("500")}
	ps := []Purchase{{At: daysAgo(1), Amount: euro("10"), Margin: euro("10")}}
	_, err := Classify(History{Purchases: ps}, now, Config{Bands: bands})
	assert.ErrorIs(t, err, ErrInvalidHistory, "EUR margin against COP bands")
	// On the bands: exactly 500 is very profitable, exactly 100 profitable.
	for _, tt := range []struct {
		margin string
		want   Profitability
	}{{"500", VeryProfitable}, {"100", Profitable}, {"99", LittleProfitable}, {"0.01", LittleProfitable}} {
		p, err := Classify(History{Purchases: []Purchase{{At: daysAgo(1), Amount: cop("1000"), Margin: cop(tt.margin)}}}, now, Config{Bands: bands})
		require.NoError(t, err)
		assert.Equal(t, tt.want, p.Profitability.Type, tt.margin)
		assert.InDelta(t, 1, p.Profitability.Confidence, 0)
	}
}

func TestClassifyWindowIsClosed(t *testing.T) {
	// Instants in [now − Window, now] count: a complaint exactly 365 d ago
	// is in, a purchase exactly 365 d ago adds its margin.
	w := 365
	h := History{
		Purchases: []Purchase{{At: daysAgo(w), Amount: cop("10"), Margin: cop("7")}, {At: daysAgo(w + 1), Amount: cop("10"), Margin: cop("5")}},
		Contacts:  []Contact{complaint(w, Founded, false, 4)},
	}
	p, err := Classify(h, now, Config{})
	require.NoError(t, err)
	assert.True(t, p.Margin.Equal(cop("7")), p.Margin.String())
	assert.Equal(t, ReasonableVoicer, p.Behaviour.Type)
	assert.True(t, strings.HasPrefix(p.Profitability.Reasons[0].Detail, "margin 7 COP in 365d"), p.Profitability.Reasons[0].Detail)
}

func TestClassifyGapAndShareFigures(t *testing.T) {
	yes := []Survey{{At: daysAgo(1), WouldRecommend: true, IntendsToBuy: true}}
	// Two purchases are one gap: 400 − 5 = 395 d, CV 0; with the minimums
	// lowered to 2 the customer is loyal, confidence 2/(2+2) = 0.5.
	cfg := Config{MinPurchases: 2, LoyalMinPurchases: 2}
	p, err := Classify(History{Purchases: at(400, 5), Surveys: yes}, now, cfg)
	require.NoError(t, err)
	assert.Equal(t, Loyal, p.Relationship.Type)
	assert.InDelta(t, 0.5, p.Relationship.Confidence, 1e-12)
	assert.Contains(t, p.Relationship.Reasons[0].Detail, "(mean gap 395 d)")
	// Three purchases on the same day: no gap at all, CV reported as 0.
	p, err = Classify(History{Purchases: at(10, 10, 10)}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, RelationshipUnknown, p.Relationship.Type)
	assert.Contains(t, p.Relationship.Reasons[0].Detail, "gap CV 0.00: no rule applies")
	// Motivation noted 2 of 3 times: confidence 2/3.
	p, err = Classify(History{Observations: []Observation{
		{At: daysAgo(3), Motivation: Rational}, {At: daysAgo(2), Motivation: Affective}, {At: daysAgo(1), Motivation: Rational},
	}}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Rational, p.Motivation.Type)
	assert.InDelta(t, 2.0/3, p.Motivation.Confidence, 1e-12)
	assert.Equal(t, "noted rational in 2 of 3 agent observations", p.Motivation.Reasons[0].Detail)
	// Inferred affective: 2 rational and 3 affective signals, 3/5 = 60%.
	ps := at(50, 40, 30, 20, 10)
	ps[0].Promotion, ps[1].Tier = true, TierBudget
	ps[2].Tier, ps[3].Tier, ps[4].Tier = TierPremium, TierPremium, TierPremium
	p, err = Classify(History{Purchases: ps}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Affective, p.Motivation.Type)
	assert.Contains(t, p.Motivation.Reasons[0].Detail, ": 60% affective ≥ 60%")
}

func TestClassifyNotLoyalReasons(t *testing.T) {
	yes := []Survey{{At: now, WouldRecommend: true, IntendsToBuy: true}}
	// Four purchases at this very instant: no tenure and no gap, so the gap
	// and lapse checks fail too (a mean gap of 0 d says nothing).
	p, err := Classify(History{Purchases: at(0, 0, 0, 0), Surveys: yes}, now, Config{})
	require.NoError(t, err)
	require.Len(t, p.Relationship.Reasons, 2)
	assert.Equal(t, "relationship.not-loyal", p.Relationship.Reasons[1].Rule)
	assert.Equal(t, "fails tenure 0 d vs 365 d; gap CV 0.00 vs ≤ 0.60 (mean gap 0 d); last purchase 0 d ago vs ≤ 2.0 mean gaps (0 d)",
		p.Relationship.Reasons[1].Detail)
	// Erratic confidence with a lower threshold: gaps 100 and 0 d give CV 1
	// (see TestClassifyRelationshipOnThresholds); with ErraticGapCV 0.8 the
	// confidence is min(1, 1/(2·0.8)) × 3/5 = 0.625 × 0.6 = 0.375.
	p, err = Classify(History{Purchases: at(105, 5, 5)}, now, Config{ErraticGapCV: 0.8})
	require.NoError(t, err)
	assert.Equal(t, Erratic, p.Relationship.Type)
	assert.InDelta(t, 0.375, p.Relationship.Confidence, 1e-12)
}
