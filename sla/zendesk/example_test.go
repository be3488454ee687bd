package zendesk_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/zendesk"
)

// Read a ticket's audits and evaluate it; what the mapping does not know is
// listed, never guessed.
func ExampleReadAudits() {
	audits := `{"audits": [
	 {"ticket_id": 35, "created_at": "2026-03-02T14:00:00Z", "via": {"channel": "email"}, "events": [
	   {"type": "Comment", "author_id": 9, "public": true, "body": "Se cayó la línea"},
	   {"type": "Create", "field_name": "status", "value": "new"},
	   {"type": "Create", "field_name": "priority", "value": "urgent"},
	   {"type": "Create", "field_name": "requester_id", "value": 9},
	   {"type": "Create", "field_name": "sentiment", "value": "angry"}]},
	 {"ticket_id": 35, "created_at": "2026-03-02T14:25:00Z", "author_id": 4, "events": [
	   {"type": "Comment", "author_id": 4, "public": true, "body": "Ya revisamos"},
	   {"type": "Change", "field_name": "status", "value": "solved", "previous_value": "new"}]}]}`
	res, err := zendesk.ReadAudits(strings.NewReader(audits), zendesk.DefaultMapping(), time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range res.Ticket.Events {
		fmt.Println(e.At.Format("15:04"), e.Kind)
	}
	for _, u := range res.Unmapped {
		fmt.Println("not mapped:", u)
	}
	ans := sla.MustAgreement(sla.AgreementConfig{Name: "soporte", Kind: sla.ServiceBased, Objectives: []sla.Objective{
		{Metric: sla.FirstResponse, Threshold: 95, Targets: map[sla.Priority]time.Duration{sla.Urgent: 30 * time.Minute}}}})
	ev, _ := ans.Evaluate(res.Ticket, time.Date(2026, 3, 2, 18, 0, 0, 0, time.UTC))
	r, _ := ev.Result(sla.FirstResponse)
	fmt.Println(res.Ticket.Priority, res.Ticket.Channel, r.Metric, r.Status, r.Elapsed)
	// Output:
	// 14:00 opened
	// 14:25 agent-replied
	// 14:25 resolved
	// not mapped: audit 1, event 5: sentiment "angry": field not in the mapping
	// urgent email first-response met 25m0s
}
