package complaint

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTrailErrorFields checks position and sequence of the TrailError for
// each kind of damage of the 20-entry trail of trailOf.
func TestTrailErrorFields(t *testing.T) {
	good := trailOf(t)
	require.Len(t, good, 20)
	clone := func() []Entry { return append([]Entry(nil), good...) }
	tests := []struct {
		name     string
		entries  []Entry
		anchor   Head
		pos      int
		seq      uint64
		reason   string
		errorMsg string
	}{
		// Entry 3 removed: the 3rd entry has sequence 4.
		{"removed", append(clone()[:2], good[3:]...), Head{}, 3, 4, "sequence 4, want 3", "complaint: trail entry 3 (seq 4): sequence 4, want 3: entries were removed before it"},
		// Entry 2 repeated: the 3rd entry has sequence 2.
		{"duplicated", append(clone()[:2], good[1:]...), Head{}, 3, 2, "sequence 2, want 3", ""},
		// First entry's Prev forged (and rehashed): position 1.
		{"first entry not at the start", func() []Entry {
			e := clone()
			e[0].Prev = "00"
			e[0].Hash, _ = e[0].ComputeHash()
			return e
		}(), Head{}, 1, 1, "previous hash", ""},
		// 12 entries against an anchor at 20: position and sequence 13.
		{"truncated", clone()[:12], Head{20, good[19].Hash}, 13, 13, "trail ends at sequence 12 but the anchored head is 20", ""},
		// An anchor inside the trail with the wrong hash: position 10.
		{"anchor mismatch inside", clone(), Head{10, good[10].Hash}, 10, 10, "hash differs from the anchored head", ""},
		// An entry whose event cannot be encoded: undefined event type.
		{"unencodable", func() []Entry { e := clone(); e[4].Event.Type = 99; return e }(), Head{}, 5, 5, "complaint: invalid event", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(tt.entries, tt.anchor)
			var te *TrailError
			require.ErrorAs(t, err, &te)
			require.ErrorIs(t, err, ErrBrokenTrail)
			assert.Equal(t, tt.pos, te.Position)
			assert.Equal(t, tt.seq, te.Seq)
			assert.Contains(t, te.Reason, tt.reason)
			if tt.errorMsg != "" {
				assert.Equal(t, tt.errorMsg, err.Error())
			}
		})
	}
	// An anchor inside the trail with the right hash, and one at its end.
	require.NoError(t, Verify(good, Head{10, good[9].Hash}))
	require.NoError(t, Verify(good, Head{20, good[19].Hash}))
	require.NoError(t, Verify(nil, Head{}))
}

// TestReadTrailRefuses checks that ReadTrail names the line that fails to
// decode, counting from 1.
func TestReadTrailRefuses(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteTrail(&buf, trailOf(t)[:3]))
	lines := strings.SplitAfter(buf.String(), "\n") // 3 lines and ""
	tests := []struct {
		name   string
		third  string
		reason string
	}{
		{"not JSON", "{\n", `want {"seq":`},
		{"trailing data", strings.TrimSuffix(lines[2], "\n") + " {}\n", "trailing data after the entry"},
		{"unknown field", strings.Replace(lines[2], `{"seq"`, `{"extra":1,"seq"`, 1), `unknown or misplaced field "extra"`},
		{"negative cost", strings.Replace(lines[2], `"tier":"advisor"}`, `"tier":"advisor","cost":{"kind":"refund","amount":"-5 COP"}}`, 1), "negative"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTrail(strings.NewReader(lines[0] + lines[1] + tt.third))
			var te *TrailError
			require.ErrorAs(t, err, &te)
			assert.Equal(t, 3, te.Position)
			assert.Equal(t, uint64(3), te.Seq)
			assert.Contains(t, te.Reason, tt.reason)
		})
	}
	got, err := ReadTrail(strings.NewReader(""))
	require.NoError(t, err)
	assert.Empty(t, got)
}

// TestSealAndLedgerAppend: sealing chains after the head, and an entry that
// cannot be encoded leaves the ledger unchanged.
func TestSealAndLedgerAppend(t *testing.T) {
	e, err := Seal(Head{Seq: 41, Hash: "ab"}, Entry{Version: 1, Event: Event{Type: Note, Case: "S"}})
	require.NoError(t, err)
	assert.Equal(t, uint64(42), e.Seq)
	assert.Equal(t, "ab", e.Prev)
	h, err := e.ComputeHash()
	require.NoError(t, err)
	assert.Equal(t, h, e.Hash)
	assert.Len(t, e.Hash, 64, "hex SHA-256")

	var l Ledger
	assert.Equal(t, Head{}, l.Head())
	assert.Nil(t, l.Entries(0))
	require.NoError(t, l.Verify(Head{}))
	first, err := l.Append(Entry{Version: 1, Event: Event{Type: Note, Case: "S"}})
	require.NoError(t, err)
	_, err = l.Append(Entry{Version: 2, Event: Event{Type: Note, Case: "S"}}, Entry{Version: 3, Event: Event{Type: 99, Case: "S"}})
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.Equal(t, 1, l.Len(), "all or none")
	assert.Equal(t, Head{1, first[0].Hash}, l.Head())
	_, err = Seal(Head{}, Entry{Event: Event{Type: 99}})
	require.ErrorIs(t, err, ErrInvalidEvent)
}

// TestLedgerEntriesAtChunkStart reads from the first entry of the second
// and third chunks.
func TestLedgerEntriesAtChunkStart(t *testing.T) {
	var l Ledger
	n := 2*chunkSize + 3
	batch := make([]Entry, n)
	for i := range batch {
		batch[i] = Entry{Version: uint64(i + 1), Event: Event{Type: Note, Case: "L"}}
	}
	all, err := l.Append(batch...)
	require.NoError(t, err)
	for _, after := range []int{chunkSize, chunkSize + 1, 2 * chunkSize, n - 1} {
		got := l.Entries(uint64(after))
		require.Len(t, got, n-after, "after %d", after)
		assert.Equal(t, uint64(after+1), got[0].Seq, "after %d", after)
		assert.Equal(t, all[after:], got)
	}
	assert.Nil(t, l.Entries(uint64(n)))
	assert.Nil(t, l.Entries(uint64(n+5)))
}

// TestStoresHonourContext: every store method returns the context's error
// once it is cancelled.
func TestStoresHonourContext(t *testing.T) {
	fs, err := OpenFileStore(filepath.Join(t.TempDir(), "t.jsonl"), FileOptions{NoSync: true})
	require.NoError(t, err)
	defer fs.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for name, s := range map[string]Store{"mem": NewMemStore(), "file": fs} {
		t.Run(name, func(t *testing.T) {
			_, err := s.Append(ctx, "A", 0, []Entry{{Version: 1, Event: Event{Type: Receive, Case: "A"}}})
			require.ErrorIs(t, err, context.Canceled)
			_, err = s.Load(ctx, "A")
			require.ErrorIs(t, err, context.Canceled)
			_, err = s.Entries(ctx, 0)
			require.ErrorIs(t, err, context.Canceled)
			_, err = s.Head(ctx)
			require.ErrorIs(t, err, context.Canceled)
			h, err := s.Head(context.Background())
			require.NoError(t, err)
			assert.Equal(t, Head{}, h, "nothing written")
		})
	}
}

// TestCheckAppend names the entry and the version it wanted.
func TestCheckAppend(t *testing.T) {
	e := func(id string, v uint64) Entry { return Entry{Version: v, Event: Event{Case: id}} }
	tests := []struct {
		name     string
		id       string
		expected uint64
		entries  []Entry
		msg      string
	}{
		{"no id", "", 0, []Entry{e("", 1)}, "case id is missing"},
		{"no entries", "A", 0, nil, "no entries"},
		{"second for another case", "A", 2, []Entry{e("A", 3), e("B", 4)}, `entry 1 is for case "B"`},
		{"second skips a version", "A", 2, []Entry{e("A", 3), e("A", 5)}, "entry 1 has version 5, want 4"},
		{"first repeats the version", "A", 2, []Entry{e("A", 2)}, "entry 0 has version 2, want 3"},
		{"good", "A", 2, []Entry{e("A", 3), e("A", 4)}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := checkAppend(tt.id, tt.expected, tt.entries)
			if tt.msg == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, ErrInvalidEvent)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// TestReplayOrderAndErrors: cases come out in order of first appearance, and
// a broken case is refused.
func TestReplayOrderAndErrors(t *testing.T) {
	trail := trailOf(t) // A and B interleaved, A first
	cases, err := Replay(trail)
	require.NoError(t, err)
	require.Len(t, cases, 2)
	assert.Equal(t, "A", cases[0].ID)
	assert.Equal(t, "B", cases[1].ID)
	assert.Equal(t, uint64(10), cases[1].Version)
	// B's entries alone, then A's: B first.
	var swapped []Entry
	for _, id := range []string{"B", "A"} {
		for _, e := range trail {
			if e.Event.Case == id {
				swapped = append(swapped, e)
			}
		}
	}
	cases, err = Replay(swapped)
	require.NoError(t, err)
	assert.Equal(t, []string{"B", "A"}, []string{cases[0].ID, cases[1].ID})
	broken := append([]Entry(nil), trail...)
	broken[5].Version = 9
	_, err = Replay(broken)
	require.ErrorIs(t, err, ErrInvalidEvent)
	none, err := Replay(nil)
	require.NoError(t, err)
	assert.Empty(t, none)
}

// TestFileStoreOpenErrors: files that cannot be opened or do not replay are
// refused with the reason, and left as they were.
func TestFileStoreOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := OpenFileStore(filepath.Join(dir, "missing", "t.jsonl"), FileOptions{})
	require.ErrorIs(t, err, os.ErrNotExist)

	// A well-chained trail whose second entry is not a transition of the
	// lifecycle (close right after receive): verified, but does not replay.
	var l Ledger
	_, err = l.Append(
		Entry{Version: 1, From: StateUnknown, To: Received, Event: Event{Type: Receive, Case: "X", At: at(0), Actor: "ana", Intake: claimIntake()}},
		Entry{Version: 2, From: Received, To: Closed, Event: Event{Type: Close, Case: "X", At: at(1), Actor: "ana"}})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteTrail(&buf, l.Entries(0)))
	path := filepath.Join(dir, "bad.jsonl")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	_, err = OpenFileStore(path, FileOptions{NoSync: true})
	require.ErrorIs(t, err, ErrIllegalTransition)
	assert.Contains(t, err.Error(), "replay")

	// A good file against an anchor it does not reach.
	good := filepath.Join(dir, "good.jsonl")
	var g bytes.Buffer
	require.NoError(t, WriteTrail(&g, trailOf(t)[:4]))
	require.NoError(t, os.WriteFile(good, g.Bytes(), 0o644))
	_, err = OpenFileStore(good, FileOptions{NoSync: true, Anchor: Head{Seq: 5, Hash: "x"}})
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "truncated")
	// A line that does not decode, not at the end.
	bad := filepath.Join(dir, "garbled.jsonl")
	require.NoError(t, os.WriteFile(bad, []byte("garbage\n"+g.String()), 0o644))
	_, err = OpenFileStore(bad, FileOptions{NoSync: true})
	require.ErrorIs(t, err, ErrBrokenTrail)
	after, err := os.ReadFile(bad)
	require.NoError(t, err)
	assert.Equal(t, "garbage\n"+g.String(), string(after))

	// Opened fine, it serves the four entries; closing twice is fine, and
	// appends after closing fail with os.ErrClosed.
	s, err := OpenFileStore(good, FileOptions{NoSync: true})
	require.NoError(t, err)
	es, err := s.Entries(context.Background(), 0)
	require.NoError(t, err)
	assert.Len(t, es, 4)
	loaded, err := s.Load(context.Background(), "A")
	require.NoError(t, err)
	assert.Len(t, loaded, 2, "A and B interleave: entries 1 and 3 are A's")
	require.NoError(t, s.Close())
	require.NoError(t, s.Close())
	_, err = s.Append(context.Background(), "A", 2, []Entry{{Version: 3, Event: Event{Type: Note, Case: "A"}}})
	require.ErrorIs(t, err, os.ErrClosed)
	_, err = s.Append(context.Background(), "", 2, nil)
	require.ErrorIs(t, err, ErrInvalidEvent)
	assert.False(t, errors.Is(err, os.ErrClosed), "bad entries are refused before the closed check")
}
