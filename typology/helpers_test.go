package typology

import (
	"errors"
	"time"

	"github.com/servuction/servuction"
)

var now = time.Date(2026, time.November, 1, 12, 0, 0, 0, time.UTC)

func cop(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }

func daysAgo(d int) time.Time { return now.Add(-time.Duration(d) * Day) }

// monthly returns n purchases every gap days, the last lastAgo days before
// now, each of amount and margin.
func monthly(n, gap, lastAgo int, amount, margin string) []Purchase {
	ps := make([]Purchase, n)
	for i := range ps {
		ps[i] = Purchase{At: daysAgo(lastAgo + (n-1-i)*gap), Amount: cop(amount), Margin: cop(margin), Tier: TierStandard}
	}
	return ps
}

func complaint(ago int, f Finding, hostile bool, sat int) Contact {
	return Contact{At: daysAgo(ago), Complaint: true, Finding: f, Hostile: hostile, Satisfaction: sat}
}

func euro(s string) servuction.Money { return servuction.MustParseMoney(s + " EUR") }

func errorsAs(err error, target any) bool { return errors.As(err, target) }
