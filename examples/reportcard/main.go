// Command reportcard walks through the customer report card (libreta de
// calificaciones del cliente) of a bank branch against two competitors, as
// the course notes describe it: the key attributes of service quality
// (atributos claves), how much each matters to customers (importancia
// relativa), and how customers score our business and the competition on
// each (puntajes de nuestro negocio). It shows the importance–performance
// chart that tells the branch where to concentrate, and ends with a
// key-driver analysis of what drives overall satisfaction: coefficients with
// standard errors and p-values, and each driver's share of R² by the Shapley
// (LMG) decomposition and by Johnson's relative weights.
//
// Run it with:
//
//	go run ./examples/reportcard
package main

import (
	_ "embed"
	"encoding/csv"
	"fmt"
	"log"
	"strconv"
	"strings"

	"github.com/servuction/servuction/scorecard"
)

// driversCSV holds 100 customers' ratings (1–5) of the branch's products,
// of how high its fees are, and of its service, with their overall
// satisfaction (1–10).
//
//go:embed drivers.csv
var driversCSV string

// The attributes customers told a focus group matter when they choose a
// bank branch.
var attributes = []string{
	"Waiting time",       // tiempo de espera
	"Staff courtesy",     // cortesía del personal
	"Product knowledge",  // conocimiento del producto
	"Problem resolution", // resolución de problemas
	"Clear information",  // información clara
	"Branch facilities",  // instalaciones (evidencia del servicio)
}

var providers = []string{"Our branch", "Banco Norte", "Caja Sur"}

// Each customer rated, on a 1–5 scale, how important each attribute is and
// how each bank does on it (0 = did not rate that bank; −1 = "no aplica").
var questionnaires = []struct {
	importance [6]int
	scores     [3][6]int
}{
	{[6]int{5, 4, 4, 5, 3, 2}, [3][6]int{{2, 5, 4, 3, 4, 5}, {4, 3, 4, 4, 3, 3}, {3, 4, 3, 2, 3, 2}}},
	{[6]int{5, 4, 3, 5, 4, 2}, [3][6]int{{2, 4, 4, 3, 4, 4}, {4, 4, 4, 4, 3, 3}, {3, 3, 3, 3, 3, 3}}},
	{[6]int{4, 5, 4, 5, 3, 1}, [3][6]int{{3, 5, 5, 4, 4, 5}, {5, 3, 3, 4, 4, 4}, {4, 4, 3, 3, 2, 2}}},
	{[6]int{5, 3, 4, 4, 4, 2}, [3][6]int{{1, 4, 4, 3, 3, 5}, {4, 3, 4, 5, 4, 3}, {0, 0, 0, 0, 0, 0}}},
	{[6]int{5, 4, 5, 5, 3, 3}, [3][6]int{{2, 5, 4, 3, 5, 4}, {4, 4, 5, 4, 3, 4}, {3, 4, 3, 3, 3, 3}}},
	{[6]int{4, 4, 4, 5, 4, 2}, [3][6]int{{3, 4, 3, 4, 4, 5}, {4, 3, 4, 4, 4, 3}, {4, 3, 2, 3, 3, 2}}},
	{[6]int{5, 5, 3, 4, 3, 2}, [3][6]int{{2, 5, 4, 3, 4, 4}, {5, 4, 3, 4, 3, 3}, {3, 4, 4, 2, 3, 3}}},
	{[6]int{5, 4, 4, 5, 4, 1}, [3][6]int{{2, 4, 4, 2, 4, -1}, {4, 3, 4, 5, 4, 3}, {4, 3, 3, 3, 3, 2}}},
}

// Last month's questionnaires at the same branch, for the period-over-period
// comparison (before the branch added a second teller).
var lastMonth = []struct {
	importance [6]int
	scores     [3][6]int
}{
	{[6]int{5, 4, 4, 5, 3, 2}, [3][6]int{{1, 5, 4, 3, 4, 5}, {4, 3, 4, 4, 3, 3}, {3, 4, 3, 2, 3, 2}}},
	{[6]int{5, 4, 3, 5, 4, 2}, [3][6]int{{1, 4, 4, 2, 4, 4}, {4, 4, 4, 4, 3, 3}, {3, 3, 3, 3, 3, 3}}},
	{[6]int{4, 5, 4, 5, 3, 1}, [3][6]int{{2, 5, 5, 3, 4, 5}, {5, 3, 3, 4, 4, 4}, {4, 4, 3, 3, 2, 2}}},
	{[6]int{5, 3, 4, 4, 4, 2}, [3][6]int{{1, 4, 4, 2, 3, 5}, {4, 3, 4, 5, 4, 3}, {3, 3, 2, 3, 3, 2}}},
	{[6]int{5, 4, 5, 5, 3, 3}, [3][6]int{{1, 5, 4, 3, 5, 4}, {4, 4, 5, 4, 3, 4}, {3, 4, 3, 3, 3, 3}}},
	{[6]int{4, 4, 4, 5, 4, 2}, [3][6]int{{2, 4, 3, 3, 4, 5}, {4, 3, 4, 4, 4, 3}, {4, 3, 2, 3, 3, 2}}},
	{[6]int{5, 5, 3, 4, 3, 2}, [3][6]int{{1, 5, 4, 2, 4, 4}, {5, 4, 3, 4, 3, 3}, {3, 4, 4, 2, 3, 3}}},
}

// collect gathers questionnaires into a CardSurvey.
func collect(qs []struct {
	importance [6]int
	scores     [3][6]int
}) *scorecard.CardSurvey {
	s, err := scorecard.NewCardSurvey(scorecard.Likert5, attributes, providers)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range qs {
		r := scorecard.CardResponse{Importance: answers(q.importance)}
		for _, sc := range q.scores {
			if sc == [6]int{} {
				r.Scores = append(r.Scores, nil) // this customer did not know the bank
				continue
			}
			r.Scores = append(r.Scores, answers(sc))
		}
		if err := s.Add(r); err != nil {
			log.Fatal(err)
		}
	}
	return s
}

func answers(vals [6]int) []scorecard.Answer {
	out := make([]scorecard.Answer, len(vals))
	for i, v := range vals {
		switch {
		case v > 0:
			out[i] = scorecard.Rated(v)
		case v < 0:
			out[i] = scorecard.NA()
		} // 0 stays a missing answer
	}
	return out
}

func main() {
	// 1. Collect the questionnaires. CardSurvey keeps integer sums, so
	//    surveys run at several branches can be merged exactly.
	survey := collect(questionnaires)

	// 2. The report card: mean scores per bank and attribute; each
	//    attribute's relative importance is its mean importance rating as a
	//    share of the total.
	card, err := survey.Card()
	if err != nil {
		log.Fatal(err)
	}
	res := card.Result()
	fmt.Printf("Customer report card (%d customers, scale %s)\n\n", survey.Respondents(), card.Scale())
	fmt.Printf("%-20s %7s", "attribute", "weight")
	for _, p := range res.Providers {
		fmt.Printf(" %12s", p)
	}
	fmt.Printf(" %11s %11s\n", "vs Norte", "vs Sur")
	for _, a := range res.Attributes {
		fmt.Printf("%-20s %6.1f%%", a.Name, 100*a.Weight)
		for p := range a.Scores {
			fmt.Printf(" %10.2f#%d", a.Scores[p], a.Rank[p])
		}
		fmt.Printf(" %+11.2f %+11.2f\n", a.Difference[1], a.Difference[2])
	}
	// 3. The weighted overall score: Σ weight × score, and how we compare
	//    (difference and ratio with each competitor) and rank.
	fmt.Printf("%-20s %7s", "OVERALL", "")
	for p := range res.Overall {
		fmt.Printf(" %10.2f#%d", res.Overall[p], res.Rank[p])
	}
	fmt.Printf(" %+11.2f %+11.2f\n", res.Difference[1], res.Difference[2])
	fmt.Printf("ratio ours/theirs: %.3f against %s, %.3f against %s\n", res.Ratio[1], res.Providers[1], res.Ratio[2], res.Providers[2])
	// The overall scores' 95 % intervals (weights taken as fixed; a
	// customer's ratings of one bank count as correlated).
	overall, err := survey.OverallIntervals()
	if err != nil {
		log.Fatal(err)
	}
	for p, ci := range overall {
		fmt.Printf("  %-12s overall %.2f [%.2f, %.2f]\n", res.Providers[p], ci.Estimate, ci.Lower, ci.Upper)
	}
	fmt.Println()

	// 3b. How precise are our scores? Eight customers are few: each mean
	//     comes with its 95 % t interval. And did anything change since last
	//     month? Welch's t test, attribute by attribute (different customers
	//     each month: independent samples).
	ci := survey.ScoreIntervals()
	previous := collect(lastMonth)
	change, err := scorecard.CompareCardSurveys(survey, previous)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Our scores with 95% intervals, and the change since last month:")
	for i, a := range attributes {
		t := change[0][i]
		fmt.Printf("  %-20s %.2f [%.2f, %.2f]   %+.2f, t(%.1f) = %5.2f, p = %.3f, d = %+.2f\n",
			a, ci[0][i].Estimate, ci[0][i].Lower, ci[0][i].Upper, t.Difference, t.DF, t.Statistic, t.PValue, t.Effect)
	}
	fmt.Println()

	// 4. Importance–performance analysis: where should the branch act? With
	//    the crosshair at the middle of the scale (3), an important attribute
	//    scored low is where to concentrate (concentrarse aquí).
	ipa, err := survey.IPA(scorecard.ScaleMidpoint)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Importance–performance grid (crosshair at the scale midpoint):")
	fmt.Println(ipa.Chart(48, 12))

	// 5. The same grid with the crosshair at the data means: stricter, it
	//    ranks the attributes against each other rather than against the scale.
	ipaMean, err := survey.IPA(scorecard.DataMean)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("With the crosshair at the data means:")
	for _, p := range ipaMean.Points {
		fmt.Printf("  %-20s %s\n", p.Name, p.Quadrant)
	}

	// 6. Competitive variant: performance is our score minus the
	//    competitor's; below zero we are behind on something that matters.
	for c := 1; c < len(providers); c++ {
		comp, err := card.CompetitiveIPA(c)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("\nAgainst %s (importance split at the average weight, performance at 0):\n", providers[c])
		groups := comp.Quadrants()
		// Print in a fixed order (never range over a map to build output).
		for _, q := range []scorecard.Quadrant{scorecard.ConcentrateHere, scorecard.KeepUpTheGoodWork,
			scorecard.LowPriority, scorecard.PossibleOverkill} {
			if len(groups[q]) > 0 {
				fmt.Printf("  %-22s %v\n", q, groups[q])
			}
		}
	}

	// 7. The report card says what customers think; evaluators check what
	//    actually happens. Mystery shoppers (compradores misteriosos) visit
	//    the branch with the notes' form: tone, courtesy, sales
	//    opportunities, product knowledge, time to attend and resolution (a
	//    critical item: an unresolved problem fails the visit). N/A leaves
	//    the denominator.
	shop := scorecard.NewMysteryShop(scorecard.DefaultMysteryForm())
	form := shop.Form()
	visits := []struct {
		agent string
		marks map[string]scorecard.Mark // filled in by criterion name, Spanish accepted
	}{
		{"Ana", map[string]scorecard.Mark{"tono de lenguaje": scorecard.Pass, "cordialidad": scorecard.Pass,
			"oportunidades de venta": scorecard.Fail, "conocimiento del producto": scorecard.Pass,
			"tiempo de atención": scorecard.Fail, "resolución": scorecard.Pass}},
		{"Luis", map[string]scorecard.Mark{"tono de lenguaje": scorecard.Pass, "cordialidad": scorecard.Pass,
			"oportunidades de venta": scorecard.MarkNA, "conocimiento del producto": scorecard.Fail,
			"tiempo de atención": scorecard.Fail, "resolución": scorecard.Fail}},
		{"Ana", map[string]scorecard.Mark{"tono de lenguaje": scorecard.Pass, "cordialidad": scorecard.Pass,
			"oportunidades de venta": scorecard.Pass, "conocimiento del producto": scorecard.Pass,
			"tiempo de atención": scorecard.Fail, "resolución": scorecard.Pass}},
	}
	for _, v := range visits {
		marks, err := form.MarksByName(v.marks)
		if err != nil {
			log.Fatal(err)
		}
		if err := shop.Add(scorecard.Evaluation{Branch: "Our branch", Agent: v.agent, Marks: marks}); err != nil {
			log.Fatal(err)
		}
	}
	ms := shop.Result()
	fmt.Printf("\nMystery shopper: %d visits, %d failed on a critical item, mean score %.0f%%\n",
		ms.Overall.Visits, ms.Overall.Failed, 100*ms.Overall.MeanScore)
	for _, a := range ms.Agents {
		fmt.Printf("  %-5s %d visits, mean %.0f%%\n", a.Key, a.Visits, 100*a.MeanScore)
	}
	for _, c := range ms.Criteria {
		fmt.Printf("  %-22s passed %d of %d\n", c.Name, c.Pass, c.Pass+c.Fail)
	}
	// "Time to attend" fails on every visit: the same message as the
	// report card's "Waiting time" in the concentrate-here quadrant.

	// 8. A supervisor also reviews one recorded contact with two checklists
	//    from the notes: the attention techniques (técnicas de atención) and
	//    the principles of a verbal message plus the three questions every
	//    answer must settle (qué, cómo, cuándo).
	techniques := scorecard.AttentionTechniquesForm()
	tm, err := techniques.MarksByName(map[string]scorecard.Mark{"rapidez": scorecard.Fail, "sencillez": scorecard.Pass,
		"interfaz": scorecard.Pass, "cortesía": scorecard.Pass, "veracidad": scorecard.Pass, "discreción": scorecard.Pass})
	if err != nil {
		log.Fatal(err)
	}
	ts, err := techniques.Score(tm)
	if err != nil {
		log.Fatal(err)
	}
	verbal := scorecard.VerbalMessageForm()
	vm, err := verbal.MarksByName(map[string]scorecard.Mark{"precisión": scorecard.Pass, "claridad": scorecard.Pass,
		"léxico entendible": scorecard.Pass, "gráfico": scorecard.Fail, "positivo": scorecard.Pass,
		"el qué": scorecard.Pass, "el cómo": scorecard.Pass, "el cuándo": scorecard.Fail})
	if err != nil {
		log.Fatal(err)
	}
	vs, err := verbal.Score(vm)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nContact review: attention techniques %.0f%%; verbal message %.0f%% (raw %.0f%%, failed: %v)\n",
		100*ts.Score, 100*vs.Score, 100*vs.Raw, vs.FailedCritical)

	keyDrivers()
}

// keyDrivers asks which elements of satisfaction (elementos de la
// satisfacción: producto, precio, servicio) drive the overall rating: a
// regression of the overall rating on the three ratings, with each
// element's share of R² by the Shapley (LMG) decomposition and by Johnson's
// relative weights. The shares, not the size of the coefficients, rank the
// drivers: products and fees are correlated, so their coefficients say what
// happens when one moves and the other does not.
func keyDrivers() {
	records, err := csv.NewReader(strings.NewReader(driversCSV)).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	kd, err := scorecard.NewKeyDrivers(records[0][:3]...)
	if err != nil {
		log.Fatal(err)
	}
	for _, rec := range records[1:] {
		var x [4]float64
		for j, cell := range rec {
			if x[j], err = strconv.ParseFloat(cell, 64); err != nil {
				log.Fatal(err)
			}
		}
		if err := kd.Add(x[3], x[:3]); err != nil {
			log.Fatal(err)
		}
	}
	a, err := kd.Result()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("\nWhat drives overall satisfaction? %d customers, R² = %.2f (adjusted %.2f), F(%d, %d) = %.1f, p = %.1g\n",
		a.N, a.R2, a.AdjustedR2, a.DF1, a.DF2, a.F, a.PValue)
	fmt.Printf("  %-9s %6s %6s %6s %9s %6s %5s %6s %6s\n", "driver", "b", "SE", "t", "p", "r", "VIF", "LMG", "Johnson")
	for _, d := range a.Drivers {
		fmt.Printf("  %-9s %+6.2f %6.2f %6.2f %9.1e %+6.2f %5.2f %5.0f%% %6.0f%%\n", d.Name, d.Estimate, d.StdErr, d.T, d.PValue,
			d.Correlation, d.VIF, 100*d.LMGShare, 100*d.RelativeWeightShare)
	}
	for _, n := range a.Notes() {
		fmt.Println("  note:", n)
	}
	b := 0.0
	for _, d := range a.Drivers {
		b += max(d.Estimate, -d.Estimate)
	}
	fmt.Printf("  (|b|/Σ|b| would give fees %.0f%% and no sign; LMG gives %.0f%% of R², and the sign is in b and r.)\n",
		100*max(a.Drivers[1].Estimate, -a.Drivers[1].Estimate)/b, 100*a.Drivers[1].LMGShare)
}
