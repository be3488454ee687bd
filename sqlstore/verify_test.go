package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

type tamper struct {
	name   string
	sql    []string // run against a trail of A (3 entries), B (2), A again (1)
	anchor bool     // verify against the head taken before the edit
	seq    uint64   // the TrailError's Seq
	reason string   // part of its Reason
}

// tampers returns the edits of TestVerifyCatchesTampering in a dialect.
func tampers(pg bool) []tamper {
	// edit replaces text in the entry column.
	edit := func(old, new string) string {
		if pg {
			return fmt.Sprintf("convert_to(REPLACE(convert_from(entry, 'UTF8'), %s, %s), 'UTF8')", old, new)
		}
		return fmt.Sprintf("CAST(REPLACE(CAST(entry AS TEXT), %s, %s) AS BLOB)", old, new)
	}
	cut := "SUBSTR(entry, 2)"
	if pg {
		cut = "substring(entry from 2)"
	}
	return []tamper{
		{"entry edited", []string{"UPDATE complaint_trail SET entry = " + edit(`'"actor":"bea"'`, `'"actor":"eve"'`) + " WHERE seq = 5"},
			false, 5, "hash does not match the content"},
		{"entry and hash rewritten", []string{"UPDATE complaint_trail SET hash = 'ff', entry = " + edit("hash", "'ff'") + " WHERE seq = 2"},
			false, 2, "hash does not match the content"},
		{"hash column edited", []string{"UPDATE complaint_trail SET hash = 'ff' WHERE seq = 3"}, false, 3, "columns"},
		{"row deleted", []string{"DELETE FROM complaint_trail WHERE seq = 2"}, false, 3, "entries were removed before it"},
		{"tail cut with the head", []string{"DELETE FROM complaint_trail WHERE seq = 6",
			"UPDATE complaint_head SET seq = 5, hash = (SELECT hash FROM complaint_trail WHERE seq = 5)",
			"UPDATE complaint_cases SET version = 3 WHERE case_id = 'A'"}, true, 6, "truncated"},
		{"head moved", []string{"UPDATE complaint_head SET seq = 5"}, false, 5, "head row"},
		{"version column edited", []string{"UPDATE complaint_cases SET version = 9 WHERE case_id = 'B'"}, false, 5, `summary row of case "B" (version 9`},
		{"summary state edited", []string{"UPDATE complaint_cases SET state = 'closed' WHERE case_id = 'A'"}, false, 6, `summary row of case "A" (version 4, state closed)`},
		{"summary enum not a name", []string{"UPDATE complaint_cases SET tier = 'boss' WHERE case_id = 'A'"}, false, 0, `summary row of case "A" does not read back`},
		{"case row deleted", []string{"DELETE FROM complaint_cases WHERE case_id = 'B'"}, false, 0, "the trail has 2 cases but the cases table 1"},
		{"entry not JSON", []string{"UPDATE complaint_trail SET entry = " + cut + " WHERE seq = 1"}, false, 1, "byte 1"},
		{"entry respelled with an escape, same content", []string{"UPDATE complaint_trail SET entry = " + edit(`'"actor":"ana"'`, `'"actor":"\u0061na"'`) + " WHERE seq = 3"},
			false, 3, "is not canonical"},
	}
}

// TestVerifyCatchesTampering edits the database behind the store's back, the
// ways someone with access to the tables could, and checks that Verify names
// the first entry that no longer holds.
func TestVerifyCatchesTampering(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range tampers(b.name == "postgres") {
				t.Run(c.name, func(t *testing.T) {
					ctx := context.Background()
					s := b.open(t, sqlstore.Options{})
					mustAppend(t, s, "A", 0, receive("A"), note("A", 2, "ana", "first"), note("A", 3, "ana", "second"))
					mustAppend(t, s, "B", 0, receive("B"), note("B", 2, "bea", "other"))
					mustAppend(t, s, "A", 3, note("A", 4, "ana", "third"))
					head, _ := s.Head(ctx)
					if err := s.Verify(ctx, head); err != nil {
						t.Fatalf("Verify before the edit: %v", err)
					}
					for _, q := range c.sql {
						if res, err := s.DB().ExecContext(ctx, q); err != nil {
							t.Fatalf("%s: %v", q, err)
						} else if n, _ := res.RowsAffected(); n != 1 {
							t.Fatalf("%s: %d rows, want 1", q, n)
						}
					}
					anchor := complaint.Head{}
					if c.anchor {
						anchor = head
					}
					err := s.Verify(ctx, anchor)
					var te *complaint.TrailError
					if !errors.As(err, &te) || !errors.Is(err, complaint.ErrBrokenTrail) || te.Seq != c.seq || !strings.Contains(te.Reason, c.reason) {
						t.Errorf("Verify after %s: %v; want a TrailError at seq %d saying %q", c.name, err, c.seq, c.reason)
					}
				})
			}
		})
	}
}

func TestVerifyAnchor(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := b.open(t, sqlstore.Options{})
			if err := s.Verify(ctx, complaint.Head{}); err != nil {
				t.Errorf("Verify of an empty store: %v", err)
			}
			mustAppend(t, s, "A", 0, receive("A"), note("A", 2, "ana", "x"))
			first, _ := s.Head(ctx)
			mustAppend(t, s, "A", 2, note("A", 3, "ana", "y"))
			if err := s.Verify(ctx, first); err != nil {
				t.Errorf("Verify against an earlier head: %v", err)
			}
			for _, bad := range []complaint.Head{{Seq: 2, Hash: "00"}, {Seq: 4, Hash: first.Hash}} {
				if err := s.Verify(ctx, bad); !errors.Is(err, complaint.ErrBrokenTrail) {
					t.Errorf("Verify against %+v: %v, want ErrBrokenTrail", bad, err)
				}
			}
		})
	}
}

// TestVerifyFoldsEveryCase writes, behind the store's back, an entry that is
// sealed and chained correctly but does not continue its case (a writer that
// bypassed the store's checks), and checks that Verify names it.
func TestVerifyFoldsEveryCase(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			ctx := context.Background()
			s := b.open(t, sqlstore.Options{})
			mustAppend(t, s, "A", 0, receive("A"))
			head, _ := s.Head(ctx)
			bad := note("A", 2, "eve", "from a closed case")
			bad.From, bad.To = complaint.Closed, complaint.Closed
			line, sealed, err := complaint.AppendSealed(nil, head, bad)
			if err != nil {
				t.Fatal(err)
			}
			ph := "?, ?, ?, ?, ?, ?"
			if b.name == "postgres" {
				ph = "$1, $2, $3, $4, $5, $6"
			}
			for _, q := range []struct {
				sql  string
				args []any
			}{
				{"INSERT INTO complaint_trail (seq, case_id, version, prev, hash, entry) VALUES (" + ph + ")",
					[]any{sealed.Seq, "A", sealed.Version, sealed.Prev, sealed.Hash, line}},
				{"UPDATE complaint_head SET seq = 2, hash = '" + sealed.Hash + "'", nil},
			} {
				if _, err := s.DB().ExecContext(ctx, q.sql, q.args...); err != nil {
					t.Fatal(err)
				}
			}
			err = s.Verify(ctx, complaint.Head{})
			var te *complaint.TrailError
			if !errors.As(err, &te) || te.Seq != 2 || !strings.Contains(te.Reason, "from closed, but the case is received") {
				t.Errorf("Verify of a case that does not fold: %v", err)
			}
		})
	}
}
