package scorecard

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/internal/golden"
)

func TestIPAChartGolden(t *testing.T) {
	r, err := ImportancePerformance([]IPAInput{
		{"Waiting time", 4.6, 2.4}, {"Staff courtesy", 4.2, 4.1}, {"Parking", 2.1, 2.8}, {"Decor", 1.8, 4.5}, {"Opening hours", 3, 3},
	}, IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	require.NoError(t, err)
	chart := r.Chart(41, 11)
	golden.Check(t, "ipa_chart.txt", chart)

	rc := bankCard(t)
	c, err := rc.CompetitiveIPA(2)
	require.NoError(t, err)
	golden.Check(t, "competitive_ipa_chart.txt", c.Chart(41, 11))
}
