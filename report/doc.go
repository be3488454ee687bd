// Package report renders the results of servuction's packages as charts a
// manager can read at a glance, as Markdown tables, and as one
// self-contained HTML page (informe de calidad del servicio).
//
// # Charts
//
// Each chart is a small plain value of this package, filled from a domain
// package's result by a FromXxx adapter or by hand:
//
//   - [ComplianceChart]: SLA compliance per objective (cumplimiento del ANS)
//     against its attainment threshold.
//   - [BurnDownChart]: an availability objective's error budget
//     (disponibilidad horaria) spent over its window.
//   - [IPAChart]: the importance–performance matrix of the customer report
//     card (libreta de calificaciones del cliente) with its quadrants.
//   - [GapChart]: SERVQUAL gaps (brechas) by dimension.
//   - [SatisfactionChart]: satisfaction at each moment of truth (momento de
//     verdad) along the cycle of service, critical moments marked.
//   - [FunnelChart]: journeys reaching each moment, and where they drop off.
//   - [ParetoChart]: complaint causes or costs from the largest down, with
//     the cumulative share.
//   - [ControlChart]: a Shewhart control chart with per-point limits, the
//     ±1σ and ±2σ zones and the points run rules flag.
//   - [BarChart]: a plain distribution, e.g. customers per type.
//   - [PDCAPanel]: an improvement cycle (ciclo PHVA) on the Deming wheel,
//     with the Check's verdict and the Act decision.
//
// Every chart is a [Chart]: [Chart.SVG] draws it as a standalone SVG document
// 800 units wide, written by hand (no chart library) with every label
// escaped, a title and a description for screen readers, axes with units,
// and a legend; [Chart.Table] gives its data as a [Table]. A chart with no
// data, or whose values are all missing (NaN), draws a "no data" panel
// instead; a NaN never reaches an SVG attribute.
//
// # From the domain packages
//
// Adapters turn a package's result into charts and tables, labelled in the
// report's language:
//
//   - sla: [FromSLA], [FromSLAByPriority], [SLATable], [FromAvailability],
//     [AlertTable].
//   - scorecard: [FromServqual], [FromIPA], [NPSFigure].
//   - servicecycle: [FromJourney], [FromReach], [MomentTable], [DriverTable],
//     [TriangleTable].
//   - complaint: [FunctionBars], [CausePareto], [CostPareto], [CostTable],
//     [ReviewTable].
//   - typology: [BehaviourBars], [RelationshipBars], [ProfitabilityBars],
//     [SegmentTable], [ProfileTable].
//   - pdca: [FromControlChart], [FromCheck], [FromCycle].
//
// # Reports
//
// A [Report] is a title, a [Lang] and [Section]s of [Block]s: charts,
// [Table]s, key [Figures] and [Text], and blocks of your own — any type with
// the two methods of [Block], WriteMarkdown and WriteHTML (see the example
// of [Block]). [Report.WriteHTML] writes one page to an io.Writer with the
// charts inline and its style sheet embedded: no JavaScript, no network, fit
// to send by e-mail or print. Each chart's data sits under it in a
// collapsible table. [Report.WriteMarkdown] writes the same report as
// Markdown, with each chart as its table. [Report.HTML] and
// [Report.Markdown] return the same as strings.
//
// The page is checked in a real browser: scripts/layout-check.mjs loads it
// in Chromium at 900 and 1280 px and fails when a text leaves its card, a
// chart's label leaves the chart, overlaps another or is crossed by a data
// line, or a label is cut short.
//
// # Languages
//
// Axis titles, legends, quadrant names, the names of control limits
// (UCL, CL, LCL; LCS, LC, LCI) and other built-in texts are in English or
// Spanish (the course notes' terms), chosen per report with [Report.Lang];
// numbers, money and durations follow the language: 12,345.6 or 12.345,6;
// 2,000,000 COP or 2.000.000 COP; "3 h 30 min" of business time and
// "2 d 8 h" of calendar time ([Lang.Duration], [Lang.Elapsed]). Titles and
// labels that the caller supplies are printed as given.
//
// # Output is deterministic
//
// The same report gives the same bytes, so pages and SVGs can be kept in
// version control and compared; the package's tests check them against golden
// files under testdata (go test ./report -update rewrites them).
package report
