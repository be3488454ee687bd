// Package scorecard measures service quality the way the course notes'
// measurement systems do (sistemas de medición de la satisfacción del
// cliente: quejas y reclamos, buzón de sugerencias, focus group, libreta de
// calificaciones): the customer report card, SERVQUAL and SERVPERF
// questionnaires, importance–performance analysis, NPS, CSAT and CES, the
// reliability of a scale, mystery-shopper and other evaluation forms, and a
// satisfaction-driver model.
//
// # Instruments and answers
//
// A [Scale] is an integer rating scale ([Likert5], [Likert7], [ZeroToTen] or
// any [NewScale]). An [Answer] is either [Rated] or not a number at all:
// [Missing] (the zero value) or not applicable ([NA], "no aplica"); neither
// is ever turned into a number, both leave numerator and denominator.
// An [Instrument] is a questionnaire whose items map onto SERVQUAL's five
// [Dimension] values (elementos tangibles, fiabilidad, capacidad de respuesta,
// seguridad, empatía). The map is data: [DefaultServqual] ships the standard
// 22 items (tangibles 1–4, reliability 5–9, responsiveness 10–13, assurance
// 14–17, empathy 18–22) and [NewInstrument] defines others, with reverse-keyed
// items. The ten factors of quality attention of the notes (empatía y
// cortesía, comunicación eficaz, accesibilidad, credibilidad, capacidad de
// respuesta, seguridad, competencia, comprensión del cliente, fiabilidad,
// evidencia del servicio) are the [Determinant] values; [Determinant.Dimension]
// folds them into the five dimensions. Responses carry the [Phase] of the
// transaction they evaluate (antes, durante, después) and their [Source],
// and may carry a survey weight ([ServqualResponse].Weight,
// [NPS.AddWeighted], [CSAT.AddWeighted], [CES.AddWeighted]; standard errors then use Kish's
// effective sample size).
// [ReadServqualCSV] loads responses from CSV; a bad cell is reported with its
// line, column and value. [CSVOptions] reads files as spreadsheets set to
// Spanish save them (';' between fields, decimal commas), and an error on a
// semicolon file read with commas says so.
//
// # Analyses
//
//   - [Servqual]: gap = perception − expectation per item, dimension and
//     overall; weighted by each respondent's 100-point [Allocation] (the mean
//     of weighted scores, not the product of means); SERVPERF from perceptions
//     alone.
//   - [ReportCard] (libreta de calificaciones del cliente, after Albrecht):
//     key attributes (atributos claves), their relative importance
//     (importancia relativa), our scores and competitors' (puntajes); weighted
//     overall score, difference, ratio and rank. [CardSurvey] builds one from
//     questionnaires.
//   - [ImportancePerformance], [CompetitiveIPA], [ReportCard.IPA]: each
//     attribute's [Quadrant] ([ConcentrateHere], [KeepUpTheGoodWork],
//     [LowPriority], [PossibleOverkill]) with the [Crosshair] at the
//     [ScaleMidpoint] or the [DataMean]; [IPAResult.Chart] draws it as text.
//   - [NPS] (promoters 9–10, detractors 0–6) with standard error and 95 %
//     margin of error from the trinomial variance, [CompareNPS] (adjusted
//     Wald) and [CompareNPSSegments] (chi-square across segments); [CSAT]
//     (top-2-box); [CES] (1–7, mean and share 5–7).
//   - Intervals and tests on every headline figure: t intervals of means and
//     Wilson intervals of shares in [CSATResult] and [CESResult], of each
//     SERVQUAL dimension's gap and the overall gap ([DimensionScore].GapCI,
//     with the paired test of perceptions against expectations), of
//     report-card scores and overall scores ([CardSurvey.ScoreIntervals],
//     [CardSurvey.OverallIntervals]); comparisons between
//     periods or segments ([CompareCSAT], [CompareCES], [CompareServqual],
//     [CompareCardSurveys]) built on [TwoProportionTest], [WelchTest],
//     [PairedTest] and [ChiSquareTest], each giving the statistic, degrees of
//     freedom, p-value and effect size ([TestResult]), checked against R.
//   - [Cronbach] on complete rows, [CronbachListwise] and [CronbachPairwise]
//     for missing answers: raw and standardized alpha, item–rest correlation,
//     alpha if item deleted, item means and SDs, Feldt interval (at any level
//     and row count with [Reliability.Feldt]) and a warning for items that
//     look reverse-keyed ([Reliability]). They agree with R's psych::alpha and
//     Python's pingouin.cronbach_alpha on their published examples. A
//     constant item is caught exactly, and data offset by 10⁶ give the alpha
//     of the data. [ResponseFrequencies] is psych's response.freq;
//     [ServqualAlpha] gives each SERVQUAL dimension's alpha straight from the
//     questionnaires, reverse keys and blanks handled.
//   - [McDonaldOmega] and [Alpha.Omega]: McDonald's omega, hierarchical and
//     total, as psych::omega computes it (minimum-residual factors, oblimin
//     rotation, Schmid–Leiman), and [Lambda6] / [Alpha.Lambda6], Guttman's
//     λ6 on correlations and covariances, checked against psych; missing
//     answers as the [Alpha] accumulator's policy says.
//   - [Form] and [MysteryShop]: weighted pass/fail checklists where N/A
//     leaves the denominator and a critical criterion fails the whole
//     evaluation, aggregated per branch and agent. [DefaultMysteryForm] is the
//     mystery shopper's (comprador misterioso: tono, cordialidad,
//     oportunidades de venta, conocimiento del producto, tiempo de atención,
//     resolución); [AttentionTechniquesForm] the attention techniques
//     (rapidez, sencillez, interfaz, cortesía, veracidad, discreción);
//     [VerbalMessageForm] the principles of a verbal message and the what, how
//     and when every answer must settle.
//   - [KeyDrivers]: key-driver analysis with any number of drivers (up to
//     [MaxKeyDrivers]): the regression of the overall rating on the drivers
//     with standard errors, p-values and VIF, and each driver's share of R²
//     by the Shapley (LMG) decomposition and Johnson's relative weights
//     ([KeyDriverAnalysis]), checked against R; exact for integer ratings,
//     stable at near-collinearity (pivoted Cholesky of the centred
//     co-moments in double-double). [SatisfactionDrivers] and [Drivers] are
//     its three-driver case, the elements of satisfaction (calidad del
//     producto, precio competitivo, servicio al cliente).
//   - [Indicators]: survey results as indicators in the notes' four
//     categories (calidad de trabajo, capacidad de respuesta, volumen de
//     trabajo, eficiencia), ready for a PDCA cycle.
//
// # Streaming, merging and Apache Beam
//
// Every analysis is an accumulator with Add, Merge and Result: [Servqual],
// [NPS], [CSAT], [CES], [Alpha], [MysteryShop], [CardSurvey], [Drivers],
// [KeyDrivers]. The
// empty accumulator is the identity of Merge and Merge is associative, so a
// survey programme can be split into shards scored anywhere and merged
// afterwards; integer scores keep integer (or exactly representable) sums, so
// merged shards equal the one-pass result exactly (Servqual's respondent-level
// and importance-weighted scores, sums of fractions, up to rounding). Merge costs what the
// accumulator's size is (items, items², branches), never what the number of
// respondents is.
//
// That is the shape of an Apache Beam CombineFn, so a Beam pipeline can run
// these analyses without this module importing Beam. In a Go SDK pipeline,
// write a small combine-function struct in your own module:
//
//	CreateAccumulator() *scorecard.NPS       → return &scorecard.NPS{}        (or NewServqual(instrument), NewAlpha(k, policy), …)
//	AddInput(acc, score int) *scorecard.NPS  → acc.Add(score); return acc    (route an error to a dead-letter output)
//	MergeAccumulators(a, b) *scorecard.NPS   → a.Merge(b); return a
//	ExtractOutput(acc) scorecard.NPSResult   → return acc.Result()
//
// and use it with beam.Combine or beam.CombinePerKey (per branch, per
// channel, per month). Beam encodes accumulators between workers: every
// accumulator implements json.Marshaler and json.Unmarshaler, and the decoder
// validates what it reads (a corrupt shard is an error, never a wrong
// total), so a JSON coder is all a runner needs.
//
// # Errors
//
// Bad input returns an error that names the field and the value and wraps a
// sentinel ([ErrOutOfRange], [ErrRagged], [ErrInvalidWeights],
// [ErrInsufficientData], [ErrZeroVariance], …) for errors.Is. Nothing panics
// on bad input and a rejected Add leaves its accumulator unchanged.
package scorecard
