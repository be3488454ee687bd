package servicecycle

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/servuction/servuction/internal/golden"
)

// hostileNames are moment names that changed or broke Mermaid diagrams
// (defect 3 of issue 16): journey keywords at the start of a task, comments
// and init directives, markdown backticks, Font Awesome icons, KaTeX, HTML,
// entity look-alikes, and names of control characters only.
var hostileNames = []string{
	"Title of the visit",
	"Section B",
	"journey to the desk",
	"accDescr: hidden text",
	"accDescr { multi }",
	"accTitle: other",
	"%%{init: {'theme':'dark'}}%%",
	"%% dropped?",
	"a%%b",
	"50% off",
	"`backtick first",
	"`**bold**`",
	"fa:fa-car on the way",
	"$$x^2$$",
	"\x01\x02",
	`Say "hola" <b>&</b> #quot; #35;`,
	"time: 10:30; #1",
	"style m0 fill:#f00;",
	"line one\nline two",
	`back\slash`,
}

// hostileCycle puts each hostile name on a moment, ids plain.
func hostileCycle() *Cycle {
	ms := make([]Moment, len(hostileNames))
	for i, name := range hostileNames {
		ms[i] = Moment{ID: "h" + strconv.Itoa(i), Name: name, Critical: i == 2, Optional: i == 5}
	}
	return MustCycle(CycleConfig{Name: "%%{init: {'theme':'dark'}}%% Title: #1; journey", Moments: ms})
}

// hostileLog rates every moment of the hostile cycle once, 1–5 in turn.
func hostileLog() []Encounter {
	var log []Encounter
	for i := range hostileNames {
		log = append(log, enc("a", "h"+strconv.Itoa(i), i, 1+i%5))
	}
	return log
}

// literal is the text a name must render as: line breaks kept, tabs as
// spaces, other control characters as their visible Control Pictures.
func literal(s string) string {
	var b strings.Builder
	for _, r := range strings.ReplaceAll(s, "\r\n", "\n") {
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}

var mermaidEntity = regexp.MustCompile(`#(\d+|quot|lt|gt|amp);`)

// unmermaid decodes Mermaid's entity codes (#35;, #quot;) and <br/>.
func unmermaid(s string) string {
	s = strings.ReplaceAll(s, "<br/>", "\n")
	s = strings.ReplaceAll(s, "<span></span>", "")
	return mermaidEntity.ReplaceAllStringFunc(s, func(m string) string {
		code := m[1 : len(m)-1]
		switch code {
		case "quot":
			return `"`
		case "lt":
			return "<"
		case "gt":
			return ">"
		case "amp":
			return "&"
		}
		n, _ := strconv.Atoi(code)
		return string(rune(n))
	})
}

// TestMermaidLabelsLiteral checks, without Mermaid, that every hostile name
// is written so that nothing in it can act as Mermaid syntax: no '%', '`',
// ':', '$', '#' except in entity codes, and that decoding the entities gives
// the name back. TestMermaidAcceptedByMermaid checks the same files with the
// real parser and renderer.
func TestMermaidLabelsLiteral(t *testing.T) {
	c := hostileCycle()
	res, err := Analyze(c, hostileLog())
	require.NoError(t, err)
	for _, a := range []*Analysis{nil, &res} {
		fc := Flowchart(c, a)
		node := regexp.MustCompile(`(?m)^    m(\d+)\["([^"]*)"\]$`)
		nodes := node.FindAllStringSubmatch(fc, -1)
		require.Len(t, nodes, len(hostileNames), fc)
		for i, m := range nodes {
			label := m[2]
			if a != nil {
				label, _, _ = strings.Cut(label, "<br/>sat ")
			}
			assertInert(t, label, true)
			assert.Equal(t, literal(hostileNames[i]), unmermaid(label), "node %d", i)
		}
		assert.NotContains(t, fc, "%%")
	}
	j := JourneyDiagram(c, &res)
	assert.NotContains(t, j, "%%")
	lines := strings.Split(strings.TrimSpace(j), "\n")
	require.Equal(t, "journey", lines[0])
	title, ok := strings.CutPrefix(lines[1], "    title ")
	require.True(t, ok, lines[1])
	assertInert(t, title, false)
	assert.Equal(t, literal(c.Name()), unmermaid(title))
	task := regexp.MustCompile(`^      (.+): ([1-5]): Customer$`)
	k := 0
	for _, line := range lines[2:] {
		if strings.HasPrefix(line, "    section ") {
			continue
		}
		m := task.FindStringSubmatch(line)
		require.NotNil(t, m, line)
		assertInert(t, m[1], false)
		assert.NotRegexp(t, `(?i)^\s*(journey|title|section|acc)`, m[1], "a task may not start with a keyword")
		assert.Equal(t, strings.ReplaceAll(literal(hostileNames[k]), "\n", " "), unmermaid(m[1]), "task %d", k)
		assert.Equal(t, strconv.Itoa(1+k%5), m[2])
		k++
	}
	assert.Equal(t, len(hostileNames), k)

	// The real-parser check reads these files and the expected texts.
	golden.Check(t, "hostile.flowchart.mmd", Flowchart(c, &res))
	golden.Check(t, "hostile.journey.mmd", j)
	expect := map[string]any{"title": literal(c.Name()), "theme": "default"}
	var nodes, tasks []string
	var scores []int
	for i, name := range hostileNames {
		nodes = append(nodes, literal(name))
		tasks = append(tasks, strings.ReplaceAll(literal(name), "\n", " "))
		scores = append(scores, 1+i%5)
	}
	expect["nodes"], expect["tasks"], expect["scores"] = nodes, tasks, scores
	out, err := json.MarshalIndent(expect, "", "  ")
	require.NoError(t, err)
	golden.Check(t, "hostile.expect.json", string(out)+"\n")
}

// assertInert fails when a label holds a character Mermaid could read as
// syntax outside an entity code.
func assertInert(t *testing.T, label string, html bool) {
	t.Helper()
	if html { // a flowchart label is HTML, searched for icons and KaTeX
		assert.NotContains(t, label, "#58;fa-", "an icon pattern must be broken")
		assert.NotContains(t, label, "#36;#36;", "a KaTeX pattern must be broken")
	}
	bare := strings.NewReplacer("<br/>", "", "<span></span>", "").Replace(label)
	bare = mermaidEntity.ReplaceAllString(bare, "")
	assert.NotContains(t, bare, "#", label)
	for _, r := range "%`:$;\"<>&" {
		assert.NotContains(t, bare, string(r), label)
	}
	for _, r := range bare {
		assert.False(t, r < 0x20 || r == 0x7f, "control character in %q", label)
	}
}

// TestMermaidTextLimit checks that the largest cycle's diagrams stay within
// Mermaid's default maxTextSize (counted in UTF-16 code units, as
// JavaScript does), however long the names.
func TestMermaidTextLimit(t *testing.T) {
	ms := make([]Moment, MaxMoments)
	long := strings.Repeat("Ñandú 🦤 #:%", 40)
	var log []Encounter
	for i := range ms {
		ms[i] = Moment{ID: "m" + strconv.Itoa(i), Name: long + strconv.Itoa(i), Critical: i%7 == 0}
	}
	for i := range ms {
		log = append(log, enc("a", ms[i].ID, i, 1+i%5), enc("b", ms[(i*7)%len(ms)].ID, i, 3))
	}
	c := MustCycle(CycleConfig{Name: long, Moments: ms})
	res, err := Analyze(c, log)
	require.NoError(t, err)
	for name, text := range map[string]string{"flowchart": Flowchart(c, &res), "design": Flowchart(c, nil), "journey": JourneyDiagram(c, &res)} {
		assert.LessOrEqual(t, utf16Len(text), MermaidTextLimit, name)
		assert.True(t, utf8.ValidString(text), name)
	}
	// Names are shortened, never cut inside an entity, and end with "…".
	fc := Flowchart(c, nil)
	assert.Contains(t, fc, "…")
	assert.Contains(t, fc, `    m511["`)
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

// TestMermaidEdgeLimit: observed transitions off the design beyond
// Mermaid's default link limit are left out, the least frequent first.
func TestMermaidEdgeLimit(t *testing.T) {
	const n = 30 // 29 designed flows; 30×30 − 29 transitions off the design
	ms := make([]Moment, n)
	for i := range ms {
		ms[i] = Moment{ID: "m" + strconv.Itoa(i)}
	}
	c := MustCycle(CycleConfig{Moments: ms})
	var log []Encounter
	j := 0
	for a := range n {
		for b := range n {
			copies := 1
			if a == 5 && b == 2 { // the most frequent transition off the design
				copies = 3
			}
			for range copies {
				cs := "j" + strconv.Itoa(j)
				j++
				log = append(log, enc(cs, ms[a].ID, 0, 3), enc(cs, ms[b].ID, 1, 3))
			}
		}
	}
	res, err := Analyze(c, log)
	require.NoError(t, err)
	fc := Flowchart(c, &res)
	links := strings.Count(fc, " -->") + strings.Count(fc, " -.->")
	assert.Equal(t, MermaidEdgeLimit, links)
	assert.True(t, strings.Contains(fc, "    m5 -.->|\"n=3 · 1m\"| m2\n"), "the most frequent off-design transition is kept")
	assert.True(t, strings.Contains(fc, "    m0 -->|\"n=1 · 1m\"| m1\n"), "designed flows are always drawn")
	// Ties of one transition each are kept in edge order: the last ones go.
	assert.False(t, strings.Contains(fc, "    m29 -.->|\"n=1 · 1m\"| m28\n"), "the last of the least frequent is left out")
}
