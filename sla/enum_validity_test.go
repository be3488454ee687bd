package sla

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnumValidity checks IsValid on every enum: the unset zero value is not
// valid (except PauseUnspecified, a valid "no reason"), every named value is,
// and the first value past the last is not. Each named value survives a text
// round trip.
func TestEnumValidity(t *testing.T) {
	type enum interface {
		IsValid() bool
		String() string
		MarshalText() ([]byte, error)
	}
	tests := []struct {
		name      string
		zero      enum
		zeroValid bool
		named     []enum
		past      enum
		parse     func(string) (enum, error)
	}{
		{"priority", PriorityUnknown, false, []enum{Low, Normal, High, Urgent}, Urgent + 1,
			func(s string) (enum, error) { return ParsePriority(s) }},
		{"event kind", EventUnknown, false, []enum{Opened, AgentReplied, CustomerReplied, Paused, Resumed, PriorityChanged, Resolved, Reopened, Closed, AttributeChanged}, AttributeChanged + 1,
			func(s string) (enum, error) { return ParseEventKind(s) }},
		{"attribute", AttributeUnknown, false, []enum{AttrChannel, AttrRequestKind, AttrTags, AttrGroup, AttrCustomer, AttrArea, AttrService, AttrSupplier, AttrTimeZone}, AttrTimeZone + 1,
			func(s string) (enum, error) { return ParseAttribute(s) }},
		{"pause reason", PauseUnspecified, true, []enum{WaitingCustomer, WaitingThirdParty, Scheduled}, Scheduled + 1,
			func(s string) (enum, error) { return ParsePauseReason(s) }},
		{"level", LevelUnknown, false, []enum{Corporate, Department, Customer}, Customer + 1,
			func(s string) (enum, error) { return ParseLevel(s) }},
		{"kind", KindUnknown, false, []enum{CustomerBased, ServiceBased, MultiLevel}, MultiLevel + 1,
			func(s string) (enum, error) { return ParseKind(s) }},
		{"metric", MetricUnknown, false, []enum{FirstResponse, NextResponse, PeriodicUpdate, Resolution, Availability,
			FirstResolution, RequesterWait, AgentWork, OnHoldTime, GroupOwnership}, GroupOwnership + 1,
			func(s string) (enum, error) { return ParseMetric(s) }},
		{"status", StatusUnknown, false, []enum{Running, OnHold, AtRisk, Met, Breached}, Breached + 1,
			func(s string) (enum, error) { return ParseStatus(s) }},
		{"severity", SeverityUnknown, false, []enum{Page, TicketAlert}, TicketAlert + 1,
			func(s string) (enum, error) { return ParseSeverity(s) }},
		{"clause kind", ClauseUnknown, false, []enum{Documentation, Staffing, Warranty, AfterSales, OtherClause}, OtherClause + 1,
			func(s string) (enum, error) { return ParseClauseKind(s) }},
		{"comparison", CompareUnknown, false, []enum{AtLeast, AtMost}, AtMost + 1,
			func(s string) (enum, error) { return ParseComparison(s) }},
		{"operator", OperatorUnknown, false, []enum{Is, IsNot, Includes, IncludesAll, Excludes}, Excludes + 1,
			func(s string) (enum, error) { return ParseOperator(s) }},
		{"agreement type", SLA, true, []enum{OLA, UC}, UC + 1,
			func(s string) (enum, error) { return ParseAgreementType(s) }},
		{"zone rule", CalendarZone, true, []enum{TicketZone}, TicketZone + 1,
			func(s string) (enum, error) { return ParseZoneRule(s) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.zeroValid, tt.zero.IsValid(), "zero value")
			assert.False(t, tt.past.IsValid(), "past the last value")
			_, err := tt.past.MarshalText()
			assert.ErrorIs(t, err, ErrUnknownName)
			for _, v := range tt.named {
				assert.True(t, v.IsValid(), v.String())
				txt, err := v.MarshalText()
				require.NoError(t, err)
				back, err := tt.parse(string(txt))
				require.NoError(t, err)
				assert.Equal(t, v, back)
			}
		})
	}
	// Only a stopped clock's verdicts, met and breached, are final.
	for s, final := range map[Status]bool{StatusUnknown: false, Running: false, OnHold: false, AtRisk: false, Met: true, Breached: true} {
		assert.Equal(t, final, s.IsFinal(), s.String())
	}
	// The Spanish names of the course notes parse.
	sev, err := ParseSeverity("aviso")
	require.NoError(t, err)
	assert.Equal(t, Page, sev)
	cmp, err := ParseComparison("como máximo")
	require.NoError(t, err)
	assert.Equal(t, AtMost, cmp)
	var s Severity
	require.NoError(t, s.UnmarshalText([]byte("tiquete")))
	assert.Equal(t, TicketAlert, s)
	assert.Error(t, s.UnmarshalText([]byte("siren")))
	assert.Equal(t, TicketAlert, s, "unchanged on error")
}
