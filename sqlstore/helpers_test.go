package sqlstore_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/servuction/servuction/complaint"
)

var base = time.Date(2026, 3, 2, 14, 0, 0, 0, time.UTC)

// receive returns the first entry of a new case.
func receive(id string) complaint.Entry {
	return complaint.Entry{Version: 1, From: complaint.StateUnknown, To: complaint.Received,
		Event: complaint.Event{Type: complaint.Receive, Case: id, At: base, Actor: "ana",
			Intake: &complaint.Intake{Kind: complaint.Complaint, Customer: "C-1", Subject: "no signal"}}}
}

// note returns an annotation at version v of a received case.
func note(id string, v uint64, actor, text string) complaint.Entry {
	return complaint.Entry{Version: v, From: complaint.Received, To: complaint.Received,
		Event: complaint.Event{Type: complaint.Note, Case: id, At: base.Add(time.Minute), Actor: actor, Note: text}}
}

// appendNote appends a note to a case at its current version, reloading and
// retrying on conflicts; it returns the sealed entry and how many conflicts
// it met.
func appendNote(ctx context.Context, s complaint.Store, id, actor, text string) (complaint.Entry, int, error) {
	for conflicts := 0; ; conflicts++ {
		got, err := s.Load(ctx, id)
		if err != nil {
			return complaint.Entry{}, conflicts, err
		}
		sealed, err := s.Append(ctx, id, uint64(len(got)), []complaint.Entry{note(id, uint64(len(got))+1, actor, text)})
		if errors.Is(err, complaint.ErrConflict) {
			continue
		}
		if err != nil {
			return complaint.Entry{}, conflicts, err
		}
		return sealed[0], conflicts, nil
	}
}

// mustAppend appends entries or fails the test.
func mustAppend(t testing.TB, s complaint.Store, id string, expected uint64, entries ...complaint.Entry) []complaint.Entry {
	t.Helper()
	sealed, err := s.Append(context.Background(), id, expected, entries)
	if err != nil {
		t.Fatalf("Append(%s, %d): %v", id, expected, err)
	}
	return sealed
}

// seedCase appends a receive and n notes to a new case.
func seedCase(t testing.TB, s complaint.Store, id string, n int) {
	t.Helper()
	entries := []complaint.Entry{receive(id)}
	for i := range n {
		entries = append(entries, note(id, uint64(i)+2, "ana", fmt.Sprint("seed ", i)))
	}
	mustAppend(t, s, id, 0, entries...)
}

// tempDir returns a new temporary directory for an Example, removed when the
// test binary exits.
func tempDir() (string, error) {
	dir, err := os.MkdirTemp("", "sqlstore-example-")
	if err != nil {
		return "", err
	}
	exampleDirs = append(exampleDirs, dir)
	return dir, nil
}

var exampleDirs []string
