package sqlstore

import (
	"database/sql"
	"encoding"
	"fmt"
	"time"

	"github.com/servuction/servuction/complaint"
)

// summaryColumns are the columns of complaint_cases, in the order
// summaryArgs writes them and scanSummary reads them.
const summaryColumns = "case_id, version, first_seq, last_seq, kind, severity, channel, customer, state, tier, " +
	"department, assignee, received_at, updated_at, due_at, risk_at, pending"

// timeLayout writes instants as UTC text of fixed width for years 0–9999
// (the range the canonical entry encoding allows), so that text order is
// time order and an instant reads back exactly.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// timeText returns t's column value; the zero instant is NULL when
// nullable.
func timeText(t time.Time, nullable bool) any {
	if nullable && t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

func parseTime(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	return time.Parse(timeLayout, s.String)
}

// summaryArgs returns the column values of s, in summaryColumns order.
func summaryArgs(s complaint.Summary) ([]any, error) {
	names := make([]string, 0, 6)
	for _, m := range []encoding.TextMarshaler{s.Kind, s.Severity, s.Channel, s.State, s.Tier, s.Department} {
		b, err := m.MarshalText()
		if err != nil {
			return nil, fmt.Errorf("sqlstore: case %s: summary: %w", s.ID, err)
		}
		names = append(names, string(b))
	}
	return []any{s.ID, s.Version, s.FirstSeq, s.LastSeq, names[0], names[1], names[2], s.Customer, names[3], names[4],
		names[5], s.Assignee, timeText(s.ReceivedAt, false), timeText(s.UpdatedAt, false),
		timeText(s.DueAt, true), timeText(s.RiskAt, true), s.Pending}, nil
}

// scanSummary reads one complaint_cases row of summaryColumns.
func scanSummary(row interface{ Scan(...any) error }) (complaint.Summary, error) {
	var s complaint.Summary
	var kind, severity, channel, state, tier, department string
	var received, updated, due, risk sql.NullString
	if err := row.Scan(&s.ID, &s.Version, &s.FirstSeq, &s.LastSeq, &kind, &severity, &channel, &s.Customer, &state, &tier,
		&department, &s.Assignee, &received, &updated, &due, &risk, &s.Pending); err != nil {
		return complaint.Summary{}, err
	}
	for _, f := range []struct {
		v    encoding.TextUnmarshaler
		text string
	}{{&s.Kind, kind}, {&s.Severity, severity}, {&s.Channel, channel}, {&s.State, state}, {&s.Tier, tier}, {&s.Department, department}} {
		if err := f.v.UnmarshalText([]byte(f.text)); err != nil {
			return complaint.Summary{}, brokenSummary(s.ID, err)
		}
	}
	for _, f := range []struct {
		t    *time.Time
		text sql.NullString
	}{{&s.ReceivedAt, received}, {&s.UpdatedAt, updated}, {&s.DueAt, due}, {&s.RiskAt, risk}} {
		t, err := parseTime(f.text)
		if err != nil {
			return complaint.Summary{}, brokenSummary(s.ID, err)
		}
		*f.t = t
	}
	return s, nil
}

// brokenSummary reports a complaint_cases row that does not read back.
func brokenSummary(id string, err error) error {
	return &complaint.TrailError{Reason: fmt.Sprintf("the summary row of case %q does not read back: %v", id, err)}
}
