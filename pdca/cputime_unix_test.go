//go:build unix

package pdca

import (
	"syscall"
	"time"
)

// cpuTime returns the CPU time the process has used (user + system). On a
// shared machine it measures a benchmark's own work where wall time also
// counts the time other processes held the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
