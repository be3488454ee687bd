package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servuction/servuction/internal/golden"
)

// TestDefaultOutput: the day on the default trail file prints what it
// always printed (testdata/default.txt; go test -run TestDefaultOutput
// -update rewrites it).
func TestDefaultOutput(t *testing.T) {
	var out bytes.Buffer
	if err := run(context.Background(), &out, ""); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "default.txt", out.String())
}

// TestSQLiteStore: the day on a SQLite file takes the same steps as on the
// trail file, catches the edited row and the cut copy, and a second run on
// the same file replays the day instead of taking the calls again.
func TestSQLiteStore(t *testing.T) {
	ctx := context.Background()
	var def, first, second bytes.Buffer
	if err := run(ctx, &def, ""); err != nil {
		t.Fatal(err)
	}
	addr := "sqlite:" + filepath.Join(t.TempDir(), "tele-cliente.db")
	if err := run(ctx, &first, addr); err != nil {
		t.Fatal(err)
	}
	calls, _, _ := strings.Cut(def.String(), "\nTrail:")
	if !strings.HasPrefix(first.String(), calls+"\nTrail: 24 entries, verified;") {
		t.Errorf("the calls on SQLite differ from those on the trail file:\n%s", first.String())
	}
	_, replay, _ := strings.Cut(def.String(), "Replayed from the file:\n")
	for _, want := range []string{
		"Database sqlite verified up to seq 24.\n",
		"Edited row refused: complaint: trail entry 14 (seq 14): hash does not match the content: entry modified\n",
		"Truncated copy refused: complaint: trail entry 23 (seq 23): trail ends at sequence 22 but the anchored head is 24: truncated\n",
		"Replayed from the database:\n" + replay,
	} {
		if !strings.Contains(first.String(), want) {
			t.Errorf("first run on SQLite: no %q in\n%s", want, first.String())
		}
	}
	if err := run(ctx, &second, addr); err != nil {
		t.Fatal(err)
	}
	if want := "The store already holds 24 entries: verifying and replaying them.\nDatabase sqlite verified up to seq 24.\n"; !strings.HasPrefix(second.String(), want) ||
		!strings.HasSuffix(second.String(), "Replayed from the database:\n"+replay) {
		t.Errorf("second run on SQLite:\n%s", second.String())
	}
}

func TestBadStore(t *testing.T) {
	err := run(context.Background(), &bytes.Buffer{}, "mysql:root@/cases")
	if err == nil || !strings.Contains(err.Error(), `unknown database "mysql"`) {
		t.Errorf("run with a MySQL address: %v", err)
	}
}
