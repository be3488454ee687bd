// Command servqual scores a sample SERVQUAL survey of a bank branch, the way
// the course notes' measurement systems (sistemas de medición de la
// satisfacción del cliente) would: 16 customers rated what an excellent bank
// should offer (expectativas) and what this branch offers (percepciones) on
// the 22 standard items, split 100 points of importance over the five
// dimensions, and said how likely they are to recommend the branch.
//
// Run it with:
//
//	go run ./examples/servqual
package main

import (
	"bytes"
	_ "embed"
	"fmt"
	"log"
	"math"

	"github.com/servuction/servuction/scorecard"
)

//go:embed survey.csv
var surveyCSV []byte

// The same branch's survey of the previous quarter, for the
// period-over-period comparison.
//
//go:embed survey_previous.csv
var previousCSV []byte

func main() {
	// 1. The instrument: the standard 22-item SERVQUAL questionnaire on a
	//    1–7 scale. Items 1–4 are tangibles (elementos tangibles), 5–9
	//    reliability (fiabilidad), 10–13 responsiveness (capacidad de
	//    respuesta), 14–17 assurance (seguridad), 18–22 empathy (empatía).
	in := scorecard.DefaultServqual()

	// 2. Load the answers. Columns E1…E22 and P1…P22 hold expectations and
	//    perceptions; "NA" means the question does not apply (no aplica) and
	//    a blank is a missing answer: neither becomes a number. The phase
	//    column says whether the customer judged the branch before, during
	//    or after the transaction (antes, durante, después) and the source
	//    column which measurement system collected it.
	responses, err := scorecard.ReadServqualCSV(bytes.NewReader(surveyCSV), in, scorecard.CSVOptions{})
	if err != nil {
		log.Fatal(err)
	}

	// 3. Score them. The accumulator can also be filled in shards (one per
	//    branch or per month) and merged: the result is the same.
	var all scorecard.Servqual // zero value: the default instrument
	byPhase := map[scorecard.Phase]*scorecard.Servqual{}
	for _, r := range responses {
		if err := all.Add(r); err != nil {
			log.Fatal(err)
		}
		if byPhase[r.Phase] == nil {
			byPhase[r.Phase] = scorecard.NewServqual(in)
		}
		if err := byPhase[r.Phase].Add(r); err != nil {
			log.Fatal(err)
		}
	}
	res := all.Result()

	fmt.Printf("SERVQUAL survey: %d customers, %d items\n\n", res.Respondents, in.Len())
	fmt.Println("Items with the widest gaps (perception − expectation):")
	for _, it := range worst(res.Items, 5) {
		fmt.Printf("  %2s %-52s E %.2f  P %.2f  gap %+.2f (n=%d)\n", it.ID, it.Label, it.Expectation, it.Perception, it.Gap, it.NGap)
	}

	// 4. Dimensions: the gap of each dimension is the mean of its items'
	//    gaps. A negative gap means the branch falls short of what customers
	//    expect of an excellent bank. The 95 % interval and the paired t test
	//    (expectations against perceptions) rest on each customer's own mean
	//    gap on the dimension: with 16 customers, is the shortfall real?
	fmt.Println("\nDimensions (gap with 95% interval; paired t test of P against E):")
	for _, d := range res.Dimensions {
		fmt.Printf("  %-15s E %.2f  P %.2f  gap %+.2f [%+.2f, %+.2f]  t(%.0f) = %6.2f, p %s, d_z = %+.2f   importance %4.1f points\n",
			d.Dimension, d.Expectation, d.Perception, d.Gap, d.GapCI.Lower, d.GapCI.Upper,
			d.GapTest.DF, d.GapTest.Statistic, pvalue(d.GapTest.PValue), d.GapTest.Effect, res.Importance[d.Dimension-1])
	}

	// 5. Overall scores. The unweighted SERVQUAL score is the mean of the five
	//    dimension gaps; the weighted one applies each customer's own 100-point
	//    allocation to their own gaps and then averages (the mean of weighted
	//    scores, not the product of means). SERVPERF keeps only perceptions.
	fmt.Printf("\nUnweighted SERVQUAL gap %+.2f (respondent-level 95%% interval [%+.2f, %+.2f])\n", res.Gap, res.GapCI.Lower, res.GapCI.Upper)
	fmt.Printf("Weighted SERVQUAL gap   %+.2f (%d customers gave an allocation)\n", res.WeightedGap, res.WeightedGapN)
	fmt.Printf("SERVPERF (perceptions)  %.2f, weighted %.2f\n", res.Perception, res.WeightedPerception)

	fmt.Println("\nBy phase of the transaction:")
	for _, ph := range []scorecard.Phase{scorecard.Before, scorecard.During, scorecard.After} {
		if s := byPhase[ph]; s != nil {
			r := s.Result()
			fmt.Printf("  %-7s %2d customers, gap %+.2f\n", ph, r.Respondents, r.Gap)
		}
	}

	// 6. Is the questionnaire reliable? Cronbach's alpha of the perception
	//    items of each dimension, read straight from the responses
	//    (reverse-keyed items would be recoded; listwise: customers with a
	//    blank or N/A on that dimension are left out of it).
	fmt.Println("\nReliability of the perception scales (Cronbach's alpha):")
	rels, err := scorecard.ServqualAlpha(in, responses, scorecard.PerceptionScores, scorecard.Listwise)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range rels {
		if d.Err != nil {
			fmt.Printf("  %-15s %v\n", d.Dimension, d.Err)
			continue
		}
		rel := d.Reliability
		fmt.Printf("  %-15s alpha %.2f  95%% CI [%.2f, %.2f]  n=%d\n", d.Dimension, rel.Alpha, rel.CI[0], rel.CI[1], rel.N)
		for _, w := range rel.Warnings() {
			fmt.Println("    warning:", w)
		}
	}

	// 6b. Period over period: the previous quarter's survey of the same
	//     branch, compared dimension by dimension with Welch's t test on the
	//     customers' mean gaps (independent samples: different customers).
	prevResponses, err := scorecard.ReadServqualCSV(bytes.NewReader(previousCSV), in, scorecard.CSVOptions{})
	if err != nil {
		log.Fatal(err)
	}
	prev := scorecard.NewServqual(in)
	for _, r := range prevResponses {
		if err := prev.Add(r); err != nil {
			log.Fatal(err)
		}
	}
	cmp, err := scorecard.CompareServqual(res, prev.Result())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("\nThis quarter against the previous one (gap change, Welch t test):")
	for i, t := range cmp.Dimensions {
		fmt.Printf("  %-15s %+.2f [%+.2f, %+.2f]  t(%.1f) = %5.2f, p %s, d = %+.2f\n",
			scorecard.Dimension(i+1), t.Difference, t.CI.Lower, t.CI.Upper, t.DF, t.Statistic, pvalue(t.PValue), t.Effect)
	}
	fmt.Printf("  %-15s %+.2f [%+.2f, %+.2f]  t(%.1f) = %5.2f, p %s, significant: %v\n",
		"overall", cmp.Gap.Difference, cmp.Gap.CI.Lower, cmp.Gap.CI.Upper, cmp.Gap.DF, cmp.Gap.Statistic, pvalue(cmp.Gap.PValue), cmp.Gap.Significant)

	// 7. Net Promoter Score from the "recommend" column (0–10).
	rec, err := scorecard.ReadRatingsCSV(bytes.NewReader(surveyCSV), []string{"recommend"})
	if err != nil {
		log.Fatal(err)
	}
	var nps scorecard.NPS
	for _, r := range rec {
		if err := nps.Add(int(r[0])); err != nil {
			log.Fatal(err)
		}
	}
	n := nps.Result()
	fmt.Printf("\nNPS %.0f ± %.0f (promoters %d, passives %d, detractors %d)\n", n.Score, n.MarginOfError, n.Promoters, n.Passives, n.Detractors)
	prevRec, err := scorecard.ReadRatingsCSV(bytes.NewReader(previousCSV), []string{"recommend"})
	if err != nil {
		log.Fatal(err)
	}
	var prevNPS scorecard.NPS
	for _, r := range prevRec {
		if err := prevNPS.Add(int(r[0])); err != nil {
			log.Fatal(err)
		}
	}
	pn := prevNPS.Result()
	if c, err := scorecard.CompareNPS(n, pn); err == nil {
		fmt.Printf("NPS previous quarter %.0f: change %+.0f points, adjusted-Wald z = %.2f, p = %.3f\n", pn.Score, c.Difference, c.Z, c.PValue)
	}

	// 8. What drives overall satisfaction? The notes name three elements of
	//    customer satisfaction: product quality (calidad del producto),
	//    competitive price (precio competitivo) and customer service
	//    (servicio al cliente). Customers also rated those and their overall
	//    satisfaction (1–7); least squares weighs each element.
	drv, err := scorecard.ReadRatingsCSV(bytes.NewReader(surveyCSV), []string{"product", "price", "service", "overall"})
	if err != nil {
		log.Fatal(err)
	}
	var drivers scorecard.Drivers
	for _, r := range drv {
		if err := drivers.Add(scorecard.DriverRating{Product: r[0], Price: r[1], Service: r[2], Overall: r[3]}); err != nil {
			log.Fatal(err)
		}
	}
	if m, err := drivers.Result(); err != nil {
		fmt.Println("\nSatisfaction drivers:", err)
	} else {
		fmt.Printf("\nSatisfaction drivers (n=%d, R² %.2f): product %.0f%%, price %.0f%%, service %.0f%%\n",
			m.N, m.R2, 100*m.RelativeWeights[0], 100*m.RelativeWeights[1], 100*m.RelativeWeights[2])
	}

	// 9. The same results as indicators in the notes' four categories
	//    (calidad de trabajo, capacidad de respuesta, volumen, eficiencia),
	//    ready for a PDCA cycle's standards.
	fmt.Println("\nIndicators:")
	for _, ind := range scorecard.Indicators(scorecard.SurveyResults{Servqual: &res, NPS: &n}) {
		fmt.Printf("  %-15s %-36s %7.2f %s\n", ind.Category, ind.Name, ind.Value, ind.Unit)
	}
}

// pvalue prints a p-value as "= 0.0123", or "< 0.0001" when smaller.
func pvalue(p float64) string {
	if p < 0.0001 {
		return "< 0.0001"
	}
	return fmt.Sprintf("= %.4f", p)
}

// worst returns the k items with the most negative gap, worst first (ties in
// item order).
func worst(items []scorecard.ItemScore, k int) []scorecard.ItemScore {
	out := append([]scorecard.ItemScore(nil), items...)
	for i := 1; i < len(out); i++ { // insertion sort: stable and tiny
		for j := i; j > 0 && less(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out[:min(k, len(out))]
}

func less(a, b scorecard.ItemScore) bool {
	if math.IsNaN(b.Gap) {
		return !math.IsNaN(a.Gap)
	}
	return a.Gap < b.Gap
}
