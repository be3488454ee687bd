package sqlstore

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore/internal/pgtest"
)

// TestPostgresWriteGuard sends the write statement of an append whose
// summary update matches no row (its expected version is wrong, which the
// locks make impossible in Append) and checks that it fails as a conflict,
// that the commit sent with it is skipped and that nothing is written.
func TestPostgresWriteGuard(t *testing.T) {
	ctx := context.Background()
	s, err := OpenPostgres(ctx, pgtest.Require(t).Schema(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	recv := complaint.Entry{Version: 1, From: complaint.StateUnknown, To: complaint.Received, Event: complaint.Event{
		Type: complaint.Receive, Case: "A", At: at, Actor: "ana", Intake: &complaint.Intake{Kind: complaint.Claim, Customer: "C"}}}
	if _, err := s.Append(ctx, "A", 0, []complaint.Entry{recv}); err != nil {
		t.Fatal(err)
	}
	head, _ := s.Head(ctx)
	entries, _ := s.Load(ctx, "A")
	sum, err := complaint.Summarize(entries)
	if err != nil {
		t.Fatal(err)
	}
	note := complaint.Entry{Version: 2, From: complaint.Received, To: complaint.Received, Event: complaint.Event{
		Type: complaint.Note, Case: "A", At: at, Actor: "ana", Note: "x"}}
	w, err := sealAll(head, sum, []complaint.Entry{note})
	if err != nil {
		t.Fatal(err)
	}
	conn, err := s.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		if _, err := pc.Exec(ctx, "BEGIN"); err != nil {
			return err
		}
		werr := s.pgWriteCommit(ctx, pc, w, 7) // the case is at version 1
		if _, err := pc.Exec(ctx, "ROLLBACK"); err != nil {
			return err
		}
		return werr
	})
	if !errors.Is(err, complaint.ErrConflict) || !strings.Contains(err.Error(), "version 7 changed during the append") {
		t.Errorf("a write whose summary update matches no row: %v, want a conflict", err)
	}
	if h, _ := s.Head(ctx); h != head {
		t.Errorf("head moved to %+v", h)
	}
	var n int
	if err := s.DB().QueryRow("SELECT COUNT(*) FROM complaint_trail").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d trail rows, %v; want 1", n, err)
	}
	if err := s.Verify(ctx, head); err != nil {
		t.Error(err)
	}
}
