package typology

import (
	"errors"
	"fmt"

	"github.com/servuction/servuction/internal/enum"
)

// RelationshipLevel is one of Kotler's five levels of relationship marketing
// (los cinco niveles del marketing de relación con los clientes). The zero
// value is [LevelUnknown]; the levels are in increasing order of investment
// in each customer.
type RelationshipLevel uint8

// Kotler's levels (Kotler, "Marketing Management", ch. on building customer
// relationships; Kotler & Armstrong, "Principles of Marketing").
const (
	LevelUnknown RelationshipLevel = iota // not chosen
	Basic                                 // marketing básico: sells, does not follow up
	Reactive                              // marketing reactivo: sells and invites the customer to call with questions
	Accountable                           // marketing responsable o estadístico: calls after the sale to check satisfaction
	Proactive                             // marketing proactivo: contacts the customer from time to time with improvements
	Partnership                           // marketing colaborativo o de socio: works with the customer to find savings and improvements
)

var levelNames = enum.New("typology: relationship level", ErrInvalidValue,
	[]string{"unknown", "basic", "reactive", "accountable", "proactive", "partnership"},
	map[string]RelationshipLevel{
		"desconocido": LevelUnknown, "básico": Basic, "marketing básico": Basic,
		"reactivo": Reactive, "marketing reactivo": Reactive,
		"responsable": Accountable, "estadístico": Accountable, "marketing responsable": Accountable,
		"responsable o estadístico": Accountable, "marketing responsable o estadístico": Accountable, "responsible": Accountable,
		"proactivo": Proactive, "marketing proactivo": Proactive,
		"colaborativo": Partnership, "de socio": Partnership, "socio": Partnership, "partner": Partnership,
		"marketing colaborativo": Partnership, "colaborativo o de socio": Partnership, "marketing colaborativo o de socio": Partnership,
	})

// ParseRelationshipLevel returns the level named s ("proactive",
// "marketing responsable o estadístico", "de socio").
func ParseRelationshipLevel(s string) (RelationshipLevel, error) { return levelNames.Parse(s) }

// String returns the level's English name.
func (l RelationshipLevel) String() string { return levelNames.String(l) }

// IsValid reports whether l is a defined level.
func (l RelationshipLevel) IsValid() bool { return levelNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l RelationshipLevel) MarshalText() ([]byte, error) { return levelNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseRelationshipLevel].
func (l *RelationshipLevel) UnmarshalText(text []byte) error {
	return levelNames.UnmarshalText(l, text)
}

// LevelConfig holds the cut-offs of [RecommendLevel]. Zero fields mean the
// defaults: a segment has many customers from ManyCustomers = 10 000 up and
// few below FewCustomers = 100; a margin rate (margin / revenue) is high from
// HighMargin = 0.40 up and low below LowMargin = 0.15.
type LevelConfig struct {
	ManyCustomers, FewCustomers int
	HighMargin, LowMargin       float64
}

func (c LevelConfig) withDefaults() LevelConfig {
	if c.ManyCustomers == 0 {
		c.ManyCustomers = 10_000
	}
	if c.FewCustomers == 0 {
		c.FewCustomers = 100
	}
	if c.HighMargin == 0 {
		c.HighMargin = 0.40
	}
	if c.LowMargin == 0 {
		c.LowMargin = 0.15
	}
	return c
}

// Validate reports cut-offs out of 1 ≤ FewCustomers ≤ ManyCustomers and
// 0 < LowMargin ≤ HighMargin ≤ 1, joined, wrapping [ErrInvalidConfig].
func (c LevelConfig) Validate() error {
	c = c.withDefaults()
	var errs []error
	if c.FewCustomers < 1 || c.ManyCustomers < c.FewCustomers {
		errs = append(errs, fmt.Errorf("typology: level config: FewCustomers %d, ManyCustomers %d: want 1 ≤ few ≤ many: %w", c.FewCustomers, c.ManyCustomers, ErrInvalidConfig))
	}
	if !(c.LowMargin > 0 && c.LowMargin <= c.HighMargin && c.HighMargin <= 1) {
		errs = append(errs, fmt.Errorf("typology: level config: LowMargin %v, HighMargin %v: want 0 < low ≤ high ≤ 1: %w", c.LowMargin, c.HighMargin, ErrInvalidConfig))
	}
	return errors.Join(errs...)
}

// LevelAdvice is the level [RecommendLevel] recommends, an acceptable
// alternative (LevelUnknown if none) and the rule.
type LevelAdvice struct {
	Level       RelationshipLevel
	Alternative RelationshipLevel
	Reason      Reason
}

// kotlerGrid is Kotler's table: rows many/medium/few customers, columns
// high/medium/low margin.
var kotlerGrid = [3][3][2]RelationshipLevel{
	{{Accountable, 0}, {Reactive, 0}, {Basic, Reactive}},
	{{Proactive, 0}, {Accountable, 0}, {Reactive, 0}},
	{{Partnership, 0}, {Proactive, 0}, {Accountable, 0}},
}

// RecommendLevel recommends a level of relationship marketing for a segment of
// customers with the given margin rate (margin / revenue, 0–1), by Kotler's
// table:
//
//	                   high margin   medium margin   low margin
//	many customers     accountable   reactive        basic (or reactive)
//	medium number      proactive     accountable     reactive
//	few customers      partnership   proactive       accountable
//
// Many customers with low margins call for basic or reactive marketing; few
// with high margins, for partnership. A negative count, a margin rate outside
// [0, 1] or NaN, or a bad cfg is an error wrapping [ErrInvalidConfig].
func RecommendLevel(customers int, marginRate float64, cfg LevelConfig) (LevelAdvice, error) {
	if err := cfg.Validate(); err != nil {
		return LevelAdvice{}, err
	}
	cfg = cfg.withDefaults()
	if customers < 0 {
		return LevelAdvice{}, fmt.Errorf("typology: segment of %d customers: want ≥ 0: %w", customers, ErrInvalidConfig)
	}
	if !(marginRate >= 0 && marginRate <= 1) {
		return LevelAdvice{}, fmt.Errorf("typology: margin rate %v: want 0–1: %w", marginRate, ErrInvalidConfig)
	}
	row, size := 1, [2]string{
		fmt.Sprintf("segment size %d: medium (%d ≤ n < %d)", customers, cfg.FewCustomers, cfg.ManyCustomers),
		fmt.Sprintf("tamaño del segmento %d: mediano (%d ≤ n < %d)", customers, cfg.FewCustomers, cfg.ManyCustomers)}
	switch {
	case customers >= cfg.ManyCustomers:
		row, size = 0, [2]string{fmt.Sprintf("segment size %d: many (≥ %d)", customers, cfg.ManyCustomers),
			fmt.Sprintf("tamaño del segmento %d: muchos clientes (≥ %d)", customers, cfg.ManyCustomers)}
	case customers < cfg.FewCustomers:
		row, size = 2, [2]string{fmt.Sprintf("segment size %d: few (< %d)", customers, cfg.FewCustomers),
			fmt.Sprintf("tamaño del segmento %d: pocos clientes (< %d)", customers, cfg.FewCustomers)}
	}
	col, margin := 1, [2]string{fmt.Sprintf("margin %s: medium (%s ≤ m < %s)", pct(marginRate), pct(cfg.LowMargin), pct(cfg.HighMargin)),
		fmt.Sprintf("margen %s: medio (%s ≤ m < %s)", pct(marginRate), pct(cfg.LowMargin), pct(cfg.HighMargin))}
	switch {
	case marginRate >= cfg.HighMargin:
		col, margin = 0, [2]string{fmt.Sprintf("margin %s: high (≥ %s)", pct(marginRate), pct(cfg.HighMargin)),
			fmt.Sprintf("margen %s: alto (≥ %s)", pct(marginRate), pct(cfg.HighMargin))}
	case marginRate < cfg.LowMargin:
		col, margin = 2, [2]string{fmt.Sprintf("margin %s: low (< %s)", pct(marginRate), pct(cfg.LowMargin)),
			fmt.Sprintf("margen %s: bajo (< %s)", pct(marginRate), pct(cfg.LowMargin))}
	}
	cell := kotlerGrid[row][col]
	return LevelAdvice{Level: cell[0], Alternative: cell[1], Reason: Reason{
		Rule:     "kotler.level",
		Detail:   fmt.Sprintf("%s; %s → %s marketing (Kotler's table)", size[0], margin[0], cell[0]),
		DetailES: fmt.Sprintf("%s; %s → marketing %s (tabla de Kotler)", size[1], margin[1], levelES[cell[0]]),
	}}, nil
}
