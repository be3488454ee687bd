package typology

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPersonalDataIsNeverPrintedOrExported(t *testing.T) {
	d := CustomerData{
		Personal:      PersonalData{Name: "Ana Pérez", Address: "Calle 1 # 2-3", Phone: "+57 300 0000000", Email: "ana@example.com"},
		Demographic:   Demographic{Region: "Bogotá norte", Occupation: "teacher", Household: "family with children", IncomeBand: "medium"},
		Psychographic: Psychographic{Attitudes: []string{"values durability"}},
	}
	h := History{Customer: "C-01", Data: &d}
	secrets := []string{"Ana", "Calle", "300", "example.com"}
	out := []string{
		fmt.Sprint(d), fmt.Sprintf("%v %+v %#v %s %q", d, d, d, d.Personal, d.Personal), fmt.Sprintf("%+v", h),
	}
	js, err := json.Marshal(h)
	require.NoError(t, err)
	out = append(out, string(js))
	for _, o := range out {
		for _, s := range secrets {
			assert.NotContains(t, o, s, o)
		}
	}
	assert.Contains(t, string(js), `"Personal":"[redacted]"`)
	assert.Contains(t, string(js), "Bogotá norte", "demographic data is exported")

	// What was exported reads back without the personal data.
	var back History
	require.NoError(t, json.Unmarshal(js, &back))
	assert.True(t, back.Data.Personal.IsZero())
	assert.Equal(t, d.Demographic, back.Data.Demographic)
	assert.ErrorIs(t, json.Unmarshal([]byte(`{"Data":{"Personal":"Ana"}}`), &back), ErrInvalidValue)

	r := d.Redacted()
	assert.True(t, r.Personal.IsZero())
	assert.Equal(t, d.Demographic, r.Demographic)
	r.Psychographic.Attitudes[0] = "changed"
	assert.Equal(t, "values durability", d.Psychographic.Attitudes[0], "Redacted copies the slices")
}

func TestConditionMatches(t *testing.T) {
	d := &CustomerData{
		Demographic:   Demographic{Region: "Medellín", Household: "single"},
		Psychographic: Psychographic{Attitudes: []string{"Eco-friendly"}, Interests: []string{"cycling"}},
	}
	tests := []struct {
		c    Condition
		d    *CustomerData
		want bool
	}{
		{Condition{}, nil, true},
		{Condition{Demographic: Demographic{Region: "medellin"}}, d, true},
		{Condition{Demographic: Demographic{Region: "Cali"}}, d, false},
		{Condition{Tags: []string{"eco-friendly", "Cycling"}}, d, true},
		{Condition{Tags: []string{"golf"}}, d, false},
		{Condition{Tags: []string{"golf"}}, nil, false},
	}
	for i, tt := range tests {
		assert.Equal(t, tt.want, tt.c.Matches(tt.d), i)
	}
}
