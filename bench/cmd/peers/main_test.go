package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestParseFlags(t *testing.T) {
	c, err := parseFlags([]string{"-scale", "0.01", "-rounds", "3", "-only", "alpha,rfm"}, &bytes.Buffer{})
	if err != nil || c.scale != 0.01 || c.rounds != 3 || !c.only["alpha"] || !c.only["rfm"] || len(c.only) != 2 {
		t.Errorf("parseFlags = %+v, %v", c, err)
	}
	if got := c.commandLine(); got != "go run ./cmd/peers -scale 0.01 -rounds 3 -only alpha,rfm" {
		t.Errorf("commandLine() = %q", got)
	}
	for _, bad := range [][]string{
		{"-rounds", "2"}, {"-scale", "0"}, {"-scale", "-1"}, {"-scale", "NaN"}, {"-only", "alpha,nope"}, {"extra"},
	} {
		if _, err := parseFlags(bad, &bytes.Buffer{}); err == nil {
			t.Errorf("parseFlags(%q) accepted", bad)
		}
	}
}

// TestRunGoOnly runs the groups whose both sides are Go (rickar/cal and
// the floors) at a tiny scale, end to end: the table has every row, every
// row agrees, and -o writes RESULTS.md.
func TestRunGoOnly(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "RESULTS.md")
	var stdout, stderr bytes.Buffer
	err := run([]string{"-scale", "0.001", "-rounds", "3", "-only", "calendar,floor", "-data", dir, "-scripts", "../../peers", "-install=false", "-o", out}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	if n := strings.Count(stdout.String(), "| yes: "); n != 7 {
		t.Errorf("%d rows agree, want 7:\n%s", n, stdout.String())
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "## For the root README") || !strings.Contains(string(md), "rickar/cal/v2 | ") {
		t.Errorf("RESULTS.md:\n%s", md)
	}
}

// TestRunWithPeers runs every group at a tiny scale with the peers this
// machine has (the others are skipped, one line each): every row measured
// must agree with its peer. It starts R and Python, so -short skips it.
func TestRunWithPeers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts R, Python, sqlite3 and dd")
	}
	var stdout, stderr bytes.Buffer
	err := run([]string{"-scale", "0.001", "-rounds", "3", "-data", t.TempDir(), "-scripts", "../../peers", "-install=false"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s\n%s", err, stdout.String(), stderr.String())
	}
	t.Log("\n" + stdout.String())
}

// TestRunSkipsMissingPeers: a peer that cannot be had is skipped with one
// line saying why, and the run still succeeds.
func TestRunSkipsMissingPeers(t *testing.T) {
	var stdout, stderr bytes.Buffer
	err := run([]string{"-scale", "0.001", "-rounds", "3", "-only", "alpha,chart", "-data", t.TempDir(), "-scripts", "../../peers",
		"-install=false", "-python", "/nonexistent/python3", "-rscript", "/nonexistent/Rscript"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("run: %v\n%s", err, stderr.String())
	}
	for _, want := range []string{
		"- Cronbach's alpha vs R psych::alpha skipped: R psych not found, and -install=false (apt-get install r-base-core r-cran-psych)\n",
		"- Cronbach's alpha vs numpy skipped: Python numpy not found, and -install=false (apt-get install python3 python3-numpy)\n",
		"- individuals chart and Nelson rules vs numpy skipped: Python numpy not found",
	} {
		if !strings.Contains(stdout.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, stdout.String())
		}
	}
	if strings.Contains(stdout.String(), "| yes") {
		t.Errorf("a row was measured without its peer:\n%s", stdout.String())
	}
}
