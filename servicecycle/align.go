package servicecycle

import (
	"cmp"
	"math"
	"slices"

	"github.com/servuction/servuction/internal/enum"
)

// MoveKind is a kind of step of an [Alignment]: both the journey and the
// design move, only the journey, or only the design.
type MoveKind uint8

// The kinds of move of an alignment (PM4Py's synchronous move, move on log,
// move on model).
const (
	MoveUnknown MoveKind = iota // not a move
	// SyncMove: the journey lives the moment the design leads to.
	SyncMove
	// LogMove: the journey lives a moment the design does not lead to here
	// (cost 1).
	LogMove
	// ModelMove: the design passes a moment the journey does not live here
	// (cost 1, or 0 for an optional moment).
	ModelMove
)

var moveNames = enum.New("servicecycle: move", ErrInvalidValue,
	[]string{"unknown", "sync", "log", "model"},
	map[string]MoveKind{"desconocido": MoveUnknown, "synchronous": SyncMove, "sincrónico": SyncMove,
		"síncrono": SyncMove, "log move": LogMove, "movimiento en el registro": LogMove, "registro": LogMove,
		"model move": ModelMove, "movimiento en el modelo": ModelMove, "modelo": ModelMove})

// ParseMoveKind returns the move kind named s ("sync", "registro", …).
func ParseMoveKind(s string) (MoveKind, error) { return moveNames.Parse(s) }

// String returns the move kind's English name.
func (k MoveKind) String() string { return moveNames.String(k) }

// IsValid reports whether k is a defined move kind (including MoveUnknown).
func (k MoveKind) IsValid() bool { return moveNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k MoveKind) MarshalText() ([]byte, error) { return moveNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMoveKind].
func (k *MoveKind) UnmarshalText(text []byte) error { return moveNames.UnmarshalText(k, text) }

// Move is one step of an alignment.
type Move struct {
	Kind   MoveKind `json:"kind"`
	Moment string   `json:"moment"`
	// Position is the 1-based position in the journey of the moment lived
	// (sync and log moves), or of the moment lived next (model moves; one
	// past the last after the journey's end).
	Position int `json:"position"`
	// Cost of the move: 0 for a sync move and for passing an optional
	// moment, 1 otherwise.
	Cost int `json:"cost"`
}

// JourneyDeviation is one departure of a journey from its designed cycle,
// read from an optimal alignment.
type JourneyDeviation struct {
	Kind   Deviation `json:"kind"`
	Moment string    `json:"moment"`
	// Position is the 1-based position in the journey of the moment lived
	// out of order, repeated or unknown; for a skipped moment, the position
	// of the moment lived next; for a moment not reached, one past the last.
	Position int `json:"position"`
	// Expected is, for a moment lived out of order, the position where the
	// design placed it (as Position for a skipped one); 0 when the design
	// has no place for it on the aligned path.
	Expected int `json:"expected,omitempty"`
}

// cost returns the alignment cost the deviation stands for: a moment lived
// out of its place is a log move and a model move.
func (d JourneyDeviation) cost() int {
	if d.Kind == OutOfOrder && d.Expected > 0 {
		return 2
	}
	return 1
}

// Alignment is an optimal alignment of a journey (the moments it lived, in
// order) to the paths the cycle allows, with the standard cost function: a
// log move or a move on a required moment costs 1, a synchronous move and
// passing an optional moment cost 0.
type Alignment struct {
	Moves []Move `json:"moves"`
	// Cost is the sum of the moves' costs; MaxCost the cost of the worst
	// alignment (every moment a log move, then the cheapest path of the
	// design): the journey's length plus the cycle's least number of required
	// moments from start to end. Fitness = 1 − Cost/MaxCost, as PM4Py
	// computes a trace's fitness.
	Cost    int     `json:"cost"`
	MaxCost int     `json:"maxCost"`
	Fitness float64 `json:"fitness"`
	// Deviations reads the moves: a moment lived in one place and expected
	// in another is out of order (at the place it was lived); a log move of
	// a moment lived before is repeated, of a moment the cycle does not know
	// unknown, of any other moment out of order (lived too early, or where
	// the design has no place for it); a move on a required moment is
	// skipped when the journey went on along the design after it (a
	// synchronous move follows), and not reached otherwise: the journey
	// stopped before it. In order of position, then of the moves.
	Deviations []JourneyDeviation `json:"deviations,omitempty"`
}

// Align returns an optimal alignment of a journey, given as the ids of the
// moments it lived in order (ids the cycle does not know are log moves), to
// the cycle's allowed paths: from the start, along flows, to an end.
//
// Of the alignments of least cost it returns the one with the fewest moves
// and, among those, the one that at each point prefers a synchronous move,
// then a log move of an unknown moment, then a model move (to the moment
// first in cycle order), then a log move: the journey's early moments are
// matched to the design as far as possible (so a moment lived again reads
// as repeated, not its first visit as out of place), and a moment missing
// after an unknown one is placed after it. The cost is linear in
// the journey's length times the cycle's size (a shortest path per
// position); memory grows with the square root of the length.
func (c *Cycle) Align(moments []string) Alignment {
	if c.Len() == 0 {
		return Alignment{}
	}
	ev := make([]int32, len(moments))
	for i, id := range moments {
		ev[i] = -1
		if x, ok := c.index[id]; ok {
			ev[i] = int32(x)
		}
	}
	al := newAligner(c)
	moves := al.align(ev)
	a := Alignment{MaxCost: len(moments) + c.minPath}
	for _, m := range moves {
		mv := Move{Kind: m.kind, Position: int(m.pos) + 1, Cost: m.cost}
		if m.kind == LogMove {
			mv.Moment = moments[m.pos]
		} else {
			mv.Moment = c.cfg.Moments[m.node].ID
		}
		a.Cost += m.cost
		a.Moves = append(a.Moves, mv)
	}
	a.Fitness = fitness(a.Cost, a.MaxCost)
	a.Deviations = al.deviations(moves, ev, func(pos int32) string { return moments[pos] }, nil)
	return a
}

// fitness is 1 − cost/maxCost (1 when maxCost is 0).
func fitness(cost, maxCost int) float64 {
	if maxCost <= 0 {
		return 1
	}
	return 1 - float64(cost)/float64(maxCost)
}

// move is an alignment move on cycle indexes: pos is the 0-based position
// of the event (for model moves, of the next event).
type move struct {
	kind MoveKind
	node int32
	pos  int32
	cost int
}

// The dynamic programme's values pack (cost, moves) in one int64: cost in
// the high half, so that cost is minimised first, then the number of moves.
const (
	infinite  = math.MaxInt64 / 4
	logValue  = 1<<32 | 1
	syncValue = 1
)

// aligner computes optimal alignments on one cycle. It keeps its buffers
// between journeys; it is not safe for concurrent use.
type aligner struct {
	c       *Cycle
	states  int     // moments + the initial state
	weight  []int64 // value of a model move into each state
	ckpt    [][]int64
	block   [][]int64
	heap    valueHeap
	moves   []move
	partner []int
	// logStart, logs, fill, fillNext: the log moves grouped by moment.
	logStart, logs, fill, fillNext []int
}

func newAligner(c *Cycle) *aligner {
	n := c.Len()
	al := &aligner{c: c, states: n + 1, weight: make([]int64, n+1)}
	for i, m := range c.cfg.Moments {
		al.weight[i] = 1
		if !m.Optional {
			al.weight[i] = logValue
		}
	}
	return al
}

// emptyCost is the cost of aligning a journey with no moments.
func (al *aligner) emptyCost() int {
	last := al.newLayer()
	al.finalLayer(last)
	return int(last[al.states-1] >> 32)
}

func (al *aligner) newLayer() []int64 { return make([]int64, al.states) }

// finalLayer fills the values after the last event: 0 at an end, then the
// model moves that reach one.
func (al *aligner) finalLayer(g []int64) {
	for q := range g {
		g[q] = infinite
		if q < al.states-1 && al.c.isEnd[q] {
			g[q] = 0
		}
	}
	al.relax(g)
}

// layer fills g, the values before event e, from next, the values after it.
func (al *aligner) layer(g, next []int64, e int32) {
	for q := range g {
		g[q] = logValue + next[q]
	}
	if e >= 0 {
		for _, p := range al.c.in[e] {
			g[p] = min(g[p], syncValue+next[e])
		}
	}
	al.relax(g)
}

// relax closes g under model moves (Dijkstra on the reversed flows).
func (al *aligner) relax(g []int64) {
	h := &al.heap
	h.items = h.items[:0]
	for q, v := range g {
		if v < infinite {
			h.push(valueItem{v, int32(q)})
		}
	}
	for len(h.items) > 0 {
		it := h.pop()
		if it.value != g[it.state] || int(it.state) == al.states-1 {
			continue
		}
		w := al.weight[it.state] + it.value
		for _, p := range al.c.in[it.state] {
			if w < g[p] {
				g[p] = w
				h.push(valueItem{w, p})
			}
		}
	}
}

// align returns the moves of the chosen optimal alignment of events ev
// (cycle indexes, -1 for unknown moments).
func (al *aligner) align(ev []int32) []move {
	k := len(ev)
	b := blockSize(k, al.states)
	if b <= k {
		al.checkpoints(ev, b)
	}
	al.moves = al.moves[:0]
	q := int32(al.states - 1)
	for lo := 0; lo <= k; lo += b {
		hi := min(lo+b, k)
		al.fillBlock(ev, lo, hi, b)
		q = al.walk(ev, lo, hi, q)
	}
	return al.moves
}

// checkpoints runs the backward pass once, keeping the layers at multiples
// of b.
func (al *aligner) checkpoints(ev []int32, b int) {
	k := len(ev)
	al.ckpt = slices.Grow(al.ckpt[:0], k/b+1)[:k/b+1]
	cur, other := al.newLayer(), al.newLayer()
	al.finalLayer(cur)
	if k%b == 0 {
		copy(al.layerBuf(&al.ckpt, k/b), cur)
	}
	for i := k - 1; i >= 0; i-- {
		al.layer(other, cur, ev[i])
		cur, other = other, cur
		if i%b == 0 {
			copy(al.layerBuf(&al.ckpt, i/b), cur)
		}
	}
}

// blockSize is the number of layers kept at once: all of them for a small
// journey, about the square root of the journey's length otherwise.
func blockSize(k, states int) int {
	if (k+1)*states <= 1<<16 {
		return k + 1
	}
	return max(1, int(math.Sqrt(float64(k+1))))
}

// layerBuf returns the i-th layer buffer of *bufs, allocating it if needed.
func (al *aligner) layerBuf(bufs *[][]int64, i int) []int64 {
	if len((*bufs)[i]) != al.states {
		(*bufs)[i] = al.newLayer()
	}
	return (*bufs)[i]
}

// fillBlock recomputes the layers lo..hi (hi the next checkpoint, or k)
// into al.block, from the checkpoint at hi.
func (al *aligner) fillBlock(ev []int32, lo, hi, b int) {
	al.block = slices.Grow(al.block[:0], hi-lo+1)[:hi-lo+1]
	last := al.layerBuf(&al.block, hi-lo)
	if hi%b == 0 && b <= len(ev) {
		copy(last, al.ckpt[hi/b])
	} else {
		al.finalLayer(last) // hi == k
	}
	for i := hi - 1; i >= lo; i-- {
		g := al.layerBuf(&al.block, i-lo)
		al.layer(g, al.block[i-lo+1], ev[i])
	}
}

// walk follows the preferred optimal moves from state q at layer lo to
// layer hi (to an end when hi is the last layer) and returns the state.
func (al *aligner) walk(ev []int32, lo, hi int, q int32) int32 {
	k := len(ev)
	for i := lo; ; {
		g := al.block[i-lo]
		v := g[q]
		switch {
		case i == k && v == 0:
			return q
		case i == hi && hi < k: // the next block goes on from here
			return q
		}
		if i < hi {
			next := al.block[i-lo+1]
			e := ev[i]
			if e >= 0 && slices.Contains(al.c.out[q], e) && syncValue+next[e] == v {
				al.moves = append(al.moves, move{kind: SyncMove, node: e, pos: int32(i)})
				q, i = e, i+1
				continue
			}
			if e < 0 && logValue+next[q] == v { // an unknown moment is lived before any missing one
				al.moves = append(al.moves, move{kind: LogMove, node: e, pos: int32(i), cost: 1})
				i++
				continue
			}
		}
		if t := al.modelMove(g, q); t >= 0 {
			al.moves = append(al.moves, move{kind: ModelMove, node: t, pos: int32(i), cost: int(al.weight[t] >> 32)})
			q = t
			continue
		}
		if i < hi && logValue+al.block[i-lo+1][q] == v {
			al.moves = append(al.moves, move{kind: LogMove, node: ev[i], pos: int32(i), cost: 1})
			i++
			continue
		}
		panic("servicecycle: alignment has no optimal move") // unreachable: the values are optimal
	}
}

// modelMove returns the first moment in cycle order that an optimal model
// move from q at layer g reaches, or -1.
func (al *aligner) modelMove(g []int64, q int32) int32 {
	for _, t := range al.c.out[q] {
		if al.weight[t]+g[t] == g[q] {
			return t
		}
	}
	return -1
}

// deviations reads the deviations of an alignment. ev are the events' cycle
// indexes (-1 unknown), id names an event's moment, and dst is reused.
func (al *aligner) deviations(moves []move, ev []int32, id func(pos int32) string, dst []JourneyDeviation) []JourneyDeviation {
	dst = dst[:0]
	k := int32(len(ev))
	partner := al.pairs(moves)
	lastSync := -1
	for j, m := range moves {
		if m.kind == SyncMove {
			lastSync = j
		}
	}
	for j, m := range moves {
		switch {
		case m.kind == ModelMove && m.cost > 0 && partner[j] < 0:
			d := JourneyDeviation{Kind: Skipped, Moment: al.c.cfg.Moments[m.node].ID, Position: int(m.pos) + 1}
			if j > lastSync { // nothing lived on the design after it
				d.Kind, d.Position = NotReached, int(k)+1
			}
			dst = append(dst, d)
		case m.kind == LogMove:
			d := JourneyDeviation{Kind: OutOfOrder, Moment: id(m.pos), Position: int(m.pos) + 1}
			switch {
			case partner[j] >= 0:
				d.Expected = int(moves[partner[j]].pos) + 1
			case m.node < 0:
				d.Kind = UnknownMoment
			case livedBefore(ev, m.pos):
				d.Kind = Repeated
			}
			dst = append(dst, d)
		}
	}
	slices.SortStableFunc(dst, func(x, y JourneyDeviation) int { return cmp.Compare(x.Position, y.Position) })
	return dst
}

// pairs matches each move on a required moment with the first unmatched
// log move of the same moment, in the order of the moves: the moment was
// lived, in another place. partner[j] is the index of the move matched with
// moves[j], or -1. The slice is reused.
func (al *aligner) pairs(moves []move) []int {
	al.partner = slices.Grow(al.partner[:0], len(moves))[:len(moves)]
	for j := range al.partner {
		al.partner[j] = -1
	}
	// The log moves of each moment, in order (a counting sort on moments).
	n := al.states - 1
	al.logStart = slices.Grow(al.logStart[:0], n+1)[:n+1]
	clear(al.logStart)
	for _, m := range moves {
		if m.kind == LogMove && m.node >= 0 {
			al.logStart[m.node+1]++
		}
	}
	for x := 1; x <= n; x++ {
		al.logStart[x] += al.logStart[x-1]
	}
	al.logs = slices.Grow(al.logs[:0], al.logStart[n])[:al.logStart[n]]
	fill := append(al.fill[:0], al.logStart[:n]...)
	for l, m := range moves {
		if m.kind == LogMove && m.node >= 0 {
			al.logs[fill[m.node]] = l
			fill[m.node]++
		}
	}
	al.fill = fill
	next := append(al.fillNext[:0], al.logStart[:n]...) // next unmatched log move of each moment
	for j, m := range moves {
		if m.kind == ModelMove && m.cost > 0 && next[m.node] < al.logStart[m.node+1] {
			l := al.logs[next[m.node]]
			next[m.node]++
			al.partner[j], al.partner[l] = l, j
		}
	}
	al.fillNext = next
	return al.partner
}

// livedBefore reports whether the moment of event pos was lived at an
// earlier position.
func livedBefore(ev []int32, pos int32) bool {
	for _, e := range ev[:pos] {
		if e == ev[pos] {
			return true
		}
	}
	return false
}

type valueItem struct {
	value int64
	state int32
}

// valueHeap is a binary min-heap of values, ties to the lower state.
type valueHeap struct{ items []valueItem }

func (h *valueHeap) less(i, j int) bool {
	a, b := h.items[i], h.items[j]
	return a.value < b.value || (a.value == b.value && a.state < b.state)
}

func (h *valueHeap) push(it valueItem) {
	h.items = append(h.items, it)
	for i := len(h.items) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.less(i, p) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

func (h *valueHeap) pop() valueItem {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.less(l, m) {
			m = l
		}
		if r < last && h.less(r, m) {
			m = r
		}
		if m == i {
			break
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
	return top
}
