// Package svg writes small, well-formed SVG documents by hand: every text and
// attribute value is XML-escaped, and every number goes through [Num], which
// never writes NaN or an infinity. It is the drawing layer of package report;
// it knows nothing about charts.
package svg

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
)

// Attr is one extra attribute of an element. Name must be a literal attribute
// name chosen by the program (it is written as is); Value is escaped.
type Attr struct{ Name, Value string }

// A is shorthand for an [Attr].
func A(name, value string) Attr { return Attr{name, value} }

// Point is a position in user units.
type Point struct{ X, Y float64 }

// Doc is an SVG document being written. The zero value is not usable; call
// [New]. Elements are appended in call order; [Doc.String] closes every open
// group and the root element.
type Doc struct {
	b     strings.Builder
	depth int // open <g> or <a> elements
}

// New starts an SVG document of width × height user units (also its viewBox),
// with an accessible title and description (title and desc elements, referenced
// by aria-labelledby).
func New(width, height float64, id, title, desc string) *Doc {
	d := &Doc{}
	d.b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 `)
	d.b.WriteString(Num(width))
	d.b.WriteByte(' ')
	d.b.WriteString(Num(height))
	d.b.WriteString(`" width="`)
	d.b.WriteString(Num(width))
	d.b.WriteString(`" height="`)
	d.b.WriteString(Num(height))
	d.b.WriteString(`" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="13"`)
	if id != "" {
		d.b.WriteString(` aria-labelledby="`)
		Escape(&d.b, id+"-title "+id+"-desc")
		d.b.WriteString(`"`)
	}
	d.b.WriteString(">")
	d.b.WriteString("<title")
	if id != "" {
		d.b.WriteString(` id="`)
		Escape(&d.b, id+"-title")
		d.b.WriteString(`"`)
	}
	d.b.WriteString(">")
	Escape(&d.b, title)
	d.b.WriteString("</title><desc")
	if id != "" {
		d.b.WriteString(` id="`)
		Escape(&d.b, id+"-desc")
		d.b.WriteString(`"`)
	}
	d.b.WriteString(">")
	Escape(&d.b, desc)
	d.b.WriteString("</desc>\n")
	return d
}

// Escape writes s to b with XML escaping. Invalid UTF-8 and characters that
// XML forbids (control characters) become U+FFFD.
func Escape(b *strings.Builder, s string) {
	// xml.EscapeText cannot fail on a strings.Builder.
	_ = xml.EscapeText(b, []byte(s))
}

// EscapeString returns s XML-escaped, as [Escape] writes it.
func EscapeString(s string) string {
	var b strings.Builder
	Escape(&b, s)
	return b.String()
}

// Num formats a coordinate or length with at most two decimals. NaN and
// infinities, which would make the document invalid, are written as 0;
// callers should not pass them, and the charts of package report filter them
// out before drawing.
func Num(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "0"
	}
	f = math.Round(f*100) / 100
	if f == 0 {
		return "0" // also turns -0 into 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func (d *Doc) attrs(as []Attr) {
	for _, a := range as {
		d.b.WriteByte(' ')
		d.b.WriteString(a.Name)
		d.b.WriteString(`="`)
		Escape(&d.b, a.Value)
		d.b.WriteByte('"')
	}
}

func (d *Doc) num(name string, v float64) {
	d.b.WriteByte(' ')
	d.b.WriteString(name)
	d.b.WriteString(`="`)
	d.b.WriteString(Num(v))
	d.b.WriteByte('"')
}

// Rect draws a rectangle. Negative width or height are drawn from the other
// corner, so a bar may be given in either direction.
func (d *Doc) Rect(x, y, w, h float64, as ...Attr) {
	if w < 0 {
		x, w = x+w, -w
	}
	if h < 0 {
		y, h = y+h, -h
	}
	d.b.WriteString("<rect")
	d.num("x", x)
	d.num("y", y)
	d.num("width", w)
	d.num("height", h)
	d.attrs(as)
	d.b.WriteString("/>\n")
}

// Line draws a segment.
func (d *Doc) Line(x1, y1, x2, y2 float64, as ...Attr) {
	d.b.WriteString("<line")
	d.num("x1", x1)
	d.num("y1", y1)
	d.num("x2", x2)
	d.num("y2", y2)
	d.attrs(as)
	d.b.WriteString("/>\n")
}

// Circle draws a circle.
func (d *Doc) Circle(cx, cy, r float64, as ...Attr) {
	d.b.WriteString("<circle")
	d.num("cx", cx)
	d.num("cy", cy)
	d.num("r", r)
	d.attrs(as)
	d.b.WriteString("/>\n")
}

func (d *Doc) points(pts []Point) {
	d.b.WriteString(` points="`)
	for i, p := range pts {
		if i > 0 {
			d.b.WriteByte(' ')
		}
		d.b.WriteString(Num(p.X))
		d.b.WriteByte(',')
		d.b.WriteString(Num(p.Y))
	}
	d.b.WriteByte('"')
}

// Polyline draws an open path through pts; fewer than two points draw nothing.
func (d *Doc) Polyline(pts []Point, as ...Attr) {
	if len(pts) < 2 {
		return
	}
	d.b.WriteString("<polyline")
	d.points(pts)
	d.attrs(as)
	d.b.WriteString("/>\n")
}

// Polygon draws a closed shape through pts; fewer than three points draw
// nothing.
func (d *Doc) Polygon(pts []Point, as ...Attr) {
	if len(pts) < 3 {
		return
	}
	d.b.WriteString("<polygon")
	d.points(pts)
	d.attrs(as)
	d.b.WriteString("/>\n")
}

// Path draws a path whose data is built with [PathData].
func (d *Doc) Path(data *PathData, as ...Attr) {
	d.b.WriteString(`<path d="`)
	d.b.WriteString(data.b.String())
	d.b.WriteByte('"')
	d.attrs(as)
	d.b.WriteString("/>\n")
}

// Text writes s at (x, y); s is escaped.
func (d *Doc) Text(x, y float64, s string, as ...Attr) {
	d.b.WriteString("<text")
	d.num("x", x)
	d.num("y", y)
	d.attrs(as)
	d.b.WriteByte('>')
	Escape(&d.b, s)
	d.b.WriteString("</text>\n")
}

// Group opens a <g> element; close it with [Doc.End]. A non-empty title
// becomes the group's tooltip and accessible name.
func (d *Doc) Group(title string, as ...Attr) {
	d.b.WriteString("<g")
	d.attrs(as)
	d.b.WriteByte('>')
	if title != "" {
		d.b.WriteString("<title>")
		Escape(&d.b, title)
		d.b.WriteString("</title>")
	}
	d.b.WriteByte('\n')
	d.depth++
}

// End closes the innermost open group; without one it does nothing.
func (d *Doc) End() {
	if d.depth == 0 {
		return
	}
	d.depth--
	d.b.WriteString("</g>\n")
}

// String closes open groups and the document and returns it. The Doc must
// not be used afterwards.
func (d *Doc) String() string {
	for d.depth > 0 {
		d.End()
	}
	d.b.WriteString("</svg>\n")
	return d.b.String()
}

// PathData builds the d attribute of a path from numbers only, so it needs
// no escaping.
type PathData struct{ b strings.Builder }

func (p *PathData) cmd(c byte, vs ...float64) *PathData {
	if p.b.Len() > 0 {
		p.b.WriteByte(' ')
	}
	p.b.WriteByte(c)
	for i, v := range vs {
		if i > 0 {
			p.b.WriteByte(' ')
		}
		p.b.WriteString(Num(v))
	}
	return p
}

// M moves to (x, y).
func (p *PathData) M(x, y float64) *PathData { return p.cmd('M', x, y) }

// L draws a line to (x, y).
func (p *PathData) L(x, y float64) *PathData { return p.cmd('L', x, y) }

// A draws an elliptical arc to (x, y).
func (p *PathData) A(rx, ry, rot float64, large, sweep bool, x, y float64) *PathData {
	return p.cmd('A', rx, ry, rot, b2f(large), b2f(sweep), x, y)
}

// Z closes the current sub-path.
func (p *PathData) Z() *PathData { return p.cmd('Z') }

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
