package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

func TestClaim(t *testing.T) {
	t0 := base
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := b.open(t, sqlstore.Options{})
			steps := []struct {
				name        string
				do          func() (bool, error)
				want        bool
				description string
			}{
				{"a claims", func() (bool, error) { return s.Claim(ctx, "K#2.1", "a", t0, t0.Add(time.Minute)) }, true, "a free key"},
				{"b is refused", func() (bool, error) { return s.Claim(ctx, "K#2.1", "b", t0.Add(time.Second), t0.Add(time.Minute)) }, false, "a's lease runs"},
				{"a extends", func() (bool, error) { return s.Claim(ctx, "K#2.1", "a", t0.Add(time.Second), t0.Add(2*time.Minute)) }, true, "its own lease"},
				{"b is refused at the old end", func() (bool, error) {
					return s.Claim(ctx, "K#2.1", "b", t0.Add(time.Minute), t0.Add(3*time.Minute))
				}, false, "the extended lease runs"},
				{"b takes it when it ends", func() (bool, error) {
					return s.Claim(ctx, "K#2.1", "b", t0.Add(2*time.Minute), t0.Add(3*time.Minute))
				}, true, "a lease ending at now no longer runs"},
				{"a is refused", func() (bool, error) { return s.Claim(ctx, "K#2.1", "a", t0.Add(2*time.Minute), t0.Add(4*time.Minute)) }, false, "b holds it"},
				{"a's release does nothing", func() (bool, error) {
					return true, s.Release(ctx, "K#2.1", "a")
				}, true, ""},
				{"a is still refused", func() (bool, error) { return s.Claim(ctx, "K#2.1", "a", t0.Add(2*time.Minute), t0.Add(4*time.Minute)) }, false, "b holds it"},
				{"b releases", func() (bool, error) { return true, s.Release(ctx, "K#2.1", "b") }, true, ""},
				{"a claims at once", func() (bool, error) { return s.Claim(ctx, "K#2.1", "a", t0.Add(2*time.Minute), t0.Add(4*time.Minute)) }, true, "released"},
				{"another key is free", func() (bool, error) { return s.Claim(ctx, "K#2.2", "b", t0, t0.Add(time.Minute)) }, true, "claims are per key"},
			}
			for _, st := range steps {
				got, err := st.do()
				if err != nil || got != st.want {
					t.Fatalf("%s = %v, %v; want %v (%s)", st.name, got, err, st.want, st.description)
				}
			}
			for _, bad := range [][2]string{{"", "a"}, {"K#1.1", ""}} {
				if _, err := s.Claim(ctx, bad[0], bad[1], t0, t0.Add(time.Minute)); !errors.Is(err, complaint.ErrInvalidEvent) {
					t.Errorf("Claim(%q, %q): %v, want ErrInvalidEvent", bad[0], bad[1], err)
				}
			}
		})
	}
}

// TestDeliveryRecordDropsTheClaim: once a Notified entry for a message is
// appended, its claim is gone.
func TestDeliveryRecordDropsTheClaim(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			if ok, err := s.Claim(ctx, "A#9.1", "a", base, base.Add(time.Hour)); err != nil || !ok {
				t.Fatal(ok, err)
			}
			rec := complaint.Entry{Version: 2, From: complaint.Received, To: complaint.Received,
				Event: complaint.Event{Type: complaint.Notified, Case: "A", At: base, Actor: "desk", Key: "A#9.1"}}
			mustAppend(t, s, "A", 1, rec)
			var n int
			if err := s.DB().QueryRow("SELECT COUNT(*) FROM complaint_claims").Scan(&n); err != nil || n != 0 {
				t.Errorf("%d claims after the delivery record, %v; want 0", n, err)
			}
		})
	}
}

// countingNotifier counts the messages sent per key.
type countingNotifier struct {
	mu   sync.Mutex
	sent map[string]int
}

func (c *countingNotifier) Notify(_ context.Context, m complaint.Message) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sent[m.Key]++
	return nil
}

// TestDeliverExactlyOnceAcrossStores: two desks, each on a store of its
// own (its own connections) over one database, deliver at once while a third
// moves the cases on; every message is sent exactly once.
func TestDeliverExactlyOnceAcrossStores(t *testing.T) {
	for _, b := range backends {
		if b.name == "sqlite-memory" {
			continue
		}
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			addr := b.addr(t)
			contacts := map[string]complaint.Contact{"luis": {Phone: "+57 300", Email: "luis@red.example"}}
			queue, err := complaint.NewDesk(complaint.DeskConfig{Store: openAt(t, addr, sqlstore.Options{}),
				Messenger: complaint.DefaultMessenger(contacts)})
			if err != nil {
				t.Fatal(err)
			}
			const cases = 10
			for i := range cases {
				id := fmt.Sprintf("K-%02d", i)
				for _, ev := range seedsFlow(id)[:5] { // up to the escalation to luis: an SMS and an e-mail
					if _, err := queue.Apply(ctx, ev); err != nil {
						t.Fatal(err)
					}
				}
			}
			notifier := &countingNotifier{sent: map[string]int{}}
			var desks []*complaint.Desk
			for range 2 {
				d, err := complaint.NewDesk(complaint.DeskConfig{Store: openAt(t, addr, sqlstore.Options{}), Notifier: notifier,
					Messenger: complaint.DefaultMessenger(contacts)})
				if err != nil {
					t.Fatal(err)
				}
				desks = append(desks, d)
			}
			var wg sync.WaitGroup
			for _, d := range desks {
				wg.Go(func() {
					if _, err := d.Deliver(ctx); err != nil {
						t.Error(err)
					}
				})
			}
			wg.Go(func() {
				for i := range cases {
					if _, err := queue.Apply(ctx, seedsFlow(fmt.Sprintf("K-%02d", i))[5]); err != nil {
						t.Error(err)
					}
				}
			})
			wg.Wait()
			for _, d := range desks {
				if _, err := d.Deliver(ctx); err != nil {
					t.Fatal(err)
				}
			}
			if len(notifier.sent) != 2*cases {
				t.Errorf("%d messages sent, want %d", len(notifier.sent), 2*cases)
			}
			for k, n := range notifier.sent {
				if n != 1 {
					t.Errorf("message %s sent %d times", k, n)
				}
			}
			if p, err := desks[1].Pending(ctx); err != nil || len(p) != 0 {
				t.Errorf("Pending after delivery: %d, %v", len(p), err)
			}
		})
	}
}
