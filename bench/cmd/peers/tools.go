package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

// A tool is a peer program the runner needs, with the Debian packages that
// provide it.
type tool struct {
	name string
	// probe is a command that succeeds when the tool is usable.
	probe []string
	// debs are the Debian packages to install when the probe fails.
	debs []string
	// version is a command whose first output line is the tool's version.
	version []string
}

// tools finds and, where allowed, installs the peers' tools, once each.
type tools struct {
	install bool
	python  string
	rscript string

	mu      sync.Mutex
	checked map[string]error
	updated bool
}

func (ts *tools) python3Tool(module, deb string) tool {
	return tool{name: "Python " + module, probe: []string{ts.python, "-c", "import " + module},
		debs:    []string{"python3", deb},
		version: []string{ts.python, "-c", "import " + module + "; print(" + module + ".__version__)"}}
}

func (ts *tools) rPsych() tool {
	return tool{name: "R psych", probe: []string{ts.rscript, "-e", "suppressMessages(library(psych))"},
		debs:    []string{"r-base-core", "r-cran-psych"},
		version: []string{ts.rscript, "-e", `cat(R.version.string, "; psych", as.character(packageVersion("psych")), "\n")`}}
}

var (
	sqliteTool = tool{name: "sqlite3", probe: []string{"sqlite3", "-version"}, debs: []string{"sqlite3"},
		version: []string{"sqlite3", "-version"}}
	ddTool = tool{name: "dd", probe: []string{"dd", "--version"}, debs: []string{"coreutils"},
		version: []string{"dd", "--version"}}
)

// need returns nil when t is usable, installing its Debian packages first
// if it is missing and the runner may install (root, apt-get present), or
// an error saying why it cannot be had.
func (ts *tools) need(ctx context.Context, t tool) error {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if err, ok := ts.checked[t.name]; ok {
		return err
	}
	err := ts.find(ctx, t)
	if ts.checked == nil {
		ts.checked = map[string]error{}
	}
	ts.checked[t.name] = err
	return err
}

func (ts *tools) find(ctx context.Context, t tool) error {
	if exec.CommandContext(ctx, t.probe[0], t.probe[1:]...).Run() == nil {
		return nil
	}
	pkgs := strings.Join(t.debs, " ")
	switch {
	case !ts.install:
		return fmt.Errorf("%s not found, and -install=false (apt-get install %s)", t.name, pkgs)
	case os.Geteuid() != 0:
		return fmt.Errorf("%s not found, and not root to install it (apt-get install %s)", t.name, pkgs)
	}
	if _, err := exec.LookPath("apt-get"); err != nil {
		return fmt.Errorf("%s not found, and no apt-get to install %s", t.name, pkgs)
	}
	if !ts.updated {
		if out, err := exec.CommandContext(ctx, "apt-get", "update", "-qq").CombinedOutput(); err != nil {
			return fmt.Errorf("%s not found; apt-get update failed: %v: %s", t.name, err, truncate(string(out), 300))
		}
		ts.updated = true
	}
	args := append([]string{"install", "-y", "-qq", "--no-install-recommends"}, t.debs...)
	cmd := exec.CommandContext(ctx, "apt-get", args...)
	cmd.Env = append(os.Environ(), "DEBIAN_FRONTEND=noninteractive")
	if out, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("%s not found; apt-get install %s failed: %v: %s", t.name, pkgs, err, truncate(string(out), 300))
	}
	if err := exec.CommandContext(ctx, t.probe[0], t.probe[1:]...).Run(); err != nil {
		return fmt.Errorf("%s still unusable after apt-get install %s: %v", t.name, pkgs, err)
	}
	return nil
}

// versionOf returns the first line t's version command prints, or "" when
// the tool is missing.
func versionOf(ctx context.Context, t tool) string {
	out, err := exec.CommandContext(ctx, t.version[0], t.version[1:]...).Output()
	if err != nil {
		return ""
	}
	line, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return strings.TrimSpace(line)
}
