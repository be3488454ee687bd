package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/servuction/servuction/complaint"
	"github.com/servuction/servuction/sqlstore"
)

// runSQL keeps the customer system in a database (package sqlstore): the
// trail, one row per event, and a summary row per case, each event committed
// before the desk moves on. A database that already holds cases (from an
// earlier run, or another process) is verified and replayed instead.
func runSQL(ctx context.Context, w io.Writer, addr string) error {
	store, err := sqlstore.Open(ctx, addr, sqlstore.Options{})
	if err != nil {
		return err
	}
	defer store.Close()
	head, err := store.Head(ctx)
	if err != nil {
		return err
	}
	if head.Seq == 0 {
		if head, err = dayAndVerify(ctx, w, store); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(w, "The store already holds %d entries: verifying and replaying them.\n", head.Seq)
	}
	// Verify again from the database itself: every row, every summary.
	if err := store.Verify(ctx, head); err != nil {
		return err
	}
	fmt.Fprintf(w, "Database %s verified up to seq %d.\n", store.Address().Dialect, head.Seq)
	if err := tamperSQL(ctx, w, store, head); err != nil {
		return err
	}
	// A second connection, as another process would open, sees every case.
	other, err := sqlstore.Open(ctx, addr, sqlstore.Options{})
	if err != nil {
		return err
	}
	defer other.Close()
	fmt.Fprintln(w, "\nReplayed from the database:")
	return report(ctx, w, other)
}

// tamperSQL shows that an edit in the database, behind the store's back, is
// caught, and that a copy of the trail cut short is caught against the
// anchored head. The edit is undone afterwards.
func tamperSQL(ctx context.Context, w io.Writer, store *sqlstore.Store, head complaint.Head) error {
	entries, err := store.Entries(ctx, 0)
	if err != nil {
		return err
	}
	// Someone edits who resolved the claim, in the trail's table.
	var target complaint.Entry
	for _, e := range entries {
		if e.Event.Type == complaint.Resolve && e.Event.Actor == "luis (red)" {
			target = e
		}
	}
	if target.Seq == 0 {
		return errors.New("the claim's resolution is not in the trail")
	}
	param := "?"
	if store.Address().Dialect == sqlstore.PostgreSQL {
		param = "$1"
	}
	var stored []byte
	if err := store.DB().QueryRowContext(ctx, "SELECT entry FROM complaint_trail WHERE seq = "+fmt.Sprint(target.Seq)).Scan(&stored); err != nil {
		return err
	}
	edited := bytes.Replace(stored, []byte(`"actor":"luis (red)"`), []byte(`"actor":"ana (asesora)"`), 1)
	set := "UPDATE complaint_trail SET entry = " + param + " WHERE seq = " + fmt.Sprint(target.Seq)
	if _, err := store.DB().ExecContext(ctx, set, edited); err != nil {
		return err
	}
	verr := store.Verify(ctx, head)
	if _, err := store.DB().ExecContext(ctx, set, stored); err != nil {
		return err
	}
	if verr == nil {
		return errors.New("the edited row was not caught")
	}
	fmt.Fprintln(w, "Edited row refused:", verr)
	// A copy cut short is caught against the anchored head.
	if err := complaint.Verify(entries[:len(entries)-2], head); err != nil {
		fmt.Fprintln(w, "Truncated copy refused:", err)
	} else {
		return errors.New("the truncated copy was not caught")
	}
	return store.Verify(ctx, head)
}
