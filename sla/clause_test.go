package sla

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEvaluateClauses(t *testing.T) {
	a := MustAgreement(AgreementConfig{Name: "ans", Kind: ServiceBased,
		Objectives: []Objective{{Metric: FirstResponse, Threshold: 90, Targets: hours(1)}},
		Clauses: []Clause{
			{Kind: Staffing, Description: "Al menos dos asesores asignados", Measurable: true, Indicator: "asesores", Comparison: AtLeast, Target: 2},
			{Kind: Documentation, Description: "Manual de usuario disponible"},
			{Kind: Warranty, Description: "Reparación en garantía en 5 días como máximo", Measurable: true, Indicator: "dias-reparacion", Comparison: AtMost, Target: 5},
			{Kind: AfterSales, Description: "Llamada de seguimiento", Measurable: true, Indicator: "seguimientos", Comparison: AtLeast, Target: 95},
		}})
	got := a.EvaluateClauses(map[string]float64{"asesores": 2, "dias-reparacion": 6})
	require.Len(t, got, 3, "the documentation clause is not measurable")
	assert.True(t, got[0].Measured)
	assert.True(t, got[0].Met, "2 >= 2")
	assert.True(t, got[1].Measured)
	assert.False(t, got[1].Met, "6 > 5")
	assert.False(t, got[2].Measured, "no value for seguimientos")
	assert.False(t, got[2].Met)
	assert.Equal(t, Warranty, got[1].Clause.Kind)
}

func TestEvaluateClausesComparison(t *testing.T) {
	a := MustAgreement(AgreementConfig{Name: "ans", Kind: ServiceBased,
		Objectives: []Objective{{Metric: FirstResponse, Threshold: 90, Targets: hours(1)}},
		Clauses: []Clause{
			{Kind: Staffing, Description: "al menos 2 asesores", Measurable: true, Indicator: "min", Comparison: AtLeast, Target: 2},
			{Kind: Warranty, Description: "como máximo 5 días", Measurable: true, Indicator: "max", Comparison: AtMost, Target: 5},
		}})
	tests := []struct {
		name        string
		min, max    float64
		metMin      bool
		metMax      bool
		measuredAll bool
	}{
		{"both exactly on target", 2, 5, true, true, true}, // 2 >= 2 and 5 <= 5
		{"just inside", 2.5, 4.5, true, true, true},
		{"just outside", 1.5, 5.5, false, false, true}, // 1.5 < 2 and 5.5 > 5
		{"NaN is not a measurement", math.NaN(), math.NaN(), false, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := a.EvaluateClauses(map[string]float64{"min": tt.min, "max": tt.max})
			require.Len(t, got, 2)
			assert.Equal(t, tt.metMin, got[0].Met)
			assert.Equal(t, tt.metMax, got[1].Met)
			assert.Equal(t, tt.measuredAll, got[0].Measured)
			assert.Equal(t, tt.measuredAll, got[1].Measured)
		})
	}
}

func TestClauseValidate(t *testing.T) {
	tests := []struct {
		name string
		c    Clause
		want string // "" when valid
	}{
		{"plain", Clause{Kind: Documentation, Description: "manual"}, ""},
		{"measurable", Clause{Kind: Staffing, Description: "two", Measurable: true, Indicator: "agents", Comparison: AtLeast, Target: 2}, ""},
		{"no description", Clause{Kind: Documentation}, "empty description"},
		{"infinite target", Clause{Kind: Documentation, Description: "x", Target: math.Inf(1)}, "want a finite number"},
		{"NaN target", Clause{Kind: Documentation, Description: "x", Target: math.NaN()}, "want a finite number"},
		{"indicator but not measurable", Clause{Kind: Documentation, Description: "x", Indicator: "y"}, "not measurable"},
		{"comparison but not measurable", Clause{Kind: Documentation, Description: "x", Comparison: AtMost}, "not measurable"},
		{"kind out of range", Clause{Kind: ClauseKind(99), Description: "x"}, "undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := tt.c.validate(0)
			if tt.want == "" {
				assert.Empty(t, errs)
				return
			}
			require.Len(t, errs, 1)
			assert.ErrorIs(t, errs[0], ErrInvalidAgreement)
			assert.Contains(t, errs[0].Error(), tt.want)
		})
	}
}
