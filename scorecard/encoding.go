package scorecard

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
)

// This file holds the JSON encodings of the accumulators, so a distributed
// engine (an Apache Beam runner, a map-reduce job) can ship partial results
// between workers and merge them. Every decoder validates what it reads and
// leaves the receiver unchanged on error.

func finite(vals ...float64) bool {
	for _, v := range vals {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func nonNegative(vals ...float64) bool {
	for _, v := range vals {
		if !(v >= 0) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// strictJSON decodes data into v, refusing unknown fields and trailing data.
func strictJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("trailing data after the JSON value")
	}
	return nil
}

func decodeErr(what string, err error) error {
	return fmt.Errorf("scorecard: %s JSON: %w: %w", what, ErrInvalidValue, err)
}

func invalidState(what, detail string) error {
	return fmt.Errorf("scorecard: %s JSON: %s: %w", what, detail, ErrInvalidValue)
}

// ---- CES

type cesJSON struct {
	N          int64   `json:"n"`
	Easy       int64   `json:"easy"`
	Weight     float64 `json:"weight"`
	WeightEasy float64 `json:"weightEasy"`
	WeightSum  float64 `json:"weightedSum"`
	W2         float64 `json:"sumSquares"`
	WSq        float64 `json:"weightedSumSquares"`
}

// MarshalJSON encodes the accumulator's state.
func (c CES) MarshalJSON() ([]byte, error) {
	return json.Marshal(cesJSON{c.n, c.easy, c.w, c.wEasy, c.wSum, c.w2, c.wSq})
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON.
func (c *CES) UnmarshalJSON(data []byte) error {
	var j cesJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("ces", err)
	}
	ok := j.N >= 0 && j.Easy >= 0 && j.Easy <= j.N && nonNegative(j.Weight, j.WeightEasy, j.WeightSum) &&
		j.WeightEasy <= j.Weight && (j.N > 0) == (j.Weight > 0) &&
		j.WeightSum >= j.Weight*(1-1e-9) && j.WeightSum <= 7*j.Weight*(1+1e-9) &&
		nonNegative(j.W2) && (j.N > 0) == (j.W2 > 0) && squaresInRange(j.WSq, j.WeightSum, j.Weight, Scale{Min: 1, Max: 7})
	if !ok {
		return invalidState("ces", fmt.Sprintf("inconsistent state n=%d easy=%d weight=%v", j.N, j.Easy, j.Weight))
	}
	*c = CES{n: j.N, easy: j.Easy, w: j.Weight, wEasy: j.WeightEasy, wSum: j.WeightSum, w2: j.W2, wSq: j.WSq}
	return nil
}

// ---- KeyDrivers and Drivers

type keyDriversJSON struct {
	Names   []string `json:"names,omitempty"`
	Drivers int      `json:"drivers"`
	N       int64    `json:"n"`
	// Shift is each variable's origin (drivers, then the overall rating);
	// Min and Max its extremes; Sum and Cross (the upper triangle, row by
	// row) the sums about the origins, each a compensated pair: the float64
	// sum and the sum of its rounding errors (zero for integer ratings).
	Shift    []float64 `json:"shift,omitempty"`
	Min      []float64 `json:"min,omitempty"`
	Max      []float64 `json:"max,omitempty"`
	Sum      []float64 `json:"sum,omitempty"`
	SumLow   []float64 `json:"sumLow,omitempty"`
	Cross    []float64 `json:"cross,omitempty"`
	CrossLow []float64 `json:"crossLow,omitempty"`
}

// MarshalJSON encodes the accumulator's state exactly.
func (d KeyDrivers) MarshalJSON() ([]byte, error) {
	j := keyDriversJSON{Names: d.names, Drivers: d.k, N: d.n}
	if d.k > 0 {
		v := d.k + 1
		j.Shift, j.Min, j.Max = d.shift, d.lo, d.hi
		for _, x := range d.sum {
			j.Sum, j.SumLow = append(j.Sum, x.hi), append(j.SumLow, x.lo)
		}
		for i := range v {
			for _, x := range d.cross[i*v+i : (i+1)*v] {
				j.Cross, j.CrossLow = append(j.Cross, x.hi), append(j.CrossLow, x.lo)
			}
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON,
// refusing unknown fields, lengths that do not match the number of drivers,
// and sums that no set of ratings between the extremes could produce.
func (d *KeyDrivers) UnmarshalJSON(data []byte) error {
	var j keyDriversJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("key drivers", err)
	}
	v, err := j.check()
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (j keyDriversJSON) check() (KeyDrivers, error) {
	if j.Drivers < 0 || j.Drivers > MaxKeyDrivers || j.N < 0 {
		return KeyDrivers{}, invalidState("key drivers", fmt.Sprintf("%d drivers, %d respondents", j.Drivers, j.N))
	}
	if j.Names != nil {
		if _, err := NewKeyDrivers(j.Names...); err != nil || len(j.Names) != j.Drivers {
			return KeyDrivers{}, invalidState("key drivers", fmt.Sprintf("names %q for %d drivers", j.Names, j.Drivers))
		}
	}
	if j.Drivers == 0 {
		if j.N != 0 || len(j.Shift)+len(j.Min)+len(j.Max)+len(j.Sum)+len(j.SumLow)+len(j.Cross)+len(j.CrossLow) != 0 {
			return KeyDrivers{}, invalidState("key drivers", "sums without drivers")
		}
		return KeyDrivers{}, nil
	}
	v := j.Drivers + 1
	tri := v * (v + 1) / 2
	if len(j.Shift) != v || len(j.Min) != v || len(j.Max) != v || len(j.Sum) != v || len(j.SumLow) != v ||
		len(j.Cross) != tri || len(j.CrossLow) != tri {
		return KeyDrivers{}, invalidState("key drivers", fmt.Sprintf("sums, origins or extremes do not match %d drivers", j.Drivers))
	}
	d := KeyDrivers{names: j.Names}
	d.alloc(j.Drivers)
	d.n = j.N
	copy(d.shift, j.Shift)
	copy(d.lo, j.Min)
	copy(d.hi, j.Max)
	for i := range v {
		d.sum[i] = dd{j.Sum[i], j.SumLow[i]}
	}
	t := 0
	for i := range v {
		for c := i; c < v; c++ {
			d.cross[i*v+c] = dd{j.Cross[t], j.CrossLow[t]}
			t++
		}
	}
	if !finite(j.Shift...) || !finite(j.Min...) || !finite(j.Max...) || !finite(j.Sum...) || !finite(j.SumLow...) ||
		!finite(j.Cross...) || !finite(j.CrossLow...) {
		return KeyDrivers{}, invalidState("key drivers", "a value is not finite")
	}
	if !d.consistent() {
		return KeyDrivers{}, invalidState("key drivers", fmt.Sprintf("sums inconsistent with %d respondents between the extremes", j.N))
	}
	return d, nil
}

// consistent reports whether d's sums could come from d.n ratings between
// the extremes: empty sums for no respondent; otherwise origins within the
// extremes, sums of deviations within n·(extremes − origin), centred
// variances between 0 and n·range², and correlations within [−1, 1] (each up
// to rounding).
func (d *KeyDrivers) consistent() bool {
	v := d.k + 1
	if d.n == 0 {
		for i := range v {
			if d.shift[i] != 0 || d.lo[i] != 0 || d.hi[i] != 0 || d.sum[i] != (dd{}) {
				return false
			}
			for c := i; c < v; c++ {
				if d.cross[i*v+c] != (dd{}) {
					return false
				}
			}
		}
		return true
	}
	n := float64(d.n)
	for i := range v {
		if !(d.lo[i] <= d.shift[i] && d.shift[i] <= d.hi[i]) || !inRange(d.sum[i].hi, n, d.lo[i]-d.shift[i], d.hi[i]-d.shift[i]) {
			return false
		}
	}
	s, _ := d.moments()
	for i := range v {
		r := d.hi[i] - d.lo[i]
		sii := s[i*v+i].float()
		if !(sii >= -1e-9*n*r*r && sii <= n*r*r*(1+1e-9)) {
			return false
		}
		for c := i + 1; c < v; c++ {
			sij, scc := s[i*v+c].float(), s[c*v+c].float()
			if !(sij*sij <= math.Max(sii*scc, 0)*(1+1e-9)+1e-9*n*n) {
				return false
			}
		}
	}
	return true
}

// MarshalJSON encodes the accumulator's state: that of its [KeyDrivers].
func (d Drivers) MarshalJSON() ([]byte, error) { return d.kd.MarshalJSON() }

// UnmarshalJSON decodes and validates a state written by MarshalJSON: an
// empty [KeyDrivers] state or one of the three drivers product, price and
// service.
func (d *Drivers) UnmarshalJSON(data []byte) error {
	var kd KeyDrivers
	if err := kd.UnmarshalJSON(data); err != nil {
		return fmt.Errorf("scorecard: drivers: %w", err)
	}
	if kd.k != 0 && !slices.Equal(kd.names, driverNames) {
		return invalidState("drivers", fmt.Sprintf("drivers %q, want %q", kd.Names(), driverNames))
	}
	d.kd = kd
	return nil
}

// ---- Alpha

type alphaJSON struct {
	Policy  MissingPolicy `json:"policy"`
	Items   int           `json:"items"`
	Rows    int64         `json:"rows"`
	Dropped int64         `json:"dropped"`
	// Shift is the origin of the sums; Min and Max each item's extremes.
	Shift    []float64 `json:"shift,omitempty"`
	Min      []float64 `json:"min,omitempty"`
	Max      []float64 `json:"max,omitempty"`
	TotalMin float64   `json:"totalMin,omitempty"`
	TotalMax float64   `json:"totalMax,omitempty"`
	Sum      []float64 `json:"sum,omitempty"`
	Cross    []float64 `json:"cross,omitempty"`
	PairN    []float64 `json:"pairN,omitempty"`
	PairSX   []float64 `json:"pairSX,omitempty"`
	PairSY   []float64 `json:"pairSY,omitempty"`
	PairSXX  []float64 `json:"pairSXX,omitempty"`
	PairSYY  []float64 `json:"pairSYY,omitempty"`
	PairSXY  []float64 `json:"pairSXY,omitempty"`
}

// MarshalJSON encodes the whole state: counts, origins, extremes, sums and
// cross-products.
func (a Alpha) MarshalJSON() ([]byte, error) {
	return json.Marshal(alphaJSON{a.policy, a.k, a.rows, a.dropped, a.shift, a.lo, a.hi, a.totLo, a.totHi,
		a.sum, a.cross, a.pn, a.psx, a.psy, a.psxx, a.psyy, a.psxy})
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON.
func (a *Alpha) UnmarshalJSON(data []byte) error {
	var j alphaJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("alpha", err)
	}
	if !j.Policy.IsValid() || j.Items < 0 || j.Items == 1 || j.Items > maxAlphaItems || j.Rows < 0 || j.Dropped < 0 {
		return invalidState("alpha", fmt.Sprintf("policy %d, %d items, %d rows, %d dropped", j.Policy, j.Items, j.Rows, j.Dropped))
	}
	v := Alpha{policy: j.Policy}
	if j.Items == 0 {
		if j.Rows != 0 || j.Dropped != 0 || len(j.Sum)+len(j.Cross)+len(j.PairN)+len(j.Shift)+len(j.Min)+len(j.Max) != 0 ||
			j.TotalMin != 0 || j.TotalMax != 0 {
			return invalidState("alpha", "sums without items")
		}
		*a = v
		return nil
	}
	k := j.Items
	// Check the lengths before allocating k² values: a short input must not
	// make the decoder allocate much more than it read.
	lengths := len(j.Shift) == k && len(j.Min) == k && len(j.Max) == k
	if j.Policy == Pairwise {
		for _, p := range [][]float64{j.PairN, j.PairSX, j.PairSY, j.PairSXX, j.PairSYY, j.PairSXY} {
			lengths = lengths && len(p) == k*k
		}
	} else {
		lengths = lengths && len(j.Sum) == k && len(j.Cross) == k*k
	}
	if !lengths {
		return invalidState("alpha", fmt.Sprintf("sums, origins or extremes do not match %d items", k))
	}
	v.alloc(k)
	fill := func(dst, src []float64, n int) bool {
		if len(src) != n || !finite(src...) {
			return false
		}
		copy(dst, src)
		return true
	}
	ok := fill(v.shift, j.Shift, k) && fill(v.lo, j.Min, k) && fill(v.hi, j.Max, k) && finite(j.TotalMin, j.TotalMax)
	for i := 0; ok && i < k; i++ {
		ok = v.lo[i] <= v.hi[i]
	}
	if j.Policy == Pairwise {
		ok = ok && fill(v.pn, j.PairN, k*k) && nonNegative(j.PairN...) && fill(v.psx, j.PairSX, k*k) && fill(v.psy, j.PairSY, k*k) &&
			fill(v.psxx, j.PairSXX, k*k) && fill(v.psyy, j.PairSYY, k*k) && fill(v.psxy, j.PairSXY, k*k) &&
			j.TotalMin == 0 && j.TotalMax == 0
		for i, n := range j.PairN {
			r, c := i/k, i%k
			ok = ok && n <= float64(j.Rows) && n == math.Trunc(n) && (r <= c || n == 0) &&
				n <= j.PairN[r*k+r] && n <= j.PairN[c*k+c] && nonNegative(j.PairSXX[i], j.PairSYY[i])
		}
	} else {
		ok = ok && fill(v.sum, j.Sum, k) && fill(v.cross, j.Cross, k*k) && (j.Rows > 0 || j.TotalMin == 0 && j.TotalMax == 0) &&
			j.TotalMin <= j.TotalMax
		for i := 0; ok && i < k; i++ {
			ok = v.cross[i*k+i] >= 0
		}
	}
	if !ok {
		return invalidState("alpha", fmt.Sprintf("sums, origins or extremes do not match %d items", k))
	}
	v.rows, v.dropped = j.Rows, j.Dropped
	v.totLo, v.totHi = j.TotalMin, j.TotalMax
	*a = v
	return nil
}

// ---- Servqual

type itemSumsJSON struct {
	NE  int64   `json:"nE"`
	NP  int64   `json:"nP"`
	NG  int64   `json:"nGap"`
	WE  float64 `json:"wE"`
	WP  float64 `json:"wP"`
	WG  float64 `json:"wGap"`
	SE  float64 `json:"sumE"`
	SP  float64 `json:"sumP"`
	SPP float64 `json:"sumP2"`
	SG  float64 `json:"sumGap"`
	SGG float64 `json:"sumGap2"`
}

type weightedJSON struct {
	Sum    float64 `json:"sum"`
	Weight float64 `json:"weight"`
	N      int64   `json:"n"`
}

type servqualJSON struct {
	Instrument         *Instrument    `json:"instrument"`
	Respondents        int64          `json:"respondents"`
	Items              []itemSumsJSON `json:"items"`
	WeightedGap        weightedJSON   `json:"weightedGap"`
	WeightedPerception weightedJSON   `json:"weightedPerception"`
	ImportanceSum      Allocation     `json:"importanceSum"`
	ImportanceWeight   float64        `json:"importanceWeight"`
	ImportanceN        int64          `json:"importanceN"`
	DimensionGaps      []dimSumsJSON  `json:"dimensionGaps"`
	OverallGap         dimSumsJSON    `json:"overallGap"`
}

type dimSumsJSON struct {
	N int64 `json:"n"`
	// WeightExcess and SquaredWeightExcess are Σ(w − 1) and Σ(w² − 1) over
	// the respondents: 0 without survey weights.
	WeightExcess        float64 `json:"weightExcess,omitempty"`
	SquaredWeightExcess float64 `json:"squaredWeightExcess,omitempty"`
	Sum                 float64 `json:"sum"`
	SumSq               float64 `json:"sumSquares"`
}

func (d dimSums) json() dimSumsJSON { return dimSumsJSON{d.n, d.wx, d.w2x, d.sum, d.sumSq} }

// valid checks respondent-level gap sums of at most respondents rows, each
// gap within ±width.
func (j dimSumsJSON) valid(respondents int64, width float64) bool {
	w, w2 := float64(j.N)+j.WeightExcess, float64(j.N)+j.SquaredWeightExcess
	return j.N >= 0 && j.N <= respondents && finite(j.WeightExcess, j.SquaredWeightExcess) && nonNegative(j.SumSq) && finite(j.Sum) &&
		(j.N > 0 && w > 0 && w2 > 0 || j.N == 0 && j.WeightExcess == 0 && j.SquaredWeightExcess == 0 && j.Sum == 0 && j.SumSq == 0) &&
		inRange(j.Sum, w, -width, width) && j.SumSq <= width*width*w*(1+1e-9) && j.Sum*j.Sum <= j.SumSq*w*(1+1e-9)+1e-9
}

// MarshalJSON encodes the instrument and the sums accumulated so far.
func (s Servqual) MarshalJSON() ([]byte, error) {
	items := s.itemTotals()
	j := servqualJSON{Instrument: s.Instrument(), Respondents: s.respondents, OverallGap: s.allGap.json(),
		Items:              make([]itemSumsJSON, s.Instrument().Len()),
		WeightedGap:        weightedJSON{s.wGapSum, s.wGapW, s.wGapN},
		WeightedPerception: weightedJSON{s.wPerfSum, s.wPerfW, s.wPerfN},
		ImportanceSum:      s.impSum, ImportanceWeight: s.impW, ImportanceN: s.impN}
	for d := range s.dimGap {
		j.DimensionGaps = append(j.DimensionGaps, s.dimGap[d].json())
	}
	for i := range j.Items {
		it := items[i]
		j.Items[i] = itemSumsJSON{it.nE, it.nP, it.nG, it.wE, it.wP, it.wG, it.sE, it.sP, it.sPP, it.sG, it.sGG}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON: the
// instrument as [NewInstrument] does, and counts, weights and sums for
// consistency.
func (s *Servqual) UnmarshalJSON(data []byte) error {
	var j servqualJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("servqual", err)
	}
	if j.Instrument == nil || j.Instrument.Len() == 0 {
		return invalidState("servqual", "no instrument")
	}
	in := j.Instrument
	if len(j.Items) != in.Len() || j.Respondents < 0 {
		return invalidState("servqual", fmt.Sprintf("%d item sums for %d items, %d respondents", len(j.Items), in.Len(), j.Respondents))
	}
	v := Servqual{in: in, items: make([]itemSums, in.Len()), respondents: j.Respondents}
	lo, hi := float64(in.scale.Min), float64(in.scale.Max)
	width := hi - lo
	for i, it := range j.Items {
		ok := it.NE >= 0 && it.NP >= 0 && it.NG >= 0 && it.NE <= j.Respondents && it.NP <= j.Respondents &&
			it.NG <= it.NE && it.NG <= it.NP && nonNegative(it.WE, it.WP, it.WG, it.SPP, it.SGG) &&
			finite(it.SE, it.SP, it.SG) && (it.NE > 0) == (it.WE > 0) && (it.NP > 0) == (it.WP > 0) && (it.NG > 0) == (it.WG > 0) &&
			inRange(it.SE, it.WE, lo, hi) && inRange(it.SP, it.WP, lo, hi) && inRange(it.SG, it.WG, -width, width)
		if !ok {
			return invalidState("servqual", fmt.Sprintf("item %q: inconsistent sums", in.items[i].ID))
		}
		v.items[i] = itemSums{it.NE, it.NP, it.NG, it.WE, it.WP, it.WG, it.SE, it.SP, it.SPP, it.SG, it.SGG}
	}
	for _, w := range []weightedJSON{j.WeightedGap, j.WeightedPerception} {
		if w.N < 0 || w.N > j.Respondents || !nonNegative(w.Weight) || !finite(w.Sum) || (w.N > 0) != (w.Weight > 0) {
			return invalidState("servqual", "inconsistent weighted score sums")
		}
	}
	if j.ImportanceN < 0 || j.ImportanceN > j.Respondents || !nonNegative(j.ImportanceWeight) || !nonNegative(j.ImportanceSum[:]...) ||
		(j.ImportanceN > 0) != (j.ImportanceWeight > 0) {
		return invalidState("servqual", "inconsistent importance sums")
	}
	v.wGapSum, v.wGapW, v.wGapN = j.WeightedGap.Sum, j.WeightedGap.Weight, j.WeightedGap.N
	v.wPerfSum, v.wPerfW, v.wPerfN = j.WeightedPerception.Sum, j.WeightedPerception.Weight, j.WeightedPerception.N
	v.impSum, v.impW, v.impN = j.ImportanceSum, j.ImportanceWeight, j.ImportanceN
	if len(j.DimensionGaps) != NumDimensions || !j.OverallGap.valid(j.Respondents, width) {
		return invalidState("servqual", "respondent-level gap sums missing or inconsistent")
	}
	for d, g := range j.DimensionGaps {
		if !g.valid(j.Respondents, width) {
			return invalidState("servqual", fmt.Sprintf("respondent-level gap sums of %s inconsistent", Dimension(d+1)))
		}
		v.dimGap[d] = dimSums{g.N, g.WeightExcess, g.SquaredWeightExcess, g.Sum, g.SumSq}
	}
	o := j.OverallGap
	v.allGap = dimSums{o.N, o.WeightExcess, o.SquaredWeightExcess, o.Sum, o.SumSq}
	*s = v
	return nil
}

// inRange reports whether a weighted sum is consistent with values in
// [lo, hi] of total weight w (with a little slack for rounding).
func inRange(sum, w, lo, hi float64) bool {
	slack := 1e-9 * (1 + math.Abs(sum))
	return sum >= lo*w-slack && sum <= hi*w+slack
}

// ---- MysteryShop

type groupJSON struct {
	Key    string  `json:"key,omitempty"`
	Visits int64   `json:"visits"`
	Failed int64   `json:"failed"`
	Score  float64 `json:"scoreSum"`
}

type markCountsJSON struct {
	Pass int64 `json:"pass"`
	Fail int64 `json:"fail"`
	NA   int64 `json:"na"`
}

type mysteryJSON struct {
	Form     *Form            `json:"form"`
	Overall  groupJSON        `json:"overall"`
	Branches []groupJSON      `json:"branches"`
	Agents   []groupJSON      `json:"agents"`
	Criteria []markCountsJSON `json:"criteria"`
}

func groupsJSON(m map[string]*groupSums) []groupJSON {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]groupJSON, 0, len(keys))
	for _, k := range keys {
		g := m[k]
		out = append(out, groupJSON{k, g.visits, g.failed, g.score})
	}
	return out
}

// MarshalJSON encodes the form and the counts accumulated so far, groups
// sorted by name.
func (m MysteryShop) MarshalJSON() ([]byte, error) {
	j := mysteryJSON{Form: m.Form(), Overall: groupJSON{"", m.all.visits, m.all.failed, m.all.score},
		Branches: groupsJSON(m.branches), Agents: groupsJSON(m.agents),
		Criteria: make([]markCountsJSON, m.Form().Len())}
	for i := range j.Criteria {
		if m.criteria != nil {
			c := m.criteria[i]
			j.Criteria[i] = markCountsJSON{c.pass, c.fail, c.na}
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON.
func (m *MysteryShop) UnmarshalJSON(data []byte) error {
	var j mysteryJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("mystery shop", err)
	}
	if j.Form == nil || j.Form.Len() == 0 || len(j.Criteria) != j.Form.Len() {
		return invalidState("mystery shop", "form and criteria counts do not match")
	}
	validGroup := func(g groupJSON) bool {
		return g.Visits >= 0 && g.Failed >= 0 && g.Failed <= g.Visits && nonNegative(g.Score) && g.Score <= float64(g.Visits)*(1+1e-9)
	}
	if !validGroup(j.Overall) {
		return invalidState("mystery shop", "inconsistent overall counts")
	}
	v := MysteryShop{form: j.Form, all: groupSums{j.Overall.Visits, j.Overall.Failed, j.Overall.Score},
		branches: map[string]*groupSums{}, agents: map[string]*groupSums{}, criteria: make([]markCounts, j.Form.Len())}
	for _, set := range []struct {
		src []groupJSON
		dst map[string]*groupSums
	}{{j.Branches, v.branches}, {j.Agents, v.agents}} {
		var visits int64
		for _, g := range set.src {
			if _, dup := set.dst[g.Key]; dup || !validGroup(g) {
				return invalidState("mystery shop", fmt.Sprintf("group %q duplicate or inconsistent", g.Key))
			}
			set.dst[g.Key] = &groupSums{g.Visits, g.Failed, g.Score}
			visits += g.Visits
		}
		if visits != j.Overall.Visits {
			return invalidState("mystery shop", fmt.Sprintf("groups hold %d visits, overall %d", visits, j.Overall.Visits))
		}
	}
	for i, c := range j.Criteria {
		if c.Pass < 0 || c.Fail < 0 || c.NA < 0 || c.Pass+c.Fail+c.NA != j.Overall.Visits {
			return invalidState("mystery shop", fmt.Sprintf("criterion %d: marks do not add up to the visits", i+1))
		}
		v.criteria[i] = markCounts{c.Pass, c.Fail, c.NA}
	}
	*m = v
	return nil
}

// ---- CardSurvey

type cardSurveyJSON struct {
	Scale         Scale    `json:"scale"`
	Attributes    []string `json:"attributes"`
	Providers     []string `json:"providers"`
	Sum           []int64  `json:"sum"`
	N             []int64  `json:"n"`
	SumSquares    []int64  `json:"sumSquares"`
	PairN         []int64  `json:"pairN"`
	PairSumA      []int64  `json:"pairSumA"`
	PairSumB      []int64  `json:"pairSumB"`
	PairCross     []int64  `json:"pairCross"`
	ImportanceSum []int64  `json:"importanceSum"`
	ImportanceN   []int64  `json:"importanceN"`
	Respondents   int64    `json:"respondents"`
}

// MarshalJSON encodes the survey definition and its integer sums.
func (c CardSurvey) MarshalJSON() ([]byte, error) {
	return json.Marshal(cardSurveyJSON{c.scale, c.attrs, c.providers, c.sum, c.n, c.sumSq, c.pairN, c.pairA, c.pairB, c.pairAB,
		c.impSum, c.impN, c.respondents})
}

// UnmarshalJSON decodes and validates a state written by MarshalJSON.
func (c *CardSurvey) UnmarshalJSON(data []byte) error {
	var j cardSurveyJSON
	if err := strictJSON(data, &j); err != nil {
		return decodeErr("card survey", err)
	}
	v, err := NewCardSurvey(j.Scale, j.Attributes, j.Providers)
	if err != nil {
		return err
	}
	na, np := len(j.Attributes), len(j.Providers)
	if len(j.Sum) != na*np || len(j.N) != na*np || len(j.ImportanceSum) != na || len(j.ImportanceN) != na ||
		j.Respondents < 0 || j.Respondents > 1<<50 {
		return invalidState("card survey", "sums do not match the attributes and providers")
	}
	check := func(sum, n []int64) bool {
		for i := range sum {
			if n[i] < 0 || n[i] > j.Respondents || sum[i] < int64(j.Scale.Min)*n[i] || sum[i] > int64(j.Scale.Max)*n[i] {
				return false
			}
		}
		return true
	}
	if !check(j.Sum, j.N) || !check(j.ImportanceSum, j.ImportanceN) {
		return invalidState("card survey", "sums outside the scale")
	}
	if len(j.SumSquares) != na*np {
		return invalidState("card survey", "sums of squares do not match the attributes and providers")
	}
	lo, hi := int64(j.Scale.Min), int64(j.Scale.Max)
	top := max(lo*lo, hi*hi)
	for i, sq := range j.SumSquares {
		// Σx² ≥ (Σx)²/n (Cauchy–Schwarz) and ≤ n·max x², and Σx² ≥ 0.
		n, sum := j.N[i], j.Sum[i]
		if sq < 0 || sq > top*n || (n > 0 && float64(sq)*float64(n) < float64(sum)*float64(sum)*(1-1e-12)) || (n == 0 && sq != 0) {
			return invalidState("card survey", fmt.Sprintf("sum of squares %d inconsistent with %d ratings summing to %d", sq, n, sum))
		}
	}
	copy(v.sum, j.Sum)
	copy(v.n, j.N)
	copy(v.sumSq, j.SumSquares)
	if err := checkCardPairs(j); err != nil {
		return err
	}
	copy(v.pairN, j.PairN)
	copy(v.pairA, j.PairSumA)
	copy(v.pairB, j.PairSumB)
	copy(v.pairAB, j.PairCross)
	copy(v.impSum, j.ImportanceSum)
	copy(v.impN, j.ImportanceN)
	v.respondents = j.Respondents
	*c = *v
	return nil
}

// checkCardPairs validates a card survey's pair sums: only a < b, counts
// within both attributes' counts, sums and products within the scale.
func checkCardPairs(j cardSurveyJSON) error {
	na, np := len(j.Attributes), len(j.Providers)
	size := np * na * na
	if len(j.PairN) != size || len(j.PairSumA) != size || len(j.PairSumB) != size || len(j.PairCross) != size {
		return invalidState("card survey", "pair sums do not match the attributes and providers")
	}
	lo, hi := int64(j.Scale.Min), int64(j.Scale.Max)
	top := max(lo*lo, hi*hi)
	for k, n := range j.PairN {
		p, a, b := k/(na*na), (k/na)%na, k%na
		ok := n >= 0 && (a < b || n == 0 && j.PairSumA[k] == 0 && j.PairSumB[k] == 0 && j.PairCross[k] == 0)
		if ok && a < b {
			ok = n <= j.N[p*na+a] && n <= j.N[p*na+b] &&
				j.PairSumA[k] >= lo*n && j.PairSumA[k] <= hi*n && j.PairSumB[k] >= lo*n && j.PairSumB[k] <= hi*n &&
				j.PairCross[k] >= -top*n && j.PairCross[k] <= top*n
		}
		if !ok {
			return invalidState("card survey", fmt.Sprintf("pair sums of provider %d, attributes %d and %d inconsistent", p+1, a+1, b+1))
		}
	}
	return nil
}
