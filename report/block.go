package report

import (
	"io"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// Block is one element of a report [Section]. The package's blocks are its
// charts (drawn as SVG, with their data as a table underneath), [Table],
// [Figures] and [Text]; any type with these two methods is a block too, so
// a dashboard can add its own (a map, a list of open incidents, a
// sign-off), as the package's example of a custom block shows.
type Block interface {
	// WriteMarkdown writes the block to w as Markdown in language l (a chart
	// as the table of its data), ending with a newline. The report puts a
	// blank line after it.
	WriteMarkdown(w io.Writer, l Lang) error
	// WriteHTML writes the block to w as an HTML fragment in language l.
	// The fragment must be well-formed XML (every element closed, text
	// escaped) and self-contained — no script, no external resource — so
	// the page stays one file that any XML parser can check; id is unique
	// in the page ("c1", "c2", …), for the elements that need one (an
	// SVG's title). The page's style sheet applies to it.
	WriteHTML(w io.Writer, l Lang, id string) error
}

// writeString writes s to w.
func writeString(w io.Writer, s string) error {
	_, err := io.WriteString(w, s)
	return err
}

// writeBuilt builds a fragment with f and writes it to w in one write.
func writeBuilt(w io.Writer, f func(b *strings.Builder)) error {
	var b strings.Builder
	f(&b)
	return writeString(w, b.String())
}

// Chart is a [Block] drawn as an SVG chart.
type Chart interface {
	Block
	// SVG returns the chart as a standalone SVG document, 800 units wide,
	// with a title and a description for screen readers. An empty or
	// all-missing input gives a "no data" panel, never a broken chart.
	SVG(l Lang) string
	// Table returns the chart's data as a table, in the chart's order.
	Table(l Lang) Table
}

// Colours of every chart: one palette, readable on white and by people with
// the common colour-vision deficiencies (status is also told by shape or text).
const (
	colGood    = "#1a7f37"
	colBad     = "#cf222e"
	colWarn    = "#9a6700"
	colMain    = "#0969da"
	colSecond  = "#8250df"
	colAxis    = "#57606a"
	colGrid    = "#d8dee4"
	colText    = "#1f2328"
	colZone1   = "#dafbe1" // within ±1σ
	colZone2   = "#fff8c5" // ±1σ … ±2σ
	colZone3   = "#ffebe9" // ±2σ … ±3σ
	colFaint   = "#f6f8fa"
	chartWidth = 800.0
)

func fill(c string) svg.Attr   { return svg.A("fill", c) }
func stroke(c string) svg.Attr { return svg.A("stroke", c) }
func sw(w string) svg.Attr     { return svg.A("stroke-width", w) }
func anchor(a string) svg.Attr { return svg.A("text-anchor", a) }
func size(s string) svg.Attr   { return svg.A("font-size", s) }
func bold() svg.Attr           { return svg.A("font-weight", "bold") }
func dash(d string) svg.Attr   { return svg.A("stroke-dasharray", d) }
func none() svg.Attr           { return svg.A("fill", "none") }

// halo draws a white outline under a label's glyphs so it stays legible
// where it crosses a line or a grid.
func halo() []svg.Attr {
	return []svg.Attr{svg.A("paint-order", "stroke"), stroke("#ffffff"), sw("3"), svg.A("stroke-linejoin", "round")}
}

// noData returns the panel drawn in place of a chart without data.
func noData(id, title string, l Lang, reason string) string {
	if reason == "" {
		reason = l.t("There is nothing to plot for this period.", "No hay nada que graficar en este periodo.")
	}
	d := svg.New(chartWidth, 160, id, title, l.t("No data: ", "Sin datos: ")+reason)
	d.Rect(1, 1, chartWidth-2, 158, fill(colFaint), stroke(colGrid), sw("2"), dash("6 4"), svg.A("rx", "8"))
	d.Text(chartWidth/2, 62, title, anchor("middle"), size("16"), bold(), fill(colText))
	d.Text(chartWidth/2, 96, l.t("No data", "Sin datos"), anchor("middle"), size("22"), fill(colAxis))
	d.Text(chartWidth/2, 126, reason, anchor("middle"), size("13"), fill(colAxis))
	return d.String()
}

// heading draws a chart's title at the top left.
func heading(d *svg.Doc, title string) {
	d.Text(16, 26, shorten(title, 90), size("17"), bold(), fill(colText))
}

type legendItem struct {
	label  string
	colour string
	kind   byte // 'r' rectangle, 'l' line, 'd' dashed line, 'c' circle, 'm' diamond
}

// legend draws items in a row starting at (x, y), right-aligned to the chart
// when x < 0.
func legend(d *svg.Doc, x, y float64, items []legendItem) {
	if x < 0 {
		w := 0.0
		for _, it := range items {
			w += 30 + textWidth(it.label, 12) + 14
		}
		x = chartWidth - 16 - w
	}
	for _, it := range items {
		switch it.kind {
		case 'l':
			d.Line(x, y-4, x+22, y-4, stroke(it.colour), sw("3"))
		case 'd':
			d.Line(x, y-4, x+22, y-4, stroke(it.colour), sw("2"), dash("6 3"))
		case 'c':
			d.Circle(x+11, y-4, 5, fill(it.colour))
		case 'm':
			d.Polygon([]svg.Point{{X: x + 11, Y: y - 11}, {X: x + 18, Y: y - 4}, {X: x + 11, Y: y + 3}, {X: x + 4, Y: y - 4}}, fill(it.colour))
		default:
			d.Rect(x+3, y-11, 16, 13, fill(it.colour))
		}
		d.Text(x+28, y, it.label, size("12"), fill(colText))
		x += 30 + textWidth(it.label, 12) + 14
	}
}

// yAxis draws horizontal grid lines and labels for vals between x0 and x1.
func yAxis(d *svg.Doc, sc scale, vals []float64, x0, x1 float64, label func(float64) string) {
	for _, v := range vals {
		y := sc.at(v)
		d.Line(x0, y, x1, y, stroke(colGrid), sw("1"))
		d.Text(x0-8, y+4, label(v), anchor("end"), size("12"), fill(colAxis))
	}
	d.Line(x0, sc.r0, x0, sc.r1, stroke(colAxis), sw("1"))
}

// xAxis draws vertical grid lines and labels for vals between y0 and y1
// (labels below y1).
func xAxis(d *svg.Doc, sc scale, vals []float64, y0, y1 float64, label func(float64) string) {
	for _, v := range vals {
		x := sc.at(v)
		d.Line(x, y0, x, y1, stroke(colGrid), sw("1"))
		d.Text(x, y1+18, label(v), anchor("middle"), size("12"), fill(colAxis))
	}
	d.Line(sc.r0, y1, sc.r1, y1, stroke(colAxis), sw("1"))
}

// axisTitle writes an axis title; vertical titles are rotated.
func axisTitle(d *svg.Doc, x, y float64, s string, vertical bool) {
	if vertical {
		d.Text(x, y, s, anchor("middle"), size("12"), fill(colAxis),
			svg.A("transform", "rotate(-90 "+svg.Num(x)+" "+svg.Num(y)+")"))
		return
	}
	d.Text(x, y, s, anchor("middle"), size("12"), fill(colAxis))
}

// chartHTML writes a chart as a figure: the SVG, and its data in a
// collapsible table for readers who prefer numbers (no JavaScript needed).
func chartHTML(b *strings.Builder, l Lang, svgDoc string, t Table) {
	b.WriteString("<figure class=\"chart\">\n")
	b.WriteString(svgDoc)
	if len(t.Rows) > 0 {
		b.WriteString("<details><summary>")
		b.WriteString(l.t("Data", "Datos"))
		b.WriteString("</summary>\n")
		t.html(b, l, "")
		b.WriteString("</details>\n")
	}
	b.WriteString("</figure>\n")
}
