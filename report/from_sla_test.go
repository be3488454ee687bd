package report

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
)

func slaFixture(t *testing.T) (*sla.Agreement, time.Time) {
	t.Helper()
	ag, err := sla.NewAgreement(sla.AgreementConfig{
		Name: "test", Kind: sla.ServiceBased,
		Objectives: []sla.Objective{
			{Metric: sla.FirstResponse, Threshold: 50, Targets: map[sla.Priority]time.Duration{sla.High: time.Hour, sla.Low: 4 * time.Hour}},
			{Name: "up", Metric: sla.Availability, Threshold: 99},
		},
	})
	require.NoError(t, err)
	return ag, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
}

func TestFromSLA(t *testing.T) {
	ag, t0 := slaFixture(t)
	tickets := []sla.Ticket{
		{ID: "met", Priority: sla.High, Events: []sla.Event{{Kind: sla.Opened, At: t0}, {Kind: sla.AgentReplied, At: t0.Add(30 * time.Minute)}}},
		{ID: "late", Priority: sla.High, Events: []sla.Event{{Kind: sla.Opened, At: t0}, {Kind: sla.AgentReplied, At: t0.Add(2 * time.Hour)}}},
		{ID: "open", Priority: sla.Low, Events: []sla.Event{{Kind: sla.Opened, At: t0.Add(2 * time.Hour)}}},
	}
	all, high, low := sla.NewReport(ag), sla.NewReport(ag), sla.NewReport(ag)
	now := t0.Add(3 * time.Hour) // the open ticket has run 1 h of its 4 h: not decided
	for _, tk := range tickets {
		ev, err := ag.Evaluate(tk, now)
		require.NoError(t, err)
		all.Add(ev)
		if tk.Priority == sla.High {
			high.Add(ev)
		} else {
			low.Add(ev)
		}
	}
	// One met and one breached of the two decided tickets: 1/2 = 50 %.
	c := FromSLA(all.Result(), Spanish)
	require.Len(t, c.Bars, 1, "the availability objective is not a ticket bar")
	assert.Equal(t, ComplianceBar{Label: "Primera respuesta", Percent: 50, Threshold: 50, Met: 1, Total: 2, Open: 1}, c.Bars[0])

	byP := FromSLAByPriority(map[sla.Priority]sla.ReportResult{sla.High: high.Result(), sla.Low: low.Result()}, []sla.Priority{sla.High, sla.Low}, English)
	require.Len(t, byP.Bars, 2)
	assert.Equal(t, "First response · high", byP.Bars[0].Label)
	assert.Equal(t, 50.0, byP.Bars[0].Percent)
	assert.Equal(t, "First response · low", byP.Bars[1].Label)
	assert.True(t, math.IsNaN(byP.Bars[1].Percent), "nothing decided among low tickets")
	checkSVG(t, byP.SVG(English))

	tab := SLATable(all.Result(), English)
	require.Len(t, tab.Rows, 1)
	// 3 tickets, 1 met, 1 breached, 1 open; p50 of the decided elapsed times
	// (30 min and 2 h) by nearest rank is 30 min.
	assert.Equal(t, []string{"First response", "3", "1", "1", "1", "50.0 %", "50.0 %"}, tab.Rows[0][:7])

	// Only the open ticket: nothing decided yet, which the table says in
	// words instead of showing 0 %.
	tab = SLATable(low.Result(), English)
	require.Len(t, tab.Rows, 1)
	assert.Equal(t, "no ticket decided yet", tab.Rows[0][5])
	assert.Equal(t, "ningún tiquete decidido aún", SLATable(low.Result(), Spanish).Rows[0][5])

	// Nothing decided among the low tickets: the chart lists the objective
	// as not decided yet, not as "no data: no ticket was evaluated".
	onlyOpen := FromSLAByPriority(map[sla.Priority]sla.ReportResult{sla.Low: low.Result()}, []sla.Priority{sla.Low}, Spanish)
	require.Len(t, onlyOpen.Bars, 1)
	assert.Equal(t, 1, onlyOpen.Bars[0].Open)
	info := checkSVG(t, onlyOpen.SVG(Spanish))
	assert.NotContains(t, info.desc, "Sin datos")
	assert.Contains(t, info.texts, "ningún tiquete decidido aún (1 abierto)")
	assert.Equal(t, []string{"Primera respuesta · baja", "0 / 0", "ningún tiquete decidido aún", "50,0 %", ""}, onlyOpen.Table(Spanish).Rows[0])
}

func TestFromAvailability(t *testing.T) {
	ag, t0 := slaFixture(t)
	end := t0.Add(100 * time.Hour)
	outages := []sla.Outage{{Start: t0.Add(10 * time.Hour), End: t0.Add(10*time.Hour + 30*time.Minute)}}
	window, err := ag.Availability("up", outages, t0, end)
	require.NoError(t, err)
	// 99 % of 100 h (24×7, no calendar) leaves a budget of 1 h.
	require.Equal(t, time.Hour, window.Budget)
	var progress []sla.AvailabilityResult
	for _, h := range []int{5, 20} {
		p, err := ag.Availability("up", outages, t0, t0.Add(time.Duration(h)*time.Hour))
		require.NoError(t, err)
		progress = append(progress, p)
	}
	c := FromAvailability(window, progress, English)
	// At 5 h nothing is spent; at 20 h the 30-minute outage has spent half.
	require.Len(t, c.Points, 2)
	assert.Equal(t, BudgetPoint{At: t0.Add(5 * time.Hour), Remaining: 1}, c.Points[0])
	assert.Equal(t, BudgetPoint{At: t0.Add(20 * time.Hour), Remaining: 0.5}, c.Points[1])
	assert.Equal(t, "up · target 99.00 % · budget 1 h", c.Objective)
	checkSVG(t, c.SVG(English))

	// A 100 % target has no budget to burn: no points, a no-data panel.
	window.Budget = 0
	assert.Empty(t, FromAvailability(window, progress, English).Points)
}

func TestAlertTable(t *testing.T) {
	at := time.Date(2026, 3, 4, 10, 17, 0, 0, time.UTC)
	checks := []AlertsAt{{At: at, Alerts: []sla.Alert{
		{Rule: sla.AlertRule{Severity: sla.Page, Long: time.Hour, Short: 5 * time.Minute, Budget: 2}, LongBurn: 20, ShortBurn: 31.24, Firing: true},
		{Rule: sla.AlertRule{Severity: sla.TicketAlert, Long: 72 * time.Hour, Short: 6 * time.Hour, Budget: 10}, LongBurn: 0.5, ShortBurn: 2},
	}}}
	tab := AlertTable(checks, English)
	require.Len(t, tab.Rows, 2)
	assert.Equal(t, "2026-03-04 10:17", tab.Rows[0][0])
	assert.Equal(t, []string{"page", "14.4×", "20.0×", "31.2×", "YES"}, []string{tab.Rows[0][1], tab.Rows[0][3], tab.Rows[0][4], tab.Rows[0][5], tab.Rows[0][6]})
	assert.Equal(t, []string{"ticket", "no"}, []string{tab.Rows[1][1], tab.Rows[1][6]})
	// Windows written for people, in calendar time: never "1h / 5m" or "72h0m0s".
	assert.Equal(t, "1 h / 5 min", tab.Rows[0][2])
	assert.Equal(t, "3 d / 6 h", tab.Rows[1][2])
}

// TestSLATableCredit: one currency goes to the credit column's header; mixed
// currencies stay in the cells.
func TestSLATableCredit(t *testing.T) {
	cop := func(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }
	r := sla.ReportResult{Objectives: []sla.ObjectiveSummary{
		{Objective: "first-response", Metric: sla.FirstResponse, Credit: cop("2000000")},
		{Objective: "resolution", Metric: sla.Resolution, Credit: cop("0")},
	}}
	tab := SLATable(r, Spanish)
	assert.Equal(t, "Crédito (COP)", tab.Header[9])
	assert.Equal(t, []string{"2.000.000", "0"}, []string{tab.Rows[0][9], tab.Rows[1][9]})
	r.Objectives[1].Credit = servuction.MustParseMoney("12.5 EUR")
	tab = SLATable(r, English)
	assert.Equal(t, "Credit", tab.Header[9])
	assert.Equal(t, []string{"2,000,000 COP", "12.50 EUR"}, []string{tab.Rows[0][9], tab.Rows[1][9]})
}
