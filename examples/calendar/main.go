// Command calendar shows how a service-level agreement (ANS) counts time: the
// business calendar (horario de atención and festivos) of a Bogotá call
// centre, loaded from JSON, with Colombia's holidays as yearly rules.
//
// The course notes ask for "disponibilidad horaria" and response times in an
// ANS. Both are measured on the service's own clock: a ticket opened on
// Friday evening before a holiday Monday is not late on Tuesday morning.
//
// Run it with:
//
//	go run ./examples/calendar
package main

import (
	"encoding/json"
	"fmt"
	"log"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"

	_ "time/tzdata" // the zone database on machines without one
)

// calendarJSON is the centre's calendar as it would be stored: the horario
// per day of the week (a split shift on weekdays, a half-day on Saturday), a
// half-day on Christmas Eve, and Colombia's holidays as rules (Ley Emiliani:
// most move to the next Monday).
const calendarJSON = `{
  "zone": "America/Bogota",
  "week": {
    "lunes":     ["08:00-13:00", "14:00-18:00"],
    "martes":    ["08:00-13:00", "14:00-18:00"],
    "miércoles": ["08:00-13:00", "14:00-18:00"],
    "jueves":    ["08:00-13:00", "14:00-18:00"],
    "viernes":   ["08:00-13:00", "14:00-18:00"],
    "sábado":    ["08:00-12:00"]
  },
  "holidays": [
    {"date": "2026-12-24", "name": "Nochebuena (media jornada)", "shifts": ["08:00-12:00"]}
  ]
}`

func main() {
	// Step 1 — the horario: decode the stored calendar and add Colombia's
	// festivos as rules. Decoding validates: a shift like "08:00-25:00"
	// or two overlapping shifts would be rejected with a clear message.
	var cfg sla.CalendarConfig
	if err := json.Unmarshal([]byte(calendarJSON), &cfg); err != nil {
		log.Fatal(err)
	}
	cfg.Rules = sla.ColombiaHolidays()
	cal, err := sla.NewCalendar(cfg)
	if err != nil {
		log.Fatal(err)
	}
	bog := cal.Location()

	// Step 2 — the festivos of the second half of 2026 (fechas que cierran el
	// centro).
	fmt.Println("Festivos, July-December 2026:")
	for _, h := range cal.HolidaysBetween(servuction.MustParseDate("2026-07-01"), servuction.MustParseDate("2026-12-31")) {
		hours := "closed"
		if len(h.Shifts) > 0 {
			hours = fmt.Sprint(h.Shifts)
		}
		fmt.Printf("  %s %-9s %-32s %s\n", h.Date, h.Date.Weekday(), h.Name, hours)
	}

	// Step 3 — response time (tiempo de respuesta) on the service's clock.
	// A ticket opened Friday November 13 at 17:00; Monday November 16 is a
	// festivo (Independencia de Cartagena).
	opened := time.Date(2026, 11, 13, 17, 0, 0, 0, bog)
	replied := time.Date(2026, 11, 17, 9, 30, 0, 0, bog)
	fmt.Println()
	fmt.Println("Ticket opened", opened.Format("Mon 2 Jan 15:04"), "answered", replied.Format("Mon 2 Jan 15:04"))
	fmt.Println("  calendar time:", replied.Sub(opened))
	fmt.Println("  business time:", cal.Between(opened, replied), "(Fri 17:00-18:00, Sat 08:00-12:00, Tue 08:00-09:30)")

	// Step 4 — deadlines: when a target of 4 or 8 business hours falls due.
	// A deadline may be a closing time: that is when the time runs out.
	for _, target := range []time.Duration{4 * time.Hour, 8 * time.Hour} {
		fmt.Printf("  a %s target falls due %s\n", target, cal.Add(opened, target).Format("Mon 2 Jan 15:04"))
	}

	// Step 5 — is the centre open? (disponibilidad horaria)
	lunch := time.Date(2026, 11, 17, 13, 20, 0, 0, bog)
	fmt.Println()
	fmt.Println("Tuesday 13:20 open:", cal.IsOpen(lunch), "— reopens at", cal.NextOpen(lunch).Format("15:04"))
	if closes, ok := cal.NextClose(time.Date(2026, 12, 24, 9, 0, 0, 0, bog)); ok {
		fmt.Println("Christmas Eve closes at", closes.Format("15:04"))
	}

	// Step 6 — the clock is exact where daylight-saving time changes it. A
	// 24×7 support line in New York has a 23-hour day in March and a
	// 25-hour day in November; Bogotá has no DST.
	week := map[time.Weekday][]sla.Shift{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		week[d] = sla.MustParseShifts("00:00-24:00")
	}
	ny, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/New_York", Week: week})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println()
	for _, d := range []string{"2026-03-08", "2026-11-01", "2026-11-02"} {
		from := servuction.MustParseDate(d).In(ny.Location())
		fmt.Printf("New York 24×7, %s: %s\n", d, ny.Between(from, from.AddDate(0, 0, 1)))
	}
}
