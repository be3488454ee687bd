package sla

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// Metric is what an objective measures.
type Metric uint8

// The metrics of an agreement (tiempo de respuesta, actualizaciones,
// resolución, disponibilidad horaria). The zero value [MetricUnknown] is
// invalid in an objective.
const (
	MetricUnknown   Metric = iota // not set
	FirstResponse                 // primera respuesta: from opening to the first agent reply
	NextResponse                  // siguiente respuesta: from a customer's follow-up to the agent's answer
	PeriodicUpdate                // actualización periódica: the longest gap between agent updates while the ticket is open
	Resolution                    // resolución (total): from opening to the last resolution, reopenings included
	Availability                  // disponibilidad horaria: share of service hours the service is up
	FirstResolution               // primera resolución: from opening to the first resolution; a reopening does not count
	RequesterWait                 // tiempo de espera del cliente: resolution time that only waits for the customer pause
	AgentWork                     // tiempo de trabajo del agente: resolution time that every wait pauses
	OnHoldTime                    // tiempo en espera de terceros: time the ticket waits for a third party
	GroupOwnership                // tiempo por grupo: each stretch of time a group owns the ticket (group SLA)
)

var metricNames = enum.New("sla: metric", ErrUnknownName,
	[]string{"unknown", "first-response", "next-response", "periodic-update", "resolution", "availability",
		"first-resolution", "requester-wait", "agent-work", "on-hold-time", "group-ownership"},
	map[string]Metric{
		"desconocida":       MetricUnknown,
		"primera respuesta": FirstResponse, "tiempo de respuesta": FirstResponse, "response": FirstResponse, "first reply": FirstResponse,
		"siguiente respuesta": NextResponse, "next reply": NextResponse,
		"actualización periódica": PeriodicUpdate, "actualizacion": PeriodicUpdate, "update": PeriodicUpdate, "periodic": PeriodicUpdate,
		"resolución": Resolution, "solución": Resolution, "resolve": Resolution,
		"total resolution": Resolution, "full resolution": Resolution, "resolución total": Resolution,
		"disponibilidad": Availability, "disponibilidad horaria": Availability, "uptime": Availability,
		"primera resolución": FirstResolution, "first resolution time": FirstResolution,
		"tiempo de espera del cliente": RequesterWait, "requester wait time": RequesterWait, "espera del cliente": RequesterWait,
		"tiempo de trabajo del agente": AgentWork, "agent work time": AgentWork, "trabajo del agente": AgentWork,
		"tiempo en espera de terceros": OnHoldTime, "on-hold": OnHoldTime, "tiempo en espera": OnHoldTime,
		"tiempo por grupo": GroupOwnership, "group ownership time": GroupOwnership, "group sla": GroupOwnership,
		"tiempo del grupo": GroupOwnership,
	})

// Metrics returns the defined metrics: the ticket metrics in evaluation
// order, then [Availability].
func Metrics() []Metric {
	return append(ticketMetrics[:len(ticketMetrics):len(ticketMetrics)], Availability)
}

// ParseMetric returns the metric named s: "first-response", "next-response",
// "periodic-update", "first-resolution", "resolution" (also "total
// resolution"), "requester-wait", "agent-work", "on-hold-time",
// "group-ownership", "availability", or the Spanish "primera respuesta",
// "siguiente respuesta", "actualización periódica", "primera resolución",
// "resolución", "tiempo de espera del cliente", "tiempo de trabajo del
// agente", "tiempo en espera de terceros", "tiempo por grupo",
// "disponibilidad horaria".
func ParseMetric(s string) (Metric, error) { return metricNames.Parse(s) }

// String returns the metric's English name, e.g. "first-response".
func (m Metric) String() string { return metricNames.String(m) }

// IsValid reports whether m is a defined metric other than [MetricUnknown].
func (m Metric) IsValid() bool { return m != MetricUnknown && metricNames.Valid(m) }

// IsTicket reports whether m is measured on ticket timelines by
// [Agreement.Evaluate]; [Availability] is measured from outages instead.
func (m Metric) IsTicket() bool { return m.IsValid() && m != Availability }

// MarshalText implements encoding.TextMarshaler.
func (m Metric) MarshalText() ([]byte, error) { return metricNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMetric].
func (m *Metric) UnmarshalText(text []byte) error { return metricNames.UnmarshalText(m, text) }

// DefaultAtRisk is the share of the target past which a running clock is
// [AtRisk] when an objective leaves AtRisk zero.
const DefaultAtRisk = 0.8

// Objective is one measurable commitment of an agreement: a metric, a target
// per priority, the calendar the time counts in, and the share of tickets
// that must meet the target (the attainment threshold).
//
// An objective is in force for a ticket while its Scope is the most
// specific one selected for the ticket (see [Kind]) among those with a
// target for the ticket's priority; [Agreement.Evaluate] states how clock
// cycles follow the objective in force.
//
// An [Availability] objective has no Targets: its Threshold is the
// availability to reach (99.9 for 99.9 % of service hours), see
// [Agreement.Availability].
//
// In JSON ([Objective.MarshalJSON]) the keys are lowerCamelCase: name,
// metric, scope, policy, calendar, priorityCalendars, targets (keyed by
// priority, durations or business days as text), threshold, atRisk,
// warnings and pauseReasons. The old spelling "at_risk" is still read.
type Objective struct {
	// Name identifies the objective in evaluations and reports; it must be
	// unique in the agreement. NewAgreement fills an empty name with the
	// metric's name, followed by "@" and the scope when there is one, after
	// the policy and "/" when there is one ("resolution@acme",
	// "vip/first-response").
	Name   string
	Metric Metric
	// Scope is the customer, business area, service or unit the objective
	// is for, as [Kind] explains; "" is the default for every ticket (the
	// corporate level of a multilevel agreement).
	Scope string
	// Policy names the agreement's [Policy] the objective belongs to; ""
	// for the objectives that apply when no policy does.
	Policy string
	// Calendar names one of the agreement's calendars; "" counts real
	// elapsed time, 24 hours a day, 7 days a week.
	Calendar string
	// PriorityCalendars overrides Calendar for some priorities, as Zendesk
	// and Jira Service Management allow within one metric: urgent tickets
	// counted 24×7 ("") while the others count business hours. Each
	// interval of a ticket counts on the calendar of the priority it had
	// then.
	PriorityCalendars map[Priority]string
	// Targets is the longest time allowed per priority, counted on
	// Calendar; each must be positive. Written in JSON as text: "4h", "90m",
	// "3d" (a day is 24 hours of the calendar's time, see [Day]).
	Targets map[Priority]time.Duration
	// DayTargets are targets in business days ("2bd", "eod+1bd", see
	// [BusinessDays]) for the priorities Targets leaves out; a priority has
	// one kind of target or the other. In JSON both are in "targets".
	DayTargets map[Priority]BusinessDays
	// Threshold is the attainment threshold, the percentage of tickets
	// that must meet the target, in (0, 100]; for Availability it is the
	// availability target.
	Threshold float64
	// AtRisk is the share of the target, in (0, 1], past which a running
	// clock is reported at risk; 0 means DefaultAtRisk.
	AtRisk float64
	// Warnings are the levels at which a running clock warns before it
	// breaches, for [Agreement.Watch]: "50%", "75%", "90%" of the target,
	// or "30m" before the breach. In JSON, a list of text.
	Warnings []Warning
	// PauseReasons are the reasons of a wait ([Paused]) that stop the
	// clock, as Jira Service Management and ServiceNow set per goal: nil
	// means the metric's default ([DefaultPauseReasons]), an empty non-nil
	// slice that no wait stops it. For [OnHoldTime], which counts waits,
	// they are the reasons whose waits it counts.
	PauseReasons []PauseReason
}

// DefaultPauseReasons returns the pause reasons that stop a clock of metric
// m when its objective leaves PauseReasons nil, after Zendesk's definitions:
// the requester wait time pauses only while waiting for the customer
// ("pending"), the on-hold time counts only waits for a third party
// ("on-hold"), and every other clock, the agent work time included, pauses
// for every reason. It is nil for [Availability] and undefined metrics.
func DefaultPauseReasons(m Metric) []PauseReason {
	switch {
	case m == RequesterWait:
		return []PauseReason{WaitingCustomer}
	case m == OnHoldTime:
		return []PauseReason{WaitingThirdParty}
	case m.IsTicket():
		return []PauseReason{PauseUnspecified, WaitingCustomer, WaitingThirdParty, Scheduled}
	}
	return nil
}

// pauseMask returns the bit set of the reasons that stop the objective's
// clock (that it counts, for OnHoldTime).
func (o Objective) pauseMask() uint8 {
	rs := o.PauseReasons
	if rs == nil {
		rs = DefaultPauseReasons(o.Metric)
	}
	var m uint8
	for _, r := range rs {
		if r.IsValid() {
			m |= 1 << r
		}
	}
	return m
}

// Target returns the objective's target for priority p and whether it has
// one in time (not in business days, see [Objective.DayTarget]).
func (o Objective) Target(p Priority) (time.Duration, bool) {
	d, ok := o.Targets[p]
	return d, ok
}

// DayTarget returns the objective's business-day target for priority p and
// whether it has one.
func (o Objective) DayTarget(p Priority) (BusinessDays, bool) {
	b, ok := o.DayTargets[p]
	return b, ok
}

// problems returns every problem of the objective.
func (o Objective) problems() []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	if !o.Metric.IsValid() {
		bad("metric %s undefined", o.Metric)
	}
	if math.IsNaN(o.Threshold) || o.Threshold <= 0 || o.Threshold > 100 {
		bad("threshold %v outside (0, 100]", o.Threshold)
	}
	if math.IsNaN(o.AtRisk) || o.AtRisk < 0 || o.AtRisk > 1 {
		bad("atRisk %v outside (0, 1]", o.AtRisk)
	}
	for _, p := range sortedKeysOf(o.PriorityCalendars) {
		if !p.IsValid() {
			bad("calendar for priority %s: want low, normal, high or urgent", p)
		}
	}
	for k, w := range o.Warnings {
		if !w.IsValid() {
			bad("warning %d: {%v %s}: want a percentage in (0, 100) or a positive time before the breach", k+1, w.Percent, FormatDuration(w.Before))
		} else if slices.Contains(o.Warnings[:k], w) {
			bad("warning %d: %s listed twice", k+1, w)
		}
	}
	for k, r := range o.PauseReasons {
		if !r.IsValid() {
			bad("pause reason %d: %s undefined", k+1, r)
		} else if slices.Contains(o.PauseReasons[:k], r) {
			bad("pause reason %d: %s listed twice", k+1, r)
		}
	}
	for _, p := range sortedKeysOf(o.DayTargets) {
		b := o.DayTargets[p]
		_, both := o.Targets[p]
		switch {
		case !p.IsValid():
			bad("business-day target for priority %s: want low, normal, high or urgent", p)
		case !b.IsValid():
			bad("business-day target for %s: %d days (end of day %v): want 1 to %d, or 0 at the end of the day", p, b.Days, b.EndOfDay, maxBusinessDays)
		case both:
			bad("%s has a target in time (%s) and in business days (%s): want one", p, FormatDuration(o.Targets[p]), b)
		}
	}
	if o.Metric == Availability {
		if len(o.DayTargets) > 0 {
			bad("an availability objective has no targets; its threshold is the availability to reach")
		}
		if len(o.PriorityCalendars) > 0 {
			bad("an availability objective has no priorities, so no calendar per priority")
		}
		if o.PauseReasons != nil {
			bad("an availability objective has no clock to pause")
		}
		if len(o.Warnings) > 0 {
			bad("an availability objective has no clock to warn about; see Agreement.Alerts")
		}
		if len(o.Targets) > 0 {
			bad("an availability objective has no targets; its threshold is the availability to reach")
		}
		return probs
	}
	if o.Metric.IsValid() && len(o.Targets)+len(o.DayTargets) == 0 {
		bad("no targets: want a target per priority")
	}
	for _, p := range sortedPriorities(o.Targets) {
		d := o.Targets[p]
		switch {
		case !p.IsValid():
			bad("target for priority %s: want low, normal, high or urgent", p)
		case d <= 0:
			bad("target for %s %s: want a positive duration", p, FormatDuration(d))
		case d > maxDuration:
			bad("target for %s %s: longer than %d days", p, FormatDuration(d), maxDays)
		}
	}
	return probs
}

// sortedPriorities returns the keys of m in priority order.
func sortedPriorities(m map[Priority]time.Duration) []Priority { return sortedKeysOf(m) }

// sortedKeysOf returns the priorities keying m, in order.
func sortedKeysOf[V any](m map[Priority]V) []Priority {
	ps := make([]Priority, 0, len(m))
	for p := range m {
		ps = append(ps, p)
	}
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && ps[j] < ps[j-1]; j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
	return ps
}

func (o Objective) clone() Objective {
	if o.PauseReasons != nil {
		o.PauseReasons = append([]PauseReason{}, o.PauseReasons...)
	}
	if o.Warnings != nil {
		o.Warnings = append([]Warning{}, o.Warnings...)
	}
	if o.PriorityCalendars != nil {
		pc := make(map[Priority]string, len(o.PriorityCalendars))
		for p, c := range o.PriorityCalendars {
			pc[p] = c
		}
		o.PriorityCalendars = pc
	}
	if o.DayTargets != nil {
		dt := make(map[Priority]BusinessDays, len(o.DayTargets))
		for p, b := range o.DayTargets {
			dt[p] = b
		}
		o.DayTargets = dt
	}
	if o.Targets != nil {
		t := make(map[Priority]time.Duration, len(o.Targets))
		for p, d := range o.Targets {
			t[p] = d
		}
		o.Targets = t
	}
	return o
}
