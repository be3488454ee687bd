package report

import "testing"

// BenchmarkReportHTML renders the sample report (ten charts, tables and
// figures) as one HTML page.
func BenchmarkReportHTML(b *testing.B) {
	r := sample(Spanish)
	b.ReportAllocs()
	for b.Loop() {
		_ = r.HTML()
	}
}
