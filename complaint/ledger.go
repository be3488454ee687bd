package complaint

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"sync"
	"time"
)

// Entry is one line of the trail (trazabilidad): the event with its actor,
// tier, instant and details, the state it moved the case from and to, the
// outbox messages recorded with it, the case's SLA deadlines after it, the
// case's version after it, its global sequence number, the hash of the entry
// before it and its own SHA-256. Its JSON is the canonical encoding of
// [AppendEntry]: the keys below, in this order.
type Entry struct {
	Seq     uint64    `json:"seq"`
	Version uint64    `json:"version"`
	From    State     `json:"from"`
	To      State     `json:"to"`
	Event   Event     `json:"event"`
	Outbox  []Message `json:"outbox,omitempty"`
	// DueAt is the earliest instant a running SLA clock of the case breaches
	// after this entry (or breached, when one is already overdue), and RiskAt
	// the earliest instant a running clock is at risk, as computed by a desk
	// configured with an agreement ([DeskConfig].Agreement) at the entry's
	// instant. Both are zero when no clock runs (paused, resolved, closed)
	// or the desk has no agreement. Stores keep the last entry's values in
	// the case's [Summary], which the SLA filters of a [Query] read.
	DueAt  time.Time `json:"dueAt,omitzero"`
	RiskAt time.Time `json:"riskAt,omitzero"`
	Prev   string    `json:"prev"`
	Hash   string    `json:"hash,omitempty"`
}

// Head is the last entry of a trail: its sequence number and hash. A host
// that stores the head elsewhere (an anchor) can later detect a trail that was
// cut short, which the chain alone cannot. The zero Head is the empty trail.
type Head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// ComputeHash returns the hex SHA-256 of the entry's canonical encoding
// ([AppendEntry]) with the Hash field left out. Seq and Prev are part of it,
// which chains the entries.
func (e Entry) ComputeHash() (string, error) { return hashOf(&e) }

// Seal returns e chained after prev: Seq prev.Seq+1, Prev prev.Hash, and its
// Hash. [Store] implementations call it, or [AppendSealed] to keep the
// encoded bytes too, under their write lock.
func Seal(prev Head, e Entry) (Entry, error) {
	e.Seq = prev.Seq + 1
	e.Prev = prev.Hash
	h, err := hashOf(&e)
	if err != nil {
		return Entry{}, err
	}
	e.Hash = h
	return e, nil
}

// TrailError reports the first entry of a trail that fails verification.
// Position is 1-based (the n-th entry, or line, of the trail).
type TrailError struct {
	Position int
	Seq      uint64
	Reason   string
}

// Error implements error.
func (e *TrailError) Error() string {
	return fmt.Sprintf("complaint: trail entry %d (seq %d): %s", e.Position, e.Seq, e.Reason)
}

// Unwrap returns [ErrBrokenTrail].
func (e *TrailError) Unwrap() error { return ErrBrokenTrail }

// Chain verifies a trail entry by entry, in sequence order, without holding
// it: sequence numbers From.Seq+1, +2, … with no gap, each Prev equal to the
// Hash before it (From.Hash for the first) and each Hash equal to the
// entry's own hash. The zero Chain starts at the beginning of a trail. A
// store that keeps its trail elsewhere (a database) verifies it with
// [Chain.NextEncoded] over the stored bytes. Errors are [*TrailError]s
// whose Position is the sequence number the entry should have.
type Chain struct {
	// From is the head the chain continues; zero for a whole trail.
	From Head
	// Anchor, when not zero, is a head stored elsewhere: [Chain.End] fails
	// unless the chain passed through it with the same hash. An anchor at
	// or before From is not checked.
	Anchor Head
	n      uint64
	head   Head
	anchor bool
}

// Next checks e against the chain and appends it.
func (c *Chain) Next(e Entry) error {
	if err := c.link(e); err != nil {
		return err
	}
	h, err := hashOf(&e)
	if err != nil {
		return &TrailError{c.pos(), e.Seq, err.Error()}
	}
	if h != e.Hash {
		return &TrailError{c.pos(), e.Seq, "hash does not match the content: entry modified"}
	}
	return c.push(e)
}

// NextEncoded decodes one stored entry with [DecodeEntry], which checks that
// the bytes are canonical and that the hash covers them, and appends it to
// the chain. It returns the decoded entry.
func (c *Chain) NextEncoded(b []byte) (Entry, error) {
	e, err := decodeEntry(b)
	if err != nil {
		return Entry{}, &TrailError{c.pos(), c.want(), err.Error()}
	}
	if e.Hash == "" {
		return Entry{}, &TrailError{c.pos(), e.Seq, "hash is missing"}
	}
	if err := c.link(e); err != nil {
		return Entry{}, err
	}
	return e, c.push(e)
}

func (c *Chain) want() uint64 { return c.From.Seq + c.n + 1 }
func (c *Chain) pos() int     { return int(c.want()) }

// link checks e's sequence number and previous hash.
func (c *Chain) link(e Entry) error {
	pos, want := c.pos(), c.want()
	switch {
	case e.Seq > want:
		return &TrailError{pos, e.Seq, fmt.Sprintf("sequence %d, want %d: entries were removed before it", e.Seq, want)}
	case e.Seq < want:
		return &TrailError{pos, e.Seq, fmt.Sprintf("sequence %d, want %d: entry inserted, duplicated or reordered", e.Seq, want)}
	}
	return nil
}

func (c *Chain) push(e Entry) error {
	prev := c.From.Hash
	if c.n > 0 {
		prev = c.head.Hash
	}
	if e.Prev != prev {
		return &TrailError{c.pos(), e.Seq, "previous hash does not match the entry before: the chain was rewritten before it"}
	}
	c.n++
	c.head = Head{e.Seq, e.Hash}
	if c.Anchor.Seq == e.Seq {
		if e.Hash != c.Anchor.Hash {
			return &TrailError{c.pos() - 1, e.Seq, "hash differs from the anchored head"}
		}
		c.anchor = true
	}
	return nil
}

// Head returns the head of the entries checked so far (From if none).
func (c *Chain) Head() Head {
	if c.n == 0 {
		return c.From
	}
	return c.head
}

// End reports a trail that stops before its anchor.
func (c *Chain) End() error {
	if c.Anchor.Seq > c.From.Seq && !c.anchor {
		n := c.Head().Seq
		return &TrailError{int(n + 1), n + 1, fmt.Sprintf("trail ends at sequence %d but the anchored head is %d: truncated", n, c.Anchor.Seq)}
	}
	return nil
}

// Verify checks a whole trail from its first entry, as [Chain]: sequence
// numbers 1, 2, 3… with no gap, each Prev equal to the Hash before it and
// each Hash equal to the entry's own hash. It returns a [*TrailError] naming
// the first entry that was modified, removed, inserted or reordered. A
// non-zero anchor (a [Head] stored elsewhere) must be present in the trail
// with the same hash, which detects a truncated tail.
func Verify(entries []Entry, anchor Head) error {
	c := Chain{Anchor: anchor}
	for _, e := range entries {
		if err := c.Next(e); err != nil {
			return err
		}
	}
	return c.End()
}

// ReadTrail reads a trail written by [WriteTrail] or by the file store, one
// canonical entry per line ([AppendEntry]), and verifies it. A line that is
// not a canonical entry, including a torn last line, is reported as a
// [*TrailError]; the file store recovers a torn tail itself before calling
// it.
func ReadTrail(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var entries []Entry
	var c Chain
	for sc.Scan() {
		e, err := c.NextEncoded(sc.Bytes())
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, &TrailError{len(entries) + 1, uint64(len(entries) + 1), err.Error()}
	}
	return entries, nil
}

// WriteTrail writes entries one canonical line each, the format [ReadTrail]
// and the file store read.
func WriteTrail(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	var b []byte
	for _, e := range entries {
		var err error
		if b, err = AppendEntry(b[:0], e); err != nil {
			return err
		}
		bw.Write(b)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// Ledger is an in-memory hash-chained trail. The zero value is an empty
// ledger ready to use; a Ledger is safe for concurrent use.
type Ledger struct {
	mu     sync.RWMutex
	chunks [][]Entry // full chunks of chunkSize entries, then a partial one
	n      int
}

// chunkSize is the number of entries per chunk: a growing ledger never
// copies the entries it already holds.
const chunkSize = 1024

// Append seals entries after the ledger's head and appends them all, or none
// if one cannot be sealed. It returns the sealed entries.
func (l *Ledger) Append(entries ...Entry) ([]Entry, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	sealed, err := sealAll(l.head(), entries)
	if err != nil {
		return nil, err
	}
	l.push(sealed...)
	return sealed, nil
}

// push appends sealed entries and returns them as held by the ledger (a
// copy when they straddle two chunks); the caller holds the write lock.
func (l *Ledger) push(entries ...Entry) []Entry {
	if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1])+len(entries) > chunkSize {
		for _, e := range entries {
			if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == chunkSize {
				l.chunks = append(l.chunks, make([]Entry, 0, chunkSize))
			}
			last := &l.chunks[len(l.chunks)-1]
			*last = append(*last, e)
			l.n++
		}
		return slices.Clone(entries)
	}
	last := &l.chunks[len(l.chunks)-1]
	start := len(*last)
	*last = append(*last, entries...)
	l.n += len(entries)
	return (*last)[start:len(*last):len(*last)]
}

// at returns the entry at 0-based index i; the caller holds a lock.
func (l *Ledger) at(i int) Entry { return l.chunks[i/chunkSize][i%chunkSize] }

// from returns a copy of the entries from 0-based index i; the caller holds
// a lock.
func (l *Ledger) from(i int) []Entry {
	if i >= l.n {
		return nil
	}
	out := make([]Entry, 0, l.n-i)
	for c := i / chunkSize; c < len(l.chunks); c++ {
		ch := l.chunks[c]
		if c == i/chunkSize {
			ch = ch[i%chunkSize:]
		}
		out = append(out, ch...)
	}
	return out
}

func sealAll(h Head, entries []Entry) ([]Entry, error) {
	out := make([]Entry, len(entries))
	for i, e := range entries {
		s, err := Seal(h, e)
		if err != nil {
			return nil, err
		}
		out[i] = s
		h = Head{s.Seq, s.Hash}
	}
	return out, nil
}

// Head returns the ledger's last entry's sequence and hash.
func (l *Ledger) Head() Head {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.head()
}

func (l *Ledger) head() Head {
	if l.n == 0 {
		return Head{}
	}
	e := l.at(l.n - 1)
	return Head{e.Seq, e.Hash}
}

// Entries returns a copy of the entries with sequence numbers above after.
func (l *Ledger) Entries(after uint64) []Entry {
	l.mu.RLock()
	defer l.mu.RUnlock()
	if after >= uint64(l.n) {
		return nil
	}
	return l.from(int(after))
}

// Len returns the number of entries.
func (l *Ledger) Len() int {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return l.n
}

// Verify verifies the whole ledger against anchor, as [Verify].
func (l *Ledger) Verify(anchor Head) error {
	l.mu.RLock()
	defer l.mu.RUnlock()
	return Verify(l.from(0), anchor)
}
