package sla

import (
	"fmt"
	"strings"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
)

// Policy is a named set of an agreement's objectives that applies to the
// tickets its condition selects, as a Zendesk SLA policy, a Jira Service
// Management goal's JQL or a ServiceNow SLA definition's start condition.
// An agreement's policies are ordered and the first whose condition the
// ticket meets applies (policy position); objectives that name no policy
// apply when none does. See [Agreement.Evaluate] for what happens when a
// ticket's attributes change mid-ticket.
//
// In JSON:
//
//	{"name": "vip", "when": {"all": [{"attribute": "tags", "op": "includes", "values": ["vip"]}]}}
type Policy struct {
	// Name identifies the policy; objectives name it in their Policy field.
	Name string `json:"name"`
	// When selects the tickets; the zero Condition selects every ticket.
	When Condition `json:"when"`
}

// Condition is a test on a ticket's attributes: every predicate of All
// holds and, when Any is not empty, at least one predicate of Any holds.
// The zero Condition holds for every ticket.
type Condition struct {
	All []Predicate `json:"all,omitempty"`
	Any []Predicate `json:"any,omitempty"`
}

// Predicate is one test of a [Condition] on one attribute:
//
//   - [Is]: the attribute's value is one of Values ("" stands for an empty
//     attribute, such as an unassigned group);
//   - [IsNot]: it is none of them;
//   - [Includes], [IncludesAll], [Excludes]: for [AttrTags] only, the ticket
//     has at least one, all, or none of the tags in Values.
//
// Values compare exactly, except channels, which are parsed with
// [servuction.ParseChannel] ("correo" is "email").
type Predicate struct {
	Attribute Attribute `json:"attribute"`
	Op        Operator  `json:"op"`
	Values    []string  `json:"values"`
}

// Operator is how a [Predicate] compares an attribute with its values.
type Operator uint8

// The operators of a predicate. The zero value [OperatorUnknown] is invalid.
const (
	OperatorUnknown Operator = iota // not set
	Is                              // es: the value is one of the values
	IsNot                           // no es: the value is none of the values
	Includes                        // incluye: the tags include at least one of the values
	IncludesAll                     // incluye todas: the tags include every value
	Excludes                        // excluye: the tags include none of the values
)

var operatorNames = enum.New("sla: operator", ErrUnknownName,
	[]string{"unknown", "is", "is-not", "includes", "includes-all", "excludes"},
	map[string]Operator{
		"desconocido": OperatorUnknown, "es": Is, "in": Is, "equals": Is, "=": Is,
		"no es": IsNot, "not in": IsNot, "!=": IsNot,
		"incluye": Includes, "has any": Includes, "contains": Includes,
		"incluye todas": IncludesAll, "has all": IncludesAll,
		"excluye": Excludes, "not includes": Excludes, "has none": Excludes,
	})

// ParseOperator returns the operator named s: "is", "is-not", "includes",
// "includes-all", "excludes", or the Spanish "es", "no es", "incluye",
// "incluye todas", "excluye".
func ParseOperator(s string) (Operator, error) { return operatorNames.Parse(s) }

// String returns the operator's English name, e.g. "is-not".
func (o Operator) String() string { return operatorNames.String(o) }

// IsValid reports whether o is a defined operator other than
// [OperatorUnknown].
func (o Operator) IsValid() bool { return o != OperatorUnknown && operatorNames.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o Operator) MarshalText() ([]byte, error) { return operatorNames.MarshalText(o) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseOperator].
func (o *Operator) UnmarshalText(text []byte) error { return operatorNames.UnmarshalText(o, text) }

// Matches reports whether a ticket with the attributes of t at opening
// meets the condition.
func (c Condition) Matches(t Ticket) bool {
	at := attrsOf(&t)
	for _, p := range c.All {
		if !p.holds(&at) {
			return false
		}
	}
	if len(c.Any) == 0 {
		return true
	}
	for _, p := range c.Any {
		if p.holds(&at) {
			return true
		}
	}
	return false
}

// holds evaluates the predicate directly, the reference the compiled
// policies are tested against.
func (p Predicate) holds(at *attrs) bool {
	if p.Attribute == AttrTags {
		n := 0
		for _, v := range p.Values {
			if hasString(at.tags, v) {
				n++
			}
		}
		switch p.Op {
		case Includes:
			return n > 0
		case IncludesAll:
			return n == len(p.Values)
		case Excludes:
			return n == 0
		}
		return false
	}
	v := at.value(p.Attribute)
	in := false
	for _, w := range p.Values {
		if p.Attribute == AttrChannel {
			if ch, err := servuction.ParseChannel(w); err == nil && ch.String() == v {
				in = true
			}
		} else if w == v {
			in = true
		}
	}
	switch p.Op {
	case Is:
		return in
	case IsNot:
		return !in
	}
	return false
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// value returns the value of a single-valued attribute, the channel by its
// canonical name.
func (at *attrs) value(a Attribute) string {
	switch a {
	case AttrChannel:
		return at.channel.String()
	case AttrRequestKind:
		return at.kind
	case AttrGroup:
		return at.group
	case AttrCustomer:
		return at.customer
	case AttrArea:
		return at.area
	case AttrService:
		return at.service
	case AttrSupplier:
		return at.supplier
	case AttrTimeZone:
		return at.zone
	}
	return ""
}

// validate returns the problems of policy i (1-based in messages).
func (p Policy) validate(i int, seen map[string]int) []string {
	var probs []string
	bad := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }
	switch j, dup := seen[p.Name]; {
	case p.Name == "":
		bad("policy %d: empty name", i+1)
	case dup:
		bad("policy %d: name %q already used by policy %d", i+1, p.Name, j+1)
	}
	seen[p.Name] = i
	for part, preds := range [2][]Predicate{p.When.All, p.When.Any} {
		for k, pr := range preds {
			if msg := pr.problem(); msg != "" {
				bad("policy %d (%s): %s %d: %s", i+1, p.Name, [2]string{"all", "any"}[part], k+1, msg)
			}
		}
	}
	return probs
}

// problem returns what is wrong with the predicate, or "".
func (p Predicate) problem() string {
	switch {
	case !p.Attribute.IsValid():
		return fmt.Sprintf("attribute %s: want one of %s", p.Attribute, strings.Join(attributeNames.Names()[1:], ", "))
	case !p.Op.IsValid():
		return fmt.Sprintf("operator %s: want is, is-not, includes, includes-all or excludes", p.Op)
	case p.Attribute == AttrTags && (p.Op == Is || p.Op == IsNot):
		return fmt.Sprintf("operator %s on tags: want includes, includes-all or excludes", p.Op)
	case p.Attribute != AttrTags && p.Op != Is && p.Op != IsNot:
		return fmt.Sprintf("operator %s on %s: want is or is-not (the others are for tags)", p.Op, p.Attribute)
	case len(p.Values) == 0:
		return "no values"
	}
	for k, v := range p.Values {
		if p.Attribute == AttrChannel {
			if _, err := servuction.ParseChannel(v); err != nil {
				return fmt.Sprintf("value %d %q: want a channel (%s)", k+1, v, channelList())
			}
		}
	}
	return ""
}

// policySet is the agreement's policies compiled for fast matching. Every
// predicate gets a bit; for the ticket's attributes, the set of predicates
// that hold is built with one map lookup per attribute value (and per tag),
// and a policy matches when its All bits are all set and, when it has Any
// bits, one of them is.
type policySet struct {
	n     int // predicates
	words int // uint64 words per bit set
	// byValue holds, per attribute, the rows of the value table: row r has
	// the bits of the predicates a value sets (is, includes) and of those it
	// clears (is-not, excludes) when the ticket has it.
	byValue [AttrTimeZone + 1]map[string]int32
	set     []uint64 // rows × words: predicates the value makes true
	clear   []uint64 // rows × words: predicates the value makes false
	// negated holds, per attribute, the predicates true unless a value
	// clears them (is-not, excludes).
	negated [AttrTimeZone + 1][]uint64
	used    [AttrTimeZone + 1]bool
	// all and any are the masks of each policy, words each.
	all, any []uint64
	hasAny   []bool
	// first is the bit of each policy's first All predicate, -1 when it
	// has none: most policies fail on it, with one test.
	first []int32
	// every lists the includes-all predicates, evaluated one by one.
	every []everyPred
}

type everyPred struct {
	bit    int
	values []string
}

// maxPredicates bounds the predicates of an agreement's policies, so that
// matching fits in a fixed bit set on the stack.
const maxPredicates = 1024

const maxPolicyWords = maxPredicates / 64

// compilePolicies indexes the predicates of valid policies.
func compilePolicies(ps []Policy) *policySet {
	s := &policySet{}
	for _, p := range ps {
		s.n += len(p.When.All) + len(p.When.Any)
	}
	s.words = max(1, (s.n+63)/64)
	s.all = make([]uint64, len(ps)*s.words)
	s.any = make([]uint64, len(ps)*s.words)
	s.hasAny = make([]bool, len(ps))
	s.first = make([]int32, len(ps))
	bit := 0
	for i, p := range ps {
		s.first[i] = -1
		if len(p.When.All) > 0 {
			s.first[i] = int32(bit)
		}
		for part, preds := range [2][]Predicate{p.When.All, p.When.Any} {
			mask := s.all
			if part == 1 {
				mask, s.hasAny[i] = s.any, len(preds) > 0
			}
			for _, pr := range preds {
				mask[i*s.words+bit/64] |= 1 << (bit % 64)
				s.index(pr, bit)
				bit++
			}
		}
	}
	return s
}

// index records predicate pr as bit b.
func (s *policySet) index(pr Predicate, b int) {
	a := pr.Attribute
	s.used[a] = true
	if pr.Op == IncludesAll {
		s.every = append(s.every, everyPred{b, pr.Values})
		return
	}
	negated := pr.Op == IsNot || pr.Op == Excludes
	if negated {
		if s.negated[a] == nil {
			s.negated[a] = make([]uint64, s.words)
		}
		s.negated[a][b/64] |= 1 << (b % 64)
	}
	for _, v := range pr.Values {
		if a == AttrChannel {
			ch, _ := servuction.ParseChannel(v) // validated
			v = ch.String()
		}
		row := s.row(a, v)
		if negated {
			s.clear[int(row)*s.words+b/64] |= 1 << (b % 64)
		} else {
			s.set[int(row)*s.words+b/64] |= 1 << (b % 64)
		}
	}
}

// row returns the row of value v of attribute a, adding it when new.
func (s *policySet) row(a Attribute, v string) int32 {
	if s.byValue[a] == nil {
		s.byValue[a] = map[string]int32{}
	}
	r, ok := s.byValue[a][v]
	if !ok {
		r = int32(len(s.set) / s.words)
		s.byValue[a][v] = r
		s.set = append(s.set, make([]uint64, s.words)...)
		s.clear = append(s.clear, make([]uint64, s.words)...)
	}
	return r
}

// match returns the index of the first policy the attributes meet, or -1.
func (s *policySet) match(at *attrs) int {
	var holds, cleared [maxPolicyWords]uint64
	w := s.words
	for a := AttrChannel; a <= AttrTimeZone; a++ {
		if !s.used[a] {
			continue
		}
		if neg := s.negated[a]; neg != nil {
			for k := 0; k < w; k++ {
				holds[k] |= neg[k]
			}
		}
		if a == AttrTags {
			for _, tag := range at.tags {
				s.apply(a, tag, &holds, &cleared)
			}
			continue
		}
		s.apply(a, at.value(a), &holds, &cleared)
	}
	for k := 0; k < w; k++ {
		holds[k] &^= cleared[k]
	}
	for _, e := range s.every {
		ok := true
		for _, v := range e.values {
			if !hasString(at.tags, v) {
				ok = false
				break
			}
		}
		if ok {
			holds[e.bit/64] |= 1 << (e.bit % 64)
		}
	}
	for i, f := range s.first {
		if f >= 0 && holds[f>>6]&(1<<(f&63)) == 0 {
			continue
		}
		if s.meets(i, &holds) {
			return i
		}
	}
	return -1
}

// apply adds what value v of attribute a makes true and false.
func (s *policySet) apply(a Attribute, v string, holds, cleared *[maxPolicyWords]uint64) {
	r, ok := s.byValue[a][v]
	if !ok {
		return
	}
	w := s.words
	set, clr := s.set[int(r)*w:int(r+1)*w], s.clear[int(r)*w:int(r+1)*w]
	for k := 0; k < w; k++ {
		holds[k] |= set[k]
		cleared[k] |= clr[k]
	}
}

// meets reports whether policy i's masks hold.
func (s *policySet) meets(i int, holds *[maxPolicyWords]uint64) bool {
	w := s.words
	all, any := s.all[i*w:(i+1)*w], s.any[i*w:(i+1)*w]
	hit := !s.hasAny[i]
	for k := 0; k < w; k++ {
		if all[k]&^holds[k] != 0 {
			return false
		}
		if any[k]&holds[k] != 0 {
			hit = true
		}
	}
	return hit
}

func clonePolicies(ps []Policy) []Policy {
	if ps == nil {
		return nil
	}
	out := make([]Policy, len(ps))
	for i, p := range ps {
		out[i] = Policy{Name: p.Name, When: Condition{All: clonePreds(p.When.All), Any: clonePreds(p.When.Any)}}
	}
	return out
}

func clonePreds(ps []Predicate) []Predicate {
	if ps == nil {
		return nil
	}
	out := make([]Predicate, len(ps))
	for i, p := range ps {
		out[i] = Predicate{Attribute: p.Attribute, Op: p.Op, Values: append([]string(nil), p.Values...)}
	}
	return out
}

// Policies returns a copy of the agreement's policies, in order.
func (a *Agreement) Policies() []Policy { return clonePolicies(a.cfg.Policies) }
