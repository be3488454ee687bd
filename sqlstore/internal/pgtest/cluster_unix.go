//go:build unix

package pgtest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	osuser "os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// user is who owns and runs the cluster: PostgreSQL refuses to run as root,
// so a root test binary runs it as the postgres system user, or nobody.
type user struct {
	name     string
	uid, gid uint32
	switchTo bool
}

func clusterOwner() (*user, error) {
	if os.Geteuid() != 0 {
		return &user{name: "current user"}, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := lookupOwner(name)
		if err == nil {
			return u, nil
		}
	}
	return nil, errors.New("running as root and neither the postgres nor the nobody user exists to own the cluster")
}

func lookupOwner(name string) (*user, error) {
	u, err := userLookup(name)
	if err != nil {
		return nil, err
	}
	uid, err1 := strconv.ParseUint(u.Uid, 10, 32)
	gid, err2 := strconv.ParseUint(u.Gid, 10, 32)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return &user{name: name, uid: uint32(uid), gid: uint32(gid), switchTo: true}, nil
}

var userLookup = osuser.Lookup

func (u *user) apply(cmd *exec.Cmd) {
	if u.switchTo {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: u.uid, Gid: u.gid}}
	}
}

func (u *user) own(path string) error {
	if !u.switchTo {
		return nil
	}
	return os.Chown(path, int(u.uid), int(u.gid))
}

// startCluster creates a cluster in a new temporary directory and starts it
// on 127.0.0.1 and a free port, trying three ports in case one is taken
// between choosing it and binding it.
func startCluster(bin string) (*Server, error) {
	owner, err := clusterOwner()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		return nil, err
	}
	fail := func(err error) (*Server, error) {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := owner.own(dir); err != nil {
		return fail(err)
	}
	data := filepath.Join(dir, "data")
	if err := run(owner, dir, filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "-A", "trust",
		"-E", "UTF8", "--no-sync", "--no-instructions"); err != nil {
		return fail(fmt.Errorf("initdb as %s: %w", owner.name, err))
	}
	pgctl := filepath.Join(bin, "pg_ctl")
	var lastErr error
	for range 3 {
		port, err := freePort()
		if err != nil {
			return fail(err)
		}
		opts := fmt.Sprintf("-c listen_addresses=127.0.0.1 -p %d -k %s -c max_connections=200", port, dir)
		err = run(owner, dir, pgctl, "-D", data, "-l", filepath.Join(dir, "server.log"), "-w", "-t", "60", "-o", opts, "start")
		if err == nil {
			stop := func() error {
				err := run(owner, dir, pgctl, "-D", data, "-m", "fast", "-w", "stop")
				return errors.Join(err, os.RemoveAll(dir))
			}
			return &Server{DSN: fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", port), stop: stop}, nil
		}
		lastErr = err
	}
	log, _ := os.ReadFile(filepath.Join(dir, "server.log"))
	return fail(fmt.Errorf("pg_ctl start: %w\n%s", lastErr, log))
}
