package report

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestKeepUnits: in a numeric cell a number stays with its unit, and
// separate quantities may wrap apart.
func TestKeepUnits(t *testing.T) {
	tests := []struct{ in, want string }{
		{"90,0 %", "90,0\u00a0%"},
		{"13 h 27 min", "13\u00a0h 27\u00a0min"},
		{"2.000.000 COP", "2.000.000\u00a0COP"},
		{"+0,95 (0,86 – 1,05)", "+0,95 (0,86 – 1,05)"},
		{"139 / 175", "139 / 175"},
		{"ningún tiquete decidido aún", "ningún tiquete decidido aún"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, keepUnits(tt.in), tt.in)
	}
	// Only numeric columns, and only in HTML.
	tab := Table{Header: []string{"a", "b"}, Numeric: []bool{false, true}, Rows: [][]string{{"5 h", "5 h"}}}
	var b strings.Builder
	tab.html(&b, English, "")
	assert.Contains(t, b.String(), "<td>5 h</td><td class=\"num\">5\u00a0h</td>")
	assert.Contains(t, tab.Markdown(English), "| 5 h | 5 h |")
}
