package report

import (
	"strings"
	"unicode/utf8"

	"github.com/servuction/servuction/internal/svg"
)

// box is the rectangle a label is estimated to cover, in chart units.
type box struct{ x0, y0, x1, y1 float64 }

// labelBox estimates the box of a one-line label of the given font size
// drawn at (x, y) (y its baseline) with the given text-anchor: the text's
// width from [textWidth] with a margin, from the ascent of capitals to the
// descent of the font.
func labelBox(x, y float64, s string, size float64, anchor string) box {
	w := textWidth(s, size) + 4
	b := box{x0: x - 2, y0: y - 0.85*size, x1: x - 2 + w, y1: y + 0.25*size}
	switch anchor {
	case "middle":
		b.x0, b.x1 = x-w/2, x+w/2
	case "end":
		b.x0, b.x1 = x+2-w, x+2
	}
	return b
}

func (b box) overlaps(o box) bool {
	return b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1
}

// within reports whether b lies inside o.
func (b box) within(o box) bool {
	return b.x0 >= o.x0 && b.x1 <= o.x1 && b.y0 >= o.y0 && b.y1 <= o.y1
}

// crosses reports whether the polyline pts passes through b.
func (b box) crosses(pts []svg.Point) bool {
	for i := 1; i < len(pts); i++ {
		if b.hitBySegment(pts[i-1], pts[i]) {
			return true
		}
	}
	return false
}

// hitBySegment clips the segment pq to b (Liang–Barsky) and reports whether
// anything is left.
func (b box) hitBySegment(p, q svg.Point) bool {
	t0, t1 := 0.0, 1.0
	dx, dy := q.X-p.X, q.Y-p.Y
	for _, e := range [4][2]float64{{-dx, p.X - b.x0}, {dx, b.x1 - p.X}, {-dy, p.Y - b.y0}, {dy, b.y1 - p.Y}} {
		if e[0] == 0 {
			if e[1] < 0 {
				return false
			}
			continue
		}
		t := e[1] / e[0]
		if e[0] < 0 {
			t0 = max(t0, t)
		} else {
			t1 = min(t1, t)
		}
		if t0 > t1 {
			return false
		}
	}
	return true
}

// spot is a candidate position of a label.
type spot struct {
	x, y   float64
	anchor string
}

// placement chooses where labels go: the first candidate spot whose box
// stays inside the area, clear of the lines and of the labels already
// placed.
type placement struct {
	area   box
	lines  [][]svg.Point
	placed []box
}

// place returns the first spot of cands that is clear, and records its box;
// when none is, the first spot is returned (and recorded) as the least bad.
func (p *placement) place(s string, size float64, cands []spot) spot {
	for _, c := range cands {
		b := labelBox(c.x, c.y, s, size, c.anchor)
		if p.clear(b) {
			p.placed = append(p.placed, b)
			return c
		}
	}
	c := cands[0]
	p.placed = append(p.placed, labelBox(c.x, c.y, s, size, c.anchor))
	return c
}

func (p *placement) clear(b box) bool {
	if !b.within(p.area) {
		return false
	}
	for _, l := range p.lines {
		if b.crosses(l) {
			return false
		}
	}
	for _, o := range p.placed {
		if b.overlaps(o) {
			return false
		}
	}
	return true
}

// wrapLines splits s into lines of at most n runes, breaking at spaces, and
// at most maxLines lines; words longer than n stay whole on a line of their own,
// and text beyond maxLines lines is shortened with "…" (the full text is in the
// element's tooltip and in the chart's table).
func wrapLines(s string, n, maxLines int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		switch {
		case cur == "":
			cur = w
		case utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(w) <= n:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	if maxLines > 0 && len(lines) > maxLines {
		rest := strings.Join(lines[maxLines-1:], " ")
		lines = append(lines[:maxLines-1], shorten(rest, n))
	}
	return lines
}

// rowLabel writes a row's name right-aligned at x, whole on up to two lines
// of at most n runes centred on the baseline y (a name longer still is
// shortened on its second line; the row's tooltip and table hold it whole).
func rowLabel(d *svg.Doc, x, y float64, s string, n int, sz string) {
	lines := wrapLines(s, n, 2)
	switch len(lines) {
	case 0:
		return
	case 1:
		d.Text(x, y, lines[0], anchor("end"), size(sz), fill(colText))
		return
	}
	d.Text(x, y-7.5, lines[0], anchor("end"), size(sz), fill(colText))
	d.Text(x, y+7.5, lines[1], anchor("end"), size(sz), fill(colText))
}
