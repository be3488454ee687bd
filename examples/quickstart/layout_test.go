package main

import (
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/servuction/servuction/report"
)

// browser finds what the layout check needs: node, the system's Chromium and
// npm's puppeteer-core (PUPPETEER_NODE_MODULES, or the directory .ci/run
// installs it in). It returns why it cannot run when something is missing.
func browser() (node, chromium, modules, missing string) {
	node, err := exec.LookPath("node")
	if err != nil {
		return "", "", "", "node is not installed"
	}
	chromium = os.Getenv("CHROMIUM")
	for _, name := range []string{"chromium", "chromium-browser"} {
		if chromium != "" {
			break
		}
		chromium, _ = exec.LookPath(name)
	}
	if chromium == "" {
		return "", "", "", "chromium is not installed (apt-get install -y chromium)"
	}
	modules = os.Getenv("PUPPETEER_NODE_MODULES")
	if modules == "" {
		cache := os.Getenv("XDG_CACHE_HOME")
		if cache == "" {
			home, _ := os.UserHomeDir()
			cache = filepath.Join(home, ".cache")
		}
		modules = filepath.Join(cache, "servuction-ci", "puppeteer", "node_modules")
	}
	if _, err := os.Stat(filepath.Join(modules, "puppeteer-core", "package.json")); err != nil {
		return "", "", "", "puppeteer-core not found in " + modules + " (npm install --prefix DIR puppeteer-core@24; PUPPETEER_NODE_MODULES=DIR/node_modules)"
	}
	return node, chromium, modules, ""
}

// TestLayoutInBrowser loads the quickstart's page in both languages in
// headless Chromium at 900 and 1280 px and checks, from the layout the
// browser computed, that no text leaves its card or the window, that no
// chart label leaves its chart, overlaps another, is crossed by a data line
// or is cut short, and that all 14 charts are drawn
// (scripts/layout-check.mjs). It is skipped, with one line saying what is
// missing, when node, Chromium or puppeteer-core is not installed, unless
// SERVUCTION_BROWSER_REQUIRED is set (as .ci/run sets it), and in -short mode.
func TestLayoutInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	node, chromium, modules, missing := browser()
	if missing != "" {
		if os.Getenv("SERVUCTION_BROWSER_REQUIRED") != "" {
			t.Fatal("browser layout check cannot run: " + missing)
		}
		t.Skip("browser layout check skipped: " + missing)
	}
	dir := t.TempDir()
	t.Run("the check finds a broken page", func(t *testing.T) { checkFindsFaults(t, node, chromium, modules, dir) })
	var pages []string
	for _, l := range []report.Lang{report.English, report.Spanish} {
		out := filepath.Join(dir, "report-"+l.String()+".html")
		if err := run(io.Discard, options{out: out, lang: l}); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, out)
	}
	args := append([]string{filepath.Join("..", "..", "scripts", "layout-check.mjs"),
		"--chromium", chromium, "--widths", "900,1280", "--charts", "14"}, pages...)
	cmd := exec.Command(node, args...)
	cmd.Env = append(os.Environ(), "PUPPETEER_NODE_MODULES="+modules)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("layout check failed: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

// brokenPage has one of each fault the layout check looks for.
const brokenPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>broken</title></head><body><main style="width:400px">
<section><h2>Card</h2>
<p style="white-space:nowrap">a paragraph far too long to fit in its card of four hundred pixels, so it spills out</p>
<figure class="chart"><svg viewBox="0 0 200 100" width="200" height="100"><title>Broken chart</title>
<text x="10" y="20">overlap one</text><text x="14" y="24">overlap two</text>
<text x="150" y="45">leaving the chart</text>
<text x="10" y="90">cut short…</text>
<polyline points="0,70 100,70" stroke="red" fill="none"/><text x="40" y="74">crossed</text>
</svg></figure></section></main></body></html>
`

// checkFindsFaults runs the layout check on brokenPage and expects it to fail
// with each fault named: a check that cannot fail would prove nothing.
func checkFindsFaults(t *testing.T, node, chromium, modules, dir string) {
	page := filepath.Join(dir, "broken.html")
	if err := os.WriteFile(page, []byte(brokenPage), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, filepath.Join("..", "..", "scripts", "layout-check.mjs"), "--chromium", chromium, "--widths", "900", "--charts", "2", page)
	cmd.Env = append(os.Environ(), "PUPPETEER_NODE_MODULES="+modules)
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("the check exited %d (%v) on a broken page, want 1:\n%s", code, err, out)
	}
	for _, want := range []string{"1 charts, want 2", `text "a paragraph far too long`, `label "overlap two"`, `overlaps "overlap one"`,
		`label "leaving the chart" [`, "leaves the chart", `label "cut short…"`, "is cut short", `a data line crosses label "crossed"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the check does not report %q:\n%s", want, out)
		}
	}
}
