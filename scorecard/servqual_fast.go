package scorecard

import "math"

// This file holds Servqual.Add's fast path for unweighted respondents on
// scales of at most 16 points: every item's answers are looked up in a table
// of packed integer increments (four 16-bit lanes to a word) and added to
// two pending words per item, flushed into the float64 sums before a lane
// can overflow. Integer sums are exact, so the result is the one the
// row-by-row float64 path gives.

// servqualCell holds the packed increments of one (expectation,
// perception) pair, values taken from the scale's minimum (v' = v − Min):
//
//	a: [answered E | answered P | both answered | E']
//	b: [P' | P'² | gap + W | gap²]   (gap = P − E, W the scale's width)
//	c: [both answered | gap + W | answered P | P']   (per-dimension sums of the respondent)
type servqualCell struct{ a, b, c uint64 }

type servqualTable struct {
	width      int // W = Max − Min
	side       int // W + 2 codes per answer: 0 not answered, 1 + v'
	cells      []servqualCell
	reversed   []servqualCell // cells indexed by the raw codes of a reverse-keyed item
	all        []servqualCell // cells, then reversed
	off        []int32        // per item: 0 (cells) or side² (reversed), an offset into all
	flushEvery int            // respondents a pending lane can take without overflow
	runs       []itemRun      // the items cut into runs of one dimension
	none       []Answer       // no expectations (SERVPERF): every answer missing
}

func newServqualTable(in *Instrument) *servqualTable {
	w := in.scale.Max - in.scale.Min
	if w > 15 || len(in.items) == 0 {
		return nil
	}
	side := w + 2
	t := &servqualTable{width: w, side: side, cells: make([]servqualCell, side*side), reversed: make([]servqualCell, side*side),
		flushEvery: 65535 / max(w*w, 2*w, 1), off: make([]int32, len(in.items)),
		none: make([]Answer, len(in.items))}
	for ec := range side {
		for pc := range side {
			var c servqualCell
			e, p := uint64(ec-1), uint64(pc-1)
			if ec > 0 {
				c.a |= 1 | e<<48
			}
			if pc > 0 {
				c.a |= 1 << 16
				c.b |= p | p*p<<16
				c.c |= 1<<32 | p<<48
			}
			if ec > 0 && pc > 0 {
				g := int64(p) - int64(e)
				c.a |= 1 << 32
				c.b |= uint64(g+int64(w))<<32 | uint64(g*g)<<48
				c.c |= 1 | uint64(g+int64(w))<<16
			}
			t.cells[ec*side+pc] = c
		}
	}
	flip := func(c int) int { // code of the reversed value: v' → W − v'
		if c == 0 {
			return 0
		}
		return w - (c - 1) + 1
	}
	for ec := range side {
		for pc := range side {
			t.reversed[ec*side+pc] = t.cells[flip(ec)*side+flip(pc)]
		}
	}
	t.all = append(append([]servqualCell(nil), t.cells...), t.reversed...)
	for i, it := range in.items {
		d := uint8(it.Dimension-1) % NumDimensions
		if n := len(t.runs); n > 0 && t.runs[n-1].dim == d {
			t.runs[n-1].end = i + 1
		} else {
			t.runs = append(t.runs, itemRun{i, i + 1, d})
		}
	}
	for i, it := range in.items {
		if it.Reverse {
			t.off[i] = int32(side * side)
		}
	}
	return t
}

// itemRun is items start..end−1, all of dimension index dim.
type itemRun struct {
	start, end int
	dim        uint8
}

// code returns the table code of an answer (0: missing or not applicable,
// 1 + v': rated v) and whether the answer is invalid (undefined state, or
// rated outside the scale; its code is then 0).
func code(a Answer, min int, width uint) (c int, bad bool) {
	d := uint(a.Value - min)
	ok := d <= width
	if a.State == Answered && ok {
		c = int(d) + 1
	}
	return c, a.State > NotApplicable || a.State == Answered && !ok
}

// pendingItem is the packed sums of respondents not yet flushed.
type pendingItem struct{ a, b uint64 }

// addFast scores an unweighted respondent whose metadata were checked. It
// returns false, having changed nothing, if an answer is invalid; the caller
// then takes the slow path, which reports it.
func (s *Servqual) addFast(r *ServqualResponse) bool {
	in := s.in
	t := in.fast
	k := len(in.items)
	if s.pend == nil {
		s.pend = make([]pendingItem, k)
	}
	pend := s.pend[:k]
	perc := r.Perceptions[:k]
	exp := r.Expectations
	if exp == nil {
		exp = t.none
	}
	exp = exp[:k]
	min, width := in.scale.Min, uint(t.width)
	all, off := t.all, t.off[:k]
	var dims [NumDimensions]uint64
	side := t.side
	for _, run := range t.runs { // items of one dimension in a row: the sum stays in a register
		var acc uint64
		for i := run.start; i < run.end; i++ {
			p, e := &perc[i], &exp[i]
			dp, de := uint(p.Value-min), uint(e.Value-min)
			var idx int
			if p.State == Answered && e.State == Answered && dp <= width && de <= width { // the common case
				idx = int(de+1)*side + int(dp+1)
			} else {
				pc, pbad := code(*p, min, width)
				ec, ebad := code(*e, min, width)
				if pbad || ebad {
					s.rollback(perc, exp, i)
					return false
				}
				idx = ec*side + pc
			}
			c := &all[int(off[i])+idx]
			pend[i].a += c.a
			pend[i].b += c.b
			acc += c.c
		}
		dims[run.dim] += acc
	}
	s.pendN++
	if s.pendN >= t.flushEvery {
		s.flush()
	}
	gapSum, gapN, perfSum, perfN := respondentDims(&dims, t.width, min)
	s.addScores(r, &gapSum, &gapN, &perfSum, &perfN, 1)
	return true
}

// rollback subtracts the packed increments of the first n items of a
// response: integer lanes subtract exactly.
func (s *Servqual) rollback(perc, exp []Answer, n int) {
	t := s.in.fast
	min, width := s.in.scale.Min, uint(t.width)
	for j := range n {
		pc, _ := code(perc[j], min, width)
		ec, _ := code(exp[j], min, width)
		c := &t.all[int(t.off[j])+ec*t.side+pc]
		s.pend[j].a -= c.a
		s.pend[j].b -= c.b
	}
}

// flush moves the pending integer sums into the float64 item sums.
func (s *Servqual) flush() {
	if s.pendN == 0 {
		return
	}
	for i := range s.pend {
		s.items[i].addPending(s.pend[i], s.in)
		s.pend[i] = pendingItem{}
	}
	s.pendN = 0
}

func lane(w uint64, l uint) int64 { return int64(w >> (16 * l) & 0xffff) }

// addPending adds packed sums to s, shifting values back from the scale's
// minimum (Σv = Σv' + n·Min, Σv² = Σv'² + 2·Min·Σv' + n·Min²).
func (s *itemSums) addPending(p pendingItem, in *Instrument) {
	m := float64(in.scale.Min)
	w := float64(in.scale.Max - in.scale.Min)
	nE, nP, nG := float64(lane(p.a, 0)), float64(lane(p.a, 1)), float64(lane(p.a, 2))
	sE, sP, sPP := float64(lane(p.a, 3)), float64(lane(p.b, 0)), float64(lane(p.b, 1))
	sG, sGG := float64(lane(p.b, 2)), float64(lane(p.b, 3))
	s.nE += int64(nE)
	s.nP += int64(nP)
	s.nG += int64(nG)
	s.wE += nE
	s.wP += nP
	s.wG += nG
	s.sE += sE + nE*m
	s.sP += sP + nP*m
	s.sPP += sPP + 2*m*sP + nP*m*m
	s.sG += sG - w*nG
	s.sGG += sGG
}

// respondentDims unpacks a respondent's per-dimension sums from the fast
// path's packed words: gap and perception sums (values from the minimum)
// and counts.
func respondentDims(dims *[NumDimensions]uint64, width, min int) (gapSum, gapN, perfSum, perfN [NumDimensions]int64) {
	for d, w := range dims {
		gapN[d] = lane(w, 0)
		gapSum[d] = lane(w, 1) - int64(width)*gapN[d]
		perfN[d] = lane(w, 2)
		perfSum[d] = lane(w, 3) + int64(min)*perfN[d]
	}
	return
}

// dimSums accumulates respondent-level scores: each respondent's mean gap
// over the items of a dimension they answered (or over the dimensions, for
// the overall gap), with survey weights. Weights are kept as their excess
// over 1, so unweighted respondents cost three additions.
type dimSums struct {
	n          int64
	wx, w2x    float64 // Σ(w − 1), Σ(w² − 1)
	sum, sumSq float64 // Σw·g, Σw·g²
}

func (d *dimSums) add(g, w float64) {
	d.n++
	if w != 1 {
		d.wx += w - 1
		d.w2x += w*w - 1
	}
	d.sum += w * g
	d.sumSq += w * g * g
}

func (d *dimSums) merge(o *dimSums) {
	d.n += o.n
	d.wx += o.wx
	d.w2x += o.w2x
	d.sum += o.sum
	d.sumSq += o.sumSq
}

func (d *dimSums) weights() (w, w2 float64) { return float64(d.n) + d.wx, float64(d.n) + d.w2x }

// sample returns the respondent-level sample: effective size, mean and SD.
func (d *dimSums) sample() Sample {
	if d.n == 0 {
		return Sample{Mean: math.NaN(), SD: math.NaN()}
	}
	w, w2 := d.weights()
	neff := w * w / w2
	return Sample{N: neff, Mean: d.sum / w, SD: weightedSD(w, d.sum, d.sumSq, neff, 0)}
}
