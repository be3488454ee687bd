package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/shopspring/decimal"
)

// testBatchAllOrNone: a multi-entry append is all or none. A batch whose
// last entry cannot be sealed, or does not continue the case, writes
// nothing; a good batch writes every entry, consecutively.
func testBatchAllOrNone(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	if _, err := s.Append(ctx, "A", 0, entries("A", 0, 1)); err != nil {
		t.Fatal(err)
	}
	before, _ := s.Head(ctx)
	unsealable := entries("A", 1, 3)
	unsealable[2].Event.Type = 200 // undefined: has no canonical encoding
	illegal := entries("A", 1, 3)
	illegal[2].To = complaint.Closed // a note that closes the case
	bad := entries("A", 1, 3)
	bad[1].Event.Actor = "an\xffa" // not UTF-8
	for name, batch := range map[string][]complaint.Entry{"unsealable": unsealable, "illegal": illegal, "invalid UTF-8": bad} {
		if _, err := s.Append(ctx, "A", 1, batch); err == nil {
			t.Errorf("Append of a batch with an %s entry: no error", name)
		}
		if h, _ := s.Head(ctx); h != before {
			t.Errorf("a refused %s batch moved the head from %+v to %+v", name, before, h)
		}
		if got, _ := s.Load(ctx, "A"); len(got) != 1 {
			t.Errorf("a refused %s batch left case A with %d entries, want 1", name, len(got))
		}
	}
	sealed, err := s.Append(ctx, "A", 1, entries("A", 1, 3))
	if err != nil {
		t.Fatalf("a good batch: %v", err)
	}
	got, err := s.Load(ctx, "A")
	if err != nil || len(got) != 4 {
		t.Fatalf("Load after a batch of 3: %d entries, %v; want 4", len(got), err)
	}
	for i, e := range sealed {
		if e.Seq != before.Seq+uint64(i)+1 || e.Version != uint64(i)+2 {
			t.Errorf("batch entry %d: seq %d version %d, want %d and %d", i, e.Seq, e.Version, before.Seq+uint64(i)+1, i+2)
		}
	}
	all, _ := s.Entries(ctx, 0)
	if err := complaint.Verify(all, complaint.Head{}); err != nil {
		t.Errorf("trail after batches: %v", err)
	}
}

// awkward returns a receive and an annotation of every payload, with
// strings and instants that a store could mangle: escapes, control and
// non-ASCII characters, nanoseconds, decimals.
func awkward(id string) []complaint.Entry {
	at := base.Add(123456789 * time.Nanosecond)
	in := &complaint.Intake{Kind: complaint.Return, Channel: servuction.WebChat, Severity: complaint.SeverityCritical,
		Customer: "Ñandú \"el cliente\"", Subject: "línea\ncortada\t\x01 — ✓", RemedySought: `back\slash`, FollowUpOf: "K-0"}
	cl, _ := complaint.NewChecklist(complaint.ComprehensionProblems, 0, 3)
	cl.Comment = "resumió <y> & preguntó"
	cost := complaint.Cost{Kind: complaint.Credit, Amount: servuction.Money{Amount: decimal.RequireFromString("12345.678"), Currency: "COP"}, Note: "½"}
	evs := []complaint.Event{
		{Type: complaint.Receive, Case: id, At: at, Actor: "ana\u2028", Tier: complaint.Advisor, Intake: in},
		{Type: complaint.Note, Case: id, At: at.Add(time.Nanosecond), Actor: "luis", Note: "{\"json\":[1,2]}", Public: true},
		{Type: complaint.RecordChecklist, Case: id, At: at.Add(time.Second), Actor: "luis", Checklist: &cl},
		{Type: complaint.RecordCost, Case: id, At: at.Add(time.Minute), Actor: "luis", Cost: &cost},
	}
	var out []complaint.Entry
	for i, ev := range evs {
		from, to := complaint.Received, complaint.Received
		if i == 0 {
			from = complaint.StateUnknown
		}
		e := complaint.Entry{Version: uint64(i + 1), From: from, To: to, Event: ev}
		if i == 1 {
			e.Outbox = []complaint.Message{{Key: id + "#2.1", Case: id, Medium: complaint.EmailMessage, To: "a@b", Subject: "¿Sí?", Body: "\x00"}}
			e.DueAt, e.RiskAt = at.Add(time.Hour), at.Add(48*time.Minute)
		}
		out = append(out, e)
	}
	return out
}

// testCanonicalBytes: the store gives back every entry exactly as it
// sealed it, so that each re-encodes to the canonical bytes its hash
// covers, and the chain verifies entry by entry from those bytes.
func testCanonicalBytes(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	sealed, err := s.Append(ctx, "Ñ-1", 0, awkward("Ñ-1"))
	if err != nil {
		t.Fatal(err)
	}
	loaded, err := s.Load(ctx, "Ñ-1")
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Entries(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var c complaint.Chain
	for i, e := range all {
		want, err := complaint.AppendEntry(nil, sealed[i])
		if err != nil {
			t.Fatal(err)
		}
		got, err := complaint.AppendEntry(nil, e)
		if err != nil {
			t.Fatalf("entry %d does not encode: %v", i+1, err)
		}
		if string(got) != string(want) {
			t.Errorf("entry %d changed in the store:\n got %s\nwant %s", i+1, got, want)
		}
		if back, _ := complaint.AppendEntry(nil, loaded[i]); string(back) != string(want) {
			t.Errorf("entry %d loaded differs:\n got %s\nwant %s", i+1, back, want)
		}
		if _, err := c.NextEncoded(got); err != nil {
			t.Errorf("entry %d: %v", i+1, err)
		}
	}
	if h, _ := s.Head(ctx); c.Head() != h {
		t.Errorf("head %+v, the chain ends at %+v", h, c.Head())
	}
}

// testContext: a cancelled context stops every call with its error, and
// nothing is written.
func testContext(t testing.TB, s complaint.Store) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Append(ctx, "A", 0, entries("A", 0, 1)); !errors.Is(err, context.Canceled) {
		t.Errorf("Append: %v, want context.Canceled", err)
	}
	if _, err := s.Load(ctx, "A"); !errors.Is(err, context.Canceled) {
		t.Errorf("Load: %v, want context.Canceled", err)
	}
	if _, err := s.Entries(ctx, 0); !errors.Is(err, context.Canceled) {
		t.Errorf("Entries: %v, want context.Canceled", err)
	}
	if _, err := s.Head(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Head: %v, want context.Canceled", err)
	}
	if q, ok := s.(complaint.Querier); ok {
		if _, err := q.Query(ctx, complaint.Query{}); !errors.Is(err, context.Canceled) {
			t.Errorf("Query: %v, want context.Canceled", err)
		}
		if _, err := q.Count(ctx, complaint.Query{}); !errors.Is(err, context.Canceled) {
			t.Errorf("Count: %v, want context.Canceled", err)
		}
	}
	if l, ok := s.(complaint.CaseLoader); ok {
		if _, err := l.LoadAfter(ctx, "A", 0); !errors.Is(err, context.Canceled) {
			t.Errorf("LoadAfter: %v, want context.Canceled", err)
		}
	}
	if c, ok := s.(complaint.Claimer); ok {
		if _, err := c.Claim(ctx, "A#1.1", "me", base, base.Add(time.Minute)); !errors.Is(err, context.Canceled) {
			t.Errorf("Claim: %v, want context.Canceled", err)
		}
	}
	if h, err := s.Head(context.Background()); err != nil || h != (complaint.Head{}) {
		t.Errorf("after cancelled calls: head %+v, %v; want nothing written", h, err)
	}
}

// testLoadAfter: a case's tail after each version.
func testLoadAfter(t testing.TB, s complaint.Store) {
	l, ok := s.(complaint.CaseLoader)
	if !ok {
		t.Skip("the store is not a complaint.CaseLoader")
	}
	ctx := context.Background()
	if _, err := s.Append(ctx, "A", 0, entries("A", 0, 3)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(ctx, "B", 0, entries("B", 0, 1)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Append(ctx, "A", 3, entries("A", 3, 2)); err != nil {
		t.Fatal(err)
	}
	full, _ := s.Load(ctx, "A")
	for v := uint64(0); v <= 6; v++ {
		got, err := l.LoadAfter(ctx, "A", v)
		if err != nil {
			t.Fatalf("LoadAfter(A, %d): %v", v, err)
		}
		want := 0
		if v < 5 {
			want = 5 - int(v)
		}
		if len(got) != want {
			t.Fatalf("LoadAfter(A, %d): %d entries, want %d", v, len(got), want)
		}
		for i, e := range got {
			if e.Version != v+uint64(i)+1 || e.Hash != full[v+uint64(i)].Hash {
				t.Errorf("LoadAfter(A, %d)[%d]: version %d hash %.8s, want %d %.8s", v, i, e.Version, e.Hash, v+uint64(i)+1, full[v+uint64(i)].Hash)
			}
		}
	}
	if _, err := l.LoadAfter(ctx, "nope", 0); !errors.Is(err, complaint.ErrNotFound) {
		t.Errorf("LoadAfter of a missing case: %v, want ErrNotFound", err)
	}
}

// testClaims: a message's lease goes to one owner at a time, is extended by
// its owner, passes to another when it expires or is released, and only
// its owner releases it; of many owners claiming at once, one wins.
func testClaims(t testing.TB, s complaint.Store) {
	c, ok := s.(complaint.Claimer)
	if !ok {
		t.Skip("the store is not a complaint.Claimer")
	}
	ctx := context.Background()
	minute := func(m int) time.Time { return base.Add(time.Duration(m) * time.Minute) }
	steps := []struct {
		owner   string
		now     int
		release bool
		want    bool
	}{
		{"a", 0, false, true},  // free
		{"b", 1, false, false}, // a holds it until minute 5
		{"a", 2, false, true},  // a extends it to minute 7
		{"b", 6, false, false}, // still a's
		{"b", 7, false, true},  // expired at 7
		{"a", 8, true, false},  // a cannot release b's lease
		{"a", 8, false, false}, // still b's
		{"b", 9, true, false},  // b releases it
		{"a", 9, false, true},  // free again
	}
	for i, st := range steps {
		if st.release {
			if err := c.Release(ctx, "K#1.1", st.owner); err != nil {
				t.Fatalf("step %d: Release: %v", i, err)
			}
			continue
		}
		got, err := c.Claim(ctx, "K#1.1", st.owner, minute(st.now), minute(st.now+5))
		if err != nil {
			t.Fatalf("step %d: Claim: %v", i, err)
		}
		if got != st.want {
			t.Errorf("step %d: %s claims at minute %d: %v, want %v", i, st.owner, st.now, got, st.want)
		}
	}
	if ok, err := c.Claim(ctx, "K#2.1", "b", minute(0), minute(5)); err != nil || !ok {
		t.Errorf("another key is free: %v, %v", ok, err)
	}
	// Many owners at once: exactly one wins.
	const owners = 16
	wins := make(chan string, owners)
	done := make(chan struct{})
	for i := range owners {
		go func() {
			defer func() { done <- struct{}{} }()
			if ok, err := c.Claim(ctx, "K#3.1", fmt.Sprint("owner-", i), minute(0), minute(5)); err == nil && ok {
				wins <- fmt.Sprint("owner-", i)
			}
		}()
	}
	for range owners {
		<-done
	}
	close(wins)
	if n := len(wins); n != 1 {
		t.Errorf("%d owners won the same claim at once, want 1", n)
	}
}
