package sla_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/servuction/servuction"
	"github.com/servuction/servuction/sla"
)

// A Bogotá call centre (horario: Monday to Friday 08:00-18:00, Saturday
// 08:00-13:00, closed on Colombia's festivos) counts a ticket opened on
// Friday evening before a holiday weekend.
func ExampleNewCalendar() {
	cal, err := sla.NewCalendar(sla.BogotaConfig())
	if err != nil {
		fmt.Println(err)
		return
	}
	bog := cal.Location()
	// Friday March 20, 2026, 17:00; Monday March 23 is San José (festivo).
	opened := time.Date(2026, 3, 20, 17, 0, 0, 0, bog)
	answered := time.Date(2026, 3, 24, 9, 30, 0, 0, bog)
	fmt.Println("business time:", cal.Between(opened, answered))
	// Friday 17:00-18:00, Saturday 08:00-13:00, Tuesday 08:00-09:30.
	fmt.Println("4h target due:", cal.Add(opened, 4*time.Hour).Format("Mon Jan 2 15:04"))
	// Output:
	// business time: 7h30m0s
	// 4h target due: Sat Mar 21 11:00
}

// Add may end at a closing time: 16:00 plus one hour on a 09:00-17:00 day
// is 17:00 that day, and two hours end the next morning.
func ExampleCalendar_Add() {
	week := map[time.Weekday][]sla.Shift{}
	for d := time.Monday; d <= time.Friday; d++ {
		week[d] = sla.MustParseShifts("09:00-17:00")
	}
	cal, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/New_York", Week: week})
	if err != nil {
		fmt.Println(err)
		return
	}
	start := time.Date(2026, 3, 2, 16, 0, 0, 0, cal.Location())
	fmt.Println(cal.Add(start, time.Hour).Format(time.DateTime))
	fmt.Println(cal.Add(start, 2*time.Hour).Format(time.DateTime))
	// Output:
	// 2026-03-02 17:00:00
	// 2026-03-03 10:00:00
}

// A 24×7 calendar counts real time: the day New York's clocks go forward
// has 23 hours and the day they go back 25.
func ExampleCalendar_Between_dst() {
	week := map[time.Weekday][]sla.Shift{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		week[d] = sla.MustParseShifts("00:00-24:00")
	}
	cal, err := sla.NewCalendar(sla.CalendarConfig{Zone: "America/New_York", Week: week})
	if err != nil {
		fmt.Println(err)
		return
	}
	ny := cal.Location()
	for _, day := range []int{7, 8, 9} {
		from := time.Date(2026, 3, day, 0, 0, 0, 0, ny)
		fmt.Println(from.Format("Jan 2"), cal.Between(from, from.AddDate(0, 0, 1)))
	}
	// Output:
	// Mar 7 24h0m0s
	// Mar 8 23h0m0s
	// Mar 9 24h0m0s
}

// A night shift belongs to the day it starts on, and a split shift
// (jornada partida) has a break.
func ExampleCalendar_NextOpen() {
	cal, err := sla.NewCalendar(sla.CalendarConfig{
		Zone: "Europe/Madrid",
		Week: map[time.Weekday][]sla.Shift{
			time.Monday: sla.MustParseShifts("09:00-14:00", "16:00-19:00"),
			time.Friday: sla.MustParseShifts("22:00-06:00"),
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	mad := cal.Location()
	lunch := time.Date(2026, 3, 2, 14, 30, 0, 0, mad) // Monday
	fmt.Println("open at 14:30:", cal.IsOpen(lunch))
	fmt.Println("opens:", cal.NextOpen(lunch).Format("Mon 15:04"))
	night := time.Date(2026, 3, 7, 3, 0, 0, 0, mad) // Saturday 03:00
	closes, _ := cal.NextClose(night)
	fmt.Println("Saturday 03:00 open:", cal.IsOpen(night), "closes:", closes.Format("Mon 15:04"))
	// Output:
	// open at 14:30: false
	// opens: Mon 16:00
	// Saturday 03:00 open: true closes: Sat 06:00
}

// Colombia's festivos for a year, from rules (Ley Emiliani moves most of
// them to Monday).
func ExampleHolidaysIn() {
	for _, h := range sla.HolidaysIn(sla.ColombiaHolidays(), 2026, 2026)[:6] {
		fmt.Println(h.Date, h.Date.Weekday(), h.Name)
	}
	// Output:
	// 2026-01-01 Thursday Año Nuevo
	// 2026-01-12 Monday Día de los Reyes Magos
	// 2026-03-23 Monday Día de San José
	// 2026-04-02 Thursday Jueves Santo
	// 2026-04-03 Friday Viernes Santo
	// 2026-05-01 Friday Día del Trabajo
}

// A calendar loads from JSON, with a half-day holiday; errors name every
// problem.
func ExampleCalendar_UnmarshalJSON() {
	var cal sla.Calendar
	err := json.Unmarshal([]byte(`{
		"zone": "America/Bogota",
		"week": {"lunes": ["08:00-17:00"], "martes": ["08:00-17:00"]},
		"holidays": [{"date": "2026-03-03", "name": "Media jornada", "shifts": ["08:00-12:00"]}]
	}`), &cal)
	fmt.Println(err)
	bog := cal.Location()
	fmt.Println(cal.Between(time.Date(2026, 3, 2, 0, 0, 0, 0, bog), time.Date(2026, 3, 4, 0, 0, 0, 0, bog)))

	err = json.Unmarshal([]byte(`{"zone": "Bogota", "week": {"lunes": ["08:00-17:00", "16:00-18:00"]}}`), &cal)
	fmt.Println(err)
	// Output:
	// <nil>
	// 13h0m0s
	// sla: zone "Bogota": unknown IANA zone: sla: invalid calendar
	// sla: week: Monday shift 2 16:00-18:00 overlaps Monday shift 1 08:00-17:00: sla: invalid calendar
}

// A holiday replaces the shifts that start on its date.
func ExampleHoliday() {
	week := map[time.Weekday][]sla.Shift{time.Thursday: sla.MustParseShifts("09:00-17:00")}
	cal, err := sla.NewCalendar(sla.CalendarConfig{
		Zone: "UTC",
		Week: week,
		Holidays: []sla.Holiday{
			{Date: servuction.MustParseDate("2026-12-24"), Name: "Christmas Eve", Shifts: sla.MustParseShifts("09:00-13:00")},
			{Date: servuction.MustParseDate("2026-12-31"), Name: "New Year's Eve"},
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range []string{"2026-12-17", "2026-12-24", "2026-12-31"} {
		from := servuction.MustParseDate(d).In(time.UTC)
		fmt.Println(d, cal.Between(from, from.AddDate(0, 0, 1)))
	}
	// Output:
	// 2026-12-17 8h0m0s
	// 2026-12-24 4h0m0s
	// 2026-12-31 0s
}

// Shifts are written "HH:MM-HH:MM"; one that ends before it starts runs
// past midnight and belongs to the day it starts on.
func ExampleParseShift() {
	for _, s := range []string{"09:00-17:00", "22:00-06:00", "00:00-24:00", "18:00-25:00"} {
		sh, err := sla.ParseShift(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(sh, sh.Length(), "overnight:", sh.Overnight())
	}
	// Output:
	// 09:00-17:00 8h0m0s overnight: false
	// 22:00-06:00 8h0m0s overnight: true
	// 00:00-24:00 24h0m0s overnight: false
	// sla: shift "18:00-25:00": end "25:00": want HH:MM from 00:00 to 24:00: sla: invalid shift
}
