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

// WriteMarkdown writes the report to w as Markdown: headings, paragraphs,
// and every block as its WriteMarkdown writes it (a chart as the table of
// its data). It fails when the report's language is undefined, when a block
// fails (the error names its section and place) or when w fails.
func (r Report) WriteMarkdown(w io.Writer) error {
	if !r.Lang.IsValid() {
		return fmt.Errorf("report: language %d: undefined: %w", r.Lang, ErrInvalidInput)
	}
	if err := r.markdown(&pageWriter{w: w}); err != nil {
		return fmt.Errorf("report: writing Markdown: %w", err)
	}
	return nil
}

// Markdown returns the report as [Report.WriteMarkdown] writes it. A block
// that fails (only a block of your own can) is left out; use WriteMarkdown
// to see its error. An undefined language is English.
func (r Report) Markdown() string {
	var b strings.Builder
	_ = r.markdown(&pageWriter{w: &b, skip: true}) // a strings.Builder does not fail
	return b.String()
}

func (r Report) markdown(pw *pageWriter) error {
	l := r.Lang
	pw.str("# " + oneLine(r.Title) + "\n\n")
	if r.Subtitle != "" {
		pw.str("_" + oneLine(r.Subtitle) + "_\n\n")
	}
	for _, s := range r.Sections {
		pw.str("## " + oneLine(s.Title) + "\n\n")
		if s.Intro != "" {
			pw.str(strings.TrimSpace(s.Intro) + "\n\n")
		}
		if len(s.Blocks) == 0 {
			pw.str(l.t("No data.", "Sin datos.") + "\n\n")
		}
		for i, bl := range s.Blocks {
			if bl != nil {
				if pw.block(s.Title, i, func(w io.Writer) error { return bl.WriteMarkdown(w, l) }) {
					pw.str("\n")
				}
			}
		}
	}
	if r.Footer != "" {
		pw.str("---\n\n" + strings.TrimSpace(r.Footer) + "\n")
	}
	return pw.err
}

// pageWriter writes a page to w, keeping the first error and writing nothing
// after it.
type pageWriter struct {
	w   io.Writer
	err error
	// skip makes a failing block be left out instead of stopping the page
	// (the string conveniences).
	skip bool
}

func (p *pageWriter) str(s string) {
	if p.err == nil {
		p.err = writeString(p.w, s)
	}
}

// escaped writes s escaped for HTML.
func (p *pageWriter) escaped(s string) { p.str(svg.EscapeString(s)) }

// block writes the i-th block of a section with write and reports whether
// it was written; in skip mode a block that fails is left out.
func (p *pageWriter) block(section string, i int, write func(w io.Writer) error) bool {
	if p.err != nil {
		return false
	}
	if p.skip {
		var b strings.Builder
		if write(&b) != nil {
			return false
		}
		p.str(b.String())
		return p.err == nil
	}
	if err := write(p.w); err != nil {
		p.err = fmt.Errorf("section %q, block %d: %w", section, i+1, err)
		return false
	}
	return true
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

// HTML returns the report as [Report.WriteHTML] writes it: one
// self-contained HTML page. A block that fails (only a block of your own
// can) is left out; use WriteHTML to see its error. An undefined language
// is English.
func (r Report) HTML() string {
	var b strings.Builder
	_ = r.html(&pageWriter{w: &b, skip: true}) // a strings.Builder does not fail
	return b.String()
}

// WriteHTML writes the report to w as one self-contained HTML page: inline
// SVG charts and CSS, no JavaScript, no external resource. The page is also
// well-formed XML (polyglot markup) as long as every block writes
// well-formed fragments, so any XML parser can check it. It fails when the
// report's language is undefined, when a block fails (the error names its
// section and place) or when w fails.
func (r Report) WriteHTML(w io.Writer) error {
	if !r.Lang.IsValid() {
		return fmt.Errorf("report: language %d: undefined: %w", r.Lang, ErrInvalidInput)
	}
	if err := r.html(&pageWriter{w: w}); err != nil {
		return fmt.Errorf("report: writing HTML: %w", err)
	}
	return nil
}

func (r Report) html(pw *pageWriter) error {
	l := r.Lang
	pw.str("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + l.String() + "\">\n<head>\n")
	pw.str("<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>")
	pw.escaped(r.Title)
	pw.str("</title>\n<style>" + css + "</style>\n</head>\n<body>\n<header><h1>")
	pw.escaped(r.Title)
	pw.str("</h1>")
	if r.Subtitle != "" {
		pw.str("<p>")
		pw.escaped(r.Subtitle)
		pw.str("</p>")
	}
	pw.str("</header>\n")
	if len(r.Sections) > 1 {
		pw.str("<nav aria-label=\"" + l.t("Sections", "Secciones") + "\">")
		for i, s := range r.Sections {
			pw.str(`<a href="#s` + itoa(i+1) + `">`)
			pw.escaped(s.Title)
			pw.str("</a>")
		}
		pw.str("</nav>\n")
	}
	pw.str("<main>\n")
	n := 0
	for i, s := range r.Sections {
		pw.str(`<section id="s` + itoa(i+1) + `"><h2>`)
		pw.escaped(s.Title)
		pw.str("</h2>\n")
		if s.Intro != "" {
			pw.str("<p>")
			pw.escaped(strings.TrimSpace(s.Intro))
			pw.str("</p>\n")
		}
		if len(s.Blocks) == 0 {
			pw.str(`<p class="empty">` + l.t("No data.", "Sin datos.") + "</p>\n")
		}
		for j, bl := range s.Blocks {
			if bl == nil {
				continue
			}
			n++
			id := "c" + itoa(n)
			pw.block(s.Title, j, func(w io.Writer) error { return bl.WriteHTML(w, l, id) })
		}
		pw.str("</section>\n")
	}
	pw.str("</main>\n")
	if r.Footer != "" {
		pw.str("<footer><p>")
		pw.escaped(strings.TrimSpace(r.Footer))
		pw.str("</p></footer>\n")
	}
	pw.str("</body>\n</html>\n")
	return pw.err
}
