package typology

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigValidate(t *testing.T) {
	require.NoError(t, Config{}.Validate())
	require.NoError(t, DefaultConfig().Validate())
	bad := Config{
		Window: -Day, AbusiveUnfoundedShare: 1.5, ChronicMaxSatisfaction: 7, AggressiveShare: math.NaN(),
		MinPurchases: -1, LoyalMaxGapCV: math.Inf(1), MotivationShare: 0.4,
		Bands: Bands{Profitable: cop("10"), VeryProfitable: cop("5")},
	}
	err := bad.Validate()
	require.ErrorIs(t, err, ErrInvalidConfig)
	for _, s := range []string{"Window -1d", "AbusiveUnfoundedShare 1.5", "ChronicMaxSatisfaction 7", "AggressiveShare NaN",
		"MinPurchases -1", "LoyalMaxGapCV +Inf", "MotivationShare 0.4", "Bands 10 COP, 5 COP"} {
		assert.Contains(t, err.Error(), s)
	}
	assert.Len(t, strings.Split(err.Error(), "\n"), 8, "every problem is reported")
}

func TestConfigJSON(t *testing.T) {
	c := Config{Window: 180 * Day, LoyalMinTenure: 36 * 3600e9, AbusiveMinUnfounded: 3, PromotionShare: 0.7,
		Bands: Bands{Profitable: cop("100000"), VeryProfitable: cop("500000")}}
	data, err := json.Marshal(c)
	require.NoError(t, err)
	assert.JSONEq(t, `{"Window":"180d","LoyalMinTenure":"36h0m0s","AbusiveMinUnfounded":3,"PromotionShare":0.7,
		"Bands":{"Profitable":"100000 COP","VeryProfitable":"500000 COP"}}`, string(data))
	var back Config
	require.NoError(t, json.Unmarshal(data, &back))
	assert.Equal(t, c.Window, back.Window)
	assert.Equal(t, c.LoyalMinTenure, back.LoyalMinTenure)
	assert.Equal(t, c.AbusiveMinUnfounded, back.AbusiveMinUnfounded)
	assert.True(t, c.Bands.VeryProfitable.Equal(back.Bands.VeryProfitable))

	for _, in := range []string{`{"Window":"soon"}`, `{"PromotionShare":2}`, `{"Window":"-3d"}`, `[]`} {
		keep := back
		err := json.Unmarshal([]byte(in), &back)
		assert.ErrorIs(t, err, ErrInvalidConfig, in)
		assert.Equal(t, keep, back, "a rejected decode leaves the config unchanged")
	}
}

// FuzzConfigJSON: decoding arbitrary JSON either fails with ErrInvalidConfig
// or yields a valid config that survives a round trip.
func FuzzConfigJSON(f *testing.F) {
	f.Add([]byte(`{"Window":"90d","ChronicMinComplaints":5}`))
	f.Add([]byte(`{"LoyalMinTenure":"720h","Bands":{"Profitable":"1 EUR","VeryProfitable":"2 EUR"}}`))
	f.Add([]byte(`{"AggressiveShare":0}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c Config
		if err := json.Unmarshal(data, &c); err != nil {
			if !isJSONSyntaxError(err) {
				require.ErrorIs(t, err, ErrInvalidConfig)
			}
			return
		}
		require.NoError(t, c.Validate())
		out, err := json.Marshal(c)
		require.NoError(t, err)
		var back Config
		require.NoError(t, json.Unmarshal(out, &back))
		out2, err := json.Marshal(back)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(out2))
	})
}

func isJSONSyntaxError(err error) bool {
	var se *json.SyntaxError
	return errorsAs(err, &se)
}
