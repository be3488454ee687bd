package scorecard

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run %s -update", t.Name())
	assert.Equal(t, string(want), got)
}

func TestIPAChartGolden(t *testing.T) {
	r, err := ImportancePerformance([]IPAInput{
		{"Waiting time", 4.6, 2.4}, {"Staff courtesy", 4.2, 4.1}, {"Parking", 2.1, 2.8}, {"Decor", 1.8, 4.5}, {"Opening hours", 3, 3},
	}, IPAConfig{ImportanceScale: Likert5, PerformanceScale: Likert5})
	require.NoError(t, err)
	chart := r.Chart(41, 11)
	golden(t, "ipa_chart.txt", chart)

	rc := bankCard(t)
	c, err := rc.CompetitiveIPA(2)
	require.NoError(t, err)
	golden(t, "competitive_ipa_chart.txt", c.Chart(41, 11))
}
