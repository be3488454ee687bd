// Command callcenter runs the course notes' customer-service flowchart
// (flujograma de servicio al cliente) end to end with package complaint:
//
//  1. The customer calls the line (el cliente llama a la línea).
//  2. The service advisor takes the call (la asesora de servicio recibe la
//     llamada).
//  3. If she can, she handles the request and records it in the customer
//     system (lo registra en tele cliente).
//  4. If not, she records it and sends a text message to a member of the
//     service network (envía un mensaje de texto al miembro de la red).
//  5. The network member gets the notification by e-mail and SMS.
//  6. He enters the system, resolves the pending case and calls the customer
//     back when it is warranted.
//
// Every agent records traceability information (trazabilidad) and passes it
// on: the trail is a hash-chained file, verified at the end, and a tampered
// copy of it is caught.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sla"
	"github.com/shopspring/decimal"
	_ "time/tzdata" // the Bogotá business calendar loads its zone on any machine
)

// Monday 2 March 2026 in Bogotá.
var bogota = time.FixedZone("COT", -5*3600)

// agreement is the call centre's ANS (acuerdo de niveles de servicio):
// counted in business hours, Monday to Friday 08:00–18:00 in Bogotá, the
// customer gets a first response (the acknowledgement) within 30 minutes and a
// resolution within 8 business hours for high priority, 4 for urgent.
func agreement() *sla.Agreement {
	week := sla.MustParseShifts("08:00-18:00")
	office, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/Bogota", Week: map[time.Weekday][]sla.Shift{
		time.Monday: week, time.Tuesday: week, time.Wednesday: week, time.Thursday: week, time.Friday: week}})
	if err != nil {
		log.Fatal(err)
	}
	ans, err := sla.NewAgreement(sla.AgreementConfig{
		Name: "ANS centro de llamadas", Kind: sla.CustomerBased, Calendars: map[string]*sla.Calendar{"oficina": office},
		Objectives: []sla.Objective{
			{Metric: sla.FirstResponse, Calendar: "oficina", Threshold: 95,
				Targets: map[sla.Priority]time.Duration{sla.Normal: time.Hour, sla.High: 30 * time.Minute, sla.Urgent: 15 * time.Minute}},
			{Metric: sla.Resolution, Calendar: "oficina", Threshold: 90,
				Targets: map[sla.Priority]time.Duration{sla.Normal: 16 * time.Hour, sla.High: 8 * time.Hour, sla.Urgent: 4 * time.Hour}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	return ans
}

func at(hour, minute int) time.Time { return time.Date(2026, 3, 2, hour, minute, 0, 0, bogota) }

// printer is the host's notifier: here it prints what an SMS gateway and a
// mail server would send. The first SMS fails, to show that the message stays
// in the outbox and is retried under the same idempotency key.
type printer struct{ calls int }

func (p *printer) Notify(_ context.Context, m complaint.Message) error {
	p.calls++
	if p.calls == 1 {
		fmt.Printf("    ! %s gateway timeout for %s (message %s stays in the outbox)\n", m.Medium, m.To, m.Key)
		return errors.New("gateway timeout")
	}
	fmt.Printf("    > %-5s to %-18s key %-8s %s\n", m.Medium, m.To, m.Key, m.Subject)
	return nil
}

func main() {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "callcenter")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "tele-cliente.jsonl")

	// The customer system (tele cliente) is an append-only trail file: every
	// event is one line, synced to disk before the desk moves on.
	store, err := complaint.OpenFileStore(path, complaint.FileOptions{})
	if err != nil {
		log.Fatal(err)
	}
	notifier := &printer{}
	desk, err := complaint.NewDesk(complaint.DeskConfig{
		Store:    store,
		Notifier: notifier,
		// Who is reached how: the network member Luis has a phone for SMS and
		// an e-mail address (red de servicio).
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{
			"luis": {Phone: "+57 300 555 0101", Email: "luis@red.example"},
		}),
		Clock:  func() time.Time { return at(9, 20) }, // the desk's clock, for the retry below
		Policy: complaint.Policy{MaxCallbackAttempts: 3},
	})
	if err != nil {
		log.Fatal(err)
	}
	apply := func(ev complaint.Event) complaint.Case {
		c, err := desk.Apply(ctx, ev)
		if err != nil {
			fmt.Println("    refused:", err)
			return c
		}
		fmt.Printf("  %s %-14s %-17s -> %s\n", ev.At.Format("15:04"), ev.Actor, ev.Type, c.State)
		return c
	}

	// Call 1: an inquiry the advisor can handle herself (steps 1–3): resolved
	// at first contact.
	fmt.Println("Call 1: the advisor handles the request herself")
	apply(complaint.Event{Type: complaint.Receive, Case: "TC-1001", At: at(9, 0), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Intake: &complaint.Intake{Kind: complaint.Inquiry, Channel: servuction.Phone, Customer: "CUST-17", Subject: "invoice due date"}})
	apply(complaint.Event{Type: complaint.Resolve, Case: "TC-1001", At: at(9, 4), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld}})
	apply(complaint.Event{Type: complaint.Close, Case: "TC-1001", At: at(9, 5), Actor: "ana (asesora)", Tier: complaint.Advisor})

	// Call 2: a claim she cannot handle (steps 4–6).
	fmt.Println("\nCall 2: a claim the advisor passes to the service network")
	id := "TC-1002"
	apply(complaint.Event{Type: complaint.Receive, Case: id, At: at(9, 10), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Intake: &complaint.Intake{Kind: complaint.Claim, Channel: servuction.Phone, Severity: complaint.SeverityHigh,
			Customer: "CUST-42", Subject: "no internet for three days", RemedySought: "credit for the days without service"}})
	apply(complaint.Event{Type: complaint.Acknowledge, Case: id, At: at(9, 11), Actor: "ana (asesora)", Tier: complaint.Advisor})
	apply(complaint.Event{Type: complaint.Assign, Case: id, At: at(9, 12), Actor: "ana (asesora)", Tier: complaint.Advisor,
		ToTier: complaint.Advisor, Assignee: "ana"})
	apply(complaint.Event{Type: complaint.Start, Case: id, At: at(9, 12), Actor: "ana (asesora)", Tier: complaint.Advisor})
	// An escalation without a hand-off note is refused: the next agent must
	// receive the traceability information.
	apply(complaint.Event{Type: complaint.Escalate, Case: id, At: at(9, 15), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Assignee: "luis", Reason: "needs a technician"})
	apply(complaint.Event{Type: complaint.Escalate, Case: id, At: at(9, 15), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Assignee: "luis", Reason: "needs a technician",
		Note: "modem lights OK, no sync; neighbours report the same; customer reachable on 601 555 0142 after 11:00"})

	// The SMS failed once: the desk retries the outbox.
	fmt.Println("  retrying the outbox:")
	if n, err := desk.Deliver(ctx); err != nil {
		fmt.Println("    still pending:", err)
	} else {
		fmt.Printf("    %d message(s) delivered on retry\n", n)
	}

	apply(complaint.Event{Type: complaint.Start, Case: id, At: at(10, 30), Actor: "luis (red)", Tier: complaint.NetworkMember})
	apply(complaint.Event{Type: complaint.Note, Case: id, At: at(11, 40), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Note: "splitter replaced at the street cabinet; line synced"})
	apply(complaint.Event{Type: complaint.RecordCost, Case: id, At: at(11, 45), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Cost: &complaint.Cost{Kind: complaint.Credit, Amount: servuction.MustParseMoney("45000 COP"), Note: "three days of service"}})
	// A claim upheld needs a remedy and a root cause.
	apply(complaint.Event{Type: complaint.Resolve, Case: id, At: at(11, 50), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Cause: complaint.ProcessCause}})
	apply(complaint.Event{Type: complaint.Resolve, Case: id, At: at(11, 50), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Resolution: &complaint.Resolution{Outcome: complaint.Upheld, Cause: complaint.ProcessCause,
			Remedy: "45,000 COP credit on the next invoice", Callback: true}})
	// Calling back is warranted: the case cannot close before it.
	apply(complaint.Event{Type: complaint.Close, Case: id, At: at(11, 51), Actor: "luis (red)", Tier: complaint.NetworkMember})
	apply(complaint.Event{Type: complaint.ScheduleCallback, Case: id, At: at(11, 51), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Due: at(12, 30)})
	apply(complaint.Event{Type: complaint.CallbackFailed, Case: id, At: at(12, 0), Actor: "luis (red)", Tier: complaint.NetworkMember,
		Reason: "no answer"})
	apply(complaint.Event{Type: complaint.CallBack, Case: id, At: at(12, 20), Actor: "luis (red)", Tier: complaint.NetworkMember})
	c := apply(complaint.Event{Type: complaint.Close, Case: id, At: at(12, 21), Actor: "luis (red)", Tier: complaint.NetworkMember})
	fmt.Printf("  case %s: tiers %v, %d escalation, %d callback attempts, outbox %d pending\n",
		c.ID, c.HandledBy, c.Escalations, c.CallbackAttempts, len(c.Outbox))

	// The case's SLA clocks (ANS): the acknowledgement at 09:11 was the first
	// response; the resolution clock stopped at 11:50.
	ans := agreement()
	printClocks := func(id string, now time.Time) {
		e, err := desk.Clocks(ctx, ans, id, now)
		if err != nil {
			log.Fatal(err)
		}
		for _, r := range e.Results {
			fmt.Printf("    %-15s %-9s %s of %s\n", r.Metric, r.Status, sla.FormatDuration(r.Elapsed), sla.FormatDuration(r.Target))
		}
	}
	fmt.Println("  SLA clocks of", id)
	printClocks(id, at(12, 21))

	// Call 3: an urgent incident that stays in progress with the advisor. At
	// the end of the day the watch finds it overdue and escalates it: a breach
	// of the ANS moves the case up the service chain.
	fmt.Println("\nCall 3: an urgent incident left in progress")
	apply(complaint.Event{Type: complaint.Receive, Case: "TC-1003", At: at(10, 0), Actor: "ana (asesora)", Tier: complaint.Advisor,
		Intake: &complaint.Intake{Kind: complaint.Incident, Channel: servuction.Phone, Severity: complaint.SeverityCritical,
			Customer: "CUST-08", Subject: "payment terminal rejects every card"}})
	apply(complaint.Event{Type: complaint.Acknowledge, Case: "TC-1003", At: at(10, 5), Actor: "ana (asesora)", Tier: complaint.Advisor})
	apply(complaint.Event{Type: complaint.Assign, Case: "TC-1003", At: at(10, 6), Actor: "ana (asesora)", Tier: complaint.Advisor,
		ToTier: complaint.Advisor, Assignee: "ana"})
	apply(complaint.Event{Type: complaint.Start, Case: "TC-1003", At: at(10, 6), Actor: "ana (asesora)", Tier: complaint.Advisor})
	for _, now := range []time.Time{at(12, 0), at(13, 30), at(15, 0)} {
		w, err := desk.Watch(ctx, ans, now)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  watch at %s: %d overdue, %d at risk\n", now.Format("15:04"), len(w.Overdue), len(w.AtRisk))
	}
	escalated, err := desk.EscalateBreaches(ctx, ans, at(15, 0), "sla-watch")
	if err != nil {
		log.Fatal(err)
	}
	for _, c := range escalated {
		fmt.Printf("  %s escalated to tier %s\n", c.ID, c.Tier)
	}
	printClocks("TC-1003", at(15, 0))
	// The network member finds the terminal faulty and routes the case to the
	// technical service, one of the departments customer service works with
	// (departamentos con los que debe tener relación).
	c = apply(complaint.Event{Type: complaint.Escalate, Case: "TC-1003", At: at(15, 10), Actor: "luis (red)", Tier: complaint.NetworkMember,
		ToDepartment: complaint.TechnicalService, Reason: "hardware fault",
		Note: "terminal serial PT-4471 fails the chip test; customer has a backup terminal until tomorrow"})
	fmt.Printf("  %s now with %s at tier %s\n", c.ID, c.Department, c.Tier)

	// The trail: verify the chain and anchor its head (a host would store the
	// head elsewhere, e.g. in a daily report).
	head, err := store.Head(ctx)
	if err != nil {
		log.Fatal(err)
	}
	if err := desk.VerifyTrail(ctx, head); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nTrail: %d entries, verified; head seq %d hash %s…\n", head.Seq, head.Seq, head.Hash[:16])
	if err := store.Close(); err != nil {
		log.Fatal(err)
	}

	// A tampered copy: someone edits who resolved the claim.
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	tampered := strings.Replace(string(data), `"actor":"luis (red)","tier":"network-member","resolution"`,
		`"actor":"ana (asesora)","tier":"network-member","resolution"`, 1)
	copyPath := filepath.Join(dir, "copy.jsonl")
	if err := os.WriteFile(copyPath, []byte(tampered), 0o644); err != nil {
		log.Fatal(err)
	}
	if _, err := complaint.OpenFileStore(copyPath, complaint.FileOptions{}); err != nil {
		fmt.Println("Tampered copy refused:", strings.ReplaceAll(err.Error(), dir+string(os.PathSeparator), ""))
	} else {
		log.Fatal("the tampered copy was not caught")
	}
	// A copy cut short is caught against the anchored head.
	lines := strings.SplitAfter(string(data), "\n")
	short := strings.Join(lines[:len(lines)-3], "")
	if err := os.WriteFile(copyPath, []byte(short), 0o644); err != nil {
		log.Fatal(err)
	}
	if _, err := complaint.OpenFileStore(copyPath, complaint.FileOptions{Anchor: head}); err != nil {
		fmt.Println("Truncated copy refused:", strings.ReplaceAll(err.Error(), dir+string(os.PathSeparator), ""))
	} else {
		log.Fatal("the truncated copy was not caught")
	}

	// Reopening the original replays every case from the file.
	store2, err := complaint.OpenFileStore(path, complaint.FileOptions{Anchor: head})
	if err != nil {
		log.Fatal(err)
	}
	defer store2.Close()
	entries, _ := store2.Entries(ctx, 0)
	cases, err := complaint.Replay(entries)
	if err != nil {
		log.Fatal(err)
	}
	var volume complaint.Volume
	fmt.Println("\nReplayed from the file:")
	for _, c := range cases {
		volume.Add(c)
		total, _ := c.TotalCost()
		resolved := "not resolved"
		if !c.ResolvedAt.IsZero() {
			resolved = "resolved " + c.ResolvedAt.In(bogota).Format("15:04")
		}
		fmt.Printf("  %s %-8s %-8s %-14s tier %-14s cost %s\n", c.ID, c.Kind, c.State, resolved, c.Tier, total)
	}
	rows, n := volume.Result()
	fmt.Printf("Volume per function (%d cases):", n)
	for _, r := range rows {
		if r.Cases > 0 {
			fmt.Printf(" %s %d;", r.Function, r.Cases)
		}
	}
	fmt.Println()

	// The cost of bad service (el mal servicio y sus costos): handling per
	// tier and the credit are direct costs; no customer was lost today, so
	// there is no indirect cost.
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	model := complaint.CostModel{Currency: "COP",
		Handling:      map[complaint.Tier]servuction.Money{complaint.Advisor: cop("6000"), complaint.NetworkMember: cop("25000"), complaint.Specialist: cop("70000")},
		CustomerValue: cop("1200000"), Informed: decimal.NewFromInt(9), InformedLossRate: decimal.RequireFromString("0.2")}
	var tally complaint.CostTally
	for _, c := range cases {
		if err := tally.Add(c); err != nil {
			log.Fatal(err)
		}
	}
	costs, err := tally.Result(model)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Cost of the day: direct %s (handling %s), indirect %s\n", costs.Direct, costs.Handling, costs.Indirect)
	for _, p := range costs.Pareto {
		fmt.Printf("  %-8s %d case(s) %12s  cumulative %5.1f%%\n", p.Cause, p.Cases, p.Total, 100*p.Cumulative)
	}
}
