package scorecard

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyDriversOf adds every respondent of a ratings CSV to a named accumulator.
func keyDriversOf(t testing.TB, path string) *KeyDrivers {
	t.Helper()
	names, overall, drivers := readRatingsCSV(t, path)
	d, err := NewKeyDrivers(names...)
	require.NoError(t, err)
	for i := range overall {
		require.NoError(t, d.Add(overall[i], drivers[i]))
	}
	return d
}

// rDrivers is what testdata/keydrivers.R prints for one data set.
type rDrivers struct {
	file                         string
	est, se, tval, p             []float64 // intercept first
	r2, adjR2, sigma, f, fp      float64
	vif, lmg, lmgShare, rw, corr []float64
}

// Every figure of the analysis against R 4.2.2 (lm, summary.lm, VIF as
// 1/(1 − R²ⱼ) from lm, LMG by brute force over all orderings, Johnson's
// weights by eigen): `Rscript testdata/keydrivers.R FILE` with
// options(digits = 17). drivers_five.csv was generated in R by
// testdata/drivers_five.R (set.seed(2024)).
var rDriverCases = []rDrivers{{
	file: "testdata/drivers_lmg.csv",
	est:  []float64{3.29655517409276522, 1.20021318833279333, -1.40247249483489944, 0.99887271591435833},
	se:   []float64{0.71191353215441766, 0.16326397961649647, 0.15554242703507365, 0.15096992962263894},
	tval: []float64{4.6305555733947275, 7.3513655072727495, -9.0166555940306399, 6.6163686928325278},
	p:    []float64{1.1440344370151567e-05, 6.5250658744047849e-11, 1.9270192482023100e-14, 2.0928499802632525e-09},
	r2:   0.58823429404677408, adjR2: 0.57536661573573578, sigma: 1.6294792196348251,
	f: 45.714096966674077, fp: 1.9386467296914071e-18,
	vif:      []float64{1.3729104038757625, 1.3736820348814258, 1.0042272303327744},
	lmg:      []float64{0.13187638782707051, 0.26394220518555922, 0.19241570103414432},
	lmgShare: []float64{0.22419024045643998, 0.448702511663782, 0.32710724787977796},
	rw:       []float64{0.13095977333693035, 0.26450439571256879, 0.19277012499727531},
	corr:     []float64{0.18036610388309546, -0.42396930497137242, 0.44457258467873512},
}, {
	file: "testdata/drivers_five.csv",
	est: []float64{-1.17616526580248526, 0.43855757224953268, 0.22050953394343992, 0.11847947532516039,
		0.81550138291405583, -0.03683633976867233},
	se: []float64{0.379347635727623755, 0.079246843740425246, 0.070017467902434766, 0.063556115872990759,
		0.087686782768298832, 0.055716519339609735},
	tval: []float64{-3.10049452014243299, 5.53406989540223826, 3.14935030570809849, 1.86417111394798485,
		9.30016311658867068, -0.66113856725584808},
	p: []float64{2.1193127935711987e-03, 6.9290140390356032e-08, 1.8047326392411046e-03, 6.3294212295934529e-02,
		3.3137406376419304e-18, 5.0904121365035337e-01},
	r2: 0.65177048151125094, adjR2: 0.64584821078865318, sigma: 1.229341521554054,
	f: 110.05415186851761, fp: 3.2403095455898996e-65,
	vif: []float64{1.8460620049905074, 1.5177567830618839, 1.4219398577309337, 2.2318130157183478, 1.016611303410446},
	lmg: []float64{0.18299456305303696, 0.10801527477182504, 0.076757816462415432, 0.28108761303339314,
		0.0029152141905796234},
	lmgShare: []float64{0.28076534339009995, 0.16572593855642509, 0.11776816937833433, 0.43126778675468641,
		0.0044727619204542081},
	rw: []float64{0.18560175710055263, 0.11294208831039858, 0.080640657532996707, 0.2692183930230348,
		0.0033675855442676936},
	corr: []float64{0.66949367198325782, 0.55422521702846628, 0.48914295806223423, 0.76376454572025587,
		-0.08223678583566417},
}}

func TestKeyDriversAgainstR(t *testing.T) {
	for _, c := range rDriverCases {
		t.Run(c.file, func(t *testing.T) {
			a, err := keyDriversOf(t, c.file).Result()
			require.NoError(t, err)
			k := len(a.Drivers)
			require.Len(t, c.vif, k)
			coefs := append([]Coefficient{a.Intercept}, make([]Coefficient, k)...)
			for j, dr := range a.Drivers {
				coefs[j+1] = dr.Coefficient
				assertRel(t, c.vif[j], dr.VIF, 1e-12, dr.Name+" VIF")
				assertRel(t, c.lmg[j], dr.LMG, 1e-12, dr.Name+" LMG")
				assertRel(t, c.lmgShare[j], dr.LMGShare, 1e-12, dr.Name+" LMG share")
				assertRel(t, c.rw[j], dr.RelativeWeight, 1e-12, dr.Name+" relative weight")
				assertRel(t, c.corr[j], dr.Correlation, 1e-13, dr.Name+" correlation")
			}
			for i, co := range coefs {
				assertRel(t, c.est[i], co.Estimate, 1e-13, "estimate")
				assertRel(t, c.se[i], co.StdErr, 1e-13, "standard error")
				assertRel(t, c.tval[i], co.T, 1e-13, "t")
				assertRel(t, c.p[i], co.PValue, 1e-9, "p")
			}
			assertRel(t, c.r2, a.R2, 1e-14, "R²")
			assertRel(t, c.adjR2, a.AdjustedR2, 1e-14, "adjusted R²")
			assertRel(t, c.sigma, a.ResidualSE, 1e-14, "residual SE")
			assertRel(t, c.f, a.F, 1e-13, "F")
			assertRel(t, c.fp, a.PValue, 1e-9, "F p-value")
			assert.Equal(t, k, a.DF1)
			assert.Equal(t, a.N-k-1, a.DF2)
		})
	}
}

// benchDriverRows returns n respondents with k correlated drivers on a 1–7
// scale and an overall rating 0–10 (fixed seed).
func benchDriverRows(n, k int) (overall []float64, drivers [][]float64) {
	rng := rand.New(rand.NewPCG(14, 8))
	overall, drivers = make([]float64, n), make([][]float64, n)
	for i := range n {
		g := rng.NormFloat64()
		row := make([]float64, k)
		y := 0.0
		for j := range row {
			row[j] = math.Round(math.Min(7, math.Max(1, 4+1.2*(0.7*g+0.7*rng.NormFloat64()))))
			y += float64(j%4) * (row[j] - 4) / float64(k)
		}
		drivers[i], overall[i] = row, math.Round(math.Min(10, math.Max(0, 5+2*y+rng.NormFloat64())))
	}
	return overall, drivers
}

// Issue 14: "Shapley importance for 8 drivers over 100 000 respondents
// ≤ 50 ms": every respondent added, then the whole analysis.
func BenchmarkKeyDriversShapley8x100k(b *testing.B) {
	overall, drivers := benchDriverRows(100_000, 8)
	b.ReportAllocs()
	for b.Loop() {
		var d KeyDrivers
		for i := range overall {
			if err := d.Add(overall[i], drivers[i]); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := d.Result(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkKeyDriversResult is Result alone (independent of respondents) at
// 8 drivers and at the limit of 20.
func BenchmarkKeyDriversResult(b *testing.B) {
	for _, k := range []int{8, MaxKeyDrivers} {
		b.Run(fmt.Sprint(k, " drivers"), func(b *testing.B) {
			overall, drivers := benchDriverRows(2_000, k)
			var d KeyDrivers
			for i := range overall {
				if err := d.Add(overall[i], drivers[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := d.Result(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
