package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sla"
)

// Monday 2 March 2026 in Bogotá.
var bogota = time.FixedZone("COT", -5*3600)

// agreement is the call centre's ANS (acuerdo de niveles de servicio):
// counted in business hours, Monday to Friday 08:00–18:00 in Bogotá, the
// customer gets a first response (the acknowledgement) within 30 minutes and a
// resolution within 8 business hours for high priority, 4 for urgent.
func agreement() (*sla.Agreement, error) {
	week := sla.MustParseShifts("08:00-18:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		return nil, err
	}
	return sla.NewAgreement(sla.AgreementConfig{
		Name: "ANS centro de llamadas", Kind: sla.CustomerBased, Calendars: map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{
			{Metric: sla.FirstResponse, Calendar: "oficina", Threshold: 95,
				Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour, sla.High: 30 * time.Minute, sla.Urgent: 15 * time.Minute}},
			{Metric: sla.Resolution, Calendar: "oficina", Threshold: 90,
				Targets: map[sla.Priority]time.Duration{sla.Normal: 16 * time.Hour, sla.High: 8 * time.Hour, sla.Urgent: 4 * time.Hour}},
		},
	})
}

func at(hour, minute int) time.Time { return time.Date(2026, 3, 2, hour, minute, 0, 0, bogota) }

// printer is the host's notifier: here it prints what an SMS gateway and a
// mail server would send. The first SMS fails, to show that the message stays
// in the outbox and is retried under the same idempotency key.
type printer struct {
	w     io.Writer
	calls int
}

func (p *printer) Notify(_ context.Context, m complaint.Message) error {
	p.calls++
	if p.calls == 1 {
		fmt.Fprintf(p.w, "    ! %s gateway timeout for %s (message %s stays in the outbox)\n", m.Medium, m.To, m.Key)
		return errors.New("gateway timeout")
	}
	fmt.Fprintf(p.w, "    > %-5s to %-18s key %-8s %s\n", m.Medium, m.To, m.Key, m.Subject)
	return nil
}

// day takes the day's three calls on a desk over store and returns the
// desk.
func day(ctx context.Context, w io.Writer, store complaint.Store) (*complaint.Desk, error) {
	desk, err := complaint.NewDesk(complaint.DeskConfig{
		Store:    store,
		Notifier: &printer{w: w},
		// Who is reached how: the network member Luis has a phone for SMS and
		// an e-mail address (red de servicio).
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{
			"luis": {Phone: "+57 300 555 0101", Email: "luis@red.example"},
		}),
		Clock:  func() time.Time { return at(9, 20) }, // the desk's clock, for the retry below
		Policy: complaint.Policy{MaxCallbackAttempts: 3},
	})
	if err != nil {
		return nil, err
	}
	ans, err := agreement()
	if err != nil {
		return nil, err
	}
	a := applier{ctx: ctx, w: w, desk: desk}
	call1(a)
	if err := call2(ctx, w, a, ans); err != nil {
		return nil, err
	}
	if err := call3(ctx, w, a, ans); err != nil {
		return nil, err
	}
	return desk, nil
}

// applier applies events on a desk and prints each step, or why it was
// refused.
type applier struct {
	ctx  context.Context
	w    io.Writer
	desk *complaint.Desk
}

func (a applier) apply(ev complaint.Event) complaint.Case {
	c, err := a.desk.Apply(a.ctx, ev)
	if err != nil {
		fmt.Fprintln(a.w, "    refused:", err)
		return c
	}
	fmt.Fprintf(a.w, "  %s %-14s %-17s -> %s\n", ev.At.Format("15:04"), ev.Actor, ev.Type, c.State)
	return c
}

// call1: an inquiry the advisor can handle herself (steps 1–3): resolved at
// first contact.
func call1(a applier) {
	fmt.Fprintln(a.w, "Call 1: the advisor handles the request herself")
	a.apply(complaint.Event{Type: complaint.Receive, Case: "TC-1001", At: at(9, 0), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Intake: &complaint.Intake{Kind: complaint.Inquiry, Channel: servuction.Phone, Customer: "CUST-17", Subject: "invoice due date"}})
	a.apply(complaint.Event{Type: complaint.Resolve, Case: "TC-1001", At: at(9, 4), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld}})
	a.apply(complaint.Event{Type: complaint.Close, Case: "TC-1001", At: at(9, 5), Actor: "ana (asesora)", Tier: complaint.Advisor})
}

// call2: a claim she cannot handle (steps 4–6).
func call2(ctx context.Context, w io.Writer, a applier, ans *sla.Agreement) error {
	fmt.Fprintln(w, "\nCall 2: a claim the advisor passes to the service network")
	id := "TC-1002"
	ana := func(ev complaint.Event) complaint.Event {
		ev.Case, ev.Actor, ev.Tier = id, "ana (asesora)", complaint.Advisor
		return ev
	}
	a.apply(ana(complaint.Event{Type: complaint.Receive, At: at(9, 10),
		Intake: &complaint.Intake{Kind: complaint.Claim, Channel: servuction.Phone, Severity: complaint.SeverityHigh,
			Customer: "CUST-42", Subject: "no internet for three days", RemedySought: "credit for the days without service"}}))
	a.apply(ana(complaint.Event{Type: complaint.Acknowledge, At: at(9, 11)}))
	a.apply(ana(complaint.Event{Type: complaint.Assign, At: at(9, 12), ToTier: complaint.Advisor, Assignee: "ana"}))
	a.apply(ana(complaint.Event{Type: complaint.Start, At: at(9, 12)}))
	// An escalation without a hand-off note is refused: the next agent must
	// receive the traceability information.
	a.apply(ana(complaint.Event{Type: complaint.Escalate, At: at(9, 15), Assignee: "luis", Reason: "needs a technician"}))
	a.apply(ana(complaint.Event{Type: complaint.Escalate, At: at(9, 15), Assignee: "luis", Reason: "needs a technician",
		Note: "modem lights OK, no sync; neighbours report the same; customer reachable on 601 555 0142 after 11:00"}))

	// The SMS failed once: the desk retries the outbox.
	fmt.Fprintln(w, "  retrying the outbox:")
	if n, err := a.desk.Deliver(ctx); err != nil {
		fmt.Fprintln(w, "    still pending:", err)
	} else {
		fmt.Fprintf(w, "    %d message(s) delivered on retry\n", n)
	}
	c := network(a, id)
	fmt.Fprintf(w, "  case %s: tiers %v, %d escalation, %d callback attempts, outbox %d pending\n",
		c.ID, c.HandledBy, c.Escalations, c.CallbackAttempts, len(c.Outbox))

	// The case's SLA clocks (ANS): the acknowledgement at 09:11 was the first
	// response; the resolution clock stopped at 11:50.
	fmt.Fprintln(w, "  SLA clocks of", id)
	return printClocks(ctx, w, a.desk, ans, id, at(12, 21))
}

// network is the network member's work on the claim: he resolves it and
// calls the customer back.
func network(a applier, id string) complaint.Case {
	luis := func(ev complaint.Event) complaint.Event {
		ev.Case, ev.Actor, ev.Tier = id, "luis (red)", complaint.NetworkMember
		return ev
	}
	a.apply(luis(complaint.Event{Type: complaint.Start, At: at(10, 30)}))
	a.apply(luis(complaint.Event{Type: complaint.Note, At: at(11, 40), Note: "splitter replaced at the street cabinet; line synced"}))
	a.apply(luis(complaint.Event{Type: complaint.RecordCost, At: at(11, 45),
		Cost: &complaint.Cost{Kind: complaint.Credit, Amount: servuction.MustParseMoney("45000 COP"), Note: "three days of service"}}))
	// A claim upheld needs a remedy and a root cause.
	a.apply(luis(complaint.Event{Type: complaint.Resolve, At: at(11, 50),
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Cause: complaint.ProcessCause}}))
	a.apply(luis(complaint.Event{Type: complaint.Resolve, At: at(11, 50),
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Cause: complaint.ProcessCause,
			Remedy: "45,000 COP credit on the next invoice", Callback: true}}))
	// Calling back is warranted: the case cannot close before it.
	a.apply(luis(complaint.Event{Type: complaint.Close, At: at(11, 51)}))
	a.apply(luis(complaint.Event{Type: complaint.ScheduleCallback, At: at(11, 51), Due: at(12, 30)}))
	a.apply(luis(complaint.Event{Type: complaint.CallbackFailed, At: at(12, 0), Reason: "no answer"}))
	a.apply(luis(complaint.Event{Type: complaint.CallBack, At: at(12, 20)}))
	return a.apply(luis(complaint.Event{Type: complaint.Close, At: at(12, 21)}))
}

// printClocks prints the SLA clocks of case id at now.
func printClocks(ctx context.Context, w io.Writer, desk *complaint.Desk, ans *sla.Agreement, id string, now time.Time) error {
	e, err := desk.Clocks(ctx, ans, id, now)
	if err != nil {
		return err
	}
	for _, r := range e.Results {
		fmt.Fprintf(w, "    %-15s %-9s %s of %s\n", r.Metric, r.Status, sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target))
	}
	return nil
}

// call3: an urgent incident that stays in progress with the advisor. At the
// end of the day the watch finds it overdue and escalates it: a breach of
// the ANS moves the case up the service chain.
func call3(ctx context.Context, w io.Writer, a applier, ans *sla.Agreement) error {
	fmt.Fprintln(w, "\nCall 3: an urgent incident left in progress")
	id := "TC-1003"
	ana := func(ev complaint.Event) complaint.Event {
		ev.Case, ev.Actor, ev.Tier = id, "ana (asesora)", complaint.Advisor
		return ev
	}
	a.apply(ana(complaint.Event{Type: complaint.Receive, At: at(10, 0),
		Intake: &complaint.Intake{Kind: complaint.Incident, Channel: servuction.Phone, Severity: complaint.SeverityCritical,
			Customer: "CUST-08", Subject: "payment terminal rejects every card"}}))
	a.apply(ana(complaint.Event{Type: complaint.Acknowledge, At: at(10, 5)}))
	a.apply(ana(complaint.Event{Type: complaint.Assign, At: at(10, 6), ToTier: complaint.Advisor, Assignee: "ana"}))
	a.apply(ana(complaint.Event{Type: complaint.Start, At: at(10, 6)}))
	for _, now := range []time.Time{at(12, 0), at(13, 30), at(15, 0)} {
		wt, err := a.desk.Watch(ctx, ans, now)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  watch at %s: %d overdue, %d at risk\n", now.Format("15:04"), len(wt.Overdue), len(wt.AtRisk))
	}
	escalated, err := a.desk.EscalateBreaches(ctx, ans, at(15, 0), "sla-watch")
	if err != nil {
		return err
	}
	for _, c := range escalated {
		fmt.Fprintf(w, "  %s escalated to tier %s\n", c.ID, c.Tier)
	}
	if err := printClocks(ctx, w, a.desk, ans, id, at(15, 0)); err != nil {
		return err
	}
	// The network member finds the terminal faulty and routes the case to the
	// technical service, one of the departments customer service works with
	// (departamentos con los que debe tener relación).
	c := a.apply(complaint.Event{Type: complaint.Escalate, Case: id, At: at(15, 10), Actor: "luis (red)", Tier: complaint.NetworkMember,
		ToDepartment: complaint.TechnicalService, Reason: "hardware fault",
		Note: "terminal serial PT-4471 fails the chip test; customer has a backup terminal until tomorrow"})
	fmt.Fprintf(w, "  %s now with %s at tier %s\n", c.ID, c.Department, c.Tier)
	return nil
}
