package servicecycle

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"time"

	"github.com/servuction/servuction"
)

// momentAcc accumulates the per-moment statistics during Result.
type momentAcc struct {
	enc, journeys   int
	dist            [MaxRating]int
	measured, below int
	channels        [8]int
	fails           [failPointCount]int
	badN, goodN     int
	badSum, goodSum float64
	badSS, goodSS   float64
	lastJourney     int32
	seenJourney     int32
	worstJourney    int32
	worst           int8
}

type dupAcc struct {
	journey int32
	node    int32
	at      int64
	copies  int
}

// Result computes the analysis of the encounters added so far. It does not
// change the analyzer, which can take more encounters afterwards. Its cost is
// linear in the number of encounters: journeys are grouped by counting sort,
// each journey's encounters sorted by comparison (k log k for a journey of k,
// a constant for journeys of bounded length), transitions grouped by
// counting sort and medians and percentiles found by selection.
func (a *Analyzer) Result() Analysis {
	c := a.cycle
	if c == nil {
		return Analysis{}
	}
	n := c.Len()
	u := len(a.unknownIDs)
	nodes := n + u
	J := len(a.caseIDs)
	res := Analysis{Cycle: c.Name(), Journeys: J}

	// Node numbering: the cycle's moments in order, then unknown ids sorted.
	unkSorted := make([]int32, u)
	for i := range unkSorted {
		unkSorted[i] = int32(i)
	}
	slices.SortFunc(unkSorted, func(x, y int32) int { return cmp.Compare(a.unknownIDs[x], a.unknownIDs[y]) })
	unkRank := make([]int32, u)
	for r, i := range unkSorted {
		unkRank[i] = int32(r)
	}
	nodeOf := func(m int32) int32 {
		if m >= 0 {
			return m
		}
		return int32(n) + unkRank[-m-1]
	}
	nodeID := func(v int32) string {
		if int(v) < n {
			return c.cfg.Moments[v].ID
		}
		return a.unknownIDs[unkSorted[int(v)-n]]
	}
	optional := func(v int32) bool { return c.cfg.Moments[v].Optional }

	// Group the records by journey (counting sort, linear).
	recs := a.recs
	start := make([]int32, J+1)
	timed := 0 // encounters that measured a duration, for an exact allocation
	for i := range recs {
		start[recs[i].journey+1]++
		if recs[i].dur > 0 && recs[i].moment >= 0 {
			timed++
		}
	}
	for j := 1; j <= J; j++ {
		start[j] += start[j-1]
	}
	order := make([]int32, len(recs))
	fill := slices.Clone(start[:J])
	for i := range recs {
		j := recs[i].journey
		order[fill[j]] = int32(i)
		fill[j]++
	}
	fill = nil

	less := func(x, y int32) int {
		rx, ry := &recs[x], &recs[y]
		if c := cmp.Compare(rx.at, ry.at); c != 0 {
			return c
		}
		if c := cmp.Compare(nodeOf(rx.moment), nodeOf(ry.moment)); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.rating, ry.rating); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.dur, ry.dur); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.channel, ry.channel); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.fails, ry.fails); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.empRate, ry.empRate); c != 0 {
			return c
		}
		if c := cmp.Compare(rx.image, ry.image); c != 0 {
			return c
		}
		return cmp.Compare(a.employeeName(rx.employee), a.employeeName(ry.employee))
	}
	type employeeAcc struct {
		enc, measured, below int
		dist                 [MaxRating]int
		fails                [failPointCount]int
	}
	emps := make([]employeeAcc, len(a.employeeIDs))

	ms := make([]momentAcc, n)
	for i := range ms {
		ms[i].lastJourney, ms[i].seenJourney, ms[i].worstJourney = -1, -1, -1
	}
	unkEnc := make([]int, u)
	unkJourneys := make([]int, u)
	unkLast := make([]int32, u)
	for i := range unkLast {
		unkLast[i] = -1
	}

	// Directly-follows edges: a dense index for small graphs, a map otherwise.
	var edgeFrom, edgeTo []int32
	var edgeCount []int
	var dense []int32
	var sparse map[int64]int32
	if nodes <= 1024 {
		dense = make([]int32, nodes*nodes)
		for i := range dense {
			dense[i] = -1
		}
	} else {
		sparse = map[int64]int32{}
	}
	edgeOf := func(from, to int32) int32 {
		var e int32
		var ok bool
		if dense != nil {
			e = dense[int(from)*nodes+int(to)]
			ok = e >= 0
		} else {
			e, ok = sparse[int64(from)*int64(nodes)+int64(to)]
		}
		if !ok {
			e = int32(len(edgeFrom))
			edgeFrom, edgeTo, edgeCount = append(edgeFrom, from), append(edgeTo, to), append(edgeCount, 0)
			if dense != nil {
				dense[int(from)*nodes+int(to)] = e
			} else {
				sparse[int64(from)*int64(nodes)+int64(to)] = e
			}
		}
		edgeCount[e]++
		return e
	}
	durVals := make([]int64, 0, timed)
	durKeys := make([]int32, 0, timed)
	tGap := make([]int64, 0, max(len(recs)-J, 0))
	tEdge := make([]int32, 0, max(len(recs)-J, 0))

	// Deviations per kind and node.
	var devCount, devJourneys [UnknownMoment + 1][]int
	var devLast [UnknownMoment + 1][]int32
	for k := Skipped; k <= UnknownMoment; k++ {
		devCount[k], devJourneys[k], devLast[k] = make([]int, nodes), make([]int, nodes), make([]int32, nodes)
		for i := range devLast[k] {
			devLast[k][i] = -1
		}
	}

	var dups []dupAcc
	dropOff := make([]int, nodes)
	throughput := make([]int64, 0, J)
	var touched []int32
	var att CorrectAttention
	var attCust, attEmp, attEmpN, attImg, attImgN int

	for j := int32(0); j < int32(J); j++ {
		seg := order[start[j]:start[j+1]]
		if len(seg) <= 12 {
			for i := 1; i < len(seg); i++ {
				for k := i; k > 0 && less(seg[k-1], seg[k]) > 0; k-- {
					seg[k-1], seg[k] = seg[k], seg[k-1]
				}
			}
		} else {
			slices.SortFunc(seg, less)
		}
		// Drop duplicates (same instant, same moment), keeping the first.
		k := 0
		for _, idx := range seg {
			if k > 0 {
				p := &recs[seg[k-1]]
				if p.at == recs[idx].at && p.moment == recs[idx].moment {
					v := nodeOf(p.moment)
					if l := len(dups) - 1; l >= 0 && dups[l].journey == j && dups[l].node == v && dups[l].at == p.at {
						dups[l].copies++
					} else {
						dups = append(dups, dupAcc{journey: j, node: v, at: p.at, copies: 2})
					}
					res.DuplicateCount++
					continue
				}
			}
			seg[k] = idx
			k++
		}
		seg = seg[:k]
		res.Encounters += len(seg)

		deviated := false
		dev := func(kind Deviation, v int32) {
			deviated = true
			devCount[kind][v]++
			if devLast[kind][v] != j {
				devLast[kind][v] = j
				devJourneys[kind][v]++
			}
		}
		skipPath := func(from, to int32) {
			for x := c.next[int(from)*n+int(to)]; x != to && x >= 0; x = c.next[int(x)*n+int(to)] {
				if !optional(x) {
					dev(Skipped, x)
				}
			}
		}
		var outcome int8
		var empSum, empN, imgSum, imgN int
		touched = touched[:0]
		prev := int32(-1)
		var prevAt, firstAt int64
		for i, idx := range seg {
			r := &recs[idx]
			v := nodeOf(r.moment)
			measured, below := false, false
			if int(v) < n {
				m := &ms[v]
				m.enc++
				if m.lastJourney != j {
					m.lastJourney = j
					m.journeys++
				}
				if r.rating > 0 {
					m.dist[r.rating-1]++
					if int(v) == c.outcome {
						outcome = r.rating
					} else if m.worstJourney != j {
						m.worstJourney, m.worst = j, r.rating
						touched = append(touched, v)
					} else if r.rating < m.worst {
						m.worst = r.rating
					}
				}
				std := c.cfg.Moments[v].Standards
				if std.MinRating > 0 && r.rating > 0 {
					measured = true
					below = int(r.rating) < std.MinRating
				}
				if std.MaxWait > 0 && r.dur > 0 {
					measured = true
					below = below || r.dur > int64(std.MaxWait)
				}
				if measured {
					m.measured++
				}
				if r.dur > 0 {
					durVals, durKeys = append(durVals, r.dur), append(durKeys, v)
				}
				if below {
					m.below++
				}
				if int(r.channel) < len(m.channels) {
					m.channels[r.channel]++
				}
				for f := r.fails; f != 0; f &= f - 1 {
					m.fails[bits.TrailingZeros32(f)]++
				}
			} else {
				x := int(v) - n
				unkEnc[x]++
				if unkLast[x] != j {
					unkLast[x] = j
					unkJourneys[x]++
				}
			}
			if r.employee > 0 {
				e := &emps[r.employee-1]
				e.enc++
				if r.rating > 0 {
					e.dist[r.rating-1]++
				}
				if measured {
					e.measured++
				}
				if below {
					e.below++
				}
				for f := r.fails; f != 0; f &= f - 1 {
					e.fails[bits.TrailingZeros32(f)]++
				}
			}
			if r.empRate > 0 {
				empSum += int(r.empRate)
				empN++
			}
			if r.image > 0 {
				imgSum += int(r.image)
				imgN++
			}
			// Conformance.
			switch {
			case int(v) >= n:
				dev(UnknownMoment, v)
			case i == 0:
				if !c.entry[v] {
					if !optional(int32(c.start)) && int(v) != c.start {
						dev(Skipped, int32(c.start))
					}
					skipPath(int32(c.start), v)
				}
			case int(prev) >= n:
				// after an unknown moment the order cannot be judged
			case c.allowed[int(prev)*n+int(v)]:
			case ms[v].seenJourney == j:
				dev(Repeated, v)
			case c.next[int(prev)*n+int(v)] >= 0:
				skipPath(prev, v)
			default:
				dev(OutOfOrder, v)
			}
			if int(v) < n {
				ms[v].seenJourney = j
			}
			if i == 0 {
				firstAt = r.at
			} else {
				tGap = append(tGap, r.at-prevAt)
				tEdge = append(tEdge, edgeOf(prev, v))
			}
			prev, prevAt = v, r.at
		}
		complete := int(prev) < n && c.finish[prev]
		if complete {
			res.Completed++
			throughput = append(throughput, prevAt-firstAt)
			if !deviated {
				res.Conforming++
			}
		} else {
			dropOff[prev]++
		}
		if outcome > 0 {
			o := float64(outcome)
			for _, v := range touched {
				m := &ms[v]
				bad := m.worst <= 2
				if min := c.cfg.Moments[v].Standards.MinRating; min > 0 {
					bad = int(m.worst) < min
				}
				if bad {
					m.badN++
					m.badSum += o
					m.badSS += o * o
				} else {
					m.goodN++
					m.goodSum += o
					m.goodSS += o * o
				}
			}
			if empN > 0 && imgN > 0 {
				att.Journeys++
				attCust += int(outcome)
				attEmp, attEmpN = attEmp+empSum, attEmpN+empN
				attImg, attImgN = attImg+imgSum, attImgN+imgN
				if outcome >= 4 && empSum >= 4*empN && imgSum >= 4*imgN {
					att.Correct++
				}
			}
		}
	}

	share := func(x, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(x) / float64(of)
	}
	res.Completion = share(res.Completed, J)
	res.Conformance = share(res.Conforming, J)
	res.Throughput = timeSummaryOf(throughput)
	if att.Journeys > 0 {
		att.Customer = float64(attCust) / float64(att.Journeys)
		att.Employee = float64(attEmp) / float64(attEmpN)
		att.Image = float64(attImg) / float64(attImgN)
		att.Share = share(att.Correct, att.Journeys)
	}
	res.Attention = att

	// Times: group the gaps by edge, then by destination moment (counting sorts).
	E := len(edgeFrom)
	byEdge := groupBy(nil, tGap, tEdge, E)
	edgeStart := byEdge.start
	edges := make([]Edge, E)
	for e := range E {
		from, to := edgeFrom[e], edgeTo[e]
		edges[e] = Edge{From: nodeID(from), To: nodeID(to), Count: edgeCount[e],
			Time:     timeSummaryOf(byEdge.values[edgeStart[e]:edgeStart[e+1]]),
			Designed: int(from) < n && int(to) < n && c.allowed[int(from)*n+int(to)]}
	}
	edgeOrder := make([]int, E)
	for i := range edgeOrder {
		edgeOrder[i] = i
	}
	slices.SortFunc(edgeOrder, func(x, y int) int {
		return cmp.Or(cmp.Compare(edgeFrom[x], edgeFrom[y]), cmp.Compare(edgeTo[x], edgeTo[y]))
	})
	res.Edges = make([]Edge, E)
	for i, e := range edgeOrder {
		res.Edges[i] = edges[e]
	}
	for i := range res.Edges {
		e := &res.Edges[i]
		if b := res.Bottleneck; b == nil || e.Time.Mean > b.Time.Mean || (e.Time.Mean == b.Time.Mean && e.Count > b.Count) {
			res.Bottleneck = e
		}
	}
	if res.Bottleneck != nil {
		b := *res.Bottleneck
		res.Bottleneck = &b
	}
	// The gaps are still grouped by edge; regroup them by destination node,
	// reusing the buffers of the ungrouped gaps.
	destOfGap := tEdge
	for e := range E {
		for i := edgeStart[e]; i < edgeStart[e+1]; i++ {
			destOfGap[i] = edgeTo[e]
		}
	}
	byDest := groupBy(tGap, byEdge.values, destOfGap, nodes)

	byDur := groupBy(nil, durVals, durKeys, n)
	res.Moments = make([]MomentStats, n)
	for i, mo := range c.cfg.Moments {
		m := &ms[i]
		s := MomentStats{ID: mo.ID, Name: mo.Label(), Critical: mo.Critical, Encounters: m.enc,
			Journeys: m.journeys, Reach: share(m.journeys, J), Satisfaction: satisfactionOf(m.dist),
			Measured: m.measured, BelowStandard: m.below, BelowShare: share(m.below, m.measured),
			SincePrevious: timeSummaryOf(byDest.values[byDest.start[i]:byDest.start[i+1]]),
			Duration:      timeSummaryOf(byDur.values[byDur.start[i]:byDur.start[i+1]])}
		for ch, cnt := range m.channels {
			if cnt > 0 {
				s.Channels = append(s.Channels, ChannelCount{Channel: servuction.Channel(ch), Count: cnt})
			}
		}
		for f, cnt := range m.fails {
			if cnt > 0 {
				s.FailPoints = append(s.FailPoints, FailPointCount{FailPoint: FailPoint(f), Count: cnt})
			}
		}
		slices.SortStableFunc(s.FailPoints, func(x, y FailPointCount) int { return cmp.Compare(y.Count, x.Count) })
		res.Moments[i] = s
	}
	empOrder := make([]int, len(a.employeeIDs))
	for i := range empOrder {
		empOrder[i] = i
	}
	slices.SortFunc(empOrder, func(x, y int) int { return cmp.Compare(a.employeeIDs[x], a.employeeIDs[y]) })
	for _, k := range empOrder {
		e := &emps[k]
		s := EmployeeStats{Employee: a.employeeIDs[k], Encounters: e.enc, Satisfaction: satisfactionOf(e.dist),
			Measured: e.measured, BelowStandard: e.below, BelowShare: share(e.below, e.measured)}
		for f, cnt := range e.fails {
			if cnt > 0 {
				s.FailPoints = append(s.FailPoints, FailPointCount{FailPoint: FailPoint(f), Count: cnt})
			}
		}
		slices.SortStableFunc(s.FailPoints, func(x, y FailPointCount) int { return cmp.Compare(y.Count, x.Count) })
		res.Employees = append(res.Employees, s)
	}
	for _, x := range unkSorted {
		res.Unknown = append(res.Unknown, UnlistedMoment{ID: a.unknownIDs[x], Encounters: unkEnc[x], Journeys: unkJourneys[x]})
	}

	slices.SortFunc(dups, func(x, y dupAcc) int {
		return cmp.Or(cmp.Compare(a.caseIDs[x.journey], a.caseIDs[y.journey]), cmp.Compare(x.at, y.at), cmp.Compare(x.node, y.node))
	})
	for _, d := range dups[:min(len(dups), MaxReportedDuplicates)] {
		res.Duplicates = append(res.Duplicates, Duplicate{Case: a.caseIDs[d.journey], Moment: nodeID(d.node),
			At: time.Unix(0, d.at).UTC(), Copies: d.copies})
	}

	var dropNodes []int32
	for v, cnt := range dropOff {
		if cnt > 0 {
			dropNodes = append(dropNodes, int32(v))
		}
	}
	slices.SortStableFunc(dropNodes, func(x, y int32) int { return cmp.Compare(dropOff[y], dropOff[x]) })
	for _, v := range dropNodes {
		res.DropOff = append(res.DropOff, DropOff{Moment: nodeID(v), Journeys: dropOff[v], Share: share(dropOff[v], J)})
	}

	for k := Skipped; k <= UnknownMoment; k++ {
		for v := range nodes {
			if devCount[k][v] > 0 {
				res.Deviations = append(res.Deviations, DeviationCount{Kind: k, Moment: nodeID(int32(v)),
					Count: devCount[k][v], Journeys: devJourneys[k][v]})
			}
		}
	}

	for i, mo := range c.cfg.Moments {
		m := &ms[i]
		if d, ok := driverOf(m); ok {
			d.Moment, d.Name, d.Critical = mo.ID, mo.Label(), mo.Critical
			res.Drivers = append(res.Drivers, d)
		}
	}
	slices.SortStableFunc(res.Drivers, func(x, y Driver) int {
		return cmp.Or(cmp.Compare(y.Effect, x.Effect), cmp.Compare(y.CohensD, x.CohensD))
	})
	return res
}

// employeeName returns the name of employee index k (1-based; 0 is none).
func (a *Analyzer) employeeName(k int32) string {
	if k == 0 {
		return ""
	}
	return a.employeeIDs[k-1]
}

// driverOf compares the outcome of the journeys with a bad and a good
// experience at a moment; it needs two journeys in each group.
func driverOf(m *momentAcc) (Driver, bool) {
	if m.badN < 2 || m.goodN < 2 {
		return Driver{}, false
	}
	nb, ng := float64(m.badN), float64(m.goodN)
	mb, mg := m.badSum/nb, m.goodSum/ng
	vb := math.Max(0, (m.badSS-nb*mb*mb)/(nb-1))
	vg := math.Max(0, (m.goodSS-ng*mg*mg)/(ng-1))
	d := Driver{Bad: m.badN, Good: m.goodN, BadOutcome: mb, GoodOutcome: mg, Effect: mg - mb}
	d.Low, d.High = d.Effect, d.Effect
	if se2 := vb/nb + vg/ng; se2 > 0 {
		df := se2 * se2 / ((vb/nb)*(vb/nb)/(nb-1) + (vg/ng)*(vg/ng)/(ng-1))
		half := tQuantile975(df) * math.Sqrt(se2)
		d.Low, d.High = d.Effect-half, d.Effect+half
	}
	if sp := math.Sqrt(((nb-1)*vb + (ng-1)*vg) / (nb + ng - 2)); sp > 0 {
		d.CohensD = d.Effect / sp
	}
	return d, true
}

type grouped struct {
	values []int64
	start  []int32 // group g is values[start[g]:start[g+1]]
}

// groupBy returns values grouped by keys[i] in 0..groups-1, stable, by
// counting sort, written into dst when it has room (dst must not overlap values).
func groupBy(dst, values []int64, keys []int32, groups int) grouped {
	if cap(dst) < len(values) {
		dst = make([]int64, len(values))
	}
	g := grouped{values: dst[:len(values)], start: make([]int32, groups+1)}
	for _, k := range keys {
		g.start[k+1]++
	}
	for i := 1; i <= groups; i++ {
		g.start[i] += g.start[i-1]
	}
	fill := slices.Clone(g.start[:groups])
	for i, k := range keys {
		g.values[fill[k]] = values[i]
		fill[k]++
	}
	return g
}
