package sla

import (
	"github.com/servuction/servuction/internal/enum"
)

// AgreementType is whom an agreement binds, in ITIL's terms: the customer
// (a service-level agreement, SLA), an internal group (an
// operational-level agreement, OLA) or an outside supplier (an
// underpinning contract, UC). The zero value is [SLA].
//
// An OLA or a UC is evaluated on the intervals its party owned the ticket:
// the group in Ticket.Group, the supplier in Ticket.Supplier, as
// [AttributeChanged] events move it. Its clocks that start at opening start
// when the party first owns the ticket (at opening if it does then), count
// only while the party owns it and wait (status [OnHold]) while someone
// else does; stops, pauses and reopenings are the ticket's. A ticket the
// party never owned before its first resolution gets no results.
type AgreementType uint8

// The types of agreement.
const (
	SLA AgreementType = iota // acuerdo de nivel de servicio (ANS) with the customer
	OLA                      // acuerdo de nivel operativo with an internal group
	UC                       // contrato de soporte with an outside supplier
)

var agreementTypeNames = enum.New("sla: agreement type", ErrUnknownName,
	[]string{"sla", "ola", "uc"},
	map[string]AgreementType{
		"service level agreement": SLA, "ans": SLA, "acuerdo de nivel de servicio": SLA,
		"operational level agreement": OLA, "acuerdo de nivel operativo": OLA, "acuerdo de nivel operacional": OLA, "ano": OLA,
		"underpinning contract": UC, "contrato de soporte": UC, "contrato de apoyo": UC, "contrato subyacente": UC,
	})

// ParseAgreementType returns the type named s: "sla", "ola", "uc", their
// long English names ("operational level agreement", "underpinning
// contract") or the Spanish "acuerdo de nivel de servicio", "acuerdo de
// nivel operativo", "contrato de soporte".
func ParseAgreementType(s string) (AgreementType, error) { return agreementTypeNames.Parse(s) }

// String returns the type's name, e.g. "ola".
func (t AgreementType) String() string { return agreementTypeNames.String(t) }

// IsValid reports whether t is a defined type.
func (t AgreementType) IsValid() bool { return agreementTypeNames.Valid(t) }

// MarshalText implements encoding.TextMarshaler.
func (t AgreementType) MarshalText() ([]byte, error) { return agreementTypeNames.MarshalText(t) }

// UnmarshalText implements encoding.TextUnmarshaler with
// [ParseAgreementType].
func (t *AgreementType) UnmarshalText(text []byte) error {
	return agreementTypeNames.UnmarshalText(t, text)
}

// Type returns whom the agreement binds.
func (a *Agreement) Type() AgreementType { return a.cfg.Type }

// Party returns the internal group an OLA binds or the supplier a UC binds;
// "" for an SLA.
func (a *Agreement) Party() string { return a.cfg.Party }

// owns reports whether the agreement's party owns a ticket with the given
// attributes: always for an SLA.
func (a *Agreement) owns(at *attrs) bool {
	switch a.cfg.Type {
	case OLA:
		return at.group == a.cfg.Party
	case UC:
		return at.supplier == a.cfg.Party
	}
	return true
}
