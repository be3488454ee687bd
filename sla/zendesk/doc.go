// Package zendesk reads Zendesk Support ticket histories into [sla.Ticket]
// timelines, from the JSON the Support API returns: the audits of one ticket
// ("List Audits for a Ticket", [ReadAudits]) or its ticket metric events
// ("List Ticket Metric Events", [ReadMetricEvents]). What a history holds
// that the [Mapping] does not know — a field, a status, an event type, a
// comment by someone neither the requester nor a known agent — is returned
// as an [Unmapped] note, never guessed.
//
// # From audits
//
// Each audit is one update of the ticket, at its created_at; its events are
// read in order:
//
//   - Create and Change events set or change a field (field_name, value).
//     "status" goes through [Mapping.Statuses] (by default new and open:
//     working; pending: waiting for the customer; hold: waiting for a third
//     party; solved: solved; closed: closed), giving Paused, Resumed,
//     Resolved, Reopened and Closed events; "priority" through
//     [Mapping.Priorities] (low, normal, high, urgent); "requester_id"
//     names the customer whose comments are customer replies; the fields of
//     [Mapping.Fields] become ticket attributes (by default type: the
//     request kind; group_id: the group; organization_id: the customer;
//     tags: the tags), ids written through [Mapping.Names] when it has
//     them; the fields of [Mapping.Ignore] are known and not used. Any
//     other field is noted.
//   - Comment and VoiceComment events that are public are replies: by the
//     requester or one of [Mapping.Customers], a customer reply; by one of
//     [Mapping.Agents] (or, when Agents is empty, by anyone else once the
//     requester is known), an agent reply. The requester's comment in the
//     creation audit is the request itself, which the opening stands for.
//     Private comments are internal notes and stop no clock.
//   - Notification-like events (Notification, NotificationWithCcs, Cc,
//     FollowerNotification, OrganizationActivity, SatisfactionRating,
//     AgentMacroReference, Error) carry no ticket state and are skipped;
//     other event types are noted.
//
// A status the mapping does not know is noted and leaves the clocks as they
// were; so does anything after the ticket closed.
//
// The creation audit (the one with Create events) opens the ticket, with the
// channel of its via ([Mapping.Channels]). A page of audits that does not
// start at creation can be read with the creation instant given: the ticket
// then opens with the status and priority the first changes name as their
// previous values.
//
// # From metric events
//
// Zendesk's own clock events, read by metric: the first activate event opens
// the ticket; reply_time's fulfill events are agent replies and its later
// activate events customer replies; requester_wait_time's pause and activate
// events pause (waiting for the customer) and resume it, its fulfill event
// solves it and an activate after that reopens it. The other metrics
// (agent_work_time, pausable_update_time, periodic_update_time,
// resolution_time, group_ownership_time) and Zendesk's own SLA bookkeeping
// (apply_sla, apply_group_sla, breach, update_status, measure) repeat what the
// timeline already holds, and are skipped; anything else is noted. Metric
// events carry no priority or attributes: the ticket gets
// [Mapping.NoPriority].
//
// Vendor payloads are read leniently: keys this package does not read are
// skipped, as Zendesk adds keys over time. A [Mapping] written in JSON is read
// strictly.
package zendesk
