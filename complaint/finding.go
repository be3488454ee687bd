package complaint

import (
	"fmt"
	"time"

	"github.com/servuction/servuction/internal/enum"
	"github.com/servuction/servuction/internal/human"
)

// FindingCode names what a review saw in a reply ([Finding]). The zero value
// is [FindingUnknown].
type FindingCode uint8

// The findings of a review, by P.
const (
	FindingUnknown FindingCode = iota
	// Prompt.
	AnsweredInTime   // answered within the target
	AnsweredLate     // late, but within twice the target
	AnsweredVeryLate // more than twice the target
	// Polite.
	Greeting         // a greeting (saludo)
	NoGreeting       // no greeting
	CourtesyPhrase   // please, thank you, sorry (fórmula de cortesía)
	NoCourtesyPhrase // no courtesy phrase
	Closing          // a closing formula (despedida)
	NoClosing        // no closing
	// Personal.
	UsesName  // addresses the customer by name
	NoName    // does not use the customer's name
	CitesCase // cites the case id
	NoCase    // does not cite the case id
	// Professional.
	Slang               // a popular word to avoid (palabra popular)
	Shouting            // a word in capitals
	RepeatedExclamation // "!!"
	TooShort            // fewer words than the minimum
	Clean               // no slang, no shouting, enough information
	// Promotional.
	Promotes    // promotes an offer, a product, a service
	NoPromotion // promotes nothing
)

var findingNames = enum.New("complaint: finding", ErrInvalidValue,
	[]string{"unknown", "answered-in-time", "answered-late", "answered-very-late", "greeting", "no-greeting",
		"courtesy-phrase", "no-courtesy-phrase", "closing", "no-closing", "uses-name", "no-name", "cites-case", "no-case",
		"slang", "shouting", "repeated-exclamation", "too-short", "clean", "promotes", "no-promotion"},
	map[string]FindingCode{"desconocido": FindingUnknown, "a tiempo": AnsweredInTime, "tarde": AnsweredLate, "muy tarde": AnsweredVeryLate,
		"saludo": Greeting, "sin saludo": NoGreeting, "fórmula de cortesía": CourtesyPhrase, "sin fórmula de cortesía": NoCourtesyPhrase,
		"despedida": Closing, "sin despedida": NoClosing, "palabra popular": Slang, "gritos": Shouting, "muy corta": TooShort,
		"promociona": Promotes, "no promociona": NoPromotion})

// ParseFindingCode returns the finding named s ("no-greeting", "sin saludo",
// …).
func ParseFindingCode(s string) (FindingCode, error) { return findingNames.Parse(s) }

// String returns the finding's English name, e.g. "no-greeting".
func (c FindingCode) String() string { return findingNames.String(c) }

// IsValid reports whether c is defined.
func (c FindingCode) IsValid() bool { return findingNames.Valid(c) }

// MarshalText implements encoding.TextMarshaler.
func (c FindingCode) MarshalText() ([]byte, error) { return findingNames.MarshalText(c) }

// UnmarshalText implements encoding.TextUnmarshaler with [ParseFindingCode].
func (c *FindingCode) UnmarshalText(text []byte) error { return findingNames.UnmarshalText(c, text) }

// Finding is one thing a review saw in a reply, behind a P's score: a code
// and its particulars, written for people by [Finding.Text].
type Finding struct {
	Code FindingCode
	// Phrase is what was found: the greeting, courtesy phrase, closing,
	// slang word, shouted word or promotion; the customer's first name; the
	// case id.
	Phrase string
	// Took and Target are the time the reply took and the agreed response
	// time (prompt findings).
	Took, Target time.Duration
	// Words and MinWords are the reply's length in words and the minimum
	// (TooShort).
	Words, MinWords int
}

// Text writes the finding in language l (English for any language but
// Spanish), durations for people: "answered in 2 d 8 h, more than twice the
// 4 h target", "respondido en 2 d 8 h, más del doble de la meta de 4 h".
func (f Finding) Text(l Language) string {
	es := l == Spanish
	t := func(en, spa string) string {
		if es {
			return spa
		}
		return en
	}
	hl := human.English
	if es {
		hl = human.Spanish
	}
	took, target := human.Elapsed(f.Took, hl), human.Elapsed(f.Target, hl)
	switch f.Code {
	case AnsweredInTime:
		return fmt.Sprintf(t("answered in %s, within the %s target", "respondido en %s, dentro de la meta de %s"), took, target)
	case AnsweredLate:
		return fmt.Sprintf(t("answered in %s, late but within twice the %s target", "respondido en %s, tarde pero dentro del doble de la meta de %s"), took, target)
	case AnsweredVeryLate:
		return fmt.Sprintf(t("answered in %s, more than twice the %s target", "respondido en %s, más del doble de la meta de %s"), took, target)
	case Greeting:
		return fmt.Sprintf(t("greeting: %q", "saludo: %q"), f.Phrase)
	case NoGreeting:
		return t("no greeting", "sin saludo")
	case CourtesyPhrase:
		return fmt.Sprintf(t("courtesy phrase: %q", "fórmula de cortesía: %q"), f.Phrase)
	case NoCourtesyPhrase:
		return t("no courtesy phrase", "sin fórmula de cortesía")
	case Closing:
		return fmt.Sprintf(t("closing: %q", "despedida: %q"), f.Phrase)
	case NoClosing:
		return t("no closing", "sin despedida")
	case UsesName:
		return fmt.Sprintf(t("addresses the customer by name (%s)", "llama al cliente por su nombre (%s)"), f.Phrase)
	case NoName:
		return t("does not use the customer's name", "no usa el nombre del cliente")
	case CitesCase:
		return t("cites case ", "cita el caso ") + f.Phrase
	case NoCase:
		return t("does not cite case ", "no cita el caso ") + f.Phrase
	}
	return f.professionalText(t)
}

// professionalText writes the professional and promotional findings.
func (f Finding) professionalText(t func(en, es string) string) string {
	switch f.Code {
	case Slang:
		return fmt.Sprintf(t("slang: %q", "palabra popular: %q"), f.Phrase)
	case Shouting:
		return fmt.Sprintf(t("shouting: %q", "gritos en mayúsculas: %q"), f.Phrase)
	case RepeatedExclamation:
		return t(`repeated "!!"`, `"!!" repetido`)
	case TooShort:
		return fmt.Sprintf(t("%d words, fewer than %d: too little information", "%d palabras, menos de %d: muy poca información"), f.Words, f.MinWords)
	case Clean:
		return t("no slang, no shouting, enough information", "sin palabras populares ni gritos, con información suficiente")
	case Promotes:
		return fmt.Sprintf(t("promotes: %q", "promociona: %q"), f.Phrase)
	case NoPromotion:
		return t("promotes nothing", "no promociona nada")
	}
	return f.Code.String()
}
