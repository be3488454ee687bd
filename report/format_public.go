package report

import (
	"math"

	"github.com/servuction/servuction"
)

// Number formats v with dec decimals in the language's style: 12,345.6 in
// English, 12.345,6 in Spanish; "–" for NaN or an infinity. Use it for
// [Figure] values so they match the charts.
func (l Lang) Number(v float64, dec int) string { return l.num(v, dec) }

// Percent formats a percentage: 95.2 → "95.2 %" or "95,2 %".
func (l Lang) Percent(v float64, dec int) string { return l.pct(v, dec) }

// Signed formats v with an explicit sign, as an NPS or a gap is written:
// "+32", "−0.4".
func (l Lang) Signed(v float64, dec int) string {
	s := l.num(v, dec)
	if finite(v) && s != "–" && s[0] != "−"[0] && math.Abs(v) >= 0.5*math.Pow(10, -float64(dec)) {
		s = "+" + s
	}
	return s
}

// Money formats an amount with thousands separators and its currency code,
// without decimals when it is whole or large: "1,250,000 COP" in English,
// "1.250.000 COP" in Spanish.
func (l Lang) Money(m servuction.Money) string {
	v := m.Amount.InexactFloat64()
	dec := 2
	if math.Abs(v) >= 1000 || m.Amount.Equal(m.Amount.Truncate(0)) {
		dec = 0
	}
	s := l.num(v, dec)
	if m.Currency != "" {
		s += " " + m.Currency
	}
	return s
}
