package main

import (
	"strings"
	"testing"

	"github.com/servuction/servuction/report"
)

// TestRunSpeaksEachLanguage: the program's output is all in the language
// asked for, with money and durations written for people: no "alerta page",
// "disparada: true", "(at-least 6)", "2400000 COP" or "1h10m" as it once
// printed.
func TestRunSpeaksEachLanguage(t *testing.T) {
	tests := []struct {
		l         report.Lang
		want, not []string
	}{
		{report.Spanish,
			// First response: 50 of 64 met, 78.1 % < 80 %: 20 % of the 12 000 000 COP fee.
			[]string{"64 tiquetes", "78,1 %", "2.400.000 COP", "con tope: 3.000.000 COP", "1 h 10 min", "alerta: aviso inmediato",
				"se dispara: SÍ", "3 d / 6 h", "(al menos 6): cumple", "(como máximo 5): no cumple", "personal asignado", "Línea 24h",
				"Lista de seguimiento", "12:50  BOG-012  baja    resolución               incumplimiento", "aviso: 30 min antes", "aviso: 75 % del objetivo"},
			[]string{"page", "true", "false", "at-least", "at-most", "staffing", "2400000", "h0m", "h10m", "tickets", "78.1"}},
		{report.English,
			[]string{"64 tickets", "78.1 %", "2,400,000 COP", "capped: 3,000,000 COP", "1 h 10 min", "alert: page", "fires: YES",
				"3 d / 6 h", "(at least 6): met", "(at most 5): not met", "staff assigned", "24h line",
				"Watch list", "warning: 30 min before", "warning: 75 % of the target"},
			[]string{"tiquete", "cumple", "alerta", "true", "at-least", "2400000", "h0m", "78,1"}},
	}
	for _, tt := range tests {
		var b strings.Builder
		if err := run(&b, tt.l); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, s := range tt.want {
			if !strings.Contains(out, s) {
				t.Errorf("%s: output lacks %q:\n%s", tt.l, s, out)
			}
		}
		for _, s := range tt.not {
			if strings.Contains(out, s) {
				t.Errorf("%s: output has %q:\n%s", tt.l, s, out)
			}
		}
	}
}
