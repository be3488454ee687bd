package report

import (
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// banner is a block of a dashboard's own: the report package knows nothing
// of it.
type banner struct {
	text string
	fail error // returned by both writers when set
}

func (b banner) WriteMarkdown(w io.Writer, l Lang) error {
	if b.fail != nil {
		return b.fail
	}
	_, err := fmt.Fprintf(w, "> %s (%s)\n", b.text, l)
	return err
}

func (b banner) WriteHTML(w io.Writer, l Lang, id string) error {
	if b.fail != nil {
		return b.fail
	}
	_, err := fmt.Fprintf(w, "<p id=\"%s\" class=\"banner\">%s</p>\n", id, html.EscapeString(b.text))
	return err
}

// TestCustomBlock: a type outside the package is a Block; the report writes
// it in place, in both formats, and passes on its errors and the writer's.
func TestCustomBlock(t *testing.T) {
	r := Report{Title: "T", Lang: Spanish, Sections: []Section{{Title: "S", Blocks: []Block{
		Text("before"), banner{text: "Línea caída <1 h>"}, Figures{{Label: "NPS", Value: "+12"}},
	}}}}
	page := r.HTML()
	xmlElements(t, page)
	assert.Contains(t, page, `<p id="c2" class="banner">Línea caída &lt;1 h&gt;</p>`)
	assert.Less(t, strings.Index(page, "before"), strings.Index(page, "banner"), "in place")
	var b strings.Builder
	require.NoError(t, r.WriteHTML(&b))
	assert.Equal(t, page, b.String())

	md := r.Markdown()
	assert.Contains(t, md, "before\n\n> Línea caída <1 h> (es)\n\n| Indicador |")
	b.Reset()
	require.NoError(t, r.WriteMarkdown(&b))
	assert.Equal(t, md, b.String())

	// A block that fails: the report says which, and wraps the cause.
	boom := errors.New("boom")
	r.Sections[0].Blocks[1] = banner{fail: boom}
	err := r.WriteHTML(io.Discard)
	require.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), `section "S", block 2`)
	err = r.WriteMarkdown(io.Discard)
	require.ErrorIs(t, err, boom)
	assert.Contains(t, err.Error(), `section "S", block 2`)
	// The string conveniences leave the failing block out and keep the rest.
	assert.Equal(t, strings.Replace(md, "> Línea caída <1 h> (es)\n\n", "", 1), r.Markdown())
	page = r.HTML()
	xmlElements(t, page)
	assert.NotContains(t, page, "banner")
	assert.Contains(t, page, "NPS")
	// An undefined language is refused by the writers, read as English by
	// the conveniences.
	r.Lang = Lang(9)
	require.ErrorIs(t, r.WriteHTML(io.Discard), ErrInvalidInput)
	require.ErrorIs(t, r.WriteMarkdown(io.Discard), ErrInvalidInput)
	assert.Contains(t, r.Markdown(), "| Indicator |")
	r.Lang = Spanish

	// A writer that fails.
	r.Sections[0].Blocks[1] = banner{text: "ok"}
	for i := 0; i < 3; i++ {
		fw := &failingWriter{after: i}
		require.ErrorIs(t, r.WriteHTML(fw), errWrite, "failing after %d writes", i)
		fw = &failingWriter{after: i}
		require.ErrorIs(t, r.WriteMarkdown(fw), errWrite, "failing after %d writes", i)
	}
}

var errWrite = errors.New("disk full")

// failingWriter fails from its (after+1)-th write on.
type failingWriter struct{ after, n int }

func (f *failingWriter) Write(p []byte) (int, error) {
	f.n++
	if f.n > f.after {
		return 0, errWrite
	}
	return len(p), nil
}

// TestBuiltInBlocksWrite: every block of the package writes the same
// Markdown and HTML through the Block methods as through its string
// conveniences.
func TestBuiltInBlocksWrite(t *testing.T) {
	for _, s := range sample(English).Sections {
		for i, bl := range s.Blocks {
			var md, h strings.Builder
			require.NoError(t, bl.WriteMarkdown(&md, Spanish))
			require.NoError(t, bl.WriteHTML(&h, Spanish, "x"))
			if m, ok := bl.(interface{ Markdown(Lang) string }); ok {
				assert.Equal(t, m.Markdown(Spanish), md.String(), "%s block %d", s.Title, i)
			}
			assert.NotEmpty(t, h.String())
			xmlElements(t, "<div>"+h.String()+"</div>")
			require.Error(t, bl.WriteHTML(&failingWriter{}, Spanish, "x"))
		}
	}
}
