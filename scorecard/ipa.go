package scorecard

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// IPAInput is one attribute's mean importance and mean performance.
type IPAInput struct {
	Name        string
	Importance  float64
	Performance float64
}

// IPAConfig places the crosshair of an importance–performance grid. The
// scales are used for [ScaleMidpoint] and to validate the values.
type IPAConfig struct {
	Crosshair        Crosshair
	ImportanceScale  Scale
	PerformanceScale Scale
}

// IPAPoint is a classified attribute.
type IPAPoint struct {
	Name        string
	Importance  float64
	Performance float64
	Quadrant    Quadrant
}

// IPAResult is an importance–performance grid: the crosshair and each
// attribute's quadrant, in input order.
type IPAResult struct {
	ImportanceCut  float64 // importance at or above it is high
	PerformanceCut float64 // performance at or above it is high
	Points         []IPAPoint
	// Competitive is true for [CompetitiveIPA] grids, whose performance axis
	// is our score minus the competitor's.
	Competitive bool
}

// Quadrants groups the points' names by quadrant, in input order.
func (r IPAResult) Quadrants() map[Quadrant][]string {
	out := map[Quadrant][]string{}
	for _, p := range r.Points {
		out[p.Quadrant] = append(out[p.Quadrant], p.Name)
	}
	return out
}

// crosshairTolerance is how close to a cut, relative to the width of the
// axis's scale, a value must be to count as on the crosshair: means and
// weights computed in floating point land a few ulps off a cut they equal
// (3.2000000000000006 for a mean of 3.2; 0.19999999999999998 for 1/5).
const crosshairTolerance = 1e-9

// classify returns the quadrant; a value on the crosshair counts as high,
// and a value within crosshairTolerance × the axis's width (impWidth,
// perfWidth) below a cut counts as on it.
func classify(imp, perf, impCut, perfCut, impWidth, perfWidth float64) Quadrant {
	hi := imp >= impCut-crosshairTolerance*impWidth
	hp := perf >= perfCut-crosshairTolerance*perfWidth
	switch {
	case hi && !hp:
		return ConcentrateHere
	case hi && hp:
		return KeepUpTheGoodWork
	case !hi && !hp:
		return LowPriority
	default:
		return PossibleOverkill
	}
}

// ImportancePerformance classifies attributes into the four quadrants of
// Martilla and James (1977): concentrate here (important, under-performing),
// keep up the good work, low priority, possible overkill. The crosshair sits
// at each scale's midpoint or at the mean of the attributes' values; a value
// on the crosshair counts as high, and so does one within 10⁻⁹ × the scale's
// width below it (floating-point means of equal values land a few ulps off
// each other). Values must be finite and within their
// scales (errors wrap [ErrOutOfRange], [ErrInvalidScale] or
// [ErrInsufficientData] for no points).
func ImportancePerformance(points []IPAInput, cfg IPAConfig) (IPAResult, error) {
	if err := errors.Join(cfg.ImportanceScale.Validate(), cfg.PerformanceScale.Validate()); err != nil {
		return IPAResult{}, err
	}
	if !cfg.Crosshair.IsValid() {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: crosshair %d undefined: %w", cfg.Crosshair, ErrInvalidValue)
	}
	if len(points) == 0 {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: no attributes: %w", ErrInsufficientData)
	}
	for _, p := range points {
		if !cfg.ImportanceScale.ContainsFloat(p.Importance) {
			return IPAResult{}, fmt.Errorf("scorecard: ipa: attribute %q: importance %v outside %s: %w", p.Name, p.Importance, cfg.ImportanceScale, ErrOutOfRange)
		}
		if !cfg.PerformanceScale.ContainsFloat(p.Performance) {
			return IPAResult{}, fmt.Errorf("scorecard: ipa: attribute %q: performance %v outside %s: %w", p.Name, p.Performance, cfg.PerformanceScale, ErrOutOfRange)
		}
	}
	res := IPAResult{ImportanceCut: cfg.ImportanceScale.Midpoint(), PerformanceCut: cfg.PerformanceScale.Midpoint()}
	if cfg.Crosshair == DataMean {
		res.ImportanceCut, res.PerformanceCut = meanIPA(points)
	}
	for _, p := range points {
		res.Points = append(res.Points, IPAPoint{p.Name, p.Importance, p.Performance,
			classify(p.Importance, p.Performance, res.ImportanceCut, res.PerformanceCut, width(cfg.ImportanceScale), width(cfg.PerformanceScale))})
	}
	return res, nil
}

func width(s Scale) float64 { return float64(s.Max - s.Min) }

func meanIPA(points []IPAInput) (imp, perf float64) {
	for _, p := range points {
		imp += p.Importance
		perf += p.Performance
	}
	n := float64(len(points))
	return imp / n, perf / n
}

// CompetitiveInput is one attribute's importance and the two scores compared.
type CompetitiveInput struct {
	Name       string
	Importance float64
	Ours       float64
	Theirs     float64
}

// CompetitiveIPA is the competitor variant of [ImportancePerformance]:
// performance is our score minus the competitor's on the same scale, split at
// zero (a tie counts as high: we are not behind; as in
// [ImportancePerformance] a value within 10⁻⁹ × the scale's width of a cut
// counts as on it), and importance is split as
// cfg.Crosshair says. cfg.PerformanceScale is the scale both scores use.
func CompetitiveIPA(points []CompetitiveInput, cfg IPAConfig) (IPAResult, error) {
	if err := errors.Join(cfg.ImportanceScale.Validate(), cfg.PerformanceScale.Validate()); err != nil {
		return IPAResult{}, err
	}
	if !cfg.Crosshair.IsValid() {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: crosshair %d undefined: %w", cfg.Crosshair, ErrInvalidValue)
	}
	if len(points) == 0 {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: no attributes: %w", ErrInsufficientData)
	}
	in := make([]IPAInput, len(points))
	for i, p := range points {
		if !cfg.ImportanceScale.ContainsFloat(p.Importance) {
			return IPAResult{}, fmt.Errorf("scorecard: ipa: attribute %q: importance %v outside %s: %w", p.Name, p.Importance, cfg.ImportanceScale, ErrOutOfRange)
		}
		if !cfg.PerformanceScale.ContainsFloat(p.Ours) || !cfg.PerformanceScale.ContainsFloat(p.Theirs) {
			return IPAResult{}, fmt.Errorf("scorecard: ipa: attribute %q: scores %v and %v must lie in %s: %w", p.Name, p.Ours, p.Theirs, cfg.PerformanceScale, ErrOutOfRange)
		}
		in[i] = IPAInput{p.Name, p.Importance, p.Ours - p.Theirs}
	}
	res := IPAResult{ImportanceCut: cfg.ImportanceScale.Midpoint(), Competitive: true}
	if cfg.Crosshair == DataMean {
		res.ImportanceCut, _ = meanIPA(in)
	}
	for _, p := range in {
		res.Points = append(res.Points, IPAPoint{p.Name, p.Importance, p.Performance,
			classify(p.Importance, p.Performance, res.ImportanceCut, 0, width(cfg.ImportanceScale), width(cfg.PerformanceScale))})
	}
	return res, nil
}

// IPA classifies the report card's attributes by their importance (as
// fractions) and our scores. Importance is split at the average weight 1/n,
// whatever the crosshair (with weights summing to 1 the scale midpoint and the
// data mean coincide); performance at the scale midpoint or at our mean score.
// A weight within 10⁻⁹ of 1/n (the width of the fraction scale is 1) or a
// score within 10⁻⁹ × the scale's width of its cut counts as on the
// crosshair, and so as high. A zero ReportCard returns an error wrapping
// [ErrInvalidInstrument].
func (rc *ReportCard) IPA(c Crosshair) (IPAResult, error) {
	if !c.IsValid() {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: crosshair %d undefined: %w", c, ErrInvalidValue)
	}
	if err := rc.check(); err != nil {
		return IPAResult{}, err
	}
	n := float64(len(rc.attrs))
	res := IPAResult{ImportanceCut: 1 / n, PerformanceCut: rc.scale.Midpoint()}
	if c == DataMean {
		res.PerformanceCut = 0
		for _, v := range rc.providers[0].Scores {
			res.PerformanceCut += v
		}
		res.PerformanceCut /= n
	}
	for i, a := range rc.attrs {
		perf := rc.providers[0].Scores[i]
		res.Points = append(res.Points, IPAPoint{a.Name, rc.weights[i], perf,
			classify(rc.weights[i], perf, res.ImportanceCut, res.PerformanceCut, 1, width(rc.scale))})
	}
	return res, nil
}

// CompetitiveIPA classifies the attributes by importance (split at 1/n) and by
// our score minus competitor's (split at 0). competitor is the provider's
// index as given to [NewReportCard], 1 for the first competitor.
func (rc *ReportCard) CompetitiveIPA(competitor int) (IPAResult, error) {
	if err := rc.check(); err != nil {
		return IPAResult{}, err
	}
	if competitor < 1 || competitor >= len(rc.providers) {
		return IPAResult{}, fmt.Errorf("scorecard: ipa: competitor %d: want 1..%d: %w", competitor, len(rc.providers)-1, ErrInvalidValue)
	}
	res := IPAResult{ImportanceCut: 1 / float64(len(rc.attrs)), Competitive: true}
	for i, a := range rc.attrs {
		perf := rc.providers[0].Scores[i] - rc.providers[competitor].Scores[i]
		res.Points = append(res.Points, IPAPoint{a.Name, rc.weights[i], perf,
			classify(rc.weights[i], perf, res.ImportanceCut, 0, 1, width(rc.scale))})
	}
	return res, nil
}

// Chart draws the grid as text, width × height character cells (at least
// 20 × 8), performance across and importance up, with the crosshair as '|'
// and '-' lines, each attribute as a letter A, B, … and a legend naming the
// letters with their quadrant. The axes span the points and the crosshair.
func (r IPAResult) Chart(width, height int) string {
	width, height = min(max(width, 20), 400), min(max(height, 8), 200)
	finite := func(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
	var xs, ys []float64
	if finite(r.PerformanceCut) {
		xs = append(xs, r.PerformanceCut)
	}
	if finite(r.ImportanceCut) {
		ys = append(ys, r.ImportanceCut)
	}
	for _, p := range r.Points {
		if finite(p.Performance) && finite(p.Importance) {
			xs = append(xs, p.Performance)
			ys = append(ys, p.Importance)
		}
	}
	x0, x1 := span(xs)
	y0, y1 := span(ys)
	clamp := func(v, n int) int { return min(max(v, 0), n-1) }
	col := func(v float64) int {
		if !finite(v) {
			return 0
		}
		return clamp(int(math.Round((v-x0)/(x1-x0)*float64(width-1))), width)
	}
	row := func(v float64) int {
		if !finite(v) {
			return height - 1
		}
		return clamp(height-1-int(math.Round((v-y0)/(y1-y0)*float64(height-1))), height)
	}
	grid := make([][]byte, height)
	cx, cy := col(r.PerformanceCut), row(r.ImportanceCut)
	for y := range grid {
		grid[y] = []byte(strings.Repeat(" ", width))
		grid[y][cx] = '|'
	}
	for x := range width {
		if grid[cy][x] == '|' {
			grid[cy][x] = '+'
		} else {
			grid[cy][x] = '-'
		}
	}
	for i, p := range r.Points {
		if finite(p.Performance) && finite(p.Importance) {
			grid[row(p.Importance)][col(p.Performance)] = label(i)
		}
	}
	var b strings.Builder
	xname := "performance"
	if r.Competitive {
		xname = "performance (ours - theirs)"
	}
	fmt.Fprintf(&b, "importance %.3g\n", y1)
	for _, line := range grid {
		b.WriteString("  ")
		b.Write(line)
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "importance %.3g\n", y0)
	fmt.Fprintf(&b, "  %s: %.3g .. %.3g; crosshair at importance %.3g, performance %.3g\n", xname, x0, x1, r.ImportanceCut, r.PerformanceCut)
	fmt.Fprintf(&b, "  top left: %s · top right: %s · bottom left: %s · bottom right: %s\n",
		ConcentrateHere, KeepUpTheGoodWork, LowPriority, PossibleOverkill)
	for i, p := range r.Points {
		fmt.Fprintf(&b, "  %c %-28s importance %.3g, performance %.3g: %s\n", label(i), p.Name, p.Importance, p.Performance, p.Quadrant)
	}
	return b.String()
}

func label(i int) byte {
	const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	if i < len(letters) {
		return letters[i]
	}
	return '*'
}

// span returns a padded [min, max] of vals, never empty ([−1, 1] for none).
func span(vals []float64) (lo, hi float64) {
	if len(vals) == 0 {
		return -1, 1
	}
	lo, hi = vals[0], vals[0]
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	pad := (hi - lo) * 0.05
	if pad == 0 {
		pad = 1
	}
	return lo - pad, hi + pad
}
