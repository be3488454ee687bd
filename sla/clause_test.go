package sla

import (
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
