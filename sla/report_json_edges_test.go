package sla

import (
	"encoding/json"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestHistogramJSONBounds checks the histogram decoder's ranges at their
// edges: 32-bit bucket indexes, positive bucket counts, counts adding up
// without overflow.
func TestHistogramJSONBounds(t *testing.T) {
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"empty", `{"count":0}`, true},
		{"zeros only", `{"count":2,"zero":2}`, true},
		{"negative zero count", `{"count":0,"zero":-1}`, false},
		{"negative count", `{"count":-1}`, false},
		{"largest index", fmt.Sprintf(`{"count":1,"buckets":[[%d,1]]}`, math.MaxInt32), true},
		{"smallest index", fmt.Sprintf(`{"count":1,"buckets":[[%d,1]]}`, math.MinInt32), true},
		{"index past 32 bits", fmt.Sprintf(`{"count":1,"buckets":[[%d,1]]}`, int64(math.MaxInt32)+1), false},
		{"index below 32 bits", fmt.Sprintf(`{"count":1,"buckets":[[%d,1]]}`, int64(math.MinInt32)-1), false},
		{"bucket count 0", `{"count":0,"buckets":[[3,0]]}`, false},
		{"bucket count -1", `{"count":-1,"buckets":[[3,-1]]}`, false},
		// MaxInt64 − 1 zeros and 1 in a bucket add up to exactly MaxInt64.
		{"sum reaches MaxInt64", fmt.Sprintf(`{"count":%d,"zero":%d,"buckets":[[3,1]]}`, int64(math.MaxInt64), int64(math.MaxInt64-1)), true},
		{"sum overflows", fmt.Sprintf(`{"count":%d,"zero":%d,"buckets":[[3,1]]}`, int64(math.MaxInt64), int64(math.MaxInt64)), false},
		{"count too high", `{"count":3,"zero":1,"buckets":[[3,1]]}`, false},
		{"count too low", `{"count":1,"zero":1,"buckets":[[3,1]]}`, false},
		{"unknown field", `{"count":0,"n":1}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h Histogram
			h.Add(42) // any decoded value must replace this one entirely
			before := h.clone()
			err := h.UnmarshalJSON([]byte(tt.in))
			if !tt.ok {
				assert.ErrorIs(t, err, ErrInvalidReport)
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
	obj := func(fields string) string {
		return `{"tickets":1,"objectives":{"x":{"metric":"resolution",` + fields + `,"elapsed":{"count":0}}}}`
	}
	tests := []struct {
		name string
		in   string
		ok   bool
	}{
		{"no tickets", `{"tickets":0}`, true},
		{"negative tickets", `{"tickets":-1}`, false},
		{"threshold 0", obj(`"threshold":0,"cycles":0,"breaches":0`), true},
		{"threshold 100", obj(`"threshold":100,"cycles":0,"breaches":0`), true},
		{"threshold below 0", obj(`"threshold":-0.01,"cycles":0,"breaches":0`), false},
		{"threshold above 100", obj(`"threshold":100.01,"cycles":0,"breaches":0`), false},
		{"negative cycles", obj(`"threshold":90,"cycles":-1,"breaches":0`), false},
		{"negative breaches", obj(`"threshold":90,"cycles":0,"breaches":-1`), false},
		{"status counts", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1,"running":0}`), true},
		{"negative status count", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":-1}`), false},
		{"unknown status", obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"unknown":1}`), false},
		{"priority counts", obj(`"threshold":90,"cycles":1,"breaches":0,"by_priority":{"high":{"met":1,"breached":0}}`), true},
		{"unknown priority", obj(`"threshold":90,"cycles":1,"breaches":0,"by_priority":{"unknown":{"met":1}}`), false},
		{"negative priority count", obj(`"threshold":90,"cycles":1,"breaches":0,"by_priority":{"high":{"met":-1}}`), false},
		{"unknown status by priority", obj(`"threshold":90,"cycles":1,"breaches":0,"by_priority":{"high":{"unknown":1}}`), false},
		{"unknown metric", `{"tickets":1,"objectives":{"x":{"metric":"unknown","threshold":90,"cycles":0,"breaches":0,"elapsed":{"count":0}}}}`, false},
		{"trailing data", `{"tickets":0} {}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Report{name: "kept", tickets: 7}
			err := r.UnmarshalJSON([]byte(tt.in))
			if !tt.ok {
				assert.ErrorIs(t, err, ErrInvalidReport)
				assert.Equal(t, int64(7), r.tickets, "unchanged on error")
				assert.Equal(t, "kept", r.name)
				return
			}
			require.NoError(t, err)
			assert.NotEqual(t, int64(7), r.tickets)
		})
	}
	// Counts survive the round trip: 1 met high ticket.
	var r Report
	require.NoError(t, json.Unmarshal([]byte(obj(`"threshold":90,"cycles":1,"breaches":0,"status":{"met":1},"by_priority":{"high":{"met":1}}`)), &r))
	res := r.Result()
	require.Len(t, res.Objectives, 1)
	s := res.Objectives[0]
	assert.Equal(t, int64(1), s.Met)
	assert.Equal(t, 100.0, s.Compliance) // 1 met of 1 decided
	assert.Equal(t, []PrioritySummary{{Priority: High, Met: 1, Compliance: 100}}, s.ByPriority)
}
