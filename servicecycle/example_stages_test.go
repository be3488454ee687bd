package servicecycle_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/servuction/servuction/servicecycle"
)

// A journey is judged by an optimal alignment to the cycle's allowed paths:
// here the customer lived C before B.
func ExampleCycle_Align() {
	c := servicecycle.MustCycle(servicecycle.CycleConfig{Moments: []servicecycle.Moment{
		{ID: "A"}, {ID: "B"}, {ID: "C"}, {ID: "D"}, {ID: "E"}}})
	a := c.Align([]string{"A", "C", "B", "D", "E"})
	for _, m := range a.Moves {
		fmt.Printf("%-5s %s at %d\n", m.Kind, m.Moment, m.Position)
	}
	fmt.Printf("cost %d of %d, fitness %.1f\n", a.Cost, a.MaxCost, a.Fitness)
	for _, d := range a.Deviations {
		fmt.Printf("%s: %s lived at %d, expected at %d\n", d.Kind, d.Moment, d.Position, d.Expected)
	}
	// Output:
	// sync  A at 1
	// model B at 2
	// sync  C at 2
	// log   B at 3
	// sync  D at 4
	// sync  E at 5
	// cost 2 of 10, fitness 0.8
	// out-of-order: B lived at 3, expected at 2
}

// The three stages as a distributed engine runs them: group the encounters
// by case, summarise each journey, aggregate the summaries on each machine,
// ship the aggregates as JSON and merge them.
func ExampleAggregate() {
	c := servicecycle.AttentionCycle()
	byCase := map[string][]servicecycle.Encounter{ // stage 1: the engine's group-by-key
		"ana":  {visit("ana", "welcome", 0, 5), visit("ana", "handling", 4, 4), visit("ana", "farewell", 12, 5)},
		"luis": {visit("luis", "welcome", 0, 4), visit("luis", "farewell", 9, 2)},
	}
	var shipped [][]byte
	for _, cs := range []string{"ana", "luis"} { // one machine per journey here
		s, err := servicecycle.Summarize(c, byCase[cs]) // stage 2
		if err != nil {
			fmt.Println(err)
			return
		}
		a := servicecycle.NewAggregate(c) // stage 3: the combiner's accumulator
		if err := a.Add(&s); err != nil {
			fmt.Println(err)
			return
		}
		b, _ := json.Marshal(a)
		shipped = append(shipped, b)
	}
	var total servicecycle.Aggregate
	for _, b := range shipped {
		var a servicecycle.Aggregate
		if err := json.Unmarshal(b, &a); err != nil {
			fmt.Println(err)
			return
		}
		_ = total.Merge(&a)
	}
	res := total.Result()
	fmt.Printf("%d journeys, %d complete, %d conforming, fitness %.3f\n", res.Journeys, res.Completed, res.Conforming, res.Fitness)
	for _, d := range res.Deviations {
		fmt.Println(d.Kind, d.Moment, d.Count)
	}
	// Output:
	// 2 journeys, 2 complete, 1 conforming, fitness 0.909
	// skipped handling 1
}

// Summarize tells one journey's story: its steps, its deviations with their
// positions, its fitness.
func ExampleSummarize() {
	c := servicecycle.AttentionCycle()
	s, err := servicecycle.Summarize(c, []servicecycle.Encounter{
		visit("eva", "handling", 10, 3), visit("eva", "welcome", 0, 4), visit("eva", "coffee", 5, 0),
		visit("eva", "farewell", 20, 4)})
	if err != nil {
		fmt.Println(err)
		return
	}
	var path []string
	for _, st := range s.Steps {
		path = append(path, st.Moment)
	}
	fmt.Println(strings.Join(path, " → "))
	for _, d := range s.Deviations {
		fmt.Printf("%s %s at %d\n", d.Kind, d.Moment, d.Position)
	}
	fmt.Printf("complete %t, fitness %.2f, throughput %v\n", s.Complete, s.Fitness, s.Throughput)
	// Output:
	// welcome → coffee → handling → farewell
	// unknown-moment coffee at 2
	// complete true, fitness 0.86, throughput 20m0s
}

// An event log in CSV with its own column names, read with a mapping; every
// bad line is reported with its number.
func ExampleReadCSV() {
	log := "caso,actividad,fecha,nota\n" +
		"T-1,welcome,2026-03-02T09:00:00Z,5\n" +
		"T-1,handling,2026-03-02T09:04:00Z,siete\n" +
		"T-1,farewell,2026-03-02T09:12:00Z,4\n"
	encounters, err := servicecycle.ReadCSV(strings.NewReader(log),
		servicecycle.CSVColumns{Case: "caso", Moment: "actividad", At: "fecha", Rating: "nota"})
	fmt.Println(len(encounters), "encounters read")
	fmt.Println(err)
	// Output:
	// 2 encounters read
	// servicecycle: line 3: column "nota": rating "siete" not a whole number: servicecycle: invalid value: servicecycle: invalid event log
}

// A filter keeps whole journeys that touched a moment, before analysis.
func ExampleFilter_Apply() {
	log := []servicecycle.Encounter{
		visit("ana", "welcome", 0, 5), visit("ana", "wait", 2, 2), visit("ana", "handling", 20, 4),
		visit("luis", "welcome", 0, 4), visit("luis", "handling", 3, 5),
	}
	waited, err := servicecycle.Filter{Moments: []string{"wait"}, Journeys: true}.Apply(log)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range waited {
		fmt.Println(e.Case, e.Moment)
	}
	// Output:
	// ana welcome
	// ana wait
	// ana handling
}
