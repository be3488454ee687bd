// Package complaint models the complaint and claim lifecycle (quejas y
// reclamos): a case is received, acknowledged, resolved at first contact or
// handed up a chain of tiers, resolved with a decision, the customer called
// back when warranted, and closed, with every step recorded in a
// tamper-evident trail (trazabilidad).
//
// It follows the course notes' call-centre flow: the customer calls the line;
// the service advisor (asesora de servicio, [Advisor]) takes the call,
// handles the request if she can and records it in the customer system (tele
// cliente, a [Store]); if not, she records it and sends a text message to a
// member of the service network ([NetworkMember]), who gets an e-mail and an
// SMS (a [Notifier]), enters the system, resolves the pending case and calls
// the customer back when it is warranted. Every agent in the chain records
// traceability information and passes it on (the [Ledger]). The states follow
// ISO 10002: receipt, tracking, acknowledgement, assessment, investigation,
// response, decision, closing.
//
// # Kinds and functions
//
// A case's [Kind] is what the customer brings: a complaint (queja, the
// expression of a dissatisfaction with the organisation's products or
// services, of external origin), a claim (reclamo, asking for redress), a
// suggestion or a compliment (sugerencia, felicitación), an inquiry or a
// request (consulta, petición), an incident (incidencia), or an after-sales
// case: a return (devolución), a repair or replacement (reparación o
// sustitución), a warranty (garantía). Each kind belongs to one [Function] of
// the customer-service department (funciones del departamento de atención al
// cliente): incidents; complaints; suggestions and compliments; claims;
// after-sales follow-up (returns, repairs and replacements, warranties); and
// information (requests, the company's services, inquiries, procedures).
// [Volume] counts cases per function.
//
// # Lifecycle
//
// The lifecycle is a small state machine whose transition table is data
// ([Transitions]), exported as a Mermaid stateDiagram-v2 by [Mermaid]. [Decide]
// checks an [Event] against a [Case]: an event the table does not allow in the
// case's [State] fails with [ErrIllegalTransition]; one that breaks a protocol
// fails with [ErrGuard]:
//
//   - an upheld claim (or return, repair, warranty) needs a remedy, and an
//     upheld complaint, claim or incident needs a root [Cause]: the course
//     notes' reasons a customer is lost (indiferencia, negligencia, abuso,
//     olvidos, falta de preparación técnica) or a product or process cause;
//   - a rejection needs a justification and at least one alternative offered
//     (denegar la petición: argumentar las decisiones, ofrecer alternativas);
//   - an escalation needs a reason and a hand-off note, and goes one [Tier]
//     up or to a [Department] the customer-service department works with
//     (marketing, servicio técnico, fuerza de ventas, dirección de la
//     empresa);
//   - a case whose resolution requires a callback cannot close before the
//     customer was called back or found unreachable after the allowed
//     attempts;
//   - a dispute or reopen must come within the [Policy]'s window; after it
//     [Desk.Dispute] opens a linked follow-up case.
//
// # Desk, store and outbox
//
// A [Desk] applies events to cases with an injected clock, [Store] and
// [Notifier]. Stores give optimistic concurrency ([ErrConflict] on a stale
// version, nothing written); [MemStore] keeps the trail in memory and
// [FileStore] in an append-only file, one synced line per entry, that recovers
// from a torn last line and replays every case when opened. Package
// complaint/storetest checks any other store against the same contract.
//
// # Queries
//
// Every store keeps a [Summary] row per case (state, tier, assignee,
// customer, kind, opening instant, SLA deadlines, pending messages,
// version), folded with [Summary.Apply] on each append. A store that is a
// [Querier] answers a [Query] from those rows without replaying the trail:
// cases by state, tier, kind, assignee, customer, opening period, SLA status
// at an instant (overdue, at risk) or pending delivery; a count; pages with
// an opaque, stable cursor; receipt or due order. A desk with an
// sla.Agreement ([DeskConfig].Agreement) records each entry's deadlines
// ([Entry].DueAt, RiskAt) so that the store can answer SLA questions. The
// desk keeps the cases it folded in memory against their version and reads
// only the tail another desk appended ([CaseLoader]), so [Desk.Cases] and
// [Desk.Watch] do not rebuild every case on each call.
// Notifications are recorded in the outbox of the entry that caused them, so a
// failing notifier loses neither the transition nor the message: delivery is
// retried by [Desk.Deliver] under a stable idempotency key, and each delivery
// is itself recorded ([Notified]). With a store that is a [Claimer] (the
// package's stores are) a desk claims a message before sending it, so desks
// sharing the store send it once; it is sent again only after a failure
// (a failed send, or a desk that stopped before recording it, whose claim
// expires).
//
// # SLA clocks
//
// Each case carries the clocks of an sla.Agreement (acuerdo de niveles de
// servicio, ANS): [TicketOf] turns its trail into an sla.Ticket (the
// acknowledgement is the first response the customer sees; waiting for the
// customer pauses every clock; resolution stops the resolution clock, a
// dispute or reopen restarts it), [Desk.Clocks] evaluates one case,
// [Desk.Watch] lists the overdue and at-risk open cases, and
// [Desk.EscalateBreaches] escalates overdue cases one tier up, once per
// breach.
//
// # Trail
//
// Every [Entry] holds its sequence number, instant, actor, tier, event, the
// states it moved the case from and to, its details, the previous entry's
// hash and its own SHA-256. An entry has exactly one byte encoding, compact
// JSON written by [AppendEntry] without reflection, and its hash covers
// exactly those bytes: [DecodeEntry] refuses any other spelling of an entry
// (whitespace, key order or case, escapes), so a stored line cannot change
// while still verifying. [Verify] and [Chain] name the first entry that was
// modified, removed, inserted or reordered; anchoring a [Head] elsewhere
// detects a truncated tail too.
//
// # Quality and cost
//
// A [Reviewer] scores e-mail replies on the course notes' five Ps ([FiveP]:
// prompt against the SLA target, polite, personal, professional without
// slang, promotional), in Spanish and English, with configurable lexicons.
// Agents record the protocols they followed ([Protocol]: criticism for an
// error, denying a request with the broken-record technique, comprehension
// problems) as a [Checklist] on the case. A [CostTally] prices bad service
// with a [CostModel] (el mal servicio y sus costos): direct costs (handling per
// tier, refunds and credits, returns, legal actions) and indirect ones
// (customers lost by cause times their value, plus customers who hear of
// it), with a Pareto of causes.
package complaint
