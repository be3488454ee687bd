package servicecycle

import "github.com/servuction/servuction/internal/enum"

// Side is one side of the service triangle (triángulo del servicio): the
// customer sits at the centre and strategy, people and systems turn around
// the customer's needs. The zero value is [SideUnknown].
type Side uint8

// The sides of the service triangle.
const (
	SideUnknown Side = iota // not recorded
	Strategy                // estrategia: the service promise and the tactics that fulfil it
	People                  // gente, colaboradores: everyone who works for the company
	Systems                 // sistemas: the ways the company runs the business
)

var sideNames = enum.New("servicecycle: side", ErrInvalidValue,
	[]string{"unknown", "strategy", "people", "systems"},
	map[string]Side{"desconocido": SideUnknown, "estrategia": Strategy, "estrategias": Strategy,
		"gente": People, "colaboradores": People, "personas": People, "staff": People,
		"sistemas": Systems, "sistema": Systems, "system": Systems})

// Sides returns the three sides of the triangle in order.
func Sides() []Side { return []Side{Strategy, People, Systems} }

// ParseSide returns the side named s ("people", "colaboradores", …).
func ParseSide(s string) (Side, error) { return sideNames.Parse(s) }

// String returns the side's English name.
func (s Side) String() string { return sideNames.String(s) }

// IsValid reports whether s is a defined side (including SideUnknown).
func (s Side) IsValid() bool { return sideNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Side) MarshalText() ([]byte, error) { return sideNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSide].
func (s *Side) UnmarshalText(text []byte) error { return sideNames.UnmarshalText(s, text) }

// SystemKind is one of the systems on the [Systems] side of the triangle. The
// zero value is [SystemUnknown].
type SystemKind uint8

// The systems of the course notes.
const (
	SystemUnknown      SystemKind = iota // not recorded, or not a systems score
	Managerial                           // sistema gerencial
	NormsAndProcedures                   // sistema de normas y procedimientos
	Technical                            // sistema técnico
	Human                                // sistema humano
)

var systemNames = enum.New("servicecycle: system kind", ErrInvalidValue,
	[]string{"unknown", "managerial", "norms-and-procedures", "technical", "human"},
	map[string]SystemKind{"desconocido": SystemUnknown, "gerencial": Managerial, "sistema gerencial": Managerial,
		"management": Managerial, "normas y procedimientos": NormsAndProcedures, "normas": NormsAndProcedures,
		"procedimientos": NormsAndProcedures, "procedures": NormsAndProcedures,
		"sistema de normas y procedimientos": NormsAndProcedures,
		"técnico":                            Technical, "sistema técnico": Technical, "technology": Technical,
		"humano": Human, "sistema humano": Human})

// SystemKinds returns the four systems in order.
func SystemKinds() []SystemKind {
	return []SystemKind{Managerial, NormsAndProcedures, Technical, Human}
}

// ParseSystemKind returns the system named s ("technical", "normas y procedimientos", …).
func ParseSystemKind(s string) (SystemKind, error) { return systemNames.Parse(s) }

// String returns the system's English name.
func (k SystemKind) String() string { return systemNames.String(k) }

// IsValid reports whether k is a defined system kind (including SystemUnknown).
func (k SystemKind) IsValid() bool { return systemNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k SystemKind) MarshalText() ([]byte, error) { return systemNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSystemKind].
func (k *SystemKind) UnmarshalText(text []byte) error { return systemNames.UnmarshalText(k, text) }

// Perspective is whose view a triangle score gives: congruence (congruencia)
// asks that the customer's and the employee's frames of reference agree, and
// both agree with the service context. The zero value is [PerspectiveUnknown].
type Perspective uint8

// The perspectives compared by [Congruence].
const (
	PerspectiveUnknown Perspective = iota // not recorded
	CustomerView                          // el cliente
	EmployeeView                          // el empleado, colaborador
	ContextView                           // el contexto del servicio (an audit of premises, equipment, materials)
)

var perspectiveNames = enum.New("servicecycle: perspective", ErrInvalidValue,
	[]string{"unknown", "customer", "employee", "context"},
	map[string]Perspective{"desconocido": PerspectiveUnknown, "cliente": CustomerView,
		"empleado": EmployeeView, "colaborador": EmployeeView, "staff": EmployeeView,
		"contexto": ContextView, "contexto del servicio": ContextView, "service context": ContextView})

// Perspectives returns the three perspectives in order.
func Perspectives() []Perspective { return []Perspective{CustomerView, EmployeeView, ContextView} }

// ParsePerspective returns the perspective named s ("customer", "empleado", …).
func ParsePerspective(s string) (Perspective, error) { return perspectiveNames.Parse(s) }

// String returns the perspective's English name.
func (p Perspective) String() string { return perspectiveNames.String(p) }

// IsValid reports whether p is a defined perspective (including PerspectiveUnknown).
func (p Perspective) IsValid() bool { return perspectiveNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Perspective) MarshalText() ([]byte, error) { return perspectiveNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParsePerspective].
func (p *Perspective) UnmarshalText(text []byte) error {
	return perspectiveNames.UnmarshalText(p, text)
}

// Stage is a moment of the consumer (momentos del consumidor). The zero value
// is [StageUnknown]: a moment that is not placed on the consumer's path.
type Stage uint8

// The consumer's moments of the course notes, in the order the customer lives them.
const (
	StageUnknown  Stage = iota // not placed
	Need                       // momento de necesidad: the customer realises something must be solved
	Research                   // momento de investigación: looks into the problem and its solutions
	Choice                     // momento de elección: has the information to choose
	Purchase                   // momento de compra: receives the product or service
	AfterPurchase              // momento después de la compra: the conditions of the purchase are met
	Reaction                   // momento de reacción: if satisfied, says so (recommends)
)

var stageNames = enum.New("servicecycle: stage", ErrInvalidValue,
	[]string{"unknown", "need", "research", "choice", "purchase", "after-purchase", "reaction"},
	map[string]Stage{"desconocido": StageUnknown, "necesidad": Need, "momento de necesidad": Need,
		"investigación": Research, "momento de investigación": Research, "elección": Choice,
		"momento de elección": Choice, "compra": Purchase, "momento de compra": Purchase,
		"después de la compra": AfterPurchase, "momento después de la compra": AfterPurchase,
		"postcompra": AfterPurchase, "post-purchase": AfterPurchase, "postventa": AfterPurchase,
		"reacción": Reaction, "momento de reacción": Reaction})

// Stages returns the consumer's six stages in order.
func Stages() []Stage { return []Stage{Need, Research, Choice, Purchase, AfterPurchase, Reaction} }

// ParseStage returns the stage named s ("after-purchase", "después de la compra", …).
func ParseStage(s string) (Stage, error) { return stageNames.Parse(s) }

// String returns the stage's English name.
func (s Stage) String() string { return stageNames.String(s) }

// IsValid reports whether s is a defined stage (including StageUnknown).
func (s Stage) IsValid() bool { return stageNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Stage) MarshalText() ([]byte, error) { return stageNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStage].
func (s *Stage) UnmarshalText(text []byte) error { return stageNames.UnmarshalText(s, text) }

// AttentionStep is a step of the attention process (proceso de atención al
// cliente). The zero value is [StepUnknown].
type AttentionStep uint8

// The steps of the attention process, in order.
const (
	StepUnknown AttentionStep = iota // not placed
	Welcome                          // acogida: greet, set a positive climate, offer help
	Wait                             // espera: the customer waits to be served
	Handling                         // gestión: listen, find out the needs, inform, act and solve
	FollowUp                         // seguimiento: show empathy, follow the case
	Farewell                         // despedida: check that the customer is satisfied, keep a positive climate
)

var stepNames = enum.New("servicecycle: attention step", ErrInvalidValue,
	[]string{"unknown", "welcome", "wait", "handling", "follow-up", "farewell"},
	map[string]AttentionStep{"desconocido": StepUnknown, "acogida": Welcome, "bienvenida": Welcome,
		"greeting": Welcome, "espera": Wait, "waiting": Wait, "gestión": Handling, "handle": Handling,
		"seguimiento": FollowUp, "despedida": Farewell, "goodbye": Farewell})

// AttentionSteps returns the five steps of the attention process in order.
func AttentionSteps() []AttentionStep {
	return []AttentionStep{Welcome, Wait, Handling, FollowUp, Farewell}
}

// ParseAttentionStep returns the step named s ("follow-up", "acogida", …).
func ParseAttentionStep(s string) (AttentionStep, error) { return stepNames.Parse(s) }

// String returns the step's English name.
func (s AttentionStep) String() string { return stepNames.String(s) }

// IsValid reports whether s is a defined step (including StepUnknown).
func (s AttentionStep) IsValid() bool { return stepNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s AttentionStep) MarshalText() ([]byte, error) { return stepNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseAttentionStep].
func (s *AttentionStep) UnmarshalText(text []byte) error { return stepNames.UnmarshalText(s, text) }

// Protocol is the type of protocol (tipo de protocolo) a moment's standard
// follows. The zero value is [ProtocolUnknown]: no protocol named.
type Protocol uint8

// The types of protocol of the course notes.
const (
	ProtocolUnknown   Protocol = iota // none named
	Structural                        // protocolo estructural: the structures an act needs, before any formality
	Management                        // protocolo de gestión: controls and conducts every action
	PersonalAttention                 // protocolo de atención o asesoramiento personal: the complete attention of the customer
)

var protocolNames = enum.New("servicecycle: protocol", ErrInvalidValue,
	[]string{"unknown", "structural", "management", "personal-attention"},
	map[string]Protocol{"desconocido": ProtocolUnknown, "estructural": Structural,
		"protocolo estructural": Structural, "gestión": Management, "protocolo de gestión": Management,
		"atención personal": PersonalAttention, "asesoramiento personal": PersonalAttention,
		"protocolo de atención": PersonalAttention, "atención o asesoramiento personal": PersonalAttention,
		"protocolo de atención o asesoramiento personal": PersonalAttention, "personal": PersonalAttention})

// Protocols returns the three types of protocol in order.
func Protocols() []Protocol { return []Protocol{Structural, Management, PersonalAttention} }

// ParseProtocol returns the protocol type named s ("structural", "gestión", …).
func ParseProtocol(s string) (Protocol, error) { return protocolNames.Parse(s) }

// String returns the protocol type's English name.
func (p Protocol) String() string { return protocolNames.String(p) }

// IsValid reports whether p is a defined protocol type (including ProtocolUnknown).
func (p Protocol) IsValid() bool { return protocolNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Protocol) MarshalText() ([]byte, error) { return protocolNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseProtocol].
func (p *Protocol) UnmarshalText(text []byte) error { return protocolNames.UnmarshalText(p, text) }
