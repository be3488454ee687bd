package typology

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
)

// This file holds the JSON encodings of the package's accumulators
// ([SegmentTally], [RFMSketch]) and of [RFMBoundaries], so a distributed
// engine can ship partial results between workers and merge them. Each
// encoding holds the whole state, exactly (amounts as decimal text); every
// decoder refuses unknown fields and inconsistent states with an error
// wrapping [ErrInvalidValue] and leaves the receiver unchanged on error.

// decodeStrict decodes data into v refusing unknown fields and trailing
// data.
func decodeStrict(what string, data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("typology: %s JSON: %v: %w", what, err, ErrInvalidValue)
	}
	if dec.More() {
		return fmt.Errorf("typology: %s JSON: trailing data: %w", what, ErrInvalidValue)
	}
	return nil
}

func invalidJSON(what, format string, args ...any) error {
	return fmt.Errorf("typology: %s JSON: %s: %w", what, fmt.Sprintf(format, args...), ErrInvalidValue)
}

func checkCurrencyCode(what, c string) error {
	if _, err := servuction.NewMoney(decimal.Zero, c); err != nil {
		return invalidJSON(what, "currency %q: want three upper-case letters", c)
	}
	return nil
}

// ---- SegmentTally

type tallyJSON struct {
	Currency        string             `json:"currency,omitempty"`
	WithoutCurrency bool               `json:"withoutCurrency,omitempty"`
	Segments        []tallySegmentJSON `json:"segments"`
}

type tallySegmentJSON struct {
	Segment   Segment          `json:"segment"`
	Customers int              `json:"customers"`
	Revenue   servuction.Money `json:"revenue"`
	Margin    servuction.Money `json:"margin"`
}

// MarshalJSON encodes the whole tally: its currency state and every
// segment's customers, revenue and margin (exact decimals), sorted by
// segment name.
func (t *SegmentTally) MarshalJSON() ([]byte, error) {
	j := tallyJSON{Currency: t.currency, WithoutCurrency: t.bare, Segments: []tallySegmentJSON{}}
	for _, s := range t.Result() {
		j.Segments = append(j.Segments, tallySegmentJSON(s))
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes a tally written by MarshalJSON and checks it: unique
// non-empty segment names in order, at least one customer each, revenue ≥ 0,
// amounts in the tally's currency (or zero without one), and amounts
// without currency only where the state says so.
func (t *SegmentTally) UnmarshalJSON(data []byte) error {
	const what = "segment tally"
	var j tallyJSON
	if err := decodeStrict(what, data, &j); err != nil {
		return err
	}
	if err := checkCurrencyCode(what, j.Currency); err != nil {
		return err
	}
	if j.WithoutCurrency && j.Currency != "" {
		return invalidJSON(what, "amounts with and without currency %s", j.Currency)
	}
	okMoney := func(m servuction.Money) bool {
		if m.Currency != "" {
			return m.Currency == j.Currency
		}
		return m.IsZero() || j.WithoutCurrency
	}
	n := SegmentTally{currency: j.Currency, bare: j.WithoutCurrency}
	for i, s := range j.Segments {
		switch {
		case s.Segment == "":
			return invalidJSON(what, "segment %d: empty name", i)
		case i > 0 && s.Segment <= j.Segments[i-1].Segment:
			return invalidJSON(what, "segment %d %q: not after %q (names sorted, each once)", i, s.Segment, j.Segments[i-1].Segment)
		case s.Customers < 1:
			return invalidJSON(what, "segment %q: %d customers", s.Segment, s.Customers)
		case s.Revenue.Sign() < 0:
			return invalidJSON(what, "segment %q: revenue %s is negative", s.Segment, s.Revenue)
		case !okMoney(s.Revenue) || !okMoney(s.Margin):
			return invalidJSON(what, "segment %q: revenue %s, margin %s: not in the tally's currency %q", s.Segment, s.Revenue, s.Margin, j.Currency)
		}
		n.add(SegmentStats(s))
	}
	*t = n
	return nil
}

// ---- RFMSketch

type countJSON struct {
	Value     int64 `json:"value"`
	Customers int64 `json:"customers"`
}

type amountCountJSON struct {
	Amount    decimal.Decimal `json:"amount"`
	Customers int64           `json:"customers"`
}

type rfmSketchJSON struct {
	Customers   int64             `json:"customers"`
	Currency    string            `json:"currency,omitempty"`
	RecencyDays []countJSON       `json:"recencyDays"`
	Frequency   []countJSON       `json:"frequency"`
	Monetary    []amountCountJSON `json:"monetary"`
}

// MarshalJSON encodes the whole sketch: the number of customers, the
// currency, and the customers per recency in whole days (−1 never bought),
// per frequency and per amount bucket (its lower bound, e.g. "22.3"), each
// list in increasing order.
func (s *RFMSketch) MarshalJSON() ([]byte, error) {
	j := rfmSketchJSON{Customers: s.n, Currency: s.currency,
		RecencyDays: []countJSON{}, Frequency: []countJSON{}, Monetary: []amountCountJSON{}}
	for _, h := range sortedCounts(s.recency) {
		j.RecencyDays = append(j.RecencyDays, countJSON{h[0], h[1]})
	}
	for _, h := range sortedCounts(s.frequency) {
		j.Frequency = append(j.Frequency, countJSON{h[0], h[1]})
	}
	for _, h := range sortedCounts(s.monetary) {
		j.Monetary = append(j.Monetary, amountCountJSON{keyAmount(h[0]), h[1]})
	}
	return json.Marshal(j)
}

// counts checks one list of a sketch: values in increasing order and at
// least min, counts ≥ 1 summing to n.
func counts(what, list string, vals []int64, cs []int64, lo, n int64) (map[int64]int64, error) {
	m := make(map[int64]int64, len(vals))
	var sum int64
	for i, v := range vals {
		switch {
		case v < lo:
			return nil, invalidJSON(what, "%s value %d below %d", list, v, lo)
		case i > 0 && v <= vals[i-1]:
			return nil, invalidJSON(what, "%s value %d not after %d (values increasing, each once)", list, v, vals[i-1])
		case cs[i] < 1 || cs[i] > n-sum:
			return nil, invalidJSON(what, "%s value %d: %d customers (of %d, %d counted before)", list, v, cs[i], n, sum)
		}
		sum += cs[i]
		m[v] = cs[i]
	}
	if sum != n {
		return nil, invalidJSON(what, "%s counts %d customers, want %d", list, sum, n)
	}
	return m, nil
}

// UnmarshalJSON decodes a sketch written by MarshalJSON and checks that
// each list is in increasing order, counts every customer once, and holds
// valid values (days ≥ −1, frequencies ≥ 0, amounts that are bucket lower
// bounds: at most three significant digits, exponent within ±40).
func (s *RFMSketch) UnmarshalJSON(data []byte) error {
	const what = "RFM sketch"
	var j rfmSketchJSON
	if err := decodeStrict(what, data, &j); err != nil {
		return err
	}
	if err := checkCurrencyCode(what, j.Currency); err != nil {
		return err
	}
	if j.Customers < 0 || (j.Customers == 0 && j.Currency != "") {
		return invalidJSON(what, "%d customers in currency %q", j.Customers, j.Currency)
	}
	split := func(l []countJSON) ([]int64, []int64) {
		vs, cs := make([]int64, len(l)), make([]int64, len(l))
		for i, c := range l {
			vs[i], cs[i] = c.Value, c.Customers
		}
		return vs, cs
	}
	n := RFMSketch{n: j.Customers, currency: j.Currency}
	var err error
	vs, cs := split(j.RecencyDays)
	if n.recency, err = counts(what, "recencyDays", vs, cs, -1, j.Customers); err != nil {
		return err
	}
	vs, cs = split(j.Frequency)
	if n.frequency, err = counts(what, "frequency", vs, cs, 0, j.Customers); err != nil {
		return err
	}
	vs, cs = make([]int64, len(j.Monetary)), make([]int64, len(j.Monetary))
	for i, a := range j.Monetary {
		if a.Amount.Sign() < 0 || (!a.Amount.IsZero() && (a.Amount.Exponent() < -maxAmountExponent-3 || a.Amount.Exponent() > maxAmountExponent+3)) {
			return invalidJSON(what, "monetary amount %d out of range", i)
		}
		k := amountKey(a.Amount)
		if !keyAmount(k).Equal(a.Amount) {
			return invalidJSON(what, "monetary amount %s is not a bucket lower bound (three significant digits)", a.Amount)
		}
		vs[i], cs[i] = k, a.Customers
	}
	if n.monetary, err = counts(what, "monetary", vs, cs, 0, j.Customers); err != nil {
		return err
	}
	if n.n == 0 {
		n.recency, n.frequency, n.monetary = nil, nil, nil
	}
	*s = n
	return nil
}

// ---- RFMBoundaries

type rfmBoundariesJSON struct {
	Customers         int64               `json:"customers"`
	Currency          string              `json:"currency,omitempty"`
	RecencyDays       [4]*int64           `json:"recencyDays"`
	Frequency         [4]*int64           `json:"frequency"`
	Monetary          [4]*decimal.Decimal `json:"monetary"`
	MonetaryRankError int64               `json:"monetaryRankError"`
}

// MarshalJSON encodes the boundaries: for scores 2–5 the most days since
// the last purchase (−1: even never bought), the least frequency and the
// least amount that earn the score, null where no customer does.
func (b RFMBoundaries) MarshalJSON() ([]byte, error) {
	j := rfmBoundariesJSON{Customers: b.customers, Currency: b.currency, MonetaryRankError: b.monetaryRankError}
	days, okD := b.RecencyDays()
	freq, okF := b.Frequency()
	for i := range 4 {
		if okD[i] {
			j.RecencyDays[i] = &days[i]
		}
		if okF[i] {
			j.Frequency[i] = &freq[i]
		}
		if c := b.cuts[2][i]; c != math.MaxInt64 {
			a := keyAmount(c)
			j.Monetary[i] = &a
		}
	}
	return json.Marshal(j)
}

// UnmarshalJSON decodes boundaries written by MarshalJSON and checks them:
// each dimension's boundaries in order of score (recency days falling,
// frequency and amounts rising; null only after the last score reached),
// valid values, and a rank error below the number of customers.
func (b *RFMBoundaries) UnmarshalJSON(data []byte) error {
	const what = "RFM boundaries"
	var j rfmBoundariesJSON
	if err := decodeStrict(what, data, &j); err != nil {
		return err
	}
	if err := checkCurrencyCode(what, j.Currency); err != nil {
		return err
	}
	if j.Customers < 0 || j.MonetaryRankError < 0 || (j.Customers > 0 && j.MonetaryRankError >= j.Customers) || (j.Customers == 0 && j.MonetaryRankError != 0) {
		return invalidJSON(what, "%d customers, monetary rank error %d", j.Customers, j.MonetaryRankError)
	}
	n := RFMBoundaries{customers: j.Customers, currency: j.Currency, monetaryRankError: j.MonetaryRankError}
	var errs []error
	for i := range 4 {
		n.cuts[0][i], n.cuts[1][i], n.cuts[2][i] = math.MaxInt64, math.MaxInt64, math.MaxInt64
		if d := j.RecencyDays[i]; d != nil {
			if *d < -1 {
				errs = append(errs, invalidJSON(what, "recency days %d below −1", *d))
			}
			n.cuts[0][i] = recencySortKey(*d)
		}
		if f := j.Frequency[i]; f != nil {
			if *f < 0 || *f == math.MaxInt64 {
				errs = append(errs, invalidJSON(what, "frequency %d out of range", *f))
			}
			n.cuts[1][i] = *f
		}
		if a := j.Monetary[i]; a != nil {
			k := amountKey(*a)
			if a.Sign() < 0 || (!a.IsZero() && (a.Exponent() < -maxAmountExponent-3 || a.Exponent() > maxAmountExponent+3)) || !keyAmount(k).Equal(*a) {
				errs = append(errs, invalidJSON(what, "monetary boundary %d is not a bucket lower bound", i+2))
			}
			n.cuts[2][i] = k
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for d, name := range []string{"recencyDays", "frequency", "monetary"} {
		c := n.cuts[d]
		if j.Customers == 0 && c[0] != math.MaxInt64 {
			return invalidJSON(what, "%s boundaries without customers", name)
		}
		for i := 1; i < 4; i++ {
			if c[i] < c[i-1] {
				return invalidJSON(what, "%s boundary of score %d comes before that of score %d", name, i+2, i+1)
			}
		}
	}
	*b = n
	return nil
}

// ---- fitted models

type bgnbdJSON struct {
	R     float64 `json:"r"`
	Alpha float64 `json:"alpha"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
}

// MarshalJSON writes the parameters as {"r":…,"alpha":…,"a":…,"b":…}, so a
// fitted model can be stored and read back exactly (shortest decimal text
// that reads back to the same float64).
func (m BGNBD) MarshalJSON() ([]byte, error) { return json.Marshal(bgnbdJSON(m)) }

// UnmarshalJSON reads what MarshalJSON writes, every parameter required,
// and validates the model ([BGNBD.Validate]); on error m is unchanged.
func (m *BGNBD) UnmarshalJSON(data []byte) error {
	var j struct {
		R     *float64 `json:"r"`
		Alpha *float64 `json:"alpha"`
		A     *float64 `json:"a"`
		B     *float64 `json:"b"`
	}
	if err := decodeStrict("BG/NBD", data, &j); err != nil {
		return err
	}
	if j.R == nil || j.Alpha == nil || j.A == nil || j.B == nil {
		return invalidJSON("BG/NBD", "want every parameter: r, alpha, a and b")
	}
	n := BGNBD{R: *j.R, Alpha: *j.Alpha, A: *j.A, B: *j.B}
	if err := n.Validate(); err != nil {
		return fmt.Errorf("typology: BG/NBD JSON: %w: %w", err, ErrInvalidValue)
	}
	*m = n
	return nil
}

type gammaGammaJSON struct {
	P     float64 `json:"p"`
	Q     float64 `json:"q"`
	Gamma float64 `json:"gamma"`
}

// MarshalJSON writes the parameters as {"p":…,"q":…,"gamma":…}, exactly.
func (m GammaGamma) MarshalJSON() ([]byte, error) { return json.Marshal(gammaGammaJSON(m)) }

// UnmarshalJSON reads what MarshalJSON writes, every parameter required,
// and validates the model ([GammaGamma.Validate]); on error m is unchanged.
func (m *GammaGamma) UnmarshalJSON(data []byte) error {
	var j struct {
		P     *float64 `json:"p"`
		Q     *float64 `json:"q"`
		Gamma *float64 `json:"gamma"`
	}
	if err := decodeStrict("Gamma-Gamma", data, &j); err != nil {
		return err
	}
	if j.P == nil || j.Q == nil || j.Gamma == nil {
		return invalidJSON("Gamma-Gamma", "want every parameter: p, q and gamma")
	}
	n := GammaGamma{P: *j.P, Q: *j.Q, Gamma: *j.Gamma}
	if err := n.Validate(); err != nil {
		return fmt.Errorf("typology: Gamma-Gamma JSON: %w: %w", err, ErrInvalidValue)
	}
	*m = n
	return nil
}
