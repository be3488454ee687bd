package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
)

// Item is one question of an [Instrument].
type Item struct {
	ID          string      `json:"id"`                    // unique within the instrument, e.g. "1" (CSV columns E1, P1)
	Label       string      `json:"label"`                 // the statement the respondent rates
	Dimension   Dimension   `json:"dimension"`             // SERVQUAL dimension; required
	Determinant Determinant `json:"determinant,omitempty"` // optional: which of the ten factors it probes
	Reverse     bool        `json:"reverse,omitempty"`     // reverse-keyed: scored as Min+Max−v
}

// Instrument is a questionnaire: a rating scale and items, each mapped to a
// SERVQUAL dimension. The item → dimension map is data: [DefaultServqual]
// ships the standard 22-item instrument and [NewInstrument] builds others. An
// Instrument is immutable and safe for concurrent use.
type Instrument struct {
	name  string
	scale Scale
	items []Item
	dims  [NumDimensions]int // number of items per dimension
	fast  *servqualTable     // Servqual.Add's lookup table; nil for scales wider than 15
}

// NewInstrument validates and returns an instrument. Every problem is
// reported at once (errors.Join), each wrapping [ErrInvalidInstrument] or
// [ErrInvalidScale]: no items, an empty or duplicate ID, an item with no or an
// undefined dimension or determinant.
func NewInstrument(name string, scale Scale, items []Item) (*Instrument, error) {
	var errs []error
	if err := scale.Validate(); err != nil {
		errs = append(errs, err)
	}
	if len(items) == 0 {
		errs = append(errs, fmt.Errorf("scorecard: instrument %q: no items: %w", name, ErrInvalidInstrument))
	}
	in := &Instrument{name: name, scale: scale, items: append([]Item(nil), items...)}
	seen := make(map[string]bool, len(items))
	for i, it := range items {
		switch {
		case it.ID == "":
			errs = append(errs, fmt.Errorf("scorecard: instrument %q: item %d: empty ID: %w", name, i+1, ErrInvalidInstrument))
		case seen[it.ID]:
			errs = append(errs, fmt.Errorf("scorecard: instrument %q: item %d: duplicate ID %q: %w", name, i+1, it.ID, ErrInvalidInstrument))
		}
		seen[it.ID] = true
		if it.Dimension == DimensionUnknown || !it.Dimension.IsValid() {
			errs = append(errs, fmt.Errorf("scorecard: instrument %q: item %q: dimension %s: belongs to no SERVQUAL dimension: %w",
				name, it.ID, it.Dimension, ErrInvalidInstrument))
		} else {
			in.dims[it.Dimension-1]++
		}
		if !it.Determinant.IsValid() {
			errs = append(errs, fmt.Errorf("scorecard: instrument %q: item %q: determinant %d undefined: %w", name, it.ID, it.Determinant, ErrInvalidInstrument))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	in.fast = newServqualTable(in)
	return in, nil
}

// MustInstrument is like [NewInstrument] but panics on error; use it only for
// literals in code.
func MustInstrument(name string, scale Scale, items []Item) *Instrument {
	in, err := NewInstrument(name, scale, items)
	if err != nil {
		panic(err)
	}
	return in
}

// Name returns the instrument's name.
func (in *Instrument) Name() string { return in.name }

// Scale returns the rating scale.
func (in *Instrument) Scale() Scale { return in.scale }

// Len returns the number of items.
func (in *Instrument) Len() int { return len(in.items) }

// Item returns item i (0-based), or the zero Item when i is out of range.
func (in *Instrument) Item(i int) Item {
	if i < 0 || i >= len(in.items) {
		return Item{}
	}
	return in.items[i]
}

// Items returns a copy of the items in order.
func (in *Instrument) Items() []Item { return append([]Item(nil), in.items...) }

// ItemsIn returns how many items belong to dimension d.
func (in *Instrument) ItemsIn(d Dimension) int {
	if d == DimensionUnknown || int(d) > NumDimensions {
		return 0
	}
	return in.dims[d-1]
}

// Equal reports whether two instruments define the same scale and items.
func (in *Instrument) Equal(o *Instrument) bool {
	if in == o {
		return true
	}
	if in == nil || o == nil || in.name != o.name || in.scale != o.scale || len(in.items) != len(o.items) {
		return false
	}
	for i := range in.items {
		if in.items[i] != o.items[i] {
			return false
		}
	}
	return true
}

type instrumentJSON struct {
	Name  string `json:"name"`
	Scale Scale  `json:"scale"`
	Items []Item `json:"items"`
}

// MarshalJSON encodes the instrument as {"name", "scale", "items"}.
func (in *Instrument) MarshalJSON() ([]byte, error) {
	return json.Marshal(instrumentJSON{Name: in.name, Scale: in.scale, Items: in.items})
}

// UnmarshalJSON decodes and validates an instrument as [NewInstrument] does;
// on error *in is unchanged.
func (in *Instrument) UnmarshalJSON(data []byte) error {
	var j instrumentJSON
	if err := strictJSON(data, &j); err != nil {
		return fmt.Errorf("scorecard: instrument JSON: %w: %w", ErrInvalidInstrument, err)
	}
	v, err := NewInstrument(j.Name, j.Scale, j.Items)
	if err != nil {
		return err
	}
	*in = *v
	return nil
}

// DefaultServqual returns the standard 22-item SERVQUAL instrument on a
// seven-point scale (Parasuraman, Zeithaml and Berry, 1988; 1991 wording
// paraphrased): items 1–4 tangibles, 5–9 reliability, 10–13 responsiveness,
// 14–17 assurance, 18–22 empathy. Item IDs are "1" … "22", so the default CSV
// columns are E1…E22 (expectations) and P1…P22 (perceptions).
func DefaultServqual() *Instrument { return defaultServqual }

var defaultServqual = MustInstrument("SERVQUAL", Likert7, servqualItems())

func servqualItems() []Item {
	type row struct {
		d   Dimension
		det Determinant
		l   string
	}
	rows := []row{
		{DimTangibles, EvidenceOfService, "Up-to-date equipment"},
		{DimTangibles, EvidenceOfService, "Visually appealing facilities"},
		{DimTangibles, EvidenceOfService, "Neat, well-presented staff"},
		{DimTangibles, EvidenceOfService, "Clear, attractive materials (brochures, statements)"},
		{DimReliability, ReliabilityFactor, "Does what it promises by the promised time"},
		{DimReliability, ReliabilityFactor, "Shows sincere interest in solving a customer's problem"},
		{DimReliability, ReliabilityFactor, "Gets the service right the first time"},
		{DimReliability, ReliabilityFactor, "Delivers the service when it says it will"},
		{DimReliability, ReliabilityFactor, "Keeps error-free records"},
		{DimResponsiveness, ResponsivenessFactor, "Tells customers exactly when things will be done"},
		{DimResponsiveness, ResponsivenessFactor, "Gives prompt service"},
		{DimResponsiveness, ResponsivenessFactor, "Staff are always willing to help"},
		{DimResponsiveness, ResponsivenessFactor, "Staff are never too busy to answer"},
		{DimAssurance, Credibility, "Staff behaviour instils confidence"},
		{DimAssurance, Security, "Customers feel safe in their transactions"},
		{DimAssurance, EmpathyCourtesy, "Staff are consistently courteous"},
		{DimAssurance, Competence, "Staff have the knowledge to answer questions"},
		{DimEmpathy, UnderstandingCustomer, "Gives customers individual attention"},
		{DimEmpathy, Accessibility, "Opening hours convenient to all customers"},
		{DimEmpathy, EmpathyCourtesy, "Staff give customers personal attention"},
		{DimEmpathy, UnderstandingCustomer, "Has the customers' best interests at heart"},
		{DimEmpathy, EffectiveCommunication, "Staff understand customers' specific needs"},
	}
	items := make([]Item, len(rows))
	for i, r := range rows {
		items[i] = Item{ID: strconv.Itoa(i + 1), Label: r.l, Dimension: r.d, Determinant: r.det}
	}
	return items
}
