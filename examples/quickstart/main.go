// Command quickstart is servuction's main job: it simulates a month of a
// Bogotá call centre on built-in, seeded sample data, measures it with the
// library's packages, prints a short summary and writes one self-contained
// HTML report with charts (servuction-report.html).
//
//	go run ./examples/quickstart                 # English report in ./servuction-report.html
//	go run ./examples/quickstart -lang es        # the same report in Spanish
//	go run ./examples/quickstart -o /tmp/r.html  # somewhere else
//
// Open the page in any browser: it needs no network and no JavaScript. Each
// part of the report is in its own file of this directory (sla.go,
// survey.go, …), commented with the course notes' concept it models.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "time/tzdata" // the calendars load America/Bogota on any machine

	"github.com/servuction/servuction/report"
)

func main() {
	out := flag.String("o", "servuction-report.html", "write the HTML report to this `file`")
	lang := flag.String("lang", "en", "language of the report and summary: en or es")
	flag.Parse()
	l, err := report.ParseLang(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart: -lang:", err)
		os.Exit(2)
	}
	if err := run(os.Stdout, *out, l); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// part is one analysis of the month: it returns a section of the report and
// the lines it adds to the terminal summary.
type part func(l report.Lang) (report.Section, []string, error)

// parts are the analyses the quickstart runs, in the report's order.
var parts = []part{}

// tr returns the English or the Spanish text.
func tr(l report.Lang, en, es string) string {
	if l == report.Spanish {
		return es
	}
	return en
}

// run simulates the month, writes the report to path and prints the summary
// to w.
func run(w io.Writer, path string, l report.Lang) error {
	start := time.Now()
	r := report.Report{
		Title:    tr(l, "Service quality report — Bogotá call centre", "Informe de calidad del servicio — centro de llamadas de Bogotá"),
		Subtitle: tr(l, "March 2026 · simulated sample data · made with servuction", "Marzo de 2026 · datos de muestra simulados · hecho con servuction"),
		Lang:     l,
		Footer: tr(l, "Every figure comes from data simulated with a fixed seed (examples/quickstart/sample.go) and measured with servuction's packages; run go run ./examples/quickstart to rebuild this page.",
			"Todas las cifras provienen de datos simulados con una semilla fija (examples/quickstart/sample.go) y medidos con los paquetes de servuction; ejecute go run ./examples/quickstart para regenerar esta página."),
	}
	var summary []string
	for _, p := range parts {
		sec, lines, err := p(l)
		if err != nil {
			return err
		}
		r.Sections = append(r.Sections, sec)
		summary = append(summary, lines...)
	}
	if len(r.Sections) == 0 {
		r.Sections = append(r.Sections, report.Section{Title: tr(l, "About this report", "Acerca de este informe"),
			Blocks: []report.Block{report.Text(tr(l, "No analysis package is available in this build yet.", "Aún no hay paquetes de análisis disponibles en esta compilación."))}})
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := r.WriteHTML(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	fmt.Fprintln(w, r.Title)
	fmt.Fprintln(w, strings.Repeat("=", len([]rune(r.Title))))
	for _, s := range summary {
		fmt.Fprintln(w, s)
	}
	fmt.Fprintf(w, "\n%s %s (%d %s, %s)\n", tr(l, "Report written to", "Informe escrito en"), abs, len(r.Sections),
		tr(l, "sections", "secciones"), time.Since(start).Round(time.Millisecond))
	return nil
}
