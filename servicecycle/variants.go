package servicecycle

import (
	"cmp"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"
)

// Variant is a distinct path through the cycle: the moments a journey lived,
// in order (as process-mining tools call a trace variant).
type Variant struct {
	Moments []string `json:"moments"`
	// Journeys took this path; Share is their share of all journeys.
	Journeys int     `json:"journeys"`
	Share    float64 `json:"share"`
	// Throughput is the mean time from the first step of the path's
	// journeys to the end of their last.
	Throughput time.Duration `json:"throughput"`
}

// Variants counts the distinct paths of the journeys: an accumulator of
// [JourneySummary] values like [Aggregate], exact and mergeable in any
// order. Unlike an Aggregate its size grows with the number of distinct
// paths (at most the number of journeys): listing every path with its exact
// count needs one entry per path. To bound it on a distributed engine, key
// each summary by [JourneySummary.VariantKey] and count per key (a Variants
// per key merges exactly), then keep the most frequent. The zero Variants
// is ready to use: without a cycle it orders tied paths by moment id only;
// Merge takes the other's cycle.
type Variants struct {
	cycle    *Cycle
	journeys int64
	paths    map[string]*variantAgg
	key      []byte
}

type variantAgg struct {
	journeys int64
	hi, lo   uint64 // sum of throughputs, 128 bits
}

// NewVariants returns an empty count of the paths through cycle c.
func NewVariants(c *Cycle) *Variants { return &Variants{cycle: c, paths: map[string]*variantAgg{}} }

// VariantKey returns a key that is equal for two summaries exactly when
// they took the same path (the moments' ids in order).
func (s *JourneySummary) VariantKey() string {
	var b []byte
	for _, st := range s.Steps {
		b = binary.AppendUvarint(b, uint64(len(st.Moment)))
		b = append(b, st.Moment...)
	}
	return string(b)
}

// Add counts the path of one journey.
func (v *Variants) Add(s *JourneySummary) {
	if v.paths == nil {
		v.paths = map[string]*variantAgg{}
	}
	v.key = v.key[:0]
	for _, st := range s.Steps {
		v.key = binary.AppendUvarint(v.key, uint64(len(st.Moment)))
		v.key = append(v.key, st.Moment...)
	}
	p, ok := v.paths[string(v.key)]
	if !ok {
		p = &variantAgg{}
		v.paths[string(v.key)] = p
	}
	v.journeys++
	p.add(1, 0, uint64(max(s.Throughput, 0)))
}

func (p *variantAgg) add(n int64, hi, lo uint64) {
	p.journeys += n
	var carry uint64
	p.lo, carry = bits.Add64(p.lo, lo, 0)
	p.hi += hi + carry
}

// Merge adds o's paths to v; o is unchanged. Variants of different cycles
// do not merge: the error wraps [ErrCycleMismatch] and v is unchanged.
func (v *Variants) Merge(o *Variants) error {
	if o == nil {
		return nil
	}
	if v.cycle == nil {
		v.cycle = o.cycle
	} else if o.cycle != nil && !sameCycle(v.cycle, o.cycle) {
		return fmt.Errorf("servicecycle: merge variants of cycle %q into cycle %q: %w", o.cycle.Name(), v.cycle.Name(), ErrCycleMismatch)
	}
	if v.paths == nil {
		v.paths = map[string]*variantAgg{}
	}
	v.journeys += o.journeys
	for k, q := range o.paths {
		p, ok := v.paths[k]
		if !ok {
			p = &variantAgg{}
			v.paths[k] = p
		}
		p.add(q.journeys, q.hi, q.lo)
	}
	return nil
}

// Result lists the paths, most journeys first; ties in path order (moment
// by moment: the cycle's moments in cycle order, then unknown ids by id; a
// path before its extensions).
func (v *Variants) Result() []Variant {
	var out []Variant
	for k, p := range v.paths {
		vt := Variant{Moments: decodeVariantKey(k), Journeys: int(p.journeys), Share: share(p.journeys, v.journeys)}
		t := timing{n: p.journeys, hi: p.hi, lo: p.lo}
		vt.Throughput = t.mean()
		out = append(out, vt)
	}
	slices.SortFunc(out, func(x, y Variant) int {
		return cmp.Or(cmp.Compare(y.Journeys, x.Journeys), v.comparePaths(x.Moments, y.Moments))
	})
	return out
}

func (v *Variants) comparePaths(x, y []string) int {
	for i := range min(len(x), len(y)) {
		if c := v.compareMoments(x[i], y[i]); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(x), len(y))
}

func (v *Variants) compareMoments(x, y string) int {
	if x == y {
		return 0
	}
	ix, okx := -1, false
	iy, oky := -1, false
	if v.cycle != nil {
		ix, okx = v.cycle.index[x]
		iy, oky = v.cycle.index[y]
	}
	switch {
	case okx && oky:
		return cmp.Compare(ix, iy)
	case okx:
		return -1
	case oky:
		return 1
	}
	return strings.Compare(x, y)
}

// decodeVariantKey returns the moment ids of a key written by Add.
func decodeVariantKey(k string) []string {
	var out []string
	b := []byte(k)
	for len(b) > 0 {
		n, w := binary.Uvarint(b)
		if w <= 0 || uint64(len(b)-w) < n {
			break
		}
		out = append(out, string(b[w:w+int(n)]))
		b = b[w+int(n):]
	}
	return out
}
