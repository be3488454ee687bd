package main

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// median returns the median of xs (the mean of the two middle values for an
// even count) without reordering xs, and NaN for no values.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := len(s) / 2
	if len(s)%2 == 1 {
		return s[m]
	}
	return (s[m-1] + s[m]) / 2
}

// formatSeconds writes a time in seconds with three significant digits and
// the unit that keeps the number between 1 and 999: "61.2 ns", "9.20 ms",
// "1.23 s".
func formatSeconds(s float64) string {
	if math.IsNaN(s) || math.IsInf(s, 0) || s < 0 {
		return "–"
	}
	units := []struct {
		name  string
		scale float64
	}{{"s", 1}, {"ms", 1e-3}, {"µs", 1e-6}, {"ns", 1e-9}}
	for _, u := range units {
		if v := s / u.scale; v >= 1 || u.name == "ns" {
			return sig3(v) + " " + u.name
		}
	}
	panic("unreachable")
}

// sig3 writes v with three significant digits, without an exponent, and
// groups thousands with thin spaces above 9 999 ("205 890").
func sig3(v float64) string {
	switch {
	case v == 0:
		return "0"
	case v >= 1000:
		return groupDigits(fmt.Sprintf("%.0f", v))
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	default:
		return fmt.Sprintf("%.3g", v)
	}
}

// groupDigits puts a space between groups of three digits of a plain
// integer written in decimal, when it has five digits or more.
func groupDigits(digits string) string {
	if len(digits) < 5 {
		return digits
	}
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// formatRatio writes peer ÷ ours: "12.3×".
func formatRatio(peer, ours float64) string {
	if !(peer > 0) || !(ours > 0) || math.IsInf(peer, 0) || math.IsInf(ours, 0) {
		return "–"
	}
	return sig3(peer/ours) + "×"
}

// verdict writes, for the README, what the ratio peer ÷ ours means: "12.3×
// faster", "2.00× slower", or for a floor "2.00× the floor's time".
func verdict(peer, ours float64, floor bool) string {
	if !(peer > 0) || !(ours > 0) || math.IsInf(peer, 0) || math.IsInf(ours, 0) {
		return "–"
	}
	r := peer / ours
	switch {
	case floor:
		return sig3(1/r) + "× the floor's time"
	case r >= 1:
		return sig3(r) + "× faster"
	default:
		return sig3(1/r) + "× slower"
	}
}

// cell escapes text for one cell of a Markdown table: a pipe would end the
// cell and a newline the row.
func cell(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

// markdownTable writes a Markdown table with a header row; every row must
// have as many cells as the header.
func markdownTable(header []string, rows [][]string) string {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + cell(c) + " |")
		}
		b.WriteString("\n")
	}
	line(header)
	b.WriteString("|")
	for range header {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		line(r)
	}
	return b.String()
}

// code writes s as Markdown inline code.
func code(s string) string { return "`" + s + "`" }
