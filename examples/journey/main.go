// Command journey maps the attention process of a bank branch as a cycle of
// service (ciclo del servicio), measures it against a morning's log of
// encounters and prints what the log says: a table per moment of truth, the
// weakest critical moment, the critical moments found from data, and the
// cycle as a Mermaid diagram to paste into any Markdown viewer.
//
// Run it with: go run ./examples/journey
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"log"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/servicecycle"
)

// encounters.jsonl is a synthetic log of one morning at the branch: one JSON
// object per line, one line per contact of a customer with a moment of
// truth, in no particular order (as logs from several systems arrive).
// servicecycle.ReadJSON reads it (and would read a JSON array too).
//
//go:embed encounters.jsonl
var encounters []byte

// branchCycle designs the branch's cycle of service. Each moment of truth
// (momento de verdad) is an instant in which the customer touches the bank
// and forms an opinion, with a person or not: the door, the ticket machine,
// the waiting room are moments too.
func branchCycle() (*servicecycle.Cycle, error) {
	inPerson := func(m servicecycle.Moment) servicecycle.Moment {
		m.Channel, m.Mode, m.Stance = servuction.InPerson, servuction.ModeInPerson, servuction.Reactive
		return m
	}
	return servicecycle.NewCycle(servicecycle.CycleConfig{
		Name: "Sucursal bancaria: proceso de atención",
		Moments: []servicecycle.Moment{
			// Acogida (welcome): the guard greets, the signage guides. The
			// service context (contexto del servicio) is part of the moment.
			inPerson(servicecycle.Moment{ID: "acogida", Name: "Acogida en la puerta", Step: servicecycle.Welcome,
				Context:   servicecycle.Context{"fachada", "señalización", "guarda de seguridad"},
				Standards: servicecycle.Standards{Protocol: servicecycle.Structural}}),
			// The ticket machine: a moment of truth without people
			// (autoservicio); optional, as regulars skip it.
			{ID: "turnero", Name: "Turno en el dispensador", Step: servicecycle.Welcome, Optional: true,
				Channel: servuction.SelfService, Mode: servuction.ModeInPerson, Stance: servuction.Reactive,
				Context: servicecycle.Context{"dispensador de turnos"}},
			// Espera (wait): critical, with a standard of 15 minutes at most.
			inPerson(servicecycle.Moment{ID: "espera", Name: "Sala de espera", Step: servicecycle.Wait, Critical: true,
				Context:   servicecycle.Context{"sillas", "pantalla de turnos", "folletos"},
				Standards: servicecycle.Standards{MaxWait: 15 * time.Minute, Protocol: servicecycle.Management}}),
			// Gestión (handling) at the desk: critical; rated 4 or more.
			inPerson(servicecycle.Moment{ID: "ventanilla", Name: "Atención en ventanilla", Step: servicecycle.Handling,
				Critical:  true,
				Standards: servicecycle.Standards{MinRating: 4, Protocol: servicecycle.PersonalAttention}}),
			// Seguimiento (follow-up) of a pending request: optional.
			inPerson(servicecycle.Moment{ID: "seguimiento", Name: "Seguimiento del trámite", Step: servicecycle.FollowUp,
				Optional: true}),
			// Despedida (farewell): check that the customer is satisfied.
			// Its rating is the journey's outcome.
			inPerson(servicecycle.Moment{ID: "despedida", Name: "Despedida", Step: servicecycle.Farewell,
				Standards: servicecycle.Standards{MinRating: 4, Protocol: servicecycle.PersonalAttention}}),
		},
		// The designed order, with a loop: the desk may send the customer
		// back to wait for another desk.
		Flows: []servicecycle.Flow{
			{From: "acogida", To: "turnero"}, {From: "turnero", To: "espera"},
			{From: "espera", To: "ventanilla"}, {From: "ventanilla", To: "espera"},
			{From: "ventanilla", To: "seguimiento"}, {From: "seguimiento", To: "despedida"},
		},
	})
}

func main() {
	log.SetFlags(0)
	cycle, err := branchCycle()
	if err != nil {
		log.Fatal(err)
	}

	// Read the log. A bad line is reported and left out; everything else,
	// even a moment the design does not know, is analysed.
	entries := readLog(encounters, os.Stderr)
	analyzer := servicecycle.NewAnalyzer(cycle)
	for _, e := range entries {
		if err := analyzer.Add(e); err != nil {
			log.Fatal(err)
		}
	}
	res := analyzer.Result()
	fmt.Printf("%s — %d encounters, %d customers\n\n", res.Cycle, res.Encounters, res.Journeys)
	printMoments(res)
	name := func(id string) string {
		if m, ok := res.Moment(id); ok {
			return m.Name
		}
		return id // a moment the design does not know
	}
	printJourneys(res, name)
	printPaths(cycle, entries, res, name)
	printPeople(res)
	printDiagrams(cycle, res)
}

// printMoments prints a table of the moments of truth and the weakest
// critical one.
func printMoments(res servicecycle.Analysis) {
	// Per moment of truth: reach (share of customers who lived it),
	// satisfaction with its 95 % interval, share below the moment's standard,
	// median time spent at the moment (the wait, at the waiting room), time
	// since the previous moment, and the fail points seen there (errors in
	// service, difficulties in attention).
	var table bytes.Buffer
	tw := tabwriter.NewWriter(&table, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "moment\tcritical\treach\tn\tmean\t95% interval\tbelow std\ttime at\tmedian gap\tp90 gap\tfail points")
	for _, m := range res.Moments {
		crit := ""
		if m.Critical {
			crit = "yes"
		}
		below := "-"
		if m.Measured > 0 {
			below = fmt.Sprintf("%.0f%%", 100*m.BelowShare)
		}
		var fails []string
		for _, f := range m.FailPoints {
			fails = append(fails, fmt.Sprintf("%s×%d", f.FailPoint, f.Count))
		}
		spent := "-"
		if m.Duration.N > 0 {
			spent = m.Duration.Median.String()
		}
		median, p90 := "-", "-" // the first moment has no previous one
		if m.SincePrevious.N > 0 {
			median, p90 = m.SincePrevious.Median.String(), m.SincePrevious.P90.String()
		}
		s := m.Satisfaction
		fmt.Fprintf(tw, "%s\t%s\t%.0f%%\t%d\t%.2f\t%.2f–%.2f\t%s\t%s\t%s\t%s\t%s\n", m.Name, crit, 100*m.Reach, s.N,
			s.Mean, s.Low, s.High, below, spent, median, p90, strings.Join(fails, " "))
	}
	tw.Flush()
	for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
		fmt.Println(strings.TrimRight(line, " "))
	}

	// The weakest critical moment (momento crítico de la verdad) by mean rating.
	if w, ok := res.WeakestCritical(); ok {
		fmt.Printf("\nWeakest critical moment: %s (mean %.2f, %.0f%% below standard)\n",
			w.Name, w.Satisfaction.Mean, 100*w.BelowShare)
	}
}

// printJourneys prints how journeys went against the design.
func printJourneys(res servicecycle.Analysis, name func(string) string) {
	// How journeys went: completion, conformance to the design, drop-off,
	// the slowest transition, and each deviation.
	fmt.Printf("Completed %d of %d journeys (%.0f%%); %d follow the designed cycle (%.0f%%)\n",
		res.Completed, res.Journeys, 100*res.Completion, res.Conforming, 100*res.Conformance)
	fmt.Printf("Throughput of completed journeys: median %v, p90 %v\n", res.Throughput.Median, res.Throughput.P90)
	for _, d := range res.DropOff {
		fmt.Printf("  left after %s: %d\n", name(d.Moment), d.Journeys)
	}
	if b := res.Bottleneck; b != nil {
		fmt.Printf("Bottleneck: %s → %s, mean %v over %d transitions\n",
			name(b.From), name(b.To), b.Time.Mean.Round(time.Second), b.Count)
	}
	fmt.Printf("Fitness of the log to the design: %.3f (1 is a perfect fit)\n", res.Fitness)
	for _, d := range res.Deviations {
		fmt.Printf("  deviation %s at %s: %d in %d journeys\n", d.Kind, name(d.Moment), d.Count, d.Journeys)
	}
	if res.DuplicateCount > 0 {
		fmt.Printf("  %d duplicated encounter(s) counted once\n", res.DuplicateCount)
	}
}

// printPaths prints the variants and three journeys that left the design.
func printPaths(cycle *servicecycle.Cycle, entries []servicecycle.Encounter, res servicecycle.Analysis, name func(string) string) {
	// The paths customers took (variants), most frequent first.
	fmt.Println("\nPaths taken (variants):")
	for i, v := range res.Variants {
		if i == 6 {
			fmt.Printf("  … and %d more\n", len(res.Variants)-i)
			break
		}
		var path []string
		for _, m := range v.Moments {
			path = append(path, name(m))
		}
		fmt.Printf("  %2d journeys (%3.0f%%), mean %-7v %s\n", v.Journeys, 100*v.Share, v.Throughput.Round(time.Minute), strings.Join(path, " → "))
	}

	// Three journeys that left the design, judged by an optimal alignment
	// to the cycle: each deviation at its position in the journey.
	fmt.Println("\nHow three journeys left the design:")
	for _, j := range deviating(cycle, entries, 3) {
		var path []string
		for _, st := range j.Steps {
			path = append(path, name(st.Moment))
		}
		fmt.Printf("  %s (fitness %.2f): %s\n", j.Case, j.Fitness, strings.Join(path, " → "))
		for _, d := range j.Deviations {
			fmt.Printf("    %-14s %-24s at position %d\n", d.Kind, name(d.Moment), d.Position)
		}
	}
}

// printPeople prints the drivers, the employees and correct attention.
func printPeople(res servicecycle.Analysis) {
	// Critical moments found from data: where a bad experience most lowers
	// the rating at the farewell.
	fmt.Println("\nWhere a bad experience lowers the farewell rating most:")
	for _, d := range res.Drivers {
		fmt.Printf("  %-24s %d bad vs %d good journeys: %.2f vs %.2f, effect %.2f [%.2f, %.2f], d = %.2f\n",
			d.Name, d.Bad, d.Good, d.BadOutcome, d.GoodOutcome, d.Effect, d.Low, d.High, d.CohensD)
	}

	// The people side of the service triangle as customers lived it: each
	// employee's ratings and the fail points seen in their encounters.
	fmt.Println("\nBy employee:")
	for _, e := range res.Employees {
		var fails []string
		for _, f := range e.FailPoints {
			fails = append(fails, fmt.Sprintf("%s×%d", f.FailPoint, f.Count))
		}
		line := fmt.Sprintf("  %-6s %2d encounters, mean %.2f, %.0f%% below standard  %s", e.Employee, e.Encounters,
			e.Satisfaction.Mean, 100*e.BelowShare, strings.Join(fails, " "))
		fmt.Println(strings.TrimRight(line, " "))
	}

	// Correct attention (correcta atención): satisfied customer, gratified
	// employee, valued image.
	a := res.Attention
	fmt.Printf("\nCorrect attention in %d of %d journeys with the three ratings (customer %.2f, employee %.2f, image %.2f)\n",
		a.Correct, a.Journeys, a.Customer, a.Employee, a.Image)
}

// printDiagrams prints the cycle as Mermaid diagrams.
func printDiagrams(cycle *servicecycle.Cycle, res servicecycle.Analysis) {
	fmt.Println("\nMermaid flowchart of the cycle:")
	fmt.Println("```mermaid")
	fmt.Print(servicecycle.Flowchart(cycle, &res))
	fmt.Println("```")

	// The same moments as a user-journey diagram, scored 1–5.
	fmt.Println("\nMermaid journey diagram:")
	fmt.Println("```mermaid")
	fmt.Print(servicecycle.JourneyDiagram(cycle, &res))
	fmt.Println("```")
}

// readLog reads a log of encounters in JSON lines (or a JSON array),
// reports each bad line, with its number, to w, and returns the others.
func readLog(data []byte, w io.Writer) []servicecycle.Encounter {
	log, err := servicecycle.ReadJSON(bytes.NewReader(data))
	if err != nil {
		fmt.Fprintln(w, err) // one line per bad line of the log
	}
	return log
}

// deviating returns up to n journeys that left the design, in case order,
// each showing a kind of deviation the ones before did not.
func deviating(cycle *servicecycle.Cycle, log []servicecycle.Encounter, n int) []servicecycle.JourneySummary {
	g := servicecycle.NewGrouper(cycle)
	for _, e := range log {
		_ = g.Add(e) // ReadJSON returns valid encounters only
	}
	var all []servicecycle.JourneySummary
	for s := range g.Summaries() {
		if len(s.Deviations) > 0 {
			all = append(all, s.Clone())
		}
	}
	slices.SortFunc(all, func(a, b servicecycle.JourneySummary) int { return strings.Compare(a.Case, b.Case) })
	var out []servicecycle.JourneySummary
	shown := map[servicecycle.Deviation]bool{}
	for _, s := range all {
		fresh := false
		for _, d := range s.Deviations {
			fresh = fresh || !shown[d.Kind]
		}
		if fresh && len(out) < n {
			out = append(out, s)
			for _, d := range s.Deviations {
				shown[d.Kind] = true
			}
		}
	}
	return out
}
