// Package bench compares servuction's algorithms with peer libraries and
// tools on the same inputs. It is a separate module so that the peers never
// enter the main module's go.mod.
//
// The business-calendar benchmarks (`go test -bench . ./...`) time
// sla.Calendar.Between and sla.Calendar.Add against
// github.com/rickar/cal/v2's BusinessCalendar.WorkHoursInRange and
// AddWorkHours on a Monday–Friday 09:00–17:00 New York calendar with US
// federal holidays ([NewYorkCalendars]), over spans of 1, 30, 365 and 3650
// days, and print the speed-up per span.
//
// The command cmd/peers measures every headline operation side by side with
// the tool a user would pick instead (R's psych, numpy, pandas, SQLite,
// rickar/cal) and with the physical floor where one exists (fsync, a bare
// loop over the same fields), and writes RESULTS.md; see README.md.
package bench
