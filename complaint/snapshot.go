package complaint

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/servuction/servuction"
)

// A snapshot is a file store's index at a point of its trail, in a compact
// binary form (all integers are varints):
//
//	"complaint snapshot 1\n"
//	size of the trail it covers, head sequence, head hash (32 bytes, if any)
//	entries: count, then per entry its offset after the previous entry's end, and its length
//	cases, in the order of receipt: count, then per case its summary and its entries' sequences
//	SHA-256 of all the above
//
// It is derived data: a snapshot that does not read, or does not match its
// trail, is ignored and the trail replayed.
const snapshotMagic = "complaint snapshot 1\n"

// snapshot is a decoded snapshot.
type snapshot struct {
	size  int64
	head  Head
	spans []span
	idx   caseIndex
}

func snapshotPath(path string) string { return path + ".snapshot" }

// adoptSnapshot takes the index of the snapshot of the store's file, if it
// reads and matches the file (of size bytes): the file reaches its head
// with the same hash.
func (s *FileStore) adoptSnapshot(size int64) {
	data, err := os.ReadFile(snapshotPath(s.path))
	if err != nil {
		return
	}
	snap, err := decodeSnapshot(data)
	if err != nil || snap.size > size {
		return
	}
	try := FileStore{f: s.f, path: s.path, spans: snap.spans}
	if snap.head.Seq > 0 {
		if e, err := try.readEntry(snap.head.Seq); err != nil || e.Hash != snap.head.Hash {
			return
		}
	}
	s.idx, s.spans, s.head, s.size, s.snapAt = snap.idx, snap.spans, snap.head, snap.size, snap.head.Seq
}

// checkpoint writes the index to the snapshot; the caller holds the write
// lock.
func (s *FileStore) checkpoint() error {
	data := s.encodeSnapshot()
	path := snapshotPath(s.path)
	tmp := path + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("complaint: file store %s: checkpoint: %w", s.path, err)
	}
	_, err = f.Write(data)
	if err == nil && s.sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("complaint: file store %s: checkpoint: %w", s.path, err)
	}
	if s.sync {
		syncDir(path)
	}
	s.snapAt = s.head.Seq
	return nil
}

// encodeSnapshot encodes the index; the caller holds a lock.
func (s *FileStore) encodeSnapshot() []byte {
	b := make([]byte, 0, 64+len(s.spans)*6+len(s.idx.order)*96)
	b = append(b, snapshotMagic...)
	b = binary.AppendUvarint(b, uint64(s.size))
	b = binary.AppendUvarint(b, s.head.Seq)
	if s.head.Seq > 0 {
		h, _ := hex.DecodeString(s.head.Hash)
		b = append(b, h...)
	}
	b = binary.AppendUvarint(b, uint64(len(s.spans)))
	end := int64(0)
	for _, sp := range s.spans {
		b = binary.AppendUvarint(b, uint64(sp.off-end))
		b = binary.AppendUvarint(b, uint64(sp.n))
		end = sp.off + int64(sp.n)
	}
	b = binary.AppendUvarint(b, uint64(len(s.idx.order)))
	for _, rec := range s.idx.order {
		b = appendSummary(b, rec.sum)
		prev := uint64(0)
		for _, q := range rec.seqs {
			b = binary.AppendUvarint(b, q-prev)
			prev = q
		}
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

func appendSummary(b []byte, s Summary) []byte {
	str := func(v string) {
		b = binary.AppendUvarint(b, uint64(len(v)))
		b = append(b, v...)
	}
	tm := func(t time.Time) {
		if t.IsZero() {
			b = append(b, 0)
			return
		}
		b = append(b, 1)
		b = binary.AppendVarint(b, t.Unix())
		b = binary.AppendUvarint(b, uint64(t.Nanosecond()))
	}
	str(s.ID)
	b = append(b, byte(s.Kind), byte(s.Severity), byte(s.Channel))
	str(s.Customer)
	b = append(b, byte(s.State), byte(s.Tier), byte(s.Department))
	str(s.Assignee)
	tm(s.ReceivedAt)
	tm(s.UpdatedAt)
	tm(s.DueAt)
	tm(s.RiskAt)
	b = binary.AppendUvarint(b, uint64(s.Pending))
	b = binary.AppendUvarint(b, s.Version)
	b = binary.AppendUvarint(b, s.FirstSeq)
	return binary.AppendUvarint(b, s.LastSeq)
}

// snapReader reads a snapshot; the first problem is kept in err.
type snapReader struct {
	b   []byte
	err error
}

var errSnapshot = errors.New("complaint: snapshot does not read")

func (r *snapReader) fail(why string) {
	if r.err == nil {
		r.err = fmt.Errorf("%w: %s", errSnapshot, why)
	}
}

func (r *snapReader) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail("bad number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a count of items taking at least minSize bytes each.
func (r *snapReader) count(minSize int) int {
	v := r.uint()
	if v > uint64(len(r.b)/minSize) {
		r.fail("count larger than the data")
		return 0
	}
	return int(v)
}

func (r *snapReader) bytes(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.b) {
		r.fail("truncated")
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

func (r *snapReader) str() string { return string(r.bytes(r.count(1))) }

func (r *snapReader) byte1() byte {
	if v := r.bytes(1); v != nil {
		return v[0]
	}
	return 0
}

func (r *snapReader) time() time.Time {
	switch r.byte1() {
	case 0:
		return time.Time{}
	case 1:
	default:
		r.fail("bad instant")
		return time.Time{}
	}
	sec, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail("bad instant")
		return time.Time{}
	}
	r.b = r.b[n:]
	ns := r.uint()
	if ns >= 1e9 {
		r.fail("bad instant")
	}
	return time.Unix(sec, int64(ns)).UTC()
}

func (r *snapReader) summary() Summary {
	var s Summary
	s.ID = r.str()
	s.Kind, s.Severity, s.Channel = Kind(r.byte1()), Severity(r.byte1()), servuction.Channel(r.byte1())
	s.Customer = r.str()
	s.State, s.Tier, s.Department = State(r.byte1()), Tier(r.byte1()), Department(r.byte1())
	s.Assignee = r.str()
	s.ReceivedAt, s.UpdatedAt, s.DueAt, s.RiskAt = r.time(), r.time(), r.time(), r.time()
	s.Pending = int(min(r.uint(), 1<<31))
	s.Version, s.FirstSeq, s.LastSeq = r.uint(), r.uint(), r.uint()
	if !s.Kind.IsValid() || !s.Severity.IsValid() || !s.Channel.IsValid() || !s.State.IsValid() || !s.Tier.IsValid() || !s.Department.IsValid() {
		r.fail("undefined enum value")
	}
	return s
}

// decodeSnapshot decodes and checks a snapshot: its checksum, and that its
// entries and cases are consistent with each other.
func decodeSnapshot(data []byte) (snapshot, error) {
	if len(data) < len(snapshotMagic)+sha256.Size || !bytes.HasPrefix(data, []byte(snapshotMagic)) {
		return snapshot{}, fmt.Errorf("%w: not a snapshot", errSnapshot)
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return snapshot{}, fmt.Errorf("%w: checksum does not match", errSnapshot)
	}
	r := &snapReader{b: body[len(snapshotMagic):]}
	var snap snapshot
	snap.size = int64(min(r.uint(), 1<<62))
	snap.head.Seq = r.uint()
	if snap.head.Seq > 0 {
		snap.head.Hash = hex.EncodeToString(r.bytes(sha256.Size))
	}
	snap.spans = make([]span, r.count(2))
	end := int64(0)
	for i := range snap.spans {
		off, n := r.uint(), r.uint()
		if off > uint64(snap.size) || n == 0 || n > uint64(snap.size) {
			r.fail("entry out of the trail")
			break
		}
		snap.spans[i] = span{end + int64(off), uint32(n)}
		end = snap.spans[i].off + int64(n)
	}
	if end > snap.size || uint64(len(snap.spans)) != snap.head.Seq {
		r.fail("entries do not match the head")
	}
	decodeCases(r, &snap)
	if r.err == nil && len(r.b) != 0 {
		r.fail("trailing data")
	}
	if r.err != nil {
		return snapshot{}, r.err
	}
	return snap, nil
}

// decodeCases reads the cases of a snapshot and checks that their entries
// are each entry of the trail exactly once.
func decodeCases(r *snapReader, snap *snapshot) {
	n := r.count(30)
	seen := make([]bool, len(snap.spans))
	snap.idx.cases = make(map[string]*memCase, n)
	for range n {
		rec := &memCase{sum: r.summary()}
		if rec.sum.Version > uint64(len(snap.spans)) {
			r.fail("case with more entries than the trail")
		}
		if r.err != nil {
			return
		}
		rec.seqs = make([]uint64, rec.sum.Version)
		prev := uint64(0)
		for i := range rec.seqs {
			q := prev + r.uint()
			if q <= prev || q > uint64(len(snap.spans)) || seen[q-1] {
				r.fail("bad entry of a case")
				return
			}
			seen[q-1], rec.seqs[i], prev = true, q, q
		}
		last := len(snap.idx.order) - 1
		switch {
		case rec.sum.Version == 0 || rec.seqs[0] != rec.sum.FirstSeq || prev != rec.sum.LastSeq:
			r.fail("case entries do not match its summary")
		case snap.idx.cases[rec.sum.ID] != nil:
			r.fail("case twice")
		case last >= 0 && snap.idx.order[last].sum.FirstSeq >= rec.sum.FirstSeq:
			r.fail("cases out of the order of receipt")
		}
		if r.err != nil {
			return
		}
		snap.idx.cases[rec.sum.ID] = rec
		snap.idx.order = append(snap.idx.order, rec)
	}
	for _, ok := range seen {
		if !ok {
			r.fail("an entry belongs to no case")
			return
		}
	}
}
