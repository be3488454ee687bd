package complaint

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var luis = map[string]Contact{"luis": {Phone: "+57 300", Email: "luis@red.example"}}

// queueMessages opens n cases escalated to luis on a desk without a
// notifier: 2n messages wait in the outbox.
func queueMessages(t *testing.T, store Store, n int) {
	t.Helper()
	d, err := NewDesk(DeskConfig{Store: store, Messenger: DefaultMessenger(luis), Clock: func() time.Time { return at(5) }})
	require.NoError(t, err)
	for i := range n {
		for _, ev := range seedsFlow(fmt.Sprintf("K-%02d", i))[:5] {
			_, err := d.Apply(context.Background(), ev)
			require.NoError(t, err)
		}
	}
}

// TestDeliverExactlyOnceAcrossDesks is defect 3 of issue 12: two desks
// calling Deliver at once on one store sent all 20 messages twice, since the
// delivery record was refused as back in time when another event landed on
// the case meanwhile. Each message must be sent once, with no failure
// involved, however many desks deliver at once.
func TestDeliverExactlyOnceAcrossDesks(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	queueMessages(t, store, 10)
	rec := &recorder{}
	clock := tickingClock(at(10))
	var ds []*Desk
	for range 2 {
		d, err := NewDesk(DeskConfig{Store: store, Notifier: rec, Clock: clock, Messenger: DefaultMessenger(luis)})
		require.NoError(t, err)
		ds = append(ds, d)
	}
	var wg sync.WaitGroup
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := d.Deliver(ctx)
			assert.NoError(t, err)
		}()
	}
	// Meanwhile the network member starts work on every case, later than
	// the events that queued the messages.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 10 {
			_, err := ds[0].Apply(ctx, Event{Type: Start, Case: fmt.Sprintf("K-%02d", i), Actor: "luis", Tier: NetworkMember})
			assert.NoError(t, err)
		}
	}()
	wg.Wait()
	for _, d := range ds {
		_, err := d.Deliver(ctx)
		require.NoError(t, err)
	}
	sent := map[string]int{}
	for _, m := range rec.sent {
		sent[m.Key]++
	}
	assert.Len(t, sent, 20)
	for k, n := range sent {
		assert.Equal(t, 1, n, "message %s sent %d times", k, n)
	}
	pending, err := ds[1].Pending(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending)
	trail, err := store.Entries(ctx, 0)
	require.NoError(t, err)
	require.NoError(t, Verify(trail, Head{}))
}

// TestDeliveryRecordNeverRefusedForItsTime: an event lands on the case while
// the notifier sends; the delivery record is still written (at the case's
// last instant, not before it) and the message is not sent again.
func TestDeliveryRecordNeverRefusedForItsTime(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	queueMessages(t, store, 1)
	other, err := NewDesk(DeskConfig{Store: store})
	require.NoError(t, err)
	var mu sync.Mutex
	sent := map[string]int{}
	minute := 100
	n := NotifierFunc(func(ctx context.Context, m Message) error {
		mu.Lock()
		sent[m.Key]++
		minute++
		at := at(minute)
		mu.Unlock()
		_, err := other.Apply(ctx, Event{Type: Note, Case: m.Case, At: at, Actor: "eva", Note: "called meanwhile"})
		return err
	})
	d, err := NewDesk(DeskConfig{Store: store, Notifier: n, Clock: func() time.Time { return at(50) }})
	require.NoError(t, err)
	got, err := d.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, got)
	got, err = d.Deliver(ctx)
	require.NoError(t, err)
	assert.Zero(t, got, "nothing left to send")
	assert.Equal(t, map[string]int{"K-00#5.1": 1, "K-00#5.2": 1}, sent)
	trail, err := store.Entries(ctx, 0)
	require.NoError(t, err)
	var records int
	for i, e := range trail {
		if e.Event.Type == Notified {
			records++
			assert.Equal(t, trail[i-1].Event.At, e.Event.At, "recorded at the case's last event, not before it")
		}
	}
	assert.Equal(t, 2, records)
}

// recordFails is a store whose delivery records fail: a desk that sent a
// message and stopped before recording it.
type recordFails struct{ *MemStore }

func (s recordFails) Append(ctx context.Context, id string, expected uint64, entries []Entry) ([]Entry, error) {
	if entries[0].Event.Type == Notified {
		return nil, errBoom
	}
	return s.MemStore.Append(ctx, id, expected, entries)
}

// TestExpiredClaimIsRetried: a desk sends a message and fails to record it;
// its claim keeps other desks from sending it again until the claim
// expires, then another desk sends it once more and records it.
func TestExpiredClaimIsRetried(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	queueMessages(t, store, 1)
	rec := &recorder{}
	clk := &fakeClock{now: at(10)}
	crashing, err := NewDesk(DeskConfig{Store: recordFails{store}, Notifier: rec, Clock: clk.Now, ClaimTTL: 5 * time.Minute})
	require.NoError(t, err)
	n, err := crashing.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "sent, though not recorded")
	other, err := NewDesk(DeskConfig{Store: store, Notifier: rec, Clock: clk.Now, ClaimTTL: 5 * time.Minute})
	require.NoError(t, err)
	clk.Set(at(14))
	n, err = other.Deliver(ctx)
	require.NoError(t, err, "held by another desk: not a failure")
	assert.Zero(t, n)
	pending, err := other.Pending(ctx)
	require.NoError(t, err)
	assert.Len(t, pending, 2, "still pending")
	clk.Set(at(15))
	n, err = other.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n, "the claims expired at minute 15")
	assert.Len(t, rec.sent, 4, "each message sent twice: once per failure")
	pending, err = other.Pending(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending)
}

// TestFailedSendReleasesTheClaim: a notifier failure releases the claim at
// once, so another desk sends the message without waiting for it to expire.
func TestFailedSendReleasesTheClaim(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	queueMessages(t, store, 1)
	clk := &fakeClock{now: at(10)}
	failing, err := NewDesk(DeskConfig{Store: store, Notifier: &recorder{fail: func(int) bool { return true }}, Clock: clk.Now})
	require.NoError(t, err)
	n, err := failing.Deliver(ctx)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "message K-00#5.1 not delivered")
	assert.Zero(t, n)
	rec := &recorder{}
	ok, err := NewDesk(DeskConfig{Store: store, Notifier: rec, Clock: clk.Now})
	require.NoError(t, err)
	n, err = ok.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.Len(t, rec.sent, 2)
}

// TestDeliverWithoutClaims: a store that cannot claim still gets every
// message delivered by one desk, once, recorded.
func TestDeliverWithoutClaims(t *testing.T) {
	ctx := context.Background()
	mem := NewMemStore()
	queueMessages(t, mem, 3)
	rec := &recorder{}
	d, err := NewDesk(DeskConfig{Store: plainStore{mem}, Notifier: rec, Clock: func() time.Time { return at(30) }})
	require.NoError(t, err)
	n, err := d.Deliver(ctx)
	require.NoError(t, err)
	assert.Equal(t, 6, n)
	n, err = d.Deliver(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)
	assert.Len(t, rec.sent, 6)
}
