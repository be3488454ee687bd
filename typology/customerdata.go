package typology

import (
	"fmt"
	"strings"
)

// Redacted is what this package prints and exports in place of personal data.
const Redacted = "[redacted]"

// CustomerData is the optional profile data of data-base marketing: who the
// customer is (personal contact data), the demographic profile ("dónde se le
// ubica, qué hace, con quién vive, nivel de ingresos") and the psychographic
// profile ("lo que piensa y siente con respecto a nuestro producto").
//
// Segmentation rules may select on the demographic and psychographic profile
// ([SegmentRule.Where]). The personal data is for the host's own use: by the
// seeds' discretion (discreción), this package never prints or exports it:
// [PersonalData] formats and marshals as [Redacted].
type CustomerData struct {
	Personal      PersonalData
	Demographic   Demographic
	Psychographic Psychographic
}

// PersonalData identifies and reaches a person. Its String, Format,
// MarshalText and MarshalJSON all give [Redacted], so no log line, printed
// profile or JSON export built from it can leak it; read the fields directly
// where they are needed.
type PersonalData struct {
	Name    string
	Address string
	Phone   string
	Email   string
}

// IsZero reports whether no personal field is set.
func (p PersonalData) IsZero() bool { return p == PersonalData{} }

// String returns [Redacted] (or "" when no field is set).
func (p PersonalData) String() string {
	if p.IsZero() {
		return ""
	}
	return Redacted
}

// GoString returns the same as String, so %#v does not leak the fields.
func (p PersonalData) GoString() string { return p.String() }

// Format implements fmt.Formatter: every verb prints String.
func (p PersonalData) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(p.String())) }

// MarshalText returns String: personal data is never exported.
func (p PersonalData) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Demographic is where the customer lives, what they do, whom they live with
// and their income band. Keep the values coarse (a region, not an address).
type Demographic struct {
	Region     string `json:",omitempty"` // dónde se le ubica, e.g. "Bogotá norte"
	Occupation string `json:",omitempty"` // qué hace
	Household  string `json:",omitempty"` // con quién vive, e.g. "family with children"
	IncomeBand string `json:",omitempty"` // nivel de ingresos, e.g. "medium"
}

// Psychographic is what the customer thinks and feels about the product or
// service: attitudes, interests, and values, as short tags.
type Psychographic struct {
	Attitudes []string `json:",omitempty"` // e.g. "values durability", "distrusts online payment"
	Interests []string `json:",omitempty"` // e.g. "cycling", "home cooking"
}

// Condition selects customers by their profile data: every non-empty field
// must equal the customer's (case- and accent-insensitive), and every tag
// listed must be among the customer's attitudes or interests. The zero
// Condition matches every customer, including one without data.
type Condition struct {
	Demographic Demographic `json:",omitzero"`
	Tags        []string    `json:",omitempty"`
}

// IsZero reports whether c selects nothing in particular.
func (c Condition) IsZero() bool { return c.Demographic == Demographic{} && len(c.Tags) == 0 }

// Matches reports whether d satisfies c. A nil d matches only the zero
// Condition.
func (c Condition) Matches(d *CustomerData) bool {
	if c.IsZero() {
		return true
	}
	if d == nil {
		return false
	}
	eq := func(want, got string) bool { return want == "" || fold(want) == fold(got) }
	w, g := c.Demographic, d.Demographic
	if !eq(w.Region, g.Region) || !eq(w.Occupation, g.Occupation) || !eq(w.Household, g.Household) || !eq(w.IncomeBand, g.IncomeBand) {
		return false
	}
	for _, t := range c.Tags {
		if !hasTag(d.Psychographic.Attitudes, t) && !hasTag(d.Psychographic.Interests, t) {
			return false
		}
	}
	return true
}

func hasTag(tags []string, t string) bool {
	ft := fold(t)
	for _, x := range tags {
		if fold(x) == ft {
			return true
		}
	}
	return false
}

// fold lowers case and strips accents for matching, keeping spaces.
func fold(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'á', 'Á':
			return 'a'
		case 'é', 'É':
			return 'e'
		case 'í', 'Í':
			return 'i'
		case 'ó', 'Ó':
			return 'o'
		case 'ú', 'Ú', 'ü', 'Ü':
			return 'u'
		case 'ñ', 'Ñ':
			return 'n'
		}
		return r
	}, strings.ToLower(strings.TrimSpace(s)))
}

// Redacted returns a copy of d without its personal data, for handing the
// profile to a report or another system. The slices are copied.
func (d CustomerData) Redacted() CustomerData {
	return CustomerData{
		Demographic: d.Demographic,
		Psychographic: Psychographic{
			Attitudes: append([]string(nil), d.Psychographic.Attitudes...),
			Interests: append([]string(nil), d.Psychographic.Interests...),
		},
	}
}

// UnmarshalText accepts what MarshalText writes ("" or [Redacted]) and leaves
// p without personal data: exported personal data cannot be read back.
func (p *PersonalData) UnmarshalText(text []byte) error {
	if s := string(text); s != "" && s != Redacted {
		return fmt.Errorf("typology: personal data %q: only %q is accepted on decode: %w", s, Redacted, ErrInvalidValue)
	}
	*p = PersonalData{}
	return nil
}
