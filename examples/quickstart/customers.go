package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/report"
	"github.com/servuction/servuction/typology"
)

// historyOf turns a simulated customer into the plain history the typology
// package classifies: purchases with their margin, complaints with what the
// facts showed and how the customer behaved, and the last survey.
func historyOf(c customerPlan) typology.History {
	cop := func(v int64) servuction.Money {
		return servuction.Money{Amount: decimal.NewFromInt(v), Currency: "COP"}
	}
	h := typology.History{Customer: c.ID}
	for _, p := range c.Purchases {
		tier := typology.TierStandard
		if p.Budget {
			tier = typology.TierBudget
		}
		h.Purchases = append(h.Purchases, typology.Purchase{At: p.At, Amount: cop(p.Amount), Margin: cop(p.Margin), Promotion: p.Promotion, Tier: tier})
	}
	for i := 0; i < c.Complaints; i++ {
		ct := typology.Contact{At: monthEnd.Add(-time.Duration(24*(10+37*i)) * time.Hour), Channel: servuction.Phone,
			Complaint: true, Satisfaction: c.Satisfaction, Hostile: i < c.Hostile}
		switch {
		case i < c.Founded:
			ct.Finding = typology.Founded
		case i < c.Founded+c.Unfounded:
			ct.Finding = typology.Unfounded
		}
		h.Contacts = append(h.Contacts, ct)
	}
	if c.Rating > 0 {
		h.Surveys = append(h.Surveys, typology.Survey{At: monthEnd.Add(-72 * time.Hour), Rating: c.Rating, WouldRecommend: c.Recommend, IntendsToBuy: c.Recommend})
	}
	return h
}

// histories turns the simulated customers into the histories typology
// classifies, with each customer's margin (for the ABC classes) and, for
// those who bought, their RFM inputs over the year to now.
func histories(plans []customerPlan, now time.Time) ([]typology.History, []typology.Contribution, []typology.RFMInput, error) {
	var hs []typology.History
	var contrib []typology.Contribution
	var rfm []typology.RFMInput
	for _, c := range plans {
		h := historyOf(c)
		hs = append(hs, h)
		margin := servuction.Money{Currency: "COP"}
		for _, p := range h.Purchases {
			var err error
			if margin, err = margin.Add(p.Margin); err != nil {
				return nil, nil, nil, err
			}
		}
		contrib = append(contrib, typology.Contribution{Customer: c.ID, Margin: margin})
		if len(h.Purchases) > 0 {
			in, err := typology.Summarize(h, now, 365*typology.Day)
			if err != nil {
				return nil, nil, nil, fmt.Errorf("customer %s: %w", c.ID, err)
			}
			rfm = append(rfm, in)
		}
	}
	return hs, contrib, rfm, nil
}

// customersPart sorts the company's customers the course notes' ways
// (singularización de los clientes): by how they complain (sumiso, agresivo,
// abusivo, quejumbroso crónico), by their relationship with the company
// (fiel, promociones, economista, errático) and by profitability (ABC
// classes on their margin); RFM segments them for data-base marketing, and
// the playbook tells the agent how to serve the most difficult one.
func customersPart(o options, _ *inputs) (report.Section, []string, error) {
	l := o.lang
	now := monthEnd.Add(-time.Second)
	hs, contrib, rfm, err := histories(simulateCustomers(400), now)
	if err != nil {
		return report.Section{}, nil, err
	}
	// Profitability classes: ABC (Pareto) on the year's margin.
	abc, err := typology.ABC(contrib, typology.ABCConfig{})
	if err != nil {
		return report.Section{}, nil, err
	}
	cfg := typology.Config{Bands: abc.Bands()}
	var profiles []typology.Profile
	for _, h := range hs {
		p, err := typology.Classify(h, now, cfg)
		if err != nil {
			return report.Section{}, nil, fmt.Errorf("customer %s: %w", h.Customer, err)
		}
		profiles = append(profiles, p)
	}
	scores, err := typology.ScoreRFM(rfm, typology.DefaultSegmentation())
	if err != nil {
		return report.Section{}, nil, err
	}
	// The most difficult customers, with why, for the agents.
	var difficult []typology.Profile
	for _, p := range profiles {
		switch p.Behaviour.Type {
		case typology.Abusive, typology.ChronicComplainer, typology.Aggressive:
			difficult = append(difficult, p)
		}
	}
	behaviour := report.BehaviourBars(profiles, l)
	relationship := report.RelationshipBars(profiles, l)
	profitability := report.ProfitabilityBars(profiles, l)
	// The summary: the good news (reasonable voicers, loyal customers) and
	// the customers who need a protocol (the bars drawn red).
	var good, hard []string
	for _, c := range []report.BarChart{behaviour, relationship} {
		for _, b := range c.Bars {
			switch {
			case b.Status == report.Good:
				good = append(good, fmt.Sprintf("%s %.0f", strings.ToLower(b.Label), b.Value))
			case b.Status == report.Bad && b.Value > 0:
				hard = append(hard, fmt.Sprintf("%s %.0f", strings.ToLower(b.Label), b.Value))
			}
		}
	}
	lines := []string{
		fmt.Sprintf("%s: %d (%s)", tr(l, "Customers classified", "Clientes clasificados"), len(profiles), strings.Join(good, ", ")),
		fmt.Sprintf("  %s: %s", tr(l, "difficult", "difíciles"), strings.Join(hard, ", ")),
	}
	blocks := []report.Block{behaviour, relationship, profitability, report.SegmentTable(scores, l)}
	if len(difficult) > 0 {
		if len(difficult) > 8 {
			difficult = difficult[:8]
		}
		blocks = append(blocks, report.ProfileTable(difficult, l))
		lang := typology.English
		if l == report.Spanish {
			lang = typology.Spanish
		}
		blocks = append(blocks, report.Text(tr(l, "Playbook for ", "Guía para ")+difficult[0].Customer+": "+typology.Playbook(difficult[0]).Format(lang)))
	}
	sec := report.Section{
		Title: tr(l, "Customers (typology)", "Clientes (tipología)"),
		Intro: tr(l, "Each customer's year of purchases, complaints and surveys, classified with stated rules (Singh 1990 on complainer types, Reynolds & Harris 2005 on illegitimate complaining); every type comes with its reasons.",
			"El año de compras, quejas y encuestas de cada cliente, clasificado con reglas explícitas (Singh 1990 sobre tipos de reclamantes, Reynolds y Harris 2005 sobre quejas ilegítimas); cada tipo viene con sus razones."),
		Blocks: blocks,
	}
	return sec, lines, nil
}
