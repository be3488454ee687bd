package sla

import (
	"fmt"
	"math"
	"slices"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// Outage is an interval [Start, End) during which the service was down.
type Outage struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
	// Cause describes the outage, for reports.
	Cause string `json:"cause,omitempty"`
}

// AvailabilityResult is an availability objective over a window
// (disponibilidad horaria) and its error budget.
//
// Time is counted on the objective's calendar, so a 99.9 % objective on a
// business-hours calendar is 99.9 % of service hours: an outage at night
// costs nothing. Overlapping outages are merged first, so no minute is
// counted twice.
type AvailabilityResult struct {
	Objective string    `json:"objective"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	// Target is the availability to reach, in percent.
	Target float64 `json:"target"`
	// ServiceTime is the calendar time in [From, To); Downtime the part of
	// it the outages cover.
	ServiceTime time.Duration `json:"service_time"`
	Downtime    time.Duration `json:"downtime"`
	// Achieved is 100 × (ServiceTime − Downtime) / ServiceTime; 100 when
	// there is no service time.
	Achieved float64 `json:"achieved"`
	// Met reports whether Achieved >= Target.
	Met bool `json:"met"`
	// Budget is the error budget, the downtime the target allows:
	// (1 − Target/100) × ServiceTime. BudgetLeft is Budget − Downtime,
	// negative once overspent, and BudgetUsed is 100 × Downtime / Budget
	// (+Inf when the budget is zero and there was downtime).
	Budget     time.Duration `json:"budget"`
	BudgetLeft time.Duration `json:"budget_left"`
	BudgetUsed float64       `json:"budget_used"`
}

// availabilityObjective returns the compiled availability objective called
// name.
func (a *Agreement) availabilityObjective(name string) (*compiled, error) {
	i := a.index(name)
	if i < 0 {
		return nil, fmt.Errorf("sla: agreement %q: objective %q not defined: %w", a.cfg.Name, name, ErrInvalidAgreement)
	}
	if a.obj[i].Metric != Availability {
		return nil, fmt.Errorf("sla: agreement %q: objective %q is %s, not availability: %w", a.cfg.Name, name, a.obj[i].Metric, ErrInvalidAgreement)
	}
	return &a.obj[i], nil
}

// Availability measures the availability objective called name over [from,
// to) given the outages. Outages may overlap and may reach outside the
// window; only their part inside counts. An outage whose End is before its
// Start, a zero instant or a window whose end is before its start is an
// error wrapping [ErrInvalidOutage]; an unknown objective wraps
// [ErrInvalidAgreement].
func (a *Agreement) Availability(name string, outages []Outage, from, to time.Time) (AvailabilityResult, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return AvailabilityResult{}, err
	}
	if err := checkOutages(outages, from, to); err != nil {
		return AvailabilityResult{}, err
	}
	service, down := c.uptime(outages, from, to)
	r := AvailabilityResult{Objective: c.Name, From: from, To: to, Target: c.Threshold, ServiceTime: service, Downtime: down}
	r.Achieved = 100
	if service > 0 {
		r.Achieved = 100 * float64(service-down) / float64(service)
	}
	r.Met = r.Achieved >= r.Target
	r.Budget = time.Duration(math.Round((1 - r.Target/100) * float64(service)))
	r.BudgetLeft = r.Budget - down
	switch {
	case r.Budget > 0:
		r.BudgetUsed = 100 * float64(down) / float64(r.Budget)
	case down > 0:
		r.BudgetUsed = math.Inf(1)
	}
	return r, nil
}

func checkOutages(outages []Outage, from, to time.Time) error {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		return fmt.Errorf("sla: availability window [%s, %s): want a non-zero start before the end: %w",
			from.Format(time.RFC3339), to.Format(time.RFC3339), ErrInvalidOutage)
	}
	for i, o := range outages {
		if o.Start.IsZero() || o.End.IsZero() || o.End.Before(o.Start) {
			return fmt.Errorf("sla: outage %d [%s, %s): want a non-zero start before the end: %w",
				i, o.Start.Format(time.RFC3339), o.End.Format(time.RFC3339), ErrInvalidOutage)
		}
	}
	return nil
}

// uptime returns the calendar time in [from, to) and the part of it the
// outages cover, overlaps merged.
func (c *compiled) uptime(outages []Outage, from, to time.Time) (service, down time.Duration) {
	service = c.cal.Between(from, to)
	type span struct{ s, e time.Time }
	spans := make([]span, 0, len(outages))
	for _, o := range outages {
		s, e := o.Start, o.End
		if s.Before(from) {
			s = from
		}
		if e.After(to) {
			e = to
		}
		if e.After(s) {
			spans = append(spans, span{s, e})
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return x.s.Compare(y.s) })
	var cur span
	for i, sp := range spans {
		switch {
		case i == 0:
			cur = sp
		case !sp.s.After(cur.e):
			if sp.e.After(cur.e) {
				cur.e = sp.e
			}
		default:
			down += c.cal.Between(cur.s, cur.e)
			cur = sp
		}
	}
	if len(spans) > 0 {
		down += c.cal.Between(cur.s, cur.e)
	}
	return service, down
}

// BurnRate returns how fast the availability objective called name spends
// its error budget over the window [now − window, now): the share of service
// time lost in the window divided by the share the target allows
// (1 − Target/100). A burn rate of 1 spends exactly the budget over any
// period; 14.4 spends a 30-day budget's 2 % in one hour. It is 0 when the
// window holds no service time, and +Inf when the target is 100 % and there
// was downtime.
func (a *Agreement) BurnRate(name string, outages []Outage, window time.Duration, now time.Time) (float64, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return 0, err
	}
	if window <= 0 {
		return 0, fmt.Errorf("sla: burn rate window %s: want a positive duration: %w", FormatDuration(window), ErrInvalidOutage)
	}
	from := now.Add(-window)
	if err := checkOutages(outages, from, now); err != nil {
		return 0, err
	}
	return c.burn(outages, from, now), nil
}

func (c *compiled) burn(outages []Outage, from, to time.Time) float64 {
	service, down := c.uptime(outages, from, to)
	if service <= 0 || down == 0 {
		return 0
	}
	allowed := 1 - c.Threshold/100
	if allowed <= 0 {
		return math.Inf(1)
	}
	return float64(down) / float64(service) / allowed
}

// Severity is how an alert notifies: a page wakes someone up, a ticket waits
// for working hours.
type Severity uint8

// The alert severities. The zero value [SeverityUnknown] is invalid in a
// rule.
const (
	SeverityUnknown Severity = iota // not set
	Page                            // aviso inmediato: someone acts now
	TicketAlert                     // ticket: someone acts within working hours
)

var severityNames = enum.New("sla: severity", ErrUnknownName,
	[]string{"unknown", "page", "ticket"},
	map[string]Severity{"desconocida": SeverityUnknown, "aviso": Page, "alerta": Page, "urgent": Page, "tique": TicketAlert, "tiquete": TicketAlert, "incidencia": TicketAlert})

// ParseSeverity returns the severity named s ("page", "ticket").
func ParseSeverity(s string) (Severity, error) { return severityNames.Parse(s) }

// String returns the severity's English name.
func (s Severity) String() string { return severityNames.String(s) }

// IsValid reports whether s is [Page] or [TicketAlert].
func (s Severity) IsValid() bool { return s != SeverityUnknown && severityNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return severityNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseSeverity].
func (s *Severity) UnmarshalText(text []byte) error { return severityNames.UnmarshalText(s, text) }

// AlertRule is a multi-window burn-rate alert: it fires when the burn rate
// over both the Long and the Short window reaches Burn. The long window makes
// the alert significant, the short one makes it stop soon after the outage
// ends.
type AlertRule struct {
	Severity Severity      `json:"severity"`
	Long     time.Duration `json:"long"`
	Short    time.Duration `json:"short"`
	Burn     float64       `json:"burn"`
}

// DefaultAlertRules returns the multi-window, multi-burn-rate alerts of the
// Google SRE Workbook ("Alerting on SLOs", recommended parameters for a
// 30-day budget): page at 14.4× over 1 h and 5 min (2 % of the budget in an
// hour), page at 6× over 6 h and 30 min (5 % in six hours), ticket at 1× over
// 3 days and 6 h (10 % in three days).
func DefaultAlertRules() []AlertRule {
	return []AlertRule{
		{Severity: Page, Long: time.Hour, Short: 5 * time.Minute, Burn: 14.4},
		{Severity: Page, Long: 6 * time.Hour, Short: 30 * time.Minute, Burn: 6},
		{Severity: TicketAlert, Long: 3 * Day, Short: 6 * time.Hour, Burn: 1},
	}
}

// Alert is the state of one alert rule at an instant.
type Alert struct {
	Rule AlertRule `json:"rule"`
	// LongBurn and ShortBurn are the burn rates over the rule's windows.
	LongBurn  float64 `json:"long_burn"`
	ShortBurn float64 `json:"short_burn"`
	// Firing reports whether both reach the rule's Burn.
	Firing bool `json:"firing"`
}

// Alerts evaluates rules (DefaultAlertRules when nil) for the availability
// objective called name at now, one Alert per rule in order. A rule with an
// undefined severity, a non-positive window or burn, or a short window not
// shorter than the long one is an error wrapping [ErrInvalidOutage].
func (a *Agreement) Alerts(name string, outages []Outage, now time.Time, rules []AlertRule) ([]Alert, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return nil, err
	}
	if rules == nil {
		rules = DefaultAlertRules()
	}
	for i, r := range rules {
		if !r.Severity.IsValid() || r.Short <= 0 || r.Long <= r.Short || !(r.Burn > 0) || math.IsInf(r.Burn, 0) {
			return nil, fmt.Errorf("sla: alert rule %d (%s, %s/%s at %v×): want a severity, 0 < short < long and a positive burn: %w",
				i, r.Severity, FormatDuration(r.Long), FormatDuration(r.Short), r.Burn, ErrInvalidOutage)
		}
	}
	if err := checkOutages(outages, now, now); err != nil {
		return nil, err
	}
	out := make([]Alert, len(rules))
	for i, r := range rules {
		al := Alert{Rule: r}
		al.LongBurn = c.burn(outages, now.Add(-r.Long), now)
		al.ShortBurn = c.burn(outages, now.Add(-r.Short), now)
		al.Firing = al.LongBurn >= r.Burn && al.ShortBurn >= r.Burn
		out[i] = al
	}
	return out, nil
}
