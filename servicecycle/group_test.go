package servicecycle

import (
	"strconv"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGroupHashCollision checks that two cases whose ids hash alike (the
// grouper sorts by a 32-bit hash) still make two journeys, their
// encounters interleaved in time.
func TestGroupHashCollision(t *testing.T) {
	a, b := "case-49958", "case-56557"
	require.Equal(t, caseHash(a), caseHash(b), "the pair must collide")
	c := abcde()
	var log []Encounter
	for i, m := range []string{"A", "B", "C", "D", "E"} {
		log = append(log, enc(a, m, 2*i, 5), enc(b, m, 2*i+1, 1))
	}
	log = append(log, enc(b, "A", 20, 3)) // b comes back to A
	g := NewGrouper(c)
	for i := len(log) - 1; i >= 0; i-- {
		require.NoError(t, g.Add(log[i]))
	}
	var got []JourneySummary
	for s := range g.Summaries() {
		got = append(got, s.Clone())
	}
	require.Len(t, got, 2)
	assert.Equal(t, a, got[0].Case)
	assert.Equal(t, b, got[1].Case)
	assert.Len(t, got[0].Steps, 5)
	assert.Len(t, got[1].Steps, 6)
	assert.Equal(t, 0, got[0].Cost)
	assert.Equal(t, []JourneyDeviation{{Kind: Repeated, Moment: "A", Position: 6}}, got[1].Deviations)
	for _, st := range got[0].Steps {
		assert.Equal(t, 5, st.Rating)
	}
}

// TestRecordSize: a grouper holds 48 bytes per encounter (case ids of up to
// 12 bytes inside the record), the figure its doc and the benchmark rely on.
func TestRecordSize(t *testing.T) {
	assert.Equal(t, uintptr(48), unsafe.Sizeof(record{}))
}

// TestCaseHashSpread: sequential case ids fill the 256 parts evenly (the
// unmixed FNV-1a top byte left some parts empty and others at 2.5 times
// their share): 100 000 ids, 390.6 a part, within six standard deviations.
func TestCaseHashSpread(t *testing.T) {
	var count [parts]int
	for i := range 100_000 {
		count[caseHash("case-"+strconv.Itoa(i))>>24]++
	}
	for b, c := range count {
		assert.InDelta(t, 390.6, c, 6*19.8, "part %d", b)
	}
}
