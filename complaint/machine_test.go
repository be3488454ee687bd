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
