// Package typology sorts customers into the types of the course notes
// (singularización de los clientes, tipología de clientes), explains every
// decision, and hands the agent the protocol for serving each type.
//
// It takes plain histories that any host can fill ([History]: purchases,
// contacts and complaints, surveys, agents' observations) and does not depend
// on the complaint package.
//
// # Types
//
// Four ways of sorting customers, each an enum whose ParseXxx accepts the
// English name and the seeds' Spanish term:
//
//   - [Behaviour] when dissatisfied: [Submissive] (sumiso: annoyed but silent),
//     [Aggressive] (agresivo: complains loudly), [Abusive] (abusivo: invents
//     mistreatment to gain something), [ChronicComplainer] (quejumbroso
//     crónico: never satisfied), plus [ReasonableVoicer] and
//     [BehaviourUnclassified].
//   - [Personality] as an agent observes it: criticón, tímido, comunicativo,
//     minucioso, dominante, ofensivo.
//   - [Relationship] with the company: compra supeditada, economista, fiel,
//     promociones, errático.
//   - [Profitability]: muy rentables, rentables, poco rentables, nada
//     rentables; and [Motivation]: racional or afectiva.
//
// # Classification
//
// [Classify] applies documented rules with configurable thresholds ([Config])
// based on Singh (1990) and Reynolds & Harris (2005) for complaining
// behaviour, and on the seeds' definition of the loyal customer ("es
// permanente en el tiempo, tiene la intención de comprar, nos recomienda").
// Every [Classification] carries its type, a confidence and the [Reason]s:
// the rule's code (Rule, e.g. "behaviour.abusive") and its figures in
// English (Detail) and in Spanish (DetailES; [Reason.In] picks one). An
// empty history is not an error: it is unclassified, with the reason.
// Segment names have Spanish names too ([Segment.In]).
//
// # Data-base marketing: RFM, ABC and customer value
//
//   - [ScoreRFM] scores recency, frequency and monetary value 1–5 by
//     quintiles (R's dplyr::ntile; tied values share the score of their
//     mid-rank, so identical customers score 3, not 1), and assigns
//     segments (Champions, Loyal, At Risk, Hibernating, …) with a
//     [Segmentation]: the default R×F
//     grid covers every cell once; [NewSegmentation] validates user rules,
//     which may select on demographic and psychographic profile data
//     ([CustomerData]).
//   - [ABC] grades a customer base by the Pareto rule on positive
//     contribution into the four profitability classes; its [Bands] feed
//     [Config].
//   - [SimpleCLV] values a customer as margin × retention / (1 + discount −
//     retention), as [github.com/servuction/servuction.Money]; [BGNBD] gives the expected purchases
//     and the probability of being alive of Fader, Hardie & Lee (2005),
//     checked against their CDNOW results.
//
// # Customer value from the user's own data
//
//   - [SummarizeTransactions] turns a transaction log into one
//     [CustomerSummary] per customer: (x, tₓ, T) for a calibration period,
//     the mean repeat spend, and the purchases of a holdout period.
//   - [FitBGNBD] fits the BG/NBD by maximum likelihood, with standard errors
//     from the Hessian and an error wrapping [ErrNotConverged] that names the
//     parameter when the data have no interior maximum; [FitGammaGamma] fits
//     the Gamma-Gamma spend model of Fader, Hardie & Lee (2005, "RFM and
//     CLV"). On the CDNOW sample both reproduce the published estimates (the
//     data set is not shipped: see cdnow_test.go).
//   - [BGNBD.CompareHoldout] sets predicted beside actual holdout purchases
//     per calibration frequency (the paper's "conditional expectations").
//   - [ModelCLV] values a customer as Money from the two fitted models, with
//     stated discrete discounting ([CLVConfig]).
//
// # Marketing levels
//
//   - [RecommendLevel] picks one of Kotler's five levels of relationship
//     marketing (básico, reactivo, responsable, proactivo, colaborativo) for a
//     segment from its number of customers and its margin.
//
// # Playbooks
//
// [Playbook] combines, in English and Spanish, the guidance for a customer's
// types with the seeds' protocols ([Protocol]): criticism for an error
// (crítica por algún error), denying a request (denegar la petición),
// comprehension problems (problemas de comprensión) and in-person attention
// (atención presencial).
//
// # Discretion
//
// Personal data ([PersonalData]: name, address, phone, e-mail) is never
// printed or exported by this package: it formats and marshals as
// [Redacted]. Profiles and playbooks carry only the customer's identifier.
//
// # Errors
//
// Wrong input (a negative amount, a purchase after now, a rating out of
// range, a threshold out of range, NaN) is an error naming the field and the
// value and wrapping [ErrInvalidHistory], [ErrInvalidConfig],
// [ErrInvalidModel] or [ErrInvalidValue]; a model that cannot be fitted to
// the data wraps [ErrNotConverged]. Nothing panics on bad input.
package typology
