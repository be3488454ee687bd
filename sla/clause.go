package sla

import (
	"math"

	"github.com/servuction/servuction/internal/enum"
)

// ClauseKind is what a non-time commitment of an agreement is about. The
// course notes list what an ANS lets both parties agree on: "response time,
// hours of availability, documentation available, staff assigned to the
// service, warranty, after-sales service, among other characteristics of the
// service". Response time and hours of availability are clocks
// ([Objective]); the others are clauses.
type ClauseKind uint8

// The kinds of clause. The zero value [ClauseUnknown] is invalid.
const (
	ClauseUnknown ClauseKind = iota // not set
	Documentation                   // documentación disponible: manuals, guides, records handed to the customer
	Staffing                        // personal asignado al servicio: people, skills, shifts dedicated to the customer
	Warranty                        // garantía: what is repaired or replaced, and for how long
	AfterSales                      // servicio postventa: follow-up after the sale or the solution
	OtherClause                     // otras características del servicio
)

var clauseNames = enum.New("sla: clause kind", ErrUnknownName,
	[]string{"unknown", "documentation", "staffing", "warranty", "after-sales", "other"},
	map[string]ClauseKind{
		"desconocida": ClauseUnknown, "documentación": Documentation, "documentación disponible": Documentation,
		"personal": Staffing, "personal asignado": Staffing, "personal asignado al servicio": Staffing, "staff": Staffing,
		"garantía": Warranty, "guarantee": Warranty,
		"postventa": AfterSales, "servicio postventa": AfterSales, "posventa": AfterSales, "after sales service": AfterSales,
		"otra": OtherClause, "otro": OtherClause,
	})

// ParseClauseKind returns the clause kind named s ("warranty", "garantía",
// "servicio postventa", …).
func ParseClauseKind(s string) (ClauseKind, error) { return clauseNames.Parse(s) }

// String returns the clause kind's English name.
func (k ClauseKind) String() string { return clauseNames.String(k) }

// IsValid reports whether k is a defined kind other than [ClauseUnknown].
func (k ClauseKind) IsValid() bool { return k != ClauseUnknown && clauseNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k ClauseKind) MarshalText() ([]byte, error) { return clauseNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseClauseKind].
func (k *ClauseKind) UnmarshalText(text []byte) error { return clauseNames.UnmarshalText(k, text) }

// Comparison says how a measurable clause's indicator is judged against its
// target.
type Comparison uint8

// The comparisons. The zero value [CompareUnknown] is invalid on a
// measurable clause.
const (
	CompareUnknown Comparison = iota // not set
	AtLeast                          // al menos: value >= target (staff, coverage, documents delivered)
	AtMost                           // como máximo: value <= target (defects, days to repair)
)

var comparisonNames = enum.New("sla: comparison", ErrUnknownName,
	[]string{"unknown", "at-least", "at-most"},
	map[string]Comparison{"desconocida": CompareUnknown, "al menos": AtLeast, ">=": AtLeast, "min": AtLeast, "mínimo": AtLeast,
		"como máximo": AtMost, "a lo sumo": AtMost, "<=": AtMost, "max": AtMost, "máximo": AtMost})

// ParseComparison returns the comparison named s ("at-least", "como máximo",
// ">=", …).
func ParseComparison(s string) (Comparison, error) { return comparisonNames.Parse(s) }

// String returns the comparison's English name.
func (c Comparison) String() string { return comparisonNames.String(c) }

// IsValid reports whether c is [AtLeast] or [AtMost].
func (c Comparison) IsValid() bool { return c != CompareUnknown && comparisonNames.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Comparison) MarshalText() ([]byte, error) { return comparisonNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseComparison].
func (c *Comparison) UnmarshalText(text []byte) error { return comparisonNames.UnmarshalText(c, text) }

// Clause is a commitment of an agreement that is not a clock: the
// documentation available, the staff assigned to the service, the warranty,
// the after-sales service. A measurable clause names the indicator that
// measures it (estándar medible por indicadores) and the target the
// indicator must reach; [Agreement.EvaluateClauses] judges it. A clause that
// is not measurable is recorded for the parties and never evaluated.
type Clause struct {
	Kind        ClauseKind `json:"kind"`
	Description string     `json:"description"`
	Measurable  bool       `json:"measurable"`
	// Indicator names the indicator that measures the clause, e.g.
	// "agents-assigned" or "warranty-repair-days"; required when Measurable.
	Indicator  string     `json:"indicator,omitempty"`
	Comparison Comparison `json:"comparison,omitempty"`
	Target     float64    `json:"target,omitempty"`
	// Unit is the indicator's unit, for display ("agents", "days", "%").
	Unit string `json:"unit,omitempty"`
}

func (c Clause) validate(i int) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidAgreement, "clause %d (%s): "+format, append([]any{i + 1, c.Kind}, args...)...))
	}
	if !c.Kind.IsValid() {
		bad("kind %s undefined", c.Kind)
	}
	if c.Description == "" {
		bad("empty description")
	}
	if math.IsNaN(c.Target) || math.IsInf(c.Target, 0) {
		bad("target %v: want a finite number", c.Target)
	}
	if c.Measurable {
		if c.Indicator == "" {
			bad("measurable but no indicator")
		}
		if !c.Comparison.IsValid() {
			bad("measurable: comparison %s: want at-least or at-most", c.Comparison)
		}
	} else if c.Indicator != "" || c.Comparison != CompareUnknown {
		bad("indicator %q or comparison %s on a clause that is not measurable", c.Indicator, c.Comparison)
	}
	return errs
}

// ClauseResult is the verdict on one measurable clause.
type ClauseResult struct {
	Clause Clause `json:"clause"`
	// Measured reports whether a value was given for the clause's
	// indicator; Value is that value and Met the verdict when it was.
	Measured bool    `json:"measured"`
	Value    float64 `json:"value"`
	Met      bool    `json:"met"`
}

// EvaluateClauses judges every measurable clause against values, the
// indicators' measured values by indicator name. It returns one result per
// measurable clause, in the agreement's order; a clause whose indicator has
// no value (or a NaN one) is reported not measured and not met.
func (a *Agreement) EvaluateClauses(values map[string]float64) []ClauseResult {
	var out []ClauseResult
	for _, c := range a.cfg.Clauses {
		if !c.Measurable {
			continue
		}
		r := ClauseResult{Clause: c}
		if v, ok := values[c.Indicator]; ok && !math.IsNaN(v) {
			r.Measured, r.Value = true, v
			switch c.Comparison {
			case AtLeast:
				r.Met = v >= c.Target
			case AtMost:
				r.Met = v <= c.Target
			}
		}
		out = append(out, r)
	}
	return out
}
