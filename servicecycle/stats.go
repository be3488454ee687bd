package servicecycle

import (
	"math"
	"time"
)

// Satisfaction summarises the ratings (1–5) given at a moment.
type Satisfaction struct {
	// N is the number of rated encounters.
	N int `json:"n"`
	// Mean rating and the sample standard deviation (n−1); 0 when N is 0.
	Mean   float64 `json:"mean"`
	StdDev float64 `json:"stdDev"`
	// Low and High bound the 95 % confidence interval of the mean (Student's
	// t with N−1 degrees of freedom), limited to the rating scale 1–5; both
	// equal Mean when N < 2.
	Low  float64 `json:"low"`
	High float64 `json:"high"`
	// Distribution counts the ratings: Distribution[0] is the number of 1s,
	// Distribution[4] the number of 5s.
	Distribution [MaxRating]int `json:"distribution"`
}

// satisfactionOf computes the summary from the counts of each rating, which
// make mean and variance exact.
func satisfactionOf(counts [MaxRating]int64) Satisfaction {
	var s Satisfaction
	var sum float64
	for i, c := range counts {
		s.Distribution[i] = int(c)
		s.N += int(c)
		sum += float64(c) * float64(i+1)
	}
	if s.N == 0 {
		return s
	}
	s.Mean = sum / float64(s.N)
	s.Low, s.High = s.Mean, s.Mean
	if s.N < 2 {
		return s
	}
	var ss float64
	for i, c := range counts {
		d := float64(i+1) - s.Mean
		ss += float64(c) * d * d
	}
	s.StdDev = math.Sqrt(ss / float64(s.N-1))
	half := tQuantile975(float64(s.N-1)) * s.StdDev / math.Sqrt(float64(s.N))
	s.Low, s.High = max(s.Mean-half, MinRating), min(s.Mean+half, MaxRating)
	return s
}

// tQuantile975 returns the 0.975 quantile of Student's t with df degrees of
// freedom, df fractional (a Welch interval's df is not a whole number), or NaN
// when df < 1. It inverts the distribution function P(T > t) = ½·I_x(df/2, ½),
// x = df/(df+t²), by bisection on x, with the regularized incomplete beta
// function I from its continued fraction; accurate to about 1e-10 (checked
// against R's qt in the tests).
func tQuantile975(df float64) float64 {
	if !(df >= 1) {
		return math.NaN()
	}
	if df > 1e12 {
		return 1.959963984540054 // the normal quantile
	}
	a := df / 2
	// I_x(a, ½) grows with x; find x where it is 2 × 0.025.
	lo, hi := 0.0, 1.0
	for range 200 {
		mid := (lo + hi) / 2
		if mid == lo || mid == hi {
			break
		}
		if regIncBeta(mid, a, 0.5) < 0.05 {
			lo = mid
		} else {
			hi = mid
		}
	}
	x := (lo + hi) / 2
	return math.Sqrt(df * (1 - x) / x)
}

// regIncBeta returns the regularized incomplete beta function I_x(a, b) for
// 0 ≤ x ≤ 1 and a, b > 0 (Numerical Recipes, 3rd ed., §6.4: the continued
// fraction evaluated by the modified Lentz method, on the side of x where it
// converges fast).
func regIncBeta(x, a, b float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(x, a, b) / a
	}
	return 1 - front*betaFraction(1-x, b, a)/b
}

// betaFraction evaluates the continued fraction of the incomplete beta
// function by the modified Lentz method.
func betaFraction(x, a, b float64) float64 {
	const tiny, eps = 1e-300, 1e-16
	qab, qap, qam := a+b, a+1, a-1
	c, d := 1.0, 1-qab*x/qap
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 1000; m++ {
		fm := float64(m)
		aa := fm * (b - fm) * x / ((qam + 2*fm) * (a + 2*fm))
		d, c = 1+aa*d, 1+aa/c
		d, c = 1/nonzero(d, tiny), nonzero(c, tiny)
		h *= d * c
		aa = -(a + fm) * (qab + fm) * x / ((a + 2*fm) * (qap + 2*fm))
		d, c = 1+aa*d, 1+aa/c
		d, c = 1/nonzero(d, tiny), nonzero(c, tiny)
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}

func nonzero(v, tiny float64) float64 {
	if math.Abs(v) < tiny {
		return tiny
	}
	return v
}

// TimeSummary summarises durations: the time from the previous moment, the
// time along a transition, a journey's throughput time. Median and P90 are
// type-7 quantiles (R's default), exact up to [ExactTimings] durations and
// within [QuantileRelativeError] of the exact value beyond.
type TimeSummary struct {
	N      int           `json:"n"`
	Mean   time.Duration `json:"mean"`
	Median time.Duration `json:"median"`
	// P90 is the 90th percentile.
	P90 time.Duration `json:"p90"`
}
