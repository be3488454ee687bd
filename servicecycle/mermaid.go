package servicecycle

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Mermaid's default limits (its configuration keys maxTextSize and
// maxEdges, which a diagram's own directives cannot raise): a longer text
// renders as an error box, more links fail to render.
const (
	// MermaidTextLimit is the longest diagram text Mermaid renders by
	// default, in UTF-16 code units (JavaScript's string length).
	MermaidTextLimit = 50_000
	// MermaidEdgeLimit is the largest number of links a Mermaid flowchart
	// may have by default.
	MermaidEdgeLimit = 500
)

// Every text a diagram shows is written so that Mermaid renders it
// literally: the characters its grammars or its pre-processing could read
// as syntax (quotes, '#', '%' of comments and init directives, '`' of
// markdown strings, ':' of Font Awesome icons, '$' of KaTeX, ';', '<', '>',
// '&') are written as Mermaid entity codes ("#35;", "#quot;"), which it
// decodes only in the rendered picture; a line break is a line break (a
// space in a journey diagram), a tab a space, and any other control
// character its visible Unicode Control Picture ("␁"), so that no name is
// ever empty. This holds for Mermaid's default settings (HTML labels).

// Flowchart returns the cycle as a Mermaid flowchart, left to right. Each
// moment is a node with a generated id ("m0", "m1", … in cycle order) and a
// quoted label; critical moments take the class criticalMoment (thick red
// border), optional ones optionalMoment (dashed). Designed flows are solid
// arrows. With an analysis (a may be nil), nodes also show satisfaction, the
// number of encounters and the share below standard, designed arrows the
// count and mean time of the transition, and the other transitions observed
// between the cycle's moments are added as dotted arrows: grey when they pass
// over optional moments only, red (linkStyle) when the cycle does not allow
// them.
//
// Labels are literal (see above). The text stays within [MermaidTextLimit]:
// when it would not, moment names are shortened (to 64, 32, 16 and at least
// 8 characters, ending in "…"), then the statistics are left out of the
// labels, then the observed transitions off the design. Observed transitions
// beyond [MermaidEdgeLimit] links are left out, the least frequent first. A
// design with more flows than MermaidEdgeLimit (or whose bare structure
// exceeds the text limit) cannot be drawn by Mermaid with its default
// settings: raise maxEdges where it is rendered, or use [DOT].
func Flowchart(c *Cycle, a *Analysis) string {
	var out string
	for _, fit := range diagramFits(a != nil) {
		out = flowchart(c, a, fit)
		if jsLen(out) <= MermaidTextLimit {
			break
		}
	}
	return out
}

// diagramFit is one attempt at fitting a diagram within Mermaid's limits.
type diagramFit struct {
	nameCap  int  // longest name in characters, 0 for no limit
	stats    bool // statistics in the labels
	offCycle bool // observed transitions off the design
}

// diagramFits lists the attempts in order, from the full diagram down.
func diagramFits(stats bool) []diagramFit {
	var fits []diagramFit
	for _, n := range []int{0, 64, 32, 16, 8} {
		fits = append(fits, diagramFit{nameCap: n, stats: stats, offCycle: true})
	}
	if stats {
		fits = append(fits, diagramFit{nameCap: 8, offCycle: true}, diagramFit{nameCap: 8})
	}
	return fits
}

func flowchart(c *Cycle, a *Analysis, fit diagramFit) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	n := c.Len()
	stats, edges := diagramStats(a)
	for i, m := range c.cfg.Moments {
		label := mermaidText(m.Label(), fit.nameCap)
		if s, ok := stats[m.ID]; ok && fit.stats {
			more := satisfactionText(s.Satisfaction) + " · n=" + strconv.Itoa(s.Encounters)
			if s.Measured > 0 {
				more += "\nbelow standard " + percent(s.BelowShare)
			}
			label += "<br/>" + mermaidText(more, 0)
		}
		fmt.Fprintf(&b, "    m%d[\"%s\"]\n", i, label)
	}
	link := 0 // Mermaid numbers links in order, for linkStyle
	for a1 := range n {
		for b1 := range n {
			if !c.direct(a1, b1) {
				continue
			}
			f := Flow{From: c.cfg.Moments[a1].ID, To: c.cfg.Moments[b1].ID}
			if e, ok := edges[f]; ok && fit.stats {
				fmt.Fprintf(&b, "    m%d -->|\"%s\"| m%d\n", a1, mermaidText(edgeText(e), 0), b1)
			} else {
				fmt.Fprintf(&b, "    m%d --> m%d\n", a1, b1)
			}
			link++
		}
	}
	var offCycle []int
	if a != nil && fit.offCycle {
		for _, e := range offDesign(c, a, MermaidEdgeLimit-link) {
			i, j := c.index[e.From], c.index[e.To]
			label := ""
			if fit.stats {
				label = "|\"" + mermaidText(edgeText(e), 0) + "\"|"
			}
			fmt.Fprintf(&b, "    m%d -.->%s m%d\n", i, label, j)
			if !c.allowed[i*n+j] { // not a designed pass over optional moments
				offCycle = append(offCycle, link)
			}
			link++
		}
	}
	writeClasses(&b, c, offCycle)
	return b.String()
}

// diagramStats indexes an analysis's moments and edges (empty for nil).
func diagramStats(a *Analysis) (map[string]MomentStats, map[Flow]Edge) {
	stats, edges := map[string]MomentStats{}, map[Flow]Edge{}
	if a == nil {
		return stats, edges
	}
	for _, m := range a.Moments {
		stats[m.ID] = m
	}
	for _, e := range a.Edges {
		edges[Flow{From: e.From, To: e.To}] = e
	}
	return stats, edges
}

// offDesign returns the observed transitions between the cycle's moments
// that are not designed flows, in edge order, at most limit of them (the
// most frequent kept, ties to edge order).
func offDesign(c *Cycle, a *Analysis, limit int) []Edge {
	var out []Edge
	order := map[Flow]int{}
	for k, e := range a.Edges {
		i, ok1 := c.index[e.From]
		j, ok2 := c.index[e.To]
		if ok1 && ok2 && !c.direct(i, j) {
			out = append(out, e)
			order[Flow{From: e.From, To: e.To}] = k
		}
	}
	if limit < 0 {
		limit = 0
	}
	if len(out) > limit {
		slices.SortStableFunc(out, func(x, y Edge) int { return cmp.Compare(y.Count, x.Count) })
		out = out[:limit]
		slices.SortFunc(out, func(x, y Edge) int {
			return cmp.Compare(order[Flow{From: x.From, To: x.To}], order[Flow{From: y.From, To: y.To}])
		})
	}
	return out
}

func writeClasses(b *strings.Builder, c *Cycle, offCycle []int) {
	b.WriteString("    classDef criticalMoment stroke:#c0392b,stroke-width:3px\n")
	b.WriteString("    classDef optionalMoment stroke-dasharray:5 5\n")
	for i, m := range c.cfg.Moments {
		if m.Critical {
			fmt.Fprintf(b, "    class m%d criticalMoment\n", i)
		}
	}
	for i, m := range c.cfg.Moments {
		if m.Optional {
			fmt.Fprintf(b, "    class m%d optionalMoment\n", i)
		}
	}
	for _, l := range offCycle {
		fmt.Fprintf(b, "    linkStyle %d stroke:#c0392b\n", l)
	}
}

// JourneyDiagram returns a Mermaid user-journey diagram of the cycle: one
// task per rated moment, in cycle order, scored with its mean satisfaction
// rounded to a whole 1–5, for the actor "Customer". Sections group
// consecutive moments of the same attention step or, without one, of the
// same consumer stage. Texts are literal (see [Flowchart]; a line break is
// a space), and a name that begins with a word of the journey grammar
// ("title", "section", "journey", "accTitle", "accDescr") has its first
// letter written as an entity code so that it stays a task. The text stays
// within [MermaidTextLimit] by shortening names as Flowchart does.
func JourneyDiagram(c *Cycle, a *Analysis) string {
	var out string
	for _, fit := range diagramFits(false) {
		out = journeyDiagram(c, a, fit.nameCap)
		if jsLen(out) <= MermaidTextLimit {
			break
		}
	}
	return out
}

func journeyDiagram(c *Cycle, a *Analysis, nameCap int) string {
	var b strings.Builder
	b.WriteString("journey\n")
	title := c.Name()
	if strings.TrimSpace(title) == "" {
		title = "Cycle of service"
	}
	fmt.Fprintf(&b, "    title %s\n", journeyText(title, nameCap))
	stats, _ := diagramStats(a)
	section := ""
	for _, m := range c.cfg.Moments {
		s, ok := stats[m.ID]
		if !ok || s.Satisfaction.N == 0 {
			continue
		}
		sec := "Cycle"
		switch {
		case m.Step != StepUnknown:
			sec = m.Step.String()
		case m.Stage != StageUnknown:
			sec = m.Stage.String()
		}
		if sec != section {
			section = sec
			fmt.Fprintf(&b, "    section %s\n", journeyText(sec, 0))
		}
		score := int(math.Round(s.Satisfaction.Mean))
		score = min(max(score, MinRating), MaxRating)
		fmt.Fprintf(&b, "      %s: %d: Customer\n", journeyText(m.Label(), nameCap), score)
	}
	return b.String()
}

// literalText normalises s for display: line breaks (CR LF, CR, LF) become
// '\n', tabs spaces, other control characters their Control Pictures; the
// result is trimmed and, with nameCap > 0, shortened to nameCap characters
// ending in "…".
func literalText(s string, nameCap int) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			b.WriteByte('\n')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune(0x2421)
		case r == utf8.RuneError:
			b.WriteRune(0xFFFD)
		default:
			b.WriteRune(r)
		}
	}
	out := strings.TrimSpace(b.String())
	if nameCap > 0 && utf8.RuneCountInString(out) > nameCap {
		rs := []rune(out)
		out = strings.TrimSpace(string(rs[:nameCap-1])) + "…"
	}
	return out
}

// mermaidEscape writes r as a Mermaid entity code when Mermaid could read
// it as syntax, and reports whether it did.
func mermaidEscape(b *strings.Builder, r rune) bool {
	switch r {
	case '"':
		b.WriteString("#quot;")
	case '<':
		b.WriteString("#lt;")
	case '>':
		b.WriteString("#gt;")
	case '&':
		b.WriteString("#amp;")
	case '#', '%', '`', ':', '$', ';':
		b.WriteString("#" + strconv.Itoa(int(r)) + ";")
	default:
		return false
	}
	return true
}

// mermaidText makes s a literal label for a double-quoted flowchart string.
// A flowchart label is HTML whose entities Mermaid decodes before it looks
// for Font Awesome icons ("fa:fa-car") and KaTeX ("$$x$$"), so those two
// patterns are also broken by an empty <span></span>, which shows nothing.
func mermaidText(s string, nameCap int) string {
	var b strings.Builder
	text := literalText(s, nameCap)
	for i, r := range text {
		rest := text[i+utf8.RuneLen(r):]
		switch {
		case r == '\n':
			b.WriteString("<br/>")
		case mermaidEscape(&b, r):
			if (r == ':' && strings.HasPrefix(rest, "fa-")) || (r == '$' && strings.HasPrefix(rest, "$")) {
				b.WriteString("<span></span>")
			}
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// journeyKeywords are the words the journey grammar reads at the start of a
// line whatever follows (lower case; the grammar ignores case).
var journeyKeywords = []string{"journey", "title", "section", "acctitle", "accdescr"}

// journeyText makes s a literal text in the unquoted journey grammar.
func journeyText(s string, nameCap int) string {
	s = strings.ReplaceAll(literalText(s, nameCap), "\n", " ")
	if s == "" {
		s = "–"
	}
	lower := strings.ToLower(s)
	keyword := slices.ContainsFunc(journeyKeywords, func(k string) bool { return strings.HasPrefix(lower, k) })
	var b strings.Builder
	for i, r := range s {
		switch {
		case i == 0 && keyword:
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		case mermaidEscape(&b, r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// jsLen returns the length of s as JavaScript counts it (UTF-16 code units).
func jsLen(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r > 0xFFFF {
			n++
		}
	}
	return n
}

func satisfactionText(s Satisfaction) string {
	if s.N == 0 {
		return "not rated"
	}
	return "sat " + strconv.FormatFloat(s.Mean, 'f', 2, 64)
}

func edgeText(e Edge) string {
	return "n=" + strconv.Itoa(e.Count) + " · " + shortDuration(e.Time.Mean)
}

func percent(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// shortDuration rounds d for a diagram: to the second under an hour, to the
// minute above.
func shortDuration(d time.Duration) string {
	if d >= time.Hour || d <= -time.Hour {
		d = d.Round(time.Minute)
	} else {
		d = d.Round(time.Second)
	}
	out := d.String()
	if strings.HasSuffix(out, "m0s") {
		out = strings.TrimSuffix(out, "0s")
	}
	if strings.HasSuffix(out, "h0m") {
		out = strings.TrimSuffix(out, "0m")
	}
	return out
}
