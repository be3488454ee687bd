package complaint

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newDesk(t testing.TB, store Store, n Notifier) (*Desk, *fakeClock) {
	t.Helper()
	clk := &fakeClock{now: t0}
	d, err := NewDesk(DeskConfig{Store: store, Notifier: n, Clock: clk.Now,
		Messenger: DefaultMessenger(map[string]Contact{"luis": {Phone: "+57 300 000 0000", Email: "luis@red.example"}})})
	require.NoError(t, err)
	return d, clk
}

func TestDeskSeedsFlow(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	d, _ := newDesk(t, NewMemStore(), rec)
	var c Case
	var err error
	for _, ev := range seedsFlow("K-1") {
		c, err = d.Apply(ctx, ev)
		require.NoError(t, err, "%s", ev.Type)
	}
	assert.Equal(t, Closed, c.State)
	assert.Equal(t, NetworkMember, c.Tier)
	assert.Equal(t, []Tier{Advisor, NetworkMember}, c.HandledBy)
	assert.Equal(t, 1, c.Escalations)
	assert.Equal(t, at(1).UTC(), c.AcknowledgedAt)
	assert.Equal(t, at(240).UTC(), c.ResolvedAt)
	assert.Empty(t, c.Outbox, "both messages delivered")
	// The escalation to luis produced an SMS and an e-mail, delivered at once.
	require.Len(t, rec.sent, 2)
	assert.Equal(t, SMS, rec.sent[0].Medium)
	assert.Equal(t, EmailMessage, rec.sent[1].Medium)
	assert.Equal(t, "K-1#5.1", rec.sent[0].Key)
	assert.Equal(t, "K-1#5.2", rec.sent[1].Key)
	assert.Contains(t, rec.sent[0].Body, "router replaced last month")
	// 10 transitions + 2 delivery records.
	trail, err := d.Trail(ctx)
	require.NoError(t, err)
	assert.Len(t, trail, 12)
	require.NoError(t, d.VerifyTrail(ctx, Head{}))
	// The trail replays to the same case.
	cases, err := Replay(trail)
	require.NoError(t, err)
	require.Len(t, cases, 1)
	got, err := d.Case(ctx, "K-1")
	require.NoError(t, err)
	assert.Equal(t, got, cases[0])
}

func TestDeskOpenAssignsIDAndClock(t *testing.T) {
	ctx := context.Background()
	d, clk := newDesk(t, NewMemStore(), nil)
	clk.Set(at(7))
	c, err := d.Open(ctx, Event{Actor: "ana", Tier: Advisor, Intake: claimIntake()})
	require.NoError(t, err)
	assert.Len(t, c.ID, 36, "a UUID")
	assert.Equal(t, at(7).UTC(), c.ReceivedAt)
	assert.Equal(t, Received, c.State)
	_, err = d.Open(ctx, Event{Type: Close, Actor: "ana"})
	assert.ErrorIs(t, err, ErrInvalidEvent)
}

func TestIllegalTransitionLeavesCaseUnchanged(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	ev := seedsFlow("K-2")
	_, err := d.Apply(ctx, ev[0])
	require.NoError(t, err)
	before, err := d.Case(ctx, "K-2")
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Close, Case: "K-2", At: at(3), Actor: "ana"})
	require.ErrorIs(t, err, ErrIllegalTransition)
	assert.Contains(t, err.Error(), "close")
	assert.Contains(t, err.Error(), "received")
	after, err := d.Case(ctx, "K-2")
	require.NoError(t, err)
	assert.Equal(t, before, after)
	_, err = d.Apply(ctx, Event{Type: Acknowledge, Case: "missing", At: at(3), Actor: "ana"})
	assert.ErrorIs(t, err, ErrNotFound)
}

// apply runs events through Decide and apply without a store.
func applyAll(t *testing.T, p Policy, evs ...Event) (Case, error) {
	t.Helper()
	var c Case
	for _, ev := range evs {
		en, err := Decide(c, ev, p)
		if err != nil {
			return c, err
		}
		require.NoError(t, c.apply(en))
	}
	return c, nil
}

func TestGuards(t *testing.T) {
	flow := seedsFlow("G")
	upTo := func(n int, more ...Event) []Event { return append(append([]Event(nil), flow[:n]...), more...) }
	resolve := func(kind Kind, r Resolution) []Event {
		in := *claimIntake()
		in.Kind = kind
		evs := upTo(4)
		evs[0].Intake = &in
		return append(evs, Event{Type: Resolve, Case: "G", At: at(10), Actor: "ana", Resolution: &r})
	}
	tests := []struct {
		name string
		evs  []Event
		want error
		msg  string
	}{
		{"upheld claim without remedy", resolve(Claim, Resolution{Outcome: Upheld, Cause: Negligence}), ErrGuard, "needs a remedy"},
		{"upheld claim without cause", resolve(Claim, Resolution{Outcome: Upheld, Remedy: "refund"}), ErrGuard, "root cause"},
		{"upheld suggestion needs neither", resolve(Suggestion, Resolution{Outcome: Upheld}), nil, ""},
		{"rejection without justification", resolve(Claim, Resolution{Outcome: Rejected, Alternatives: []string{"upgrade"}}), ErrGuard, "justification"},
		{"rejection without alternative", resolve(Claim, Resolution{Outcome: Rejected, Justification: "out of warranty", Alternatives: []string{" "}}), ErrGuard, "alternative"},
		{"rejection with both", resolve(Claim, Resolution{Outcome: Rejected, Justification: "out of warranty", Alternatives: []string{"paid repair at 50%"}}), nil, ""},
		{"resolve without outcome", resolve(Complaint, Resolution{}), ErrInvalidEvent, "outcome"},
		{"escalate without hand-off note", upTo(4, Event{Type: Escalate, Case: "G", At: at(5), Actor: "ana", Reason: "r"}), ErrGuard, "hand-off note"},
		{"escalate without reason", upTo(4, Event{Type: Escalate, Case: "G", At: at(5), Actor: "ana", Note: "n"}), ErrGuard, "reason"},
		{"escalate down", upTo(5, Event{Type: Escalate, Case: "G", At: at(6), Actor: "luis", Reason: "r", Note: "n", ToTier: Advisor}), ErrGuard, "not above"},
		{"escalate past specialist", upTo(5,
			Event{Type: Escalate, Case: "G", At: at(6), Actor: "luis", Reason: "r", Note: "n"},
			Event{Type: Escalate, Case: "G", At: at(7), Actor: "eva", Reason: "r", Note: "n"}), ErrGuard, "no tier above specialist"},
		{"escalate to a department from the top", upTo(5,
			Event{Type: Escalate, Case: "G", At: at(6), Actor: "luis", Reason: "r", Note: "n"},
			Event{Type: Escalate, Case: "G", At: at(7), Actor: "eva", Reason: "r", Note: "n", ToDepartment: TechnicalService}), nil, ""},
		{"close before the callback", upTo(7, Event{Type: Close, Case: "G", At: at(250), Actor: "luis"}), ErrGuard, "called back"},
		{"callback due in the past", upTo(7, Event{Type: ScheduleCallback, Case: "G", At: at(250), Actor: "luis", Due: at(249)}), ErrInvalidEvent, "before the event"},
		{"event back in time", upTo(3, Event{Type: Start, Case: "G", At: at(1), Actor: "ana"}), ErrInvalidEvent, "before the case's last event"},
		{"missing actor", upTo(3, Event{Type: Start, Case: "G", At: at(4), Actor: "  "}), ErrInvalidEvent, "actor is missing"},
		{"unknown event type", upTo(3, Event{Type: 200, Case: "G", At: at(4), Actor: "ana"}), ErrInvalidEvent, "not defined"},
		{"unknown tier", upTo(2, Event{Type: Assign, Case: "G", At: at(4), Actor: "ana", ToTier: 9}), ErrInvalidEvent, "tier"},
		{"negative refund", upTo(3, Event{Type: RecordCost, Case: "G", At: at(4), Actor: "ana", Cost: &Cost{Kind: Refund, Amount: mustMoney("-10 COP")}}), ErrInvalidEvent, "negative"},
		{"mixed currencies", upTo(3,
			Event{Type: RecordCost, Case: "G", At: at(4), Actor: "ana", Cost: &Cost{Kind: Refund, Amount: mustMoney("10 COP")}},
			Event{Type: RecordCost, Case: "G", At: at(5), Actor: "ana", Cost: &Cost{Kind: Credit, Amount: mustMoney("10 USD")}}), ErrInvalidEvent, "currency"},
		{"merge into itself", upTo(3, Event{Type: Merge, Case: "G", At: at(4), Actor: "ana", Target: "G"}), ErrInvalidEvent, "itself"},
		{"receive twice", upTo(1, flow[0]), ErrIllegalTransition, "receive in state received"},
		{"receive without customer", []Event{{Type: Receive, Case: "G", At: at(0), Actor: "ana", Intake: &Intake{Kind: Claim}}}, ErrInvalidEvent, "customer"},
		{"acknowledge before receive", []Event{flow[1]}, ErrIllegalTransition, "state unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := applyAll(t, Policy{}, tt.evs...)
			if tt.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tt.want)
			assert.Contains(t, err.Error(), tt.msg)
			assert.Contains(t, err.Error(), "complaint: ")
		})
	}
}

func TestCallbackAttemptsAndReopenWindow(t *testing.T) {
	flow := seedsFlow("W")[:8] // up to the scheduled callback
	failed := func(m int) Event {
		return Event{Type: CallbackFailed, Case: "W", At: at(m), Actor: "luis", Reason: "no answer"}
	}
	// Policy: 2 attempts. First failure keeps the callback due, second makes
	// the customer unreachable, and then the case can close.
	c, err := applyAll(t, Policy{MaxCallbackAttempts: 2}, append(flow, failed(300), failed(400))...)
	require.NoError(t, err)
	assert.Equal(t, Unreachable, c.State)
	assert.Equal(t, 2, c.CallbackAttempts)
	_, err = applyAll(t, Policy{MaxCallbackAttempts: 2}, append(flow, failed(300))...)
	require.NoError(t, err)

	// Reopen window of 1 day after resolution at minute 240.
	closed := append(flow, failed(300), failed(400), Event{Type: Close, Case: "W", At: at(401), Actor: "luis"})
	p := Policy{MaxCallbackAttempts: 2, ReopenWindow: 24 * time.Hour}
	c, err = applyAll(t, p, append(closed, Event{Type: Dispute, Case: "W", At: at(240 + 24*60), Actor: "ana", Reason: "credit too small"})...)
	require.NoError(t, err, "exactly at the end of the window")
	assert.Equal(t, Disputed, c.State)
	_, err = applyAll(t, p, append(closed, Event{Type: Reopen, Case: "W", At: at(240 + 24*60 + 1), Actor: "ana"})...)
	require.ErrorIs(t, err, ErrGuard)
	assert.Contains(t, err.Error(), "follow-up")
}

func TestDeskDisputeAfterWindowOpensFollowUp(t *testing.T) {
	ctx := context.Background()
	n := 0
	store := NewMemStore()
	d, err := NewDesk(DeskConfig{Store: store, Policy: Policy{ReopenWindow: time.Hour},
		NewID: func() string { n++; return fmt.Sprintf("F-%d", n) }})
	require.NoError(t, err)
	for _, ev := range seedsFlow("K-9") {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	// Within the hour after resolution (minute 240): the case is disputed.
	c, err := d.Dispute(ctx, Event{Case: "K-9", At: at(295), Actor: "ana"})
	require.NoError(t, err)
	assert.Equal(t, "K-9", c.ID)
	assert.Equal(t, Disputed, c.State)
	_, err = d.Apply(ctx, Event{Type: Resolve, Case: "K-9", At: at(296), Actor: "luis", Resolution: &Resolution{Outcome: Rejected, Justification: "credit already generous", Alternatives: []string{"loyalty discount"}}})
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Close, Case: "K-9", At: at(297), Actor: "luis"})
	require.NoError(t, err)
	// Two days later: a follow-up case linked to K-9.
	c, err = d.Dispute(ctx, Event{Case: "K-9", At: at(3000), Actor: "ana"})
	require.NoError(t, err)
	assert.Equal(t, "F-1", c.ID)
	assert.Equal(t, "K-9", c.FollowUpOf)
	assert.Equal(t, "C-77", c.Customer)
	assert.Equal(t, Received, c.State)
}

func TestDeskMerge(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	open := func(id, customer string, m int) {
		in := claimIntake()
		in.Customer = customer
		_, err := d.Apply(ctx, Event{Type: Receive, Case: id, At: at(m), Actor: "ana", Intake: in})
		require.NoError(t, err)
	}
	open("A", "C-1", 0)
	open("B", "C-1", 1)
	open("X", "C-2", 2)
	_, err := d.Apply(ctx, Event{Type: Merge, Case: "B", At: at(3), Actor: "ana", Target: "X"})
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "customer")
	_, err = d.Apply(ctx, Event{Type: Merge, Case: "B", At: at(3), Actor: "ana", Target: "nope"})
	require.ErrorIs(t, err, ErrNotFound)
	c, err := d.Apply(ctx, Event{Type: Merge, Case: "B", At: at(3), Actor: "ana", Target: "A"})
	require.NoError(t, err)
	assert.Equal(t, Merged, c.State)
	assert.Equal(t, "A", c.MergedInto)
	// Terminal: nothing but delivery records.
	_, err = d.Apply(ctx, Event{Type: Note, Case: "B", At: at(4), Actor: "ana", Note: "x"})
	require.ErrorIs(t, err, ErrIllegalTransition)
	_, err = d.Apply(ctx, Event{Type: Merge, Case: "A", At: at(4), Actor: "ana", Target: "B"})
	require.ErrorIs(t, err, ErrInvalidEvent, "cannot merge into a merged case")
}

// TestConcurrentDesksNoLostUpdate runs two desks on one store adding notes to
// the same case from many goroutines: every note lands, versions are
// consecutive, and the trail verifies.
func TestConcurrentDesksNoLostUpdate(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	d1, _ := newDesk(t, store, nil)
	d2, _ := newDesk(t, store, nil)
	_, err := d1.Apply(ctx, seedsFlow("K-3")[0])
	require.NoError(t, err)
	const workers, each = 8, 25
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		d := d1
		if w%2 == 1 {
			d = d2
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				for {
					_, err := d.Apply(ctx, Event{Type: Note, Case: "K-3", At: at(1), Actor: fmt.Sprintf("agent-%d", w), Note: fmt.Sprint(i)})
					if errors.Is(err, ErrConflict) {
						continue // retries exhausted under heavy contention: try again
					}
					errs <- err
					break
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	entries, err := store.Load(ctx, "K-3")
	require.NoError(t, err)
	require.Len(t, entries, 1+workers*each)
	for i, e := range entries {
		assert.Equal(t, uint64(i+1), e.Version)
	}
	require.NoError(t, store.ledger.Verify(Head{}))
}

// TestFlakyNotifier: a notifier failing every other call. Every message is
// delivered eventually, none twice with the same key, and no transition is
// lost.
func TestFlakyNotifier(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{fail: func(call int) bool { return call%2 == 1 }}
	store := NewMemStore()
	d, _ := newDesk(t, store, rec)
	const cases = 10
	for i := range cases {
		for _, ev := range seedsFlow(fmt.Sprintf("K-%02d", i))[:5] { // up to the escalation to luis
			_, err := d.Apply(ctx, ev)
			require.NoError(t, err)
		}
	}
	for range 20 {
		pending, err := d.Pending(ctx)
		require.NoError(t, err)
		if len(pending) == 0 {
			break
		}
		_, _ = d.Deliver(ctx)
	}
	pending, err := d.Pending(ctx)
	require.NoError(t, err)
	assert.Empty(t, pending)
	seen := map[string]int{}
	for _, m := range rec.sent {
		seen[m.Key]++
	}
	assert.Len(t, seen, 2*cases, "an SMS and an e-mail per case")
	for k, n := range seen {
		assert.Equal(t, 1, n, "key %s delivered %d times", k, n)
	}
	for i := range cases {
		c, err := d.Case(ctx, fmt.Sprintf("K-%02d", i))
		require.NoError(t, err)
		assert.Equal(t, Assigned, c.State)
		assert.Empty(t, c.Outbox)
	}
	// A fresh desk on the same store (a restart) finds nothing to deliver.
	d2, _ := newDesk(t, store, rec)
	n, err := d2.Deliver(ctx)
	require.NoError(t, err)
	assert.Zero(t, n)
}

func TestNewDeskRejectsBadConfig(t *testing.T) {
	_, err := NewDesk(DeskConfig{Retries: -1, Policy: Policy{ReopenWindow: -time.Hour, MaxCallbackAttempts: -1},
		ClaimTTL: -time.Second, CacheSize: -2})
	require.ErrorIs(t, err, ErrInvalidConfig)
	for _, s := range []string{"store is missing", "retries -1", "reopen window -1h0m0s", "max callback attempts -1",
		"claim TTL -1s", "cache size -2"} {
		assert.Contains(t, err.Error(), s)
	}
}

func TestWaitResumeWithdrawAndCases(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	for _, ev := range seedsFlow("W-1")[:4] {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	steps := []struct {
		ev   Event
		want State
	}{
		{Event{Type: WaitForCustomer, At: at(10), Actor: "ana", Note: "please send the invoice"}, WaitingCustomer},
		{Event{Type: Resume, At: at(50), Actor: "ana"}, InProgress},
		{Event{Type: WaitForThirdParty, At: at(60), Actor: "ana", Note: "asked the carrier"}, WaitingThirdParty},
		{Event{Type: Resume, At: at(90), Actor: "ana"}, InProgress},
		{Event{Type: Withdraw, At: at(95), Actor: "ana", Reason: "the customer found the payment"}, Withdrawn},
	}
	var c Case
	var err error
	for _, s := range steps {
		s.ev.Case = "W-1"
		c, err = d.Apply(ctx, s.ev)
		require.NoError(t, err, "%s", s.ev.Type)
		assert.Equal(t, s.want, c.State)
	}
	// Acknowledged at minute 1; the first response the customer saw was the
	// question at minute 10.
	assert.Equal(t, at(1).UTC(), c.AcknowledgedAt)
	assert.Equal(t, at(10).UTC(), c.FirstResponseAt)
	assert.True(t, c.State.Terminal())
	_, err = d.Apply(ctx, Event{Type: Reopen, Case: "W-1", At: at(96), Actor: "ana"})
	require.ErrorIs(t, err, ErrIllegalTransition)

	_, err = d.Apply(ctx, seedsFlow("W-2")[0])
	require.NoError(t, err)
	cases, err := d.Cases(ctx)
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, "W-1", cases[0].ID)
	assert.Equal(t, "W-2", cases[1].ID)
}

func TestDisputeOfOpenCaseIsIllegal(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	for _, ev := range seedsFlow("D-1")[:4] {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	_, err := d.Dispute(ctx, Event{Case: "D-1", At: at(9), Actor: "ana"})
	require.ErrorIs(t, err, ErrIllegalTransition)
	cases, err := d.Cases(ctx)
	require.NoError(t, err)
	assert.Len(t, cases, 1, "no follow-up case for an open case")
}

func TestEscalateToDepartment(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	for _, ev := range seedsFlow("R-1")[:5] { // escalated to the network member
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	c, err := d.Apply(ctx, Event{Type: Escalate, Case: "R-1", At: at(70), Actor: "luis", Tier: NetworkMember,
		ToDepartment: SalesForce, Reason: "contract terms", Note: "customer asks for the promised discount", Assignee: "marta"})
	require.NoError(t, err)
	assert.Equal(t, SalesForce, c.Department)
	assert.Equal(t, NetworkMember, c.Tier, "routing to a department keeps the tier")
	assert.Equal(t, "marta", c.Assignee)
	assert.Equal(t, 2, c.Escalations)
	// Then up to the specialist, still with sales.
	c, err = d.Apply(ctx, Event{Type: Escalate, Case: "R-1", At: at(80), Actor: "marta", Reason: "legal review", Note: "contract clause 7"})
	require.NoError(t, err)
	assert.Equal(t, Specialist, c.Tier)
	assert.Equal(t, SalesForce, c.Department)
	assert.Equal(t, []Tier{Advisor, NetworkMember, Specialist}, c.HandledBy)
	h, err := d.Head(ctx)
	require.NoError(t, err)
	assert.Equal(t, uint64(7), h.Seq)
}

// TestMessengerOnEveryEntry: a messenger that notifies on every entry does
// not loop on its own delivery records.
func TestMessengerOnEveryEntry(t *testing.T) {
	ctx := context.Background()
	rec := &recorder{}
	d, err := NewDesk(DeskConfig{Store: NewMemStore(), Notifier: rec, Clock: func() time.Time { return t0 },
		Messenger: func(c Case, e Entry) []Message {
			return []Message{{Medium: EmailMessage, To: "supervisor@example", Subject: e.Event.Type.String()}}
		}})
	require.NoError(t, err)
	for _, ev := range seedsFlow("M-1")[:3] {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	require.Len(t, rec.sent, 3)
	assert.Equal(t, []string{"receive", "acknowledge", "assign"}, []string{rec.sent[0].Subject, rec.sent[1].Subject, rec.sent[2].Subject})
	trail, err := d.Trail(ctx)
	require.NoError(t, err)
	assert.Len(t, trail, 6, "3 transitions and 3 delivery records")
}

func TestChecklistAndCostRecordedOnCase(t *testing.T) {
	ctx := context.Background()
	d, _ := newDesk(t, NewMemStore(), nil)
	for _, ev := range seedsFlow("P-1")[:4] {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	cl, err := NewChecklist(DenyingRequest, 0, 1, 2, 3, 4, 5)
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: RecordChecklist, Case: "P-1", At: at(20), Actor: "ana", Checklist: &cl})
	require.NoError(t, err)
	cl.Done[0] = false // the caller's copy; the recorded one must not change
	_, err = d.Apply(ctx, Event{Type: RecordCost, Case: "P-1", At: at(21), Actor: "ana", Cost: &Cost{Kind: Refund, Amount: mustMoney("12000.50 COP")}})
	require.NoError(t, err)
	c, err := d.Apply(ctx, Event{Type: RecordCost, Case: "P-1", At: at(22), Actor: "ana", Cost: &Cost{Kind: Legal, Amount: mustMoney("7999.50 COP")}})
	require.NoError(t, err)
	require.Len(t, c.Checklists, 1)
	assert.Equal(t, DenyingRequest, c.Checklists[0].Protocol)
	assert.InDelta(t, 1.0, c.Checklists[0].Completion(), 1e-12)
	total, err := c.TotalCost()
	require.NoError(t, err)
	assert.True(t, total.Equal(mustMoney("20000 COP")), "12000.50 + 7999.50 = 20000, got %s", total)
	assert.Equal(t, InProgress, c.State, "annotations keep the state")
	_, err = d.Apply(ctx, Event{Type: RecordChecklist, Case: "P-1", At: at(23), Actor: "ana", Checklist: &Checklist{Protocol: DenyingRequest}})
	require.ErrorIs(t, err, ErrInvalidValue)
}

// plainStore hides every optional interface of the store it wraps.
type plainStore struct{ Store }

// countingStore counts the reads a desk makes of a memory store.
type countingStore struct {
	*MemStore
	mu                    sync.Mutex
	loads, tails, entries int
	tailEntries           int
}

func (s *countingStore) Load(ctx context.Context, id string) ([]Entry, error) {
	s.mu.Lock()
	s.loads++
	s.mu.Unlock()
	return s.MemStore.Load(ctx, id)
}

func (s *countingStore) LoadAfter(ctx context.Context, id string, v uint64) ([]Entry, error) {
	got, err := s.MemStore.LoadAfter(ctx, id, v)
	s.mu.Lock()
	s.tails++
	s.tailEntries += len(got)
	s.mu.Unlock()
	return got, err
}

func (s *countingStore) Entries(ctx context.Context, after uint64) ([]Entry, error) {
	s.mu.Lock()
	s.entries++
	s.mu.Unlock()
	return s.MemStore.Entries(ctx, after)
}

// TestDeskCasesDoesNotRebuild: Cases reads the summaries and folds only the
// cases it has not cached at their current version; what another desk
// appended is read as a tail, not replayed.
func TestDeskCasesDoesNotRebuild(t *testing.T) {
	ctx := context.Background()
	store := &countingStore{MemStore: NewMemStore()}
	d, _ := newDesk(t, store, nil)
	for i := range 5 {
		for _, ev := range seedsFlow(fmt.Sprint("K-", i))[:4] {
			_, err := d.Apply(ctx, ev)
			require.NoError(t, err)
		}
	}
	require.Zero(t, store.loads, "new cases are not read back")
	first, err := d.Cases(ctx)
	require.NoError(t, err)
	require.Len(t, first, 5)
	again, err := d.Cases(ctx)
	require.NoError(t, err)
	assert.Equal(t, first, again)
	assert.Zero(t, store.loads+store.tails+store.entries, "every case was cached at its version")
	// Another desk moves case K-2 on: this desk reads its one new entry.
	other, _ := newDesk(t, store, nil)
	_, err = other.Apply(ctx, Event{Type: Note, Case: "K-2", At: at(10), Actor: "eva", Note: "n"})
	require.NoError(t, err)
	loads := store.loads
	cases, err := d.Cases(ctx)
	require.NoError(t, err)
	assert.Equal(t, loads, store.loads, "no case loaded whole")
	assert.Equal(t, 1, store.tailEntries)
	assert.Equal(t, uint64(5), cases[2].Version)
	replayed, err := Replay(store.ledger.Entries(0))
	require.NoError(t, err)
	assert.Equal(t, replayed, cases, "the same cases as a replay")
	// A desk with a small cache folds the cases it dropped again, correctly.
	small, err := NewDesk(DeskConfig{Store: store, CacheSize: 2})
	require.NoError(t, err)
	got, err := small.Cases(ctx)
	require.NoError(t, err)
	assert.Equal(t, replayed, got)
	assert.LessOrEqual(t, len(small.cache), 2)
}

// TestDeskQueryWithoutQuerier: a store without queries answers the same
// through the desk, from a fold of the trail.
func TestDeskQueryWithoutQuerier(t *testing.T) {
	ctx := context.Background()
	mem := NewMemStore()
	d, _ := newDesk(t, mem, nil)
	for i := range 6 {
		flow := seedsFlow(fmt.Sprint("K-", i))
		for _, ev := range flow[:1+i] {
			_, err := d.Apply(ctx, ev)
			require.NoError(t, err)
		}
	}
	plain, _ := newDesk(t, plainStore{mem}, nil)
	for _, q := range []Query{{}, {States: []State{InProgress, Assigned}}, {Tiers: []Tier{NetworkMember}}, {Pending: true}, {Limit: 2}} {
		want, err := d.Query(ctx, q)
		require.NoError(t, err)
		got, err := plain.Query(ctx, q)
		require.NoError(t, err)
		assert.Equal(t, want, got, "%+v", q)
		wn, err := d.Count(ctx, q)
		require.NoError(t, err)
		gn, err := plain.Count(ctx, q)
		require.NoError(t, err)
		assert.Equal(t, wn, gn)
	}
	n, err := plain.Count(ctx, Query{States: []State{Assigned}})
	require.NoError(t, err)
	assert.Equal(t, 2, n, "K-2 (assigned to ana) and K-4 (escalated to luis)")
	_, err = plain.Count(ctx, Query{Limit: -1, States: []State{99}})
	require.ErrorIs(t, err, ErrInvalidQuery)
	_, err = plain.Query(ctx, Query{Limit: -1})
	require.ErrorIs(t, err, ErrInvalidQuery)
	cases, err := plain.Cases(ctx)
	require.NoError(t, err)
	assert.Len(t, cases, 6)
}

// tickingClock returns a clock shared by several desks that moves forward
// one millisecond on every reading, as a wall clock read by concurrent
// goroutines does.
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

// TestConcurrentDesksEveryEventAccepted is defect 2 of issue 12: Apply
// stamped an event's time once, before its retry loop, so after a conflict
// it retried with a time now before the case's last event and failed with
// ErrInvalidEvent (45 of 300 events refused with 4 desks × 12 goroutines).
// Every event must be accepted without the caller retrying.
func TestConcurrentDesksEveryEventAccepted(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	clock := tickingClock(t0)
	const desks, goroutines, each = 4, 12, 6
	var ds []*Desk
	for range desks {
		d, err := NewDesk(DeskConfig{Store: store, Clock: clock})
		require.NoError(t, err)
		ds = append(ds, d)
	}
	_, err := ds[0].Apply(ctx, Event{Type: Receive, Case: "K-1", Actor: "ana", Intake: claimIntake()})
	require.NoError(t, err)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var refused []error
	for g := range desks * goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := ds[g%desks]
			for i := range each {
				_, err := d.Apply(ctx, Event{Type: Note, Case: "K-1", Actor: fmt.Sprintf("agent-%d", g), Note: fmt.Sprint(i)})
				if err != nil {
					mu.Lock()
					refused = append(refused, err)
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	require.Empty(t, refused, "%d of %d events refused; first: %v", len(refused), desks*goroutines*each, firstErr(refused))
	c, err := ds[1].Case(ctx, "K-1")
	require.NoError(t, err)
	assert.Equal(t, uint64(1+desks*goroutines*each), c.Version)
	trail, err := store.Entries(ctx, 0)
	require.NoError(t, err)
	require.NoError(t, Verify(trail, Head{}))
	for i := 1; i < len(trail); i++ {
		assert.False(t, trail[i].Event.At.Before(trail[i-1].Event.At), "entry %d is earlier than the one before", i+1)
	}
}

func firstErr(errs []error) error {
	if len(errs) == 0 {
		return nil
	}
	return errs[0]
}

// TestRetryDecidesAgainstTheFreshCase: after a conflict the event is decided
// again against the case as another desk left it: a guard that now fails
// reaches the caller, an explicit instant now before the case's last event
// is refused (never moved), and a desk-stamped one is stamped at the case's
// last event when the clock lags behind it.
func TestRetryDecidesAgainstTheFreshCase(t *testing.T) {
	ctx := context.Background()
	store := NewMemStore()
	a, err := NewDesk(DeskConfig{Store: store, Clock: func() time.Time { return at(100) }})
	require.NoError(t, err)
	b, err := NewDesk(DeskConfig{Store: store})
	require.NoError(t, err)
	for _, ev := range seedsFlow("R-1")[:6] { // escalated to the network member, started
		_, err := a.Apply(ctx, ev)
		require.NoError(t, err)
	}
	// b escalates to the specialist; a still holds the case at tier 2.
	_, err = b.Apply(ctx, Event{Type: Escalate, Case: "R-1", At: at(61), Actor: "luis", Reason: "r", Note: "n"})
	require.NoError(t, err)
	_, err = a.Apply(ctx, Event{Type: Escalate, Case: "R-1", At: at(62), Actor: "luis", Reason: "r", Note: "n"})
	require.ErrorIs(t, err, ErrGuard)
	assert.Contains(t, err.Error(), "no tier above specialist")

	// b notes at minute 200; a's explicit minute 150 is refused as is.
	_, err = b.Apply(ctx, Event{Type: Note, Case: "R-1", At: at(200), Actor: "eva", Note: "x"})
	require.NoError(t, err)
	_, err = a.Apply(ctx, Event{Type: Note, Case: "R-1", At: at(150), Actor: "ana", Note: "y"})
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.Contains(t, err.Error(), "before the case's last event")
	// a's clock reads minute 100, behind the case: stamped at minute 200.
	c, err := a.Apply(ctx, Event{Type: Note, Case: "R-1", Actor: "ana", Note: "z"})
	require.NoError(t, err)
	assert.Equal(t, at(200).UTC(), c.UpdatedAt)
	assert.Equal(t, uint64(9), c.Version)
}
