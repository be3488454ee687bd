package sla

import "time"

// ColombiaHolidays returns the rules of Colombia's eighteen national holidays
// (festivos) under Ley 51 de 1983, the Ley Emiliani: six keep their date,
// seven fixed-date holidays and three Easter-relative ones move to the
// following Monday, and Maundy Thursday and Good Friday keep their day. Each
// call returns a new slice the caller may change.
func ColombiaHolidays() []HolidayRule {
	fixed := func(name string, m time.Month, d int, o Observance) HolidayRule {
		return HolidayRule{Name: name, Kind: FixedDate, Month: m, Day: d, Observe: o}
	}
	easter := func(name string, offset int, o Observance) HolidayRule {
		return HolidayRule{Name: name, Kind: EasterRelative, Offset: offset, Observe: o}
	}
	return []HolidayRule{
		fixed("Año Nuevo", time.January, 1, OnTheDay),
		fixed("Día de los Reyes Magos", time.January, 6, NextMonday),
		fixed("Día de San José", time.March, 19, NextMonday),
		easter("Jueves Santo", -3, OnTheDay),
		easter("Viernes Santo", -2, OnTheDay),
		fixed("Día del Trabajo", time.May, 1, OnTheDay),
		easter("Ascensión del Señor", 39, NextMonday),
		easter("Corpus Christi", 60, NextMonday),
		easter("Sagrado Corazón", 68, NextMonday),
		fixed("San Pedro y San Pablo", time.June, 29, NextMonday),
		fixed("Día de la Independencia", time.July, 20, OnTheDay),
		fixed("Batalla de Boyacá", time.August, 7, OnTheDay),
		fixed("La Asunción de la Virgen", time.August, 15, NextMonday),
		fixed("Día de la Raza", time.October, 12, NextMonday),
		fixed("Todos los Santos", time.November, 1, NextMonday),
		fixed("Independencia de Cartagena", time.November, 11, NextMonday),
		fixed("Inmaculada Concepción", time.December, 8, OnTheDay),
		fixed("Navidad", time.December, 25, OnTheDay),
	}
}

// BogotaConfig returns the configuration of a Bogotá call centre's calendar:
// zone America/Bogota, Monday to Friday 08:00-18:00, Saturday 08:00-13:00,
// closed on Sundays and on Colombia's holidays ([ColombiaHolidays]). Change
// it before passing it to [NewCalendar], e.g. to add half-days.
func BogotaConfig() CalendarConfig {
	weekday := []Shift{{Start: ClockOf(8, 0), End: ClockOf(18, 0)}}
	return CalendarConfig{
		Zone: "America/Bogota",
		Week: map[time.Weekday][]Shift{
			time.Monday:    weekday,
			time.Tuesday:   weekday,
			time.Wednesday: weekday,
			time.Thursday:  weekday,
			time.Friday:    weekday,
			time.Saturday:  {{Start: ClockOf(8, 0), End: ClockOf(13, 0)}},
		},
		Rules: ColombiaHolidays(),
	}
}
