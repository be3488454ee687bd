package report

import (
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestScreenshot renders the sample report with scripts/screenshot.sh in
// headless Chromium and checks that a PNG of the asked width comes out. It is
// skipped when Chromium is not installed (apt-get install -y chromium) and
// in -short mode. Set SERVUCTION_SCREENSHOT=path.png to keep the image.
func TestScreenshot(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a browser")
	}
	found := false
	for _, b := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if _, err := exec.LookPath(b); err == nil {
			found = true
		}
	}
	if !found {
		t.Skip("chromium is not installed")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	require.NoError(t, os.WriteFile(page, []byte(sample(English).HTML()), 0o644))
	out := filepath.Join(dir, "report.png")
	if keep := os.Getenv("SERVUCTION_SCREENSHOT"); keep != "" {
		out, _ = filepath.Abs(keep)
	}
	cmd := exec.Command("bash", filepath.Join("..", "scripts", "screenshot.sh"), page, out, "900", "1200")
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	require.NoError(t, err)
	assert.Equal(t, 900, cfg.Width)
	assert.Equal(t, 1200, cfg.Height)
}
