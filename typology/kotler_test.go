package typology

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRecommendLevel(t *testing.T) {
	// Kotler's table with the default cut-offs: many ≥ 10 000, few < 100;
	// high margin ≥ 40 %, low < 15 %.
	tests := []struct {
		customers int
		margin    float64
		want, alt RelationshipLevel
	}{
		{50_000, 0.05, Basic, Reactive},
		{50_000, 0.25, Reactive, LevelUnknown},
		{10_000, 0.40, Accountable, LevelUnknown},
		{5_000, 0.10, Reactive, LevelUnknown},
		{5_000, 0.20, Accountable, LevelUnknown},
		{100, 0.60, Proactive, LevelUnknown},
		{99, 0.149, Accountable, LevelUnknown},
		{20, 0.30, Proactive, LevelUnknown},
		{20, 0.45, Partnership, LevelUnknown},
	}
	for _, tt := range tests {
		got, err := RecommendLevel(tt.customers, tt.margin, LevelConfig{})
		require.NoError(t, err)
		assert.Equal(t, tt.want, got.Level, "%d customers, margin %v", tt.customers, tt.margin)
		assert.Equal(t, tt.alt, got.Alternative)
		assert.Equal(t, "kotler.level", got.Reason.Rule)
	}
	for _, bad := range []struct {
		n   int
		m   float64
		cfg LevelConfig
	}{{-1, 0.1, LevelConfig{}}, {1, math.NaN(), LevelConfig{}}, {1, 1.1, LevelConfig{}},
		{1, 0.1, LevelConfig{FewCustomers: 500, ManyCustomers: 100}}, {1, 0.1, LevelConfig{LowMargin: 0.5, HighMargin: 0.4}}} {
		_, err := RecommendLevel(bad.n, bad.m, bad.cfg)
		assert.ErrorIs(t, err, ErrInvalidConfig, "%+v", bad)
	}
}
