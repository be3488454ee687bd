// Command typology classifies a dozen customers of a small retailer the way
// the course notes sort customers (singularización de los clientes, tipología
// de clientes) and prints, for each, the types with the reasons behind them
// and the playbook the agent should follow; then it fits the BG/NBD and
// Gamma-Gamma customer-value models to a simulated transaction log of the
// shop, checks their forecast on a holdout period and prints customer
// lifetime values.
//
// Run it with:
//
//	go run ./examples/typology
//
// Everything is sample data written below; nothing is read from disk and no
// flag is needed. All dates are relative to a fixed "today" so the output
// never changes.
package main

import (
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/typology"
	"github.com/shopspring/decimal"
)

// today is the moment of the analysis. The library never reads the clock:
// time is always a parameter.
var today = time.Date(2026, time.November, 2, 18, 0, 0, 0, time.UTC)

// agentLanguage is the language of the printed playbooks: the agents of this
// shop speak Spanish (typology.English is the other choice).
const agentLanguage = typology.Spanish

func ago(days int) time.Time { return today.AddDate(0, 0, -days) }

func cop(s string) servuction.Money { return servuction.MustParseMoney(s + " COP") }

// buys returns count purchases, one every `every` days, the last `last` days
// ago, each for amount with the given margin. set may adjust each purchase
// (promotion, price tier, tied purchase).
func buys(count, every, last int, amount, margin string, set func(i int, p *typology.Purchase)) []typology.Purchase {
	ps := make([]typology.Purchase, count)
	for i := range ps {
		ps[i] = typology.Purchase{
			At:     ago(last + (count-1-i)*every),
			Amount: cop(amount), Margin: cop(margin), Tier: typology.TierStandard,
		}
		if set != nil {
			set(i, &ps[i])
		}
	}
	return ps
}

// complaint is a contact in which the customer complained (queja, reclamo).
func complaint(daysAgo int, f typology.Finding, hostile, escalate bool, satisfaction int) typology.Contact {
	return typology.Contact{At: ago(daysAgo), Channel: servuction.InPerson, Complaint: true, Finding: f,
		Hostile: hostile, Escalation: escalate, Satisfaction: satisfaction}
}

// noted is an agent's observation of the customer's personality and
// motivation (the seeds' "según sus características de personalidad").
func noted(daysAgo int, p typology.Personality, m typology.Motivation) typology.Observation {
	return typology.Observation{At: ago(daysAgo), Personality: p, Motivation: m}
}

// customers is the shop's customer base: each history is what a CRM (the
// seeds' "sistema de gestión de las relaciones con los clientes") would hold.
func customers() []typology.History {
	premium := func(_ int, p *typology.Purchase) { p.Tier = typology.TierPremium }
	return []typology.History{
		{
			// The seeds' loyal customer: "es permanente en el tiempo, tiene la
			// intención de comprar, nos recomienda".
			Customer:  "C01",
			Purchases: buys(24, 30, 6, "180000", "54000", premium),
			Surveys:   []typology.Survey{{At: ago(20), Rating: 5, WouldRecommend: true, IntendsToBuy: true}},
			Observations: []typology.Observation{
				noted(40, typology.Communicative, typology.Affective), noted(200, typology.Communicative, 0),
			},
			// Data-base marketing: profile data the segments may use. The
			// personal part is never printed: it shows as [redacted].
			Data: &typology.CustomerData{
				Personal:      typology.PersonalData{Name: "Lucía Gómez", Phone: "+57 310 555 0101"},
				Demographic:   typology.Demographic{Region: "Chapinero", Household: "couple", IncomeBand: "high"},
				Psychographic: typology.Psychographic{Attitudes: []string{"values durability"}},
			},
		},
		{
			// Sumiso: annoyed but silent. Only the surveys tell.
			Customer:     "C02",
			Purchases:    buys(8, 45, 30, "70000", "14000", nil),
			Surveys:      []typology.Survey{{At: ago(35), Rating: 2}, {At: ago(150), Rating: 2}},
			Observations: []typology.Observation{noted(35, typology.Shy, 0)},
		},
		{
			// Agresivo: complains loudly and wants a solution now.
			Customer:  "C03",
			Purchases: buys(10, 30, 12, "120000", "30000", nil),
			Contacts: []typology.Contact{
				complaint(15, typology.Founded, true, true, 3), complaint(100, typology.Founded, true, false, 4),
				complaint(190, typology.Unverified, false, false, 4),
			},
			Observations: []typology.Observation{noted(15, typology.Dominant, typology.Rational)},
		},
		{
			// Abusivo: claims that the facts did not support, to get something.
			Customer:  "C04",
			Purchases: buys(6, 40, 20, "250000", "50000", nil),
			Contacts: []typology.Contact{
				complaint(25, typology.Unfounded, true, true, 0), complaint(70, typology.Unfounded, false, true, 0),
				complaint(140, typology.Unfounded, false, false, 0), complaint(200, typology.Founded, false, false, 3),
			},
			Observations: []typology.Observation{noted(25, typology.Offensive, 0)},
		},
		{
			// Quejumbroso crónico: never satisfied, something is always wrong.
			Customer:  "C05",
			Purchases: buys(7, 45, 10, "90000", "20000", nil),
			Contacts: []typology.Contact{
				complaint(12, typology.Founded, false, false, 2), complaint(60, typology.Unverified, false, false, 1),
				complaint(110, typology.Founded, false, false, 2), complaint(170, typology.Unverified, false, false, 2),
				complaint(240, typology.Founded, false, false, 1),
			},
			Observations: []typology.Observation{noted(12, typology.Critic, 0), noted(110, typology.Critic, 0)},
		},
		{
			// A customer who complained once, with cause, and was satisfied.
			Customer:     "C06",
			Purchases:    buys(12, 30, 9, "95000", "24000", nil),
			Contacts:     []typology.Contact{complaint(60, typology.Founded, false, false, 5)},
			Surveys:      []typology.Survey{{At: ago(50), Rating: 4, WouldRecommend: true}},
			Observations: []typology.Observation{noted(60, typology.Meticulous, typology.Rational)},
		},
		{
			// Promociones: buys when there is a promotion.
			Customer: "C07",
			Purchases: buys(10, 35, 5, "60000", "6000", func(i int, p *typology.Purchase) {
				p.Promotion = i%4 != 3
			}),
		},
		{
			// Economista: always picks the cheapest option.
			Customer: "C08",
			Purchases: buys(9, 40, 14, "40000", "6000", func(i int, p *typology.Purchase) {
				if i != 4 {
					p.Tier = typology.TierBudget
				}
			}),
		},
		{
			// Compra supeditada: buys the toner that the printer they leased
			// from us requires.
			Customer: "C09",
			Purchases: buys(6, 60, 8, "210000", "42000", func(i int, p *typology.Purchase) {
				p.Tied = i != 0
			}),
		},
		{
			// Errático: buys in bursts, with no pattern.
			Customer: "C10",
			Purchases: []typology.Purchase{
				{At: ago(330), Amount: cop("50000"), Margin: cop("12000")},
				{At: ago(328), Amount: cop("35000"), Margin: cop("8000")},
				{At: ago(327), Amount: cop("80000"), Margin: cop("20000")},
				{At: ago(120), Amount: cop("45000"), Margin: cop("11000")},
				{At: ago(119), Amount: cop("30000"), Margin: cop("7000")},
			},
		},
		{
			// A new customer: one purchase, too early to tell.
			Customer:  "C11",
			Purchases: buys(1, 0, 3, "130000", "35000", nil),
			Surveys:   []typology.Survey{{At: ago(2), Rating: 5, IntendsToBuy: true}},
		},
		{
			// Returns and discounts ate the margin: nada rentable.
			Customer:  "C12",
			Purchases: buys(5, 50, 25, "300000", "-15000", nil),
			Contacts:  []typology.Contact{complaint(30, typology.Founded, false, false, 4)},
		},
	}
}

func main() {
	log.SetFlags(0)
	base := customers()

	// 1. Profitability (criterio de rentabilidad): an ABC (Pareto) analysis
	// of each customer's margin over the last year gives the bands of the
	// four classes: muy rentables (A), rentables (B), poco rentables (C),
	// nada rentables (margin ≤ 0).
	window := 365 * typology.Day
	var contributions []typology.Contribution
	for _, h := range base {
		total := servuction.Money{}
		for _, p := range h.Purchases {
			if p.At.After(today.Add(-window)) {
				total, _ = total.Add(p.Margin)
			}
		}
		contributions = append(contributions, typology.Contribution{Customer: h.Customer, Margin: total})
	}
	abc, err := typology.ABC(contributions, typology.ABCConfig{})
	if err != nil {
		log.Fatal(err)
	}
	cfg := typology.Config{Window: window, Bands: abc.Bands()}
	fmt.Printf("ABC bands over %d customers: profitable from %s, very profitable from %s\n\n",
		len(base), abc.Bands().Profitable, abc.Bands().VeryProfitable)

	// 2. Data-base marketing: RFM scores and segments for the whole base.
	var rfmIn []typology.RFMInput
	for _, h := range base {
		in, err := typology.Summarize(h, today, window)
		if err != nil {
			log.Fatal(err)
		}
		rfmIn = append(rfmIn, in)
	}
	rfm, err := typology.ScoreRFM(rfmIn, nil)
	if err != nil {
		log.Fatal(err)
	}

	// 3. Each customer: the types with their reasons, then the playbook.
	for i, h := range base {
		p, err := typology.Classify(h, today, cfg)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(strings.Repeat("=", 78))
		fmt.Println(p)
		fmt.Printf("RFM %s → segment %s\n", rfm[i].Code(), rfm[i].Segment)
		if h.Data != nil {
			// The discretion of the seeds: personal data prints as [redacted].
			d := h.Data
			fmt.Printf("profile: personal %v; region %q, occupation %q, household %q, income %q; attitudes %q, interests %q\n",
				d.Personal, d.Demographic.Region, d.Demographic.Occupation, d.Demographic.Household, d.Demographic.IncomeBand,
				d.Psychographic.Attitudes, d.Psychographic.Interests)
		}
		printClassification("behaviour", p.Behaviour.Type, p.Behaviour.Confidence, p.Behaviour.Reasons)
		printClassification("personality", p.Personality.Type, p.Personality.Confidence, p.Personality.Reasons)
		printClassification("relationship", p.Relationship.Type, p.Relationship.Confidence, p.Relationship.Reasons)
		printClassification("profitability", p.Profitability.Type, p.Profitability.Confidence, p.Profitability.Reasons)
		printClassification("motivation", p.Motivation.Type, p.Motivation.Confidence, p.Motivation.Reasons)

		// Customer value: the simple CLV of this year's margin, with 80 %
		// retention and a 10 % discount rate, paid at the end of each year.
		if p.Margin.Sign() > 0 {
			clv, err := typology.SimpleCLV(p.Margin, decimal.RequireFromString("0.8"), decimal.RequireFromString("0.1"))
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("simple CLV (margin %s, retention 80%%, discount 10%%): %s\n", p.Margin, clv.StringFixed(0))
		}
		// P(alive) by the BG/NBD model, in weeks. The parameters are the
		// published CDNOW ones (Fader, Hardie & Lee 2005), an illustration:
		// a real shop fits its own.
		if x, tx, T, ok := weeks(h); ok {
			alive, err := typology.CDNOW.PAlive(x, tx, T)
			if err != nil {
				log.Fatal(err)
			}
			fmt.Printf("P(alive), BG/NBD with CDNOW parameters: %.2f (x=%d, tx=%.1f w, T=%.1f w)\n", alive, x, tx, T)
		}

		// The playbook: the guidance for the customer's types plus the
		// seeds' protocols they call for. This shop serves at the counter,
		// so the in-person attention protocol (atención presencial) is added
		// for customers who complain.
		var extra []typology.Protocol
		if p.Behaviour.Type != typology.BehaviourUnclassified && p.Behaviour.Type != typology.Submissive {
			extra = append(extra, typology.InPersonAttention)
		}
		fmt.Println()
		fmt.Println("Playbook / guía para el asesor:")
		guidance := typology.Playbook(p, extra...)
		if len(guidance.Guides) == 0 {
			fmt.Println("  (sin tipo aún: atención estándar; observar y registrar su personalidad)")
			continue
		}
		fmt.Print(indent(guidance.Format(agentLanguage)))
	}

	// 4. Kotler's five levels of relationship marketing for each RFM
	// segment: many customers with low margins → basic or reactive; few
	// with high margins → proactive or partnership. For a base of a dozen
	// customers the cut-offs are scaled down: "few" is under 2, "many" 4 or
	// more.
	fmt.Println(strings.Repeat("=", 78))
	fmt.Println("Relationship marketing level per RFM segment (Kotler):")
	// A SegmentTally is a streaming accumulator: shops or months tallied
	// apart can be merged.
	var tally typology.SegmentTally
	for i, h := range base {
		var revenue, margin servuction.Money
		for _, p := range h.Purchases {
			revenue, _ = revenue.Add(p.Amount)
			margin, _ = margin.Add(p.Margin)
		}
		if err := tally.Add(rfm[i].Segment, revenue, margin); err != nil {
			log.Fatal(err)
		}
	}
	for _, s := range tally.Result() { // sorted by segment name: deterministic
		advice, err := s.Level(typology.LevelConfig{FewCustomers: 2, ManyCustomers: 4})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("  %-20s %s\n", s.Segment, advice.Reason.Detail)
	}

	// 5. Customer value from a transaction log: BG/NBD and Gamma-Gamma
	// fitted by maximum likelihood, checked on a holdout, CLV as money.
	customerValue(base)
	os.Exit(0)
}

// weeks returns the BG/NBD history of h in weeks: x repeat purchases, the
// last tx weeks after the first, observed for T weeks since the first.
func weeks(h typology.History) (x int, tx, T float64, ok bool) {
	if len(h.Purchases) == 0 {
		return 0, 0, 0, false
	}
	first, last := h.Purchases[0].At, h.Purchases[0].At
	for _, p := range h.Purchases {
		if p.At.Before(first) {
			first = p.At
		}
		if p.At.After(last) {
			last = p.At
		}
	}
	week := 7 * 24 * time.Hour
	return len(h.Purchases) - 1, float64(last.Sub(first)) / float64(week), float64(today.Sub(first)) / float64(week), true
}

func printClassification(dim string, t fmt.Stringer, conf float64, reasons []typology.Reason) {
	fmt.Printf("%-13s %-19s confidence %.2f\n", dim, t, conf)
	for _, r := range reasons {
		fmt.Printf("    because %s\n", r)
	}
}

// indent indents every non-empty line of s by two spaces.
func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
