package complaint

import (
	"context"
	"fmt"
	"slices"
	"sort"
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
type Store interface {
	// Append seals entries (with [Seal], after the trail's head) and writes
	// them atomically, all or none, if the case currently has exactly
	// expected entries (0 for a new case). Entries must be for caseID with
	// versions expected+1, expected+2, …. A stale expected returns an error
	// wrapping [ErrConflict] and writes nothing. When Append returns nil the
	// entries are durable. It returns the sealed entries.
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
	cases  map[string]*memCase
	order  []*memCase // by FirstSeq: the order of receipt
	claims map[string]claim
}

// claim is a message's lease.
type claim struct {
	owner string
	until time.Time
}

// memCase is a case's record: the sequence numbers of its entries (seqs[i]
// holds version i+1) and its summary.
type memCase struct {
	seqs []uint64
	sum  Summary
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
	return s.append(caseID, expected, entries, nil)
}

// append seals entries after the head, checks that they continue the case,
// lets write persist them (with their canonical lines, when write is not
// nil) and records them; the caller holds the write lock. Nothing is
// recorded if any step fails.
func (s *MemStore) append(caseID string, expected uint64, entries []Entry, write func(lines []byte) error) ([]Entry, error) {
	rec := s.cases[caseID]
	var sum Summary
	if rec != nil {
		sum = rec.sum
	}
	if sum.Version != expected {
		return nil, fmt.Errorf("complaint: case %s: version %d, but the store has %d: %w", caseID, expected, sum.Version, ErrConflict)
	}
	var one [4]Entry
	sealed := one[:0]
	if len(entries) > len(one) {
		sealed = make([]Entry, 0, len(entries))
	}
	head := s.ledger.head()
	var lines []byte
	for _, e := range entries {
		var err error
		if write != nil {
			lines, e, err = AppendSealed(lines, head, e)
			lines = append(lines, '\n')
		} else {
			e, err = Seal(head, e)
		}
		if err != nil {
			return nil, err
		}
		if err := sum.Apply(e); err != nil {
			return nil, err
		}
		sealed = append(sealed, e)
		head = Head{e.Seq, e.Hash}
	}
	if write != nil {
		if err := write(lines); err != nil {
			return nil, err
		}
	}
	s.ledger.mu.Lock()
	out := s.ledger.push(sealed...)
	s.ledger.mu.Unlock()
	s.record(rec, sealed, sum)
	return out, nil
}

// record adds sealed entries of one case to its record; the caller holds
// the write lock.
func (s *MemStore) record(rec *memCase, sealed []Entry, sum Summary) {
	if rec == nil {
		if s.cases == nil {
			s.cases = make(map[string]*memCase)
		}
		rec = &memCase{seqs: make([]uint64, 0, 8)}
		s.cases[sum.ID] = rec
		s.order = append(s.order, rec)
	}
	for _, e := range sealed {
		rec.seqs = append(rec.seqs, e.Seq)
		if e.Event.Type == Notified && s.claims != nil {
			delete(s.claims, e.Event.Key)
		}
	}
	rec.sum = sum
}

// Claim implements [Claimer].
func (s *MemStore) Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	if key == "" || owner == "" {
		return false, fmt.Errorf("complaint: claim: key %q and owner %q are both required: %w", key, owner, ErrInvalidEvent)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.claims[key]; ok && c.owner != owner && c.until.After(now) {
		return false, nil
	}
	if s.claims == nil {
		s.claims = map[string]claim{}
	}
	s.claims[key] = claim{owner, until}
	return true, nil
}

// Release implements [Claimer].
func (s *MemStore) Release(ctx context.Context, key, owner string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.claims[key]; ok && c.owner == owner {
		delete(s.claims, key)
	}
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
	rec := s.cases[caseID]
	if rec == nil {
		return nil, fmt.Errorf("complaint: case %q: %w", caseID, ErrNotFound)
	}
	if version >= uint64(len(rec.seqs)) {
		return nil, nil
	}
	seqs := rec.seqs[version:]
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
	if err := ctx.Err(); err != nil {
		return Page{}, err
	}
	if err := q.Validate(); err != nil {
		return Page{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if q.Order != ByReceipt {
		return q.Page(s.summaries(q))
	}
	i := 0
	if q.After != "" {
		c, _ := ParseCursor(q.After)
		i = sort.Search(len(s.order), func(i int) bool { return s.order[i].sum.FirstSeq > c.Seq })
	}
	n := q.PageSize()
	var match []Summary
	for ; i < len(s.order) && len(match) <= n; i++ {
		if q.Match(s.order[i].sum) {
			match = append(match, s.order[i].sum)
		}
	}
	return pageOf(match, n, ByReceipt), nil
}

// summaries returns the summaries matching q; the caller holds a lock.
func (s *MemStore) summaries(q Query) []Summary {
	var out []Summary
	for _, rec := range s.order {
		if q.Match(rec.sum) {
			out = append(out, rec.sum)
		}
	}
	return out
}

// Count implements [Querier].
func (s *MemStore) Count(ctx context.Context, q Query) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	q.After, q.Limit = "", 0
	if err := q.Validate(); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	n := 0
	for _, rec := range s.order {
		if q.Match(rec.sum) {
			n++
		}
	}
	return n, nil
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
