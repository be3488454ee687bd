package complaint

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
	"github.com/shopspring/decimal"
)

// CostKind is a direct cost of bad service recorded on a case (costos
// directos: tratamiento de reclamaciones, productos devueltos, abonos
// realizados, acciones legales). Handling is not recorded per case: the
// [CostModel] charges it per tier. The zero value is [CostUnknown].
type CostKind uint8

// The direct cost kinds.
const (
	CostUnknown CostKind = iota // not set
	Refund                      // reembolso
	Credit                      // abono realizado
	ReturnCost                  // producto devuelto
	Legal                       // acciones legales
	OtherCost                   // otro costo directo (discounts, gifts…)
)

var costKindNames = enum.New("complaint: cost kind", ErrInvalidValue,
	[]string{"unknown", "refund", "credit", "return", "legal", "other"},
	map[string]CostKind{"desconocido": CostUnknown, "reembolso": Refund, "abono": Credit, "abonos": Credit,
		"devolución": ReturnCost, "producto devuelto": ReturnCost, "productos devueltos": ReturnCost,
		"acciones legales": Legal, "legales": Legal, "otro": OtherCost, "descuento": OtherCost, "regalo": OtherCost})

// CostKinds returns the defined cost kinds except [CostUnknown].
func CostKinds() []CostKind { return []CostKind{Refund, Credit, ReturnCost, Legal, OtherCost} }

// ParseCostKind returns the cost kind named s ("refund", "abono", …).
func ParseCostKind(s string) (CostKind, error) { return costKindNames.Parse(s) }

// String returns the cost kind's English name.
func (k CostKind) String() string { return costKindNames.String(k) }

// IsValid reports whether k is a defined cost kind.
func (k CostKind) IsValid() bool { return costKindNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k CostKind) MarshalText() ([]byte, error) { return costKindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCostKind].
func (k *CostKind) UnmarshalText(text []byte) error { return costKindNames.UnmarshalText(k, text) }

// maxExponent bounds the decimal exponent of a recorded amount.
const maxExponent = 18

// Cost is a direct cost recorded on a case by a [RecordCost] event.
type Cost struct {
	Kind   CostKind         `json:"kind"`
	Amount servuction.Money `json:"amount"`
	Note   string           `json:"note,omitempty"`
}

// Validate checks the kind, and that the amount is not negative and has a
// currency.
func (k Cost) Validate() error {
	if k.Kind == CostUnknown || !k.Kind.IsValid() {
		return fmt.Errorf("complaint: cost: kind %s is not defined: %w", k.Kind, ErrInvalidEvent)
	}
	if x := k.Amount.Amount.Exponent(); x < -maxExponent || x > maxExponent {
		// Printing such an amount would write up to 2^31 digits.
		return fmt.Errorf("complaint: cost %s: amount exponent %d out of range ±%d: %w", k.Kind, x, maxExponent, ErrInvalidEvent)
	}
	if k.Amount.Sign() < 0 {
		return fmt.Errorf("complaint: cost %s: amount %s is negative: %w", k.Kind, k.Amount, ErrInvalidEvent)
	}
	if _, err := servuction.NewMoney(k.Amount.Amount, k.Amount.Currency); err != nil || k.Amount.Currency == "" {
		return fmt.Errorf("complaint: cost %s: amount %s needs an ISO 4217 currency: %w", k.Kind, k.Amount, ErrInvalidEvent)
	}
	return nil
}

// CostModel prices bad service (el mal servicio y sus costos). Direct costs
// are handling per tier that held a case plus the costs recorded on it;
// indirect costs are the customers lost (cases resolved with
// [Resolution].CustomerLost) times CustomerValue, plus the customers who hear
// of it and leave too: lost × Informed × InformedLossRate × CustomerValue
// (pérdida de clientes informados de fallas cometidas). Every amount must be
// in Currency.
type CostModel struct {
	Currency string `json:"currency"`
	// Handling is the cost of handling a case at each tier it reached
	// (tratamiento de reclamaciones).
	Handling map[Tier]servuction.Money `json:"handling,omitempty"`
	// CustomerValue is what a lost customer was worth (e.g. its lifetime
	// margin).
	CustomerValue servuction.Money `json:"customer_value"`
	// Informed is how many people hear of each lost customer's experience.
	Informed decimal.Decimal `json:"informed"`
	// InformedLossRate is the share of them who are lost too, in [0, 1].
	InformedLossRate decimal.Decimal `json:"informed_loss_rate"`
}

// Validate reports every invalid field of m.
func (m CostModel) Validate() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("complaint: cost model: "+format+": %w", append(args, ErrInvalidConfig)...))
	}
	if _, err := servuction.NewMoney(decimal.Zero, m.Currency); err != nil || m.Currency == "" {
		bad("currency %q is not an ISO 4217 code", m.Currency)
	}
	check := func(name string, v servuction.Money) {
		if v.Currency != m.Currency {
			bad("%s %s is not in %s", name, v, m.Currency)
		}
		if v.Sign() < 0 {
			bad("%s %s is negative", name, v)
		}
	}
	for _, t := range Tiers() {
		if v, ok := m.Handling[t]; ok {
			check("handling at tier "+t.String(), v)
		}
	}
	for t := range m.Handling {
		if t == TierUnknown || !t.IsValid() {
			bad("handling for tier %s", t)
		}
	}
	check("customer value", m.CustomerValue)
	if m.Informed.Sign() < 0 {
		bad("informed %s is negative", m.Informed)
	}
	if m.InformedLossRate.Sign() < 0 || m.InformedLossRate.GreaterThan(decimal.NewFromInt(1)) {
		bad("informed loss rate %s is outside [0, 1]", m.InformedLossRate)
	}
	return errors.Join(errs...)
}

// CostTally is a streaming accumulator of the cost of bad service over the
// cases received in [From, To) (zero bounds are open). The zero value is an
// empty tally over all time; [CostTally.Merge] is associative (it does not
// look at the periods: merge tallies of one period). Its state has a fixed
// size, counts per cause and tier and sums per cost kind, however many
// cases it counts; [CostTally.MarshalJSON] encodes all of it, so partial
// tallies computed elsewhere merge exactly.
type CostTally struct {
	From, To time.Time
	currency string
	causes   [8]causeTally // by Cause
}

type causeTally struct {
	cases, lost int
	tiers       [4]int             // cases that reached each tier
	costs       [6]decimal.Decimal // recorded direct costs by CostKind
}

// Add counts case c if it was received in the tally's period. Merged
// duplicates are not counted. It returns an error, adding nothing, if the
// case's costs are in another currency than the tally's, of an undefined
// kind, or negative.
func (t *CostTally) Add(c Case) error {
	if c.State == Merged || c.ReceivedAt.IsZero() ||
		(!t.From.IsZero() && c.ReceivedAt.Before(t.From)) || (!t.To.IsZero() && !c.ReceivedAt.Before(t.To)) {
		return nil
	}
	cur := t.currency
	for _, k := range c.Costs {
		if cur == "" {
			cur = k.Amount.Currency
		}
		if k.Amount.Currency != cur {
			return fmt.Errorf("complaint: cost tally: case %s: cost %s is not in %s: %w", c.ID, k.Amount, cur, servuction.ErrCurrencyMismatch)
		}
		if !k.Kind.IsValid() {
			return fmt.Errorf("complaint: cost tally: case %s: cost kind %s: %w", c.ID, k.Kind, ErrInvalidValue)
		}
		if k.Amount.Sign() < 0 {
			return fmt.Errorf("complaint: cost tally: case %s: cost %s is negative: %w", c.ID, k.Amount, ErrInvalidValue)
		}
		if x := k.Amount.Amount.Exponent(); x < -maxExponent || x > maxExponent {
			return fmt.Errorf("complaint: cost tally: case %s: cost exponent %d out of range ±%d: %w", c.ID, x, maxExponent, ErrInvalidValue)
		}
	}
	cause := c.Resolution.Cause
	if !cause.IsValid() {
		cause = CauseUnknown
	}
	t.currency = cur
	ct := &t.causes[cause]
	ct.cases++
	if c.Resolution.CustomerLost {
		ct.lost++
	}
	for _, tier := range c.HandledBy {
		if tier.IsValid() {
			ct.tiers[tier]++
		}
	}
	for _, k := range c.Costs {
		ct.costs[k.Kind] = ct.costs[k.Kind].Add(k.Amount.Amount)
	}
	return nil
}

// Merge adds o's counts into t. It fails, changing nothing, if the two
// tallies hold costs in different currencies.
func (t *CostTally) Merge(o *CostTally) error {
	if t.currency != "" && o.currency != "" && t.currency != o.currency {
		return fmt.Errorf("complaint: cost tally: merging %s into %s: %w", o.currency, t.currency, servuction.ErrCurrencyMismatch)
	}
	if t.currency == "" {
		t.currency = o.currency
	}
	for i := range t.causes {
		a, b := &t.causes[i], &o.causes[i]
		a.cases += b.cases
		a.lost += b.lost
		for j := range a.tiers {
			a.tiers[j] += b.tiers[j]
		}
		for j := range a.costs {
			a.costs[j] = a.costs[j].Add(b.costs[j])
		}
	}
	return nil
}

// CauseCost is one row of the Pareto of causes.
type CauseCost struct {
	Cause    Cause
	Cases    int
	Lost     int              // customers lost
	Direct   servuction.Money // handling plus recorded costs
	Indirect servuction.Money // lost and informed customers' value
	Total    servuction.Money
	// Share and Cumulative are the row's share of the total cost, and the
	// running share down the Pareto, in [0, 1].
	Share, Cumulative float64
}

// CostReport is the cost of bad service of a period.
type CostReport struct {
	Cases, Lost int
	// Informed is the expected number of customers lost by word of mouth:
	// Lost × Informed × InformedLossRate.
	Informed decimal.Decimal
	Handling servuction.Money
	// ByKind is the recorded direct cost per [CostKind], in CostKinds order.
	ByKind           []KindCost
	Direct, Indirect servuction.Money
	Total            servuction.Money
	// Pareto lists the causes with at least one case, by total cost
	// descending (ties in [Cause] order); CauseUnknown collects cases without
	// a recorded cause.
	Pareto []CauseCost
}

// KindCost is the recorded direct cost of one kind.
type KindCost struct {
	Kind   CostKind
	Amount servuction.Money
}

// Result prices the tally with model m.
func (t *CostTally) Result(m CostModel) (CostReport, error) {
	if err := m.Validate(); err != nil {
		return CostReport{}, err
	}
	if t.currency != "" && t.currency != m.Currency {
		return CostReport{}, fmt.Errorf("complaint: cost tally in %s, model in %s: %w", t.currency, m.Currency, servuction.ErrCurrencyMismatch)
	}
	money := func(d decimal.Decimal) servuction.Money { return servuction.Money{Amount: d, Currency: m.Currency} }
	r := CostReport{Informed: decimal.Zero}
	total := decimal.Zero
	kinds := make([]decimal.Decimal, len(t.causes[0].costs))
	for i := range kinds {
		kinds[i] = decimal.Zero
	}
	handling := decimal.Zero
	direct, indirect := decimal.Zero, decimal.Zero
	for ci, ct := range t.causes {
		if ct.cases == 0 {
			continue
		}
		d := decimal.Zero
		for tier, n := range ct.tiers {
			if n > 0 {
				h := m.Handling[Tier(tier)].Amount.Mul(decimal.NewFromInt(int64(n)))
				d = d.Add(h)
				handling = handling.Add(h)
			}
		}
		for k, a := range ct.costs {
			d = d.Add(a)
			kinds[k] = kinds[k].Add(a)
		}
		lost := decimal.NewFromInt(int64(ct.lost))
		informed := lost.Mul(m.Informed).Mul(m.InformedLossRate)
		ind := lost.Add(informed).Mul(m.CustomerValue.Amount)
		r.Cases += ct.cases
		r.Lost += ct.lost
		r.Informed = r.Informed.Add(informed)
		direct, indirect = direct.Add(d), indirect.Add(ind)
		total = total.Add(d).Add(ind)
		r.Pareto = append(r.Pareto, CauseCost{Cause: Cause(ci), Cases: ct.cases, Lost: ct.lost,
			Direct: money(d), Indirect: money(ind), Total: money(d.Add(ind))})
	}
	slices.SortStableFunc(r.Pareto, func(a, b CauseCost) int {
		if c := b.Total.Amount.Cmp(a.Total.Amount); c != 0 {
			return c
		}
		return cmp.Compare(a.Cause, b.Cause)
	})
	cum := decimal.Zero
	for i := range r.Pareto {
		if total.IsZero() {
			break
		}
		cum = cum.Add(r.Pareto[i].Total.Amount)
		r.Pareto[i].Share = r.Pareto[i].Total.Amount.Div(total).InexactFloat64()
		r.Pareto[i].Cumulative = cum.Div(total).InexactFloat64()
	}
	for _, k := range CostKinds() {
		r.ByKind = append(r.ByKind, KindCost{Kind: k, Amount: money(kinds[k])})
	}
	r.Handling = money(handling)
	r.Direct, r.Indirect, r.Total = money(direct), money(indirect), money(total)
	return r, nil
}
