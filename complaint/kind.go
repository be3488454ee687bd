package complaint

import "github.com/servuction/servuction/internal/enum"

// Kind is what the customer brings to the desk. The kinds follow the functions
// of a customer-service department in the course notes (funciones del
// departamento de atención al cliente); [Kind.Function] gives the function
// that handles each. The zero value is [KindUnknown].
type Kind uint8

// The kinds of case.
const (
	KindUnknown Kind = iota // not recorded
	// Complaint (queja): the expression of a dissatisfaction with the
	// organisation's products or services, of external origin. Handled by
	// "atender y solucionar quejas".
	Complaint
	// Claim (reclamo, reclamación): a complaint that asks for redress (a
	// refund, a credit, a replacement). Handled by "atender y analizar
	// reclamaciones".
	Claim
	// Suggestion (sugerencia): an idea to improve. "Atender y recoger
	// sugerencias y felicitaciones".
	Suggestion
	// Compliment (felicitación): praise for a person or a service.
	Compliment
	// Inquiry (consulta): a question about products, services or procedures.
	// "Atender y seguir consultas", "informar sobre los procedimientos".
	Inquiry
	// Request (petición): a request for information or a service. "Atender
	// peticiones", "comunicar los servicios de la empresa".
	Request
	// Incident (incidencia): something that does not work. "Atención de
	// incidencias".
	Incident
	// Return (devolución): after-sales, "facilitar el proceso de devolución".
	Return
	// Repair (reparación o sustitución): after-sales, "atender y seguir los
	// casos de reparación y sustitución".
	Repair
	// Warranty (garantía): after-sales, "controlar las garantías".
	Warranty
)

var kindNames = enum.New("complaint: kind", ErrInvalidValue,
	[]string{"unknown", "complaint", "claim", "suggestion", "compliment", "inquiry", "request", "incident", "return", "repair", "warranty"},
	map[string]Kind{
		"desconocido": KindUnknown, "queja": Complaint, "reclamo": Claim, "reclamación": Claim, "reclamacion": Claim,
		"sugerencia": Suggestion, "felicitación": Compliment, "elogio": Compliment, "consulta": Inquiry, "question": Inquiry,
		"petición": Request, "solicitud": Request, "requerimiento": Request, "incidencia": Incident, "incidente": Incident,
		"devolución": Return, "reparación": Repair, "sustitución": Repair, "reparación o sustitución": Repair, "reparación/sustitución": Repair, "reparación y sustitución": Repair,
		"replacement": Repair, "garantía": Warranty,
	})

// Kinds returns every defined kind except [KindUnknown], in order.
func Kinds() []Kind {
	return []Kind{Complaint, Claim, Suggestion, Compliment, Inquiry, Request, Incident, Return, Repair, Warranty}
}

// ParseKind returns the kind named s, in English ("claim") or in the course
// notes' Spanish ("reclamo", "queja", "devolución"), any case, accents
// optional.
func ParseKind(s string) (Kind, error) { return kindNames.Parse(s) }

// String returns the kind's English name.
func (k Kind) String() string { return kindNames.String(k) }

// IsValid reports whether k is a defined kind (including KindUnknown).
func (k Kind) IsValid() bool { return kindNames.Valid(k) }

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return kindNames.MarshalText(k) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseKind].
func (k *Kind) UnmarshalText(text []byte) error { return kindNames.UnmarshalText(k, text) }

// Function returns the function of the customer-service department that
// handles the kind, or [FunctionUnknown] for [KindUnknown].
func (k Kind) Function() Function {
	switch k {
	case Incident:
		return Incidents
	case Complaint:
		return Complaints
	case Suggestion, Compliment:
		return SuggestionsAndCompliments
	case Claim:
		return Claims
	case Return, Repair, Warranty:
		return AfterSales
	case Inquiry, Request:
		return Information
	}
	return FunctionUnknown
}

// AsksForRedress reports whether the kind asks the company to put something
// right (a claim, a return, a repair, a warranty), so that upholding it needs a
// remedy.
func (k Kind) AsksForRedress() bool {
	return k == Claim || k == Return || k == Repair || k == Warranty
}

// ReportsFailure reports whether the kind reports a failure of the company (a
// complaint, a claim, an incident or an after-sales case), so that upholding it
// needs a root [Cause].
func (k Kind) ReportsFailure() bool {
	switch k {
	case Complaint, Claim, Incident, Return, Repair, Warranty:
		return true
	}
	return false
}

// Function is one of the functions of the customer-service department listed
// in the course notes (funciones del departamento de atención al cliente). The
// zero value is [FunctionUnknown].
type Function uint8

// The department's functions.
const (
	FunctionUnknown           Function = iota // not recorded
	Incidents                                 // atención de incidencias
	Complaints                                // atender y solucionar quejas
	SuggestionsAndCompliments                 // atender y recoger sugerencias y felicitaciones
	Claims                                    // atender y analizar reclamaciones
	AfterSales                                // seguimiento postventa: devoluciones, reparaciones y sustituciones, garantías
	Information                               // información: peticiones, servicios, consultas, procedimientos
)

var functionNames = enum.New("complaint: function", ErrInvalidValue,
	[]string{"unknown", "incidents", "complaints", "suggestions-and-compliments", "claims", "after-sales", "information"},
	map[string]Function{
		"desconocido": FunctionUnknown, "atención de incidencias": Incidents, "incidencias": Incidents,
		"quejas": Complaints, "sugerencias y felicitaciones": SuggestionsAndCompliments, "sugerencias": SuggestionsAndCompliments,
		"reclamaciones": Claims, "reclamos": Claims, "postventa": AfterSales, "seguimiento postventa": AfterSales,
		"after sales": AfterSales, "información": Information, "info": Information,
	})

// Functions returns every defined function except [FunctionUnknown], in the
// order of the course notes.
func Functions() []Function {
	return []Function{Incidents, Complaints, SuggestionsAndCompliments, Claims, AfterSales, Information}
}

// ParseFunction returns the function named s ("after-sales", "postventa", …).
func ParseFunction(s string) (Function, error) { return functionNames.Parse(s) }

// String returns the function's English name.
func (f Function) String() string { return functionNames.String(f) }

// IsValid reports whether f is a defined function.
func (f Function) IsValid() bool { return functionNames.Valid(f) }

// MarshalText implements encoding.TextMarshaler.
func (f Function) MarshalText() ([]byte, error) { return functionNames.MarshalText(f) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseFunction].
func (f *Function) UnmarshalText(text []byte) error { return functionNames.UnmarshalText(f, text) }

// Kinds returns the kinds the function handles, in [Kind] order.
func (f Function) Kinds() []Kind {
	var out []Kind
	for _, k := range Kinds() {
		if k.Function() == f {
			out = append(out, k)
		}
	}
	return out
}

// Severity is how serious a case is, an ordered scale. The zero value is
// [SeverityUnknown].
type Severity uint8

// The severities, from least to most serious.
const (
	SeverityUnknown  Severity = iota // not recorded
	SeverityLow                      // baja
	SeverityMedium                   // media
	SeverityHigh                     // alta
	SeverityCritical                 // crítica
)

var severityNames = enum.New("complaint: severity", ErrInvalidValue,
	[]string{"unknown", "low", "medium", "high", "critical"},
	map[string]Severity{"desconocida": SeverityUnknown, "baja": SeverityLow, "media": SeverityMedium, "normal": SeverityMedium, "alta": SeverityHigh, "crítica": SeverityCritical, "urgente": SeverityCritical, "urgent": SeverityCritical})

// ParseSeverity returns the severity named s ("high", "alta", …).
func ParseSeverity(s string) (Severity, error) { return severityNames.Parse(s) }

// String returns the severity's English name.
func (s Severity) String() string { return severityNames.String(s) }

// IsValid reports whether s is a defined severity.
func (s Severity) IsValid() bool { return severityNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return severityNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSeverity].
func (s *Severity) UnmarshalText(text []byte) error { return severityNames.UnmarshalText(s, text) }
