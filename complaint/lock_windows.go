//go:build windows

package complaint

import (
	"os"
	"syscall"
	"unsafe"
)

var (
	kernel32       = syscall.NewLazyDLL("kernel32.dll")
	procLockFileEx = kernel32.NewProc("LockFileEx")
)

const (
	lockfileFailImmediately = 0x1
	lockfileExclusiveLock   = 0x2
	errorLockViolation      = syscall.Errno(33)
)

// lockFile takes an exclusive LockFileEx lock on the whole of f without
// waiting; it returns errWouldBlock when another handle holds it. The lock
// ends when f is closed.
func lockFile(f *os.File) error {
	var ol syscall.Overlapped
	r, _, err := syscall.SyscallN(procLockFileEx.Addr(), f.Fd(), lockfileExclusiveLock|lockfileFailImmediately, 0,
		uintptr(^uint32(0)), uintptr(^uint32(0)), uintptr(unsafe.Pointer(&ol)))
	if r != 0 {
		return nil
	}
	if err == errorLockViolation || err == syscall.ERROR_IO_PENDING {
		return errWouldBlock
	}
	return err
}

// lockKind names the lock in documentation and errors.
const lockKind = "LockFileEx"
