package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// SatisfactionChart shows the mean rating at each moment of truth (momento de
// verdad) in the order of the cycle of service, with its 95 % interval, the
// moment's minimum-rating standard, and the critical moments (momentos
// críticos) drawn as red diamonds.
type SatisfactionChart struct {
	Title string // "" gives the default title
	// Min and Max are the rating scale (e.g. 1 and 5); Min >= Max takes the
	// range from the data.
	Min, Max float64
	Moments  []MomentScore
}

// MomentScore is one moment's satisfaction. A NaN Mean (no rating) leaves a
// gap in the line.
type MomentScore struct {
	Label string
	N     int     // ratings
	Mean  float64 // mean rating
	// Low and High bound the 95 % interval of the mean; both 0 or either NaN
	// means none.
	Low, High float64
	// Standard is the moment's minimum acceptable rating; 0 or NaN: none.
	Standard float64
	Critical bool // a critical moment of truth
}

func (m MomentScore) hasInterval() bool {
	return finite(m.Low) && finite(m.High) && (m.Low != 0 || m.High != 0) && m.Low <= m.High
}

func (m MomentScore) hasStandard() bool { return finite(m.Standard) && m.Standard != 0 }

func (c SatisfactionChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Satisfaction at each moment of truth", "Satisfacción en cada momento de verdad")
}

// SVG implements [Chart].
func (c SatisfactionChart) SVG(l Lang) string { return c.svg(l, "journey") }

func (c SatisfactionChart) svg(l Lang, id string) string {
	title := c.title(l)
	var vals []float64
	var desc []string
	for _, m := range c.Moments {
		if finite(m.Mean) {
			vals = append(vals, m.Mean)
			s := m.Label + ": " + l.num(m.Mean, 2)
			if m.Critical {
				s += l.t(" (critical)", " (crítico)")
			}
			desc = append(desc, s)
			if m.hasInterval() {
				vals = append(vals, m.Low, m.High)
			}
		}
	}
	if len(desc) == 0 {
		return noData(id, title, l, l.t("No moment of truth has a rating.", "Ningún momento de verdad tiene calificaciones."))
	}
	lo, hi := c.Min, c.Max
	if !(finite(lo) && finite(hi) && lo < hi) {
		lo, hi = axisRange(0, 0, vals[0], vals)
	}
	tv, tmin, tmax := ticks(lo, hi, 4)
	f := satFrame{x0: 70, x1: chartWidth - 30, y0: 72, y1: 310, ys: scale{tmin, tmax, 310, 72}}
	f.step = (f.x1 - f.x0) / float64(len(c.Moments))
	rotate := f.step < 95
	h := 384.0
	if rotate {
		h = 440
	}
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	legend(d, -1, 50, []legendItem{
		{l.t("mean rating", "calificación media"), colMain, 'c'},
		{l.t("critical moment", "momento crítico"), colBad, 'm'},
		{l.t("standard", "estándar"), colWarn, 'd'},
	})
	dec := decimalsFor(tv)
	yAxis(d, f.ys, tv, f.x0, f.x1, func(v float64) string { return l.num(v, dec) })
	axisTitle(d, 22, (f.y0+f.y1)/2, l.t("mean rating", "calificación media"), true)
	d.Line(f.x0, f.y1, f.x1, f.y1, stroke(colAxis))
	pl := c.drawLine(d, f)
	for i, m := range c.Moments {
		c.drawMoment(d, f, l, i, m, pl, rotate)
	}
	axisTitle(d, (f.x0+f.x1)/2, h-10, l.t("moments of truth, in the order of the cycle of service", "momentos de verdad, en el orden del ciclo del servicio"), false)
	return d.String()
}

// satFrame is the geometry of a drawn satisfaction chart.
type satFrame struct {
	x0, x1, y0, y1, step float64
	ys                   scale
}

func (f satFrame) xat(i int) float64 { return f.x0 + f.step*(float64(i)+0.5) }

// yat returns the height of rating v, clamped to the axis.
func (f satFrame) yat(v float64) float64 { return f.ys.at(clamp(v, f.ys.d0, f.ys.d1)) }

// drawLine draws the line through consecutive rated moments and returns
// the placement of the value labels: clear of that line, of the standards
// and of the intervals' whiskers.
func (c SatisfactionChart) drawLine(d *svg.Doc, f satFrame) *placement {
	pl := &placement{area: box{f.x0, f.y0 - 14, f.x1, f.y1}}
	var seg []svg.Point
	for i, m := range c.Moments {
		if !finite(m.Mean) {
			d.Polyline(seg, none(), stroke(colMain), sw("3"))
			pl.lines = append(pl.lines, seg)
			seg = nil
			continue
		}
		seg = append(seg, svg.Point{X: f.xat(i), Y: f.yat(m.Mean)})
	}
	d.Polyline(seg, none(), stroke(colMain), sw("3"))
	pl.lines = append(pl.lines, seg)
	for i, m := range c.Moments {
		x := f.xat(i)
		if m.hasStandard() {
			sy := f.yat(m.Standard)
			pl.lines = append(pl.lines, []svg.Point{{X: x - f.step*0.35, Y: sy}, {X: x + f.step*0.35, Y: sy}})
		}
		if m.hasInterval() {
			a, b := f.yat(m.Low), f.yat(m.High)
			pl.lines = append(pl.lines, []svg.Point{{X: x, Y: a}, {X: x, Y: b}}, []svg.Point{{X: x - 6, Y: a}, {X: x + 6, Y: a}}, []svg.Point{{X: x - 6, Y: b}, {X: x + 6, Y: b}})
		}
	}
	return pl
}

// drawMoment draws the i-th moment: its standard, interval, point, value
// (where pl finds room) and name under the axis, whole on up to two lines.
func (c SatisfactionChart) drawMoment(d *svg.Doc, f satFrame, l Lang, i int, m MomentScore, pl *placement, rotate bool) {
	x := f.xat(i)
	tip := m.Label + ": " + l.num(m.Mean, 2) + " (n = " + itoa(m.N) + ")"
	if m.hasInterval() {
		tip += l.t(", 95 % CI ", ", IC 95 % ") + l.num(m.Low, 2) + "–" + l.num(m.High, 2)
	}
	d.Group(tip)
	defer d.End()
	if m.hasStandard() {
		sy := f.yat(m.Standard)
		d.Line(x-f.step*0.35, sy, x+f.step*0.35, sy, stroke(colWarn), sw("2"), dash("5 3"))
	}
	if finite(m.Mean) {
		if m.hasInterval() {
			a, b := f.yat(m.Low), f.yat(m.High)
			d.Line(x, a, x, b, stroke(colMain), sw("1.5"))
			d.Line(x-6, a, x+6, a, stroke(colMain), sw("1.5"))
			d.Line(x-6, b, x+6, b, stroke(colMain), sw("1.5"))
		}
		y := f.yat(m.Mean)
		col := colMain
		if m.Critical {
			col = colBad
			d.Polygon([]svg.Point{{X: x, Y: y - 10}, {X: x + 10, Y: y}, {X: x, Y: y + 10}, {X: x - 10, Y: y}}, fill(colBad), stroke("#ffffff"), sw("1.5"))
		} else {
			d.Circle(x, y, 6, fill(colMain), stroke("#ffffff"), sw("1.5"))
		}
		v := l.num(m.Mean, 2)
		at := pl.place(v, 12, []spot{{x + 12, y - 8, "start"}, {x + 12, y + 18, "start"}, {x - 12, y - 8, "end"},
			{x - 12, y + 18, "end"}, {x + 12, y - 22, "start"}, {x + 12, y + 32, "start"}})
		as := halo()
		if at.anchor != "start" {
			as = append(as, anchor(at.anchor))
		}
		d.Text(at.x, at.y, v, append(as, size("12"), bold(), fill(col))...)
	}
	label := m.Label
	if m.Critical {
		label = "★ " + label
	}
	if rotate {
		for k, ln := range wrapLines(label, 22, 2) {
			d.Text(x, f.y1+16+14*float64(k), ln, anchor("end"), size("12"), fill(colText),
				svg.A("transform", "rotate(-35 "+svg.Num(x)+" "+svg.Num(f.y1+16)+")"))
		}
		return
	}
	for k, ln := range wrapLines(label, int(math.Max(6, f.step/7.5)), 2) {
		d.Text(x, f.y1+18+15*float64(k), ln, anchor("middle"), size("12"), fill(colText))
	}
}

// Table implements [Chart].
func (c SatisfactionChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Moment", "Momento"), l.t("Critical", "Crítico"), "n", l.t("Mean", "Media"), l.t("95 % interval", "Intervalo 95 %"), l.t("Standard", "Estándar")},
		Numeric: []bool{false, false, true, true, true, true}}
	for _, m := range c.Moments {
		crit, ci, std := "", "–", "–"
		if m.Critical {
			crit = l.t("yes", "sí")
		}
		if m.hasInterval() {
			ci = l.num(m.Low, 2) + " – " + l.num(m.High, 2)
		}
		if m.hasStandard() {
			std = l.num(m.Standard, 2)
		}
		t.Rows = append(t.Rows, []string{m.Label, crit, itoa(m.N), l.num(m.Mean, 2), ci, std})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c SatisfactionChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c SatisfactionChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c SatisfactionChart) WriteMarkdown(w io.Writer, l Lang) error {
	return writeString(w, c.Markdown(l))
}

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c SatisfactionChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}

// FunnelChart shows how many journeys reach each moment of the cycle of
// service, in order, and where customers drop off (abandono).
type FunnelChart struct {
	Title  string // "" gives the default title
	Stages []FunnelStage
}

// FunnelStage is one moment and the journeys that reached it. Negative
// counts are drawn as 0. An optional stage (one a journey may skip) is drawn
// lighter, and drops are measured between required stages only, so skipping
// it does not count as dropping off.
type FunnelStage struct {
	Label    string
	Count    int
	Optional bool
}

func (c FunnelChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Journeys reaching each moment (drop-off funnel)", "Recorridos que llegan a cada momento (embudo de abandono)")
}

// SVG implements [Chart].
func (c FunnelChart) SVG(l Lang) string { return c.svg(l, "funnel") }

func (c FunnelChart) svg(l Lang, id string) string {
	title := c.title(l)
	max := 0
	for _, s := range c.Stages {
		if s.Count > max {
			max = s.Count
		}
	}
	if max == 0 {
		return noData(id, title, l, l.t("No journey was recorded.", "No se registró ningún recorrido."))
	}
	first := c.Stages[0].Count
	var desc []string
	for _, s := range c.Stages {
		desc = append(desc, s.Label+": "+itoa(s.Count))
	}
	const top, rowH = 60.0, 34.0
	h := top + float64(len(c.Stages))*rowH + 24
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	const labelW, barL, barR = 262.0, 272.0, 580.0
	mid := (barL + barR) / 2
	d.Text(chartWidth-16, 46, l.t("journeys · % of start · drop", "recorridos · % del inicio · abandono"), anchor("end"), size("12"), fill(colAxis))
	prev := -1 // the last required stage's count
	for i, s := range c.Stages {
		cnt := s.Count
		if cnt < 0 {
			cnt = 0
		}
		y := top + float64(i)*rowH
		w := (barR - barL) * float64(cnt) / float64(max)
		d.Group(s.Label + ": " + itoa(cnt))
		rowLabel(d, labelW-8, y+19, s.Label, 34, "12")
		bar := colMain
		if s.Optional {
			bar = "#9ecbff"
		}
		d.Rect(mid-w/2, y+2, w, 26, fill(bar), svg.A("rx", "3"))
		info := itoa(cnt)
		if first > 0 {
			info += " · " + l.pct(100*float64(cnt)/float64(first), 0)
		}
		col := colText
		if drop, ok := dropFrom(prev, cnt); ok && !s.Optional {
			info += " · −" + l.pct(drop, 0)
			if drop >= 10 {
				col = colBad
			}
		}
		d.Text(barR+14, y+19, info, size("13"), fill(col))
		d.End()
		if !s.Optional {
			prev = cnt
		}
	}
	return d.String()
}

// dropFrom returns the share, in percent, of the prev journeys that did not
// reach the next stage (cnt); false when there is no previous count or no
// drop.
func dropFrom(prev, cnt int) (float64, bool) {
	if prev <= 0 || cnt >= prev {
		return 0, false
	}
	return 100 * float64(prev-cnt) / float64(prev), true
}

// Table implements [Chart].
func (c FunnelChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Moment", "Momento"), l.t("Journeys", "Recorridos"), l.t("% of start", "% del inicio"), l.t("Drop from previous", "Abandono desde el anterior")},
		Numeric: []bool{false, true, true, true}}
	first, prev := 0, -1
	for i, s := range c.Stages {
		if i == 0 {
			first = s.Count
		}
		ofStart, drop := "–", "–"
		if first > 0 {
			ofStart = l.pct(100*float64(s.Count)/float64(first), 1)
		}
		if prev > 0 && !s.Optional {
			d, _ := dropFrom(prev, s.Count)
			drop = l.pct(d, 1)
		}
		t.Rows = append(t.Rows, []string{s.Label, itoa(s.Count), ofStart, drop})
		if !s.Optional {
			prev = s.Count
		}
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c FunnelChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c FunnelChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c FunnelChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c FunnelChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
