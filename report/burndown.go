package report

import (
	"io"
	"math"
	"strings"
	"time"

	"github.com/servuction/servuction/internal/svg"
)

// BurnDownChart shows how an availability objective's error budget (the
// downtime the objective allows over its window, e.g. 43 min a month at
// 99.9 %) is spent: the share left at each instant against the even burn
// that would spend it exactly at the end of the window.
type BurnDownChart struct {
	Title     string // "" gives the default title
	Objective string // e.g. "Availability 99.9 % (service hours)"
	// Start and End bound the budget's window. Dates on the axis are shown in
	// Start's location.
	Start, End time.Time
	// Points are the budget left over time, in any order; points outside the
	// window or with a non-finite share are left out.
	Points []BudgetPoint
}

// BudgetPoint is the error budget left at an instant: 1 is untouched, 0 is
// spent, a negative share is overspent.
type BudgetPoint struct {
	At        time.Time
	Remaining float64
}

func (c BurnDownChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Error budget burn-down", "Consumo del presupuesto de error")
}

func (c BurnDownChart) points() []BudgetPoint {
	var ps []BudgetPoint
	if !c.End.After(c.Start) {
		return nil
	}
	for _, p := range c.Points {
		if finite(p.Remaining) && !p.At.Before(c.Start) && !p.At.After(c.End) {
			ps = append(ps, p)
		}
	}
	sortStable(ps, func(a, b BudgetPoint) bool { return a.At.Before(b.At) })
	return ps
}

var monthsEN = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var monthsES = [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}

// day formats a date as "Mar 5" or "5 mar".
func (l Lang) day(t time.Time) string {
	if l == Spanish {
		return itoa(t.Day()) + " " + monthsES[t.Month()-1]
	}
	return monthsEN[t.Month()-1] + " " + itoa(t.Day())
}

// SVG implements [Chart].
func (c BurnDownChart) SVG(l Lang) string { return c.svg(l, "burndown") }

func (c BurnDownChart) svg(l Lang, id string) string {
	title := c.title(l)
	ps := c.points()
	if len(ps) == 0 {
		return noData(id, title, l, l.t("No measurement of the error budget in its window.", "No hay mediciones del presupuesto de error en su ventana."))
	}
	last := ps[len(ps)-1]
	desc := c.Objective + ": " + l.pct(last.Remaining*100, 1) + l.t(" of the error budget left on ", " del presupuesto de error queda el ") + l.day(last.At.In(c.Start.Location()))
	const h = 380.0
	d := svg.New(chartWidth, h, id, title, desc)
	heading(d, title)
	if c.Objective != "" {
		d.Text(16, 46, shorten(c.Objective, 60), size("13"), fill(colAxis))
	}
	legend(d, -1, 50, []legendItem{
		{l.t("budget left", "presupuesto restante"), colMain, 'l'},
		{l.t("even burn", "consumo uniforme"), colAxis, 'd'},
	})
	lo := 0.0
	for _, p := range ps {
		lo = math.Min(lo, p.Remaining*100)
	}
	yv, ymin, ymax := ticks(lo, 100, 5)
	x0, x1, y0, y1 := 80.0, chartWidth-30, 70.0, h-60
	ys := scale{ymin, ymax, y1, y0}
	xs := scale{0, float64(c.End.Sub(c.Start)), x0, x1}
	yAxis(d, ys, yv, x0, x1, func(v float64) string { return l.pct(v, 0) })
	axisTitle(d, 22, (y0+y1)/2, l.t("error budget left (%)", "presupuesto de error restante (%)"), true)
	// Date ticks at local midnights, at most about 8.
	loc := c.Start.Location()
	days := c.End.Sub(c.Start).Hours() / 24
	step := int(math.Max(1, math.Ceil(days/8)))
	s := c.Start.In(loc)
	t := time.Date(s.Year(), s.Month(), s.Day(), 0, 0, 0, 0, loc)
	if t.Before(c.Start) {
		t = t.AddDate(0, 0, 1)
	}
	for n := 0; !t.After(c.End) && n < 400; n++ {
		x := xs.at(float64(t.Sub(c.Start)))
		d.Line(x, y0, x, y1, stroke(colGrid))
		d.Text(x, y1+18, l.day(t), anchor("middle"), size("12"), fill(colAxis))
		t = t.AddDate(0, 0, step)
	}
	d.Line(x0, y1, x1, y1, stroke(colAxis))
	if ymin < 0 {
		d.Line(x0, ys.at(0), x1, ys.at(0), stroke(colBad), sw("2"))
		d.Text(x0+6, ys.at(0)+16, l.t("budget spent", "presupuesto agotado"), size("12"), fill(colBad))
	}
	d.Line(x0, ys.at(100), x1, ys.at(0), stroke(colAxis), sw("2"), dash("6 4"))
	// The budget left is a step function: it holds until the next measurement.
	pts := []svg.Point{}
	prev := 100.0
	if !ps[0].At.Equal(c.Start) {
		pts = append(pts, svg.Point{X: x0, Y: ys.at(100)})
	} else {
		prev = ps[0].Remaining * 100
	}
	for _, p := range ps {
		x := xs.at(float64(p.At.Sub(c.Start)))
		pts = append(pts, svg.Point{X: x, Y: ys.at(prev)}, svg.Point{X: x, Y: ys.at(p.Remaining * 100)})
		prev = p.Remaining * 100
	}
	d.Polyline(pts, none(), stroke(colMain), sw("3"))
	col := colMain
	if last.Remaining < 0 {
		col = colBad
	}
	lx := xs.at(float64(last.At.Sub(c.Start)))
	d.Circle(lx, ys.at(last.Remaining*100), 5, fill(col))
	ta := "start"
	if lx > x1-120 {
		ta, lx = "end", lx-16
	}
	d.Text(lx+8, ys.at(last.Remaining*100)-10, l.pct(last.Remaining*100, 1), anchor(ta), size("13"), bold(), fill(col))
	axisTitle(d, (x0+x1)/2, h-14, l.t("date", "fecha"), false)
	return d.String()
}

// Table implements [Chart].
func (c BurnDownChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l), Header: []string{l.t("Instant", "Instante"), l.t("Budget left", "Presupuesto restante")},
		Numeric: []bool{false, true}}
	for _, p := range c.points() {
		t.Rows = append(t.Rows, []string{p.At.In(c.Start.Location()).Format("2006-01-02 15:04"), l.pct(p.Remaining*100, 1)})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c BurnDownChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c BurnDownChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c BurnDownChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c BurnDownChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
