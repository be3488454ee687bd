package scorecard

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The integer block path of AddRows must give exactly what Add gives row by
// row: same counts, extremes and, after re-centring, the same sums.
func TestAddRowsEqualsAdd(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	gen := func(n, k, lo, width int, decimal, missing bool) [][]float64 {
		rows := make([][]float64, n)
		for i := range rows {
			rows[i] = make([]float64, k)
			for j := range rows[i] {
				rows[i][j] = float64(lo + rng.IntN(width))
				if decimal && rng.IntN(500) == 0 {
					rows[i][j] += 0.5
				}
				if missing && rng.IntN(300) == 0 {
					rows[i][j] = nan
				}
			}
		}
		return rows
	}
	cases := []struct {
		name             string
		n, k, lo, width  int
		decimal, missing bool
		policy           MissingPolicy
	}{
		{"likert 22 items", 1000, 22, 1, 7, false, false, CompleteOnly},
		{"odd item count", 700, 5, 1, 5, false, false, CompleteOnly},
		{"0..10 items", 600, 9, 0, 11, false, false, CompleteOnly},
		{"sixteen values exactly", 600, 4, -3, 16, false, false, CompleteOnly},
		{"wider than sixteen values", 600, 4, 0, 40, false, false, CompleteOnly},
		{"offset 10⁶", 600, 6, 1_000_000, 7, false, false, CompleteOnly},
		{"decimals here and there", 900, 7, 1, 7, true, false, CompleteOnly},
		{"listwise blanks", 900, 7, 1, 7, false, true, Listwise},
		{"pairwise blanks", 900, 7, 1, 7, false, true, Pairwise},
		{"few rows", 20, 3, 1, 5, false, false, CompleteOnly},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rows := gen(c.n, c.k, c.lo, c.width, c.decimal, c.missing)
			one, _ := NewAlpha(0, c.policy)
			for _, r := range rows {
				require.NoError(t, one.Add(r))
			}
			batch, _ := NewAlpha(0, c.policy)
			require.NoError(t, batch.AddRows(rows[:c.n/3]))
			require.NoError(t, batch.AddRows(rows[c.n/3:]))
			want, err := one.Result()
			require.NoError(t, err)
			got, err := batch.Result()
			require.NoError(t, err)
			if c.decimal {
				assert.InDelta(t, want.Alpha, got.Alpha, 1e-13)
				return
			}
			assert.Equal(t, want, got)
			assert.Equal(t, one.lo, batch.lo)
			assert.Equal(t, one.hi, batch.hi)
		})
	}
}

// AddRows is all or nothing: a bad row deep in a block leaves the
// accumulator as it was and names the row.
func TestAddRowsRejectsWholeCall(t *testing.T) {
	rows := likertRows(600, 4)
	a, _ := NewAlpha(4, CompleteOnly)
	require.NoError(t, a.AddRows(rows[:10]))
	before := a.clone()
	bad := append([][]float64(nil), rows...)
	bad[400] = []float64{1, 2, nan, 4}
	err := a.AddRows(bad)
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Contains(t, err.Error(), "row 401")
	assert.Equal(t, before, a.clone())
	bad[400] = []float64{1, 2, 3}
	assert.ErrorIs(t, a.AddRows(bad), ErrRagged)
	assert.Equal(t, before, a.clone())
	assert.NoError(t, a.AddRows(nil))
}

// FuzzAlphaAddRows: AddRows and Add row by row agree on any rows (the
// integer block path against the float path), and reject the same input.
func FuzzAlphaAddRows(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 1, 2, 3}, uint8(3), uint8(0))
	f.Add([]byte{200, 0, 17, 255, 3, 3, 3, 3}, uint8(4), uint8(1))
	f.Fuzz(func(t *testing.T, data []byte, k, policy uint8) {
		k = 2 + k%5
		p := MissingPolicy(policy % 3)
		data = data[:min(len(data), 1024)] // keep each run fast
		var rows [][]float64
		for i := 0; i+int(k) <= len(data); i += int(k) {
			row := make([]float64, k)
			for j := range row {
				switch b := data[i+j]; {
				case b == 255:
					row[j] = nan
				case b >= 240:
					row[j] = float64(b) + 0.5
				default:
					row[j] = float64(b % 20) // often within 16 values: the block path
				}
			}
			for range 20 { // repeat rows so blocks of 16 or more occur
				rows = append(rows, row)
			}
		}
		one, _ := NewAlpha(0, p)
		var oneErr error
		for _, r := range rows {
			if oneErr = one.Add(r); oneErr != nil {
				break
			}
		}
		batch, _ := NewAlpha(0, p)
		batchErr := batch.AddRows(rows)
		if (oneErr != nil) != (batchErr != nil) {
			t.Fatalf("Add error %v, AddRows error %v", oneErr, batchErr)
		}
		if oneErr != nil {
			return
		}
		r1, e1 := one.Result()
		r2, e2 := batch.Result()
		if fmt.Sprint(r1, e1) != fmt.Sprint(r2, e2) {
			t.Fatalf("Add and AddRows differ:\n%v %v\n%v %v", r1, e1, r2, e2)
		}
	})
}
