package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// BarChart is a plain horizontal bar chart of counts or amounts, one bar per
// category, in the order given: customers per type, cases per function, and
// other distributions. Each bar shows its value and its share of the total.
type BarChart struct {
	Title string // "" gives the default title
	// Unit names what the bars count, e.g. "customers"; shown on the axis.
	Unit string
	Bars []Bar
}

// Bar is one category of a [BarChart]. Negative and non-finite values are
// drawn without a bar.
type Bar struct {
	Label  string
	Value  float64
	Status Status // colours the bar: neutral (blue), good (green), bad (red)
}

func (c BarChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Distribution", "Distribución")
}

func (c BarChart) total() float64 {
	t := 0.0
	for _, b := range c.Bars {
		if finite(b.Value) && b.Value > 0 {
			t += b.Value
		}
	}
	return t
}

func (s Status) colour() string {
	switch s {
	case Good:
		return colGood
	case Bad:
		return colBad
	}
	return colMain
}

// SVG implements [Chart].
func (c BarChart) SVG(l Lang) string { return c.svg(l, "bars") }

func (c BarChart) svg(l Lang, id string) string {
	title := c.title(l)
	total := c.total()
	if total == 0 {
		return noData(id, title, l, "")
	}
	max := 0.0
	var desc []string
	for _, b := range c.Bars {
		if finite(b.Value) && b.Value > 0 {
			max = math.Max(max, b.Value)
		}
		desc = append(desc, b.Label+": "+l.num(b.Value, 0))
	}
	const top, rowH, labelW = 48.0, 32.0, 230.0
	h := top + float64(len(c.Bars))*rowH + 56
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	tv, _, tmax := ticks(0, max, 5)
	x0, x1 := labelW, chartWidth-130
	sc := scale{0, tmax, x0, x1}
	bottom := top + float64(len(c.Bars))*rowH
	dec := decimalsFor(tv)
	xAxis(d, sc, tv, top-4, bottom, func(v float64) string { return l.num(v, dec) })
	unit := c.Unit
	if unit == "" {
		unit = l.t("count", "cantidad")
	}
	axisTitle(d, (x0+x1)/2, bottom+42, unit, false)
	for i, b := range c.Bars {
		y := top + float64(i)*rowH + 5
		d.Group(b.Label + ": " + l.num(b.Value, 0))
		rowLabel(d, x0-10, y+16, b.Label, 32, "13")
		if finite(b.Value) && b.Value > 0 {
			d.Rect(x0, y, sc.at(b.Value)-x0, 22, fill(b.Status.colour()))
			share := 100 * b.Value / total
			dec := 0
			if share < 1 {
				dec = 1 // 2 of 400 is 0.5 %, not 0 %
			}
			d.Text(sc.at(b.Value)+6, y+16, l.num(b.Value, 0)+" · "+l.pct(share, dec), size("13"), fill(colText))
		} else {
			d.Text(x0+6, y+16, l.num(b.Value, 0), size("13"), fill(colAxis))
		}
		d.End()
	}
	return d.String()
}

// Table implements [Chart].
func (c BarChart) Table(l Lang) Table {
	unit := c.Unit
	if unit == "" {
		unit = l.t("count", "cantidad")
	}
	t := Table{Caption: c.title(l), Header: []string{l.t("Category", "Categoría"), unit, l.t("Share", "Participación")},
		Numeric: []bool{false, true, true}}
	total := c.total()
	for _, b := range c.Bars {
		share := "–"
		if total > 0 && finite(b.Value) && b.Value >= 0 {
			share = l.pct(100*b.Value/total, 1)
		}
		t.Rows = append(t.Rows, []string{b.Label, l.num(b.Value, 0), share})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c BarChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c BarChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c BarChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c BarChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
