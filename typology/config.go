package typology

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/servuction/servuction"
)

// Config holds the thresholds of [Classify]. A zero field means its default,
// given in the field's comment, so the zero Config is the documented default
// rule set; [DefaultConfig] returns it with every field filled in.
//
// Shares are fractions in (0, 1]; ratings are on the 1–5 scale; a gap CV is
// the coefficient of variation (population standard deviation / mean) of the
// days between consecutive purchases.
//
// In JSON, durations are text: "365d" (days of 24 h), "720h", "90m".
type Config struct {
	// Window is how far back contacts, surveys and margins count for the
	// behaviour and profitability rules: instants in [now − Window, now].
	// Default 365 days.
	Window time.Duration

	// AbusiveMinUnfounded is the least number of complaints found unfounded
	// for the abusive rule. Default 2.
	AbusiveMinUnfounded int
	// AbusiveUnfoundedShare is the least share of unfounded complaints among
	// the checked ones (founded + unfounded). Default 0.5.
	AbusiveUnfoundedShare float64

	// ChronicMinComplaints is the least number of complaints in the window for
	// the chronic-complainer rule. Default 4.
	ChronicMinComplaints int
	// ChronicComplaintsPerPurchase is the least ratio of complaints to
	// purchases in the window. Default 0.5.
	ChronicComplaintsPerPurchase float64
	// ChronicMaxSatisfaction is the highest mean satisfaction after resolution
	// (1–5) that still counts as "never satisfied". Default 2.5.
	ChronicMaxSatisfaction float64

	// AggressiveShare is the least share of complaints recorded as hostile or
	// asking for escalation for the aggressive rule. Default 0.5.
	AggressiveShare float64

	// SubmissiveMaxRating is the highest mean survey rating (1–5) of a
	// customer without complaints that still counts as silent dissatisfaction.
	// Default 2.5.
	SubmissiveMaxRating float64

	// MinPurchases is the least number of purchases for any relationship
	// type. Default 3.
	MinPurchases int
	// LoyalMinTenure is the least time since the first purchase. Default 365 days.
	LoyalMinTenure time.Duration
	// LoyalMinPurchases is the least number of purchases. Default 4.
	LoyalMinPurchases int
	// LoyalMaxGapCV is the highest gap CV that counts as regular. Default 0.6.
	LoyalMaxGapCV float64
	// LoyalMaxLapse is how many mean gaps may have passed since the last
	// purchase for the customer to still count as buying. Default 2.
	LoyalMaxLapse float64
	// DependentShare is the least share of tied purchases (compra
	// supeditada). Default 0.5.
	DependentShare float64
	// PromotionShare is the least share of purchases on promotion. Default 0.6.
	PromotionShare float64
	// EconomistShare is the least share of budget-tier purchases among those
	// with a known tier. Default 0.6.
	EconomistShare float64
	// ErraticGapCV is the least gap CV that counts as erratic. Default 1.
	ErraticGapCV float64

	// MotivationShare is the least share of rational (or affective) purchase
	// signals for inferring the motivation when no agent noted it. Default 0.6.
	MotivationShare float64

	// Bands grade a positive margin over the window into the seed classes;
	// the zero Bands leave it ungraded (ProfitabilityUnknown). [ABCResult.Bands]
	// derives them from a customer base.
	Bands Bands
}

// Bands are the margin thresholds of the profitability classes: a customer
// whose margin over the window is ≤ 0 is NotProfitable, ≥ VeryProfitable is
// VeryProfitable, ≥ Profitable is Profitable, and any other positive margin
// is LittleProfitable.
type Bands struct {
	Profitable     servuction.Money
	VeryProfitable servuction.Money
}

// IsZero reports whether no band is set.
func (b Bands) IsZero() bool { return b.Profitable.IsZero() && b.VeryProfitable.IsZero() }

// DefaultConfig returns the default thresholds, every field filled in.
func DefaultConfig() Config { return Config{}.withDefaults() }

func (c Config) withDefaults() Config {
	di := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	df := func(v *float64, d float64) {
		if *v == 0 {
			*v = d
		}
	}
	dd := func(v *time.Duration, d time.Duration) {
		if *v == 0 {
			*v = d
		}
	}
	dd(&c.Window, 365*Day)
	di(&c.AbusiveMinUnfounded, 2)
	df(&c.AbusiveUnfoundedShare, 0.5)
	di(&c.ChronicMinComplaints, 4)
	df(&c.ChronicComplaintsPerPurchase, 0.5)
	df(&c.ChronicMaxSatisfaction, 2.5)
	df(&c.AggressiveShare, 0.5)
	df(&c.SubmissiveMaxRating, 2.5)
	di(&c.MinPurchases, 3)
	dd(&c.LoyalMinTenure, 365*Day)
	di(&c.LoyalMinPurchases, 4)
	df(&c.LoyalMaxGapCV, 0.6)
	df(&c.LoyalMaxLapse, 2)
	df(&c.DependentShare, 0.5)
	df(&c.PromotionShare, 0.6)
	df(&c.EconomistShare, 0.6)
	df(&c.ErraticGapCV, 1)
	df(&c.MotivationShare, 0.6)
	return c
}

// Validate reports every threshold out of range, joined, each wrapping
// [ErrInvalidConfig]. Zero fields (defaults) are valid.
func (c Config) Validate() error {
	c = c.withDefaults()
	var errs []error
	bad := func(field string, v any, want string) {
		errs = append(errs, fmt.Errorf("typology: config: %s %v out of range (want %s): %w", field, v, want, ErrInvalidConfig))
	}
	share := func(field string, v float64) {
		if !(v > 0 && v <= 1) {
			bad(field, v, "0 < share ≤ 1")
		}
	}
	count := func(field string, v int) {
		if v < 1 {
			bad(field, v, "≥ 1")
		}
	}
	rating := func(field string, v float64) {
		if !(v >= 1 && v <= 5) {
			bad(field, v, "1–5")
		}
	}
	positive := func(field string, v float64) {
		if !(v > 0) || math.IsInf(v, 0) {
			bad(field, v, "> 0, finite")
		}
	}
	duration := func(field string, v time.Duration) {
		if v <= 0 {
			bad(field, formatDuration(v), "> 0")
		}
	}
	duration("Window", c.Window)
	count("AbusiveMinUnfounded", c.AbusiveMinUnfounded)
	share("AbusiveUnfoundedShare", c.AbusiveUnfoundedShare)
	count("ChronicMinComplaints", c.ChronicMinComplaints)
	positive("ChronicComplaintsPerPurchase", c.ChronicComplaintsPerPurchase)
	rating("ChronicMaxSatisfaction", c.ChronicMaxSatisfaction)
	share("AggressiveShare", c.AggressiveShare)
	rating("SubmissiveMaxRating", c.SubmissiveMaxRating)
	count("MinPurchases", c.MinPurchases)
	duration("LoyalMinTenure", c.LoyalMinTenure)
	count("LoyalMinPurchases", c.LoyalMinPurchases)
	positive("LoyalMaxGapCV", c.LoyalMaxGapCV)
	positive("LoyalMaxLapse", c.LoyalMaxLapse)
	share("DependentShare", c.DependentShare)
	share("PromotionShare", c.PromotionShare)
	share("EconomistShare", c.EconomistShare)
	positive("ErraticGapCV", c.ErraticGapCV)
	if !(c.MotivationShare > 0.5 && c.MotivationShare <= 1) {
		bad("MotivationShare", c.MotivationShare, "0.5 < share ≤ 1")
	}
	if !c.Bands.IsZero() {
		p, vp := c.Bands.Profitable, c.Bands.VeryProfitable
		switch {
		case p.Currency != vp.Currency:
			bad("Bands", fmt.Sprintf("%s, %s", p, vp), "one currency")
		case p.Sign() <= 0 || vp.Amount.LessThan(p.Amount):
			bad("Bands", fmt.Sprintf("%s, %s", p, vp), "0 < Profitable ≤ VeryProfitable")
		}
	}
	return errors.Join(errs...)
}

// configJSON is Config with its durations as text.
type configJSON struct {
	Window                       string  `json:",omitempty"`
	AbusiveMinUnfounded          int     `json:",omitempty"`
	AbusiveUnfoundedShare        float64 `json:",omitempty"`
	ChronicMinComplaints         int     `json:",omitempty"`
	ChronicComplaintsPerPurchase float64 `json:",omitempty"`
	ChronicMaxSatisfaction       float64 `json:",omitempty"`
	AggressiveShare              float64 `json:",omitempty"`
	SubmissiveMaxRating          float64 `json:",omitempty"`
	MinPurchases                 int     `json:",omitempty"`
	LoyalMinTenure               string  `json:",omitempty"`
	LoyalMinPurchases            int     `json:",omitempty"`
	LoyalMaxGapCV                float64 `json:",omitempty"`
	LoyalMaxLapse                float64 `json:",omitempty"`
	DependentShare               float64 `json:",omitempty"`
	PromotionShare               float64 `json:",omitempty"`
	EconomistShare               float64 `json:",omitempty"`
	ErraticGapCV                 float64 `json:",omitempty"`
	MotivationShare              float64 `json:",omitempty"`
	Bands                        *Bands  `json:",omitempty"`
}

// MarshalJSON writes c with durations as text ("365d"); zero fields are
// left out.
func (c Config) MarshalJSON() ([]byte, error) {
	j := configJSON{
		AbusiveMinUnfounded: c.AbusiveMinUnfounded, AbusiveUnfoundedShare: c.AbusiveUnfoundedShare,
		ChronicMinComplaints: c.ChronicMinComplaints, ChronicComplaintsPerPurchase: c.ChronicComplaintsPerPurchase,
		ChronicMaxSatisfaction: c.ChronicMaxSatisfaction, AggressiveShare: c.AggressiveShare,
		SubmissiveMaxRating: c.SubmissiveMaxRating, MinPurchases: c.MinPurchases,
		LoyalMinPurchases: c.LoyalMinPurchases, LoyalMaxGapCV: c.LoyalMaxGapCV, LoyalMaxLapse: c.LoyalMaxLapse,
		DependentShare: c.DependentShare, PromotionShare: c.PromotionShare, EconomistShare: c.EconomistShare,
		ErraticGapCV: c.ErraticGapCV, MotivationShare: c.MotivationShare,
	}
	if c.Window != 0 {
		j.Window = formatDuration(c.Window)
	}
	if c.LoyalMinTenure != 0 {
		j.LoyalMinTenure = formatDuration(c.LoyalMinTenure)
	}
	if !c.Bands.IsZero() {
		b := c.Bands
		j.Bands = &b
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes and validates it; on error c is
// unchanged.
func (c *Config) UnmarshalJSON(data []byte) error {
	var j configJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return fmt.Errorf("typology: config: %v: %w", err, ErrInvalidConfig)
	}
	n := Config{
		AbusiveMinUnfounded: j.AbusiveMinUnfounded, AbusiveUnfoundedShare: j.AbusiveUnfoundedShare,
		ChronicMinComplaints: j.ChronicMinComplaints, ChronicComplaintsPerPurchase: j.ChronicComplaintsPerPurchase,
		ChronicMaxSatisfaction: j.ChronicMaxSatisfaction, AggressiveShare: j.AggressiveShare,
		SubmissiveMaxRating: j.SubmissiveMaxRating, MinPurchases: j.MinPurchases,
		LoyalMinPurchases: j.LoyalMinPurchases, LoyalMaxGapCV: j.LoyalMaxGapCV, LoyalMaxLapse: j.LoyalMaxLapse,
		DependentShare: j.DependentShare, PromotionShare: j.PromotionShare, EconomistShare: j.EconomistShare,
		ErraticGapCV: j.ErraticGapCV, MotivationShare: j.MotivationShare,
	}
	var errs []error
	if j.Window != "" {
		d, err := parseDuration("Window", j.Window)
		errs = append(errs, err)
		n.Window = d
	}
	if j.LoyalMinTenure != "" {
		d, err := parseDuration("LoyalMinTenure", j.LoyalMinTenure)
		errs = append(errs, err)
		n.LoyalMinTenure = d
	}
	if j.Bands != nil {
		n.Bands = *j.Bands
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if err := n.Validate(); err != nil {
		return err
	}
	*c = n
	return nil
}
