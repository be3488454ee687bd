package report

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/servuction/servuction/typology"
)

func TestTypologyAdapters(t *testing.T) {
	prof := func(id string, b typology.Behaviour, r typology.Relationship, p typology.Profitability) typology.Profile {
		return typology.Profile{Customer: id,
			Behaviour:     typology.Classification[typology.Behaviour]{Type: b, Reasons: []typology.Reason{{Rule: "x", Detail: "why " + id}}},
			Relationship:  typology.Classification[typology.Relationship]{Type: r},
			Profitability: typology.Classification[typology.Profitability]{Type: p}}
	}
	ps := []typology.Profile{
		prof("a", typology.Abusive, typology.Loyal, typology.VeryProfitable),
		prof("b", typology.Abusive, typology.Erratic, typology.NotProfitable),
		prof("c", typology.ReasonableVoicer, typology.Loyal, typology.Profitable),
	}
	b := BehaviourBars(ps, Spanish)
	got := map[string]float64{}
	for _, bar := range b.Bars {
		got[bar.Label] = bar.Value
	}
	assert.Equal(t, 2.0, got["Abusivo"])
	assert.Equal(t, 1.0, got["Reclamante razonable"])
	assert.Equal(t, 0.0, got["Sumiso"])
	assert.Len(t, b.Bars, 6, "every behaviour, even with no customer")
	r := RelationshipBars(ps, English)
	assert.Equal(t, Bar{Label: "Loyal", Value: 2, Status: Good}, r.Bars[0])
	p := ProfitabilityBars(ps, English)
	assert.Equal(t, Bar{Label: "Very profitable", Value: 1, Status: Good}, p.Bars[0])
	assert.Equal(t, Bar{Label: "Not profitable", Value: 1, Status: Bad}, p.Bars[3])

	seg := SegmentTable([]typology.RFMScore{{Segment: typology.Champions}, {Segment: "At Risk"}, {Segment: "At Risk"}, {Segment: "Loyal"}}, English)
	// At Risk 2 of 4 = 50 %, then the ties by name: Champions, Loyal.
	assert.Equal(t, [][]string{{"At Risk", "2", "50.0 %"}, {"Champions", "1", "25.0 %"}, {"Loyal", "1", "25.0 %"}}, seg.Rows)

	tab := ProfileTable(ps[:1], English)
	assert.Equal(t, [][]string{{"a", "Abusive", "Loyal", "Very profitable", "why a"}}, tab.Rows)

	// In Spanish: the segments' Spanish names and the reasons' Spanish texts.
	seg = SegmentTable([]typology.RFMScore{{Segment: typology.Champions}, {Segment: "At Risk"}, {Segment: "VIP"}}, Spanish)
	assert.Equal(t, "En riesgo", seg.Rows[0][0])
	assert.Equal(t, "Campeones", seg.Rows[1][0])
	assert.Equal(t, "VIP", seg.Rows[2][0], "a user's segment keeps its name")
	ps[0].Behaviour.Reasons[0].DetailES = "por qué a"
	tab = ProfileTable(ps[:1], Spanish)
	assert.Equal(t, "por qué a", tab.Rows[0][4])
}
