package scorecard

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewKeyDriversRejects(t *testing.T) {
	many := make([]string, MaxKeyDrivers+1)
	for i := range many {
		many[i] = fmt.Sprint("d", i)
	}
	tests := []struct {
		name  string
		names []string
		want  error
		msg   string
	}{
		{"none", nil, ErrInsufficientData, "0 drivers, want at least 1"},
		{"too many", many, ErrInvalidValue, "21 drivers, at most 20"},
		{"empty name", []string{"speed", ""}, ErrInvalidValue, "driver 2 has an empty name"},
		{"duplicate", []string{"speed", "price", "speed"}, ErrInvalidValue, `"speed" given twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewKeyDrivers(tt.names...)
			assert.Nil(t, d)
			assert.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
	d, err := NewKeyDrivers(many[:MaxKeyDrivers]...)
	require.NoError(t, err)
	assert.Equal(t, MaxKeyDrivers, d.Drivers())
}

func TestKeyDriversZeroValue(t *testing.T) {
	var d KeyDrivers
	assert.Equal(t, 0, d.Drivers())
	assert.Empty(t, d.Names())
	_, err := d.Result()
	assert.ErrorIs(t, err, ErrInsufficientData)
	require.NoError(t, d.Merge(nil))
	require.NoError(t, d.Merge(&KeyDrivers{}))
	assert.Equal(t, KeyDrivers{}, d)
	// The first row sets the number of drivers; unnamed drivers are numbered.
	require.NoError(t, d.Add(3, []float64{1, 2}))
	assert.Equal(t, []string{"driver 1", "driver 2"}, d.Names())
	assert.Equal(t, 1, d.N())
	err = d.Add(3, []float64{1, 2, 3})
	assert.ErrorIs(t, err, ErrRagged)
	// A zero value takes 1..MaxKeyDrivers drivers from its first row.
	var e KeyDrivers
	assert.ErrorIs(t, e.Add(1, nil), ErrInsufficientData)
	assert.ErrorIs(t, e.Add(1, make([]float64, MaxKeyDrivers+1)), ErrInvalidValue)
	assert.Equal(t, KeyDrivers{}, e)
}

func TestKeyDriversAddRejectsAndChangesNothing(t *testing.T) {
	d, err := NewKeyDrivers("speed", "courtesy")
	require.NoError(t, err)
	require.NoError(t, d.Add(4, []float64{3, 5}))
	before, err := json.Marshal(d)
	require.NoError(t, err)
	tests := []struct {
		name    string
		overall float64
		drivers []float64
		want    error
		msg     string
	}{
		{"NaN overall", math.NaN(), []float64{1, 2}, ErrOutOfRange, "overall rating NaN not finite"},
		{"infinite driver", 3, []float64{1, math.Inf(-1)}, ErrOutOfRange, "courtesy rating -Inf not finite"},
		{"short row", 3, []float64{1}, ErrRagged, "1 driver ratings, want 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := d.Add(tt.overall, tt.drivers)
			assert.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.msg)
			after, err := json.Marshal(d)
			require.NoError(t, err)
			assert.Equal(t, string(before), string(after))
		})
	}
}

func TestKeyDriversAddDoesNotAllocate(t *testing.T) {
	d, err := NewKeyDrivers("a", "b", "c", "d")
	require.NoError(t, err)
	row := []float64{1.5, 2, 3, 4}
	allocs := testing.AllocsPerRun(100, func() { _ = d.Add(3.25, row) })
	assert.Zero(t, allocs)
}

func TestKeyDriversMerge(t *testing.T) {
	named := func(names ...string) *KeyDrivers {
		d, err := NewKeyDrivers(names...)
		require.NoError(t, err)
		require.NoError(t, d.Add(1, make([]float64, len(names))))
		return d
	}
	var unnamed KeyDrivers
	require.NoError(t, unnamed.Add(2, []float64{1, 1}))

	// Mismatched drivers are refused and change nothing.
	tests := []struct {
		name     string
		dst, src *KeyDrivers
		msg      string
	}{
		{"count", named("a", "b"), named("a", "b", "c"), "2 and 3 drivers"},
		{"names", named("a", "b"), named("a", "c"), `drivers ["a" "b"] and ["a" "c"]`},
		{"empty named destination", func() *KeyDrivers { d, _ := NewKeyDrivers("x"); return d }(), named("a", "b"), "1 and 2 drivers"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := json.Marshal(tt.dst)
			err := tt.dst.Merge(tt.src)
			assert.ErrorIs(t, err, ErrMismatch)
			assert.ErrorContains(t, err, tt.msg)
			after, _ := json.Marshal(tt.dst)
			assert.Equal(t, string(before), string(after))
		})
	}

	// An empty accumulator adopts the drivers and keeps its own names; an
	// unnamed one takes the other's names.
	d, err := NewKeyDrivers("x", "y")
	require.NoError(t, err)
	require.NoError(t, d.Merge(&unnamed))
	assert.Equal(t, []string{"x", "y"}, d.Names())
	assert.Equal(t, 1, d.N())
	var z KeyDrivers
	require.NoError(t, z.Merge(named("p", "q")))
	assert.Equal(t, []string{"p", "q"}, z.Names())
	u := unnamed.clone()
	require.NoError(t, u.Merge(named("p", "q")))
	assert.Equal(t, []string{"p", "q"}, u.Names())
	assert.Equal(t, 2, u.N())
	// Names returns a copy.
	u.Names()[0] = "changed"
	assert.Equal(t, "p", u.Names()[0])
}

func TestKeyDriversResultErrors(t *testing.T) {
	rows := [][]float64{{1, 2, 3}, {2, 1, 3}, {3, 3, 1}, {4, 2, 2}, {2, 5, 1}, {5, 4, 4}}
	overall := []float64{2, 3, 3, 5, 4, 6}
	fill := func(over func(i int) float64, row func(i int) []float64) *KeyDrivers {
		d, err := NewKeyDrivers("product", "price", "service")
		require.NoError(t, err)
		for i := range rows {
			require.NoError(t, d.Add(over(i), row(i)))
		}
		return d
	}
	same := func(i int) []float64 { return rows[i] }
	tests := []struct {
		name string
		d    *KeyDrivers
		want error
		msg  string
	}{
		{"too few", func() *KeyDrivers { d := fill(func(i int) float64 { return overall[i] }, same); d.n = 4; return d }(),
			ErrInsufficientData, "4 respondents for 3 drivers, want at least drivers + 2 (5)"},
		// Defect 1 of the issue for the general model: a constant decimal
		// rating leaves ~1e-17 in the sums; the extremes catch it exactly.
		{"constant decimal overall", fill(func(int) float64 { return 0.1 }, same),
			ErrZeroVariance, "overall rating does not vary (every answer is 0.1)"},
		{"constant decimal driver", fill(func(i int) float64 { return overall[i] }, func(i int) []float64 { return []float64{rows[i][0], 3.3, rows[i][2]} }),
			ErrZeroVariance, "price does not vary (every rating is 3.3)"},
		{"collinear", fill(func(i int) float64 { return overall[i] }, func(i int) []float64 {
			return []float64{rows[i][0], rows[i][1], 0.1*rows[i][0] + 0.7*rows[i][1]}
		}), ErrZeroVariance, "collinear with"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.d.Result()
			assert.ErrorIs(t, err, tt.want)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

// Data offset by 10⁶ fit as the unshifted data do: same slopes, R², SEs and
// importance; the intercept moves by 10⁶·(1 − Σb).
func TestKeyDriversOffsetData(t *testing.T) {
	names, overall, drivers := readRatingsCSV(t, "testdata/drivers_five.csv")
	base, err := keyDriversOf(t, "testdata/drivers_five.csv").Result()
	require.NoError(t, err)
	d, err := NewKeyDrivers(names...)
	require.NoError(t, err)
	const off = 1e6
	for i := range overall {
		row := make([]float64, len(drivers[i]))
		for j, x := range drivers[i] {
			row[j] = x + off
		}
		require.NoError(t, d.Add(overall[i]+off, row))
	}
	got, err := d.Result()
	require.NoError(t, err)
	sumB := 0.0
	for j := range base.Drivers {
		b, g := base.Drivers[j], got.Drivers[j]
		sumB += b.Estimate
		assertRel(t, b.Estimate, g.Estimate, 1e-13, "slope")
		assertRel(t, b.StdErr, g.StdErr, 1e-13, "SE")
		assertRel(t, b.LMG, g.LMG, 1e-13, "LMG")
		assertRel(t, b.RelativeWeight, g.RelativeWeight, 1e-12, "relative weight")
	}
	assertRel(t, base.R2, got.R2, 1e-14, "R²")
	assertRel(t, base.Intercept.Estimate+off*(1-sumB), got.Intercept.Estimate, 1e-12, "intercept")
}

// An exact fit has SE 0: t is ±Inf with p 0, or NaN for a zero slope.
func TestKeyDriversExactFit(t *testing.T) {
	var d KeyDrivers
	for _, r := range [][3]float64{{1, 1, 3}, {2, 1, 4}, {1, 2, 5}, {2, 2, 6}, {3, 1, 5}} {
		require.NoError(t, d.Add(r[2], []float64{r[0], r[1]})) // overall = 1 + x₁ + 2·x₂
	}
	a, err := d.Result()
	require.NoError(t, err)
	assert.InDelta(t, 1, a.R2, 1e-15)
	assert.InDelta(t, 1, a.Drivers[0].Estimate, 1e-15)
	assert.InDelta(t, 2, a.Drivers[1].Estimate, 1e-15)
	for _, dr := range a.Drivers {
		assert.Zero(t, dr.StdErr)
		assert.True(t, math.IsInf(dr.T, 1))
		assert.Zero(t, dr.PValue)
	}
	assert.True(t, math.IsInf(a.F, 1))
	assert.Zero(t, a.PValue)
	assert.Zero(t, a.ResidualSE)
}

func TestKeyDriversNotes(t *testing.T) {
	a, err := keyDriversOf(t, "testdata/drivers_lmg.csv").Result()
	require.NoError(t, err)
	assert.Equal(t, []string{
		"price: coefficient -1.40 (p = 1.9e-14): the overall rating falls as the price rating rises (correlation -0.42); it accounts for 45 % of R²",
	}, a.Notes())
	// A suppressor: b > 0 while r < 0, and a VIF above 10.
	s := KeyDriverAnalysis{Drivers: []DriverImportance{
		{Name: "x", Coefficient: Coefficient{Estimate: 0.5}, Correlation: -0.1, LMGShare: 0.05, VIF: 12},
		{Name: "y", Coefficient: Coefficient{Estimate: 1}, Correlation: 0.6, VIF: 1.2},
	}}
	assert.Equal(t, []string{
		"x: coefficient +0.50 but correlation -0.10 with the overall rating: the sign comes from x's overlap with the other drivers (suppression), not from its own relation; read its share of R² (5 %)",
		"x: VIF 12.0: it overlaps so much with the other drivers that its coefficient is unreliable",
	}, s.Notes())
	assert.Nil(t, KeyDriverAnalysis{}.Notes())
}

func TestKeyDriversJSON(t *testing.T) {
	d := keyDriversOf(t, "testdata/drivers_near_collinear.csv") // decimals: low parts in use
	b, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"names":["product","price","service"]`)
	assert.Contains(t, string(b), `"crossLow":[`)
	var got KeyDrivers
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, *d, got)
	want, err := d.Result()
	require.NoError(t, err)
	res, err := got.Result()
	require.NoError(t, err)
	assert.Equal(t, want, res)

	var zero KeyDrivers
	b, err = json.Marshal(zero)
	require.NoError(t, err)
	assert.JSONEq(t, `{"drivers":0,"n":0}`, string(b))
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, KeyDrivers{}, got)
}

func TestKeyDriversJSONRejects(t *testing.T) {
	valid := `"drivers":1,"n":2,"shift":[1,3],"min":[1,3],"max":[2,5],"sum":[1,2],"sumLow":[0,0]`
	tests := []struct{ name, data string }{
		{"not JSON", `[`},
		{"unknown field", `{"drivers":0,"n":0,"extra":1}`},
		{"trailing data", `{"drivers":0,"n":0} {}`},
		{"negative n", `{"drivers":0,"n":-1}`},
		{"too many drivers", `{"drivers":21,"n":0}`},
		{"sums without drivers", `{"drivers":0,"n":0,"sum":[1]}`},
		{"names for other drivers", `{"names":["a","b"],` + valid + `,"cross":[1,2,4],"crossLow":[0,0,0]}`},
		{"duplicate names", `{"names":["a","a"],"drivers":2,"n":0}`},
		{"short cross", `{` + valid + `,"cross":[1,2],"crossLow":[0,0]}`},
		{"origin outside extremes", `{"drivers":1,"n":2,"shift":[0,3],"min":[1,3],"max":[2,5],"sum":[1,2],"sumLow":[0,0],"cross":[1,2,4],"crossLow":[0,0,0]}`},
		{"sum beyond extremes", `{"drivers":1,"n":2,"shift":[1,3],"min":[1,3],"max":[2,5],"sum":[5,2],"sumLow":[0,0],"cross":[1,2,4],"crossLow":[0,0,0]}`},
		{"negative variance", `{` + valid + `,"cross":[0,0,4],"crossLow":[0,0,0]}`},
		{"correlation above 1", `{` + valid + `,"cross":[1,9,4],"crossLow":[0,0,0]}`},
		{"empty state with sums", `{"drivers":1,"n":0,"shift":[0,0],"min":[0,0],"max":[0,0],"sum":[1,0],"sumLow":[0,0],"cross":[0,0,0],"crossLow":[0,0,0]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := keyDriversOf(t, "testdata/drivers_lmg.csv")
			before, _ := json.Marshal(d)
			err := d.UnmarshalJSON([]byte(tt.data))
			require.Error(t, err)
			assert.True(t, errors.Is(err, ErrInvalidValue), "%v", err)
			assert.True(t, strings.HasPrefix(err.Error(), "scorecard: key drivers JSON: "), "%v", err)
			after, _ := json.Marshal(d)
			assert.Equal(t, string(before), string(after), "a rejected decode changed the accumulator")
		})
	}
	// The valid prefix with a consistent cross-product decodes.
	var d KeyDrivers
	require.NoError(t, json.Unmarshal([]byte(`{`+valid+`,"cross":[1,2,4],"crossLow":[0,0,0]}`), &d))
	assert.Equal(t, 2, d.N())
}

func FuzzUnmarshalKeyDriversJSON(f *testing.F) {
	d, _ := NewKeyDrivers("speed", "price")
	for _, r := range [][3]float64{{1, 2, 4}, {2, 2.5, 5}, {3, 1, 2}, {4, 4, 1}, {5, 2, 3}} {
		_ = d.Add(r[2], r[:2])
	}
	var unnamed KeyDrivers
	_ = unnamed.Add(1, []float64{1})
	fuzzDecoder(f, []KeyDrivers{*d, unnamed, {}}, func() *KeyDrivers {
		var d KeyDrivers
		_ = d.Add(1, []float64{1, 2})
		return &d
	}, func(d *KeyDrivers) string { a, err := d.Result(); return fmt.Sprint(a, err) })
}

func FuzzKeyDriversAdd(f *testing.F) {
	f.Add(4.0, 1.0, 2.0, 3.0)
	f.Add(math.NaN(), 0.0, 0.0, 0.0)
	f.Add(1e300, -1e300, 1e-300, 0.1)
	f.Fuzz(func(t *testing.T, o, a, b, c float64) {
		var d KeyDrivers
		rng := rand.New(rand.NewPCG(1, 2))
		for range 8 {
			if err := d.Add(o+float64(rng.IntN(3)), []float64{a + float64(rng.IntN(3)), b * float64(1+rng.IntN(3)), c}); err != nil {
				checkErr(t, err)
				return
			}
		}
		a2, err := d.Result()
		if err != nil {
			checkErr(t, err)
			return
		}
		if !(a2.R2 >= -1e-9 && a2.R2 <= 1+1e-9) {
			t.Fatalf("R² %v", a2.R2)
		}
	})
}
