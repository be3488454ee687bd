package complaint

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// caseIndex is what the package's stores keep in memory per case: the
// sequence numbers of its entries and its summary, in the order of receipt,
// and the delivery claims. Its users guard it with their own lock.
type caseIndex struct {
	cases  map[string]*memCase
	order  []*memCase // by FirstSeq: the order of receipt
	claims map[string]claim
}

// memCase is a case's record: the sequence numbers of its entries (seqs[i]
// holds version i+1) and its summary.
type memCase struct {
	seqs []uint64
	sum  Summary
}

// claim is a message's lease.
type claim struct {
	owner string
	until time.Time
}

// next returns the record of case id (nil for a new case) and the summary
// entries appended to it must continue, after checking the caller's
// expected version.
func (x *caseIndex) next(id string, expected uint64) (*memCase, Summary, error) {
	rec := x.cases[id]
	var sum Summary
	if rec != nil {
		sum = rec.sum
	}
	if sum.Version != expected {
		return nil, Summary{}, fmt.Errorf("complaint: case %s: version %d, but the store has %d: %w", id, expected, sum.Version, ErrConflict)
	}
	return rec, sum, nil
}

// record adds sealed entries of one case to its record (nil for a new case)
// and keeps its new summary. A delivery record ends its message's claim.
func (x *caseIndex) record(rec *memCase, sealed []Entry, sum Summary) {
	if rec == nil {
		if x.cases == nil {
			x.cases = make(map[string]*memCase)
		}
		rec = &memCase{seqs: make([]uint64, 0, 8)}
		x.cases[sum.ID] = rec
		x.order = append(x.order, rec)
	}
	for _, e := range sealed {
		rec.seqs = append(rec.seqs, e.Seq)
		if e.Event.Type == Notified && x.claims != nil {
			delete(x.claims, e.Event.Key)
		}
	}
	rec.sum = sum
}

// add folds one entry read back from storage into the index.
func (x *caseIndex) add(e Entry) error {
	rec := x.cases[e.Event.Case]
	var sum Summary
	if rec != nil {
		sum = rec.sum
	}
	if err := sum.Apply(e); err != nil {
		return err
	}
	x.record(rec, []Entry{e}, sum)
	return nil
}

// seqsAfter returns the sequence numbers of case id after version.
func (x *caseIndex) seqsAfter(id string, version uint64) ([]uint64, error) {
	rec := x.cases[id]
	if rec == nil {
		return nil, fmt.Errorf("complaint: case %q: %w", id, ErrNotFound)
	}
	if version >= uint64(len(rec.seqs)) {
		return nil, nil
	}
	return rec.seqs[version:], nil
}

// query answers a validated query. In receipt order it reads the summaries
// from the cursor on; in due order it sorts every match.
func (x *caseIndex) query(q Query) (Page, error) {
	if q.Order != ByReceipt {
		var all []Summary
		for _, rec := range x.order {
			if q.Match(rec.sum) {
				all = append(all, rec.sum)
			}
		}
		return q.Page(all)
	}
	i := 0
	if q.After != "" {
		c, _ := ParseCursor(q.After)
		i = sort.Search(len(x.order), func(i int) bool { return x.order[i].sum.FirstSeq > c.Seq })
	}
	n := q.PageSize()
	var match []Summary
	for ; i < len(x.order) && len(match) <= n; i++ {
		if q.Match(x.order[i].sum) {
			match = append(match, x.order[i].sum)
		}
	}
	return pageOf(match, n, ByReceipt), nil
}

// count counts the cases matching a validated query.
func (x *caseIndex) count(q Query) int {
	n := 0
	for _, rec := range x.order {
		if q.Match(rec.sum) {
			n++
		}
	}
	return n
}

// claim leases key to owner, as [Claimer.Claim].
func (x *caseIndex) claim(key, owner string, now, until time.Time) (bool, error) {
	if key == "" || owner == "" {
		return false, fmt.Errorf("complaint: claim: key %q and owner %q are both required: %w", key, owner, ErrInvalidEvent)
	}
	if c, ok := x.claims[key]; ok && c.owner != owner && c.until.After(now) {
		return false, nil
	}
	if x.claims == nil {
		x.claims = map[string]claim{}
	}
	x.claims[key] = claim{owner, until}
	return true, nil
}

// release ends owner's lease on key.
func (x *caseIndex) release(key, owner string) {
	if c, ok := x.claims[key]; ok && c.owner == owner {
		delete(x.claims, key)
	}
}

// checkQuery checks a store call's context and query; for a count, the
// cursor and limit are ignored.
func checkQuery(ctx context.Context, q *Query, count bool) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if count {
		q.After, q.Limit = "", 0
	}
	return q.Validate()
}
