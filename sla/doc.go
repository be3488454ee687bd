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
//     the day, other shifts make it a half-day. When several holidays fall on
//     one date, an explicit holiday wins over the rules, and otherwise the
//     first in its list gives the hours ([CalendarConfig]).
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
// Colombia's Ley Emiliani requires, or off a weekend ([NearestWeekday]) as US
// federal holidays are observed. [ColombiaHolidays] holds Colombia's eighteen
// festivos, and [BogotaConfig] a Bogotá call centre's calendar built on them;
// [Calendar.HolidaysBetween] lists a calendar's holidays for a period.
//
// # Calendars as JSON
//
// A calendar is stored as its configuration, shifts as text and days of the
// week by name (English or Spanish, any case):
//
//	{"zone": "America/Bogota",
//	 "week": {"lunes": ["08:00-12:00", "14:00-18:00"], "friday": ["22:00-06:00"]},
//	 "holidays": [{"date": "2026-12-24", "name": "Nochebuena", "shifts": ["08:00-12:00"]}],
//	 "rules": [{"name": "Reyes Magos", "kind": "fixed", "month": 1, "day": 6, "observe": "next-monday"},
//	           {"name": "Viernes Santo", "kind": "easter", "offset": -2}]}
//
// Decoding a [Calendar] validates it like [NewCalendar]: every problem is
// reported at once, naming the field and the value, and wrapping
// [ErrInvalidCalendar] ("sla: week: shift 1 on Monday: end 25:00 out of
// range 00:00-24:00: sla: invalid calendar").
//
// # Agreements (ANS)
//
// The course notes define the ANS as the tool that "helps both parties agree
// on aspects such as response time, hours of availability, documentation
// available, staff assigned to the service, warranty, after-sales service,
// among other characteristics of the service", and an ANS "sets the rules of
// a service or product". An [Agreement], built from an [AgreementConfig] with
// [NewAgreement] or decoded from JSON, holds:
//
//   - [Objective] values: a [Metric] ([FirstResponse], [NextResponse],
//     [PeriodicUpdate], [Resolution], [Availability]), a target per
//     [Priority] ([Low], [Normal], [High], [Urgent]: baja, normal, alta,
//     urgente), the calendar the time counts in (business hours or 24×7),
//     and an attainment threshold such as 95 % of tickets within target.
//   - A [CreditPolicy]: bands of compliance mapped to a share of the fee
//     (penalización), as [github.com/servuction/servuction.Money], capped.
//   - [Clause] values for the commitments that are not clocks
//     (documentation, staff, warranty, after-sales service), measurable by an
//     indicator or not; [Agreement.EvaluateClauses] judges the measurable ones.
//
// The three kinds of ANS of the course notes are the values of [Kind]:
//
//   - [CustomerBased], ANS basado en el cliente: "sets the time limit for
//     resolutions according to the customer or business area".
//   - [ServiceBased], ANS de servicio: "when companies offer several services
//     with different response times, it is better to standardise those
//     responses to keep the customer satisfied".
//   - [MultiLevel], ANS multinivel: "responses according to the level at
//     which they are given, such as corporate (the whole company),
//     departmental or customer". The most specific [Level] with an objective
//     wins per metric, and each [Result] says which level and scope it came
//     from. Units ([Unit]) form the chain customer → department → corporate;
//     a cycle or a repeated level is rejected.
//
// The benefits of an ANS, as the notes list them: it improves the service by
// reducing resolution times, eases communication, is a mutual agreement,
// avoids disputes, and compliance is measured objectively. This package is
// that objective measurement: the same timeline and agreement always give the
// same verdict.
//
// Targets are written in JSON as text, "4h", "90m", "3d" ([ParseDuration]).
// A day is 24 hours of the objective's clock ([Day]): on a business calendar
// "3d" is 72 business hours, not three working days; working days are
// business-day targets, "2bd", "eod", "eod+1bd" ([BusinessDays]).
//
// # Policies, pauses and parties
//
// Tickets carry attributes (channel, request kind, tags, group, customer,
// area, service, supplier, time zone) that [AttributeChanged] events change.
// An agreement's ordered [Policy] values, each a [Condition] on those
// attributes, choose the objectives that apply: the first match wins, as in
// Zendesk, Jira Service Management and ServiceNow. An objective may count a
// priority on another calendar ([Objective.PriorityCalendars]), say which
// waits stop its clock ([Objective.PauseReasons]) and when it warns
// ([Objective.Warnings], [Agreement.Watch]). Besides first and next
// response, periodic update and resolution, the metrics include
// [FirstResolution], [RequesterWait], [AgentWork], [OnHoldTime] and
// [GroupOwnership]. An agreement binds the customer (SLA), an internal group
// (OLA) or a supplier (UC) ([AgreementType]), and may read its calendars in
// each ticket's zone ([ZoneRule]).
//
// # Ticket evaluation
//
// A [Ticket] is a timeline of [Event] values: [Opened], [AgentReplied],
// [CustomerReplied], [Paused] (waiting for the customer or a third party,
// [PauseReason]) and [Resumed], [PriorityChanged], [AttributeChanged],
// [Resolved], [Reopened], [Closed]. [Agreement.Evaluate] returns, per
// applicable objective, its [Status] ([Running], [OnHold], [AtRisk], [Met],
// [Breached]), elapsed and remaining business time, the deadline, the
// percentage elapsed and the breach instant; [Agreement.Cycles] lists every
// clock cycle behind it. The rules, stated in full on Evaluate:
//
//   - Pauses remove exactly the business time they overlap, for the clocks
//     their reason stops.
//   - A priority or attribute change keeps the elapsed time and applies the
//     objective then in force; a stopped or breached clock keeps its
//     objective, target and verdict.
//   - A reopen continues the resolution clock.
//   - The breach instant is when the elapsed time reached the target, and a
//     breach (incumplimiento) is final.
//
// # Compliance and credits
//
// A [Report] accumulates evaluations: per objective, counts by status,
// compliance (met over decided tickets; a [Percent] with no value while no
// ticket is decided, which is not 0 %), whether the threshold holds,
// percentiles of elapsed time from a fixed-size, mergeable [Histogram],
// breaches and service credits. Reports built on shards and merged equal one
// built from all tickets; a report encodes to JSON with everything it
// accumulated, so shards computed on other machines merge exactly, and only
// reports of agreements with equal content merge.
//
// Percentiles follow one definition throughout the package, the nearest
// rank: the q-quantile of n values is the value of rank r, the smallest r
// with r/n ≥ q, decided exactly for a q written as a decimal fraction (the
// 7th of 100 values for q = 0.07). [Histogram] answers it within
// [HistogramError].

// # Availability and error budgets
//
// An [Availability] objective (disponibilidad horaria, e.g. 99.9 % of service
// hours) is measured from [Outage] intervals: [Agreement.Availability] gives
// the achieved availability, the error budget and what is left,
// [Agreement.BurnRate] the speed the budget is spent over a window, and
// [Agreement.Alerts] the multi-window alerts of the Google SRE Workbook.
//
// An alert means what the workbook means: a share of the period's error
// budget consumed. [DefaultAlertRules] page when 2 % of the 30-day budget is
// spent in 1 h (and the last 5 min still spend it that fast), page when 5 %
// is spent in 6 h (with 30 min), and open a ticket when 10 % is spent in 3
// days (with 6 h). The period's budget is counted on the objective's
// calendar, so on business hours a short outage at opening spends its few
// seconds of a month's budget and pages nobody, while on 24×7 the rule is the
// workbook's burn rates of 14.4, 6 and 1.
//
// Availability may also be request-based, the workbook's good events over
// valid events: [RequestCount] values feed [Agreement.RequestAvailability],
// [Agreement.RequestBurnRate] and [Agreement.RequestAlerts], with the budget
// counted in requests and the same [AlertRule] values.
//
// Both kinds accumulate across machines: an [OutageLog] keeps the union of
// outages (overlapping reports count once) and a [RequestTally] files request
// counts in fixed buckets of time; each merges exactly, in any order, and
// encodes its whole state to JSON, like a [Report].
package sla
