package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/scorecard"
	"github.com/servuction/servuction/servicecycle"
	"github.com/servuction/servuction/sla"
)

// errBadInput is wrapped by every error about a file the user gave.
var errBadInput = errors.New("bad input file")

// inputs are the data the report is made of: the user's files where given,
// else the simulated sample month.
type inputs struct {
	// user is set when the user gave any file: the report is then about
	// their data alone, and the parts they gave no data for are left out.
	user       bool
	tickets    []sla.Ticket
	encounters []servicecycle.Encounter
	survey     []scorecard.ServqualResponse
	recommend  []int // likelihood to recommend, 0–10 (the sample only)
	// now is the instant the tickets are evaluated at: the sample month's
	// end, -now, or the latest event of the user's tickets.
	now time.Time
	// from and to bound the instants of the data; zero when they have none
	// (a survey alone).
	from, to time.Time
	files    []string // the user's files, as given
}

// load reads the user's files, or simulates the sample month when none is
// given, and sets the evaluation instant and the period.
func load(o options) (*inputs, error) {
	in := &inputs{user: o.tickets != "" || o.survey != "" || o.encounters != ""}
	if !in.user {
		return sampleInputs()
	}
	var err error
	if o.tickets != "" {
		if in.tickets, err = loadTickets(o.tickets); err != nil {
			return nil, err
		}
		in.files = append(in.files, o.tickets)
	}
	if o.encounters != "" {
		cyc, err := callCycle(report.English)
		if err != nil {
			return nil, err
		}
		if in.encounters, err = loadEncounters(o.encounters, idsOf(cyc)); err != nil {
			return nil, err
		}
		in.files = append(in.files, o.encounters)
	}
	if o.survey != "" {
		if in.survey, err = loadSurvey(o.survey); err != nil {
			return nil, err
		}
		in.files = append(in.files, o.survey)
	}
	for _, t := range in.tickets {
		for _, e := range t.Events {
			in.span(e.At)
		}
	}
	for _, e := range in.encounters {
		in.span(e.At)
	}
	in.now = o.now
	if in.now.IsZero() {
		in.now = latestEvent(in.tickets)
	}
	return in, nil
}

// sampleInputs simulates the sample month.
func sampleInputs() (*inputs, error) {
	in := &inputs{now: monthEnd, from: monthStart, to: monthEnd}
	var err error
	if in.tickets, err = sampleTickets(); err != nil {
		return nil, err
	}
	if in.encounters, err = sampleEncounters(); err != nil {
		return nil, err
	}
	in.survey, in.recommend = sampleSurvey()
	return in, nil
}

// span widens the period to hold t.
func (in *inputs) span(t time.Time) {
	if in.from.IsZero() || t.Before(in.from) {
		in.from = t
	}
	if in.to.IsZero() || t.After(in.to) {
		in.to = t
	}
}

// latestEvent returns the instant of the latest event of the tickets (zero
// when there is none).
func latestEvent(ts []sla.Ticket) time.Time {
	var last time.Time
	for _, t := range ts {
		for _, e := range t.Events {
			if e.At.After(last) {
				last = e.At
			}
		}
	}
	return last
}

// idsOf returns the ids of a cycle's moments, in the cycle's order.
func idsOf(c *servicecycle.Cycle) []string {
	var ids []string
	for _, m := range c.Moments() {
		ids = append(ids, m.ID)
	}
	return ids
}

var (
	monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	monthsES = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"}
)

// period names the span of the data in Bogotá's calendar: "November 2025"
// ("noviembre de 2025") within one month, else "3 Feb 2025 – 14 Nov 2025"
// ("3 feb 2025 – 14 nov 2025"); "" when the data have no instants.
func (in *inputs) period(l report.Lang) string {
	if in.from.IsZero() {
		return ""
	}
	from, to := in.from.In(bogota), in.to.In(bogota)
	month := func(t time.Time) string {
		if l == report.Spanish {
			return monthsES[t.Month()-1]
		}
		return monthsEN[t.Month()-1]
	}
	if from.Year() == to.Year() && from.Month() == to.Month() {
		return fmt.Sprintf(tr(l, "%s %d", "%s de %d"), month(from), from.Year())
	}
	day := func(t time.Time) string { return fmt.Sprintf("%d %s %d", t.Day(), month(t)[:3], t.Year()) }
	return day(from) + " – " + day(to)
}

// capitalised returns s with its first letter in upper case.
func capitalised(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

// parseNow reads -now: an RFC 3339 instant ("2025-11-17T12:00:00-05:00") or
// a date ("2025-11-17"), meaning its start in Bogotá.
func parseNow(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if t, err := time.ParseInLocation(time.DateOnly, s, bogota); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("-now %q: want an RFC 3339 instant (2025-11-17T12:00:00-05:00) or a date (2025-11-17): %w", s, errBadInput)
}

// encounterFields are the fields of an encounter in a call log, exactly as
// servicecycle.Encounter writes them.
var encounterFields = []string{"case", "moment", "channel", "at", "rating", "duration", "employee", "failPoints", "employeeRating", "imageRating"}

// loadEncounters reads a call log from a file: a JSON array of encounters
// or JSON lines (one encounter per line, blank lines skipped). Every field
// must be one of encounterFields, spelled exactly, and every moment one of
// moments; an error names the file and the line, and wraps errBadInput.
func loadEncounters(path string, moments []string) ([]servicecycle.Encounter, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("-encounters: %w", err)
	}
	log, err := readEncounters(data, moments)
	if err != nil {
		return nil, fmt.Errorf("-encounters %s: %w", path, err)
	}
	return log, nil
}

// readEncounters decodes a call log (see loadEncounters).
func readEncounters(data []byte, moments []string) ([]servicecycle.Encounter, error) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	var items []json.RawMessage
	var lines []int // the line each item starts on
	switch {
	case len(trimmed) == 0:
		return nil, nil
	case trimmed[0] == '[':
		if err := json.Unmarshal(data, &items); err != nil {
			return nil, syntaxError(data, err)
		}
		lines = arrayLines(data, len(items))
	case trimmed[0] == '{':
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
		for n := 1; sc.Scan(); n++ {
			line := bytes.TrimSpace(sc.Bytes())
			if len(line) == 0 {
				continue
			}
			if !json.Valid(line) {
				var v any
				err := json.Unmarshal(line, &v)
				_, col, _ := position(line, err)
				return nil, fmt.Errorf("line %d, column %d: %w: %w", n, col, err, errBadInput)
			}
			items, lines = append(items, json.RawMessage(slices.Clone(line))), append(lines, n)
		}
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%w: %w", err, errBadInput)
		}
	default:
		return nil, fmt.Errorf("want a JSON array or JSON lines of objects: %w", errBadInput)
	}
	out := make([]servicecycle.Encounter, 0, len(items))
	for i, it := range items {
		e, err := decodeEncounter(it, moments)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", lines[i], err)
		}
		out = append(out, e)
	}
	return out, nil
}

// decodeEncounter decodes one encounter, refusing unknown fields and
// moments.
func decodeEncounter(raw json.RawMessage, moments []string) (servicecycle.Encounter, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return servicecycle.Encounter{}, fmt.Errorf("want an object: %w", errBadInput)
	}
	for _, k := range slices.Sorted(maps.Keys(fields)) {
		if !slices.Contains(encounterFields, k) {
			return servicecycle.Encounter{}, fmt.Errorf("unknown field %q (want one of %s): %w", k, strings.Join(encounterFields, ", "), errBadInput)
		}
	}
	var e servicecycle.Encounter
	if err := json.Unmarshal(raw, &e); err != nil {
		return servicecycle.Encounter{}, fmt.Errorf("%w: %w", err, errBadInput)
	}
	if !slices.Contains(moments, e.Moment) {
		return servicecycle.Encounter{}, fmt.Errorf("moment %q is not in the cycle (want one of %s): %w", e.Moment, strings.Join(moments, ", "), errBadInput)
	}
	return e, nil
}

// arrayLines returns the line on which each of the n elements of the JSON
// array data starts.
func arrayLines(data []byte, n int) []int {
	dec := json.NewDecoder(bytes.NewReader(data))
	lines := make([]int, 0, n)
	if _, err := dec.Token(); err != nil { // [
		return make([]int, n)
	}
	for dec.More() && len(lines) < n {
		off := dec.InputOffset()
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			break
		}
		// The element starts after the separators that follow off.
		start := off + int64(len(data[off:])-len(bytes.TrimLeft(data[off:], " \t\r\n,")))
		lines = append(lines, 1+bytes.Count(data[:start], []byte("\n")))
	}
	for len(lines) < n {
		lines = append(lines, 0)
	}
	return lines
}

// syntaxError turns a JSON error into one with its line and column (the
// column of the byte where decoding stopped, counted from 1).
func syntaxError(data []byte, err error) error {
	line, col, ok := position(data, err)
	if !ok {
		return fmt.Errorf("%w: %w", err, errBadInput)
	}
	return fmt.Errorf("line %d, column %d: %w: %w", line, col, err, errBadInput)
}

// position returns the line and column where a JSON syntax or type error
// stopped decoding data.
func position(data []byte, err error) (line, col int, ok bool) {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	var off int64
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	default:
		return 0, 0, false
	}
	off = min(max(off, 0), int64(len(data)))
	line = 1 + bytes.Count(data[:off], []byte("\n"))
	col = int(off) - bytes.LastIndexByte(data[:off], '\n') - 1
	return line, max(col, 1), true
}

// usage prints, in language l, the command's flags fs and the fields of
// the files it reads.
func usage(w io.Writer, fs *flag.FlagSet, l report.Lang) {
	fmt.Fprintf(w, tr(l, "Usage: %s [flags]\n\n", "Uso: %s [opciones]\n\n"), filepath.Base(os.Args[0]))
	fmt.Fprintln(w, tr(l, "Simulates a month of a Bogotá call centre, or measures your own data, and writes an HTML report.",
		"Simula un mes de un centro de llamadas de Bogotá, o mide sus propios datos, y escribe un informe HTML."))
	fmt.Fprintln(w, tr(l, "With your files, the report covers them alone: parts you give no data for are left out.",
		"Con sus archivos, el informe trata solo de ellos: se omiten las partes de las que no da datos."))
	fmt.Fprintln(w)
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
	var priorities []string
	for _, p := range sla.Priorities() {
		priorities = append(priorities, p.String())
	}
	var kinds []string
	for k := sla.Opened; k.IsValid(); k++ {
		kinds = append(kinds, k.String())
	}
	var fails []string
	for _, f := range servicecycle.FailPoints() {
		fails = append(fails, f.String())
	}
	moments := "welcome, wait, handling, follow-up, farewell"
	if cyc, err := callCycle(report.English); err == nil {
		moments = strings.Join(idsOf(cyc), ", ")
	}
	fmt.Fprintf(w, tr(l, `
-tickets: a JSON array of tickets with the fields
  id (required), priority (required), events (required), customer, area, service, channel, requestKind, tags, group, supplier
  priority: %s
  events: [{"kind", "at", "priority", "reason", "attribute", "value", "tags"}], kind and at required
  event kinds: %s
  at: an RFC 3339 instant; the tickets are evaluated at their latest event, or at -now
-encounters: a JSON array, or JSON lines (one object per line), of encounters with the fields
  case (required), moment (required), at (required, RFC 3339), rating (1-5), duration ("4m30s"),
  channel, employee, failPoints, employeeRating (1-5), imageRating (1-5)
  moment: one of %s
  failPoints: %s
-survey: a CSV file with a header row E1,...,E22,P1,...,P22 (expectations and perceptions), answers 1-7
`, `
-tickets: un arreglo JSON de tiquetes con los campos
  id (obligatorio), priority (obligatorio), events (obligatorio), customer, area, service, channel, requestKind, tags, group, supplier
  priority: %s
  events: [{"kind", "at", "priority", "reason", "attribute", "value", "tags"}], kind y at obligatorios
  tipos de evento (kind): %s
  at: un instante RFC 3339; los tiquetes se evalúan en su último evento, o en -now
-encounters: un arreglo JSON, o líneas JSON (un objeto por línea), de encuentros con los campos
  case (obligatorio), moment (obligatorio), at (obligatorio, RFC 3339), rating (1-5), duration ("4m30s"),
  channel, employee, failPoints, employeeRating (1-5), imageRating (1-5)
  moment: uno de %s
  failPoints: %s
-survey: un archivo CSV con una fila de encabezado E1,...,E22,P1,...,P22 (expectativas y percepciones), respuestas 1-7
`), strings.Join(priorities, ", "), strings.Join(kinds, ", "), moments, strings.Join(fails, ", "))
}
