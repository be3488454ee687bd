package report

import (
	"math"
	"sort"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// ControlChart is a Shewhart control chart as package pdca computes it: the
// points, the centre line, control limits that may differ per point (p and u
// charts with varying samples), the zones at ±1σ and ±2σ shaded between the
// limits, and the points that a run rule flags, ringed in red with the rule's
// name. A vertical line marks where Phase II (monitoring after the change)
// starts.
type ControlChart struct {
	Title string // "" gives the default title
	// Kind names the chart: "p", "X̄", "R", "I", "MR", "c", "u", …
	Kind string
	// Unit of the values (e.g. "%", "min"), shown on the axis.
	Unit string
	// Labels name the points on the axis (periods, subgroups); optional.
	Labels []string
	Values []float64
	Center float64
	// LCL and UCL are the 3σ limits, one per point or a single value for all
	// points; NaN or a missing entry means no limit for that point.
	LCL, UCL []float64
	// Flags are the points a run rule flagged.
	Flags []Flag
	// PhaseII is the index of the first point monitored against the frozen
	// limits; 0 means the chart has one phase.
	PhaseII int
	// Target draws the standard's target as a line when ShowTarget is set.
	Target     float64
	ShowTarget bool
}

// Flag is a point flagged by a run rule: Index is 0-based, Rule its name
// (e.g. "WE1", "Nelson 2").
type Flag struct {
	Index int
	Rule  string
}

func (c ControlChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	if c.Kind == "" {
		return l.t("Control chart", "Gráfico de control")
	}
	return l.t("Control chart", "Gráfico de control") + " (" + c.Kind + ")"
}

// limit returns the i-th value of a per-point or single-value limit.
func limit(ls []float64, i int) float64 {
	switch {
	case len(ls) == 1:
		return ls[0]
	case i < len(ls):
		return ls[i]
	}
	return math.NaN()
}

// flagsAt returns the rules that flag each point, sorted.
func (c ControlChart) flagsAt() map[int][]string {
	m := map[int][]string{}
	for _, f := range c.Flags {
		if f.Index >= 0 && f.Index < len(c.Values) {
			m[f.Index] = append(m[f.Index], f.Rule)
		}
	}
	for k := range m {
		sort.Strings(m[k])
		m[k] = compact(m[k])
	}
	return m
}

func compact(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

func (c ControlChart) label(i int) string {
	if i < len(c.Labels) && c.Labels[i] != "" {
		return c.Labels[i]
	}
	return itoa(i + 1)
}

// SVG implements [Chart].
func (c ControlChart) SVG(l Lang) string { return c.svg(l, "control") }

func (c ControlChart) svg(l Lang, id string) string {
	title := c.title(l)
	var vals []float64
	for _, v := range c.Values {
		if finite(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return noData(id, title, l, l.t("No measurement to chart.", "No hay mediciones que graficar."))
	}
	flags := c.flagsAt()
	n := len(c.Values)
	center := c.Center
	hasCenter := finite(center)
	if hasCenter {
		vals = append(vals, center)
	}
	for i := 0; i < n; i++ {
		for _, v := range []float64{limit(c.LCL, i), limit(c.UCL, i)} {
			if finite(v) {
				vals = append(vals, v)
			}
		}
	}
	if c.ShowTarget && finite(c.Target) {
		vals = append(vals, c.Target)
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	pad := (hi - lo) * 0.08
	tv, tmin, tmax := ticks(lo-pad, hi+pad, 6)
	desc := itoa(n) + l.t(" points", " puntos")
	if hasCenter {
		desc += l.t(", centre line ", ", línea central ") + l.num(center, 3)
	}
	desc += "; " + itoa(len(flags)) + l.t(" flagged by run rules", " señalados por reglas de rachas")
	const h = 440.0
	d := svg.New(chartWidth, h, id, title, desc)
	heading(d, title)
	items := []legendItem{{l.t("value", "valor"), colMain, 'c'}, {l.t("signal", "señal"), colBad, 'c'},
		{l.t("centre", "central"), colGood, 'l'}, {l.t("3σ limits", "límites 3σ"), colBad, 'd'}}
	if c.ShowTarget && finite(c.Target) {
		items = append(items, legendItem{l.t("target", "meta"), colSecond, 'd'})
	}
	legend(d, -1, 50, items)
	x0, x1, y0, y1 := 80.0, chartWidth-60, 72.0, h-90
	ys := scale{tmin, tmax, y1, y0}
	step := (x1 - x0) / float64(n)
	xat := func(i int) float64 { return x0 + step*(float64(i)+0.5) }
	// Zones, column by column, so limits may vary per point.
	for i := 0; i < n; i++ {
		ucl := limit(c.UCL, i)
		if !hasCenter || !finite(ucl) || ucl <= center {
			continue
		}
		sigma := (ucl - center) / 3
		lcl := limit(c.LCL, i)
		bottom := center - 3*sigma
		if finite(lcl) {
			bottom = math.Max(bottom, lcl)
		}
		bottom = math.Max(bottom, tmin)
		bands := []struct {
			a, b float64
			col  string
		}{
			{center + 2*sigma, ucl, colZone3}, {center + sigma, center + 2*sigma, colZone2}, {center, center + sigma, colZone1},
			{center - sigma, center, colZone1}, {center - 2*sigma, center - sigma, colZone2}, {center - 3*sigma, center - 2*sigma, colZone3},
		}
		x := x0 + step*float64(i)
		for _, bd := range bands {
			a, b := math.Max(bd.a, bottom), math.Min(bd.b, tmax)
			if b > a {
				d.Rect(x, ys.at(b), step, ys.at(a)-ys.at(b), fill(bd.col))
			}
		}
	}
	dec := decimalsFor(tv)
	yAxis(d, ys, tv, x0, x1, func(v float64) string { return l.num(v, dec) })
	unit := c.Unit
	if unit == "" {
		unit = l.t("value", "valor")
	}
	axisTitle(d, 22, (y0+y1)/2, unit, true)
	// Limits as steps.
	for _, ls := range [][]float64{c.UCL, c.LCL} {
		var seg []svg.Point
		for i := 0; i <= n; i++ {
			v := math.NaN()
			if i < n {
				v = limit(ls, i)
			}
			if !finite(v) {
				d.Polyline(seg, none(), stroke(colBad), sw("1.5"), dash("6 3"))
				seg = nil
				continue
			}
			y := ys.at(v)
			x := x0 + step*float64(i)
			seg = append(seg, svg.Point{X: x, Y: y}, svg.Point{X: x + step, Y: y})
		}
	}
	if hasCenter {
		d.Line(x0, ys.at(center), x1, ys.at(center), stroke(colGood), sw("2"))
		d.Text(x1+4, ys.at(center)+4, "CL", size("11"), fill(colGood))
	}
	if u := limit(c.UCL, n-1); finite(u) {
		d.Text(x1+4, ys.at(u)+4, "UCL", size("11"), fill(colBad))
	}
	if lw := limit(c.LCL, n-1); finite(lw) {
		d.Text(x1+4, ys.at(lw)+4, "LCL", size("11"), fill(colBad))
	}
	if c.ShowTarget && finite(c.Target) {
		d.Line(x0, ys.at(c.Target), x1, ys.at(c.Target), stroke(colSecond), sw("2"), dash("2 4"))
	}
	if c.PhaseII > 0 && c.PhaseII < n {
		px := x0 + step*float64(c.PhaseII)
		d.Line(px, y0-6, px, y1, stroke(colText), sw("1.5"), dash("3 3"))
		d.Text(px-6, y0+8, l.t("baseline", "línea base"), anchor("end"), size("12"), fill(colText))
		d.Text(px+6, y0+8, l.t("after the change", "después del cambio"), size("12"), fill(colText))
	}
	// The series, broken at missing values.
	var seg []svg.Point
	for i, v := range c.Values {
		if !finite(v) {
			d.Polyline(seg, none(), stroke(colMain), sw("2"))
			seg = nil
			continue
		}
		seg = append(seg, svg.Point{X: xat(i), Y: ys.at(v)})
	}
	d.Polyline(seg, none(), stroke(colMain), sw("2"))
	every := int(math.Ceil(float64(n) / 16))
	for i, v := range c.Values {
		x := xat(i)
		if i%every == 0 {
			d.Text(x, y1+18, shorten(c.label(i), 10), anchor("middle"), size("11"), fill(colAxis))
		}
		if !finite(v) {
			continue
		}
		rules, flagged := flags[i]
		tip := c.label(i) + ": " + l.num(v, 3)
		if flagged {
			tip += " — " + strings.Join(rules, ", ")
		}
		d.Group(tip)
		if flagged {
			d.Circle(x, ys.at(v), 8, none(), stroke(colBad), sw("2.5"))
			d.Circle(x, ys.at(v), 4.5, fill(colBad))
		} else {
			d.Circle(x, ys.at(v), 3.5, fill(colMain))
		}
		d.End()
	}
	axisTitle(d, (x0+x1)/2, h-50, l.t("period", "periodo"), false)
	// Rules legend under the axis: which rules fired and how often.
	count := map[string]int{}
	for _, rs := range flags {
		for _, r := range rs {
			count[r]++
		}
	}
	var names []string
	for r := range count {
		names = append(names, r)
	}
	sort.Strings(names)
	var parts []string
	for _, r := range names {
		parts = append(parts, r+" × "+itoa(count[r]))
	}
	sig := l.t("Signals: none", "Señales: ninguna")
	if len(parts) > 0 {
		sig = l.t("Signals: ", "Señales: ") + strings.Join(parts, ", ")
	}
	d.Text(16, h-18, shorten(sig, 110), size("12"), fill(colText))
	return d.String()
}

// Table implements [Chart].
func (c ControlChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Point", "Punto"), l.t("Value", "Valor"), "LCL", "CL", "UCL", l.t("Signals", "Señales")},
		Numeric: []bool{false, true, true, true, true, false}}
	flags := c.flagsAt()
	dec := c.decimals()
	for i, v := range c.Values {
		t.Rows = append(t.Rows, []string{c.label(i), l.num(v, dec), l.num(limit(c.LCL, i), dec), l.num(c.Center, dec), l.num(limit(c.UCL, i), dec), strings.Join(flags[i], ", ")})
	}
	return t
}

// decimals chooses the table's decimals from the spread of the values and
// limits: 1 when they span 10 units or more, 2 from 1, 3 below.
func (c ControlChart) decimals() int {
	lo, hi := math.Inf(1), math.Inf(-1)
	for i, v := range c.Values {
		for _, x := range []float64{v, limit(c.LCL, i), limit(c.UCL, i)} {
			if finite(x) {
				lo, hi = math.Min(lo, x), math.Max(hi, x)
			}
		}
	}
	switch span := hi - lo; {
	case span >= 10:
		return 1
	case span >= 1:
		return 2
	}
	return 3
}

// Markdown implements [Block].
func (c ControlChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c ControlChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}
