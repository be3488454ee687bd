package sla

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHistogramJSONBounds checks the histogram decoder's ranges at their
// edges: 32-bit bucket indexes, positive bucket counts, counts adding up
// without overflow.
func TestHistogramJSONBounds(t *testing.T) {
	h := func(rest string) string { return `{"layout":"log2x64",` + rest + `}` }
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"empty", h(`"count":0`), true},
		{"zeros only", h(`"count":2,"zero":2`), true},
		{"negative zero count", h(`"count":0,"zero":-1`), false},
		{"negative count", h(`"count":-1`), false},
		{"first index", h(`"count":1,"buckets":[[0,1]]`), true},
		{"last index", h(fmt.Sprintf(`"count":1,"buckets":[[%d,1]]`, histBuckets-1)), true},
		{"index past the last", h(fmt.Sprintf(`"count":1,"buckets":[[%d,1]]`, histBuckets)), false},
		{"negative index", h(`"count":1,"buckets":[[-1,1]]`), false},
		{"indexes increasing", h(`"count":3,"buckets":[[3,1],[4,2]]`), true},
		{"index twice", h(`"count":2,"buckets":[[3,1],[3,1]]`), false},
		{"indexes decreasing", h(`"count":2,"buckets":[[4,1],[3,1]]`), false},
		{"bucket count 0", h(`"count":0,"buckets":[[3,0]]`), false},
		{"bucket count -1", h(`"count":-1,"buckets":[[3,-1]]`), false},
		// MaxInt64 − 1 zeros and 1 in a bucket add up to exactly MaxInt64.
		{"sum reaches MaxInt64", h(fmt.Sprintf(`"count":%d,"zero":%d,"buckets":[[3,1]]`, int64(math.MaxInt64), int64(math.MaxInt64-1))), true},
		{"sum overflows", h(fmt.Sprintf(`"count":%d,"zero":%d,"buckets":[[3,1]]`, int64(math.MaxInt64), int64(math.MaxInt64))), false},
		{"count too high", h(`"count":3,"zero":1,"buckets":[[3,1]]`), false},
		{"count too low", h(`"count":1,"zero":1,"buckets":[[3,1]]`), false},
		{"unknown field", h(`"count":0,"n":1`), false},
		// The DDSketch layout of earlier versions, with no layout key, is
		// refused rather than read into the wrong buckets.
		{"no layout", `{"count":1,"buckets":[[3,1]]}`, false},
		{"another layout", `{"layout":"ddsketch-1%","count":1,"buckets":[[3,1]]}`, false},
		{"trailing data", h(`"count":0`) + `{}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h Histogram
			h.Add(42 * time.Second) // any decoded value must replace this one entirely
			before := h.clone()
			err := h.UnmarshalJSON([]byte(tt.in))
			if !tt.ok {
				assertOnePrefix(t, err, ErrInvalidReport)
				assert.True(t, h.Equal(&before), "unchanged on error")
				return
			}
			require.NoError(t, err)
			out, err := json.Marshal(h)
			require.NoError(t, err)
			assert.JSONEq(t, tt.in, string(out))
		})
	}
}

// TestReportJSONBounds checks the report decoder's ranges at their edges.
func TestReportJSONBounds(t *testing.T) {
	const none = `"elapsed":{"layout":"log2x64","count":0}`
	const one = `"elapsed":{"layout":"log2x64","count":1,"buckets":[[695,1]]}`
	obj := func(fields string) string {
		return `{"tickets":1,"objectives":[{"name":"x","metric":"resolution",` + fields + `}]}`
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"no tickets", `{"tickets":0}`, true},
		{"negative tickets", `{"tickets":-1}`, false},
		{"threshold 0", obj(`"threshold":0,"cycles":0,"breaches":0,` + none), true},
		{"threshold 100", obj(`"threshold":100,"cycles":0,"breaches":0,` + none), true},
		{"threshold below 0", obj(`"threshold":-0.01,"cycles":0,"breaches":0,` + none), false},
		{"threshold above 100", obj(`"threshold":100.01,"cycles":0,"breaches":0,` + none), false},
		{"negative cycles", obj(`"threshold":90,"cycles":-1,"breaches":0,` + none), false},
		{"negative breaches", obj(`"threshold":90,"cycles":0,"breaches":-1,` + none), false},
		{"status counts", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1,"running":0},` + one), true},
		{"negative status count", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":-1},` + none), false},
		{"unknown status", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"unknown":1},` + none), false},
		{"priority counts", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1},"byPriority":{"high":{"met":1,"breached":0}},` + one), true},
		{"more by priority than in all", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1},"byPriority":{"high":{"met":1},"low":{"met":1}},` + one), false},
		{"by priority without status", obj(`"threshold":90,"cycles":1,"breaches":0,"byPriority":{"high":{"running":1}},` + none), false},
		{"unknown priority", obj(`"threshold":90,"cycles":1,"breaches":0,"byPriority":{"unknown":{"met":1}},` + none), false},
		{"negative priority count", obj(`"threshold":90,"cycles":1,"breaches":0,"byPriority":{"high":{"met":-1}},` + none), false},
		{"unknown status by priority", obj(`"threshold":90,"cycles":1,"breaches":0,"byPriority":{"high":{"unknown":1}},` + none), false},
		{"histogram without decided tickets", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"running":1},` + one), false},
		{"decided tickets without histogram", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1},` + none), false},
		{"snake_case key", obj(`"threshold":90,"cycles":1,"breaches":0,"by_priority":{},` + none), false},
		{"unknown metric", `{"tickets":1,"objectives":[{"name":"x","metric":"unknown","threshold":90,"cycles":0,"breaches":0,` + none + `}]}`, false},
		{"objective twice", `{"tickets":1,"objectives":[{"name":"x","metric":"resolution","threshold":90,"cycles":0,"breaches":0,` + none +
			`},{"name":"x","metric":"resolution","threshold":90,"cycles":0,"breaches":0,` + none + `}]}`, false},
		{"agreement identity", `{"agreement":"a","agreementId":"` + strings.Repeat("ab", 32) + `","tickets":0}`, true},
		{"identity not a SHA-256", `{"agreement":"a","agreementId":"abc","tickets":0}`, false},
		{"trailing data", `{"tickets":0} {}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Report{name: "kept", tickets: 7}
			err := r.UnmarshalJSON([]byte(tt.in))
			if !tt.ok {
				assertOnePrefix(t, err, ErrInvalidReport)
				assert.Equal(t, int64(7), r.tickets, "unchanged on error")
				assert.Equal(t, "kept", r.name)
				return
			}
			require.NoError(t, err)
			assert.NotEqual(t, int64(7), r.tickets)
			out, err := json.Marshal(&r)
			require.NoError(t, err)
			var again Report
			require.NoError(t, json.Unmarshal(out, &again), string(out))
			assert.True(t, again.Equal(&r), "round trip of %s", out)
		})
	}
	// Counts survive the round trip: 1 met high ticket.
	var r Report
	require.NoError(t, json.Unmarshal([]byte(obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1},"byPriority":{"high":{"met":1}},`+one)), &r))
	res := r.Result()
	require.Len(t, res.Objectives, 1)
	s := res.Objectives[0]
	assert.Equal(t, int64(1), s.Met)
	assert.Equal(t, Percent{Value: 100, Valid: true}, s.Compliance) // 1 met of 1 decided
	assert.Equal(t, []PrioritySummary{{Priority: High, Met: 1, Compliance: Percent{Value: 100, Valid: true}}}, s.ByPriority)
	assert.Equal(t, oneSecondAnswer, s.P50)
}
