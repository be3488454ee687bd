package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/servuction/servuction/internal/svg"
)

// Report is one service-quality report: a title, the language of its labels,
// and sections of blocks (charts, tables, key figures, text). Render it with
// [Report.HTML] (one self-contained page) or [Report.Markdown].
type Report struct {
	Title    string
	Subtitle string // e.g. the organisation and the period
	Lang     Lang
	Sections []Section
	// Footer is a closing note (data sources, how the report was made).
	Footer string
}

// Section is a titled part of a report, e.g. "Service-level agreements".
type Section struct {
	Title  string
	Intro  string // a paragraph under the title; optional
	Blocks []Block
}

// Markdown returns the report as Markdown: headings, paragraphs, and every
// chart as the table of its data.
func (r Report) Markdown() string {
	l := r.Lang
	var b strings.Builder
	b.WriteString("# " + oneLine(r.Title) + "\n\n")
	if r.Subtitle != "" {
		b.WriteString("_" + oneLine(r.Subtitle) + "_\n\n")
	}
	for _, s := range r.Sections {
		b.WriteString("## " + oneLine(s.Title) + "\n\n")
		if s.Intro != "" {
			b.WriteString(strings.TrimSpace(s.Intro) + "\n\n")
		}
		if len(s.Blocks) == 0 {
			b.WriteString(l.t("No data.", "Sin datos.") + "\n\n")
		}
		for _, bl := range s.Blocks {
			if bl == nil {
				continue
			}
			b.WriteString(bl.Markdown(l))
			b.WriteString("\n")
		}
	}
	if r.Footer != "" {
		b.WriteString("---\n\n" + strings.TrimSpace(r.Footer) + "\n")
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// css is the page's whole style sheet: print-friendly, no external fonts.
const css = `
body{margin:0;background:#f6f8fa;color:#1f2328;font:15px/1.5 "DejaVu Sans",Verdana,Arial,sans-serif}
header{background:#0b3d64;color:#fff;padding:24px 32px}
header h1{margin:0;font-size:26px}
header p{margin:4px 0 0;opacity:.85}
nav{background:#fff;border-bottom:1px solid #d8dee4;padding:8px 32px;font-size:14px}
nav a{color:#0969da;margin-right:18px;text-decoration:none}
main{max-width:860px;margin:0 auto;padding:8px 16px 32px}
section{background:#fff;border:1px solid #d8dee4;border-radius:8px;margin:20px 0;padding:4px 24px 16px}
section h2{font-size:20px;border-bottom:1px solid #d8dee4;padding-bottom:6px}
figure{margin:16px 0}
figure svg{max-width:100%;height:auto;display:block}
details{margin:6px 0 0;font-size:13px}
summary{color:#57606a;cursor:pointer}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:8px 0;font-size:13px;width:100%}
caption{text-align:left;font-weight:bold;padding:4px 0}
th,td{border-bottom:1px solid #d8dee4;padding:4px 6px;text-align:left;vertical-align:top}
td:first-child{min-width:7em}
th{background:#f6f8fa}
.num{text-align:right;font-variant-numeric:tabular-nums}
td.empty{color:#57606a;font-style:italic}
p.text{white-space:pre-line}
.kpis{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.kpi{flex:1 1 150px;border:1px solid #d8dee4;border-left:6px solid #0969da;border-radius:6px;padding:8px 12px}
.kpi.good{border-left-color:#1a7f37}
.kpi.bad{border-left-color:#cf222e}
.kpi .label{font-size:13px;color:#57606a}
.kpi .value{font-size:24px;font-weight:bold}
.kpi .note{font-size:12px;color:#57606a}
footer{max-width:860px;margin:0 auto 32px;padding:0 16px;font-size:12px;color:#57606a}
@media print{body{background:#fff}section{break-inside:avoid;border:none}nav{display:none}}
`

// HTML returns the report as one self-contained HTML page: inline SVG charts
// and CSS, no JavaScript, no external resource. The page is also well-formed
// XML (polyglot markup), so any XML parser can check it.
func (r Report) HTML() string {
	l := r.Lang
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + l.String() + "\">\n<head>\n")
	b.WriteString("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
	svg.Escape(&b, r.Title)
	b.WriteString("</title>\n<style>")
	b.WriteString(css)
	b.WriteString("</style>\n</head>\n<body>\n<header><h1>")
	svg.Escape(&b, r.Title)
	b.WriteString("</h1>")
	if r.Subtitle != "" {
		b.WriteString("<p>")
		svg.Escape(&b, r.Subtitle)
		b.WriteString("</p>")
	}
	b.WriteString("</header>\n")
	if len(r.Sections) > 1 {
		b.WriteString("<nav aria-label=\"" + l.t("Sections", "Secciones") + "\">")
		for i, s := range r.Sections {
			b.WriteString(`<a href="#s` + itoa(i+1) + `">`)
			svg.Escape(&b, s.Title)
			b.WriteString("</a>")
		}
		b.WriteString("</nav>\n")
	}
	b.WriteString("<main>\n")
	n := 0
	for i, s := range r.Sections {
		b.WriteString(`<section id="s` + itoa(i+1) + `"><h2>`)
		svg.Escape(&b, s.Title)
		b.WriteString("</h2>\n")
		if s.Intro != "" {
			b.WriteString("<p>")
			svg.Escape(&b, strings.TrimSpace(s.Intro))
			b.WriteString("</p>\n")
		}
		if len(s.Blocks) == 0 {
			b.WriteString(`<p class="empty">` + l.t("No data.", "Sin datos.") + "</p>\n")
		}
		for _, bl := range s.Blocks {
			if bl == nil {
				continue
			}
			n++
			bl.html(&b, l, "c"+itoa(n))
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("</main>\n")
	if r.Footer != "" {
		b.WriteString("<footer><p>")
		svg.Escape(&b, strings.TrimSpace(r.Footer))
		b.WriteString("</p></footer>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return b.String()
}

// WriteHTML writes [Report.HTML] to w. It fails when the report's language
// is undefined or w fails.
func (r Report) WriteHTML(w io.Writer) error {
	if !r.Lang.IsValid() {
		return fmt.Errorf("report: language %d: undefined: %w", r.Lang, ErrInvalidInput)
	}
	if _, err := io.WriteString(w, r.HTML()); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	return nil
}
