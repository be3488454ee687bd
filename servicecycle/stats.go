package servicecycle

import (
	"math"
	"math/bits"
	"slices"
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
func satisfactionOf(dist [MaxRating]int) Satisfaction {
	s := Satisfaction{Distribution: dist}
	var sum float64
	for i, c := range dist {
		s.N += c
		sum += float64(c * (i + 1))
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
	for i, c := range dist {
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
// time along a transition, a journey's throughput time.
type TimeSummary struct {
	N      int           `json:"n"`
	Mean   time.Duration `json:"mean"`
	Median time.Duration `json:"median"`
	// P90 is the 90th percentile.
	P90 time.Duration `json:"p90"`
}

// timeSummaryOf summarises xs, reordering it. Quantiles interpolate between
// order statistics (Hyndman & Fan type 7, R's default); they are found by
// selection, in time linear in len(xs).
func timeSummaryOf(xs []int64) TimeSummary {
	s := TimeSummary{N: len(xs)}
	if len(xs) == 0 {
		return s
	}
	s.Mean = time.Duration(math.Round(exactMean(xs)))
	s.Median = time.Duration(math.Round(quantile(xs, 0.5)))
	s.P90 = time.Duration(math.Round(quantile(xs, 0.9)))
	return s
}

// exactMean returns the mean of xs from an exact 128-bit sum, so that the
// result does not depend on the order of xs.
func exactMean(xs []int64) float64 {
	var hi, lo uint64 // two's-complement 128-bit sum
	for _, x := range xs {
		var carry uint64
		lo, carry = bits.Add64(lo, uint64(x), 0)
		ext := uint64(0)
		if x < 0 {
			ext = math.MaxUint64
		}
		hi, _ = bits.Add64(hi, ext, carry)
	}
	neg := int64(hi) < 0
	if neg {
		lo, hi = ^lo+1, ^hi
		if lo == 0 {
			hi++
		}
	}
	sum := float64(hi)*0x1p64 + float64(lo)
	if neg {
		sum = -sum
	}
	return sum / float64(len(xs))
}

// quantile returns the type-7 quantile p of xs, reordering xs.
func quantile(xs []int64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := int(math.Floor(h))
	vlo := selectK(xs, lo)
	if lo+1 >= len(xs) || h == float64(lo) {
		return float64(vlo)
	}
	vhi := slices.Min(xs[lo+1:])
	return float64(vlo) + (h-float64(lo))*float64(vhi-vlo)
}

// selectK reorders xs so that xs[k] holds the k-th smallest value, every
// element before it is not greater and every element after is not smaller,
// and returns xs[k]. Expected linear time (quickselect, median-of-three).
func selectK(xs []int64, k int) int64 {
	lo, hi := 0, len(xs)-1
	for hi-lo > 16 {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		pivot := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < pivot {
				i++
			}
			for xs[j] > pivot {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	slices.Sort(xs[lo : hi+1])
	return xs[k]
}
