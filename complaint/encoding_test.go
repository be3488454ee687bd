package complaint

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPolicyJSON(t *testing.T) {
	p := Policy{ReopenWindow: 14 * 24 * time.Hour, MaxCallbackAttempts: 3}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"reopen_window":"14d","max_callback_attempts":3}`, string(b))
	var q Policy
	require.NoError(t, json.Unmarshal(b, &q))
	assert.Equal(t, p, q)
	for _, bad := range []string{`{"reopen_window":"-1d"}`, `{"max_callback_attempts":-2}`, `{"window":"1d"}`, `{"reopen_window":3}`} {
		err := json.Unmarshal([]byte(bad), &q)
		assert.ErrorIs(t, err, ErrInvalidConfig, bad)
		assert.Equal(t, p, q, "unchanged after %s", bad)
	}
}

func TestCostModelJSON(t *testing.T) {
	m := costModel()
	b, err := json.Marshal(m)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"network-member":"20000 COP"`)
	var back CostModel
	require.NoError(t, json.Unmarshal(b, &back))
	require.NoError(t, back.Validate())
	assert.True(t, back.Handling[NetworkMember].Equal(m.Handling[NetworkMember]))
	assert.True(t, back.InformedLossRate.Equal(m.InformedLossRate))
	err = json.Unmarshal([]byte(`{"currency":"COP","customer_value":"1 USD","informed":"1","informed_loss_rate":"0.1"}`), &back)
	require.ErrorIs(t, err, ErrInvalidConfig)
	assert.Contains(t, err.Error(), "customer value 1 USD is not in COP")
}

func FuzzPolicyJSON(f *testing.F) {
	f.Add(`{"reopen_window":"14d","max_callback_attempts":3}`)
	f.Add(`{"reopen_window":"90m"}`)
	f.Add(`{}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p Policy
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidConfig) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("decoded an invalid policy: %v", err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q Policy
		if err := json.Unmarshal(b, &q); err != nil || q != p {
			t.Fatalf("round trip %s: %+v, %v; want %+v", b, q, err, p)
		}
	})
}

func FuzzCostModelJSON(f *testing.F) {
	f.Add(`{"currency":"COP","handling":{"advisor":"5000 COP"},"customer_value":"300000 COP","informed":"10","informed_loss_rate":"0.1"}`)
	f.Add(`{"currency":"USD","customer_value":"1 USD","informed":"0","informed_loss_rate":"1"}`)
	f.Fuzz(func(t *testing.T, s string) {
		var m CostModel
		if err := json.Unmarshal([]byte(s), &m); err != nil {
			var syn *json.SyntaxError
			if !errors.Is(err, ErrInvalidConfig) && !errors.As(err, &syn) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		if err := m.Validate(); err != nil {
			t.Fatalf("decoded an invalid model: %v", err)
		}
	})
}

// FuzzReview: any reply text scores each P in [0, 1] with a reason, and a
// total that is their mean.
func FuzzReview(f *testing.F) {
	f.Add("Estimada María: gracias. Le invitamos a nuestra promoción. Atentamente", "María", uint8(1))
	f.Add("hey dude gonna CHECK!!", "John", uint8(2))
	r, err := NewReviewer(ReviewConfig{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, name string, lang uint8) {
		if !utf8.ValidString(text) {
			return
		}
		rv, err := r.Review(Reply{Text: text, Customer: name, Case: "K-1", Language: Language(lang % 4),
			Received: t0, Sent: t0.Add(time.Hour), Target: time.Hour})
		if err != nil {
			if !errors.Is(err, ErrInvalidValue) {
				t.Fatalf("error wraps no sentinel: %v", err)
			}
			return
		}
		sum := 0.0
		for _, s := range rv.Scores {
			if s.Score < 0 || s.Score > 1 || len(s.Reasons) == 0 {
				t.Fatalf("%s: score %v reasons %v", s.P, s.Score, s.Reasons)
			}
			sum += s.Score
		}
		if d := sum/5 - rv.Total; d > 1e-9 || d < -1e-9 {
			t.Fatalf("total %v, mean %v", rv.Total, sum/5)
		}
	})
}
