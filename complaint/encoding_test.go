package complaint

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPolicyJSON(t *testing.T) {
	p := Policy{ReopenWindow: 14 * 24 * time.Hour, MaxCallbackAttempts: 3}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"reopen_window":"14d","max_callback_attempts":3}`, string(b))
	var q Policy
	require.NoError(t, json.Unmarshal(b, &q))
	assert.Equal(t, p, q)
	for _, bad := range []string{`{"reopen_window":"-1d"}`, `{"max_callback_attempts":-2}`, `{"window":"1d"}`, `{"reopen_window":3}`} {
		err := json.Unmarshal([]byte(bad), &q)
		assert.ErrorIs(t, err, ErrInvalidConfig, bad)
		assert.Equal(t, p, q, "unchanged after %s", bad)
	}
}

func TestCostModelJSON(t *testing.T) {
	m := costModel()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"network-member":"20000 COP"`)
	var back CostModel
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Validate())
	assert.True(t, back.Handling[NetworkMember].Equal(m.Handling[NetworkMember]))
	assert.True(t, back.InformedLossRate.Equal(m.InformedLossRate))
	err = json.Unmarshal([]byte(`{"currency":"COP","customer_value":"1 USD","informed":"1","informed_loss_rate":"0.1"}`), &back)
	require.ErrorIs(t, err, ErrInvalidConfig)
	assert.Contains(t, err.Error(), "customer value 1 USD is not in COP")
}

func FuzzPolicyJSON(f *testing.F) {
	f.Add(`{"reopen_window":"14d","max_callback_attempts":3}`)
	f.Add(`{"reopen_window":"90m"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p Policy
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidConfig) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("decoded an invalid policy: %v", err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q Policy
		if err := json.Unmarshal(b, &q); err != nil || q != p {
			t.Fatalf("round trip %s: %+v, %v; want %+v", b, q, err, p)
		}
	})
}

func FuzzCostModelJSON(f *testing.F) {
	f.Add(`{"currency":"COP","handling":{"advisor":"5000 COP"},"customer_value":"300000 COP","informed":"10","informed_loss_rate":"0.1"}`)
	f.Add(`{"currency":"USD","customer_value":"1 USD","informed":"0","informed_loss_rate":"1"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var m CostModel
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidConfig) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("decoded an invalid model: %v", err)
		}
	})
}

// FuzzReview: any reply text scores each P in [0, 1] with a reason, and a
// total that is their mean.
func FuzzReview(f *testing.F) {
	f.Add("Estimada María: gracias. Le invitamos a nuestra promoción. Atentamente", "María", uint8(1))
	f.Add("hey dude gonna CHECK!!", "John", uint8(2))
	r, err := NewReviewer(ReviewConfig{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, name string, lang uint8) {
		if !utf8.ValidString(text) {
			return
		}
		rv, err := r.Review(Reply{Text: text, Customer: name, Case: "K-1", Language: Language(lang % 4),
			Received: t0, Sent: t0.Add(time.Hour), Target: time.Hour})
		if err != nil {
			if !errors.Is(err, ErrInvalidValue) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		sum := 0.0
		for _, s := range rv.Scores {
			if s.Score < 0 || s.Score > 1 || len(s.Reasons) == 0 {
				t.Fatalf("%s: score %v reasons %v", s.P, s.Score, s.Reasons)
			}
			sum += s.Score
		}
		if d := sum/5 - rv.Total; d > 1e-9 || d < -1e-9 {
			t.Fatalf("total %v, mean %v", rv.Total, sum/5)
		}
	})
}

// TestCostTallyJSONByHand: the tally of costCases encoded, against the
// state read off the cases by hand, and back.
func TestCostTallyJSONByHand(t *testing.T) {
	tally := CostTally{From: at(0).UTC(), To: at(60).UTC()}
	for _, c := range costCases() {
		require.NoError(t, tally.Add(c))
	}
	b, err := json.Marshal(tally)
	require.NoError(t, err)
	// Unknown cause: case 4 (advisor). Indifference: case 2 (advisor, lost).
	// Negligence: cases 1 (advisor and network member, lost, refund 50000,
	// credit 20000) and 3 (advisor, legal 100000). Case 5 is merged.
	const want = `{"from":"2026-03-02T14:00:00Z","to":"2026-03-02T15:00:00Z","currency":"COP","causes":[` +
		`{"cause":"unknown","cases":1,"tiers":[{"tier":"advisor","cases":1}]},` +
		`{"cause":"indifference","cases":1,"lost":1,"tiers":[{"tier":"advisor","cases":1}]},` +
		`{"cause":"negligence","cases":2,"lost":1,"tiers":[{"tier":"advisor","cases":2},{"tier":"network-member","cases":1}],` +
		`"costs":[{"kind":"refund","amount":"50000"},{"kind":"credit","amount":"20000"},{"kind":"legal","amount":"100000"}]}]}`
	assert.Equal(t, want, string(b))
	var back CostTally
	require.NoError(t, json.Unmarshal(b, &back))
	sameTally(t, &tally, &back)
	again, err := json.Marshal(back)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
	// The decoded tally goes on adding and merging like the original.
	extra := Case{ID: "7", ReceivedAt: at(50), HandledBy: []Tier{Specialist}, Resolution: Resolution{Cause: Abuse},
		Costs: []Cost{{Kind: Legal, Amount: mustMoney("5 COP")}}}
	require.NoError(t, tally.Add(extra))
	require.NoError(t, back.Add(extra))
	sameTally(t, &tally, &back)

	var zero CostTally
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
	require.NoError(t, json.Unmarshal(b, &zero))
	require.NoError(t, zero.Add(costCases()[0]), "a decoded empty tally is usable")
}

func TestCostTallyJSONRefuses(t *testing.T) {
	good := CostTally{}
	require.NoError(t, good.Add(costCases()[0]))
	before, _ := json.Marshal(good)
	tests := []struct{ name, in, msg string }{
		{"not JSON", `{`, "unexpected EOF"},
		{"unknown field", `{"currency":"COP","extra":1}`, "unknown field"},
		{"trailing data", `{} {}`, "trailing data"},
		{"bad currency", `{"currency":"pesos"}`, `currency "pesos"`},
		{"period backwards", `{"from":"2026-03-02T15:00:00Z","to":"2026-03-02T14:00:00Z"}`, "period ends"},
		{"cause twice", `{"causes":[{"cause":"abuse","cases":1},{"cause":"abuse","cases":1}]}`, "cause abuse out of order"},
		{"causes out of order", `{"causes":[{"cause":"abuse","cases":1},{"cause":"negligence","cases":1}]}`, "out of order"},
		{"undefined cause", `{"causes":[{"cause":"greed","cases":1}]}`, "greed"},
		{"no cases", `{"causes":[{"cause":"abuse","cases":0}]}`, "0 cases"},
		{"more lost than cases", `{"causes":[{"cause":"abuse","cases":1,"lost":2}]}`, "1 cases and 2 customers lost"},
		{"unknown tier", `{"causes":[{"cause":"abuse","cases":1,"tiers":[{"tier":"unknown","cases":1}]}]}`, "tier unknown"},
		{"more at a tier than cases", `{"causes":[{"cause":"abuse","cases":1,"tiers":[{"tier":"advisor","cases":2}]}]}`, "2 cases at tier advisor of 1"},
		{"cost without currency", `{"causes":[{"cause":"abuse","cases":1,"costs":[{"kind":"refund","amount":"5"}]}]}`, "positive amounts in the tally's currency"},
		{"negative cost", `{"currency":"COP","causes":[{"cause":"abuse","cases":1,"costs":[{"kind":"refund","amount":"-5"}]}]}`, "cost -5 of refund"},
		{"huge exponent", `{"currency":"COP","causes":[{"cause":"abuse","cases":1,"costs":[{"kind":"refund","amount":"1e400"}]}]}`, "exponent 400"},
		{"kinds out of order", `{"currency":"COP","causes":[{"cause":"abuse","cases":1,"costs":[{"kind":"legal","amount":"5"},{"kind":"refund","amount":"5"}]}]}`, "cost kind refund out of order"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := good
			err := got.UnmarshalJSON([]byte(tt.in))
			require.ErrorIs(t, err, ErrInvalidValue)
			assert.Contains(t, err.Error(), tt.msg)
			after, _ := json.Marshal(got)
			assert.Equal(t, string(before), string(after), "unchanged")
		})
	}
}

func TestVolumeJSON(t *testing.T) {
	var v Volume
	for _, k := range []Kind{Claim, Complaint, Claim, KindUnknown, Warranty} {
		v.Add(Case{Intake: Intake{Kind: k}})
	}
	b, err := json.Marshal(v)
	require.NoError(t, err)
	assert.Equal(t, `{"kinds":[{"kind":"unknown","cases":1},{"kind":"complaint","cases":1},{"kind":"claim","cases":2},{"kind":"warranty","cases":1}]}`, string(b))
	var back Volume
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, v, back)
	for _, bad := range []string{`{"kinds":[{"kind":"claim","cases":0}]}`, `{"kinds":[{"kind":"claim","cases":1},{"kind":"complaint","cases":1}]}`,
		`{"kinds":[{"kind":"gossip","cases":1}]}`, `{"kinds":[],"x":1}`, `[]`, `{}{}`} {
		got := back
		require.ErrorIs(t, got.UnmarshalJSON([]byte(bad)), ErrInvalidValue, bad)
		assert.Equal(t, back, got, "unchanged after %s", bad)
	}
	var zero Volume
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, `{}`, string(b))
}

// randomCostCase returns a case with random cause, tiers, loss and costs.
func randomCostCase(r *rand.Rand, i int) Case {
	c := Case{ID: fmt.Sprint(i), Intake: Intake{Kind: Kind(1 + r.IntN(10))}, ReceivedAt: at(r.IntN(1000)),
		Resolution: Resolution{Cause: Cause(r.IntN(8)), CustomerLost: r.IntN(4) == 0}}
	for _, tier := range Tiers() {
		if r.IntN(2) == 0 {
			c.HandledBy = append(c.HandledBy, tier)
		}
	}
	for range r.IntN(3) {
		amount := decimal.New(r.Int64N(1_000_000), -int32(r.IntN(3)))
		c.Costs = append(c.Costs, Cost{Kind: CostKind(r.IntN(6)), Amount: servuction.Money{Amount: amount, Currency: "COP"}})
	}
	if r.IntN(20) == 0 {
		c.State = Merged
	}
	return c
}

// TestAccumulatorShardsMergeExactly is issue 17's property: random cases
// (fixed seed) split into random shards, each shard's tally and volume
// encoded and decoded, merged in random order, equal one pass over all the
// cases, to the last byte of their encoding.
func TestAccumulatorShardsMergeExactly(t *testing.T) {
	r := rand.New(rand.NewPCG(17, 2026))
	for round := range 20 {
		n := 1 + r.IntN(300)
		var cases []Case
		for i := range n {
			cases = append(cases, randomCostCase(r, i))
		}
		period := CostTally{From: at(100), To: at(900)}
		one, oneVol := period, Volume{}
		for _, c := range cases {
			require.NoError(t, one.Add(c))
			oneVol.Add(c)
		}
		shards := 1 + r.IntN(8)
		tallies := make([]CostTally, shards)
		vols := make([]Volume, shards)
		for i := range tallies {
			tallies[i] = period
		}
		for _, c := range cases {
			k := r.IntN(shards)
			require.NoError(t, tallies[k].Add(c))
			vols[k].Add(c)
		}
		var merged CostTally
		var mergedVol Volume
		for i, k := range r.Perm(shards) {
			var tk CostTally
			var vk Volume
			b, err := json.Marshal(tallies[k])
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &tk))
			b, err = json.Marshal(vols[k])
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(b, &vk))
			if i == 0 { // the first decoded shard carries the period
				merged = tk
				mergedVol = vk
				continue
			}
			require.NoError(t, merged.Merge(&tk))
			mergedVol.Merge(&vk)
		}
		want, _ := json.Marshal(one)
		got, _ := json.Marshal(merged)
		assert.JSONEq(t, string(want), string(got), "round %d: %d cases in %d shards", round, n, shards)
		assert.Equal(t, string(want), string(got))
		sameTally(t, &one, &merged)
		assert.Equal(t, oneVol, mergedVol, "round %d", round)
	}
}

// FuzzCostTallyJSON decodes arbitrary bytes as a tally. Invariants: a
// refusal wraps ErrInvalidValue; an accepted tally encodes to a form that
// decodes to the same state and encodes the same again, and prices.
func FuzzCostTallyJSON(f *testing.F) {
	var tally CostTally
	for _, c := range costCases() {
		_ = tally.Add(c)
	}
	b, _ := json.Marshal(tally)
	f.Add(string(b))
	f.Add(`{}`)
	f.Add(`{"currency":"COP","causes":[{"cause":"abuse","cases":2,"lost":1,"tiers":[{"tier":"advisor","cases":1}],"costs":[{"kind":"refund","amount":"0.5"}]}]}`)
	f.Fuzz(func(t *testing.T, s string) {
		var got CostTally
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidValue) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		var again CostTally
		if err := json.Unmarshal(b, &again); err != nil {
			t.Fatalf("own encoding %s refused: %v", b, err)
		}
		if b2, _ := json.Marshal(again); string(b2) != string(b) {
			t.Fatalf("re-encoding changed:\n%s\n%s", b, b2)
		}
		m := costModel()
		if got.currency != "" {
			m.Currency = got.currency
			m.Handling, m.CustomerValue = nil, servuction.Money{Amount: decimal.Zero, Currency: got.currency}
		}
		if _, err := got.Result(m); err != nil {
			t.Fatalf("decoded tally does not price: %v", err)
		}
	})
}

// FuzzVolumeJSON decodes arbitrary bytes as a volume. Invariants: a
// refusal wraps ErrInvalidValue; an accepted volume round-trips.
func FuzzVolumeJSON(f *testing.F) {
	f.Add(`{"kinds":[{"kind":"claim","cases":2}]}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var got Volume
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidValue) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		b, err := json.Marshal(got)
		if err != nil {
			t.Fatal(err)
		}
		var again Volume
		if err := json.Unmarshal(b, &again); err != nil || again != got {
			t.Fatalf("round trip of %s: %v, %v", b, again, err)
		}
	})
}
