package complaint

import "github.com/servuction/servuction/internal/enum"

// Tier is the level of the service chain that holds a case. The course notes'
// call-centre flow has two: the service advisor who takes the call (asesora de
// servicio) and the member of the service network she hands it to (miembro de
// la red de servicio); a third, the specialist, is the usual last step. The
// zero value is [TierUnknown].
type Tier uint8

// The tiers, in escalation order.
const (
	TierUnknown   Tier = iota // not assigned
	Advisor                   // tier 1: asesora de servicio, takes the call
	NetworkMember             // tier 2: miembro de la red de servicio
	Specialist                // tier 3: especialista
)

var tierNames = enum.New("complaint: tier", ErrInvalidValue,
	[]string{"unknown", "advisor", "network-member", "specialist"},
	map[string]Tier{
		"desconocido": TierUnknown, "asesora": Advisor, "asesor": Advisor, "asesora de servicio": Advisor, "asesor de servicio": Advisor,
		"tier 1": Advisor, "1": Advisor, "miembro de la red": NetworkMember, "miembro de la red de servicio": NetworkMember,
		"red de servicio": NetworkMember, "tier 2": NetworkMember, "2": NetworkMember, "especialista": Specialist,
		"tier 3": Specialist, "3": Specialist,
	})

// Tiers returns the defined tiers except [TierUnknown], in escalation order.
func Tiers() []Tier { return []Tier{Advisor, NetworkMember, Specialist} }

// ParseTier returns the tier named s ("advisor", "asesora de servicio",
// "miembro de la red", "2", …).
func ParseTier(s string) (Tier, error) { return tierNames.Parse(s) }

// String returns the tier's English name.
func (t Tier) String() string { return tierNames.String(t) }

// IsValid reports whether t is a defined tier.
func (t Tier) IsValid() bool { return tierNames.Valid(t) }

// MarshalText implements encoding.TextMarshaler.
func (t Tier) MarshalText() ([]byte, error) { return tierNames.MarshalText(t) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseTier].
func (t *Tier) UnmarshalText(text []byte) error { return tierNames.UnmarshalText(t, text) }

// Department is a department the customer-service department works with
// (departamentos con los que debe tener relación). An escalation can route a
// case to one of them instead of, or besides, one tier up. The zero value,
// [DepartmentNone], means the case stays in customer service.
type Department uint8

// The departments of the course notes.
const (
	DepartmentNone   Department = iota // customer service itself
	Marketing                          // departamento de marketing
	TechnicalService                   // servicio técnico
	SalesForce                         // fuerza de ventas
	Management                         // dirección de la empresa
)

var departmentNames = enum.New("complaint: department", ErrInvalidValue,
	[]string{"none", "marketing", "technical-service", "sales-force", "management"},
	map[string]Department{
		"ninguno": DepartmentNone, "atención al cliente": DepartmentNone, "customer service": DepartmentNone,
		"departamento de marketing": Marketing, "mercadeo": Marketing, "servicio técnico": TechnicalService,
		"soporte técnico": TechnicalService, "technical support": TechnicalService, "fuerza de ventas": SalesForce,
		"ventas": SalesForce, "sales": SalesForce, "dirección de la empresa": Management, "dirección": Management,
		"gerencia": Management,
	})

// Departments returns the departments a case can be routed to, in order.
func Departments() []Department {
	return []Department{Marketing, TechnicalService, SalesForce, Management}
}

// ParseDepartment returns the department named s ("technical-service",
// "servicio técnico", "fuerza de ventas", …).
func ParseDepartment(s string) (Department, error) { return departmentNames.Parse(s) }

// String returns the department's English name.
func (d Department) String() string { return departmentNames.String(d) }

// IsValid reports whether d is a defined department.
func (d Department) IsValid() bool { return departmentNames.Valid(d) }

// MarshalText implements encoding.TextMarshaler.
func (d Department) MarshalText() ([]byte, error) { return departmentNames.MarshalText(d) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseDepartment].
func (d *Department) UnmarshalText(text []byte) error { return departmentNames.UnmarshalText(d, text) }
