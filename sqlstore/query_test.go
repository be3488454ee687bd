package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

// randomTrail decides, with a desk on a memory store, n cases on random
// paths of the lifecycle, their events interleaved, and returns the trail
// with random SLA deadlines (from a few instants, so that they tie) set on
// its entries, unsealed, ready to append to any store.
func randomTrail(t testing.TB, rng *rand.Rand, n int) []complaint.Entry {
	t.Helper()
	ctx := context.Background()
	mem := complaint.NewMemStore()
	desk, err := complaint.NewDesk(complaint.DeskConfig{Store: mem,
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{"luis": {Phone: "+57 300"}, "ana": {Email: "ana@x"}})})
	if err != nil {
		t.Fatal(err)
	}
	kinds := []complaint.Kind{complaint.Complaint, complaint.Claim, complaint.Inquiry, complaint.Incident}
	paths := make([][]complaint.Event, n)
	for i := range paths {
		id := fmt.Sprintf("C-%03d", i)
		ev := func(typ complaint.EventType) complaint.Event {
			return complaint.Event{Type: typ, Case: id, Actor: "ana", Tier: complaint.Advisor}
		}
		p := []complaint.Event{{Type: complaint.Receive, Case: id, Actor: "ana", Intake: &complaint.Intake{
			Kind: kinds[rng.IntN(len(kinds))], Customer: fmt.Sprint("CUST-", rng.IntN(4)), Severity: complaint.SeverityHigh}}}
		assign := ev(complaint.Assign)
		assign.ToTier, assign.Assignee = complaint.Advisor, []string{"ana", "bea"}[rng.IntN(2)]
		esc := ev(complaint.Escalate)
		esc.Assignee, esc.Reason, esc.Note = "luis", "needs a technician", "hand-off"
		resolve := ev(complaint.Resolve)
		resolve.Resolution = &complaint.Resolution{Outcome: complaint.Upheld, Remedy: "credit", Cause: complaint.ProcessCause}
		steps := []complaint.Event{ev(complaint.Acknowledge), assign, ev(complaint.Start), esc, ev(complaint.Start), resolve, ev(complaint.Close)}
		paths[i] = append(p, steps[:rng.IntN(len(steps)+1)]...)
	}
	at := base
	for left := true; left; {
		left = false
		for i := range paths {
			if len(paths[i]) == 0 {
				continue
			}
			left = true
			if rng.IntN(3) == 0 {
				continue // this case waits a round: the trail interleaves
			}
			at = at.Add(time.Minute)
			ev := paths[i][0]
			ev.At = at
			paths[i] = paths[i][1:]
			if _, err := desk.Apply(ctx, ev); err != nil {
				t.Fatalf("%s %s: %v", ev.Case, ev.Type, err)
			}
		}
	}
	trail, err := mem.Entries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	dues := []time.Time{{}, base.Add(2 * time.Hour), base.Add(3 * time.Hour), base.Add(5 * time.Hour)}
	out := make([]complaint.Entry, len(trail))
	for i, e := range trail {
		e.Seq, e.Prev, e.Hash = 0, "", ""
		if d := dues[rng.IntN(len(dues))]; !d.IsZero() {
			e.DueAt = d
			if rng.IntN(2) == 0 {
				e.RiskAt = d.Add(-time.Hour)
			}
		}
		out[i] = e
	}
	return out
}

// appendTrail appends a trail's entries one by one to s.
func appendTrail(t testing.TB, s complaint.Store, trail []complaint.Entry) {
	t.Helper()
	for _, e := range trail {
		if _, err := s.Append(context.Background(), e.Event.Case, e.Version-1, []complaint.Entry{e}); err != nil {
			t.Fatalf("append %s v%d: %v", e.Event.Case, e.Version, err)
		}
	}
}

// randomQuery returns a query with random filters, order and page size.
func randomQuery(rng *rand.Rand) complaint.Query {
	var q complaint.Query
	pick := func(p int) bool { return rng.IntN(p) == 0 }
	if pick(3) {
		all := []complaint.State{complaint.Received, complaint.Acknowledged, complaint.Assigned, complaint.InProgress, complaint.Resolved, complaint.Closed}
		q.States = []complaint.State{all[rng.IntN(len(all))], all[rng.IntN(len(all))]}
	}
	if pick(4) {
		q.Tiers = []complaint.Tier{[]complaint.Tier{complaint.TierUnknown, complaint.Advisor, complaint.NetworkMember}[rng.IntN(3)]}
	}
	if pick(4) {
		q.Kinds = []complaint.Kind{complaint.Claim, complaint.Inquiry}
	}
	if pick(5) {
		q.Assignee = []string{"ana", "bea", "luis", "nobody"}[rng.IntN(4)]
	}
	if pick(5) {
		q.Customer = fmt.Sprint("CUST-", rng.IntN(5))
	}
	// Receipts fall on whole minutes in the first hour or so: bounds on
	// them test both ends of the period.
	if pick(4) {
		q.ReceivedFrom = base.Add(time.Duration(rng.IntN(50)) * time.Minute)
	}
	if pick(4) {
		q.ReceivedTo = base.Add(time.Duration(rng.IntN(50)) * time.Minute)
		if q.ReceivedTo.Before(q.ReceivedFrom) {
			q.ReceivedFrom, q.ReceivedTo = q.ReceivedTo, q.ReceivedFrom
		}
	}
	if pick(2) {
		q.SLA = complaint.SLAStatus(rng.IntN(6))
		// Instants on and between the deadlines, to test each boundary.
		q.At = base.Add(time.Duration(rng.IntN(13)) * 30 * time.Minute)
	}
	q.Pending = pick(4)
	q.Order = complaint.Order(rng.IntN(2))
	q.Limit = []int{0, 1, 2, 3, 7}[rng.IntN(5)]
	return q
}

// TestQueryAgreesWithMemStore appends the same random trail to a SQL store
// and to complaint's MemStore, whose answers follow the definitions
// (Query.Match, Order.Compare), and checks that every page of many random
// queries, followed cursor by cursor, and every count, are the same.
func TestQueryAgreesWithMemStore(t *testing.T) {
	rng := rand.New(rand.NewPCG(12, 2026))
	trail := randomTrail(t, rng, 40)
	ref := complaint.NewMemStore()
	appendTrail(t, ref, trail)
	ctx := context.Background()
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			s := b.open(t, sqlstore.Options{})
			appendTrail(t, s, trail)
			for i := range 300 {
				q := randomQuery(rng)
				wantN, err := ref.Count(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if n, err := s.Count(ctx, q); err != nil || n != wantN {
					t.Fatalf("query %d %+v: Count = %d, %v; want %d", i, q, n, err, wantN)
				}
				seen := 0
				for page := 0; ; page++ {
					want, err := ref.Query(ctx, q)
					if err != nil {
						t.Fatal(err)
					}
					got, err := s.Query(ctx, q)
					if err != nil {
						t.Fatalf("query %d page %d: %v", i, page, err)
					}
					if !samePage(got, want) {
						t.Fatalf("query %d %+v page %d:\n got %s\nwant %s", i, q, page, pageIDs(got), pageIDs(want))
					}
					seen += len(got.Cases)
					if got.Next == "" {
						break
					}
					q.After = got.Next
				}
				if seen != wantN {
					t.Fatalf("query %d: pages hold %d cases, Count %d", i, seen, wantN)
				}
			}
		})
	}
}

func samePage(a, b complaint.Page) bool {
	if a.Next != b.Next || len(a.Cases) != len(b.Cases) {
		return false
	}
	for i := range a.Cases {
		if !reflect.DeepEqual(utc(a.Cases[i]), utc(b.Cases[i])) {
			return false
		}
	}
	return true
}

func utc(s complaint.Summary) complaint.Summary {
	s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt = s.ReceivedAt.UTC(), s.UpdatedAt.UTC(), s.DueAt.UTC(), s.RiskAt.UTC()
	return s
}

func pageIDs(p complaint.Page) string {
	out := ""
	for _, s := range p.Cases {
		out += fmt.Sprintf("%s(%s due %s) ", s.ID, s.State, s.DueAt.Format("15:04"))
	}
	return out + "next " + p.Next
}

func TestQueryRefusesBadQueries(t *testing.T) {
	s := openAt(t, "sqlite::memory:", sqlstore.Options{})
	for _, q := range []complaint.Query{
		{States: []complaint.State{99}},
		{SLA: complaint.SLAOverdue},
		{Limit: complaint.MaxLimit + 1},
		{After: "not-a-cursor"},
	} {
		if _, err := s.Query(context.Background(), q); !errors.Is(err, complaint.ErrInvalidQuery) {
			t.Errorf("Query(%+v): %v, want ErrInvalidQuery", q, err)
		}
		if q.Limit == 0 && q.After == "" {
			if _, err := s.Count(context.Background(), q); !errors.Is(err, complaint.ErrInvalidQuery) {
				t.Errorf("Count(%+v): %v, want ErrInvalidQuery", q, err)
			}
		}
	}
}
