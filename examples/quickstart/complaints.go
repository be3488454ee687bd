package main

import (
	"context"
	"fmt"
	"time"

	"github.com/shopspring/decimal"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/report"
)

// complaintsPart runs the month's complaints and claims (quejas y reclamos)
// through the desk, following the course notes' call-centre flow: the
// advisor (asesora de servicio) takes the call and solves it at first
// contact when she can; otherwise she assigns it to a member of the service
// network, who is notified by text message and e-mail, works the case,
// escalates it to a specialist when needed, resolves it, and calls the
// customer back. Every step is written to a hash-chained trail
// (trazabilidad), verified at the end. The cost model then prices the
// month's bad service and ranks its causes (Pareto).
func complaintsPart(o options, _ *inputs) (report.Section, []string, error) {
	l := o.lang
	ctx := context.Background()
	sent := 0 // SMS and e-mails delivered by the notifier
	// The desk's clock is the simulation's: it stamps the delivery records.
	var now time.Time
	desk, err := newDesk(&now, &sent)
	if err != nil {
		return report.Section{}, nil, err
	}
	cop := func(v int64) servuction.Money {
		return servuction.Money{Amount: decimal.NewFromInt(v), Currency: "COP"}
	}
	firstContact := 0
	for _, p := range simulateComplaints(90) {
		first, err := handleCase(ctx, desk, p, &now)
		if err != nil {
			return report.Section{}, nil, err
		}
		if first {
			firstContact++
		}
	}
	if _, err := desk.Deliver(ctx); err != nil {
		return report.Section{}, nil, err
	}
	if err := desk.VerifyTrail(ctx, complaint.Head{}); err != nil {
		return report.Section{}, nil, err
	}
	trail, err := desk.Trail(ctx)
	if err != nil {
		return report.Section{}, nil, err
	}
	cases, err := desk.Cases(ctx)
	if err != nil {
		return report.Section{}, nil, err
	}
	// The month's cost of bad service, and its volume per function of the
	// department (funciones del departamento de atención al cliente).
	tally := complaint.CostTally{From: monthStart, To: monthEnd}
	var volume complaint.Volume
	for _, c := range cases {
		if err := tally.Add(c); err != nil {
			return report.Section{}, nil, err
		}
		volume.Add(c)
	}
	functions, _ := volume.Result()
	costs, err := tally.Result(complaint.CostModel{
		Currency:         "COP",
		Handling:         map[complaint.Tier]servuction.Money{complaint.Advisor: cop(8_000), complaint.NetworkMember: cop(25_000), complaint.Specialist: cop(60_000)},
		CustomerValue:    cop(1_200_000),                   // a customer's margin over their life with the company
		Informed:         decimal.NewFromInt(10),           // people who hear of each lost customer's experience
		InformedLossRate: decimal.RequireFromString("0.1"), // and the share of them who leave too
	})
	if err != nil {
		return report.Section{}, nil, err
	}
	reviews, err := reviewReplies()
	if err != nil {
		return report.Section{}, nil, err
	}
	figs := report.Figures{
		{Label: tr(l, "Cases", "Casos"), Value: fmt.Sprint(costs.Cases)},
		{Label: tr(l, "Solved at first contact", "Resueltos en el primer contacto"), Value: l.Percent(100*float64(firstContact)/float64(len(cases)), 0)},
		{Label: tr(l, "Customers lost", "Clientes perdidos"), Value: fmt.Sprint(costs.Lost), Status: report.Bad},
		{Label: tr(l, "Cost of bad service", "Costo del mal servicio"), Value: l.Money(costs.Total), Status: report.Bad},
		{Label: tr(l, "Trail", "Trazabilidad"), Value: fmt.Sprint(len(trail)), Note: tr(l, "entries, chain verified", "registros, cadena verificada"), Status: report.Good},
	}
	lines := []string{
		fmt.Sprintf("%s: %d (%d %s), %s %s", tr(l, "Complaints and claims", "Quejas y reclamos"), costs.Cases, firstContact,
			tr(l, "at first contact", "en el primer contacto"), tr(l, "cost of bad service", "costo del mal servicio"), l.Money(costs.Total)),
		fmt.Sprintf("  %s: %d %s, %d %s", tr(l, "trail verified", "trazabilidad verificada"), len(trail), tr(l, "entries", "registros"), sent, tr(l, "SMS and e-mails sent", "SMS y correos enviados")),
	}
	sec := report.Section{
		Title: tr(l, "Complaints and claims", "Quejas y reclamos"),
		Intro: tr(l, "Each case went through the desk: solved by the advisor at first contact, or assigned to the service network (notified by SMS and e-mail), escalated to a specialist when needed, resolved with its root cause, and the customer called back. The costs count handling per tier, refunds, and the value of customers lost and of those who hear about it. Last, three e-mail replies checked on the five Ps.",
			"Cada caso pasó por el escritorio: resuelto por la asesora en el primer contacto, o asignado a la red de servicio (notificada por SMS y correo), escalado a un especialista cuando hizo falta, resuelto con su causa raíz, y con llamada de seguimiento al cliente. Los costos cuentan la atención por nivel, los reembolsos y el valor de los clientes perdidos y de quienes se enteran. Al final, tres respuestas por correo revisadas según las 5 P."),
		Blocks: []report.Block{figs, report.FunctionBars(functions, l), report.CausePareto(costs, l), report.CostPareto(costs, l), report.CostTable(costs, l), report.ReviewTable(reviews, l)},
	}
	return sec, lines, nil
}

// newDesk is the complaint desk of the month, in memory: its clock reads
// *now, and its notifier counts the SMS and e-mails in *sent.
func newDesk(now *time.Time, sent *int) (*complaint.Desk, error) {
	return complaint.NewDesk(complaint.DeskConfig{
		Store: complaint.NewMemStore(),
		Messenger: complaint.DefaultMessenger(map[string]complaint.Contact{
			"network-ana":   {Phone: "+57 300 000 0001", Email: "ana@example.com"},
			"specialist-jo": {Phone: "+57 300 000 0002", Email: "jo@example.com"},
		}),
		Notifier: complaint.NotifierFunc(func(context.Context, complaint.Message) error { *sent++; return nil }),
		Clock:    func() time.Time { return *now },
	})
}

// handleCase runs one complaint through the desk as the course notes'
// call-centre flow has it, moving the desk's clock (now) with each step,
// and reports whether the advisor solved it at first contact.
func handleCase(ctx context.Context, desk *complaint.Desk, p complaintPlan, now *time.Time) (first bool, err error) {
	causes := map[string]complaint.Cause{
		"indifference": complaint.Indifference, "negligence": complaint.Negligence, "abuse": complaint.Abuse,
		"forgetfulness": complaint.Forgetfulness, "lack-of-technical-preparation": complaint.LackOfTechnicalSkill,
		"process": complaint.ProcessCause, "product": complaint.ProductCause,
	}
	kind, err := complaint.ParseKind(p.Kind)
	if err != nil {
		return false, err
	}
	at := p.Received
	*now = at
	step := func(ev complaint.Event) error {
		at = at.Add(20 * time.Minute)
		*now = at
		ev.At = at
		if ev.Type == complaint.ScheduleCallback {
			ev.Due = at.Add(2 * time.Hour) // the callback is due two hours after it is scheduled
		}
		ev.Case = p.ID
		_, err := desk.Apply(ctx, ev)
		if err != nil {
			return fmt.Errorf("case %s: %w", p.ID, err)
		}
		return nil
	}
	// The advisor registers the call (tele cliente).
	if _, err := desk.Open(ctx, complaint.Event{Type: complaint.Receive, Case: p.ID, At: at, Actor: "advisor-luz", Tier: complaint.Advisor,
		Intake: &complaint.Intake{Kind: kind, Channel: servuction.Phone, Customer: p.Customer}}); err != nil {
		return false, fmt.Errorf("case %s: %w", p.ID, err)
	}
	res := &complaint.Resolution{Outcome: complaint.Upheld, Cause: causes[p.Cause], CustomerLost: p.Lost}
	if kind == complaint.Inquiry {
		res.Cause = complaint.CauseUnknown
	}
	if kind == complaint.Claim {
		if p.Upheld {
			res.Remedy = "refund"
		} else {
			// Denying a request (denegar la petición): argue it and offer alternatives.
			res.Outcome, res.Justification, res.Alternatives = complaint.Rejected, "outside the warranty terms", []string{"paid repair at a discount"}
		}
	}
	if p.Tier == 1 {
		// Solved by the advisor at first contact.
		first = true
		if err := step(complaint.Event{Type: complaint.Resolve, Actor: "advisor-luz", Tier: complaint.Advisor, Resolution: res}); err != nil {
			return false, err
		}
	} else {
		evs := networkSteps(p, res)
		for _, ev := range evs {
			if err := step(ev); err != nil {
				return false, err
			}
		}
	}
	if err := step(complaint.Event{Type: complaint.Close, Actor: "advisor-luz", Tier: complaint.Advisor}); err != nil {
		return false, err
	}
	return first, nil
}

// networkSteps are the steps of a case the advisor cannot solve at first
// contact: assigned to the service network, escalated to a specialist when
// needed, a refund recorded, resolved, and the customer called back when it
// is warranted.
func networkSteps(p complaintPlan, res *complaint.Resolution) []complaint.Event {
	cop := func(v int64) servuction.Money {
		return servuction.Money{Amount: decimal.NewFromInt(v), Currency: "COP"}
	}
	evs := []complaint.Event{
		{Type: complaint.Assign, Actor: "advisor-luz", Tier: complaint.Advisor, ToTier: complaint.NetworkMember, Assignee: "network-ana"},
		{Type: complaint.Start, Actor: "network-ana", Tier: complaint.NetworkMember},
	}
	if p.Tier == 3 {
		evs = append(evs,
			complaint.Event{Type: complaint.Escalate, Actor: "network-ana", Tier: complaint.NetworkMember, ToTier: complaint.Specialist, Assignee: "specialist-jo",
				Reason: "needs a technical diagnosis", Note: "customer called twice; invoice attached"},
			complaint.Event{Type: complaint.Start, Actor: "specialist-jo", Tier: complaint.Specialist})
	}
	if p.Refund > 0 && res.Outcome == complaint.Upheld {
		evs = append(evs, complaint.Event{Type: complaint.RecordCost, Actor: "network-ana", Tier: complaint.NetworkMember,
			Cost: &complaint.Cost{Kind: complaint.Refund, Amount: cop(p.Refund)}})
	}
	res.Callback = p.Callback
	evs = append(evs, complaint.Event{Type: complaint.Resolve, Actor: "network-ana", Tier: complaint.NetworkMember, Resolution: res})
	if p.Callback {
		// Call the customer back when it is warranted (llamar al cliente cuando lo amerite).
		evs = append(evs, complaint.Event{Type: complaint.ScheduleCallback, Actor: "network-ana", Tier: complaint.NetworkMember})
		if p.Reachable {
			evs = append(evs, complaint.Event{Type: complaint.CallBack, Actor: "network-ana", Tier: complaint.NetworkMember})
		} else {
			for i := 0; i < 3; i++ {
				evs = append(evs, complaint.Event{Type: complaint.CallbackFailed, Actor: "network-ana", Tier: complaint.NetworkMember, Reason: "no answer"})
			}
		}
	}
	return evs
}

// reviewReplies checks three e-mail replies of the month on the five Ps of
// the course notes (prompt against the SLA, polite, personal, professional
// without slang, promotional), in Spanish as they were written.
func reviewReplies() ([]report.ReviewedReply, error) {
	reviewer, err := complaint.NewReviewer(complaint.ReviewConfig{})
	if err != nil {
		return nil, err
	}
	var reviews []report.ReviewedReply
	for _, r := range sampleReplies() {
		rv, err := reviewer.Review(r)
		if err != nil {
			return nil, err
		}
		reviews = append(reviews, report.ReviewedReply{Name: r.Case, Review: rv})
	}
	return reviews, nil
}

// sampleReplies are three e-mail replies sent during the month: a model
// one, a curt one with slang, and a late one.
func sampleReplies() []complaint.Reply {
	at := func(day, h, m int) time.Time { return time.Date(2026, 3, day, h, m, 0, 0, bogota) }
	return []complaint.Reply{
		{Case: "PQR-305", Customer: "Marta Gómez", Language: complaint.Spanish, Received: at(3, 9, 0), Sent: at(3, 10, 30), Target: 4 * time.Hour,
			Text: "Buenos días, señora Marta Gómez: gracias por escribirnos sobre el caso PQR-305. Lamentamos el cobro duplicado de su factura de febrero; " +
				"ya lo anulamos y verá el reembolso en su próximo extracto. Le invitamos a conocer el nuevo servicio de factura electrónica, con un descuento del 5 %. " +
				"Quedamos a su disposición. Cordialmente, Luz, asesora de servicio."},
		{Case: "PQR-322", Customer: "Jorge Díaz", Language: complaint.Spanish, Received: at(10, 14, 0), Sent: at(10, 15, 0), Target: 4 * time.Hour,
			Text: "ok parce, ya quedó. cualquier cosa escribe"},
		{Case: "PQR-347", Customer: "Ana Ruiz", Language: complaint.Spanish, Received: at(17, 8, 0), Sent: at(19, 16, 0), Target: 4 * time.Hour,
			Text: "Estimada Ana Ruiz: le pedimos perdón por la demora en responder. Revisamos su reclamo sobre la garantía del equipo y " +
				"lo repararemos sin costo; un técnico la llamará esta semana para acordar la visita. Atentamente, Servicio al cliente."},
	}
}
