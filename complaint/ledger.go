package complaint

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// Entry is one line of the trail (trazabilidad): the event with its actor,
// tier, instant and details, the state it moved the case from and to, the
// outbox messages recorded with it, the case's version after it, its global
// sequence number, the hash of the entry before it and its own SHA-256.
type Entry struct {
	Seq     uint64    `json:"seq"`
	Version uint64    `json:"version"`
	From    State     `json:"from"`
	To      State     `json:"to"`
	Event   Event     `json:"event"`
	Outbox  []Message `json:"outbox,omitempty"`
	Prev    string    `json:"prev"`
	Hash    string    `json:"hash,omitempty"`
}

// Head is the last entry of a trail: its sequence number and hash. A host
// that stores the head elsewhere (an anchor) can later detect a trail that was
// cut short, which the chain alone cannot. The zero Head is the empty trail.
type Head struct {
	Seq  uint64 `json:"seq"`
	Hash string `json:"hash"`
}

// ComputeHash returns the hex SHA-256 of the entry's canonical JSON encoding with the
// Hash field left out. Seq and Prev are part of it, which chains the entries.
func (e Entry) ComputeHash() (string, error) {
	e.Hash = ""
	b, err := json.Marshal(e)
	if err != nil {
		return "", fmt.Errorf("complaint: trail entry %d: %w: %w", e.Seq, err, ErrInvalidEvent)
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:]), nil
}

// Seal returns e chained after prev: Seq prev.Seq+1, Prev prev.Hash, and its
// Hash. [Store] implementations call it under their write lock.
func Seal(prev Head, e Entry) (Entry, error) {
	e.Seq = prev.Seq + 1
	e.Prev = prev.Hash
	h, err := e.ComputeHash()
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

// Verify checks a whole trail from its first entry: sequence numbers 1, 2, 3…
// with no gap, each Prev equal to the Hash before it and each Hash equal to
// the entry's own hash. It returns a [*TrailError] naming the first entry that
// was modified, removed, inserted or reordered. A non-zero anchor (a [Head]
// stored elsewhere) must be present in the trail with the same hash, which
// detects a truncated tail.
func Verify(entries []Entry, anchor Head) error {
	prev := ""
	for i, e := range entries {
		pos, want := i+1, uint64(i+1)
		switch {
		case e.Seq > want:
			return &TrailError{pos, e.Seq, fmt.Sprintf("sequence %d, want %d: entries were removed before it", e.Seq, want)}
		case e.Seq < want:
			return &TrailError{pos, e.Seq, fmt.Sprintf("sequence %d, want %d: entry inserted, duplicated or reordered", e.Seq, want)}
		}
		h, err := e.ComputeHash()
		if err != nil {
			return &TrailError{pos, e.Seq, err.Error()}
		}
		if h != e.Hash {
			return &TrailError{pos, e.Seq, "hash does not match the content: entry modified"}
		}
		if e.Prev != prev {
			return &TrailError{pos, e.Seq, "previous hash does not match the entry before: the chain was rewritten before it"}
		}
		prev = e.Hash
	}
	if anchor.Seq > 0 {
		n := uint64(len(entries))
		if n < anchor.Seq {
			return &TrailError{len(entries) + 1, n + 1, fmt.Sprintf("trail ends at sequence %d but the anchored head is %d: truncated", n, anchor.Seq)}
		}
		if e := entries[anchor.Seq-1]; e.Hash != anchor.Hash {
			return &TrailError{int(anchor.Seq), e.Seq, "hash differs from the anchored head"}
		}
	}
	return nil
}

// ReadTrail reads a trail written by [WriteTrail] or by the file store, one
// JSON entry per line, and verifies it. A line that does not decode, including
// a torn last line, is reported as a [*TrailError]; the file store recovers a
// torn tail itself before calling it.
func ReadTrail(r io.Reader) ([]Entry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var entries []Entry
	for sc.Scan() {
		e, err := decodeEntry(sc.Bytes())
		if err != nil {
			return nil, &TrailError{len(entries) + 1, uint64(len(entries) + 1), err.Error()}
		}
		entries = append(entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, &TrailError{len(entries) + 1, uint64(len(entries) + 1), err.Error()}
	}
	if err := Verify(entries, Head{}); err != nil {
		return nil, err
	}
	return entries, nil
}

func decodeEntry(line []byte) (Entry, error) {
	var e Entry
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&e); err != nil {
		return Entry{}, fmt.Errorf("does not decode: %v", err)
	}
	if dec.More() {
		return Entry{}, fmt.Errorf("trailing data after the entry")
	}
	if e.Event.Cost != nil {
		if err := e.Event.Cost.Validate(); err != nil {
			return Entry{}, err
		}
	}
	return e, nil
}

// WriteTrail writes entries one JSON line each, the format [ReadTrail] and
// the file store read.
func WriteTrail(w io.Writer, entries []Entry) error {
	bw := bufio.NewWriter(w)
	for _, e := range entries {
		b, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("complaint: trail entry %d: %w", e.Seq, err)
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

// push appends sealed entries; the caller holds the write lock.
func (l *Ledger) push(entries ...Entry) {
	for _, e := range entries {
		if len(l.chunks) == 0 || len(l.chunks[len(l.chunks)-1]) == chunkSize {
			l.chunks = append(l.chunks, make([]Entry, 0, chunkSize))
		}
		last := &l.chunks[len(l.chunks)-1]
		*last = append(*last, e)
		l.n++
	}
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
