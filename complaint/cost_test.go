package complaint

import (
	"fmt"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func costModel() CostModel {
	return CostModel{
		Currency:         "COP",
		Handling:         map[Tier]servuction.Money{Advisor: mustMoney("5000 COP"), NetworkMember: mustMoney("20000 COP"), Specialist: mustMoney("60000 COP")},
		CustomerValue:    mustMoney("300000 COP"),
		Informed:         decimal.NewFromInt(10),
		InformedLossRate: decimal.RequireFromString("0.1"),
	}
}

func costCases() []Case {
	cost := func(k CostKind, s string) Cost { return Cost{Kind: k, Amount: mustMoney(s)} }
	return []Case{
		{ID: "1", Intake: Intake{Kind: Claim}, ReceivedAt: at(0), HandledBy: []Tier{Advisor, NetworkMember},
			Resolution: Resolution{Cause: Negligence, CustomerLost: true}, Costs: []Cost{cost(Refund, "50000 COP"), cost(Credit, "20000 COP")}},
		{ID: "2", Intake: Intake{Kind: Complaint}, ReceivedAt: at(10), HandledBy: []Tier{Advisor},
			Resolution: Resolution{Cause: Indifference, CustomerLost: true}},
		{ID: "3", Intake: Intake{Kind: Complaint}, ReceivedAt: at(20), HandledBy: []Tier{Advisor},
			Resolution: Resolution{Cause: Negligence}, Costs: []Cost{cost(Legal, "100000 COP")}},
		{ID: "4", Intake: Intake{Kind: Inquiry}, ReceivedAt: at(30), HandledBy: []Tier{Advisor}},
		{ID: "5", Intake: Intake{Kind: Complaint}, ReceivedAt: at(40), HandledBy: []Tier{Advisor}, State: Merged},
	}
}

func TestCostReportByHand(t *testing.T) {
	var tally CostTally
	for _, c := range costCases() {
		require.NoError(t, tally.Add(c))
	}
	r, err := tally.Result(costModel())
	require.NoError(t, err)
	// Negligence: cases 1 and 3. Handling 5000+20000 (case 1) + 5000 (case 3)
	// = 30000; recorded 50000+20000+100000 = 170000; direct 200000. One
	// customer lost: (1 + 1×10×0.1) × 300000 = 600000. Total 800000.
	// Indifference: case 2: handling 5000; lost 1 → 600000; total 605000.
	// Unknown cause: case 4: handling 5000. Case 5 is a merged duplicate.
	// Grand total 1410000 = direct 210000 + indirect 1200000.
	assert.Equal(t, 4, r.Cases)
	assert.Equal(t, 2, r.Lost)
	assert.True(t, r.Informed.Equal(decimal.NewFromInt(2)), "2 lost × 10 informed × 0.1 = 2, got %s", r.Informed)
	for _, c := range []struct {
		name      string
		got, want servuction.Money
	}{
		{"handling", r.Handling, mustMoney("40000 COP")},
		{"direct", r.Direct, mustMoney("210000 COP")},
		{"indirect", r.Indirect, mustMoney("1200000 COP")},
		{"total", r.Total, mustMoney("1410000 COP")},
		{"refunds", r.ByKind[0].Amount, mustMoney("50000 COP")},
		{"credits", r.ByKind[1].Amount, mustMoney("20000 COP")},
		{"returns", r.ByKind[2].Amount, mustMoney("0 COP")},
		{"legal", r.ByKind[3].Amount, mustMoney("100000 COP")},
	} {
		assert.True(t, c.got.Equal(c.want), "%s: got %s, want %s", c.name, c.got, c.want)
	}
	require.Len(t, r.Pareto, 3)
	want := []struct {
		cause             Cause
		total             string
		share, cumulative float64
	}{
		{Negligence, "800000 COP", 800000.0 / 1410000, 800000.0 / 1410000},
		{Indifference, "605000 COP", 605000.0 / 1410000, 1405000.0 / 1410000},
		{CauseUnknown, "5000 COP", 5000.0 / 1410000, 1},
	}
	for i, w := range want {
		p := r.Pareto[i]
		assert.Equal(t, w.cause, p.Cause)
		assert.True(t, p.Total.Equal(mustMoney(w.total)), "%s: %s", w.cause, p.Total)
		assert.InDelta(t, w.share, p.Share, 1e-12)
		assert.InDelta(t, w.cumulative, p.Cumulative, 1e-12)
	}
}

func TestCostTallyMergeAndPeriod(t *testing.T) {
	cs := costCases()
	var all, a, b, c CostTally
	for _, x := range cs {
		require.NoError(t, all.Add(x))
	}
	require.NoError(t, a.Add(cs[0]))
	require.NoError(t, a.Add(cs[2]))
	require.NoError(t, b.Add(cs[1]))
	require.NoError(t, c.Add(cs[3]))
	require.NoError(t, c.Add(cs[4]))
	// (a+b)+c == a+(b+c) == one pass.
	left, right := a, b
	require.NoError(t, left.Merge(&b))
	require.NoError(t, left.Merge(&c))
	require.NoError(t, right.Merge(&c))
	aa := a
	require.NoError(t, aa.Merge(&right))
	sameTally(t, &all, &left)
	sameTally(t, &all, &aa)
	var empty CostTally
	require.NoError(t, empty.Merge(&all))
	sameTally(t, &all, &empty) // the zero tally is the identity

	// Period [minute 10, minute 30): cases 2 and 3 only.
	p := CostTally{From: at(10), To: at(30)}
	for _, x := range cs {
		require.NoError(t, p.Add(x))
	}
	r, err := p.Result(costModel())
	require.NoError(t, err)
	assert.Equal(t, 2, r.Cases)

	// Mixed currencies are refused and change nothing.
	usd := Case{ID: "6", ReceivedAt: at(5), Costs: []Cost{{Kind: Refund, Amount: mustMoney("10 USD")}}}
	require.ErrorIs(t, all.Add(usd), servuction.ErrCurrencyMismatch)
	sameTally(t, &left, &all) // unchanged
	var u CostTally
	require.NoError(t, u.Add(usd))
	require.ErrorIs(t, all.Merge(&u), servuction.ErrCurrencyMismatch)
	_, err = u.Result(costModel())
	require.ErrorIs(t, err, servuction.ErrCurrencyMismatch)
}

func TestCostModelValidate(t *testing.T) {
	m := costModel()
	m.Currency = "pesos"
	m.Handling[Tier(9)] = mustMoney("1 COP")
	m.CustomerValue = mustMoney("-1 COP")
	m.InformedLossRate = decimal.RequireFromString("1.5")
	m.Informed = decimal.NewFromInt(-1)
	err := m.Validate()
	require.ErrorIs(t, err, ErrInvalidConfig)
	for _, s := range []string{`currency "pesos"`, "tier(9)", "customer value -1 COP is negative", "informed -1 is negative", "loss rate 1.5"} {
		assert.Contains(t, err.Error(), s)
	}
}

func TestVolumePerFunction(t *testing.T) {
	kinds := []Kind{Complaint, Complaint, Complaint, Claim, Return, Return, Warranty, Compliment, Inquiry}
	var v, v1, v2 Volume
	for i, k := range kinds {
		c := Case{Intake: Intake{Kind: k}}
		v.Add(c)
		if i%2 == 0 {
			v1.Add(c)
		} else {
			v2.Add(c)
		}
	}
	v.Add(Case{Intake: Intake{Kind: Complaint}, State: Merged})
	rows, total := v.Result()
	assert.Equal(t, 9, total)
	want := map[Function]int{Incidents: 0, Complaints: 3, SuggestionsAndCompliments: 1, Claims: 1, AfterSales: 3, Information: 1}
	require.Len(t, rows, 6)
	for i, r := range rows {
		assert.Equal(t, Functions()[i], r.Function)
		assert.Equal(t, want[r.Function], r.Cases, "%s", r.Function)
		assert.InDelta(t, float64(want[r.Function])/9, r.Share, 1e-12)
	}
	// After-sales splits into return 2, repair 0, warranty 1.
	assert.Equal(t, []KindVolume{{Return, 2}, {Repair, 0}, {Warranty, 1}}, rows[4].ByKind)
	v1.Merge(&v2)
	r1, t1 := v1.Result()
	assert.Equal(t, 9, t1)
	assert.Equal(t, rows, r1)
}

// sameTally compares two tallies through their reports (decimals compare
// with Equal, not ==).
func sameTally(t *testing.T, a, b *CostTally) {
	t.Helper()
	ra, err := a.Result(costModel())
	require.NoError(t, err)
	rb, err := b.Result(costModel())
	require.NoError(t, err)
	assert.Equal(t, ra.Cases, rb.Cases)
	assert.Equal(t, ra.Lost, rb.Lost)
	assert.True(t, ra.Informed.Equal(rb.Informed))
	for _, m := range [][2]servuction.Money{{ra.Handling, rb.Handling}, {ra.Direct, rb.Direct}, {ra.Indirect, rb.Indirect}, {ra.Total, rb.Total}} {
		assert.True(t, m[0].Equal(m[1]), "%s != %s", m[0], m[1])
	}
	require.Equal(t, len(ra.Pareto), len(rb.Pareto))
	for i := range ra.Pareto {
		assert.Equal(t, ra.Pareto[i].Cause, rb.Pareto[i].Cause)
		assert.Equal(t, ra.Pareto[i].Cases, rb.Pareto[i].Cases)
		assert.True(t, ra.Pareto[i].Total.Equal(rb.Pareto[i].Total))
	}
	for i := range ra.ByKind {
		assert.True(t, ra.ByKind[i].Amount.Equal(rb.ByKind[i].Amount))
	}
}

// TestCostValidateBounds checks the edges of Cost.Validate: a zero amount is a
// cost (a free replacement), exponents up to ±18 are accepted and ±19 are not.
func TestCostValidateBounds(t *testing.T) {
	money := func(v int64, exp int32) servuction.Money {
		return servuction.Money{Amount: decimal.New(v, exp), Currency: "COP"}
	}
	tests := []struct {
		name string
		cost Cost
		msg  string // "" for valid
	}{
		{"zero amount", Cost{Kind: ReturnCost, Amount: money(0, 0)}, ""},
		{"smallest exponent", Cost{Kind: Refund, Amount: money(1, -18)}, ""},
		{"exponent below range", Cost{Kind: Refund, Amount: money(1, -19)}, "exponent -19 out of range ±18"},
		{"largest exponent", Cost{Kind: Refund, Amount: money(1, 18)}, ""},
		{"exponent above range", Cost{Kind: Refund, Amount: money(1, 19)}, "exponent 19 out of range ±18"},
		{"negative", Cost{Kind: Refund, Amount: money(-1, 0)}, "is negative"},
		{"no currency", Cost{Kind: Refund, Amount: servuction.Money{Amount: decimal.NewFromInt(5)}}, "ISO 4217"},
		{"bad currency", Cost{Kind: Refund, Amount: servuction.Money{Amount: decimal.NewFromInt(5), Currency: "peso"}}, "ISO 4217"},
		{"unknown kind", Cost{Amount: money(5, 0)}, "kind unknown"},
		{"undefined kind", Cost{Kind: CostKind(99), Amount: money(5, 0)}, "is not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.cost.Validate()
			if tt.msg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidEvent)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// TestCostModelValidateBounds checks the edges of CostModel.Validate: zero
// amounts and counts, and a loss rate of exactly 0 or 1, are valid.
func TestCostModelValidateBounds(t *testing.T) {
	tests := []struct {
		name   string
		change func(*CostModel)
		msg    string // "" for valid
	}{
		{"zero customer value", func(m *CostModel) { m.CustomerValue = mustMoney("0 COP") }, ""},
		{"zero handling", func(m *CostModel) { m.Handling[Advisor] = mustMoney("0 COP") }, ""},
		{"negative handling", func(m *CostModel) { m.Handling[Specialist] = mustMoney("-1 COP") }, "handling at tier specialist -1 COP is negative"},
		{"handling in another currency", func(m *CostModel) { m.Handling[NetworkMember] = mustMoney("5 USD") }, "handling at tier network-member 5 USD is not in COP"},
		{"handling for no tier", func(m *CostModel) { m.Handling[TierUnknown] = mustMoney("5 COP") }, "handling for tier unknown"},
		{"nobody informed", func(m *CostModel) { m.Informed = decimal.Zero }, ""},
		{"loss rate 0", func(m *CostModel) { m.InformedLossRate = decimal.Zero }, ""},
		{"loss rate 1", func(m *CostModel) { m.InformedLossRate = decimal.NewFromInt(1) }, ""},
		{"loss rate below 0", func(m *CostModel) { m.InformedLossRate = decimal.RequireFromString("-0.01") }, "loss rate -0.01 is outside"},
		{"loss rate above 1", func(m *CostModel) { m.InformedLossRate = decimal.RequireFromString("1.01") }, "loss rate 1.01 is outside"},
		{"no currency", func(m *CostModel) { m.Currency = ""; m.Handling = nil; m.CustomerValue = servuction.Money{} }, `currency ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := costModel()
			tt.change(&m)
			err := m.Validate()
			if tt.msg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidConfig)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// TestCostTallyPeriodBounds checks that the period is [From, To): a case
// received exactly at From counts, one received exactly at To does not.
func TestCostTallyPeriodBounds(t *testing.T) {
	tests := []struct {
		name     string
		from, to time.Time
		received time.Time
		want     int
	}{
		{"at From", at(10), at(20), at(10), 1},
		{"just before From", at(10), at(20), at(10).Add(-time.Nanosecond), 0},
		{"just before To", at(10), at(20), at(20).Add(-time.Nanosecond), 1},
		{"at To", at(10), at(20), at(20), 0},
		{"open From", time.Time{}, at(20), at(-1000), 1},
		{"open To", at(10), time.Time{}, at(100000), 1},
		{"not received", time.Time{}, time.Time{}, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tally := CostTally{From: tt.from, To: tt.to}
			require.NoError(t, tally.Add(Case{ID: "P", ReceivedAt: tt.received, HandledBy: []Tier{Advisor}}))
			r, err := tally.Result(costModel())
			require.NoError(t, err)
			assert.Equal(t, tt.want, r.Cases)
			// Handling: 5000 COP at the advisor tier per case counted.
			assert.True(t, r.Handling.Equal(mustMoney(fmt.Sprintf("%d COP", 5000*tt.want))), "%s", r.Handling)
		})
	}
}

// TestCostTallyCurrencyAdoption checks that a tally takes its currency from
// the first costs it sees, directly or through Merge, and keeps it.
func TestCostTallyCurrencyAdoption(t *testing.T) {
	usd := Case{ID: "U", ReceivedAt: at(0), Costs: []Cost{{Kind: Refund, Amount: mustMoney("10 USD")}}}
	cop := Case{ID: "C", ReceivedAt: at(0), Costs: []Cost{{Kind: Refund, Amount: mustMoney("10 COP")}}}
	plain := Case{ID: "N", ReceivedAt: at(0)} // no costs: no currency

	// An empty tally merging a COP tally becomes COP: a USD case is refused.
	var copTally, empty CostTally
	require.NoError(t, copTally.Add(cop))
	require.NoError(t, empty.Merge(&copTally))
	require.ErrorIs(t, empty.Add(usd), servuction.ErrCurrencyMismatch)

	// A COP tally merging a tally without currency stays COP: a USD model is
	// refused.
	var none CostTally
	require.NoError(t, none.Add(plain))
	require.NoError(t, copTally.Merge(&none))
	m := costModel()
	m.Currency, m.Handling, m.CustomerValue = "USD", nil, mustMoney("1 USD")
	_, err := copTally.Result(m)
	require.ErrorIs(t, err, servuction.ErrCurrencyMismatch)
	// The tally without currency prices in any model's currency.
	_, err = none.Result(m)
	require.NoError(t, err)

	// A case whose costs mix currencies is refused on its own.
	mixed := Case{ID: "M", ReceivedAt: at(0), Costs: []Cost{cop.Costs[0], usd.Costs[0]}}
	var fresh CostTally
	require.ErrorIs(t, fresh.Add(mixed), servuction.ErrCurrencyMismatch)
	require.NoError(t, fresh.Add(usd), "the refused case left no currency behind")
	// A cost of undefined kind is refused.
	bad := Case{ID: "B", ReceivedAt: at(0), Costs: []Cost{{Kind: CostKind(42), Amount: mustMoney("1 USD")}}}
	require.ErrorIs(t, fresh.Add(bad), ErrInvalidValue)
}
