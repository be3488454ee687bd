package zendesk

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/servuction/servuction/sla"
	"github.com/servuction/servuction/sla/internal/history"
)

// metricEventsJSON is the body of List Ticket Metric Events, as far as it is
// read.
type metricEventsJSON struct {
	Events []metricEventJSON `json:"ticket_metric_events"`
}

type metricEventJSON struct {
	ID         int64     `json:"id"`
	TicketID   int64     `json:"ticket_id"`
	Metric     string    `json:"metric"`
	InstanceID int64     `json:"instance_id"`
	Type       string    `json:"type"`
	Time       time.Time `json:"time"`
}

// The metrics and event types skipped: other clocks over the same timeline,
// and Zendesk's own SLA bookkeeping.
var (
	skippedMetrics = []string{"agent_work_time", "pausable_update_time", "periodic_update_time", "resolution_time", "group_ownership_time"}
	skippedKinds   = []string{"apply_sla", "apply_group_sla", "breach", "update_status", "measure"}
)

// ReadMetricEvents reads the body of "List Ticket Metric Events"
// ({"ticket_metric_events": [...]}) for one ticket and returns its timeline,
// as the package documentation states; the events may come in any order
// (they are sorted by time, then id). A payload that is not that JSON,
// events of several tickets, no activate event, or a timeline sla refuses
// are errors wrapping [ErrInvalid]; what the mapping does not know is
// returned in Result.Unmapped.
func ReadMetricEvents(r io.Reader, m Mapping) (Result, error) {
	if err := m.Validate(); err != nil {
		return Result{}, err
	}
	var body metricEventsJSON
	if err := json.NewDecoder(r).Decode(&body); err != nil {
		return Result{}, fmt.Errorf("zendesk: metric events: %s: %w", err, ErrInvalid)
	}
	evs := body.Events
	if len(evs) == 0 {
		return Result{}, fmt.Errorf("zendesk: metric events: none: %w", ErrInvalid)
	}
	for i, e := range evs {
		if e.TicketID != evs[0].TicketID {
			return Result{}, fmt.Errorf("zendesk: metric event %d: ticket %d, the first event's is %d: want the events of one ticket: %w",
				i+1, e.TicketID, evs[0].TicketID, ErrInvalid)
		}
		if e.Time.IsZero() {
			return Result{}, fmt.Errorf("zendesk: metric event %d: no time: %w", i+1, ErrInvalid)
		}
	}
	order := make([]int, len(evs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		if c := evs[a].Time.Compare(evs[b].Time); c != 0 {
			return c
		}
		return int(evs[a].ID - evs[b].ID)
	})
	b := &history.Builder{}
	b.Ticket.ID = strconv.FormatInt(evs[0].TicketID, 10)
	opened := false
	for _, i := range order {
		e := evs[i]
		where := fmt.Sprintf("metric event %d (id %d)", i+1, e.ID)
		if !opened {
			if e.Type != "activate" {
				b.Note(where, e.Metric, e.Type, "before the ticket's first activate event")
				continue
			}
			b.Open(e.Time, Status{State: history.Working})
			opened = true
			continue
		}
		switch {
		case e.Metric == "reply_time" && e.Type == "fulfill":
			b.Reply(e.Time, true, where)
		case e.Metric == "reply_time" && e.Type == "activate" && e.InstanceID > 1:
			b.Reply(e.Time, false, where) // a new reply clock: the requester wrote
		case e.Metric == "reply_time" && e.Type == "activate":
		case e.Metric == "reply_time" && e.Type == "pause":
		case e.Metric == "requester_wait_time" && e.Type == "pause":
			b.Status(e.Time, Status{State: history.Waiting, Reason: sla.WaitingCustomer}, where)
		case e.Metric == "requester_wait_time" && e.Type == "activate":
			b.Status(e.Time, Status{State: history.Working}, where)
		case e.Metric == "requester_wait_time" && e.Type == "fulfill":
			b.Status(e.Time, Status{State: history.Solved}, where)
		case slices.Contains(skippedMetrics, e.Metric) && slices.Contains([]string{"activate", "pause", "fulfill"}, e.Type),
			slices.Contains(skippedKinds, e.Type):
		default:
			b.Note(where, e.Metric, e.Type, "metric event not read by this package")
		}
	}
	if !opened {
		return Result{}, fmt.Errorf("zendesk: metric events of ticket %s: no activate event to open it: %w", b.Ticket.ID, ErrInvalid)
	}
	if m.NoPriority == sla.PriorityUnknown {
		return Result{}, fmt.Errorf("zendesk: ticket %s: metric events carry no priority, and the mapping's noPriority is not set: %w", b.Ticket.ID, ErrInvalid)
	}
	b.Ticket.Priority = m.NoPriority
	if err := b.Ticket.Validate(); err != nil {
		return Result{}, fmt.Errorf("zendesk: ticket %s: the timeline read is not valid (%s): %w", b.Ticket.ID, err, ErrInvalid)
	}
	return Result{Ticket: b.Ticket, Unmapped: b.Unmapped}, nil
}
