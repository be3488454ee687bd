package sla

import (
	"fmt"
	"math"
	"time"
)

// RequestCount is a count of events of a request-based availability
// objective observed at an instant: Total valid requests (or events), Good of
// them served well. The SRE Workbook measures request-based availability as
// "the proportion of valid events that were good"; a monitoring scrape, a
// log line or a minute's totals are each one count.
type RequestCount struct {
	At    time.Time `json:"at"`
	Good  int64     `json:"good"`
	Total int64     `json:"total"`
}

// RequestResult is a request-based availability objective over a window and
// its error budget, counted in requests.
type RequestResult struct {
	Objective string    `json:"objective"`
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	// Target is the share of good requests to reach, in percent.
	Target float64 `json:"target"`
	// Total counts the requests in the window, Good those served well and
	// Bad the others.
	Total int64 `json:"total"`
	Good  int64 `json:"good"`
	Bad   int64 `json:"bad"`
	// Achieved is 100 × Good / Total; 100 when there was no request.
	Achieved float64 `json:"achieved"`
	// Met reports whether Achieved >= Target.
	Met bool `json:"met"`
	// Budget is the error budget, the bad requests the target allows:
	// (1 − Target/100) × Total. BudgetLeft is Budget − Bad, negative once
	// overspent, and BudgetUsed is 100 × Bad / Budget (+Inf when the budget
	// is zero and a request was bad).
	Budget     float64 `json:"budget"`
	BudgetLeft float64 `json:"budgetLeft"`
	BudgetUsed float64 `json:"budgetUsed"`
}

// checkCounts validates request counts; positions count from 1.
func checkCounts(counts []RequestCount) error {
	for i, c := range counts {
		if c.At.IsZero() || c.Good < 0 || c.Total < 0 || c.Good > c.Total {
			return fmt.Errorf("sla: request count %d (%d good of %d at %s): want a non-zero instant and 0 <= good <= total: %w",
				i+1, c.Good, c.Total, c.At.Format(time.RFC3339), ErrInvalidOutage)
		}
	}
	return nil
}

// requests sums the counts whose instant lies in [from, to) while the
// objective's calendar is open.
func (c *compiled) requests(counts []RequestCount, from, to time.Time) (good, total int64, err error) {
	cal, _ := c.cal.(*Calendar)
	for i, r := range counts {
		if r.At.Before(from) || !r.At.Before(to) || (cal != nil && !cal.IsOpen(r.At)) {
			continue
		}
		if total > math.MaxInt64-r.Total {
			return 0, 0, fmt.Errorf("sla: request count %d: the total passes 2^63 requests: %w", i+1, ErrInvalidOutage)
		}
		good, total = good+r.Good, total+r.Total
	}
	return good, total, nil
}

// RequestAvailability measures the availability objective called name over
// [from, to) from request counts, as good requests over all requests (the
// SRE Workbook's request-based availability). A count belongs to the window
// when its instant does, and counts only while the objective's calendar is
// open: on a business-hours objective the requests of closed hours are not
// part of the commitment. Counts may come in any order.
//
// A count with a zero instant, a negative number or more good requests than
// requests, a window whose end is before its start, or totals past 2^63 are
// errors wrapping [ErrInvalidOutage] naming the count by its position (the
// first is 1); an unknown objective wraps [ErrInvalidAgreement].
func (a *Agreement) RequestAvailability(name string, counts []RequestCount, from, to time.Time) (RequestResult, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return RequestResult{}, err
	}
	if err := checkOutages(nil, from, to); err != nil {
		return RequestResult{}, err
	}
	if err := checkCounts(counts); err != nil {
		return RequestResult{}, err
	}
	good, total, err := c.requests(counts, from, to)
	if err != nil {
		return RequestResult{}, err
	}
	r := RequestResult{Objective: c.Name, From: from, To: to, Target: c.Threshold, Total: total, Good: good, Bad: total - good}
	r.Achieved = 100
	if total > 0 {
		r.Achieved = 100 * float64(good) / float64(total)
	}
	r.Met = r.Achieved >= r.Target
	r.Budget = (1 - r.Target/100) * float64(total)
	r.BudgetLeft = r.Budget - float64(r.Bad)
	r.BudgetUsed = share(float64(r.Bad), r.Budget)
	return r, nil
}

// RequestBurnRate is [Agreement.BurnRate] for request-based availability:
// the bad requests of the window over the error budget of the period
// [now − period, now) ((1 − Target/100) × its requests), times period /
// window. On steady traffic it is the workbook's burn rate, the window's
// error rate over 1 − Target/100; on traffic that comes and goes (a quiet
// night, business hours) one bad request among the night's two spends its
// share of the month's budget, not half of it.
func (a *Agreement) RequestBurnRate(name string, counts []RequestCount, window, period time.Duration, now time.Time) (float64, error) {
	c, err := a.availabilityObjective(name)
	if err != nil {
		return 0, err
	}
	if window <= 0 || period <= 0 || window > period {
		return 0, fmt.Errorf("sla: burn rate window %s over period %s: want 0 < window <= period: %w",
			FormatDuration(window), FormatDuration(period), ErrInvalidOutage)
	}
	if err := checkCounts(counts); err != nil {
		return 0, err
	}
	budget, bad, err := c.requestSpend(counts, period, window, now)
	if err != nil {
		return 0, err
	}
	return burn(bad, budget, period, window), nil
}

// requestSpend returns the error budget of [now − period, now) and the bad
// requests of [now − window, now).
func (c *compiled) requestSpend(counts []RequestCount, period, window time.Duration, now time.Time) (budget, bad float64, err error) {
	_, total, err := c.requests(counts, now.Add(-period), now)
	if err != nil {
		return 0, 0, err
	}
	good, all, err := c.requests(counts, now.Add(-window), now)
	if err != nil {
		return 0, 0, err
	}
	return (1 - c.Threshold/100) * float64(total), float64(all - good), nil
}

// RequestAlerts is [Agreement.Alerts] for request-based availability: each
// rule fires when its long window's bad requests reach Budget percent of the
// error budget of the rule's period, and its short window's reach Budget ×
// Short/Long percent, the budget being (1 − Target/100) × the period's
// requests. Rules are DefaultAlertRules when nil; errors are those of
// [Agreement.RequestAvailability] and [AlertRule.Validate].
func (a *Agreement) RequestAlerts(name string, counts []RequestCount, now time.Time, rules []AlertRule) ([]Alert, error) {
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
	if err := checkCounts(counts); err != nil {
		return nil, err
	}
	var failed error
	alerts := evalRules(rules, func(r AlertRule) (float64, float64, float64) {
		budget, long, err := c.requestSpend(counts, r.period(), r.Long, now)
		if err != nil {
			failed = err
			return 0, 0, 0
		}
		_, short, _ := c.requestSpend(counts, r.period(), r.Short, now)
		return budget, long, short
	})
	if failed != nil {
		return nil, failed
	}
	return alerts, nil
}
