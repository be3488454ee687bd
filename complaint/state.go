package complaint

import "github.com/servuction/servuction/internal/enum"

// State is where a case stands in its lifecycle. The zero value,
// [StateUnknown], is the state of a case that has not been received yet: only
// [Receive] leaves it.
type State uint8

// The states of the lifecycle, after ISO 10002 (receipt, tracking,
// acknowledgement, assessment, investigation, response, decision, closing).
const (
	StateUnknown      State = iota // not received yet
	Received                       // recibido: registered in the customer system (tele cliente)
	Acknowledged                   // acuse de recibo sent to the customer
	Assigned                       // asignado to a tier (and maybe a department)
	InProgress                     // en curso: being investigated
	WaitingCustomer                // esperando al cliente: SLA clocks paused
	WaitingThirdParty              // esperando a un tercero
	Resolved                       // resuelto: decision made and communicated
	CallbackDue                    // llamada de seguimiento pendiente
	CalledBack                     // cliente llamado
	Unreachable                    // ilocalizable after the allowed callback attempts
	Closed                         // cerrado; can be disputed or reopened within the window
	Disputed                       // disputado: the customer contests the decision
	Merged                         // fusionado into a duplicate (terminal)
	Withdrawn                      // retirado by the customer (terminal)
)

var stateNames = enum.New("complaint: state", ErrInvalidValue,
	[]string{"unknown", "received", "acknowledged", "assigned", "in-progress", "waiting-customer", "waiting-third-party",
		"resolved", "callback-due", "called-back", "unreachable", "closed", "disputed", "merged", "withdrawn"},
	map[string]State{
		"desconocido": StateUnknown, "recibido": Received, "acusado": Acknowledged, "acuse de recibo": Acknowledged,
		"asignado": Assigned, "en curso": InProgress, "en proceso": InProgress, "esperando al cliente": WaitingCustomer,
		"esperando cliente": WaitingCustomer, "esperando a un tercero": WaitingThirdParty, "esperando tercero": WaitingThirdParty,
		"resuelto": Resolved, "llamada pendiente": CallbackDue, "cliente llamado": CalledBack, "llamado": CalledBack,
		"ilocalizable": Unreachable, "no localizable": Unreachable, "cerrado": Closed, "disputado": Disputed,
		"impugnado": Disputed, "fusionado": Merged, "duplicado": Merged, "retirado": Withdrawn, "desistido": Withdrawn,
	})

// States returns every state except [StateUnknown], in lifecycle order.
func States() []State {
	out := make([]State, 0, len(stateNames.Names())-1)
	for s := Received; s.IsValid(); s++ {
		out = append(out, s)
	}
	return out
}

// ParseState returns the state named s ("in-progress", "en curso", …).
func ParseState(s string) (State, error) { return stateNames.Parse(s) }

// String returns the state's English name.
func (s State) String() string { return stateNames.String(s) }

// IsValid reports whether s is a defined state.
func (s State) IsValid() bool { return stateNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s State) MarshalText() ([]byte, error) { return stateNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseState].
func (s *State) UnmarshalText(text []byte) error { return stateNames.UnmarshalText(s, text) }

// Terminal reports whether no event but [Notified] is accepted in s: a case
// merged into another or withdrawn. A closed case is not terminal, since it
// can be disputed or reopened within the policy's window.
func (s State) Terminal() bool { return s == Merged || s == Withdrawn }

// Open reports whether the case is still being handled: received and neither
// resolved nor terminal.
func (s State) Open() bool {
	switch s {
	case Received, Acknowledged, Assigned, InProgress, WaitingCustomer, WaitingThirdParty, Disputed:
		return true
	}
	return false
}

// EventType is what happens to a case. Most event types are transitions of the
// lifecycle (see [Transitions]); [Note], [RecordChecklist], [RecordCost] and
// [Notified] are annotations that leave the state unchanged. The zero value is
// [EventUnknown].
type EventType uint8

// The event types.
const (
	EventUnknown      EventType = iota // invalid
	Receive                            // recibir: the case is registered
	Acknowledge                        // acusar recibo
	Assign                             // asignar to a tier, a department, an agent
	Start                              // iniciar the investigation
	WaitForCustomer                    // esperar al cliente (pauses the SLA clocks)
	WaitForThirdParty                  // esperar a un tercero
	Resume                             // reanudar after a wait
	Escalate                           // escalar one tier up or to a department, with reason and hand-off note
	Resolve                            // resolver with a [Resolution]
	ScheduleCallback                   // programar la llamada de seguimiento
	CallBack                           // llamar al cliente: the callback reached the customer
	CallbackFailed                     // llamada fallida: the customer did not answer
	Close                              // cerrar
	Dispute                            // disputar the decision within the window
	Reopen                             // reabrir within the window
	Merge                              // fusionar into a duplicate of the same customer
	Withdraw                           // retirar: the customer withdraws
	Note                               // nota: traceability information passed on
	RecordChecklist                    // registrar un protocolo completed by the agent
	RecordCost                         // registrar un costo (refund, credit, return, legal)
	Notified                           // notificado: an outbox message was delivered
)

var eventNames = enum.New("complaint: event", ErrInvalidValue,
	[]string{"unknown", "receive", "acknowledge", "assign", "start", "wait-for-customer", "wait-for-third-party", "resume",
		"escalate", "resolve", "schedule-callback", "call-back", "callback-failed", "close", "dispute", "reopen", "merge",
		"withdraw", "note", "record-checklist", "record-cost", "notified"},
	map[string]EventType{
		"desconocido": EventUnknown, "recibir": Receive, "registrar": Receive, "acusar recibo": Acknowledge, "asignar": Assign,
		"iniciar": Start, "esperar al cliente": WaitForCustomer, "esperar a un tercero": WaitForThirdParty, "reanudar": Resume,
		"escalar": Escalate, "resolver": Resolve, "programar llamada": ScheduleCallback, "llamar al cliente": CallBack,
		"devolver la llamada": CallBack, "callback": CallBack, "llamada fallida": CallbackFailed, "cerrar": Close,
		"disputar": Dispute, "impugnar": Dispute, "reabrir": Reopen, "fusionar": Merge, "retirar": Withdraw, "desistir": Withdraw,
		"nota": Note, "protocolo": RecordChecklist, "checklist": RecordChecklist, "costo": RecordCost, "coste": RecordCost,
		"cost": RecordCost, "notificado": Notified,
	})

// ParseEventType returns the event type named s ("escalate", "escalar", …).
func ParseEventType(s string) (EventType, error) { return eventNames.Parse(s) }

// String returns the event type's English name.
func (e EventType) String() string { return eventNames.String(e) }

// IsValid reports whether e is a defined event type.
func (e EventType) IsValid() bool { return eventNames.Valid(e) }

// MarshalText implements encoding.TextMarshaler.
func (e EventType) MarshalText() ([]byte, error) { return eventNames.MarshalText(e) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseEventType].
func (e *EventType) UnmarshalText(text []byte) error { return eventNames.UnmarshalText(e, text) }

// Annotation reports whether e records information without changing the
// state: [Note], [RecordChecklist], [RecordCost], [Notified].
func (e EventType) Annotation() bool {
	return e == Note || e == RecordChecklist || e == RecordCost || e == Notified
}
