package servicecycle

import "github.com/servuction/servuction"

// ConsumerCycle returns the cycle of the consumer's moments of the course
// notes, one moment per stage in order: need, research, choice, purchase,
// after purchase, reaction. Ids are the stages' English names ("need", …,
// "after-purchase", "reaction"); the outcome is the reaction. No moment is
// marked critical: which ones are depends on the business, and
// [Analysis.Drivers] finds them from data.
func ConsumerCycle() *Cycle {
	names := map[Stage]string{
		Need: "Necesidad", Research: "Investigación", Choice: "Elección",
		Purchase: "Compra", AfterPurchase: "Después de la compra", Reaction: "Reacción",
	}
	var ms []Moment
	for _, s := range Stages() {
		ms = append(ms, Moment{ID: s.String(), Name: names[s], Stage: s})
	}
	return MustCycle(CycleConfig{Name: "Momentos del consumidor", Moments: ms})
}

// AttentionCycle returns the attention process of the course notes (proceso
// de atención al cliente) for an in-person, reactive service: welcome
// (acogida), wait (espera, optional: not every customer waits), handling
// (gestión), follow-up (seguimiento, optional) and farewell (despedida), in
// that order. Ids are the steps' English names. The farewell, where the
// notes ask to check that the customer is satisfied, is the end and the
// outcome. Handling is marked critical.
func AttentionCycle() *Cycle {
	m := func(s AttentionStep, name string) Moment {
		return Moment{ID: s.String(), Name: name, Step: s, Channel: servuction.InPerson,
			Mode: servuction.ModeInPerson, Stance: servuction.Reactive}
	}
	welcome := m(Welcome, "Acogida")
	wait := m(Wait, "Espera")
	wait.Optional = true
	handling := m(Handling, "Gestión")
	handling.Critical = true
	follow := m(FollowUp, "Seguimiento")
	follow.Optional = true
	farewell := m(Farewell, "Despedida")
	return MustCycle(CycleConfig{Name: "Proceso de atención", Moments: []Moment{welcome, wait, handling, follow, farewell}})
}
