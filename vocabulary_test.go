package servuction_test

import (
	"encoding/json"
	"errors"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction"
)

func TestParseChannel(t *testing.T) {
	tests := []struct {
		in   string
		want servuction.Channel
	}{
		{"presencial", servuction.InPerson},
		{"in-person", servuction.InPerson},
		{"Teléfono", servuction.Phone},
		{"TELEFONO", servuction.Phone},
		{"correo electrónico", servuction.Email},
		{"correo electronico", servuction.Email},
		{"e-mail", servuction.Email},
		{"chat de plataforma", servuction.WebChat},
		{"WebChat", servuction.WebChat},
		{"redes sociales", servuction.SocialMedia},
		{"social_media", servuction.SocialMedia},
		{"mensajería instantánea", servuction.InstantMessaging},
		{"autoservicio", servuction.SelfService},
		{"  phone  ", servuction.Phone},
	}
	for _, tt := range tests {
		got, err := servuction.ParseChannel(tt.in)
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
	_, err := servuction.ParseChannel("fax")
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	assert.Contains(t, err.Error(), `"fax"`)
}

func TestChannelTextRoundTrip(t *testing.T) {
	for _, c := range append(servuction.Channels(), servuction.ChannelUnknown) {
		b, err := c.MarshalText()
		require.NoError(t, err)
		var back servuction.Channel
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, c, back)
	}
	_, err := servuction.Channel(200).MarshalText()
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	assert.Equal(t, "channel(200)", servuction.Channel(200).String())
	// A failed unmarshal leaves the value as it was.
	c := servuction.Email
	require.Error(t, c.UnmarshalText([]byte("pigeon")))
	assert.Equal(t, servuction.Email, c)
}

func TestChannelMode(t *testing.T) {
	assert.Equal(t, servuction.ModeInPerson, servuction.InPerson.Mode())
	for _, c := range []servuction.Channel{servuction.Phone, servuction.Email, servuction.WebChat,
		servuction.SocialMedia, servuction.InstantMessaging, servuction.SelfService} {
		assert.Equal(t, servuction.ModeVirtual, c.Mode(), c.String())
	}
	assert.Equal(t, servuction.ModeUnknown, servuction.ChannelUnknown.Mode())
	assert.Equal(t, servuction.ModeUnknown, servuction.Channel(99).Mode())
}

func TestParseModeAndStance(t *testing.T) {
	m, err := servuction.ParseServiceMode("Presencial")
	require.NoError(t, err)
	assert.Equal(t, servuction.ModeInPerson, m)
	m, err = servuction.ParseServiceMode("virtual")
	require.NoError(t, err)
	assert.Equal(t, servuction.ModeVirtual, m)
	s, err := servuction.ParseStance("proactivo")
	require.NoError(t, err)
	assert.Equal(t, servuction.Proactive, s)
	s, err = servuction.ParseStance("Reactivo")
	require.NoError(t, err)
	assert.Equal(t, servuction.Reactive, s)
	_, err = servuction.ParseStance("passive")
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	_, err = servuction.ParseServiceMode("hybrid")
	require.ErrorIs(t, err, servuction.ErrInvalidValue)

	b, err := json.Marshal(struct {
		M servuction.ServiceMode
		S servuction.Stance
	}{servuction.ModeVirtual, servuction.Reactive})
	require.NoError(t, err)
	assert.JSONEq(t, `{"M":"virtual","S":"reactive"}`, string(b))
}

func TestMoneyArithmetic(t *testing.T) {
	a := servuction.MustParseMoney("1234.50 COP")
	b := servuction.MustParseMoney("COP 65.5")
	sum, err := a.Add(b)
	require.NoError(t, err)
	assert.True(t, sum.Equal(servuction.MustParseMoney("1300 COP")), sum.String())

	diff, err := b.Sub(a)
	require.NoError(t, err)
	assert.Equal(t, "-1169 COP", diff.String())
	assert.Equal(t, -1, diff.Sign())

	// 0.1 + 0.2 is exactly 0.3 in decimal.
	x, err := servuction.Sum(servuction.MustParseMoney("0.1 USD"), servuction.MustParseMoney("0.2 USD"))
	require.NoError(t, err)
	assert.True(t, x.Amount.Equal(decimal.RequireFromString("0.3")))

	// The zero Money adopts a currency.
	var total servuction.Money
	total, err = total.Add(servuction.MustParseMoney("5 EUR"))
	require.NoError(t, err)
	assert.Equal(t, "EUR", total.Currency)

	_, err = a.Add(servuction.MustParseMoney("1 USD"))
	require.ErrorIs(t, err, servuction.ErrCurrencyMismatch)
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	_, err = a.Cmp(servuction.MustParseMoney("1 USD"))
	require.ErrorIs(t, err, servuction.ErrCurrencyMismatch)

	c, err := a.Cmp(b)
	require.NoError(t, err)
	assert.Equal(t, 1, c)
	assert.Equal(t, "12.35 COP", servuction.MustParseMoney("12.345 COP").Round(2).String())
	assert.Equal(t, "2469 COP", a.Mul(decimal.NewFromInt(2)).String())
	assert.Equal(t, "1234.50 COP", a.StringFixed(2))
	assert.False(t, a.Equal(servuction.MustParseMoney("1234.50 USD")))
}

func TestParseMoneyErrors(t *testing.T) {
	for _, in := range []string{"", "abc COP", "12 cop", "12 COPS", "1 2 3", "12 C0P", "1e99999999 COP", "1e-31 USD", "1e31"} {
		_, err := servuction.ParseMoney(in)
		require.ErrorIs(t, err, servuction.ErrInvalidValue, in)
	}
	m, err := servuction.ParseMoney("1.5e6 COP")
	require.NoError(t, err)
	assert.Equal(t, "1500000 COP", m.String())
	_, err = servuction.NewMoney(decimal.NewFromInt(1), "usd")
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
}

func TestMoneyJSON(t *testing.T) {
	type fee struct{ Fee servuction.Money }
	b, err := json.Marshal(fee{servuction.MustParseMoney("1500000 COP")})
	require.NoError(t, err)
	assert.Equal(t, `{"Fee":"1500000 COP"}`, string(b))
	var back fee
	require.NoError(t, json.Unmarshal(b, &back))
	assert.True(t, back.Fee.Equal(servuction.MustParseMoney("1500000 COP")))
	require.ErrorIs(t, json.Unmarshal([]byte(`{"Fee":"lots"}`), &back), servuction.ErrInvalidValue)
	_, err = servuction.Money{Currency: "euros"}.MarshalText()
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
}

func TestDate(t *testing.T) {
	d := servuction.MustParseDate("2026-03-23")
	assert.Equal(t, time.Monday, d.Weekday())
	assert.Equal(t, servuction.MustParseDate("2026-04-02"), d.AddDays(10))
	assert.Equal(t, servuction.MustParseDate("2025-12-31"), servuction.MustParseDate("2026-01-01").AddDays(-1))
	assert.Equal(t, 365, servuction.MustParseDate("2027-01-01").DaysSince(servuction.MustParseDate("2026-01-01")))
	assert.Equal(t, 366, servuction.MustParseDate("2029-01-01").DaysSince(servuction.MustParseDate("2028-01-01")))
	assert.True(t, d.Before(d.AddDays(1)))
	assert.True(t, d.After(d.AddDays(-40)))
	assert.Equal(t, 0, d.Compare(d))
	assert.Equal(t, -1, servuction.MustParseDate("2026-01-31").Compare(servuction.MustParseDate("2026-02-01")))
	assert.Equal(t, 1, servuction.MustParseDate("2027-01-01").Compare(servuction.MustParseDate("2026-12-31")))

	bogota, err := time.LoadLocation("America/Bogota")
	if err == nil {
		// 2026-03-24 02:00 UTC is still the 23rd in Bogotá (UTC−5).
		inst := time.Date(2026, 3, 24, 2, 0, 0, 0, time.UTC)
		assert.Equal(t, d, servuction.DateOf(inst.In(bogota)))
		assert.Equal(t, time.Date(2026, 3, 23, 5, 0, 0, 0, time.UTC), d.In(bogota).UTC())
	}

	_, err = servuction.NewDate(2026, time.February, 29)
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	_, err = servuction.NewDate(2028, time.February, 29)
	require.NoError(t, err)
	for _, in := range []string{"2026-13-01", "2026-02-30", "26-1-1", "yesterday", ""} {
		_, err := servuction.ParseDate(in)
		require.ErrorIs(t, err, servuction.ErrInvalidValue, in)
	}
	assert.False(t, servuction.Date{}.IsValid())
	assert.True(t, servuction.Date{}.IsZero())
	assert.False(t, servuction.Date{Year: 2026, Month: 4, Day: 31}.IsValid())
}

func TestDateJSON(t *testing.T) {
	type h struct{ On servuction.Date }
	b, err := json.Marshal(h{servuction.MustParseDate("2026-07-20")})
	require.NoError(t, err)
	assert.Equal(t, `{"On":"2026-07-20"}`, string(b))
	var back h
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, servuction.MustParseDate("2026-07-20"), back.On)
	require.NoError(t, json.Unmarshal([]byte(`{"On":""}`), &back))
	assert.True(t, back.On.IsZero())
	_, err = servuction.Date{Year: 2026, Month: 2, Day: 30}.MarshalText()
	require.ErrorIs(t, err, servuction.ErrInvalidValue)
	d := servuction.MustParseDate("2026-01-01")
	require.Error(t, d.UnmarshalText([]byte("2026-99-01")))
	assert.Equal(t, servuction.MustParseDate("2026-01-01"), d)
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"1234.50 COP", "COP 1", "-0.001 USD", "1e3 EUR", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := servuction.ParseMoney(s)
		if err != nil {
			if !errors.Is(err, servuction.ErrInvalidValue) {
				t.Fatalf("error does not wrap ErrInvalidValue: %v", err)
			}
			return
		}
		b, err := m.MarshalText()
		if err != nil {
			t.Fatalf("parsed %q but cannot marshal: %v", s, err)
		}
		back, err := servuction.ParseMoney(string(b))
		if err != nil || !back.Equal(m) {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, b, back, err)
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-01-01", "2024-02-29", "0001-01-01", "9999-12-31", "2026-1-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := servuction.ParseDate(s)
		if err != nil {
			if !errors.Is(err, servuction.ErrInvalidValue) {
				t.Fatalf("error does not wrap ErrInvalidValue: %v", err)
			}
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = invalid %+v", s, d)
		}
		if back := servuction.MustParseDate(d.String()); back != d {
			t.Fatalf("round trip %q: %v != %v", s, back, d)
		}
	})
}

func FuzzParseChannel(f *testing.F) {
	for _, s := range []string{"teléfono", "web-chat", "RRSS", "ñ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := servuction.ParseChannel(s)
		if err != nil {
			if !errors.Is(err, servuction.ErrInvalidValue) {
				t.Fatalf("error does not wrap ErrInvalidValue: %v", err)
			}
			return
		}
		if again, err := servuction.ParseChannel(c.String()); err != nil || again != c {
			t.Fatalf("%q -> %v does not round-trip: %v", s, c, err)
		}
	})
}
