package scorecard

import (
	"fmt"
	"math"
	"slices"
)

// MaxKeyDrivers is the most drivers a [KeyDrivers] analysis takes. The
// Shapley (LMG) decomposition fits the model on every one of the 2^k subsets
// of drivers: 2²⁰ ≈ 10⁶ subsets take about a second and 16 MiB; beyond that
// the analysis is refused rather than left to run for minutes.
const MaxKeyDrivers = 20

// KeyDrivers accumulates respondents' overall rating and their ratings of k
// drivers (attributes) for a key-driver analysis ([KeyDriverAnalysis]): a
// least-squares regression of the overall rating on the drivers, with
// standard errors, p-values and VIF, and each driver's share of R² by the
// Shapley (LMG) decomposition and by Johnson's relative weights.
//
// The state is the sufficient statistics of that regression and nothing
// else: the count, each variable's sum and the cross-products of every pair,
// taken about an origin per variable (a rating of that variable), plus each
// variable's least and greatest rating. It has (k+1)(k+2)/2 + 5(k+1) numbers
// whatever the number of respondents, Merge costs O(k²), and Result costs
// O(2^k) for the Shapley decomposition and O(k³) for the rest. With integer
// ratings every sum is an exact integer (below 2⁵³), and Result re-centres
// them on each variable's least rating before it divides, so merged shards
// give exactly the one-pass result in any order. Result forms the centred
// co-moment matrix and solves by pivoted Cholesky in double-double
// arithmetic (about 32 digits), so near-collinear drivers that R's lm still
// fits get its coefficients (to lm's own accuracy), and data offset by 10⁶
// fit as well as the unshifted data.
//
// The zero value is ready to use: it takes the number of drivers from the
// first respondent and calls them "driver 1", "driver 2", …; [NewKeyDrivers]
// names them. An accumulator that holds no respondent adopts the drivers of
// the first non-empty accumulator merged into it.
type KeyDrivers struct {
	names []string // nil: unnamed
	k     int      // drivers; the variables are the k drivers, then the overall rating
	n     int64
	// shift is each variable's origin; lo and hi its least and greatest rating.
	shift, lo, hi []float64
	sum           []dd // Σ(x − shift)
	cross         []dd // Σ(x_i − shift_i)(x_j − shift_j), (k+1)² row-major, upper triangle used
}

// NewKeyDrivers returns an empty accumulator for the drivers named (1 to
// [MaxKeyDrivers] distinct, non-empty names). Errors wrap [ErrInvalidValue]
// or [ErrInsufficientData].
func NewKeyDrivers(names ...string) (*KeyDrivers, error) {
	if err := checkDriverCount(len(names)); err != nil {
		return nil, err
	}
	for i, s := range names {
		if s == "" {
			return nil, fmt.Errorf("scorecard: key drivers: driver %d has an empty name: %w", i+1, ErrInvalidValue)
		}
		if slices.Index(names[:i], s) >= 0 {
			return nil, fmt.Errorf("scorecard: key drivers: driver name %q given twice: %w", s, ErrInvalidValue)
		}
	}
	d := &KeyDrivers{names: slices.Clone(names)}
	d.alloc(len(names))
	return d, nil
}

func checkDriverCount(k int) error {
	if k < 1 {
		return fmt.Errorf("scorecard: key drivers: %d drivers, want at least 1: %w", k, ErrInsufficientData)
	}
	if k > MaxKeyDrivers {
		return fmt.Errorf("scorecard: key drivers: %d drivers, at most %d (the Shapley decomposition fits all 2^k subsets of drivers): %w",
			k, MaxKeyDrivers, ErrInvalidValue)
	}
	return nil
}

func (d *KeyDrivers) alloc(k int) {
	d.k = k
	v := k + 1
	d.shift, d.lo, d.hi = make([]float64, v), make([]float64, v), make([]float64, v)
	d.sum, d.cross = make([]dd, v), make([]dd, v*v)
}

// Drivers returns the number of drivers (0 for a zero value before its first
// respondent).
func (d *KeyDrivers) Drivers() int { return d.k }

// Names returns the drivers' names: those given to [NewKeyDrivers], or
// "driver 1", "driver 2", … for an accumulator that started as a zero value.
func (d *KeyDrivers) Names() []string {
	out := make([]string, d.k)
	for i := range out {
		out[i] = d.name(i)
	}
	return out
}

func (d *KeyDrivers) name(i int) string {
	if d.names != nil {
		return d.names[i]
	}
	return fmt.Sprintf("driver %d", i+1)
}

// N returns the number of respondents added.
func (d *KeyDrivers) N() int { return int(d.n) }

// Add records one respondent: the overall rating and one rating per driver,
// in the order of [KeyDrivers.Names]. A rating that is NaN or infinite, or a
// row of the wrong length, returns an error wrapping [ErrOutOfRange] or
// [ErrRagged] and changes nothing (a zero value takes the number of drivers
// from the first row: 1 to [MaxKeyDrivers]). Add does not allocate once the
// number of drivers is known.
func (d *KeyDrivers) Add(overall float64, drivers []float64) error {
	if err := d.checkRow(overall, drivers); err != nil {
		return err
	}
	if d.k == 0 {
		d.alloc(len(drivers))
	}
	k := d.k
	if d.n == 0 {
		copy(d.shift, drivers)
		d.shift[k] = overall
		copy(d.lo, d.shift)
		copy(d.hi, d.shift)
	}
	d.n++
	// Each deviation from the origin is taken exactly (a double-double), and
	// each product and sum is compensated (Ogita, Rump and Oishi's Dot2), so
	// the sums are as accurate as if computed with twice float64's digits;
	// for integer ratings every term is exact and the low parts stay zero.
	var devs [MaxKeyDrivers + 1]dd
	dev := devs[:k+1]
	small := true // every deviation an integer below 2²⁶: products exact
	for i := range k + 1 {
		x := overall
		if i < k {
			x = drivers[i]
		}
		d.lo[i], d.hi[i] = math.Min(d.lo[i], x), math.Max(d.hi[i], x)
		h, l := twoSum(x, -d.shift[i])
		dev[i] = dd{h, l}
		small = small && l == 0 && h == math.Trunc(h) && math.Abs(h) < 1<<26
	}
	v := k + 1
	for i, di := range dev {
		d.sum[i] = accumulate(d.sum[i], di.hi, di.lo)
		row := d.cross[i*v : (i+1)*v]
		if small {
			// Integer ratings (the usual survey): each product is exact, only
			// the running sums can round (beyond 2⁵³).
			for j := i; j < v; j++ {
				row[j] = accumulate(row[j], di.hi*dev[j].hi, 0)
			}
			continue
		}
		for j := i; j < v; j++ {
			dj := dev[j]
			p, e := twoProd(di.hi, dj.hi)
			e += di.hi*dj.lo + di.lo*dj.hi
			row[j] = accumulate(row[j], p, e)
		}
	}
	return nil
}

// accumulate adds p + e (|e| ≪ |p|) to the compensated sum a: a.hi is the
// running float64 sum, a.lo gathers every rounding error.
func accumulate(a dd, p, e float64) dd {
	s, t := twoSum(a.hi, p)
	return dd{s, a.lo + (t + e)}
}

func (d *KeyDrivers) checkRow(overall float64, drivers []float64) error {
	if d.k == 0 {
		if err := checkDriverCount(len(drivers)); err != nil {
			return err
		}
	} else if len(drivers) != d.k {
		return fmt.Errorf("scorecard: key drivers: %d driver ratings, want %d: %w", len(drivers), d.k, ErrRagged)
	}
	if math.IsNaN(overall) || math.IsInf(overall, 0) {
		return fmt.Errorf("scorecard: key drivers: overall rating %v not finite: %w", overall, ErrOutOfRange)
	}
	for i, v := range drivers {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("scorecard: key drivers: %s rating %v not finite: %w", d.name(i), v, ErrOutOfRange)
		}
	}
	return nil
}

// Merge adds other's respondents to d. An empty other changes nothing. An
// accumulator that holds no respondent adopts other's drivers (keeping its
// own names, if it has them); otherwise both must have the same number of
// drivers and, when both are named, the same names, or Merge returns an
// error wrapping [ErrMismatch] and leaves d unchanged. The cost is O(k²),
// independent of the number of respondents.
func (d *KeyDrivers) Merge(other *KeyDrivers) error {
	if other == nil || other.n == 0 {
		return nil
	}
	if d.k != 0 && d.k != other.k {
		return fmt.Errorf("scorecard: key drivers merge: %d and %d drivers: %w", d.k, other.k, ErrMismatch)
	}
	if d.names != nil && other.names != nil && !slices.Equal(d.names, other.names) {
		return fmt.Errorf("scorecard: key drivers merge: drivers %q and %q: %w", d.names, other.names, ErrMismatch)
	}
	if d.n == 0 {
		names := d.names
		*d = other.clone()
		if names != nil {
			d.names = names
		}
		return nil
	}
	if d.names == nil {
		d.names = slices.Clone(other.names)
	}
	d.addShifted(other.n, other.shift, other.sum, other.cross)
	for i := range d.lo {
		d.lo[i], d.hi[i] = math.Min(d.lo[i], other.lo[i]), math.Max(d.hi[i], other.hi[i])
	}
	d.n += other.n
	return nil
}

func (d *KeyDrivers) clone() KeyDrivers {
	c := *d
	c.names = slices.Clone(d.names)
	for _, p := range []*[]float64{&c.shift, &c.lo, &c.hi} {
		*p = slices.Clone(*p)
	}
	c.sum, c.cross = slices.Clone(d.sum), slices.Clone(d.cross)
	return c
}

// addShifted adds n respondents summarised about shift (sums and upper
// cross-products) to d's sums about d.shift:
// Σ(x−s)(y−t) = Σ(x−s')(y−t') + dₓ·Σ(y−t') + d_y·Σ(x−s') + n·dₓ·d_y with
// d = s' − s, all in double-double (the differences of origins exactly).
// For integer ratings every term is an exact integer.
func (d *KeyDrivers) addShifted(n int64, shift []float64, sum, cross []dd) {
	v := d.k + 1
	fn := ddOf(float64(n))
	delta := make([]dd, v)
	for i := range v {
		h, l := twoSum(shift[i], -d.shift[i])
		delta[i] = dd{h, l}
	}
	for i := range v {
		di := delta[i]
		for j := i; j < v; j++ {
			dj := delta[j]
			t := cross[i*v+j].norm().add(di.mul(sum[j].norm())).add(dj.mul(sum[i].norm())).add(fn.mul(di).mul(dj))
			d.cross[i*v+j] = d.cross[i*v+j].norm().add(t)
		}
	}
	for i := range v {
		d.sum[i] = d.sum[i].norm().add(sum[i].norm()).add(fn.mul(delta[i]))
	}
}

// moments returns the centred co-moment matrix Σ(x_i − x̄_i)(x_j − x̄_j) of
// the k drivers and the overall rating (overall last), and their means, in
// double-double, from sums re-centred on each variable's least rating: the
// same whatever order the respondents and shards came in.
func (d *KeyDrivers) moments() (s []dd, mean []dd) {
	v := d.k + 1
	z := KeyDrivers{k: d.k, shift: slices.Clone(d.lo), sum: make([]dd, v), cross: make([]dd, v*v)}
	z.addShifted(d.n, d.shift, d.sum, d.cross)
	n := ddOf(float64(d.n))
	s, mean = make([]dd, v*v), make([]dd, v)
	for i := range v {
		mean[i] = ddOf(z.shift[i]).add(z.sum[i].div(n))
		for j := i; j < v; j++ {
			c := z.cross[i*v+j].sub(z.sum[i].mul(z.sum[j]).div(n))
			s[i*v+j], s[j*v+i] = c, c
		}
	}
	return s, mean
}
