package typology

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Segment names a group of customers for marketing and service (segmento).
type Segment string

// The segments of [DefaultSegmentation], a common R×F grid of RFM practice.
const (
	Champions          Segment = "Champions"           // campeones: bought recently, buy often
	LoyalCustomers     Segment = "Loyal"               // leales: buy often, fairly recently
	PotentialLoyalists Segment = "Potential Loyalists" // potenciales leales: recent, a few purchases
	NewCustomers       Segment = "New Customers"       // nuevos: very recent, one or two purchases
	Promising          Segment = "Promising"           // prometedores: recent, few purchases
	NeedAttention      Segment = "Need Attention"      // requieren atención: middle on both
	AboutToSleep       Segment = "About to Sleep"      // por dormirse: fading, few purchases
	AtRisk             Segment = "At Risk"             // en riesgo: bought often, not lately
	CantLoseThem       Segment = "Can't Lose Them"     // no podemos perderlos: bought most often, long ago
	Hibernating        Segment = "Hibernating"         // hibernando: long ago, seldom
)

// segmentES holds the Spanish names of the default segments.
var segmentES = map[Segment]string{
	Champions: "Campeones", LoyalCustomers: "Leales", PotentialLoyalists: "Potenciales leales",
	NewCustomers: "Clientes nuevos", Promising: "Prometedores", NeedAttention: "Requieren atención",
	AboutToSleep: "Por dormirse", AtRisk: "En riesgo", CantLoseThem: "No podemos perderlos", Hibernating: "Hibernando",
}

// In returns the segment's name in l: the Spanish name of a segment of
// [DefaultSegmentation] ("Campeones", "En riesgo", …) for [Spanish], and
// the segment itself otherwise and for segments a user named.
func (s Segment) In(l Language) string {
	if l == Spanish {
		if es, ok := segmentES[s]; ok {
			return es
		}
	}
	return string(s)
}

// ScoreRange is an inclusive range of RFM scores; the zero value means any
// score (1–5).
type ScoreRange struct {
	Min, Max int `json:",omitempty"`
}

func (r ScoreRange) bounds() (int, int) {
	if r == (ScoreRange{}) {
		return 1, 5
	}
	return r.Min, r.Max
}

func (r ScoreRange) has(s int) bool { lo, hi := r.bounds(); return s >= lo && s <= hi }

// SegmentRule puts the customers whose scores fall in R, F and M (and whose
// profile data satisfies Where) in Segment.
type SegmentRule struct {
	Segment Segment
	R, F, M ScoreRange `json:",omitzero"`
	// Where restricts the rule to customers whose profile data match; such a
	// rule refines the unconditional rules (see [NewSegmentation]).
	Where Condition `json:",omitzero"`
}

// Segmentation assigns an RFM segment to every combination of scores. Build it
// with [NewSegmentation]; it is immutable and safe for concurrent use.
type Segmentation struct {
	rules       []SegmentRule
	conditional []int       // indices of rules with a Where, in order
	cell        [125]uint16 // (r-1)*25+(f-1)*5+(m-1) → index of the unconditional rule
}

// NewSegmentation validates user-defined segment rules. The rules without a
// Where condition must cover each of the 125 R×F×M cells exactly once (so
// every customer gets exactly one segment and no rule is shadowed); rules with
// a Where condition are tried first, in order, and the first that matches a
// customer wins. Every problem is reported, joined, wrapping
// [ErrInvalidConfig].
func NewSegmentation(rules []SegmentRule) (*Segmentation, error) {
	s := &Segmentation{rules: append([]SegmentRule(nil), rules...)}
	var errs []error
	var owner [125]int
	for i := range owner {
		owner[i] = -1
	}
	if len(rules) > 1<<15 {
		return nil, fmt.Errorf("typology: segmentation: %d rules: too many: %w", len(rules), ErrInvalidConfig)
	}
	for i, r := range rules {
		if strings.TrimSpace(string(r.Segment)) == "" {
			errs = append(errs, fmt.Errorf("typology: segment rule %d: empty segment name: %w", i, ErrInvalidConfig))
		}
		ok := true
		for _, sr := range []struct {
			name string
			r    ScoreRange
		}{{"R", r.R}, {"F", r.F}, {"M", r.M}} {
			lo, hi := sr.r.bounds()
			if lo < 1 || hi > 5 || lo > hi {
				errs = append(errs, fmt.Errorf("typology: segment rule %d (%s): %s range %d–%d: want 1 ≤ min ≤ max ≤ 5: %w", i, r.Segment, sr.name, lo, hi, ErrInvalidConfig))
				ok = false
			}
		}
		if !ok {
			continue
		}
		if !r.Where.IsZero() {
			s.conditional = append(s.conditional, i)
			continue
		}
		for c := range owner {
			rr, ff, mm := c/25+1, c/5%5+1, c%5+1
			if !r.R.has(rr) || !r.F.has(ff) || !r.M.has(mm) {
				continue
			}
			if owner[c] >= 0 {
				if len(errs) < maxReported {
					errs = append(errs, fmt.Errorf("typology: segment rule %d (%s): cell R%d F%d M%d already covered by rule %d (%s): %w",
						i, r.Segment, rr, ff, mm, owner[c], rules[owner[c]].Segment, ErrInvalidConfig))
				}
				continue
			}
			owner[c] = i
			s.cell[c] = uint16(i)
		}
	}
	for c, o := range owner {
		if o < 0 && len(errs) < maxReported {
			errs = append(errs, fmt.Errorf("typology: segmentation: cell R%d F%d M%d not covered by any rule without a condition: %w",
				c/25+1, c/5%5+1, c%5+1, ErrInvalidConfig))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// DefaultSegmentation returns the R×F grid (M is not used), which covers each
// of the 25 R×F cells exactly once:
//
//	      F=1            F=2               F=3               F=4              F=5
//	R=5   New Customers  Potential Loyal.  Potential Loyal.  Champions        Champions
//	R=4   Promising      Potential Loyal.  Potential Loyal.  Loyal            Loyal
//	R=3   About to Sleep About to Sleep    Need Attention    Loyal            Loyal
//	R=2   Hibernating    Hibernating       At Risk           At Risk          Can't Lose Them
//	R=1   Hibernating    Hibernating       At Risk           At Risk          Can't Lose Them
func DefaultSegmentation() *Segmentation {
	s, err := NewSegmentation(DefaultSegmentRules())
	if err != nil {
		panic(err) // the literal rules below are tested
	}
	return s
}

// DefaultSegmentRules returns the rules of [DefaultSegmentation], to extend or
// adapt.
func DefaultSegmentRules() []SegmentRule {
	rg := func(lo, hi int) ScoreRange { return ScoreRange{Min: lo, Max: hi} }
	return []SegmentRule{
		{Segment: Champions, R: rg(5, 5), F: rg(4, 5)},
		{Segment: LoyalCustomers, R: rg(3, 4), F: rg(4, 5)},
		{Segment: PotentialLoyalists, R: rg(4, 5), F: rg(2, 3)},
		{Segment: NewCustomers, R: rg(5, 5), F: rg(1, 1)},
		{Segment: Promising, R: rg(4, 4), F: rg(1, 1)},
		{Segment: NeedAttention, R: rg(3, 3), F: rg(3, 3)},
		{Segment: AboutToSleep, R: rg(3, 3), F: rg(1, 2)},
		{Segment: AtRisk, R: rg(1, 2), F: rg(3, 4)},
		{Segment: CantLoseThem, R: rg(1, 2), F: rg(5, 5)},
		{Segment: Hibernating, R: rg(1, 2), F: rg(1, 2)},
	}
}

// Rules returns a copy of the rules.
func (s *Segmentation) Rules() []SegmentRule { return append([]SegmentRule(nil), s.rules...) }

// index returns the index of the rule for scores r, f, m (each 1–5) and data.
func (s *Segmentation) index(r, f, m int, d *CustomerData) int {
	for _, i := range s.conditional {
		rule := &s.rules[i]
		if rule.R.has(r) && rule.F.has(f) && rule.M.has(m) && rule.Where.Matches(d) {
			return i
		}
	}
	return int(s.cell[(r-1)*25+(f-1)*5+(m-1)])
}

// Assign returns the segment of scores r, f and m (each 1–5) for a customer
// with profile data d (nil: none), or an error wrapping [ErrInvalidConfig]
// for a score out of range.
func (s *Segmentation) Assign(r, f, m int, d *CustomerData) (Segment, error) {
	for _, v := range []int{r, f, m} {
		if v < 1 || v > 5 {
			return "", fmt.Errorf("typology: segment of scores %d%d%d: scores must be 1–5: %w", r, f, m, ErrInvalidConfig)
		}
	}
	return s.rules[s.index(r, f, m, d)].Segment, nil
}

// MarshalJSON writes the rules as a JSON array.
func (s *Segmentation) MarshalJSON() ([]byte, error) { return json.Marshal(s.rules) }

// UnmarshalJSON reads a JSON array of rules and validates it with
// [NewSegmentation]; on error s is unchanged.
func (s *Segmentation) UnmarshalJSON(data []byte) error {
	var rules []SegmentRule
	if err := json.Unmarshal(data, &rules); err != nil {
		return fmt.Errorf("typology: segmentation: %v: %w", err, ErrInvalidConfig)
	}
	n, err := NewSegmentation(rules)
	if err != nil {
		return err
	}
	*s = *n
	return nil
}
