package report

import (
	"io"
	"strings"
	"unicode"

	"github.com/servuction/servuction/internal/enum"
	"github.com/servuction/servuction/internal/svg"
)

// Table is a plain table of text cells: a [Block] of its own, and the data
// view of every chart. Rows shorter than Header are padded with empty cells;
// extra cells are dropped.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	// Numeric marks the columns whose cells are right-aligned (numbers).
	Numeric []bool
}

func (t Table) cell(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func (t Table) numeric(i int) bool { return i < len(t.Numeric) && t.Numeric[i] }

// mdCell escapes a cell for a Markdown table: pipes, backslashes and line
// breaks would break the row.
func mdCell(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "\r\n", " ", "\n", " ", "\r", " ")
	return r.Replace(s)
}

// Markdown returns the table in GitHub-flavoured Markdown, preceded by its
// caption in bold when it has one; a table without columns gives "".
func (t Table) Markdown(l Lang) string {
	if len(t.Header) == 0 {
		return ""
	}
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString("**" + mdCell(t.Caption) + "**\n\n")
	}
	b.WriteString("|")
	for _, h := range t.Header {
		b.WriteString(" " + mdCell(h) + " |")
	}
	b.WriteString("\n|")
	for i := range t.Header {
		if t.numeric(i) {
			b.WriteString("---:|")
		} else {
			b.WriteString("---|")
		}
	}
	b.WriteString("\n")
	if len(t.Rows) == 0 {
		b.WriteString("| " + l.t("No data", "Sin datos") + strings.Repeat(" |", len(t.Header)) + "\n")
	}
	for _, row := range t.Rows {
		b.WriteString("|")
		for i := range t.Header {
			b.WriteString(" " + mdCell(t.cell(row, i)) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// WriteMarkdown implements [Block]: [Table.Markdown].
func (t Table) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, t.Markdown(l)) }

// WriteHTML implements [Block]: an HTML table, its numeric columns aligned
// right, inside a box that scrolls when the table is wider than the page.
func (t Table) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { t.html(b, l, id) })
}

func (t Table) html(b *strings.Builder, l Lang, _ string) {
	if len(t.Header) == 0 {
		return
	}
	// A table wider than its card scrolls inside it rather than spilling out.
	b.WriteString("<div class=\"scroll\"><table>\n")
	if t.Caption != "" {
		b.WriteString("<caption>")
		svg.Escape(b, t.Caption)
		b.WriteString("</caption>\n")
	}
	b.WriteString("<thead><tr>")
	for i, h := range t.Header {
		b.WriteString(tdOpen("th", t.numeric(i)))
		svg.Escape(b, h)
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	if len(t.Rows) == 0 {
		b.WriteString(`<tr><td class="empty" colspan="` + itoa(len(t.Header)) + `">`)
		b.WriteString(l.t("No data", "Sin datos"))
		b.WriteString("</td></tr>\n")
	}
	for _, row := range t.Rows {
		b.WriteString("<tr>")
		for i := range t.Header {
			b.WriteString(tdOpen("td", t.numeric(i)))
			cell := t.cell(row, i)
			if t.numeric(i) {
				cell = keepUnits(cell)
			}
			svg.Escape(b, cell)
			b.WriteString("</td>")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody></table></div>\n")
}

// keepUnits joins each number to the unit after it with a no-break space
// ("90,0 %", "3 h 30 min", "2.000.000 COP"), so a narrow numeric column wraps
// between quantities, never between a number and its unit.
func keepUnits(s string) string {
	r := []rune(s)
	for i := 1; i+1 < len(r); i++ {
		if r[i] == ' ' && unicode.IsDigit(r[i-1]) && !unicode.IsDigit(r[i+1]) && r[i+1] != '(' && r[i+1] != '–' && r[i+1] != '/' {
			r[i] = '\u00a0'
		}
	}
	return string(r)
}

func tdOpen(tag string, num bool) string {
	if num {
		return "<" + tag + ` class="num">`
	}
	return "<" + tag + ">"
}

// Figures is a row of key figures (the headline numbers of a section), such
// as "Compliance 93.4 %" or "NPS +32".
type Figures []Figure

// Figure is one headline number: a label, the value already formatted, an
// optional note, and a status that colours it.
type Figure struct {
	Label, Value, Note string
	Status             Status
}

// Status colours a figure or a row: neutral, good or bad.
type Status uint8

// The statuses of a [Figure] or a [Bar].
const (
	Neutral Status = iota // neutral, blue
	Good                  // good (bueno), green
	Bad                   // bad (malo), red
)

var statusNames = enum.New("report: status", ErrInvalidInput,
	[]string{"neutral", "good", "bad"},
	map[string]Status{"neutro": Neutral, "bueno": Good, "bien": Good, "malo": Bad, "mal": Bad})

// ParseStatus returns the status named s ("good", "malo", …).
func ParseStatus(s string) (Status, error) { return statusNames.Parse(s) }

// String returns the status's English name.
func (s Status) String() string { return statusNames.String(s) }

// IsValid reports whether s is a defined status.
func (s Status) IsValid() bool { return statusNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Status) MarshalText() ([]byte, error) { return statusNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStatus].
func (s *Status) UnmarshalText(text []byte) error { return statusNames.UnmarshalText(s, text) }

func (s Status) class() string {
	switch s {
	case Good:
		return "kpi good"
	case Bad:
		return "kpi bad"
	}
	return "kpi"
}

// Markdown returns the figures as a two- or three-column table.
func (f Figures) Markdown(l Lang) string { return f.table(l).Markdown(l) }

func (f Figures) table(l Lang) Table {
	t := Table{Header: []string{l.t("Indicator", "Indicador"), l.t("Value", "Valor"), l.t("Note", "Nota")},
		Numeric: []bool{false, true, false}}
	for _, x := range f {
		t.Rows = append(t.Rows, []string{x.Label, x.Value, x.Note})
	}
	return t
}

// WriteMarkdown implements [Block]: [Figures.Markdown].
func (f Figures) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, f.Markdown(l)) }

// WriteHTML implements [Block]: a row of boxes, each coloured by its status.
func (f Figures) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { f.html(b, l, id) })
}

func (f Figures) html(b *strings.Builder, l Lang, _ string) {
	b.WriteString("<div class=\"kpis\">\n")
	for _, x := range f {
		b.WriteString(`<div class="` + x.Status.class() + `"><div class="label">`)
		svg.Escape(b, x.Label)
		b.WriteString(`</div><div class="value">`)
		svg.Escape(b, x.Value)
		b.WriteString("</div>")
		if x.Note != "" {
			b.WriteString(`<div class="note">`)
			svg.Escape(b, x.Note)
			b.WriteString("</div>")
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</div>\n")
}

// Text is a paragraph of plain text (no markup; it is escaped). Its line
// breaks are kept, so a numbered list or a playbook prints as written.
type Text string

// Markdown returns the paragraph, its line breaks as Markdown hard breaks.
func (t Text) Markdown(Lang) string {
	lines := strings.Split(strings.TrimSpace(string(t)), "\n")
	for i, ln := range lines[:len(lines)-1] {
		if strings.TrimSpace(ln) != "" && strings.TrimSpace(lines[i+1]) != "" {
			lines[i] = strings.TrimRight(ln, " ") + "  "
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// WriteMarkdown implements [Block]: [Text.Markdown].
func (t Text) WriteMarkdown(w io.Writer, l Lang) error { return writeString(w, t.Markdown(l)) }

// WriteHTML implements [Block]: a paragraph that keeps its line breaks.
func (t Text) WriteHTML(w io.Writer, l Lang, id string) error {
	return writeBuilt(w, func(b *strings.Builder) { t.html(b, l, id) })
}

func (t Text) html(b *strings.Builder, _ Lang, _ string) {
	b.WriteString(`<p class="text">`)
	svg.Escape(b, strings.TrimSpace(string(t)))
	b.WriteString("</p>\n")
}
