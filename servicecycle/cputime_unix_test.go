//go:build unix

package servicecycle

import (
	"syscall"
	"time"
)

// processCPU returns the user and system CPU time the process has used, a
// figure that, unlike wall time, does not grow when other processes share
// the machine's cores.
func processCPU() (time.Duration, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), true
}
