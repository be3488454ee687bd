package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// ParetoChart ranks causes (of complaints, of lost customers, of cost) from
// the largest down, with the cumulative share as a line on a second axis and
// the 80 % line: the "vital few" causes that reach it are drawn darker.
type ParetoChart struct {
	Title string // "" gives the default title
	// Unit names what the bars count or sum, e.g. "cases" or "COP".
	Unit string
	Bars []ParetoBar
}

// ParetoBar is one cause and its count or amount. Negative and non-finite
// values are left out.
type ParetoBar struct {
	Label string
	Value float64
}

func (c ParetoChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Complaint causes (Pareto)", "Causas de las quejas (Pareto)")
}

// sorted returns the positive bars by value, largest first (ties by label),
// with their cumulative share in percent.
func (c ParetoChart) sorted() ([]ParetoBar, []float64) {
	var bs []ParetoBar
	total := 0.0
	for _, b := range c.Bars {
		if finite(b.Value) && b.Value > 0 {
			bs = append(bs, b)
			total += b.Value
		}
	}
	sortStable(bs, func(a, b ParetoBar) bool {
		if a.Value != b.Value {
			return a.Value > b.Value
		}
		return a.Label < b.Label
	})
	cum := make([]float64, len(bs))
	run := 0.0
	for i, b := range bs {
		run += b.Value
		cum[i] = 100 * run / total
	}
	return bs, cum
}

// maxParetoBars is the most bars a Pareto chart draws.
const maxParetoBars = 12

// SVG implements [Chart].
func (c ParetoChart) SVG(l Lang) string { return c.svg(l, "pareto") }

func (c ParetoChart) svg(l Lang, id string) string {
	title := c.title(l)
	bs, cum := c.sorted()
	if len(bs) == 0 {
		return noData(id, title, l, l.t("No cause was recorded.", "No se registró ninguna causa."))
	}
	var desc []string
	for i, b := range bs {
		desc = append(desc, b.Label+": "+l.num(b.Value, 0)+" ("+l.pct(cum[i], 0)+l.t(" cumulative)", " acumulado)"))
	}
	// Beyond maxParetoBars causes the bars would be too thin to label: the
	// smallest are drawn as one "other causes" bar (the table lists them all).
	if len(bs) > maxParetoBars {
		rest := 0.0
		for _, b := range bs[maxParetoBars-1:] {
			rest += b.Value
		}
		n := len(bs) - (maxParetoBars - 1)
		bs = append(bs[:maxParetoBars-1:maxParetoBars-1], ParetoBar{Label: l.t("Other ", "Otras ") + itoa(n) + l.t(" causes", " causas"), Value: rest})
		cum = append(cum[:maxParetoBars-1:maxParetoBars-1], 100)
	}
	const h = 440.0
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	legend(d, -1, 50, []legendItem{
		{l.t("vital few", "pocos vitales"), colMain, 'r'},
		{l.t("other causes", "otras causas"), "#9ecbff", 'r'},
		{l.t("cumulative %", "% acumulado"), colBad, 'l'},
	})
	x0, x1, y0, y1 := 90.0, chartWidth-70, 72.0, h-120
	top := 0.0
	for _, b := range bs {
		top = math.Max(top, b.Value)
	}
	tv, _, tmax := ticks(0, top, 5)
	ys := scale{0, tmax, y1, y0}
	cs := scale{0, 100, y1, y0}
	dec := decimalsFor(tv)
	yAxis(d, ys, tv, x0, x1, func(v float64) string { return l.num(v, dec) })
	for _, v := range []float64{0, 20, 40, 60, 80, 100} {
		d.Text(x1+8, cs.at(v)+4, l.pct(v, 0), size("12"), fill(colBad))
	}
	d.Line(x1, y0, x1, y1, stroke(colAxis))
	unit := c.Unit
	if unit == "" {
		unit = l.t("count", "cantidad")
	}
	axisTitle(d, 24, (y0+y1)/2, unit, true)
	d.Line(x0, cs.at(80), x1, cs.at(80), stroke(colBad), sw("1"), dash("4 4"))
	f := paretoFrame{x0: x0, x1: x1, y0: y0, y1: y1, step: (x1 - x0) / float64(len(bs)), ys: ys, cs: cs}
	line := f.drawBars(d, l, bs, cum, unit)
	f.drawValues(d, l, bs, cum, line)
	return d.String()
}

// paretoFrame is the geometry of a drawn Pareto chart: ys scales the
// values, cs the cumulative share.
type paretoFrame struct {
	x0, x1, y0, y1, step float64
	ys, cs               scale
}

// drawBars draws the bars from the largest down, the vital few (up to the
// one that reaches 80 %) darker, each named under it on up to two rotated
// lines; then the cumulative line, which it returns.
func (f paretoFrame) drawBars(d *svg.Doc, l Lang, bs []ParetoBar, cum []float64, unit string) []svg.Point {
	vital := true
	var line []svg.Point
	for i, b := range bs {
		x := f.x0 + f.step*float64(i)
		col := "#9ecbff"
		if vital {
			col = colMain
		}
		d.Group(b.Label + ": " + l.num(b.Value, 0) + " " + unit + ", " + l.pct(cum[i], 1))
		bw := f.step * 0.7
		d.Rect(x+(f.step-bw)/2, f.ys.at(b.Value), bw, f.y1-f.ys.at(b.Value), fill(col))
		lx := x + f.step/2
		for k, ln := range wrapLines(b.Label, 20, 2) {
			d.Text(lx, f.y1+16+14*float64(k), ln, anchor("end"), size("12"), fill(colText),
				svg.A("transform", "rotate(-30 "+svg.Num(lx)+" "+svg.Num(f.y1+16)+")"))
		}
		d.End()
		line = append(line, svg.Point{X: x + f.step/2, Y: f.cs.at(cum[i])})
		if cum[i] >= 80 {
			vital = false
		}
	}
	d.Line(f.x0, f.y1, f.x1, f.y1, stroke(colAxis))
	d.Polyline(line, none(), stroke(colBad), sw("2.5"))
	for _, p := range line {
		d.Circle(p.X, p.Y, 4, fill(colBad))
	}
	return line
}

// drawValues writes each bar's value last, above the bar, or inside its top
// when the cumulative line would cross it there (white on a dark bar), or
// higher up.
func (f paretoFrame) drawValues(d *svg.Doc, l Lang, bs []ParetoBar, cum []float64, line []svg.Point) {
	pl := placement{area: box{f.x0, f.y0 - 20, f.x1, f.y1}, lines: [][]svg.Point{line}}
	vital := true
	for i, b := range bs {
		v := l.num(b.Value, 0)
		lx, top := f.x0+f.step*float64(i)+f.step/2, f.ys.at(b.Value)
		cands := []spot{{lx, top - 5, "middle"}}
		if f.y1-top >= 24 {
			cands = append(cands, spot{lx, top + 16, "middle"})
		}
		cands = append(cands, spot{lx, top - 20, "middle"}, spot{lx, top - 35, "middle"})
		at := pl.place(v, 12, cands)
		switch {
		case at.y > top && vital:
			d.Text(at.x, at.y, v, anchor("middle"), size("12"), fill("#ffffff"))
		case at.y > top:
			d.Text(at.x, at.y, v, anchor("middle"), size("12"), fill(colText))
		default:
			d.Text(at.x, at.y, v, append(halo(), anchor("middle"), size("12"), fill(colText))...)
		}
		if cum[i] >= 80 {
			vital = false
		}
	}
}

// Table implements [Chart].
func (c ParetoChart) Table(l Lang) Table {
	unit := c.Unit
	if unit == "" {
		unit = l.t("count", "cantidad")
	}
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Cause", "Causa"), unit, l.t("Share", "Participación"), l.t("Cumulative", "Acumulado")},
		Numeric: []bool{false, true, true, true}}
	bs, cum := c.sorted()
	prev := 0.0
	for i, b := range bs {
		t.Rows = append(t.Rows, []string{b.Label, l.num(b.Value, 0), l.pct(cum[i]-prev, 1), l.pct(cum[i], 1)})
		prev = cum[i]
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c ParetoChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c ParetoChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c ParetoChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c ParetoChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
