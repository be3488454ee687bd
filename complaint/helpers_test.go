package complaint

import (
	"context"
	"github.com/servuction/servuction"
	"sync"
	"time"
)

// t0 is Monday 2 March 2026, 09:00 in Bogotá (UTC−5).
var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.FixedZone("COT", -5*3600))

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

// fakeClock is a settable clock for desks.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Set(t time.Time) {
	c.mu.Lock()
	c.now = t
	c.mu.Unlock()
}

// recorder is a notifier that records deliveries and fails on demand.
type recorder struct {
	mu   sync.Mutex
	sent []Message
	fail func(call int) bool
	call int
}

func (r *recorder) Notify(_ context.Context, m Message) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.call++
	if r.fail != nil && r.fail(r.call) {
		return errTransient
	}
	r.sent = append(r.sent, m)
	return nil
}

type transientError struct{}

func (transientError) Error() string { return "sms gateway timeout" }

var errTransient error = transientError{}

func claimIntake() *Intake {
	return &Intake{Kind: Claim, Channel: 2 /* phone */, Severity: SeverityHigh, Customer: "C-77",
		Subject: "Internet down for three days", RemedySought: "credit for the days without service"}
}

// seedsFlow is the course notes' call-centre flow for a claim the advisor
// cannot handle: received by the advisor, escalated to a network member who
// resolves it and calls the customer back, then closed.
func seedsFlow(id string) []Event {
	return []Event{
		{Type: Receive, Case: id, At: at(0), Actor: "ana", Tier: Advisor, Intake: claimIntake()},
		{Type: Acknowledge, Case: id, At: at(1), Actor: "ana", Tier: Advisor},
		{Type: Assign, Case: id, At: at(2), Actor: "ana", Tier: Advisor, ToTier: Advisor, Assignee: "ana"},
		{Type: Start, Case: id, At: at(3), Actor: "ana", Tier: Advisor},
		{Type: Escalate, Case: id, At: at(5), Actor: "ana", Tier: Advisor, Assignee: "luis",
			Reason: "needs a technician's visit", Note: "router replaced last month; outage confirmed in the area"},
		{Type: Start, Case: id, At: at(60), Actor: "luis", Tier: NetworkMember},
		{Type: Resolve, Case: id, At: at(240), Actor: "luis", Tier: NetworkMember, Resolution: &Resolution{
			Outcome: Upheld, Remedy: "three days' credit", Cause: ProcessCause, Callback: true}},
		{Type: ScheduleCallback, Case: id, At: at(241), Actor: "luis", Tier: NetworkMember, Due: at(300)},
		{Type: CallBack, Case: id, At: at(290), Actor: "luis", Tier: NetworkMember},
		{Type: Close, Case: id, At: at(291), Actor: "luis", Tier: NetworkMember},
	}
}

func mustMoney(s string) servuction.Money { return servuction.MustParseMoney(s) }
