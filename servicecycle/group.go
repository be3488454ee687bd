package servicecycle

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"fmt"
	"iter"
	"math"
	"reflect"
	"slices"
	"strings"
)

// record is the compact form in which a [Grouper] keeps an encounter. It
// holds no pointer (the case id is a span of the grouper's arena), so the
// garbage collector never scans the records and sorting them needs no
// write barrier.
type record struct {
	at       int64 // Unix nanoseconds
	dur      int64
	hash     uint32 // of the case id
	moment   int32  // cycle index, or -(unknown index + 1)
	employee int32  // index into Grouper.employeeIDs + 1, 0 for none
	caseLen  uint32
	// inline holds a case id of up to inlineCase bytes; a longer one is
	// arena[off : off+caseLen], off in the first four bytes. Short ids are
	// compared without reading memory outside the records.
	inline [inlineCase]byte
	fails  uint16
	packed uint16 // rating, employee rating, image rating, channel: 3 bits each; lifecycle: 2 bits
}

// inlineCase is the longest case id a record holds itself (48 bytes in all).
const inlineCase = 12

// parts is the number of parts a grouper keeps its records in, by the top
// byte of the case hash: a journey's records are all in one part, and each
// part is sorted alone, within the processor's caches for logs of millions.
const parts = 256

func pack(e Encounter) uint16 {
	return uint16(e.Rating) | uint16(e.EmployeeRating)<<3 | uint16(e.ImageRating)<<6 |
		uint16(e.Channel)<<9 | uint16(e.Lifecycle)<<12
}

func (r *record) rating() int          { return int(r.packed & 7) }
func (r *record) employeeRating() int  { return int(r.packed >> 3 & 7) }
func (r *record) imageRating() int     { return int(r.packed >> 6 & 7) }
func (r *record) channel() uint8       { return uint8(r.packed >> 9 & 7) }
func (r *record) lifecycle() Lifecycle { return Lifecycle(r.packed >> 12 & 3) }

// caseHash is FNV-1a, folded to 32 bits and mixed by MurmurHash3's
// finalizer (a bijection, so that every bit, the top byte that picks a part
// included, depends on every byte of the id): deterministic, so journeys
// come out of a Grouper in the same order on every run.
func caseHash(s string) uint32 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	x := uint32(h ^ h>>32)
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	x *= 0xc2b2ae35
	x ^= x >> 16
	return x
}

// Grouper is the first stage of the analysis: it groups encounters, which
// may arrive in any order and interleaved, by journey (case), and hands each
// journey to the second stage, [Summarize]. It is the only stage that holds
// encounters: a journey cannot be judged before all its encounters are in.
// The later stages ([JourneySummary], [Aggregate]) have a size that does not
// grow with the encounters.
//
// Grouping costs time linear in the encounters: records go to one of 256
// parts by a hash of the case id as they are added, each part is sorted by
// radix on the rest of the hash, then each journey's encounters in time
// order. A Grouper is
// not safe for concurrent use; the zero Grouper has no cycle and refuses
// encounters, but merges (it takes the other's cycle).
type Grouper struct {
	cycle       *Cycle
	parts       [parts][]record // by the top byte of the case hash
	n           int
	arena       []byte // the case ids
	unknown     map[string]int32
	unknownIDs  []string
	employees   map[string]int32
	employeeIDs []string
	sorted      bool
	sink        byte // keeps addAll's look-ahead reads
}

// NewGrouper returns an empty grouper for cycle c, a cycle built by
// [NewCycle].
func NewGrouper(c *Cycle) *Grouper {
	return &Grouper{cycle: c, unknown: map[string]int32{}, employees: map[string]int32{}}
}

// Cycle returns the cycle the grouper judges against (nil for the zero Grouper).
func (g *Grouper) Cycle() *Cycle { return g.cycle }

// Len returns the number of encounters added.
func (g *Grouper) Len() int { return g.n }

// Grow makes room for n more encounters, so that adding them does not
// reallocate (case ids longer than 12 bytes aside); useful when the size of
// a log of tens of thousands of encounters or more is known.
func (g *Grouper) Grow(n int) {
	if n < 64*parts { // a small log: let the parts grow as they fill
		return
	}
	// Each part gets its expected share and two standard deviations more
	// (journeys of about ten encounters fall into parts at random); a part
	// that fills up grows alone, by a quarter (see Add).
	mean := float64(n) / parts
	per := int(mean + 2*math.Sqrt(10*mean) + 16)
	for b := range g.parts {
		g.parts[b] = slices.Grow(g.parts[b], per)
	}
}

// caseOf returns the case id of r (in r itself, or in the arena).
func (g *Grouper) caseOf(r *record) []byte {
	if r.caseLen <= inlineCase {
		return r.inline[:r.caseLen]
	}
	off := binary.LittleEndian.Uint32(r.inline[:4])
	return g.arena[off : off+r.caseLen]
}

// sameCase reports whether two records have the same case id.
func (g *Grouper) sameCase(a, b *record) bool {
	if a.caseLen != b.caseLen {
		return false
	}
	if a.caseLen <= inlineCase || a.inline == b.inline { // inline, or the same span of the arena
		return a.inline == b.inline
	}
	return bytes.Equal(g.caseOf(a), g.caseOf(b))
}

// storeCase puts id in r, or in the arena (once for a run of encounters of
// one case) when it is long.
func (g *Grouper) storeCase(r *record, id string) error {
	if len(id) > math.MaxUint32 {
		return fmt.Errorf("servicecycle: case id of %d bytes, too long: %w", len(id), ErrInvalidEncounter)
	}
	r.caseLen = uint32(len(id))
	if len(id) <= inlineCase {
		copy(r.inline[:], id)
		return nil
	}
	if part := g.parts[r.hash>>24]; len(part) > 0 {
		if p := &part[len(part)-1]; p.hash == r.hash && string(g.caseOf(p)) == id {
			r.inline = p.inline
			return nil
		}
	}
	if len(g.arena)+len(id) > math.MaxUint32 {
		return fmt.Errorf("servicecycle: case %q: the grouper holds 4 GiB of long case ids, its limit: %w", id, ErrInvalidEncounter)
	}
	binary.LittleEndian.PutUint32(r.inline[:4], uint32(len(g.arena)))
	g.arena = append(g.arena, id...)
	return nil
}

// Add records an encounter. An invalid encounter (see [Encounter.Validate])
// is rejected with an error wrapping [ErrInvalidEncounter] and leaves the
// grouper unchanged. A moment id the cycle does not know is accepted and
// judged as an unknown moment.
func (g *Grouper) Add(e Encounter) error {
	if g.cycle == nil || g.cycle.Len() == 0 {
		return fmt.Errorf("servicecycle: no cycle (use NewAnalyzer or NewGrouper with a cycle from NewCycle): %w", ErrInvalidEncounter)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	r := record{at: e.At.UnixNano(), dur: int64(e.Duration), hash: caseHash(e.Case), packed: pack(e)}
	if err := g.storeCase(&r, e.Case); err != nil {
		return err
	}
	for _, f := range e.FailPoints {
		r.fails |= 1 << f
	}
	if i, ok := g.cycle.index[e.Moment]; ok {
		r.moment = int32(i)
	} else {
		r.moment = -(intern(&g.unknown, &g.unknownIDs, e.Moment) + 1)
	}
	if e.Employee != "" {
		r.employee = intern(&g.employees, &g.employeeIDs, e.Employee) + 1
	}
	part := &g.parts[r.hash>>24]
	if len(*part) == cap(*part) && len(*part) >= 1024 { // a large part grows by a quarter, not double
		*part = slices.Grow(*part, len(*part)/4)
	}
	*part = append(*part, r)
	g.n++
	g.sorted = false
	return nil
}

// intern returns the index of id in ids, adding a copy of it if new.
func intern(index *map[string]int32, ids *[]string, id string) int32 {
	if *index == nil {
		*index = map[string]int32{}
	}
	k, ok := (*index)[id]
	if !ok {
		k = int32(len(*ids))
		id = strings.Clone(id)
		(*index)[id] = k
		*ids = append(*ids, id)
	}
	return k
}

// Merge adds every encounter of o to g; o is unchanged. Merging is
// associative and the zero Grouper is its identity. Groupers of different
// cycles (by content) do not merge: the error wraps [ErrCycleMismatch] and g
// is unchanged.
func (g *Grouper) Merge(o *Grouper) error {
	if o == nil || o.cycle == nil {
		return nil
	}
	if g.cycle == nil {
		g.cycle = o.cycle
	} else if !sameCycle(g.cycle, o.cycle) {
		return fmt.Errorf("servicecycle: merge cycle %q into cycle %q: %w", o.cycle.Name(), g.cycle.Name(), ErrCycleMismatch)
	}
	unkMap := make([]int32, len(o.unknownIDs))
	for i, id := range o.unknownIDs {
		unkMap[i] = intern(&g.unknown, &g.unknownIDs, id)
	}
	empMap := make([]int32, len(o.employeeIDs))
	for i, id := range o.employeeIDs {
		empMap[i] = intern(&g.employees, &g.employeeIDs, id) + 1
	}
	if len(g.arena)+len(o.arena) > math.MaxUint32 {
		return fmt.Errorf("servicecycle: merge: the grouper would hold more than 4 GiB of case ids: %w", ErrInvalidEncounter)
	}
	base := uint32(len(g.arena))
	g.arena = append(g.arena, o.arena...)
	for b := range g.parts {
		g.mergePart(b, o.parts[b], base, unkMap, empMap)
	}
	g.n += o.n
	g.sorted = false
	return nil
}

// mergePart appends o's records of part b, remapping their arena offsets,
// unknown moments and employees.
func (g *Grouper) mergePart(b int, recs []record, base uint32, unkMap, empMap []int32) {
	g.parts[b] = append(g.parts[b], recs...)
	for i := len(g.parts[b]) - len(recs); i < len(g.parts[b]); i++ {
		r := &g.parts[b][i]
		if r.caseLen > inlineCase {
			binary.LittleEndian.PutUint32(r.inline[:4], binary.LittleEndian.Uint32(r.inline[:4])+base)
		}
		if r.moment < 0 {
			r.moment = -(unkMap[-r.moment-1] + 1)
		}
		if r.employee > 0 {
			r.employee = empMap[r.employee-1]
		}
	}
}

// sameCycle reports whether two cycles have the same design.
func sameCycle(a, b *Cycle) bool { return a == b || reflect.DeepEqual(a.cfg, b.cfg) }

// Summaries groups the encounters by journey and yields the summary of each
// journey ([Summarize] for the encounters of one case), in an order that
// depends only on the case ids. The yielded summary is reused for the next
// journey: keep a [JourneySummary.Clone]. Iterating reorders the grouper's
// encounters in memory but changes nothing that can be observed.
func (g *Grouper) Summaries() iter.Seq[*JourneySummary] {
	return func(yield func(*JourneySummary) bool) {
		if g.cycle == nil {
			return
		}
		g.sort()
		s := newSummarizer(g)
		for _, recs := range g.parts {
			for lo := 0; lo < len(recs); {
				hi := lo + 1
				for hi < len(recs) && recs[hi].hash == recs[lo].hash && g.sameCase(&recs[hi], &recs[lo]) {
					hi++
				}
				if !yield(s.summarize(recs[lo:hi])) {
					return
				}
				lo = hi
			}
		}
	}
}

// sort puts the records in journey order: by case hash, case id, then in
// time order (see compareRecords), by an in-place radix sort on the hash.
// The sort compares hashes, not case ids; a run of one hash holding two case
// ids (a collision, rare) is then sorted again with the ids.
func (g *Grouper) sort() {
	if g.sorted {
		return
	}
	rank := g.unknownRank()
	byHash := func(a, b *record) int {
		if c := cmp.Compare(a.hash, b.hash); c != 0 {
			return c
		}
		return g.compareInJourney(a, b, rank)
	}
	for _, recs := range g.parts {
		flagLevel(recs, 16, byHash) // the part holds one value of the top byte
		g.fixCollisions(recs, rank)
	}
	g.sorted = true
}

// fixCollisions sorts again, with the case ids, every run of one hash that
// holds two case ids.
func (g *Grouper) fixCollisions(recs []record, rank []int32) {
	for lo := 0; lo < len(recs); {
		hi, mixed := lo+1, false
		for hi < len(recs) && recs[hi].hash == recs[lo].hash {
			mixed = mixed || !g.sameCase(&recs[hi], &recs[lo])
			hi++
		}
		if mixed {
			slices.SortStableFunc(recs[lo:hi], func(a, b record) int {
				return cmp.Or(bytes.Compare(g.caseOf(&a), g.caseOf(&b)), g.compareInJourney(&a, &b, rank))
			})
		}
		lo = hi
	}
}

// unknownRank ranks the unknown moment ids by id.
func (g *Grouper) unknownRank() []int32 {
	order := make([]int32, len(g.unknownIDs))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(g.unknownIDs[x], g.unknownIDs[y]) })
	rank := make([]int32, len(order))
	for r, i := range order {
		rank[i] = int32(r)
	}
	return rank
}

// compareInJourney orders the records of a journey by time, moment (cycle
// order, unknown ids after by id), lifecycle and every other field, so that
// the order never depends on the order of arrival.
func (g *Grouper) compareInJourney(a, b *record, unknownRank []int32) int {
	if c := cmp.Compare(a.at, b.at); c != 0 {
		return c
	}
	if a.moment != b.moment {
		return cmp.Compare(nodeRank(a.moment, unknownRank), nodeRank(b.moment, unknownRank))
	}
	if c := cmp.Compare(a.packed>>12, b.packed>>12); c != 0 { // lifecycle first, for duplicates
		return c
	}
	return cmp.Or(cmp.Compare(a.packed, b.packed), cmp.Compare(a.dur, b.dur), cmp.Compare(a.fails, b.fails),
		strings.Compare(g.employeeName(a.employee), g.employeeName(b.employee)))
}

// nodeRank orders moments: the cycle's in order, then unknown ids by id.
func nodeRank(m int32, unknownRank []int32) int64 {
	if m >= 0 {
		return int64(m)
	}
	return int64(MaxMoments) + int64(unknownRank[-m-1])
}

// employeeName returns the name of employee index k (1-based; 0 is none).
func (g *Grouper) employeeName(k int32) string {
	if k == 0 {
		return ""
	}
	return g.employeeIDs[k-1]
}

// flagLevel sorts recs by hash and then by less, on the hash bits below
// shift+8: an in-place most-significant-digit radix sort (American flag
// sort) 8 bits at a time, finishing small buckets by insertion sort (and
// buckets of equal hashes, one long journey, by comparison).
func flagLevel(recs []record, shift int, less func(a, b *record) int) {
	switch {
	case len(recs) <= 32:
		insertionSort(recs, less)
		return
	case shift < 0:
		slices.SortFunc(recs, func(a, b record) int { return less(&a, &b) })
		return
	}
	var counts [3 << 8]int32
	partition(recs, shift, 8, counts[:])
	for d := range 1 << 8 {
		flagLevel(recs[counts[256+d]:counts[256+d]+counts[d]], shift-8, less)
	}
}

// partition puts recs in order of the digit of bits bits at shift of their
// hash, in place (cycle leader: each record is copied twice), and leaves in
// counts the size, start and end of each digit's bucket.
func partition(recs []record, shift, bits int, counts []int32) {
	n := 1 << bits
	mask := uint32(n - 1)
	count, start, next := counts[:n], counts[n:2*n], counts[2*n:3*n]
	clear(count)
	for i := range recs {
		count[recs[i].hash>>shift&mask]++
	}
	var sum int32
	for d, c := range count {
		start[d], next[d] = sum, sum
		sum += c
	}
	for d := range n {
		end := start[d] + count[d]
		for next[d] < end {
			v := recs[next[d]]
			x := v.hash >> shift & mask
			for x != uint32(d) { // carry v to its bucket, taking the record there
				v, recs[next[x]] = recs[next[x]], v
				next[x]++
				x = v.hash >> shift & mask
			}
			recs[next[d]] = v
			next[d]++
		}
	}
}

func insertionSort(recs []record, less func(a, b *record) int) {
	for i := 1; i < len(recs); i++ {
		for k := i; k > 0 && less(&recs[k-1], &recs[k]) > 0; k-- {
			recs[k-1], recs[k] = recs[k], recs[k-1]
		}
	}
}

// addAll adds a log of encounters as Add does, reporting the invalid ones
// to bad. It reads each case id a few encounters ahead, so that the memory
// holding the ids of a shuffled log is fetched while earlier encounters are
// being added.
func (g *Grouper) addAll(log []Encounter, bad func(error)) {
	const ahead = 16
	var sink byte
	for i := range log {
		if j := i + ahead; j < len(log) && log[j].Case != "" {
			sink ^= log[j].Case[0]
		}
		if err := g.Add(log[i]); err != nil {
			bad(err)
		}
	}
	g.sink = sink
}
