package report_test

import (
	"fmt"
	"html"
	"io"
	"os"
	"strings"

	"github.com/servuction/servuction/report"
)

// A Pareto chart of complaint causes, as the Markdown table under the chart.
func ExampleParetoChart_Markdown() {
	c := report.ParetoChart{Unit: "casos", Bars: []report.ParetoBar{
		{Label: "Negligencia", Value: 30},
		{Label: "Indiferencia", Value: 50},
		{Label: "Olvidos", Value: 20},
	}}
	fmt.Print(c.Markdown(report.Spanish))
	// Output:
	// **Causas de las quejas (Pareto)**
	//
	// | Causa | casos | Participación | Acumulado |
	// |---|---:|---:|---:|
	// | Indiferencia | 50 | 50,0 % | 50,0 % |
	// | Negligencia | 30 | 30,0 % | 80,0 % |
	// | Olvidos | 20 | 20,0 % | 100,0 % |
}

// A one-section report written as an HTML page: the SVG chart is inline.
func ExampleReport_HTML() {
	r := report.Report{
		Title: "ANS — marzo",
		Lang:  report.Spanish,
		Sections: []report.Section{{
			Title: "Cumplimiento",
			Blocks: []report.Block{report.ComplianceChart{Bars: []report.ComplianceBar{
				{Label: "Primera respuesta", Percent: 96.5, Threshold: 95, Met: 193, Total: 200},
			}}},
		}},
	}
	page := r.HTML()
	fmt.Println(strings.Count(page, "<svg"), strings.Contains(page, "<script"))
	fmt.Println(strings.Contains(page, "Cumplimiento del ANS por objetivo"))
	// Output:
	// 1 false
	// true
}

// An empty chart draws a "no data" panel rather than a broken chart.
func ExampleChart_noData() {
	svg := report.ControlChart{Kind: "p"}.SVG(report.English)
	fmt.Println(strings.Contains(svg, ">No data<"))
	// Output: true
}

// callout is a dashboard's own block: one sentence to read first. Any type
// with WriteMarkdown and WriteHTML is a [report.Block].
type callout struct{ en, es string }

// WriteMarkdown writes the sentence as a Markdown quote.
func (c callout) WriteMarkdown(w io.Writer, l report.Lang) error {
	text := c.en
	if l == report.Spanish {
		text = c.es
	}
	_, err := fmt.Fprintf(w, "> **%s**\n", text)
	return err
}

// WriteHTML writes the sentence as a paragraph, escaped: the page stays
// well-formed.
func (c callout) WriteHTML(w io.Writer, l report.Lang, id string) error {
	text := c.en
	if l == report.Spanish {
		text = c.es
	}
	_, err := fmt.Fprintf(w, "<p id=\"%s\"><strong>%s</strong></p>\n", id, html.EscapeString(text))
	return err
}

// A block of your own beside the package's: a dashboard adds a callout
// above its key figures, and the report writes both, here as Markdown to
// standard output.
func ExampleBlock() {
	r := report.Report{
		Title: "Línea de atención — semana 12",
		Lang:  report.Spanish,
		Sections: []report.Section{{
			Title: "Resumen",
			Blocks: []report.Block{
				callout{en: "The line was down 40 min on Thursday.", es: "La línea estuvo caída 40 min el jueves."},
				report.Figures{{Label: "Disponibilidad", Value: report.Spanish.Percent(99.21, 2), Status: report.Bad}},
			},
		}},
	}
	if err := r.WriteMarkdown(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Línea de atención — semana 12
	//
	// ## Resumen
	//
	// > **La línea estuvo caída 40 min el jueves.**
	//
	// | Indicador | Valor | Nota |
	// |---|---:|---|
	// | Disponibilidad | 99,21 % |  |
	//
}
