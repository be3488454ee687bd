package sla

import (
	"fmt"
	"sync"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// ZoneRule says whose time zone an agreement's business calendars follow:
// the zone each calendar names ([CalendarZone], the zero value), or the
// ticket's ([TicketZone]): its TimeZone attribute, else its customer's zone
// in AgreementConfig.CustomerZones, else the calendar's own. With
// TicketZone, a customer in Madrid served on "Monday to Friday 09:00–17:00"
// is served on Madrid's 09:00–17:00: the shifts and holidays of the calendar
// are read on the ticket's wall clock. A change of the ticket's zone or
// customer mid-ticket moves the rest of the clocks to the new zone.
type ZoneRule uint8

// The zone rules.
const (
	CalendarZone ZoneRule = iota // the zone each calendar names
	TicketZone                   // the ticket's zone, else its customer's, else the calendar's
)

var zoneRuleNames = enum.New("sla: zone rule", ErrUnknownName,
	[]string{"calendar", "ticket"},
	map[string]ZoneRule{
		"zona del calendario": CalendarZone, "calendario": CalendarZone,
		"customer": TicketZone, "requester": TicketZone, "zona del ticket": TicketZone, "zona del cliente": TicketZone,
		"cliente": TicketZone,
	})

// ParseZoneRule returns the rule named s: "calendar" or "ticket" (also
// "customer", "zona del calendario", "zona del cliente").
func ParseZoneRule(s string) (ZoneRule, error) { return zoneRuleNames.Parse(s) }

// String returns the rule's name.
func (z ZoneRule) String() string { return zoneRuleNames.String(z) }

// IsValid reports whether z is a defined rule.
func (z ZoneRule) IsValid() bool { return zoneRuleNames.Valid(z) }

// MarshalText implements encoding.TextMarshaler.
func (z ZoneRule) MarshalText() ([]byte, error) { return zoneRuleNames.MarshalText(z) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseZoneRule].
func (z *ZoneRule) UnmarshalText(text []byte) error { return zoneRuleNames.UnmarshalText(z, text) }

// zoneSet is an agreement's calendars read in one zone.
type zoneSet struct {
	loc  *time.Location
	cals []*Calendar // indexed like Agreement.cals
}

// zoneCache builds each zone's calendars once, on first use.
type zoneCache struct {
	mu   sync.Mutex
	sets map[string]*zoneSet
}

// checkZones validates the zone rule and the customers' zones of cfg.
func checkZones(cfg AgreementConfig) []string {
	var probs []string
	if !cfg.Zone.IsValid() {
		probs = append(probs, fmt.Sprintf("zone %s: want calendar or ticket", cfg.Zone))
	}
	if len(cfg.CustomerZones) > 0 && cfg.Zone != TicketZone {
		probs = append(probs, fmt.Sprintf("customer zones are read only with zone %s, this agreement's is %s", TicketZone, cfg.Zone))
	}
	for _, c := range sortedKeys(cfg.CustomerZones) {
		z := cfg.CustomerZones[c]
		if msg := checkZoneName(z); msg != "" || z == "" {
			probs = append(probs, fmt.Sprintf("customer %q: time zone %q: want an IANA name such as \"America/Bogota\"", c, z))
		} else if _, err := time.LoadLocation(z); err != nil {
			probs = append(probs, fmt.Sprintf("customer %q: time zone %q: not in the zone database", c, z))
		}
	}
	return probs
}

// zoneName returns the zone the rule picks for a ticket with the given
// attributes, "" for the calendars' own.
func (a *Agreement) zoneName(at *attrs) string {
	if a.cfg.Zone != TicketZone {
		return ""
	}
	if at.zone != "" {
		return at.zone
	}
	return a.cfg.CustomerZones[at.customer]
}

// zone returns the agreement's calendars read in the named zone; nil and
// no error for "".
func (a *Agreement) zone(name string) (*zoneSet, error) {
	if name == "" {
		return nil, nil
	}
	a.zones.mu.Lock()
	set, ok := a.zones.sets[name]
	a.zones.mu.Unlock()
	if ok {
		return set, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("time zone %q: not in the zone database", name)
	}
	set = &zoneSet{loc: loc, cals: make([]*Calendar, len(a.cals))}
	for i, c := range a.cals {
		if c.Location().String() == loc.String() {
			set.cals[i] = c
			continue
		}
		cfg := c.Config()
		cfg.Zone = name
		if set.cals[i], err = NewCalendar(cfg); err != nil {
			return nil, fmt.Errorf("time zone %q: calendar %q: %w", name, a.calNames[i], err)
		}
	}
	a.zones.mu.Lock()
	defer a.zones.mu.Unlock()
	if old, ok := a.zones.sets[name]; ok {
		return old, nil
	}
	if a.zones.sets == nil {
		a.zones.sets = map[string]*zoneSet{}
	}
	a.zones.sets[name] = set
	return set, nil
}

// ticketZones loads every zone a ticket's timeline up to now uses, so that
// the evaluation itself cannot fail on one.
func (a *Agreement) ticketZones(t *Ticket, now time.Time) error {
	if a.cfg.Zone != TicketZone {
		return nil
	}
	at := attrsOf(t)
	if _, err := a.zone(a.zoneName(&at)); err != nil {
		return errorf(ErrInvalidTicket, "ticket %q: %v", t.ID, err)
	}
	for i := range t.Events {
		e := &t.Events[i]
		if e.At.After(now) {
			break
		}
		if e.Kind == AttributeChanged && (e.Attribute == AttrTimeZone || e.Attribute == AttrCustomer) {
			at.apply(e)
			if _, err := a.zone(a.zoneName(&at)); err != nil {
				return errorf(ErrInvalidTicket, "ticket %q: event %d: %v", t.ID, i+1, err)
			}
		}
	}
	return nil
}
