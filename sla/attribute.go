package sla

import (
	"fmt"
	"strings"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/enum"
)

// Attribute names a ticket attribute: one a policy's condition can test (see
// [Condition]) and an [AttributeChanged] event can change.
type Attribute uint8

// The ticket attributes. The zero value [AttributeUnknown] is invalid.
const (
	AttributeUnknown Attribute = iota // not set
	AttrChannel                       // canal: Ticket.Channel, the medium of the request
	AttrRequestKind                   // tipo de solicitud: Ticket.RequestKind (incident, question, …)
	AttrTags                          // etiquetas: Ticket.Tags
	AttrGroup                         // grupo: Ticket.Group, the group the ticket is assigned to
	AttrCustomer                      // cliente, organización: Ticket.Customer
	AttrArea                          // área: Ticket.Area
	AttrService                       // servicio: Ticket.Service
	AttrSupplier                      // proveedor: Ticket.Supplier, the outside supplier working on it
	AttrTimeZone                      // zona horaria: Ticket.TimeZone
)

var attributeNames = enum.New("sla: attribute", ErrUnknownName,
	[]string{"unknown", "channel", "request-kind", "tags", "group", "customer", "area", "service", "supplier", "time-zone"},
	map[string]Attribute{
		"desconocido": AttributeUnknown,
		"canal":       AttrChannel, "via": AttrChannel, "source": AttrChannel,
		"tipo de solicitud": AttrRequestKind, "tipo": AttrRequestKind, "type": AttrRequestKind,
		"request type": AttrRequestKind, "kind": AttrRequestKind, "ticket type": AttrRequestKind,
		"etiquetas": AttrTags, "tag": AttrTags, "labels": AttrTags, "etiqueta": AttrTags,
		"grupo": AttrGroup, "assignee group": AttrGroup, "assignment group": AttrGroup,
		"cliente": AttrCustomer, "organización": AttrCustomer, "organization": AttrCustomer,
		"organisation": AttrCustomer, "organizacion": AttrCustomer,
		"área": AttrArea, "departamento": AttrArea, "department": AttrArea,
		"servicio":  AttrService,
		"proveedor": AttrSupplier, "vendor": AttrSupplier,
		"zona horaria": AttrTimeZone, "zone": AttrTimeZone, "zona": AttrTimeZone,
	})

// Attributes returns the defined attributes, in order.
func Attributes() []Attribute {
	return []Attribute{AttrChannel, AttrRequestKind, AttrTags, AttrGroup, AttrCustomer, AttrArea, AttrService, AttrSupplier, AttrTimeZone}
}

// ParseAttribute returns the attribute named s: "channel", "request-kind",
// "tags", "group", "customer", "area", "service", "supplier", "time-zone",
// some vendors' names for them ("organization", "type", "labels",
// "assignment group", "vendor") or the Spanish "canal", "tipo de solicitud",
// "etiquetas", "grupo", "cliente", "área", "servicio", "proveedor", "zona
// horaria" (any case, accents optional).
func ParseAttribute(s string) (Attribute, error) { return attributeNames.Parse(s) }

// String returns the attribute's English name, e.g. "request-kind".
func (a Attribute) String() string { return attributeNames.String(a) }

// IsValid reports whether a is a defined attribute other than
// [AttributeUnknown].
func (a Attribute) IsValid() bool { return a != AttributeUnknown && attributeNames.Valid(a) }

// MarshalText implements encoding.TextMarshaler.
func (a Attribute) MarshalText() ([]byte, error) { return attributeNames.MarshalText(a) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseAttribute].
func (a *Attribute) UnmarshalText(text []byte) error { return attributeNames.UnmarshalText(a, text) }

// checkChange returns the problem of an AttributeChanged event's fields, or
// "".
func checkChange(e Event) string {
	switch {
	case !e.Attribute.IsValid():
		return fmt.Sprintf("attribute %s: want one of %s", e.Attribute, strings.Join(attributeNames.Names()[1:], ", "))
	case e.Attribute == AttrTags:
		if e.Value != "" {
			return fmt.Sprintf("value %q: a tags change gives the new tags in tags, not in value", e.Value)
		}
		return checkTags(e.Tags)
	case len(e.Tags) > 0:
		return fmt.Sprintf("tags are only allowed on a change of %s, this one changes %s", AttrTags, e.Attribute)
	case e.Attribute == AttrChannel:
		if _, err := servuction.ParseChannel(e.Value); err != nil {
			return fmt.Sprintf("channel %q: want one of %s", e.Value, channelList())
		}
	case e.Attribute == AttrTimeZone:
		return checkZoneName(e.Value)
	}
	return ""
}

// channelList lists the channel names a channel change accepts.
func channelList() string {
	var b strings.Builder
	for i, c := range servuction.Channels() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(c.String())
	}
	return b.String()
}

// checkTags returns the problem of a tag list, or "".
func checkTags(tags []string) string {
	for i, tag := range tags {
		if strings.TrimSpace(tag) == "" {
			return fmt.Sprintf("tag %d: empty", i+1)
		}
	}
	return ""
}

// checkZoneName returns the problem of an IANA zone name, or "". The name is
// checked for its form only ("America/Bogota", "UTC", "Etc/GMT+5"); an
// agreement that uses the zone loads it when it evaluates the ticket. ""
// (no zone) is allowed.
func checkZoneName(name string) string {
	if name == "" {
		return ""
	}
	if len(name) > 64 || strings.HasPrefix(name, "/") || strings.HasSuffix(name, "/") || strings.Contains(name, "..") {
		return fmt.Sprintf("time zone %q: want an IANA name such as \"America/Bogota\"", name)
	}
	for _, r := range name {
		if !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("/_+-", r)) {
			return fmt.Sprintf("time zone %q: want an IANA name such as \"America/Bogota\"", name)
		}
	}
	return ""
}
