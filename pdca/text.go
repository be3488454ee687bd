package pdca

import (
	"fmt"
	"math"
	"strings"
)

// textWidth is the number of columns of the plot area of [Chart.Text].
const textWidth = 41

// Text renders the chart as fixed-width text, one line per point: its label
// (labels[i], or its 1-based number when labels is shorter), value, limits, a
// plot where '|' marks the limits, ':' the centre line and 'o' the point
// ('X' when a rule of rules flags it), and the flagging rules. The output is
// deterministic, for terminals, logs and golden files.
func (c Chart) Text(labels []string, rules RuleSet) string {
	n := min(len(c.Points), len(c.LCL), len(c.UCL))
	var b strings.Builder
	fmt.Fprintf(&b, "%v chart: centre %s, sigma %s, %d points\n", c.Kind, num(c.Center), num(c.Sigma), n)
	if n == 0 {
		return b.String()
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for i := range n {
		for _, v := range []float64{c.Points[i], c.LCL[i], c.UCL[i], c.Center} {
			if finite(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if !(hi > lo) {
		lo, hi = lo-1, lo+1
	}
	pos := func(v float64) int {
		if !finite(v) {
			return -1
		}
		return int(math.Round((v - lo) / (hi - lo) * (textWidth - 1)))
	}
	flags := make(map[int][]string)
	for _, v := range c.Violations(rules) {
		flags[v.Index] = append(flags[v.Index], v.Rule.String())
	}
	width := 6
	for i := range n {
		width = max(width, len(label(labels, i)))
	}
	fmt.Fprintf(&b, "%-*s %10s %10s %10s\n", width, "point", "value", "LCL", "UCL")
	row := make([]byte, textWidth)
	for i := range n {
		for j := range row {
			row[j] = ' '
		}
		set := func(v float64, ch byte) {
			if p := pos(v); p >= 0 && p < textWidth {
				row[p] = ch
			}
		}
		set(c.Center, ':')
		set(c.LCL[i], '|')
		set(c.UCL[i], '|')
		mark := byte('o')
		if len(flags[i]) > 0 {
			mark = 'X'
		}
		set(c.Points[i], mark)
		line := fmt.Sprintf("%-*s %10s %10s %10s  %s", width, label(labels, i), num(c.Points[i]), num(c.LCL[i]), num(c.UCL[i]), row)
		if f := flags[i]; len(f) > 0 {
			line += "  " + strings.Join(f, ",")
		}
		b.WriteString(strings.TrimRight(line, " "))
		b.WriteByte('\n')
	}
	return b.String()
}

func label(labels []string, i int) string {
	if i < len(labels) {
		return labels[i]
	}
	return fmt.Sprint(i + 1)
}

func num(v float64) string { return fmt.Sprintf("%.5g", v) }
