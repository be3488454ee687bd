package complaint

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/google/uuid"
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
}

// Desk applies events to cases: it folds the case from the [Store], decides
// the event against the lifecycle and its guards ([Decide]), records the entry
// with its outbox messages in one append, and delivers the messages. Several
// desks, in one process or many, can share a store: optimistic concurrency
// re-decides an event against the fresh case instead of losing an update. A
// Desk is safe for concurrent use.
type Desk struct {
	cfg DeskConfig

	mu       sync.Mutex // guards the fields below
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
	return &Desk{cfg: cfg, inflight: map[string]bool{}}, nil
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
// rejected event changes nothing. Messages the entry produces are recorded
// with it and delivered at once when the desk has a notifier, the delivery
// recorded at the event's instant; a failed delivery leaves them in the
// outbox for [Desk.Deliver], which records deliveries at the clock's time.
func (d *Desk) Apply(ctx context.Context, ev Event) (Case, error) {
	if ev.At.IsZero() {
		ev.At = d.cfg.Clock()
	}
	c, msgs, err := d.commit(ctx, ev)
	if err != nil {
		return Case{}, err
	}
	if d.cfg.Notifier != nil && len(msgs) > 0 {
		for _, m := range msgs {
			if next, ok := d.deliverOne(ctx, m, ev.At); ok && next.Version > c.Version {
				c = next
			}
		}
	}
	return c, nil
}

// commit decides and appends ev, re-deciding on version conflicts.
func (d *Desk) commit(ctx context.Context, ev Event) (Case, []Message, error) {
	var lastErr error
	for attempt := 0; attempt <= d.cfg.Retries; attempt++ {
		c, err := d.load(ctx, ev.Case, ev.Type == Receive)
		if err != nil {
			return Case{}, nil, err
		}
		en, err := Decide(c, ev, d.cfg.Policy)
		if err != nil {
			return Case{}, nil, err
		}
		if ev.Type == Merge {
			if err := d.checkMerge(ctx, c, en.Event); err != nil {
				return Case{}, nil, err
			}
		}
		if d.cfg.Messenger != nil && ev.Type != Notified { // a delivery record never notifies
			trial := c.clone()
			if err := trial.apply(en); err != nil {
				return Case{}, nil, err
			}
			msgs := d.cfg.Messenger(trial, en)
			for i := range msgs {
				msgs[i].Key = messageKey(en.Event.Case, en.Version, i)
				msgs[i].Case = en.Event.Case
			}
			en.Outbox = msgs
		}
		sealed, err := d.cfg.Store.Append(ctx, en.Event.Case, c.Version, []Entry{en})
		if errors.Is(err, ErrConflict) {
			lastErr = err
			continue
		}
		if err != nil {
			return Case{}, nil, err
		}
		next := c.clone()
		if err := next.apply(sealed[0]); err != nil {
			return Case{}, nil, err
		}
		return next, sealed[0].Outbox, nil
	}
	return Case{}, nil, lastErr
}

func (d *Desk) load(ctx context.Context, id string, mayBeNew bool) (Case, error) {
	entries, err := d.cfg.Store.Load(ctx, id)
	if errors.Is(err, ErrNotFound) && mayBeNew {
		return Case{}, nil
	}
	if err != nil {
		return Case{}, err
	}
	return Fold(entries)
}

func (d *Desk) checkMerge(ctx context.Context, c Case, ev Event) error {
	t, err := d.load(ctx, ev.Target, false)
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

// Case returns the current state of case id.
func (d *Desk) Case(ctx context.Context, id string) (Case, error) {
	c, err := d.load(ctx, id, false)
	if err != nil {
		return Case{}, err
	}
	return c.clone(), nil
}

// Cases returns every case in the store, in the order they were received.
func (d *Desk) Cases(ctx context.Context) ([]Case, error) {
	entries, err := d.cfg.Store.Entries(ctx, 0)
	if err != nil {
		return nil, err
	}
	return Replay(entries)
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
	if ev.At.IsZero() {
		ev.At = d.cfg.Clock()
	}
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

// Deliver retries every undelivered message of the trail, in order, and
// records each delivery as a [Notified] event. It returns how many messages
// were delivered, and the errors of the deliveries that failed (they stay
// pending). A desk without a notifier delivers nothing.
func (d *Desk) Deliver(ctx context.Context) (int, error) {
	if d.cfg.Notifier == nil {
		return 0, nil
	}
	pending, err := d.scan(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, m := range pending {
		if _, ok := d.deliverOne(ctx, m, d.cfg.Clock()); ok {
			n++
		} else if e := ctx.Err(); e != nil {
			return n, e
		} else {
			errs = append(errs, fmt.Errorf("complaint: message %s not delivered", m.Key))
		}
	}
	return n, errors.Join(errs...)
}

// Pending returns the messages of the trail not delivered yet, in order.
func (d *Desk) Pending(ctx context.Context) ([]Message, error) { return d.scan(ctx) }

// scan reads the trail after the cursor and returns the pending messages.
func (d *Desk) scan(ctx context.Context) ([]Message, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	entries, err := d.cfg.Store.Entries(ctx, d.cursor)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		d.pending = append(d.pending, e.Outbox...)
		if e.Event.Type == Notified {
			for i, m := range d.pending {
				if m.Key == e.Event.Key {
					d.pending = append(d.pending[:i], d.pending[i+1:]...)
					break
				}
			}
		}
		d.cursor = e.Seq
	}
	return append([]Message(nil), d.pending...), nil
}

// deliverOne delivers m unless another goroutine of this desk is delivering
// it, and records the delivery at at (or at the case's last event, if later).
// It reports whether m was delivered.
func (d *Desk) deliverOne(ctx context.Context, m Message, at time.Time) (Case, bool) {
	d.mu.Lock()
	if d.inflight[m.Key] {
		d.mu.Unlock()
		return Case{}, false
	}
	d.inflight[m.Key] = true
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		delete(d.inflight, m.Key)
		d.mu.Unlock()
	}()
	// Skip a message that another desk delivered meanwhile.
	cur, err := d.load(ctx, m.Case, false)
	if err != nil || !hasKey(cur.Outbox, m.Key) {
		return Case{}, false
	}
	if err := d.cfg.Notifier.Notify(ctx, m); err != nil {
		return Case{}, false
	}
	if at.Before(cur.UpdatedAt) {
		at = cur.UpdatedAt
	}
	c, _, err := d.commit(ctx, Event{Type: Notified, Case: m.Case, At: at, Actor: d.cfg.Actor, Key: m.Key})
	if err != nil {
		// Delivered but not recorded: it stays pending and will be delivered
		// again with the same key (at least once).
		return Case{}, true
	}
	return c, true
}

func hasKey(ms []Message, key string) bool {
	for _, m := range ms {
		if m.Key == key {
			return true
		}
	}
	return false
}
