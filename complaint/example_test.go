package complaint_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sla"
	"github.com/shopspring/decimal"
)

// The course notes' call-centre flow: the advisor cannot handle the claim,
// escalates it to a member of the service network, who gets an SMS and an
// e-mail, resolves it and calls the customer back.
func ExampleDesk() {
	ctx := context.Background()
	start := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	printer := complaint.NotifierFunc(func(_ context.Context, m complaint.Message) error {
		fmt.Printf("  [%s to %s] %s\n", m.Medium, m.To, m.Subject)
		return nil
	})
	desk, err := complaint.NewDesk(complaint.DeskConfig{
		Store:     complaint.NewMemStore(),
		Notifier:  printer,
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{"luis": {Phone: "+573000000000", Email: "luis@red.example"}}),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	min := func(m int) time.Time { return start.Add(time.Duration(m) * time.Minute) }
	events := []complaint.Event{
		{Type: complaint.Receive, At: min(0), Actor: "ana", Tier: complaint.Advisor, Intake: &complaint.Intake{
			Kind: complaint.Claim, Channel: servuction.Phone, Severity: complaint.SeverityHigh, Customer: "C-77",
			Subject: "internet down for three days", RemedySought: "credit"}},
		{Type: complaint.Assign, At: min(1), Actor: "ana", ToTier: complaint.Advisor, Assignee: "ana"},
		{Type: complaint.Start, At: min(2), Actor: "ana"},
		{Type: complaint.Escalate, At: min(5), Actor: "ana", Assignee: "luis", Reason: "needs a technician",
			Note: "outage confirmed in the area"},
		{Type: complaint.Start, At: min(60), Actor: "luis", Tier: complaint.NetworkMember},
		{Type: complaint.Resolve, At: min(240), Actor: "luis", Resolution: &complaint.Resolution{
			Outcome: complaint.Upheld, Remedy: "three days' credit", Cause: complaint.ProcessCause, Callback: true}},
		{Type: complaint.Close, At: min(241), Actor: "luis"}, // refused: the callback is due
		{Type: complaint.ScheduleCallback, At: min(241), Actor: "luis", Due: min(300)},
		{Type: complaint.CallBack, At: min(290), Actor: "luis"},
		{Type: complaint.Close, At: min(291), Actor: "luis"},
	}
	for _, ev := range events {
		ev.Case = "K-1"
		c, err := desk.Apply(ctx, ev)
		if err != nil {
			fmt.Println("refused:", err)
			continue
		}
		fmt.Printf("%-17s -> %s (tier %s)\n", ev.Type, c.State, c.Tier)
	}
	fmt.Println("trail verifies:", desk.VerifyTrail(ctx, complaint.Head{}) == nil)
	// Output:
	// receive           -> received (tier unknown)
	// assign            -> assigned (tier advisor)
	// start             -> in-progress (tier advisor)
	//   [sms to +573000000000] Case K-1 (claim, high) assigned to you
	//   [email to luis@red.example] Case K-1 (claim, high) assigned to you
	// escalate          -> assigned (tier network-member)
	// start             -> in-progress (tier network-member)
	// resolve           -> resolved (tier network-member)
	// refused: complaint: case K-1: close in state resolved: the customer must be called back before closing: complaint: guard not met
	// schedule-callback -> callback-due (tier network-member)
	// call-back         -> called-back (tier network-member)
	// close             -> closed (tier network-member)
	// trail verifies: true
}

// Verify names the first entry of a trail that was tampered with.
func ExampleVerify() {
	ctx := context.Background()
	store := complaint.NewMemStore()
	desk, _ := complaint.NewDesk(complaint.DeskConfig{Store: store})
	at := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	desk.Apply(ctx, complaint.Event{Type: complaint.Receive, Case: "K-2", At: at, Actor: "ana",
		Intake: &complaint.Intake{Kind: complaint.Complaint, Customer: "C-1"}})
	desk.Apply(ctx, complaint.Event{Type: complaint.Resolve, Case: "K-2", At: at.Add(time.Minute), Actor: "ana",
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Cause: complaint.Forgetfulness}})
	desk.Apply(ctx, complaint.Event{Type: complaint.Close, Case: "K-2", At: at.Add(2 * time.Minute), Actor: "ana"})
	trail, _ := store.Entries(ctx, 0)
	fmt.Println(complaint.Verify(trail, complaint.Head{}))

	trail[1].Event.Resolution = &complaint.Resolution{Outcome: complaint.Rejected}
	err := complaint.Verify(trail, complaint.Head{})
	var te *complaint.TrailError
	fmt.Println(errors.As(err, &te), te.Position, errors.Is(err, complaint.ErrBrokenTrail))
	fmt.Println(err)
	// Output:
	// <nil>
	// true 2 true
	// complaint: trail entry 2 (seq 2): hash does not match the content: entry modified
}

// The first lines of the lifecycle's Mermaid diagram, generated from the
// transition table.
func ExampleMermaid() {
	lines := strings.Split(complaint.Mermaid(), "\n")
	for _, l := range lines {
		if strings.Contains(l, "-->") && strings.Contains(l, "Callback") {
			fmt.Println(l)
		}
	}
	// Output:
	//     Resolved --> CallbackDue : schedule-callback
	//     CallbackDue --> CalledBack : call-back
	//     CallbackDue --> CallbackDue : callback-failed [attempts < max]
	//     CallbackDue --> Unreachable : callback-failed [attempts = max]
	//     CallbackDue --> Disputed : dispute [within window]
	//     CallbackDue --> InProgress : reopen [within window]
}

// Scoring an e-mail reply on the five Ps.
func ExampleReviewer_Review() {
	r, _ := complaint.NewReviewer(complaint.ReviewConfig{})
	rv, err := r.Review(complaint.Reply{
		Language: complaint.Spanish, Customer: "María", Case: "K-1",
		Received: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Sent: time.Date(2026, 3, 2, 15, 0, 0, 0, time.UTC),
		Target: 4 * time.Hour,
		Text:   "Hola María, gracias por su paciencia. Ya abonamos los tres días. Saludos.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range rv.Scores {
		fmt.Printf("%-12s %.2f  %s\n", s.P, s.Score, s.Reasons[0])
	}
	fmt.Printf("total %.2f\n", rv.Total)
	// Each reason is also a finding, to be written in Spanish.
	fmt.Println(rv.Scores[0].Findings[0].Text(complaint.Spanish))
	// Output:
	// prompt       0.50  answered in 6 h, late but within twice the 4 h target
	// polite       1.00  greeting: "hola"
	// personal     0.67  addresses the customer by name (María)
	// professional 0.75  12 words, fewer than 20: too little information
	// promotional  0.00  promotes nothing
	// total 0.58
	// respondido en 6 h, tarde pero dentro del doble de la meta de 4 h
}

// The cost of bad service with its Pareto of causes.
func ExampleCostTally() {
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	model := complaint.CostModel{
		Currency:         "COP",
		Handling:         map[complaint.Tier]servuction.Money{complaint.Advisor: cop("5000"), complaint.NetworkMember: cop("20000")},
		CustomerValue:    cop("300000"),
		Informed:         decimal.NewFromInt(10),
		InformedLossRate: decimal.RequireFromString("0.1"),
	}
	received := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	var tally complaint.CostTally
	for _, c := range []complaint.Case{
		{ID: "1", ReceivedAt: received, HandledBy: []complaint.Tier{complaint.Advisor, complaint.NetworkMember},
			Resolution: complaint.Resolution{Cause: complaint.Negligence, CustomerLost: true},
			Costs:      []complaint.Cost{{Kind: complaint.Refund, Amount: cop("50000")}}},
		{ID: "2", ReceivedAt: received, HandledBy: []complaint.Tier{complaint.Advisor},
			Resolution: complaint.Resolution{Cause: complaint.Forgetfulness}},
	} {
		if err := tally.Add(c); err != nil {
			fmt.Println(err)
		}
	}
	r, err := tally.Result(model)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("direct", r.Direct, "indirect", r.Indirect, "total", r.Total)
	for _, p := range r.Pareto {
		fmt.Printf("%-14s %s  cumulative %.1f%%\n", p.Cause, p.Total, 100*p.Cumulative)
	}
	// Output:
	// direct 80000 COP indirect 600000 COP total 680000 COP
	// negligence     675000 COP  cumulative 99.3%
	// forgetfulness  5000 COP  cumulative 100.0%
}

// Volume per function of the customer-service department.
func ExampleVolume() {
	var v complaint.Volume
	for _, k := range []complaint.Kind{complaint.Complaint, complaint.Claim, complaint.Return, complaint.Warranty, complaint.Inquiry} {
		v.Add(complaint.Case{Intake: complaint.Intake{Kind: k}})
	}
	rows, total := v.Result()
	for _, r := range rows {
		fmt.Printf("%-27s %d\n", r.Function, r.Cases)
	}
	fmt.Println("total", total)
	// Output:
	// incidents                   0
	// complaints                  1
	// suggestions-and-compliments 0
	// claims                      1
	// after-sales                 2
	// information                 1
	// total 5
}

// SLA clocks: an agreement with a 1-hour first response and an 8-hour
// resolution for high priority, counted in real time. A claim acknowledged at
// once but left in progress is overdue after 8 hours and escalated.
func ExampleDesk_Watch() {
	ctx := context.Background()
	ans, err := sla.NewAgreement(sla.AgreementConfig{Name: "ANS reclamos", Kind: sla.CustomerBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.High: time.Hour}},
		{Metric: sla.Resolution, Threshold: 90, Targets: map[sla.Priority]time.Duration{sla.High: 8 * time.Hour}},
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	desk, _ := complaint.NewDesk(complaint.DeskConfig{Store: complaint.NewMemStore()})
	start := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	min := func(m int) time.Time { return start.Add(time.Duration(m) * time.Minute) }
	for _, ev := range []complaint.Event{
		{Type: complaint.Receive, At: min(0), Actor: "ana", Intake: &complaint.Intake{Kind: complaint.Claim, Severity: complaint.SeverityHigh, Customer: "C-1"}},
		{Type: complaint.Acknowledge, At: min(2), Actor: "ana"},
		{Type: complaint.Assign, At: min(3), Actor: "ana", ToTier: complaint.Advisor, Assignee: "ana"},
		{Type: complaint.Start, At: min(4), Actor: "ana"},
		{Type: complaint.WaitForCustomer, At: min(30), Actor: "ana", Note: "please send a photo of the modem"},
		{Type: complaint.Resume, At: min(90), Actor: "ana"}, // the hour waiting does not count
	} {
		ev.Case = "K-7"
		if _, err := desk.Apply(ctx, ev); err != nil {
			fmt.Println(err)
			return
		}
	}
	for _, m := range []int{400, 500, 560} {
		w, _ := desk.Watch(ctx, ans, min(m))
		fmt.Printf("minute %d: %d overdue, %d at risk\n", m, len(w.Overdue), len(w.AtRisk))
	}
	escalated, _ := desk.EscalateBreaches(ctx, ans, min(560), "sla-watch")
	for _, c := range escalated {
		fmt.Println(c.ID, "escalated to", c.Tier)
	}
	// Output:
	// minute 400: 0 overdue, 0 at risk
	// minute 500: 0 overdue, 1 at risk
	// minute 560: 1 overdue, 0 at risk
	// K-7 escalated to network-member
}

// A help desk's questions, answered from the store's case summaries without
// replaying the trail: the overdue cases first by due time, a count per
// tier, and pages of two cases.
func ExampleDesk_Query() {
	ctx := context.Background()
	ans, _ := sla.NewAgreement(sla.AgreementConfig{Name: "ANS", Kind: sla.CustomerBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour, sla.High: 30 * time.Minute}},
	}})
	desk, _ := complaint.NewDesk(complaint.DeskConfig{Store: complaint.NewMemStore(), Agreement: ans})
	start := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	for i, sev := range []complaint.Severity{complaint.SeverityMedium, complaint.SeverityHigh, complaint.SeverityHigh, complaint.SeverityMedium} {
		desk.Apply(ctx, complaint.Event{Type: complaint.Receive, Case: fmt.Sprint("Q-", i+1), At: start.Add(time.Duration(i) * 10 * time.Minute),
			Actor: "ana", Intake: &complaint.Intake{Kind: complaint.Complaint, Severity: sev, Customer: fmt.Sprint("C-", i)}})
	}
	desk.Apply(ctx, complaint.Event{Type: complaint.Acknowledge, Case: "Q-2", At: start.Add(35 * time.Minute), Actor: "ana"})

	// At 15:20: Q-1 (normal, due 15:00) and Q-3 (high, due 14:50) are
	// overdue; Q-4 (normal, received 14:30) is at risk from 15:18, 80 % of
	// its hour; Q-2 was acknowledged in time.
	now := start.Add(80 * time.Minute)
	p, _ := desk.Query(ctx, complaint.Query{SLA: complaint.SLAOverdue, At: now, Order: complaint.ByDue})
	for _, s := range p.Cases {
		fmt.Println("overdue:", s.ID, "due", s.DueAt.Format("15:04"))
	}
	n, _ := desk.Count(ctx, complaint.Query{SLA: complaint.SLAAtRisk, At: now})
	fmt.Println("at risk:", n)
	q := complaint.Query{Limit: 2}
	for {
		p, _ := desk.Query(ctx, q)
		fmt.Print("page:")
		for _, s := range p.Cases {
			fmt.Print(" ", s.ID)
		}
		fmt.Println()
		if p.Next == "" {
			break
		}
		q.After = p.Next
	}
	// Output:
	// overdue: Q-3 due 14:50
	// overdue: Q-1 due 15:00
	// at risk: 1
	// page: Q-1 Q-2
	// page: Q-3 Q-4
}

// A store of one's own keeps each entry's canonical bytes, sealed in one
// pass, and verifies its chain from those bytes.
func ExampleAppendSealed() {
	at := time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)
	var rows [][]byte // what a database would hold, one row per entry
	head := complaint.Head{}
	for i, ev := range []complaint.Event{
		{Type: complaint.Receive, Case: "K-1", At: at, Actor: "ana", Intake: &complaint.Intake{Kind: complaint.Claim, Customer: "C-1"}},
		{Type: complaint.Acknowledge, Case: "K-1", At: at.Add(time.Minute), Actor: "ana"},
	} {
		from, to := complaint.StateUnknown, complaint.Received
		if i == 1 {
			from, to = complaint.Received, complaint.Acknowledged
		}
		row, sealed, err := complaint.AppendSealed(nil, head, complaint.Entry{Version: uint64(i + 1), From: from, To: to, Event: ev})
		if err != nil {
			fmt.Println(err)
			return
		}
		rows = append(rows, row)
		head = complaint.Head{Seq: sealed.Seq, Hash: sealed.Hash}
	}
	fmt.Println(string(rows[1][:60]))
	var chain complaint.Chain
	for _, row := range rows {
		if _, err := chain.NextEncoded(row); err != nil {
			fmt.Println(err)
			return
		}
	}
	fmt.Println("verified up to", chain.Head().Seq, chain.Head() == head)
	// A row rewritten with a space is no longer the canonical encoding.
	_, err := complaint.DecodeEntry(bytes.Replace(rows[1], []byte(`"actor":"ana"`), []byte(`"actor": "ana"`), 1))
	fmt.Println(err)
	// Output:
	// {"seq":2,"version":2,"from":"received","to":"acknowledged","
	// verified up to 2 true
	// complaint: trail entry: byte 139: want a string, have " \"ana\"},\"prev\":\""
}
