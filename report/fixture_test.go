package report

import (
	"math"
	"time"
)

// sample is a report with every kind of block on hand-made data of a call
// centre; the golden files and the HTML checks use it.
func sample(l Lang) Report {
	bogota := time.FixedZone("COT", -5*3600)
	start := time.Date(2026, 3, 1, 0, 0, 0, 0, bogota)
	end := start.AddDate(0, 1, 0)
	return Report{
		Title:    l.t("Service quality — Bogotá call centre", "Calidad del servicio — centro de llamadas de Bogotá"),
		Subtitle: "March 2026 <sample & test>",
		Lang:     l,
		Sections: []Section{
			{Title: "SLA", Intro: "Tickets evaluated against the ANS.", Blocks: []Block{
				Figures{{Label: "Tickets", Value: "1,204"}, {Label: "Compliance", Value: "93.4 %", Note: "target 95 %", Status: Bad}, {Label: "NPS", Value: "+32", Status: Good}},
				ComplianceChart{Bars: []ComplianceBar{
					{Label: "First response · urgent", Percent: 97.5, Threshold: 95, Met: 39, Total: 40},
					{Label: "First response · high", Percent: 91.25, Threshold: 95, Met: 73, Total: 80},
					{Label: "Resolution · normal", Percent: 88, Threshold: 90, Met: 440, Total: 500},
					{Label: "Periodic update", Percent: 100, Met: 12, Total: 12},
					{Label: "Resolution · low", Percent: math.NaN(), Threshold: 80},
				}},
				BurnDownChart{Objective: "Availability 99.9 % (service hours)", Start: start, End: end, Points: []BudgetPoint{
					{At: start.AddDate(0, 0, 4), Remaining: 0.8}, {At: start.AddDate(0, 0, 11), Remaining: 0.55},
					{At: start.AddDate(0, 0, 18), Remaining: 0.5}, {At: start.AddDate(0, 0, 25), Remaining: -0.2},
				}},
			}},
			{Title: "Surveys", Blocks: []Block{
				IPAChart{PerfMin: 1, PerfMax: 5, ImpMin: 1, ImpMax: 5, CrossPerformance: 3, CrossImportance: 3, Points: []IPAPoint{
					{Label: "Speed of answer", Importance: 4.6, Performance: 2.8},
					{Label: "Courtesy", Importance: 4.2, Performance: 4.4},
					{Label: "Hold music", Importance: 1.8, Performance: 2.2},
					{Label: "Branded e-mails", Importance: 2.1, Performance: 4.1},
					{Label: "First-contact resolution", Importance: 3, Performance: 3},
				}},
				GapChart{Bars: []GapBar{
					{Label: "Tangibles", Gap: 0.25, Expectation: 4.5, Perception: 4.75},
					{Label: "Reliability", Gap: -1.1, Expectation: 6.4, Perception: 5.3},
					{Label: "Responsiveness", Gap: -0.65, Expectation: 6.1, Perception: 5.45},
					{Label: "Assurance", Gap: -0.2, Expectation: 6, Perception: 5.8},
					{Label: "Empathy", Gap: -0.4},
				}},
			}},
			{Title: "Journey", Blocks: []Block{
				SatisfactionChart{Min: 1, Max: 5, Moments: []MomentScore{
					{Label: "Welcome (IVR)", N: 980, Mean: 3.9, Low: 3.8, High: 4.0, Standard: 3.5},
					{Label: "Wait", N: 960, Mean: 2.7, Low: 2.6, High: 2.8, Standard: 3.5, Critical: true},
					{Label: "Handling", N: 940, Mean: 4.1, Low: 4.0, High: 4.2, Critical: true},
					{Label: "Follow-up", N: 300, Mean: 3.6, Low: 3.4, High: 3.8},
					{Label: "Farewell", N: 900, Mean: 4.4, Low: 4.3, High: 4.5},
				}},
				FunnelChart{Stages: []FunnelStage{{Label: "Welcome (IVR)", Count: 1000}, {Label: "Wait", Count: 960}, {Label: "Handling", Count: 820}, {Label: "Follow-up", Count: 300, Optional: true}, {Label: "Farewell", Count: 790}}},
			}},
			{Title: "Complaints", Blocks: []Block{
				ParetoChart{Unit: "cases", Bars: []ParetoBar{{"Indifference", 42}, {"Negligence", 27}, {"Forgetfulness", 12}, {"Abuse", 4}, {"Lack of technical preparation", 15}}},
				BarChart{Title: "Customers by relationship", Unit: "customers", Bars: []Bar{{"Loyal", 31, Good}, {"Promotion seeker", 22, Neutral}, {"Erratic", 9, Bad}}},
				Table{Caption: "Cost of bad service", Header: []string{"Item", "COP"}, Numeric: []bool{false, true},
					Rows: [][]string{{"Direct | handling", "1.250.000"}, {"Indirect <lost customers>", "8.400.000"}}},
			}},
			{Title: "PDCA", Blocks: []Block{
				ControlChart{Kind: "p", Unit: "FCR (%)", Values: []float64{70, 72, 69, 71, 73, 70, 68, 72, 76, 78, 79, 80, 81, 79, 82, 90},
					Center: 71.1, LCL: []float64{64.2}, UCL: []float64{78.0}, PhaseII: 8,
					Flags: []Flag{{Index: 10, Rule: "WE1"}, {Index: 11, Rule: "WE1"}, {Index: 12, Rule: "WE1"}, {Index: 15, Rule: "WE1"}, {Index: 14, Rule: "WE2"}, {Index: 15, Rule: "WE2"}}, Target: 80, ShowTarget: true},
				PDCAPanel{Indicator: "First-contact resolution", Step: StepAct, State: "acting", Baseline: "71.1 %", Current: "80.9 %", Target: "80 %",
					Verdict: "improved, target met", VerdictStatus: Good, Decision: "standardize",
					Evidence: []string{"WE1 at points 11, 12, 13, 16", "WE2 at points 15, 16"}},
			}},
			{Title: "Empty"},
		},
		Footer: "Made by servuction's report package from sample data.",
	}
}
