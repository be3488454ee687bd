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
	// t with N−1 degrees of freedom); both equal Mean when N < 2.
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
	s.Low, s.High = s.Mean-half, s.Mean+half
	return s
}

// t975 holds the 0.975 quantiles of Student's t for 1–30 degrees of freedom
// (the two-sided 95 % critical values printed in every statistics table,
// e.g. NIST/SEMATECH e-Handbook of Statistical Methods, table 1.3.6.7.2).
var t975 = [...]float64{
	12.7062047, 4.3026527, 3.1824463, 2.7764451, 2.5705818, 2.4469119, 2.3646243, 2.3060041,
	2.2621572, 2.2281389, 2.2009852, 2.1788128, 2.1603687, 2.1447867, 2.1314495, 2.1199053,
	2.1098155, 2.1009220, 2.0930241, 2.0859634, 2.0796138, 2.0738731, 2.0686576, 2.0638986,
	2.0595386, 2.0555294, 2.0518305, 2.0484071, 2.0452296, 2.0422725,
}

// tQuantile975 returns the 0.975 quantile of Student's t with df degrees of
// freedom (rounded down to a whole number, which is conservative): the table
// up to 30, and the Cornish–Fisher expansion around the normal quantile
// beyond (Abramowitz & Stegun 26.7.5), accurate to 1e-5 there.
func tQuantile975(df float64) float64 {
	if df < 1 {
		return math.NaN()
	}
	k := math.Floor(df)
	if k <= float64(len(t975)) {
		return t975[int(k)-1]
	}
	const z = 1.959963984540054
	z3, z5, z7, z9 := z*z*z, math.Pow(z, 5), math.Pow(z, 7), math.Pow(z, 9)
	g1 := (z3 + z) / 4
	g2 := (5*z5 + 16*z3 + 3*z) / 96
	g3 := (3*z7 + 19*z5 + 17*z3 - 15*z) / 384
	g4 := (79*z9 + 776*z7 + 1482*z5 - 1920*z3 - 945*z) / 92160
	return z + g1/k + g2/(k*k) + g3/(k*k*k) + g4/(k*k*k*k)
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
