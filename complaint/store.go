package complaint

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// Store keeps the trail entries of every case (the customer system, tele
// cliente). Implementations must be safe for concurrent use and give
// optimistic concurrency: [Store.Append] writes only if the case's stored
// version is the one the caller read. The package offers [MemStore] and
// [FileStore]; package complaint/storetest checks any other implementation
// (SQL, …) against the contract. Entries returned by a store may share
// memory with it: callers must not modify them.
//
// A store may also implement [Querier] (per-case [Summary] rows, folded with
// [Summary.Apply] on every append), [CaseLoader], [Claimer] and [Verifier];
// the [Desk] uses each when present. A store that keeps the trail elsewhere
// keeps each entry's canonical bytes ([AppendSealed]) and verifies them with
// [Chain].
type Store interface {
	// Append seals entries (with [Seal], after the trail's head) and writes
	// them atomically, all or none, if the case currently has exactly
	// expected entries (0 for a new case). Entries must be for caseID with
	// versions expected+1, expected+2, …, and continue the case as
	// [Summary.Apply] checks (an entry that does not is refused, nothing
	// written). A stale expected returns an error wrapping [ErrConflict] and
	// writes nothing. When Append returns nil the entries are durable. It
	// returns the sealed entries.
	Append(ctx context.Context, caseID string, expected uint64, entries []Entry) ([]Entry, error)
	// Load returns the case's entries in version order, or an error wrapping
	// [ErrNotFound].
	Load(ctx context.Context, caseID string) ([]Entry, error)
	// Entries returns the trail's entries with sequence numbers above after,
	// in sequence order.
	Entries(ctx context.Context, after uint64) ([]Entry, error)
	// Head returns the trail's last sequence number and hash.
	Head(ctx context.Context) (Head, error)
}

// Verifier is implemented by stores that verify their whole trail where it
// is kept, streaming it rather than handing every entry to [Verify]: the
// chain entry by entry, and a non-zero anchor. [Desk.VerifyTrail] uses it.
// [FileStore] implements it.
type Verifier interface {
	Verify(ctx context.Context, anchor Head) error
}

// checkAppend checks what every store checks before writing: entries for
// caseID with consecutive versions after expected.
func checkAppend(caseID string, expected uint64, entries []Entry) error {
	if caseID == "" {
		return fmt.Errorf("complaint: append: case id is missing: %w", ErrInvalidEvent)
	}
	if len(entries) == 0 {
		return fmt.Errorf("complaint: append to case %s: no entries: %w", caseID, ErrInvalidEvent)
	}
	for i, e := range entries {
		if e.Event.Case != caseID {
			return fmt.Errorf("complaint: append to case %s: entry %d is for case %q: %w", caseID, i, e.Event.Case, ErrInvalidEvent)
		}
		if want := expected + uint64(i) + 1; e.Version != want {
			return fmt.Errorf("complaint: append to case %s: entry %d has version %d, want %d: %w", caseID, i, e.Version, want, ErrInvalidEvent)
		}
	}
	return nil
}

// MemStore is a [Store] in memory, holding a [Ledger] and a [Summary] per
// case; it is also a [Querier], a [CaseLoader] and a [Claimer] (whose
// claims last as long as the store). The zero value is an empty store ready
// to use; it is safe for concurrent use.
type MemStore struct {
	mu     sync.RWMutex
	ledger Ledger
	idx    caseIndex
}

// NewMemStore returns an empty in-memory store.
func NewMemStore() *MemStore { return &MemStore{} }

// Append implements [Store].
func (s *MemStore) Append(ctx context.Context, caseID string, expected uint64, entries []Entry) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := checkAppend(caseID, expected, entries); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, sum, err := s.idx.next(caseID, expected)
	if err != nil {
		return nil, err
	}
	var one [4]Entry
	sealed := one[:0]
	if len(entries) > len(one) {
		sealed = make([]Entry, 0, len(entries))
	}
	head := s.ledger.head()
	for _, e := range entries {
		e, err := Seal(head, e)
		if err != nil {
			return nil, err
		}
		if err := sum.Apply(e); err != nil {
			return nil, err
		}
		sealed = append(sealed, e)
		head = Head{e.Seq, e.Hash}
	}
	s.ledger.mu.Lock()
	out := s.ledger.push(sealed...)
	s.ledger.mu.Unlock()
	s.idx.record(rec, sealed, sum)
	return out, nil
}

// Claim implements [Claimer].
func (s *MemStore) Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idx.claim(key, owner, now, until)
}

// Release implements [Claimer].
func (s *MemStore) Release(ctx context.Context, key, owner string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.idx.release(key, owner)
	return nil
}

// Load implements [Store].
func (s *MemStore) Load(ctx context.Context, caseID string) ([]Entry, error) {
	return s.LoadAfter(ctx, caseID, 0)
}

// LoadAfter implements [CaseLoader].
func (s *MemStore) LoadAfter(ctx context.Context, caseID string, version uint64) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	seqs, err := s.idx.seqsAfter(caseID, version)
	if err != nil || len(seqs) == 0 {
		return nil, err
	}
	s.ledger.mu.RLock()
	defer s.ledger.mu.RUnlock()
	out := make([]Entry, len(seqs))
	for i, q := range seqs {
		out[i] = s.ledger.at(int(q - 1))
	}
	return out, nil
}

// Entries implements [Store].
func (s *MemStore) Entries(ctx context.Context, after uint64) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return s.ledger.Entries(after), nil
}

// Head implements [Store].
func (s *MemStore) Head(ctx context.Context) (Head, error) {
	if err := ctx.Err(); err != nil {
		return Head{}, err
	}
	return s.ledger.Head(), nil
}

// Query implements [Querier]. In receipt order it reads the summaries from
// the cursor on; in due order it sorts every match.
func (s *MemStore) Query(ctx context.Context, q Query) (Page, error) {
	if err := checkQuery(ctx, &q, false); err != nil {
		return Page{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.query(q)
}

// Count implements [Querier].
func (s *MemStore) Count(ctx context.Context, q Query) (int, error) {
	if err := checkQuery(ctx, &q, true); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.count(q), nil
}

// Replay folds every case of a trail, in order of first appearance. It
// returns an error if an entry does not continue its case.
func Replay(entries []Entry) ([]Case, error) {
	index := map[string]int{}
	var cases []Case
	for _, e := range entries {
		i, ok := index[e.Event.Case]
		if !ok {
			i = len(cases)
			index[e.Event.Case] = i
			cases = append(cases, Case{})
		}
		if err := cases[i].apply(e); err != nil {
			return nil, err
		}
	}
	for i := range cases {
		cases[i] = cases[i].clone()
	}
	return slices.Clip(cases), nil
}
