package golden

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
	msg    string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.msg = fmt.Sprintf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) { r.failed = true }
func (r *recorder) Fatal(args ...any)                 { r.failed = true }
func (r *recorder) Name() string                      { return "TestX" }

func TestCheck(t *testing.T) {
	dir := t.TempDir()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chdir(wd) })
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll("testdata", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("testdata", "a.txt"), []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	r := &recorder{TB: t}
	Check(r, "a.txt", "one\ntwo\n")
	if r.failed {
		t.Error("Check failed on equal text")
	}
	r = &recorder{TB: t}
	Check(r, "a.txt", "one\nthree\n")
	if !r.failed || !strings.Contains(r.msg, "testdata/a.txt differs: line 2") {
		t.Errorf("Check on different text: failed %v, message %q", r.failed, r.msg)
	}
	r = &recorder{TB: t}
	Check(r, "missing.txt", "x")
	if !r.failed {
		t.Error("Check passed on a missing golden file")
	}
}

func TestFirstDifference(t *testing.T) {
	tests := []struct{ want, got, say string }{
		{"a\nb\n", "a\nc\n", "line 2:\n\twant \"b\"\n\tgot  \"c\""},
		{"a\n", "a\nb\n", "line 2:\n\twant \"\"\n\tgot  \"b\""},
		{"a\nb", "a", "line 2:\n\twant \"b\"\n\tgot  (end of file)"},
		{"x", "y", "line 1:\n\twant \"x\"\n\tgot  \"y\""},
	}
	for _, tt := range tests {
		if got := firstDifference(tt.want, tt.got); got != tt.say {
			t.Errorf("firstDifference(%q, %q) = %q, want %q", tt.want, tt.got, got, tt.say)
		}
	}
}
