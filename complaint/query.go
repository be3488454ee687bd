package complaint

import (
	"cmp"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// Querier is implemented by stores that answer a help desk's questions from
// their per-case [Summary] rows, without replaying the trail. [MemStore] and
// [FileStore] implement it; a [Desk] uses it when its store does (see
// [Desk.Query], [Desk.Cases], [Desk.Watch], [Desk.Deliver]). Package
// complaint/storetest checks an implementation against [Query.Match] and
// [Order.Compare], which define the answers.
type Querier interface {
	// Query returns the summaries that match q ([Query.Match]), in q's order
	// ([Order.Compare]), at most q's limit, starting after q.After; Page.Next
	// is the cursor of the next page, empty after the last one. A query that
	// does not validate ([Query.Validate]) returns its error.
	Query(ctx context.Context, q Query) (Page, error)
	// Count returns how many cases match q, ignoring its order, limit and
	// cursor.
	Count(ctx context.Context, q Query) (int, error)
}

// CaseLoader is implemented by stores that read the tail of a case: the
// [Desk] keeps folded cases in memory and reads only what was appended since,
// so a case's cost does not grow with its length. [MemStore] and [FileStore]
// implement it.
type CaseLoader interface {
	// LoadAfter returns the case's entries with versions above version, in
	// version order (none when the case has no more), or an error wrapping
	// [ErrNotFound] when the case does not exist.
	LoadAfter(ctx context.Context, caseID string, version uint64) ([]Entry, error)
}

// Page is one page of a [Query]'s answer.
type Page struct {
	Cases []Summary `json:"cases"`
	// Next is the opaque cursor to pass as [Query].After for the next page;
	// empty when this page is the last.
	Next string `json:"next,omitempty"`
}

// DefaultLimit and MaxLimit bound a [Query]'s page size.
const (
	DefaultLimit = 50
	MaxLimit     = 1000
)

// Query selects cases by their [Summary]. Zero fields do not filter; list
// fields match any of their values. Queries are values: build one per
// question and page with After.
type Query struct {
	States   []State
	Tiers    []Tier
	Kinds    []Kind
	Assignee string // exact
	Customer string // exact
	// ReceivedFrom and ReceivedTo select the opening period [From, To) of
	// ReceivedAt; a zero bound is open.
	ReceivedFrom, ReceivedTo time.Time
	// SLA selects by the SLA status at instant At (required with any
	// status but SLAAny and SLANoClock), from the recorded deadlines.
	SLA SLAStatus
	At  time.Time
	// Pending selects the cases with undelivered outbox messages.
	Pending bool
	// Order of the answer; Limit its page size (0 means DefaultLimit, at
	// most MaxLimit); After the cursor of the previous page ([Page].Next).
	Order Order
	Limit int
	After string
}

// Validate reports every invalid field of q, each wrapping [ErrInvalidQuery]:
// undefined enum values, a negative or too large limit, an SLA status
// without its instant, a period that ends before it starts, a cursor that
// does not parse or belongs to another order.
func (q Query) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("complaint: query: "+format+": %w", append(args, ErrInvalidQuery)...))
	}
	for _, s := range q.States {
		if !s.IsValid() {
			bad("state %s is not defined", s)
		}
	}
	for _, t := range q.Tiers {
		if !t.IsValid() {
			bad("tier %s is not defined", t)
		}
	}
	for _, k := range q.Kinds {
		if !k.IsValid() {
			bad("kind %s is not defined", k)
		}
	}
	if !q.SLA.IsValid() {
		bad("SLA status %s is not defined", q.SLA)
	} else if q.SLA != SLAAny && q.SLA != SLANoClock && q.At.IsZero() {
		bad("SLA status %s needs the instant At", q.SLA)
	}
	if !q.ReceivedFrom.IsZero() && !q.ReceivedTo.IsZero() && q.ReceivedTo.Before(q.ReceivedFrom) {
		bad("period ends at %s before it starts at %s", q.ReceivedTo.Format(time.RFC3339), q.ReceivedFrom.Format(time.RFC3339))
	}
	if !q.Order.IsValid() {
		bad("order %s is not defined", q.Order)
	}
	if q.Limit < 0 || q.Limit > MaxLimit {
		bad("limit %d outside 0..%d", q.Limit, MaxLimit)
	}
	if q.After != "" {
		if c, err := ParseCursor(q.After); err != nil {
			errs = append(errs, fmt.Errorf("complaint: query: %w", err))
		} else if c.Order != q.Order && q.Order.IsValid() {
			bad("cursor of order %s used with order %s", c.Order, q.Order)
		}
	}
	return errors.Join(errs...)
}

// PageSize returns the query's page size: Limit, or DefaultLimit when zero.
func (q Query) PageSize() int {
	if q.Limit == 0 {
		return DefaultLimit
	}
	return q.Limit
}

// Match reports whether summary s matches every filter of q (the order,
// limit and cursor aside).
func (q Query) Match(s Summary) bool {
	switch {
	case len(q.States) > 0 && !slices.Contains(q.States, s.State),
		len(q.Tiers) > 0 && !slices.Contains(q.Tiers, s.Tier),
		len(q.Kinds) > 0 && !slices.Contains(q.Kinds, s.Kind),
		q.Assignee != "" && s.Assignee != q.Assignee,
		q.Customer != "" && s.Customer != q.Customer,
		!q.ReceivedFrom.IsZero() && s.ReceivedAt.Before(q.ReceivedFrom),
		!q.ReceivedTo.IsZero() && !s.ReceivedAt.Before(q.ReceivedTo),
		q.Pending && s.Pending == 0:
		return false
	}
	return q.SLA == SLAAny || s.SLAStatus(q.At) == q.SLA ||
		q.SLA == SLAAttention && (s.SLAStatus(q.At) == SLAAtRisk || s.SLAStatus(q.At) == SLAOverdue)
}

// SLAStatus returns the case's SLA status at instant at, from its recorded
// deadlines, as package sla counts them: [SLANoClock] when no clock runs
// (DueAt is zero), [SLAOverdue] after DueAt (a clock whose elapsed time
// equals its target is still met), [SLAAtRisk] from RiskAt on, else
// [SLAOnTime]. It never returns [SLAAny] or [SLAAttention].
func (s Summary) SLAStatus(at time.Time) SLAStatus {
	switch {
	case s.DueAt.IsZero():
		return SLANoClock
	case at.After(s.DueAt):
		return SLAOverdue
	case !s.RiskAt.IsZero() && !at.Before(s.RiskAt):
		return SLAAtRisk
	}
	return SLAOnTime
}

// Page returns the page of q's answer from all, a store's every summary in
// any order: those that match, sorted by q's order, after q's cursor, at
// most q's page size, with the next cursor. Stores that keep their
// summaries in memory answer with it; it validates q first.
func (q Query) Page(all []Summary) (Page, error) {
	if err := q.Validate(); err != nil {
		return Page{}, err
	}
	var match []Summary
	for _, s := range all {
		if q.Match(s) {
			match = append(match, s)
		}
	}
	slices.SortFunc(match, q.Order.Compare)
	if q.After != "" {
		c, _ := ParseCursor(q.After)
		match = match[sort.Search(len(match), func(i int) bool { return c.After(match[i]) }):]
	}
	return pageOf(match, q.PageSize(), q.Order), nil
}

// pageOf cuts a sorted answer to n cases and sets the next cursor.
func pageOf(match []Summary, n int, o Order) Page {
	if len(match) <= n {
		return Page{Cases: slices.Clip(match)}
	}
	p := Page{Cases: slices.Clip(match[:n])}
	p.Next = CursorOf(o, p.Cases[n-1]).String()
	return p
}

// Order is the order of a [Query]'s answer. The zero value is [ByReceipt].
type Order uint8

// The orders.
const (
	// ByReceipt: in the order the cases were received (FirstSeq).
	ByReceipt Order = iota
	// ByDue: by DueAt, earliest first, cases without a running clock after
	// all others; ties by FirstSeq.
	ByDue
)

var orderNames = enum.New("complaint: order", ErrInvalidValue,
	[]string{"receipt", "due"},
	map[string]Order{"recepción": ByReceipt, "received": ByReceipt, "vencimiento": ByDue, "due time": ByDue, "deadline": ByDue})

// ParseOrder returns the order named s ("receipt", "due", "vencimiento", …).
func ParseOrder(s string) (Order, error) { return orderNames.Parse(s) }

// String returns the order's English name.
func (o Order) String() string { return orderNames.String(o) }

// IsValid reports whether o is a defined order.
func (o Order) IsValid() bool { return orderNames.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o Order) MarshalText() ([]byte, error) { return orderNames.MarshalText(o) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseOrder].
func (o *Order) UnmarshalText(text []byte) error { return orderNames.UnmarshalText(o, text) }

// Compare orders two summaries in o: negative when a comes first. FirstSeq
// breaks every tie, so the order is total.
func (o Order) Compare(a, b Summary) int {
	if o == ByDue {
		if c := compareDue(a.DueAt, b.DueAt); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.FirstSeq, b.FirstSeq)
}

// compareDue orders due instants with the zero instant (no clock) last.
func compareDue(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// SLAStatus is where a case stands against its recorded SLA deadlines at an
// instant (see [Summary.SLAStatus]); as a [Query] filter, the zero value
// [SLAAny] selects every case.
type SLAStatus uint8

// The SLA statuses.
const (
	SLAAny       SLAStatus = iota // no filter
	SLAOnTime                     // a clock runs, before its at-risk instant
	SLAAtRisk                     // at risk: from RiskAt, up to DueAt
	SLAOverdue                    // after DueAt, a clock still running
	SLAAttention                  // at risk or overdue (a filter only)
	SLANoClock                    // no clock runs: paused, resolved, closed, or no agreement
)

var slaStatusNames = enum.New("complaint: SLA status", ErrInvalidValue,
	[]string{"any", "on-time", "at-risk", "overdue", "attention", "no-clock"},
	map[string]SLAStatus{"cualquiera": SLAAny, "a tiempo": SLAOnTime, "en plazo": SLAOnTime, "en riesgo": SLAAtRisk,
		"vencido": SLAOverdue, "atrasado": SLAOverdue, "incumplido": SLAOverdue, "breached": SLAOverdue,
		"requiere atención": SLAAttention, "atención": SLAAttention, "sin reloj": SLANoClock, "detenido": SLANoClock})

// ParseSLAStatus returns the SLA status named s ("overdue", "vencido",
// "en riesgo", …).
func ParseSLAStatus(s string) (SLAStatus, error) { return slaStatusNames.Parse(s) }

// String returns the status's English name.
func (s SLAStatus) String() string { return slaStatusNames.String(s) }

// IsValid reports whether s is a defined status.
func (s SLAStatus) IsValid() bool { return slaStatusNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s SLAStatus) MarshalText() ([]byte, error) { return slaStatusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSLAStatus].
func (s *SLAStatus) UnmarshalText(text []byte) error { return slaStatusNames.UnmarshalText(s, text) }

// Cursor is the position after the last case of a page: its order key. Its
// text form ([Cursor.String]) is what [Page].Next and [Query].After carry;
// stores parse it with [ParseCursor] to continue after it (a SQL store: WHERE
// first_seq > Seq, or (due, first_seq) > (DueAt, Seq) with no due last).
type Cursor struct {
	Order Order
	// Seq is the FirstSeq of the last case of the page.
	Seq uint64
	// DueAt is its DueAt, for ByDue (zero: no running clock).
	DueAt time.Time
}

// CursorOf returns the cursor after summary s in order o.
func CursorOf(o Order, s Summary) Cursor {
	c := Cursor{Order: o, Seq: s.FirstSeq}
	if o == ByDue {
		c.DueAt = s.DueAt.UTC()
	}
	return c
}

// compareTo compares the cursor's position with summary s: negative when s
// comes after the cursor.
func (c Cursor) compareTo(s Summary) int {
	if c.Order == ByDue {
		if d := compareDue(c.DueAt, s.DueAt); d != 0 {
			return d
		}
	}
	return cmp.Compare(c.Seq, s.FirstSeq)
}

// After reports whether summary s comes after the cursor in its order.
func (c Cursor) After(s Summary) bool { return c.compareTo(s) < 0 }

// String returns the cursor's opaque text form.
func (c Cursor) String() string {
	var b strings.Builder
	b.WriteString("c1.")
	b.WriteString(c.Order.String())
	b.WriteByte('.')
	b.WriteString(strconv.FormatUint(c.Seq, 10))
	if c.Order == ByDue {
		if c.DueAt.IsZero() {
			b.WriteString(".-")
		} else {
			b.WriteByte('.')
			b.WriteString(strconv.FormatInt(c.DueAt.Unix(), 10))
			b.WriteByte('.')
			b.WriteString(strconv.Itoa(c.DueAt.Nanosecond()))
		}
	}
	return base64.RawURLEncoding.EncodeToString([]byte(b.String()))
}

// ParseCursor parses a cursor's text form, refusing anything [Cursor.String]
// does not write with an error wrapping [ErrInvalidQuery].
func ParseCursor(s string) (Cursor, error) {
	bad := func(why string) (Cursor, error) {
		return Cursor{}, fmt.Errorf("complaint: cursor %q: %s: %w", s, why, ErrInvalidQuery)
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return bad("not a cursor")
	}
	parts := strings.Split(string(raw), ".")
	if len(parts) < 3 || parts[0] != "c1" {
		return bad("not a cursor")
	}
	var c Cursor
	switch parts[1] {
	case "receipt":
		c.Order = ByReceipt
	case "due":
		c.Order = ByDue
	default:
		return bad("unknown order")
	}
	if c.Seq, err = strconv.ParseUint(parts[2], 10, 64); err != nil {
		return bad("bad sequence")
	}
	switch {
	case c.Order == ByReceipt && len(parts) == 3:
	case c.Order == ByDue && len(parts) == 4 && parts[3] == "-":
	case c.Order == ByDue && len(parts) == 5:
		sec, err1 := strconv.ParseInt(parts[3], 10, 64)
		ns, err2 := strconv.ParseInt(parts[4], 10, 64)
		if err1 != nil || err2 != nil || ns < 0 || ns >= 1e9 {
			return bad("bad due instant")
		}
		c.DueAt = time.Unix(sec, ns).UTC()
		if c.DueAt.IsZero() {
			return bad("bad due instant")
		}
	default:
		return bad("wrong number of fields")
	}
	if c.String() != s {
		return bad("not in canonical form")
	}
	return c, nil
}
