package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Verify checks the whole trail kept in the database, from its first row, in
// one consistent snapshot and one row at a time (a long trail is not held in
// memory), with [complaint.Chain]: sequence numbers 1, 2, 3… with no gap,
// each stored entry the canonical encoding its hash covers, each Prev equal
// to the hash before it; and also every row's columns equal to its entry,
// each case's versions 1, 2, 3… in trail order, the head row equal to the
// last entry and each case's version column equal to its last entry. A
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
	versions := map[string]uint64{}
	if err := s.verifyRows(ctx, tx, &chain, versions); err != nil {
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
	return s.verifyCases(ctx, tx, versions)
}

// verifyRows walks the trail rows through the chain, recording the last
// version of each case.
func (s *Store) verifyRows(ctx context.Context, tx *sql.Tx, chain *complaint.Chain, versions map[string]uint64) error {
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
		if v := versions[e.Event.Case] + 1; e.Version != v {
			return &complaint.TrailError{Position: int(e.Seq), Seq: e.Seq, Reason: fmt.Sprintf("case %s: version %d, want %d", e.Event.Case, e.Version, v)}
		}
		versions[e.Event.Case] = e.Version
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, "verify", err)
	}
	return nil
}

// verifyCases compares the version column of every case with its entries.
func (s *Store) verifyCases(ctx context.Context, tx *sql.Tx, versions map[string]uint64) error {
	rows, err := tx.QueryContext(ctx, "SELECT case_id, version FROM complaint_cases")
	if err != nil {
		return s.fail(ctx, "verify", err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id string
		var v uint64
		if err := rows.Scan(&id, &v); err != nil {
			return s.fail(ctx, "verify", err)
		}
		if got, ok := versions[id]; !ok || got != v {
			return &complaint.TrailError{Reason: fmt.Sprintf("case %q has version %d in the cases table but %d entries in the trail", id, v, got)}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, "verify", err)
	}
	if n != len(versions) {
		return &complaint.TrailError{Reason: fmt.Sprintf("the trail has %d cases but the cases table %d", len(versions), n)}
	}
	return nil
}
