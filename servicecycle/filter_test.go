package servicecycle

import (
	"testing"

	"github.com/servuction/servuction"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFilter(t *testing.T) {
	served := func(cs, moment string, min int, ch servuction.Channel, employee string) Encounter {
		e := enc(cs, moment, min, 0)
		e.Channel, e.Employee = ch, employee
		return e
	}
	log := []Encounter{
		served("a", "welcome", 0, servuction.InPerson, "ana"),
		served("a", "handling", 10, servuction.Phone, "luis"),
		served("b", "welcome", 30, servuction.InPerson, "ana"),
		served("b", "farewell", 60, servuction.Email, ""),
		served("c", "welcome", 90, servuction.WebChat, "eva"),
	}
	ids := func(es []Encounter) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.Case+"/"+e.Moment)
		}
		return out
	}
	tests := []struct {
		name string
		f    Filter
		want []string
	}{
		{"none", Filter{}, []string{"a/welcome", "a/handling", "b/welcome", "b/farewell", "c/welcome"}},
		// [10, 60): the window includes its start, not its end.
		{"window", Filter{From: at(10), To: at(60)}, []string{"a/handling", "b/welcome"}},
		{"open end", Filter{From: at(60)}, []string{"b/farewell", "c/welcome"}},
		{"channel", Filter{Channels: []servuction.Channel{servuction.InPerson, servuction.Email}}, []string{"a/welcome", "b/welcome", "b/farewell"}},
		{"employee", Filter{Employees: []string{"ana"}}, []string{"a/welcome", "b/welcome"}},
		{"moment", Filter{Moments: []string{"welcome"}, To: at(60)}, []string{"a/welcome", "b/welcome"}},
		// Whole journeys with a phone contact: a only.
		{"journeys", Filter{Channels: []servuction.Channel{servuction.Phone}, Journeys: true}, []string{"a/welcome", "a/handling"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.f.Apply(log)
			require.NoError(t, err)
			assert.Equal(t, tt.want, ids(got))
		})
	}
	bad := []struct {
		f    Filter
		want string
	}{
		{Filter{From: at(10), To: at(10)}, "is empty"},
		{Filter{Channels: []servuction.Channel{99}}, "channels[0] 99 undefined"},
		{Filter{Employees: []string{" "}}, `employees[0] " " blank`},
		{Filter{Moments: []string{""}}, `moments[0] "" blank`},
	}
	for _, tt := range bad {
		got, err := tt.f.Apply(log)
		require.ErrorIs(t, err, ErrInvalidValue)
		assert.Contains(t, err.Error(), tt.want)
		assert.Nil(t, got)
	}
}
