package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/servuction/servuction/internal/svg"
)

func TestWrapLines(t *testing.T) {
	tests := []struct {
		s    string
		n, m int
		want []string
	}{
		{"Queue", 18, 2, []string{"Queue"}},
		{"★ Gestión del asesor", 18, 2, []string{"★ Gestión del", "asesor"}},     // the last space within 18 runes
		{"Llamada de seguimiento", 18, 2, []string{"Llamada de", "seguimiento"}}, // never inside a word
		{"Supercalifragilistic", 10, 2, []string{"Supercalifragilistic"}},        // a long word stays whole
		{"a b c d e f g h i j k l m n o p", 6, 2, []string{"a b c", "d e f…"}},   // beyond the last line: shortened
		{"Resolución en el primer contacto", 30, 3, []string{"Resolución en el primer", "contacto"}},
		{"  spaced   out  ", 20, 0, []string{"spaced out"}},
		{"", 10, 2, nil},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wrapLines(tt.s, tt.n, tt.m), tt.s)
	}
}

func TestLabelBox(t *testing.T) {
	// 12 px, 0.6 em a rune: "100" is 21.6 wide, plus a 2-unit margin each side.
	assert.Equal(t, box{98, 89.8, 123.6, 103}, labelBox(100, 100, "100", 12, "start"))
	assert.Equal(t, box{87.2, 89.8, 112.8, 103}, labelBox(100, 100, "100", 12, "middle"))
	assert.Equal(t, box{76.4, 89.8, 102, 103}, labelBox(100, 100, "100", 12, "end"))
}

func TestBoxCrosses(t *testing.T) {
	b := box{10, 10, 20, 20}
	tests := []struct {
		name string
		pts  []svg.Point
		want bool
	}{
		{"through", []svg.Point{{X: 0, Y: 15}, {X: 30, Y: 15}}, true},
		{"diagonal through a corner", []svg.Point{{X: 5, Y: 5}, {X: 25, Y: 25}}, true},
		{"inside", []svg.Point{{X: 12, Y: 12}, {X: 13, Y: 13}}, true},
		{"above", []svg.Point{{X: 0, Y: 5}, {X: 30, Y: 5}}, false},
		{"past a corner", []svg.Point{{X: 0, Y: 25}, {X: 25, Y: 0}}, true}, // passes (10,15)…(15,10)
		{"beside a corner", []svg.Point{{X: 0, Y: 8}, {X: 8, Y: 0}}, false},
		{"ending short", []svg.Point{{X: 0, Y: 15}, {X: 9, Y: 15}}, false},
		{"second segment", []svg.Point{{X: 0, Y: 0}, {X: 30, Y: 0}, {X: 30, Y: 30}, {X: 0, Y: 12}}, true},
		{"one point", []svg.Point{{X: 15, Y: 15}}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, b.crosses(tt.pts), tt.name)
	}
}

// TestPlacement: a label goes to the first spot clear of the lines, the
// labels already placed and the area's edges, or to the first when none is.
func TestPlacement(t *testing.T) {
	p := placement{area: box{0, 0, 200, 100}, lines: [][]svg.Point{{{X: 0, Y: 50}, {X: 200, Y: 50}}}}
	cands := []spot{{50, 55, "start"}, {50, 40, "start"}, {50, 80, "start"}}
	assert.Equal(t, cands[1], p.place("3,20", 12, cands), "the first spot is on the line")
	assert.Equal(t, cands[2], p.place("3,20", 12, cands), "the second overlaps the first label")
	assert.Equal(t, spot{190, 30, "start"}, p.place("wide", 12, []spot{{190, 30, "start"}, {195, 30, "start"}}), "none fits the area: the first")
	assert.Len(t, p.placed, 3)
}
