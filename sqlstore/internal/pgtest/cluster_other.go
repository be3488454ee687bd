//go:build !unix

package pgtest

import (
	"errors"
	"os/exec"
)

type user struct{}

func (*user) apply(*exec.Cmd) {}

func startCluster(string) (*Server, error) {
	return nil, errors.New("a throw-away cluster needs a Unix system")
}
