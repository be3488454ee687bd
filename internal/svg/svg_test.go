package svg

import (
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// geometry names the attributes that hold only numbers.
var geometry = map[string]bool{"x": true, "y": true, "width": true, "height": true, "x1": true, "y1": true,
	"x2": true, "y2": true, "cx": true, "cy": true, "r": true, "points": true, "viewBox": true, "d": true}

// parse checks that doc is well-formed XML whose geometry attributes hold
// finite numbers only, and returns its element names.
func parse(t testing.TB, doc string) []string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	var names []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		names = append(names, se.Name.Local)
		for _, a := range se.Attr {
			if !geometry[a.Name.Local] {
				continue
			}
			for _, f := range strings.FieldsFunc(a.Value, func(r rune) bool { return r == ' ' || r == ',' }) {
				if a.Name.Local == "d" && f[0] >= 'A' && f[0] <= 'Z' {
					f = f[1:] // a path command, maybe followed by its first number
					if f == "" {
						continue
					}
				}
				v, err := strconv.ParseFloat(f, 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("attribute %s=%q of <%s>: %q is not a finite number", a.Name.Local, a.Value, se.Name.Local, f)
				}
			}
		}
	}
}

func TestNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{math.Copysign(0, -1), "0"},
		{1, "1"},
		{-2.5, "-2.5"},
		{1.005, "1"},      // 1.005 is 1.00499999… in binary: rounds down
		{3.14159, "3.14"}, // two decimals
		{799.999, "800"},
		{-0.004, "0"}, // rounds to -0, written 0
		{math.NaN(), "0"},
		{math.Inf(1), "0"},
		{math.Inf(-1), "0"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Num(tt.in), "Num(%v)", tt.in)
	}
}

func TestEscape(t *testing.T) {
	assert.Equal(t, "a &lt;b&gt; &amp; &#34;c&#34; &#39;d&#39;", EscapeString(`a <b> & "c" 'd'`))
	assert.Equal(t, "x\uFFFDy", EscapeString("x\x00y"), "control characters are not XML")
	assert.Equal(t, "\uFFFD", EscapeString("\xff"), "invalid UTF-8")
}

func TestDocWellFormed(t *testing.T) {
	d := New(800, 200, "id\"1", `Title <&>`, "Desc 'x'")
	d.Group("bar <1>", A("class", `a"b`))
	d.Rect(10, 10, -5, -5, A("fill", "#fff"))
	d.Line(0, 0, math.NaN(), 1)
	d.Circle(1, 2, 3)
	d.Polyline([]Point{{1, 2}})        // too short: nothing
	d.Polygon([]Point{{1, 2}, {3, 4}}) // too short: nothing
	d.Polyline([]Point{{1, 2}, {3, math.Inf(1)}})
	d.Path((&PathData{}).M(0, 0).L(1, 1).A(5, 5, 0, true, false, 2, 2).Z())
	d.Text(5, 5, "if a < b && c > d")
	d.Group("")
	out := d.String() // closes both groups
	names := parse(t, out)
	assert.Equal(t, []string{"svg", "title", "desc", "g", "title", "rect", "line", "circle", "polyline", "path", "text", "g"}, names)
	assert.NotContains(t, out, "NaN")
	assert.NotContains(t, out, "Inf")
	assert.Contains(t, out, `<rect x="5" y="5" width="5" height="5"`, "negative sizes are drawn from the other corner")
	assert.Contains(t, out, `d="M0 0 L1 1 A5 5 0 1 0 2 2 Z"`)
}

func TestEndWithoutGroup(t *testing.T) {
	d := New(10, 10, "", "", "")
	d.End() // nothing open: no stray </g>
	parse(t, d.String())
}

// FuzzDoc draws arbitrary text and numbers and checks that the document is
// always well-formed XML without NaN or infinities.
func FuzzDoc(f *testing.F) {
	f.Add("title", "label <&>\"'", 1.5, -3.0, 800.0)
	f.Add("\x00\xff", "]]>", math.NaN(), math.Inf(1), -0.0)
	f.Fuzz(func(t *testing.T, title, label string, x, y, w float64) {
		d := New(w, y, label, title, label)
		d.Group(label, A("data-x", label))
		d.Rect(x, y, w, -w)
		d.Text(x, y, label, A("text-anchor", label))
		d.Polyline([]Point{{x, y}, {w, x}})
		d.Path((&PathData{}).M(x, y).A(w, w, x, true, true, y, x))
		out := d.String()
		names := parse(t, out)
		want := []string{"svg", "title", "desc", "g", "title", "rect", "text", "polyline", "path"}
		if label == "" {
			want = append(want[:4], want[5:]...) // an untitled group has no title
		}
		require.Equal(t, want, names)
	})
}
