package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
)

// tickingClock is a wall clock shared by desks: every reading is one
// millisecond later.
func tickingClock(start time.Time) func() time.Time {
	var mu sync.Mutex
	now := start
	return func() time.Time {
		mu.Lock()
		defer mu.Unlock()
		now = now.Add(time.Millisecond)
		return now
	}
}

// testConcurrentDesks: 4 desks × 6 goroutines add desk-stamped notes to one
// case. Every event is accepted without the caller retrying, the final
// version is their count, instants never go back and the trail verifies.
func testConcurrentDesks(t testing.TB, s complaint.Store) {
	ctx := context.Background()
	clock := tickingClock(base)
	const desks, goroutines, each = 4, 6, 5
	var ds []*complaint.Desk
	for range desks {
		d, err := complaint.NewDesk(complaint.DeskConfig{Store: s, Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	if _, err := ds[0].Apply(ctx, complaint.Event{Type: complaint.Receive, Case: "K-1", Actor: "ana",
		Intake: &complaint.Intake{Kind: complaint.Claim, Customer: "C-1"}}); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, desks*goroutines*each)
	for g := range desks * goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				_, err := ds[g%desks].Apply(ctx, complaint.Event{Type: complaint.Note, Case: "K-1", Actor: fmt.Sprint("agent-", g), Note: fmt.Sprint(i)})
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	n := 0
	for err := range errs {
		if n == 0 {
			t.Errorf("event refused: %v", err)
		}
		n++
	}
	if n > 0 {
		t.Fatalf("%d of %d events refused", n, desks*goroutines*each)
	}
	got, err := s.Load(ctx, "K-1")
	if err != nil {
		t.Fatal(err)
	}
	if want := 1 + desks*goroutines*each; len(got) != want || got[len(got)-1].Version != uint64(want) {
		t.Fatalf("case K-1 has %d entries, want %d", len(got), want)
	}
	for i := 1; i < len(got); i++ {
		if got[i].Event.At.Before(got[i-1].Event.At) {
			t.Errorf("entry %d at %s is before the one before it", i+1, got[i].Event.At)
		}
	}
	c, err := ds[3].Case(ctx, "K-1")
	if err != nil || c.Version != uint64(len(got)) {
		t.Errorf("a desk sees version %d, %v; want %d", c.Version, err, len(got))
	}
	all, _ := s.Entries(ctx, 0)
	head, _ := s.Head(ctx)
	if err := complaint.Verify(all, head); err != nil {
		t.Errorf("trail: %v", err)
	}
}

// sentOnce is a notifier shared by desks that counts what it sends.
type sentOnce struct {
	mu   sync.Mutex
	sent map[string]int
}

func (n *sentOnce) Notify(_ context.Context, m complaint.Message) error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.sent[m.Key]++
	return nil
}

// testDeliveryExactlyOnce: 20 messages wait in the outbox; 3 desks deliver
// at once while events land on the cases. Each message is sent once, and
// nothing is pending after.
func testDeliveryExactlyOnce(t testing.TB, s complaint.Store) {
	if _, ok := s.(complaint.Claimer); !ok {
		t.Skip("the store is not a complaint.Claimer: desks deliver at least once")
	}
	ctx := context.Background()
	contacts := map[string]complaint.Contact{"luis": {Phone: "+57 300", Email: "luis@red.example"}}
	producer, err := complaint.NewDesk(complaint.DeskConfig{Store: s, Messenger: complaint.DefaultMessenger(contacts),
		Clock: func() time.Time { return base }})
	if err != nil {
		t.Fatal(err)
	}
	const cases = 10
	for i := range cases {
		id := fmt.Sprintf("D-%02d", i)
		for _, ev := range []complaint.Event{
			{Type: complaint.Receive, Case: id, Actor: "ana", Intake: &complaint.Intake{Kind: complaint.Claim, Customer: "C"}},
			{Type: complaint.Assign, Case: id, Actor: "ana", ToTier: complaint.NetworkMember, Assignee: "luis"},
		} {
			if _, err := producer.Apply(ctx, ev); err != nil {
				t.Fatal(err)
			}
		}
	}
	n := &sentOnce{sent: map[string]int{}}
	clock := tickingClock(base.Add(time.Hour))
	var ds []*complaint.Desk
	for range 3 {
		d, err := complaint.NewDesk(complaint.DeskConfig{Store: s, Notifier: n, Clock: clock})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, d)
	}
	var wg sync.WaitGroup
	for _, d := range ds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := d.Deliver(ctx); err != nil {
				t.Errorf("Deliver: %v", err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range cases {
			if _, err := ds[0].Apply(ctx, complaint.Event{Type: complaint.Start, Case: fmt.Sprintf("D-%02d", i), Actor: "luis"}); err != nil {
				t.Errorf("Start: %v", err)
			}
		}
	}()
	wg.Wait()
	for _, d := range ds {
		if _, err := d.Deliver(ctx); err != nil {
			t.Errorf("Deliver: %v", err)
		}
	}
	if len(n.sent) != 2*cases {
		t.Errorf("%d messages sent, want %d", len(n.sent), 2*cases)
	}
	for k, c := range n.sent {
		if c != 1 {
			t.Errorf("message %s sent %d times", k, c)
		}
	}
	if p, err := ds[2].Pending(ctx); err != nil || len(p) != 0 {
		t.Errorf("pending after delivery: %d, %v", len(p), err)
	}
	all, _ := s.Entries(ctx, 0)
	if err := complaint.Verify(all, complaint.Head{}); err != nil {
		t.Errorf("trail: %v", err)
	}
}
