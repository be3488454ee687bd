package sla

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// ticketFromBytes turns fuzz bytes into a ticket: each 3 bytes are an
// event's kind, the minutes since the previous event, and its priority or
// pause reason. Kinds and values may be out of range on purpose.
func ticketFromBytes(data []byte) Ticket {
	base := time.Date(2026, 3, 6, 15, 0, 0, 0, time.UTC)
	t := Ticket{ID: "fuzz", Priority: High}
	if len(data) > 0 {
		t.Priority = Priority(data[0] % 6)
		data = data[1:]
	}
	at := base
	for len(data) >= 3 {
		k, gap, v := EventKind(data[0]%11), time.Duration(int8(data[1]))*7*time.Minute, data[2]
		at = at.Add(gap)
		e := Event{Kind: k, At: at}
		switch k {
		case PriorityChanged:
			e.Priority = Priority(v % 6)
		case Paused:
			e.Reason = PauseReason(v % 5)
		default:
			if v > 250 {
				e.Priority = Low // misplaced field
			}
		}
		t.Events = append(t.Events, e)
		data = data[3:]
	}
	return t
}

func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{3, 1, 0, 0, 2, 20, 0, 3, 10, 0, 2, 30, 0, 7, 10, 0})
	f.Add([]byte{4, 1, 0, 0, 4, 10, 1, 5, 40, 0, 6, 5, 4, 2, 10, 0, 7, 20, 0, 8, 50, 0, 7, 10, 0, 9, 1, 0})
	f.Add([]byte{2, 1, 0, 0, 5, 3, 0, 2, 200, 0})
	a24 := clockAgreement(f)
	office, _ := officeAgreement(f)
	now := time.Date(2026, 3, 12, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		tk := ticketFromBytes(data)
		verr := tk.Validate()
		for _, a := range []*Agreement{a24, office} {
			e, err := a.Evaluate(tk, now)
			if err != nil {
				if !errors.Is(err, ErrInvalidTicket) {
					t.Fatalf("error does not wrap ErrInvalidTicket: %v", err)
				}
				if verr == nil && !tk.Events[0].At.After(now) {
					t.Fatalf("Evaluate failed on a valid timeline: %v", err)
				}
				continue
			}
			if verr != nil {
				t.Fatalf("Evaluate accepted an invalid timeline: %v", verr)
			}
			// Events after now do not matter: the ticket cut at now
			// evaluates the same.
			cut := tk
			cut.Events = nil
			for _, x := range tk.Events {
				if !x.At.After(now) {
					cut.Events = append(cut.Events, x)
				}
			}
			if e2, err := a.Evaluate(cut, now); err != nil || !reflect.DeepEqual(e, e2) {
				t.Fatalf("events after now changed the evaluation:\n%+v\n%+v (%v)", e, e2, err)
			}
			opened := tk.Events[0].At
			for _, r := range e.Results {
				cal := a.obj[a.index(r.Objective)].cal
				span := cal.Between(opened, now)
				switch {
				case !r.Status.IsValid():
					t.Fatalf("%s: status %s", r.Objective, r.Status)
				case r.Elapsed < 0 || r.Elapsed > span:
					t.Fatalf("%s: elapsed %s outside [0, %s]", r.Objective, r.Elapsed, span)
				case r.Target <= 0 || r.Remaining != r.Target-r.Elapsed:
					t.Fatalf("%s: target %s remaining %s elapsed %s", r.Objective, r.Target, r.Remaining, r.Elapsed)
				case (r.Status == Breached) != !r.BreachedAt.IsZero():
					t.Fatalf("%s: status %s breached at %s", r.Objective, r.Status, r.BreachedAt)
				case r.Status != Breached && r.Elapsed > r.Target:
					t.Fatalf("%s: %s with elapsed %s over target %s", r.Objective, r.Status, r.Elapsed, r.Target)
				case r.Status == Breached && (r.BreachedAt.Before(opened) || r.BreachedAt.After(now)):
					t.Fatalf("%s: breached at %s outside [%s, %s]", r.Objective, r.BreachedAt, opened, now)
				case (r.Status == Breached) != (r.Breaches > 0):
					t.Fatalf("%s: status %s with %d breaches", r.Objective, r.Status, r.Breaches)
				case r.Cycles < 1 || r.Breaches > r.Cycles:
					t.Fatalf("%s: %d cycles, %d breaches", r.Objective, r.Cycles, r.Breaches)
				case (r.Status == Running || r.Status == AtRisk) && r.Remaining > 0 && r.Deadline.Before(now):
					t.Fatalf("%s: %s with deadline %s before now", r.Objective, r.Status, r.Deadline)
				case (r.Status == Running || r.Status == AtRisk) && r.Remaining == 0 && r.Deadline.After(now):
					// On target: the deadline is when the target was reached.
					t.Fatalf("%s: %s on target with deadline %s after now", r.Objective, r.Status, r.Deadline)
				}
			}
		}
	})
}

func FuzzAgreementJSON(f *testing.F) {
	f.Add([]byte(`{"name":"x","kind":"service-based","objectives":[{"metric":"resolution","targets":{"high":"4h","baja":"3d"},"threshold":90}]}`))
	f.Add([]byte(`{"name":"m","kind":"multinivel","units":[{"name":"v","level":"department"},{"name":"a","level":"cliente","parent":"v"}],` +
		`"objectives":[{"metric":"first-response","scope":"a","targets":{"urgent":"90m"},"threshold":95,"atRisk":0.5},{"name":"up","metric":"availability","threshold":99.9}],` +
		`"credits":{"fee":"100 USD","bands":[{"min":90,"max":95,"share":"5"}],"cap":"10 USD"},` +
		`"clauses":[{"kind":"warranty","description":"d","measurable":true,"indicator":"i","comparison":"at-most","target":5}]}`))
	f.Add([]byte(`{"name":"c","kind":"customer-based","calendars":{"o":{"zone":"UTC","week":{"monday":["09:00-17:00"]}}},"objectives":[{"metric":"next-response","calendar":"o","targets":{"normal":"1d2h"},"threshold":100}]}`))
	f.Add([]byte(`{"name":"x","kind":"gold"}`))
	f.Add([]byte(`{"name":"p","kind":"service-based","policies":[{"name":"vip","when":{"all":[{"attribute":"tags","op":"includes","values":["vip"]}],` +
		`"any":[{"attribute":"channel","op":"is","values":["email","chat"]},{"attribute":"group","op":"is-not","values":[""]}]}}],` +
		`"objectives":[{"policy":"vip","metric":"resolution","targets":{"high":"4h"},"threshold":90},{"metric":"resolution","targets":{"high":"8h"},"threshold":90}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var a Agreement
		if err := a.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidAgreement) {
				t.Fatalf("error does not wrap ErrInvalidAgreement: %v", err)
			}
			return
		}
		out, err := json.Marshal(&a)
		if err != nil {
			t.Fatalf("marshal a decoded agreement: %v", err)
		}
		var b Agreement
		if err := json.Unmarshal(out, &b); err != nil {
			t.Fatalf("decode what was encoded: %v\n%s", err, out)
		}
		again, err := json.Marshal(&b)
		if err != nil || string(again) != string(out) {
			t.Fatalf("round trip changed the agreement:\n%s\n%s", out, again)
		}
	})
}

func FuzzResultJSON(f *testing.F) {
	f.Add([]byte(`{"objective":"fr","metric":"first-response","threshold":95,"status":"breached","target":"4h","elapsed":"5h","remaining":"-1h","percentElapsed":125,"breachedAt":"2026-03-02T13:00:00Z","cycles":1,"breaches":1}`))
	f.Add([]byte(`{"status":"running","target":"1d","elapsed":"0s","remaining":"1d","level":"cliente"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r Result
		if err := r.UnmarshalJSON(data); err != nil {
			if !errors.Is(err, ErrInvalidDuration) && !errors.Is(err, ErrUnknownName) && !strings.HasPrefix(err.Error(), "sla: result") {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			return // an undefined enum value cannot be written; decoding never makes one
		}
		var back Result
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("decode what was encoded: %v\n%s", err, out)
		}
		if back.Target != r.Target || back.Elapsed != r.Elapsed || back.Remaining != r.Remaining || back.Status != r.Status {
			t.Fatalf("round trip changed the result:\n%+v\n%+v", r, back)
		}
	})
}
