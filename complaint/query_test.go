package complaint

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestQueryValidate(t *testing.T) {
	due, _ := ParseCursor(CursorOf(ByDue, Summary{FirstSeq: 3}).String())
	tests := []struct {
		name string
		q    Query
		msg  string
	}{
		{"zero", Query{}, ""},
		{"all filters", Query{States: []State{Received}, Tiers: []Tier{Advisor}, Kinds: []Kind{Claim}, Assignee: "ana",
			Customer: "C", ReceivedFrom: at(0), ReceivedTo: at(1), SLA: SLAOverdue, At: at(2), Pending: true, Order: ByDue,
			Limit: MaxLimit, After: due.String()}, ""},
		{"undefined state", Query{States: []State{99}}, "state state(99) is not defined"},
		{"undefined tier", Query{Tiers: []Tier{9}}, "tier tier(9) is not defined"},
		{"undefined kind", Query{Kinds: []Kind{42}}, "kind kind(42) is not defined"},
		{"undefined SLA status", Query{SLA: 77}, "SLA status"},
		{"SLA without instant", Query{SLA: SLAAtRisk}, "SLA status at-risk needs the instant At"},
		{"no clock needs no instant", Query{SLA: SLANoClock}, ""},
		{"period backwards", Query{ReceivedFrom: at(5), ReceivedTo: at(1)}, "period ends at"},
		{"undefined order", Query{Order: 5}, "order order(5) is not defined"},
		{"negative limit", Query{Limit: -1}, "limit -1 outside 0..1000"},
		{"limit too large", Query{Limit: MaxLimit + 1}, "limit 1001 outside"},
		{"garbage cursor", Query{After: "nope!"}, `cursor "nope!": not a cursor`},
		{"cursor of another order", Query{After: due.String()}, "cursor of order due used with order receipt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.q.Validate()
			if tt.msg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidQuery)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
	err := Query{Limit: -3, States: []State{50}}.Validate()
	assert.Contains(t, err.Error(), "limit -3")
	assert.Contains(t, err.Error(), "state state(50)")
	assert.Equal(t, DefaultLimit, Query{}.PageSize())
	assert.Equal(t, 7, Query{Limit: 7}.PageSize())
}

// sampleSummary is a case of customer C-1, claim, at tier 2 with luis,
// received at minute 10, due at minute 100, at risk from minute 80, with a
// pending message.
func sampleSummary() Summary {
	return Summary{ID: "S", Kind: Claim, Customer: "C-1", State: InProgress, Tier: NetworkMember, Assignee: "luis",
		ReceivedAt: at(10).UTC(), DueAt: at(100).UTC(), RiskAt: at(80).UTC(), Pending: 1, Version: 4, FirstSeq: 7}
}

func TestQueryMatch(t *testing.T) {
	s := sampleSummary()
	tests := []struct {
		name string
		q    Query
		want bool
	}{
		{"no filter", Query{}, true},
		{"state", Query{States: []State{Received, InProgress}}, true},
		{"other state", Query{States: []State{Closed}}, false},
		{"tier", Query{Tiers: []Tier{NetworkMember}}, true},
		{"other tier", Query{Tiers: []Tier{Advisor, Specialist}}, false},
		{"kind", Query{Kinds: []Kind{Complaint, Claim}}, true},
		{"other kind", Query{Kinds: []Kind{Inquiry}}, false},
		{"assignee", Query{Assignee: "luis"}, true},
		{"other assignee", Query{Assignee: "ana"}, false},
		{"customer", Query{Customer: "C-1"}, true},
		{"other customer", Query{Customer: "C-2"}, false},
		{"period containing it", Query{ReceivedFrom: at(10), ReceivedTo: at(11)}, true},
		{"period ending at it", Query{ReceivedTo: at(10)}, false},
		{"period starting after it", Query{ReceivedFrom: at(10).Add(time.Nanosecond)}, false},
		{"pending", Query{Pending: true}, true},
		{"overdue just after the due instant", Query{SLA: SLAOverdue, At: at(100).Add(time.Nanosecond)}, true},
		{"not overdue at it: the target is used up, not exceeded", Query{SLA: SLAOverdue, At: at(100)}, false},
		{"at risk at the due instant", Query{SLA: SLAAtRisk, At: at(100)}, true},
		{"at risk at the risk instant", Query{SLA: SLAAtRisk, At: at(80)}, true},
		{"on time before the risk instant", Query{SLA: SLAOnTime, At: at(80).Add(-time.Nanosecond)}, true},
		{"attention when at risk", Query{SLA: SLAAttention, At: at(90)}, true},
		{"attention when overdue", Query{SLA: SLAAttention, At: at(200)}, true},
		{"attention when on time", Query{SLA: SLAAttention, At: at(20)}, false},
		{"no clock", Query{SLA: SLANoClock}, false},
		{"every filter at once", Query{States: []State{InProgress}, Tiers: []Tier{NetworkMember}, Kinds: []Kind{Claim},
			Assignee: "luis", Customer: "C-1", ReceivedFrom: at(0), ReceivedTo: at(20), SLA: SLAAtRisk, At: at(85), Pending: true}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.q.Match(s))
		})
	}
	s.Pending = 0
	assert.False(t, Query{Pending: true}.Match(s))
	s.DueAt, s.RiskAt = time.Time{}, time.Time{}
	assert.True(t, Query{SLA: SLANoClock}.Match(s))
	assert.Equal(t, SLANoClock, s.SLAStatus(at(1000)))
	s.DueAt = at(100)
	assert.Equal(t, SLAOnTime, s.SLAStatus(at(100)), "no risk instant: on time up to due")
}

func TestOrderCompare(t *testing.T) {
	a := Summary{FirstSeq: 1, DueAt: at(50)}
	b := Summary{FirstSeq: 2, DueAt: at(40)}
	c := Summary{FirstSeq: 3}
	d := Summary{FirstSeq: 4, DueAt: at(40)}
	assert.Negative(t, ByReceipt.Compare(a, b))
	assert.Positive(t, ByDue.Compare(a, b), "a is due later")
	assert.Positive(t, ByDue.Compare(c, a), "no due comes last")
	assert.Negative(t, ByDue.Compare(b, d), "same due: receipt order")
	assert.Zero(t, ByDue.Compare(c, c))
	p, err := Query{Order: ByDue}.Page([]Summary{c, a, d, b})
	require.NoError(t, err)
	assert.Equal(t, []uint64{2, 4, 1, 3}, seqsOf(p.Cases))
}

func seqsOf(ss []Summary) []uint64 {
	var out []uint64
	for _, s := range ss {
		out = append(out, s.FirstSeq)
	}
	return out
}

// TestQueryPage pages through 7 summaries 3 at a time in both orders.
func TestQueryPage(t *testing.T) {
	var all []Summary
	for i := range 7 {
		s := Summary{ID: fmt.Sprint("C", i), FirstSeq: uint64(10 + i), State: Received}
		if i%3 != 0 {
			s.DueAt = at(100 - i%2*50 + i)
		}
		all = append(all, s)
	}
	// Due at minute 100 − 50·(i mod 2) + i when i is not a multiple of 3:
	// case 1 at 51, 5 at 55, 2 at 102, 4 at 104, then 0, 3 and 6 without.
	for _, tt := range []struct {
		order Order
		want  []uint64
	}{
		{ByReceipt, []uint64{10, 11, 12, 13, 14, 15, 16}},
		{ByDue, []uint64{11, 15, 12, 14, 10, 13, 16}},
	} {
		t.Run(tt.order.String(), func(t *testing.T) {
			q := Query{Order: tt.order, Limit: 3}
			var got []uint64
			pages := 0
			for {
				p, err := q.Page(all)
				require.NoError(t, err)
				got = append(got, seqsOf(p.Cases)...)
				pages++
				if p.Next == "" {
					break
				}
				q.After = p.Next
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, 3, pages)
		})
	}
	p, err := Query{Limit: 7}.Page(all)
	require.NoError(t, err)
	assert.Len(t, p.Cases, 7)
	assert.Empty(t, p.Next, "an exactly full last page has no next")
	_, err = Query{Limit: -1}.Page(all)
	require.ErrorIs(t, err, ErrInvalidQuery)
}

func TestCursorText(t *testing.T) {
	for _, c := range []Cursor{
		{Order: ByReceipt, Seq: 0},
		{Order: ByReceipt, Seq: 1<<64 - 1},
		{Order: ByDue, Seq: 5},
		{Order: ByDue, Seq: 5, DueAt: time.Date(2026, 3, 2, 14, 0, 0, 123, time.UTC)},
		{Order: ByDue, Seq: 5, DueAt: time.Date(1066, 10, 14, 9, 0, 0, 0, time.UTC)},
	} {
		back, err := ParseCursor(c.String())
		require.NoError(t, err)
		assert.Equal(t, c, back)
		assert.NotContains(t, c.String(), ".", "opaque")
	}
	enc := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	for _, bad := range []string{"", "x", enc("c2.receipt.1"), enc("c1.sideways.1"), enc("c1.receipt.-1"), enc("c1.receipt.1.2"),
		enc("c1.due.1"), enc("c1.due.1.x.0"), enc("c1.due.1.5.1000000000"), enc("c1.receipt.01"), enc("c1.due.1.-62135596800.0")} {
		_, err := ParseCursor(bad)
		require.ErrorIs(t, err, ErrInvalidQuery, "%q", bad)
	}
	c := CursorOf(ByDue, Summary{FirstSeq: 4, DueAt: at(3)})
	assert.True(t, c.After(Summary{FirstSeq: 5, DueAt: at(3)}))
	assert.True(t, c.After(Summary{FirstSeq: 1, DueAt: at(4)}))
	assert.True(t, c.After(Summary{FirstSeq: 1}), "no due comes after any due")
	assert.False(t, c.After(Summary{FirstSeq: 4, DueAt: at(3)}))
	assert.False(t, c.After(Summary{FirstSeq: 9, DueAt: at(2)}))
}

// FuzzParseCursor: a cursor that parses prints as the same text; an error
// wraps ErrInvalidQuery.
func FuzzParseCursor(f *testing.F) {
	f.Add(CursorOf(ByDue, Summary{FirstSeq: 9, DueAt: at(1)}).String())
	f.Add(CursorOf(ByReceipt, Summary{FirstSeq: 9}).String())
	f.Add("YzEucmVjZWlwdC4x")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCursor(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidQuery) {
				t.Fatalf("error does not wrap ErrInvalidQuery: %v", err)
			}
			return
		}
		if c.String() != s {
			t.Fatalf("cursor %q prints as %q", s, c.String())
		}
	})
}

func TestOrderAndSLAStatusNames(t *testing.T) {
	for in, want := range map[string]Order{"receipt": ByReceipt, "Recepción": ByReceipt, "due": ByDue, "vencimiento": ByDue} {
		got, err := ParseOrder(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	for in, want := range map[string]SLAStatus{"overdue": SLAOverdue, "vencido": SLAOverdue, "en riesgo": SLAAtRisk,
		"a tiempo": SLAOnTime, "sin reloj": SLANoClock, "requiere atención": SLAAttention, "any": SLAAny} {
		got, err := ParseSLAStatus(in)
		require.NoError(t, err)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseOrder("sideways")
	require.ErrorIs(t, err, ErrInvalidValue)
	_, err = ParseSLAStatus("late-ish")
	require.ErrorIs(t, err, ErrInvalidValue)
	b, err := SLAAtRisk.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "at-risk", string(b))
	var s SLAStatus
	require.NoError(t, s.UnmarshalText([]byte("vencido")))
	assert.Equal(t, SLAOverdue, s)
	var o Order
	require.NoError(t, o.UnmarshalText([]byte("due")))
	assert.Equal(t, ByDue, o)
	b, err = o.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "due", string(b))
	_, err = Order(9).MarshalText()
	require.ErrorIs(t, err, ErrInvalidValue)
	assert.True(t, strings.HasPrefix(SLAStatus(9).String(), "SLA status("))
}
