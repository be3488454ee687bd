package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Verify checks the whole trail kept in the database, from its first row, in
// one consistent snapshot and one row at a time (a long trail is not held in
// memory), with [complaint.Chain]: sequence numbers 1, 2, 3… with no gap,
// each stored entry the canonical encoding its hash covers, each Prev equal
// to the hash before it; and also every row's columns equal to its entry,
// each entry continuing its case ([complaint.Summary.Apply]), the head row
// equal to the last entry and each case's summary row equal to the summary
// folded from its entries (so a query never reads an edited summary). A
// non-zero anchor (a [complaint.Head] stored elsewhere) must be in the trail
// with the same hash, which detects a cut tail. It returns a
// [*complaint.TrailError] (wrapping [complaint.ErrBrokenTrail]) naming the
// first row that fails, or the error of the database.
func (s *Store) Verify(ctx context.Context, anchor complaint.Head) error {
	opts := &sql.TxOptions{ReadOnly: true, Isolation: sql.LevelRepeatableRead}
	if s.q.dialect == SQLite {
		opts = nil // a SQLite read transaction is a snapshot already
	}
	tx, err := s.db.BeginTx(ctx, opts)
	if err != nil {
		return s.fail(ctx, "verify", err)
	}
	defer tx.Rollback()
	chain := complaint.Chain{Anchor: anchor}
	sums := map[string]*complaint.Summary{}
	if err := s.verifyRows(ctx, tx, &chain, sums); err != nil {
		return err
	}
	if err := chain.End(); err != nil {
		return err
	}
	var head complaint.Head
	if err := tx.QueryRowContext(ctx, s.q.head).Scan(&head.Seq, &head.Hash); err != nil {
		return s.fail(ctx, "verify", err)
	}
	if last := chain.Head(); head != last {
		return &complaint.TrailError{Position: int(last.Seq) + 1, Seq: head.Seq,
			Reason: fmt.Sprintf("the head row (seq %d) is not the trail's last entry (seq %d) or its hash differs", head.Seq, last.Seq)}
	}
	return s.verifyCases(ctx, tx, sums)
}

// verifyRows walks the trail rows through the chain, folding the summary of
// each case.
func (s *Store) verifyRows(ctx context.Context, tx *sql.Tx, chain *complaint.Chain, sums map[string]*complaint.Summary) error {
	rows, err := tx.QueryContext(ctx, s.q.verify)
	if err != nil {
		return s.fail(ctx, "verify", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.seq, &r.caseID, &r.version, &r.prev, &r.h, &r.entry); err != nil {
			return s.fail(ctx, "verify", err)
		}
		e, err := chain.NextEncoded(r.entry)
		if err != nil {
			return err
		}
		if err := r.check(e); err != nil {
			return err
		}
		sum := sums[e.Event.Case]
		if sum == nil {
			sum = &complaint.Summary{}
			sums[e.Event.Case] = sum
		}
		if err := sum.Apply(e); err != nil {
			return &complaint.TrailError{Position: int(e.Seq), Seq: e.Seq, Reason: err.Error()}
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, "verify", err)
	}
	return nil
}

// verifyCases compares every summary row with the summary folded from the
// case's entries.
func (s *Store) verifyCases(ctx context.Context, tx *sql.Tx, sums map[string]*complaint.Summary) error {
	rows, err := tx.QueryContext(ctx, "SELECT "+summaryColumns+" FROM complaint_cases ORDER BY first_seq")
	if err != nil {
		return s.fail(ctx, "verify", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		got, err := scanSummary(rows)
		if err != nil {
			var te *complaint.TrailError
			if errors.As(err, &te) {
				return err
			}
			return s.fail(ctx, "verify", err)
		}
		want, ok := sums[got.ID]
		switch {
		case !ok:
			return &complaint.TrailError{Reason: fmt.Sprintf("case %q has a summary row but no entries in the trail", got.ID)}
		case normal(got) != normal(*want):
			return &complaint.TrailError{Position: int(got.LastSeq), Seq: got.LastSeq,
				Reason: fmt.Sprintf("the summary row of case %q (version %d, state %s) is not the one its entries fold to (version %d, state %s)",
					got.ID, got.Version, got.State, want.Version, want.State)}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, "verify", err)
	}
	if n != len(sums) {
		return &complaint.TrailError{Reason: fmt.Sprintf("the trail has %d cases but the cases table %d", len(sums), n)}
	}
	return nil
}

// normal returns s with its instants in UTC, to compare summaries with ==.
func normal(s complaint.Summary) complaint.Summary {
	s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt = s.ReceivedAt.UTC(), s.UpdatedAt.UTC(), s.DueAt.UTC(), s.RiskAt.UTC()
	return s
}
