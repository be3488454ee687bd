package report

import (
	"io"
	"math"
	"strings"

	"github.com/servuction/servuction/internal/enum"
	"github.com/servuction/servuction/internal/svg"
)

// Step is the phase of the improvement cycle (ciclo de mejora continua) that
// a [PDCAPanel] highlights on its wheel. The zero value is [StepUnknown]:
// nothing highlighted.
type Step uint8

// The steps of the PDCA cycle (planear, hacer, verificar, actuar), and Closed
// for a cycle that has ended.
const (
	StepUnknown Step = iota
	StepPlan         // planear
	StepDo           // hacer
	StepCheck        // verificar
	StepAct          // actuar
	StepClosed       // cerrado
)

var stepNames = enum.New("report: step", ErrInvalidInput,
	[]string{"unknown", "plan", "do", "check", "act", "closed"},
	map[string]Step{"desconocido": StepUnknown, "planear": StepPlan, "planificar": StepPlan, "hacer": StepDo,
		"verificar": StepCheck, "actuar": StepAct, "cerrado": StepClosed, "done": StepClosed})

// ParseStep returns the step named s ("check", "verificar", …).
func ParseStep(s string) (Step, error) { return stepNames.Parse(s) }

// String returns the step's English name.
func (s Step) String() string { return stepNames.String(s) }

// IsValid reports whether s is a defined step.
func (s Step) IsValid() bool { return stepNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Step) MarshalText() ([]byte, error) { return stepNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStep].
func (s *Step) UnmarshalText(text []byte) error { return stepNames.UnmarshalText(s, text) }

func (l Lang) step(s Step) string {
	switch s {
	case StepPlan:
		return l.t("PLAN", "PLANEAR")
	case StepDo:
		return l.t("DO", "HACER")
	case StepCheck:
		return l.t("CHECK", "VERIFICAR")
	case StepAct:
		return l.t("ACT", "ACTUAR")
	case StepClosed:
		return l.t("CLOSED", "CERRADO")
	}
	return "–"
}

// PDCAPanel shows one improvement cycle: the Deming wheel with the current
// step highlighted (steps already done in green), and beside it the
// indicator, baseline, current value and target, the Check's verdict and the
// suggested Act decision, with the evidence behind the verdict.
type PDCAPanel struct {
	Title     string // "" gives the default title
	Indicator string // e.g. "First-contact resolution (%)"
	Step      Step
	State     string // the cycle's state as its package names it, e.g. "checking"
	// Baseline, Current and Target are already formatted ("71.8 %").
	Baseline, Current, Target string
	Verdict                   string
	VerdictStatus             Status // colours the verdict
	Decision                  string
	Evidence                  []string
}

func (p PDCAPanel) title(l Lang) string {
	if p.Title != "" {
		return p.Title
	}
	return l.t("Improvement cycle (PDCA)", "Ciclo de mejora continua (PHVA)")
}

func (p PDCAPanel) empty() bool {
	return p.Step == StepUnknown && p.State == "" && p.Indicator == "" && p.Verdict == "" && p.Baseline == "" && p.Current == ""
}

// SVG implements [Chart].
func (p PDCAPanel) SVG(l Lang) string { return p.svg(l, "pdca") }

func (p PDCAPanel) svg(l Lang, id string) string {
	title := p.title(l)
	if p.empty() {
		return noData(id, title, l, l.t("No improvement cycle was run.", "No se ejecutó ningún ciclo de mejora."))
	}
	// Values and evidence wrap onto a second line rather than being cut.
	rows := p.rows(l)
	vals := make([][]string, len(rows))
	lines := 0
	for i, row := range rows {
		vals[i] = wrapLines(row[1], 46, 2)
		lines += max(len(vals[i]), 1) - 1
	}
	var ev [][]string
	for i, e := range p.Evidence {
		if i == 6 {
			break
		}
		ev = append(ev, wrapLines(e, 62, 2))
		lines += max(len(ev[i]), 1)
	}
	h := math.Max(320, 80+float64(len(rows))*26+float64(lines)*18+40)
	desc := l.t("Step: ", "Paso: ") + l.step(p.Step)
	if p.Verdict != "" {
		desc += "; " + l.t("verdict: ", "veredicto: ") + p.Verdict
	}
	d := svg.New(chartWidth, h, id, title, desc)
	heading(d, title)
	p.drawWheel(d, l, 160, 60+(h-60)/2, 115)
	x := 310.0
	y := 70.0
	for i, row := range rows {
		d.Text(x, y, row[0], size("13"), fill(colAxis))
		col := colText
		if row[0] == l.t("Verdict", "Veredicto") {
			switch p.VerdictStatus {
			case Good:
				col = colGood
			case Bad:
				col = colBad
			}
		}
		for k, ln := range vals[i] {
			d.Text(x+120, y+18*float64(k), ln, size("13"), bold(), fill(col))
		}
		y += 26 + 18*float64(max(len(vals[i]), 1)-1)
	}
	if len(ev) > 0 {
		y += 6
		d.Text(x, y, l.t("Evidence", "Evidencia"), size("13"), fill(colAxis))
		for _, e := range ev {
			y += 20
			for k, ln := range e {
				if k == 0 {
					ln = "• " + ln
				}
				d.Text(x+12+10*float64(min(k, 1)), y+18*float64(k), ln, size("12"), fill(colText))
			}
			y += 18 * float64(max(len(e), 1)-1)
		}
	}
	return d.String()
}

// drawWheel draws the Deming wheel centred at (cx, cy) with radius r:
// clockwise from the top, Plan (top right), Do, Check, Act (top left); the
// steps done green, the current one blue, a check mark when closed.
func (p PDCAPanel) drawWheel(d *svg.Doc, l Lang, cx, cy, r float64) {
	for i, s := range []Step{StepPlan, StepDo, StepCheck, StepAct} {
		a0 := -math.Pi/2 + float64(i)*math.Pi/2
		a1 := a0 + math.Pi/2
		col, tc := "#eaeef2", colText
		switch {
		case p.Step == StepClosed || (p.Step != StepUnknown && s < p.Step):
			col, tc = "#aceebb", colText
		case s == p.Step:
			col, tc = colMain, "#ffffff"
		}
		path := (&svg.PathData{}).M(cx, cy).L(cx+r*math.Cos(a0), cy+r*math.Sin(a0)).
			A(r, r, 0, false, true, cx+r*math.Cos(a1), cy+r*math.Sin(a1)).Z()
		d.Path(path, fill(col), stroke("#ffffff"), sw("4"))
		am := (a0 + a1) / 2
		d.Text(cx+0.58*r*math.Cos(am), cy+0.58*r*math.Sin(am)+5, l.step(s), anchor("middle"), size("14"), bold(), fill(tc))
	}
	d.Circle(cx, cy, 24, fill("#ffffff"))
	if p.Step == StepClosed {
		d.Text(cx, cy+4, "✓", anchor("middle"), size("18"), bold(), fill(colGood))
	}
}

func (p PDCAPanel) rows(l Lang) [][2]string {
	var rows [][2]string
	add := func(k, v string) {
		if v != "" {
			rows = append(rows, [2]string{k, v})
		}
	}
	add(l.t("Indicator", "Indicador"), p.Indicator)
	st := l.step(p.Step)
	if p.State != "" {
		st += " (" + p.State + ")"
	}
	add(l.t("Step", "Paso"), st)
	add(l.t("Baseline", "Línea base"), p.Baseline)
	add(l.t("Current", "Actual"), p.Current)
	add(l.t("Target", "Meta"), p.Target)
	add(l.t("Verdict", "Veredicto"), p.Verdict)
	add(l.t("Decision", "Decisión"), p.Decision)
	return rows
}

// Table implements [Chart].
func (p PDCAPanel) Table(l Lang) Table {
	t := Table{Caption: p.title(l), Header: []string{l.t("Item", "Elemento"), l.t("Value", "Valor")}}
	if p.empty() {
		return t
	}
	for _, r := range p.rows(l) {
		t.Rows = append(t.Rows, []string{r[0], r[1]})
	}
	for _, e := range p.Evidence {
		t.Rows = append(t.Rows, []string{l.t("Evidence", "Evidencia"), e})
	}
	return t
}

// Markdown returns the chart's data as a Markdown table, as [Block]'s WriteMarkdown writes it.
func (p PDCAPanel) Markdown(l Lang) string { return p.Table(l).Markdown(l) }

func (p PDCAPanel) html(b *strings.Builder, l Lang, id string) {
	chartHTML(b, l, p.svg(l, id), p.Table(l))
}

// WriteMarkdown implements [Block]: the chart's data as a table.
func (p PDCAPanel) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, p.Markdown(l)) }

// WriteHTML implements [Block]: the chart as inline SVG, and its data in a
// collapsible table.
func (p PDCAPanel) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { p.html(b, l, id) })
}
