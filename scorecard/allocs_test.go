package scorecard

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The doc comments promise that Add does not allocate (Servqual and Alpha:
// once the accumulator is sized).
func TestAddDoesNotAllocate(t *testing.T) {
	s := NewServqual(nil)
	r := servqualBenchResponse()
	require.NoError(t, s.Add(r))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = s.Add(r) }), "Servqual.Add")
	weighted := r
	weighted.Weight = 2
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = s.Add(weighted) }), "Servqual.Add, weighted")

	var n NPS
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = n.Add(9) }), "NPS.Add")
	var c CSAT
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = c.Add(4) }), "CSAT.Add")
	var e CES
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = e.Add(4) }), "CES.Add")
	a, err := NewAlpha(3, Pairwise)
	require.NoError(t, err)
	row := []float64{1, 2, nan}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = a.Add(row) }), "Alpha.Add")
}
