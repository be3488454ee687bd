package servicecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/servuction/servuction"
)

// Rating scale: encounters are rated on 1–5 (the scale of a Mermaid journey
// diagram); 0 means "not rated".
const (
	MinRating = 1
	MaxRating = 5
)

// Moment is a moment of truth (momento de verdad): any instant in which the
// customer comes into contact with the company and forms an opinion of it,
// with a person or not (premises, signage, a web page). A critical moment
// (momento crítico de la verdad) is one whose good handling decides whether
// the customer stays satisfied.
type Moment struct {
	// ID identifies the moment in a cycle and in encounter logs; required.
	ID string `json:"id"`
	// Name is the label shown to people; it defaults to ID.
	Name string `json:"name,omitempty"`
	// Stage places the moment on the consumer's path, Step in the attention
	// process; either, both or neither may be set.
	Stage Stage         `json:"stage,omitempty"`
	Step  AttentionStep `json:"step,omitempty"`
	// Channel, Mode and Stance describe how the contact is designed to happen.
	Channel servuction.Channel     `json:"channel,omitempty"`
	Mode    servuction.ServiceMode `json:"mode,omitempty"`
	Stance  servuction.Stance      `json:"stance,omitempty"`
	// Critical marks a critical moment of truth.
	Critical bool `json:"critical,omitempty"`
	// Optional moments may be skipped without a deviation.
	Optional bool `json:"optional,omitempty"`
	// Context lists the elements of the service context (contexto del
	// servicio) present at the moment: premises, signage, equipment,
	// furniture, brochures…
	Context Context `json:"context,omitempty"`
	// Standards are the measurable results the moment must reach.
	Standards Standards `json:"standards,omitzero"`
}

// Label returns the moment's Name, or its ID when the name is empty or
// blank.
func (m Moment) Label() string {
	if strings.TrimSpace(m.Name) != "" {
		return m.Name
	}
	return m.ID
}

// Context is the service context of a moment (contexto del servicio): the
// environment in which customer and provider meet. Every element — state of
// the premises, dominant colours, equipment, furniture, telephone, computer
// terminals, stationery, decoration, brochures, magazines — has an impact on
// the moment of truth.
type Context []string

// Standards are a moment's service standards (estándares de servicio): the
// desired results, measurable by indicators, that an encounter is checked
// against. A zero field sets no standard.
type Standards struct {
	// MaxWait is the longest acceptable [Encounter.Duration] at the moment,
	// e.g. the maximum wait before being served.
	MaxWait time.Duration
	// MinRating is the lowest acceptable rating (1–5).
	MinRating int
	// Protocol is the type of protocol the moment follows.
	Protocol Protocol
}

// IsZero reports whether s sets no standard and names no protocol.
func (s Standards) IsZero() bool { return s == Standards{} }

type standardsJSON struct {
	MaxWait   string   `json:"maxWait,omitempty"`
	MinRating int      `json:"minRating,omitempty"`
	Protocol  Protocol `json:"protocol,omitempty"`
}

// MarshalJSON writes MaxWait as text ("10m", "1h30m0s", "2d").
func (s Standards) MarshalJSON() ([]byte, error) {
	j := standardsJSON{MinRating: s.MinRating, Protocol: s.Protocol}
	if s.MaxWait != 0 {
		j.MaxWait = formatDuration(s.MaxWait)
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads MaxWait as text ("90m", "4h", "3d" with a day of 24
// hours). The ranges are checked by [NewCycle], which names the moment.
func (s *Standards) UnmarshalJSON(data []byte) error {
	var j standardsJSON
	if err := decodeStrict(data, &j, "standards"); err != nil {
		return fmt.Errorf("servicecycle: standards: %w: %w", err, ErrInvalidCycle)
	}
	var out Standards
	if j.MaxWait != "" {
		d, err := parseDuration("standards maxWait", j.MaxWait)
		if err != nil {
			return fmt.Errorf("%w: %w", err, ErrInvalidCycle)
		}
		out.MaxWait = d
	}
	out.MinRating, out.Protocol = j.MinRating, j.Protocol
	*s = out
	return nil
}

func (s Standards) validate(where string) error {
	var errs []error
	if s.MaxWait < 0 {
		errs = append(errs, fmt.Errorf("servicecycle: %s: maxWait %v negative: %w", where, s.MaxWait, ErrInvalidCycle))
	}
	if s.MinRating != 0 && (s.MinRating < MinRating || s.MinRating > MaxRating) {
		errs = append(errs, fmt.Errorf("servicecycle: %s: minRating %d outside %d–%d: %w", where, s.MinRating, MinRating, MaxRating, ErrInvalidCycle))
	}
	if !s.Protocol.IsValid() {
		errs = append(errs, fmt.Errorf("servicecycle: %s: protocol %d undefined: %w", where, s.Protocol, ErrInvalidCycle))
	}
	return errors.Join(errs...)
}
