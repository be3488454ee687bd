package servuction

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Money is an exact amount in one currency. Amounts are decimal, never float,
// so sums of fees, credits and refunds are correct to the cent.
//
// Currency is an ISO 4217 code such as "COP", "EUR" or "USD" (three upper-case
// letters). The zero value, 0 with no currency, is the identity of [Money.Add]:
// adding any amount to it adopts that amount's currency, so a zero Money is a
// ready-to-use running total.
//
// Compare amounts with [Money.Equal] or [Money.Cmp], never with ==, because
// decimal values with different exponents (1.5 and 1.50) are equal but not
// identical.
type Money struct {
	Amount   decimal.Decimal
	Currency string
}

// NewMoney returns amount in currency after checking the currency code.
func NewMoney(amount decimal.Decimal, currency string) (Money, error) {
	if err := checkCurrency(currency); err != nil {
		return Money{}, err
	}
	return Money{Amount: amount, Currency: currency}, nil
}

// maxMoneyExponent bounds the decimal exponent ParseMoney accepts: amounts
// from 10⁻³⁰ to beyond 10³⁰ in scientific notation, far past any currency.
const maxMoneyExponent = 30

// ParseMoney parses "1234.50 COP" (or "COP 1234.50"); a bare number has no
// currency. Scientific notation is accepted with an exponent of at most ±30
// ("1.5e6 COP").
func ParseMoney(s string) (Money, error) {
	fields := strings.Fields(s)
	var num, cur string
	switch len(fields) {
	case 1:
		num = fields[0]
	case 2:
		num, cur = fields[0], fields[1]
		if isCurrencyCode(num) {
			num, cur = cur, num
		}
	default:
		return Money{}, fmt.Errorf("servuction: money %q: want \"AMOUNT CUR\": %w", s, ErrInvalidValue)
	}
	amt, err := decimal.NewFromString(num)
	if err != nil {
		return Money{}, fmt.Errorf("servuction: money %q: amount %q is not a decimal number: %w", s, num, ErrInvalidValue)
	}
	// An exponent such as 1e99999999 is valid decimal syntax but no amount
	// of money, and printing it would write a hundred million digits.
	if e := amt.Exponent(); e < -maxMoneyExponent || e > maxMoneyExponent {
		return Money{}, fmt.Errorf("servuction: money %q: exponent %d outside ±%d: %w", s, e, maxMoneyExponent, ErrInvalidValue)
	}
	return NewMoney(amt, cur)
}

// MustParseMoney is like [ParseMoney] but panics on error. Use it only for
// literals in programs and tests.
func MustParseMoney(s string) Money {
	m, err := ParseMoney(s)
	if err != nil {
		panic(err)
	}
	return m
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func checkCurrency(c string) error {
	if c == "" || isCurrencyCode(c) {
		return nil
	}
	return fmt.Errorf("servuction: currency %q: want three upper-case letters (ISO 4217): %w", c, ErrInvalidValue)
}

// String returns the amount and currency, e.g. "1234.5 COP", or the bare
// amount when there is no currency.
func (m Money) String() string {
	if m.Currency == "" {
		return m.Amount.String()
	}
	return m.Amount.String() + " " + m.Currency
}

// StringFixed is like String with the amount rounded to places decimals, e.g.
// "1234.50 COP" for 2.
func (m Money) StringFixed(places int32) string {
	if m.Currency == "" {
		return m.Amount.StringFixed(places)
	}
	return m.Amount.StringFixed(places) + " " + m.Currency
}

// IsZero reports whether the amount is zero, whatever the currency.
func (m Money) IsZero() bool { return m.Amount.IsZero() }

// Sign returns -1, 0 or +1 as the amount is negative, zero or positive.
func (m Money) Sign() int { return m.Amount.Sign() }

// Neg returns the amount with its sign flipped.
func (m Money) Neg() Money { return Money{Amount: m.Amount.Neg(), Currency: m.Currency} }

// Mul returns the amount multiplied by f, in the same currency.
func (m Money) Mul(f decimal.Decimal) Money {
	return Money{Amount: m.Amount.Mul(f), Currency: m.Currency}
}

// Round returns the amount rounded half away from zero to places decimals.
func (m Money) Round(places int32) Money {
	return Money{Amount: m.Amount.Round(places), Currency: m.Currency}
}

// currencyOf returns the currency a combination of m and o is in, or an error
// when both carry different ones. A zero amount without currency adopts the
// other's currency.
func (m Money) currencyWith(o Money) (string, error) {
	switch {
	case m.Currency == o.Currency:
		return m.Currency, nil
	case m.Currency == "" && m.Amount.IsZero():
		return o.Currency, nil
	case o.Currency == "" && o.Amount.IsZero():
		return m.Currency, nil
	}
	return "", fmt.Errorf("servuction: %s and %s: %w: %w", m, o, ErrCurrencyMismatch, ErrInvalidValue)
}

// Add returns m + o. The currencies must match, except that a zero amount with
// no currency adopts the other's.
func (m Money) Add(o Money) (Money, error) {
	c, err := m.currencyWith(o)
	if err != nil {
		return Money{}, err
	}
	return Money{Amount: m.Amount.Add(o.Amount), Currency: c}, nil
}

// Sub returns m − o under the same currency rule as [Money.Add].
func (m Money) Sub(o Money) (Money, error) { return m.Add(o.Neg()) }

// Cmp compares m and o: -1 if m < o, 0 if equal, +1 if m > o. Amounts in
// different currencies cannot be compared.
func (m Money) Cmp(o Money) (int, error) {
	if _, err := m.currencyWith(o); err != nil {
		return 0, err
	}
	return m.Amount.Cmp(o.Amount), nil
}

// Equal reports whether m and o are the same amount in the same currency
// (1.5 COP equals 1.50 COP).
func (m Money) Equal(o Money) bool {
	return m.Currency == o.Currency && m.Amount.Equal(o.Amount)
}

// Sum adds amounts, all in one currency (a zero Money with no currency is
// allowed anywhere). The sum of nothing is the zero Money.
func Sum(amounts ...Money) (Money, error) {
	var total Money
	for _, a := range amounts {
		var err error
		if total, err = total.Add(a); err != nil {
			return Money{}, err
		}
	}
	return total, nil
}

// MarshalText encodes the amount as in String: "1234.5 COP".
func (m Money) MarshalText() ([]byte, error) {
	if err := checkCurrency(m.Currency); err != nil {
		return nil, err
	}
	return []byte(m.String()), nil
}

// UnmarshalText decodes text with [ParseMoney], leaving m unchanged on error.
func (m *Money) UnmarshalText(text []byte) error {
	p, err := ParseMoney(string(text))
	if err != nil {
		return err
	}
	*m = p
	return nil
}
