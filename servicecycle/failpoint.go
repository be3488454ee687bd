package servicecycle

import "github.com/servuction/servuction/internal/enum"

// FailPoint is an observable failure an encounter can carry: one of the course
// notes' errors in customer service (errores en el servicio al cliente) or
// difficulties in attention (dificultades en la atención al cliente). The
// analysis counts them per moment. The zero value is [FailUnknown], which an
// encounter may not carry.
//
// Indifference appears in both lists of the notes ("indiferencia y falta de
// interés" among the errors, "indiferencia" among the difficulties) and is one
// value here; [FailPoint.IsServiceError] and [FailPoint.IsDifficulty] both
// report true for it.
type FailPoint uint8

// The fail points of the course notes.
const (
	FailUnknown FailPoint = iota // not a fail point

	// Errors in customer service.
	OnlySalesFriendly   // que solo los de ventas sean amables
	PoorImageOrProtocol // mala imagen y protocolo para dirigirse al cliente
	Indifference        // indiferencia y falta de interés (also a difficulty)
	DeniedSolution      // negar soluciones por ignorancia o pereza
	DodgedQuestion      // evadir preguntas
	OfferedOnlyAsked    // ofrecer sólo lo que el cliente solicita
	ObsoleteTools       // herramientas obsoletas y fallas constantes
	WaitNotAcknowledged // no hacer ver a los clientes presenciales que serán atendidos con prontitud

	// Difficulties in attention.
	Unavailability  // falta de disponibilidad
	Automatism      // automatismo
	Apathy          // apatía
	Prejudice       // prejuicio
	BlamingCustomer // culpabilización del cliente
	Victimism       // victimismo

	failPointCount // number of values, for arrays indexed by FailPoint
)

var failNames = enum.New("servicecycle: fail point", ErrInvalidValue,
	[]string{"unknown", "only-sales-friendly", "poor-image-or-protocol", "indifference", "denied-solution",
		"dodged-question", "offered-only-asked", "obsolete-tools", "wait-not-acknowledged",
		"unavailability", "automatism", "apathy", "prejudice", "blaming-customer", "victimism"},
	map[string]FailPoint{"desconocido": FailUnknown,
		"solo los de ventas son amables": OnlySalesFriendly, "solo ventas amables": OnlySalesFriendly,
		"mala imagen y protocolo": PoorImageOrProtocol, "mala imagen": PoorImageOrProtocol, "poor image": PoorImageOrProtocol,
		"indiferencia": Indifference, "falta de interés": Indifference, "indiferencia y falta de interés": Indifference,
		"negar soluciones": DeniedSolution, "negar soluciones por ignorancia o pereza": DeniedSolution,
		"evadir preguntas": DodgedQuestion, "dodging questions": DodgedQuestion,
		"ofrecer sólo lo que el cliente solicita": OfferedOnlyAsked, "ofrecer solo lo solicitado": OfferedOnlyAsked,
		"herramientas obsoletas": ObsoleteTools, "fallas constantes": ObsoleteTools,
		"no mostrar que serán atendidos": WaitNotAcknowledged, "espera no reconocida": WaitNotAcknowledged,
		"falta de disponibilidad": Unavailability, "automatismo": Automatism, "apatía": Apathy,
		"prejuicio": Prejudice, "culpabilización del cliente": BlamingCustomer,
		"culpabilizar al cliente": BlamingCustomer, "blaming the customer": BlamingCustomer,
		"victimismo": Victimism})

// FailPoints returns every defined fail point except [FailUnknown], in order.
func FailPoints() []FailPoint {
	out := make([]FailPoint, 0, failPointCount-1)
	for f := FailPoint(1); f < failPointCount; f++ {
		out = append(out, f)
	}
	return out
}

// ParseFailPoint returns the fail point named s ("indifference", "apatía", …).
func ParseFailPoint(s string) (FailPoint, error) { return failNames.Parse(s) }

// String returns the fail point's English name.
func (f FailPoint) String() string { return failNames.String(f) }

// IsValid reports whether f is a defined fail point (including FailUnknown).
func (f FailPoint) IsValid() bool { return failNames.Valid(f) }

// IsServiceError reports whether f is one of the errors in customer service.
func (f FailPoint) IsServiceError() bool { return f >= OnlySalesFriendly && f <= WaitNotAcknowledged }

// IsDifficulty reports whether f is one of the difficulties in attention.
func (f FailPoint) IsDifficulty() bool {
	return f == Indifference || (f >= Unavailability && f < failPointCount)
}

// MarshalText implements encoding.TextMarshaler.
func (f FailPoint) MarshalText() ([]byte, error) { return failNames.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseFailPoint].
func (f *FailPoint) UnmarshalText(text []byte) error { return failNames.UnmarshalText(f, text) }
