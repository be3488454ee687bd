package typology

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/servuction/servuction"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSummarizeTransactions(t *testing.T) {
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	day := func(d, h int) time.Time { return time.Date(2026, 1, d, h, 0, 0, 0, bog) }
	usd := func(s string) servuction.Money { return servuction.MustParseMoney(s + " USD") }
	log := []Transaction{
		// b, out of order: first on the 1st, again on the 8th and 15th
		// (calibration), the 22nd and 29th (holdout), the 40th-day one is
		// after the holdout.
		{"b", day(15, 10), usd("30")}, {"b", day(1, 9), usd("100")}, {"b", day(8, 12), usd("10")},
		{"b", day(22, 9), usd("7")}, {"b", day(29, 9), usd("8")}, {"b", day(40, 9), usd("1000")},
		// a: twice on the 3rd (one occasion when merging), once on the 10th.
		{"a", day(3, 9), usd("5")}, {"a", day(3, 18), usd("6")}, {"a", day(10, 9), usd("4")}, {"a", day(10, 20), usd("2")},
		// c: first buys in the holdout: left out.
		{"c", day(25, 9), usd("50")},
	}
	cfg := SummaryConfig{CalibrationEnd: day(15, 23), HoldoutEnd: day(29, 23), Unit: Day, MergeSameDay: true, Location: bog}
	got, err := SummarizeTransactions(log, cfg)
	require.NoError(t, err)
	require.Len(t, got, 2)
	// a: first 3rd 09:00; the 3rd 18:00 merges into it; the 10th 09:00 is
	// the one repeat (with the 10th 20:00 merged: 4 + 2 = 6); T from the
	// 3rd 09:00 to the 15th 23:00 = 12 d 14 h.
	a := got[0]
	assert.Equal(t, "a", a.Customer)
	assert.Equal(t, 1, a.X)
	assert.InDelta(t, 7, a.Tx, 1e-12)
	assert.InDelta(t, 12+14.0/24, a.T, 1e-12)
	assert.True(t, a.MeanAmount.Equal(usd("6")), a.MeanAmount.String())
	assert.Equal(t, 0, a.HoldoutX)
	assert.True(t, a.HoldoutAmount.Equal(usd("0")))
	// b: repeats on the 8th (12:00) and 15th (10:00): x 2, tx 14 d 1 h, mean
	// (10 + 30)/2 = 20; holdout 22nd and 29th: 2 purchases, 15.
	b := got[1]
	assert.Equal(t, 2, b.X)
	assert.InDelta(t, 14+1.0/24, b.Tx, 1e-12)
	assert.InDelta(t, 14+14.0/24, b.T, 1e-12)
	assert.True(t, b.MeanAmount.Equal(usd("20")))
	assert.Equal(t, 2, b.HoldoutX)
	assert.True(t, b.HoldoutAmount.Equal(usd("15")))
	assert.InDelta(t, 14, cfg.HoldoutLength(), 1e-12)

	// Without merging, a's second purchase on the 3rd is a repeat: x 3, mean
	// (6 + 4 + 2)/3 = 4; in weeks (the default unit) T is 12 d 14 h / 7.
	cfg.MergeSameDay, cfg.Unit = false, 0
	got, err = SummarizeTransactions(log, cfg)
	require.NoError(t, err)
	assert.Equal(t, 3, got[0].X)
	assert.True(t, got[0].MeanAmount.Equal(usd("4")))
	assert.InDelta(t, (12+14.0/24)/7, got[0].T, 1e-12)
	assert.InDelta(t, 2, cfg.HoldoutLength(), 1e-12)

	// Without a holdout, everything after the calibration is ignored.
	got, err = SummarizeTransactions(log, SummaryConfig{CalibrationEnd: day(15, 23)})
	require.NoError(t, err)
	assert.Equal(t, 0, got[1].HoldoutX)
	assert.Equal(t, "USD", got[1].HoldoutAmount.Currency)
}

func TestSummarizeTransactionsRejects(t *testing.T) {
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	ok := Transaction{"a", at, servuction.MustParseMoney("1 USD")}
	tests := []struct {
		name string
		log  []Transaction
		cfg  SummaryConfig
		err  error
		want string
	}{
		{"no calibration end", []Transaction{ok}, SummaryConfig{}, ErrInvalidConfig, "CalibrationEnd not set"},
		{"holdout before calibration", []Transaction{ok}, SummaryConfig{CalibrationEnd: at, HoldoutEnd: at}, ErrInvalidConfig, "HoldoutEnd"},
		{"negative unit", []Transaction{ok}, SummaryConfig{CalibrationEnd: at, Unit: -1}, ErrInvalidConfig, "Unit -1ns"},
		{"no customer", []Transaction{{At: at}}, SummaryConfig{CalibrationEnd: at}, ErrInvalidHistory, "transaction 0: no customer"},
		{"no instant", []Transaction{{Customer: "x"}}, SummaryConfig{CalibrationEnd: at}, ErrInvalidHistory, `transaction 0 ("x"): instant not set`},
		{"negative", []Transaction{{"x", at, servuction.MustParseMoney("-1 USD")}}, SummaryConfig{CalibrationEnd: at}, ErrInvalidHistory, "amount -1 USD is negative"},
		{"currencies", []Transaction{ok, {"x", at, servuction.MustParseMoney("1 EUR")}}, SummaryConfig{CalibrationEnd: at}, ErrInvalidHistory, "currency EUR differs from USD"},
	}
	for _, tt := range tests {
		_, err := SummarizeTransactions(tt.log, tt.cfg)
		require.ErrorIs(t, err, tt.err, tt.name)
		assert.Contains(t, err.Error(), tt.want, tt.name)
	}
	got, err := SummarizeTransactions(nil, SummaryConfig{CalibrationEnd: at})
	require.NoError(t, err)
	assert.Empty(t, got)
}

// FuzzSummarizeTransactions: over arbitrary logs the summary never panics,
// and what it returns is a valid BG/NBD history per customer, sorted, with
// every calibration and holdout purchase counted once.
func FuzzSummarizeTransactions(f *testing.F) {
	f.Add([]byte{1, 0, 10, 5, 1, 3, 20, 6, 2, 9, 0, 0}, true)
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0}, false)
	f.Add([]byte{3, 200, 1, 255, 3, 100, 2, 1}, true)
	f.Fuzz(func(t *testing.T, data []byte, merge bool) {
		start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		var log []Transaction
		for len(data) >= 4 {
			cust := string(rune('a' + data[0]%5))
			hours := int(binary.LittleEndian.Uint16(data[1:3]))
			log = append(log, Transaction{Customer: cust, At: start.Add(time.Duration(hours) * time.Hour),
				Amount: servuction.Money{Amount: decimal.NewFromInt(int64(int8(data[3]))), Currency: "COP"}})
			data = data[4:]
		}
		cfg := SummaryConfig{CalibrationEnd: start.Add(20000 * time.Hour), HoldoutEnd: start.Add(40000 * time.Hour), Unit: Day, MergeSameDay: merge}
		got, err := SummarizeTransactions(log, cfg)
		if err != nil {
			assert.ErrorIs(t, err, ErrInvalidHistory)
			return
		}
		assert.True(t, slices.IsSortedFunc(got, func(a, b CustomerSummary) int { return compareStrings(a.Customer, b.Customer) }))
		counted := 0
		for _, s := range got {
			require.NoError(t, checkHistory(s.X, s.Tx, s.T), "%+v", s)
			require.False(t, math.IsNaN(s.T))
			counted += 1 + s.X + s.HoldoutX
		}
		if !merge {
			inPeriods := 0
			for _, tr := range log {
				if !tr.At.After(cfg.HoldoutEnd) && firstIn(log, tr.Customer, cfg.CalibrationEnd) {
					inPeriods++
				}
			}
			assert.Equal(t, inPeriods, counted)
		}
	})
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// firstIn reports whether customer c's first purchase is at or before end.
func firstIn(log []Transaction, c string, end time.Time) bool {
	for _, tr := range log {
		if tr.Customer == c && !tr.At.After(end) {
			return true
		}
	}
	return false
}

// Without a Location the civil dates of MergeSameDay are UTC's: 23:00 and
// 01:00 UTC are two days, but one evening in Bogotá (UTC−5).
func TestSummarizeTransactionsMergeZone(t *testing.T) {
	at := func(d, h int) time.Time { return time.Date(2026, 3, d, h, 0, 0, 0, time.UTC) }
	usd := servuction.MustParseMoney("1 USD")
	log := []Transaction{{"a", at(1, 10), usd}, {"a", at(2, 23), usd}, {"a", at(3, 1), usd}}
	cfg := SummaryConfig{CalibrationEnd: at(10, 0), MergeSameDay: true}
	got, err := SummarizeTransactions(log, cfg)
	require.NoError(t, err)
	assert.Equal(t, 2, got[0].X)
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	cfg.Location = bog
	got, err = SummarizeTransactions(log, cfg)
	require.NoError(t, err)
	assert.Equal(t, 1, got[0].X)
	assert.True(t, got[0].MeanAmount.Equal(servuction.MustParseMoney("2 USD")))
}
