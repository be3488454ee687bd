package complaint

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/servuction/servuction/sla"
)

// DeskConfig configures a [Desk]. Only Store is required.
type DeskConfig struct {
	// Store keeps the cases' trail entries.
	Store Store
	// Notifier delivers the outbox; nil keeps messages pending in the
	// outbox until a desk with a notifier delivers them.
	Notifier Notifier
	// Messenger decides the messages each entry produces; nil produces none.
	// It is not called for [Notified] entries. See [DefaultMessenger].
	Messenger Messenger
	// Clock returns the current instant for events with a zero At and for
	// delivery records; nil means time.Now.
	Clock func() time.Time
	// Policy holds the lifecycle rules.
	Policy Policy
	// NewID returns the id of a case opened without one; nil means a random
	// UUID.
	NewID func() string
	// Actor names the desk in the [Notified] events it records; "" means
	// "desk".
	Actor string
	// Retries is how many times an event is re-decided against the fresh case
	// after a version conflict before [ErrConflict] is returned; 0 means 8.
	Retries int
	// ClaimTTL is how long a desk holds a message it delivers when the
	// store is a [Claimer]: other desks do not send it meanwhile, and the
	// notifier's context ends with it. 0 means DefaultClaimTTL.
	ClaimTTL time.Duration
	// Agreement, when set, gives every entry the desk records its SLA
	// deadlines ([Entry].DueAt and RiskAt), which the store keeps in the
	// case's [Summary] for the SLA filters and the due order of a [Query].
	// Desks sharing a store should share the agreement.
	Agreement *sla.Agreement
	// CacheSize is how many folded cases the desk keeps in memory, so that
	// an event costs the same on a long case as on a short one; 0 means
	// DefaultCacheSize.
	CacheSize int
}

// Desk applies events to cases: it folds the case from the [Store], decides
// the event against the lifecycle and its guards ([Decide]), records the entry
// with its outbox messages in one append, and delivers the messages. Several
// desks, in one process or many, can share a store: optimistic concurrency
// re-decides an event against the fresh case instead of losing an update.
// The desk keeps the cases it folded in memory (up to CacheSize), checked
// against the store's version on every append, and reads only what other
// desks appended since. A Desk is safe for concurrent use.
type Desk struct {
	cfg   DeskConfig
	owner string // this desk's name in delivery claims
	risk  map[string]riskRule

	stripes [stripes]sync.Mutex // one commit at a time per case

	mu       sync.Mutex // guards the fields below
	cache    map[string]*folded
	inflight map[string]bool
	cursor   uint64    // last trail sequence scanned for the outbox
	pending  []Message // undelivered messages seen in the trail, in order
}

// NewDesk returns a desk after checking the configuration.
func NewDesk(cfg DeskConfig) (*Desk, error) {
	var errs []error
	if cfg.Store == nil {
		errs = append(errs, fmt.Errorf("complaint: desk: store is missing: %w", ErrInvalidConfig))
	}
	if cfg.Retries < 0 {
		errs = append(errs, fmt.Errorf("complaint: desk: retries %d is negative: %w", cfg.Retries, ErrInvalidConfig))
	}
	if cfg.ClaimTTL < 0 {
		errs = append(errs, fmt.Errorf("complaint: desk: claim TTL %s is negative: %w", cfg.ClaimTTL, ErrInvalidConfig))
	}
	if cfg.CacheSize < 0 {
		errs = append(errs, fmt.Errorf("complaint: desk: cache size %d is negative: %w", cfg.CacheSize, ErrInvalidConfig))
	}
	errs = append(errs, cfg.Policy.Validate())
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if cfg.Clock == nil {
		cfg.Clock = time.Now
	}
	if cfg.NewID == nil {
		cfg.NewID = uuid.NewString
	}
	if cfg.Actor == "" {
		cfg.Actor = "desk"
	}
	if cfg.Retries == 0 {
		cfg.Retries = 8
	}
	if cfg.CacheSize == 0 {
		cfg.CacheSize = DefaultCacheSize
	}
	if cfg.ClaimTTL == 0 {
		cfg.ClaimTTL = DefaultClaimTTL
	}
	return &Desk{cfg: cfg, owner: uuid.NewString(), risk: riskRules(cfg.Agreement), cache: map[string]*folded{},
		inflight: map[string]bool{}}, nil
}

// Open receives a new case: ev is a [Receive] event (its Type may be left
// zero) with an [Intake]; a case without an id gets one from NewID.
func (d *Desk) Open(ctx context.Context, ev Event) (Case, error) {
	if ev.Type == EventUnknown {
		ev.Type = Receive
	}
	if ev.Type != Receive {
		return Case{}, fmt.Errorf("complaint: open: event %s, want receive: %w", ev.Type, ErrInvalidEvent)
	}
	if ev.Case == "" {
		ev.Case = d.cfg.NewID()
	}
	return d.Apply(ctx, ev)
}

// Apply applies one event to its case and returns the case after it. A
// rejected event changes nothing. An event with a zero At is stamped by the
// desk's clock, never before the case's last event; one with an instant is
// recorded at it, and refused ([ErrInvalidEvent]) if the case has a later
// event, however recently that was recorded. When another desk appended to
// the case meanwhile (a version conflict), the event is decided again
// against the case as it now is: re-stamped, its guards checked again, up
// to [DeskConfig].Retries times, so only a real refusal reaches the caller.
// Messages the entry produces are recorded with it and delivered at once
// when the desk has a notifier, the delivery recorded at the event's
// instant; a failed delivery leaves them in the outbox for [Desk.Deliver].
func (d *Desk) Apply(ctx context.Context, ev Event) (Case, error) {
	stamp := stampAsIs
	if ev.At.IsZero() {
		stamp = stampClock
	}
	c, msgs, err := d.commit(ctx, ev, stamp)
	if err != nil {
		return Case{}, err
	}
	if d.cfg.Notifier != nil && len(msgs) > 0 {
		for _, m := range msgs {
			if next, got := d.deliverOne(ctx, m, c.UpdatedAt); got == sent && next.Version > c.Version {
				c = next
			}
		}
	}
	return c.clone(), nil
}

// commit decides and appends ev, deciding again on version conflicts. The
// case is the desk's cached copy, read again from the store only after a
// conflict; goroutines of one desk take turns on a case, so a desk only
// conflicts with other desks. stamp says how ev's instant is taken on
// every attempt. The returned case shares memory with the cache: callers
// clone it before handing it out.
func (d *Desk) commit(ctx context.Context, ev Event, stamp stamping) (Case, []Message, error) {
	lock := &d.stripes[stripe(ev.Case)]
	lock.Lock()
	defer lock.Unlock()
	var lastErr error
	fresh := false
	for attempt := 0; attempt <= d.cfg.Retries; attempt++ {
		if attempt > 1 {
			if err := backoff(ctx, attempt); err != nil {
				return Case{}, nil, err
			}
		}
		f, err := d.current(ctx, ev.Case, ev.Type == Receive, fresh)
		if err != nil {
			return Case{}, nil, err
		}
		switch stamp {
		case stampClock:
			ev.At = later(d.cfg.Clock(), f.c.UpdatedAt)
		case stampAtLeast:
			ev.At = later(ev.At, f.c.UpdatedAt)
		}
		en, err := d.decide(ctx, f, ev)
		if err != nil {
			return Case{}, nil, err
		}
		sealed, err := d.appendOne(ctx, f.c.Version, en)
		if errors.Is(err, ErrConflict) {
			lastErr, fresh = err, true
			continue
		}
		if err != nil {
			return Case{}, nil, err
		}
		if err := f.add(d, sealed[0]); err != nil {
			return Case{}, nil, err
		}
		d.remember(f)
		return f.c, sealed[0].Outbox, nil
	}
	return Case{}, nil, lastErr
}

// stamping is how commit sets an event's instant on each attempt.
type stamping uint8

const (
	stampAsIs    stamping = iota // the caller's instant
	stampClock                   // the clock's, never before the case's last event
	stampAtLeast                 // the event's, or the case's last event if later
)

// onePool holds one-entry batches for appendOne: a slice literal passed to
// the Store interface would be allocated on every append.
var onePool = sync.Pool{New: func() any { return new([1]Entry) }}

// appendOne appends entry en to its case at version expected.
func (d *Desk) appendOne(ctx context.Context, expected uint64, en Entry) ([]Entry, error) {
	one := onePool.Get().(*[1]Entry)
	one[0] = en
	sealed, err := d.cfg.Store.Append(ctx, en.Event.Case, expected, one[:])
	one[0] = Entry{}
	onePool.Put(one)
	return sealed, err
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// stripes is the number of locks a desk spreads its cases over.
const stripes = 256

// stripe returns the lock stripe of a case id (FNV-1a).
func stripe(id string) int {
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	return int(h % stripes)
}

// backoff waits a random time, up to 0.1 ms × 2^(attempt−2) and at most
// 20 ms, before another attempt, so desks that keep conflicting spread out.
func backoff(ctx context.Context, attempt int) error {
	limit := min(100*time.Microsecond<<(attempt-2), 20*time.Millisecond)
	t := time.NewTimer(time.Duration(rand.Int64N(int64(limit)) + 1))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// decide turns ev into the entry to append to case f: the lifecycle and its
// guards, the merge target, the SLA deadlines and the outbox.
func (d *Desk) decide(ctx context.Context, f folded, ev Event) (Entry, error) {
	c := f.c
	en, err := Decide(c, ev, d.cfg.Policy)
	if err != nil {
		return Entry{}, err
	}
	if ev.Type == Merge {
		if err := d.checkMerge(ctx, c, en.Event); err != nil {
			return Entry{}, err
		}
	}
	if ev.Type == Notified { // a delivery record never notifies nor moves the clocks
		return en, nil
	}
	if d.cfg.Agreement != nil {
		if en.DueAt, en.RiskAt, err = d.deadlines(f.tb, en); err != nil {
			return Entry{}, err
		}
	}
	if d.cfg.Messenger != nil {
		trial := c
		if err := trial.apply(en); err != nil {
			return Entry{}, err
		}
		msgs := d.cfg.Messenger(trial.clone(), en)
		for i := range msgs {
			msgs[i].Key = messageKey(en.Event.Case, en.Version, i)
			msgs[i].Case = en.Event.Case
		}
		en.Outbox = msgs
	}
	return en, nil
}

func (d *Desk) load(ctx context.Context, id string) (Case, error) {
	f, err := d.current(ctx, id, false, true)
	return f.c, err
}

func (d *Desk) checkMerge(ctx context.Context, c Case, ev Event) error {
	t, err := d.load(ctx, ev.Target)
	if err != nil {
		return fmt.Errorf("complaint: case %s: merge into %s: %w", c.ID, ev.Target, err)
	}
	switch {
	case t.Customer != c.Customer:
		return invalid(ev, "target %s belongs to customer %q, not %q", t.ID, t.Customer, c.Customer)
	case t.State.Terminal():
		return invalid(ev, "target %s is %s", t.ID, t.State)
	}
	return nil
}

// Case returns the current state of case id: the desk's copy, with what the
// store holds after it folded in.
func (d *Desk) Case(ctx context.Context, id string) (Case, error) {
	c, err := d.load(ctx, id)
	if err != nil {
		return Case{}, err
	}
	return c.clone(), nil
}

// Cases returns every case in the store, in the order they were received.
// With a store that is a [Querier] it reads the cases' summaries and folds
// only the cases the desk has not cached at their current version (see
// [DeskConfig].CacheSize); with another store it replays the whole trail.
func (d *Desk) Cases(ctx context.Context) ([]Case, error) {
	if _, ok := d.cfg.Store.(Querier); !ok {
		entries, err := d.cfg.Store.Entries(ctx, 0)
		if err != nil {
			return nil, err
		}
		return Replay(entries)
	}
	var out []Case
	err := d.eachCase(ctx, Query{}, func(f folded) error {
		out = append(out, f.c.clone())
		return nil
	})
	return out, err
}

// eachCase calls fn with every case matching q (its order and limit aside),
// in receipt order, up to date with the store; the store is a [Querier].
func (d *Desk) eachCase(ctx context.Context, q Query, fn func(folded) error) error {
	q.Order, q.Limit, q.After = ByReceipt, MaxLimit, ""
	for {
		p, err := d.cfg.Store.(Querier).Query(ctx, q)
		if err != nil {
			return err
		}
		for _, s := range p.Cases {
			f, err := d.atVersion(ctx, s.ID, s.Version)
			if err != nil {
				return err
			}
			if err := fn(f); err != nil {
				return err
			}
		}
		if p.Next == "" {
			return nil
		}
		q.After = p.Next
	}
}

// Query answers q from the store's case summaries, with the store's
// [Querier] when it has one; with another store it folds the summaries of
// the whole trail first.
func (d *Desk) Query(ctx context.Context, q Query) (Page, error) {
	if qs, ok := d.cfg.Store.(Querier); ok {
		return qs.Query(ctx, q)
	}
	all, err := d.summaries(ctx)
	if err != nil {
		return Page{}, err
	}
	return q.Page(all)
}

// Count returns how many cases match q (its order, limit and cursor aside),
// as [Desk.Query].
func (d *Desk) Count(ctx context.Context, q Query) (int, error) {
	if qs, ok := d.cfg.Store.(Querier); ok {
		return qs.Count(ctx, q)
	}
	q.After, q.Limit = "", 0
	if err := q.Validate(); err != nil {
		return 0, err
	}
	all, err := d.summaries(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, s := range all {
		if q.Match(s) {
			n++
		}
	}
	return n, nil
}

// summaries folds the summary of every case of the trail.
func (d *Desk) summaries(ctx context.Context) ([]Summary, error) {
	entries, err := d.cfg.Store.Entries(ctx, 0)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	var out []Summary
	for _, e := range entries {
		i, ok := index[e.Event.Case]
		if !ok {
			i = len(out)
			index[e.Event.Case] = i
			out = append(out, Summary{})
		}
		if err := out[i].Apply(e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Trail returns every entry of the store's trail.
func (d *Desk) Trail(ctx context.Context) ([]Entry, error) { return d.cfg.Store.Entries(ctx, 0) }

// Head returns the store's trail head, for a host to anchor elsewhere.
func (d *Desk) Head(ctx context.Context) (Head, error) { return d.cfg.Store.Head(ctx) }

// VerifyTrail verifies the store's whole trail against anchor (zero for
// none), as [Verify].
func (d *Desk) VerifyTrail(ctx context.Context, anchor Head) error {
	entries, err := d.cfg.Store.Entries(ctx, 0)
	if err != nil {
		return err
	}
	return Verify(entries, anchor)
}

// Dispute records the customer's dispute of a decision. Within the policy's
// reopen window the case moves to [Disputed]; after it, a follow-up case
// linked to it ([Intake].FollowUpOf) is opened with the same intake and
// returned instead. A dispute the lifecycle does not allow (a case still open,
// merged or withdrawn) fails with [ErrIllegalTransition].
func (d *Desk) Dispute(ctx context.Context, ev Event) (Case, error) {
	ev.Type = Dispute
	c, err := d.Apply(ctx, ev)
	if err == nil || !errors.Is(err, ErrGuard) {
		return c, err
	}
	orig, lerr := d.Case(ctx, ev.Case)
	if lerr != nil {
		return Case{}, lerr
	}
	in := orig.Intake
	in.FollowUpOf = orig.ID
	return d.Open(ctx, Event{At: ev.At, Actor: ev.Actor, Tier: ev.Tier, Intake: &in})
}
