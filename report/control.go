package report

import (
	"io"
	"math"
	"slices"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// ControlChart is a Shewhart control chart as package pdca computes it: the
// points, the centre line, control limits that may differ per point (p and u
// charts with varying samples), the zones at ±1σ and ±2σ shaded between the
// limits, and the points that a run rule flags, ringed by the signal's
// effect: green when favourable, red when adverse, amber when it has no
// direction. Under the axis the chart says in words what each rule saw and
// at how many points. A vertical line marks where Phase II (monitoring after
// the change) starts. The limits are named UCL, CL and LCL in English, LCS,
// LC and LCI in Spanish.
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

// Flag is a point flagged by a run rule. Index is 0-based and Rule the
// rule's name (e.g. "WE1", "Nelson 2"). Says is what the rule saw, in words
// and in the report's language ("2 of 3 points beyond 2σ above the centre
// line"); "" shows the rule's name instead. Effect is Good when the signal
// is favourable (the indicator moved the way it improves), Bad when it is
// adverse, Neutral when it has no direction (a change in variation, or an
// indicator whose better direction is not known). [FromCheck] fills all
// four.
type Flag struct {
	Index  int
	Rule   string
	Says   string
	Effect Status
}

// words returns what the flag saw: its Says, or its rule's name.
func (f Flag) words() string {
	if f.Says != "" {
		return f.Says
	}
	return f.Rule
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

// limitNames returns the names of the upper limit, the centre line and the
// lower limit: UCL, CL, LCL (límite de control superior, línea central,
// límite de control inferior: LCS, LC, LCI).
func (l Lang) limitNames() (ucl, cl, lcl string) {
	return l.t("UCL", "LCS"), l.t("CL", "LC"), l.t("LCL", "LCI")
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

// flagsAt returns the flags of each point, one per rule, sorted by rule.
func (c ControlChart) flagsAt() map[int][]Flag {
	m := map[int][]Flag{}
	for _, f := range c.Flags {
		if f.Index >= 0 && f.Index < len(c.Values) {
			m[f.Index] = append(m[f.Index], f)
		}
	}
	for k, fs := range m {
		slices.SortStableFunc(fs, func(a, b Flag) int { return strings.Compare(a.Rule, b.Rule) })
		m[k] = slices.CompactFunc(fs, func(a, b Flag) bool { return a.Rule == b.Rule })
	}
	return m
}

// effectOf returns the effect a point's flags show: adverse if any is,
// else favourable if any is, else neutral.
func effectOf(fs []Flag) Status {
	e := Neutral
	for _, f := range fs {
		switch {
		case f.Effect == Bad:
			return Bad
		case f.Effect == Good:
			e = Good
		}
	}
	return e
}

// signalColour is the colour of a signal of effect e.
func signalColour(e Status) string {
	switch e {
	case Good:
		return colGood
	case Bad:
		return colBad
	}
	return colWarn
}

func (c ControlChart) label(i int) string {
	if i < len(c.Labels) && c.Labels[i] != "" {
		return c.Labels[i]
	}
	return itoa(i + 1)
}

// SVG implements [Chart].
func (c ControlChart) SVG(l Lang) string { return c.svg(l, "control") }

// controlFrame is the geometry of a drawn control chart.
type controlFrame struct {
	x0, x1, y0, y1, step float64
	ys                   scale
	tv                   []float64
}

func (f controlFrame) xat(i int) float64 { return f.x0 + f.step*(float64(i)+0.5) }

func (c ControlChart) svg(l Lang, id string) string {
	title := c.title(l)
	vals := c.plotted()
	if len(vals) == 0 {
		return noData(id, title, l, l.t("No measurement to chart.", "No hay mediciones que graficar."))
	}
	flags := c.flagsAt()
	n := len(c.Values)
	lo, hi := slices.Min(vals), slices.Max(vals)
	pad := (hi - lo) * 0.08
	tv, tmin, tmax := ticks(lo-pad, hi+pad, 6)
	desc := itoa(n) + l.t(" points", " puntos")
	if finite(c.Center) {
		desc += l.t(", centre line ", ", línea central ") + l.num(c.Center, 3)
	}
	desc += "; " + itoa(len(flags)) + l.t(" flagged by run rules", " señalados por reglas de rachas")
	signals := c.signals(l, flags)
	const y1 = 350.0
	h := y1 + 68 + 18*float64(max(len(signals), 1)-1) + 14
	d := svg.New(chartWidth, h, id, title, desc)
	heading(d, title)
	legend(d, -1, 50, c.legendItems(l, flags))
	f := controlFrame{x0: 80, x1: chartWidth - 60, y0: 72, y1: y1, ys: scale{tmin, tmax, y1, 72}, tv: tv}
	f.step = (f.x1 - f.x0) / float64(n)
	c.drawZones(d, f)
	dec := decimalsFor(tv)
	yAxis(d, f.ys, tv, f.x0, f.x1, func(v float64) string { return l.num(v, dec) })
	unit := c.Unit
	if unit == "" {
		unit = l.t("value", "valor")
	}
	axisTitle(d, 22, (f.y0+f.y1)/2, unit, true)
	c.drawLimits(d, f, l)
	c.drawSeries(d, f, l, flags)
	axisTitle(d, (f.x0+f.x1)/2, f.y1+40, l.t("period", "periodo"), false)
	for i, s := range signals {
		y := f.y1 + 68 + 18*float64(i)
		if s.colour != "" {
			d.Circle(22, y-4, 5, fill(s.colour))
		}
		d.Text(34, y, s.text, size("12"), fill(colText))
	}
	return d.String()
}

// plotted returns the finite values, centre, limits and target the vertical
// axis must hold.
func (c ControlChart) plotted() []float64 {
	var vals []float64
	for _, v := range c.Values {
		if finite(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return nil
	}
	if finite(c.Center) {
		vals = append(vals, c.Center)
	}
	for i := range c.Values {
		for _, v := range []float64{limit(c.LCL, i), limit(c.UCL, i)} {
			if finite(v) {
				vals = append(vals, v)
			}
		}
	}
	if c.ShowTarget && finite(c.Target) {
		vals = append(vals, c.Target)
	}
	return vals
}

// legendItems are the chart's legend: the values, the signals present by
// effect, the centre line, the limits and the target.
func (c ControlChart) legendItems(l Lang, flags map[int][]Flag) []legendItem {
	items := []legendItem{{l.t("value", "valor"), colMain, 'c'}}
	present := map[Status]bool{}
	for _, fs := range flags {
		present[effectOf(fs)] = true
	}
	for _, e := range []Status{Good, Bad, Neutral} {
		if present[e] {
			items = append(items, legendItem{l.signal(e), signalColour(e), 'c'})
		}
	}
	_, cl, _ := l.limitNames()
	items = append(items, legendItem{cl, colText, 'l'}, legendItem{l.t("3σ limits", "límites 3σ"), colBad, 'd'})
	if c.ShowTarget && finite(c.Target) {
		items = append(items, legendItem{l.t("target", "meta"), colSecond, 'd'})
	}
	return items
}

// signal names a signal of effect e.
func (l Lang) signal(e Status) string {
	switch e {
	case Good:
		return l.t("favourable signal", "señal favorable")
	case Bad:
		return l.t("adverse signal", "señal adversa")
	}
	return l.t("signal", "señal")
}

// drawZones shades the ±1σ, ±2σ and ±3σ zones column by column, so limits
// may vary per point.
func (c ControlChart) drawZones(d *svg.Doc, f controlFrame) {
	center := c.Center
	tmin, tmax := f.ys.d0, f.ys.d1
	for i := range c.Values {
		ucl := limit(c.UCL, i)
		if !finite(center) || !finite(ucl) || ucl <= center {
			continue
		}
		sigma := (ucl - center) / 3
		bottom := center - 3*sigma
		if lcl := limit(c.LCL, i); finite(lcl) {
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
		x := f.x0 + f.step*float64(i)
		for _, bd := range bands {
			a, b := math.Max(bd.a, bottom), math.Min(bd.b, tmax)
			if b > a {
				d.Rect(x, f.ys.at(b), f.step, f.ys.at(a)-f.ys.at(b), fill(bd.col))
			}
		}
	}
}

// drawLimits draws the limits as steps, the centre line, their names at the
// right, the target and the start of Phase II.
func (c ControlChart) drawLimits(d *svg.Doc, f controlFrame, l Lang) {
	n := len(c.Values)
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
			x := f.x0 + f.step*float64(i)
			seg = append(seg, svg.Point{X: x, Y: f.ys.at(v)}, svg.Point{X: x + f.step, Y: f.ys.at(v)})
		}
	}
	ucl, cl, lcl := l.limitNames()
	if finite(c.Center) {
		d.Line(f.x0, f.ys.at(c.Center), f.x1, f.ys.at(c.Center), stroke(colText), sw("2"))
		d.Text(f.x1+4, f.ys.at(c.Center)+4, cl, size("11"), fill(colText))
	}
	if u := limit(c.UCL, n-1); finite(u) {
		d.Text(f.x1+4, f.ys.at(u)+4, ucl, size("11"), fill(colBad))
	}
	if lw := limit(c.LCL, n-1); finite(lw) {
		d.Text(f.x1+4, f.ys.at(lw)+4, lcl, size("11"), fill(colBad))
	}
	if c.ShowTarget && finite(c.Target) {
		d.Line(f.x0, f.ys.at(c.Target), f.x1, f.ys.at(c.Target), stroke(colSecond), sw("2"), dash("2 4"))
	}
	if c.PhaseII > 0 && c.PhaseII < n {
		px := f.x0 + f.step*float64(c.PhaseII)
		d.Line(px, f.y0-6, px, f.y1, stroke(colText), sw("1.5"), dash("3 3"))
		d.Text(px-6, f.y0+8, l.t("baseline", "línea base"), append(halo(), anchor("end"), size("12"), fill(colText))...)
		d.Text(px+6, f.y0+8, l.t("after the change", "después del cambio"), append(halo(), size("12"), fill(colText))...)
	}
}

// drawSeries draws the values as a line broken at missing values, each point
// with its tooltip, flagged points ringed in their effect's colour, and the
// labels of the axis.
func (c ControlChart) drawSeries(d *svg.Doc, f controlFrame, l Lang, flags map[int][]Flag) {
	var seg []svg.Point
	for i, v := range c.Values {
		if !finite(v) {
			d.Polyline(seg, none(), stroke(colMain), sw("2"))
			seg = nil
			continue
		}
		seg = append(seg, svg.Point{X: f.xat(i), Y: f.ys.at(v)})
	}
	d.Polyline(seg, none(), stroke(colMain), sw("2"))
	every := int(math.Ceil(float64(len(c.Values)) / 16))
	for i, v := range c.Values {
		x := f.xat(i)
		if i%every == 0 {
			d.Text(x, f.y1+18, c.label(i), anchor("middle"), size("11"), fill(colAxis))
		}
		if !finite(v) {
			continue
		}
		fs, flagged := flags[i]
		tip := c.label(i) + ": " + l.num(v, 3)
		for _, fl := range fs {
			tip += " — " + fl.words()
		}
		d.Group(tip)
		if flagged {
			col := signalColour(effectOf(fs))
			d.Circle(x, f.ys.at(v), 8, none(), stroke(col), sw("2.5"))
			d.Circle(x, f.ys.at(v), 4.5, fill(col))
		} else {
			d.Circle(x, f.ys.at(v), 3.5, fill(colMain))
		}
		d.End()
	}
}

// signalLine is one line of the chart's account of its signals.
type signalLine struct{ text, colour string }

// signals says what the rules saw: one line per finding and effect, adverse
// first, then favourable, then the rest, each with the number of points;
// "no signal" when none was flagged.
func (c ControlChart) signals(l Lang, flags map[int][]Flag) []signalLine {
	type key struct {
		words  string
		effect Status
	}
	count := map[key]int{}
	first := map[key]int{}
	var keys []key
	for i := range c.Values {
		for _, f := range flags[i] {
			k := key{f.words(), f.Effect}
			if _, ok := count[k]; !ok {
				keys = append(keys, k)
				first[k] = i
			}
			count[k]++
		}
	}
	rank := map[Status]int{Bad: 0, Good: 1, Neutral: 2}
	slices.SortStableFunc(keys, func(a, b key) int {
		if r := rank[a.effect] - rank[b.effect]; r != 0 {
			return r
		}
		return first[a] - first[b]
	})
	if len(keys) == 0 {
		return []signalLine{{text: l.t("No rule flagged a point.", "Ninguna regla señaló un punto.")}}
	}
	var out []signalLine
	for _, k := range keys {
		pts := l.t(" points", " puntos")
		if count[k] == 1 {
			pts = l.t(" point", " punto")
		}
		out = append(out, signalLine{text: shorten(k.words, 90) + ": " + itoa(count[k]) + pts, colour: signalColour(k.effect)})
	}
	return out
}

// Table implements [Chart]: each point's value, limits and what the rules
// saw there, with the rules' names.
func (c ControlChart) Table(l Lang) Table {
	ucl, cl, lcl := l.limitNames()
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Point", "Punto"), l.t("Value", "Valor"), lcl, cl, ucl, l.t("Signals", "Señales")},
		Numeric: []bool{false, true, true, true, true, false}}
	flags := c.flagsAt()
	dec := c.decimals()
	for i, v := range c.Values {
		var says []string
		for _, f := range flags[i] {
			if f.Says != "" {
				says = append(says, f.Says+" ("+f.Rule+")")
			} else {
				says = append(says, f.Rule)
			}
		}
		t.Rows = append(t.Rows, []string{c.label(i), l.num(v, dec), l.num(limit(c.LCL, i), dec), l.num(c.Center, dec), l.num(limit(c.UCL, i), dec), strings.Join(says, "; ")})
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

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c ControlChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c ControlChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c ControlChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c ControlChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
