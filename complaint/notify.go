package complaint

import (
	"context"
	"fmt"
	"strconv"

	"github.com/servuction/servuction/internal/enum"
)

// Medium is how a notification reaches a person. The zero value is
// [MediumUnknown].
type Medium uint8

// The media of the course notes' call-centre flow: the network member "gets
// the notification by e-mail and a text message".
const (
	MediumUnknown Medium = iota // not set
	SMS                         // mensaje de texto
	EmailMessage                // correo electrónico
)

var mediumNames = enum.New("complaint: medium", ErrInvalidValue,
	[]string{"unknown", "sms", "email"},
	map[string]Medium{"desconocido": MediumUnknown, "mensaje de texto": SMS, "texto": SMS, "text message": SMS,
		"correo electrónico": EmailMessage, "correo": EmailMessage, "e-mail": EmailMessage, "mail": EmailMessage})

// ParseMedium returns the medium named s ("sms", "mensaje de texto",
// "correo electrónico", …).
func ParseMedium(s string) (Medium, error) { return mediumNames.Parse(s) }

// String returns the medium's English name.
func (m Medium) String() string { return mediumNames.String(m) }

// IsValid reports whether m is a defined medium.
func (m Medium) IsValid() bool { return mediumNames.Valid(m) }

// MarshalText implements encoding.TextMarshaler.
func (m Medium) MarshalText() ([]byte, error) { return mediumNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseMedium].
func (m *Medium) UnmarshalText(text []byte) error { return mediumNames.UnmarshalText(m, text) }

// Message is a notification recorded in the outbox with the transition that
// caused it. Key is unique and stable ("case#version.index"): a host whose
// delivery is not idempotent uses it to drop duplicates, since the desk
// delivers each message at least once.
type Message struct {
	Key     string `json:"key"`
	Case    string `json:"case"`
	Medium  Medium `json:"medium"`
	To      string `json:"to"`
	Subject string `json:"subject,omitempty"`
	Body    string `json:"body,omitempty"`
}

// Notifier delivers messages (SMS, e-mail, …); the host implements it. A nil
// error means delivered. The desk retries failed deliveries and records each
// success in the trail as a [Notified] event.
type Notifier interface {
	Notify(ctx context.Context, m Message) error
}

// NotifierFunc adapts a function to [Notifier].
type NotifierFunc func(ctx context.Context, m Message) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, m Message) error { return f(ctx, m) }

// Contact is how an agent is reached.
type Contact struct {
	Phone string `json:"phone,omitempty"` // for SMS
	Email string `json:"email,omitempty"`
}

// Messenger decides which messages a new entry produces. The desk assigns
// their keys. [DefaultMessenger] is the course notes' rule.
type Messenger func(c Case, e Entry) []Message

// DefaultMessenger returns the course notes' rule: when a case is assigned
// or escalated to an agent found in contacts, the agent gets a text message
// and an e-mail (el miembro de la red recibe la notificación en su correo
// electrónico y un mensaje de texto).
func DefaultMessenger(contacts map[string]Contact) Messenger {
	return func(c Case, e Entry) []Message {
		if e.Event.Type != Assign && e.Event.Type != Escalate {
			return nil
		}
		ct, ok := contacts[e.Event.Assignee]
		if !ok {
			return nil
		}
		subject := fmt.Sprintf("Case %s (%s, %s) assigned to you", c.ID, c.Kind, c.Severity)
		body := fmt.Sprintf("%s from %s: %s", e.Event.Type, e.Event.Actor, c.Subject)
		if e.Event.Note != "" {
			body += " | hand-off: " + e.Event.Note
		}
		var out []Message
		if ct.Phone != "" {
			out = append(out, Message{Medium: SMS, To: ct.Phone, Subject: subject, Body: body})
		}
		if ct.Email != "" {
			out = append(out, Message{Medium: EmailMessage, To: ct.Email, Subject: subject, Body: body})
		}
		return out
	}
}

func messageKey(caseID string, version uint64, i int) string {
	return caseID + "#" + strconv.FormatUint(version, 10) + "." + strconv.Itoa(i+1)
}
