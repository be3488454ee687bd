// Package sla models service-level agreements (acuerdos de niveles de
// servicio, ANS) and the business calendars they count time in.
//
// # Business calendars
//
// A [Calendar] says when a service is open: its horario de atención, as
// [Shift] values per day of the week, and its festivos, as [Holiday] dates or
// yearly [HolidayRule] data. Build one from a [CalendarConfig] with
// [NewCalendar], or load it from JSON; [AlwaysOpen] (and a nil or zero
// Calendar) is open 24×7.
//
// The rules the calendar follows:
//
//   - Business time is counted in [start, end): [Calendar.Between] is 0 when
//     end is not after start.
//   - A shift belongs to the day it starts on. "22:00-06:00" on Friday is
//     Friday's night shift; "00:00-24:00" is a whole day; "09:00-14:00" and
//     "15:00-18:00" together are a split shift (jornada partida).
//   - A holiday replaces the shifts that start on its date: no shifts close
//     the day, other shifts make it a half-day.
//   - Shifts follow the wall clock of the calendar's IANA zone, while business
//     time is real elapsed time. A 24-hour day lasts 23 hours when the clocks
//     go forward and 25 when they go back; an instant's own zone never matters.
//   - [Calendar.Add] returns the instant the duration completes, which may be
//     a closing time: 16:00 plus one hour on a 09:00-17:00 day is 17:00 that
//     day. [Calendar.NextOpen] and [Calendar.NextClose] give the next opening
//     and closing instants, and [Calendar.IsOpen] whether it is open now.
//
// Between and Add take the same time for a day as for ten years: the weekly
// pattern, the holidays and the zone's transitions are precomputed as
// cumulative sums searched by bisection.
//
// # Holidays as data
//
// A [HolidayRule] gives a yearly holiday as a fixed date ([FixedDate]), the
// n-th weekday of a month ([NthWeekday]) or a day relative to Easter
// ([EasterRelative]), optionally moved to the next Monday ([NextMonday]) as
// Colombia's Ley Emiliani requires. [ColombiaHolidays] holds Colombia's
// eighteen festivos, and [BogotaConfig] a Bogotá call centre's calendar built
// on them.
package sla
