package pdca

import (
	"fmt"
	"math"
)

// A Shewhart chart judges each point on its own, so it is slow to see a
// small sustained shift — the half-σ gain that a training course typically
// brings. The EWMA and CUSUM charts accumulate evidence over the points and
// see such shifts in a few periods (Montgomery, Introduction to Statistical
// Quality Control, ch. 9). Both are computed as R's qcc computes them, from
// the centre and σ of a baseline's [Limits].

// Signal is one point where an EWMA or CUSUM chart crosses a limit.
type Signal struct {
	Index int  `json:"index"` // 0-based point
	Up    bool `json:"up"`    // above the upper limit (else below the lower)
}

// EWMAChart is an exponentially weighted moving average chart (gráfico
// EWMA): Smoothed[i] = λ·x[i] + (1 − λ)·Smoothed[i−1], starting from the
// centre, with limits centre ± k·σᵢ√(λ/(2 − λ)·(1 − (1 − λ)^(2i))), where σᵢ
// is the standard error of point i under the baseline limits (σ/√nᵢ for X̄,
// σ for individuals) and i counts from 1. This is qcc's ewma(): limits that
// widen over the first points towards their asymptote.
//
// The chart keeps the smoothed values and limits, not a copy of the
// statistics it smoothed: those are the caller's points.
type EWMAChart struct {
	Sizes    []float64 `json:"sizes,omitempty"` // each point's size, as given; nil for the limits' constant size
	Smoothed []float64 `json:"smoothed"`
	Center   float64   `json:"center"`
	LCL      []float64 `json:"lcl"`
	UCL      []float64 `json:"ucl"`
	Lambda   float64   `json:"lambda"`
	Sigmas   float64   `json:"sigmas"`
	// Limits are the baseline's frozen limits the chart takes its centre
	// and σ from.
	Limits Limits `json:"limits"`
}

// EWMA defaults, as qcc's ewma().
const (
	DefaultLambda = 0.2 // smoothing weight λ of the newest point
	DefaultSigmas = 3.0 // the limits' multiplier k
)

// EWMA returns the EWMA chart of points (and their sizes, as [Limits.Chart]
// takes them) against the centre and σ of the frozen limits l. lambda is
// the weight λ in (0, 1] of the newest point (0 means 0.2) and sigmas the
// multiplier k (0 means 3). To chart a baseline followed by new data, as
// qcc's ewma(data, newdata = ...), pass them as one series. A t chart's
// limits are not supported (its σ is on the transformed scale).
func EWMA(l Limits, points, sizes []float64, lambda, sigmas float64) (EWMAChart, error) {
	return ewma(l, points, sizes, lambda, sigmas, 0)
}

// ewma is EWMA with centreVar, the variance of the centre itself, added to
// each point's: 0 for a known centre (qcc), σ²/N for a centre estimated
// from a baseline of N units, so that the baseline's own estimation error
// does not read as a shift.
func ewma(l Limits, points, sizes []float64, lambda, sigmas, centreVar float64) (EWMAChart, error) {
	if lambda == 0 {
		lambda = DefaultLambda
	}
	if sigmas == 0 {
		sigmas = DefaultSigmas
	}
	if !(lambda > 0 && lambda <= 1) {
		return EWMAChart{}, fmt.Errorf("pdca: ewma: lambda %v: want in (0, 1]: %w", lambda, ErrInvalidData)
	}
	if !(sigmas > 0) || math.IsInf(sigmas, 0) {
		return EWMAChart{}, fmt.Errorf("pdca: ewma: sigmas %v: want a finite multiplier > 0: %w", sigmas, ErrInvalidData)
	}
	pts, sz, err := smoothingBase(l, points, sizes, "ewma")
	if err != nil {
		return EWMAChart{}, err
	}
	n := len(pts)
	e := EWMAChart{Sizes: sz, Center: l.Center, Lambda: lambda, Sigmas: sigmas, Limits: l}
	buf := make([]float64, 3*n)
	e.Smoothed, e.LCL, e.UCL = buf[:n:n], buf[n:2*n:2*n], buf[2*n:]
	var (
		z      = l.Center
		keep   = 1 - lambda
		decay  = keep * keep // (1 − λ)², raised to the power i as i grows
		q      = 1.0
		factor = lambda / (2 - lambda)
		size   = math.NaN() // the size se belongs to
		se     float64
		i      int
	)
	if sz == nil {
		size, se = l.Size, l.se(l.Size)
	}
	// Limits widen while (1 − λ)^(2i) matters; once it is below the
	// rounding of 1 and the sizes are constant, they are the asymptote.
	for ; i < n && (q >= 1e-17 || sz != nil); i++ {
		z = lambda*pts[i] + keep*z
		q *= decay
		if sz != nil && sz[i] != size {
			size = sz[i]
			se = l.se(size)
		}
		w := sigmas * math.Sqrt(se*se*factor*(1-q)+centreVar)
		e.Smoothed[i], e.LCL[i], e.UCL[i] = z, l.Center-w, l.Center+w
	}
	if i < n {
		w := sigmas * math.Sqrt(se*se*factor+centreVar)
		setAll(e.LCL[i:], l.Center-w)
		setAll(e.UCL[i:], l.Center+w)
		for j, x := range pts[i:] {
			z = lambda*x + keep*z
			e.Smoothed[i+j] = z
		}
	}
	return e, nil
}

// smoothingBase validates limits and points for an EWMA or CUSUM chart and
// returns the points and a copy of the sizes (nil when the limits' constant
// size applies).
func smoothingBase(l Limits, points, sizes []float64, what string) (pts, sz []float64, err error) {
	if l.Kind == TimeBetween {
		return nil, nil, fmt.Errorf("pdca: %s: a t chart's σ is on the transformed scale: chart the transformed times on an individuals chart: %w", what, ErrInvalidData)
	}
	if l.Sigma == 0 {
		return nil, nil, fmt.Errorf("pdca: %s: limits σ 0: a process without variation has nothing to smooth: %w", what, ErrInvalidData)
	}
	if err := l.Validate(); err != nil {
		return nil, nil, err
	}
	if len(points) == 0 {
		return nil, nil, fmt.Errorf("pdca: %s: no points: %w", what, ErrInsufficientData)
	}
	for i, p := range points {
		if !finite(p) {
			return nil, nil, fmt.Errorf("pdca: %s: point %d is %v: %w", what, i+1, p, ErrInvalidData)
		}
	}
	if sizes == nil && l.Size != 0 {
		return points, nil, nil
	}
	sz, err = l.sizesFor(len(points), sizes)
	return points, sz, err
}

// Signals returns the points whose smoothed value lies beyond a limit, in
// order (qcc's violations).
func (e EWMAChart) Signals() []Signal {
	n := min(len(e.Smoothed), len(e.LCL), len(e.UCL))
	z, lcl, ucl := e.Smoothed[:n], e.LCL[:n], e.UCL[:n]
	var out []Signal
	for i, v := range z {
		if v > ucl[i] || v < lcl[i] {
			out = append(out, Signal{Index: i, Up: v > ucl[i]})
		}
	}
	return out
}
