package report

import (
	"io"
	"slices"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// ComplianceChart shows, per SLA objective, the share of tickets that met
// their target (cumplimiento del ANS) against the objective's attainment
// threshold: green bars meet it, red bars fall short, and a black tick marks
// the threshold on each bar.
type ComplianceChart struct {
	Title string // "" gives the default title in the report's language
	Bars  []ComplianceBar
}

// ComplianceBar is one objective's compliance.
type ComplianceBar struct {
	Label string // e.g. "Resolution · high"
	// Percent is the share of decided tickets within target, 0 to 100. NaN
	// means no ticket was decided; the bar is then listed without a value,
	// as "no ticket decided yet" when some are open, else "no tickets".
	Percent float64
	// Threshold is the attainment threshold, 0 to 100 (e.g. 95); 0 or NaN
	// means the objective has none.
	Threshold float64
	// Met and Total count the tickets within target and decided (met or
	// breached); Open counts those not decided yet (their clock runs or
	// waits).
	Met, Total, Open int
}

func (c ComplianceChart) title(l Lang) string {
	if c.Title != "" {
		return c.Title
	}
	return l.t("SLA compliance by objective", "Cumplimiento del ANS por objetivo")
}

func (b ComplianceBar) hasThreshold() bool { return finite(b.Threshold) && b.Threshold > 0 }

func (b ComplianceBar) status(l Lang) (string, string) {
	switch {
	case !finite(b.Percent) && b.Open > 0:
		return l.undecided(b.Open), colAxis
	case !finite(b.Percent):
		return l.t("no tickets", "sin tiquetes"), colAxis
	case !b.hasThreshold():
		return "", colMain
	case b.Percent >= b.Threshold:
		return l.t("meets", "cumple"), colGood
	default:
		return l.t("below", "no cumple"), colBad
	}
}

// SVG implements [Chart].
func (c ComplianceChart) SVG(l Lang) string { return c.svg(l, "compliance") }

func (c ComplianceChart) svg(l Lang, id string) string {
	title := c.title(l)
	valid := 0
	for _, b := range c.Bars {
		if finite(b.Percent) {
			valid++
		}
	}
	if valid == 0 && !slices.ContainsFunc(c.Bars, func(b ComplianceBar) bool { return b.Open > 0 }) {
		return noData(id, title, l, l.t("No ticket was evaluated against an objective.", "Ningún tiquete se evaluó contra un objetivo."))
	}
	const top, rowH, labelW = 62.0, 38.0, 230.0
	h := top + float64(len(c.Bars))*rowH + 56
	var desc []string
	for _, b := range c.Bars {
		st, _ := c.barStatus(l, b)
		desc = append(desc, b.Label+": "+l.pct(b.Percent, 1)+st)
	}
	d := svg.New(chartWidth, h, id, title, strings.Join(desc, "; "))
	heading(d, title)
	legend(d, -1, 50, []legendItem{
		{l.t("meets threshold", "cumple el umbral"), colGood, 'r'},
		{l.t("below threshold", "bajo el umbral"), colBad, 'r'},
		{l.t("threshold", "umbral"), colText, 'l'},
	})
	x0, x1 := labelW, chartWidth-70
	sc := scale{0, 100, x0, x1}
	bottom := top + float64(len(c.Bars))*rowH
	xAxis(d, sc, []float64{0, 20, 40, 60, 80, 100}, top-4, bottom, func(v float64) string { return l.pct(v, 0) })
	axisTitle(d, (x0+x1)/2, bottom+42, l.t("tickets within target (%)", "tiquetes dentro del objetivo (%)"), false)
	for i, b := range c.Bars {
		y := top + float64(i)*rowH + 6
		st, col := b.status(l)
		d.Group(b.Label + ": " + l.pct(b.Percent, 1) + " (" + itoa(b.Met) + "/" + itoa(b.Total) + ")")
		rowLabel(d, x0-10, y+18, b.Label, 32, "13")
		if finite(b.Percent) {
			p := clamp(b.Percent, 0, 100)
			d.Rect(x0, y, sc.at(p)-x0, 26, fill(col))
			lx := sc.at(p) + 6
			if b.hasThreshold() {
				// Keep the value clear of the threshold tick.
				if tx := sc.at(clamp(b.Threshold, 0, 100)); lx < tx+6 && lx+60 > tx-2 {
					lx = tx + 6
				}
			}
			d.Text(lx, y+18, l.pct(b.Percent, 1), size("13"), bold(), fill(col))
		} else {
			d.Text(x0+6, y+18, st, size("13"), fill(colAxis))
		}
		if b.hasThreshold() {
			tx := sc.at(clamp(b.Threshold, 0, 100))
			d.Line(tx, y-4, tx, y+30, stroke(colText), sw("3"))
		}
		d.End()
	}
	return d.String()
}

func (c ComplianceChart) barStatus(l Lang, b ComplianceBar) (string, string) {
	st, col := b.status(l)
	if st != "" && finite(b.Percent) {
		st = " (" + st + " " + l.pct(b.Threshold, 1) + ")"
	}
	return st, col
}

// undecided says that no ticket is decided yet and how many are open.
func (l Lang) undecided(open int) string {
	if open == 1 {
		return l.t("no ticket decided yet (1 open)", "ningún tiquete decidido aún (1 abierto)")
	}
	return l.t("no ticket decided yet (", "ningún tiquete decidido aún (") + itoa(open) + l.t(" open)", " abiertos)")
}

// Table implements [Chart].
func (c ComplianceChart) Table(l Lang) Table {
	t := Table{Caption: c.title(l),
		Header:  []string{l.t("Objective", "Objetivo"), l.t("Within target", "Dentro del objetivo"), l.t("Compliance", "Cumplimiento"), l.t("Threshold", "Umbral"), l.t("Status", "Estado")},
		Numeric: []bool{false, true, true, true, false}}
	for _, b := range c.Bars {
		th := "–"
		if b.hasThreshold() {
			th = l.pct(b.Threshold, 1)
		}
		st, _ := b.status(l)
		comp := l.pct(b.Percent, 1)
		if !finite(b.Percent) && b.Open > 0 {
			comp, st = l.t("no ticket decided yet", "ningún tiquete decidido aún"), ""
		}
		t.Rows = append(t.Rows, []string{b.Label, itoa(b.Met) + " / " + itoa(b.Total), comp, th, st})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (c ComplianceChart) Markdown(l Lang) string { return c.Table(l).Markdown(l) }

func (c ComplianceChart) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, c.svg(l, id), c.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (c ComplianceChart) WriteMarkdown(w io.Writer, l Lang) error {
	return writeString(w, c.Markdown(l))
}

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (c ComplianceChart) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { c.html(b, l, id) })
}
