package human

import (
	"math"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		v   float64
		dec int
		en  string
		es  string
	}{
		{0, 0, "0", "0"},
		{1234, 0, "1234", "1234"}, // grouped from five digits on
		{12345.6, 1, "12,345.6", "12.345,6"},
		{-1234567.891, 2, "−1,234,567.89", "−1.234.567,89"},
		{-0.001, 2, "0.00", "0,00"}, // no sign on a number that reads as zero
		{math.NaN(), 1, "–", "–"},
		{math.Inf(-1), 1, "–", "–"},
	}
	for _, tt := range tests {
		if got := Number(tt.v, tt.dec, English); got != tt.en {
			t.Errorf("Number(%v, %d, English) = %q, want %q", tt.v, tt.dec, got, tt.en)
		}
		if got := Number(tt.v, tt.dec, Spanish); got != tt.es {
			t.Errorf("Number(%v, %d, Spanish) = %q, want %q", tt.v, tt.dec, got, tt.es)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		amount, cur string
		en, es      string
	}{
		{"2000000", "COP", "2,000,000 COP", "2.000.000 COP"},
		{"12.5", "EUR", "12.50 EUR", "12,50 EUR"},
		{"12", "EUR", "12 EUR", "12 EUR"},
		{"1250.5", "USD", "1251 USD", "1251 USD"}, // 1,000 or more: no decimals, half away from zero
		{"-35000.4", "", "−35,000", "−35.000"},
		// Exact: a float would lose the last digits.
		{"12345678901234567890", "COP", "12,345,678,901,234,567,890 COP", "12.345.678.901.234.567.890 COP"},
	}
	for _, tt := range tests {
		a := decimal.RequireFromString(tt.amount)
		if got := Money(a, tt.cur, English); got != tt.en {
			t.Errorf("Money(%s %s, English) = %q, want %q", tt.amount, tt.cur, got, tt.en)
		}
		if got := Money(a, tt.cur, Spanish); got != tt.es {
			t.Errorf("Money(%s %s, Spanish) = %q, want %q", tt.amount, tt.cur, got, tt.es)
		}
	}
}

func TestDuration(t *testing.T) {
	tests := []struct {
		d                time.Duration
		business, calend string
	}{
		{0, "0 min", "0 min"},
		{311400 * time.Microsecond, "311 ms", "311 ms"},
		{999600 * time.Microsecond, "1 s", "1 s"},
		{40 * time.Second, "40 s", "40 s"},
		{59*time.Second + 600*time.Millisecond, "1 min", "1 min"},
		{45 * time.Minute, "45 min", "45 min"},
		{3*time.Hour + 30*time.Minute, "3 h 30 min", "3 h 30 min"},
		{4 * time.Hour, "4 h", "4 h"},
		{23*time.Hour + 29*time.Minute, "23 h 29 min", "23 h 29 min"},
		{23*time.Hour + 31*time.Minute, "23 h 31 min", "1 d"},
		{56 * time.Hour, "56 h", "2 d 8 h"},                       // the late e-mail
		{56*time.Hour + 40*time.Minute, "56 h 40 min", "2 d 9 h"}, // rounded to the hour in days
		{72 * time.Hour, "72 h", "3 d"},
		{-90 * time.Minute, "−1 h 30 min", "−1 h 30 min"},
		{20000 * time.Hour, "20,000 h", "833 d 8 h"},
		{math.MinInt64, "−2,562,047 h 47 min", "−106,752 d"}, // 9 223 372 036.85 s = 2 562 047 h 47.28 min
	}
	for _, tt := range tests {
		if got := Duration(tt.d, English); got != tt.business {
			t.Errorf("Duration(%v) = %q, want %q", tt.d, got, tt.business)
		}
		if got := Elapsed(tt.d, English); got != tt.calend {
			t.Errorf("Elapsed(%v) = %q, want %q", tt.d, got, tt.calend)
		}
	}
	if got := Duration(20000*time.Hour, Spanish); got != "20.000 h" {
		t.Errorf("Duration(20000h, Spanish) = %q", got)
	}
}
