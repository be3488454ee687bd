package report

import (
	"math"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/human"
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

// Money formats an exact amount with thousands separators and its currency
// code, without decimals when it is whole or 1,000 or more: "1,250,000 COP"
// in English, "1.250.000 COP" in Spanish, "12.50 EUR"; the amount alone when
// it has no currency.
func (l Lang) Money(m servuction.Money) string { return human.Money(m.Amount, m.Currency, l.human()) }

// Duration formats a span of business time for people, rounded to the
// minute: "45 min", "3 h 30 min", "56 h" (never in days: a business day's
// length depends on the calendar; never Go's "56h0m0s").
func (l Lang) Duration(d time.Duration) string { return human.Duration(d, l.human()) }

// Elapsed formats a span of calendar time for people: as [Lang.Duration]
// under a day, else in days and hours rounded to the hour ("2 d 8 h").
func (l Lang) Elapsed(d time.Duration) string { return human.Elapsed(d, l.human()) }
