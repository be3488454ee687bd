package complaint

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
)

// Summary is the row a store keeps per case and updates on every
// [Store.Append], so that a help desk can list, count and page through cases
// ([Querier]) without replaying the trail. Every store folds it the same way,
// with [Summary.Apply]; a SQL store keeps it as a table with one column per
// field and indexes the ones a [Query] filters and orders by.
type Summary struct {
	ID         string             `json:"id"`
	Kind       Kind               `json:"kind"`
	Severity   Severity           `json:"severity,omitzero"`
	Channel    servuction.Channel `json:"channel,omitzero"`
	Customer   string             `json:"customer"`
	State      State              `json:"state"`
	Tier       Tier               `json:"tier,omitzero"`
	Department Department         `json:"department,omitzero"`
	Assignee   string             `json:"assignee,omitempty"`
	// ReceivedAt is the instant of the receive event (the opening period of
	// a Query filters on it); UpdatedAt that of the last event other than a
	// delivery record.
	ReceivedAt time.Time `json:"receivedAt"`
	UpdatedAt  time.Time `json:"updatedAt"`
	// DueAt and RiskAt are those of the last entry other than a delivery
	// record (see [Entry].DueAt): zero when no SLA clock runs.
	DueAt  time.Time `json:"dueAt,omitzero"`
	RiskAt time.Time `json:"riskAt,omitzero"`
	// Pending counts the outbox messages not reported delivered yet.
	Pending int `json:"pending,omitempty"`
	// Version is the number of entries of the case; FirstSeq the trail
	// sequence of its receive entry, which orders cases by receipt; LastSeq
	// that of its last entry.
	Version  uint64 `json:"version"`
	FirstSeq uint64 `json:"firstSeq"`
	LastSeq  uint64 `json:"lastSeq"`
}

// Apply folds one sealed entry of the case into the summary. It checks that
// the entry continues the case, as [Fold] does (same id, next version, From
// equal to the current state, a transition of the lifecycle), and leaves s
// unchanged with an error otherwise. Stores call it on a copy before writing
// and refuse the append when it fails.
func (s *Summary) Apply(e Entry) error {
	if err := continues(s.ID, s.Version, s.State, e); err != nil {
		return err
	}
	ev := e.Event
	next := *s
	switch ev.Type {
	case Receive:
		next.ID = ev.Case
		next.Kind, next.Severity, next.Channel = ev.Intake.Kind, ev.Intake.Severity, ev.Intake.Channel
		next.Customer = ev.Intake.Customer
		next.ReceivedAt = ev.At
		next.FirstSeq = e.Seq
	case Assign, Escalate:
		if ev.ToTier != TierUnknown {
			next.Tier = ev.ToTier
		}
		if ev.ToDepartment != DepartmentNone || ev.Type == Assign {
			next.Department = ev.ToDepartment
		}
		next.Assignee = ev.Assignee
	case Resolve:
		if next.Tier == TierUnknown && ev.Tier != TierUnknown {
			next.Tier = ev.Tier
		}
	case Notified:
		if next.Pending > 0 {
			next.Pending--
		}
	}
	next.Pending += len(e.Outbox)
	if ev.Type != Notified {
		next.UpdatedAt = ev.At
		next.DueAt, next.RiskAt = e.DueAt, e.RiskAt
	}
	next.State = e.To
	next.Version = e.Version
	next.LastSeq = e.Seq
	*s = next
	return nil
}

// continues checks that entry en continues a case with id, version and
// state (a new case has version 0 and any id).
func continues(id string, version uint64, state State, en Entry) error {
	ev := en.Event
	if version == 0 {
		id = ev.Case
	}
	switch {
	case ev.Case != id:
		return fmt.Errorf("complaint: entry %d: case %q, want %q: %w", en.Seq, ev.Case, id, ErrInvalidEvent)
	case en.Version != version+1:
		return fmt.Errorf("complaint: case %s: entry %d: version %d, want %d: %w", id, en.Seq, en.Version, version+1, ErrInvalidEvent)
	case en.From != state:
		return fmt.Errorf("complaint: case %s: entry %d: from %s, but the case is %s: %w", id, en.Seq, en.From, state, ErrIllegalTransition)
	}
	if ev.Type.Annotation() {
		if en.To != en.From {
			return fmt.Errorf("complaint: case %s: entry %d: %s changes the state: %w", id, en.Seq, ev.Type, ErrIllegalTransition)
		}
	} else if !legal(en.From, ev.Type, en.To) {
		return fmt.Errorf("complaint: case %s: entry %d: no transition %s --%s--> %s: %w", id, en.Seq, en.From, ev.Type, en.To, ErrIllegalTransition)
	}
	if ev.Type == Receive && ev.Intake == nil {
		return fmt.Errorf("complaint: case %s: receive without intake: %w", ev.Case, ErrInvalidEvent)
	}
	return nil
}

// Summarize folds a case's entries into its summary, as [Summary.Apply].
func Summarize(entries []Entry) (Summary, error) {
	var s Summary
	for _, e := range entries {
		if err := s.Apply(e); err != nil {
			return Summary{}, err
		}
	}
	return s, nil
}
