package sqlstore

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/servuction/servuction/complaint"
)

// Verify checks the whole trail kept in the database, from its first row, in
// one consistent snapshot and one row at a time (a long trail is not held in
// memory): sequence numbers 1, 2, 3… with no gap, each entry's hash over its
// content, each Prev equal to the hash before it, every row's columns equal
// to its entry, each case's versions 1, 2, 3… in trail order, the head row
// equal to the last entry and each case's version column equal to its last
// entry. A non-zero anchor (a [complaint.Head] stored elsewhere) must be in
// the trail with the same hash, which detects a cut tail. It returns a
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
	w := walker{versions: map[string]uint64{}, anchor: anchor}
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
		if err := w.step(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return s.fail(ctx, "verify", err)
	}
	if err := w.end(); err != nil {
		return err
	}
	var head complaint.Head
	if err := tx.QueryRowContext(ctx, s.q.head).Scan(&head.Seq, &head.Hash); err != nil {
		return s.fail(ctx, "verify", err)
	}
	if head != w.last {
		return &complaint.TrailError{Position: int(w.last.Seq) + 1, Seq: head.Seq,
			Reason: fmt.Sprintf("the head row (seq %d) is not the trail's last entry (seq %d) or its hash differs", head.Seq, w.last.Seq)}
	}
	return s.verifyCases(ctx, tx, w.versions)
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

// walker checks a trail one row at a time, as complaint.Verify does.
type walker struct {
	pos      int
	last     complaint.Head
	versions map[string]uint64
	anchor   complaint.Head
	anchored bool
}

func (w *walker) step(r row) error {
	w.pos++
	pos, want := w.pos, uint64(w.pos)
	switch {
	case r.seq > want:
		return &complaint.TrailError{Position: pos, Seq: r.seq, Reason: fmt.Sprintf("sequence %d, want %d: entries were removed before it", r.seq, want)}
	case r.seq < want:
		return &complaint.TrailError{Position: pos, Seq: r.seq, Reason: fmt.Sprintf("sequence %d, want %d: entry inserted, duplicated or reordered", r.seq, want)}
	}
	e, err := r.decode()
	if err != nil {
		return err
	}
	h, err := e.ComputeHash()
	if err != nil {
		return &complaint.TrailError{Position: pos, Seq: e.Seq, Reason: err.Error()}
	}
	if h != e.Hash {
		return &complaint.TrailError{Position: pos, Seq: e.Seq, Reason: "hash does not match the content: entry modified"}
	}
	if e.Prev != w.last.Hash {
		return &complaint.TrailError{Position: pos, Seq: e.Seq, Reason: "previous hash does not match the entry before: the chain was rewritten before it"}
	}
	if v := w.versions[e.Event.Case] + 1; e.Version != v {
		return &complaint.TrailError{Position: pos, Seq: e.Seq, Reason: fmt.Sprintf("case %s: version %d, want %d", e.Event.Case, e.Version, v)}
	}
	w.versions[e.Event.Case] = e.Version
	w.last = complaint.Head{Seq: e.Seq, Hash: e.Hash}
	if e.Seq == w.anchor.Seq {
		if e.Hash != w.anchor.Hash {
			return &complaint.TrailError{Position: pos, Seq: e.Seq, Reason: "hash differs from the anchored head"}
		}
		w.anchored = true
	}
	return nil
}

func (w *walker) end() error {
	if w.anchor.Seq > 0 && !w.anchored {
		return &complaint.TrailError{Position: w.pos + 1, Seq: uint64(w.pos) + 1,
			Reason: fmt.Sprintf("trail ends at sequence %d but the anchored head is %d: truncated", w.pos, w.anchor.Seq)}
	}
	return nil
}
