package complaint

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scriptedStore wraps a MemStore: the first conflicts appends fail with
// ErrConflict, and the operations named in fail return errBoom ("load"
// covers LoadAfter, "query" Query and Count).
type scriptedStore struct {
	*MemStore
	mu        sync.Mutex
	conflicts int
	appends   int
	fail      map[string]bool
}

var errBoom = errors.New("disk on fire")

func (s *scriptedStore) Append(ctx context.Context, id string, expected uint64, entries []Entry) ([]Entry, error) {
	s.mu.Lock()
	s.appends++
	n := s.appends
	s.mu.Unlock()
	if s.fail["append"] {
		return nil, errBoom
	}
	if n <= s.conflicts {
		return nil, ErrConflict
	}
	return s.MemStore.Append(ctx, id, expected, entries)
}

func (s *scriptedStore) Load(ctx context.Context, id string) ([]Entry, error) {
	if s.fail["load"] {
		return nil, errBoom
	}
	return s.MemStore.Load(ctx, id)
}

func (s *scriptedStore) LoadAfter(ctx context.Context, id string, version uint64) ([]Entry, error) {
	if s.fail["load"] {
		return nil, errBoom
	}
	return s.MemStore.LoadAfter(ctx, id, version)
}

func (s *scriptedStore) Query(ctx context.Context, q Query) (Page, error) {
	if s.fail["query"] {
		return Page{}, errBoom
	}
	return s.MemStore.Query(ctx, q)
}

func (s *scriptedStore) Count(ctx context.Context, q Query) (int, error) {
	if s.fail["query"] {
		return 0, errBoom
	}
	return s.MemStore.Count(ctx, q)
}

func (s *scriptedStore) Entries(ctx context.Context, after uint64) ([]Entry, error) {
	if s.fail["entries"] {
		return nil, errBoom
	}
	return s.MemStore.Entries(ctx, after)
}

func (s *scriptedStore) Head(ctx context.Context) (Head, error) {
	if s.fail["head"] {
		return Head{}, errBoom
	}
	return s.MemStore.Head(ctx)
}

// TestDeskRetries: a desk re-decides an event after each conflict, Retries
// times (8 when zero), so Retries+1 appends in all before giving up.
func TestDeskRetries(t *testing.T) {
	tests := []struct {
		name      string
		retries   int
		conflicts int
		appends   int // appends tried, the last one succeeding unless it conflicts
		ok        bool
	}{
		{"default: 8 conflicts then success", 0, 8, 9, true},
		{"default: 9 conflicts exhaust 1+8 tries", 0, 9, 9, false},
		{"2 retries: 2 conflicts then success", 2, 2, 3, true},
		{"2 retries: 3 conflicts exhaust 1+2 tries", 2, 3, 3, false},
		{"no conflict", 1, 0, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := &scriptedStore{MemStore: NewMemStore(), conflicts: tt.conflicts}
			d, err := NewDesk(DeskConfig{Store: s, Retries: tt.retries})
			require.NoError(t, err)
			c, err := d.Apply(context.Background(), seedsFlow("R")[0])
			assert.Equal(t, tt.appends, s.appends)
			if !tt.ok {
				require.ErrorIs(t, err, ErrConflict)
				assert.Zero(t, c.Version)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, uint64(1), c.Version)
		})
	}
}

// TestDeskStoreErrors: a failing store's error is returned as is and nothing
// is half done.
func TestDeskStoreErrors(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	s := &scriptedStore{MemStore: NewMemStore(), fail: map[string]bool{}}
	d, err := NewDesk(DeskConfig{Store: s, Notifier: rec, Clock: func() time.Time { return at(100) },
		Messenger: DefaultMessenger(map[string]Contact{"luis": {Email: "luis@red.example"}})})
	require.NoError(t, err)
	for _, ev := range seedsFlow("E")[:5] {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	// A second desk has not read case E yet: its Apply loads it.
	fresh, err := NewDesk(DeskConfig{Store: s})
	require.NoError(t, err)
	calls := []struct {
		name string
		fail string
		call func() error
	}{
		{"apply on append", "append", func() error { _, err := d.Apply(ctx, seedsFlow("E")[5]); return err }},
		{"apply on load", "load", func() error { _, err := fresh.Apply(ctx, seedsFlow("E")[5]); return err }},
		{"case", "load", func() error { _, err := d.Case(ctx, "E"); return err }},
		{"cases", "query", func() error { _, err := d.Cases(ctx); return err }},
		{"query", "query", func() error { _, err := d.Query(ctx, Query{}); return err }},
		{"count", "query", func() error { _, err := d.Count(ctx, Query{}); return err }},
		{"trail", "entries", func() error { _, err := d.Trail(ctx); return err }},
		{"head", "head", func() error { _, err := d.Head(ctx); return err }},
		{"verify", "entries", func() error { return d.VerifyTrail(ctx, Head{}) }},
		{"pending", "query", func() error { _, err := d.Pending(ctx); return err }},
		{"deliver", "query", func() error { _, err := d.Deliver(ctx); return err }},
		{"dispute", "load", func() error { _, err := fresh.Dispute(ctx, Event{Case: "E", At: at(9), Actor: "ana"}); return err }},
		{"merge target", "load", func() error {
			_, err := d.Apply(ctx, Event{Type: Merge, Case: "E", At: at(9), Actor: "ana", Target: "F"})
			return err
		}},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			s.fail = map[string]bool{c.fail: true}
			err := c.call()
			s.fail = map[string]bool{}
			require.ErrorIs(t, err, errBoom)
		})
	}
	h, err := d.Head(ctx)
	require.NoError(t, err)
	assert.Equal(t, uint64(6), h.Seq, "5 transitions and 1 delivery, nothing more")
}

// TestDeskDelivery follows the outbox of one escalation to luis (an SMS and
// an e-mail) through a notifier that fails on demand.
func TestDeskDelivery(t *testing.T) {
	ctx := context.Background()
	contacts := map[string]Contact{"luis": {Phone: "+57 300", Email: "luis@red.example"}}
	setup := func(t *testing.T, n Notifier, actor string) (*Desk, *fakeClock, Case) {
		clk := &fakeClock{now: t0}
		d, err := NewDesk(DeskConfig{Store: NewMemStore(), Notifier: n, Clock: clk.Now, Actor: actor,
			Messenger: DefaultMessenger(contacts)})
		require.NoError(t, err)
		var c Case
		for _, ev := range seedsFlow("K")[:5] {
			c, err = d.Apply(ctx, ev)
			require.NoError(t, err)
		}
		return d, clk, c
	}

	t.Run("delivered at once", func(t *testing.T) {
		rec := &recorder{}
		d, _, c := setup(t, rec, "")
		// 5 transitions + 2 delivery records; the case's time stays at the
		// escalation (minute 5).
		assert.Equal(t, uint64(7), c.Version)
		assert.Empty(t, c.Outbox)
		assert.Equal(t, at(5).UTC(), c.UpdatedAt)
		trail, err := d.Trail(ctx)
		require.NoError(t, err)
		for _, e := range trail[5:] {
			assert.Equal(t, Notified, e.Event.Type)
			assert.Equal(t, "desk", e.Event.Actor, "the default actor")
			assert.Equal(t, at(5).UTC(), e.Event.At, "recorded at the event's instant")
		}
		assert.Equal(t, "K#5.1", trail[5].Event.Key)
		assert.Equal(t, "K#5.2", trail[6].Event.Key)
	})

	t.Run("failed, then delivered by Deliver at the clock's time", func(t *testing.T) {
		rec := &recorder{fail: func(call int) bool { return call <= 2 }}
		d, clk, c := setup(t, rec, "bot")
		assert.Equal(t, uint64(5), c.Version)
		require.Len(t, c.Outbox, 2)
		pending, err := d.Pending(ctx)
		require.NoError(t, err)
		require.Len(t, pending, 2)
		assert.Equal(t, []string{"K#5.1", "K#5.2"}, []string{pending[0].Key, pending[1].Key})
		clk.Set(at(100))
		n, err := d.Deliver(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		pending, err = d.Pending(ctx)
		require.NoError(t, err)
		assert.Empty(t, pending)
		trail, err := d.Trail(ctx)
		require.NoError(t, err)
		require.Len(t, trail, 7)
		for _, e := range trail[5:] {
			assert.Equal(t, "bot", e.Event.Actor)
			assert.Equal(t, at(100).UTC(), e.Event.At)
		}
		n, err = d.Deliver(ctx)
		require.NoError(t, err)
		assert.Zero(t, n, "nothing left")
	})

	t.Run("a clock behind the case records at the case's last event", func(t *testing.T) {
		rec := &recorder{fail: func(call int) bool { return call <= 2 }}
		d, clk, _ := setup(t, rec, "")
		clk.Set(at(-60))
		n, err := d.Deliver(ctx)
		require.NoError(t, err)
		assert.Equal(t, 2, n)
		trail, err := d.Trail(ctx)
		require.NoError(t, err)
		assert.Equal(t, at(5).UTC(), trail[6].Event.At)
	})

	t.Run("only the first delivered", func(t *testing.T) {
		// Calls 1 and 2 fail during Apply; in Deliver call 3 (SMS) succeeds
		// and call 4 (e-mail) fails.
		rec := &recorder{fail: func(call int) bool { return call != 3 }}
		d, _, _ := setup(t, rec, "")
		n, err := d.Deliver(ctx)
		assert.Equal(t, 1, n)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "message K#5.2 not delivered")
		assert.NotContains(t, err.Error(), "K#5.1")
		pending, err := d.Pending(ctx)
		require.NoError(t, err)
		require.Len(t, pending, 1)
		assert.Equal(t, "K#5.2", pending[0].Key)
		c, err := d.Case(ctx, "K")
		require.NoError(t, err)
		require.Len(t, c.Outbox, 1)
		assert.Equal(t, EmailMessage, c.Outbox[0].Medium)
	})

	t.Run("cancelled while delivering", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		defer cancel()
		calls := 0
		n := NotifierFunc(func(_ context.Context, m Message) error {
			calls++
			if calls > 2 {
				cancel()
			}
			return errTransient
		})
		d, _, _ := setup(t, n, "")
		got, err := d.Deliver(cctx)
		require.ErrorIs(t, err, context.Canceled)
		assert.Zero(t, got)
		assert.Equal(t, 3, calls, "stopped after the first failure once cancelled")
	})

	t.Run("no notifier", func(t *testing.T) {
		d, _, c := setup(t, nil, "")
		require.Len(t, c.Outbox, 2)
		n, err := d.Deliver(ctx)
		require.NoError(t, err)
		assert.Zero(t, n)
		pending, err := d.Pending(ctx)
		require.NoError(t, err)
		assert.Len(t, pending, 2)
	})
}

// TestDeskMergeIntoTerminalTarget: a case cannot be merged into a withdrawn
// one, even of the same customer.
func TestDeskMergeIntoTerminalTarget(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	for _, id := range []string{"A", "B"} {
		_, err := d.Apply(ctx, Event{Type: Receive, Case: id, At: at(0), Actor: "ana", Intake: claimIntake()})
		require.NoError(t, err)
	}
	_, err := d.Apply(ctx, Event{Type: Withdraw, Case: "A", At: at(1), Actor: "ana"})
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Merge, Case: "B", At: at(2), Actor: "ana", Target: "A"})
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "target A is withdrawn")
	c, err := d.Case(ctx, "B")
	require.NoError(t, err)
	assert.Equal(t, Received, c.State)
}
