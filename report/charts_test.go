package report

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/internal/golden"
)

// geometry names the SVG attributes that hold only numbers.
var geometry = map[string]bool{"x": true, "y": true, "width": true, "height": true, "x1": true, "y1": true,
	"x2": true, "y2": true, "cx": true, "cy": true, "r": true, "points": true, "viewBox": true, "d": true}

// svgInfo is what checkSVG learns from a chart.
type svgInfo struct {
	title, desc string
	elements    map[string]int
	texts       []string
}

// checkSVG parses doc as XML, checks that every geometry attribute holds
// finite numbers and that the root has a title and a description, and
// returns what it found.
func checkSVG(t testing.TB, doc string) svgInfo {
	t.Helper()
	info := svgInfo{elements: map[string]int{}}
	dec := xml.NewDecoder(strings.NewReader(doc))
	var stack []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			stack = append(stack, tok.Name.Local)
			info.elements[tok.Name.Local]++
			for _, a := range tok.Attr {
				if !geometry[a.Name.Local] {
					continue
				}
				for _, f := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ' ' || r == ',' }) {
					if a.Name.Local == "d" && f[0] >= 'A' && f[0] <= 'Z' {
						if f = f[1:]; f == "" {
							continue
						}
					}
					v, err := strconv.ParseFloat(f, 64)
					if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
						t.Fatalf("<%s %s=%q>: %q is not a finite number", tok.Name.Local, a.Name.Local, a.Value, f)
					}
				}
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 2 && stack[1] == "title" {
				info.title += string(tok)
			}
			if len(stack) == 2 && stack[1] == "desc" {
				info.desc += string(tok)
			}
			if len(stack) > 0 && stack[len(stack)-1] == "text" {
				info.texts = append(info.texts, string(tok))
			}
		}
	}
	require.Equal(t, 1, info.elements["svg"])
	require.NotEmpty(t, info.title, "accessible title")
	return info
}

// charts returns one of each chart, from the sample report.
func charts(l Lang) map[string]Chart {
	m := map[string]Chart{}
	for _, s := range sample(l).Sections {
		for _, b := range s.Blocks {
			if c, ok := b.(Chart); ok {
				name := strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(typeName(c), "report."), "*"))
				m[name] = c
			}
		}
	}
	return m
}

func typeName(v any) string {
	switch v.(type) {
	case ComplianceChart:
		return "compliance"
	case BurnDownChart:
		return "burndown"
	case IPAChart:
		return "ipa"
	case GapChart:
		return "gap"
	case SatisfactionChart:
		return "satisfaction"
	case FunnelChart:
		return "funnel"
	case ParetoChart:
		return "pareto"
	case ControlChart:
		return "control"
	case PDCAPanel:
		return "pdca"
	case BarChart:
		return "bar"
	}
	return "?"
}

func TestChartsGolden(t *testing.T) {
	for _, l := range []Lang{English, Spanish} {
		cs := charts(l)
		require.Len(t, cs, 10)
		for name, c := range cs {
			out := c.SVG(l)
			checkSVG(t, out)
			golden.Check(t, "svg/"+name+"-"+l.String()+".svg", out)
		}
	}
}

// TestNoData checks that every chart given nothing draws a "no data" panel
// with its title, not a broken chart.
func TestNoData(t *testing.T) {
	empty := []Chart{ComplianceChart{}, BurnDownChart{}, IPAChart{}, GapChart{}, SatisfactionChart{},
		FunnelChart{}, ParetoChart{}, ControlChart{}, PDCAPanel{}, BarChart{}}
	nan := math.NaN()
	allMissing := []Chart{
		ComplianceChart{Bars: []ComplianceBar{{Label: "x", Percent: nan}}},
		BurnDownChart{Start: time.Unix(0, 0), End: time.Unix(0, 0).Add(time.Hour), Points: []BudgetPoint{{At: time.Unix(0, 0), Remaining: nan}}},
		BurnDownChart{Start: time.Unix(3600, 0), End: time.Unix(0, 0), Points: []BudgetPoint{{At: time.Unix(0, 0), Remaining: 1}}}, // inverted window
		IPAChart{Points: []IPAPoint{{Label: "x", Importance: nan, Performance: 3}}},
		GapChart{Bars: []GapBar{{Label: "x", Gap: math.Inf(1)}}},
		SatisfactionChart{Moments: []MomentScore{{Label: "x", Mean: nan}}},
		FunnelChart{Stages: []FunnelStage{{Label: "x", Count: 0}, {Label: "y", Count: -3}}},
		ParetoChart{Bars: []ParetoBar{{Label: "x", Value: 0}, {Label: "y", Value: -1}, {Label: "z", Value: nan}}},
		ControlChart{Values: []float64{nan, nan}},
		BarChart{Bars: []Bar{{Label: "x", Value: nan}, {Label: "y", Value: -2}}},
	}
	for _, l := range []Lang{English, Spanish} {
		for i, c := range append(empty, allMissing...) {
			info := checkSVG(t, c.SVG(l))
			assert.Contains(t, info.texts, l.t("No data", "Sin datos"), "chart %d (%s)", i, typeName(c))
			assert.True(t, strings.HasPrefix(info.desc, l.t("No data: ", "Sin datos: ")), info.desc)
		}
	}
}

func TestComplianceChart(t *testing.T) {
	c := ComplianceChart{Bars: []ComplianceBar{
		{Label: "a", Percent: 95, Threshold: 95, Met: 19, Total: 20}, // on the threshold: meets
		{Label: "b", Percent: 94.9, Threshold: 95},
		{Label: "c", Percent: 50},
	}}
	tab := c.Table(English)
	assert.Equal(t, []string{"a", "19 / 20", "95.0 %", "95.0 %", "meets"}, tab.Rows[0])
	assert.Equal(t, "below", tab.Rows[1][4])
	assert.Equal(t, []string{"c", "0 / 0", "50.0 %", "–", ""}, tab.Rows[2])
	out := c.SVG(English)
	// Plot from x=230 to x=730 for 0–100 %: 50 % is 250 px wide, 95 % 475 px.
	assert.Contains(t, out, `<rect x="230" y="144" width="250" height="26" fill="#0969da"/>`)
	assert.Contains(t, out, `<rect x="230" y="68" width="475" height="26" fill="#1a7f37"/>`)
	assert.Contains(t, out, `<rect x="230" y="106" width="474.5" height="26" fill="#cf222e"/>`)
}

func TestParetoOrderAndCumulative(t *testing.T) {
	c := ParetoChart{Bars: []ParetoBar{{"b", 27}, {"a", 42}, {"e", 4}, {"c", 15}, {"d", 12}, {"neg", -5}, {"tie", 12}}}
	// Total of the positive values: 42+27+15+12+12+4 = 112. Cumulative:
	// 42/112 = 37.5 %, 69/112 = 61.6 %, 84/112 = 75.0 %, 96/112 = 85.7 %
	// (d before tie: equal values by label), 108/112 = 96.4 %, 112/112 = 100 %.
	tab := c.Table(English)
	var got [][2]string
	for _, r := range tab.Rows {
		got = append(got, [2]string{r[0], r[3]})
	}
	assert.Equal(t, [][2]string{{"a", "37.5 %"}, {"b", "61.6 %"}, {"c", "75.0 %"}, {"d", "85.7 %"}, {"tie", "96.4 %"}, {"e", "100.0 %"}}, got)
	// Shares: 42/112 = 37.5 %, 27/112 = 24.1 %.
	assert.Equal(t, "37.5 %", tab.Rows[0][2])
	assert.Equal(t, "24.1 %", tab.Rows[1][2])
	// The vital few are the causes up to the first that reaches 80 %: a, b, c, d.
	out := c.SVG(English)
	assert.Equal(t, 4, strings.Count(out, `fill="#0969da"/>`)-1, "four dark bars (the legend has one more)")
}

func TestIPAQuadrants(t *testing.T) {
	c := IPAChart{CrossPerformance: 3, CrossImportance: 3, Points: []IPAPoint{
		{"imp-high perf-low", 4, 2}, {"both high", 4, 4}, {"both low", 2, 2}, {"imp-low perf-high", 2, 4},
		{"on the crosshair", 3, 3}, // a value on the crosshair counts as high
		{"missing", math.NaN(), 3},
	}}
	var got []string
	for _, r := range c.Table(Spanish).Rows {
		got = append(got, r[4])
	}
	assert.Equal(t, []string{"Concentrarse aquí", "Mantener el buen trabajo", "Baja prioridad", "Posible exceso", "Mantener el buen trabajo"}, got)
}

func TestFunnelTable(t *testing.T) {
	c := FunnelChart{Stages: []FunnelStage{{"a", 200, false}, {"b", 150, false}, {"c", 0, false}}}
	// 150/200 = 75 % of the start, a drop of 50/200 = 25 %; then 0 %, drop 100 %.
	assert.Equal(t, [][]string{{"a", "200", "100.0 %", "–"}, {"b", "150", "75.0 %", "25.0 %"}, {"c", "0", "0.0 %", "100.0 %"}}, c.Table(English).Rows)

	// An optional stage has no drop, and the next required stage is
	// compared with the last required one: 160 of 200 is a drop of 20 %.
	opt := FunnelChart{Stages: []FunnelStage{{"a", 200, false}, {"opt", 50, true}, {"b", 160, false}, {"c", 170, false}}}
	assert.Equal(t, [][]string{{"a", "200", "100.0 %", "–"}, {"opt", "50", "25.0 %", "–"}, {"b", "160", "80.0 %", "20.0 %"}, {"c", "170", "85.0 %", "0.0 %"}}, opt.Table(English).Rows)
	out := opt.SVG(English)
	checkSVG(t, out)
	assert.Contains(t, out, "160 · 80 % · −20 %")
	assert.NotContains(t, out, "50 · 25 % · −")
}

func TestControlChartZonesAndFlags(t *testing.T) {
	c := ControlChart{Kind: "I", Values: []float64{10, 13.5, 7}, Center: 10, UCL: []float64{13}, LCL: []float64{7},
		Flags: []Flag{{Index: 1, Rule: "WE1"}, {Index: 1, Rule: "WE1"}, {Index: 1, Rule: "Nelson 5"}, {Index: 7, Rule: "out of range"}}}
	tab := c.Table(English)
	assert.Equal(t, "Nelson 5; WE1", tab.Rows[1][5], "rules sorted, duplicates dropped")
	assert.Equal(t, "", tab.Rows[0][5])
	out := c.SVG(English)
	info := checkSVG(t, out)
	assert.Contains(t, info.desc, "1 flagged", "the out-of-range index is ignored")
	// σ = (13 − 10)/3 = 1: each of the three columns gets six zone bands.
	assert.Equal(t, 18, strings.Count(out, `fill="#dafbe1"`)+strings.Count(out, `fill="#fff8c5"`)+strings.Count(out, `fill="#ffebe9"`))
}

// TestControlChartSignalsInWords: the chart says what each rule saw in words
// (not "WE2 × 3"), rings favourable signals green and adverse ones red, and
// names its limits in the report's language.
func TestControlChartSignalsInWords(t *testing.T) {
	up := "2 of 3 points beyond 2σ above the centre line"
	down := "a point below the lower control limit"
	c := ControlChart{Kind: "I", Values: []float64{10, 12.5, 12.6, 6.5, 10}, Center: 10, UCL: []float64{13}, LCL: []float64{7},
		Flags: []Flag{{Index: 1, Rule: "WE2", Says: up, Effect: Good}, {Index: 2, Rule: "WE2", Says: up, Effect: Good},
			{Index: 3, Rule: "WE1", Says: down, Effect: Bad}, {Index: 4, Rule: "Nelson 7", Says: "hugging the centre"}}}
	info := checkSVG(t, c.SVG(English))
	text := strings.Join(info.texts, "\n")
	assert.Contains(t, text, up+": 2 points")
	assert.Contains(t, text, down+": 1 point")
	assert.Contains(t, text, "hugging the centre: 1 point")
	assert.NotContains(t, text, "WE2 ×")
	assert.Contains(t, info.texts, "favourable signal")
	assert.Contains(t, info.texts, "adverse signal")
	for _, lim := range []string{"UCL", "CL", "LCL"} {
		assert.Contains(t, info.texts, lim)
	}
	out := c.SVG(English)
	assert.Equal(t, 2, countRings(out, colGood), "favourable points ringed green")
	assert.Equal(t, 1, countRings(out, colBad), "the adverse point ringed red")
	assert.Equal(t, 1, countRings(out, colWarn), "a signal of no direction ringed amber")

	es := checkSVG(t, c.SVG(Spanish))
	for _, lim := range []string{"LCS", "LC", "LCI"} {
		assert.Contains(t, es.texts, lim)
	}
	assert.NotContains(t, es.texts, "UCL")
	assert.Contains(t, es.texts, "señal favorable")
	assert.Equal(t, []string{"Punto", "Valor", "LCI", "LC", "LCS", "Señales"}, c.Table(Spanish).Header)
	assert.Equal(t, up+" (WE2)", c.Table(English).Rows[1][5])
}

// countRings counts the rings (unfilled circles) drawn in colour col.
func countRings(svgDoc, col string) int {
	return strings.Count(svgDoc, `r="8" fill="none" stroke="`+col+`"`)
}

func TestBurnDownSortsAndFilters(t *testing.T) {
	s := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	c := BurnDownChart{Start: s, End: s.AddDate(0, 0, 10), Points: []BudgetPoint{
		{At: s.AddDate(0, 0, 5), Remaining: 0.25}, {At: s.AddDate(0, 0, 2), Remaining: 0.75},
		{At: s.AddDate(0, 0, 20), Remaining: 0}, // outside the window
	}}
	assert.Equal(t, [][]string{{"2026-03-03 00:00", "75.0 %"}, {"2026-03-06 00:00", "25.0 %"}}, c.Table(English).Rows)
	info := checkSVG(t, c.SVG(Spanish))
	assert.Contains(t, info.desc, "25,0 %")
}

func TestLabelsAreEscaped(t *testing.T) {
	evil := `<script>alert("x") & 'y'</script>`
	cs := []Chart{
		ComplianceChart{Title: evil, Bars: []ComplianceBar{{Label: evil, Percent: 50}}},
		IPAChart{Title: evil, Points: []IPAPoint{{Label: evil, Importance: 1, Performance: 1}}},
		GapChart{Title: evil, Bars: []GapBar{{Label: evil, Gap: -1}}},
		SatisfactionChart{Title: evil, Moments: []MomentScore{{Label: evil, Mean: 3}}},
		FunnelChart{Title: evil, Stages: []FunnelStage{{Label: evil, Count: 3}}},
		ParetoChart{Title: evil, Unit: evil, Bars: []ParetoBar{{Label: evil, Value: 3}}},
		ControlChart{Title: evil, Kind: evil, Unit: evil, Labels: []string{evil}, Values: []float64{1}, Flags: []Flag{{Index: 0, Rule: evil}}},
		PDCAPanel{Title: evil, Indicator: evil, Verdict: evil, Evidence: []string{evil}},
		BarChart{Title: evil, Unit: evil, Bars: []Bar{{Label: evil, Value: 1}}},
	}
	for _, c := range cs {
		out := c.SVG(English)
		info := checkSVG(t, out)
		assert.NotContains(t, out, "<script")
		assert.Equal(t, 0, info.elements["script"])
		page := Report{Title: evil, Sections: []Section{{Title: evil, Intro: evil, Blocks: []Block{c, Text(evil)}}}}.HTML()
		assert.NotContains(t, page, "<script")
	}
}

func TestTableMarkdown(t *testing.T) {
	tab := Table{Caption: "Costs", Header: []string{"Item", "COP"}, Numeric: []bool{false, true},
		Rows: [][]string{{"a | b", "1"}, {"line\nbreak"}}}
	assert.Equal(t, "**Costs**\n\n| Item | COP |\n|---|---:|\n| a \\| b | 1 |\n| line break |  |\n", tab.Markdown(English))
	assert.Equal(t, "| x |\n|---|\n| Sin datos |\n", Table{Header: []string{"x"}}.Markdown(Spanish))
	assert.Equal(t, "", Table{}.Markdown(English))
}

func TestLangNumbers(t *testing.T) {
	tests := []struct {
		l    Lang
		v    float64
		dec  int
		want string
	}{
		{English, 12345.678, 1, "12,345.7"},
		{Spanish, 12345.678, 1, "12.345,7"},
		{English, 1234, 0, "1234"}, // four digits: no separator
		{Spanish, -1234567, 0, "−1.234.567"},
		{English, -0.001, 2, "0.00"}, // no negative zero
		{English, math.NaN(), 2, "–"},
		{Spanish, math.Inf(-1), 2, "–"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.l.num(tt.v, tt.dec), "%v %v", tt.l, tt.v)
	}
	assert.Equal(t, "95,5 %", Spanish.pct(95.5, 1))
}

func TestParseLang(t *testing.T) {
	for s, want := range map[string]Lang{"en": English, "English": English, "es": Spanish, "Español": Spanish, "ESPANOL": Spanish, "es-CO": Spanish} {
		got, err := ParseLang(s)
		require.NoError(t, err, s)
		assert.Equal(t, want, got, s)
	}
	_, err := ParseLang("fr")
	require.ErrorIs(t, err, ErrInvalidInput)
	assert.Contains(t, err.Error(), `report: language "fr"`)
	var l Lang
	require.NoError(t, l.UnmarshalText([]byte("español")))
	assert.Equal(t, Spanish, l)
	txt, err := Spanish.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "es", string(txt))
	_, err = Lang(7).MarshalText()
	require.ErrorIs(t, err, ErrInvalidInput)
}

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi   float64
		n        int
		want     []float64
		min, max float64
	}{
		// Range 100 in 5 steps: raw step 20 → nice 20.
		{0, 100, 5, []float64{0, 20, 40, 60, 80, 100}, 0, 100},
		// Range 1.35 in 6: raw 0.225 → 0.25; floor(−1.1/0.25) = −5 → −1.25.
		{-1.1, 0.25, 6, []float64{-1.25, -1, -0.75, -0.5, -0.25, 0, 0.25}, -1.25, 0.25},
		// Degenerate range 3..3 widens by 1 on each side: 2..4, raw 0.4 → 0.5.
		{3, 3, 4, []float64{2, 2.5, 3, 3.5, 4}, 2, 4},
	}
	for _, tt := range tests {
		got, min, max := ticks(tt.lo, tt.hi, tt.n)
		assert.InDeltaSlice(t, tt.want, got, 1e-9, "%v..%v", tt.lo, tt.hi)
		assert.InDelta(t, tt.min, min, 1e-9)
		assert.InDelta(t, tt.max, max, 1e-9)
	}
	assert.Equal(t, 2, decimalsFor([]float64{0, 0.25}))
	assert.Equal(t, 0, decimalsFor([]float64{0, 20}))
	got, _, _ := ticks(math.NaN(), 1, 5)
	assert.NotEmpty(t, got)
}

func TestParseStep(t *testing.T) {
	s, err := ParseStep("Verificar")
	require.NoError(t, err)
	assert.Equal(t, StepCheck, s)
	_, err = ParseStep("think")
	require.ErrorIs(t, err, ErrInvalidInput)
}

// FuzzCharts draws every chart from arbitrary labels and values and checks
// that each SVG is well-formed XML with finite geometry, and each Markdown
// table has a row per input row.
func FuzzCharts(f *testing.F) {
	f.Add("Wait <&>", 3.5, -1.0, 95.0, int64(3), uint8(2))
	f.Add("", math.NaN(), math.Inf(1), math.Copysign(0, -1), int64(-1), uint8(0)) // a real negative zero
	f.Add("\xff\x00|\n", 1e308, -1e308, 5e-324, int64(1<<40), uint8(255))
	f.Fuzz(func(t *testing.T, label string, a, b, c float64, n int64, k uint8) {
		l := Lang(k % 2)
		cnt := int(n % 1_000_000)
		t0 := time.Unix(0, 0)
		cs := []Chart{
			ComplianceChart{Title: label, Bars: []ComplianceBar{{Label: label, Percent: a, Threshold: b, Met: cnt, Total: cnt}, {Label: label, Percent: c}}},
			BurnDownChart{Objective: label, Start: t0, End: t0.Add(time.Duration(cnt) * time.Minute), Points: []BudgetPoint{{At: t0.Add(time.Duration(cnt/2) * time.Minute), Remaining: a}, {At: t0, Remaining: b}}},
			IPAChart{PerformanceLabel: label, PerfMin: a, PerfMax: b, ImpMin: c, ImpMax: a, CrossPerformance: c, CrossImportance: b, Points: []IPAPoint{{label, a, b}, {label, c, a}}},
			GapChart{Bars: []GapBar{{label, a, b, c}, {label, c, a, b}}},
			SatisfactionChart{Min: a, Max: b, Moments: []MomentScore{{label, cnt, a, b, c, c, true}, {label, 0, c, a, b, a, false}}},
			FunnelChart{Stages: []FunnelStage{{label, cnt, false}, {label, cnt / 2, k%2 == 0}, {label, -cnt, false}}},
			ParetoChart{Unit: label, Bars: []ParetoBar{{label, a}, {label, b}, {label, c}}},
			ControlChart{Kind: label, Labels: []string{label}, Values: []float64{a, b, c}, Center: c, LCL: []float64{b}, UCL: []float64{a, c}, Flags: []Flag{{Index: cnt, Rule: label}, {Index: 1, Rule: label}}, PhaseII: cnt % 4, Target: b, ShowTarget: true},
			PDCAPanel{Indicator: label, Step: Step(k % 7), Verdict: label, Evidence: []string{label, label}},
			BarChart{Unit: label, Bars: []Bar{{label, a, Status(k % 4)}, {label, b, Good}, {label, c, Bad}}},
		}
		for _, ch := range cs {
			checkSVG(t, ch.SVG(l))
			var md strings.Builder
			require.NoError(t, ch.WriteMarkdown(&md, l))
			require.True(t, strings.Count(md.String(), "\n|") >= 2, "a table with a header and a rule: %q", md.String())
			var h strings.Builder
			require.NoError(t, ch.WriteHTML(&h, l, "f"))
		}
	})
}

func TestPublicFormatting(t *testing.T) {
	assert.Equal(t, "+32", English.Signed(32, 0))
	assert.Equal(t, "−0,4", Spanish.Signed(-0.4, 1))
	assert.Equal(t, "0", English.Signed(0.2, 0), "rounds to zero: no sign")
	assert.Equal(t, "1,250,000 COP", English.Money(servuction.MustParseMoney("1250000 COP")))
	assert.Equal(t, "1.250.000 COP", Spanish.Money(servuction.MustParseMoney("1250000.40 COP")))
	assert.Equal(t, "12.50 EUR", English.Money(servuction.MustParseMoney("12.5 EUR")))
	assert.Equal(t, "7", English.Money(servuction.MustParseMoney("7")))
	assert.Equal(t, "95,5 %", Spanish.Percent(95.5, 1))
	assert.Equal(t, "12.345,7", Spanish.Number(12345.67, 1))
}

func TestBarChart(t *testing.T) {
	c := BarChart{Unit: "customers", Bars: []Bar{{"loyal", 30, Good}, {"erratic", 10, Bad}, {"none", 0, Neutral}}}
	// Shares of 30 + 10 + 0 = 40: 75 %, 25 %, 0 %.
	assert.Equal(t, [][]string{{"loyal", "30", "75.0 %"}, {"erratic", "10", "25.0 %"}, {"none", "0", "0.0 %"}}, c.Table(English).Rows)
	out := c.SVG(English)
	// Ticks for 0..30 in 5 steps: step 10 (raw 6 → 10), axis 0..30 over
	// x = 230..670, so 30 is 440 px wide and 10 is 146.67 px.
	assert.Contains(t, out, `<rect x="230" y="53" width="440" height="22" fill="#1a7f37"/>`)
	assert.Contains(t, out, `<rect x="230" y="85" width="146.67" height="22" fill="#cf222e"/>`)
}

func TestTextLineBreaks(t *testing.T) {
	tx := Text("Playbook:\n1. Listen.\n2. Solve.\n\nThen <thank> them.")
	assert.Equal(t, "Playbook:  \n1. Listen.  \n2. Solve.\n\nThen <thank> them.\n", tx.Markdown(English))
	var b strings.Builder
	tx.html(&b, English, "")
	assert.Equal(t, "<p class=\"text\">Playbook:&#xA;1. Listen.&#xA;2. Solve.&#xA;&#xA;Then &lt;thank&gt; them.</p>\n", b.String())
}

func TestParetoGroupsTheTail(t *testing.T) {
	var c ParetoChart
	for v := 1; v <= 20; v++ {
		c.Bars = append(c.Bars, ParetoBar{Label: "cause " + strconv.Itoa(v), Value: float64(v)})
	}
	out := c.SVG(English)
	info := checkSVG(t, out)
	// Twelve bars: causes 20 down to 10, then the other 9 causes (1…9) as
	// one bar of 1+2+…+9 = 45, which sets the axis: ticks 0…50.
	assert.Contains(t, info.texts, "Other 9 causes")
	assert.Contains(t, info.texts, "45")
	assert.Contains(t, info.texts, "50")
	assert.NotContains(t, info.texts, "cause 9")
	assert.Len(t, c.Table(English).Rows, 20, "the table lists every cause")
}

func TestParseStatusAndStep(t *testing.T) {
	for in, want := range map[string]Status{"good": Good, "Malo": Bad, "neutro": Neutral} {
		got, err := ParseStatus(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := ParseStatus("meh")
	require.ErrorIs(t, err, ErrInvalidInput)
	txt, err := Bad.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "bad", string(txt))
	var st Step
	require.NoError(t, st.UnmarshalText([]byte("Actuar")))
	assert.Equal(t, StepAct, st)
	assert.Equal(t, "act", st.String())
}
