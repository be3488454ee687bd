// Package bench compares servuction's algorithms with peer libraries on the
// same inputs, in one `go test -bench . ./...` run. It is a separate module so
// that the peers never enter the main module's go.mod.
//
// The business-calendar benchmarks time sla.Calendar.Between and
// sla.Calendar.Add against github.com/rickar/cal/v2's
// BusinessCalendar.WorkHoursInRange and AddWorkHours on a Monday–Friday
// 09:00–17:00 New York calendar with US federal holidays, over spans of 1, 30,
// 365 and 3650 days, and print the speed-up per span.
package bench
