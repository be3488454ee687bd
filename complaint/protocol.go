package complaint

import (
	"fmt"
	"slices"

	"github.com/servuction/servuction/internal/enum"
)

// Protocol is one of the course notes' protocols for relating with customers
// (protocolos de relación con los clientes). An agent completes its steps as a
// [Checklist] recorded on the case. The zero value is [ProtocolUnknown].
type Protocol uint8

// The protocols.
const (
	ProtocolUnknown Protocol = iota // not set
	// CriticismForError: crítica por algún error.
	CriticismForError
	// DenyingRequest: denegar la petición, with the broken-record technique
	// (técnica del disco rayado).
	DenyingRequest
	// ComprehensionProblems: problemas de comprensión.
	ComprehensionProblems
)

var protocolNames = enum.New("complaint: protocol", ErrInvalidValue,
	[]string{"unknown", "criticism-for-error", "denying-request", "comprehension-problems"},
	map[string]Protocol{"desconocido": ProtocolUnknown, "crítica por algún error": CriticismForError,
		"crítica por un error": CriticismForError, "crítica": CriticismForError, "criticism": CriticismForError,
		"denegar la petición": DenyingRequest, "denegación": DenyingRequest, "denial": DenyingRequest,
		"problemas de comprensión": ComprehensionProblems, "comprehension": ComprehensionProblems})

// Protocols returns the defined protocols except [ProtocolUnknown].
func Protocols() []Protocol {
	return []Protocol{CriticismForError, DenyingRequest, ComprehensionProblems}
}

// ParseProtocol returns the protocol named s ("denying-request", "denegar la
// petición", …).
func ParseProtocol(s string) (Protocol, error) { return protocolNames.Parse(s) }

// String returns the protocol's English name.
func (p Protocol) String() string { return protocolNames.String(p) }

// IsValid reports whether p is a defined protocol.
func (p Protocol) IsValid() bool { return protocolNames.Valid(p) }

// MarshalText implements encoding.TextMarshaler.
func (p Protocol) MarshalText() ([]byte, error) { return protocolNames.MarshalText(p) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseProtocol].
func (p *Protocol) UnmarshalText(text []byte) error { return protocolNames.UnmarshalText(p, text) }

// Step is one step of a protocol, in English and in the course notes'
// Spanish.
type Step struct {
	English, Spanish string
}

var protocolSteps = [...][]Step{
	CriticismForError: {
		{"If the customer is right, own the error and apologise", "Asumir el error y disculparse si el cliente tiene razón"},
		{"Do not justify or explain away the error", "No justificar o explicar los motivos de un error"},
		{"State the will to improve", "Manifestar la voluntad de mejorar"},
		{"Do not blame colleagues", "No atribuir a compañeros"},
		{"Let the customer say everything they need to", "Procurar que el cliente pueda expresar todo lo que significa"},
		{"If the customer is wrong, do not argue: listen and give the company's view", "Si el cliente no tiene la razón, no discutir los argumentos, escucharlos y aportar el punto de vista de la empresa"},
		{"Listen actively and summarise", "Escuchar activamente y resumir su contenido"},
		{"Always close by thanking the customer", "Despedir siempre agradeciendo la colaboración"},
	},
	DenyingRequest: {
		{"Be ready for a negative reaction and keep calm", "Estar preparados para una reacción negativa y mantener la calma"},
		{"Offer alternatives", "Ofrecer alternativas"},
		{"Listen to the replies", "Escuchar las réplicas"},
		{"If the customer does not accept the denial, use the broken-record technique", "Si el cliente no acepta la denegación, utilizar la técnica del disco rayado"},
		{"Argue the decisions", "Argumentar las decisiones"},
		{"Give information about the product or service", "Transmitir información sobre el producto o servicio"},
	},
	ComprehensionProblems: {
		{"If the customer does not understand us: simplify, avoid jargon, give examples", "Si el cliente no nos entiende, simplificar el mensaje, evitar tecnicismos y poner ejemplos"},
		{"If we do not understand the customer: summarise what we understood and ask about the rest", "Si no entendemos al cliente, resumir lo que hayamos entendido y hacer preguntas para aclarar el resto"},
		{"Do not blame the customer, ourselves, or poor listening or explaining", "Evitar responsabilizar al cliente, a nosotros o a deficiencias de escucha o de explicación"},
		{"Confirm the customer's message was understood, and ours", "Confirmar que se ha entendido el mensaje del cliente y el cliente el nuestro"},
	},
}

// Steps returns the protocol's steps, in the course notes' order (nil for an
// undefined protocol).
func (p Protocol) Steps() []Step {
	if p == ProtocolUnknown || !p.IsValid() {
		return nil
	}
	return slices.Clone(protocolSteps[p])
}

// Checklist is a protocol as completed by an agent for a case: Done[i] says
// step i of [Protocol.Steps] was followed.
type Checklist struct {
	Protocol Protocol `json:"protocol"`
	Done     []bool   `json:"done"`
	Comment  string   `json:"comment,omitempty"`
}

// NewChecklist returns the checklist of p with the steps at the given
// 0-based indexes done.
func NewChecklist(p Protocol, done ...int) (Checklist, error) {
	c := Checklist{Protocol: p, Done: make([]bool, len(p.Steps()))}
	if err := c.Validate(); err != nil {
		return Checklist{}, err
	}
	for _, i := range done {
		if i < 0 || i >= len(c.Done) {
			return Checklist{}, fmt.Errorf("complaint: checklist %s: step %d out of range 0..%d: %w", p, i, len(c.Done)-1, ErrInvalidValue)
		}
		c.Done[i] = true
	}
	return c, nil
}

// Validate checks the protocol and that Done has one flag per step.
func (c Checklist) Validate() error {
	if c.Protocol == ProtocolUnknown || !c.Protocol.IsValid() {
		return fmt.Errorf("complaint: checklist: protocol %s is not defined: %w", c.Protocol, ErrInvalidValue)
	}
	if n := len(protocolSteps[c.Protocol]); len(c.Done) != n {
		return fmt.Errorf("complaint: checklist %s: %d flags, want %d: %w", c.Protocol, len(c.Done), n, ErrInvalidValue)
	}
	return nil
}

// Completion returns the share of steps done, in [0, 1].
func (c Checklist) Completion() float64 {
	if len(c.Done) == 0 {
		return 0
	}
	n := 0
	for _, d := range c.Done {
		if d {
			n++
		}
	}
	return float64(n) / float64(len(c.Done))
}

// Missing returns the steps not done, in order.
func (c Checklist) Missing() []Step {
	steps := c.Protocol.Steps()
	var out []Step
	for i, d := range c.Done {
		if !d && i < len(steps) {
			out = append(out, steps[i])
		}
	}
	return out
}

func (c Checklist) clone() Checklist {
	c.Done = slices.Clone(c.Done)
	return c
}
