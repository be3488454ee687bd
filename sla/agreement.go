package sla

import (
	"errors"
	"sort"
	"strings"

	"github.com/servuction/servuction/internal/enum"
)

// ErrInvalidAgreement is wrapped by every error about an agreement's
// configuration: its kind, units, objectives, credits or clauses.
var ErrInvalidAgreement = errors.New("sla: invalid agreement")

// ErrInvalidTicket is wrapped by every error about a ticket's timeline.
var ErrInvalidTicket = errors.New("sla: invalid ticket")

// ErrInvalidDuration is wrapped by errors of [ParseDuration].
var ErrInvalidDuration = errors.New("sla: invalid duration")

// ErrUnknownName is wrapped when a name does not belong to an enum of this
// package (a priority, metric, kind, level, status, event kind, pause reason,
// clause kind or alert severity).
var ErrUnknownName = errors.New("sla: unknown name")

// ErrInvalidOutage is wrapped by errors about outages and availability
// windows.
var ErrInvalidOutage = errors.New("sla: invalid outage")

// ErrMismatch is wrapped when two reports built for different agreements are
// merged.
var ErrMismatch = errors.New("sla: reports of different agreements")

// Kind is the type of an agreement, after the three kinds of ANS of the
// course notes. It decides how an objective's Scope selects tickets:
//
//   - [CustomerBased] (ANS basado en el cliente) "sets the time limit for
//     resolutions according to the customer or business area": Scope names
//     a customer (matched with Ticket.Customer) or a business area (matched
//     with Ticket.Area); the customer's objective wins over the area's, and
//     both over the default Scope "".
//   - [ServiceBased] (ANS de servicio): "when a company offers several
//     services with different response times, it is better to standardise
//     those responses to keep the customer satisfied": Scope names a service
//     (matched with Ticket.Service), the same standard for every customer,
//     and "" is the standard of every service.
//   - [MultiLevel] (ANS multinivel): "responses according to the level at
//     which they are given, corporate (the whole company), departmental or
//     customer": Scope names a [Unit]; a ticket belongs to the unit named by
//     its Customer (or, failing that, its Area) and to every unit above it,
//     up to the corporate level, Scope "". For each metric the most specific
//     level with an objective wins, and the evaluation says which.
type Kind uint8

// The kinds of agreement. The zero value [KindUnknown] is invalid.
const (
	KindUnknown   Kind = iota // not set
	CustomerBased             // basado en el cliente
	ServiceBased              // de servicio
	MultiLevel                // multinivel
)

var kindNames = enum.New("sla: kind", ErrUnknownName,
	[]string{"unknown", "customer-based", "service-based", "multilevel"},
	map[string]Kind{
		"desconocido":          KindUnknown,
		"basado en el cliente": CustomerBased, "cliente": CustomerBased, "customer": CustomerBased,
		"de servicio": ServiceBased, "servicio": ServiceBased, "service": ServiceBased,
		"multinivel": MultiLevel, "multi-level": MultiLevel,
		// The course notes' headings: "ANS basado en el cliente", "ANS de servicio", "ANS multinivel".
		"ANS basado en el cliente": CustomerBased, "ANS de servicio": ServiceBased, "ANS multinivel": MultiLevel,
	})

// ParseKind returns the kind named s: "customer-based", "service-based",
// "multilevel", or the Spanish "basado en el cliente", "de servicio",
// "multinivel".
func ParseKind(s string) (Kind, error) { return kindNames.Parse(s) }

// String returns the kind's English name, e.g. "multilevel".
func (k Kind) String() string { return kindNames.String(k) }

// IsValid reports whether k is a defined kind other than [KindUnknown].
func (k Kind) IsValid() bool { return k != KindUnknown && kindNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseKind].
func (k *Kind) UnmarshalText(text []byte) error { return kindNames.UnmarshalText(k, text) }

// Level is a level of a multilevel agreement, from the most general to the
// most specific: [Corporate] (corporativo: the whole company), [Department]
// (departamental) and [Customer] (cliente). The zero value [LevelUnknown]
// means "not a multilevel result".
type Level uint8

// The levels of a multilevel agreement.
const (
	LevelUnknown Level = iota // not set
	Corporate                 // corporativo: the whole company
	Department                // departamental: a department or business area
	Customer                  // cliente: one customer
)

var levelNames = enum.New("sla: level", ErrUnknownName,
	[]string{"unknown", "corporate", "department", "customer"},
	map[string]Level{
		"desconocido": LevelUnknown, "corporativo": Corporate, "company": Corporate, "empresa": Corporate,
		"departamental": Department, "departamento": Department, "área": Department, "area": Department,
		"cliente": Customer,
	})

// ParseLevel returns the level named s: "corporate", "department",
// "customer", or the Spanish "corporativo", "departamental", "cliente".
func ParseLevel(s string) (Level, error) { return levelNames.Parse(s) }

// String returns the level's English name.
func (l Level) String() string { return levelNames.String(l) }

// IsValid reports whether l is a defined level other than [LevelUnknown].
func (l Level) IsValid() bool { return l != LevelUnknown && levelNames.Valid(l) }

// MarshalText implements encoding.TextMarshaler.
func (l Level) MarshalText() ([]byte, error) { return levelNames.MarshalText(l) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseLevel].
func (l *Level) UnmarshalText(text []byte) error { return levelNames.UnmarshalText(l, text) }

// Unit is a department or a customer of a multilevel agreement. The
// corporate level is the agreement itself (Scope ""), so units are only
// [Department] or [Customer]. A department's Parent is "" (the company); a
// customer's Parent is a department or "". A chain may not repeat a unit
// (a cycle) or a level (a department under a department).
type Unit struct {
	Name   string `json:"name"`
	Level  Level  `json:"level"`
	Parent string `json:"parent,omitempty"`
}

// AgreementConfig describes an agreement (acuerdo de niveles de servicio,
// ANS). [NewAgreement] validates it.
type AgreementConfig struct {
	// Name names the agreement, e.g. "ANS soporte 2026".
	Name string
	Kind Kind
	// Type is whom the agreement binds: the customer (SLA, the zero
	// value), an internal group (OLA) or a supplier (UC); Party names the
	// group or the supplier, and is empty for an SLA. See [AgreementType].
	Type  AgreementType
	Party string
	// Zone says whose zone the business calendars follow: each calendar's
	// own (CalendarZone, the zero value) or the ticket's (TicketZone), see
	// [ZoneRule]. CustomerZones gives the IANA zone of customers whose
	// tickets carry none, for TicketZone.
	Zone          ZoneRule
	CustomerZones map[string]string
	// Calendars are the calendars objectives count time in, by name.
	Calendars map[string]*Calendar
	// Units are the departments and customers of a MultiLevel agreement;
	// other kinds have none.
	Units []Unit
	// Policies are the ordered, conditional sets of objectives: the first
	// policy whose condition a ticket meets applies to it, and objectives
	// that name no policy apply when none does. Without policies every
	// objective applies.
	Policies []Policy
	// Objectives are the time and availability commitments. At most one
	// objective per policy, metric and scope.
	Objectives []Objective
	// Credits maps compliance to service credits; the zero value grants
	// none.
	Credits CreditPolicy
	// Clauses are the commitments that are not clocks: documentation,
	// staff, warranty, after-sales service.
	Clauses []Clause
}

// Agreement is a validated service-level agreement (ANS). It is immutable
// and safe for concurrent use. Build it with [NewAgreement] or decode it from
// JSON.
type Agreement struct {
	cfg   AgreementConfig
	units map[string]Unit
	obj   []compiled
	sel   selector
	// policies match tickets to cfg.Policies.
	policies *policySet
	// cals are the agreement's calendars in name order; compiled objectives
	// refer to them by index.
	cals     []*Calendar
	calNames []string
	// zones holds the calendars read in tickets' zones (ZoneRule).
	zones *zoneCache
	// patterns are the day patterns of the calendars business-day targets
	// count on, indexed like cals (nil for the others).
	patterns []*dayPattern
}

// compiled is an objective ready for evaluation.
type compiled struct {
	Objective
	cal timeCounter // the objective's calendar, for availability
	// calIdx is, per priority, the index in Agreement.cals of the calendar
	// the clock counts on; -1 for 24×7.
	calIdx  [Urgent + 1]int8
	targets [Urgent + 1]clockTarget
	atRisk  float64
	// pauses has bit r set when pause reason r stops the clock (for
	// OnHoldTime: when the clock counts waits for reason r).
	pauses uint8
	// policy is 1 + the index of the objective's policy, 0 for none.
	policy int
}

type clockTarget struct {
	d    int64 // time.Duration
	ok   bool
	days bool // the target is in business days: bd
	bd   BusinessDays
}

// NewAgreement validates cfg and returns the agreement. It reports every
// problem at once (errors.Join), each naming the field and the value and
// wrapping [ErrInvalidAgreement]. The agreement keeps a deep copy of cfg.
func NewAgreement(cfg AgreementConfig) (*Agreement, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidAgreement, "agreement %q: "+format, append([]any{cfg.Name}, args...)...))
	}
	if !cfg.Kind.IsValid() {
		bad("kind %s: want customer-based, service-based or multilevel", cfg.Kind)
	}
	switch {
	case !cfg.Type.IsValid():
		bad("type %s: want sla, ola or uc", cfg.Type)
	case cfg.Type != SLA && cfg.Party == "":
		bad("type %s: party empty: want the %s it binds", cfg.Type, map[AgreementType]string{OLA: "internal group", UC: "supplier"}[cfg.Type])
	case cfg.Type == SLA && cfg.Party != "":
		bad("party %q: only an ola or a uc binds a party, this agreement is an sla", cfg.Party)
	}
	for _, msg := range checkZones(cfg) {
		bad("%s", msg)
	}
	calNames := sortedKeys(cfg.Calendars)
	calIdx := make(map[string]int8, len(calNames))
	a := &Agreement{zones: &zoneCache{}}
	for _, name := range calNames {
		if name == "" {
			bad("calendar with an empty name (\"\" is the 24×7 clock)")
		}
		if cfg.Calendars[name] == nil {
			bad("calendar %q is nil", name)
		}
		if len(a.cals) == maxCalendars {
			bad("%d calendars: at most %d", len(calNames), maxCalendars)
			break
		}
		calIdx[name] = int8(len(a.cals))
		a.cals = append(a.cals, cfg.Calendars[name])
		a.calNames = append(a.calNames, name)
	}
	units, uerrs := checkUnits(cfg)
	errs = append(errs, uerrs...)
	a.units = units
	policyIdx := make(map[string]int, len(cfg.Policies))
	npred := 0
	for i, p := range cfg.Policies {
		for _, msg := range p.validate(i, policyIdx) {
			bad("%s", msg)
		}
		npred += len(p.When.All) + len(p.When.Any)
	}
	if npred > maxPredicates {
		bad("policies: %d predicates in all, at most %d", npred, maxPredicates)
	}
	errs = append(errs, a.compileObjectives(cfg, calIdx, policyIdx)...)
	if err := cfg.Credits.validate(); err != nil {
		errs = append(errs, err)
	}
	for i, cl := range cfg.Clauses {
		errs = append(errs, cl.validate(i)...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	a.cfg = cfg.clone()
	for i := range a.obj {
		a.cfg.Objectives[i] = a.obj[i].Objective.clone()
	}
	a.policies = compilePolicies(cfg.Policies)
	a.patterns = make([]*dayPattern, len(a.cals))
	for i := range a.obj {
		for p := range a.obj[i].targets {
			if j := a.obj[i].calIdx[p]; a.obj[i].targets[p].days && j >= 0 && a.patterns[j] == nil {
				a.patterns[j] = newDayPattern(a.cals[j])
			}
		}
	}
	a.sel = newSelector(a.obj, len(cfg.Policies))
	return a, nil
}

// defaultName is the name NewAgreement gives an objective without one: its
// metric, "@" and its scope when it has one, after its policy and "/" when
// it has one ("vip/resolution@acme").
func defaultName(o Objective) string {
	name := o.Metric.String()
	if o.Scope != "" {
		name += "@" + o.Scope
	}
	if o.Policy != "" {
		name = o.Policy + "/" + name
	}
	return name
}

// maxCalendars bounds the calendars of an agreement, so that an objective
// refers to one with a small index.
const maxCalendars = 127

// compileObjectives validates the objectives of cfg and compiles them into
// a.obj, returning every problem.
func (a *Agreement) compileObjectives(cfg AgreementConfig, calIdx map[string]int8, policyIdx map[string]int) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidAgreement, "agreement %q: "+format, append([]any{cfg.Name}, args...)...))
	}
	names := make(map[string]int, len(cfg.Objectives))
	byScope := make(map[scopeMetric]int, len(cfg.Objectives))
	for i, o := range cfg.Objectives {
		o = o.clone()
		if o.Name == "" {
			o.Name = defaultName(o)
		}
		for _, msg := range o.problems() {
			bad("objective %d (%s): %s", i+1, o.Name, msg)
		}
		if j, dup := names[o.Name]; dup {
			bad("objective %d: name %q already used by objective %d", i+1, o.Name, j+1)
		}
		names[o.Name] = i
		key := scopeMetric{o.Policy, o.Scope, o.Metric}
		// Availability objectives are asked for by name: several may share a
		// scope (the sla-calendar branch's rule, defect E).
		if j, dup := byScope[key]; dup && o.Metric != Availability {
			if o.Policy != "" {
				bad("objective %d (%s): policy %q, scope %q already has a %s objective (objective %d)", i+1, o.Name, o.Policy, o.Scope, o.Metric, j+1)
			} else {
				bad("objective %d (%s): scope %q already has a %s objective (objective %d)", i+1, o.Name, o.Scope, o.Metric, j+1)
			}
		}
		byScope[key] = i
		policy := 0
		if o.Policy != "" {
			if k, ok := policyIdx[o.Policy]; ok {
				policy = k + 1
			} else {
				bad("objective %d (%s): policy %q not defined", i+1, o.Name, o.Policy)
			}
		}
		if cfg.Kind == MultiLevel && o.Scope != "" {
			if _, ok := a.units[o.Scope]; !ok {
				bad("objective %d (%s): scope %q is not a unit", i+1, o.Name, o.Scope)
			}
		}
		c := compiled{Objective: o, cal: always{}, atRisk: o.AtRisk, pauses: o.pauseMask(), policy: policy}
		if c.atRisk == 0 {
			c.atRisk = DefaultAtRisk
		}
		idx := int8(-1)
		if o.Calendar != "" {
			j, ok := calIdx[o.Calendar]
			if !ok {
				bad("objective %d (%s): calendar %q not defined (have %s)", i+1, o.Name, o.Calendar, strings.Join(sortedKeys(cfg.Calendars), ", "))
			} else if cal := a.cals[j]; cal != nil {
				c.cal, idx = cal, j
			}
		}
		for p := range c.calIdx {
			c.calIdx[p] = idx
		}
		for _, p := range sortedKeysOf(o.PriorityCalendars) {
			name := o.PriorityCalendars[p]
			switch j, ok := calIdx[name]; {
			case !p.IsValid():
			case name == "":
				c.calIdx[p] = -1
			case !ok:
				bad("objective %d (%s): calendar %q for %s not defined (have %s)", i+1, o.Name, name, p, strings.Join(sortedKeys(cfg.Calendars), ", "))
			case a.cals[j] != nil:
				c.calIdx[p] = j
			}
		}
		for p, d := range o.Targets {
			if p.IsValid() {
				c.targets[p] = clockTarget{d: int64(d), ok: true}
			}
		}
		for p, b := range o.DayTargets {
			if p.IsValid() {
				c.targets[p] = clockTarget{ok: true, days: true, bd: b}
			}
		}
		a.obj = append(a.obj, c)
	}
	return errs
}

// MustAgreement is like [NewAgreement] but panics on error. Use it only for
// literals in programs and tests.
func MustAgreement(cfg AgreementConfig) *Agreement {
	a, err := NewAgreement(cfg)
	if err != nil {
		panic(err)
	}
	return a
}

// checkUnits validates the multilevel units: unique non-empty names,
// department or customer levels, existing parents, no cycles and strictly
// more general levels going up.
func checkUnits(cfg AgreementConfig) (map[string]Unit, []error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, errorf(ErrInvalidAgreement, "agreement %q: "+format, append([]any{cfg.Name}, args...)...))
	}
	if cfg.Kind != MultiLevel {
		if len(cfg.Units) > 0 && cfg.Kind.IsValid() {
			bad("units are only for multilevel agreements, this one is %s", cfg.Kind)
		}
		return nil, errs
	}
	units := make(map[string]Unit, len(cfg.Units))
	for i, u := range cfg.Units {
		switch {
		case u.Name == "":
			bad("unit %d: empty name (\"\" is the corporate level)", i+1)
			continue
		case u.Level == Corporate:
			bad("unit %d (%s): level corporate: the corporate level is the agreement itself (scope \"\"), not a unit", i+1, u.Name)
		case u.Level != Department && u.Level != Customer:
			bad("unit %d (%s): level %s: want department or customer", i+1, u.Name, u.Level)
		}
		if _, dup := units[u.Name]; dup {
			bad("unit %d: name %q used twice", i+1, u.Name)
			continue
		}
		units[u.Name] = u
	}
	for i, u := range cfg.Units {
		if units[u.Name] != u {
			continue // reported above
		}
		// Walk up the chain: detect missing parents and cycles.
		seen := map[string]bool{u.Name: true}
		path := []string{u.Name}
		cur := u
		for cur.Parent != "" {
			p, ok := units[cur.Parent]
			if !ok {
				bad("unit %d (%s): parent %q of %q is not a unit", i+1, u.Name, cur.Parent, cur.Name)
				break
			}
			path = append(path, p.Name)
			if seen[p.Name] {
				bad("unit %d (%s): cycle %s", i+1, u.Name, strings.Join(path, " → "))
				break
			}
			seen[p.Name] = true
			cur = p
		}
		if u.Parent != "" {
			if p, ok := units[u.Parent]; ok && p.Level >= u.Level && p.Name != u.Name {
				bad("unit %d (%s): duplicate level: a %s under a %s (%s); levels go customer → department → corporate", i+1, u.Name, u.Level, p.Level, p.Name)
			}
		}
	}
	return units, errs
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (c AgreementConfig) clone() AgreementConfig {
	out := c
	if c.Calendars != nil {
		out.Calendars = make(map[string]*Calendar, len(c.Calendars))
		for k, v := range c.Calendars {
			out.Calendars[k] = v
		}
	}
	out.Units = append([]Unit(nil), c.Units...)
	out.Policies = clonePolicies(c.Policies)
	if c.CustomerZones != nil {
		out.CustomerZones = make(map[string]string, len(c.CustomerZones))
		for k, v := range c.CustomerZones {
			out.CustomerZones[k] = v
		}
	}
	out.Objectives = make([]Objective, len(c.Objectives))
	for i, o := range c.Objectives {
		out.Objectives[i] = o.clone()
	}
	out.Credits = c.Credits.clone()
	out.Clauses = append([]Clause(nil), c.Clauses...)
	return out
}

// Config returns a deep copy of the agreement's configuration, with objective
// names filled in.
func (a *Agreement) Config() AgreementConfig { return a.cfg.clone() }

// Name returns the agreement's name.
func (a *Agreement) Name() string { return a.cfg.Name }

// Kind returns the agreement's kind.
func (a *Agreement) Kind() Kind { return a.cfg.Kind }

// Objectives returns a copy of the agreement's objectives, in configuration
// order.
func (a *Agreement) Objectives() []Objective {
	out := make([]Objective, len(a.cfg.Objectives))
	for i, o := range a.cfg.Objectives {
		out[i] = o.clone()
	}
	return out
}

// Objective returns the objective called name.
func (a *Agreement) Objective(name string) (Objective, bool) {
	i := a.index(name)
	if i < 0 {
		return Objective{}, false
	}
	return a.cfg.Objectives[i].clone(), true
}

func (a *Agreement) index(name string) int {
	for i := range a.obj {
		if a.obj[i].Name == name {
			return i
		}
	}
	return -1
}

// Credits returns the agreement's credit policy.
func (a *Agreement) Credits() CreditPolicy { return a.cfg.Credits.clone() }

// Clauses returns a copy of the agreement's clauses.
func (a *Agreement) Clauses() []Clause { return append([]Clause(nil), a.cfg.Clauses...) }

// chain returns the scopes that select objectives for a ticket with the
// given attributes, most specific first, each with the level it stands for,
// ending with the default "".
func (a *Agreement) chain(at *attrs, buf []scopeLevel) []scopeLevel {
	buf = buf[:0]
	switch a.cfg.Kind {
	case CustomerBased:
		if at.customer != "" {
			buf = append(buf, scopeLevel{at.customer, Customer})
		}
		if at.area != "" && at.area != at.customer {
			buf = append(buf, scopeLevel{at.area, Department})
		}
		return append(buf, scopeLevel{"", Corporate})
	case ServiceBased:
		if at.service != "" {
			buf = append(buf, scopeLevel{at.service, LevelUnknown})
		}
		return append(buf, scopeLevel{"", LevelUnknown})
	case MultiLevel:
		u, ok := a.units[at.customer]
		if !ok {
			u, ok = a.units[at.area]
		}
		for n := 0; ok && n <= len(a.units); n++ { // n bounds the walk; NewAgreement rejected cycles
			buf = append(buf, scopeLevel{u.Name, u.Level})
			if u.Parent == "" {
				break
			}
			u, ok = a.units[u.Parent]
		}
		return append(buf, scopeLevel{"", Corporate})
	}
	return buf
}

type scopeLevel struct {
	scope string
	level Level
}
