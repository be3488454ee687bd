package sla

// scopeMetric identifies the objective of one metric at one scope.
type scopeMetric struct {
	policy string
	scope  string
	metric Metric
}

// ticketMetrics are the metrics measured on ticket timelines, in the order
// evaluations list them.
var ticketMetrics = [...]Metric{FirstResponse, NextResponse, PeriodicUpdate, FirstResolution, Resolution,
	RequesterWait, AgentWork, OnHoldTime, GroupOwnership}

// numTicketMetrics is how many metrics a ticket can have clocks for.
const numTicketMetrics = len(ticketMetrics)

// selector finds the objective in force for a metric: a table indexed by
// policy, scope and metric slot, built once by NewAgreement so that the
// evaluation looks objectives up without hashing.
type selector struct {
	// slots are the ticket metrics the agreement has objectives for, in
	// evaluation order; a metric's slot is its index here.
	slots []Metric
	// scopeID numbers the scopes of ticket objectives; "" is 0.
	scopeID map[string]int32
	nScopes int
	// table[(policy*nScopes+scope)*len(slots)+slot] is the index of the
	// objective, or -1.
	table []int32
}

// newSelector indexes the ticket objectives of obj for an agreement with
// npolicies policies.
func newSelector(obj []compiled, npolicies int) selector {
	s := selector{scopeID: map[string]int32{"": 0}, nScopes: 1}
	var slotOf [GroupOwnership + 1]int
	for _, m := range ticketMetrics {
		for i := range obj {
			if obj[i].Metric == m {
				slotOf[m] = len(s.slots)
				s.slots = append(s.slots, m)
				break
			}
		}
	}
	for i := range obj {
		if !obj[i].Metric.IsTicket() {
			continue
		}
		if _, ok := s.scopeID[obj[i].Scope]; !ok {
			s.scopeID[obj[i].Scope] = int32(s.nScopes)
			s.nScopes++
		}
	}
	s.table = make([]int32, (npolicies+1)*s.nScopes*len(s.slots))
	for i := range s.table {
		s.table[i] = -1
	}
	for i := range obj {
		if obj[i].Metric.IsTicket() {
			s.table[(obj[i].policy*s.nScopes+int(s.scopeID[obj[i].Scope]))*len(s.slots)+slotOf[obj[i].Metric]] = int32(i)
		}
	}
	return s
}

// scopeRef is a scope of a ticket's chain resolved against the selector.
type scopeRef struct {
	id    int32 // -1 when no objective has this scope
	level Level
}

// resolve numbers the scopes of a chain; scopes no objective names get -1.
func (s *selector) resolve(chain []scopeLevel, buf []scopeRef) []scopeRef {
	buf = buf[:0]
	for _, sl := range chain {
		id := int32(0)
		if sl.scope != "" {
			var ok bool
			if id, ok = s.scopeID[sl.scope]; !ok {
				id = -1
			}
		}
		buf = append(buf, scopeRef{id, sl.level})
	}
	return buf
}

// pick is the choice of an objective for one metric.
type pick struct {
	obj   int32 // objective in force: the most specific with a target for the priority; -1 when none
	level Level // the level of obj's scope
	// any is the most specific objective of the metric whatever the
	// priority (-1 when none), and anyLevel its level: a clock with no
	// objective in force yet counts on its calendar.
	any      int32
	anyLevel Level
}

// lookup returns the objectives of the metric in slot for the chain and
// priority.
func (s *selector) lookup(obj []compiled, policy int, chain []scopeRef, slot int, p Priority) pick {
	pk := pick{obj: -1, any: -1}
	n := len(s.slots)
	for _, sc := range chain {
		if sc.id < 0 {
			continue
		}
		i := s.table[(policy*s.nScopes+int(sc.id))*n+slot]
		if i < 0 {
			continue
		}
		if pk.any < 0 {
			pk.any, pk.anyLevel = i, sc.level
		}
		if obj[i].targets[p].ok {
			pk.obj, pk.level = i, sc.level
			return pk
		}
	}
	return pk
}
