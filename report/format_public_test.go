package report

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"

	"github.com/servuction/servuction"
)

// TestLangFormats: money, durations and signed numbers in one format per
// language (worked by hand).
func TestLangFormats(t *testing.T) {
	cop := servuction.Money{Amount: decimal.NewFromInt(2_000_000), Currency: "COP"}
	assert.Equal(t, "2,000,000 COP", English.Money(cop))
	assert.Equal(t, "2.000.000 COP", Spanish.Money(cop))
	assert.Equal(t, "12,50 EUR", Spanish.Money(servuction.MustParseMoney("12.5 EUR")))
	assert.Equal(t, "56 h", English.Duration(56*time.Hour))
	assert.Equal(t, "3 h 30 min", Spanish.Duration(210*time.Minute))
	assert.Equal(t, "2 d 8 h", Spanish.Elapsed(56*time.Hour))
	assert.Equal(t, "45 min", English.Elapsed(45*time.Minute))
	assert.Equal(t, "+32", English.Signed(32, 0))
	assert.Equal(t, "−0,40", Spanish.Signed(-0.4, 2))
	assert.Equal(t, "95,2 %", Spanish.Percent(95.2, 1))
	assert.Equal(t, "12,345.6", English.Number(12345.6, 1))
}
