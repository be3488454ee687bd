package scorecard_test

import (
	"fmt"
	"strings"

	"github.com/servuction/servuction/scorecard"
)

func ExampleNPS() {
	var nps scorecard.NPS // the zero value is ready
	for _, s := range []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5} {
		if err := nps.Add(s); err != nil {
			fmt.Println(err)
		}
	}
	fmt.Println(nps.Add(11))
	r := nps.Result()
	fmt.Printf("NPS %.0f ± %.1f (promoters %d, passives %d, detractors %d)\n",
		r.Score, r.MarginOfError, r.Promoters, r.Passives, r.Detractors)
	// Output:
	// scorecard: nps: score 11 outside 0..10: scorecard: score out of range
	// NPS 0 ± 55.4 (promoters 4, passives 2, detractors 4)
}

func ExampleNPS_Merge() {
	// Two branches scored separately, then combined: the same as one pass.
	var north, south scorecard.NPS
	for _, s := range []int{10, 10, 9, 6} {
		_ = north.Add(s)
	}
	for _, s := range []int{8, 3, 9} {
		_ = south.Add(s)
	}
	var all scorecard.NPS
	all.Merge(&north)
	all.Merge(&south)
	fmt.Printf("%.1f\n", all.Result().Score) // (4 promoters − 2 detractors) / 7
	// Output: 28.6
}

func ExampleCompareNPS() {
	var before, after scorecard.NPS
	for _, s := range []int{10, 9, 9, 8, 7, 6, 3, 10, 0, 5} {
		_ = before.Add(s)
	}
	for _, s := range []int{9, 9, 9, 10, 10, 10, 10, 7, 8, 2} {
		_ = after.Add(s)
	}
	c, _ := scorecard.CompareNPS(after.Result(), before.Result())
	fmt.Printf("+%.0f points, p = %.3f, significant: %v\n", c.Difference, c.PValue, c.Significant)
	// Output: +60 points, p = 0.136, significant: false
}

func ExampleCronbach() {
	r, err := scorecard.Cronbach([][]float64{
		{1, 2, 3},
		{2, 3, 3},
		{3, 3, 4},
		{4, 4, 5},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("alpha %.4f (standardized %.4f)\n", r.Alpha, r.Standardized)
	for i := range r.ItemRest {
		fmt.Printf("item %d: item-rest r %.3f, alpha if deleted %.3f\n", i+1, r.ItemRest[i], r.AlphaIfDeleted[i])
	}
	// Output:
	// alpha 0.9533 (standardized 0.9700)
	// item 1: item-rest r 0.983, alpha if deleted 0.914
	// item 2: item-rest r 0.921, alpha if deleted 0.949
	// item 3: item-rest r 0.920, alpha if deleted 0.923
}

func ExampleCronbachPairwise() {
	// NaN marks a missing answer.
	nan := func() float64 { var z float64; return z / z }()
	rows := [][]float64{
		{4, 5, 4}, {2, nan, 3}, {5, 5, 4}, {3, 3, nan}, {1, 2, 2}, {4, 4, 5},
	}
	pw, _ := scorecard.CronbachPairwise(rows)
	lw, _ := scorecard.CronbachListwise(rows)
	fmt.Printf("pairwise %.3f over %d rows; listwise %.3f over %d complete rows\n", pw.Alpha, pw.N, lw.Alpha, lw.N)
	// Output: pairwise 0.974 over 6 rows; listwise 0.938 over 4 complete rows
}

func ExampleServqual() {
	in, _ := scorecard.NewInstrument("branch survey", scorecard.Likert7, []scorecard.Item{
		{ID: "1", Label: "Modern equipment", Dimension: scorecard.DimTangibles},
		{ID: "2", Label: "Does it right the first time", Dimension: scorecard.DimReliability},
		{ID: "3", Label: "Prompt service", Dimension: scorecard.DimResponsiveness},
	})
	s := scorecard.NewServqual(in)
	_ = s.Add(scorecard.ServqualResponse{
		Expectations: scorecard.Ratings(6, 7, 7),
		Perceptions:  scorecard.Ratings(6, 5, 4),
		Importance:   scorecard.Allocation{20, 50, 30},
	})
	_ = s.Add(scorecard.ServqualResponse{
		Expectations: scorecard.Ratings(5, 7, 6),
		Perceptions:  []scorecard.Answer{scorecard.Rated(6), scorecard.Rated(6), scorecard.NA()},
		Importance:   scorecard.Allocation{10, 60, 30},
	})
	r := s.Result()
	for _, d := range r.Dimensions[:3] {
		fmt.Printf("%-14s E %.2f  P %.2f  gap %+.2f\n", d.Dimension, d.Expectation, d.Perception, d.Gap)
	}
	// The second respondent weighted responsiveness but skipped it, so only
	// the first counts in the weighted score: .2·0 + .5·(−2) + .3·(−3) = −1.9.
	fmt.Printf("SERVQUAL gap %+.2f, weighted %+.2f (n=%d), SERVPERF %.2f\n", r.Gap, r.WeightedGap, r.WeightedGapN, r.Perception)
	// Output:
	// tangibles      E 5.50  P 6.00  gap +0.50
	// reliability    E 7.00  P 5.50  gap -1.50
	// responsiveness E 6.50  P 4.00  gap -3.00
	// SERVQUAL gap -1.33, weighted -1.90 (n=1), SERVPERF 5.17
}

func ExampleReportCard() {
	card, err := scorecard.NewReportCard(scorecard.Likert5,
		[]scorecard.Attribute{{Name: "Speed", Importance: 50}, {Name: "Courtesy", Importance: 30}, {Name: "Facilities", Importance: 20}},
		scorecard.Provider{Name: "Us", Scores: []float64{4, 3, 5}},
		scorecard.Provider{Name: "Bank A", Scores: []float64{3, 4, 4}},
		scorecard.Provider{Name: "Bank B", Scores: []float64{5, 2, 3}},
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	r := card.Result()
	for p, name := range r.Providers {
		fmt.Printf("%-7s overall %.2f rank %d ours-minus-theirs %+.2f\n", name, r.Overall[p], r.Rank[p], r.Difference[p])
	}
	// Output:
	// Us      overall 3.90 rank 1 ours-minus-theirs +0.00
	// Bank A  overall 3.50 rank 3 ours-minus-theirs +0.40
	// Bank B  overall 3.70 rank 2 ours-minus-theirs +0.20
}

func ExampleImportancePerformance() {
	r, _ := scorecard.ImportancePerformance([]scorecard.IPAInput{
		{Name: "Waiting time", Importance: 4.6, Performance: 2.4},
		{Name: "Staff courtesy", Importance: 4.2, Performance: 4.1},
		{Name: "Parking", Importance: 2.1, Performance: 2.8},
		{Name: "Decor", Importance: 1.8, Performance: 4.5},
	}, scorecard.IPAConfig{Crosshair: scorecard.ScaleMidpoint, ImportanceScale: scorecard.Likert5, PerformanceScale: scorecard.Likert5})
	for _, p := range r.Points {
		fmt.Printf("%-15s %s\n", p.Name, p.Quadrant)
	}
	// Output:
	// Waiting time    concentrate-here
	// Staff courtesy  keep-up-the-good-work
	// Parking         low-priority
	// Decor           possible-overkill
}

func ExampleMysteryShop() {
	shop := scorecard.NewMysteryShop(nil) // the default mystery-shopper form
	P, F, NA := scorecard.Pass, scorecard.Fail, scorecard.MarkNA
	_ = shop.Add(scorecard.Evaluation{Branch: "Centro", Agent: "Ana", Marks: []scorecard.Mark{P, P, F, P, NA, P}})
	_ = shop.Add(scorecard.Evaluation{Branch: "Centro", Agent: "Luis", Marks: []scorecard.Mark{P, P, F, P, NA, F}})
	_ = shop.Add(scorecard.Evaluation{Branch: "Norte", Agent: "Ana", Marks: []scorecard.Mark{P, P, P, P, P, P}})
	r := shop.Result()
	for _, b := range r.Branches {
		fmt.Printf("%s: %d visits, %d failed, mean %.0f%%\n", b.Key, b.Visits, b.Failed, 100*b.MeanScore)
	}
	// Output:
	// Centro: 2 visits, 1 failed, mean 44%
	// Norte: 1 visits, 0 failed, mean 100%
}

func ExampleVerbalMessageForm() {
	f := scorecard.VerbalMessageForm()
	P, F := scorecard.Pass, scorecard.Fail
	// Precise, clear, plain, vivid and positive, but the customer never heard when.
	s, _ := f.Score([]scorecard.Mark{P, P, P, P, P, P, P, F})
	fmt.Printf("score %.2f (raw %.3f), failed on %v\n", s.Score, s.Raw, s.FailedCritical)
	// Output: score 0.00 (raw 0.875), failed on [when]
}

func ExampleSatisfactionDrivers() {
	m, err := scorecard.SatisfactionDrivers([]scorecard.DriverRating{
		{Product: 1, Price: 1, Service: 1, Overall: 2}, {Product: 3, Price: 1, Service: 1, Overall: 4},
		{Product: 1, Price: 3, Service: 1, Overall: 3}, {Product: 1, Price: 1, Service: 3, Overall: 3},
		{Product: 3, Price: 3, Service: 1, Overall: 4}, {Product: 3, Price: 1, Service: 3, Overall: 5},
		{Product: 1, Price: 3, Service: 3, Overall: 3}, {Product: 3, Price: 3, Service: 3, Overall: 5},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	w := m.RelativeWeights
	fmt.Printf("product %.0f%%, price %.0f%%, service %.0f%% (R² %.2f)\n", 100*w[0], 100*w[1], 100*w[2], m.R2)
	_, err = scorecard.SatisfactionDrivers(nil)
	fmt.Println(err)
	// Output:
	// product 83%, price 2%, service 15% (R² 0.94)
	// scorecard: drivers: 0 respondents, want at least 5: scorecard: insufficient data
}

func ExampleReadServqualCSV() {
	data := "id,P1,P2,P3\nr1,5,NA,6\nr2,4,x,7\n"
	in := scorecard.MustInstrument("short", scorecard.Likert7, []scorecard.Item{
		{ID: "1", Dimension: scorecard.DimTangibles},
		{ID: "2", Dimension: scorecard.DimEmpathy},
		{ID: "3", Dimension: scorecard.DimEmpathy},
	})
	_, err := scorecard.ReadServqualCSV(strings.NewReader(data), in, scorecard.CSVOptions{})
	fmt.Println(err)
	// Output: scorecard: CSV line 3, column "P2": scorecard: value "x": not an integer rating, blank or N/A: scorecard: invalid CSV
}

func ExampleAlpha_Merge() {
	// Two survey waves scored on different machines, merged afterwards.
	wave1, _ := scorecard.NewAlpha(3, scorecard.CompleteOnly)
	wave2, _ := scorecard.NewAlpha(3, scorecard.CompleteOnly)
	_ = wave1.Add([]float64{1, 2, 3})
	_ = wave1.Add([]float64{2, 3, 3})
	_ = wave2.Add([]float64{3, 3, 4})
	_ = wave2.Add([]float64{4, 4, 5})
	var all scorecard.Alpha
	_ = all.Merge(wave1)
	_ = all.Merge(wave2)
	r, _ := all.Result()
	fmt.Printf("alpha %.4f over %d respondents (102/107 by hand)\n", r.Alpha, r.N)
	// Output: alpha 0.9533 over 4 respondents (102/107 by hand)
}

func ExampleForm_MarksByName() {
	// An evaluator fills the attention-techniques form in Spanish.
	f := scorecard.AttentionTechniquesForm()
	marks, err := f.MarksByName(map[string]scorecard.Mark{
		"rapidez": scorecard.Fail, "sencillez": scorecard.Pass, "interfaz": scorecard.Pass,
		"cortesía": scorecard.Pass, "veracidad": scorecard.Pass, "discreción": scorecard.Pass,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	s, _ := f.Score(marks)
	fmt.Printf("%.0f%% of the techniques applied\n", 100*s.Score)
	// Output: 83% of the techniques applied
}

func ExampleCardSurvey() {
	s, _ := scorecard.NewCardSurvey(scorecard.Likert5, []string{"Speed", "Decor"}, []string{"Us", "Them"})
	_ = s.Add(scorecard.CardResponse{
		Importance: scorecard.Ratings(5, 2),
		Scores:     [][]scorecard.Answer{scorecard.Ratings(2, 5), scorecard.Ratings(4, 3)},
	})
	_ = s.Add(scorecard.CardResponse{
		Importance: scorecard.Ratings(4, 2),
		Scores:     [][]scorecard.Answer{scorecard.Ratings(3, 4)}, // did not rate "Them"
	})
	ipa, _ := s.IPA(scorecard.ScaleMidpoint)
	for _, p := range ipa.Points {
		fmt.Printf("%s: importance %.1f, ours %.1f → %s\n", p.Name, p.Importance, p.Performance, p.Quadrant)
	}
	// Output:
	// Speed: importance 4.5, ours 2.5 → concentrate-here
	// Decor: importance 2.0, ours 4.5 → possible-overkill
}

// Two months of CSAT ratings (1–5): the intervals of each headline figure
// and the tests between the months.
func ExampleCompareCSAT() {
	var june, july scorecard.CSAT
	for _, s := range []int{3, 4, 2, 5, 3, 3, 4, 2, 1, 3} {
		_ = june.Add(s)
	}
	for _, s := range []int{5, 5, 4, 4, 3, 5, 4, 2, 5, 4, 4, 5} {
		_ = july.Add(s)
	}
	r := july.Result()
	fmt.Printf("July: mean %.2f [%.2f, %.2f], top-2-box %.0f%% [%.0f%%, %.0f%%]\n",
		r.Mean, r.MeanCI.Lower, r.MeanCI.Upper, 100*r.TopTwo, 100*r.TopTwoCI.Lower, 100*r.TopTwoCI.Upper)
	c, _ := scorecard.CompareCSAT(r, june.Result())
	fmt.Printf("mean %+.2f, %s: t(%.1f) = %.2f, p = %.4f, %s %.2f\n", c.Mean.Difference, c.Mean.Test, c.Mean.DF, c.Mean.Statistic, c.Mean.PValue, c.Mean.EffectName, c.Mean.Effect)
	fmt.Printf("top-2-box %+.0f points, z = %.2f, p = %.4f, %s %.2f\n", 100*c.TopTwo.Difference, c.TopTwo.Statistic, c.TopTwo.PValue, c.TopTwo.EffectName, c.TopTwo.Effect)
	// Output:
	// July: mean 4.17 [3.57, 4.76], top-2-box 83% [55%, 95%]
	// mean +1.17, Welch t: t(17.3) = 2.57, p = 0.0198, Cohen's d 1.11
	// top-2-box +53 points, z = 2.53, p = 0.0113, Cohen's h 1.14
}

// Alpha of each SERVQUAL dimension straight from questionnaires, with
// blanks left out listwise.
func ExampleServqualAlpha() {
	in := scorecard.MustInstrument("short", scorecard.Likert5, []scorecard.Item{
		{ID: "1", Dimension: scorecard.DimReliability}, {ID: "2", Dimension: scorecard.DimReliability},
		{ID: "3", Dimension: scorecard.DimReliability, Reverse: true},
	})
	var rs []scorecard.ServqualResponse
	for _, p := range [][]int{{4, 5, 2}, {2, 2, 4}, {5, 4, 1}, {3, 3, 3}, {1, 2, 5}, {4, 4, 2}} {
		rs = append(rs, scorecard.ServqualResponse{Perceptions: scorecard.Ratings(p...)})
	}
	rs = append(rs, scorecard.ServqualResponse{Perceptions: []scorecard.Answer{scorecard.Rated(3), {}, scorecard.Rated(3)}})
	dims, _ := scorecard.ServqualAlpha(in, rs, scorecard.PerceptionScores, scorecard.Listwise)
	rel := dims[scorecard.DimReliability-1].Reliability
	fmt.Printf("reliability: alpha %.3f on %d of %d customers\n", rel.Alpha, rel.N, rel.Rows)
	// Output: reliability: alpha 0.965 on 6 of 7 customers
}

// A file saved by a spreadsheet set to Spanish: semicolons and decimal commas.
func ExampleReadRatingsCSVWith() {
	data := "P1;P2;peso\n4;5;1,5\n3;;0,5\n"
	rows, err := scorecard.ReadRatingsCSVWith(strings.NewReader(data), nil, scorecard.CSVOptions{Comma: ';', DecimalComma: true})
	fmt.Println(rows, err)
	// Output: [[4 5 1.5] [3 NaN 0.5]] <nil>
}
