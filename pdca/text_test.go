package pdca

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/internal/golden"
)

func TestTextGolden(t *testing.T) {
	sizes := make([]int, len(ojD))
	for i := range sizes {
		sizes[i] = 50
	}
	p, err := P(ojD, sizes)
	require.NoError(t, err)
	got := p.Text(nil, WesternElectric)
	golden.Check(t, "orangejuice_p.txt", got)

	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	require.Len(t, lines, 2+len(ojD))
	// Samples 15 and 23 are beyond the UCL: marked X and WE1 (qcc's result).
	assert.Contains(t, lines[2+14], "X")
	assert.True(t, strings.HasSuffix(lines[2+14], "WE1"))
	assert.True(t, strings.HasSuffix(lines[2+22], "WE1,WE2"))
	// By hand, σ_p = 0.421685/√50 = 0.059635: 2σ above is 0.350603 and 1σ
	// above 0.290968. Samples 21 (0.40) and 22 (0.36) are beyond 2σ: WE2 at
	// 22 and 23; samples 21–24 are beyond 1σ (0.40, 0.36, 0.48, 0.30): WE3 at 24.
	assert.True(t, strings.HasSuffix(lines[2+21], "WE2"))
	assert.True(t, strings.HasSuffix(lines[2+23], "WE3"))
	assert.NotContains(t, lines[2], "X")

	// Labels, and an empty chart.
	c := handChart(0, 1)
	assert.Contains(t, c.Text([]string{"lunes"}, nil), "lunes")
	assert.Equal(t, "unknown chart: centre 0, sigma 0, 0 points\n", Chart{}.Text(nil, nil))
}
