package complaint

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"
)

// FileOptions configures [OpenFileStore].
type FileOptions struct {
	// Anchor, when not zero, is a [Head] the host stored elsewhere: opening
	// fails if the file does not reach it with the same hash.
	Anchor Head
	// NoSync skips the fsync after each append and checkpoint. Only for
	// tests and bulk imports: a crash can then lose acknowledged entries.
	NoSync bool
	// Replay ignores the snapshot and replays the whole trail when opening,
	// verifying every entry; the next checkpoint writes a fresh snapshot.
	Replay bool
	// CheckpointEvery is how many entries are appended between two
	// automatic checkpoints; 0 means DefaultCheckpointEvery, a negative value
	// checkpoints only on [FileStore.Checkpoint] and [FileStore.Close].
	CheckpointEvery int
}

// DefaultCheckpointEvery is the number of entries between two automatic
// checkpoints of a [FileStore] when [FileOptions].CheckpointEvery is zero.
const DefaultCheckpointEvery = 10_000

// FileStore is a [Store] in an append-only file that is also the trail, and a
// [Querier], [CaseLoader], [Claimer] and [Verifier].
//
// # File
//
// The file holds one frame per line, one frame per append: a single entry in
// its canonical encoding ([AppendEntry]), or the entries of a multi-entry
// append as a JSON array, so that a batch is all or none on disk. A frame is
// written in one call and synced to disk before [FileStore.Append] returns;
// opening the file cuts a torn last line (a crash between write and sync),
// which drops the whole of its batch and never an earlier one.
//
// # Lock
//
// Opening takes an exclusive lock on the file (flock on Unix, LockFileEx on
// Windows), held until [FileStore.Close]: a second store on the same file, in
// this process or another, is refused with an error wrapping [ErrLocked] that
// names the file ([OpenFileStoreContext] waits for it instead). The lock is
// advisory on Unix: it keeps out other stores, not other programs writing
// the file. On network file systems it is only as good as the server's lock
// support; on platforms with neither call (js, wasip1, plan9) no lock is
// taken and the host must ensure a single store.
//
// # Snapshot
//
// The store keeps in memory an index of its file (where each entry's bytes
// are, each case's entries and [Summary]), not the entries: reads decode the
// bytes they need and check them against the chain. A checkpoint writes the
// index to path+".snapshot" (atomically, by rename), every CheckpointEvery
// entries, on [FileStore.Checkpoint] and on [FileStore.Close]; opening reads
// the snapshot, checks that the file still holds the entry it ends at with
// the same hash, and replays only the entries after it. The snapshot is
// derived data: without it, or with one that does not match the file,
// opening replays the whole trail. Opening from a snapshot does not verify
// the entries it covers; [FileStore.Verify] checks the whole chain, and that
// the index agrees with it, on demand.
//
// A FileStore is safe for concurrent use.
type FileStore struct {
	mu        sync.RWMutex
	f         *os.File
	path      string
	size      int64
	sync      bool
	every     int
	recovered int64
	replayed  uint64
	closed    bool

	idx     caseIndex
	spans   []span // spans[seq-1]: where entry seq is in the file
	head    Head
	snapAt  uint64 // the head sequence the snapshot on disk covers
	snapErr error  // the last automatic checkpoint's failure
}

// span is where an entry's canonical bytes are in the file.
type span struct {
	off int64
	n   uint32
}

// OpenFileStore opens or creates the trail file at path, taking its lock
// without waiting: a file held by another store is refused with an error
// wrapping [ErrLocked]. A torn last line (no final newline) is cut off and
// reported by [FileStore.Recovered]; any other damage (a line that is not a
// frame of canonical entries, a broken chain, a case that does not replay,
// a trail short of opts.Anchor) is refused with an error naming the entry,
// and the file is left as it was.
func OpenFileStore(path string, opts FileOptions) (*FileStore, error) {
	return open(context.Background(), path, opts, false)
}

// OpenFileStoreContext is [OpenFileStore], waiting for the file's lock until
// ctx is done (the error then wraps [ErrLocked] and ctx's error).
func OpenFileStoreContext(ctx context.Context, path string, opts FileOptions) (*FileStore, error) {
	return open(ctx, path, opts, true)
}

// open opens path, waiting for its lock under ctx if wait is set.
func open(ctx context.Context, path string, opts FileOptions, wait bool) (*FileStore, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("complaint: file store: %w", err)
	}
	if err := waitLock(ctx, f, path, wait); err != nil {
		f.Close()
		return nil, err
	}
	s, err := load(f, path, opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	if s.size == 0 && s.sync {
		// A new file: sync its directory so the file itself survives a crash.
		syncDir(path)
	}
	return s, nil
}

// waitLock locks f, waiting under ctx if wait is set.
func waitLock(ctx context.Context, f *os.File, path string, wait bool) error {
	delay := 5 * time.Millisecond
	for {
		err := lockFile(f)
		if err == nil {
			return nil
		}
		if !errors.Is(err, errWouldBlock) {
			return fmt.Errorf("complaint: file store %s: %s: %w", path, lockKind, err)
		}
		locked := fmt.Errorf("complaint: file store %s: locked by another open store, in this process or another: %w", path, ErrLocked)
		if !wait {
			return locked
		}
		select {
		case <-ctx.Done():
			return errors.Join(locked, ctx.Err())
		case <-time.After(delay):
		}
		delay = min(2*delay, 200*time.Millisecond)
	}
}

func syncDir(path string) {
	if dir, err := os.Open(filepath.Dir(path)); err == nil {
		dir.Sync()
		dir.Close()
	}
}

// load builds the store's index from the snapshot, when it matches the
// file, and the entries after it.
func load(f *os.File, path string, opts FileOptions) (*FileStore, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", path, err)
	}
	s := &FileStore{f: f, path: path, sync: !opts.NoSync, every: opts.CheckpointEvery}
	if s.every == 0 {
		s.every = DefaultCheckpointEvery
	}
	if !opts.Replay {
		s.adoptSnapshot(info.Size())
	}
	tail := make([]byte, info.Size()-s.size)
	if _, err := f.ReadAt(tail, s.size); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("complaint: file store %s: %w", path, err)
	}
	good := lastLine(tail)
	c := Chain{From: s.head}
	if err := s.readFrames(tail[:good], s.size, &c, s.index); err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", path, err)
	}
	s.replayed = c.Head().Seq - s.snapAt
	if err := s.checkAnchor(opts.Anchor); err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", path, err)
	}
	s.size += int64(good)
	if s.recovered = int64(len(tail) - good); s.recovered > 0 {
		if err := f.Truncate(s.size); err != nil {
			return nil, fmt.Errorf("complaint: file store %s: cutting torn tail: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("complaint: file store %s: %w", path, err)
		}
	}
	return s, nil
}

// lastLine returns the length of data up to its last newline.
func lastLine(data []byte) int {
	for i := len(data) - 1; i >= 0; i-- {
		if data[i] == '\n' {
			return i + 1
		}
	}
	return 0
}

// index adds an entry read from the file to the index.
func (s *FileStore) index(e Entry, sp span) error {
	if err := s.idx.add(e); err != nil {
		return fmt.Errorf("replay: %w", err)
	}
	s.spans = append(s.spans, sp)
	s.head = Head{e.Seq, e.Hash}
	return nil
}

// checkAnchor checks that the trail reaches anchor with its hash.
func (s *FileStore) checkAnchor(anchor Head) error {
	if anchor.Seq == 0 {
		return nil
	}
	if anchor.Seq > s.head.Seq {
		n := s.head.Seq
		return &TrailError{int(n + 1), n + 1, fmt.Sprintf("trail ends at sequence %d but the anchored head is %d: truncated", n, anchor.Seq)}
	}
	e, err := s.readEntry(anchor.Seq)
	if err != nil {
		return err
	}
	if e.Hash != anchor.Hash {
		return &TrailError{int(anchor.Seq), anchor.Seq, "hash differs from the anchored head"}
	}
	return nil
}

// readFrames parses complete lines of the file (data starts at offset base
// and ends with a newline), checks each entry against chain c and hands it
// to fn with its span.
func (s *FileStore) readFrames(data []byte, base int64, c *Chain, fn func(Entry, span) error) error {
	for pos := 0; pos < len(data); {
		nl := bytes.IndexByte(data[pos:], '\n')
		if err := frameEntries(data[pos:pos+nl], base+int64(pos), c, fn); err != nil {
			return err
		}
		pos += nl + 1
	}
	return nil
}

// frameEntries parses one frame (a line without its newline) at offset off:
// a canonical entry, or an array of two or more entries of one case.
func frameEntries(line []byte, off int64, c *Chain, fn func(Entry, span) error) error {
	bad := func(why string) error { return &TrailError{c.pos(), c.want(), why} }
	one := func(b []byte, at int64) (Entry, error) {
		e, err := c.NextEncoded(b)
		if err != nil {
			return Entry{}, err
		}
		return e, fn(e, span{at, uint32(len(b))})
	}
	if len(line) == 0 || line[0] != '[' {
		_, err := one(line, off)
		return err
	}
	var id string
	n := 0
	for i := 1; ; {
		end := objectEnd(line[i:])
		if end < 0 {
			return bad("batch frame: an entry does not end")
		}
		e, err := one(line[i:i+end], off+int64(i))
		if err != nil {
			return err
		}
		if n == 0 {
			id = e.Event.Case
		} else if e.Event.Case != id {
			return bad(fmt.Sprintf("batch frame mixes cases %s and %s", id, e.Event.Case))
		}
		n++
		i += end
		switch {
		case i < len(line) && line[i] == ',':
			i++
		case i == len(line)-1 && line[i] == ']' && n >= 2:
			return nil
		case i == len(line)-1 && line[i] == ']':
			return bad("batch frame of one entry: a single entry is written bare")
		default:
			return bad("batch frame: want , or ] after an entry")
		}
	}
}

// objectEnd returns the length of the JSON object at the start of b, or -1.
func objectEnd(b []byte) int {
	if len(b) == 0 || b[0] != '{' {
		return -1
	}
	depth, inString := 0, false
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth == 0 {
				return i + 1
			}
		}
	}
	return -1
}

// Recovered returns how many bytes of a torn last line were cut off when the
// file was opened (0 when the file was intact).
func (s *FileStore) Recovered() int64 { return s.recovered }

// Replayed returns how many entries opening the store read from the trail:
// those after its snapshot, or all of them without one.
func (s *FileStore) Replayed() uint64 { return s.replayed }

// Append implements [Store]: the sealed entries are written as one frame in
// one call and synced before it returns. If the write or sync fails, the
// file is cut back to its previous size and nothing is recorded.
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
		return nil, s.closedErr()
	}
	rec, sum, err := s.idx.next(caseID, expected)
	if err != nil {
		return nil, err
	}
	frame, sealed, spans, err := s.frame(entries, &sum)
	if err != nil {
		return nil, err
	}
	if err := s.write(frame); err != nil {
		return nil, err
	}
	s.spans = append(s.spans, spans...)
	s.head = Head{sealed[len(sealed)-1].Seq, sealed[len(sealed)-1].Hash}
	s.idx.record(rec, sealed, sum)
	if s.every > 0 && s.head.Seq-s.snapAt >= uint64(s.every) {
		s.snapErr = s.checkpoint()
	}
	return sealed, nil
}

// frame seals entries after the head and encodes them as one frame, with
// the span each will have once written at the end of the file; it folds
// them into the case's summary sum, which they must continue.
func (s *FileStore) frame(entries []Entry, sum *Summary) ([]byte, []Entry, []span, error) {
	sealed := make([]Entry, len(entries))
	spans := make([]span, len(entries))
	var buf []byte
	if len(entries) > 1 {
		buf = append(buf, '[')
	}
	head := s.head
	for i, e := range entries {
		if i > 0 {
			buf = append(buf, ',')
		}
		start := len(buf)
		var err error
		if buf, e, err = AppendSealed(buf, head, e); err != nil {
			return nil, nil, nil, err
		}
		if err := sum.Apply(e); err != nil {
			return nil, nil, nil, err
		}
		sealed[i], spans[i] = e, span{s.size + int64(start), uint32(len(buf) - start)}
		head = Head{e.Seq, e.Hash}
	}
	if len(entries) > 1 {
		buf = append(buf, ']')
	}
	return append(buf, '\n'), sealed, spans, nil
}

// write appends frame to the file and syncs it, cutting the file back on
// failure.
func (s *FileStore) write(frame []byte) error {
	if _, err := s.f.WriteAt(frame, s.size); err != nil {
		return s.undo(err)
	}
	if s.sync {
		if err := s.f.Sync(); err != nil {
			return s.undo(err)
		}
	}
	s.size += int64(len(frame))
	return nil
}

func (s *FileStore) undo(err error) error {
	return errors.Join(fmt.Errorf("complaint: file store %s: %w", s.path, err), s.f.Truncate(s.size))
}

func (s *FileStore) closedErr() error {
	return fmt.Errorf("complaint: file store %s: closed: %w", s.path, os.ErrClosed)
}

// Load implements [Store].
func (s *FileStore) Load(ctx context.Context, caseID string) ([]Entry, error) {
	return s.LoadAfter(ctx, caseID, 0)
}

// LoadAfter implements [CaseLoader]: it reads and decodes the case's
// entries after version, checking each against the index.
func (s *FileStore) LoadAfter(ctx context.Context, caseID string, version uint64) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, s.closedErr()
	}
	seqs, err := s.idx.seqsAfter(caseID, version)
	if err != nil || len(seqs) == 0 {
		return nil, err
	}
	out := make([]Entry, len(seqs))
	for i, q := range seqs {
		e, err := s.readEntry(q)
		if err != nil {
			return nil, err
		}
		if e.Event.Case != caseID || e.Version != version+uint64(i)+1 {
			return nil, s.disagree(q, fmt.Sprintf("holds version %d of case %s, the index version %d of %s", e.Version, e.Event.Case, version+uint64(i)+1, caseID))
		}
		out[i] = e
	}
	return out, nil
}

// readEntry reads and decodes entry seq; the caller holds a lock.
func (s *FileStore) readEntry(seq uint64) (Entry, error) {
	sp := s.spans[seq-1]
	b := make([]byte, sp.n)
	if _, err := s.f.ReadAt(b, sp.off); err != nil {
		return Entry{}, fmt.Errorf("complaint: file store %s: %w", s.path, err)
	}
	e, err := decodeEntry(b)
	if err != nil {
		return Entry{}, s.disagree(seq, err.Error())
	}
	if e.Seq != seq || e.Hash == "" {
		return Entry{}, s.disagree(seq, fmt.Sprintf("holds sequence %d", e.Seq))
	}
	return e, nil
}

// disagree reports an index (a snapshot) that does not match the file.
func (s *FileStore) disagree(seq uint64, why string) error {
	return fmt.Errorf("complaint: file store %s: %w", s.path, &TrailError{int(seq), seq, "the file at the index's position of this entry " + why})
}

// Entries implements [Store]: it reads the file from the entry after
// after, checking each entry against the chain.
func (s *FileStore) Entries(ctx context.Context, after uint64) ([]Entry, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return nil, s.closedErr()
	}
	if after >= s.head.Seq {
		return nil, nil
	}
	c := Chain{From: Head{Seq: after}}
	if after > 0 {
		prev, err := s.readEntry(after)
		if err != nil {
			return nil, err
		}
		c.From.Hash = prev.Hash
	}
	start := s.spans[after].off
	data := make([]byte, s.size-start)
	if _, err := s.f.ReadAt(data, start); err != nil {
		return nil, fmt.Errorf("complaint: file store %s: %w", s.path, err)
	}
	out := make([]Entry, 0, s.head.Seq-after)
	for _, sp := range s.spans[after:] {
		e, err := c.NextEncoded(data[sp.off-start : sp.off-start+int64(sp.n)])
		if err != nil {
			return nil, fmt.Errorf("complaint: file store %s: %w", s.path, err)
		}
		out = append(out, e)
	}
	return out, nil
}

// Head implements [Store].
func (s *FileStore) Head(ctx context.Context) (Head, error) {
	if err := ctx.Err(); err != nil {
		return Head{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.head, nil
}

// Query implements [Querier].
func (s *FileStore) Query(ctx context.Context, q Query) (Page, error) {
	if err := checkQuery(ctx, &q, false); err != nil {
		return Page{}, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.query(q)
}

// Count implements [Querier].
func (s *FileStore) Count(ctx context.Context, q Query) (int, error) {
	if err := checkQuery(ctx, &q, true); err != nil {
		return 0, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.idx.count(q), nil
}

// Claim implements [Claimer]. Claims are kept in memory: the file belongs
// to one store at a time (its lock), whose desks share them.
func (s *FileStore) Claim(ctx context.Context, key, owner string, now, until time.Time) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idx.claim(key, owner, now, until)
}

// Release implements [Claimer].
func (s *FileStore) Release(ctx context.Context, key, owner string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.idx.release(key, owner)
	return nil
}

// Checkpoint writes the store's index to its snapshot now, so that the next
// opening replays nothing before this point.
func (s *FileStore) Checkpoint(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return s.closedErr()
	}
	return s.checkpoint()
}

// Close writes a checkpoint if entries were appended since the last one,
// and closes the file, which releases its lock. It reports a failed
// checkpoint, the last automatic one included. Every call after it fails
// with os.ErrClosed; closing twice is fine.
func (s *FileStore) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	var errs []error
	if s.head.Seq != s.snapAt {
		errs = append(errs, s.checkpoint())
	} else {
		errs = append(errs, s.snapErr)
	}
	s.closed = true
	errs = append(errs, s.f.Close())
	return errors.Join(errs...)
}

// Verify implements [Verifier]: it reads the whole file, verifies the chain
// entry by entry and against anchor (zero for none), as [Verify] does, and
// checks that the store's index (read from the snapshot when it was opened,
// and kept since) agrees with the trail: every entry's position, every
// case's entries and summary. Appends wait while it reads.
func (s *FileStore) Verify(ctx context.Context, anchor Head) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return s.closedErr()
	}
	sc := bufio.NewScanner(io.NewSectionReader(s.f, 0, s.size))
	sc.Buffer(make([]byte, 0, 1<<20), 1<<30)
	c := Chain{Anchor: anchor}
	var x caseIndex
	var spans []span
	off := int64(0)
	for sc.Scan() {
		line := sc.Bytes()
		err := frameEntries(line, off, &c, func(e Entry, sp span) error {
			spans = append(spans, sp)
			return x.add(e)
		})
		if err != nil {
			return fmt.Errorf("complaint: file store %s: %w", s.path, err)
		}
		off += int64(len(line)) + 1
		if len(spans)%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("complaint: file store %s: %w", s.path, err)
	}
	if err := c.End(); err != nil {
		return fmt.Errorf("complaint: file store %s: %w", s.path, err)
	}
	return s.sameIndex(x, spans)
}

// sameIndex reports where the store's index differs from x and spans, read
// from the trail; the caller holds a lock.
func (s *FileStore) sameIndex(x caseIndex, spans []span) error {
	differ := func(seq uint64, what string) error {
		return fmt.Errorf("complaint: file store %s: %w", s.path, &TrailError{int(seq), seq, "the store's index (its snapshot) disagrees with the trail: " + what})
	}
	if len(spans) != len(s.spans) {
		return differ(uint64(min(len(spans), len(s.spans))+1), fmt.Sprintf("%d entries in the trail, %d in the index", len(spans), len(s.spans)))
	}
	for i := range spans {
		if spans[i] != s.spans[i] {
			return differ(uint64(i+1), "position of the entry")
		}
	}
	if len(x.order) != len(s.idx.order) {
		return differ(0, fmt.Sprintf("%d cases in the trail, %d in the index", len(x.order), len(s.idx.order)))
	}
	for i, rec := range x.order {
		mine := s.idx.order[i]
		if !sameSummary(rec.sum, mine.sum) || !slices.Equal(rec.seqs, mine.seqs) {
			return differ(rec.sum.FirstSeq, fmt.Sprintf("case %s", rec.sum.ID))
		}
	}
	return nil
}

// sameSummary compares summaries, their instants with Equal.
func sameSummary(a, b Summary) bool {
	times := func(s *Summary) [4]time.Time {
		t := [4]time.Time{s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt}
		s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		return t
	}
	ta, tb := times(&a), times(&b)
	for i := range ta {
		if !ta[i].Equal(tb[i]) {
			return false
		}
	}
	return a == b
}
