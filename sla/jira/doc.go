// Package jira reads Jira Service Management issue histories into
// [sla.Ticket] timelines: the issue's changelog (the body of "Get
// changelogs", GET /rest/api/3/issue/{issueIdOrKey}/changelog) for status,
// priority and field changes, and the request's comments (the body of "Get
// request comments", GET /rest/servicedeskapi/request/{issueIdOrKey}/comment)
// for replies, given what the issue itself says ([Issue]: its key, creation,
// reporter and current field values). What the [Mapping] does not know — a
// field, a status, a priority, a comment by someone neither the reporter nor
// a known agent — is returned as an [Unmapped] note, never guessed.
//
// # The mapping
//
//   - A changelog item is looked up by its fieldId ("status", "labels",
//     "customfield_10010"), or by its field name when it has no id.
//   - "status" goes through [Mapping.Statuses] by status name (toString). By
//     default, JSM's service-project statuses: Open, Reopened, To Do, Waiting
//     for support, In Progress, Work in progress, Escalated and Under
//     investigation are working; Waiting for customer waits for the customer;
//     Pending waits for a third party; Resolved, Done and Completed are
//     solved; Closed, Canceled and Declined are closed.
//   - "priority" goes through [Mapping.Priorities] by name: Lowest and Low
//     are low, Medium normal, High high, Highest urgent.
//   - The fields of [Mapping.Fields] become ticket attributes (by default
//     labels: the tags, split at spaces as the changelog writes them;
//     components: the service); the fields of [Mapping.Ignore] (summary,
//     description, assignee, resolution, …) are known and not used; any
//     other field is noted.
//   - A public comment is a reply: by the reporter or one of
//     [Mapping.Customers], a customer reply; by one of [Mapping.Agents] (or,
//     when Agents is empty, by anyone else), an agent reply. Internal
//     comments stop no clock.
//
// The ticket opens at the creation, with the value each field had
// then: the fromString of its first change, or its current value when it
// never changed. At one instant, comments come before changes. A status the
// mapping does not know is noted and leaves the clocks as they were; so does
// anything after the ticket closed.
//
// Vendor payloads are read leniently: keys this package does not read are
// skipped, as Atlassian adds keys over time. A [Mapping] written in JSON is
// read strictly.
package jira
