package servicecycle

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

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
func Flowchart(c *Cycle, a *Analysis) string {
	var b strings.Builder
	b.WriteString("flowchart LR\n")
	n := c.Len()
	var stats map[string]MomentStats
	var edges map[Flow]Edge
	if a != nil {
		stats = make(map[string]MomentStats, len(a.Moments))
		for _, m := range a.Moments {
			stats[m.ID] = m
		}
		edges = make(map[Flow]Edge, len(a.Edges))
		for _, e := range a.Edges {
			edges[Flow{From: e.From, To: e.To}] = e
		}
	}
	for i, m := range c.cfg.Moments {
		label := mermaidText(m.Label())
		if s, ok := stats[m.ID]; ok {
			label += "<br/>" + satisfactionText(s.Satisfaction) + " · n=" + strconv.Itoa(s.Encounters)
			if s.Measured > 0 {
				label += "<br/>below standard " + percent(s.BelowShare)
			}
		}
		fmt.Fprintf(&b, "    m%d[\"%s\"]\n", i, label)
	}
	link := 0 // Mermaid numbers links in order, for linkStyle
	var offCycle []int
	for a1 := range n {
		for b1 := range n {
			if !c.direct(a1, b1) {
				continue
			}
			f := Flow{From: c.cfg.Moments[a1].ID, To: c.cfg.Moments[b1].ID}
			if e, ok := edges[f]; ok {
				fmt.Fprintf(&b, "    m%d -->|\"%s\"| m%d\n", a1, edgeText(e), b1)
			} else {
				fmt.Fprintf(&b, "    m%d --> m%d\n", a1, b1)
			}
			link++
		}
	}
	if a != nil {
		for _, e := range a.Edges {
			i, ok1 := c.index[e.From]
			j, ok2 := c.index[e.To]
			if !ok1 || !ok2 || c.direct(i, j) {
				continue
			}
			fmt.Fprintf(&b, "    m%d -.->|\"%s\"| m%d\n", i, edgeText(e), j)
			if !c.allowed[i*n+j] { // not a designed pass over optional moments
				offCycle = append(offCycle, link)
			}
			link++
		}
	}
	b.WriteString("    classDef criticalMoment stroke:#c0392b,stroke-width:3px\n")
	b.WriteString("    classDef optionalMoment stroke-dasharray:5 5\n")
	for i, m := range c.cfg.Moments {
		if m.Critical {
			fmt.Fprintf(&b, "    class m%d criticalMoment\n", i)
		}
	}
	for i, m := range c.cfg.Moments {
		if m.Optional {
			fmt.Fprintf(&b, "    class m%d optionalMoment\n", i)
		}
	}
	for _, l := range offCycle {
		fmt.Fprintf(&b, "    linkStyle %d stroke:#c0392b\n", l)
	}
	return b.String()
}

// JourneyDiagram returns a Mermaid user-journey diagram of the cycle: one
// task per rated moment, in cycle order, scored with its mean satisfaction
// rounded to a whole 1–5, for the actor "Customer". Sections group
// consecutive moments of the same attention step or, without one, of the
// same consumer stage. The journey grammar has no quoting, so the title,
// section and task texts are written with the characters that would end them
// (':', '#', ';', line breaks) replaced by safe ones.
func JourneyDiagram(c *Cycle, a *Analysis) string {
	var b strings.Builder
	b.WriteString("journey\n")
	title := c.Name()
	if title == "" {
		title = "Cycle of service"
	}
	fmt.Fprintf(&b, "    title %s\n", journeyText(title))
	stats := map[string]MomentStats{}
	if a != nil {
		for _, m := range a.Moments {
			stats[m.ID] = m
		}
	}
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
			fmt.Fprintf(&b, "    section %s\n", journeyText(sec))
		}
		score := int(math.Round(s.Satisfaction.Mean))
		score = min(max(score, MinRating), MaxRating)
		fmt.Fprintf(&b, "      %s: %d: Customer\n", journeyText(m.Label()), score)
	}
	return b.String()
}

// mermaidText escapes text for a double-quoted Mermaid label: quotes, angle
// brackets, ampersands and '#' become entity codes, line breaks <br/>.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("#quot;")
		case '#':
			b.WriteString("#35;")
		case '<':
			b.WriteString("#lt;")
		case '>':
			b.WriteString("#gt;")
		case '&':
			b.WriteString("#amp;")
		case '\n':
			b.WriteString("<br/>")
		case '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// journeyText makes s safe in the unquoted journey grammar.
func journeyText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ':':
			b.WriteString(" -")
		case '#', ';':
			b.WriteByte(' ')
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < 0x20 || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	out := strings.TrimSpace(b.String())
	if out == "" {
		return "-"
	}
	return out
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
