// Command quickstart is servuction's main job: it simulates a month of a
// Bogotá call centre on built-in, seeded sample data, measures it with the
// library's packages, prints a short summary and writes one self-contained
// HTML report with charts (servuction-report.html).
//
//	go run ./examples/quickstart                       # English report in ./servuction-report.html
//	go run ./examples/quickstart -lang es              # the same report in Spanish
//	go run ./examples/quickstart -o /tmp/r.html        # somewhere else
//	go run ./examples/quickstart -tickets mine.json    # your own tickets instead of the sample
//	go run ./examples/quickstart -survey mine.csv      # your own SERVQUAL answers (E1…E22, P1…P22)
//	go run ./examples/quickstart -encounters log.json  # your own call log
//	go run ./examples/quickstart -md report.md         # also the report as Markdown tables
//
// Open the page in any browser: it needs no network and no JavaScript. Each
// part of the report is in its own file of this directory, commented with
// the course notes' concept it models, in the report's order:
//
//	sla.go         the service-level agreement (ANS): compliance, availability, error budget
//	survey.go      SERVQUAL gaps, Cronbach's alpha, NPS and the report card's IPA matrix
//	journey.go     the cycle of service: satisfaction at each moment of truth, drop-off
//	complaints.go  complaints and claims through the desk, trail, cost of bad service, 5 Ps
//	customers.go   customer types (typology), RFM segments, a playbook
//	improve.go     one PDCA cycle on first-contact resolution with a p chart
//
// sample.go simulates the month with a fixed seed.
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

// options are the command's flags.
type options struct {
	out     string
	lang    report.Lang
	tickets string // JSON file of sla.Ticket values; "" uses the sample
	survey  string // SERVQUAL CSV file; "" uses the sample
	// encounters is a JSON file of servicecycle.Encounter values; "" uses the sample.
	encounters string
	md         string // also write the report as Markdown here; "" writes none
}

func main() {
	var o options
	lang := flag.String("lang", "en", "language of the report and summary: en or es")
	flag.StringVar(&o.out, "o", "servuction-report.html", "write the HTML report to this `file`")
	flag.StringVar(&o.tickets, "tickets", "", "read tickets from this JSON `file` (an array of sla.Ticket) instead of the sample")
	flag.StringVar(&o.survey, "survey", "", "read SERVQUAL answers from this CSV `file` (columns E1…E22, P1…P22, 1–7) instead of the sample")
	flag.StringVar(&o.encounters, "encounters", "", "read the call log from this JSON `file` (an array of servicecycle.Encounter, or JSON lines) instead of the sample")
	flag.StringVar(&o.md, "md", "", "also write the report as Markdown (every chart as a table) to this `file`")
	flag.Parse()
	l, err := report.ParseLang(*lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart: -lang:", err)
		os.Exit(2)
	}
	o.lang = l
	if err := run(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// part is one analysis of the month: it returns a section of the report and
// the lines it adds to the terminal summary.
type part func(o options) (report.Section, []string, error)

// parts are the analyses the quickstart runs, in the report's order.
var parts = []part{slaPart, surveyPart, journeyPart, complaintsPart, customersPart, improvePart}

// tr returns the English or the Spanish text.
func tr(l report.Lang, en, es string) string {
	if l == report.Spanish {
		return es
	}
	return en
}

// run simulates the month, writes the report to o.out and prints the
// summary to w.
func run(w io.Writer, o options) error {
	start := time.Now()
	l := o.lang
	r := report.Report{
		Title:    tr(l, "Service quality report — Bogotá call centre", "Informe de calidad del servicio — centro de llamadas de Bogotá"),
		Subtitle: tr(l, "March 2026 · simulated sample data · made with servuction", "Marzo de 2026 · datos de muestra simulados · hecho con servuction"),
		Lang:     l,
		Footer: tr(l, "Every figure comes from data simulated with a fixed seed (examples/quickstart/sample.go) and measured with servuction's packages; run go run ./examples/quickstart to rebuild this page.",
			"Todas las cifras provienen de datos simulados con una semilla fija (examples/quickstart/sample.go) y medidos con los paquetes de servuction; ejecute go run ./examples/quickstart para regenerar esta página."),
	}
	var summary []string
	for _, p := range parts {
		sec, lines, err := p(o)
		if err != nil {
			return err
		}
		r.Sections = append(r.Sections, sec)
		summary = append(summary, lines...)
	}
	f, err := os.Create(o.out)
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
	if o.md != "" {
		if err := os.WriteFile(o.md, []byte(r.Markdown()), 0o644); err != nil {
			return err
		}
	}
	abs, err := filepath.Abs(o.out)
	if err != nil {
		abs = o.out
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
