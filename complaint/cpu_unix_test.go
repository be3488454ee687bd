//go:build unix

package complaint

import (
	"syscall"
	"time"
)

// cpuTime returns the process's user and system CPU time so far, so that a
// benchmark can report its cost in CPU time as well as wall time: on a
// machine shared by many processes the wall time counts the waits for a
// core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
