package jira_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/servuction/servuction/sla/jira"
)

// Read an issue's changelog and comments into a timeline; a status the
// mapping does not know is listed, not guessed.
func ExampleRead() {
	issue := jira.Issue{Key: "IT-7", Created: time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC), Reporter: "cliente-1",
		Current: map[string]string{"status": "Resolved", "priority": "Highest"}}
	changelog := `{"values": [
	 {"id": "1", "created": "2026-03-02T14:20:00.000+0000", "items": [
	   {"fieldId": "status", "fromString": "Waiting for support", "toString": "Waiting for customer"}]},
	 {"id": "2", "created": "2026-03-02T15:00:00.000+0000", "items": [
	   {"fieldId": "status", "fromString": "Waiting for customer", "toString": "Triage"}]},
	 {"id": "3", "created": "2026-03-02T16:00:00.000+0000", "items": [
	   {"fieldId": "status", "fromString": "Triage", "toString": "Resolved"}]}]}`
	comments := `{"values": [
	 {"id": "9", "public": true, "author": {"accountId": "agente-4"}, "created": {"iso8601": "2026-03-02T09:20:00-0500"}},
	 {"id": "10", "public": true, "author": {"accountId": "cliente-1"}, "created": {"iso8601": "2026-03-02T09:50:00-0500"}}]}`
	res, err := jira.Read(issue, strings.NewReader(changelog), strings.NewReader(comments), jira.DefaultMapping())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Ticket.ID, res.Ticket.Priority)
	for _, e := range res.Ticket.Events {
		fmt.Println(e.At.Format("15:04"), e.Kind, e.Reason)
	}
	for _, u := range res.Unmapped {
		fmt.Println("not mapped:", u)
	}
	// Output:
	// IT-7 urgent
	// 14:00 opened unspecified
	// 14:20 agent-replied unspecified
	// 14:20 paused waiting-customer
	// 14:50 customer-replied unspecified
	// 16:00 resumed unspecified
	// 16:00 resolved unspecified
	// not mapped: changelog 2 (id 2), item 1: status "Triage": status not in the mapping
}
