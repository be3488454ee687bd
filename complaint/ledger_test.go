package complaint

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trailOf runs the seeds' flow for two cases on a memory store and returns
// the trail.
func trailOf(t testing.TB) []Entry {
	t.Helper()
	ctx := context.Background()
	store := NewMemStore()
	d, _ := newDesk(t, store, nil)
	a, b := seedsFlow("A"), seedsFlow("B")
	for i := range a {
		_, err := d.Apply(ctx, a[i])
		require.NoError(t, err)
		_, err = d.Apply(ctx, b[i])
		require.NoError(t, err)
	}
	entries, err := store.Entries(ctx, 0)
	require.NoError(t, err)
	return entries
}

func TestVerifyNamesFirstBadEntry(t *testing.T) {
	good := trailOf(t)
	require.Len(t, good, 20)
	require.NoError(t, Verify(good, Head{}))
	head := Head{good[19].Seq, good[19].Hash}
	require.NoError(t, Verify(good, head))

	clone := func() []Entry { return append([]Entry(nil), good...) }
	tests := []struct {
		name   string
		mutate func([]Entry) []Entry
		anchor Head
		pos    int
		reason string
	}{
		{"modified actor", func(e []Entry) []Entry { e[6].Event.Actor = "mallory"; return e }, Head{}, 7, "modified"},
		{"modified and rehashed", func(e []Entry) []Entry {
			e[6].Event.Note = "forged"
			e[6].Hash, _ = e[6].ComputeHash()
			return e
		}, Head{}, 8, "previous hash"},
		{"removed", func(e []Entry) []Entry { return append(e[:4], e[5:]...) }, Head{}, 5, "removed"},
		{"inserted", func(e []Entry) []Entry { return append(e[:4], append([]Entry{e[2]}, e[4:]...)...) }, Head{}, 5, "inserted"},
		{"reordered", func(e []Entry) []Entry { e[9], e[10] = e[10], e[9]; return e }, Head{}, 10, "removed"},
		{"truncated tail with anchor", func(e []Entry) []Entry { return e[:18] }, head, 19, "truncated"},
		{"truncated tail without anchor passes", func(e []Entry) []Entry { return e[:18] }, Head{}, 0, ""},
		{"rewritten tail against anchor", func(e []Entry) []Entry {
			e[19].Event.Actor = "mallory"
			e[19].Hash, _ = e[19].ComputeHash()
			return e
		}, head, 20, "anchored head"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(tt.mutate(clone()), tt.anchor)
			if tt.pos == 0 {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrBrokenTrail)
			var te *TrailError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, tt.pos, te.Position)
			assert.Contains(t, te.Reason, tt.reason)
		})
	}
}

func TestTrailRoundTrip(t *testing.T) {
	entries := trailOf(t)
	var buf bytes.Buffer
	require.NoError(t, WriteTrail(&buf, entries))
	got, err := ReadTrail(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	assert.Equal(t, entries, got)
	// A tampered copy: change one letter of one line.
	tampered := strings.Replace(buf.String(), `"actor":"luis"`, `"actor":"lucas"`, 1)
	_, err = ReadTrail(strings.NewReader(tampered))
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "modified")
	// An unknown enum name is refused, naming the line.
	bad := strings.Replace(buf.String(), `"type":"start"`, `"type":"teleport"`, 1)
	_, err = ReadTrail(strings.NewReader(bad))
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "teleport")
}

func TestFileStoreReopenReplays(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	fs, err := OpenFileStore(path, FileOptions{})
	require.NoError(t, err)
	d, _ := newDesk(t, fs, nil)
	for _, ev := range seedsFlow("K-1") {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	want, err := d.Case(ctx, "K-1")
	require.NoError(t, err)
	head, err := fs.Head(ctx)
	require.NoError(t, err)
	summaries, err := fs.Query(ctx, Query{})
	require.NoError(t, err)
	require.NoError(t, fs.Close())
	_, err = fs.Append(ctx, "K-1", 10, []Entry{{Version: 11, Event: Event{Case: "K-1"}}})
	require.Error(t, err, "closed")

	fs2, err := OpenFileStore(path, FileOptions{Anchor: head})
	require.NoError(t, err)
	defer fs2.Close()
	assert.Zero(t, fs2.Recovered())
	d2, _ := newDesk(t, fs2, nil)
	got, err := d2.Case(ctx, "K-1")
	require.NoError(t, err)
	assert.Equal(t, want, got)
	again, err := fs2.Query(ctx, Query{})
	require.NoError(t, err)
	assert.Equal(t, summaries, again, "the summaries are rebuilt from the file")
	tail, err := fs2.LoadAfter(ctx, "K-1", 8)
	require.NoError(t, err)
	require.Len(t, tail, 2)
	assert.Equal(t, uint64(9), tail[0].Version)
	// Appends continue the chain.
	_, err = d2.Apply(ctx, Event{Type: Note, Case: "K-1", At: at(400), Actor: "ana", Note: "customer thanked us"})
	require.NoError(t, err)
	require.NoError(t, d2.VerifyTrail(ctx, head))
}

// TestFileStoreTornTail simulates a process killed between write and sync by
// cutting the file at every byte offset of its last entry: reopening loses at
// most that entry and never an earlier one.
func TestFileStoreTornTail(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "trail.jsonl")
	fs, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	d, _ := newDesk(t, fs, nil)
	for _, ev := range seedsFlow("K-1") {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	require.NoError(t, fs.Close())
	full, err := os.ReadFile(path)
	require.NoError(t, err)
	lastStart := bytes.LastIndexByte(full[:len(full)-1], '\n') + 1
	prefix, err := ReadTrail(bytes.NewReader(full[:lastStart]))
	require.NoError(t, err)
	require.Len(t, prefix, 9)

	for cut := lastStart; cut <= len(full); cut++ {
		p := filepath.Join(dir, "cut.jsonl")
		require.NoError(t, os.WriteFile(p, full[:cut], 0o644))
		s, err := OpenFileStore(p, FileOptions{})
		require.NoError(t, err, "cut at %d", cut)
		entries, err := s.Entries(ctx, 0)
		require.NoError(t, err)
		if cut == len(full) {
			assert.Len(t, entries, 10)
			assert.Zero(t, s.Recovered())
		} else {
			assert.Equal(t, prefix, entries, "cut at %d", cut)
			assert.Equal(t, int64(cut-lastStart), s.Recovered())
			// The torn bytes are gone from disk and appends continue the chain.
			dd, _ := newDesk(t, s, nil)
			_, err = dd.Apply(ctx, Event{Type: Close, Case: "K-1", At: at(500), Actor: "luis"})
			require.NoError(t, err)
			require.NoError(t, dd.VerifyTrail(ctx, Head{}))
		}
		require.NoError(t, s.Close())
		if cut < len(full) {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			_, err = ReadTrail(bytes.NewReader(data))
			require.NoError(t, err, "the recovered file reads clean")
		}
	}
}

func TestFileStoreRefusesBrokenChain(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	fs, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	d, _ := newDesk(t, fs, nil)
	for _, ev := range seedsFlow("K-1") {
		_, err := d.Apply(ctx, ev)
		require.NoError(t, err)
	}
	require.NoError(t, fs.Close())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(data), "\n")
	lines[3] = strings.Replace(lines[3], `"actor":"ana"`, `"actor":"eve"`, 1)
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, "")), 0o644))
	_, err = OpenFileStore(path, FileOptions{})
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "trail entry 4 (seq 4)")
	after, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, strings.Join(lines, ""), string(after), "a refused file is left as it was")
}

func TestLedgerChunks(t *testing.T) {
	var l Ledger
	var want []Entry
	// 2.5 chunks, appended one or three at a time.
	for v := uint64(1); v <= chunkSize*5/2; {
		batch := []Entry{{Version: v, Event: Event{Type: Note, Case: "L"}}}
		if v%7 == 0 {
			batch = append(batch, Entry{Version: v + 1, Event: Event{Type: Note, Case: "L"}}, Entry{Version: v + 2, Event: Event{Type: Note, Case: "L"}})
		}
		sealed, err := l.Append(batch...)
		require.NoError(t, err)
		want = append(want, sealed...)
		v += uint64(len(batch))
	}
	require.Equal(t, len(want), l.Len())
	assert.Equal(t, want, l.Entries(0))
	assert.Equal(t, want[chunkSize-1:], l.Entries(chunkSize-1), "across a chunk boundary")
	assert.Equal(t, want[len(want)-1:], l.Entries(uint64(len(want)-1)))
	assert.Nil(t, l.Entries(uint64(len(want))))
	require.NoError(t, l.Verify(l.Head()))
	assert.Equal(t, Head{uint64(len(want)), want[len(want)-1].Hash}, l.Head())
}
