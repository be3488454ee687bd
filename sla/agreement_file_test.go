package sla

import (
	"encoding/json"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testdata/ans-multinivel.json is an agreement as a user writes it: Spanish
// names, text durations, a split-shift calendar.
func TestLoadAgreementFile(t *testing.T) {
	data, err := os.ReadFile("testdata/ans-multinivel.json")
	require.NoError(t, err)
	var a Agreement
	require.NoError(t, json.Unmarshal(data, &a))
	assert.Equal(t, MultiLevel, a.Kind())
	objs := a.Objectives()
	require.Len(t, objs, 5)
	assert.Equal(t, "first-response", objs[0].Name)
	assert.Equal(t, 5*Day, objs[1].Targets[Low])
	assert.Equal(t, "first-response@ventas", objs[2].Name)
	assert.Equal(t, 15*time.Minute, objs[2].Targets[Urgent])
	assert.Equal(t, Availability, objs[4].Metric)
	assert.Len(t, a.Clauses(), 3)

	// A Banco Andino urgent ticket: first response from the sales
	// department (15 min, business hours), resolution from the customer
	// level (2 h, 24×7 because that objective names no calendar). Opened
	// Monday 2 March 2026 11:50 Bogotá, evaluated at 14:10: the office
	// closed 12:00–14:00, so first response has counted 10 + 10 = 20 min
	// (breached at 14:05), resolution 2h20m of real time (breached at 13:50).
	bog, err := time.LoadLocation("America/Bogota")
	require.NoError(t, err)
	opened := time.Date(2026, 3, 2, 11, 50, 0, 0, bog)
	e, err := a.Evaluate(Ticket{ID: "BA-1", Priority: Urgent, Customer: "Banco Andino",
		Events: []Event{{Kind: Opened, At: opened}}}, time.Date(2026, 3, 2, 14, 10, 0, 0, bog))
	require.NoError(t, err)
	fr := mustResult(t, e, FirstResponse)
	assert.Equal(t, Department, fr.Level)
	assert.Equal(t, 20*time.Minute, fr.Elapsed)
	assert.True(t, time.Date(2026, 3, 2, 14, 5, 0, 0, bog).Equal(fr.BreachedAt), "%s", fr.BreachedAt)
	res := mustResult(t, e, Resolution)
	assert.Equal(t, Customer, res.Level)
	assert.Equal(t, "resolución Banco Andino", res.Objective)
	assert.Equal(t, 140*time.Minute, res.Elapsed)
	assert.True(t, time.Date(2026, 3, 2, 13, 50, 0, 0, bog).Equal(res.BreachedAt), "%s", res.BreachedAt)

	// Saving and loading again gives the same agreement.
	out, err := json.Marshal(&a)
	require.NoError(t, err)
	var b Agreement
	require.NoError(t, json.Unmarshal(out, &b))
	again, err := json.Marshal(&b)
	require.NoError(t, err)
	assert.Equal(t, string(out), string(again))
}
