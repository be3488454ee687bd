//go:build !unix && !windows

package complaint

import "os"

// lockFile takes no lock on platforms without flock or LockFileEx (js,
// wasip1, plan9): only one store may open a trail there, which the host
// must ensure.
func lockFile(*os.File) error { return nil }

// lockKind names the lock in documentation and errors.
const lockKind = "no lock"
