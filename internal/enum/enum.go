// Package enum holds the name tables behind every enum of the module: canonical
// English names for String and MarshalText, and the accepted aliases (English
// variants and the seeds' Spanish terms) for ParseXxx and UnmarshalText.
//
// Matching folds case, accents, and the separators ' ', '-', '_' and '/', so
// "Teléfono", "telefono" and "TELEFONO" are the same name, as are "web chat",
// "web-chat" and "WebChat" ("webchat").
package enum

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// Table maps the values of one enum type to names and back. Build it once at
// package initialisation with New; a Table is read-only afterwards and safe for
// concurrent use.
type Table[T ~uint8] struct {
	label    string // e.g. "sla: priority"
	sentinel error
	names    []string // canonical name of value i
	lookup   map[string]T
}

// New returns the table of an enum whose value i is called names[i]. label
// prefixes errors ("sla: priority") and sentinel is wrapped by every error the
// table returns. aliases maps extra accepted spellings to values; each is folded
// with Fold. New panics on a duplicate folded name, which is a programming error
// caught by any test of the package.
func New[T ~uint8](label string, sentinel error, names []string, aliases map[string]T) *Table[T] {
	t := &Table[T]{label: label, sentinel: sentinel, names: names, lookup: make(map[string]T, len(names)+len(aliases))}
	add := func(name string, v T) {
		k := Fold(name)
		if old, dup := t.lookup[k]; dup && old != v {
			panic(fmt.Sprintf("enum %s: name %q maps to both %d and %d", label, name, old, v))
		}
		t.lookup[k] = v
	}
	for i, n := range names {
		add(n, T(i))
	}
	for n, v := range aliases {
		add(n, v)
	}
	return t
}

// Valid reports whether v is a defined value of the enum.
func (t *Table[T]) Valid(v T) bool { return int(v) < len(t.names) }

// String returns the canonical name of v, or "Label(N)" for an undefined value.
func (t *Table[T]) String(v T) string {
	if t.Valid(v) {
		return t.names[v]
	}
	kind := t.label
	if i := strings.LastIndex(kind, ": "); i >= 0 {
		kind = kind[i+2:]
	}
	return kind + "(" + strconv.Itoa(int(v)) + ")"
}

// Names returns a copy of the canonical names in value order.
func (t *Table[T]) Names() []string { return append([]string(nil), t.names...) }

// Parse returns the value named s (any canonical name or alias, folded).
// The error lists the names to choose from; a zero value named "unknown" is
// the "not set" marker of its enum, parsed but not offered.
func (t *Table[T]) Parse(s string) (T, error) {
	if v, ok := t.lookup[Fold(s)]; ok {
		return v, nil
	}
	valid := t.names
	if len(valid) > 0 && valid[0] == "unknown" {
		valid = valid[1:]
	}
	return 0, fmt.Errorf("%s %q: unknown name (want one of %s): %w", t.label, s, strings.Join(valid, ", "), t.sentinel)
}

// MarshalText returns the canonical name of v, or an error for an undefined value.
func (t *Table[T]) MarshalText(v T) ([]byte, error) {
	if !t.Valid(v) {
		return nil, fmt.Errorf("%s %d: undefined value: %w", t.label, v, t.sentinel)
	}
	return []byte(t.names[v]), nil
}

// UnmarshalText parses text into *v, leaving *v unchanged on error.
func (t *Table[T]) UnmarshalText(v *T, text []byte) error {
	p, err := t.Parse(string(text))
	if err != nil {
		return err
	}
	*v = p
	return nil
}

// Fold returns the matching key of a name: lower case, Spanish and other Latin
// accents removed (ñ folds to n, as people type it
// without the accent), separators ' ', '-', '_', '/', '.'
// dropped, surrounding space ignored.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case ' ', '-', '_', '/', '.', '\t':
			continue
		}
		r = unicode.ToLower(r)
		switch r {
		case 'á', 'à', 'ä', 'â':
			r = 'a'
		case 'é', 'è', 'ë', 'ê':
			r = 'e'
		case 'í', 'ì', 'ï', 'î':
			r = 'i'
		case 'ó', 'ò', 'ö', 'ô':
			r = 'o'
		case 'ú', 'ù', 'ü', 'û':
			r = 'u'
		case 'ñ':
			r = 'n'
		}
		b.WriteRune(r)
	}
	return b.String()
}
