package sla

import (
	"encoding/json"
	"fmt"
	"math"
	"time"

	"github.com/servuction/servuction/internal/enum"
)

// DefaultBudgetPeriod is the period whose error budget an [AlertRule] with
// no Period puts at stake: 30 days, the SRE Workbook's.
const DefaultBudgetPeriod = 30 * Day

// BurnRate returns how fast the availability objective called name spent its
// error budget over the window [now − window, now), relative to the even
// pace that spends the budget of the period [now − period, now) exactly over
// that period:
//
//	burn = (downtime in the window / error budget of the period) × (period / window)
//
// where the period's error budget is (1 − Target/100) × its service time, as
// in [Agreement.Availability]. A burn rate of 1 spends exactly the budget
// over the period; 14.4 over one hour spends 2 % of a 30-day budget. On a
// 24×7 objective it is the SRE Workbook's burn rate, the window's error rate
// over 1 − Target/100. On a business-hours objective it measures the budget
// spent, not the share of the window's few service minutes that were down:
// a 30-second outage right after opening spends 30 s of a month's budget,
// whatever else the window holds.
//
// It is 0 without downtime in the window, and +Inf when the period has no
// budget (a 100 % target, or no service time) but the window had downtime.
// A window or period that is not positive, or a window longer than the
// period, wraps [ErrInvalidOutage].
func (a *Agreement) BurnRate(name string, outages []Outage, window, period time.Duration, now time.Time) (float64, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return 0, err
	}
	if window <= 0 || period <= 0 || window > period {
		return 0, fmt.Errorf("sla: burn rate window %s over period %s: want 0 < window <= period: %w",
			FormatDuration(window), FormatDuration(period), ErrInvalidOutage)
	}
	if err := checkOutages(outages, now.Add(-period), now); err != nil {
		return 0, err
	}
	budget := c.periodBudget(outages, period, now)
	_, down := c.uptime(outages, now.Add(-window), now)
	return burn(float64(down), budget, period, window), nil
}

// periodBudget returns the error budget of [now − period, now), in
// nanoseconds of service time.
func (c *compiled) periodBudget(outages []Outage, period time.Duration, now time.Time) float64 {
	service := c.cal.Between(now.Add(-period), now)
	return (1 - c.Threshold/100) * float64(service)
}

// share returns the percentage of budget that spent is, +Inf when there is no
// budget but something was spent.
func share(spent, budget float64) float64 {
	switch {
	case spent <= 0:
		return 0
	case budget <= 0:
		return math.Inf(1)
	}
	return 100 * spent / budget
}

// burn returns the burn rate of spending spent of budget in window of period.
func burn(spent, budget float64, period, window time.Duration) float64 {
	return share(spent, budget) / 100 * float64(period) / float64(window)
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

// AlertRule is a multi-window alert on an availability objective's error
// budget, as the Google SRE Workbook ("Alerting on SLOs") means it: the alert
// fires when the Long window before now has consumed at least Budget percent
// of the error budget of the Period before now, and the Short window is still
// consuming it at least as fast (Budget × Short/Long percent in the short
// window). The long window makes the alert significant, the short one makes
// it stop soon after the outage ends.
//
// The rule is the same for time-based ([Agreement.Alerts]) and request-based
// ([Agreement.RequestAlerts]) availability: only the budget's unit differs
// (service time, or bad requests).
//
// In JSON the durations are text: {"severity": "page", "long": "1h",
// "short": "5m", "budget": 2, "period": "30d"}.
type AlertRule struct {
	Severity Severity
	Long     time.Duration
	Short    time.Duration
	// Budget is the share of the period's error budget, in percent, that
	// the long window must consume: 2 for the workbook's fast page.
	Budget float64
	// Period is the length of the rolling period [now − Period, now) whose
	// error budget is at stake; zero means [DefaultBudgetPeriod].
	Period time.Duration
}

// DefaultAlertRules returns the multi-window alerts of the Google SRE
// Workbook ("Alerting on SLOs", recommended parameters for a 30-day budget):
// page when 2 % of the budget is spent in 1 h (checked with 5 min), page
// when 5 % is spent in 6 h (with 30 min), ticket when 10 % is spent in 3
// days (with 6 h). Their burn rates are 14.4, 6 and 1.
func DefaultAlertRules() []AlertRule {
	return []AlertRule{
		{Severity: Page, Long: time.Hour, Short: 5 * time.Minute, Budget: 2},
		{Severity: Page, Long: 6 * time.Hour, Short: 30 * time.Minute, Budget: 5},
		{Severity: TicketAlert, Long: 3 * Day, Short: 6 * time.Hour, Budget: 10},
	}
}

// period returns the rule's period, the default when zero.
func (r AlertRule) period() time.Duration {
	if r.Period == 0 {
		return DefaultBudgetPeriod
	}
	return r.Period
}

// Burn returns the burn rate the rule fires at: Budget/100 × Period/Long,
// 14.4 for 2 % of a 30-day budget in one hour.
func (r AlertRule) Burn() float64 {
	if r.Long <= 0 {
		return math.Inf(1)
	}
	return r.Budget / 100 * float64(r.period()) / float64(r.Long)
}

// Validate reports whether r can be evaluated: a defined severity, 0 < Short
// < Long <= Period, a Budget in (0, 100] and a Period not negative. Errors
// wrap [ErrInvalidOutage].
func (r AlertRule) Validate() error {
	if p := r.problem(); p != "" {
		return fmt.Errorf("sla: alert rule %s: %w", p, ErrInvalidOutage)
	}
	return nil
}

// problem describes what is wrong with r, or returns "".
func (r AlertRule) problem() string {
	if r.Severity.IsValid() && r.Short > 0 && r.Long > r.Short && r.Period >= 0 && r.Long <= r.period() &&
		r.Budget > 0 && r.Budget <= 100 {
		return ""
	}
	return fmt.Sprintf("(%s, %v %% of the %s budget in %s/%s): want a severity, 0 < short < long <= period and a budget in (0, 100]",
		r.Severity, r.Budget, FormatDuration(r.period()), FormatDuration(r.Long), FormatDuration(r.Short))
}

// alertRuleJSON is an AlertRule with its durations as text.
type alertRuleJSON struct {
	Severity Severity `json:"severity"`
	Long     string   `json:"long"`
	Short    string   `json:"short"`
	Budget   float64  `json:"budget"`
	Period   string   `json:"period,omitempty"`
}

// MarshalJSON writes the rule with its durations as text ([FormatDuration]).
func (r AlertRule) MarshalJSON() ([]byte, error) {
	j := alertRuleJSON{Severity: r.Severity, Long: FormatDuration(r.Long), Short: FormatDuration(r.Short), Budget: r.Budget}
	if r.Period != 0 {
		j.Period = FormatDuration(r.Period)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, strictly (unknown fields are
// errors), and validates the rule; errors wrap [ErrInvalidOutage] and r is
// unchanged on error.
func (r *AlertRule) UnmarshalJSON(data []byte) error {
	var j alertRuleJSON
	if err := strictDecode(data, &j); err != nil {
		return errOnce("alert rule", err, ErrInvalidOutage)
	}
	out := AlertRule{Severity: j.Severity, Budget: j.Budget}
	for _, f := range []struct {
		name string
		text string
		into *time.Duration
	}{{"long", j.Long, &out.Long}, {"short", j.Short, &out.Short}, {"period", j.Period, &out.Period}} {
		if f.text == "" && f.name == "period" {
			continue
		}
		d, err := ParseDuration(f.text)
		if err != nil {
			return fmt.Errorf("sla: alert rule: %s %q: want a duration such as \"1h\" or \"30d\": %w", f.name, f.text, ErrInvalidOutage)
		}
		*f.into = d
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*r = out
	return nil
}

// Alert is the state of one alert rule at an instant.
type Alert struct {
	Rule AlertRule `json:"rule"`
	// LongBudget and ShortBudget are the shares of the period's error
	// budget, in percent, consumed in the rule's long and short windows.
	LongBudget  float64 `json:"longBudget"`
	ShortBudget float64 `json:"shortBudget"`
	// LongBurn and ShortBurn are the burn rates over the two windows (see
	// [Agreement.BurnRate]); the rule fires at [AlertRule.Burn].
	LongBurn  float64 `json:"longBurn"`
	ShortBurn float64 `json:"shortBurn"`
	// Firing reports whether LongBudget reaches the rule's Budget and
	// ShortBudget reaches Budget × Short/Long.
	Firing bool `json:"firing"`
}

// MarshalJSON writes the alert, an infinite share or burn rate (a spent
// budget of zero) as the string "+Inf".
func (al Alert) MarshalJSON() ([]byte, error) {
	type plain struct {
		Rule        AlertRule `json:"rule"`
		LongBudget  jsonFloat `json:"longBudget"`
		ShortBudget jsonFloat `json:"shortBudget"`
		LongBurn    jsonFloat `json:"longBurn"`
		ShortBurn   jsonFloat `json:"shortBurn"`
		Firing      bool      `json:"firing"`
	}
	return json.Marshal(plain{al.Rule, jsonFloat(al.LongBudget), jsonFloat(al.ShortBudget), jsonFloat(al.LongBurn), jsonFloat(al.ShortBurn), al.Firing})
}

// jsonFloat writes +Inf as a string, which encoding/json refuses as a
// number.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	if math.IsInf(float64(f), 1) {
		return []byte(`"+Inf"`), nil
	}
	return json.Marshal(float64(f))
}

// Alerts evaluates rules (DefaultAlertRules when nil) for the availability
// objective called name at now, one Alert per rule in order. The downtime in
// each window and the period's error budget are measured as
// [Agreement.Availability] measures them, on the objective's calendar. A rule
// that fails [AlertRule.Validate] is an error wrapping [ErrInvalidOutage]
// that names it by its position (the first is 1).
func (a *Agreement) Alerts(name string, outages []Outage, now time.Time, rules []AlertRule) ([]Alert, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return nil, err
	}
	if rules == nil {
		rules = DefaultAlertRules()
	}
	if err := checkRules(rules); err != nil {
		return nil, err
	}
	if err := checkOutages(outages, now, now); err != nil {
		return nil, err
	}
	return evalRules(rules, func(r AlertRule) (float64, float64, float64) {
		budget := c.periodBudget(outages, r.period(), now)
		_, long := c.uptime(outages, now.Add(-r.Long), now)
		_, short := c.uptime(outages, now.Add(-r.Short), now)
		return budget, float64(long), float64(short)
	}), nil
}

func checkRules(rules []AlertRule) error {
	for i, r := range rules {
		if p := r.problem(); p != "" {
			return fmt.Errorf("sla: alert rule %d %s: %w", i+1, p, ErrInvalidOutage)
		}
	}
	return nil
}

// evalRules evaluates each rule given, per rule, the period's budget and
// what was spent in its long and short windows.
func evalRules(rules []AlertRule, spent func(AlertRule) (budget, long, short float64)) []Alert {
	out := make([]Alert, len(rules))
	for i, r := range rules {
		budget, long, short := spent(r)
		p := r.period()
		al := Alert{Rule: r, LongBudget: share(long, budget), ShortBudget: share(short, budget)}
		al.LongBurn = burn(long, budget, p, r.Long)
		al.ShortBurn = burn(short, budget, p, r.Short)
		// Compare spent budget directly, so that a rule exactly met fires:
		// long/budget >= Budget/100 and short/budget >= Budget/100 ×
		// Short/Long, multiplied out.
		if budget > 0 {
			al.Firing = long > 0 && 100*long >= r.Budget*budget &&
				100*short*float64(r.Long) >= r.Budget*budget*float64(r.Short)
		} else {
			al.Firing = long > 0 && short > 0
		}
		out[i] = al
	}
	return out
}
