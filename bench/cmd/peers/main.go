// Command peers measures servuction's headline operations side by side with
// the tools a user would pick instead (R, numpy, pandas, SQLite,
// rickar/cal) and with the physical floor where one exists (fsync, a bare
// loop over the same fields), on the same data, and prints one Markdown
// table of medians and ratios.
//
// Run it from the bench directory:
//
//	go run ./cmd/peers                 # full size, 5 rounds: a few minutes
//	go run ./cmd/peers -scale 0.01     # small data sets, for development
//	go run ./cmd/peers -o RESULTS.md   # also write RESULTS.md
//
// Each data set is generated once from a fixed seed into files under -data;
// our side parses them and each peer script parses them, outside the
// timings. Then, for every round, each row runs ours and then its peer, so
// load from other processes falls on both alike; ours is timed in process
// around the computation, the peer inside its own script around the same
// computation (R's system.time, Python's time.perf_counter, SQLite's clock,
// dd's own report). Every round's answers are compared; a row whose answers
// differ is marked and the command exits with status 1.
//
// Peers missing from the machine are installed from Debian's packages with
// apt-get when running as root (disable with -install=false); a peer that
// cannot be had is skipped with one line saying why.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// groups lists every group of rows, in table order.
func groups() []group {
	return []group{calendarGroup(), alphaGroup(), journeyGroup(), rfmGroup(), chartGroup(), durableGroup(), floorGroup()}
}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "peers:", err)
		os.Exit(1)
	}
}

// config is the parsed command line.
type config struct {
	scale    float64
	rounds   int
	data     string
	scripts  string
	out      string
	only     map[string]bool
	install  bool
	python   string
	rscript  string
	timeout  time.Duration
	argv     []string
	keepData bool
}

func parseFlags(args []string, stderr io.Writer) (*config, error) {
	c := &config{argv: args}
	fs := flag.NewFlagSet("peers", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Float64Var(&c.scale, "scale", 1, "multiply every data set's size (1: the issue's sizes; 0.01 for development)")
	fs.IntVar(&c.rounds, "rounds", 5, "rounds of ours-then-peer per row (at least 3)")
	fs.StringVar(&c.data, "data", "", "directory for the generated data files ($DATA in the table); default a new temporary directory")
	fs.StringVar(&c.scripts, "scripts", "peers", "directory of the committed peer scripts")
	fs.StringVar(&c.out, "o", "", "also write the results, with the machine and versions, to this Markdown file (e.g. RESULTS.md)")
	only := fs.String("only", "", "comma-separated groups to run: "+strings.Join(groupKeys(), ", ")+" (default all)")
	fs.BoolVar(&c.install, "install", true, "apt-get install missing peers from Debian's packages when running as root")
	fs.StringVar(&c.python, "python", defaultPython(), "Python 3 with numpy and pandas")
	fs.StringVar(&c.rscript, "rscript", "Rscript", "R's Rscript, with the psych package")
	fs.DurationVar(&c.timeout, "timeout", time.Hour, "give up after this long")
	fs.BoolVar(&c.keepData, "keep", false, "keep the data files afterwards")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if !(c.scale > 0) || c.scale > 10 {
		return nil, fmt.Errorf("-scale %v: want more than 0, at most 10", c.scale)
	}
	if c.rounds < 3 {
		return nil, fmt.Errorf("-rounds %d: want at least 3", c.rounds)
	}
	if *only != "" {
		c.only = map[string]bool{}
		known := strings.Join(groupKeys(), ",")
		for _, k := range strings.Split(*only, ",") {
			k = strings.TrimSpace(k)
			if !strings.Contains(","+known+",", ","+k+",") {
				return nil, fmt.Errorf("-only %q: unknown group %q (groups: %s)", *only, k, known)
			}
			c.only[k] = true
		}
	}
	return c, nil
}

func groupKeys() []string {
	var keys []string
	for _, g := range groups() {
		keys = append(keys, g.key)
	}
	return keys
}

// defaultPython is Debian's python3, whose numpy and pandas come from
// python3-numpy and python3-pandas, when it exists.
func defaultPython() string {
	if _, err := os.Stat("/usr/bin/python3"); err == nil {
		return "/usr/bin/python3"
	}
	return "python3"
}

func run(args []string, stdout, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
	defer cancel()
	dir, cleanup, err := dataDir(c)
	if err != nil {
		return err
	}
	defer cleanup()
	e := &env{dir: dir, scripts: c.scripts, scale: c.scale, log: stderr,
		tools: &tools{install: c.install, python: c.python, rscript: c.rscript}}
	m := describeMachine(ctx, e)
	var results []*result
	var skipped []string
	for _, g := range groups() {
		if c.only != nil && !c.only[g.key] {
			continue
		}
		fmt.Fprintf(stderr, "%s: generating data and starting peers\n", g.key)
		rows, skip, closeGroup, err := g.setup(ctx, e)
		done := sync.OnceFunc(func() {
			if closeGroup != nil {
				closeGroup()
			}
		})
		defer done()
		if err != nil {
			return fmt.Errorf("%s: %w", g.key, err)
		}
		skipped = append(skipped, skip...)
		for _, r := range rows {
			r.group = g.key
		}
		results = append(results, measure(ctx, rows, c.rounds*max(1, g.roundsFactor), stderr)...)
		done() // stop the group's peers before the next group loads its data
	}
	m.loadAfter = loadAverage()
	rep := report{machine: m, results: results, skipped: skipped, cfg: c}
	fmt.Fprint(stdout, rep.table())
	for _, s := range skipped {
		fmt.Fprintln(stdout, "- "+s)
	}
	if c.out != "" {
		if err := os.WriteFile(c.out, []byte(rep.markdown()), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stderr, "wrote", c.out)
	}
	return rep.failure()
}

// dataDir returns the absolute path of the data directory, creating it:
// -data, or a new temporary directory (so that runs on a shared machine do
// not overwrite each other's files), recorded in c.data; and a function
// that removes the generated files, unless -keep.
func dataDir(c *config) (dir string, cleanup func(), err error) {
	keep := func() {}
	if c.data == "" {
		if dir, err = os.MkdirTemp("", "servuction-bench-"); err != nil {
			return "", nil, err
		}
		c.data = dir
		if c.keepData {
			return dir, keep, nil
		}
		return dir, func() { os.RemoveAll(dir) }, nil
	}
	if err := os.MkdirAll(c.data, 0o755); err != nil {
		return "", nil, err
	}
	if dir, err = filepath.Abs(c.data); err != nil {
		return "", nil, err
	}
	if c.keepData {
		return dir, keep, nil
	}
	return dir, func() { removeGenerated(dir) }, nil
}

// removeGenerated removes the files the groups generate from a directory
// the user named.
func removeGenerated(dir string) {
	for _, pattern := range []string{"*.csv", "*.f64", "*.jsonl", "*.sql", "*.db", "*.db-*", "*.dd"} {
		matches, _ := filepath.Glob(filepath.Join(dir, pattern))
		for _, m := range matches {
			os.Remove(m)
		}
	}
}

// commandLine is how this run was started, for RESULTS.md.
func (c *config) commandLine() string {
	return strings.TrimSpace("go run ./cmd/peers " + strings.Join(c.argv, " "))
}
