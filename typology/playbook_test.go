package typology

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/internal/golden"
)

func TestPlaybookCombinesGuidance(t *testing.T) {
	p := Profile{Customer: "C-07"}
	p.Behaviour.Type = Aggressive
	p.Personality.Type = Critic
	p.Relationship.Type = Loyal
	p.Motivation.Type = Rational
	g := Playbook(p, InPersonAttention, CriticismForError)
	var titles []string
	for _, gd := range g.Guides {
		titles = append(titles, gd.Title.EN)
	}
	// Behaviour, personality, relationship, motivation; then the criticism
	// protocol once (asked for by the behaviour, the personality and the
	// caller) and in-person attention, in Protocol order.
	assert.Equal(t, []string{
		"Aggressive customer: let them speak, then solve",
		"Critic: listen without arguing",
		"Loyal: recognise and personalise",
		"Rational motivation: argue with facts",
		"Protocol: criticism for an error",
		"Protocol: in-person attention",
	}, titles)
	golden.Check(t, "playbook_en.txt", g.Format(English))
	golden.Check(t, "playbook_es.txt", g.Format(Spanish))
}

func TestPlaybookPerBehaviour(t *testing.T) {
	tests := []struct {
		b         Behaviour
		title     string
		protocols []string
	}{
		{Submissive, "Cliente sumiso: preguntar, porque no lo dirá", nil},
		{Aggressive, "Cliente agresivo: dejarle hablar y solucionar", []string{"Protocolo: crítica por algún error"}},
		{Abusive, "Cliente abusivo: verificar los hechos, registrarlo todo", []string{"Protocolo: denegar la petición"}},
		{ChronicComplainer, "Cliente quejumbroso crónico: fijar expectativas, documentar", []string{"Protocolo: crítica por algún error", "Protocolo: denegar la petición"}},
		{ReasonableVoicer, "Cliente que reclama con razón: agradecer, solucionar, mejorar", []string{"Protocolo: crítica por algún error"}},
	}
	for _, tt := range tests {
		g := Playbook(Profile{Behaviour: Classification[Behaviour]{Type: tt.b}})
		var titles []string
		for _, gd := range g.Guides {
			titles = append(titles, gd.Title.ES)
		}
		assert.Equal(t, append([]string{tt.title}, tt.protocols...), titles, tt.b.String())
	}
	assert.Empty(t, Playbook(Profile{}).Guides, "an unclassified customer gets no type guidance")
}

func TestGuidesAreBilingual(t *testing.T) {
	var all []Guide
	for p := Protocol(1); p.IsValid(); p++ {
		g, ok := ProtocolGuide(p)
		require.True(t, ok, p)
		all = append(all, g)
	}
	for b := Behaviour(1); b.IsValid(); b++ {
		g, ok := BehaviourGuide(b)
		require.True(t, ok, b)
		all = append(all, g)
	}
	for p := Personality(1); p.IsValid(); p++ {
		g, ok := PersonalityGuide(p)
		require.True(t, ok, p)
		all = append(all, g)
	}
	for r := Relationship(1); r.IsValid(); r++ {
		g, ok := RelationshipGuide(r)
		require.True(t, ok, r)
		all = append(all, g)
	}
	for m := Motivation(1); m.IsValid(); m++ {
		g, ok := MotivationGuide(m)
		require.True(t, ok, m)
		all = append(all, g)
	}
	for _, g := range all {
		require.NotEmpty(t, g.Steps, g.Title.EN)
		for _, s := range append([]Text{g.Title}, g.Steps...) {
			assert.NotEmpty(t, strings.TrimSpace(s.EN))
			assert.NotEmpty(t, strings.TrimSpace(s.ES))
			assert.NotEqual(t, s.EN, s.ES)
		}
	}
	// The seeds' protocols keep the seeds' number of steps.
	for p, n := range map[Protocol]int{CriticismForError: 8, DenyingRequest: 6, ComprehensionProblems: 3, InPersonAttention: 11} {
		g, _ := ProtocolGuide(p)
		assert.Len(t, g.Steps, n, p.String())
	}
	// A returned guide is a copy.
	g, _ := ProtocolGuide(DenyingRequest)
	g.Steps[0].EN = "changed"
	g2, _ := ProtocolGuide(DenyingRequest)
	assert.NotEqual(t, "changed", g2.Steps[0].EN)
}
