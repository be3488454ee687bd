package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// IPAChart is the importance–performance matrix (Martilla & James 1977):
// performance across, importance up, and a crosshair that splits the plane
// into the four quadrants — concentrate here (important, performing poorly),
// keep up the good work, low priority, possible overkill. A point on the
// crosshair counts as high, as in package scorecard.
//
// Points are numbered on the plot and named in a key beside it, so long
// attribute names never overlap.
type IPAChart struct {
	Title string // "" gives the default title
	// PerformanceLabel names the horizontal axis; "" gives "Performance".
	// The competitor variant plots our score minus theirs: name it so.
	PerformanceLabel string
	// PerfMin, PerfMax and ImpMin, ImpMax are the axis ranges, e.g. the
	// rating scale 1 to 5; a range with Min >= Max is taken from the data.
	PerfMin, PerfMax, ImpMin, ImpMax float64
	// CrossPerformance and CrossImportance place the crosshair (the scale
	// midpoint, or the data means).
	CrossPerformance, CrossImportance float64
	Points                            []IPAPoint
}

// IPAPoint is one attribute's mean importance and performance.
type IPAPoint struct {
	Label                   string
	Importance, Performance float64
}

// IPA quadrant identifiers, in the order of the key.
const (
	qConcentrate = iota
	qKeep
	qLow
	qOverkill
)

func (l Lang) quadrant(q int) string {
	switch q {
	case qConcentrate:
		return l.t("Concentrate here", "Concentrarse aquí")
	case qKeep:
		return l.t("Keep up the good work", "Mantener el buen trabajo")
	case qLow:
		return l.t("Low priority", "Baja prioridad")
	default:
		return l.t("Possible overkill", "Posible exceso")
	}
}

var quadrantColour = [...]string{colBad, colGood, colAxis, colWarn}

func (c IPAChart) quadrantOf(p IPAPoint) int {
	hiImp := p.Importance >= c.CrossImportance
	hiPerf := p.Performance >= c.CrossPerformance
	switch {
	case hiImp && !hiPerf:
		return qConcentrate
	case hiImp:
		return qKeep
	case !hiPerf:
		return qLow
	default:
		return qOverkill
	}
}

func (c IPAChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("Importance–performance matrix", "Matriz importancia–desempeño")
}

func (c IPAChart) valid() []IPAPoint {
	var ps []IPAPoint
	for _, p := range c.Points {
		if finite(p.Importance) && finite(p.Performance) {
			ps = append(ps, p)
		}
	}
	return ps
}

// axisRange returns [lo, hi] including the crosshair and the data when the
// given range is empty.
func axisRange(lo, hi, cross float64, vals []float64) (float64, float64) {
	if finite(lo) && finite(hi) && lo < hi {
		return lo, hi
	}
	lo, hi = cross, cross
	if !finite(cross) {
		lo, hi = math.Inf(1), math.Inf(-1)
	}
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	pad := math.Max((hi-lo)*0.1, 0.5)
	return lo - pad, hi + pad
}

// ipaKeyChars is the most characters a line of the IPA chart's key holds:
// the key is 244 units wide, from 556 to the chart's right margin.
const ipaKeyChars = 30

// SVG implements [Chart].
func (c IPAChart) SVG(l Lang) string { return c.svg(l, "ipa") }

func (c IPAChart) svg(l Lang, id string) string {
	title := c.title(l)
	ps := c.valid()
	if len(ps) == 0 {
		return noData(id, title, l, l.t("No attribute has both an importance and a performance score.", "Ningún atributo tiene puntajes de importancia y de desempeño."))
	}
	perfLabel := c.PerformanceLabel
	if perfLabel == "" {
		perfLabel = l.t("Performance", "Desempeño")
	}
	var pv, iv []float64
	var desc []string
	for _, p := range ps {
		pv = append(pv, p.Performance)
		iv = append(iv, p.Importance)
		desc = append(desc, p.Label+": "+l.quadrant(c.quadrantOf(p)))
	}
	crossP, crossI := c.CrossPerformance, c.CrossImportance
	if !finite(crossP) {
		crossP = 0
	}
	if !finite(crossI) {
		crossI = 0
	}
	plo, phi := axisRange(c.PerfMin, c.PerfMax, crossP, pv)
	ilo, ihi := axisRange(c.ImpMin, c.ImpMax, crossI, iv)
	pt, plo, phi := ticks(plo, phi, 5)
	it, ilo, ihi := ticks(ilo, ihi, 5)
	// The key names each point in full, on up to three lines.
	keys := make([][]string, len(ps))
	keyHeight := 0.0
	for i, p := range ps {
		keys[i] = wrapLines(p.Label, ipaKeyChars, 3)
		keyHeight += 22 + 16*float64(max(len(keys[i]), 1)-1)
	}
	h := math.Max(560, 104+keyHeight+20)
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	x0, x1, y0, y1 := 80.0, 500.0, 60.0, 480.0
	xs, ys := scale{plo, phi, x0, x1}, scale{ilo, ihi, y1, y0}
	cx, cy := xs.at(clamp(crossP, plo, phi)), ys.at(clamp(crossI, ilo, ihi))
	// Quadrant backgrounds and names.
	d.Rect(x0, y0, cx-x0, cy-y0, fill("#fff1f0"))
	d.Rect(cx, y0, x1-cx, cy-y0, fill("#eefbf1"))
	d.Rect(x0, cy, cx-x0, y1-cy, fill(colFaint))
	d.Rect(cx, cy, x1-cx, y1-cy, fill("#fff8e6"))
	xd, yd := decimalsFor(pt), decimalsFor(it)
	yAxis(d, ys, it, x0, x1, func(v float64) string { return l.num(v, yd) })
	xAxis(d, xs, pt, y0, y1, func(v float64) string { return l.num(v, xd) })
	d.Line(cx, y0, cx, y1, stroke(colText), sw("2"), dash("8 4"))
	d.Line(x0, cy, x1, cy, stroke(colText), sw("2"), dash("8 4"))
	qs := []struct {
		q    int
		x, y float64
		a    string
	}{{qConcentrate, x0 + 8, y0 + 18, "start"}, {qKeep, x1 - 8, y0 + 18, "end"}, {qLow, x0 + 8, y1 - 10, "start"}, {qOverkill, x1 - 8, y1 - 10, "end"}}
	for _, q := range qs {
		d.Text(q.x, q.y, l.quadrant(q.q), anchor(q.a), size("13"), bold(), fill(quadrantColour[q.q]))
	}
	axisTitle(d, (x0+x1)/2, y1+44, perfLabel, false)
	axisTitle(d, 26, (y0+y1)/2, l.t("Importance", "Importancia"), true)
	// Points, numbered.
	for i, p := range ps {
		q := c.quadrantOf(p)
		x, y := xs.at(clamp(p.Performance, plo, phi)), ys.at(clamp(p.Importance, ilo, ihi))
		d.Group(itoa(i+1) + ". " + p.Label + ": " + l.t("importance ", "importancia ") + l.num(p.Importance, 2) + ", " + strings.ToLower(perfLabel) + " " + l.num(p.Performance, 2))
		d.Circle(x, y, 11, fill(quadrantColour[q]), stroke("#ffffff"), sw("1.5"))
		d.Text(x, y+4.5, itoa(i+1), anchor("middle"), size("12"), bold(), fill("#ffffff"))
		d.End()
	}
	c.drawKey(d, l, ps, keys)
	return d.String()
}

// drawKey names each numbered point in full beside the plot, on the lines
// keys holds for it.
func (c IPAChart) drawKey(d *svg.Doc, l Lang, ps []IPAPoint, keys [][]string) {
	kx := 530.0
	d.Text(kx, 78, l.t("Attributes", "Atributos"), size("14"), bold(), fill(colText))
	y := 104.0
	for i, p := range ps {
		q := c.quadrantOf(p)
		d.Circle(kx+9, y-4, 9, fill(quadrantColour[q]))
		d.Text(kx+9, y, itoa(i+1), anchor("middle"), size("10"), bold(), fill("#ffffff"))
		for k, ln := range keys[i] {
			d.Text(kx+26, y+16*float64(k), ln, size("13"), fill(colText))
		}
		y += 22 + 16*float64(max(len(keys[i]), 1)-1)
	}
}

// Table implements [Chart].
func (c IPAChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{"#", l.t("Attribute", "Atributo"), l.t("Importance", "Importancia"), l.t("Performance", "Desempeño"), l.t("Quadrant", "Cuadrante")},
		Numeric: []bool{true, false, true, true, false}}
	for i, p := range c.valid() {
		t.Rows = append(t.Rows, []string{itoa(i + 1), p.Label, l.num(p.Importance, 2), l.num(p.Performance, 2), l.quadrant(c.quadrantOf(p))})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c IPAChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c IPAChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c IPAChart) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, c.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c IPAChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
