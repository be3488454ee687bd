package typology

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/golden"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomHistory draws a valid history: up to 60 purchases, 14 contacts, 4
// surveys and 6 agent notes over up to 900 days.
func randomHistory(rng *rand.Rand) History {
	h := History{Customer: "r"}
	span := 1 + rng.IntN(900)
	at := func() time.Time { return now.Add(-time.Duration(rng.IntN(span*24)) * time.Hour) }
	for range rng.IntN(4) * rng.IntN(20) {
		h.Purchases = append(h.Purchases, Purchase{At: at(),
			Amount:    servuction.Money{Amount: decimal.New(rng.Int64N(500000), -int32(rng.IntN(3))), Currency: "COP"},
			Margin:    servuction.Money{Amount: decimal.New(rng.Int64N(100000)-20000, -int32(rng.IntN(3))), Currency: "COP"},
			Promotion: rng.IntN(3) == 0, Tied: rng.IntN(4) == 0, Tier: PriceTier(rng.IntN(4))})
	}
	for range rng.IntN(3) * rng.IntN(8) {
		h.Contacts = append(h.Contacts, Contact{At: at(), Complaint: rng.IntN(3) > 0, Finding: Finding(rng.IntN(3)),
			Hostile: rng.IntN(3) == 0, Escalation: rng.IntN(4) == 0, Satisfaction: rng.IntN(6)})
	}
	for range rng.IntN(5) {
		h.Surveys = append(h.Surveys, Survey{At: at(), Rating: rng.IntN(6), WouldRecommend: rng.IntN(2) == 0, IntendsToBuy: rng.IntN(3) > 0})
	}
	for range rng.IntN(3) * rng.IntN(4) {
		h.Observations = append(h.Observations, Observation{At: at(), Personality: Personality(rng.IntN(7)), Motivation: Motivation(rng.IntN(3))})
	}
	return h
}

// Every rule's reason is written in English and Spanish. The golden file
// testdata/reasons.txt shows, for the first random history (fixed seed) that
// triggers each rule, both texts: the catalogue a translator reviews. The
// English texts are those of the library before the reasons became
// bilingual: a run over 30 000 random histories gave byte-identical English
// reasons before and after the change.
func TestReasonsBilingual(t *testing.T) {
	rules := []string{
		"behaviour.abusive", "behaviour.aggressive", "behaviour.chronic", "behaviour.empty", "behaviour.none",
		"behaviour.submissive", "behaviour.voicer", "motivation.inferred", "motivation.mixed", "motivation.none",
		"motivation.observed", "personality.none", "personality.observed", "profitability.band", "profitability.none",
		"profitability.nonpositive", "profitability.ungraded", "relationship.dependent", "relationship.economist",
		"relationship.erratic", "relationship.few", "relationship.loyal", "relationship.none", "relationship.not-loyal",
		"relationship.promotions",
	}
	cfgs := []Config{{}, {Bands: Bands{Profitable: cop("100000"), VeryProfitable: cop("500000")}},
		{Window: 90 * Day, LoyalMinTenure: 60 * Day, LoyalMaxGapCV: 2, LoyalMaxLapse: 5, MinPurchases: 2, ChronicMinComplaints: 2, AbusiveMinUnfounded: 1}}
	rng := rand.New(rand.NewPCG(1, 1))
	first := map[string]Reason{}
	for i := 0; i < 30000 && len(first) < len(rules); i++ {
		p, err := Classify(randomHistory(rng), now, cfgs[i%3])
		require.NoError(t, err)
		for _, r := range p.Reasons() {
			require.NotEmpty(t, r.Detail, r.Rule)
			require.NotEmpty(t, r.DetailES, r.Rule)
			require.NotEqual(t, r.Detail, r.DetailES, r.Rule)
			assert.Equal(t, r.Detail, r.In(English))
			assert.Equal(t, r.DetailES, r.In(Spanish))
			if _, seen := first[r.Rule]; !seen {
				first[r.Rule] = r
			}
		}
	}
	var b strings.Builder
	for _, rule := range rules {
		r, ok := first[rule]
		require.True(t, ok, "no history triggered %s", rule)
		fmt.Fprintf(&b, "%s\n  en: %s\n  es: %s\n", rule, r.Detail, r.DetailES)
	}
	got := make([]string, 0, len(first))
	for r := range first {
		got = append(got, r)
	}
	slices.Sort(got)
	assert.Equal(t, rules, got, "a rule not in the list")
	golden.Check(t, "reasons.txt", b.String())

	adv, err := RecommendLevel(20000, 0.5, LevelConfig{})
	require.NoError(t, err)
	assert.Equal(t, "tamaño del segmento 20000: muchos clientes (≥ 10000); margen 50%: alto (≥ 40%) → marketing responsable (tabla de Kotler)", adv.Reason.In(Spanish))
	assert.Equal(t, "x", Reason{Rule: "r", Detail: "x"}.In(Spanish), "without a Spanish text, the English one")
}

func TestAppendDecimalMatchesString(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	cases := []decimal.Decimal{decimal.Zero, {}, decimal.New(0, -2), decimal.New(-5, -3), decimal.New(120, -1), decimal.New(7, 5),
		decimal.New(-1, 0), decimal.RequireFromString("12345678901234567890.5"), decimal.New(3, -25), decimal.New(3, 25)}
	for range 5000 {
		cases = append(cases, decimal.New(rng.Int64N(2_000_000_000_000)-1_000_000_000_000, int32(rng.IntN(25)-12)))
	}
	for _, d := range cases {
		assert.Equal(t, d.String(), string(appendDecimal(nil, d)), "%v", d)
	}
}

// Text beyond the explainer's array spills to the heap intact.
func TestExplainerSpills(t *testing.T) {
	var e explainer
	long := strings.Repeat("abcdefghij", 150) // 1 500 bytes
	e.begin("r1")
	e.s(long)
	e.es()
	e.b([]byte(long)) // crosses the 2 048-byte array
	e.end()
	e.begin("r2")
	e.i(42)
	e.es()
	e.f(0.5, 0)
	e.s(" ")
	e.f(2.5, 0)
	e.s(" ")
	e.pct(0.125)
	e.end()
	rs := e.finish()
	require.Len(t, rs, 2)
	assert.Equal(t, Reason{Rule: "r1", Detail: long, DetailES: long}, rs[0])
	assert.Equal(t, Reason{Rule: "r2", Detail: "42", DetailES: "0 2 12%"}, rs[1], "%.0f rounds half to even")
}
