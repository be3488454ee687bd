package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// GapChart shows SERVQUAL gaps (brecha = perception − expectation) per
// dimension or item as bars that diverge from zero: a negative gap (the
// service fell short of what customers expected) is red and points left, a
// positive gap is green and points right.
type GapChart struct {
	Title string // "" gives the default title
	Bars  []GapBar
}

// GapBar is one dimension's (or item's) gap. Expectation and Perception are
// shown in the table when given (both 0 or NaN: not shown); the bar is Gap, so
// a weighted gap, which is not the difference of the mean scores, is drawn
// as computed.
type GapBar struct {
	Label                   string
	Gap                     float64
	Expectation, Perception float64
}

func (c GapChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("SERVQUAL gaps by dimension (perception − expectation)", "Brechas SERVQUAL por dimensión (percepción − expectativa)")
}

// SVG implements [Chart].
func (c GapChart) SVG(l Lang) string { return c.svg(l, "gaps") }

func (c GapChart) svg(l Lang, id string) string {
	title := c.title(l)
	lo, hi, n := 0.0, 0.0, 0
	var desc []string
	for _, b := range c.Bars {
		if finite(b.Gap) {
			lo, hi, n = math.Min(lo, b.Gap), math.Max(hi, b.Gap), n+1
			desc = append(desc, b.Label+": "+l.num(b.Gap, 2))
		}
	}
	if n == 0 {
		return noData(id, title, l, l.t("No survey gave both expectations and perceptions.", "Ninguna encuesta dio expectativas y percepciones."))
	}
	const top, rowH, labelW = 62.0, 36.0, 230.0
	h := top + float64(len(c.Bars))*rowH + 56
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	legend(d, -1, 50, []legendItem{
		{l.t("below expectations", "bajo las expectativas"), colBad, 'r'},
		{l.t("above expectations", "sobre las expectativas"), colGood, 'r'},
	})
	tv, tmin, tmax := ticks(lo, hi, 6)
	x0, x1 := labelW, chartWidth-70
	sc := scale{tmin, tmax, x0, x1}
	bottom := top + float64(len(c.Bars))*rowH
	dec := decimalsFor(tv)
	xAxis(d, sc, tv, top-4, bottom, func(v float64) string { return l.num(v, dec) })
	axisTitle(d, (x0+x1)/2, bottom+42, l.t("gap in scale points", "brecha en puntos de la escala"), false)
	zx := sc.at(0)
	for i, b := range c.Bars {
		y := top + float64(i)*rowH + 6
		d.Group(b.Label + ": " + l.num(b.Gap, 2))
		rowLabel(d, x0-10, y+17, b.Label, 32, "13")
		if finite(b.Gap) {
			col := colGood
			if b.Gap < 0 {
				col = colBad
			}
			bx := sc.at(b.Gap)
			d.Rect(zx, y, bx-zx, 24, fill(col))
			if b.Gap < 0 {
				d.Text(bx-6, y+17, l.num(b.Gap, 2), anchor("end"), size("13"), bold(), fill(col))
			} else {
				d.Text(bx+6, y+17, l.num(b.Gap, 2), size("13"), bold(), fill(col))
			}
		} else {
			d.Text(zx+6, y+17, l.t("no value", "sin valor"), size("13"), fill(colAxis))
		}
		d.End()
	}
	d.Line(zx, top-4, zx, bottom, stroke(colText), sw("2"))
	return d.String()
}

// Table implements [Chart].
func (c GapChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Dimension", "Dimensión"), l.t("Expectation", "Expectativa"), l.t("Perception", "Percepción"), l.t("Gap", "Brecha")},
		Numeric: []bool{false, true, true, true}}
	for _, b := range c.Bars {
		e, p := "–", "–"
		if finite(b.Expectation) && finite(b.Perception) && (b.Expectation != 0 || b.Perception != 0) {
			e, p = l.num(b.Expectation, 2), l.num(b.Perception, 2)
		}
		t.Rows = append(t.Rows, []string{b.Label, e, p, l.num(b.Gap, 2)})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c GapChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c GapChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c GapChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c GapChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
