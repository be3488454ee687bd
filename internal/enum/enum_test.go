package enum

import (
	"errors"
	"testing"
)

var errTest = errors.New("test: invalid")

type colour uint8

func TestTable(t *testing.T) {
	tab := New("pkg: colour", errTest, []string{"unknown", "red", "light-blue"},
		map[string]colour{"rojo": 1, "azul claro": 2})
	for in, want := range map[string]colour{"red": 1, "RED": 1, "Rojo": 1, "light blue": 2, "LightBlue": 2, "azul_claro": 2, "unknown": 0} {
		got, err := tab.Parse(in)
		if err != nil || got != want {
			t.Errorf("Parse(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := tab.Parse("green"); !errors.Is(err, errTest) || err.Error() != `pkg: colour "green": unknown name (want one of red, light-blue): test: invalid` {
		t.Errorf("Parse(green) error = %v", err)
	}
	// A zero value named anything but "unknown" is a real value and is listed.
	unspecified := New("pkg: reason", errTest, []string{"unspecified", "late"}, map[string]colour{})
	if _, err := unspecified.Parse("early"); err == nil || err.Error() != `pkg: reason "early": unknown name (want one of unspecified, late): test: invalid` {
		t.Errorf("Parse(early) error = %v", err)
	}
	if s := tab.String(7); s != "colour(7)" {
		t.Errorf("String(7) = %q", s)
	}
	if s := tab.String(2); s != "light-blue" {
		t.Errorf("String(2) = %q", s)
	}
	if _, err := tab.MarshalText(3); !errors.Is(err, errTest) {
		t.Errorf("MarshalText(3) error = %v", err)
	}
	v := colour(1)
	if err := tab.UnmarshalText(&v, []byte("nope")); err == nil || v != 1 {
		t.Errorf("failed UnmarshalText changed value to %v (err %v)", v, err)
	}
	if err := tab.UnmarshalText(&v, []byte("azul claro")); err != nil || v != 2 {
		t.Errorf("UnmarshalText = %v, %v", v, err)
	}
	if n := tab.Names(); len(n) != 3 || n[1] != "red" {
		t.Errorf("Names() = %v", n)
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Teléfono": "telefono", "  Mensajería Instantánea ": "mensajeriainstantanea",
		"Compañero": "companero", "web-chat": "webchat", "A/B_c.d": "abcd", "ÜBER": "uber",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNewPanicsOnConflict(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New accepted an alias naming two values")
		}
	}()
	New("pkg: colour", errTest, []string{"red", "blue"}, map[string]colour{"Red": 1})
}
