package servicecycle_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/servicecycle"
)

var open = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func visit(cs, moment string, min, rating int) servicecycle.Encounter {
	return servicecycle.Encounter{Case: cs, Moment: moment, At: open.Add(time.Duration(min) * time.Minute),
		Rating: rating, Channel: servuction.InPerson}
}

// A cycle of service is designed as moments in order; optional moments may
// be skipped, and flows add branches and loops.
func ExampleNewCycle() {
	c, err := servicecycle.NewCycle(servicecycle.CycleConfig{
		Name: "Phone line",
		Moments: []servicecycle.Moment{
			{ID: "call", Name: "El cliente llama", Channel: servuction.Phone, Stance: servuction.Reactive},
			{ID: "advisor", Name: "La asesora atiende", Critical: true},
			{ID: "network", Name: "Miembro de la red", Optional: true},
			{ID: "close", Name: "Cierre"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Start(), "→", c.Ends())
	fmt.Println("advisor → close allowed:", c.Allows("advisor", "close"))
	fmt.Println("call → close allowed:", c.Allows("call", "close"))

	_, err = servicecycle.NewCycle(servicecycle.CycleConfig{Name: "bad", Moments: []servicecycle.Moment{{ID: "a"}},
		Flows: []servicecycle.Flow{{From: "a", To: "b"}}})
	fmt.Println(err)
	// Output:
	// call → [close]
	// advisor → close allowed: true
	// call → close allowed: false
	// servicecycle: cycle "bad": flow 0: to "b": unknown moment: servicecycle: invalid cycle
}

// Analyze measures a log of encounters against the attention process.
func ExampleAnalyze() {
	c := servicecycle.AttentionCycle() // welcome, wait?, handling (critical), follow-up?, farewell
	log := []servicecycle.Encounter{
		visit("ana", "welcome", 0, 5), visit("ana", "handling", 4, 4), visit("ana", "farewell", 12, 5),
		visit("luis", "farewell", 30, 2), visit("luis", "welcome", 0, 4), // unsorted: fine
		visit("luis", "wait", 2, 2), visit("luis", "handling", 20, 2),
		visit("eva", "welcome", 5, 4), visit("eva", "wait", 6, 3),
	}
	res, err := servicecycle.Analyze(c, log)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range res.Moments {
		fmt.Printf("%-12s reach %3.0f%%  satisfaction %.2f (n=%d)\n", m.Name, 100*m.Reach, m.Satisfaction.Mean, m.Satisfaction.N)
	}
	w, _ := res.WeakestCritical()
	fmt.Printf("weakest critical moment: %s (%.2f)\n", w.Name, w.Satisfaction.Mean)
	fmt.Printf("completed %d of %d, conforming %d\n", res.Completed, res.Journeys, res.Conforming)
	fmt.Printf("bottleneck: %s → %s, mean %v\n", res.Bottleneck.From, res.Bottleneck.To, res.Bottleneck.Time.Mean)
	for _, d := range res.DropOff {
		fmt.Printf("drop-off at %s: %d\n", d.Moment, d.Journeys)
	}
	// Output:
	// Acogida      reach 100%  satisfaction 4.33 (n=3)
	// Espera       reach  67%  satisfaction 2.50 (n=2)
	// Gestión      reach  67%  satisfaction 3.00 (n=2)
	// Seguimiento  reach   0%  satisfaction 0.00 (n=0)
	// Despedida    reach  67%  satisfaction 3.50 (n=2)
	// weakest critical moment: Gestión (3.00)
	// completed 2 of 3, conforming 2
	// bottleneck: wait → handling, mean 18m0s
	// drop-off at wait: 1
}

// Analyzers on shards of a log merge into the result of one pass.
func ExampleAnalyzer_Merge() {
	c := servicecycle.AttentionCycle()
	morning, afternoon := servicecycle.NewAnalyzer(c), servicecycle.NewAnalyzer(c)
	_ = morning.Add(visit("ana", "welcome", 0, 5))
	_ = afternoon.Add(visit("ana", "handling", 240, 4)) // same journey, another shard
	_ = afternoon.Add(visit("ana", "farewell", 250, 5))
	var total servicecycle.Analyzer // the zero Analyzer is the identity
	_ = total.Merge(morning)
	_ = total.Merge(afternoon)
	res := total.Result()
	fmt.Println(res.Journeys, res.Encounters, res.Completed, res.Throughput.Mean)
	// Output: 1 3 1 4h10m0s
}

// The design of a cycle drawn as a Mermaid flowchart.
func ExampleFlowchart() {
	fmt.Print(servicecycle.Flowchart(servicecycle.AttentionCycle(), nil))
	// Output:
	// flowchart LR
	//     m0["Acogida"]
	//     m1["Espera"]
	//     m2["Gestión"]
	//     m3["Seguimiento"]
	//     m4["Despedida"]
	//     m0 --> m1
	//     m1 --> m2
	//     m2 --> m3
	//     m3 --> m4
	//     classDef criticalMoment stroke:#c0392b,stroke-width:3px
	//     classDef optionalMoment stroke-dasharray:5 5
	//     class m2 criticalMoment
	//     class m1 optionalMoment
	//     class m3 optionalMoment
}

// A Mermaid journey diagram scores each rated moment 1–5.
func ExampleJourneyDiagram() {
	c := servicecycle.ConsumerCycle()
	res, _ := servicecycle.Analyze(c, []servicecycle.Encounter{
		visit("a", "need", 0, 4), visit("a", "research", 60, 3), visit("a", "choice", 90, 4),
		visit("a", "purchase", 120, 5), visit("a", "after-purchase", 2000, 2), visit("a", "reaction", 3000, 3),
	})
	fmt.Print(servicecycle.JourneyDiagram(c, &res))
	// Output:
	// journey
	//     title Momentos del consumidor
	//     section need
	//       Necesidad: 4: Customer
	//     section research
	//       Investigación: 3: Customer
	//     section choice
	//       Elección: 4: Customer
	//     section purchase
	//       Compra: 5: Customer
	//     section after-purchase
	//       Después de la compra: 2: Customer
	//     section reaction
	//       Reacción: 3: Customer
}

// The service triangle: the weakest side and the congruence of views.
func ExampleTriangle_Assess() {
	t, err := servicecycle.NewTriangle(
		servicecycle.Score{Side: servicecycle.Strategy, Perspective: servicecycle.EmployeeView, Value: 4.5},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.CustomerView, Value: 3, Evidence: "trato frío"},
		servicecycle.Score{Side: servicecycle.People, Perspective: servicecycle.EmployeeView, Value: 4.5},
		servicecycle.Score{Side: servicecycle.Systems, System: servicecycle.Technical, Perspective: servicecycle.ContextView, Value: 3.5},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := t.Assess()
	fmt.Println("weakest side:", a.Weakest)
	for _, g := range a.Congruence.Gaps {
		fmt.Printf("gap %s − %s = %+.1f\n", g.A, g.B, g.Difference)
	}
	fmt.Println("congruent:", a.Congruence.Congruent)
	// Output:
	// weakest side: systems
	// gap customer − employee = -1.5
	// gap employee − context = +1.0
	// congruent: false
}

// A cycle decodes from JSON, with the course notes' Spanish terms accepted
// for the enums and durations written as text; decoding validates it.
func ExampleCycle_UnmarshalJSON() {
	var c servicecycle.Cycle
	err := json.Unmarshal([]byte(`{
	  "name": "Línea de atención",
	  "moments": [
	    {"id": "llamada", "step": "acogida", "channel": "teléfono", "stance": "reactivo"},
	    {"id": "espera", "step": "espera", "standards": {"maxWait": "3m", "protocol": "gestión"}},
	    {"id": "asesora", "step": "gestión", "critical": true, "standards": {"minRating": 4}},
	    {"id": "cierre", "step": "despedida"}
	  ]
	}`), &c)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := c.Moment("espera")
	fmt.Println(c.Len(), "moments; wait standard:", m.Standards.MaxWait, m.Standards.Protocol)

	err = json.Unmarshal([]byte(`{"moments": [{"id": "a", "standards": {"minRating": 7}}]}`), &c)
	fmt.Println(errors.Is(err, servicecycle.ErrInvalidCycle), err)
	// Output:
	// 4 moments; wait standard: 3m0s management
	// true servicecycle: cycle "": moment "a": minRating 7 outside 1–5: servicecycle: invalid cycle
}
