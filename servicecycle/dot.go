package servicecycle

import (
	"fmt"
	"strconv"
	"strings"
)

// DOT returns the directly-follows graph of an analysis in Graphviz's DOT
// language: one node per moment that occurs (generated ids "m0", "m1", … for
// the cycle's moments in order, "u0", "u1", … for unknown ids), labelled
// with its name, encounters and mean satisfaction; one edge per observed
// transition, labelled with its count and mean time. Critical moments have a
// double border, transitions the cycle does not allow are dashed red, and
// the bottleneck is drawn thick. Every id and label is quoted.
func DOT(a *Analysis) string {
	var b strings.Builder
	name := a.Cycle
	if name == "" {
		name = "directly-follows graph"
	}
	fmt.Fprintf(&b, "digraph \"%s\" {\n", dotText(name))
	b.WriteString("  rankdir=\"LR\";\n")
	b.WriteString("  node [shape=\"box\", style=\"rounded\", fontname=\"Helvetica\"];\n")
	b.WriteString("  edge [fontname=\"Helvetica\"];\n")
	ids := make(map[string]string, len(a.Moments)+len(a.Unknown))
	for i, m := range a.Moments {
		id := "m" + strconv.Itoa(i)
		ids[m.ID] = id
		if m.Encounters == 0 {
			continue
		}
		label := m.Name + "\n" + "n=" + strconv.Itoa(m.Encounters) + " · " + satisfactionText(m.Satisfaction)
		attrs := ""
		if m.Critical {
			attrs = ", peripheries=\"2\", color=\"#c0392b\""
		}
		fmt.Fprintf(&b, "  \"%s\" [label=\"%s\"%s];\n", id, dotText(label), attrs)
	}
	for i, u := range a.Unknown {
		id := "u" + strconv.Itoa(i)
		ids[u.ID] = id
		label := u.ID + "\n" + "unknown · n=" + strconv.Itoa(u.Encounters)
		fmt.Fprintf(&b, "  \"%s\" [label=\"%s\", style=\"dashed\"];\n", id, dotText(label))
	}
	for _, e := range a.Edges {
		attrs := ""
		if !e.Designed {
			attrs += ", style=\"dashed\", color=\"#c0392b\""
		}
		if bn := a.Bottleneck; bn != nil && bn.From == e.From && bn.To == e.To {
			attrs += ", penwidth=\"3\""
		}
		fmt.Fprintf(&b, "  \"%s\" -> \"%s\" [label=\"%s\"%s];\n", ids[e.From], ids[e.To], dotText(edgeText(e)), attrs)
	}
	b.WriteString("}\n")
	return b.String()
}

// dotText escapes s for a double-quoted DOT string: backslashes and quotes
// are escaped, line breaks become the centred-line escape \n.
func dotText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '"':
			b.WriteString(`\"`)
		case '\n':
			b.WriteString(`\n`)
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
