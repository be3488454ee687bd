package sqlstore

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction/complaint"
)

// Query implements [complaint.Querier] with SQL on the complaint_cases
// summaries and their indexes: the filters of q become a WHERE clause, the
// cursor a keyset condition ((due_at, first_seq) > cursor in due order), so
// a page costs what its rows cost, wherever it starts. In due order the
// cases with a running clock come first, by due instant, then those without,
// by receipt, as [complaint.Order.Compare] says.
func (s *Store) Query(ctx context.Context, q complaint.Query) (complaint.Page, error) {
	if err := ctx.Err(); err != nil {
		return complaint.Page{}, err
	}
	if err := q.Validate(); err != nil {
		return complaint.Page{}, err
	}
	var after complaint.Cursor
	if q.After != "" {
		after, _ = complaint.ParseCursor(q.After) // Validate parsed it
	}
	n := q.PageSize()
	var out []complaint.Summary
	// Cases with a running clock, in due order; then the others, by receipt.
	if q.Order == complaint.ByDue && (q.After == "" || !after.DueAt.IsZero()) {
		w := s.where(q)
		w.add("due_at IS NOT NULL")
		if q.After != "" {
			w.add("(due_at, first_seq) > (" + w.arg(timeText(after.DueAt, false)) + ", " + w.arg(after.Seq) + ")")
		}
		page, err := s.selectPage(ctx, w, "due_at, first_seq", n+1)
		if err != nil {
			return complaint.Page{}, err
		}
		out = page
	}
	if len(out) <= n {
		w := s.where(q)
		if q.Order == complaint.ByDue {
			w.add("due_at IS NULL")
		}
		if q.After != "" && (q.Order == complaint.ByReceipt || after.DueAt.IsZero()) {
			w.add("first_seq > " + w.arg(after.Seq))
		}
		page, err := s.selectPage(ctx, w, "first_seq", n+1-len(out))
		if err != nil {
			return complaint.Page{}, err
		}
		out = append(out, page...)
	}
	if len(out) <= n {
		return complaint.Page{Cases: out}, nil
	}
	out = out[:n:n]
	return complaint.Page{Cases: out, Next: complaint.CursorOf(q.Order, out[n-1]).String()}, nil
}

// Count implements [complaint.Querier]: SELECT COUNT(*) with q's filters.
func (s *Store) Count(ctx context.Context, q complaint.Query) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	q.After, q.Limit = "", 0 // Count ignores the cursor and the page size
	if err := q.Validate(); err != nil {
		return 0, err
	}
	w := s.where(q)
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT COUNT(*) FROM complaint_cases"+w.String(), w.args...).Scan(&n); err != nil {
		return 0, s.fail(ctx, "count", err)
	}
	return n, nil
}

// selectPage reads up to limit summaries matching w in order.
func (s *Store) selectPage(ctx context.Context, w *where, order string, limit int) ([]complaint.Summary, error) {
	query := "SELECT " + summaryColumns + " FROM complaint_cases" + w.String() + " ORDER BY " + order + " LIMIT " + strconv.Itoa(limit)
	rows, err := s.db.QueryContext(ctx, query, w.args...)
	if err != nil {
		return nil, s.fail(ctx, "query", err)
	}
	defer rows.Close()
	var out []complaint.Summary
	for rows.Next() {
		sum, err := scanSummary(rows)
		if err != nil {
			return nil, s.fail(ctx, "query", err)
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, s.fail(ctx, "query", err)
	}
	return out, nil
}

// where builds a WHERE clause with numbered parameters.
type where struct {
	d     Dialect
	conds []string
	args  []any
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

// arg adds a parameter and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return rebind(w.d, "$"+strconv.Itoa(len(w.args)))
}

// in returns "col IN (…)" over the text names of values.
func (w *where) in(col string, names []string) {
	ph := make([]string, len(names))
	for i, n := range names {
		ph[i] = w.arg(n)
	}
	w.add(col + " IN (" + strings.Join(ph, ", ") + ")")
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// where returns the conditions of q's filters, as [complaint.Query.Match]
// defines them.
func (s *Store) where(q complaint.Query) *where {
	w := &where{d: s.q.dialect}
	if len(q.States) > 0 {
		w.in("state", names(q.States))
	}
	if len(q.Tiers) > 0 {
		w.in("tier", names(q.Tiers))
	}
	if len(q.Kinds) > 0 {
		w.in("kind", names(q.Kinds))
	}
	if q.Assignee != "" {
		w.add("assignee = " + w.arg(q.Assignee))
	}
	if q.Customer != "" {
		w.add("customer = " + w.arg(q.Customer))
	}
	if !q.ReceivedFrom.IsZero() {
		w.add("received_at >= " + w.arg(timeText(q.ReceivedFrom, false)))
	}
	if !q.ReceivedTo.IsZero() {
		w.add("received_at < " + w.arg(timeText(q.ReceivedTo, false)))
	}
	if q.Pending {
		w.add("pending > 0")
	}
	w.sla(q.SLA, q.At)
	return w
}

// sla adds the condition of an SLA status at instant at, as
// [complaint.Summary.SLAStatus] decides it: overdue after DueAt, at risk from
// RiskAt up to DueAt, on time before RiskAt, no clock without DueAt.
func (w *where) sla(st complaint.SLAStatus, instant time.Time) {
	if st == complaint.SLAAny {
		return
	}
	if st == complaint.SLANoClock {
		w.add("due_at IS NULL")
		return
	}
	at := w.arg(timeText(instant, false))
	switch st {
	case complaint.SLAOverdue:
		w.add("due_at < " + at)
	case complaint.SLAAtRisk:
		w.add("due_at >= " + at + " AND risk_at <= " + at)
	case complaint.SLAOnTime:
		w.add("due_at >= " + at + " AND (risk_at IS NULL OR risk_at > " + at + ")")
	case complaint.SLAAttention:
		w.add("due_at IS NOT NULL AND (due_at < " + at + " OR risk_at <= " + at + ")")
	}
}

// names returns the text names of enum values; Validate checked them.
func names[T interface{ MarshalText() ([]byte, error) }](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		b, _ := v.MarshalText()
		out[i] = string(b)
	}
	return out
}
