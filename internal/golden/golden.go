// Package golden checks text a test produced (Markdown, Mermaid, DOT, SVG,
// HTML, playbooks) against a file under the package's testdata/ directory, and
// rewrites that file when the test binary runs with -update:
//
//	go test ./report -run TestPage -update
//
// It is imported only by tests.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// Updating reports whether the test binary runs with -update.
func Updating() bool { return *update }

// Check compares got with the file testdata/name. Under -update it writes got
// to that file first (creating directories as needed), so the comparison
// passes and the change shows in version control. A mismatch is reported with
// the first line that differs.
func Check(t testing.TB, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run go test -run '%s' -update to create it)", path, err, t.Name())
	}
	if string(want) == got {
		return
	}
	t.Errorf("%s differs: %s (run go test -run '%s' -update if the change is intended)", path, firstDifference(string(want), got), t.Name())
}

// firstDifference describes the first line where want and got differ.
func firstDifference(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if i >= len(wl) || i >= len(gl) || w != g {
			return "line " + strconv.Itoa(i+1) + ":\n\twant " + quote(w, i < len(wl)) + "\n\tgot  " + quote(g, i < len(gl))
		}
	}
	return "same lines, different bytes"
}

func quote(s string, present bool) string {
	if !present {
		return "(end of file)"
	}
	return "\"" + s + "\""
}
