package report

import (
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/internal/golden"
)

// xmlElements parses doc as XML and returns the names of its elements in
// document order, failing the test on a syntax error.
func xmlElements(t *testing.T, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	dec.Strict = true
	var names []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return names
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok {
			names = append(names, se.Name.Local)
		}
	}
}

func TestHTMLGolden(t *testing.T) {
	for _, l := range []Lang{English, Spanish} {
		golden.Check(t, "report-"+l.String()+".html", sample(l).HTML())
		golden.Check(t, "report-"+l.String()+".md", sample(l).Markdown())
	}
}

// TestHTMLStructure checks that the page is well-formed, self-contained and
// that every chart of the report is present with an accessible title.
func TestHTMLStructure(t *testing.T) {
	for _, l := range []Lang{English, Spanish} {
		t.Run(l.String(), func(t *testing.T) {
			r := sample(l)
			page := r.HTML()
			names := xmlElements(t, page)
			count := map[string]int{}
			for _, n := range names {
				count[n]++
			}
			// 10 charts in the fixture: compliance, burn-down, IPA, gaps,
			// satisfaction, funnel, Pareto, bars, control, PDCA.
			assert.Equal(t, 10, count["svg"], "every chart is drawn")
			assert.Equal(t, 10, count["figure"])
			assert.Equal(t, 6, count["section"])
			assert.Equal(t, 1, count["html"])
			assert.Equal(t, 1, count["style"])
			assert.Zero(t, count["script"], "no JavaScript")
			assert.Zero(t, count["link"], "no external style sheet")
			assert.Zero(t, count["img"], "no external image")
			assert.NotContains(t, page, "NaN")
			stripped := strings.ReplaceAll(strings.ReplaceAll(page, "http://www.w3.org/2000/svg", ""), "http://www.w3.org/1999/xhtml", "")
			assert.NotContains(t, stripped, "http://", "no network resource except the XML namespaces")
			assert.NotContains(t, stripped, "https://")
			assert.Contains(t, page, `lang="`+l.String()+`"`)
			assert.Contains(t, page, "&lt;sample &amp; test&gt;", "subtitle escaped")
			// The svg element is always followed by its title and desc.
			for i, n := range names {
				if n == "svg" {
					require.Greater(t, len(names), i+2)
					assert.Equal(t, []string{"title", "desc"}, names[i+1:i+3])
				}
			}
		})
	}
}

func TestWriteHTMLRejectsUndefinedLang(t *testing.T) {
	var b strings.Builder
	err := Report{Title: "x", Lang: Lang(9)}.WriteHTML(&b)
	require.ErrorIs(t, err, ErrInvalidInput)
	assert.Empty(t, b.String(), "nothing written")
	require.NoError(t, Report{Title: "x"}.WriteHTML(&b))
	assert.Contains(t, b.String(), "<title>x</title>")
}
