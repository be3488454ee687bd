package complaint

import "github.com/servuction/servuction/internal/enum"

// Outcome is the decision on a case (ISO 10002 "decision"). The zero value is
// [OutcomeUnknown].
type Outcome uint8

// The outcomes.
const (
	OutcomeUnknown Outcome = iota // not decided
	Upheld                        // procedente: the customer is right
	PartlyUpheld                  // parcialmente procedente
	Rejected                      // improcedente: denied, with justification and alternatives
)

var outcomeNames = enum.New("complaint: outcome", ErrInvalidValue,
	[]string{"unknown", "upheld", "partly-upheld", "rejected"},
	map[string]Outcome{
		"desconocido": OutcomeUnknown, "procedente": Upheld, "aceptado": Upheld, "accepted": Upheld,
		"parcialmente procedente": PartlyUpheld, "partially upheld": PartlyUpheld, "improcedente": Rejected,
		"rechazado": Rejected, "denegado": Rejected, "denied": Rejected,
	})

// ParseOutcome returns the outcome named s ("upheld", "improcedente", …).
func ParseOutcome(s string) (Outcome, error) { return outcomeNames.Parse(s) }

// String returns the outcome's English name.
func (o Outcome) String() string { return outcomeNames.String(o) }

// IsValid reports whether o is a defined outcome.
func (o Outcome) IsValid() bool { return outcomeNames.Valid(o) }

// MarshalText implements encoding.TextMarshaler.
func (o Outcome) MarshalText() ([]byte, error) { return outcomeNames.MarshalText(o) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseOutcome].
func (o *Outcome) UnmarshalText(text []byte) error { return outcomeNames.UnmarshalText(o, text) }

// Cause is the root cause recorded on resolution. The first five are the
// course notes' reasons a customer is lost (un cliente se pierde por:
// indiferencia, negligencia, abuso, olvidos, falta de preparación técnica);
// [ProductCause] and [ProcessCause] cover failures of the product or of a
// procedure rather than of a person. The zero value is [CauseUnknown].
type Cause uint8

// The causes.
const (
	CauseUnknown         Cause = iota // not recorded
	Indifference                      // indiferencia
	Negligence                        // negligencia
	Abuse                             // abuso
	Forgetfulness                     // olvidos
	LackOfTechnicalSkill              // falta de preparación técnica
	ProductCause                      // a defect of the product
	ProcessCause                      // a failure of a procedure or system
)

var causeNames = enum.New("complaint: cause", ErrInvalidValue,
	[]string{"unknown", "indifference", "negligence", "abuse", "forgetfulness", "lack-of-technical-skill", "product", "process"},
	map[string]Cause{
		"desconocida": CauseUnknown, "indiferencia": Indifference, "negligencia": Negligence, "neglicencia": Negligence,
		"abuso": Abuse, "olvidos": Forgetfulness, "olvido": Forgetfulness, "falta de preparación técnica": LackOfTechnicalSkill,
		"lack of technical preparation": LackOfTechnicalSkill, "producto": ProductCause, "proceso": ProcessCause,
	})

// Causes returns every defined cause except [CauseUnknown], in order.
func Causes() []Cause {
	return []Cause{Indifference, Negligence, Abuse, Forgetfulness, LackOfTechnicalSkill, ProductCause, ProcessCause}
}

// ParseCause returns the cause named s ("negligence", "olvidos", "falta de
// preparación técnica", …).
func ParseCause(s string) (Cause, error) { return causeNames.Parse(s) }

// String returns the cause's English name.
func (c Cause) String() string { return causeNames.String(c) }

// IsValid reports whether c is a defined cause.
func (c Cause) IsValid() bool { return causeNames.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c Cause) MarshalText() ([]byte, error) { return causeNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseCause].
func (c *Cause) UnmarshalText(text []byte) error { return causeNames.UnmarshalText(c, text) }

// Resolution is the decision recorded by a [Resolve] event.
type Resolution struct {
	Outcome Outcome `json:"outcome"`
	// Remedy is what the company does to put things right (refund, credit,
	// replacement). Required when a claim or another redress kind is upheld.
	Remedy string `json:"remedy,omitempty"`
	// Justification argues a rejection (denegar la petición: argumentar las
	// decisiones). Required when the outcome is [Rejected].
	Justification string `json:"justification,omitempty"`
	// Alternatives offered to the customer (ofrecer alternativas). At least one
	// is required when the outcome is [Rejected].
	Alternatives []string `json:"alternatives,omitempty"`
	// Cause is the root cause. Required when a complaint, claim, incident or
	// after-sales case is upheld or partly upheld.
	Cause Cause `json:"cause,omitzero"`
	// Callback says the customer must be called back before the case closes
	// (llama al cliente cuando lo amerite).
	Callback bool `json:"callback,omitempty"`
	// CustomerLost records that the customer was lost over the case; the cost
	// model counts it with the cause.
	CustomerLost bool `json:"customerLost,omitempty"`
}
