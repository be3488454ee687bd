// Package servicecycle models the service triangle, the moments of truth and
// the cycle of service of the course notes, and measures a designed cycle
// against real encounter logs, the way journey-mapping tools draw a map and
// process-mining tools (PM4Py, bupaR) measure paths.
//
// # Service is not a product
//
// The notes list four characteristics that set a service apart from a
// product (características que difieren de un producto), and they shape this
// package:
//
//   - Heterogeneity (heterogeneidad): no two encounters are alike, so quality
//     is measured over many encounters, as distributions and intervals, not
//     from one inspection.
//   - Simultaneity of production and consumption (simultaneidad entre
//     producción y consumo): the service is made while the customer lives it,
//     so each contact is a [Moment] of truth, rated when it happens.
//   - Intangibility (intangibilidad): there is nothing to hold, so the
//     customer judges by the service context ([Context]: premises, signage,
//     equipment) and by people, recorded as ratings and [FailPoint]s.
//   - Perishability (caducidad): a service cannot be stored or redone, so
//     waits and drop-offs are lost service; the analysis times every
//     transition and finds where journeys end early.
//
// # The service triangle
//
// The customer sits at the centre of the service triangle (triángulo del
// servicio); strategy (estrategia), people (gente, colaboradores) and systems
// (sistemas: gerencial, de normas y procedimientos, técnico, humano) turn
// around the customer's needs. A [Triangle] holds scores of each [Side] (and
// [SystemKind]) with their evidence, from the customer's, the employee's and
// the service context's [Perspective]; [Triangle.Assess] reports the weakest
// side and the [Congruence] (congruencia) of the three views, flagging gaps of
// a point or more.
//
// # Moments of truth and the cycle of service
//
// A [Moment] is any instant in which the customer touches the company and
// forms an opinion (momento de verdad), with a person or not; the critical
// ones (momentos críticos de la verdad) decide satisfaction. A moment sits on
// the consumer's path ([Stage]: necesidad, investigación, elección, compra,
// después de la compra, reacción) or in the attention process
// ([AttentionStep]: acogida, espera, gestión, seguimiento, despedida), and
// carries its channel, service mode, stance, context and [Standards]
// (maximum wait, minimum rating, the type of [Protocol]).
//
// A [Cycle] (ciclo del servicio) is the map of the moments as the customer
// lives them: a designed order with optional moments, branches and loops
// ([Flow]), a start, ends and an outcome moment. [NewCycle] validates it;
// [ConsumerCycle] and [AttentionCycle] are ready-made. Cycles round-trip
// through JSON.
//
// # Measuring from encounters
//
// An [Encounter] is one logged contact: case, moment, channel, instant,
// rating (1–5), duration, employee, fail points and [Lifecycle] (a whole
// visit, or its start or completion). [ReadJSON] reads a log in JSON lines
// or as a JSON array, [ReadCSV] a CSV log with a column mapping
// ([CSVColumns]: case id, activity, timestamp, and optional rating, channel,
// employee, duration and lifecycle), each reporting every bad line with its
// number; a [Filter] keeps the encounters (or whole journeys) of a time
// window, channels, employees or moments.
//
// An [Analyzer] accumulates encounters in any order ([Analyzer.Add],
// [Analyzer.Merge]) and [Analyzer.Result] returns an [Analysis], in time
// linear in the encounters:
//
//   - per moment: reach, satisfaction (mean, distribution, 95 % interval
//     within the scale), share below standard, time from the previous
//     moment, service time (Duration) and waiting time (Waiting) told apart,
//     channels used and fail points counted;
//   - per journey: completion (an end of the cycle reached), drop-off,
//     throughput time, the bottleneck, the directly-follows graph ([Edge])
//     and the distinct paths ([Variant]);
//   - conformance to the designed cycle by optimal alignment ([Cycle.Align],
//     as PM4Py aligns a trace to a model): each [Deviation] (skipped,
//     repeated, out of order, unknown moment, not reached) where the
//     journey lived it, and the log's fitness;
//   - the weakest critical moment ([Analysis.WeakestCritical]) and the
//     critical moments found from data ([Driver]): where a bad experience
//     most lowers the journey's outcome, ranked with effect size and a
//     Welch interval;
//   - the correct-attention result (correcta atención: cliente satisfecho,
//     empleado gratificado, imagen valorizada) as [CorrectAttention].
//
// # Stages, and running past one machine
//
// The Analyzer runs three stages that can also be run apart, by a
// distributed engine (Apache Beam, say) or by hand:
//
//  1. group: a [Grouper] (or the engine's group-by-key on the case id)
//     gathers each journey's encounters; it is the only stage that holds
//     encounters;
//  2. summarise: [Summarize] turns one journey's encounters into a
//     [JourneySummary]: its steps in order, its deviations and fitness,
//     completion, throughput and outcome;
//  3. combine: an [Aggregate] adds summaries ([Aggregate.Add]) and merges
//     with other aggregates ([Aggregate.Merge]) in any order, exactly; its
//     size depends on the cycle, not on the encounters, and
//     [Aggregate.Result] gives the Analysis. A [Variants] count does the
//     same for the paths, with one entry per distinct path.
//
// Summaries, aggregates, variant counts and groupers encode to JSON and back
// exactly (lowerCamelCase keys, strict decoding), so they travel between
// machines; medians and 90th percentiles come from a histogram whose state
// does not depend on order, exact up to [ExactTimings] durations and within
// [QuantileRelativeError] beyond.
//
// # Diagrams
//
// [Flowchart] writes the cycle as a Mermaid flowchart (critical moments
// highlighted, satisfaction and times on nodes and edges), [JourneyDiagram] a
// Mermaid user-journey diagram with scores 1–5, and [DOT] the
// directly-follows graph for Graphviz. Output is deterministic; identifiers
// are generated ("m0", "m1", …) so no moment id can collide with a word the
// languages reserve. Every label renders literally, whatever a moment's name
// holds (Mermaid keywords, comments, init directives, markdown, icons,
// control characters), and Mermaid diagrams stay within its default text
// limit ([MermaidTextLimit]) by shortening names.
//
// # Errors
//
// Bad input returns an error naming the field and the value and wrapping a
// sentinel ([ErrInvalidCycle], [ErrInvalidEncounter], [ErrInvalidTriangle],
// [ErrInvalidValue], [ErrCycleMismatch], [ErrInvalidSummary],
// [ErrInvalidAggregate], [ErrInvalidLog]); JSON decoders refuse unknown
// fields. Legitimate but surprising data are reported rather than rejected:
// an unknown moment is a deviation, encounters out of order are sorted,
// duplicates are counted and listed.
package servicecycle
