package storetest

import (
	"context"
	"encoding/base64"
	"fmt"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
)

// recT records the failures of a check instead of failing the test.
type recT struct {
	testing.TB
	mu      sync.Mutex
	failed  bool
	skipped bool
	msgs    []string
}

func (r *recT) fail(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = true
	r.msgs = append(r.msgs, msg)
}
func (r *recT) Helper()                         {}
func (r *recT) Log(args ...any)                 {}
func (r *recT) Logf(format string, args ...any) {}
func (r *recT) Error(args ...any)               { r.fail(fmt.Sprint(args...)) }
func (r *recT) Errorf(format string, args ...any) {
	r.fail(fmt.Sprintf(format, args...))
}
func (r *recT) Fail()          { r.fail("Fail") }
func (r *recT) FailNow()       { r.fail("FailNow"); runtime.Goexit() }
func (r *recT) Fatal(a ...any) { r.fail(fmt.Sprint(a...)); runtime.Goexit() }
func (r *recT) Fatalf(format string, args ...any) {
	r.fail(fmt.Sprintf(format, args...))
	runtime.Goexit()
}
func (r *recT) Failed() bool  { r.mu.Lock(); defer r.mu.Unlock(); return r.failed }
func (r *recT) SkipNow()      { r.skipped = true; runtime.Goexit() }
func (r *recT) Skip(a ...any) { r.SkipNow() }
func (r *recT) Skipf(format string, args ...any) {
	r.SkipNow()
}

// check runs the conformance check called name on s and returns what it
// recorded.
func check(t *testing.T, name string, s complaint.Store) *recT {
	r := &recT{TB: t}
	for _, c := range cases {
		if c.name == name {
			done := make(chan struct{})
			go func() {
				defer close(done)
				c.f(r, s)
			}()
			<-done
			return r
		}
	}
	t.Fatalf("no check %s", name)
	return nil
}

// Broken stores, each wrong in one way.
type (
	lossyTimes       struct{ *complaint.MemStore } // loses the nanoseconds of instants
	oneByOne         struct{ *complaint.MemStore } // appends a batch entry by entry
	lostUpdate       struct{ *complaint.MemStore } // appends whatever the version
	noAssigneeFilter struct{ *complaint.MemStore } // ignores Query.Assignee
	offsetPages      struct{ *complaint.MemStore } // pages by offset
	greedyClaims     struct{ *complaint.MemStore } // grants every claim
	deafToContext    struct{ *complaint.MemStore } // ignores cancellation
)

func (s lossyTimes) Entries(ctx context.Context, after uint64) ([]complaint.Entry, error) {
	es, err := s.MemStore.Entries(ctx, after)
	for i := range es {
		es[i].Event.At = es[i].Event.At.Truncate(time.Microsecond)
	}
	return es, err
}

func (s oneByOne) Append(ctx context.Context, id string, expected uint64, es []complaint.Entry) ([]complaint.Entry, error) {
	var out []complaint.Entry
	for i, e := range es {
		got, err := s.MemStore.Append(ctx, id, expected+uint64(i), []complaint.Entry{e})
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

func (s lostUpdate) Append(ctx context.Context, id string, _ uint64, es []complaint.Entry) ([]complaint.Entry, error) {
	cur, _ := s.MemStore.Load(ctx, id)
	es = append([]complaint.Entry(nil), es...)
	for i := range es {
		es[i].Version = uint64(len(cur) + i + 1)
	}
	return s.MemStore.Append(ctx, id, uint64(len(cur)), es)
}

func (s noAssigneeFilter) Query(ctx context.Context, q complaint.Query) (complaint.Page, error) {
	q.Assignee = ""
	return s.MemStore.Query(ctx, q)
}

func (s noAssigneeFilter) Count(ctx context.Context, q complaint.Query) (int, error) {
	q.Assignee = ""
	return s.MemStore.Count(ctx, q)
}

func (s offsetPages) Query(ctx context.Context, q complaint.Query) (complaint.Page, error) {
	off := 0
	if q.After != "" {
		b, _ := base64.RawURLEncoding.DecodeString(q.After)
		off, _ = strconv.Atoi(string(b))
	}
	q.After, q.Limit = "", complaint.MaxLimit
	all, err := s.MemStore.Query(ctx, q)
	if err != nil || off >= len(all.Cases) {
		return complaint.Page{}, err
	}
	n := min(4, len(all.Cases)-off)
	p := complaint.Page{Cases: all.Cases[off : off+n]}
	if off+n < len(all.Cases) {
		p.Next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(off + n)))
	}
	return p, nil
}

func (s greedyClaims) Claim(context.Context, string, string, time.Time, time.Time) (bool, error) {
	return true, nil
}

func (s deafToContext) Load(_ context.Context, id string) ([]complaint.Entry, error) {
	return s.MemStore.Load(context.Background(), id)
}

// TestChecksCatchBrokenStores: each broken store fails the check that
// covers what it breaks, so the suite can fail; the memory store passes it.
func TestChecksCatchBrokenStores(t *testing.T) {
	tests := []struct {
		check string
		store func() complaint.Store
	}{
		{"CanonicalBytes", func() complaint.Store { return lossyTimes{complaint.NewMemStore()} }},
		{"BatchAllOrNone", func() complaint.Store { return oneByOne{complaint.NewMemStore()} }},
		{"Conflict", func() complaint.Store { return lostUpdate{complaint.NewMemStore()} }},
		{"QueryFilters", func() complaint.Store { return noAssigneeFilter{complaint.NewMemStore()} }},
		{"QueryPagesStable", func() complaint.Store { return offsetPages{complaint.NewMemStore()} }},
		{"Claims", func() complaint.Store { return greedyClaims{complaint.NewMemStore()} }},
		{"Context", func() complaint.Store { return deafToContext{complaint.NewMemStore()} }},
	}
	for _, tt := range tests {
		t.Run(tt.check, func(t *testing.T) {
			if r := check(t, tt.check, tt.store()); !r.failed {
				t.Errorf("%s passed a store that breaks it", tt.check)
			} else {
				t.Logf("caught: %s", r.msgs[0])
			}
			if r := check(t, tt.check, complaint.NewMemStore()); r.failed || r.skipped {
				t.Errorf("%s fails the memory store: %v", tt.check, r.msgs)
			}
		})
	}
	// A store with no optional interface skips their checks.
	type plain struct{ complaint.Store }
	for _, name := range []string{"LoadAfter", "Claims", "QueryFilters", "DeliveryExactlyOnce"} {
		if r := check(t, name, plain{complaint.NewMemStore()}); !r.skipped || r.failed {
			t.Errorf("%s on a plain store: skipped %v failed %v", name, r.skipped, r.failed)
		}
	}
}
