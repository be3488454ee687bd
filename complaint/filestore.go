package complaint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// FileOptions configures [OpenFileStore].
type FileOptions struct {
	// Anchor, when not zero, is a [Head] the host stored elsewhere: opening
	// fails if the file does not reach it with the same hash.
	Anchor Head
	// NoSync skips the fsync after each append. Only for tests and bulk
	// imports: a crash can then lose acknowledged entries.
	NoSync bool
}

// FileStore is a [Store] in an append-only file that is also the trail: one
// JSON [Entry] per line, hash-chained, each append written in one call and
// synced to disk before [FileStore.Append] returns. Opening the file verifies
// the chain, drops a torn last line left by a crash between write and sync,
// and replays every case. The entries are also kept in memory for reading.
// A FileStore is safe for concurrent use by one process.
type FileStore struct {
	mu        sync.Mutex
	f         *os.File
	size      int64
	sync      bool
	recovered int64
	mem       MemStore
	closed    bool
}

// OpenFileStore opens or creates the trail file at path. A torn last line (no
// final newline) is cut off and reported by [FileStore.Recovered]; any other
// damage (a line that does not decode, a broken chain, a case that does not
// replay, a trail short of opts.Anchor) is refused with an error naming the
// entry, and the file is left as it was.
func OpenFileStore(path string, opts FileOptions) (*FileStore, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("complaint: file store: %w", err)
	}
	s, err := openFile(f, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	if s.size == 0 && !opts.NoSync {
		// A new file: sync its directory so the file itself survives a crash.
		if dir, err := os.Open(filepath.Dir(path)); err == nil {
			dir.Sync()
			dir.Close()
		}
	}
	return s, nil
}

func openFile(f *os.File, opts FileOptions) (*FileStore, error) {
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", f.Name(), err)
	}
	good := bytes.LastIndexByte(data, '\n') + 1
	entries, err := ReadTrail(bytes.NewReader(data[:good]))
	if err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", f.Name(), err)
	}
	if err := Verify(entries, opts.Anchor); err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", f.Name(), err)
	}
	s := &FileStore{f: f, size: int64(good), sync: !opts.NoSync, recovered: int64(len(data) - good)}
	if err := s.mem.load(entries); err != nil {
		return nil, fmt.Errorf("complaint: file store %s: replay: %w", f.Name(), err)
	}
	if s.recovered > 0 {
		if err := f.Truncate(int64(good)); err != nil {
			return nil, fmt.Errorf("complaint: file store %s: cutting torn tail: %w", f.Name(), err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("complaint: file store %s: %w", f.Name(), err)
		}
	}
	return s, nil
}

// load puts already sealed and verified entries into an empty store,
// checking that each continues its case.
func (s *MemStore) load(entries []Entry) error {
	s.ledger.push(entries...)
	s.cases = make(map[string]*memCase)
	for _, e := range entries {
		rec := s.cases[e.Event.Case]
		var sum Summary
		if rec != nil {
			sum = rec.sum
		}
		if err := sum.Apply(e); err != nil {
			return err
		}
		s.record(rec, []Entry{e}, sum)
	}
	return nil
}

// Recovered returns how many bytes of a torn last line were cut off when the
// file was opened (0 when the file was intact).
func (s *FileStore) Recovered() int64 { return s.recovered }

// Append implements [Store]: the sealed entries are written in one call and
// synced before it returns. If the write or sync fails, the file is cut back
// to its previous size and nothing is recorded.
func (s *FileStore) Append(ctx context.Context, caseID string, expected uint64, entries []Entry) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkAppend(caseID, expected, entries); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, fmt.Errorf("complaint: file store %s: closed: %w", s.f.Name(), os.ErrClosed)
	}
	s.mem.mu.Lock()
	defer s.mem.mu.Unlock()
	return s.mem.append(caseID, expected, entries, func(lines []byte) error {
		if _, err := s.f.WriteAt(lines, s.size); err != nil {
			return s.undo(err)
		}
		if s.sync {
			if err := s.f.Sync(); err != nil {
				return s.undo(err)
			}
		}
		s.size += int64(len(lines))
		return nil
	})
}

func (s *FileStore) undo(err error) error {
	return errors.Join(fmt.Errorf("complaint: file store %s: %w", s.f.Name(), err), s.f.Truncate(s.size))
}

// Load implements [Store].
func (s *FileStore) Load(ctx context.Context, caseID string) ([]Entry, error) {
	return s.mem.Load(ctx, caseID)
}

// LoadAfter implements [CaseLoader].
func (s *FileStore) LoadAfter(ctx context.Context, caseID string, version uint64) ([]Entry, error) {
	return s.mem.LoadAfter(ctx, caseID, version)
}

// Claim implements [Claimer]. Claims are kept in memory: the file store
// belongs to one process (see [OpenFileStore]), whose desks share them.
func (s *FileStore) Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error) {
	return s.mem.Claim(ctx, key, owner, now, until)
}

// Release implements [Claimer].
func (s *FileStore) Release(ctx context.Context, key, owner string) error {
	return s.mem.Release(ctx, key, owner)
}

// Query implements [Querier].
func (s *FileStore) Query(ctx context.Context, q Query) (Page, error) { return s.mem.Query(ctx, q) }

// Count implements [Querier].
func (s *FileStore) Count(ctx context.Context, q Query) (int, error) { return s.mem.Count(ctx, q) }

// Entries implements [Store].
func (s *FileStore) Entries(ctx context.Context, after uint64) ([]Entry, error) {
	return s.mem.Entries(ctx, after)
}

// Head implements [Store].
func (s *FileStore) Head(ctx context.Context) (Head, error) { return s.mem.Head(ctx) }

// Close closes the file. Reads keep working from memory; appends fail.
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	return s.f.Close()
}
