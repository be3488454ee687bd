package complaint

import (
	"fmt"
	"strings"
)

// Transition is one row of the lifecycle's transition table: event Event in
// state From leads to state To. Condition, when not empty, names the rule that
// chooses between rows sharing From and Event (e.g. the callback attempts).
type Transition struct {
	From      State
	Event     EventType
	To        State
	Condition string
}

// The transition table of the lifecycle, as data. Guards (the protocols) are
// checked separately by the desk; see [Decide].
var transitions = func() []Transition {
	var t []Transition
	add := func(e EventType, to State, cond string, from ...State) {
		for _, f := range from {
			t = append(t, Transition{From: f, Event: e, To: to, Condition: cond})
		}
	}
	open := []State{Received, Acknowledged, Assigned, InProgress, WaitingCustomer, WaitingThirdParty}
	decided := []State{Resolved, CallbackDue, CalledBack, Unreachable, Closed}
	add(Receive, Received, "", StateUnknown)
	add(Acknowledge, Acknowledged, "", Received)
	add(Assign, Assigned, "", Received, Acknowledged)
	add(Resolve, Resolved, "first contact", Received, Acknowledged)
	add(Start, InProgress, "", Assigned)
	add(WaitForCustomer, WaitingCustomer, "", InProgress)
	add(WaitForThirdParty, WaitingThirdParty, "", InProgress)
	add(Resume, InProgress, "", WaitingCustomer, WaitingThirdParty)
	add(Escalate, Assigned, "", Assigned, InProgress, WaitingThirdParty)
	add(Resolve, Resolved, "", InProgress, Disputed)
	add(ScheduleCallback, CallbackDue, "", Resolved)
	add(CallBack, CalledBack, "", CallbackDue)
	add(CallbackFailed, CallbackDue, "attempts < max", CallbackDue)
	add(CallbackFailed, Unreachable, "attempts = max", CallbackDue)
	add(Close, Closed, "", Resolved, CalledBack, Unreachable)
	add(Dispute, Disputed, "within window", decided...)
	add(Reopen, InProgress, "within window", append(decided, Disputed)...)
	add(Merge, Merged, "", open...)
	add(Withdraw, Withdrawn, "", append(open, Disputed)...)
	return t
}()

// Transitions returns a copy of the lifecycle's transition table, in the
// order the lifecycle is usually walked.
func Transitions() []Transition { return append([]Transition(nil), transitions...) }

// next returns the state of the first row for event e in state s, and
// whether there is one.
func next(s State, e EventType) (State, bool) {
	for _, t := range transitions {
		if t.From == s && t.Event == e {
			return t.To, true
		}
	}
	return StateUnknown, false
}

// legal reports whether the table has a row from → to for e.
func legal(from State, e EventType, to State) bool {
	for _, t := range transitions {
		if t.From == from && t.Event == e && t.To == to {
			return true
		}
	}
	return false
}

// Mermaid returns the lifecycle as a Mermaid stateDiagram-v2, generated from
// the transition table: one line per row, in table order, with the
// annotations ([Note], [RecordChecklist], [RecordCost], [Notified]) left out
// because they never change the state.
func Mermaid() string {
	var b strings.Builder
	b.WriteString("stateDiagram-v2\n")
	for _, s := range States() {
		fmt.Fprintf(&b, "    %s : %s\n", mermaidID(s), s)
	}
	for _, t := range transitions {
		from := "[*]"
		if t.From != StateUnknown {
			from = mermaidID(t.From)
		}
		label := t.Event.String()
		if t.Condition != "" {
			label += " [" + t.Condition + "]"
		}
		fmt.Fprintf(&b, "    %s --> %s : %s\n", from, mermaidID(t.To), label)
	}
	for _, s := range States() {
		if s.Terminal() {
			fmt.Fprintf(&b, "    %s --> [*]\n", mermaidID(s))
		}
	}
	return b.String()
}

// mermaidID turns "in-progress" into "InProgress", a valid Mermaid state id.
func mermaidID(s State) string {
	parts := strings.Split(s.String(), "-")
	for i, p := range parts {
		if p != "" {
			parts[i] = strings.ToUpper(p[:1]) + p[1:]
		}
	}
	return strings.Join(parts, "")
}
