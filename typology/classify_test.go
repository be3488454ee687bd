package typology

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassifyBehaviour(t *testing.T) {
	tests := []struct {
		name string
		h    History
		want Behaviour
		rule string
		conf float64
	}{
		{
			name: "empty history is unclassified, not an error",
			h:    History{Customer: "C0"},
			want: BehaviourUnclassified, rule: "behaviour.empty", conf: 0,
		},
		{
			// 3 unfounded of 4 checked: share 0.75 ≥ 0.5, 3 ≥ 2.
			// confidence = 0.75 × 3/(3+2) = 0.45.
			name: "abusive: mostly unfounded complaints",
			h: History{Customer: "C1", Purchases: monthly(12, 30, 5, "100000", "20000"), Contacts: []Contact{
				complaint(10, Unfounded, false, 0), complaint(40, Unfounded, false, 0),
				complaint(70, Unfounded, true, 0), complaint(100, Founded, false, 0),
			}},
			want: Abusive, rule: "behaviour.abusive", conf: 0.45,
		},
		{
			// 5 complaints, 6 purchases in the window: 0.83 per purchase ≥ 0.5;
			// mean satisfaction (1+2+2+1+3)/5 = 1.8 ≤ 2.5. confidence = 5/7.
			name: "chronic complainer: many complaints, never satisfied",
			h: History{Customer: "C2", Purchases: monthly(6, 50, 5, "50000", "10000"), Contacts: []Contact{
				complaint(10, Founded, false, 1), complaint(60, Unverified, false, 2), complaint(110, Founded, false, 2),
				complaint(160, Unverified, false, 1), complaint(210, Founded, false, 3),
			}},
			want: ChronicComplainer, rule: "behaviour.chronic", conf: 5.0 / 7,
		},
		{
			// 2 of 3 hostile or escalated: 0.667 ≥ 0.5; confidence = 2/3 × 3/5 = 0.4.
			name: "aggressive: hostile complaints",
			h: History{Customer: "C3", Purchases: monthly(12, 30, 5, "100000", "20000"), Contacts: []Contact{
				complaint(10, Founded, true, 4), {At: daysAgo(50), Complaint: true, Escalation: true}, complaint(90, Founded, false, 4),
			}},
			want: Aggressive, rule: "behaviour.aggressive", conf: 0.4,
		},
		{
			// 2 complaints, none unfounded: share 1 × 2/4 = 0.5.
			name: "reasonable voicer",
			h: History{Customer: "C4", Purchases: monthly(12, 30, 5, "100000", "20000"), Contacts: []Contact{
				complaint(10, Founded, false, 4), complaint(90, Unverified, false, 5),
			}},
			want: ReasonableVoicer, rule: "behaviour.voicer", conf: 0.5,
		},
		{
			// no complaint, ratings 2, 2, 3 → mean 2.33 ≤ 2.5; confidence 3/5.
			name: "submissive: low ratings, no complaint",
			h: History{Customer: "C5", Purchases: monthly(12, 30, 5, "100000", "20000"), Surveys: []Survey{
				{At: daysAgo(20), Rating: 2}, {At: daysAgo(120), Rating: 2}, {At: daysAgo(220), Rating: 3},
			}},
			want: Submissive, rule: "behaviour.submissive", conf: 0.6,
		},
		{
			name: "happy customer: nothing to classify",
			h: History{Customer: "C6", Purchases: monthly(12, 30, 5, "100000", "20000"), Surveys: []Survey{
				{At: daysAgo(20), Rating: 5},
			}},
			want: BehaviourUnclassified, rule: "behaviour.none", conf: 0,
		},
		{
			name: "complaints older than the window do not count",
			h: History{Customer: "C7", Purchases: monthly(3, 30, 5, "1", "1"), Contacts: []Contact{
				complaint(400, Unfounded, true, 1), complaint(500, Unfounded, true, 1),
			}},
			want: BehaviourUnclassified, rule: "behaviour.none", conf: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Classify(tt.h, now, Config{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Behaviour.Type)
			require.NotEmpty(t, p.Behaviour.Reasons)
			assert.Equal(t, tt.rule, p.Behaviour.Reasons[0].Rule)
			assert.InDelta(t, tt.conf, p.Behaviour.Confidence, 1e-9)
		})
	}
}

func TestClassifyRelationship(t *testing.T) {
	loyalSurvey := []Survey{{At: daysAgo(30), Rating: 5, WouldRecommend: true, IntendsToBuy: true}}
	promo := monthly(10, 30, 5, "80000", "8000")
	for i := range promo[:7] {
		promo[i].Promotion = true
	}
	budget := monthly(5, 30, 5, "30000", "3000")
	for i := range budget[:4] {
		budget[i].Tier = TierBudget
	}
	tied := monthly(4, 90, 5, "200000", "30000")
	for i := range tied[:2] {
		tied[i].Tied = true
	}
	// Gaps 1, 1, 1, 200 days: mean 50.75, population SD = sqrt(mean of
	// squares − mean²) = sqrt((3 + 40000)/4 − 2575.56) = sqrt(7425.19) = 86.17,
	// CV = 1.698 ≥ 1.
	erratic := []Purchase{
		{At: daysAgo(300), Amount: cop("1"), Margin: cop("1")}, {At: daysAgo(299), Amount: cop("1"), Margin: cop("1")},
		{At: daysAgo(298), Amount: cop("1"), Margin: cop("1")}, {At: daysAgo(297), Amount: cop("1"), Margin: cop("1")},
		{At: daysAgo(97), Amount: cop("1"), Margin: cop("1")},
	}
	tests := []struct {
		name string
		h    History
		want Relationship
		rule string
		conf float64
	}{
		// 15 monthly purchases over 420 d + 5 d ago: tenure 425 d ≥ 365,
		// gaps all 30 → CV 0, last purchase 5 d ago ≤ 2×30; survey yes/yes.
		// confidence = 15/17.
		{"loyal", History{Purchases: monthly(15, 30, 5, "100000", "20000"), Surveys: loyalSurvey}, Loyal, "relationship.loyal", 15.0 / 17},
		{"regular but never surveyed is not loyal", History{Purchases: monthly(15, 30, 5, "100000", "20000")}, RelationshipUnknown, "relationship.none", 0},
		{"lapsed: last purchase 200 d ago > 2 × 30 d", History{Purchases: monthly(15, 30, 200, "100000", "20000"), Surveys: loyalSurvey}, RelationshipUnknown, "relationship.none", 0},
		// 7 of 10 on promotion: 0.7 × 10/12.
		{"promotion seeker", History{Purchases: promo}, PromotionSeeker, "relationship.promotions", 0.7 * 10 / 12},
		// 4 of 5 budget: 0.8 × 5/7.
		{"economist", History{Purchases: budget}, Economist, "relationship.economist", 0.8 * 5 / 7},
		// 2 of 4 tied: 0.5 × 4/6.
		{"dependent purchase", History{Purchases: tied}, DependentPurchase, "relationship.dependent", 0.5 * 4 / 6},
		// confidence = min(1, CV/(2×1)) × 5/7 = 0.848960 × 0.714286 = 0.606400.
		{"erratic", History{Purchases: erratic}, Erratic, "relationship.erratic", 0.606400},
		{"too few purchases", History{Purchases: monthly(2, 30, 5, "1", "1")}, RelationshipUnknown, "relationship.few", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Classify(tt.h, now, Config{})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Relationship.Type)
			require.NotEmpty(t, p.Relationship.Reasons)
			assert.Equal(t, tt.rule, p.Relationship.Reasons[0].Rule, p.Relationship.Reasons)
			assert.InDelta(t, tt.conf, p.Relationship.Confidence, 1e-6)
		})
	}
}

func TestClassifyErraticFigures(t *testing.T) {
	// The reason must carry the hand-computed CV of the erratic case above.
	h := History{Purchases: []Purchase{
		{At: daysAgo(300)}, {At: daysAgo(299)}, {At: daysAgo(298)}, {At: daysAgo(297)}, {At: daysAgo(97)},
	}}
	p, err := Classify(h, now, Config{})
	require.NoError(t, err)
	assert.Contains(t, p.Relationship.Reasons[0].Detail, "gap CV 1.70")
	assert.Contains(t, p.Relationship.Reasons[0].Detail, "mean gap 51 d")
}

func TestClassifyProfitability(t *testing.T) {
	bands := Bands{Profitable: cop("100000"), VeryProfitable: cop("500000")}
	tests := []struct {
		name   string
		ps     []Purchase
		bands  Bands
		want   Profitability
		margin string
	}{
		// 12 × 50 000 = 600 000 ≥ 500 000.
		{"very profitable", monthly(12, 30, 5, "200000", "50000"), bands, VeryProfitable, "600000"},
		// 12 × 10 000 = 120 000 in [100 000, 500 000).
		{"profitable", monthly(12, 30, 5, "200000", "10000"), bands, Profitable, "120000"},
		{"little profitable", monthly(12, 30, 5, "200000", "1000"), bands, LittleProfitable, "12000"},
		{"negative margin", monthly(3, 30, 5, "200000", "-1000"), bands, NotProfitable, "-3000"},
		{"zero margin", monthly(3, 30, 5, "200000", "0"), Bands{}, NotProfitable, "0"},
		{"no bands", monthly(3, 30, 5, "200000", "10"), Bands{}, ProfitabilityUnknown, "30"},
		{"no purchase", nil, bands, ProfitabilityUnknown, "0"},
		// Only the 12 purchases inside 365 d count: the ones 400+ d ago do not.
		{"window", monthly(20, 30, 5, "200000", "10000"), bands, Profitable, "130000"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Classify(History{Purchases: tt.ps, Surveys: []Survey{{At: daysAgo(1), Rating: 4}}}, now, Config{Bands: tt.bands})
			require.NoError(t, err)
			assert.Equal(t, tt.want, p.Profitability.Type)
			assert.True(t, p.Margin.Amount.Equal(cop(tt.margin).Amount), "margin %s", p.Margin)
			assert.NotEmpty(t, p.Profitability.Reasons)
		})
	}
}

func TestClassifyPersonalityAndMotivation(t *testing.T) {
	h := History{Observations: []Observation{
		{At: daysAgo(100), Personality: Critic},
		{At: daysAgo(50), Personality: Meticulous, Motivation: Rational},
		{At: daysAgo(10), Personality: Critic},
		{At: daysAgo(5), Personality: Meticulous},
		{At: daysAgo(3)},
	}}
	p, err := Classify(h, now, Config{})
	require.NoError(t, err)
	// Critic and Meticulous 2 each of 4 notes; Meticulous noted last (5 d ago).
	assert.Equal(t, Meticulous, p.Personality.Type)
	assert.InDelta(t, 0.5, p.Personality.Confidence, 1e-12)
	assert.Equal(t, Rational, p.Motivation.Type)
	assert.InDelta(t, 1, p.Motivation.Confidence, 1e-12)

	// Inferred: 1 promotion, 1 budget (rational) and 3 premium full price
	// (affective): 3/5 = 60% ≥ 60% → affective, confidence 0.6 × 5/7.
	ps := monthly(5, 30, 5, "1", "1")
	ps[0].Promotion = true
	ps[1].Tier = TierBudget
	for i := 2; i < 5; i++ {
		ps[i].Tier = TierPremium
	}
	p, err = Classify(History{Purchases: ps}, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, Affective, p.Motivation.Type)
	assert.InDelta(t, 0.6*5/7, p.Motivation.Confidence, 1e-12)
	assert.Equal(t, PersonalityUnknown, p.Personality.Type)
	assert.Equal(t, "personality.none", p.Personality.Reasons[0].Rule)
}

func TestClassifyBadInput(t *testing.T) {
	tests := []struct {
		name string
		h    History
		want string
	}{
		{"negative amount", History{Purchases: []Purchase{{At: daysAgo(1), Amount: cop("-5")}}}, "amount -5 COP is negative"},
		{"purchase in the future", History{Purchases: []Purchase{{At: now.Add(time.Hour), Amount: cop("5")}}}, "after now"},
		{"zero instant", History{Surveys: []Survey{{Rating: 3}}}, "instant not set"},
		{"rating out of range", History{Surveys: []Survey{{At: daysAgo(1), Rating: 6}}}, "rating 6 out of range"},
		{"satisfaction out of range", History{Contacts: []Contact{{At: daysAgo(1), Satisfaction: -1}}}, "satisfaction -1"},
		{"mixed currencies", History{Purchases: []Purchase{{At: daysAgo(1), Amount: cop("5")}, {At: daysAgo(3), Amount: euro("5")}}}, "currency EUR differs from COP"},
		{"undefined enum", History{Purchases: []Purchase{{At: daysAgo(1), Tier: 9}}}, "tier 9 undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.h.Customer = "X"
			_, err := Classify(tt.h, now, Config{})
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidHistory))
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "typology: "))
		})
	}
	_, err := Classify(History{}, now, Config{AggressiveShare: 1.5})
	assert.ErrorIs(t, err, ErrInvalidConfig)
}

func TestClassifyEveryProblemReported(t *testing.T) {
	h := History{Customer: "X", Purchases: []Purchase{{At: daysAgo(1), Amount: cop("-1")}, {At: now.Add(Day), Amount: cop("1")}}}
	err := h.Validate(now)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "purchase 0: amount -1 COP is negative")
	assert.Contains(t, err.Error(), "purchase 1: instant")
}

// TestHistoryJSONRoundTrip: a stored history (times as RFC 3339, money and
// enums as text) reads back to the same classification.
func TestHistoryJSONRoundTrip(t *testing.T) {
	h := yearOfHistory()
	data, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"Amount":"85000 COP"`)
	assert.Contains(t, string(data), `"Tier":"budget"`)
	assert.Contains(t, string(data), `"Finding":"unfounded"`)
	var back History
	require.NoError(t, json.Unmarshal(data, &back))
	want, err := Classify(h, now, Config{})
	require.NoError(t, err)
	got, err := Classify(back, now, Config{})
	require.NoError(t, err)
	assert.Equal(t, want.String(), got.String())
	assert.Equal(t, want.Reasons(), got.Reasons())
	assert.Error(t, json.Unmarshal([]byte(`{"Purchases":[{"Tier":"luxury"}]}`), &back))
}

// windowMargin's int64 fast path gives the sum decimal addition gives, for
// margins of any sign, exponent and size (wide ones take the decimal path).
func TestWindowMarginMatchesDecimalSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(41, 42))
	for round := 0; round < 2000; round++ {
		var ps []Purchase
		want := decimal.Zero
		from := daysAgo(100)
		for range rng.IntN(40) {
			var amount decimal.Decimal
			switch rng.IntN(6) {
			case 0:
				amount = decimal.New(rng.Int64N(1<<62)-1<<61, int32(rng.IntN(20)-10)) // wide
			case 1:
				amount = decimal.Zero
			default:
				amount = decimal.New(rng.Int64N(2_000_000)-500_000, int32(rng.IntN(7)-4))
			}
			at := daysAgo(rng.IntN(200))
			ps = append(ps, Purchase{At: at, Margin: servuction.Money{Amount: amount, Currency: "COP"}})
			if !at.Before(from) {
				want = want.Add(amount)
			}
		}
		got, _, err := windowMargin(ps, from)
		require.NoError(t, err)
		require.True(t, want.Equal(got.Amount), "round %d: got %s, want %s", round, got.Amount, want)
	}
}

// The order of the purchases does not matter: increasing, decreasing (read
// in place) and shuffled (sorted in a copy) give the same profile.
func TestClassifyPurchaseOrderDoesNotMatter(t *testing.T) {
	rng := rand.New(rand.NewPCG(51, 52))
	for round := 0; round < 300; round++ {
		h := randomHistory(rng)
		asc := slices.Clone(h.Purchases)
		slices.SortStableFunc(asc, func(a, b Purchase) int { return a.At.Compare(b.At) })
		desc := slices.Clone(asc)
		slices.Reverse(desc)
		shuffled := slices.Clone(asc)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		var want Profile
		for k, ps := range [][]Purchase{asc, desc, shuffled} {
			h.Purchases = ps
			p, err := Classify(h, now, Config{})
			require.NoError(t, err)
			if k == 0 {
				want = p
				continue
			}
			require.Equal(t, want.Relationship, p.Relationship, "round %d order %d", round, k)
			require.Equal(t, want.String(), p.String())
			require.True(t, want.Margin.Equal(p.Margin))
		}
	}
}

// Classify checks a history in one pass and calls Validate only when that
// pass finds a problem: the two must agree on every history, including
// wrong ones (zero or future instants, negative amounts, two currencies,
// undefined enums, ratings out of range).
func TestScanAgreesWithValidate(t *testing.T) {
	rng := rand.New(rand.NewPCG(61, 62))
	currencies := []string{"COP", "COP", "COP", "", "EUR"}
	valid := 0
	for round := 0; round < 20000; round++ {
		h := randomHistory(rng)
		spoil := rng.IntN(12)
		for i := range h.Purchases {
			if rng.IntN(40) != 0 {
				continue
			}
			p := &h.Purchases[i]
			switch spoil {
			case 0:
				p.At = time.Time{}
			case 1:
				p.At = now.Add(time.Hour)
			case 2:
				p.Amount = p.Amount.Neg()
			case 3:
				p.Amount.Currency = currencies[rng.IntN(len(currencies))]
			case 4:
				p.Margin.Currency = currencies[rng.IntN(len(currencies))]
			case 5:
				p.Tier = PriceTier(4 + rng.IntN(3))
			}
		}
		if spoil >= 6 && spoil <= 10 && len(h.Contacts)+len(h.Surveys)+len(h.Observations) > 0 {
			switch {
			case spoil == 6 && len(h.Contacts) > 0:
				h.Contacts[0].Satisfaction = 6
			case spoil == 7 && len(h.Contacts) > 0:
				h.Contacts[0].Channel = 200
			case spoil == 8 && len(h.Surveys) > 0:
				h.Surveys[0].Rating = -1
			case spoil == 9 && len(h.Observations) > 0:
				h.Observations[0].Motivation = 9
			case spoil == 10 && len(h.Contacts) > 0:
				h.Contacts[0].At = now.Add(time.Second)
			}
		}
		full := h.Validate(now) == nil
		fast := scanPurchases(h.Purchases, now, now.Add(-365*Day)).valid && h.restValid(now)
		require.Equal(t, full, fast, "round %d: %v", round, h.Validate(now))
		if full {
			valid++
		}
	}
	assert.Greater(t, valid, 1000)
	assert.Less(t, valid, 19000)
}

func TestSubMatchesTimeSub(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	wall := time.Now() // carries a monotonic reading
	cases := [][2]time.Time{
		{now, now}, {wall, wall.Add(-time.Hour)}, {wall.Add(3 * time.Second), wall},
		{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)}, // overflows a Duration
		{time.Date(2026, 3, 8, 2, 30, 0, 5, bog), time.Date(2025, 11, 2, 1, 0, 0, 999, time.UTC)},
	}
	for range 5000 {
		a := now.Add(time.Duration(rng.Int64N(1<<62) - 1<<61))
		b := a.Add(-time.Duration(rng.Int64N(1 << 50)))
		cases = append(cases, [2]time.Time{a.In(bog), b})
	}
	for _, c := range cases {
		assert.Equal(t, c[0].Sub(c[1]), sub(c[0], c[1]), "%v − %v", c[0], c[1])
	}
}

// The one-pass check compares instants by their wall clock when now has no
// monotonic reading and through Time's methods when it has: both agree
// with Validate, at the edges of now and of the window too.
func TestScanInstantEdges(t *testing.T) {
	wallNow := time.Now() // with a monotonic reading
	for _, n := range []time.Time{now, wallNow, wallNow.Round(0)} {
		from := n.Add(-365 * Day)
		for _, at := range []time.Time{{}, n, n.Add(1), n.Add(-1), from, from.Add(-1), from.Add(1), n.In(time.FixedZone("x", -5*3600))} {
			ps := []Purchase{{At: at, Amount: cop("1"), Margin: cop("1")}}
			s := scanPurchases(ps, n, from)
			h := History{Purchases: ps}
			assert.Equal(t, h.Validate(n) == nil, s.valid, "now %v at %v", n, at)
			assert.Equal(t, !at.Before(from), s.inWindow == 1, "now %v at %v", n, at)
		}
	}
}
