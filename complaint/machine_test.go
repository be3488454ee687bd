package complaint

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/servuction/servuction/internal/golden"
)

func TestMermaidGolden(t *testing.T) {
	got := Mermaid()
	golden.Check(t, "lifecycle.mmd", got)
	// One edge per row of the table, plus one declaration per state and one
	// final edge per terminal state.
	lines := 0
	for _, c := range got {
		if c == '\n' {
			lines++
		}
	}
	assert.Equal(t, 1+len(States())+len(Transitions())+2, lines)
}

func TestTransitionTable(t *testing.T) {
	for _, tr := range Transitions() {
		assert.False(t, tr.From.Terminal(), "no row leaves a terminal state: %+v", tr)
		assert.False(t, tr.Event.Annotation(), "annotations are not transitions: %+v", tr)
	}
	// Every state but the terminal ones and Unknown is reachable and left.
	reached, left := map[State]bool{}, map[State]bool{}
	for _, tr := range Transitions() {
		reached[tr.To], left[tr.From] = true, true
	}
	for _, s := range States() {
		assert.True(t, reached[s], "%s reachable", s)
		assert.Equal(t, !s.Terminal(), left[s], "%s left", s)
	}
}

// TestRowIndexAgreesWithTable: next and legal answer as a scan of the
// transition table does, for every state, event and target, undefined
// values included.
func TestRowIndexAgreesWithTable(t *testing.T) {
	for s := State(0); s < 20; s++ {
		for e := EventType(0); e < 40; e++ {
			var first State
			found := false
			for _, row := range Transitions() {
				if row.From == s && row.Event == e && !found {
					first, found = row.To, true
				}
			}
			got, ok := next(s, e)
			if got != first || ok != found {
				t.Errorf("next(%s, %s) = %s, %v; the table says %s, %v", s, e, got, ok, first, found)
			}
			for to := State(0); to < 40; to++ {
				want := false
				for _, row := range Transitions() {
					want = want || row.From == s && row.Event == e && row.To == to
				}
				if legal(s, e, to) != want {
					t.Errorf("legal(%s, %s, %s) = %v, want %v", s, e, to, !want, want)
				}
			}
		}
	}
}
