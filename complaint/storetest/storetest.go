// Package storetest checks that a [complaint.Store] meets the contract the
// desk relies on, like testing/slogtest for log handlers: run [Run] from a
// test of your own store (SQL, key-value, …).
//
//	func TestMyStore(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) complaint.Store { return newEmptyStore(t) })
//	}
//
// The suite covers the [complaint.Store] contract (appends all or none,
// optimistic concurrency, the hash chain kept byte for byte in canonical
// form, context cancellation), the desk on top of it (concurrent desks on one
// case, delivery exactly once per key), and the optional interfaces when the
// store implements them: [complaint.Querier] (every filter, counts, stable
// pages, due order), [complaint.CaseLoader] and [complaint.Claimer]. A
// subtest for an interface the store does not implement is skipped, saying
// so.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
)

// Run runs the conformance tests as subtests of t. newStore must return a
// new, empty store each time it is called.
func Run(t *testing.T, newStore func(t *testing.T) complaint.Store) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { c.f(t, newStore(t)) })
	}
}

var cases = []struct {
	name string
	f    func(testing.TB, complaint.Store)
}{
	{"AppendLoad", testAppendLoad},
	{"Conflict", testConflict},
	{"NotFound", testNotFound},
	{"RejectsBadEntries", testRejectsBadEntries},
	{"Chain", testChain},
	{"Concurrent", testConcurrent},
	{"BatchAllOrNone", testBatchAllOrNone},
	{"CanonicalBytes", testCanonicalBytes},
	{"Context", testContext},
	{"ConcurrentDesks", testConcurrentDesks},
	{"DeliveryExactlyOnce", testDeliveryExactlyOnce},
	{"LoadAfter", testLoadAfter},
	{"Claims", testClaims},
	{"QueryFilters", testQueryFilters},
	{"QueryPagesStable", testQueryPagesStable},
	{"QueryByDue", testQueryByDue},
	{"QueryRefusesBadQuery", testQueryRefusesBadQuery},
}

var base = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

// entries returns n unsealed entries for a new case: a receive and notes.
func entries(id string, from uint64, n int) []complaint.Entry {
	var out []complaint.Entry
	for i := range n {
		v := from + uint64(i) + 1
		ev := complaint.Event{Type: complaint.Note, Case: id, At: base.Add(time.Duration(v) * time.Minute), Actor: "ana", Note: fmt.Sprint("note ", v)}
		st := complaint.Received
		prev := st
		if v == 1 {
			ev = complaint.Event{Type: complaint.Receive, Case: id, At: base, Actor: "ana",
				Intake: &complaint.Intake{Kind: complaint.Complaint, Customer: "C-1"}}
			prev = complaint.StateUnknown
		}
		out = append(out, complaint.Entry{Version: v, From: prev, To: st, Event: ev})
	}
	return out
}

func testAppendLoad(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	sealed, err := s.Append(ctx, "A", 0, entries("A", 0, 2))
	if err != nil {
		t.Fatalf("Append new case: %v", err)
	}
	if len(sealed) != 2 || sealed[0].Seq != 1 || sealed[1].Seq != 2 || sealed[0].Hash == "" || sealed[1].Prev != sealed[0].Hash {
		t.Fatalf("Append returned %+v, want two sealed entries with seq 1, 2 chained", sealed)
	}
	if _, err := s.Append(ctx, "B", 0, entries("B", 0, 1)); err != nil {
		t.Fatalf("Append case B: %v", err)
	}
	if _, err := s.Append(ctx, "A", 2, entries("A", 2, 1)); err != nil {
		t.Fatalf("Append to A at version 2: %v", err)
	}
	got, err := s.Load(ctx, "A")
	if err != nil {
		t.Fatalf("Load A: %v", err)
	}
	if len(got) != 3 {
		t.Fatalf("Load A: %d entries, want 3", len(got))
	}
	for i, e := range got {
		if e.Version != uint64(i+1) || e.Event.Case != "A" {
			t.Errorf("Load A: entry %d has version %d case %q", i, e.Version, e.Event.Case)
		}
	}
	if got[2].Seq != 4 {
		t.Errorf("third entry of A has seq %d, want 4 (after B's entry)", got[2].Seq)
	}
	c, err := complaint.Fold(got)
	if err != nil || c.Version != 3 {
		t.Errorf("Fold(Load A) = version %d, %v; want 3, nil", c.Version, err)
	}
}

func testConflict(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	if _, err := s.Append(ctx, "A", 0, entries("A", 0, 2)); err != nil {
		t.Fatal(err)
	}
	head, err := s.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, stale := range []uint64{0, 1, 3} {
		_, err := s.Append(ctx, "A", stale, entries("A", stale, 1))
		if !errors.Is(err, complaint.ErrConflict) {
			t.Errorf("Append at stale version %d: %v, want ErrConflict", stale, err)
		}
	}
	after, err := s.Head(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after != head {
		t.Errorf("a conflict changed the head from %+v to %+v", head, after)
	}
	if got, _ := s.Load(ctx, "A"); len(got) != 2 {
		t.Errorf("a conflict changed case A: %d entries, want 2", len(got))
	}
}

func testNotFound(t testing.TB, s complaint.Store) {
	_, err := s.Load(context.Background(), "nope")
	if !errors.Is(err, complaint.ErrNotFound) {
		t.Errorf("Load of a missing case: %v, want ErrNotFound", err)
	}
	h, err := s.Head(context.Background())
	if err != nil || h != (complaint.Head{}) {
		t.Errorf("Head of an empty store = %+v, %v; want zero, nil", h, err)
	}
	e, err := s.Entries(context.Background(), 0)
	if err != nil || len(e) != 0 {
		t.Errorf("Entries of an empty store = %d, %v; want 0, nil", len(e), err)
	}
}

func testRejectsBadEntries(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	bad := []struct {
		name    string
		id      string
		entries []complaint.Entry
	}{
		{"none", "A", nil},
		{"other case", "A", entries("B", 0, 1)},
		{"version gap", "A", entries("A", 1, 1)},
	}
	for _, b := range bad {
		if _, err := s.Append(ctx, b.id, 0, b.entries); err == nil {
			t.Errorf("Append %s: no error", b.name)
		}
	}
	if h, _ := s.Head(ctx); h != (complaint.Head{}) {
		t.Errorf("rejected appends wrote something: head %+v", h)
	}
}

func testChain(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	for i, id := range []string{"A", "B", "C"} {
		if _, err := s.Append(ctx, id, 0, entries(id, 0, i+1)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Entries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 6 {
		t.Fatalf("Entries: %d, want 6", len(all))
	}
	head, _ := s.Head(ctx)
	if err := complaint.Verify(all, head); err != nil {
		t.Errorf("the trail does not verify against its head: %v", err)
	}
	tail, err := s.Entries(ctx, 4)
	if err != nil || len(tail) != 2 || tail[0].Seq != 5 {
		t.Errorf("Entries(after 4) = %d entries, %v; want seq 5 and 6", len(tail), err)
	}
	if _, err := complaint.Replay(all); err != nil {
		t.Errorf("Replay: %v", err)
	}
}

// testConcurrent: many goroutines append to one case at the version they
// read; exactly the winners are stored, with consecutive versions.
func testConcurrent(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	if _, err := s.Append(ctx, "A", 0, entries("A", 0, 1)); err != nil {
		t.Fatal(err)
	}
	const goroutines, each = 4, 10
	var wg sync.WaitGroup
	var mu sync.Mutex
	wins := 0
	for range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range each {
				for {
					got, err := s.Load(ctx, "A")
					if err != nil {
						t.Error(err)
						return
					}
					v := uint64(len(got))
					_, err = s.Append(ctx, "A", v, entries("A", v, 1))
					if errors.Is(err, complaint.ErrConflict) {
						continue
					}
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					wins++
					mu.Unlock()
					break
				}
			}
		}()
	}
	wg.Wait()
	got, err := s.Load(ctx, "A")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1+wins || wins != goroutines*each {
		t.Errorf("%d entries after %d successful appends of %d", len(got), wins, goroutines*each)
	}
	all, _ := s.Entries(ctx, 0)
	if err := complaint.Verify(all, complaint.Head{}); err != nil {
		t.Errorf("trail after concurrent appends: %v", err)
	}
}
