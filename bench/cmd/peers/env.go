package main

import (
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"
)

// env is what every group shares: where the data and the peer scripts are,
// the scale of the data sets and the tools.
type env struct {
	// dir holds the generated data files; scripts the committed peer
	// scripts (bench/peers).
	dir, scripts string
	// scale multiplies every data set's size (1 is the sizes).
	scale float64
	tools *tools
	log   io.Writer
}

// size returns n scaled, at least least.
func (e *env) size(n, least int) int {
	return max(least, int(math.Round(float64(n)*e.scale)))
}

// path returns the path of a data file.
func (e *env) path(name string) string { return filepath.Join(e.dir, name) }

// loopTarget is how long a timed loop of a fast call lasts: 200 ms at full
// scale, at least 5 ms.
func (e *env) loopTarget() time.Duration {
	return max(5*time.Millisecond, time.Duration(float64(200*time.Millisecond)*e.scale))
}

// display writes a command line for the table: the data directory as $DATA.
func (e *env) display(args ...string) string {
	s := strings.Join(args, " ")
	return strings.ReplaceAll(s, e.dir, "$DATA")
}
