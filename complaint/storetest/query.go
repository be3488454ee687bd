package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sla"
)

// agreement: first response 1 h (30 min for high priority), resolution 8 h
// (4 h for high), counted 24×7, at risk past 80 %.
func agreement(t testing.TB) *sla.Agreement {
	a, err := sla.NewAgreement(sla.AgreementConfig{Name: "storetest", Kind: sla.CustomerBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour, sla.High: 30 * time.Minute}},
		{Metric: sla.Resolution, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.Normal: 8 * time.Hour, sla.High: 4 * time.Hour}},
	}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// fixtureDesk returns a desk with the agreement and a messenger that texts
// and e-mails luis, without a notifier: messages stay pending.
func fixtureDesk(t testing.TB, s complaint.Store) *complaint.Desk {
	d, err := complaint.NewDesk(complaint.DeskConfig{Store: s, Agreement: agreement(t),
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{"luis": {Phone: "+57 300", Email: "luis@red.example"}})})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// addCase receives case i of the fixture and walks it i mod 8 steps along
// the lifecycle, one step every 3 minutes from its receipt at 17·i minutes:
// acknowledged, assigned to ana, started, escalated to luis, started, then
// resolved and closed, or (when i mod 3 is 2) waiting for the customer and
// resumed.
func addCase(t testing.TB, d *complaint.Desk, i int) {
	ctx := context.Background()
	id := fmt.Sprintf("Q-%02d", i)
	received := base.Add(time.Duration(17*i) * time.Minute)
	sev := complaint.SeverityMedium
	if i%3 == 0 {
		sev = complaint.SeverityHigh
	}
	kinds := []complaint.Kind{complaint.Complaint, complaint.Claim, complaint.Inquiry, complaint.Incident}
	evs := []complaint.Event{
		{Type: complaint.Receive, Intake: &complaint.Intake{Kind: kinds[i%4], Severity: sev, Customer: fmt.Sprint("C-", i%5)}},
		{Type: complaint.Acknowledge},
		{Type: complaint.Assign, ToTier: complaint.Advisor, Assignee: "ana"},
		{Type: complaint.Start},
		{Type: complaint.Escalate, Assignee: "luis", Reason: "needs a visit", Note: "hand-off"},
		{Type: complaint.Start},
		{Type: complaint.Resolve, Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Remedy: "credit", Cause: complaint.ProcessCause}},
		{Type: complaint.Close},
	}
	if i%3 == 2 { // waits for the customer instead of resolving
		evs[6] = complaint.Event{Type: complaint.WaitForCustomer, Note: "send the invoice"}
		evs[7] = complaint.Event{Type: complaint.Resume}
	}
	for k, ev := range evs[:1+i%8] {
		ev.Case, ev.Actor, ev.At = id, "ana", received.Add(time.Duration(3*k)*time.Minute)
		if _, err := d.Apply(ctx, ev); err != nil {
			t.Fatalf("case %s step %d (%s): %v", id, k, ev.Type, err)
		}
	}
}

// fixture stores 24 cases in every stage of the lifecycle.
func fixture(t testing.TB, s complaint.Store) *complaint.Desk {
	d := fixtureDesk(t, s)
	for i := range 24 {
		addCase(t, d, i)
	}
	return d
}

// reference folds every case's summary from the trail, in receipt order.
func reference(t testing.TB, s complaint.Store) []complaint.Summary {
	all, err := s.Entries(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	index := map[string]int{}
	var out []complaint.Summary
	for _, e := range all {
		i, ok := index[e.Event.Case]
		if !ok {
			i = len(out)
			index[e.Event.Case] = i
			out = append(out, complaint.Summary{})
		}
		if err := out[i].Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// norm puts a summary's instants in UTC, so that a store may give back its
// own *time.Location for UTC; the instants must be exact to the nanosecond.
func norm(ss []complaint.Summary) []complaint.Summary {
	out := make([]complaint.Summary, len(ss))
	for i, s := range ss {
		s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt = s.ReceivedAt.UTC(), s.UpdatedAt.UTC(), s.DueAt.UTC(), s.RiskAt.UTC()
		out[i] = s
	}
	return out
}

func ids(ss []complaint.Summary) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}

// pages reads every page of q from the store.
func pages(t testing.TB, qs complaint.Querier, q complaint.Query) [][]complaint.Summary {
	var out [][]complaint.Summary
	for range 1000 {
		p, err := qs.Query(context.Background(), q)
		if err != nil {
			t.Fatalf("Query %+v: %v", q, err)
		}
		out = append(out, p.Cases)
		if p.Next == "" {
			return out
		}
		q.After = p.Next
	}
	t.Fatalf("Query %+v: more than 1000 pages", q)
	return nil
}

var openStates = []complaint.State{complaint.Received, complaint.Acknowledged, complaint.Assigned, complaint.InProgress,
	complaint.WaitingCustomer, complaint.WaitingThirdParty, complaint.Disputed}

// testQueryFilters: every filter alone and combined, in both orders, at
// three page sizes, against the summaries folded from the trail
// ([complaint.Query.Page]); counts too.
func testQueryFilters(t testing.TB, s complaint.Store) {
	qs, ok := s.(complaint.Querier)
	if !ok {
		t.Skip("the store is not a complaint.Querier")
	}
	fixture(t, s)
	ref := reference(t, s)
	at := base.Add(4 * time.Hour)
	queries := []struct {
		name string
		q    complaint.Query
	}{
		{"all", complaint.Query{}},
		{"states", complaint.Query{States: []complaint.State{complaint.InProgress, complaint.Assigned}}},
		{"closed", complaint.Query{States: []complaint.State{complaint.Closed}}},
		{"open", complaint.Query{States: openStates}},
		{"tier", complaint.Query{Tiers: []complaint.Tier{complaint.NetworkMember}}},
		{"no tier", complaint.Query{Tiers: []complaint.Tier{complaint.TierUnknown}}},
		{"kinds", complaint.Query{Kinds: []complaint.Kind{complaint.Claim, complaint.Incident}}},
		{"assignee", complaint.Query{Assignee: "luis"}},
		{"customer", complaint.Query{Customer: "C-2"}},
		{"opening period", complaint.Query{ReceivedFrom: base.Add(time.Hour), ReceivedTo: base.Add(3 * time.Hour)}},
		{"opened since", complaint.Query{ReceivedFrom: base.Add(5 * time.Hour)}},
		{"overdue", complaint.Query{SLA: complaint.SLAOverdue, At: at}},
		{"at risk", complaint.Query{SLA: complaint.SLAAtRisk, At: base.Add(6 * time.Hour)}},
		{"on time", complaint.Query{SLA: complaint.SLAOnTime, At: at}},
		{"attention", complaint.Query{SLA: complaint.SLAAttention, At: at}},
		{"no clock", complaint.Query{SLA: complaint.SLANoClock}},
		{"pending", complaint.Query{Pending: true}},
		{"combined", complaint.Query{States: openStates, Kinds: []complaint.Kind{complaint.Complaint, complaint.Claim, complaint.Incident},
			SLA: complaint.SLAAttention, At: at, ReceivedTo: base.Add(5 * time.Hour)}},
	}
	for _, tt := range queries {
		n := 0
		for _, s := range ref {
			if tt.q.Match(s) {
				n++
			}
		}
		if tt.name != "all" && (n == 0 || n == len(ref)) {
			t.Fatalf("fixture: query %s matches %d of %d cases, it filters nothing", tt.name, n, len(ref))
		}
		for _, order := range []complaint.Order{complaint.ByReceipt, complaint.ByDue} {
			for _, limit := range []int{1, 5, 0} {
				q := tt.q
				q.Order, q.Limit = order, limit
				checkPages(t, fmt.Sprintf("%s/%s/%d", tt.name, order, limit), qs, ref, q)
			}
		}
		got, err := qs.Count(context.Background(), tt.q)
		if err != nil || got != n {
			t.Errorf("Count %s = %d, %v; want %d", tt.name, got, err, n)
		}
		limited := tt.q
		limited.Limit, limited.Order = 1, complaint.ByDue
		if got, err := qs.Count(context.Background(), limited); err != nil || got != n {
			t.Errorf("Count %s ignoring order and limit = %d, %v; want %d", tt.name, got, err, n)
		}
	}
}

// checkPages compares the store's pages of q with the reference's, page by
// page.
func checkPages(t testing.TB, name string, qs complaint.Querier, ref []complaint.Summary, q complaint.Query) {
	got := pages(t, qs, q)
	var want [][]complaint.Summary
	rq := q
	for {
		p, err := rq.Page(ref)
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, p.Cases)
		if p.Next == "" {
			break
		}
		rq.After = p.Next
	}
	if len(got) != len(want) {
		var flat []complaint.Summary
		for _, p := range got {
			flat = append(flat, p...)
		}
		t.Errorf("query %s: %d pages, want %d: got %v", name, len(got), len(want), ids(flat))
		return
	}
	for i := range got {
		if !reflect.DeepEqual(norm(got[i]), norm(want[i])) {
			t.Errorf("query %s: page %d:\n got %v %+v\nwant %v %+v", name, i+1, ids(got[i]), got[i], ids(want[i]), want[i])
			return
		}
	}
}

// testQueryPagesStable: paging through the open cases while new cases are
// received, and a case already listed is withdrawn, returns every case that
// was open once, in receipt order, then the new ones: none twice, none
// skipped (a cursor is a position in the order, not an offset).
func testQueryPagesStable(t testing.TB, s complaint.Store) {
	qs, ok := s.(complaint.Querier)
	if !ok {
		t.Skip("the store is not a complaint.Querier")
	}
	d := fixture(t, s)
	var before []string
	for _, sum := range reference(t, s) {
		if slices.Contains(openStates, sum.State) {
			before = append(before, sum.ID)
		}
	}
	q := complaint.Query{States: openStates, Limit: 4}
	var got, added []string
	next := 24
	for range 100 {
		p, err := qs.Query(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, ids(p.Cases)...)
		if p.Next == "" {
			break
		}
		q.After = p.Next
		if len(got) == 4 {
			// The first case listed leaves the filter.
			if _, err := d.Apply(context.Background(), complaint.Event{Type: complaint.Withdraw, Case: got[0],
				At: base.Add(24 * time.Hour), Actor: "ana", Reason: "solved by the customer"}); err != nil {
				t.Fatal(err)
			}
		}
		if next < 30 {
			// Received after every case so far, and open (stages 0 to 5).
			addCase(t, d, next)
			added = append(added, fmt.Sprintf("Q-%02d", next))
			next++
		}
	}
	want := append(before, added...)
	if !slices.Equal(got, want) {
		t.Errorf("pages while cases arrive:\n got %v\nwant %v", got, want)
	}
}

// testQueryByDue: the due order puts the earliest deadline first and the
// cases without a running clock last, ties in receipt order.
func testQueryByDue(t testing.TB, s complaint.Store) {
	qs, ok := s.(complaint.Querier)
	if !ok {
		t.Skip("the store is not a complaint.Querier")
	}
	fixture(t, s)
	var got []complaint.Summary
	for _, p := range pages(t, qs, complaint.Query{Order: complaint.ByDue, Limit: 7}) {
		got = append(got, p...)
	}
	if len(got) != 24 {
		t.Fatalf("%d cases by due, want 24", len(got))
	}
	seenNone := false
	for i, s := range got {
		if s.DueAt.IsZero() {
			seenNone = true
			if i > 0 && got[i-1].DueAt.IsZero() && got[i-1].FirstSeq > s.FirstSeq {
				t.Errorf("cases without a clock out of receipt order at %d", i)
			}
			continue
		}
		if seenNone {
			t.Errorf("case %s due %s comes after a case without a clock", s.ID, s.DueAt)
		}
		if i > 0 && !got[i-1].DueAt.IsZero() {
			if c := got[i-1].DueAt.Compare(s.DueAt); c > 0 || c == 0 && got[i-1].FirstSeq > s.FirstSeq {
				t.Errorf("case %s (due %s) after %s (due %s)", s.ID, s.DueAt, got[i-1].ID, got[i-1].DueAt)
			}
		}
	}
	if !seenNone || got[0].DueAt.IsZero() {
		t.Fatal("fixture: want cases with and without a running clock")
	}
}

// testQueryRefusesBadQuery: an invalid query or cursor is refused with
// ErrInvalidQuery.
func testQueryRefusesBadQuery(t testing.TB, s complaint.Store) {
	qs, ok := s.(complaint.Querier)
	if !ok {
		t.Skip("the store is not a complaint.Querier")
	}
	ctx := context.Background()
	due := complaint.CursorOf(complaint.ByDue, complaint.Summary{FirstSeq: 1}).String()
	for _, q := range []complaint.Query{
		{Limit: -1}, {Limit: complaint.MaxLimit + 1}, {After: "garbage"}, {After: due}, {States: []complaint.State{99}},
		{SLA: complaint.SLAOverdue}, {Order: 9},
	} {
		if _, err := qs.Query(ctx, q); !errors.Is(err, complaint.ErrInvalidQuery) {
			t.Errorf("Query %+v: %v, want ErrInvalidQuery", q, err)
		}
	}
	if _, err := qs.Count(ctx, complaint.Query{SLA: complaint.SLAAtRisk}); !errors.Is(err, complaint.ErrInvalidQuery) {
		t.Errorf("Count without the SLA instant: %v, want ErrInvalidQuery", err)
	}
}
