package sqlstore

import (
	"context"
	"fmt"
	"time"

	"github.com/servuction/servuction/complaint"
)

// Claim implements [complaint.Claimer] with a row per message in
// complaint_claims, taken in one statement (an insert that updates the row
// only when owner already holds it or its lease ended by now), so desks in
// any number of processes sharing the database send each message once. A
// delivery record appended for the message deletes the row.
func (s *Store) Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if key == "" || owner == "" {
		return false, fmt.Errorf("sqlstore: claim: key %q and owner %q are both required: %w", key, owner, complaint.ErrInvalidEvent)
	}
	res, err := s.st.claim.ExecContext(ctx, key, owner, timeText(until, false), timeText(now, false))
	if err != nil {
		return false, s.fail(ctx, "claim "+key, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, s.fail(ctx, "claim "+key, err)
	}
	return n == 1, nil
}

// Release implements [complaint.Claimer]: it deletes owner's lease on key,
// if owner holds it.
func (s *Store) Release(ctx context.Context, key, owner string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := s.st.release.ExecContext(ctx, key, owner); err != nil {
		return s.fail(ctx, "release "+key, err)
	}
	return nil
}
