package report_test

import (
	"fmt"
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
