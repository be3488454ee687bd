package complaint

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// DefaultClaimTTL is how long a desk holds a message it delivers when
// [DeskConfig].ClaimTTL is zero.
const DefaultClaimTTL = time.Minute

// Claimer is implemented by stores that lease an outbox message to one
// deliverer at a time, so that desks sharing the store, in one process or
// many, send each message once: a desk claims a message before sending it
// and records the delivery ([Notified]) before its lease ends. [MemStore]
// and [FileStore] implement it; package complaint/storetest checks an
// implementation. Without it desks deliver at least once.
type Claimer interface {
	// Claim leases the message with key to owner until the instant until,
	// unless another owner holds a lease on it that runs past now. It
	// reports whether owner now holds the lease (a lease of owner's own is
	// extended). A lease ends at until or when its owner releases it; the
	// store may also drop it once a [Notified] entry for key is appended,
	// since a desk checks that a message is still pending after claiming it.
	Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error)
	// Release ends owner's lease on key, if it holds one, so that another
	// desk may send the message at once (after a failed delivery).
	Release(ctx context.Context, key, owner string) error
}

// Deliver retries every undelivered message, in the order of the cases'
// receipt and of each case's outbox, and records each delivery as a
// [Notified] event. It returns how many messages were delivered, and the
// errors of the deliveries that failed (they stay pending). A desk without
// a notifier delivers nothing.
//
// With a store that is a [Claimer], each message is sent once however many
// desks deliver at once: a desk claims it before sending, checks that it is
// still pending, and records it at once (at the clock's time, or at the
// case's last event if later: a delivery record is never refused for its
// time). A message is sent again only after a failure: a failed notifier
// call, or a desk that stopped between sending and recording, whose claim
// then expires.
func (d *Desk) Deliver(ctx context.Context) (int, error) {
	if d.cfg.Notifier == nil {
		return 0, nil
	}
	pending, err := d.Pending(ctx)
	if err != nil {
		return 0, err
	}
	n := 0
	var errs []error
	for _, m := range pending {
		switch _, got := d.deliverOne(ctx, m, d.cfg.Clock()); {
		case got == sent:
			n++
		case ctx.Err() != nil:
			return n, ctx.Err()
		case got == failed:
			errs = append(errs, fmt.Errorf("complaint: message %s not delivered", m.Key))
		}
	}
	return n, errors.Join(errs...)
}

// stillPending reports whether m is in its case's outbox.
func (d *Desk) stillPending(ctx context.Context, m Message) (bool, error) {
	f, err := d.current(ctx, m.Case, false, true)
	if err != nil {
		return false, err
	}
	return hasKey(f.c.Outbox, m.Key), nil
}

// delivery is the outcome of one delivery attempt.
type delivery uint8

const (
	skipped delivery = iota // delivered meanwhile, or being delivered by another
	sent                    // sent now
	failed                  // the notifier or the store failed: still pending
)

// Pending returns the messages not delivered yet, in the order of the cases'
// receipt and of each case's outbox. With a store that is a [Querier] it
// reads only the cases with pending messages; with another store it scans
// the trail from where this desk last stopped.
func (d *Desk) Pending(ctx context.Context) ([]Message, error) {
	if _, ok := d.cfg.Store.(Querier); !ok {
		return d.scan(ctx)
	}
	var out []Message
	err := d.eachCase(ctx, Query{Pending: true}, func(f folded) error {
		out = append(out, f.c.Outbox...)
		return nil
	})
	return out, err
}

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

// deliverOne sends m unless another goroutine of this desk, or another desk
// holding its claim, is sending it, or it was delivered meanwhile, and
// records the delivery at at (or at the case's last event, if later). It
// returns the outcome, with the case after the record when it was sent.
func (d *Desk) deliverOne(ctx context.Context, m Message, at time.Time) (Case, delivery) {
	d.mu.Lock()
	if d.inflight[m.Key] {
		d.mu.Unlock()
		return Case{}, skipped
	}
	d.inflight[m.Key] = true
	d.mu.Unlock()
	defer func() {
		d.mu.Lock()
		delete(d.inflight, m.Key)
		d.mu.Unlock()
	}()
	claimer, _ := d.cfg.Store.(Claimer)
	sendCtx := ctx
	if claimer != nil {
		now := d.cfg.Clock()
		ok, err := claimer.Claim(ctx, m.Key, d.owner, now, now.Add(d.cfg.ClaimTTL))
		if err != nil {
			return Case{}, failed
		}
		if !ok {
			return Case{}, skipped
		}
		var cancel context.CancelFunc
		sendCtx, cancel = context.WithTimeout(ctx, d.cfg.ClaimTTL)
		defer cancel()
	}
	release := func() {
		if claimer != nil {
			_ = claimer.Release(context.WithoutCancel(ctx), m.Key, d.owner)
		}
	}
	// Skip a message that another desk delivered meanwhile.
	still, err := d.stillPending(ctx, m)
	if err != nil || !still {
		release()
		if err != nil {
			return Case{}, failed
		}
		return Case{}, skipped
	}
	if err := d.cfg.Notifier.Notify(sendCtx, m); err != nil {
		release()
		return Case{}, failed
	}
	c, _, err := d.commit(ctx, Event{Type: Notified, Case: m.Case, At: at, Actor: d.cfg.Actor, Key: m.Key}, stampAtLeast)
	if err != nil {
		// Sent but not recorded: the claim is kept until it expires, then
		// the message is sent again with the same key (at least once).
		return Case{}, sent
	}
	return c, sent
}

func hasKey(ms []Message, key string) bool {
	for _, m := range ms {
		if m.Key == key {
			return true
		}
	}
	return false
}
