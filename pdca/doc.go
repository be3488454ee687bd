// Package pdca models the continuous-improvement cycle of the course notes
// (ciclo de mejora continua: planear, hacer, verificar, actuar; PHVA or PDCA)
// with service indicators and standards, and gives its Check phase a
// statistically sound footing: Shewhart control charts and run rules, as in
// R's qcc package, which is the reference implementation the tests follow.
//
// # Indicators and standards
//
// A service standard (estándar de servicio) is "the desired result of a
// process, measurable through indicators"; an indicator (indicador) is
// expressed as a percentage, index, rate or ratio (porcentajes, índices,
// tasas y razones) and belongs to one of four categories: quality of work,
// responsiveness, volume, efficiency (calidad del trabajo, capacidad de
// respuesta, volumen de trabajo, eficiencia). See [Indicator], [Category],
// [Unit], [Direction], [Standard], [Series]. [Indicator.RecommendedChart]
// says which chart fits: shares → p chart, counts → c, counts per exposure →
// u, times and costs → individuals/moving range or X̄.
//
// # Control charts
//
// [XbarR], [XbarS], [IMR], [P], [NP], [C] and [U] build Phase I charts (trial
// limits from a baseline) as a [Chart] with one pair of limits per point, so
// variable sample sizes on p and u charts and unequal subgroups on X̄, R and
// S charts are handled (qcc's approach). [LaneyP] and [LaneyU] are Laney's
// p′ and u′ charts for counts that vary more than the binomial or Poisson
// model allows, as thousands of calls a day do; [DispersionOf] tests a
// baseline for it. [G] and [T] chart rare events by the gap between them
// (days between complaints). Limits sit at k·σ with k = 3 unless Sigmas
// says otherwise. [Exclude] drops the points with an assignable cause
// before rebuilding; [Chart.Limits] freezes the limits and [Chart.Monitor]
// / [Limits.Chart] plot Phase II data against them; [Series.Phases] draws
// several phases, each with its own limits. [EWMA] and [CUSUM] accumulate
// small sustained shifts, as qcc's ewma() and cusum(). [ConstantsFor]
// computes d₂, d₃, c₄, A2, A3, D₃, D₄, B3 and B4 exactly for any subgroup
// size (numerical integration and log-gamma, not a table).
//
// # Run rules
//
// [Chart.Violations] applies a [RuleSet] ([WesternElectric], [Nelson],
// [Anhoj], or any selection of [Rule]) over the points, 64 at a time as bit
// sets. Zones come from the centre and each point's σ, clipped after, so it
// works on any [Chart], including one built by hand, and follows qcc's
// convention on which points are flagged. [RunChart] applies Anhøj's rules
// to a plain series around its median.
//
// # Accumulating counts
//
// [Tally] adds up events and opportunities per period from individual
// records (one call, one complaint) and merges partial tallies exactly, in
// any order, so the counts of a p, np, p′, c, u or u′ chart can be built on
// many machines; it encodes its whole state to JSON.
//
// # Capability
//
// [ProcessCapability] gives Cp, Cpk, Pp, Ppk and Cpm against a [Spec], and
// [Capability.Intervals] their confidence intervals; [SigmaLevel] and [DPMO]
// convert between defects per million opportunities and the sigma level,
// with or without the conventional 1.5σ shift.
//
// # The cycle
//
// A [Cycle] walks the states Draft → Planned → Doing → Checking → Acting →
// Standardized, Adjusted or Abandoned (or Cancelled from any open state):
//
//   - Plan (planear): objective, the why, what and how, an owner, the
//     indicator, a baseline of the current practice, a target and a
//     [CheckPlan] ([PlanSpec]).
//   - Do (hacer): [Action]s with owner, due date, status and evidence —
//     training courses, workshops — and [Recognition] of contributions.
//   - Check (verificar): [Check] freezes the baseline limits (on the chart
//     the data call for: Laney's p′ or u′ when the baseline is
//     overdispersed), plots the post-change data against them, watches
//     them with run rules, an EWMA or a CUSUM chart ([CheckPlan]) and
//     returns a [Verdict] with its evidence, a suggested [Decision] the
//     cycle can carry out, and its reason in English and Spanish. "Current
//     vs target" is not enough: a month above target may be noise, and a
//     real change may still miss the target.
//   - Act (actuar: corregir y estandarizar): [Cycle.Standardize] makes the
//     new practice the standard (its limits become the standard's),
//     [Cycle.Adjust] opens a linked follow-up cycle whose baseline describes
//     the process now, [Cycle.Abandon] drops the change with a rationale.
//
// A cycle keeps its history and round-trips through JSON, validated on decode.
package pdca
