// Package servuction models and measures customer-service quality: the
// organised, systematic and coherent arrangement of all physical, technological
// and human elements of the customer–company relationship (the course notes'
// "servucción").
//
// This root package holds the vocabulary every other package shares: the
// contact [Channel] (canal), the [ServiceMode] (servicio presencial / virtual),
// the [Stance] (servicio proactivo / reactivo), exact [Money] and the civil
// [Date]. The domain lives in the sub-packages:
//
//   - sla: service-level agreements (acuerdos de niveles de servicio, ANS):
//     business-hours calendars with holidays and time zones, objectives, ticket
//     evaluation, compliance, service credits and error budgets.
//   - scorecard: the customer report card (libreta de calificaciones del
//     cliente), SERVQUAL and SERVPERF, importance–performance analysis,
//     NPS/CSAT/CES, Cronbach's alpha and mystery-shopper forms.
//   - servicecycle: the service triangle, moments of truth (momentos de verdad)
//     and the cycle of service, measured from real encounter logs.
//   - complaint: the complaint and claim lifecycle (quejas y reclamos) with
//     tiered escalation, callback and a tamper-evident traceability trail.
//   - typology: customer types by behaviour, personality, relationship and
//     profitability (singularización de los clientes), RFM and playbooks.
//   - pdca: Plan-Do-Check-Act improvement cycles (ciclo de mejora continua) with
//     indicators, standards, control charts and run rules.
//   - report: Markdown, SVG and HTML renderings of the results above.
//
// # Glossary in short
//
//	canal                         Channel
//	presencial / virtual          ServiceMode: ModeInPerson, ModeVirtual
//	proactivo / reactivo          Stance: Proactive, Reactive
//	ANS                           sla.Agreement
//	libreta de calificaciones     scorecard.ReportCard
//	momento de verdad             servicecycle.Moment
//	ciclo del servicio            servicecycle.Cycle
//	queja, reclamo                complaint.Kind
//	trazabilidad                  complaint.Ledger
//	cliente sumiso, agresivo, …   typology.Behaviour
//	ciclo PHVA / PDCA             pdca.Cycle
//
// Every enum has String, MarshalText, UnmarshalText and a ParseXxx function that
// accepts the English name and the Spanish term of the course notes, in any case
// and with or without accents: ParseChannel("teléfono") and
// ParseChannel("phone") both return [Phone].
//
// # Errors
//
// Bad input is reported as an error that names the field and the value and
// wraps a sentinel of the package that rejected it ([ErrInvalidValue] here), so
// callers can test it with errors.Is. Nothing panics on bad input.
package servuction
