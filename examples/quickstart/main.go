// Command quickstart is servuction's main job: it simulates a month of a
// Bogotá call centre on built-in, seeded sample data, measures it with the
// library's packages, prints a short summary and writes one self-contained
// HTML report with charts (servuction-report.html).
//
//	go run ./examples/quickstart                       # English report in ./servuction-report.html
//	go run ./examples/quickstart -lang es              # the same report in Spanish
//	go run ./examples/quickstart -o /tmp/r.html        # somewhere else
//	go run ./examples/quickstart -tickets mine.json    # your own tickets, evaluated at their latest event
//	go run ./examples/quickstart -tickets mine.json -now 2025-12-01  # … or at an instant you choose
//	go run ./examples/quickstart -survey mine.csv      # your own SERVQUAL answers (E1…E22, P1…P22)
//	go run ./examples/quickstart -encounters log.jsonl # your own call log, a JSON array or JSON lines
//	go run ./examples/quickstart -md report.md         # also the report as Markdown tables
//	go run ./examples/quickstart -h                    # the flags, the moment ids and the files' fields
//
// Given any file of yours, the report is about your data alone: its period
// is named from them and the parts you gave no data for (and the sample's
// outages, report card and service triangle) are left out.
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
	"errors"
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
	// encounters is a file of servicecycle.Encounter values, a JSON array or
	// JSON lines; "" uses the sample.
	encounters string
	md         string // also write the report as Markdown here; "" writes none
	// now is the instant the user's tickets are evaluated at; zero means
	// their latest event.
	now time.Time
}

func main() {
	var o options
	var lang, now string
	// The help is in the language asked for, so -lang is read first.
	fs := newFlags(langOf(os.Args[1:]), &o, &lang, &now)
	if err := fs.Parse(os.Args[1:]); errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	} else if err != nil {
		os.Exit(2) // the flag package has said why
	}
	l, err := report.ParseLang(lang)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart: -lang:", err)
		os.Exit(2)
	}
	o.lang = l
	if now != "" {
		if o.now, err = parseNow(now); err != nil {
			fmt.Fprintln(os.Stderr, "quickstart:", err)
			os.Exit(2)
		}
	}
	if err := run(os.Stdout, o); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

// newFlags returns the command's flags, described in language l, set into o,
// lang and now.
func newFlags(l report.Lang, o *options, lang, now *string) *flag.FlagSet {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.StringVar(lang, "lang", "en", tr(l, "language of the report and summary: en or es", "idioma del informe y del resumen: en o es"))
	fs.StringVar(now, "now", "", tr(l, "evaluate your tickets at this `instant` (RFC 3339, or a date: its start in Bogotá) instead of their latest event",
		"evaluar sus tiquetes en este `instante` (RFC 3339, o una fecha: su inicio en Bogotá) en vez de su último evento"))
	fs.StringVar(&o.out, "o", "servuction-report.html", tr(l, "write the HTML report to this `file`", "escribir el informe HTML en este `archivo`"))
	fs.StringVar(&o.tickets, "tickets", "", tr(l, "read tickets from this JSON `file` (an array of sla.Ticket) instead of the sample",
		"leer los tiquetes de este `archivo` JSON (un arreglo de sla.Ticket) en vez de la muestra"))
	fs.StringVar(&o.survey, "survey", "", tr(l, "read SERVQUAL answers from this CSV `file` (columns E1…E22, P1…P22, 1–7) instead of the sample",
		"leer las respuestas SERVQUAL de este `archivo` CSV (columnas E1…E22, P1…P22, 1–7) en vez de la muestra"))
	fs.StringVar(&o.encounters, "encounters", "", tr(l, "read the call log from this `file` (a JSON array or JSON lines of servicecycle.Encounter) instead of the sample",
		"leer el registro de llamadas de este `archivo` (un arreglo JSON o líneas JSON de servicecycle.Encounter) en vez de la muestra"))
	fs.StringVar(&o.md, "md", "", tr(l, "also write the report as Markdown (every chart as a table) to this `file`",
		"escribir además el informe en Markdown (cada gráfico como tabla) en este `archivo`"))
	fs.Usage = func() { usage(fs.Output(), fs, l) }
	return fs
}

// langOf returns the language the arguments ask for with -lang (English
// when they ask for none or for one not known), before they are parsed.
func langOf(args []string) report.Lang {
	for i, a := range args {
		a = strings.TrimLeft(a, "-")
		v, ok := strings.CutPrefix(a, "lang=")
		if !ok && a == "lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, err := report.ParseLang(v); err == nil {
				return l
			}
		}
	}
	return report.English
}

// part is one analysis: it returns a section of the report and the lines it
// adds to the terminal summary.
type part func(o options, in *inputs) (report.Section, []string, error)

// parts are the analyses the quickstart runs, in the report's order, each
// with what it needs from the user's data: with files of theirs, a part
// runs only on data they gave (complaints, customers and the PDCA cycle
// have sample data only).
var parts = []struct {
	run  part
	runs func(in *inputs) bool
}{
	{slaPart, func(in *inputs) bool { return !in.user || in.tickets != nil }},
	{surveyPart, func(in *inputs) bool { return !in.user || in.survey != nil }},
	{journeyPart, func(in *inputs) bool { return !in.user || in.encounters != nil }},
	{complaintsPart, func(in *inputs) bool { return !in.user }},
	{customersPart, func(in *inputs) bool { return !in.user }},
	{improvePart, func(in *inputs) bool { return !in.user }},
}

// writeFile creates the file at path and writes it with write.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// tr returns the English or the Spanish text.
func tr(l report.Lang, en, es string) string {
	if l == report.Spanish {
		return es
	}
	return en
}

// run reads the user's files or simulates the month, writes the report to
// o.out and prints the summary to w.
func run(w io.Writer, o options) error {
	start := time.Now()
	l := o.lang
	in, err := load(o)
	if err != nil {
		return err
	}
	r := report.Report{Lang: l}
	if in.user {
		names := make([]string, len(in.files))
		for i, f := range in.files {
			names[i] = filepath.Base(f)
		}
		r.Title = tr(l, "Service quality report", "Informe de calidad del servicio")
		r.Subtitle = strings.TrimPrefix(capitalised(in.period(l))+" · ", " · ") +
			tr(l, "your data: ", "sus datos: ") + strings.Join(names, ", ") + tr(l, " · made with servuction", " · hecho con servuction")
		r.Footer = tr(l, "Every figure comes from your files ("+strings.Join(names, ", ")+"), measured with servuction's packages against the quickstart's agreement, cycle of service and survey instrument (examples/quickstart); the parts you gave no data for are left out.",
			"Todas las cifras provienen de sus archivos ("+strings.Join(names, ", ")+"), medidos con los paquetes de servuction contra el acuerdo, el ciclo del servicio y el instrumento de encuesta del quickstart (examples/quickstart); las partes de las que no dio datos se omiten.")
	} else {
		r.Title = tr(l, "Service quality report — Bogotá call centre", "Informe de calidad del servicio — centro de llamadas de Bogotá")
		r.Subtitle = tr(l, "March 2026 · simulated sample data · made with servuction", "Marzo de 2026 · datos de muestra simulados · hecho con servuction")
		r.Footer = tr(l, "Every figure comes from data simulated with a fixed seed (examples/quickstart/sample.go) and measured with servuction's packages; run go run ./examples/quickstart to rebuild this page.",
			"Todas las cifras provienen de datos simulados con una semilla fija (examples/quickstart/sample.go) y medidos con los paquetes de servuction; ejecute go run ./examples/quickstart para regenerar esta página.")
	}
	var summary []string
	for _, p := range parts {
		if !p.runs(in) {
			continue
		}
		sec, lines, err := p.run(o, in)
		if err != nil {
			return err
		}
		r.Sections = append(r.Sections, sec)
		summary = append(summary, lines...)
	}
	if err := writeFile(o.out, r.WriteHTML); err != nil {
		return err
	}
	if o.md != "" {
		if err := writeFile(o.md, r.WriteMarkdown); err != nil {
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
	sections := tr(l, "sections", "secciones")
	if len(r.Sections) == 1 {
		sections = tr(l, "section", "sección")
	}
	fmt.Fprintf(w, "\n%s %s (%d %s, %s)\n", tr(l, "Report written to", "Informe escrito en"), abs, len(r.Sections),
		sections, l.Duration(time.Since(start)))
	return nil
}
