package scorecard

import (
	"fmt"
	"math"
)

// AddRows records many respondents at once, as Add does row by row, and is
// much faster on integer scales: blocks of rows whose answers are integers
// spanning at most 16 values per item are summed with exact integer
// arithmetic, four products to a machine word. Any other block takes the
// row-by-row path. The call is all or nothing: on an error (naming the row)
// the accumulator is unchanged.
func (a *Alpha) AddRows(rows [][]float64) error {
	if len(rows) == 0 {
		return nil
	}
	t := Alpha{policy: a.policy}
	k := a.k
	if k == 0 {
		k = len(rows[0])
	}
	if k < 2 || k > maxAlphaItems {
		return fmt.Errorf("scorecard: alpha: row 1: row of %d items, want 2..%d: %w", len(rows[0]), maxAlphaItems, ErrInsufficientData)
	}
	t.alloc(k)
	var b *alphaBlock
	for start := 0; start < len(rows); start += alphaBlockRows {
		block := rows[start:min(start+alphaBlockRows, len(rows))]
		if t.policy != Pairwise && len(block) >= 16 {
			if b == nil {
				b = newAlphaBlock(k)
			}
			if b.sum(block) {
				t.addBlock(b, len(block))
				continue
			}
		}
		for i, row := range block {
			if err := t.Add(row); err != nil {
				return fmt.Errorf("scorecard: alpha: row %d: %w", start+i+1, err)
			}
		}
	}
	return a.Merge(&t)
}

// alphaBlockRows is the block size of the integer path: with answers in
// 0..15 a product is at most 225, and 256 of them fit a 16-bit lane.
const alphaBlockRows = 256

// alphaBlock holds one block of integer answers, column by column, and its
// integer sums about each item's least answer in the block.
type alphaBlock struct {
	k, groups int
	ref       []int32  // each item's origin: answers are ref..ref+15
	u         []uint8  // answers minus the item's origin, k × alphaBlockRows
	w         []uint64 // four items to a word, 16 bits each, groups × alphaBlockRows
	lo, hi    []int32
	sums      []int64
	cross     []int64 // k × k, upper triangle
	tot       []int32 // row totals of the answers minus the origins
	totLo     int64
	totHi     int64
	// the sums as float64, for Alpha.addShifted
	fshift, fsums, fcross []float64
}

func newAlphaBlock(k int) *alphaBlock {
	g := (k + 3) / 4
	return &alphaBlock{k: k, groups: g, ref: make([]int32, k), tot: make([]int32, alphaBlockRows), u: make([]uint8, k*alphaBlockRows),
		w: make([]uint64, g*alphaBlockRows), lo: make([]int32, k), hi: make([]int32, k), sums: make([]int64, k), cross: make([]int64, k*k),
		fshift: make([]float64, k), fsums: make([]float64, k), fcross: make([]float64, k*k)}
}

// sum computes the block's sums, or returns false if a row is ragged or an
// answer is not an integer (NaN, infinite, decimal) or an item spans more
// than 16 values; the caller then takes the row-by-row path.
func (b *alphaBlock) sum(rows [][]float64) bool {
	if !b.load(rows) {
		// The previous block's origins do not fit: take this block's least
		// answers (if it is all integers) and try once more.
		if !b.rebase(rows) || !b.load(rows) {
			return false
		}
	}
	k, n := b.k, len(rows)
	for j := range k {
		u := b.u[j*alphaBlockRows : j*alphaBlockRows+n]
		lo, hi := u[0], u[0]
		for _, d := range u {
			lo, hi = min(lo, d), max(hi, d)
		}
		b.lo[j], b.hi[j] = b.ref[j]+int32(lo), b.ref[j]+int32(hi)
	}
	for g := range b.groups {
		var s uint64 // four lane sums, each at most 15·256
		for _, w := range b.w[g*alphaBlockRows : g*alphaBlockRows+n] {
			s += w
		}
		for l := range 4 {
			if j := 4*g + l; j < k {
				b.sums[j] = int64(s >> (16 * l) & 0xffff)
			}
		}
	}
	// Four items at a time (one group): each word of the other group is
	// loaded once for four products.
	var zero [alphaBlockRows]uint8
	col := func(j int) []uint8 {
		if j >= k {
			return zero[:n]
		}
		return b.u[j*alphaBlockRows : j*alphaBlockRows+n]
	}
	for gi := range b.groups {
		u0, u1, u2, u3 := col(4*gi), col(4*gi+1), col(4*gi+2), col(4*gi+3)
		for g := gi; g < b.groups; g++ {
			accs := dotPacked4(u0, u1, u2, u3, b.w[g*alphaBlockRows:g*alphaBlockRows+n])
			for m, acc := range accs {
				i := 4*gi + m
				for l := range 4 {
					if j := 4*g + l; i < k && j >= i && j < k {
						b.cross[i*k+j] = int64(acc >> (16 * l) & 0xffff)
					}
				}
			}
		}
	}
	return true
}

// load converts the block to answers minus each item's origin ref, column
// by column, packs them four items to a word and finds the row totals'
// extremes. It returns false on a ragged row, an answer that is not an
// integer, or one outside ref..ref+15.
func (b *alphaBlock) load(rows [][]float64) bool {
	k := b.k
	ref := b.ref[:k]
	for r, row := range rows {
		if len(row) != k {
			return false
		}
		u := b.u[r:]
		for j, v := range row {
			d := uint32(int32(v) - ref[j])
			if float64(int32(v)) != v || d > 15 { // NaN, infinite, decimal, beyond int32 or out of the window
				return false
			}
			u[j*alphaBlockRows] = uint8(d)
		}
	}
	b.packWords(len(rows))
	return true
}

// packWords packs the block's answers four items to a word and tracks the
// row totals' extremes: a word times 0x0001000100010001 holds the sum of
// its four lanes in its top lane.
func (b *alphaBlock) packWords(n int) {
	k := b.k
	var zero [alphaBlockRows]uint8
	col := func(j int) []uint8 {
		if j >= k {
			return zero[:n]
		}
		return b.u[j*alphaBlockRows : j*alphaBlockRows+n]
	}
	tot := b.tot[:n]
	clear(tot)
	for g := range b.groups {
		u0, u1, u2, u3 := col(4*g), col(4*g+1), col(4*g+2), col(4*g+3)
		u1, u2, u3 = u1[:len(u0)], u2[:len(u0)], u3[:len(u0)]
		w := b.w[g*alphaBlockRows : g*alphaBlockRows+n]
		w = w[:len(u0)]
		tot = tot[:len(u0)]
		for r := range u0 {
			x := uint64(u0[r]) | uint64(u1[r])<<16 | uint64(u2[r])<<32 | uint64(u3[r])<<48
			w[r] = x
			tot[r] += int32(x * 0x0001000100010001 >> 48)
		}
	}
	var base int64
	for _, v := range b.ref[:k] {
		base += int64(v)
	}
	lo, hi := tot[0], tot[0]
	for _, t := range tot {
		lo, hi = min(lo, t), max(hi, t)
	}
	b.totLo, b.totHi = base+int64(lo), base+int64(hi)
}

// rebase sets each item's origin to its least answer in the block; false if
// an answer is not an integer.
func (b *alphaBlock) rebase(rows [][]float64) bool {
	for j := range b.k {
		b.ref[j] = math.MaxInt32
	}
	for _, row := range rows {
		if len(row) != b.k {
			return false
		}
		for j, v := range row {
			iv := int32(v)
			if float64(iv) != v {
				return false
			}
			b.ref[j] = min(b.ref[j], iv)
		}
	}
	return true
}

// dotPacked4 returns Σ u·w for u0…u3 against the same w: four 16-bit dot
// products in each word.
func dotPacked4(u0, u1, u2, u3 []uint8, w []uint64) [4]uint64 {
	w = w[:len(u0)]
	u1, u2, u3 = u1[:len(u0)], u2[:len(u0)], u3[:len(u0)]
	var a0, a1, a2, a3 uint64
	for r, x := range w {
		a0 += uint64(u0[r]) * x
		a1 += uint64(u1[r]) * x
		a2 += uint64(u2[r]) * x
		a3 += uint64(u3[r]) * x
	}
	return [4]uint64{a0, a1, a2, a3}
}

// addBlock adds a summed block of n complete rows to a.
func (a *Alpha) addBlock(b *alphaBlock, n int) {
	k := a.k
	shift, sums, cross := b.fshift, b.fsums, b.fcross
	for i := range k {
		shift[i] = float64(b.ref[i])
		sums[i] = float64(b.sums[i])
		for j := i; j < k; j++ {
			cross[i*k+j] = float64(b.cross[i*k+j])
		}
	}
	tLo, tHi := float64(b.totLo), float64(b.totHi)
	if a.rows == 0 {
		copy(a.shift, shift)
		for i := range k {
			a.lo[i], a.hi[i] = float64(b.lo[i]), float64(b.hi[i])
		}
		a.totLo, a.totHi = tLo, tHi
	}
	a.addShifted(int64(n), shift, sums, cross)
	for i := range k {
		a.lo[i], a.hi[i] = math.Min(a.lo[i], float64(b.lo[i])), math.Max(a.hi[i], float64(b.hi[i]))
	}
	a.totLo, a.totHi = math.Min(a.totLo, tLo), math.Max(a.totHi, tHi)
	a.rows += int64(n)
}
