package complaint

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fillFileStore opens a file store at path and walks n cases through the
// seeds' flow, with batches of two notes on every third case.
func fillFileStore(t testing.TB, path string, opts FileOptions, n int) *FileStore {
	return fillFileStoreIDs(t, path, opts, n, "S")
}

// fillFileStoreIDs is fillFileStore with case ids prefix-000, prefix-001, ….
func fillFileStoreIDs(t testing.TB, path string, opts FileOptions, n int, prefix string) *FileStore {
	ctx := context.Background()
	s, err := OpenFileStore(path, opts)
	require.NoError(t, err)
	d, err := NewDesk(DeskConfig{Store: s, Messenger: DefaultMessenger(luis)})
	require.NoError(t, err)
	for i := range n {
		id := fmt.Sprintf("%s-%03d", prefix, i)
		for _, ev := range seedsFlow(id)[:1+i%10] {
			_, err := d.Apply(ctx, ev)
			require.NoError(t, err)
		}
		if i%3 == 0 {
			c, err := d.Case(ctx, id)
			require.NoError(t, err)
			note := func(v uint64) Entry {
				return Entry{Version: v, From: c.State, To: c.State, Event: Event{Type: Note, Case: id, At: at(500), Actor: "ana", Note: "batch"}}
			}
			_, err = s.Append(ctx, id, c.Version, []Entry{note(c.Version + 1), note(c.Version + 2)})
			require.NoError(t, err)
		}
	}
	return s
}

// snapshotOf returns what a store answers, to compare two opens.
func snapshotOf(t testing.TB, s *FileStore) (Head, []Entry, Page) {
	ctx := context.Background()
	h, err := s.Head(ctx)
	require.NoError(t, err)
	es, err := s.Entries(ctx, 0)
	require.NoError(t, err)
	p, err := s.Query(ctx, Query{Limit: MaxLimit})
	require.NoError(t, err)
	return h, es, p
}

// TestFileStoreOpensFromSnapshot: a store closed cleanly reopens from its
// snapshot without replaying an entry, answers the same, and goes on; a
// store that stopped without closing replays only what followed its last
// checkpoint.
func TestFileStoreOpensFromSnapshot(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	s := fillFileStore(t, path, FileOptions{NoSync: true, CheckpointEvery: 40}, 30)
	h, es, p := snapshotOf(t, s)
	require.NoError(t, s.Close())
	_, err := os.Stat(path + ".snapshot")
	require.NoError(t, err)

	again, err := OpenFileStore(path, FileOptions{NoSync: true, Anchor: h, CheckpointEvery: 40})
	require.NoError(t, err)
	assert.Zero(t, again.Replayed(), "nothing to replay after a clean close")
	h2, es2, p2 := snapshotOf(t, again)
	assert.Equal(t, h, h2)
	assert.Equal(t, es, es2)
	assert.Equal(t, len(p.Cases), len(p2.Cases))
	for i := range p.Cases {
		assert.True(t, sameSummary(p.Cases[i], p2.Cases[i]), "case %s", p.Cases[i].ID)
	}
	require.NoError(t, again.Verify(ctx, h))
	// Appends continue; an automatic checkpoint every 40 entries.
	d, err := NewDesk(DeskConfig{Store: again})
	require.NoError(t, err)
	for i := range 45 {
		_, err := d.Apply(ctx, Event{Type: Note, Case: "S-001", At: at(600 + i), Actor: "ana", Note: "n"})
		require.NoError(t, err)
	}
	head, _ := again.Head(ctx)
	// Stop without closing: the snapshot is the automatic one, taken at
	// the 40th of those entries.
	crashed, err := os.ReadFile(path)
	require.NoError(t, err)
	snap, err := os.ReadFile(path + ".snapshot")
	require.NoError(t, err)
	require.NoError(t, again.Close())
	copyPath := filepath.Join(t.TempDir(), "copy.jsonl")
	require.NoError(t, os.WriteFile(copyPath, crashed, 0o644))
	require.NoError(t, os.WriteFile(copyPath+".snapshot", snap, 0o644))
	c, err := OpenFileStore(copyPath, FileOptions{NoSync: true, Anchor: head})
	require.NoError(t, err)
	defer c.Close()
	assert.Equal(t, uint64(5), c.Replayed())
	require.NoError(t, c.Verify(ctx, head))
	loaded, err := c.Load(ctx, "S-001")
	require.NoError(t, err)
	assert.Len(t, loaded, 2+45)
}

// TestFileStoreIgnoresAStaleSnapshot: a snapshot that does not match the
// file (the file was replaced, cut short, or the snapshot damaged) is
// ignored and the trail replayed.
func TestFileStoreIgnoresAStaleSnapshot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "trail.jsonl")
	s := fillFileStore(t, path, FileOptions{NoSync: true}, 12)
	_, es, _ := snapshotOf(t, s)
	require.NoError(t, s.Close())
	full, err := os.ReadFile(path)
	require.NoError(t, err)
	snap, err := os.ReadFile(path + ".snapshot")
	require.NoError(t, err)
	other := filepath.Join(dir, "other.jsonl")
	o := fillFileStoreIDs(t, other, FileOptions{NoSync: true}, 13, "T")
	require.NoError(t, o.Close())
	otherData, err := os.ReadFile(other)
	require.NoError(t, err)
	cases := []struct {
		name       string
		trail, snp []byte
		want       int // entries after opening
	}{
		{"another trail under the same name", otherData, snap, -1},
		{"trail cut short", full[:len(full)/2], snap, -1},
		{"snapshot damaged", full, append(append([]byte(nil), snap[:40]...), snap[41:]...), len(es)},
		{"snapshot flipped bit", full, flip(snap, 60), len(es)},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "t.jsonl")
			require.NoError(t, os.WriteFile(p, tt.trail, 0o644))
			require.NoError(t, os.WriteFile(p+".snapshot", tt.snp, 0o644))
			r, err := OpenFileStore(p, FileOptions{NoSync: true})
			require.NoError(t, err)
			defer r.Close()
			got, err := r.Entries(context.Background(), 0)
			require.NoError(t, err)
			assert.Equal(t, uint64(len(got)), r.Replayed(), "replayed the whole trail")
			if tt.want >= 0 {
				assert.Len(t, got, tt.want)
			}
			require.NoError(t, r.Verify(context.Background(), Head{}))
		})
	}
}

func flip(b []byte, i int) []byte {
	out := append([]byte(nil), b...)
	out[i] ^= 1
	return out
}

// TestVerifyFindsAForgedSnapshot: a snapshot rewritten with a valid checksum
// but a wrong summary opens, and Verify reports that the index disagrees
// with the trail.
func TestVerifyFindsAForgedSnapshot(t *testing.T) {
	path := filepath.Join(t.TempDir(), "trail.jsonl")
	s := fillFileStore(t, path, FileOptions{NoSync: true}, 6)
	s.idx.order[2].sum.State = Withdrawn // forge case S-002 in the index
	require.NoError(t, s.Close())
	forged, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	defer forged.Close()
	assert.Zero(t, forged.Replayed())
	err = forged.Verify(context.Background(), Head{})
	require.ErrorIs(t, err, ErrBrokenTrail)
	assert.Contains(t, err.Error(), "index (its snapshot) disagrees with the trail: case S-002")
}

// TestFileStoreClosed: every call after Close fails with os.ErrClosed.
func TestFileStoreClosed(t *testing.T) {
	ctx := context.Background()
	s := fillFileStore(t, filepath.Join(t.TempDir(), "t.jsonl"), FileOptions{NoSync: true}, 2)
	require.NoError(t, s.Close())
	_, err := s.Load(ctx, "S-000")
	require.ErrorIs(t, err, os.ErrClosed)
	_, err = s.Entries(ctx, 0)
	require.ErrorIs(t, err, os.ErrClosed)
	require.ErrorIs(t, s.Verify(ctx, Head{}), os.ErrClosed)
	require.ErrorIs(t, s.Checkpoint(ctx), os.ErrClosed)
	require.NoError(t, s.Close())
}

// TestFileStoreRefusesBadFrames: lines that are not one entry or a batch of
// two or more entries of one case are refused, naming the entry.
func TestFileStoreRefusesBadFrames(t *testing.T) {
	var l Ledger
	sealed, err := l.Append(
		Entry{Version: 1, To: Received, Event: Event{Type: Receive, Case: "A", At: at(0), Actor: "ana", Intake: claimIntake()}},
		Entry{Version: 1, To: Received, Event: Event{Type: Receive, Case: "B", At: at(0), Actor: "ana", Intake: claimIntake()}})
	require.NoError(t, err)
	a, _ := AppendEntry(nil, sealed[0])
	b, _ := AppendEntry(nil, sealed[1])
	var l2 Ledger
	sealed, err = l2.Append(
		Entry{Version: 1, To: Received, Event: Event{Type: Receive, Case: "A", At: at(0), Actor: "ana", Intake: claimIntake()}},
		Entry{Version: 2, From: Received, To: Received, Event: Event{Type: Note, Case: "A", At: at(0), Actor: "ana", Note: "n"}})
	require.NoError(t, err)
	a1, _ := AppendEntry(nil, sealed[0])
	a2, _ := AppendEntry(nil, sealed[1])
	for _, tt := range []struct{ name, file, why string }{ // why "" for a good file
		{"one-entry batch", "[" + string(a) + "]\n", "batch frame of one entry"},
		{"batch of two cases", "[" + string(a) + "," + string(b) + "]\n", "batch frame mixes cases A and B"},
		{"unterminated batch", "[" + string(a1) + "," + string(a2) + "\n", "want , or ]"},
		{"batch followed by more", "[" + string(a1) + "," + string(a2) + "]x\n", "want , or ]"},
		{"good batch", "[" + string(a1) + "," + string(a2) + "]\n", ""},
		{"batch with garbage", "[" + string(a) + ",x]\n", "an entry does not end"},
		{"two entries on a line", string(a) + string(b) + "\n", "trailing data"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "t.jsonl")
			require.NoError(t, os.WriteFile(p, []byte(tt.file), 0o644))
			s, err := OpenFileStore(p, FileOptions{NoSync: true})
			if tt.why == "" {
				require.NoError(t, err)
				require.NoError(t, s.Close())
				return
			}
			require.ErrorIs(t, err, ErrBrokenTrail)
			assert.Contains(t, err.Error(), tt.why)
		})
	}
}

// FuzzDecodeSnapshot decodes arbitrary bytes as a snapshot. Invariants: a
// refusal wraps errSnapshot; an accepted snapshot has one span per entry up
// to its head, and every entry belongs to exactly one case whose summary
// agrees with its entries.
func FuzzDecodeSnapshot(f *testing.F) {
	path := filepath.Join(f.TempDir(), "t.jsonl")
	s := fillFileStore(f, path, FileOptions{NoSync: true}, 2)
	f.Add(s.encodeSnapshot())
	s.Close()
	f.Add([]byte(snapshotMagic))
	f.Fuzz(func(t *testing.T, data []byte) {
		snap, err := decodeSnapshot(data)
		if err != nil {
			if !errors.Is(err, errSnapshot) {
				t.Fatalf("error does not wrap errSnapshot: %v", err)
			}
			return
		}
		if uint64(len(snap.spans)) != snap.head.Seq {
			t.Fatalf("%d spans for head %d", len(snap.spans), snap.head.Seq)
		}
		n := 0
		for _, rec := range snap.idx.order {
			if uint64(len(rec.seqs)) != rec.sum.Version || rec.seqs[0] != rec.sum.FirstSeq {
				t.Fatalf("case %s: %d entries, version %d", rec.sum.ID, len(rec.seqs), rec.sum.Version)
			}
			n += len(rec.seqs)
		}
		if n != len(snap.spans) {
			t.Fatalf("cases hold %d entries of %d", n, len(snap.spans))
		}
	})
}

// TestCheckpointAndItsFailure: an explicit checkpoint covers what was
// appended so far; a checkpoint that cannot be written is reported by
// Checkpoint and Close, and the trail is intact.
func TestCheckpointAndItsFailure(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "trail.jsonl")
	s := fillFileStore(t, path, FileOptions{NoSync: true, CheckpointEvery: -1}, 4)
	require.NoError(t, s.Checkpoint(ctx))
	d, err := NewDesk(DeskConfig{Store: s})
	require.NoError(t, err)
	_, err = d.Apply(ctx, Event{Type: Note, Case: "S-001", At: at(700), Actor: "ana", Note: "after the checkpoint"})
	require.NoError(t, err)
	// A copy of the files as they are now: a stop without closing.
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	snap, err := os.ReadFile(path + ".snapshot")
	require.NoError(t, err)
	cp := filepath.Join(dir, "copy.jsonl")
	require.NoError(t, os.WriteFile(cp, data, 0o644))
	require.NoError(t, os.WriteFile(cp+".snapshot", snap, 0o644))
	c, err := OpenFileStore(cp, FileOptions{NoSync: true})
	require.NoError(t, err)
	assert.Equal(t, uint64(1), c.Replayed(), "only the note after the checkpoint")
	require.NoError(t, c.Close())

	// The snapshot's temporary file cannot be created: a directory is in
	// the way.
	require.NoError(t, os.Mkdir(path+".snapshot.tmp", 0o755))
	err = s.Checkpoint(ctx)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "checkpoint")
	err = s.Close()
	require.Error(t, err, "Close reports the failed checkpoint")
	assert.Contains(t, err.Error(), "checkpoint")
	require.NoError(t, os.Remove(path+".snapshot.tmp"))
	again, err := OpenFileStore(path, FileOptions{NoSync: true})
	require.NoError(t, err)
	defer again.Close()
	assert.Equal(t, uint64(1), again.Replayed(), "the older snapshot, then the note")
	require.NoError(t, again.Verify(ctx, Head{}))
}
