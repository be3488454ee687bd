// Package human writes numbers, durations and amounts of money for people to
// read, in English or in Spanish, the one way every package of the module
// writes them: 12,345.6 and 2,000,000 COP in English, 12.345,6 and
// 2.000.000 COP in Spanish; durations as "45 min", "3 h 30 min", "56 h" or,
// in calendar time, "2 d 8 h" — never Go's "56h0m0s".
package human

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Lang is the language of the text: English (the zero value) or Spanish.
type Lang uint8

// The languages.
const (
	English Lang = iota
	Spanish
)

// separators returns the thousands separator and the decimal mark.
func (l Lang) separators() (string, string) {
	if l == Spanish {
		return ".", ","
	}
	return ",", "."
}

// Number writes v with dec decimals: 12,345.6 in English, 12.345,6 in
// Spanish. Thousands are grouped from five digits on (1234 but 12,345), the
// minus sign is U+2212 as typeset, and a NaN or an infinity is "–" (no value).
func Number(v float64, dec int, l Lang) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return group(strconv.FormatFloat(v, 'f', dec, 64), l)
}

// group writes a plain decimal number ("-12345.60") with the language's
// separators; "-0.00" loses its sign.
func group(s string, l Lang) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, hasFrac := strings.Cut(s, ".")
	thou, dot := l.separators()
	var b strings.Builder
	if neg && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 && len(intPart) > 4 {
			b.WriteString(thou)
		}
		b.WriteRune(r)
	}
	if hasFrac {
		b.WriteString(dot)
		b.WriteString(frac)
	}
	return b.String()
}

// Money writes an exact amount with its currency code: without decimals when
// it is whole or 1,000 or more (rounded half away from zero), else with two;
// "2,000,000 COP" in English, "2.000.000 COP" in Spanish, "12.50 EUR";
// without a currency, the amount alone.
func Money(amount decimal.Decimal, currency string, l Lang) string {
	dec := int32(2)
	if amount.Abs().Cmp(decimal.NewFromInt(1000)) >= 0 || amount.Equal(amount.Truncate(0)) {
		dec = 0
	}
	s := group(amount.StringFixed(dec), l)
	if currency != "" {
		s += " " + currency
	}
	return s
}

// Duration writes a span of business time, rounded to the minute: "45 min",
// "3 h 30 min", "56 h"; under a minute, in seconds ("40 s"), and under a
// second in milliseconds ("311 ms"); 0 is "0 min".
// It never counts days: a business day's length depends on the calendar (on
// a 10-hour calendar, 56 h are more than five working days).
func Duration(d time.Duration, l Lang) string {
	return span(d, false, l)
}

// Elapsed writes a span of calendar time: as [Duration] under a day, else in
// days and hours rounded to the hour ("2 d 8 h", "3 d").
func Elapsed(d time.Duration, l Lang) string {
	return span(d, true, l)
}

func span(d time.Duration, days bool, l Lang) string {
	sign := ""
	if d < 0 {
		sign = "−"
		if d == math.MinInt64 {
			d++ // one nanosecond does not show
		}
		d = -d
	}
	unit := func(n int64, u string) string { return group(strconv.FormatInt(n, 10), l) + " " + u }
	switch {
	case d == 0:
		return "0 min"
	case d < time.Second-time.Millisecond/2:
		return sign + unit(rounded(d, time.Millisecond), "ms")
	case d < time.Minute-time.Second/2:
		return sign + unit(rounded(d, time.Second), "s")
	case days && d >= 24*time.Hour-30*time.Minute:
		h := rounded(d, time.Hour)
		s := unit(h/24, "d")
		if h%24 != 0 {
			s += " " + unit(h%24, "h")
		}
		return sign + s
	}
	m := rounded(d, time.Minute)
	if m < 60 {
		return sign + unit(m, "min")
	}
	s := unit(m/60, "h")
	if m%60 != 0 {
		s += " " + unit(m%60, "min")
	}
	return sign + s
}

// rounded returns d in units of u, rounded half up, without the overflow of
// time.Duration.Round near the largest duration.
func rounded(d, u time.Duration) int64 {
	n := int64(d / u)
	if d%u >= u/2 {
		n++
	}
	return n
}
