package servicecycle

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Defect 1 of issue 16: moments the customer lived were reported as
// skipped, and after an unknown moment nothing was judged. Each journey is
// judged by an optimal alignment (worked by hand in TestAlignHandWorked).
func TestConformanceByAlignment(t *testing.T) {
	tests := []struct {
		name string
		path []string
		want []DeviationCount
		fit  float64
	}{
		// One swap: B lived in the wrong place (after C), nothing skipped.
		{"swap", []string{"A", "C", "B", "D", "E"}, []DeviationCount{{OutOfOrder, "B", 1, 1}}, 1 - 2.0/10},
		// A second visit to B: repeated, C lived, nothing skipped.
		{"second visit", []string{"A", "B", "C", "B", "D", "E"}, []DeviationCount{{Repeated, "B", 1, 1}}, 1 - 1.0/11},
		// Reversed: one moment in place, four lived in the wrong place, none skipped.
		{"reversed", []string{"E", "D", "C", "B", "A"}, []DeviationCount{
			{OutOfOrder, "A", 1, 1}, {OutOfOrder, "B", 1, 1}, {OutOfOrder, "C", 1, 1}, {OutOfOrder, "D", 1, 1}}, 1 - 8.0/10},
		// An unknown moment does not stop the judgement: B is skipped.
		{"unknown", []string{"A", "X", "C", "D", "E"}, []DeviationCount{{Skipped, "B", 1, 1}, {UnknownMoment, "X", 1, 1}}, 1 - 2.0/10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Analyze(abcde(), journey("j", tt.path...))
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Deviations)
			assert.Equal(t, 0, res.Conforming)
			assert.Equal(t, 1, res.Completed)
			assert.InDelta(t, tt.fit, res.Fitness, 1e-12)
		})
	}
}

// Defect 2 of issue 16: a journey counted as complete only if its last
// contact was at an end. Completion means the journey reached an end.
func TestCompletionReachedEnd(t *testing.T) {
	abc := MustCycle(CycleConfig{Moments: []Moment{{ID: "A"}, {ID: "B"}, {ID: "C"}}})
	tests := []struct {
		name     string
		path     []string
		complete bool
	}{
		{"ends at the end", []string{"A", "B", "C"}, true},
		{"survey after the end", []string{"A", "B", "C", "survey"}, true},
		{"second visit after the end", []string{"A", "B", "C", "B"}, true},
		{"never reaches the end", []string{"A", "B", "B"}, false},
		{"end first, unknown last", []string{"C", "A", "survey"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Analyze(abc, journey("j", tt.path...))
			require.NoError(t, err)
			if tt.complete {
				assert.Equal(t, 1, res.Completed)
				assert.Empty(t, res.DropOff)
			} else {
				assert.Equal(t, 0, res.Completed)
				assert.Equal(t, []DropOff{{Moment: tt.path[len(tt.path)-1], Journeys: 1, Share: 1}}, res.DropOff)
			}
		})
	}
}
