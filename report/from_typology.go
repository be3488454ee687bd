package report

import (
	"sort"

	"github.com/servuction/servuction/typology"
)

// typeName names a customer type in the report's language, with the course
// notes' Spanish term.
func (l Lang) typeName(v any) string {
	names := map[any][2]string{
		typology.BehaviourUnclassified: {"Unclassified", "Sin clasificar"},
		typology.Submissive:            {"Submissive", "Sumiso"},
		typology.Aggressive:            {"Aggressive", "Agresivo"},
		typology.Abusive:               {"Abusive", "Abusivo"},
		typology.ChronicComplainer:     {"Chronic complainer", "Quejumbroso crónico"},
		typology.ReasonableVoicer:      {"Reasonable voicer", "Reclamante razonable"},
		typology.RelationshipUnknown:   {"Too few purchases", "Pocas compras"},
		typology.DependentPurchase:     {"Dependent purchase", "Compra supeditada"},
		typology.Economist:             {"Economist", "Economista"},
		typology.Loyal:                 {"Loyal", "Fiel"},
		typology.PromotionSeeker:       {"Promotion seeker", "Busca promociones"},
		typology.Erratic:               {"Erratic", "Errático"},
		typology.ProfitabilityUnknown:  {"Unknown", "Desconocida"},
		typology.NotProfitable:         {"Not profitable", "Nada rentable"},
		typology.LittleProfitable:      {"Little profitable", "Poco rentable"},
		typology.Profitable:            {"Profitable", "Rentable"},
		typology.VeryProfitable:        {"Very profitable", "Muy rentable"},
	}
	if n, ok := names[v]; ok {
		return l.t(n[0], n[1])
	}
	if s, ok := v.(interface{ String() string }); ok {
		return s.String()
	}
	return "?"
}

// typology returns the report's language as typology's.
func (l Lang) typology() typology.Language {
	if l == Spanish {
		return typology.Spanish
	}
	return typology.English
}

// BehaviourBars returns how many customers show each behaviour (cliente
// sumiso, agresivo, abusivo, quejumbroso crónico, …) in the type's order;
// the difficult ones red.
func BehaviourBars(profiles []typology.Profile, l Lang) BarChart {
	order := []typology.Behaviour{typology.ReasonableVoicer, typology.Submissive, typology.Aggressive, typology.ChronicComplainer, typology.Abusive, typology.BehaviourUnclassified}
	count := map[typology.Behaviour]int{}
	for _, p := range profiles {
		count[p.Behaviour.Type]++
	}
	c := BarChart{Title: l.t("Customers by complaining behaviour", "Clientes por comportamiento al reclamar"), Unit: l.t("customers", "clientes")}
	for _, b := range order {
		st := Neutral
		switch b {
		case typology.Aggressive, typology.ChronicComplainer, typology.Abusive:
			st = Bad
		case typology.ReasonableVoicer:
			st = Good
		}
		c.Bars = append(c.Bars, Bar{Label: l.typeName(b), Value: float64(count[b]), Status: st})
	}
	return c
}

// RelationshipBars returns how many customers hold each relationship with
// the company (fiel, promociones, economista, compra supeditada, errático).
func RelationshipBars(profiles []typology.Profile, l Lang) BarChart {
	order := []typology.Relationship{typology.Loyal, typology.PromotionSeeker, typology.Economist, typology.DependentPurchase, typology.Erratic, typology.RelationshipUnknown}
	count := map[typology.Relationship]int{}
	for _, p := range profiles {
		count[p.Relationship.Type]++
	}
	c := BarChart{Title: l.t("Customers by relationship with the company", "Clientes por relación con la empresa"), Unit: l.t("customers", "clientes")}
	for _, r := range order {
		st := Neutral
		if r == typology.Loyal {
			st = Good
		}
		c.Bars = append(c.Bars, Bar{Label: l.typeName(r), Value: float64(count[r]), Status: st})
	}
	return c
}

// ProfitabilityBars returns how many customers fall in each profitability
// class (muy rentables … nada rentables).
func ProfitabilityBars(profiles []typology.Profile, l Lang) BarChart {
	order := []typology.Profitability{typology.VeryProfitable, typology.Profitable, typology.LittleProfitable, typology.NotProfitable, typology.ProfitabilityUnknown}
	count := map[typology.Profitability]int{}
	for _, p := range profiles {
		count[p.Profitability.Type]++
	}
	c := BarChart{Title: l.t("Customers by profitability", "Clientes por rentabilidad"), Unit: l.t("customers", "clientes")}
	for _, p := range order {
		st := Neutral
		switch p {
		case typology.VeryProfitable:
			st = Good
		case typology.NotProfitable:
			st = Bad
		}
		c.Bars = append(c.Bars, Bar{Label: l.typeName(p), Value: float64(count[p]), Status: st})
	}
	return c
}

// SegmentTable returns the RFM segments (data-base marketing) with their
// number of customers and share, largest first (ties by name).
func SegmentTable(scores []typology.RFMScore, l Lang) Table {
	count := map[typology.Segment]int{}
	for _, s := range scores {
		count[s.Segment]++
	}
	segs := make([]typology.Segment, 0, len(count))
	for s := range count {
		segs = append(segs, s)
	}
	sort.Slice(segs, func(i, j int) bool {
		if count[segs[i]] != count[segs[j]] {
			return count[segs[i]] > count[segs[j]]
		}
		return segs[i] < segs[j]
	})
	t := Table{Caption: l.t("RFM segments", "Segmentos RFM"), Header: []string{l.t("Segment", "Segmento"), l.t("Customers", "Clientes"), l.t("Share", "Participación")},
		Numeric: []bool{false, true, true}}
	for _, s := range segs {
		t.Rows = append(t.Rows, []string{s.In(l.typology()), itoa(count[s]), l.pct(100*float64(count[s])/float64(len(scores)), 1)})
	}
	return t
}

// ProfileTable returns customers' types side by side with the first reason
// of their behaviour, so an agent sees why.
func ProfileTable(profiles []typology.Profile, l Lang) Table {
	t := Table{Caption: l.t("Customer profiles", "Perfiles de clientes"),
		Header: []string{l.t("Customer", "Cliente"), l.t("Behaviour", "Comportamiento"), l.t("Relationship", "Relación"), l.t("Profitability", "Rentabilidad"), l.t("Why (behaviour)", "Por qué (comportamiento)")}}
	for _, p := range profiles {
		why := ""
		if len(p.Behaviour.Reasons) > 0 {
			why = p.Behaviour.Reasons[0].In(l.typology())
		}
		t.Rows = append(t.Rows, []string{p.Customer, l.typeName(p.Behaviour.Type), l.typeName(p.Relationship.Type), l.typeName(p.Profitability.Type), why})
	}
	return t
}
