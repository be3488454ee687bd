package servuction

import "github.com/servuction/servuction/internal/enum"

// Channel is the medium through which a customer and the company meet (canal).
// The zero value is [ChannelUnknown].
type Channel uint8

// The channels of the course notes: servicio presencial, por teléfono, por
// correo electrónico, por chat de plataforma, por redes sociales, por
// mensajería instantánea; plus self-service (autoservicio: kiosks, web forms,
// IVR) where no employee takes part.
const (
	ChannelUnknown   Channel = iota // not recorded
	InPerson                        // presencial
	Phone                           // teléfono, línea
	Email                           // correo electrónico
	WebChat                         // chat de plataforma, chat web
	SocialMedia                     // redes sociales
	InstantMessaging                // mensajería instantánea (WhatsApp, Telegram…)
	SelfService                     // autoservicio
)

var channelNames = enum.New("servuction: channel", ErrInvalidValue,
	[]string{"unknown", "in-person", "phone", "email", "web-chat", "social-media", "instant-messaging", "self-service"},
	map[string]Channel{
		"desconocido": ChannelUnknown, "presencial": InPerson, "face to face": InPerson, "in person": InPerson,
		"teléfono": Phone, "telephone": Phone, "llamada": Phone, "línea": Phone, "call": Phone,
		"correo electrónico": Email, "correo": Email, "e-mail": Email, "mail": Email,
		"chat de plataforma": WebChat, "chat": WebChat, "chat web": WebChat, "live chat": WebChat,
		"redes sociales": SocialMedia, "RRSS": SocialMedia, "social": SocialMedia,
		"mensajería instantánea": InstantMessaging, "mensajería": InstantMessaging, "IM": InstantMessaging, "messaging": InstantMessaging,
		"autoservicio": SelfService, "self service": SelfService,
	})

// Channels returns every defined channel except [ChannelUnknown], in order.
func Channels() []Channel {
	return []Channel{InPerson, Phone, Email, WebChat, SocialMedia, InstantMessaging, SelfService}
}

// ParseChannel returns the channel named s, in English ("phone", "web-chat")
// or in the course notes' Spanish ("teléfono", "chat de plataforma"), in any
// case, with or without accents.
func ParseChannel(s string) (Channel, error) { return channelNames.Parse(s) }

// String returns the channel's English name, e.g. "web-chat".
func (c Channel) String() string { return channelNames.String(c) }

// IsValid reports whether c is a defined channel (including ChannelUnknown).
func (c Channel) IsValid() bool { return channelNames.Valid(c) }

// Mode returns the service mode the channel belongs to: [ModeInPerson] for
// [InPerson], [ModeVirtual] for every other known channel, and
// [ModeUnknown] for [ChannelUnknown].
func (c Channel) Mode() ServiceMode {
	switch {
	case c == InPerson:
		return ModeInPerson
	case c == ChannelUnknown || !c.IsValid():
		return ModeUnknown
	default:
		return ModeVirtual
	}
}

// MarshalText implements encoding.TextMarshaler.
func (c Channel) MarshalText() ([]byte, error) { return channelNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseChannel].
func (c *Channel) UnmarshalText(text []byte) error { return channelNames.UnmarshalText(c, text) }

// ServiceMode says whether a service is given face to face or at a distance
// (servicio presencial / virtual). The zero value is [ModeUnknown].
type ServiceMode uint8

// The service modes of the course notes.
const (
	ModeUnknown  ServiceMode = iota // not recorded
	ModeInPerson                    // presencial: the customer and the employee meet
	ModeVirtual                     // virtual: e-mail, web chat, social media, messaging
)

var modeNames = enum.New("servuction: service mode", ErrInvalidValue,
	[]string{"unknown", "in-person", "virtual"},
	map[string]ServiceMode{"desconocido": ModeUnknown, "presencial": ModeInPerson, "in person": ModeInPerson,
		"face to face": ModeInPerson, "remote": ModeVirtual, "remoto": ModeVirtual, "a distancia": ModeVirtual})

// ParseServiceMode returns the mode named s ("virtual", "presencial", …).
func ParseServiceMode(s string) (ServiceMode, error) { return modeNames.Parse(s) }

// String returns the mode's English name.
func (m ServiceMode) String() string { return modeNames.String(m) }

// IsValid reports whether m is a defined mode.
func (m ServiceMode) IsValid() bool { return modeNames.Valid(m) }

// MarshalText implements encoding.TextMarshaler.
func (m ServiceMode) MarshalText() ([]byte, error) { return modeNames.MarshalText(m) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseServiceMode].
func (m *ServiceMode) UnmarshalText(text []byte) error { return modeNames.UnmarshalText(m, text) }

// Stance says who starts the contact (servicio proactivo / reactivo): the
// company anticipating a need, or the customer asking. The zero value is
// [StanceUnknown].
type Stance uint8

// The stances of the course notes.
const (
	StanceUnknown Stance = iota // not recorded
	Proactive                   // proactivo: the company reaches out first
	Reactive                    // reactivo: the customer contacts the company
)

var stanceNames = enum.New("servuction: stance", ErrInvalidValue,
	[]string{"unknown", "proactive", "reactive"},
	map[string]Stance{"desconocido": StanceUnknown, "proactivo": Proactive, "reactivo": Reactive,
		"outbound": Proactive, "inbound": Reactive})

// ParseStance returns the stance named s ("proactive", "reactivo", …).
func ParseStance(s string) (Stance, error) { return stanceNames.Parse(s) }

// String returns the stance's English name.
func (s Stance) String() string { return stanceNames.String(s) }

// IsValid reports whether s is a defined stance.
func (s Stance) IsValid() bool { return stanceNames.Valid(s) }

// MarshalText implements encoding.TextMarshaler.
func (s Stance) MarshalText() ([]byte, error) { return stanceNames.MarshalText(s) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseStance].
func (s *Stance) UnmarshalText(text []byte) error { return stanceNames.UnmarshalText(s, text) }
