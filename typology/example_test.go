package typology_test

import (
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/typology"
	"github.com/shopspring/decimal"
)

func ExampleClassify() {
	now := time.Date(2026, time.November, 1, 12, 0, 0, 0, time.UTC)
	ago := func(days int) time.Time { return now.AddDate(0, 0, -days) }
	h := typology.History{
		Customer: "C-042",
		Purchases: []typology.Purchase{
			{At: ago(200), Amount: servuction.MustParseMoney("120000 COP"), Margin: servuction.MustParseMoney("30000 COP")},
			{At: ago(120), Amount: servuction.MustParseMoney("90000 COP"), Margin: servuction.MustParseMoney("20000 COP")},
			{At: ago(40), Amount: servuction.MustParseMoney("150000 COP"), Margin: servuction.MustParseMoney("35000 COP")},
		},
		Contacts: []typology.Contact{
			{At: ago(100), Complaint: true, Finding: typology.Founded, Hostile: true, Escalation: true},
			{At: ago(30), Complaint: true, Hostile: true},
		},
		Observations: []typology.Observation{{At: ago(30), Personality: typology.Dominant}},
	}
	p, err := typology.Classify(h, now, typology.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)
	fmt.Printf("%.2f %s\n", p.Behaviour.Confidence, p.Behaviour.Reasons[0])
	fmt.Println(p.Relationship.Reasons[0])
	// Output:
	// C-042: behaviour=aggressive personality=dominant relationship=unknown profitability=unknown motivation=unknown
	// 0.50 behaviour.aggressive: 2 of 2 complaints in 365d hostile or asking for escalation (100% ≥ 50%) (Singh 1990: irate)
	// relationship.none: 3 purchases, 0% tied, 0% on promotion, 0% budget tier, gap CV 0.00: no rule applies
}

func ExampleScoreRFM() {
	in := []typology.RFMInput{
		{Customer: "ana", Recency: 3 * typology.Day, Frequency: 24, Monetary: servuction.MustParseMoney("2400000 COP")},
		{Customer: "beto", Recency: 200 * typology.Day, Frequency: 18, Monetary: servuction.MustParseMoney("1900000 COP")},
		{Customer: "caro", Recency: 10 * typology.Day, Frequency: 1, Monetary: servuction.MustParseMoney("80000 COP")},
		{Customer: "dani", Recency: 400 * typology.Day, Frequency: 2, Monetary: servuction.MustParseMoney("150000 COP")},
		{Customer: "eva", Recency: 60 * typology.Day, Frequency: 6, Monetary: servuction.MustParseMoney("600000 COP")},
	}
	// With five customers each quintile holds one: the scores are the ranks
	// (caro spends least: M = 1; dani buys least recently: R = 1).
	scores, err := typology.ScoreRFM(in, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range scores {
		fmt.Println(s.Customer, s.Code(), s.Segment)
	}
	// Output:
	// ana 555 Champions
	// beto 244 At Risk
	// caro 411 Promising
	// dani 122 Hibernating
	// eva 333 Need Attention
}

func ExampleBGNBD_ConditionalExpectedPurchases() {
	// Fader, Hardie & Lee (2005): a CDNOW customer with 2 repeat purchases,
	// the last in week 30.43, observed for 38.86 weeks.
	e, err := typology.CDNOW.ConditionalExpectedPurchases(39, 2, 30.43, 38.86)
	if err != nil {
		fmt.Println(err)
		return
	}
	alive, _ := typology.CDNOW.PAlive(2, 30.43, 38.86)
	fmt.Printf("expected purchases in the next 39 weeks: %.3f\n", e)
	fmt.Printf("P(alive): %.3f\n", alive)
	// Output:
	// expected purchases in the next 39 weeks: 1.226
	// P(alive): 0.727
}

func ExampleSimpleCLV() {
	// 60 000 COP of margin a year, 90 % retention, 12 % discount rate:
	// 60 000 × 0.9 / (1 + 0.12 − 0.9) = 245 454.55.
	clv, err := typology.SimpleCLV(servuction.MustParseMoney("60000 COP"), decimal.RequireFromString("0.9"), decimal.RequireFromString("0.12"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(clv.StringFixed(2))
	// Output: 245454.55 COP
}

func ExampleABC() {
	res, err := typology.ABC([]typology.Contribution{
		{Customer: "a", Margin: servuction.MustParseMoney("500 EUR")},
		{Customer: "b", Margin: servuction.MustParseMoney("300 EUR")},
		{Customer: "c", Margin: servuction.MustParseMoney("150 EUR")},
		{Customer: "d", Margin: servuction.MustParseMoney("50 EUR")},
		{Customer: "e", Margin: servuction.MustParseMoney("-20 EUR")},
	}, typology.ABCConfig{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range res.Classes {
		fmt.Println(c.Customer, c.Class)
	}
	fmt.Println("bands:", res.Bands().Profitable, res.Bands().VeryProfitable)
	// Output:
	// a very-profitable
	// b very-profitable
	// c profitable
	// d little-profitable
	// e not-profitable
	// bands: 150 EUR 300 EUR
}

func ExampleRecommendLevel() {
	for _, seg := range []struct {
		customers int
		margin    float64
	}{{250_000, 0.08}, {2_000, 0.25}, {12, 0.55}} {
		a, err := typology.RecommendLevel(seg.customers, seg.margin, typology.LevelConfig{})
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(a.Reason.Detail)
	}
	// Output:
	// segment size 250000: many (≥ 10000); margin 8%: low (< 15%) → basic marketing (Kotler's table)
	// segment size 2000: medium (100 ≤ n < 10000); margin 25%: medium (15% ≤ m < 40%) → accountable marketing (Kotler's table)
	// segment size 12: few (< 100); margin 55%: high (≥ 40%) → partnership marketing (Kotler's table)
}

func ExamplePlaybook() {
	var p typology.Profile
	p.Customer = "C-9"
	p.Behaviour.Type = typology.Abusive
	fmt.Print(typology.Playbook(p).Format(typology.Spanish))
	// Output:
	// Cliente abusivo: verificar los hechos, registrarlo todo
	//   1. Verificar los hechos antes de conceder nada.
	//   2. Registrar cada contacto, reclamación y compromiso (trazabilidad).
	//   3. Aplicar la política de forma coherente; si hay que denegar la petición, seguir el protocolo.
	//
	// Protocolo: denegar la petición
	//   1. Estar preparados para una reacción negativa y mantener la calma.
	//   2. Ofrecer alternativas.
	//   3. Escuchar las réplicas.
	//   4. Si el cliente no acepta la denegación, utilizar la técnica del disco rayado.
	//   5. Argumentar las decisiones.
	//   6. Transmitir información sobre el producto o servicio.
}

func ExampleParseBehaviour() {
	for _, s := range []string{"Quejumbroso crónico", "sumiso", "abusive"} {
		b, err := typology.ParseBehaviour(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(b)
	}
	// Output:
	// chronic-complainer
	// submissive
	// abusive
}

func ExamplePersonalData() {
	d := typology.CustomerData{
		Personal:    typology.PersonalData{Name: "Ana Pérez", Phone: "+57 300 123 4567"},
		Demographic: typology.Demographic{Region: "Bogotá norte", Household: "family with children"},
	}
	fmt.Printf("%v\n", d)
	// Output: {[redacted] {Bogotá norte  family with children } {[] []}}
}

func ExampleNewSegmentation() {
	// User-defined rules: recent families first (profile data), then every
	// R×F×M cell exactly once by the unconditional rules.
	seg, err := typology.NewSegmentation([]typology.SegmentRule{
		{Segment: "Families to pamper", R: typology.ScoreRange{Min: 4, Max: 5},
			Where: typology.Condition{Demographic: typology.Demographic{Household: "family with children"}}},
		{Segment: "Big spenders", M: typology.ScoreRange{Min: 5, Max: 5}},
		{Segment: "Everyone else", M: typology.ScoreRange{Min: 1, Max: 4}},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	family := &typology.CustomerData{Demographic: typology.Demographic{Household: "Family with children"}}
	for _, c := range []struct {
		r, f, m int
		data    *typology.CustomerData
	}{{5, 2, 3, family}, {2, 2, 5, family}, {3, 1, 2, nil}} {
		s, _ := seg.Assign(c.r, c.f, c.m, c.data)
		fmt.Printf("R%d F%d M%d → %s\n", c.r, c.f, c.m, s)
	}
	_, err = typology.NewSegmentation([]typology.SegmentRule{{Segment: "Top", R: typology.ScoreRange{Min: 4, Max: 5}}})
	fmt.Println(err != nil)
	// Output:
	// R5 F2 M3 → Families to pamper
	// R2 F2 M5 → Big spenders
	// R3 F1 M2 → Everyone else
	// true
}

func ExampleSegmentTally() {
	var north, south typology.SegmentTally // e.g. two shops, tallied apart
	_ = north.Add(typology.Champions, servuction.MustParseMoney("900000 COP"), servuction.MustParseMoney("300000 COP"))
	_ = south.Add(typology.Champions, servuction.MustParseMoney("600000 COP"), servuction.MustParseMoney("150000 COP"))
	_ = south.Add(typology.Hibernating, servuction.MustParseMoney("50000 COP"), servuction.MustParseMoney("4000 COP"))
	if err := north.Merge(&south); err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range north.Result() {
		fmt.Printf("%s: %d customers, margin %s, rate %.0f%%\n", s.Segment, s.Customers, s.Margin, 100*s.MarginRate())
	}
	// Output:
	// Champions: 2 customers, margin 450000 COP, rate 30%
	// Hibernating: 1 customers, margin 4000 COP, rate 8%
}
